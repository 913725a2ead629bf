package dev.ganplayground.ae;

import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.model.Mlp;
import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.Gru;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.RepeatSteps;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.TimeDistributedDense;
import dev.ganplayground.training.RealSource;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The recurrent autoencoder's two halves (kind {@code recurrent}): a grey image is read as a sequence of its rows,
 * T = H steps of F = W features (MNIST: 28 steps of 28 pixels), as in Hands-On ML's recurrent autoencoder. With
 * state size s = {@code c.hidden().get(0)}:
 * <ul>
 *   <li>encoder: {@link Gru} over the rows -> its last state -> linear Dense s -> code (sequence to vector);</li>
 *   <li>decoder: Dense code -> s + the configured activation, repeated over the T steps ({@link RepeatSteps}) ->
 *   {@link Gru} returning every state -> the same Dense s -> W at each step ({@link TimeDistributedDense}) ->
 *   tanh (vector to sequence; the data lie in [-1, 1]).</li>
 * </ul>
 * Parameters (C = 1, H = W = 28, s = 128, code 32): encoder 3s(28 + s + 2) + (s + 1) 32 = 64,800; decoder
 * (32 + 1) s + 3s(2s + 2) + (s + 1) 28 = 106,908.
 */
public final class RecurrentNets {
    private RecurrentNets() {
    }

    /**
     * The encoder: rows of 1 x H x W in, rows of {@code c.codeSize()} out. Its parameters are zero until the caller
     * runs {@link Sequential#initialize}; see the overload that does.
     */
    public static Sequential encoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity) {
        return new Sequential(encoderLayers(shape, c), rowCapacity);
    }

    /** {@link #encoder(RealSource.SampleShape, AutoencoderConfig, int)}, initialised from {@code rng}. */
    public static Sequential encoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity,
                                     SplittableRandom rng) {
        return ConvNets.initialized(encoder(shape, c, rowCapacity), rng);
    }

    /**
     * The decoder: rows of {@code c.codeSize()} in, rows of 1 x H x W in [-1, 1] out. Its parameters are zero until
     * the caller runs {@link Sequential#initialize}; see the overload that does.
     */
    public static Sequential decoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity) {
        return new Sequential(decoderLayers(shape, c), rowCapacity);
    }

    /** {@link #decoder(RealSource.SampleShape, AutoencoderConfig, int)}, initialised from {@code rng}. */
    public static Sequential decoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity,
                                     SplittableRandom rng) {
        return ConvNets.initialized(decoder(shape, c, rowCapacity), rng);
    }

    static List<Layer> encoderLayers(RealSource.SampleShape shape, AutoencoderConfig c) {
        int state = stateSize(shape, c);
        return List.of(
                new Gru(shape.height(), shape.width(), state, Gru.Output.LAST_STATE),
                new Dense(state, c.codeSize()));
    }

    static List<Layer> decoderLayers(RealSource.SampleShape shape, AutoencoderConfig c) {
        int state = stateSize(shape, c);
        int steps = shape.height();
        return List.of(
                new Dense(c.codeSize(), state),
                new Activation(Mlp.kindOf(c.activation()), state),
                new RepeatSteps(state, steps),
                new Gru(steps, state, state, Gru.Output.ALL_STATES),
                new TimeDistributedDense(steps, state, shape.width()),
                new Activation(Activation.Kind.TANH, shape.size()));
    }

    private static int stateSize(RealSource.SampleShape shape, AutoencoderConfig c) {
        if (shape.channels() != 1) {
            // NCHW rows of several channels are not a sequence of image rows.
            throw new IllegalArgumentException("a recurrent autoencoder reads grey images row by row, found "
                    + shape.channels() + " channels");
        }
        if (c.hidden() == null || c.hidden().isEmpty()) {
            throw new IllegalArgumentException("a recurrent autoencoder needs its state size as hidden[0]");
        }
        return c.hidden().get(0);
    }
}
