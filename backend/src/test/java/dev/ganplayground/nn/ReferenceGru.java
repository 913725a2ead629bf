package dev.ganplayground.nn;

/** The GRU equations of {@link Gru}'s class comment, element by element in double: an independent forward reference. */
final class ReferenceGru {
    private ReferenceGru() {
    }

    /** Every state of every sequence, rows x steps x hidden, for parameters laid out as {@link Gru} keeps them. */
    static double[] run(float[] p, float[] x, int rows, int steps, int features, int hidden) {
        int g = 3 * hidden;
        int wh = features * g;
        int bx = wh + hidden * g;
        int bh = bx + g;
        double[] out = new double[rows * steps * hidden];
        for (int r = 0; r < rows; r++) {
            double[] h = new double[hidden];
            for (int t = 0; t < steps; t++) {
                double[] next = new double[hidden];
                for (int j = 0; j < hidden; j++) {
                    double[] in = new double[3];
                    double[] rec = new double[3];
                    for (int k = 0; k < 3; k++) {
                        int col = k * hidden + j;
                        in[k] = p[bx + col];
                        for (int f = 0; f < features; f++) {
                            in[k] += x[(r * steps + t) * features + f] * p[f * g + col];
                        }
                        rec[k] = p[bh + col];
                        for (int i = 0; i < hidden; i++) {
                            rec[k] += h[i] * p[wh + i * g + col];
                        }
                    }
                    double reset = 1 / (1 + Math.exp(-(in[0] + rec[0])));
                    double update = 1 / (1 + Math.exp(-(in[1] + rec[1])));
                    double cand = Math.tanh(in[2] + reset * rec[2]);
                    next[j] = (1 - update) * cand + update * h[j];
                }
                h = next;
                System.arraycopy(h, 0, out, (r * steps + t) * hidden, hidden);
            }
        }
        return out;
    }
}
