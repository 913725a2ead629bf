package dev.ganplayground.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.ArchitectureKind;
import dev.ganplayground.config.ModelConfig;
import dev.ganplayground.config.NoiseKind;
import dev.ganplayground.config.StyleConfig;
import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.Sequential;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MlpTest {
    private static final ModelConfig M = new ModelConfig(2, NoiseKind.GAUSSIAN, List.of(128, 128, 128),
            List.of(64, 32), ActivationKind.RELU, ActivationKind.LEAKY_RELU, ArchitectureKind.MLP, 64);

    @Test
    @DisplayName("G maps latentDim to 2 and D maps 2 to 1, with the configured activations between Dense layers")
    void shapes() {
        try (Sequential g = Mlp.generator(M, 8, new SplittableRandom(1));
             Sequential d = Mlp.discriminator(M, 8, new SplittableRandom(2))) {
            assertThat(g.inputWidth()).isEqualTo(2);
            assertThat(g.outputWidth()).isEqualTo(2);
            assertThat(g.parameterCount()).isEqualTo((2 * 128 + 128) + 2 * (128 * 128 + 128) + (128 * 2 + 2));
            assertThat(d.inputWidth()).isEqualTo(2);
            assertThat(d.outputWidth()).isEqualTo(1);
            assertThat(d.parameterCount()).isEqualTo((2 * 64 + 64) + (64 * 32 + 32) + (32 + 1));
            assertThat(d.layers()).hasSize(5);
            assertThat(d.layers().get(1)).isInstanceOf(Activation.class);
            assertThat(((Activation) d.layers().get(1)).kind()).isEqualTo(Activation.Kind.LEAKY_RELU);
            assertThat(d.layers().get(4)).isInstanceOf(Dense.class); // linear output: no activation after it
        }
    }

    @Test
    @DisplayName("initialisation is PyTorch Linear's U(-1/sqrt(fan_in), 1/sqrt(fan_in)) and repeats for a seed")
    void initialisation() {
        try (Sequential a = Mlp.generator(M, 4, new SplittableRandom(3));
             Sequential b = Mlp.generator(M, 4, new SplittableRandom(3))) {
            float[] p = a.parameters().toArray();
            assertThat(p).isEqualTo(b.parameters().toArray());
            float first = 0;
            for (int i = 0; i < 2 * 128 + 128; i++) {
                assertThat(Math.abs(p[i])).isLessThanOrEqualTo((float) (1 / Math.sqrt(2)));
                first = Math.max(first, Math.abs(p[i]));
            }
            assertThat(first).isGreaterThan(0.6f); // spread over the whole range, not a narrower one
            int second = 2 * 128 + 128;
            for (int i = second; i < second + 128 * 128 + 128; i++) {
                assertThat(Math.abs(p[i])).isLessThanOrEqualTo((float) (1 / Math.sqrt(128)));
            }
        }
    }
}
