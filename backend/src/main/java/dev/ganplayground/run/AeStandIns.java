package dev.ganplayground.run;

import dev.ganplayground.training.RealSource;

import java.util.SplittableRandom;

/**
 * STAND-INS, to be replaced at merge by the measuring classes written in parallel (ae-metrics: data.PointCloud3d,
 * metrics.Pca, metrics.SubspaceAngle, metrics.LinearProbe, metrics.LatentMap, metrics.LatentLattice). Each method
 * is the one place the autoencoder engine calls for that function, so swapping means replacing a method's body
 * with a call to the real class (and then deleting this file). Small, plain Java, correct but not fast: subspace
 * iteration instead of an eigen-solver, power iteration for the principal angle, gradient descent for the probe.
 */
final class AeStandIns {
    private AeStandIns() {
    }

    // ---------------------------------------------------------------- PointCloud3d (dataset plane3d)

    /** The cloud's plane: origin, two orthonormal in-plane directions, the normal. */
    record Plane(float[] origin, float[] u, float[] v, float[] normal) {
    }

    /** A plane tilted against every axis, off the origin (so a decoder without bias could not fit it). */
    static final Plane PLANE = plane();

    private static Plane plane() {
        double[] u = {2, 1, 0.5};
        double[] v = {-1, 1.5, 1};
        normalise(u);
        double dot = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
        for (int i = 0; i < 3; i++) {
            v[i] -= dot * u[i];
        }
        normalise(v);
        double[] n = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
        return new Plane(new float[] {0.5f, -0.3f, 0.2f}, f(u), f(v), f(n));
    }

    /** The cloud as a source: anisotropic Gaussian on the plane (sd 1 and 0.5) plus noise of sd 0.05 along the normal. */
    static RealSource cloudSource() {
        return new RealSource() {
            @Override
            public SampleShape shape() {
                return new SampleShape(3, 1, 1);
            }

            @Override
            public void sample(SplittableRandom rng, float[] out, int offset, int n) {
                for (int i = 0; i < n; i++) {
                    double a = Gauss.next(rng);
                    double b = 0.5 * Gauss.next(rng);
                    double c = 0.05 * Gauss.next(rng);
                    for (int k = 0; k < 3; k++) {
                        out[offset + 3 * i + k] = (float) (PLANE.origin[k] + a * PLANE.u[k] + b * PLANE.v[k]
                                + c * PLANE.normal[k]);
                    }
                }
            }
        };
    }

    /** A fixed held-out set of {@code n} cloud points (its own seed: the same for every run). */
    static float[] cloudHeldOut(int n) {
        float[] out = new float[3 * n];
        cloudSource().sample(new SplittableRandom(0x3D3D3DL), out, 0, n);
        return out;
    }

    // ---------------------------------------------------------------- Pca

