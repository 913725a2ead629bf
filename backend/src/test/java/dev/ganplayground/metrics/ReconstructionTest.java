package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reconstruction error, code-unit statistics, histograms and interpolation paths: the small helpers. */
class ReconstructionTest {
    @Test
    @DisplayName("MSE is the mean over all values; per-sample MSE over each input's own values")
    void mse() {
        float[] x = {0, 0, 1, 1, 2, 2};
        float[] y = {1, 0, 1, 3, 2, 2};
        // Squared errors 1, 0 | 0, 4 | 0, 0: total 5 over 6 values.
        assertThat(Reconstruction.mse(x, y, 3, 2)).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(Reconstruction.msePerSample(x, y, 3, 2)).containsExactly(0.5, 2, 0);
        assertThatThrownBy(() -> Reconstruction.mse(x, y, 4, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("code units: per-unit min/max/mean; constant units are inactive; means near 0 or 1 are off/on")
    void codeUnits() {
        // 3 codes of 4 units: unit 0 varies, unit 1 always 0 (dead), unit 2 always 1 (saturated), unit 3 varies.
        float[] codes = {0.2f, 0, 1, 0.5f, 0.8f, 0, 1, 0.1f, 0.5f, 0, 1, 0.9f};
        CodeUnits u = CodeUnits.of(codes, 3, 4);
        assertThat(u.units()).isEqualTo(4);
        assertThat(u.mean()).containsExactly(new double[] {0.5, 0, 1, 0.5}, within(1e-7));
        assertThat(u.min()).containsExactly(new double[] {0.2, 0, 1, 0.1}, within(1e-7));
        assertThat(u.max()).containsExactly(new double[] {0.8, 0, 1, 0.9}, within(1e-7));
        assertThat(u.inactiveFraction()).isEqualTo(0.5);
        assertThat(u.offOrOnFraction(0.01, 0.99)).isEqualTo(0.5);
        assertThat(u.inactiveFraction(0.7)).isEqualTo(0.75);
    }

    @Test
    @DisplayName("histogram: equal bins, out-of-range values in the end bins, non-finite ones skipped")
    void histogram() {
        Histogram h = Histogram.of(new double[] {0.05, 0.1, 0.55, 0.99, 1.0, -3, 7, Double.NaN}, 4, 0, 1);
        assertThat(h.counts()).containsExactly(3, 0, 1, 3);
        assertThat(h.skipped()).isEqualTo(1);
        assertThat(h.centre(0)).isCloseTo(0.125, within(1e-12));
    }

    @Test
    @DisplayName("interpolation: evenly spaced codes from one to the other, both ends included")
    void interpolate() {
        float[] path = LatentLattice.interpolate(new float[] {0, 4}, new float[] {2, 0}, 3);
        assertThat(path).containsExactly(0, 4, 1, 2, 2, 0);
    }
}
