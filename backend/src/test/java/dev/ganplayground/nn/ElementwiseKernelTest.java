package dev.ganplayground.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The element-wise loops that run over heap chunks ({@link HeapScratch}: activations, Adam, SGD, FloatVec's own)
 * give exactly what the plain per-element loops over the native buffers gave, on random data with the edge cases
 * mixed in (+-0, NaN of either sign, infinities, subnormals, huge values) and lengths that are not multiples of the
 * vector width or that span several chunks. NaN results are compared as NaN (the JIT's max may return another NaN
 * payload than the interpreter's), everything else bit by bit, so +0 and -0 count as different.
 */
class ElementwiseKernelTest {
    private static final int[] LENGTHS = {1, 7, 8, 13, 100, HeapScratch.CHUNK, 2 * HeapScratch.CHUNK + 5};
    private static final float[] SPECIAL = {0f, -0f, Float.NaN, Float.intBitsToFloat(0xffc00000), Float.MIN_VALUE,
            -Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e38f, -3e38f, 1e-4f, -1e-4f};

    /**
     * Runs every kernel a few thousand times first, so that the comparisons below most likely see C2's vectorised
     * code and not only the interpreter's (compilation is asynchronous; nothing here depends on timing).
     */
    @BeforeAll
    static void warmUp() {
        SplittableRandom rng = new SplittableRandom(6);
        int n = HeapScratch.CHUNK;
        try (FloatVec x = random(n, rng); FloatVec y = FloatVec.allocate(n); FloatVec g = random(n, rng);
             FloatVec dx = FloatVec.allocate(n); Adam adam = new Adam(n); Sgd sgd = new Sgd(n)) {
            for (int rep = 0; rep < 2000; rep++) {
                for (Activation.Kind kind : Activation.Kind.values()) {
                    Activation a = new Activation(kind, n);
                    a.forward(x, y, 1);
                    a.backward(x, x, g, dx, 1, false);
                }
                adam.step(y, g);
                sgd.set(0.01, rep % 2 * 0.9).step(y, g);
                y.sumOfSquares();
                y.allFinite();
            }
        }
    }

    @Test
    @DisplayName("every activation, forward and backward, equals the plain per-element definition bit for bit")
    void activations() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n : LENGTHS) {
            for (Activation.Kind kind : Activation.Kind.values()) {
                Activation a = new Activation(kind, n);
                try (FloatVec x = random(n, rng); FloatVec y = FloatVec.allocate(n); FloatVec yIn = random(n, rng);
                     FloatVec g = random(n, rng); FloatVec dx = FloatVec.allocate(n)) {
                    a.forward(x, y, 1);
                    // Backward gets an arbitrary y (not only forward's outputs), so the sign masks see -0 and NaNs.
                    a.backward(x, yIn, g, dx, 1, false);
                    for (int i = 0; i < n; i++) {
                        String at = kind + " n=" + n + " i=" + i;
                        assertSame(at + " forward of " + x.get(i), y.get(i), forward(kind, x.get(i)));
                        assertSame(at + " backward y=" + yIn.get(i) + " g=" + g.get(i), dx.get(i),
                                backward(kind, yIn.get(i), g.get(i)));
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("Adam's parameters and moments equal the plain loop's bit for bit over several steps")
    void adam() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int n : LENGTHS) {
            try (FloatVec p = random(n, rng); FloatVec g = FloatVec.allocate(n); Adam adam = new Adam(n)) {
                float[] pr = p.toArray();
                float[] m = new float[n];
                float[] v = new float[n];
                adam.set(2e-4, 0.5, 0.999);
                for (int t = 1; t <= 3; t++) {
                    fillGaussian(g, rng);
                    adam.step(p, g);
                    referenceAdam(pr, g.toArray(), m, v, t, 2e-4, 0.5, 0.999);
                }
                assertAllSame("Adam params n=" + n, p.toArray(), pr);
                assertAllSame("Adam m n=" + n, adam.state().get(0).toArray(), m);
                assertAllSame("Adam v n=" + n, adam.state().get(1).toArray(), v);
            }
        }
    }

    @Test
    @DisplayName("SGD, plain and with momentum, equals the plain loop bit for bit")
    void sgd() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int n : LENGTHS) {
            for (double momentum : new double[]{0, 0.9}) {
                try (FloatVec p = random(n, rng); FloatVec g = FloatVec.allocate(n); Sgd sgd = new Sgd(n)) {
                    float[] pr = p.toArray();
                    float[] vel = new float[n];
                    sgd.set(0.01, momentum);
                    for (int t = 0; t < 3; t++) {
                        fillGaussian(g, rng);
                        sgd.step(p, g);
                        float rate = 0.01f;
                        float mu = (float) momentum;
                        for (int i = 0; i < n; i++) {
                            float gi = g.get(i);
                            if (momentum == 0) {
                                pr[i] = pr[i] - rate * gi;
                            } else {
                                vel[i] = mu * vel[i] + gi;
                                pr[i] = pr[i] - rate * vel[i];
                            }
                        }
                    }
                    assertAllSame("SGD n=" + n + " momentum " + momentum, p.toArray(), pr);
                    assertAllSame("SGD velocity", sgd.state().get(0).toArray(), vel);
                }
            }
        }
    }

    @Test
    @DisplayName("FloatVec fill, copy, sum of squares and the finiteness check agree with plain loops")
    void floatVecOps() {
        SplittableRandom rng = new SplittableRandom(10);
        for (int n : LENGTHS) {
            try (FloatVec a = FloatVec.allocate(n + 3); FloatVec b = FloatVec.allocate(n + 3)) {
                a.fill(-0f);
                for (int i = 0; i < n + 3; i++) {
                    assertThat(Float.floatToRawIntBits(a.get(i))).as("fill -0").isEqualTo(0x80000000);
                }
                fillGaussian(a, rng);
                b.fill(5f);
                b.copyFrom(a, 2, 1, n);
                assertThat(b.get(0)).isEqualTo(5f);
                for (int i = 0; i < n; i++) {
                    assertThat(b.get(1 + i)).isEqualTo(a.get(2 + i));
                }
                assertThat(b.get(n + 1)).isEqualTo(5f);
                double plain = 0;
                for (int i = 0; i < n + 3; i++) {
                    plain += a.get(i) * a.get(i);
                }
                assertThat(a.sumOfSquares()).isCloseTo(plain, within(1e-12 * plain));
                assertThat(a.allFinite()).isTrue();
                for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                    for (int at : new int[]{0, n / 2, n + 2}) {
                        float keep = a.get(at);
                        a.set(at, bad);
                        assertThat(a.allFinite()).as("%s at %d of %d", bad, at, n + 3).isFalse();
                        a.set(at, keep);
                    }
                }
                a.set(n, 3e38f);
                a.set(n + 1, -Float.MIN_VALUE);
                assertThat(a.allFinite()).as("huge and subnormal values are finite").isTrue();
            }
        }
    }

    /** The activations as the plain loops over the native buffers computed them. */
    private static float forward(Activation.Kind kind, float v) {
        return switch (kind) {
            case RELU -> Math.max(v, 0f);
            case LEAKY_RELU -> Math.max(v, Activation.LEAK * v);
            case TANH -> Activation.tanh(v);
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-v)));
        };
    }

    private static float backward(Activation.Kind kind, float y, float g) {
        int positive = (-Float.floatToRawIntBits(y)) >>> 31;
        return switch (kind) {
            case RELU -> Float.intBitsToFloat(Float.floatToRawIntBits(g) & -positive);
            case LEAKY_RELU -> g * (Activation.LEAK + (1f - Activation.LEAK) * positive);
            case TANH -> g * (1f - y * y);
            case SIGMOID -> g * y * (1f - y);
        };
    }

    /** Adam's update as the plain loop computed it (same float expressions in the same order). */
    private static void referenceAdam(float[] p, float[] g, float[] m, float[] v, long t, double lr, double beta1,
                                      double beta2) {
        double c1 = 1 - Math.pow(beta1, t);
        double sqrtC2 = Math.sqrt(1 - Math.pow(beta2, t));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = 1f - b1;
        float a2 = 1f - b2;
        float stepSize = (float) (lr / c1);
        float invSqrtC2 = (float) (1.0 / sqrtC2);
        float eps = (float) Adam.EPS;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + a1 * gi;
            float vi = b2 * v[i] + a2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] - stepSize * mi / ((float) Math.sqrt(vi) * invSqrtC2 + eps);
        }
    }

    /** Gaussian values with one in five an edge case. */
    private static FloatVec random(int n, SplittableRandom rng) {
        FloatVec v = FloatVec.allocate(n);
        for (int i = 0; i < n; i++) {
            v.set(i, rng.nextInt(5) == 0 ? SPECIAL[rng.nextInt(SPECIAL.length)] : (float) (3 * rng.nextGaussian()));
        }
        return v;
    }

    private static void fillGaussian(FloatVec v, SplittableRandom rng) {
        for (int i = 0; i < v.length(); i++) {
            v.set(i, (float) rng.nextGaussian());
        }
    }

    private static void assertAllSame(String what, float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertSame(what + " i=" + i, actual[i], expected[i]);
        }
    }

    private static void assertSame(String what, float actual, float expected) {
        if (Float.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(Float.floatToRawIntBits(actual)).as("%s: %s vs %s", what, actual, expected)
                    .isEqualTo(Float.floatToRawIntBits(expected));
        }
    }
}
