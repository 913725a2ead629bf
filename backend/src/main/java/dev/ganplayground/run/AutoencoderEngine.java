package dev.ganplayground.run;

import dev.ganplayground.ae.AutoencoderTrainer;

/**
 * An autoencoder run (architecture {@code autoencoder}): one autoencoder or an experiment's arms, on an image dataset
 * or the 3D cloud. Every {@code view.imageEvery} steps (at most {@code view.maxFramesPerSecond} a second) it draws
 * the "autoencoder" frame ({@link AeFrames}); every {@code view.evalEvery} steps it measures the arms on held-out
 * inputs ({@link AeEvaluation}). No timeline (the GIF and timeline downloads are the image GANs'), no class
 * coverage. Checkpoints go through the trainer's {@code TrainerState} like every run's.
 */
final class AutoencoderEngine implements RunEngine {
    private final AutoencoderTrainer trainer;
    private final AeFrames frames;
    private final AeEvaluation evaluation;
    private final FrameClock clock = new FrameClock();

    /**
     * @param trainer the run's trainer (owned from now on: closed with the engine)
     * @param data    the held-out inputs of the run's dataset
     */
    AutoencoderEngine(AutoencoderTrainer trainer, AeHeldOut data) {
        this.trainer = trainer;
        long seed = trainer.config().seed();
        this.frames = new AeFrames(trainer, data, seed);
        this.evaluation = new AeEvaluation(trainer, data, seed);
    }

    @Override
    public AutoencoderTrainer trainer() {
        return trainer;
    }

    @Override
    public void reconfigure(dev.ganplayground.config.RunConfig next) {
        trainer.reconfigure(next);
    }

    @Override
    public boolean frameDue(boolean force) {
        return clock.due(force, trainer.step(), trainer.config().view());
    }

    @Override
    public byte[] frame(String runId, long frameNo) {
        return frames.frame(runId, frameNo);
    }

    @Override
    public Evaluated evaluate() {
        return new Evaluated(evaluation.evaluate(), null, null, null);
    }
}
