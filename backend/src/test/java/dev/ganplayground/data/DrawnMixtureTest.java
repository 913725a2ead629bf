package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DrawnMixtureTest {
    private static final List<List<Double>> THREE = List.of(List.of(0.0, 0.0), List.of(1.0, 0.5), List.of(-1.0, -1.0));

    @Test
    @DisplayName("the drawn points become the modes, with sigma = spread and the default canvas as bounds")
    void modesAreThePoints() {
        GaussianMixture g = DrawnMixture.of(THREE, 0.1);
        assertThat(g.modeCentres()).containsExactly(0f, 0f, 1f, 0.5f, -1f, -1f);
        assertThat(g.modeSigma()).isEqualTo(0.1);
        assertThat(g.bounds()).isEqualTo(new Bounds(-1.5, 1.5, -1.5, 1.5));
    }

    @Test
    @DisplayName("three drawn points with spread 0.1 and seed 7 give the golden per-mode counts and sample sigma")
    void golden() {
        GaussianMixture g = DrawnMixture.of(THREE, 0.1);
        float[] xy = Samples.draw(g, Samples.SEED, Samples.N);
        assertThat(Samples.nearestCounts(g.modeCentres(), xy)).containsExactly(3397, 3263, 3340);
        double std = Samples.residualStd(g.modeCentres(), xy);
        assertThat(std).isCloseTo(0.099531282, within(1e-7));
        assertThat(std).isCloseTo(0.1, withinPercentage(2));
    }

    @Test
    @DisplayName("spread 0 is floored to a sigma of 1e-3 so the 3-sigma test still has a scale")
    void zeroSpreadFloor() {
        assertThat(DrawnMixture.of(THREE, 0).modeSigma()).isEqualTo(1e-3);
        assertThat(DrawnMixture.of(THREE, 1e-4).modeSigma()).isEqualTo(1e-3);
    }

    @Test
    @DisplayName("points beyond the canvas widen the square bounds to hold them plus 3 sigma + 0.1")
    void boundsGrow() {
        GaussianMixture g = DrawnMixture.of(List.of(List.of(0.0, 0.0), List.of(-3.0, 2.0)), 0.2);
        assertThat(g.bounds().xMax()).isCloseTo(3.7, within(1e-12));
        assertThat(g.bounds().xMin()).isCloseTo(-3.7, within(1e-12));
        assertThat(g.bounds().yMax()).isCloseTo(3.7, within(1e-12));
        assertThat(Samples.allInside(Samples.draw(g, 7, 2000), g.bounds())).isTrue();
    }

    @Test
    @DisplayName("every invalid argument throws with a message naming it")
    void invalidArguments() {
        assertThatThrownBy(() -> DrawnMixture.of(null, 0.1)).hasMessageContaining("points");
        assertThatThrownBy(() -> DrawnMixture.of(List.of(), 0.1)).hasMessageContaining("points");
        assertThatThrownBy(() -> DrawnMixture.of(List.of(List.of(1.0)), 0.1)).hasMessageContaining("points[0]");
        assertThatThrownBy(() -> DrawnMixture.of(List.of(List.of(0.0, 0.0), Arrays.asList(1.0, null)), 0.1))
                .hasMessageContaining("points[1]");
        assertThatThrownBy(() -> DrawnMixture.of(List.of(List.of(0.0, Double.NaN)), 0.1))
                .hasMessageContaining("points[0]");
        assertThatThrownBy(() -> DrawnMixture.of(THREE, -0.1)).hasMessageContaining("spread");
        assertThatThrownBy(() -> DrawnMixture.of(THREE, Double.NaN)).hasMessageContaining("spread");
    }
}
