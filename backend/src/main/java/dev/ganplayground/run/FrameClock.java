package dev.ganplayground.run;

import dev.ganplayground.config.ViewConfig;

/**
 * When an image-like run (image GANs, autoencoders) draws its next frame: every {@code view.imageEvery} steps, at
 * most {@code view.maxFramesPerSecond} a second, or at once when forced (a command, a reset, a live change).
 */
final class FrameClock {
    private long lastFrameStep = Long.MIN_VALUE;
    private long lastFrameNanos;

    /** Whether a frame is due at {@code step}; if so, the clock starts counting from now. */
    boolean due(boolean force, long step, ViewConfig v) {
        long now = System.nanoTime();
        boolean due = force || (step - lastFrameStep >= v.imageEvery()
                && now - lastFrameNanos >= 1_000_000_000L / v.maxFramesPerSecond());
        if (due) {
            lastFrameStep = step;
            lastFrameNanos = now;
        }
        return due;
    }
}
