package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Pixelwise feature normalisation (Karras et al. 2018, section 4.2): each pixel's feature vector is divided by its
 * root mean square over the channels, {@code y = x / sqrt(mean_c x^2 + eps)} with eps 1e-8 (the paper's code). On
 * NCHW rows of channels x spatial floats; spatial 1 normalises a flat vector (ProGAN's latent z). No parameters.
 *
 * <p>Backward, with n = 1 / sqrt(mean_c x^2 + eps): dx_c = n (dy_c - y_c mean_k(dy_k y_k)).
 */
public final class PixelNorm implements Layer {
    /** Added under the root, as in the paper's code. */
    public static final double EPS = 1e-8;

    private final int channels;
    private final int spatial;

    public PixelNorm(int channels, int spatial) {
        if (channels < 1 || spatial < 1) {
            throw new IllegalArgumentException("PixelNorm needs positive sizes, found " + channels + "x" + spatial);
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
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        for (int r = 0; r < rows; r++) {
            int base = r * channels * spatial;
            for (int p = 0; p < spatial; p++) {
                float n = inverseRms(xb, base + p);
                for (int c = 0, at = base + p; c < channels; c++, at += spatial) {
                    yb.put(at, xb.get(at) * n);
                }
            }
        }
    }

    private float inverseRms(FloatBuffer xb, int first) {
        double s = 0;
        for (int c = 0, at = first; c < channels; c++, at += spatial) {
            float v = xb.get(at);
            s += v * v;
        }
        return (float) (1.0 / Math.sqrt(s / channels + EPS));
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null) {
            return;
        }
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        FloatBuffer gb = dy.buffer();
        FloatBuffer db = dx.buffer();
        for (int r = 0; r < rows; r++) {
            int base = r * channels * spatial;
            for (int p = 0; p < spatial; p++) {
                float n = inverseRms(xb, base + p);
                double dot = 0;
                for (int c = 0, at = base + p; c < channels; c++, at += spatial) {
                    dot += gb.get(at) * yb.get(at);
                }
                float mean = (float) (dot / channels);
                for (int c = 0, at = base + p; c < channels; c++, at += spatial) {
                    db.put(at, n * (gb.get(at) - yb.get(at) * mean));
                }
            }
        }
    }
}
