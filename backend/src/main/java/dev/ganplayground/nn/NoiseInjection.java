package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * StyleGAN's noise input (Karras et al. 2019, section 3.2): one single-channel image of N(0, 1) noise per row, added
 * to every channel with a learned per-channel scale, {@code y = x + scale_c * noise}. The scales start at 0, as in
 * NVlabs/stylegan (networks_stylegan.py, apply_noise), so noise enters only as far as training finds it useful.
 *
 * <p>The noise itself is not a parameter: the owner fills {@link #noise()} before each forward (fresh draws in
 * training, fixed ones for a stable picture), and the backward pass uses what the forward saw.
 */
public final class NoiseInjection implements Layer {
    private final int channels;
    private final int spatial;
    private FloatVec scale;
    private FloatVec dScale;
    private FloatVec noise = FloatVec.allocate(0);
    private int capacity;

    public NoiseInjection(int channels, int spatial) {
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
        return channels;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        scale = params;
        dScale = grads;
    }

    @Override
    public void initialize(SplittableRandom rng) {
        scale.fill(0f);
    }

    /** Positions per row (the noise image's size). */
    public int spatial() {
        return spatial;
    }

    /** The noise of the next forward: rows x spatial floats, row after row. */
    public FloatVec noise() {
        return noise;
    }

    /** Fills the first {@code rows} noise images with fresh N(0, 1) draws from {@code rng}. */
    public void drawNoise(SplittableRandom rng, int rows) {
        reserve(rows);
        FloatBuffer nb = noise.buffer();
        for (int i = 0, n = rows * spatial; i < n; i++) {
            nb.put(i, (float) rng.nextGaussian());
        }
    }

    @Override
    public void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        FloatVec grown = FloatVec.allocate(rows * spatial);
        grown.copyFrom(noise, 0, capacity * spatial);
        noise.close();
        noise = grown;
        capacity = rows;
    }

    @Override
    public void release() {
        noise.close();
        noise = FloatVec.allocate(0);
        capacity = 0;
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        FloatBuffer nb = noise.buffer();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                float s = scale.get(c);
                int at = (r * channels + c) * spatial;
                int n0 = r * spatial;
                for (int p = 0; p < spatial; p++) {
                    yb.put(at + p, xb.get(at + p) + s * nb.get(n0 + p));
                }
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        FloatBuffer gb = dy.buffer();
        FloatBuffer nb = noise.buffer();
        if (dx != null && dx != dy) {
            dx.copyFrom(dy, 0, rows * channels * spatial);
        }
        if (paramGrads) {
            for (int c = 0; c < channels; c++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    int at = (r * channels + c) * spatial;
                    int n0 = r * spatial;
                    for (int p = 0; p < spatial; p++) {
                        s += gb.get(at + p) * nb.get(n0 + p);
                    }
                }
                dScale.set(c, (float) s);
            }
        }
    }
}
