package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Softmax cross-entropy over class logits, the classification loss: L = mean over rows of
 * -log softmax(z)_label, with the gradient dL/dz = (softmax(z) - onehot(label)) / rows. Computed with the row
 * maximum subtracted (log-sum-exp), in double, so large logits neither overflow nor lose the small probabilities.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * Mean loss of {@code rows} rows of {@code classes} logits against {@code labels[labelOffset ..]}; writes the
     * gradient w.r.t. the logits into {@code grad} unless it is null.
     */
    public static double lossAndGradient(FloatVec logits, int[] labels, int labelOffset, int rows, int classes,
                                         FloatVec grad) {
        FloatBuffer z = logits.buffer();
        FloatBuffer g = grad == null ? null : grad.buffer();
        double total = 0;
        double invRows = 1.0 / rows;
        for (int r = 0, o = 0; r < rows; r++, o += classes) {
            int label = labels[labelOffset + r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of row " + r + " is outside 0.." + (classes - 1));
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, z.get(o + j));
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                sum += Math.exp(z.get(o + j) - max);
            }
            double logSum = max + Math.log(sum);
            total += logSum - z.get(o + label);
            if (g != null) {
                for (int j = 0; j < classes; j++) {
                    double p = Math.exp(z.get(o + j) - logSum);
                    g.put(o + j, (float) ((p - (j == label ? 1 : 0)) * invRows));
                }
            }
        }
        return total * invRows;
    }
}
