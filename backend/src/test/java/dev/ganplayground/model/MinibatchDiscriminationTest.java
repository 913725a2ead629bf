package dev.ganplayground.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.ArchitectureKind;
import dev.ganplayground.config.MinibatchDiscriminationConfig;
import dev.ganplayground.config.ModelConfig;
import dev.ganplayground.config.NoiseKind;
import dev.ganplayground.config.RemediesConfig;
import dev.ganplayground.config.StyleConfig;
import dev.ganplayground.config.ReplayConfig;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.GradCheck;
import dev.ganplayground.nn.Sequential;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MinibatchDiscriminationTest {
    private static final double EPS = 1e-3;
    private static final double FLOOR = 1e-2;
    private static final double TOLERANCE = 2e-2;

    /** A layer with its own parameter and gradient vectors, and the buffers of one pass. */
    private record Rig(MinibatchDiscrimination layer, FloatVec p, FloatVec gp, FloatVec x, FloatVec y, FloatVec dy,
                       FloatVec dx) implements AutoCloseable {
        static Rig of(int a, int b, int c, int rows) {
            MinibatchDiscrimination l = new MinibatchDiscrimination(a, b, c);
            Rig r = new Rig(l, FloatVec.allocate(l.parameterCount()), FloatVec.allocate(l.parameterCount()),
                    FloatVec.allocate(rows * a), FloatVec.allocate(rows * (a + b)), FloatVec.allocate(rows * (a + b)),
                    FloatVec.allocate(rows * a));
            l.bind(r.p, r.gp);
            l.reserve(rows);
            return r;
        }

        @Override
        public void close() {
            layer.release();
            for (FloatVec v : new FloatVec[]{p, gp, x, y, dy, dx}) {
                v.close();
            }
        }
    }

    @Test
    @DisplayName("a 3-sample example equals o_b(x_i) = b_b + (1/(n-1)) sum_{j!=i} exp(-||M_i,b - M_j,b||_1)")
    void handComputed() {
        int a = 2, kb = 2, kc = 2, rows = 3;
        float[] t = {0.5f, -1f, 0.25f, 2f, /* row 2 of T */ 1.5f, 0.75f, -0.5f, 0f};
        float[] bias = {-1f, 0.5f};
        float[] f = {0.2f, -0.4f, 1f, 0.3f, -0.6f, 0.9f};
        try (Rig r = Rig.of(a, kb, kc, rows)) {
            r.p.copyFrom(t, 0, 0, t.length);
            r.p.copyFrom(bias, 0, t.length, bias.length);
            r.x.copyFrom(f, 0, 0, f.length);
            r.layer.forward(r.x, r.y, rows);
            // Direct double computation: M = f T, then pairwise L1 distances per kernel.
            double[][] m = new double[rows][kb * kc];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < kb * kc; k++) {
                    m[i][k] = f[i * a] * (double) t[k] + f[i * a + 1] * (double) t[kb * kc + k];
                }
            }
            for (int i = 0; i < rows; i++) {
                assertThat(r.y.get(i * 4)).isEqualTo(f[i * a]);
                assertThat(r.y.get(i * 4 + 1)).isEqualTo(f[i * a + 1]);
                for (int b = 0; b < kb; b++) {
                    double sum = 0;
                    for (int j = 0; j < rows; j++) {
                        if (j != i) {
                            double d = 0;
                            for (int c = 0; c < kc; c++) {
                                d += Math.abs(m[i][b * kc + c] - m[j][b * kc + c]);
                            }
                            sum += Math.exp(-d);
                        }
                    }
                    double o = bias[b] + sum / (rows - 1); // the mean over the n - 1 others
                    assertThat((double) r.y.get(i * 4 + a + b)).isCloseTo(o, within(1e-5));
                }
            }
            // One value written out: row 0, kernel 0. M_0 = (-0.5, -0.5), M_1 = (0.95, -0.775), M_2 = (1.05, 1.275).
            double o00 = -1 + (Math.exp(-(1.45 + 0.275)) + Math.exp(-(1.55 + 1.775))) / 2; // -0.89292722
            assertThat((double) r.y.get(2)).isCloseTo(o00, within(1e-5));
        }
    }

    @ParameterizedTest(name = "group rows {0}")
    @ValueSource(ints = {0, 3, 4})
    @DisplayName("input, T and bias gradients match central differences (cached and recomputed pair terms)")
    void gradients(int group) {
        int a = 4, kb = 3, kc = 2, rows = 7;
        SplittableRandom rng = new SplittableRandom(group + 1);
        try (Rig r = Rig.of(a, kb, kc, rows)) {
            r.layer.initialize(rng);
            // Larger T than the init's 0.05, so the distances (and the exp terms) vary over a useful range.
            for (int i = 0; i < a * kb * kc; i++) {
                r.p.set(i, (float) rng.nextDouble(-1, 1));
            }
            for (int i = 0; i < r.x.length(); i++) {
                r.x.set(i, (float) rng.nextDouble(-1, 1));
            }
            float[] probe = new float[rows * (a + kb)];
            for (int i = 0; i < probe.length; i++) {
                probe[i] = (float) rng.nextDouble(-1, 1);
            }
            r.dy.copyFrom(probe, 0, 0, probe.length);
            r.layer.setGroupRows(group);
            r.layer.forward(r.x, r.y, rows);
            r.layer.backward(r.x, r.y, r.dy, r.dx, rows, true);
            java.util.function.DoubleSupplier loss = () -> {
                r.layer.forward(r.x, r.y, rows);
                double s = 0;
                for (int i = 0; i < probe.length; i++) {
                    s += (double) probe[i] * r.y.get(i);
                }
                return s;
            };
            assertThat(GradCheck.maxRelativeError(r.x, r.dx.toArray(), loss, EPS, FLOOR)).isLessThan(TOLERANCE);
            assertThat(GradCheck.maxRelativeError(r.p, r.gp.toArray(), loss, EPS, FLOOR)).isLessThan(TOLERANCE);
            // The bias gradient is the column sum of dL/do.
            for (int b = 0; b < kb; b++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    s += probe[i * (a + kb) + a + b];
                }
                assertThat((double) r.gp.get(a * kb * kc + b)).isCloseTo(s, within(1e-5));
            }
        }
    }

    @Test
    @DisplayName("groups are independent: changing a fake row leaves the real rows' outputs unchanged")
    void groupsAreIndependent() {
        int a = 3, rows = 8;
        SplittableRandom rng = new SplittableRandom(9);
        try (Rig r = Rig.of(a, 4, 3, rows)) {
            r.layer.initialize(rng);
            for (int i = 0; i < r.x.length(); i++) {
                r.x.set(i, (float) rng.nextDouble(-1, 1));
            }
            r.layer.setGroupRows(rows / 2);
            r.layer.forward(r.x, r.y, rows);
            float[] before = r.y.toArray();
            r.x.set(5 * a + 1, 3f); // a "fake" row
            r.layer.forward(r.x, r.y, rows);
            float[] after = r.y.toArray();
            int half = rows / 2 * (a + 4);
            assertThat(java.util.Arrays.copyOf(after, half)).isEqualTo(java.util.Arrays.copyOf(before, half));
            assertThat(after).isNotEqualTo(before);
            // One group of everything: the real rows now see the change.
            r.layer.setGroupRows(0);
            r.layer.forward(r.x, r.y, rows);
            assertThat(java.util.Arrays.copyOf(r.y.toArray(), half)).isNotEqualTo(java.util.Arrays.copyOf(after, half));
        }
    }

    @Test
    @DisplayName("the first pass after initialize scales each kernel of T to a mean nearest L1 distance of 2 in the"
            + " first group and centres that group's o at 0; later passes change nothing")
    void dataDependentInit() {
        int a = 4, kb = 3, kc = 2, rows = 8, g = 4;
        SplittableRandom rng = new SplittableRandom(5);
        try (Rig r = Rig.of(a, kb, kc, rows)) {
            r.layer.initialize(rng);
            float[] t0 = java.util.Arrays.copyOf(r.p.toArray(), a * kb * kc);
            float[] f = new float[rows * a];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) rng.nextDouble(0, 0.1); // small, like D's ReLU features at init
            }
            r.x.copyFrom(f, 0, 0, f.length);
            r.layer.setGroupRows(g);
            r.layer.forward(r.x, r.y, rows);
            float[] p = r.p.toArray();
            // T is scaled per kernel: one positive factor for all of kernel b's columns.
            for (int b = 0; b < kb; b++) {
                double s = p[b * kc] / (double) t0[b * kc];
                assertThat(s).isGreaterThan(1);
                for (int k = 0; k < a; k++) {
                    for (int c = 0; c < kc; c++) {
                        int at = k * kb * kc + b * kc + c;
                        assertThat(p[at] / (double) t0[at]).isCloseTo(s, within(1e-4 * s));
                    }
                }
            }
            // Direct double computation with the new T: mean nearest distance 2 and mean o 0 over rows 0..g-1.
            for (int b = 0; b < kb; b++) {
                double nearest = 0;
                double o = 0;
                for (int i = 0; i < g; i++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int j = 0; j < g; j++) {
                        if (j == i) {
                            continue;
                        }
                        double d = 0;
                        for (int c = 0; c < kc; c++) {
                            double mi = 0, mj = 0;
                            for (int k = 0; k < a; k++) {
                                mi += f[i * a + k] * (double) p[k * kb * kc + b * kc + c];
                                mj += f[j * a + k] * (double) p[k * kb * kc + b * kc + c];
                            }
                            d += Math.abs(mi - mj);
                        }
                        best = Math.min(best, d);
                    }
                    nearest += best / g;
                    o += r.y.get(i * (a + kb) + a + b) / (double) g;
                }
                assertThat(nearest).isCloseTo(MinibatchDiscrimination.INIT_NEAREST_DISTANCE, within(1e-3));
                assertThat(o).isCloseTo(0, within(1e-5));
            }
            float[] y1 = r.y.toArray();
            r.layer.forward(r.x, r.y, rows);
            assertThat(r.p.toArray()).isEqualTo(p);
            assertThat(r.y.toArray()).isEqualTo(y1);
        }
    }

    @Test
    @DisplayName("in a discriminator, gradients reach T and the bias after a backward pass")
    void gradientsReachT() {
        ModelConfig m = new ModelConfig(2, NoiseKind.GAUSSIAN, List.of(16, 8), List.of(16, 8), ActivationKind.RELU,
                ActivationKind.LEAKY_RELU, ArchitectureKind.MLP, 64);
        RemediesConfig rc = new RemediesConfig(new MinibatchDiscriminationConfig(true, 5, 3),
                new ReplayConfig(false, 64, 0.5), 2, 1.0);
        int rows = 6;
        try (Sequential d = Mlp.discriminator(m, rc, rows, new SplittableRandom(3));
             FloatVec x = FloatVec.allocate(rows * 4); FloatVec dOut = FloatVec.allocate(rows)) {
            assertThat(d.inputWidth()).isEqualTo(4);
            assertThat(d.layers()).hasSize(6);
            assertThat(d.layers().get(4)).isInstanceOf(MinibatchDiscrimination.class);
            SplittableRandom rng = new SplittableRandom(4);
            for (int i = 0; i < x.length(); i++) {
                x.set(i, (float) rng.nextDouble(-1, 1));
            }
            dOut.fill(1f);
            d.setGroupRows(rows / 2);
            d.forward(x, rows);
            d.backward(dOut, rows, true, null);
            int tOffset = (4 * 16 + 16) + (16 * 8 + 8);
            int tCount = 8 * 5 * 3;
            float[] g = d.gradients().toArray();
            double sq = 0;
            for (int i = tOffset; i < tOffset + tCount + 5; i++) {
                sq += g[i] * (double) g[i];
            }
            assertThat(sq).isGreaterThan(0);
            float[] p = d.parameters().toArray();
            for (int b = 0; b < 5; b++) {
                // The data-dependent init replaced the -1 with minus the first group's mean of o - b, in (0, 1].
                assertThat(p[tOffset + tCount + b]).isBetween(-1f, 0f).isNotEqualTo(-1f);
            }
        }
    }
}
