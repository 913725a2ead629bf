package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;
import dev.ganplayground.metrics.ModeCoverage;
import dev.ganplayground.samples.FrameEncoder;
import dev.ganplayground.training.GanTrainer;

/**
 * A 2D run: plane frames at most {@code view.maxFramesPerSecond} a second, PacGAN mode coverage and grid
 * divergences at each evaluation, and the collapse alarm fed by the coverage.
 */
final class PointEngine implements RunEngine {
    private final GanTrainer trainer;
    private final CollapseAlarm alarm;
    private final Evaluation evaluation = new Evaluation();
    private long lastFrameNanos;

    PointEngine(RunConfig config) {
        trainer = new GanTrainer(config);
        alarm = new CollapseAlarm(config.alarm());
    }

    @Override
    public GanTrainer trainer() {
        return trainer;
    }

    @Override
    public void reconfigure(RunConfig next) {
        trainer.reconfigure(next);
        alarm.reconfigure(next.alarm());
    }

    @Override
    public boolean frameDue(boolean force) {
        long now = System.nanoTime();
        if (force || now - lastFrameNanos >= 1_000_000_000L / trainer.config().view().maxFramesPerSecond()) {
            lastFrameNanos = now;
            return true;
        }
        return false;
    }

    @Override
    public byte[] frame(String runId, long frameNo) {
        return FrameEncoder.encode(runId, frameNo, trainer.frame());
    }

    @Override
    public Evaluated evaluate() {
        long step = trainer.step();
        Evaluation.Result result = evaluation.evaluate(trainer);
        ModeCoverage coverage = result.coverage();
        if (coverage == null) {
            return new Evaluated(result.metrics(), null, null, null);
        }
        ModesSnapshot modes = new ModesSnapshot(step, coverage.counts(), Evaluation.SAMPLES, result.centres());
        CollapseAlarm.Event event = alarm.update(step, coverage.captured(), coverage.modeCount(),
                coverage.hqFraction()).orElse(null);
        return new Evaluated(result.metrics(), modes, event, null);
    }
}
