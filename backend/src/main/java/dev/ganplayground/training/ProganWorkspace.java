package dev.ganplayground.training;

import dev.ganplayground.nn.FloatVec;

/**
 * {@link ProganTrainer}'s buffers for one batch size (replaced when the batch grows), sized for the source's full
 * resolution: z, D's input (reals then fakes), score and fake gradients, and heap images for pooling and blending.
 */
final class ProganWorkspace implements AutoCloseable {
    final int rows;
    final FloatVec z;
    final FloatVec dIn;
    final FloatVec dScores;
    final FloatVec dFake;
    /** Reals at the source's size, and two scratch images of the same size for pooling and blending. */
    final float[] real;
    final float[] scratchA;
    final float[] scratchB;

    ProganWorkspace(int rows, int latent, int width) {
        this.rows = rows;
        z = FloatVec.allocate(rows * latent);
        dIn = FloatVec.allocate(2 * rows * width);
        dScores = FloatVec.allocate(2 * rows);
        dFake = FloatVec.allocate(rows * width);
        real = new float[rows * width];
        scratchA = new float[rows * width];
        scratchB = new float[rows * width];
    }

    @Override
    public void close() {
        z.close();
        dIn.close();
        dScores.close();
        dFake.close();
    }
}
