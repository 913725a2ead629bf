package dev.ganplayground.model;

import dev.ganplayground.nn.Activation;
import dev.ganplayground.nn.AvgPool2x;
import dev.ganplayground.nn.Conv2d;
import dev.ganplayground.nn.ConvGeometry;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.EqualizedLr;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.MinibatchStddev;
import dev.ganplayground.nn.PixelNorm;
import dev.ganplayground.nn.Upsample2x;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ProGAN's generator and discriminator (Karras et al. 2018, Table 2), CPU-sized, as {@link GrowingNetwork}s. Level k
 * works at resolution 4 * 2^k (level 0 is 4x4). Every conv and dense layer uses the equalised learning rate
 * ({@link EqualizedLr}: gain sqrt(2) before a leaky ReLU 0.2, 1 for toRGB and D's score, sqrt(2)/4 for G's first
 * dense layer as in the paper's code).
 *
 * <p>G: z -> PixelNorm -> Dense(latent -> c(4) x 4 x 4) + LReLU + PixelNorm -> Conv3x3 + LReLU + PixelNorm; then per
 * level: Upsample2x, 2 x (Conv3x3 + LReLU + PixelNorm); toRGB = Conv1x1 (linear output). While level k fades in:
 * output = (1 - alpha) upsample(toRGB_{k-1}(h_{k-1})) + alpha toRGB_k(block_k(h_{k-1})) ({@link FadeIn}).
 *
 * <p>D mirrors it: fromRGB = Conv1x1 + LReLU; per level k > 0: Conv3x3 (c(r) -> c(r)) + LReLU, Conv3x3 (c(r) ->
 * c(r/2)) + LReLU, AvgPool2x; last block at 4x4: {@link MinibatchStddev} (one more channel), Conv3x3 + LReLU,
 * Dense(-> c(4)) + LReLU, Dense(-> 1) raw score. While level k fades in, its input side is
 * (1 - alpha) fromRGB_{k-1}(avgpool(x)) + alpha block_k(fromRGB_k(x)).
 *
 * <p>Channel widths from the base b ({@code model.baseChannels}): c(r) = min(2b, 32b / r), i.e. 2b at 4x4 to 16x16
 * and b at 32x32. The paper's rule has the same shape (512 up to 32x32, halving with each doubling after; here the
 * halving starts one level earlier so 32x32 stays cheap on a CPU).
 */
public final class Progan {
    /** Highest resolution supported (the 28x28 datasets are padded to it). */
    public static final int MAX_RESOLUTION = 32;

    private Progan() {
    }

    /** Resolution of level {@code level}: 4, 8, 16, 32. */
    public static int resolution(int level) {
        return 4 << level;
    }

    /** Level of resolution {@code resolution} (a power of two in [4, 32]). */
    public static int level(int resolution) {
        if (resolution < 4 || resolution > MAX_RESOLUTION || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException("resolution must be a power of two in [4, " + MAX_RESOLUTION
                    + "], found " + resolution);
        }
        return Integer.numberOfTrailingZeros(resolution) - 2;
    }

    /** Feature maps at resolution {@code r} for base {@code b}: min(2b, 32b / r). */
    public static int channels(int resolution, int base) {
        return Math.min(2 * base, 32 * base / resolution);
    }

    private static final ConvGeometry K3 = new ConvGeometry(3, 1, 1);
    private static final ConvGeometry K1 = new ConvGeometry(1, 1, 0);

    private static Activation lrelu(int width) {
        return new Activation(Activation.Kind.LEAKY_RELU, width);
    }

