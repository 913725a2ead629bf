package dev.ganplayground.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatentWalkTest {
    private static float[] gaussian(int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] z = new float[dim];
        for (int i = 0; i < dim; i++) {
            z[i] = (float) r.nextGaussian();
        }
        return z;
    }

    private static float[] point(float[] walk, int dim, int i) {
        return Arrays.copyOfRange(walk, i * dim, (i + 1) * dim);
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    @DisplayName("k points, the first and last exactly the endpoints")
    void endpointsExact() {
        float[] a = gaussian(64, 1);
        float[] b = gaussian(64, 2);
        float[] w = LatentWalk.walk(a, b, 10);
        assertThat(w).hasSize(640);
        assertThat(point(w, 64, 0)).containsExactly(a);
        assertThat(point(w, 64, 9)).containsExactly(b);
    }

    @Test
    @DisplayName("k = 2 is just the two endpoints")
    void twoPoints() {
        float[] a = {1, 2, 3};
        float[] b = {-3, 0.5f, 7};
        assertThat(LatentWalk.walk(a, b, 2)).containsExactly(1, 2, 3, -3, 0.5f, 7);
    }

    @Test
    @DisplayName("between orthogonal vectors of equal norm every point keeps that norm and the angles are even")
    void orthogonalKeepsNorm() {
        float[] a = {3, 0, 0, 0};
        float[] b = {0, 0, 3, 0};
        float[] w = LatentWalk.walk(a, b, 7);
        for (int i = 0; i < 7; i++) {
            float[] p = point(w, 4, i);
            assertThat(norm(p)).isCloseTo(3, within(1e-5));
            // great circle in the a-b plane, angle i/6 of 90 degrees
            assertThat(Math.atan2(p[2], p[0])).isCloseTo(Math.PI / 2 * i / 6, within(1e-5));
        }
        // where lerp would sag to 3 / sqrt 2 at the midpoint
        assertThat(LatentWalk.slerp(a, b, 0.5)).containsExactly(
                new float[]{(float) (3 / Math.sqrt(2)), 0, (float) (3 / Math.sqrt(2)), 0}, within(1e-5f));
    }

    @Test
    @DisplayName("Gaussian latents (128 dims): the walk keeps the endpoints' norms, lerp's midpoint does not")
    void gaussianNorms() {
        float[] a = gaussian(128, 3);
        float[] b = gaussian(128, 4);
        float[] w = LatentWalk.walk(a, b, 11);
        double lo = Math.min(norm(a), norm(b));
        double hi = Math.max(norm(a), norm(b));
        for (int i = 0; i < 11; i++) {
            assertThat(norm(point(w, 128, i))).isBetween(0.95 * lo, 1.05 * hi);
        }
        float[] mid = new float[128];
        for (int d = 0; d < 128; d++) {
            mid[d] = (a[d] + b[d]) / 2;
        }
        assertThat(norm(mid)).isLessThan(0.8 * lo); // the hole linear interpolation falls into
    }

    @Test
    @DisplayName("parallel, anti-parallel and zero vectors fall back to lerp, no NaN")
    void parallelFallback() {
        float[] a = {1, 2, 2};
        float[] twice = {2, 4, 4};
        assertThat(LatentWalk.walk(a, twice, 3)).containsExactly(
                new float[]{1, 2, 2, 1.5f, 3, 3, 2, 4, 4}, within(1e-6f));
        float[] opposite = {-1, -2, -2};
        assertThat(LatentWalk.slerp(a, opposite, 0.25)).containsExactly(new float[]{0.5f, 1, 1}, within(1e-6f));
        float[] zero = {0, 0, 0};
        assertThat(LatentWalk.slerp(zero, a, 0.5)).containsExactly(new float[]{0.5f, 1, 1}, within(1e-6f));
        float[] nearly = {1, 2, 2.000001f};
        for (float v : LatentWalk.walk(a, nearly, 5)) {
            assertThat(v).isBetween(1f, 2.000001f);
        }
    }

    @Test
    @DisplayName("walk between two rows of a latent batch")
    void rows() {
        float[] zs = {1, 0, /* row 1 */ 0, 1, /* row 2 */ -1, 0};
        float[] w = LatentWalk.walk(zs, 2, 0, 1, 3);
        assertThat(w).containsExactly(new float[]{1, 0, (float) Math.sqrt(0.5), (float) Math.sqrt(0.5), 0, 1},
                within(1e-6f));
        assertThatThrownBy(() -> LatentWalk.walk(zs, 2, 0, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatentWalk.walk(zs, 2, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
