package dev.ganplayground.training;

import dev.ganplayground.nn.FloatVec;

/**
 * A trainer's native workspace for one batch size, so a step allocates nothing: z for G's input, D's input of
 * reals then fakes, D's score gradients, and the fakes' input gradient through D. Frames and evaluations reuse it in
 * chunks of {@link #rows} rows. Replaced (never resized) when the batch grows.
 */
final class StepBuffers implements AutoCloseable {
    /** Batch rows (packs) the buffers hold; D's input holds twice that. */
    final int rows;
    final FloatVec z;
    final FloatVec dIn;
    final FloatVec dScores;
    final FloatVec dFake;
    /** Real samples on the heap, before they are copied into dIn. */
    final float[] realHeap;

    /**
     * @param pack   samples per D row (PacGAN's m)
     * @param width  floats per sample
     * @param latent floats per z
     */
    StepBuffers(int rows, int pack, int width, int latent) {
        this.rows = rows;
        z = FloatVec.allocate(pack * rows * latent);
        dIn = FloatVec.allocate(2 * width * pack * rows);
        dScores = FloatVec.allocate(2 * rows);
        dFake = FloatVec.allocate(width * pack * rows);
        realHeap = new float[width * pack * rows];
    }

    @Override
    public void close() {
        z.close();
        dIn.close();
        dScores.close();
        dFake.close();
    }
}
