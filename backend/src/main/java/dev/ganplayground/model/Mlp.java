package dev.ganplayground.model;

import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.ModelConfig;
import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the 2D GAN's multilayer perceptrons: Dense layers with the configured non-linearity between them and a
 * linear output (G emits points, D emits a raw score; the loss decides how to read it).
 */
public final class Mlp {
    private Mlp() {
    }

    /** G: latentDim -> gHidden... -> 2, initialised from {@code rng}. */
    public static Sequential generator(ModelConfig m, int rowCapacity, SplittableRandom rng) {
        return build(m.latentDim(), m.gHidden(), m.gActivation(), 2, rowCapacity, rng);
    }

    /** D: 2 -> dHidden... -> 1 raw score, initialised from {@code rng}. */
    public static Sequential discriminator(ModelConfig m, int rowCapacity, SplittableRandom rng) {
        return build(2, m.dHidden(), m.dActivation(), 1, rowCapacity, rng);
    }

    /** in -> hidden... -> out; activation after every hidden Dense, none after the last. */
    public static Sequential build(int in, List<Integer> hidden, ActivationKind activation, int out, int rowCapacity,
                                   SplittableRandom rng) {
        List<Layer> layers = new ArrayList<>();
        int width = in;
        for (int h : hidden) {
            layers.add(new Dense(width, h));
            layers.add(new Activation(kindOf(activation), h));
            width = h;
        }
        layers.add(new Dense(width, out));
        Sequential net = new Sequential(layers, rowCapacity);
        net.initialize(rng);
        return net;
    }

    static Activation.Kind kindOf(ActivationKind a) {
        return switch (a) {
            case RELU -> Activation.Kind.RELU;
            case LEAKY_RELU -> Activation.Kind.LEAKY_RELU;
            case TANH -> Activation.Kind.TANH;
        };
    }
}
