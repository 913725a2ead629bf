package dev.ganplayground.ae;

import static dev.ganplayground.ae.AeTestSupport.loss;
import static dev.ganplayground.ae.AeTestSupport.model;
import static dev.ganplayground.ae.AeTestSupport.run;
import static dev.ganplayground.ae.AeTestSupport.shapes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.CorruptionKind;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.SparsityKind;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.training.ImageSource;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TrainerState;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conv and recurrent kinds through the run's factory: {@link ConvNets} / {@link RecurrentNets} layers re-bound
 * into an arm's flat vectors train, reconstruct images of the right size, and survive a checkpoint round trip.
 */
class FactoryKindsTest {
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("the linear kind stays affine on images (no tanh): it is PCA's model there too")
    void linearKindIsAffineOnImages() {
        ImageDataset data = shapes();
        RunConfig c = run(DatasetKind.SHAPES, model(AutoencoderKind.LINEAR, 8, List.of()),
                loss(CorruptionKind.NONE, 0, SparsityKind.NONE, 0.05, 1, 1), 16, 3e-3, 6);
        try (AutoencoderTrainer t = AutoencoderTrainers.create(c, new ImageSource(data), data)) {
            t.train(20, StepMode.BOTH);
            int w = data.imageSize();
            float[] x = new float[3 * w];
            data.copyImage(0, x, 0);
            data.copyImage(1, x, w);
            for (int i = 0; i < w; i++) {
                x[2 * w + i] = 0.25f * x[i] + 0.75f * x[w + i];
            }
            float[] r = t.arms().get(0).reconstruct(x, 3);
            for (int i = 0; i < w; i++) {
                assertThat(r[2 * w + i]).isCloseTo(0.25f * r[i] + 0.75f * r[w + i],
                        org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AutoencoderKind.class, names = {"CONV", "RECURRENT"})
    void trainsThroughTheFactory(AutoencoderKind kind) {
        ImageDataset data = shapes();
        RunConfig c = run(DatasetKind.SHAPES, model(kind, 16, List.of(32)),
                loss(CorruptionKind.NONE, 0, SparsityKind.NONE, 0.05, 1, 1), 16, 3e-3, 5);
        try (AutoencoderTrainer t = AutoencoderTrainers.create(c, new ImageSource(data), data)) {
            double first = t.train(5, StepMode.BOTH).means().get(MetricNames.AE_RECON);
            double later = Double.NaN;
            for (int i = 0; i < 12; i++) {
                later = t.train(10, StepMode.BOTH).means().get(MetricNames.AE_RECON);
            }
            assertThat(later).isFinite().isLessThan(0.8 * first);
            Autoencoder ae = t.arms().get(0);
            float[] x = new float[2 * data.imageSize()];
            data.copyImage(0, x, 0);
            data.copyImage(1, x, data.imageSize());
            assertThat(ae.reconstruct(x, 2)).hasSize(x.length);
            assertThat(ae.encode(x, 2)).hasSize(2 * 16);

            TrainerState saved = t.captureState();
            float[] before = ae.reconstruct(x, 2);
            t.train(5, StepMode.BOTH);
            t.restoreState(saved);
            assertThat(t.arms().get(0).reconstruct(x, 2)).containsExactly(before);
        }
    }
}
