package dev.ganplayground.ae;

import dev.ganplayground.model.Mlp;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Reparameterisation;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.TiedDense;
import dev.ganplayground.training.RealSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of one arm, fresh on every call (a downstream classifier builds its own copy of the encoder), as
 * blocks: encoder block k maps the widths w_k -> w_(k+1) and decoder block K-1-k mirrors it, so greedy layer-wise
 * training can train block pairs one at a time. Widths: the input, the hidden widths, the code.
 *
 * <ul>
 *   <li>linear: one Dense each way, no activation. Both keep their bias: the bias absorbs the data's mean, so the
 *       optimum is PCA of the centred data (what the metrics compare with).</li>
 *   <li>dense: Dense + the configured activation per hidden layer; the code is linear, or a sigmoid when the arm's
 *       sparsity is KL; the decoder mirrors the widths, with tied layers ({@link TiedDense}) when configured.</li>
 *   <li>vae: the dense encoder whose last Dense gives 2 x code floats per row (mu | logvar), then the
 *       {@link Reparameterisation}; the decoder as for dense (never tied).</li>
 *   <li>conv, recurrent: one block each way from {@link ConvNets} and {@link RecurrentNets} ({@link #factoryBuilt}).</li>
 * </ul>
 * The decoder's last layer is tanh for images (data in [-1, 1]) and linear for the 3D cloud; the linear kind stays
 * linear on images too (a tanh would make it something other than PCA; the PNG views clamp to [-1, 1]).
 */
final class ArmNets {
    /** Encoder blocks, decoder blocks (forward order), the tied layers, and the VAE's sampler (or null). */
    record Blocks(List<List<Layer>> encoder, List<List<Layer>> decoder, List<TiedDense> tied,
                  Reparameterisation sampler) {
        /** The encoder's layers in one list (the downstream classifier's body). */
        List<Layer> encoderLayers() {
            List<Layer> all = new ArrayList<>();
            encoder.forEach(all::addAll);
            return all;
        }
    }

    private ArmNets() {
    }

    static Blocks build(ArmSpec spec, RealSource.SampleShape shape, boolean tanhOutput, int rows) {
        AutoencoderConfig m = spec.model();
        return switch (m.kind()) {
            case CONV, RECURRENT -> {
                List<Layer> enc = layersOf(factoryBuilt(true, m.kind(), shape, m, rows));
                List<Layer> dec = layersOf(factoryBuilt(false, m.kind(), shape, m, rows));
                yield new Blocks(List.of(enc), List.of(dec), List.of(), null);
            }
            case LINEAR -> new Blocks(List.of(List.of(new Dense(shape.size(), m.codeSize()))),
                    List.of(List.of(new Dense(m.codeSize(), shape.size()))), List.of(), null);
            case DENSE, VAE -> stacked(spec, shape.size(), tanhOutput);
        };
    }

    private static Blocks stacked(ArmSpec spec, int width, boolean tanhOutput) {
        AutoencoderConfig m = spec.model();
        boolean vae = m.kind() == AutoencoderKind.VAE;
        boolean tied = m.tied() && !vae;
        int[] w = new int[m.hidden().size() + 2];
        w[0] = width;
        for (int i = 0; i < m.hidden().size(); i++) {
            w[i + 1] = m.hidden().get(i);
        }
        w[w.length - 1] = m.codeSize();
        int blocks = w.length - 1;
        Activation.Kind act = Mlp.kindOf(m.activation());
        List<List<Layer>> enc = new ArrayList<>();
        Dense[] encDense = new Dense[blocks];
        for (int k = 0; k < blocks; k++) {
            boolean code = k == blocks - 1;
            int out = code && vae ? 2 * w[k + 1] : w[k + 1];
            encDense[k] = new Dense(w[k], out);
            List<Layer> block = new ArrayList<>(List.of(encDense[k]));
            if (!code) {
                block.add(new Activation(act, out));
            } else if (spec.sigmoidCode() && !vae) {
                block.add(new Activation(Activation.Kind.SIGMOID, out));
            }
            enc.add(List.copyOf(block));
        }
        List<List<Layer>> dec = new ArrayList<>();
        List<TiedDense> tiedLayers = new ArrayList<>();
        for (int k = blocks - 1; k >= 0; k--) {
            Layer linear;
            if (tied) {
                TiedDense t = new TiedDense(encDense[k]);
                tiedLayers.add(t);
                linear = t;
            } else {
                linear = new Dense(w[k + 1], w[k]);
            }
            dec.add(k == 0 ? output(linear, w[0], tanhOutput) : List.of(linear, new Activation(act, w[k])));
        }
        return new Blocks(List.copyOf(enc), List.copyOf(dec), List.copyOf(tiedLayers),
                vae ? new Reparameterisation(m.codeSize()) : null);
    }

    private static List<Layer> output(Layer linear, int width, boolean tanh) {
        return tanh ? List.of(linear, new Activation(Activation.Kind.TANH, width)) : List.of(linear);
    }


    /** A factory's network as a list of layers; its own buffers and parameters are freed (the arm re-binds them). */
    private static List<Layer> layersOf(Sequential net) {
        List<Layer> layers = net.layers();
        net.close();
        return layers;
    }

    /**
     * The conv and recurrent networks, each a {@link Sequential} (encoder: codeSize linear floats out; decoder:
     * codeSize in, the image in [-1, 1] out) whose layers the arm re-binds into its own flat vectors.
     */
    private static Sequential factoryBuilt(boolean encoder, AutoencoderKind kind, RealSource.SampleShape shape,
                                      AutoencoderConfig m, int rows) {
        return switch (kind) {
            case CONV -> encoder ? ConvNets.encoder(shape, m, rows) : ConvNets.decoder(shape, m, rows);
            case RECURRENT -> encoder ? RecurrentNets.encoder(shape, m, rows) : RecurrentNets.decoder(shape, m, rows);
            default -> throw new IllegalArgumentException("not a factory-built kind: " + kind.wireName());
        };
    }
}
