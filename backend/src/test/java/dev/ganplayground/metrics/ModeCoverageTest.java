package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.data.GaussianMixture;
import dev.ganplayground.data.Spiral;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModeCoverageTest {
    private static final GaussianMixture RING = GaussianMixture.ring8();
    private static final float[] ORIGIN = {0f, 0f};

    @Test
    @DisplayName("samples exactly on all 8 ring centres: 8 captured, 8 covered, HQ fraction 1, reverse KL 0")
    void allCentres() {
        float[] c = RING.modeCentres();
        float[] xy = new float[2 * 80];
        for (int i = 0; i < 80; i++) {
            xy[2 * i] = c[2 * (i % 8)];
            xy[2 * i + 1] = c[2 * (i % 8) + 1];
        }
        ModeCoverage r = ModeCoverage.evaluate(RING, xy, 80);
        assertThat(r.captured()).isEqualTo(8);
        assertThat(r.covered()).isEqualTo(8);
        assertThat(r.hqFraction()).isEqualTo(1.0);
        assertThat(r.reverseKl()).isCloseTo(0.0, within(1e-12));
        assertThat(r.counts()).containsExactly(10, 10, 10, 10, 10, 10, 10, 10);
    }

    @Test
    @DisplayName("all samples on one centre: 1 captured, 1 covered, reverse KL = ln 8")
    void collapsed() {
        float[] c = RING.modeCentres();
        float[] xy = new float[2 * 50];
        for (int i = 0; i < 50; i++) {
            xy[2 * i] = c[6];
            xy[2 * i + 1] = c[7];
        }
        ModeCoverage r = ModeCoverage.evaluate(RING, xy, 50);
        assertThat(r.captured()).isEqualTo(1);
        assertThat(r.covered()).isEqualTo(1);
        assertThat(r.hqFraction()).isEqualTo(1.0);
        assertThat(r.reverseKl()).isCloseTo(Math.log(8), within(1e-12));
        assertThat(r.counts()).containsExactly(0, 0, 0, 50, 0, 0, 0, 0);
    }

    @Test
    @DisplayName("samples far from every mode are never high quality; reverse KL is then defined as ln K")
    void farAway() {
        float[] xy = new float[2 * 20];
        java.util.Arrays.fill(xy, 0.5f); // (0.5, 0.5): 0.29 from the unit circle, 29 sigma
        ModeCoverage r = ModeCoverage.evaluate(RING, xy, 20);
        assertThat(r.captured()).isZero();
        assertThat(r.covered()).isZero();
        assertThat(r.hqFraction()).isZero();
        assertThat(r.reverseKl()).isEqualTo(Math.log(8));
        assertThat(r.counts()).containsOnly(0);
    }

    @Test
    @DisplayName("1% edge: of 1,000 samples a mode with 10 HQ samples is covered, one with 9 is only captured")
    void onePercentEdge() {
        float[] centres = {0f, 0f, 10f, 0f, 20f, 0f};
        int n = 1000;
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i < 10 ? 0f : i < 19 ? 10f : 5f; // the rest sit half way, 5 sigma from two modes
        }
        ModeCoverage r = ModeCoverage.evaluate(centres, 1.0, xy, n);
        assertThat(r.counts()).containsExactly(10, 9, 0);
        assertThat(r.captured()).isEqualTo(2);
        assertThat(r.covered()).isEqualTo(1);
        assertThat(r.hqFraction()).isEqualTo(0.019);
        double p0 = 10.0 / 19;
        double p1 = 9.0 / 19;
        assertThat(r.reverseKl()).isCloseTo(p0 * Math.log(3 * p0) + p1 * Math.log(3 * p1), within(1e-12));
    }

    @Test
    @DisplayName("the 3-sigma test is strict: 2.999 sigma is high quality, exactly 3 sigma is not")
    void threeSigmaEdge() {
        ModeCoverage in = ModeCoverage.evaluate(ORIGIN, 0.5, new float[] {0f, 1.4995f}, 1);
        ModeCoverage edge = ModeCoverage.evaluate(ORIGIN, 0.5, new float[] {1.5f, 0f}, 1);
        assertThat(in.captured()).isEqualTo(1);
        assertThat(edge.captured()).isZero();
    }

    @Test
    @DisplayName("each sample goes to its nearest mode only, and a point between modes can miss both")
    void nearestOnly() {
        float[] centres = {0f, 0f, 4f, 0f};
        float[] xy = {1.9f, 0f, 2.1f, 0f, 2f, 3.5f};
        ModeCoverage r = ModeCoverage.evaluate(centres, 1.0, xy, 3);
        assertThat(r.counts()).containsExactly(1, 1);
        assertThat(r.hqFraction()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    @DisplayName("10,000 ring samples with seed 7 give the golden HQ counts, HQ fraction and reverse KL")
    void ringGolden() {
        float[] xy = new float[20_000];
        RING.sample(new SplittableRandom(7), xy, 0, 10_000);
        ModeCoverage r = ModeCoverage.evaluate(RING, xy, 10_000);
        assertThat(r.counts()).containsExactly(1282, 1222, 1134, 1283, 1247, 1303, 1178, 1226);
        assertThat(r.captured()).isEqualTo(8);
        assertThat(r.covered()).isEqualTo(8);
        assertThat(r.hqFraction()).isEqualTo(0.9875); // chi-square(2) below 9 is 1 - e^-4.5 = 0.9889
        assertThat(r.reverseKl()).isCloseTo(9.503420987e-4, within(1e-12));
    }

    @Test
    @DisplayName("no samples: nothing captured, HQ fraction 0, reverse KL ln K")
    void empty() {
        ModeCoverage r = ModeCoverage.evaluate(RING, new float[0], 0);
        assertThat(r.captured()).isZero();
        assertThat(r.covered()).isZero();
        assertThat(r.hqFraction()).isZero();
        assertThat(r.reverseKl()).isEqualTo(Math.log(8));
    }

    @Test
    @DisplayName("non-finite samples are never high quality")
    void nonFinite() {
        ModeCoverage r = ModeCoverage.evaluate(ORIGIN, 1.0, new float[] {Float.NaN, 0f, Float.POSITIVE_INFINITY, 0f}, 2);
        assertThat(r.captured()).isZero();
    }

    @Test
    @DisplayName("the result's counts are a copy, and equal results are equal")
    void valueSemantics() {
        ModeCoverage a = ModeCoverage.evaluate(ORIGIN, 1.0, new float[] {0f, 0f}, 1);
        a.counts()[0] = 99;
        assertThat(a.counts()).containsExactly(1);
        assertThat(a).isEqualTo(ModeCoverage.evaluate(ORIGIN, 1.0, new float[] {0f, 0f}, 1));
    }

    @Test
    @DisplayName("every invalid argument throws with a message naming it")
    void invalidArguments() {
        assertThatThrownBy(() -> ModeCoverage.evaluate(null, new float[2], 1)).hasMessageContaining("dist");
        assertThatThrownBy(() -> ModeCoverage.evaluate(new Spiral(0.1), new float[2], 1))
                .hasMessageContaining("centres");
        assertThatThrownBy(() -> ModeCoverage.evaluate(null, 1.0, new float[2], 1)).hasMessageContaining("centres");
        assertThatThrownBy(() -> ModeCoverage.evaluate(new float[3], 1.0, new float[2], 1))
                .hasMessageContaining("centres");
        assertThatThrownBy(() -> ModeCoverage.evaluate(ORIGIN, 0.0, new float[2], 1)).hasMessageContaining("sigma");
        assertThatThrownBy(() -> ModeCoverage.evaluate(ORIGIN, Double.NaN, new float[2], 1))
                .hasMessageContaining("sigma");
        assertThatThrownBy(() -> ModeCoverage.evaluate(ORIGIN, 1.0, null, 1)).hasMessageContaining("xy");
        assertThatThrownBy(() -> ModeCoverage.evaluate(ORIGIN, 1.0, new float[2], 2)).hasMessageContaining("n must");
        assertThatThrownBy(() -> ModeCoverage.evaluate(ORIGIN, 1.0, new float[2], -1)).hasMessageContaining("n must");
    }
}
