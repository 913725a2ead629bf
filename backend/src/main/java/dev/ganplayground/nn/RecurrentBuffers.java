package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * A {@link Gru}'s scratch space, time-major: for a pass over {@code rows} sequences, step t's rows form one
 * contiguous block of each buffer, so a per-step product is a plain matrix and an all-steps product (input
 * projections, weight gradients) one matrix of steps x rows rows. Per-step views are rebuilt only when the row count
 * of a pass changes (a training run keeps one batch size), so a step allocates nothing native.
 */
final class RecurrentBuffers {
    private final int steps;
    private final int features;
    private final int hidden;
    private final int gates;
    private int capacity;
    private int layoutRows;
    /** The inputs, time-major (steps x rows x features). */
    FloatVec xT;
    /** Per step the gate input projections, then (after the step's loop) the activations r, z, n. */
    FloatVec gateValues;
    /** Per step the recurrent products h Wh + bh (r, z, n parts). */
    FloatVec recurrent;
    /** States h_{-1} = 0, h_0, ..., h_{steps-1}: steps + 1 blocks of rows x hidden. */
    FloatVec states;
    /** Loss gradient w.r.t. the gate pre-activations' input parts (and the biases bx). */
    FloatVec dGateInputs;
    /** Loss gradient w.r.t. the recurrent products (differs from dGateInputs in the n part by the factor r). */
    FloatVec dRecurrent;
    /** The gradient carried back to the previous step's state, rows x hidden. */
    FloatVec dState;
    /** The input gradient, time-major. */
    FloatVec dxT;
    /** steps x rows ones: bias broadcasts and bias gradients as BLAS products (see {@link Dense}). */
    FloatVec ones;
    FloatVec[] recurrentAt = new FloatVec[0];
    FloatVec[] statesAt = new FloatVec[0];
    FloatVec[] dRecurrentAt = new FloatVec[0];

    RecurrentBuffers(int steps, int features, int hidden, int gates) {
        this.steps = steps;
        this.features = features;
        this.hidden = hidden;
        this.gates = gates;
    }

    /** Grows the buffers to {@code rows} sequences; never shrinks. */
    void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        release();
        int all = steps * rows;
        xT = FloatVec.allocate(all * features);
        gateValues = FloatVec.allocate(all * gates);
        recurrent = FloatVec.allocate(all * gates);
        states = FloatVec.allocate((steps + 1) * rows * hidden);
        dGateInputs = FloatVec.allocate(all * gates);
        dRecurrent = FloatVec.allocate(all * gates);
        dState = FloatVec.allocate(rows * hidden);
        dxT = FloatVec.allocate(all * features);
        ones = FloatVec.allocate(all);
        ones.fill(1f);
        capacity = rows;
        layoutRows = 0;
    }

    /** Points the per-step views at a layout of {@code rows} sequences. */
    void layOut(int rows) {
        if (rows > capacity) {
            throw new IllegalArgumentException("rows must be at most " + capacity + ", found " + rows);
        }
        if (rows == layoutRows) {
            return;
        }
        recurrentAt = new FloatVec[steps];
        statesAt = new FloatVec[steps];
        dRecurrentAt = new FloatVec[steps];
        for (int t = 0; t < steps; t++) {
            recurrentAt[t] = recurrent.view(t * rows * gates, rows * gates);
            dRecurrentAt[t] = dRecurrent.view(t * rows * gates, rows * gates);
            statesAt[t] = states.view(t * rows * hidden, rows * hidden);
        }
        layoutRows = rows;
    }

    /** Copies x (rows x steps x features) into {@link #xT} and clears h_{-1} (an earlier layout may have used it). */
    void toTimeMajor(FloatVec x, int rows) {
        swapBlocks(x.buffer(), xT.buffer(), rows, steps, features);
        FloatBuffer hs = states.buffer();
        for (int i = 0; i < rows * hidden; i++) {
            hs.put(i, 0f);
        }
    }

    /** Copies {@link #dxT} into dx (rows x steps x features). */
    void fromTimeMajor(FloatVec dx, int rows) {
        swapBlocks(dxT.buffer(), dx.buffer(), steps, rows, features);
    }

    /** dst[b][a] = src[a][b] for a < outer, b < inner, where each entry is a run of {@code width} floats. */
    private static void swapBlocks(FloatBuffer src, FloatBuffer dst, int outer, int inner, int width) {
        for (int a = 0; a < outer; a++) {
            for (int b = 0; b < inner; b++) {
                int from = (a * inner + b) * width;
                int to = (b * outer + a) * width;
                for (int f = 0; f < width; f++) {
                    dst.put(to + f, src.get(from + f));
                }
            }
        }
    }

    /** Writes every state h_0 .. h_{steps-1} row-major per sequence ({@code all}), or only the last one, into y. */
    void writeOutput(FloatVec y, int rows, boolean all) {
        FloatBuffer hs = states.buffer();
        FloatBuffer out = y.buffer();
        for (int r = 0; r < rows; r++) {
            for (int t = all ? 0 : steps - 1; t < steps; t++) {
                int from = ((t + 1) * rows + r) * hidden;
                int to = all ? (r * steps + t) * hidden : r * hidden;
                for (int j = 0; j < hidden; j++) {
                    out.put(to + j, hs.get(from + j));
                }
            }
        }
    }

    /** Frees every buffer; a later {@link #reserve} allocates them again. */
    void release() {
        for (FloatVec v : new FloatVec[]{xT, gateValues, recurrent, states, dGateInputs, dRecurrent, dState, dxT,
                ones}) {
            if (v != null) {
                v.close();
            }
        }
        xT = gateValues = recurrent = states = dGateInputs = dRecurrent = dState = dxT = ones = null;
        capacity = 0;
        layoutRows = 0;
    }
}
