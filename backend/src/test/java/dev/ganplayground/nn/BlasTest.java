package dev.ganplayground.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlasTest {
    @ParameterizedTest(name = "transA={0}, transB={1}")
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    @DisplayName("sgemm on views at odd offsets of one buffer matches a naive product and leaves neighbours alone")
    void sgemmOnOffsetViews(boolean ta, boolean tb) {
        int m = 5;
        int n = 3;
        int k = 4;
        SplittableRandom rng = new SplittableRandom(7);
        try (FloatVec all = FloatVec.allocate(200)) {
            for (int i = 0; i < all.length(); i++) {
                all.set(i, (float) rng.nextDouble(-1, 1));
            }
            FloatVec a = all.view(3, m * k);
            FloatVec b = all.view(41, k * n);
            FloatVec c = all.view(77, m * n);
            float before = all.get(76);
            float after = all.get(77 + m * n);
            float[] ah = a.toArray();
            float[] bh = b.toArray();
            Blas.sgemm(ta, tb, m, n, k, 1f, a, ta ? m : k, b, tb ? k : n, 0f, c, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        double av = ta ? ah[p * m + i] : ah[i * k + p];
                        double bv = tb ? bh[j * k + p] : bh[p * n + j];
                        s += av * bv;
                    }
                    assertThat((double) c.get(i * n + j)).isCloseTo(s, within(1e-5));
                }
            }
            assertThat(all.get(76)).isEqualTo(before);
            assertThat(all.get(77 + m * n)).isEqualTo(after);
        }
    }

    /**
     * The kernels OpenBLAS picks differ by CPU (and by OPENBLAS_CORETYPE), and each has its own edge cases: panel
     * widths of 4-16 rows or columns, remainders, beta 0 (C is cleared, not read), thin products. A wrong kernel is
     * off by whole values, so a bound of 1e-5 relative to the sum of |terms| (rounding reaches ~k x 6e-8 of it)
     * tells kernels apart from rounding.
     */
    @ParameterizedTest(name = "m={0}, n={1}, k={2}")
    @CsvSource({"1,1,1", "2,128,1", "1,128,128", "3,7,5", "16,16,16", "17,31,33", "31,17,64", "64,64,2",
            "127,129,128", "128,128,128", "256,128,128", "512,128,2", "512,1,128", "512,2,128", "128,2,512",
            "2,128,512", "128,128,512", "300,257,65", "6272,1,64", "64,6272,1"})
    @DisplayName("sgemm and sgemv match a double-precision product on the shapes the models use and kernel edges")
    void matchesDoubleReference(int m, int n, int k) {
        SplittableRandom rng = new SplittableRandom(31L * m + 7L * n + k);
        float[] ah = random(rng, m * k);
        float[] bh = random(rng, k * n);
        float[] ch = random(rng, m * n);
        try (FloatVec a = FloatVec.allocate(m * k); FloatVec b = FloatVec.allocate(k * n);
             FloatVec c = FloatVec.allocate(m * n)) {
            a.copyFrom(ah, 0, 0, ah.length);
            b.copyFrom(bh, 0, 0, bh.length);
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (float[] ab : new float[][] {{1f, 0f}, {-0.7f, 1f}, {0.5f, 0.25f}}) {
                        c.copyFrom(ch, 0, 0, ch.length);
                        Blas.sgemm(ta, tb, m, n, k, ab[0], a, ta ? m : k, b, tb ? k : n, ab[1], c, n);
                        assertProduct(c.toArray(), ah, bh, ch, m, n, k, ta, tb, ab[0], ab[1]);
                    }
                }
            }
            // sgemv: A (m x k) times a vector, and A's transpose times a vector.
            for (boolean ta : new boolean[] {false, true}) {
                int out = ta ? k : m;
                int in = ta ? m : k;
                try (FloatVec x = FloatVec.allocate(in); FloatVec y = FloatVec.allocate(out)) {
                    float[] xh = random(rng, in);
                    float[] yh = random(rng, out);
                    x.copyFrom(xh, 0, 0, in);
                    y.copyFrom(yh, 0, 0, out);
                    // A is stored m x k either way; op(A) is its transpose when ta, and x a column of `in` rows.
                    Blas.sgemv(ta, m, k, 0.5f, a, k, x, 0.25f, y);
                    assertProduct(y.toArray(), ah, xh, yh, out, 1, in, ta, false, 0.5f, 0.25f);
                }
            }
        }
    }

    private static void assertProduct(float[] got, float[] a, float[] b, float[] c0, int m, int n, int k,
                                      boolean ta, boolean tb, float alpha, float beta) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double size = 0;
                for (int p = 0; p < k; p++) {
                    double t = (double) (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                    s += t;
                    size += Math.abs(t);
                }
                double want = alpha * s + beta * c0[i * n + j];
                double bound = 1e-5 * (Math.abs(alpha) * size + Math.abs(beta * c0[i * n + j])) + 1e-30;
                assertThat((double) got[i * n + j])
                        .as("C[%d,%d] (transA %s, transB %s, alpha %s, beta %s)", i, j, ta, tb, alpha, beta)
                        .isCloseTo(want, within(bound));
            }
        }
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextDouble(-1, 1);
        }
        return v;
    }

    @Test
    @DisplayName("a view's buffer and pointer address the same element")
    void viewBufferAndPointerAgree() {
        try (FloatVec all = FloatVec.allocate(10)) {
            FloatVec v = all.view(4, 3);
            v.set(0, 2.5f);
            assertThat(all.get(4)).isEqualTo(2.5f);
            assertThat(v.pointer().get(0)).isEqualTo(2.5f);
            assertThat(v.length()).isEqualTo(3);
        }
    }
}
