package dev.ganplayground.model;

import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.MinibatchDiscriminationConfig;
import dev.ganplayground.config.ModelConfig;
import dev.ganplayground.config.RemediesConfig;
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

    /**
     * D with the structural remedies: input 2 * packing (PacGAN, Lin et al. 2018: m samples concatenated per row),
     * then dHidden..., then, when enabled, {@link MinibatchDiscrimination} on the last hidden features just before
     * the output layer (where Salimans et al. 2016 and the official code place it), then Dense(-> 1).
     */
    public static Sequential discriminator(ModelConfig m, RemediesConfig r, int rowCapacity, SplittableRandom rng) {
        MinibatchDiscriminationConfig mbd = r.minibatchDiscrimination();
        List<Layer> layers = hidden(2 * r.packing(), m.dHidden(), m.dActivation());
        int width = layers.isEmpty() ? 2 * r.packing() : layers.get(layers.size() - 1).outputWidth();
        if (mbd.enabled()) {
            MinibatchDiscrimination md = new MinibatchDiscrimination(width, mbd.kernels(), mbd.kernelDims());
            layers.add(md);
            width = md.outputWidth();
        }
        layers.add(new Dense(width, 1));
        Sequential net = new Sequential(layers, rowCapacity);
        net.initialize(rng);
        return net;
    }

    /** in -> hidden... -> out; activation after every hidden Dense, none after the last. */
    public static Sequential build(int in, List<Integer> hidden, ActivationKind activation, int out, int rowCapacity,
                                   SplittableRandom rng) {
        List<Layer> layers = hidden(in, hidden, activation);
        layers.add(new Dense(layers.isEmpty() ? in : layers.get(layers.size() - 1).outputWidth(), out));
        Sequential net = new Sequential(layers, rowCapacity);
        net.initialize(rng);
        return net;
    }

    private static List<Layer> hidden(int in, List<Integer> hidden, ActivationKind activation) {
        List<Layer> layers = new ArrayList<>();
        int width = in;
        for (int h : hidden) {
            layers.add(new Dense(width, h));
            layers.add(new Activation(kindOf(activation), h));
            width = h;
        }
        return layers;
    }

    /** The layer library's non-linearity for a configured one (also the autoencoders' hidden layers). */
    public static Activation.Kind kindOf(ActivationKind a) {
        return switch (a) {
            case RELU -> Activation.Kind.RELU;
            case LEAKY_RELU -> Activation.Kind.LEAKY_RELU;
            case TANH -> Activation.Kind.TANH;
        };
    }
}
