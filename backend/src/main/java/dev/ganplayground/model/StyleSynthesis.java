package dev.ganplayground.model;

import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.ModulatedConv;
import dev.ganplayground.nn.NoiseInjection;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.StyleNorm;
import dev.ganplayground.nn.Upsample2x;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthesis half of a {@link StyleGenerator}: from the learned 4x4 constant through the style layers to toRGB,
 * each layer taking its style from an affine map of its own w. Ways to apply a style:
 * <ul>
 *   <li>a {@link StyleNorm} (StyleGAN's AdaIN, or pixel norm with the style): block = [upsample, conv | the
 *   constant], noise, leaky ReLU, then the norm with the style's per-channel scale and shift;</li>
 *   <li>weight demodulation (StyleGAN2): block = [upsample], {@link ModulatedConv} (the style scales its input
 *   channels, its output is demodulated), noise, leaky ReLU; no instance norm.</li>
 * </ul>
 * The image comes from one toRGB at the top, or (StyleGAN2's skip generator, Karras et al. 2020 Fig. 7) from a
 * modulated toRGB after each resolution's second layer, each taking that layer's w: image_k = upsample(image_k-1) +
 * toRGB_k(x), nearest-neighbour upsampling (the paper filters it). The parts are views of the generator's flat
 * vectors; this class owns the per-layer activation buffers.
 */
final class StyleSynthesis implements AutoCloseable {
    /**
     * The chains over the generator's flat vectors.
     *
     * @param affine    per style layer, w to its style
     * @param blocks    per style layer
     * @param toRgb     one plain chain, or with skips one modulated chain per resolution
     * @param rgbAffine with skips, per resolution, w to its toRGB's style; else empty
     */
    record Chains(Sequential[] affine, Sequential[] blocks, Sequential[] toRgb, Sequential[] rgbAffine) {
    }

    private final int layers;
    private final int wDim;
    private final int constWidth;
    private final FloatVec constant;
    private final FloatVec dConstant;
    private final Sequential[] affine;
    private final Sequential[] blocks;
    private final NoiseInjection[] noises;
    /** AdaIN or pixel-norm mode: one per layer; demodulation mode: empty. */
    private final StyleNorm[] norms;
    /** Demodulation mode: one per layer; AdaIN mode: empty. */
    private final ModulatedConv[] modulated;
    private final Sequential[] toRgb;
    private final Sequential[] rgbAffine;
    private final ModulatedConv[] rgbModulated;
    /** With skips: the image of each resolution, its gradient, the upsampling between them, toRGB's x gradient. */
    private final Upsample2x[] imageUp;
    private FloatVec[] image = new FloatVec[0];
    private FloatVec[] dImage = new FloatVec[0];
    private FloatVec[] dxRgb = new FloatVec[0];

    private FloatVec x0 = FloatVec.allocate(0);
    private FloatVec dx0 = FloatVec.allocate(0);
    private FloatVec dWLayer = FloatVec.allocate(0);
    private FloatVec[] dStyles = new FloatVec[0];
    private FloatVec[] adaOut = new FloatVec[0];
    /** Gradient w.r.t. each style layer's output. */
    private FloatVec[] dLayerOut = new FloatVec[0];
    private FloatVec[] dBlockOut = new FloatVec[0];

    StyleSynthesis(int wDim, FloatVec constant, FloatVec dConstant, Chains chains, StyleGan.Parts parts) {
        this.affine = chains.affine();
        this.blocks = chains.blocks();
        this.toRgb = chains.toRgb();
        this.rgbAffine = chains.rgbAffine();
        this.rgbModulated = parts.rgbModulated().toArray(new ModulatedConv[0]);
        this.layers = blocks.length;
        this.wDim = wDim;
        this.constWidth = constant.length();
        this.constant = constant;
        this.dConstant = dConstant;
        this.noises = parts.noises().toArray(new NoiseInjection[0]);
        this.norms = parts.norms().toArray(new StyleNorm[0]);
        this.modulated = parts.modulated().toArray(new ModulatedConv[0]);
        this.imageUp = new Upsample2x[rgbAffine.length];
        for (int k = 1; k < imageUp.length; k++) {
            int side = StyleGan.layerSide(2 * k) / 2;
            imageUp[k] = new Upsample2x(toRgb[k].outputWidth() / (4 * side * side), side, side);
        }
        if (norms.length + modulated.length != layers) {
            throw new IllegalArgumentException("every style layer needs one style norm or one modulated conv");
        }
    }

    private boolean demodulated() {
        return modulated.length > 0;
    }

    /** Floats of layer i's style: AdaIN's scales and shifts, or the modulated conv's input-channel scales. */
    private int styleWidth(int i) {
        return demodulated() ? modulated[i].styleWidth() : norms[i].styleWidth();
    }

    NoiseInjection[] noises() {
        return noises;
    }

    int outputWidth() {
        return toRgb[toRgb.length - 1].outputWidth();
    }

    private boolean skips() {
        return rgbAffine.length > 0;
    }

    /** N(0, 1) draws for the constant. */
    void initializeConstant(SplittableRandom rng) {
        for (int i = 0; i < constWidth; i++) {
            constant.set(i, (float) rng.nextGaussian());
        }
    }

    /** The affines (each style's scale bias starts at 1), the blocks and toRGB, in that order. */
    void initializeLayers(SplittableRandom rng) {
        for (int i = 0; i < layers; i++) {
            affine[i].initialize(rng);
            // The style's scale starts at 1: NVlabs/stylegan adds 1 to a zero-initialised bias (AdaIN: the scale
            // half, the shifts start at 0); StyleGAN2's modulation affine has bias_init 1.
            FloatVec p = affine[i].parameters();
            int width = styleWidth(i);
            int scales = demodulated() ? width : width / 2;
            for (int k = 0; k < scales; k++) {
                p.set(p.length() - width + k, 1f);
            }
        }
        for (Sequential b : blocks) {
            b.initialize(rng);
        }
        for (Sequential t : toRgb) {
            t.initialize(rng);
        }
        for (Sequential a : rgbAffine) {
            a.initialize(rng);
            // StyleGAN2's toRGB affine has bias_init 1 too.
            a.parameters().view(a.parameterCount() - a.outputWidth(), a.outputWidth()).fill(1f);
        }
    }

    void ensureCapacity(int rows) {
        freeBuffers();
        for (Sequential t : toRgb) {
            t.ensureCapacity(rows);
        }
        for (Sequential a : rgbAffine) {
            a.ensureCapacity(rows);
        }
        image = new FloatVec[rgbAffine.length];
        dImage = new FloatVec[rgbAffine.length];
        dxRgb = new FloatVec[rgbAffine.length];
        for (int k = 0; k < image.length; k++) {
            image[k] = FloatVec.allocate(rows * toRgb[k].outputWidth());
            dImage[k] = FloatVec.allocate(rows * toRgb[k].outputWidth());
            dxRgb[k] = FloatVec.allocate(rows * toRgb[k].inputWidth());
        }
        x0 = FloatVec.allocate(rows * constWidth);
        dx0 = FloatVec.allocate(rows * constWidth);
        dWLayer = FloatVec.allocate(rows * wDim);
        dStyles = new FloatVec[layers];
        adaOut = new FloatVec[layers];
        dLayerOut = new FloatVec[layers];
        dBlockOut = new FloatVec[layers];
        for (int i = 0; i < layers; i++) {
            affine[i].ensureCapacity(rows);
            blocks[i].ensureCapacity(rows);
            noises[i].reserve(rows);
            int width = blocks[i].outputWidth();
            dLayerOut[i] = FloatVec.allocate(rows * width);
            if (!demodulated()) {
                norms[i].reserve(rows);
                dStyles[i] = FloatVec.allocate(rows * norms[i].styleWidth());
                adaOut[i] = FloatVec.allocate(rows * width);
                dBlockOut[i] = FloatVec.allocate(rows * width);
            }
        }
    }

    /** Images from the per-layer w's ({@code wOfLayer[i]}: rows x wDim), with the noise images already drawn. */
    FloatVec forward(FloatVec[] wOfLayer, int rows) {
        FloatBuffer xb = x0.buffer();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < constWidth; k++) {
                xb.put(r * constWidth + k, constant.get(k));
            }
        }
        FloatVec x = x0;
        for (int i = 0; i < layers; i++) {
            FloatVec style = affine[i].forward(wOfLayer[i], rows);
            if (demodulated()) {
                modulated[i].setStyle(style);
                x = blocks[i].forward(x, rows);
            } else {
                FloatVec h = blocks[i].forward(x, rows);
                norms[i].forward(h, style, adaOut[i], rows);
                x = adaOut[i];
            }
            if (skips() && i % 2 == 1) {
                addRgb(i / 2, x, wOfLayer[i], rows);
            }
        }
        return skips() ? image[image.length - 1] : toRgb[0].forward(x, rows);
    }

    /** image_k = toRGB_k(x) (+ upsample(image_k-1) above 4x4). */
    private void addRgb(int k, FloatVec x, FloatVec w, int rows) {
        rgbModulated[k].setStyle(rgbAffine[k].forward(w, rows));
        FloatVec rgb = toRgb[k].forward(x, rows);
        int n = rows * toRgb[k].outputWidth();
        if (k == 0) {
            image[0].copyFrom(rgb, 0, n);
            return;
        }
        imageUp[k].forward(image[k - 1], image[k], rows);
        FloatBuffer ib = image[k].buffer();
        FloatBuffer rb = rgb.buffer();
        for (int i = 0; i < n; i++) {
            ib.put(i, ib.get(i) + rb.get(i));
        }
    }

    /**
     * Back-propagates the last {@link #forward}: parameter gradients (when {@code paramGrads}) and the w gradients,
     * added into {@code dW}: layers before {@code crossover} into its first rows x wDim floats, the others into the
     * next rows x wDim (the second z's w under style mixing).
     */
    void backward(FloatVec dOut, int rows, boolean paramGrads, FloatVec dW, int crossover) {
        if (!skips()) {
            toRgb[0].backward(dOut, rows, paramGrads, dLayerOut[layers - 1]);
        }
        for (int i = layers - 1; i >= 0; i--) {
            if (skips() && i % 2 == 1) {
                rgbBackward(i, dOut, rows, paramGrads, dW, crossover);
            }
            FloatVec dIn = i == 0 ? dx0 : dLayerOut[i - 1];
            FloatVec dStyle;
            if (demodulated()) {
                blocks[i].backward(dLayerOut[i], rows, paramGrads, dIn);
                dStyle = modulated[i].styleGradient();
            } else {
                norms[i].backward(blocks[i].output(), affine[i].output(), dLayerOut[i], dBlockOut[i], dStyles[i],
                        rows);
                blocks[i].backward(dBlockOut[i], rows, paramGrads, dIn);
                dStyle = dStyles[i];
            }
            affine[i].backward(dStyle, rows, paramGrads, dWLayer);
            addWGradient(i, dW, crossover, rows);
        }
        if (paramGrads) {
            FloatBuffer g = dx0.buffer();
            for (int k = 0; k < constWidth; k++) {
                double s = 0;
                for (int r = 0; r < rows; r++) {
                    s += g.get(r * constWidth + k);
                }
                dConstant.set(k, (float) s);
            }
        }
    }

    /**
     * Back through resolution k = i / 2's toRGB (skips): its x gradient into layer i's output gradient (written here
     * at the top layer, added to the next block's otherwise), its style's w gradient into layer i's w, and the image
     * gradient down through the upsampling to image k - 1.
     */
    private void rgbBackward(int i, FloatVec dOut, int rows, boolean paramGrads, FloatVec dW, int crossover) {
        int k = i / 2;
        FloatVec g = k == image.length - 1 ? dOut : dImage[k];
        boolean top = i == layers - 1;
        toRgb[k].backward(g, rows, paramGrads, top ? dLayerOut[i] : dxRgb[k]);
        if (!top) {
            FloatBuffer acc = dLayerOut[i].buffer();
            FloatBuffer add = dxRgb[k].buffer();
            for (int p = 0, n = rows * toRgb[k].inputWidth(); p < n; p++) {
                acc.put(p, acc.get(p) + add.get(p));
            }
        }
        rgbAffine[k].backward(rgbModulated[k].styleGradient(), rows, paramGrads, dWLayer);
        addWGradient(i, dW, crossover, rows);
        if (k > 0) {
            imageUp[k].backward(image[k - 1], image[k], g, dImage[k - 1], rows, false);
        }
    }

    /** dW += dWLayer at layer i's w: the first rows x wDim floats before the crossover, the next ones from it on. */
    private void addWGradient(int i, FloatVec dW, int crossover, int rows) {
        int offset = i < crossover ? 0 : rows * wDim;
        FloatBuffer acc = dW.buffer();
        FloatBuffer g = dWLayer.buffer();
        for (int k = 0, n = rows * wDim; k < n; k++) {
            acc.put(offset + k, acc.get(offset + k) + g.get(k));
        }
    }

    private void freeBuffers() {
        for (FloatVec v : new FloatVec[]{x0, dx0, dWLayer}) {
            v.close();
        }
        for (FloatVec[] vs : List.of(dStyles, adaOut, dLayerOut, dBlockOut, image, dImage, dxRgb)) {
            for (FloatVec v : vs) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }

    @Override
    public void close() {
        freeBuffers();
        x0 = dx0 = dWLayer = FloatVec.allocate(0);
        dStyles = adaOut = dLayerOut = dBlockOut = image = dImage = dxRgb = new FloatVec[0];
        for (int i = 0; i < layers; i++) {
            affine[i].close();
            blocks[i].close();
        }
        for (StyleNorm a : norms) {
            a.close();
        }
        for (Sequential t : toRgb) {
            t.close();
        }
        for (Sequential a : rgbAffine) {
            a.close();
        }
    }
}
