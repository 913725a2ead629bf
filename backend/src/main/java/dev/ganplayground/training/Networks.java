package dev.ganplayground.training;

import dev.ganplayground.config.ArchitectureKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.model.Dcgan;
import dev.ganplayground.model.Mlp;
import dev.ganplayground.model.StyleGan;
import dev.ganplayground.config.StyleConfig;
import dev.ganplayground.nn.Network;
import java.util.SplittableRandom;

/** Builds a run's generator and discriminator for its architecture and its samples' shape. */
final class Networks {
    /** StyleGAN's D: minibatch-stddev group size (ProGAN's 4). */
    static final int MBSTD_GROUP = 4;

    private Networks() {
    }

    /** G: z -> one sample of {@code shape}. */
    static Network generator(RunConfig c, RealSource.SampleShape shape, int rows, SplittableRandom rng) {
        if (c.model().architecture() == ArchitectureKind.MLP) {
            return Mlp.generator(c.model(), rows, rng);
        }
        if (c.model().architecture() == ArchitectureKind.STYLEGAN) {
            requireStyleShape(shape);
            return StyleGan.generator(styleSpec(c, shape.channels()), rows, rng);
        }
        return Dcgan.generator(c.model().latentDim(), c.model().baseChannels(), shape.channels(), shape.height(),
                shape.width(), rows, rng);
    }

    /**
     * D: one row -> one raw score. With packing m a row holds m consecutive samples, which for images is exactly
     * PacGAN's channel-wise concatenation (m images of C channels in NCHW order are one image of m * C channels).
     */
    static Network discriminator(RunConfig c, RealSource.SampleShape shape, int rows, SplittableRandom rng) {
        if (c.model().architecture() == ArchitectureKind.MLP) {
            return Mlp.discriminator(c.model(), c.remedies(), rows, rng);
        }
        if (c.model().architecture() == ArchitectureKind.STYLEGAN) {
            requireStyleShape(shape);
            return StyleGan.discriminator(c.model().baseChannels(), shape.channels() * c.remedies().packing(),
                    MBSTD_GROUP, rows, rng);
        }
        return Dcgan.discriminator(c.model().baseChannels(), shape.channels() * c.remedies().packing(),
                shape.height(), shape.width(), c.remedies().minibatchDiscrimination(), rows, rng);
    }

    /** The StyleGAN generator's settings from a run config. */
    static StyleGan.Spec styleSpec(RunConfig c, int imageChannels) {
        StyleConfig s = c.model().style();
        return new StyleGan.Spec(c.model().latentDim(), s.mappingLayers(), s.mappingWidth(), s.mappingLrMultiplier(),
                c.model().baseChannels(), imageChannels, s.mixingProbability(), s.wAvgDecay(),
                s.normalization(), s.rgbSkips());
    }

    private static void requireStyleShape(RealSource.SampleShape shape) {
        if (shape.height() != StyleGan.RESOLUTION || shape.width() != StyleGan.RESOLUTION) {
            throw new IllegalArgumentException("StyleGAN trains on " + StyleGan.RESOLUTION + "x" + StyleGan.RESOLUTION
                    + " images (pad smaller ones with PaddedSource), found " + shape.height() + "x" + shape.width());
        }
    }
}
