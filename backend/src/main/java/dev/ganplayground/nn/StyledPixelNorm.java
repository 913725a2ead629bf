package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * ProGAN's pixel norm with a style: each pixel's feature vector is divided by its root mean square over the channels
 * (Karras et al. 2018, section 4.2, eps 1e-8), then each channel is scaled and shifted by the row's style, {@code
 * y_c = s_c * x_c / sqrt(mean_k x_k^2 + eps) + b_c}.
 *
 * <p>Why it exists: on this project's small CPU-sized StyleGANs (16-64 channels, 32x32) both AdaIN's per-channel
 * instance norm and StyleGAN2's demodulation collapsed on MNIST, while ProGAN's pixel-normalised generator under the
 * same trainer learned. Normalising over the channels of each pixel, not over the positions of each channel, keeps
 * where a stroke is (the spatial contrast instance norm removes per image) and still lets the style set each
 * channel's gain and offset. docs/architecture.md (StyleGAN) has the measurements; it is a deviation from the paper.
 *
 * <p>Backward, with n = 1 / sqrt(mean_c x^2 + eps), xh = n x and g_c = s_c dy_c:
 * dx_c = n (g_c - xh_c mean_k(g_k xh_k)); dScale_c = sum_p dy xh; dShift_c = sum_p dy.
 */
public final class StyledPixelNorm implements StyleNorm {
    private final int channels;
    private final int spatial;
    /** n per (row, pixel) of the last forward. */
    private float[] inv = new float[0];
    /** Per-pixel sums of one row, reused. */
    private final double[] pixelSums;

    /** Feature maps of {@code channels} x {@code spatial} positions per row. */
    public StyledPixelNorm(int channels, int spatial) {
        if (channels < 1 || spatial < 1) {
            throw new IllegalArgumentException("StyledPixelNorm needs positive sizes, found " + channels + "x"
                    + spatial);
        }
        this.channels = channels;
        this.spatial = spatial;
        this.pixelSums = new double[spatial];
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int width() {
        return channels * spatial;
    }

    @Override
    public void reserve(int rows) {
        if (inv.length < rows * spatial) {
            inv = new float[rows * spatial];
        }
    }

    @Override
    public void forward(FloatVec x, FloatVec style, FloatVec y, int rows) {
        reserve(rows);
        FloatBuffer xb = x.buffer();
        FloatBuffer sb = style.buffer();
        FloatBuffer yb = y.buffer();
        for (int r = 0; r < rows; r++) {
            int row = r * channels * spatial;
            // Channel-outer loops keep the reads contiguous; the per-pixel sums live in pixelSums.
            java.util.Arrays.fill(pixelSums, 0);
            for (int c = 0; c < channels; c++) {
                int at = row + c * spatial;
                for (int p = 0; p < spatial; p++) {
                    double v = xb.get(at + p);
                    pixelSums[p] += v * v;
                }
            }
            for (int p = 0; p < spatial; p++) {
                inv[r * spatial + p] = (float) (1.0 / Math.sqrt(pixelSums[p] / channels + PixelNorm.EPS));
            }
            for (int c = 0; c < channels; c++) {
                int at = row + c * spatial;
                float scale = sb.get(r * 2 * channels + c);
                float shift = sb.get(r * 2 * channels + channels + c);
                for (int p = 0; p < spatial; p++) {
                    yb.put(at + p, xb.get(at + p) * inv[r * spatial + p] * scale + shift);
                }
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec style, FloatVec dy, FloatVec dx, FloatVec dStyle, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer sb = style.buffer();
        FloatBuffer gb = dy.buffer();
        for (int r = 0; r < rows; r++) {
            int row = r * channels * spatial;
            int n = r * spatial;
            java.util.Arrays.fill(pixelSums, 0);
            for (int c = 0; c < channels; c++) {
                int at = row + c * spatial;
                double scale = sb.get(r * 2 * channels + c);
                double sumDy = 0;
                double sumDyXh = 0;
                for (int p = 0; p < spatial; p++) {
                    double g = gb.get(at + p);
                    double xh = xb.get(at + p) * inv[n + p];
                    sumDy += g;
                    sumDyXh += g * xh;
                    pixelSums[p] += scale * g * xh;
                }
                if (dStyle != null) {
                    dStyle.set(r * 2 * channels + c, (float) sumDyXh);
                    dStyle.set(r * 2 * channels + channels + c, (float) sumDy);
                }
            }
            if (dx == null) {
                continue;
            }
            FloatBuffer db = dx.buffer();
            for (int c = 0; c < channels; c++) {
                int at = row + c * spatial;
                double scale = sb.get(r * 2 * channels + c);
                for (int p = 0; p < spatial; p++) {
                    double in = inv[n + p];
                    double xh = xb.get(at + p) * in;
                    db.put(at + p, (float) (in * (scale * gb.get(at + p) - xh * pixelSums[p] / channels)));
                }
            }
        }
    }

    @Override
    public void close() {
        // Heap buffers only.
    }
}
