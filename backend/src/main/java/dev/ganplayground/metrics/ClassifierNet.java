package dev.ganplayground.metrics;

import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Sequential;
import java.util.List;

/**
 * The classifier's network in two parts, so the penultimate features are a network output of their own: a trunk
 * input-256-128 with ReLUs (its output is the feature vector) and a linear head 128-K giving the logits. Owns native
 * buffers for {@code capacity} rows and is not thread-safe: one per thread at a time.
 */
final class ClassifierNet implements AutoCloseable {
    static final int HIDDEN = 256;
    static final int FEATURES = 128;

    final Sequential trunk;
    final Sequential head;
    final FloatVec input;
    final int inputSize;
    final int classes;
    final int capacity;

    ClassifierNet(int inputSize, int classes, int capacity) {
        this.inputSize = inputSize;
        this.classes = classes;
        this.capacity = capacity;
        trunk = new Sequential(List.of(new Dense(inputSize, HIDDEN), new Activation(Activation.Kind.RELU, HIDDEN),
                new Dense(HIDDEN, FEATURES), new Activation(Activation.Kind.RELU, FEATURES)), capacity);
        head = new Sequential(List.of(new Dense(FEATURES, classes)), capacity);
        input = FloatVec.allocate(capacity * inputSize);
    }

    /** Parameters in both parts together: the trunk's, then the head's. */
    static int parameterCount(int inputSize, int classes) {
        return inputSize * HIDDEN + HIDDEN + HIDDEN * FEATURES + FEATURES + FEATURES * classes + classes;
    }

    void setParameters(float[] params) {
        int t = trunk.parameterCount();
        if (params.length != t + head.parameterCount()) {
            throw new IllegalArgumentException("expected " + (t + head.parameterCount()) + " parameters, found "
                    + params.length);
        }
        trunk.parameters().copyFrom(params, 0, 0, t);
        head.parameters().copyFrom(params, t, 0, head.parameterCount());
    }

    float[] parameters() {
        int t = trunk.parameterCount();
        float[] out = new float[t + head.parameterCount()];
        trunk.parameters().copyTo(0, out, 0, t);
        head.parameters().copyTo(0, out, t, head.parameterCount());
        return out;
    }

    /** Runs the first {@code rows} rows of {@link #input}; the features are then in {@code trunk.output()}. */
    FloatVec forward(int rows) {
        return head.forward(trunk.forward(input, rows), rows);
    }

    @Override
    public void close() {
        trunk.close();
        head.close();
        input.close();
    }
}
