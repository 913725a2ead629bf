package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Element-wise non-linearities: ReLU, leaky ReLU (slope 0.2, the DCGAN value), tanh and the logistic sigmoid.
 * The backward pass reads the output y only (every one of these has a derivative expressible through y), so the
 * input buffer could later be shared.
 */
public final class Activation implements Layer {
    /** Which function. */
    public enum Kind { RELU, LEAKY_RELU, TANH, SIGMOID }

    /** Negative-side slope of {@link Kind#LEAKY_RELU}. */
    public static final float LEAK = 0.2f;

    private final Kind kind;
    private final int width;

    public Activation(Kind kind, int width) {
        this.kind = kind;
        this.width = width;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int outputWidth() {
        return width;
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        int n = rows * width;
        switch (kind) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    yb.put(i, Math.max(xb.get(i), 0f));
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    float v = xb.get(i);
                    yb.put(i, v > 0f ? v : LEAK * v);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    yb.put(i, (float) Math.tanh(xb.get(i)));
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    yb.put(i, (float) (1.0 / (1.0 + Math.exp(-xb.get(i)))));
                }
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null) {
            return;
        }
        FloatBuffer yb = y.buffer();
        FloatBuffer gb = dy.buffer();
        FloatBuffer db = dx.buffer();
        int n = rows * width;
        switch (kind) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    db.put(i, yb.get(i) > 0f ? gb.get(i) : 0f);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    float g = gb.get(i);
                    db.put(i, yb.get(i) > 0f ? g : LEAK * g);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float t = yb.get(i);
                    db.put(i, gb.get(i) * (1f - t * t));
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float s = yb.get(i);
                    db.put(i, gb.get(i) * s * (1f - s));
                }
            }
        }
    }
}
