package dev.ganplayground.nn;

import java.util.SplittableRandom;

/**
 * Random orthogonal matrices for recurrent weights: a recurrent product by an orthogonal matrix keeps a state's norm,
 * so it neither explodes nor fades by itself over many steps (Saxe et al. 2014; Keras' GRU uses this init for its
 * recurrent kernel). Drawn by orthonormalising a Gaussian matrix (its QR decomposition's Q with R's diagonal kept
 * positive, which is uniform over orthogonal matrices: Mezzadri 2007; modified Gram-Schmidt gives exactly that Q).
 */
final class Orthogonal {
    private Orthogonal() {
    }

    /** An n x n orthogonal matrix, row-major, in double. */
    static double[] draw(int n, SplittableRandom rng) {
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        // Modified Gram-Schmidt over the rows (contiguous; the rows of a Gaussian matrix are as random as its
        // columns): row j minus its projections on the finished rows, normalised.
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            for (int k = 0; k < j; k++) {
                int rk = k * n;
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += a[rk + i] * a[rj + i];
                }
                for (int i = 0; i < n; i++) {
                    a[rj + i] -= dot * a[rk + i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += a[rj + i] * a[rj + i];
            }
            double inv = 1 / Math.sqrt(norm); // a Gaussian matrix is singular with probability 0
            for (int i = 0; i < n; i++) {
                a[rj + i] *= inv;
            }
        }
        return a;
    }
}
