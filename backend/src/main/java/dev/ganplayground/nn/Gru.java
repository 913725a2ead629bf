package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * A gated recurrent unit layer (Cho et al. 2014, in PyTorch's formulation, torch.nn.GRU docs) run over sequences of
 * {@code steps} x {@code features}, with forward and backward through time written by hand. Input rows hold one
 * sequence each, time-major: x_0 (features floats), x_1, ... (an image row after row). With state h (h_{-1} = 0):
 * <pre>
 *   r = sigmoid(x Wr + bxr + h Ur + bhr)       reset gate
 *   z = sigmoid(x Wz + bxz + h Uz + bhz)       update gate
 *   n = tanh(x Wn + bxn + r * (h Un + bhn))    candidate
 *   h' = (1 - z) * n + z * h
 * </pre>
 * Output rows are the last state ({@link Output#LAST_STATE}, hidden floats: a sequence-to-vector encoder) or every
 * state, time-major ({@link Output#ALL_STATES}, steps x hidden floats: a sequence decoder). The state is a convex
 * mix of tanh values, so it stays in (-1, 1) however long the sequence.
 *
 * <p>Parameters: Wx [features x 3 hidden] (columns r, z, n), Wh [hidden x 3 hidden], bx [3 hidden], bh [3 hidden]
 * (two biases because bhn sits inside r's product). The input projection of all steps is one sgemm over the
 * (rows x steps) x features matrix; each step then costs one sgemm of rows x hidden by hidden x 3 hidden forward and
 * one backward, and the weight gradients are again one sgemm each over all steps. The gate arithmetic is fused Java
 * loops. Internal buffers are time-major (step t's rows contiguous) so every per-step product is a plain block.
 */
public final class Gru implements Layer {
    /** What a row of output holds. */
    public enum Output { LAST_STATE, ALL_STATES }

    private final int steps;
    private final int features;
    private final int hidden;
    private final int gates;
    private final Output output;
    private FloatVec wx;
    private FloatVec wh;
    private FloatVec bx;
    private FloatVec bh;
    private FloatVec dwx;
    private FloatVec dwh;
    private FloatVec dbx;
    private FloatVec dbh;
    private final RecurrentBuffers buf;

    public Gru(int steps, int features, int hidden, Output output) {
        if (steps < 1 || features < 1 || hidden < 1) {
            throw new IllegalArgumentException("Gru needs positive sizes, found " + steps + " steps of " + features
                    + " features, hidden " + hidden);
        }
        this.steps = steps;
        this.features = features;
        this.hidden = hidden;
        this.gates = 3 * hidden;
        this.output = java.util.Objects.requireNonNull(output);
        this.buf = new RecurrentBuffers(steps, features, hidden, gates);
    }

    public int steps() {
        return steps;
    }

    public int hidden() {
        return hidden;
    }

    @Override
    public int inputWidth() {
        return steps * features;
    }

    @Override
    public int outputWidth() {
        return output == Output.LAST_STATE ? hidden : steps * hidden;
    }

    @Override
    public int parameterCount() {
        return (features + hidden + 2) * gates;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        int[] at = {0, features * gates, (features + hidden) * gates, (features + hidden + 1) * gates};
        wx = params.view(at[0], features * gates);
        wh = params.view(at[1], hidden * gates);
        bx = params.view(at[2], gates);
        bh = params.view(at[3], gates);
        dwx = grads.view(at[0], features * gates);
        dwh = grads.view(at[1], hidden * gates);
        dbx = grads.view(at[2], gates);
        dbh = grads.view(at[3], gates);
    }

    /**
     * Keras' GRU defaults: Wx Glorot-uniform (limit sqrt(6 / (features + 3 hidden))), each gate's hidden x hidden
     * block of Wh orthogonal ({@link Orthogonal}), biases 0. PyTorch's uniform +-1/sqrt(hidden) recurrent weights
     * have a spectral radius near 1.15 at hidden 128, which over 28 steps lets early inputs swamp or vanish; the
     * orthogonal blocks keep the recurrent product norm-preserving.
     */
    @Override
    public void initialize(SplittableRandom rng) {
        double limit = Math.sqrt(6.0 / (features + gates));
        for (int i = 0; i < wx.length(); i++) {
            wx.set(i, (float) ((rng.nextDouble() * 2 - 1) * limit));
        }
        for (int g = 0; g < 3; g++) {
            double[] q = Orthogonal.draw(hidden, rng);
            for (int i = 0; i < hidden; i++) {
                for (int j = 0; j < hidden; j++) {
                    wh.set(i * gates + g * hidden + j, (float) q[i * hidden + j]);
                }
            }
        }
        bx.fill(0f);
        bh.fill(0f);
    }

    @Override
    public void reserve(int rows) {
        buf.reserve(rows);
    }

    @Override
    public void release() {
        buf.release();
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        buf.reserve(rows);
        buf.layOut(rows);
        buf.toTimeMajor(x, rows);
        int all = steps * rows;
        // Input projections of every step at once: gatesBuf = ones bx + xT Wx.
        Blas.sgemm(false, false, all, gates, 1, 1f, buf.ones, 1, bx, gates, 0f, buf.gateValues, gates);
        Blas.sgemm(false, false, all, gates, features, 1f, buf.xT, features, wx, gates, 1f, buf.gateValues, gates);
        FloatBuffer gv = buf.gateValues.buffer();
        FloatBuffer ghb = buf.recurrent.buffer();
        FloatBuffer hs = buf.states.buffer();
        for (int t = 0; t < steps; t++) {
            FloatVec gh = buf.recurrentAt[t];
            Blas.sgemm(false, false, rows, gates, 1, 1f, buf.ones, 1, bh, gates, 0f, gh, gates);
            if (t > 0) { // h_{-1} = 0 contributes nothing
                Blas.sgemm(false, false, rows, gates, hidden, 1f, buf.statesAt[t], hidden, wh, gates, 1f, gh, gates);
            }
            for (int r = 0; r < rows; r++) {
                int g0 = (t * rows + r) * gates;
                int hPrev = (t * rows + r) * hidden;
                int hNext = hPrev + rows * hidden;
                for (int j = 0; j < hidden; j++) {
                    float rg = sigmoid(gv.get(g0 + j) + ghb.get(g0 + j));
                    float zg = sigmoid(gv.get(g0 + hidden + j) + ghb.get(g0 + hidden + j));
                    float ng = Activation.tanh(gv.get(g0 + 2 * hidden + j) + rg * ghb.get(g0 + 2 * hidden + j));
                    gv.put(g0 + j, rg);
                    gv.put(g0 + hidden + j, zg);
                    gv.put(g0 + 2 * hidden + j, ng);
                    hs.put(hNext + j, (1f - zg) * ng + zg * hs.get(hPrev + j));
                }
            }
        }
        buf.writeOutput(y, rows, output == Output.ALL_STATES);
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null && !paramGrads) {
            return;
        }
        buf.layOut(rows);
        FloatBuffer gv = buf.gateValues.buffer();
        FloatBuffer ghb = buf.recurrent.buffer();
        FloatBuffer hs = buf.states.buffer();
        FloatBuffer dgx = buf.dGateInputs.buffer();
        FloatBuffer dgh = buf.dRecurrent.buffer();
        FloatBuffer dh = buf.dState.buffer();
        FloatBuffer dyb = dy.buffer();
        boolean allStates = output == Output.ALL_STATES;
        buf.dState.fill(0f);
        for (int t = steps - 1; t >= 0; t--) {
            for (int r = 0; r < rows; r++) {
                int g0 = (t * rows + r) * gates;
                int hPrev = (t * rows + r) * hidden;
                int d0 = r * hidden;
                // The loss reaches h_t through the output (all states, or the last one) and through h_{t+1}.
                int outAt = allStates ? (r * steps + t) * hidden : (t == steps - 1 ? r * hidden : -1);
                for (int j = 0; j < hidden; j++) {
                    float g = dh.get(d0 + j) + (outAt >= 0 ? dyb.get(outAt + j) : 0f);
                    float rg = gv.get(g0 + j);
                    float zg = gv.get(g0 + hidden + j);
                    float ng = gv.get(g0 + 2 * hidden + j);
                    float ghn = ghb.get(g0 + 2 * hidden + j);
                    float dnPre = g * (1f - zg) * (1f - ng * ng);
                    float dzPre = g * (hs.get(hPrev + j) - ng) * zg * (1f - zg);
                    float drPre = dnPre * ghn * rg * (1f - rg);
                    dgx.put(g0 + j, drPre);
                    dgx.put(g0 + hidden + j, dzPre);
                    dgx.put(g0 + 2 * hidden + j, dnPre);
                    dgh.put(g0 + j, drPre);
                    dgh.put(g0 + hidden + j, dzPre);
                    dgh.put(g0 + 2 * hidden + j, dnPre * rg);
                    dh.put(d0 + j, g * zg); // h_{t-1}'s direct share through the update gate
                }
            }
            if (t > 0) { // ... plus its share through the recurrent products: dh += dGh_t Wh^T
                Blas.sgemm(false, true, rows, hidden, gates, 1f, buf.dRecurrentAt[t], gates, wh, gates, 1f,
                        buf.dState, hidden);
            }
        }
        int all = steps * rows;
        if (paramGrads) {
            Blas.sgemm(true, false, features, gates, all, 1f, buf.xT, features, buf.dGateInputs, gates, 0f, dwx,
                    gates);
            Blas.sgemv(true, all, gates, 1f, buf.dGateInputs, gates, buf.ones, 0f, dbx);
            // States 0 .. steps-1 of the buffer are h_{-1} .. h_{steps-2}, the states each step's product saw.
            Blas.sgemm(true, false, hidden, gates, all, 1f, buf.states, hidden, buf.dRecurrent, gates, 0f, dwh,
                    gates);
            Blas.sgemv(true, all, gates, 1f, buf.dRecurrent, gates, buf.ones, 0f, dbh);
        }
        if (dx != null) {
            Blas.sgemm(false, true, all, features, gates, 1f, buf.dGateInputs, gates, wx, gates, 0f, buf.dxT,
                    features);
            buf.fromTimeMajor(dx, rows);
        }
    }

    private static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
}
