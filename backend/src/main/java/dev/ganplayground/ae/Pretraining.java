package dev.ganplayground.ae;

import dev.ganplayground.config.OptimizerConfig;
import dev.ganplayground.config.TrainConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.SoftmaxCrossEntropy;
import dev.ganplayground.training.OptimizerSlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pretraining experiment's two downstream classifiers, both the arm's encoder architecture + a softmax head:
 * "pretrained" starts from a copy of the autoencoder's trained encoder (then fine-tuned with its head), "scratch"
 * from a fresh initialisation. Both train on the same batches drawn from a few labelled training examples, picked
 * deterministically from the seed and balanced per class, with one optimizer (train.optimizerD) over their one flat
 * vector (the checkpoint's discriminator).
 */
final class Pretraining implements AutoCloseable {
    static final String PRETRAINED = "pretrained";
    static final String SCRATCH = "scratch";

    private final int width;
    private final int classes;
    private final FloatVec params;
    private final FloatVec grads;
    private final Sequential pretrained;
    private final Sequential scratch;
    private final OptimizerSlot optimizer;
    private final float[] images;
    private final int[] labels;
    private final int[] batchLabels;
    private FloatVec x;
    private FloatVec dLogits;
    private int capacity;

    Pretraining(ArmSpec spec, ImageDataset data, ArmNets.Blocks first, ArmNets.Blocks second, int rows, long seed,
                OptimizerConfig opt, SplittableRandom init) {
        width = data.imageSize();
        classes = data.classCount();
        List<Layer> a = classifier(first);
        List<Layer> b = classifier(second);
        int n = Sequential.parameterCount(a);
        params = FloatVec.allocate(2 * n);
        grads = FloatVec.allocate(2 * n);
        pretrained = new Sequential(a, rows, params.view(0, n), grads.view(0, n));
        scratch = new Sequential(b, rows, params.view(n, n), grads.view(n, n));
        pretrained.initialize(init);
        scratch.initialize(init);
        optimizer = new OptimizerSlot(2 * n, opt);
        int[] picked = labelled(data, spec.model().labels(), seed);
        images = new float[picked.length * width];
        labels = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            data.copyImage(picked[i], images, i * width);
            labels[i] = data.label(picked[i]);
        }
        batchLabels = new int[TrainConfig.MAX_BATCH];
        ensureCapacity(rows);
    }

    private List<Layer> classifier(ArmNets.Blocks blocks) {
        List<Layer> layers = new ArrayList<>(blocks.encoderLayers());
        layers.add(new Dense(layers.get(layers.size() - 1).outputWidth(), classes));
        return layers;
    }

    /**
     * {@code count} training-split indices, balanced per class (the first classes get one more when count is not a
     * multiple), in a seeded shuffled order, so the same seed always picks the same examples.
     */
    static int[] labelled(ImageDataset data, int count, long seed) {
        int train = data.trainCount();
        int[] order = new int[train];
        for (int i = 0; i < train; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x6C61_6265_6C73L);
        for (int i = train - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int k = data.classCount();
        int[] quota = new int[k];
        for (int c = 0; c < k; c++) {
            quota[c] = count / k + (c < count % k ? 1 : 0);
        }
        int[] picked = new int[count];
        int n = 0;
        for (int i = 0; i < train && n < count; i++) {
            int c = data.label(order[i]);
            if (quota[c] > 0) {
                quota[c]--;
                picked[n++] = order[i];
            }
        }
        return java.util.Arrays.copyOf(picked, n);
    }

    void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        if (x != null) {
            x.close();
            dLogits.close();
        }
        pretrained.ensureCapacity(rows);
        scratch.ensureCapacity(rows);
        x = FloatVec.allocate(rows * width);
        dLogits = FloatVec.allocate(rows * classes);
        capacity = rows;
    }

    /** Starts the pretrained classifier's body from the autoencoder's encoder parameters (a copy). */
    void copyEncoder(FloatVec aeParams, int encoderParams) {
        pretrained.parameters().copyFrom(aeParams, 0, encoderParams);
    }

    /** Draws one labelled batch of {@code rows} rows and trains both classifiers' gradients; returns their losses. */
    void step(int rows, SplittableRandom rng, double[] losses) {
        for (int r = 0; r < rows; r++) {
            int i = rng.nextInt(labels.length);
            x.copyFrom(images, i * width, r * width, width);
            batchLabels[r] = labels[i];
        }
        Sequential[] nets = {pretrained, scratch};
        for (int k = 0; k < 2; k++) {
            FloatVec logits = nets[k].forward(x, rows);
            losses[k] = SoftmaxCrossEntropy.lossAndGradient(logits, batchLabels, 0, rows, classes, dLogits);
            nets[k].backward(dLogits, rows, true, null);
        }
    }

    double gradientNorm() {
        return Math.sqrt(grads.sumOfSquares());
    }

    OptimizerSlot optimizer() {
        return optimizer;
    }

    FloatVec parameters() {
        return params;
    }

    FloatVec gradients() {
        return grads;
    }

    int labelledCount() {
        return labels.length;
    }

    /** Test accuracy of both classifiers on {@code n} inputs (an evaluation pass). */
    Map<String, Double> accuracy(float[] inputs, int[] truth, int n) {
        Map<String, Double> acc = new LinkedHashMap<>();
        acc.put(PRETRAINED, accuracy(pretrained, inputs, truth, n));
        acc.put(SCRATCH, accuracy(scratch, inputs, truth, n));
        return acc;
    }

    private double accuracy(Sequential net, float[] inputs, int[] truth, int n) {
        int right = 0;
        for (int at = 0; at < n; at += capacity) {
            int k = Math.min(capacity, n - at);
            x.copyFrom(inputs, at * width, 0, k * width);
            FloatVec logits = net.forward(x, k);
            for (int r = 0; r < k; r++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (logits.get(r * classes + c) > logits.get(r * classes + best)) {
                        best = c;
                    }
                }
                right += best == truth[at + r] ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : (double) right / n;
    }

    @Override
    public void close() {
        x.close();
        dLogits.close();
        pretrained.close();
        scratch.close();
        optimizer.close();
        params.close();
        grads.close();
    }
}
