package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Repeats each input row over {@code steps} time steps: rows x width in, rows x (steps x width) out, time-major (Keras'
 * RepeatVector): a vector-to-sequence decoder feeds its code to every step of a recurrent layer. The input gradient
 * is the sum of the output gradient over the steps.
 */
public final class RepeatSteps implements Layer {
    private final int width;
    private final int steps;

    public RepeatSteps(int width, int steps) {
        if (width < 1 || steps < 1) {
            throw new IllegalArgumentException("RepeatSteps needs positive sizes, found width " + width + ", "
                    + steps + " steps");
        }
        this.width = width;
        this.steps = steps;
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int outputWidth() {
        return steps * width;
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < steps; t++) {
                int to = (r * steps + t) * width;
                for (int j = 0; j < width; j++) {
                    yb.put(to + j, xb.get(r * width + j));
                }
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null) {
            return;
        }
        FloatBuffer gb = dy.buffer();
        FloatBuffer db = dx.buffer();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                float s = 0f;
                for (int t = 0; t < steps; t++) {
                    s += gb.get((r * steps + t) * width + j);
                }
                db.put(r * width + j, s);
            }
        }
    }
}
