package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Minibatch standard deviation (Karras et al. 2018, section 3): appends one feature map to NCHW rows, constant over
 * the pixels, holding the mean over channels and pixels of the per-feature standard deviation across a group of
 * rows, so D can see how varied a batch is. As the paper's code: population variance, {@code sqrt(var + 1e-8)}, the
 * new channel last ({@code channels + 1} channels out). No parameters.
 *
 * <p>Groups are {@code groupSize} consecutive rows within each block of {@link #setGroupRows} rows (D's real and fake
 * halves are separate blocks, so no group mixes reals with fakes); a block whose size is not a multiple of the group
 * size ends with one shorter group (a group of one row sees a std of sqrt(1e-8), and gets no gradient from it). The
 * paper's code groups rows with a stride instead of consecutively; for i.i.d. rows that is the same distribution.
 *
 * <p>Backward, for a group of G rows over P = C*H*W features with mean mu_q and std sigma_q: the appended channel's
 * gradient summed over the group's rows and pixels, S, reaches x_iq as S (x_iq - mu_q) / (P G sigma_q), added to the
 * pass-through gradient.
 */
public final class MinibatchStddev implements Layer {
    /** Added to the variance under the root, as in the paper's code. */
    public static final double EPS = 1e-8;

    private final int channels;
    private final int spatial;
    private final int features;
    private final int groupSize;
    private int groupRows;
    /** Per-feature mean and std of the group at hand (heap scratch, sized once). */
    private final float[] mean;
    private final float[] std;

    /**
     * @param groupSize rows per group, at least 1 (the paper: 4)
     */
    public MinibatchStddev(int channels, int height, int width, int groupSize) {
        if (channels < 1 || height < 1 || width < 1 || groupSize < 1) {
            throw new IllegalArgumentException("MinibatchStddev needs positive sizes and group size, found "
                    + channels + "x" + height + "x" + width + ", group " + groupSize);
        }
        this.channels = channels;
        this.spatial = height * width;
        this.features = channels * spatial;
        this.groupSize = groupSize;
        mean = new float[features];
        std = new float[features];
    }

    public int groupSize() {
        return groupSize;
    }

    @Override
    public int inputWidth() {
        return features;
    }

    @Override
    public int outputWidth() {
        return features + spatial;
    }

    @Override
    public void setGroupRows(int groupRows) {
        this.groupRows = groupRows;
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        int block = groupRows == 0 ? rows : groupRows;
        for (int b0 = 0; b0 < rows; b0 += block) {
            int bEnd = Math.min(rows, b0 + block);
            for (int g0 = b0; g0 < bEnd; g0 += groupSize) {
                int gEnd = Math.min(bEnd, g0 + groupSize);
                float s = groupStats(xb, g0, gEnd);
                for (int r = g0; r < gEnd; r++) {
                    int in = r * features;
                    int out = r * (features + spatial);
                    for (int q = 0; q < features; q++) {
                        yb.put(out + q, xb.get(in + q));
                    }
                    for (int p = 0; p < spatial; p++) {
                        yb.put(out + features + p, s);
                    }
                }
            }
        }
    }

    /** Fills mean and std for rows [g0, gEnd) and returns the mean std. */
    private float groupStats(FloatBuffer xb, int g0, int gEnd) {
        int n = gEnd - g0;
        double total = 0;
        for (int q = 0; q < features; q++) {
            double m = 0;
            for (int r = g0; r < gEnd; r++) {
                m += xb.get(r * features + q);
            }
            m /= n;
            double v = 0;
            for (int r = g0; r < gEnd; r++) {
                double d = xb.get(r * features + q) - m;
                v += d * d;
            }
            double sd = Math.sqrt(v / n + EPS);
            mean[q] = (float) m;
            std[q] = (float) sd;
            total += sd;
        }
        return (float) (total / features);
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null) {
            return;
        }
        FloatBuffer xb = x.buffer();
        FloatBuffer gb = dy.buffer();
        FloatBuffer db = dx.buffer();
        int block = groupRows == 0 ? rows : groupRows;
        int outWidth = features + spatial;
        for (int b0 = 0; b0 < rows; b0 += block) {
            int bEnd = Math.min(rows, b0 + block);
            for (int g0 = b0; g0 < bEnd; g0 += groupSize) {
                int gEnd = Math.min(bEnd, g0 + groupSize);
                groupStats(xb, g0, gEnd);
                double sum = 0;
                for (int r = g0; r < gEnd; r++) {
                    for (int p = 0, at = r * outWidth + features; p < spatial; p++, at++) {
                        sum += gb.get(at);
                    }
                }
                float k = (float) (sum / ((double) features * (gEnd - g0)));
                for (int r = g0; r < gEnd; r++) {
                    int in = r * features;
                    int out = r * outWidth;
                    for (int q = 0; q < features; q++) {
                        db.put(in + q, gb.get(out + q) + k * (xb.get(in + q) - mean[q]) / std[q]);
                    }
                }
            }
        }
    }
}
