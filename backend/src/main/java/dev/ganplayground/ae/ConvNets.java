package dev.ganplayground.ae;

import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.model.Mlp;
import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.Conv2d;
import dev.ganplayground.nn.ConvGeometry;
import dev.ganplayground.nn.ConvTranspose2d;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.training.RealSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The convolutional autoencoder's two halves (kind {@code conv}). The encoder halves the image twice while growing
 * depth, C x H x W -> b x H/2 x W/2 -> 2b x H/4 x W/4 (stride-2 convolutions, kernel 4, padding 1: DCGAN's
 * geometry, {@link ConvGeometry#DCGAN}), each followed by the configured activation, then a linear Dense layer to the
 * code. The decoder mirrors it: Dense code -> 2b x H/4 x W/4 + activation, two transposed convolutions back to
 * C x H x W, the first with the activation, the last with tanh (the data lie in [-1, 1]).
 *
 * <p>No batch norm: an autoencoder's encode and decode are evaluated on single inputs and small batches, where
 * batch statistics would make a code depend on the other inputs of the pass. With b = {@link #BASE_CHANNELS} on
 * 1 x 28 x 28 and code 32 the encoder has 133,760 parameters and the decoder 136,801.
 */
public final class ConvNets {
    /**
     * Channels b of the first convolution (2b in the second). At batch 64 a training step (forward, backward and Adam
     * through both halves) ran 18-24 steps/s with one native thread on a 2-core machine under heavy load (b = 16:
     * 42-65); bench.AeBench measures it.
     */
    public static final int BASE_CHANNELS = 32;

    private ConvNets() {
    }

    /**
     * The encoder: rows of C x H x W (NCHW, H and W multiples of 4) in, rows of {@code c.codeSize()} out. Its
     * parameters are zero until the caller runs {@link Sequential#initialize}; see the overload that does.
     */
    public static Sequential encoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity) {
        return new Sequential(encoderLayers(shape, c), rowCapacity);
    }

    /** {@link #encoder(RealSource.SampleShape, AutoencoderConfig, int)}, initialised from {@code rng}. */
    public static Sequential encoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity,
                                     SplittableRandom rng) {
        return initialized(encoder(shape, c, rowCapacity), rng);
    }

    /**
     * The decoder: rows of {@code c.codeSize()} in, rows of C x H x W in [-1, 1] out. Its parameters are zero until
     * the caller runs {@link Sequential#initialize}; see the overload that does.
     */
    public static Sequential decoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity) {
        return new Sequential(decoderLayers(shape, c), rowCapacity);
    }

    /** {@link #decoder(RealSource.SampleShape, AutoencoderConfig, int)}, initialised from {@code rng}. */
    public static Sequential decoder(RealSource.SampleShape shape, AutoencoderConfig c, int rowCapacity,
                                     SplittableRandom rng) {
        return initialized(decoder(shape, c, rowCapacity), rng);
    }

    static List<Layer> encoderLayers(RealSource.SampleShape shape, AutoencoderConfig c) {
        checkShape(shape);
        Activation.Kind act = Mlp.kindOf(c.activation());
        int b = BASE_CHANNELS;
        List<Layer> layers = new ArrayList<>();
        Conv2d down1 = new Conv2d(shape.channels(), b, shape.height(), shape.width(), ConvGeometry.DCGAN);
        layers.add(down1);
        layers.add(new Activation(act, down1.outputWidth()));
        Conv2d down2 = new Conv2d(b, 2 * b, down1.outputImageHeight(), down1.outputImageWidth(), ConvGeometry.DCGAN);
        layers.add(down2);
        layers.add(new Activation(act, down2.outputWidth()));
        layers.add(new Dense(down2.outputWidth(), c.codeSize()));
        return layers;
    }

    static List<Layer> decoderLayers(RealSource.SampleShape shape, AutoencoderConfig c) {
        checkShape(shape);
        Activation.Kind act = Mlp.kindOf(c.activation());
        int b = BASE_CHANNELS;
        int h4 = shape.height() / 4;
        int w4 = shape.width() / 4;
        List<Layer> layers = new ArrayList<>();
        layers.add(new Dense(c.codeSize(), 2 * b * h4 * w4));
        layers.add(new Activation(act, 2 * b * h4 * w4));
        ConvTranspose2d up1 = new ConvTranspose2d(2 * b, b, h4, w4, ConvGeometry.DCGAN);
        layers.add(up1);
        layers.add(new Activation(act, up1.outputWidth()));
        ConvTranspose2d up2 = new ConvTranspose2d(b, shape.channels(), up1.outputImageHeight(),
                up1.outputImageWidth(), ConvGeometry.DCGAN);
        layers.add(up2);
        layers.add(new Activation(Activation.Kind.TANH, up2.outputWidth()));
        return layers;
    }

    static Sequential initialized(Sequential net, SplittableRandom rng) {
        net.initialize(rng);
        return net;
    }

    private static void checkShape(RealSource.SampleShape shape) {
        if (shape.height() < 4 || shape.width() < 4 || shape.height() % 4 != 0 || shape.width() % 4 != 0) {
            throw new IllegalArgumentException("a convolutional autoencoder needs images whose sides are multiples "
                    + "of 4, found " + shape.channels() + "x" + shape.height() + "x" + shape.width());
        }
    }
}
