package dev.ganplayground.model;

import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Network;
import dev.ganplayground.nn.NoiseInjection;
import dev.ganplayground.nn.Sequential;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * StyleGAN's generator (Karras et al. 2019): a mapping network z -> w, and a synthesis network from a learned 4x4
 * constant whose every layer (conv, noise, leaky ReLU, AdaIN; or StyleGAN2's modulated conv with weight
 * demodulation, noise, leaky ReLU) takes its style from an affine map of w ({@link StyleSynthesis}). The parts come
 * from {@link StyleGan}; this class wires them, keeps them in one flat parameter vector and does the passes.
 *
 * <p>Training passes ({@link #setTraining} true) apply style-mixing regularisation: with probability
 * {@code mixingProbability} a second z is mapped and the layers from a random crossover on take their w from it
 * (one crossover per batch, as NVlabs/stylegan does), and the W average moves towards the batch's mean w. Noise is
 * fresh per row in every pass. Sampling passes ({@link #forward} outside training: evaluation) use neither; the
 * views render through {@link #synthesize} with explicit per-layer w's (truncation, mixing grid) and fixed noise.
 */
public final class StyleGenerator implements Network {
    private final StyleGan.Spec spec;
    private final int layers;
    private final int wDim;
    private final int latent;
    private final FloatVec params;
    private final FloatVec grads;
    private final Sequential mapping;
    private final StyleSynthesis synthesis;
    private final NoiseInjection[] noises;
    private final float[] wAvg;
    private final SplittableRandom mixRng;
    private final SplittableRandom noiseRng;
    /** Noise of sampling passes (evaluation), apart from training's so evaluating never shifts a run's streams. */
    private final SplittableRandom sampleNoiseRng;
    private boolean training;
    private int fixedCrossover = -1;
    private boolean frozen;

    private int capacity;
    private FloatVec zBoth = FloatVec.allocate(0);
    private FloatVec dW = FloatVec.allocate(0);
    private FloatVec wLayers = FloatVec.allocate(0);
    private final FloatVec[] wOfLayer;
    private int lastCrossover;
    private boolean lastFromMapping;
    /**
     * Where each part starts in the flat vectors: constant, mapping, affines, blocks, toRGB(s), the toRGB affines
     * (skips only), then the end.
     */
    private final int[] partStarts;

    StyleGenerator(StyleGan.Spec spec, StyleGan.Parts parts, int rowCapacity, SplittableRandom rng) {
        this.spec = spec;
        this.layers = parts.blocks().size();
        this.wDim = spec.mappingWidth();
        this.latent = spec.latentDim();
        int constWidth = parts.constWidth();
        List<List<dev.ganplayground.nn.Layer>> chains = new ArrayList<>();
        chains.add(parts.mapping());
        chains.addAll(parts.affine());
        chains.addAll(parts.blocks());
        chains.addAll(parts.toRgb());
        chains.addAll(parts.rgbAffine());
        int total = constWidth;
        for (var c : chains) {
            total += Sequential.parameterCount(c);
        }
        params = FloatVec.allocate(total);
        grads = FloatVec.allocate(total);
        int[] at = {constWidth};
        partStarts = new int[chains.size() + 2];
        int part = 1;
        partStarts[part++] = at[0];
        mapping = chain(parts.mapping(), rowCapacity, at);
        Sequential[] affine = new Sequential[layers];
        Sequential[] blocks = new Sequential[layers];
        for (int i = 0; i < layers; i++) {
            partStarts[part++] = at[0];
            affine[i] = chain(parts.affine().get(i), rowCapacity, at);
        }
        for (int i = 0; i < layers; i++) {
            partStarts[part++] = at[0];
            blocks[i] = chain(parts.blocks().get(i), rowCapacity, at);
        }
        Sequential[] toRgb = new Sequential[parts.toRgb().size()];
        for (int k = 0; k < toRgb.length; k++) {
            partStarts[part++] = at[0];
            toRgb[k] = chain(parts.toRgb().get(k), rowCapacity, at);
        }
        Sequential[] rgbAffine = new Sequential[parts.rgbAffine().size()];
        for (int k = 0; k < rgbAffine.length; k++) {
            partStarts[part++] = at[0];
            rgbAffine[k] = chain(parts.rgbAffine().get(k), rowCapacity, at);
        }
        partStarts[part] = at[0];
        synthesis = new StyleSynthesis(wDim, params.view(0, constWidth), grads.view(0, constWidth),
                new StyleSynthesis.Chains(affine, blocks, toRgb, rgbAffine), parts);
        noises = synthesis.noises();
        wOfLayer = new FloatVec[layers];
        wAvg = new float[wDim];
        // Init order: constant, mapping, affines, blocks, toRGB; then the helper streams.
        synthesis.initializeConstant(rng);
        mapping.initialize(rng);
        synthesis.initializeLayers(rng);
        mixRng = rng.split();
        noiseRng = rng.split();
        sampleNoiseRng = rng.split();
        ensureCapacity(rowCapacity);
    }

    private Sequential chain(List<dev.ganplayground.nn.Layer> ls, int rows, int[] at) {
        int n = Sequential.parameterCount(ls);
        Sequential s = new Sequential(ls, rows, params.view(at[0], n), grads.view(at[0], n));
        at[0] += n;
        return s;
    }

    /**
     * Start of each part in {@link #parameters()}: the constant, the mapping, the styleLayers affines, the
     * styleLayers synthesis blocks (each ends with its noise scales), toRGB (with skips: one per resolution, then
     * their affines), then the total (tests check each part).
     */
    int[] partStarts() {
        return partStarts.clone();
    }

    /** Style layers (two per resolution from 4x4 up). */
    public int styleLayers() {
        return layers;
    }

    /** Width of w. */
    public int wDim() {
        return wDim;
    }

    public StyleGan.Spec spec() {
        return spec;
    }

    /** A copy of the tracked W average. */
    public float[] wAverage() {
        return wAvg.clone();
    }

    /** The W average: a checkpoint keeps it, so truncation pulls toward the same point after a restart. */
    @Override
    public float[] trainedState() {
        return wAverage();
    }

    @Override
    public void restoreTrainedState(float[] state) {
        if (state == null || state.length != wAvg.length) {
            throw new IllegalArgumentException("a W average of " + wAvg.length + " floats is needed");
        }
        System.arraycopy(state, 0, wAvg, 0, wAvg.length);
    }

    /** Test hook: style-mixing crossover of the following training passes (-1: random, as in training). */
    public void fixCrossover(int crossover) {
        if (crossover < -1 || crossover > layers) {
            throw new IllegalArgumentException("crossover must be in [-1, " + layers + "], found " + crossover);
        }
        fixedCrossover = crossover;
    }

    /** Test hook: keep the noise images and the second z of the last pass instead of drawing new ones. */
    public void freezeRandomness(boolean freeze) {
        frozen = freeze;
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    @Override
    public int inputWidth() {
        return latent;
    }

    @Override
    public int outputWidth() {
        return synthesis.outputWidth();
    }

    @Override
    public FloatVec parameters() {
        return params;
    }

    @Override
    public FloatVec gradients() {
        return grads;
    }

    @Override
    public void setGroupRows(int groupRows) {
        // No layer of the generator mixes rows.
    }

    @Override
    public void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        freeBuffers();
        mapping.ensureCapacity(2 * rows);
        synthesis.ensureCapacity(rows);
        zBoth = FloatVec.allocate(2 * rows * latent);
        dW = FloatVec.allocate(2 * rows * wDim);
        wLayers = FloatVec.allocate(layers * rows * wDim);
        capacity = rows;
    }

    /**
     * z -> image. Training: style mixing (see the class comment), fresh noise, W-average update. Otherwise plain
     * G(z) with fresh noise and no truncation (evaluation samples the model as trained).
     */
    @Override
    public FloatVec forward(FloatVec z, int rows) {
        checkRows(rows);
        int crossover = layers;
        if (training) {
            crossover = fixedCrossover >= 0 ? fixedCrossover
                    : mixRng.nextDouble() < spec.mixingProbability() ? 1 + mixRng.nextInt(layers - 1) : layers;
        }
        int mapped = crossover < layers ? 2 * rows : rows;
        zBoth.copyFrom(z, 0, rows * latent);
        if (mapped > rows && !frozen) {
            FloatBuffer zb = zBoth.buffer();
            for (int i = rows * latent, end = 2 * rows * latent; i < end; i++) {
                zb.put(i, (float) mixRng.nextGaussian());
            }
        }
        FloatVec w = mapping.forward(zBoth, mapped);
        if (training) {
            updateAverage(w, rows);
        }
        FloatVec a = w.view(0, rows * wDim);
        FloatVec b = mapped > rows ? w.view(rows * wDim, rows * wDim) : a;
        for (int i = 0; i < layers; i++) {
            wOfLayer[i] = i < crossover ? a : b;
        }
        if (!frozen) {
            for (NoiseInjection n : noises) {
                n.drawNoise(training ? noiseRng : sampleNoiseRng, rows);
            }
        }
        lastCrossover = crossover;
        lastFromMapping = true;
        return synthesis.forward(wOfLayer, rows);
    }

    /** w_avg <- mean + decay (w_avg - mean), NVlabs/stylegan's lerp(batch_avg, dlatent_avg, beta). */
    private void updateAverage(FloatVec w, int rows) {
        double decay = spec.wAvgDecay();
        FloatBuffer wb = w.buffer();
        for (int k = 0; k < wDim; k++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += wb.get(r * wDim + k);
            }
            double mean = s / rows;
            wAvg[k] = (float) (mean + decay * (wAvg[k] - mean));
        }
    }

    /**
     * Back-propagates the last {@link #forward}; the gradient w.r.t. z is not available ({@code dInput} must be
     * null: nothing upstream of G is trained).
     */
    @Override
    public void backward(FloatVec dOut, int rows, boolean paramGrads, FloatVec dInput) {
        if (dInput != null) {
            throw new UnsupportedOperationException("the style generator gives no gradient w.r.t. z");
        }
        if (!lastFromMapping) {
            throw new IllegalStateException("backward follows a forward from z only");
        }
        checkRows(rows);
        int mapped = lastCrossover < layers ? 2 * rows : rows;
        dW.view(0, mapped * wDim).fill(0f);
        synthesis.backward(dOut, rows, paramGrads, dW, lastCrossover);
        mapping.backward(dW, mapped, paramGrads, null);
    }

    /** w = mapping(z) for {@code n} latent rows (n x latentDim), in chunks; n x wDim floats. */
    public float[] mapToW(float[] zs, int n) {
        float[] out = new float[n * wDim];
        for (int at = 0; at < n; at += capacity) {
            int k = Math.min(capacity, n - at);
            zBoth.copyFrom(zs, at * latent, 0, k * latent);
            mapping.forward(zBoth, k).copyTo(0, out, at * wDim, k * wDim);
        }
        lastFromMapping = false;
        return out;
    }

    /** The truncation trick: w' = w_avg + psi (w - w_avg) for each of the {@code n} rows of {@code w}. */
    public float[] truncate(float[] w, int n, double psi) {
        float[] out = new float[n * wDim];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < wDim; k++) {
                out[r * wDim + k] = (float) (wAvg[k] + psi * (w[r * wDim + k] - wAvg[k]));
            }
        }
        return out;
    }

    /**
     * Per-layer w's for {@link #synthesize}: row r takes {@code wB}'s row r in the style layers [from, to) and
     * {@code wA}'s row r in the others (n rows of wDim each). Style mixing with crossover c is [c, styleLayers): c = 0
     * is pure B, c = styleLayers pure A; the mixing grid's coarse/middle/fine ranges come from
     * {@link StyleGan#layerRange}.
     */
    public float[] perLayer(float[] wA, float[] wB, int n, int from, int to) {
        float[] out = new float[n * layers * wDim];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < layers; i++) {
                float[] src = i >= from && i < to ? wB : wA;
                System.arraycopy(src, r * wDim, out, (r * layers + i) * wDim, wDim);
            }
        }
        return out;
    }

    /**
     * Images from explicit per-layer w's: {@code wl} holds n rows of styleLayers x wDim floats (row r's w for
     * layer i at (r * layers + i) * wDim). Noise comes from {@code new SplittableRandom(noiseSeed)}: with
     * {@code perRow} false one noise image per layer is shared by every row (NVlabs/stylegan's fixed noise, so rows
     * differ only by their styles); with it true every row gets its own draws. Leaves the training streams alone.
     */
    public float[] synthesize(float[] wl, int n, long noiseSeed, boolean perRow) {
        float[] out = new float[n * outputWidth()];
        SplittableRandom rng = new SplittableRandom(noiseSeed);
        if (!perRow) {
            for (NoiseInjection ni : noises) {
                ni.drawNoise(rng, 1);
            }
        }
        for (int at = 0; at < n; at += capacity) {
            int k = Math.min(capacity, n - at);
            FloatBuffer wb = wLayers.buffer();
            for (int i = 0; i < layers; i++) {
                for (int r = 0; r < k; r++) {
                    wb.put((i * capacity + r) * wDim, wl, ((at + r) * layers + i) * wDim, wDim);
                }
                wOfLayer[i] = wLayers.view(i * capacity * wDim, k * wDim);
            }
            for (NoiseInjection ni : noises) {
                if (perRow) {
                    ni.drawNoise(rng, k);
                } else {
                    FloatVec img = ni.noise();
                    for (int r = 1; r < k; r++) {
                        img.copyFrom(img, 0, r * ni.spatial(), ni.spatial());
                    }
                }
            }
            synthesis.forward(wOfLayer, k).copyTo(0, out, at * outputWidth(), k * outputWidth());
        }
        lastFromMapping = false;
        return out;
    }

    private void checkRows(int rows) {
        if (rows < 1 || rows > capacity) {
            throw new IllegalArgumentException("rows must be in [1, " + capacity + "], found " + rows);
        }
    }

    private void freeBuffers() {
        for (FloatVec v : new FloatVec[]{zBoth, dW, wLayers}) {
            v.close();
        }
    }

    @Override
    public void close() {
        freeBuffers();
        zBoth = dW = wLayers = FloatVec.allocate(0);
        capacity = 0;
        mapping.close();
        synthesis.close();
        params.close();
        grads.close();
    }
}
