package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.data.Bounds;
import dev.ganplayground.data.GaussianMixture;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GridDivergenceTest {
    private static final GaussianMixture RING = GaussianMixture.ring8();
    private static final Bounds B = RING.bounds();
    private static final int N = 10_000;

    private static float[] ring(long seed) {
        float[] xy = new float[2 * N];
        RING.sample(new SplittableRandom(seed), xy, 0, N);
        return xy;
    }

    private static float[] shifted(float[] xy, float dx) {
        float[] s = xy.clone();
        for (int i = 0; i < s.length; i += 2) {
            s[i] += dx;
        }
        return s;
    }

    private static float[] filled(int n, float x, float y) {
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
        return xy;
    }

    @Test
    @DisplayName("the same points on both sides give KL and JS of exactly 0")
    void identical() {
        float[] xy = ring(7);
        GridDivergence d = GridDivergence.evaluate(B, xy, N, xy, N);
        assertThat(d.kl()).isEqualTo(0.0);
        assertThat(d.js()).isEqualTo(0.0);
    }

    @Test
    @DisplayName("two independent samples of the same distribution give KL and JS near 0")
    void sameDistribution() {
        GridDivergence d = GridDivergence.evaluate(B, ring(1), N, ring(2), N);
        assertThat(d.kl()).isBetween(0.0, 0.01);
        assertThat(d.js()).isBetween(0.0, 0.01);
    }

    @Test
    @DisplayName("disjoint point sets give JS close to 1 bit")
    void disjoint() {
        GridDivergence d = GridDivergence.evaluate(B, filled(100, -1f, -1f), 100, filled(100, 1f, 1f), 100);
        assertThat(d.js()).isCloseTo(1.0, within(0.01));
        assertThat(d.kl()).isGreaterThan(10.0);
        GridDivergence rings = GridDivergence.evaluate(B, ring(1), N, shifted(ring(2), 0.5f), N);
        assertThat(rings.js()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
    }

    @Test
    @DisplayName("JS is symmetric in its two arguments, KL is not")
    void symmetry() {
        float[] a = ring(1);
        float[] b = shifted(ring(2), 0.05f);
        GridDivergence ab = GridDivergence.evaluate(B, a, N, b, N);
        GridDivergence ba = GridDivergence.evaluate(B, b, N, a, N);
        assertThat(ab.js()).isCloseTo(ba.js(), within(1e-12));
        assertThat(ab.js()).isGreaterThan(0.01);
        // Two blobs vs only one of them: KL(both || one) is about 0.5 log2(0.5 / eps) - 0.5 = 5.6 bits,
        // KL(one || both) about log2(1 / 0.5) = 1 bit.
        float[] both = new float[400];
        System.arraycopy(filled(100, -1f, -1f), 0, both, 0, 200);
        System.arraycopy(filled(100, 1f, 1f), 0, both, 200, 200);
        float[] one = filled(100, 1f, 1f);
        assertThat(GridDivergence.evaluate(B, both, 200, one, 100).kl()).isCloseTo(5.64, within(0.01));
        assertThat(GridDivergence.evaluate(B, one, 100, both, 200).kl()).isCloseTo(1.0, within(0.01));
    }

    @Test
    @DisplayName("KL grows as the generated ring shifts away from the real one")
    void klPositiveForShift() {
        float[] real = ring(1);
        double small = GridDivergence.evaluate(B, real, N, shifted(ring(2), 0.05f), N).kl();
        double large = GridDivergence.evaluate(B, real, N, shifted(ring(2), 0.3f), N).kl();
        assertThat(small).isGreaterThan(0.1);
        assertThat(large).isGreaterThan(small);
    }

    @Test
    @DisplayName("points outside the bounds are clamped into the edge cell, not dropped")
    void clamping() {
        float[] real = ring(1);
        GridDivergence far = GridDivergence.evaluate(B, real, N, filled(50, 100f, 100f), 50);
        GridDivergence corner = GridDivergence.evaluate(B, real, N, filled(50, 1.49f, 1.49f), 50);
        assertThat(far).isEqualTo(corner);
        assertThat(far.js()).isGreaterThan(0.95);
        GridDivergence nan = GridDivergence.evaluate(B, real, N, filled(50, Float.NaN, Float.NaN), 50);
        GridDivergence low = GridDivergence.evaluate(B, real, N, filled(50, -1.49f, -1.49f), 50);
        assertThat(nan).isEqualTo(low);
    }

    @Test
    @DisplayName("cells split the axis into 30 equal parts, with the upper edge in the last cell")
    void cells() {
        assertThat(GridDivergence.cell(-1.5, -1.5, 1.5)).isZero();
        assertThat(GridDivergence.cell(-1.4, -1.5, 1.5)).isEqualTo(1);
        assertThat(GridDivergence.cell(0.05, -1.5, 1.5)).isEqualTo(15);
        assertThat(GridDivergence.cell(1.5, -1.5, 1.5)).isEqualTo(29);
        assertThat(GridDivergence.cell(Double.NEGATIVE_INFINITY, -1.5, 1.5)).isZero();
        assertThat(GridDivergence.cell(Double.POSITIVE_INFINITY, -1.5, 1.5)).isEqualTo(29);
    }

    @Test
    @DisplayName("every invalid argument throws with a message naming it")
    void invalidArguments() {
        float[] p = {0f, 0f};
        assertThatThrownBy(() -> GridDivergence.evaluate(null, p, 1, p, 1)).hasMessageContaining("bounds");
        assertThatThrownBy(() -> GridDivergence.evaluate(B, null, 1, p, 1)).hasMessageContaining("real");
        assertThatThrownBy(() -> GridDivergence.evaluate(B, p, 0, p, 1)).hasMessageContaining("nReal");
        assertThatThrownBy(() -> GridDivergence.evaluate(B, p, 2, p, 1)).hasMessageContaining("nReal");
        assertThatThrownBy(() -> GridDivergence.evaluate(B, p, 1, null, 1)).hasMessageContaining("gen");
        assertThatThrownBy(() -> GridDivergence.evaluate(B, p, 1, p, 0)).hasMessageContaining("nGen");
    }
}
