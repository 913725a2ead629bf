package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) in training mode, in plain Java loops (faster than ND4J's ops at
 * these sizes, shared/DESIGN.md): a row is C channels of S values (S = H*W after a convolution, S = 1 after a
 * Dense layer, whose features are then the channels); y = gamma_c (x - mean_c) / sqrt(var_c + 1e-5) + beta_c,
 * with mean and biased variance over the rows of the group and the S positions, like PyTorch's BatchNorm1d/2d in
 * training mode.
 *
 * <p><b>Always batch statistics.</b> No running averages are kept and there is no eval mode: GAN samples are
 * generated in training mode, as DCGAN implementations commonly do. So a sample depends on the other rows of its
 * pass: a frame's fixed-z 8x8 grid is normalised over its own 64 z's. That is deterministic (the grid is always
 * the same 64 z's), but the same z in a batch of other z's gives a slightly different image.
 *
 * <p><b>Groups</b> ({@link #setGroupRows}): statistics are taken per group of consecutive rows, so D run on
 * [reals; fakes] as one batch normalises the real half and the fake half separately, exactly as PyTorch's DCGAN
 * does with two separate D calls.
 *
 * <p><b>Init</b>: gamma from N(1, 0.02) and beta 0, as the PyTorch DCGAN example's {@code weights_init} does
 * (PyTorch's own default is gamma 1): DCGAN is the one user of this layer, and matching the reference
 * implementation keeps our runs and the PyTorch peer comparable; the 2% spread is too small to matter otherwise.
 *
 * <p>Backward per group and channel, with M values, xhat the normalised input and g = dy gamma:
 * dx = (invstd / M) (M g - sum g - xhat sum(g xhat)); dgamma = sum(dy xhat), dbeta = sum dy (over all groups).
 */
public final class BatchNorm implements Layer {
    /** Added to the variance, PyTorch's default. */
    public static final double EPS = 1e-5;
    /** Standard deviation of gamma's initial draw around 1. */
    public static final double GAMMA_INIT_STD = 0.02;

    private final int channels;
    private final int spatial;
    private FloatVec gamma;
    private FloatVec beta;
    private FloatVec dGamma;
    private FloatVec dBeta;
    private int groupRows;
    // Per (group, channel) statistics of the last forward pass, for backward.
    private float[] mean = new float[0];
    private float[] invStd = new float[0];

    /** A layer over rows of {@code channels} channels of {@code spatial} values each (channel-major, as NCHW). */
    public BatchNorm(int channels, int spatial) {
        if (channels < 1 || spatial < 1) {
            throw new IllegalArgumentException("channels and spatial must be positive, found " + channels + ", "
                    + spatial);
        }
        this.channels = channels;
        this.spatial = spatial;
    }

    @Override
    public int inputWidth() {
        return channels * spatial;
    }

    @Override
    public int outputWidth() {
        return channels * spatial;
    }

    @Override
    public int parameterCount() {
        return 2 * channels;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        gamma = params.view(0, channels);
        beta = params.view(channels, channels);
        dGamma = grads.view(0, channels);
        dBeta = grads.view(channels, channels);
    }

    @Override
    public void initialize(SplittableRandom rng) {
        for (int c = 0; c < channels; c++) {
            gamma.set(c, (float) (1 + GAMMA_INIT_STD * rng.nextGaussian()));
        }
        beta.fill(0f);
    }

    @Override
    public void setGroupRows(int groupRows) {
        this.groupRows = groupRows;
    }

    @Override
    public void reserve(int rows) {
        if (rows * channels > mean.length) {
            mean = new float[rows * channels];
            invStd = new float[rows * channels];
        }
    }

    private int group(int rows) {
        return groupRows <= 0 ? rows : Math.min(groupRows, rows);
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        int width = channels * spatial;
        int g = group(rows);
        for (int g0 = 0, gi = 0; g0 < rows; g0 += g, gi++) {
            int g1 = Math.min(g0 + g, rows);
            double count = (double) (g1 - g0) * spatial;
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int r = g0; r < g1; r++) {
                    for (int at = r * width + c * spatial, end = at + spatial; at < end; at++) {
                        sum += xb.get(at);
                    }
                }
                float m = (float) (sum / count);
                // Second pass over the deviations: no cancellation, unlike E[x^2] - E[x]^2.
                double sq = 0;
                for (int r = g0; r < g1; r++) {
                    for (int at = r * width + c * spatial, end = at + spatial; at < end; at++) {
                        float d = xb.get(at) - m;
                        sq += d * d;
                    }
                }
                float inv = (float) (1.0 / Math.sqrt(sq / count + EPS));
                mean[gi * channels + c] = m;
                invStd[gi * channels + c] = inv;
                float scale = gamma.get(c) * inv;
                float shift = beta.get(c) - m * scale;
                for (int r = g0; r < g1; r++) {
                    for (int at = r * width + c * spatial, end = at + spatial; at < end; at++) {
                        yb.put(at, xb.get(at) * scale + shift);
                    }
                }
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (!paramGrads && dx == null) {
            return;
        }
        FloatBuffer xb = x.buffer();
        FloatBuffer gb = dy.buffer();
        FloatBuffer dxb = dx == null ? null : dx.buffer();
        int width = channels * spatial;
        int g = group(rows);
        if (paramGrads) {
            dGamma.fill(0f);
            dBeta.fill(0f);
        }
        for (int g0 = 0, gi = 0; g0 < rows; g0 += g, gi++) {
            int g1 = Math.min(g0 + g, rows);
            double count = (double) (g1 - g0) * spatial;
            for (int c = 0; c < channels; c++) {
                float m = mean[gi * channels + c];
                float inv = invStd[gi * channels + c];
                double sumDy = 0;
                double sumDyXhat = 0;
                for (int r = g0; r < g1; r++) {
                    for (int at = r * width + c * spatial, end = at + spatial; at < end; at++) {
                        float d = gb.get(at);
                        sumDy += d;
                        sumDyXhat += d * ((xb.get(at) - m) * inv);
                    }
                }
                if (paramGrads) {
                    dGamma.set(c, dGamma.get(c) + (float) sumDyXhat);
                    dBeta.set(c, dBeta.get(c) + (float) sumDy);
                }
                if (dxb != null) {
                    // dx = gamma inv (dy - mean(dy) - xhat mean(dy xhat)), folded into dx = a dy + b x + k.
                    float gi0 = gamma.get(c) * inv;
                    float meanDy = (float) (sumDy / count);
                    float meanDyXhat = (float) (sumDyXhat / count);
                    float a = gi0;
                    float bx = -gi0 * meanDyXhat * inv;
                    float k = -gi0 * meanDy - bx * m;
                    for (int r = g0; r < g1; r++) {
                        for (int at = r * width + c * spatial, end = at + spatial; at < end; at++) {
                            dxb.put(at, a * gb.get(at) + bx * xb.get(at) + k);
                        }
                    }
                }
            }
        }
    }
}
