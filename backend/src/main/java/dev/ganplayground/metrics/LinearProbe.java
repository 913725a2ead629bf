package dev.ganplayground.metrics;

import java.util.Arrays;

/**
 * A linear softmax classifier trained on a few labelled codes: the standard "linear probe" for how useful an
 * autoencoder's codes are (how much of the class a linear read-out finds in them). Features are standardised with
 * the training codes' mean and standard deviation (so a code's scale does not matter), then multinomial logistic
 * regression with a small L2 penalty is fitted by full-batch Adam for a fixed number of iterations from zero
 * weights: no randomness at all, so the same codes always give the same probe. The problem is convex, so the fixed
 * budget lands near the same optimum whatever the codes' scale. Immutable once trained; double precision.
 */
public final class LinearProbe {
    /** Full-batch iterations: enough for 100 codes of up to ~1,000 units to converge well past 99% of the way. */
    public static final int ITERATIONS = 300;
    static final double LEARNING_RATE = 0.05;
    /** L2 penalty on the weights (not the biases): keeps separable data's weights finite. */
    static final double L2 = 1e-3;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int dim;
    private final int classes;
    private final double[] mean;
    private final double[] invStd;
    /** classes x (dim + 1) row-major; the last entry of each row is the bias. */
    private final double[] weights;
    private final double trainingLoss;

    private LinearProbe(int dim, int classes, double[] mean, double[] invStd, double[] weights, double trainingLoss) {
        this.dim = dim;
        this.classes = classes;
        this.mean = mean;
        this.invStd = invStd;
        this.weights = weights;
        this.trainingLoss = trainingLoss;
    }

    /**
     * Trains a probe on {@code n} codes of {@code dim} floats (row-major) with labels in [0, classes).
     */
    public static LinearProbe train(float[] codes, int[] labels, int n, int dim, int classes) {
        checkBatch(codes, labels, n, dim, classes);
        double[] mean = new double[dim];
        double[] invStd = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += codes[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double c = codes[i * dim + j] - mean[j];
                invStd[j] += c * c;
            }
        }
        for (int j = 0; j < dim; j++) {
            double std = Math.sqrt(invStd[j] / n);
            // A constant unit (dead, saturated) is 0 after centring whatever its scale: leave it at 0.
            invStd[j] = std > 1e-12 ? 1 / std : 0;
        }
        double[] features = new double[n * (dim + 1)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                features[i * (dim + 1) + j] = (codes[i * dim + j] - mean[j]) * invStd[j];
            }
            features[i * (dim + 1) + dim] = 1; // bias input
        }
        int width = dim + 1;
        double[] w = new double[classes * width];
        double[] grad = new double[w.length];
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[] p = new double[classes];
        double loss = 0;
        for (int t = 1; t <= ITERATIONS; t++) {
            Arrays.fill(grad, 0);
            loss = 0;
            for (int i = 0; i < n; i++) {
                loss += softmax(w, features, i * width, width, classes, p, labels[i]);
                p[labels[i]] -= 1; // d(cross-entropy)/d(logits) = p - onehot
                for (int c = 0; c < classes; c++) {
                    double g = p[c] / n;
                    int row = c * width;
                    for (int j = 0; j < width; j++) {
                        grad[row + j] += g * features[i * width + j];
                    }
                }
            }
            loss /= n;
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < dim; j++) {
                    int at = c * width + j;
                    grad[at] += L2 * w[at];
                    loss += 0.5 * L2 * w[at] * w[at];
                }
            }
            double correction1 = 1 - Math.pow(BETA1, t);
            double correction2 = 1 - Math.pow(BETA2, t);
            for (int q = 0; q < w.length; q++) {
                m[q] = BETA1 * m[q] + (1 - BETA1) * grad[q];
                v[q] = BETA2 * v[q] + (1 - BETA2) * grad[q] * grad[q];
                w[q] -= LEARNING_RATE * (m[q] / correction1) / (Math.sqrt(v[q] / correction2) + EPSILON);
            }
        }
        return new LinearProbe(dim, classes, mean, invStd, w, loss);
    }

    /**
     * Trains on the training codes and returns the accuracy on the test codes: the whole probe in one call.
     */
    public static double trainAndTest(float[] trainCodes, int[] trainLabels, int nTrain, float[] testCodes,
                                      int[] testLabels, int nTest, int dim, int classes) {
        return train(trainCodes, trainLabels, nTrain, dim, classes).accuracy(testCodes, testLabels, nTest);
    }

    /** Writes softmax(W x_i) into p and returns -log p[label] (the cross-entropy of row i). */
    private static double softmax(double[] w, double[] features, int at, int width, int classes, double[] p,
                                  int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double z = 0;
            for (int j = 0; j < width; j++) {
                z += w[c * width + j] * features[at + j];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
        return -Math.log(Math.max(p[label], Double.MIN_NORMAL));
    }

    /** The most likely class of each of {@code n} codes (ties: the lowest class). */
    public int[] predict(float[] codes, int n) {
        if (n < 0 || (long) n * dim > codes.length) {
            throw new IllegalArgumentException(n + " codes of " + dim + " do not fit in " + codes.length + " floats");
        }
        int width = dim + 1;
        double[] x = new double[width];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                x[j] = (codes[i * dim + j] - mean[j]) * invStd[j];
            }
            x[dim] = 1;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                double z = 0;
                for (int j = 0; j < width; j++) {
                    z += weights[c * width + j] * x[j];
                }
                if (z > best) {
                    best = z;
                    out[i] = c;
                }
            }
        }
        return out;
    }

    /** Fraction of the {@code n} codes whose predicted class is their label, in [0, 1]. */
    public double accuracy(float[] codes, int[] labels, int n) {
        checkBatch(codes, labels, n, dim, classes);
        int[] predicted = predict(codes, n);
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return (double) right / n;
    }

    /** The regularised mean cross-entropy on the training codes after the last iteration. */
    public double trainingLoss() {
        return trainingLoss;
    }

    public int dim() {
        return dim;
    }

    public int classes() {
        return classes;
    }

    private static void checkBatch(float[] codes, int[] labels, int n, int dim, int classes) {
        if (n < 1 || dim < 1 || classes < 2) {
            throw new IllegalArgumentException("need n >= 1 codes, dim >= 1 and classes >= 2, found " + n + ", "
                    + dim + ", " + classes);
        }
        if ((long) n * dim > codes.length || n > labels.length) {
            throw new IllegalArgumentException(n + " codes of " + dim + " (and labels) do not fit in " + codes.length
                    + " floats and " + labels.length + " labels");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of code " + i + " is outside [0, "
                        + classes + ")");
            }
        }
    }
}
