package dev.ganplayground.model;

import dev.ganplayground.config.MinibatchDiscriminationConfig;
import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.BatchNorm;
import dev.ganplayground.nn.Conv2d;
import dev.ganplayground.nn.ConvGeometry;
import dev.ganplayground.nn.ConvTranspose2d;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.WeightInit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds DCGAN's generator and discriminator (Radford et al. 2016) for small images: two stride-2 (transposed)
 * convolutions with kernel 4 and padding 1 (H -> H/2 -> H/4 and back), batch norm in G and in D's inner layer,
 * ReLU in G, leaky ReLU 0.2 in D, tanh on G's output, all weights from N(0, 0.02) with zero biases and BN's gamma
 * from N(1, 0.02) (the PyTorch DCGAN example's init). With base b and a 28x28 image (shared/DESIGN.md "Facts",
 * b = 64): G is latent -> 2b x 7 x 7 -> b x 14 x 14 -> channels x 28 x 28; D mirrors it and ends in one raw score
 * (the loss decides how to read it, as in {@link Mlp}).
 *
 * <p>G's first BatchNorm normalises the Dense output per channel of the 2b x H/4 x W/4 map (BatchNorm2d after the
 * reshape), not per feature. D's BatchNorm takes statistics per row group ({@link Sequential#setGroupRows}), so the
 * trainer's one pass over [reals; fakes] normalises each half on its own, as PyTorch's DCGAN does with two D calls.
 * BatchNorm always uses batch statistics (see {@link BatchNorm}): G's samples depend on the other z's of the pass.
 */
public final class Dcgan {
    private Dcgan() {
    }

    /**
     * G: Dense(latent -> 2b (H/4)(W/4)) + BN + ReLU, ConvTranspose2d(2b -> b) + BN + ReLU,
     * ConvTranspose2d(b -> channels) + tanh; output rows are channels x height x width in NCHW order, in [-1, 1].
     */
    public static Sequential generator(int latentDim, int baseChannels, int channels, int height, int width,
                                       int rowCapacity, SplittableRandom rng) {
        checkSizes(baseChannels, channels, height, width);
        if (latentDim < 1) {
            throw new IllegalArgumentException("latentDim must be positive, found " + latentDim);
        }
        int h4 = height / 4;
        int w4 = width / 4;
        int wide = 2 * baseChannels;
        ConvGeometry k4s2 = ConvGeometry.DCGAN;
        List<Layer> layers = new ArrayList<>();
        layers.add(new Dense(latentDim, wide * h4 * w4, WeightInit.DCGAN_NORMAL));
        layers.add(new BatchNorm(wide, h4 * w4));
        layers.add(new Activation(Activation.Kind.RELU, wide * h4 * w4));
        ConvTranspose2d up1 = new ConvTranspose2d(wide, baseChannels, h4, w4, k4s2, WeightInit.DCGAN_NORMAL);
        layers.add(up1);
        layers.add(new BatchNorm(baseChannels, up1.outputImageHeight() * up1.outputImageWidth()));
        layers.add(new Activation(Activation.Kind.RELU, up1.outputWidth()));
        ConvTranspose2d up2 = new ConvTranspose2d(baseChannels, channels, up1.outputImageHeight(),
                up1.outputImageWidth(), k4s2, WeightInit.DCGAN_NORMAL);
        layers.add(up2);
        layers.add(new Activation(Activation.Kind.TANH, up2.outputWidth()));
        return build(layers, rowCapacity, rng);
    }

    /**
     * D: Conv2d(channels -> b) + leaky ReLU (no BN on D's input layer, as in the paper), Conv2d(b -> 2b) + BN +
     * leaky ReLU, then, when {@code mbd.enabled()}, {@link MinibatchDiscrimination} on the flattened 2b (H/4)(W/4)
     * features, then Dense(-> 1) raw score.
     */
    public static Sequential discriminator(int baseChannels, int channels, int height, int width,
                                           MinibatchDiscriminationConfig mbd, int rowCapacity, SplittableRandom rng) {
        checkSizes(baseChannels, channels, height, width);
        ConvGeometry k4s2 = ConvGeometry.DCGAN;
        List<Layer> layers = new ArrayList<>();
        Conv2d down1 = new Conv2d(channels, baseChannels, height, width, k4s2, WeightInit.DCGAN_NORMAL);
        layers.add(down1);
        layers.add(new Activation(Activation.Kind.LEAKY_RELU, down1.outputWidth()));
        Conv2d down2 = new Conv2d(baseChannels, 2 * baseChannels, down1.outputImageHeight(), down1.outputImageWidth(),
                k4s2, WeightInit.DCGAN_NORMAL);
        layers.add(down2);
        layers.add(new BatchNorm(2 * baseChannels, down2.outputImageHeight() * down2.outputImageWidth()));
        layers.add(new Activation(Activation.Kind.LEAKY_RELU, down2.outputWidth()));
        int features = down2.outputWidth();
        if (mbd.enabled()) {
            MinibatchDiscrimination md = new MinibatchDiscrimination(features, mbd.kernels(), mbd.kernelDims());
            layers.add(md);
            features = md.outputWidth();
        }
        layers.add(new Dense(features, 1, WeightInit.DCGAN_NORMAL));
        return build(layers, rowCapacity, rng);
    }

    private static Sequential build(List<Layer> layers, int rowCapacity, SplittableRandom rng) {
        Sequential net = new Sequential(layers, rowCapacity);
        net.initialize(rng);
        return net;
    }

    private static void checkSizes(int baseChannels, int channels, int height, int width) {
        if (baseChannels < 1 || channels < 1) {
            throw new IllegalArgumentException("channel counts must be positive, found base " + baseChannels
                    + ", image " + channels);
        }
        if (height < 4 || width < 4 || height % 4 != 0 || width % 4 != 0) {
            throw new IllegalArgumentException("height and width must be positive multiples of 4, found " + height
                    + "x" + width);
        }
    }
}