    /** Column means of an n x d matrix. */
    static float[] mean(float[] x, int n, int d) {
        double[] m = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[j] += x[i * d + j];
            }
        }
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) (m[j] / n);
        }
        return out;
    }

    /**
     * The top-k principal directions of the rows of x (n x d), as a d x k row-major matrix with orthonormal columns:
     * subspace iteration on X^T X (X centred) without forming it.
     */
    static float[] pcaBasis(float[] x, int n, int d, int k) {
        float[] mu = mean(x, n, d);
        double[] q = new double[d * k];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < q.length; i++) {
            q[i] = Gauss.next(r);
        }
        orthonormalise(q, d, k);
        double[] xq = new double[n * k];
        for (int iter = 0; iter < 40; iter++) {
            java.util.Arrays.fill(xq, 0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double xv = x[i * d + j] - mu[j];
                    if (xv != 0) {
                        for (int c = 0; c < k; c++) {
                            xq[i * k + c] += xv * q[j * k + c];
                        }
                    }
                }
            }
            java.util.Arrays.fill(q, 0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double xv = x[i * d + j] - mu[j];
                    if (xv != 0) {
                        for (int c = 0; c < k; c++) {
                            q[j * k + c] += xv * xq[i * k + c];
                        }
                    }
                }
            }
            orthonormalise(q, d, k);
        }
        return f(q);
    }

    /** Mean squared error per value of x's rows projected on mean + span(basis) (basis d x k orthonormal). */
    static double projectionMse(float[] x, int n, int d, float[] mean, float[] basis, int k) {
        double sum = 0;
        double[] c = new double[k];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(c, 0);
            for (int j = 0; j < d; j++) {
                double xv = x[i * d + j] - mean[j];
                for (int a = 0; a < k; a++) {
                    c[a] += xv * basis[j * k + a];
                }
            }
            for (int j = 0; j < d; j++) {
                double rec = mean[j];
                for (int a = 0; a < k; a++) {
                    rec += c[a] * basis[j * k + a];
                }
                double e = x[i * d + j] - rec;
                sum += e * e;
            }
        }
        return sum / ((double) n * d);
    }

    // ---------------------------------------------------------------- SubspaceAngle

    /**
     * The largest principal angle in degrees between span(a) and span(b), both d x k (not necessarily
     * orthonormal). With orthonormal bases Qa, Qb and M = Qa^T Qb, the cosines of the angles are M's singular values;
     * the largest angle's sin^2 is the largest eigenvalue of I - M^T M (power iteration).
     */
    static double subspaceAngleDegrees(float[] a, float[] b, int d, int k) {
        double[] qa = new double[d * k];
        double[] qb = new double[d * k];
        for (int i = 0; i < qa.length; i++) {
            qa[i] = a[i];
            qb[i] = b[i];
        }
        orthonormalise(qa, d, k);
        orthonormalise(qb, d, k);
        double[] m = new double[k * k];
        for (int j = 0; j < d; j++) {
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    m[r * k + c] += qa[j * k + r] * qb[j * k + c];
                }
            }
        }
        double[] p = new double[k * k]; // I - M^T M
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += m[t * k + r] * m[t * k + c];
                }
                p[r * k + c] = (r == c ? 1 : 0) - s;
            }
        }
        double[] v = new double[k];
        java.util.Arrays.fill(v, 1 / Math.sqrt(k));
        double lambda = 0;
        for (int iter = 0; iter < 500; iter++) {
            double[] w = new double[k];
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    w[r] += p[r * k + c] * v[c];
                }
            }
            double norm = Math.sqrt(dot(w, w));
            if (norm < 1e-15) {
                return 0;
            }
            lambda = norm;
            for (int r = 0; r < k; r++) {
                v[r] = w[r] / norm;
            }
        }
        return Math.toDegrees(Math.asin(Math.sqrt(Math.min(1, Math.max(0, lambda)))));
    }

    // ---------------------------------------------------------------- LinearProbe

    /**
     * Accuracy on the test codes of a softmax regression trained on the labelled codes (features standardised by
     * the training codes' statistics; 300 steps of full-batch gradient descent, a little L2).
     */
    static double probeAccuracy(float[] train, int[] trainLabels, float[] test, int[] testLabels, int k,
                                int classes) {
        int n = trainLabels.length;
        double[] mu = new double[k];
        double[] sd = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                mu[j] += train[i * k + j] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double e = train[i * k + j] - mu[j];
                sd[j] += e * e / n;
            }
        }
        for (int j = 0; j < k; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-6;
        }
        double[] w = new double[(k + 1) * classes];
        double[] g = new double[w.length];
        double[] p = new double[classes];
        double[] f = new double[k + 1];
        for (int iter = 0; iter < 300; iter++) {
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                features(train, i, k, mu, sd, f);
                softmax(w, f, k, classes, p);
                p[trainLabels[i]] -= 1;
                for (int j = 0; j <= k; j++) {
                    for (int c = 0; c < classes; c++) {
                        g[j * classes + c] += f[j] * p[c] / n;
                    }
                }
            }
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.5 * (g[i] + 1e-3 * w[i]);
            }
        }
        int right = 0;
        for (int i = 0; i < testLabels.length; i++) {
            features(test, i, k, mu, sd, f);
            softmax(w, f, k, classes, p);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            right += best == testLabels[i] ? 1 : 0;
        }
        return (double) right / testLabels.length;
    }

    private static void features(float[] x, int i, int k, double[] mu, double[] sd, double[] f) {
        for (int j = 0; j < k; j++) {
            f[j] = (x[i * k + j] - mu[j]) / sd[j];
        }
        f[k] = 1;
    }

    private static void softmax(double[] w, double[] f, int k, int classes, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = 0;
            for (int j = 0; j <= k; j++) {
                s += w[j * classes + c] * f[j];
            }
            p[c] = s;
            max = Math.max(max, s);
        }
        double z = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            z += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= z;
        }
    }

    // ---------------------------------------------------------------- LatentMap and LatentLattice

    /**
     * A 2D view of n codes of size k: k = 2 as they are (projection null); larger codes projected on their own top-2
     * principal directions (k x 2, around mean).
     *
     * @param points n x 2 floats
     * @param mean   the codes' mean (k floats), or null when not projected
     * @param basis  the projection (k x 2 row-major, orthonormal columns), or null when not projected
     */
    record LatentMap(float[] points, float[] mean, float[] basis) {
        /** [xMin, xMax, yMin, yMax], padded by 5% (a degenerate side by 1). */
        float[] bounds() {
            float[] b = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
            for (int i = 0; i < points.length; i += 2) {
                b[0] = Math.min(b[0], points[i]);
                b[1] = Math.max(b[1], points[i]);
                b[2] = Math.min(b[2], points[i + 1]);
                b[3] = Math.max(b[3], points[i + 1]);
            }
            for (int a = 0; a < 4; a += 2) {
                if (!(b[a + 1] > b[a]) || !Float.isFinite(b[a + 1] - b[a])) {
                    float c = Float.isFinite(b[a]) ? b[a] : 0;
                    b[a] = c - 1;
                    b[a + 1] = c + 1;
                }
                float pad = 0.05f * (b[a + 1] - b[a]);
                b[a] -= pad;
                b[a + 1] += pad;
            }
            return b;
        }
    }

    /** The map of n codes with a projection fitted to them. */
    static LatentMap latentMap(float[] codes, int n, int k) {
        if (k == 1) {
            float[] pts = new float[2 * n];
            for (int i = 0; i < n; i++) {
                pts[2 * i] = codes[i];
            }
            return new LatentMap(pts, null, null);
        }
        if (k == 2) {
            return new LatentMap(codes.clone(), null, null);
        }
        return latentMap(codes, n, k, mean(codes, n, k), pcaBasis(codes, n, k, 2));
    }

    /** The map of n codes (k > 2) projected with an earlier map's projection (fitting costs more than projecting). */
    static LatentMap latentMap(float[] codes, int n, int k, LatentMap fitted) {
        return fitted.basis() == null ? latentMap(codes, n, k) : latentMap(codes, n, k, fitted.mean(), fitted.basis());
    }

    private static LatentMap latentMap(float[] codes, int n, int k, float[] mu, float[] basis) {
        float[] pts = new float[2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                float c = codes[i * k + j] - mu[j];
                pts[2 * i] += c * basis[j * 2];
                pts[2 * i + 1] += c * basis[j * 2 + 1];
            }
        }
        return new LatentMap(pts, mu, basis);
    }

    /**
     * An r x r lattice over the map's bounds, row 0 at the top (largest y), as codes of size k: the 2D points
     * themselves for k <= 2, else lifted back through the projection (mean + x basis_1 + y basis_2).
     */
    static float[] latentLattice(LatentMap map, int r, int k) {
        float[] b = map.bounds();
        float[] out = new float[r * r * k];
        for (int row = 0; row < r; row++) {
            float y = b[3] - (b[3] - b[2]) * (row + 0.5f) / r;
            for (int col = 0; col < r; col++) {
                float x = b[0] + (b[1] - b[0]) * (col + 0.5f) / r;
                int o = (row * r + col) * k;
                if (map.basis() == null) {
                    out[o] = x;
                    if (k > 1) {
                        out[o + 1] = y;
                    }
                } else {
                    for (int j = 0; j < k; j++) {
                        out[o + j] = map.mean()[j] + x * map.basis()[j * 2] + y * map.basis()[j * 2 + 1];
                    }
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** Gram-Schmidt (twice, for stability) on the columns of a d x k row-major matrix; a null column stays null. */
    private static void orthonormalise(double[] q, int d, int k) {
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < k; c++) {
                for (int p = 0; p < c; p++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += q[j * k + c] * q[j * k + p];
                    }
                    for (int j = 0; j < d; j++) {
                        q[j * k + c] -= s * q[j * k + p];
                    }
                }
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += q[j * k + c] * q[j * k + c];
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < d; j++) {
                    q[j * k + c] = norm > 1e-12 ? q[j * k + c] / norm : 0;
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void normalise(double[] v) {
        double n = Math.sqrt(dot(v, v));
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
    }

    private static float[] f(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    /** Standard normal draws (Box-Muller; one of the pair is dropped: simplicity over speed here). */
    static final class Gauss {
        private Gauss() {
        }

        static double next(SplittableRandom r) {
            double u = 1 - r.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
        }
    }
}
