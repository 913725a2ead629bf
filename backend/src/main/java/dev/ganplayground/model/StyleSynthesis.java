package dev.ganplayground.model;

import dev.ganplayground.nn.AdaIn;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.ModulatedConv;
import dev.ganplayground.nn.NoiseInjection;
import dev.ganplayground.nn.Sequential;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthesis half of a {@link StyleGenerator}: from the learned 4x4 constant through the style layers to toRGB,
 * each layer taking its style from an affine map of its own w. Two ways to apply a style:
 * <ul>
 *   <li>AdaIN (StyleGAN): block = [upsample, conv | the constant], noise, leaky ReLU, then {@link AdaIn} with the
 *   style's per-channel scale and shift;</li>
 *   <li>weight demodulation (StyleGAN2): block = [upsample], {@link ModulatedConv} (the style scales its input
 *   channels, its output is demodulated), noise, leaky ReLU; no instance norm.</li>
 * </ul>
 * The parts are views of the generator's flat vectors; this class owns the per-layer activation buffers.
 */
final class StyleSynthesis implements AutoCloseable {
    private final int layers;
    private final int wDim;
    private final int constWidth;
    private final FloatVec constant;
    private final FloatVec dConstant;
    private final Sequential[] affine;
    private final Sequential[] blocks;
    private final NoiseInjection[] noises;
    /** AdaIN mode: one per layer; demodulation mode: empty. */
    private final AdaIn[] adain;
    /** Demodulation mode: one per layer; AdaIN mode: empty. */
    private final ModulatedConv[] modulated;
    private final Sequential toRgb;

    private FloatVec x0 = FloatVec.allocate(0);
    private FloatVec dx0 = FloatVec.allocate(0);
    private FloatVec dWLayer = FloatVec.allocate(0);
    private FloatVec[] dStyles = new FloatVec[0];
    private FloatVec[] adaOut = new FloatVec[0];
    /** Gradient w.r.t. each style layer's output. */
    private FloatVec[] dLayerOut = new FloatVec[0];
    private FloatVec[] dBlockOut = new FloatVec[0];

    StyleSynthesis(int wDim, FloatVec constant, FloatVec dConstant, Sequential[] affine, Sequential[] blocks,
                   StyleGan.Parts parts, Sequential toRgb) {
        this.layers = blocks.length;
        this.wDim = wDim;
        this.constWidth = constant.length();
        this.constant = constant;
        this.dConstant = dConstant;
        this.affine = affine;
        this.blocks = blocks;
        this.noises = parts.noises().toArray(new NoiseInjection[0]);
        this.adain = parts.adain().toArray(new AdaIn[0]);
        this.modulated = parts.modulated().toArray(new ModulatedConv[0]);
        this.toRgb = toRgb;
        if (adain.length + modulated.length != layers) {
            throw new IllegalArgumentException("every style layer needs one AdaIN or one modulated conv");
        }
    }

    private boolean demodulated() {
        return modulated.length > 0;
    }

    /** Floats of layer i's style: AdaIN's scales and shifts, or the modulated conv's input-channel scales. */
    private int styleWidth(int i) {
        return demodulated() ? modulated[i].styleWidth() : adain[i].styleWidth();
    }

    NoiseInjection[] noises() {
        return noises;
    }

    int outputWidth() {
        return toRgb.outputWidth();
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
        toRgb.initialize(rng);
    }

    void ensureCapacity(int rows) {
        freeBuffers();
        toRgb.ensureCapacity(rows);
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
                adain[i].reserve(rows);
                dStyles[i] = FloatVec.allocate(rows * adain[i].styleWidth());
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
                adain[i].forward(h, style, adaOut[i], rows);
                x = adaOut[i];
            }
        }
        return toRgb.forward(x, rows);
    }

    /**
     * Back-propagates the last {@link #forward}: parameter gradients (when {@code paramGrads}) and the w gradients,
     * added into {@code dW}: layers before {@code crossover} into its first rows x wDim floats, the others into the
     * next rows x wDim (the second z's w under style mixing).
     */
    void backward(FloatVec dOut, int rows, boolean paramGrads, FloatVec dW, int crossover) {
        toRgb.backward(dOut, rows, paramGrads, dLayerOut[layers - 1]);
        for (int i = layers - 1; i >= 0; i--) {
            FloatVec dIn = i == 0 ? dx0 : dLayerOut[i - 1];
            FloatVec dStyle;
            if (demodulated()) {
                blocks[i].backward(dLayerOut[i], rows, paramGrads, dIn);
                dStyle = modulated[i].styleGradient();
            } else {
                adain[i].backward(blocks[i].output(), affine[i].output(), dLayerOut[i], dBlockOut[i], dStyles[i],
                        rows);
                blocks[i].backward(dBlockOut[i], rows, paramGrads, dIn);
                dStyle = dStyles[i];
            }
            affine[i].backward(dStyle, rows, paramGrads, dWLayer);
            int offset = i < crossover ? 0 : rows * wDim;
            FloatBuffer acc = dW.buffer();
            FloatBuffer g = dWLayer.buffer();
            for (int k = 0, n = rows * wDim; k < n; k++) {
                acc.put(offset + k, acc.get(offset + k) + g.get(k));
            }
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

    private void freeBuffers() {
        for (FloatVec v : new FloatVec[]{x0, dx0, dWLayer}) {
            v.close();
        }
        for (FloatVec[] vs : List.of(dStyles, adaOut, dLayerOut, dBlockOut)) {
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
        dStyles = adaOut = dLayerOut = dBlockOut = new FloatVec[0];
        for (int i = 0; i < layers; i++) {
            affine[i].close();
            blocks[i].close();
        }
        for (AdaIn a : adain) {
            a.close();
        }
        toRgb.close();
    }
}
