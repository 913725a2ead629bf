package dev.ganplayground.run;

import dev.ganplayground.data.PointDistribution;
import dev.ganplayground.metrics.GridDivergence;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.metrics.ModeCoverage;
import dev.ganplayground.training.GanTrainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The periodic evaluation of a 2D run: PacGAN's mode coverage on 2,500 generated samples (for distributions
 * with modes) and GAN Lab's grid KL/JS against as many real samples. Uses its own random stream, so evaluating
 * never changes what training draws.
 */
final class Evaluation {
    /** PacGAN's num_log_figure_sample (shared/REFERENCES.md 3.1). */
    static final int SAMPLES = 2_500;
    private final float[] real = new float[2 * SAMPLES];
    private SplittableRandom rng;

    /**
     * What one evaluation found.
     *
     * @param metrics  the eval metric row (without "step")
     * @param coverage PacGAN mode coverage, or null for a distribution without modes
     * @param centres  the modes' centres (x, y pairs), empty without modes
     */
    record Result(Map<String, Double> metrics, ModeCoverage coverage, float[] centres) {
    }

    Result evaluate(GanTrainer trainer) {
        if (rng == null) {
            rng = new SplittableRandom(trainer.config().seed() ^ 0x5EEDE7A1L);
        }
        PointDistribution dist = trainer.distribution();
        float[] fake = trainer.generate(SAMPLES, rng);
        dist.sample(rng, real, 0, SAMPLES);
        Map<String, Double> out = new LinkedHashMap<>();
        ModeCoverage m = null;
        if (dist.modeCount() > 0) {
            m = ModeCoverage.evaluate(dist, fake, SAMPLES);
            out.put(MetricNames.MODES_CAPTURED, (double) m.captured());
            out.put(MetricNames.MODES_COVERED, (double) m.covered());
            out.put(MetricNames.MODES_HQ, m.hqFraction());
            out.put(MetricNames.MODES_REVERSE_KL, m.reverseKl());
        }
        GridDivergence g = GridDivergence.evaluate(dist.bounds(), real, SAMPLES, fake, SAMPLES);
        out.put(MetricNames.DIV_KL_GRID, g.kl());
        out.put(MetricNames.DIV_JS_GRID, g.js());
        return new Result(out, m, dist.modeCentres());
    }
}
