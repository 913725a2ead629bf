package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpiralTest {
    @Test
    @DisplayName("spiral with spread 0.05 and seed 7 gives the golden means and stays well inside its bounds")
    void golden() {
        Spiral s = new Spiral(0.05);
        float[] xy = Samples.draw(s, Samples.SEED, Samples.N);
        double[] m = Samples.means(xy);
        assertThat(m[0]).isCloseTo(-0.000423065, within(1e-6));
        assertThat(m[1]).isCloseTo(0.002569533, within(1e-6));
        assertThat(m[2]).isCloseTo(0.665367850, within(1e-6));
        assertThat(s.bounds()).isEqualTo(new Bounds(-1.5, 1.5, -1.5, 1.5));
        assertThat(Samples.allInside(xy, s.bounds())).isTrue();
    }

    @Test
    @DisplayName("without noise every point lies on one of the two arms: radius t at angle 3 pi t (mod pi)")
    void cleanArms() {
        float[] xy = Samples.draw(new Spiral(0), 3, 2000);
        for (int i = 0; i < 2000; i++) {
            double r = Math.hypot(xy[2 * i], xy[2 * i + 1]);
            assertThat(r).isLessThanOrEqualTo(1.0 + 1e-6);
            if (r > 1e-3) {
                double off = Math.atan2(xy[2 * i + 1], xy[2 * i]) - 2 * Math.PI * Spiral.TURNS * r;
                double mod = off - Math.PI * Math.rint(off / Math.PI);
                assertThat(mod).as("angle offset of point %d", i).isCloseTo(0.0, within(1e-4));
            }
        }
    }

    @Test
    @DisplayName("spiral has no modes: empty centres and NaN sigma")
    void noModes() {
        Spiral s = new Spiral(0.05);
        assertThat(s.modeCentres()).isEmpty();
        assertThat(s.modeCount()).isZero();
        assertThat(s.modeSigma()).isNaN();
    }

    @Test
    @DisplayName("bounds grow with the noise so 3 sigma always fits")
    void boundsGrow() {
        Spiral s = new Spiral(1.0);
        assertThat(s.bounds().xMax()).isEqualTo(4.25);
        assertThat(Samples.allInside(Samples.draw(s, 7, 2000), s.bounds())).isTrue();
    }

    @Test
    @DisplayName("the same seed gives identical samples and a different seed gives different ones")
    void seeding() {
        Spiral s = new Spiral(0.05);
        assertThat(Samples.draw(s, 7, 300)).containsExactly(Samples.draw(s, 7, 300));
        assertThat(Samples.draw(s, 8, 300)).isNotEqualTo(Samples.draw(s, 7, 300));
    }

    @Test
    @DisplayName("a negative, NaN or infinite spread throws naming spread")
    void invalidSpread() {
        assertThatThrownBy(() -> new Spiral(-0.1)).hasMessageContaining("spread");
        assertThatThrownBy(() -> new Spiral(Double.NaN)).hasMessageContaining("spread");
        assertThatThrownBy(() -> new Spiral(Double.POSITIVE_INFINITY)).hasMessageContaining("spread");
    }
}
