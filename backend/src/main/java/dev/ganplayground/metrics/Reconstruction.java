package dev.ganplayground.metrics;

/**
 * Reconstruction error, with the convention the autoencoder trainers use for their loss: the squared difference
 * averaged over all values (n * width), so numbers from a trainer, from PCA's optimum and from a held-out batch are
 * comparable. Pure functions over row-major float batches.
 */
public final class Reconstruction {
    private Reconstruction() {
    }

    /** Mean over all {@code n * width} values of (x - y)^2. */
    public static double mse(float[] x, float[] y, int n, int width) {
        int size = checkSizes(x, y, n, width);
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double diff = (double) x[i] - y[i];
            sum += diff * diff;
        }
        return sum / size;
    }

    /** Each input's own mean squared error over its {@code width} values (n values): e.g. to pick the worst ones. */
    public static double[] msePerSample(float[] x, float[] y, int n, int width) {
        checkSizes(x, y, n, width);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = i * width; j < (i + 1) * width; j++) {
                double diff = (double) x[j] - y[j];
                sum += diff * diff;
            }
            out[i] = sum / width;
        }
        return out;
    }

    private static int checkSizes(float[] x, float[] y, int n, int width) {
        if (n < 1 || width < 1) {
            throw new IllegalArgumentException("need n >= 1 and width >= 1, found " + n + " and " + width);
        }
        long size = (long) n * width;
        if (size > x.length || size > y.length) {
            throw new IllegalArgumentException("n * width = " + size + " values do not fit in arrays of "
                    + x.length + " and " + y.length);
        }
        return (int) size;
    }
}
