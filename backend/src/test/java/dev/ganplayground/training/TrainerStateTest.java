package dev.ganplayground.training;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.OptimizerConfig;
import dev.ganplayground.config.OptimizerKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.TrainConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.ganplayground.training.TrainerTestSupport.withTrain;
import static org.assertj.core.api.Assertions.assertThat;

/** Capturing and restoring a trainer's state: the basis of checkpoints. */
class TrainerStateTest {
    private static RunConfig small() {
        return TrainerTestSupport.smallRing8();
    }

    @Test
    @DisplayName("a restored trainer holds the same parameters, Adam moments, counters and step")
    void captureRestoreExact() {
        try (GanTrainer a = new GanTrainer(small()); GanTrainer b = new GanTrainer(small())) {
            a.train(25, StepMode.BOTH);
            TrainerState s = a.captureState();
            assertThat(s.step()).isEqualTo(25);
            assertThat(s.optimizerD().kind()).isEqualTo(OptimizerKind.ADAM);
            assertThat(s.optimizerD().updates()).isEqualTo(25L * small().train().dSteps());
            assertThat(s.optimizerG().vectors()).hasSize(2);
            b.restoreState(s);
            TrainerState back = b.captureState();
            assertThat(back.step()).isEqualTo(25);
            assertThat(back.generator()).isEqualTo(s.generator());
            assertThat(back.discriminator()).isEqualTo(s.discriminator());
            assertThat(back.optimizerG().vectors().get(1)).isEqualTo(s.optimizerG().vectors().get(1));
            assertThat(back.optimizerD().updates()).isEqualTo(s.optimizerD().updates());
        }
    }

    @Test
    @DisplayName("resuming from one state twice trains bit-identically (streams derived from seed and step)")
    void resumeIsDeterministic() {
        TrainerState s;
        try (GanTrainer a = new GanTrainer(small())) {
            a.train(10, StepMode.BOTH);
            s = a.captureState();
        }
        float[] g1;
        float[] g2;
        try (GanTrainer b = new GanTrainer(small())) {
            b.restoreState(s);
            b.train(15, StepMode.BOTH);
            g1 = b.captureState().generator();
            assertThat(b.step()).isEqualTo(25);
        }
        try (GanTrainer c = new GanTrainer(small())) {
            c.restoreState(s);
            c.train(15, StepMode.BOTH);
            g2 = c.captureState().generator();
        }
        assertThat(g1).isEqualTo(g2).isNotEqualTo(s.generator());
    }

    @Test
    @DisplayName("an update that would overflow a parameter is undone, so diverging leaves finite parameters")
    void overflowingUpdateUndone() {
        OptimizerConfig wild = new OptimizerConfig(OptimizerKind.SGD, 1e30, 0.5, 0.999, 0.0);
        TrainConfig tc = small().train();
        RunConfig c = withTrain(small(), new TrainConfig(tc.batchSize(), LossKind.LEAST_SQUARES, 1, wild, wild));
        try (GanTrainer t = new GanTrainer(c)) {
            NonFiniteException failure = null;
            for (int i = 0; i < 200 && failure == null; i++) {
                try {
                    t.train(1, StepMode.BOTH);
                } catch (NonFiniteException e) {
                    failure = e;
                }
            }
            assertThat(failure).as("training diverged").isNotNull();
            assertThat(failure.getMessage()).startsWith("diverged at step " + failure.step() + " (");
            TrainerState s = t.captureState();
            for (float v : s.generator()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
            for (float v : s.discriminator()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }
}
