package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MoonsTest {
    @Test
    @DisplayName("moons with spread 0.05 and seed 7 gives the golden means and extents inside its bounds")
    void golden() {
        Moons moons = new Moons(0.05);
        float[] xy = Samples.draw(moons, Samples.SEED, Samples.N);
        double[] m = Samples.means(xy);
        assertThat(m[0]).isCloseTo(-0.018665334, within(1e-6));
        assertThat(m[1]).isCloseTo(0.006869806, within(1e-6));
        assertThat(m[2]).isCloseTo(0.918074511, within(1e-6));
        assertThat(moons.bounds()).isEqualTo(new Bounds(-1.9, 1.9, -1.9, 1.9));
        assertThat(Samples.allInside(xy, moons.bounds())).isTrue();
    }

    @Test
    @DisplayName("without noise every point lies on the upper or the lower unit half circle, both moons get points")
    void cleanMoons() {
        float[] xy = Samples.draw(new Moons(0), 3, 2000);
        int upper = 0;
        for (int i = 0; i < 2000; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            // Upper moon: centre (-0.5, -0.25), y >= -0.25. Lower moon: centre (0.5, 0.25), y <= 0.25.
            boolean onUpper = Math.abs(Math.hypot(x + 0.5, y + 0.25) - 1) < 1e-5 && y >= -0.25 - 1e-6;
            boolean onLower = Math.abs(Math.hypot(x - 0.5, y - 0.25) - 1) < 1e-5 && y <= 0.25 + 1e-6;
            assertThat(onUpper || onLower).as("point %d (%s, %s)", i, x, y).isTrue();
            upper += onUpper ? 1 : 0;
        }
        assertThat(upper).isBetween(900, 1100);
    }

    @Test
    @DisplayName("moons has no modes: empty centres and NaN sigma")
    void noModes() {
        Moons moons = new Moons(0.05);
        assertThat(moons.modeCentres()).isEmpty();
        assertThat(moons.modeSigma()).isNaN();
    }

    @Test
    @DisplayName("the same seed gives identical samples and a different seed gives different ones")
    void seeding() {
        Moons moons = new Moons(0.05);
        assertThat(Samples.draw(moons, 7, 300)).containsExactly(Samples.draw(moons, 7, 300));
        assertThat(Samples.draw(moons, 8, 300)).isNotEqualTo(Samples.draw(moons, 7, 300));
    }

    @Test
    @DisplayName("a negative, NaN or infinite spread throws naming spread")
    void invalidSpread() {
        assertThatThrownBy(() -> new Moons(-1e-9)).hasMessageContaining("spread");
        assertThatThrownBy(() -> new Moons(Double.NaN)).hasMessageContaining("spread");
        assertThatThrownBy(() -> new Moons(Double.NEGATIVE_INFINITY)).hasMessageContaining("spread");
    }
}
