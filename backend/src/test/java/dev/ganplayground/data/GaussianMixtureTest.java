package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    private static final Bounds B = new Bounds(-1, 1, -1, 1);

    @Test
    @DisplayName("ring8 has 8 centres on the unit circle at angles 2 pi i / 8, sigma 0.01, bounds [-1.5, 1.5]^2")
    void ring8Definition() {
        GaussianMixture ring = GaussianMixture.ring8();
        float[] c = ring.modeCentres();
        assertThat(ring.modeCount()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            assertThat(c[2 * i]).isEqualTo((float) Math.cos(2 * Math.PI * i / 8));
            assertThat(c[2 * i + 1]).isEqualTo((float) Math.sin(2 * Math.PI * i / 8));
        }
        assertThat(ring.modeSigma()).isEqualTo(0.01);
        assertThat(ring.bounds()).isEqualTo(new Bounds(-1.5, 1.5, -1.5, 1.5));
    }

    @Test
    @DisplayName("ring8 with seed 7 gives the golden per-mode counts, mean radius and sample sigma for 10,000 points")
    void ring8Golden() {
        GaussianMixture ring = GaussianMixture.ring8();
        float[] xy = Samples.draw(ring, Samples.SEED, Samples.N);
        assertThat(Samples.nearestCounts(ring.modeCentres(), xy))
                .containsExactly(1307, 1237, 1150, 1303, 1255, 1316, 1190, 1242);
        double[] m = Samples.means(xy);
        assertThat(m[2]).isCloseTo(0.999949560, within(1e-6));
        assertThat(m[2]).isCloseTo(1.0, within(1e-3));
        double std = Samples.residualStd(ring.modeCentres(), xy);
        assertThat(std).isCloseTo(0.009953128, within(1e-7));
        assertThat(std).isCloseTo(0.01, withinPercentage(2));
    }

    @Test
    @DisplayName("grid25 has centres {-4,-2,0,2,4}^2 row by row, sigma exactly 0.05 and bounds [-6, 6]^2")
    void grid25Definition() {
        GaussianMixture grid = GaussianMixture.grid25();
        float[] c = grid.modeCentres();
        assertThat(grid.modeCount()).isEqualTo(25);
        float[] v = {-4, -2, 0, 2, 4};
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 5; col++) {
                assertThat(c[2 * (5 * row + col)]).isEqualTo(v[col]);
                assertThat(c[2 * (5 * row + col) + 1]).isEqualTo(v[row]);
            }
        }
        assertThat(grid.modeSigma()).isEqualTo(0.05);
        assertThat(grid.bounds()).isEqualTo(new Bounds(-6, 6, -6, 6));
    }

    @Test
    @DisplayName("grid25 with seed 7 gives the golden per-mode counts and sample sigma for 10,000 points")
    void grid25Golden() {
        GaussianMixture grid = GaussianMixture.grid25();
        float[] xy = Samples.draw(grid, Samples.SEED, Samples.N);
        assertThat(Samples.nearestCounts(grid.modeCentres(), xy)).containsExactly(
                375, 421, 398, 440, 395, 412, 390, 427, 434, 383, 374, 412, 386,
                437, 426, 402, 362, 377, 412, 407, 394, 375, 399, 365, 397);
        double std = Samples.residualStd(grid.modeCentres(), xy);
        assertThat(std).isCloseTo(0.049765641, within(1e-7));
        assertThat(std).isCloseTo(0.05, withinPercentage(2));
        assertThat(Samples.allInside(xy, grid.bounds())).isTrue();
    }

    @Test
    @DisplayName("the same seed gives identical samples and a different seed gives different ones")
    void seeding() {
        GaussianMixture ring = GaussianMixture.ring8();
        assertThat(Samples.draw(ring, 7, 500)).containsExactly(Samples.draw(ring, 7, 500));
        assertThat(Samples.draw(ring, 8, 500)).isNotEqualTo(Samples.draw(ring, 7, 500));
    }

    @Test
    @DisplayName("sample writes exactly out[offset .. offset + 2n) and leaves the rest of the array alone")
    void sampleRespectsOffset() {
        float[] out = new float[10];
        java.util.Arrays.fill(out, 42f);
        GaussianMixture.ring8().sample(new SplittableRandom(1), out, 3, 2);
        assertThat(out[0]).isEqualTo(42f);
        assertThat(out[2]).isEqualTo(42f);
        assertThat(out[7]).isEqualTo(42f);
        assertThat(out[3]).isNotEqualTo(42f);
        assertThat(out[6]).isNotEqualTo(42f);
    }

    @Test
    @DisplayName("sigma 0 puts every sample exactly on a centre")
    void zeroSigma() {
        GaussianMixture g = new GaussianMixture(new float[] {1, 2, 3, 4}, 0, B);
        float[] xy = Samples.draw(g, 3, 100);
        for (int i = 0; i < 100; i++) {
            assertThat(xy[2 * i] == 1 && xy[2 * i + 1] == 2 || xy[2 * i] == 3 && xy[2 * i + 1] == 4).isTrue();
        }
    }

    @Test
    @DisplayName("every invalid constructor argument throws with a message naming the argument")
    void invalidConstructorArguments() {
        assertThatThrownBy(() -> new GaussianMixture(null, 0.1, B)).hasMessageContaining("centres");
        assertThatThrownBy(() -> new GaussianMixture(new float[0], 0.1, B)).hasMessageContaining("centres");
        assertThatThrownBy(() -> new GaussianMixture(new float[3], 0.1, B)).hasMessageContaining("centres");
        assertThatThrownBy(() -> new GaussianMixture(new float[] {0, Float.NaN}, 0.1, B))
                .hasMessageContaining("centres[1]");
        assertThatThrownBy(() -> new GaussianMixture(new float[2], -0.1, B)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new GaussianMixture(new float[2], Double.NaN, B)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new GaussianMixture(new float[2], Double.POSITIVE_INFINITY, B))
                .hasMessageContaining("sigma");
        assertThatThrownBy(() -> new GaussianMixture(new float[2], 0.1, null)).hasMessageContaining("bounds");
        assertThatThrownBy(() -> new Bounds(1, 1, 0, 1)).hasMessageContaining("bounds");
    }

    @Test
    @DisplayName("every invalid sample argument throws with a message naming the argument")
    void invalidSampleArguments() {
        GaussianMixture ring = GaussianMixture.ring8();
        SplittableRandom rng = new SplittableRandom(1);
        assertThatThrownBy(() -> ring.sample(null, new float[2], 0, 1)).hasMessageContaining("rng");
        assertThatThrownBy(() -> ring.sample(rng, null, 0, 1)).hasMessageContaining("out");
        assertThatThrownBy(() -> ring.sample(rng, new float[2], 0, -1)).hasMessageContaining("n must");
        assertThatThrownBy(() -> ring.sample(rng, new float[4], 1, 2)).hasMessageContaining("offset");
        assertThatThrownBy(() -> ring.sample(rng, new float[4], -1, 1)).hasMessageContaining("offset");
    }

    @Test
    @DisplayName("modeCentres returns a copy, so callers cannot change the mixture")
    void centresAreCopied() {
        GaussianMixture ring = GaussianMixture.ring8();
        ring.modeCentres()[0] = 99f;
        assertThat(ring.modeCentres()[0]).isEqualTo(1f);
    }
}
