package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganplayground.config.DataConfig;
import dev.ganplayground.config.DatasetKind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointDistributionsTest {
    @Test
    @DisplayName("every dataset kind builds its own distribution")
    void everyKind() {
        assertThat(create(DatasetKind.RING8, 0.3).modeCount()).isEqualTo(8);
        assertThat(create(DatasetKind.RING8, 0.3).modeSigma()).isEqualTo(0.01);
        assertThat(create(DatasetKind.GRID25, 0.3).modeCount()).isEqualTo(25);
        assertThat(create(DatasetKind.GRID25, 0.3).modeSigma()).isEqualTo(0.05);
        assertThat(create(DatasetKind.SPIRAL, 0.2)).isInstanceOfSatisfying(Spiral.class,
                s -> assertThat(s.spread()).isEqualTo(0.2));
        assertThat(create(DatasetKind.MOONS, 0.2)).isInstanceOfSatisfying(Moons.class,
                m -> assertThat(m.spread()).isEqualTo(0.2));
        PointDistribution drawn = PointDistributions.create(
                new DataConfig(DatasetKind.DRAWN, List.of(List.of(0.5, -0.5)), 0.07));
        assertThat(drawn.modeCentres()).containsExactly(0.5f, -0.5f);
        assertThat(drawn.modeSigma()).isEqualTo(0.07);
    }

    @Test
    @DisplayName("a null config or kind throws naming config")
    void nullConfig() {
        assertThatThrownBy(() -> PointDistributions.create(null)).hasMessageContaining("config");
        assertThatThrownBy(() -> PointDistributions.create(new DataConfig(null, List.of(), 0.1)))
                .hasMessageContaining("config.kind");
    }

    private static PointDistribution create(DatasetKind kind, double spread) {
        return PointDistributions.create(new DataConfig(kind, List.of(), spread));
    }
}
