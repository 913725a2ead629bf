package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Adaptive instance normalisation (Huang and Belongie 2017; StyleGAN, Karras et al. 2019, eq. 1): each channel of
 * each row is normalised to zero mean and unit variance over its positions, then scaled and shifted by that row's
 * style: {@code y = s_c * (x - mean) / sqrt(var + eps) + b_c}. A style row holds the C scales then the C shifts.
 *
 * <p>A {@link StyleNorm}: it keeps each (row, channel)'s mean and inverse standard deviation of the last forward for
 * the backward pass; those buffers grow in {@link #reserve}.
 */
public final class AdaIn implements StyleNorm {
    /** StyleGAN's instance-norm epsilon (NVlabs/stylegan networks_stylegan.py, instance_norm). */
    public static final double EPS = 1e-8;

    private final int channels;
    private final int spatial;
    private FloatVec mean = FloatVec.allocate(0);
    private FloatVec invStd = FloatVec.allocate(0);
    private int capacity;

    /** Feature maps of {@code channels} x {@code spatial} positions per row; styles of 2 x channels per row. */
    public AdaIn(int channels, int spatial) {
        if (channels < 1 || spatial < 2) {
            throw new IllegalArgumentException("AdaIN needs channels >= 1 and spatial >= 2, found " + channels + ", "
                    + spatial);
        }
        this.channels = channels;
        this.spatial = spatial;
    }

    @Override
    public int channels() {
        return channels;
    }

    /** Floats per row of the feature map. */
    @Override
    public int width() {
        return channels * spatial;
    }

    /** Grows the statistics buffers to {@code rows} rows; never shrinks. */
    @Override
    public void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        close();
        mean = FloatVec.allocate(rows * channels);
        invStd = FloatVec.allocate(rows * channels);
        capacity = rows;
    }

    /** {@code y = style scale * normalised x + style shift}, per row and channel. */
    @Override
    public void forward(FloatVec x, FloatVec style, FloatVec y, int rows) {
        reserve(rows);
        FloatBuffer xb = x.buffer();
        FloatBuffer sb = style.buffer();
        FloatBuffer yb = y.buffer();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int at = (r * channels + c) * spatial;
                double s = 0;
                for (int p = 0; p < spatial; p++) {
                    s += xb.get(at + p);
                }
                double mu = s / spatial;
                double v = 0;
                for (int p = 0; p < spatial; p++) {
                    double d = xb.get(at + p) - mu;
                    v += d * d;
                }
                double inv = 1.0 / Math.sqrt(v / spatial + EPS);
                mean.set(r * channels + c, (float) mu);
                invStd.set(r * channels + c, (float) inv);
                float scale = (float) (sb.get(r * 2 * channels + c) * inv);
                float shift = sb.get(r * 2 * channels + channels + c);
                float m = (float) mu;
                for (int p = 0; p < spatial; p++) {
                    yb.put(at + p, (xb.get(at + p) - m) * scale + shift);
                }
            }
        }
    }

    /**
     * Gradients of the last forward: {@code dx} (may be null) and {@code dStyle} (may be null) from {@code dy}, both
     * overwritten. With g = dy * s and xh the normalised input: dx = inv * (g - mean(g) - xh * mean(g * xh)),
     * dScale = sum(dy * xh), dShift = sum(dy) (the instance-norm backward).
     */
    @Override
    public void backward(FloatVec x, FloatVec style, FloatVec dy, FloatVec dx, FloatVec dStyle, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer sb = style.buffer();
        FloatBuffer gb = dy.buffer();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int at = (r * channels + c) * spatial;
                double mu = mean.get(r * channels + c);
                double inv = invStd.get(r * channels + c);
                double sumDy = 0;
                double sumDyXh = 0;
                for (int p = 0; p < spatial; p++) {
                    double g = gb.get(at + p);
                    sumDy += g;
                    sumDyXh += g * (xb.get(at + p) - mu) * inv;
                }
                double scale = sb.get(r * 2 * channels + c);
                if (dStyle != null) {
                    dStyle.set(r * 2 * channels + c, (float) sumDyXh);
                    dStyle.set(r * 2 * channels + channels + c, (float) sumDy);
                }
                if (dx != null) {
                    double meanG = scale * sumDy / spatial;
                    double meanGXh = scale * sumDyXh / spatial;
                    FloatBuffer db = dx.buffer();
                    for (int p = 0; p < spatial; p++) {
                        double xh = (xb.get(at + p) - mu) * inv;
                        db.put(at + p, (float) (inv * (scale * gb.get(at + p) - meanG - xh * meanGXh)));
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        mean.close();
        invStd.close();
        capacity = 0;
    }
}
