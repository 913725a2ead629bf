package dev.ganplayground.training;

import dev.ganplayground.config.ModelConfig;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.TrainConfig;

import java.util.List;

/** Helpers shared by the trainer tests: config edits and the learning test's mode count. */
final class TrainerTestSupport {
    /** Seed of the 2,500 z draws the mode count is measured on (the probe and the learning test share it). */
    static final long EVAL_SEED = 99;

    private TrainerTestSupport() {
    }

    /** A small, fast variant of the ring8 preset: 2 x 16 hidden units, batch 32. */
    static RunConfig smallRing8() {
        RunConfig base = Presets.load().resolve("ring8", null);
        ModelConfig m = base.model();
        ModelConfig sm = new ModelConfig(m.latentDim(), m.noise(), List.of(16, 16), List.of(16, 16),
                m.gActivation(), m.dActivation(), m.architecture(), m.baseChannels());
        TrainConfig t = base.train();
        TrainConfig st = new TrainConfig(32, t.loss(), t.dSteps(), t.optimizerD(), t.optimizerG());
        return new RunConfig(base.seed(), base.data(), sm, st, base.view(), base.remedies(), base.alarm());
    }

    static RunConfig withSeed(RunConfig c, long seed) {
        return new RunConfig(seed, c.data(), c.model(), c.train(), c.view(), c.remedies(), c.alarm());
    }

    static RunConfig withTrain(RunConfig c, TrainConfig train) {
        return new RunConfig(c.seed(), c.data(), c.model(), train, c.view(), c.remedies(), c.alarm());
    }

    /**
     * Ring8 modes (radius 1, sigma 0.01) holding at least 1% of the points within 3 sigma of their centre. Written
     * out here on purpose: the test must not depend on the evaluator it will later be compared with.
     */
    static int coveredModes(float[] xy) {
        int n = xy.length / 2;
        int[] hits = new int[8];
        double r2 = 0.03 * 0.03;
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < 8; m++) {
                double dx = xy[2 * i] - Math.cos(2 * Math.PI * m / 8);
                double dy = xy[2 * i + 1] - Math.sin(2 * Math.PI * m / 8);
                if (dx * dx + dy * dy <= r2) {
                    hits[m]++;
                    break;
                }
            }
        }
        int covered = 0;
        for (int h : hits) {
            if (h >= 0.01 * n) {
                covered++;
            }
        }
        return covered;
    }
}
