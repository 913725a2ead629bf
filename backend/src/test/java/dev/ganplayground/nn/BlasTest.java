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
