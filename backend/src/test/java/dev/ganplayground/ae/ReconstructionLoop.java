package dev.ganplayground.ae;

import dev.ganplayground.nn.Adam;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Sequential;

/**
 * A plain autoencoder training loop for tests and benchmarks: encoder then decoder, mean squared reconstruction error
 * over every output float, one Adam (PyTorch's defaults, given learning rate) per half.
 */
public final class ReconstructionLoop implements AutoCloseable {
    private final Sequential encoder;
    private final Sequential decoder;
    private final Adam encoderOpt;
    private final Adam decoderOpt;
    private final FloatVec input;
    private final FloatVec dOut;
    private final FloatVec dCode;
    private final int width;

    /** Both networks must hold {@code rows} rows; the loop closes them with itself. */
    public ReconstructionLoop(Sequential encoder, Sequential decoder, int rows, double lr) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.width = encoder.inputWidth();
        encoderOpt = new Adam(encoder.parameterCount()).set(lr, 0.9, 0.999);
        decoderOpt = new Adam(decoder.parameterCount()).set(lr, 0.9, 0.999);
        input = FloatVec.allocate(rows * width);
        dOut = FloatVec.allocate(rows * width);
        dCode = FloatVec.allocate(rows * encoder.outputWidth());
    }

    /** One training step on the {@code n} inputs of {@code batch}; returns their error before the update. */
    public double step(float[] batch, int n) {
        double mse = forward(batch, n);
        decoder.backward(dOut, n, true, dCode);
        encoder.backward(dCode, n, true, null);
        encoderOpt.step(encoder.parameters(), encoder.gradients());
        decoderOpt.step(decoder.parameters(), decoder.gradients());
        return mse;
    }

    /** The mean squared reconstruction error of the {@code n} inputs of {@code batch} (no update). */
    public double mse(float[] batch, int n) {
        return forward(batch, n);
    }

    /** Forward through both halves; leaves dL/dy in dOut and returns the error. */
    private double forward(float[] batch, int n) {
        input.copyFrom(batch, 0, 0, n * width);
        FloatVec y = decoder.forward(encoder.forward(input, n), n);
        int count = n * width;
        double sum = 0;
        for (int i = 0; i < count; i++) {
            float diff = y.get(i) - batch[i];
            sum += (double) diff * diff;
            dOut.set(i, 2f * diff / count);
        }
        return sum / count;
    }

    @Override
    public void close() {
        encoderOpt.close();
        decoderOpt.close();
        input.close();
        dOut.close();
        dCode.close();
        encoder.close();
        decoder.close();
    }
}