    /**
     * G for images of {@code imageChannels} channels up to {@code maxResolution}, at stage (0, not fading).
     *
     * @param rowCapacity rows its buffers hold at first
     */
    public static GrowingNetwork generator(int latentDim, int base, int imageChannels, int maxResolution,
                                           int rowCapacity, SplittableRandom rng) {
        int maxLevel = level(maxResolution);
        List<List<Layer>> blocks = new ArrayList<>();
        List<Layer> toRgb = new ArrayList<>();
        List<Layer> upRgb = new ArrayList<>();
        List<Layer> all = new ArrayList<>();
        int c0 = channels(4, base);
        blocks.add(List.of(new PixelNorm(latentDim, 1),
                new Dense(latentDim, c0 * 16, EqualizedLr.ofGain(Math.sqrt(2) / 4)), lrelu(c0 * 16),
                new PixelNorm(c0, 16), new Conv2d(c0, c0, 4, 4, K3, EqualizedLr.HE), lrelu(c0 * 16),
                new PixelNorm(c0, 16)));
        for (int k = 1; k <= maxLevel; k++) {
            int r = resolution(k);
            int p = r / 2;
            int cp = channels(p, base);
            int c = channels(r, base);
            blocks.add(List.of(new Upsample2x(cp, p, p),
                    new Conv2d(cp, c, r, r, K3, EqualizedLr.HE), lrelu(c * r * r), new PixelNorm(c, r * r),
                    new Conv2d(c, c, r, r, K3, EqualizedLr.HE), lrelu(c * r * r), new PixelNorm(c, r * r)));
        }
        for (int k = 0; k <= maxLevel; k++) {
            int r = resolution(k);
            toRgb.add(new Conv2d(channels(r, base), imageChannels, r, r, K1, EqualizedLr.LINEAR));
            upRgb.add(new Upsample2x(imageChannels, r, r));
            all.addAll(blocks.get(k));
            all.add(toRgb.get(k));
        }
        GrowingNetwork.Plan plan = (level, fading) -> {
            List<Layer> layers = new ArrayList<>();
            for (int k = 0; k < level; k++) {
                layers.addAll(blocks.get(k));
            }
            List<Layer> newPath = new ArrayList<>(blocks.get(level));
            newPath.add(toRgb.get(level));
            if (fading) {
                layers.add(new FadeIn(List.of(toRgb.get(level - 1), upRgb.get(level - 1)), newPath));
            } else {
                layers.addAll(newPath);
            }
            return layers;
        };
        return new GrowingNetwork(plan, parametrised(all), maxLevel, rowCapacity, rng);
    }

    /**
     * D for images of {@code imageChannels} channels up to {@code maxResolution}, at stage (0, not fading).
     *
     * @param mbstdGroup rows per minibatch-stddev group
     */
    public static GrowingNetwork discriminator(int base, int imageChannels, int maxResolution, int mbstdGroup,
                                               int rowCapacity, SplittableRandom rng) {
        int maxLevel = level(maxResolution);
        List<List<Layer>> fromRgb = new ArrayList<>();
        List<List<Layer>> blocks = new ArrayList<>();
        List<Layer> downRgb = new ArrayList<>();
        List<Layer> all = new ArrayList<>();
        for (int k = 0; k <= maxLevel; k++) {
            int r = resolution(k);
            int c = channels(r, base);
            fromRgb.add(List.of(new Conv2d(imageChannels, c, r, r, K1, EqualizedLr.HE), lrelu(c * r * r)));
            downRgb.add(k == 0 ? null : new AvgPool2x(imageChannels, r, r));
            if (k == 0) {
                blocks.add(List.of(new MinibatchStddev(c, 4, 4, mbstdGroup),
                        new Conv2d(c + 1, c, 4, 4, K3, EqualizedLr.HE), lrelu(c * 16),
                        new Dense(c * 16, c, EqualizedLr.HE), lrelu(c),
                        new Dense(c, 1, EqualizedLr.LINEAR)));
            } else {
                int cn = channels(r / 2, base);
                blocks.add(List.of(new Conv2d(c, c, r, r, K3, EqualizedLr.HE), lrelu(c * r * r),
                        new Conv2d(c, cn, r, r, K3, EqualizedLr.HE), lrelu(cn * r * r),
                        new AvgPool2x(cn, r, r)));
            }
            all.addAll(fromRgb.get(k));
            all.addAll(blocks.get(k));
        }
        GrowingNetwork.Plan plan = (level, fading) -> {
            List<Layer> layers = new ArrayList<>();
            List<Layer> newPath = new ArrayList<>(fromRgb.get(level));
            newPath.addAll(blocks.get(level));
            if (fading) {
                List<Layer> oldPath = new ArrayList<>();
                oldPath.add(downRgb.get(level));
                oldPath.addAll(fromRgb.get(level - 1));
                layers.add(new FadeIn(oldPath, newPath));
            } else {
                layers.addAll(newPath);
            }
            for (int k = level - 1; k >= 0; k--) {
                layers.addAll(blocks.get(k));
            }
            return layers;
        };
        return new GrowingNetwork(plan, parametrised(all), maxLevel, rowCapacity, rng);
    }

    private static List<Layer> parametrised(List<Layer> layers) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) {
            if (l.parameterCount() > 0) {
                out.add(l);
            }
        }
        return out;
    }
}
