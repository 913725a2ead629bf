package dev.ganplayground.ae;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.SparsityKind;
import dev.ganplayground.nn.AutoencoderLosses;
import dev.ganplayground.nn.Dense;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Reparameterisation;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.nn.TiedDense;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One autoencoder: encoder blocks -> code -> decoder blocks ({@link ArmNets}), every block a {@link Sequential}
 * over views of the arm's slice of the trainer's flat parameter and gradient vectors (encoder blocks first, so the
 * encoder's parameters are a prefix of the slice).
 *
 * <p>The objective: plain kinds, MSE per input value + the sparsity penalty on the code (KL or L1, when on); a VAE,
 * the squared error summed per input (the negative log-likelihood of a Gaussian decoder, up to constants; a mean
 * per value would let the KL term drown it) averaged over the batch + klWeight * KL. The reported "recon" is always
 * the MSE per input value, comparable across arms and kinds. Sparsity is not applied to a VAE's sampled code.
 */
final class AeArm implements Autoencoder {
    /** Indexes of the loss terms a training pass reports. */
    static final int RECON = 0;
    static final int KL = 1;
    static final int SPARSITY = 2;
    static final int LOSS = 3;

    private final ArmSpec spec;
    private final int width;
    private final int code;
    private final List<Sequential> enc = new ArrayList<>();
    private final List<Sequential> dec = new ArrayList<>();
    private final List<TiedDense> tied;
    private final Reparameterisation sampler;
    private final FloatVec params;
    private final FloatVec grads;
    private final int encoderParams;
    private final double[] means;
    private final boolean linear;
    private int capacity;
    /** Gradients w.r.t. each decoder block's input (index 0: the code) and each encoder block's input (from 1). */
    private FloatVec[] decIn = new FloatVec[0];
    private FloatVec[] encIn = new FloatVec[0];
    /** VAE: the sampled code and the gradient w.r.t. the encoder's [mu | logvar] output. */
    private FloatVec z;
    private FloatVec dEncOut;
    private FloatVec dOut;
    /** Heap data staged for evaluation passes. */
    private FloatVec stage;

    /** Parameters the blocks need together (the size of the arm's slice). */
    static int parameterCount(ArmNets.Blocks b) {
        int n = 0;
        for (List<Layer> l : b.encoder()) {
            n += Sequential.parameterCount(l);
        }
        for (List<Layer> l : b.decoder()) {
            n += Sequential.parameterCount(l);
        }
        return n;
    }

    AeArm(ArmSpec spec, ArmNets.Blocks blocks, int width, FloatVec params, FloatVec grads, int rows) {
        this.spec = spec;
        this.width = width;
        this.code = spec.model().codeSize();
        this.params = params;
        this.grads = grads;
        this.tied = blocks.tied();
        this.sampler = blocks.sampler();
        this.linear = spec.model().kind() == AutoencoderKind.LINEAR;
        int at = 0;
        for (List<Layer> l : blocks.encoder()) {
            int n = Sequential.parameterCount(l);
            enc.add(new Sequential(l, rows, params.view(at, n), grads.view(at, n)));
            at += n;
        }
        encoderParams = at;
        for (List<Layer> l : blocks.decoder()) {
            int n = Sequential.parameterCount(l);
            dec.add(new Sequential(l, rows, params.view(at, n), grads.view(at, n)));
            at += n;
        }
        means = new double[code];
        ensureCapacity(rows);
    }

    /** Initialises the blocks in order from one stream (the tied decoders' biases start at 0). */
    void initialize(SplittableRandom rng) {
        enc.forEach(s -> s.initialize(rng));
        dec.forEach(s -> s.initialize(rng));
    }

    ArmSpec spec() {
        return spec;
    }

    /** Encoder blocks: greedy layer-wise training has one phase per block, then one for the whole stack. */
    int blockCount() {
        return enc.size();
    }

    /** Floats of the encoder's parameters, the prefix of {@link #parameters()}. */
    int encoderParameterCount() {
        return encoderParams;
    }

    FloatVec parameters() {
        return params;
    }

    FloatVec gradients() {
        return grads;
    }

    boolean isVae() {
        return sampler != null;
    }

    /** Grows every buffer to {@code rows} rows; between steps only. */
    void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        freeBuffers();
        enc.forEach(s -> s.ensureCapacity(rows));
        dec.forEach(s -> s.ensureCapacity(rows));
        decIn = new FloatVec[dec.size()];
        for (int i = 0; i < dec.size(); i++) {
            decIn[i] = FloatVec.allocate(rows * dec.get(i).inputWidth());
        }
        encIn = new FloatVec[enc.size()];
        for (int i = 1; i < enc.size(); i++) {
            encIn[i] = FloatVec.allocate(rows * enc.get(i).inputWidth());
        }
        if (sampler != null) {
            sampler.reserve(rows);
            z = FloatVec.allocate(rows * code);
            dEncOut = FloatVec.allocate(rows * 2 * code);
        }
        dOut = FloatVec.allocate(rows * width);
        stage = FloatVec.allocate(rows * Math.max(width, code)); // codes may be wider than inputs
        capacity = rows;
    }

    /**
     * One forward and backward pass of the whole stack on {@code rows} rows: {@code input} (maybe corrupted) in,
     * {@code target} (clean) to reconstruct. Leaves the gradients in {@link #gradients()} and the terms in
     * {@code out} (see {@link #RECON} ...).
     */
    void trainStep(FloatVec input, FloatVec target, int rows, AeLossConfig loss, SplittableRandom noise,
                   double[] out) {
        FloatVec h = input;
        for (Sequential s : enc) {
            h = s.forward(h, rows);
        }
        FloatVec codes = h;
        if (sampler != null) {
            sampler.setSampling(true);
            sampler.drawNoise(noise, rows);
            sampler.forward(h, z, rows);
            codes = z;
        }
        FloatVec o = codes;
        for (Sequential s : dec) {
            o = s.forward(o, rows);
        }
        float reconScale = sampler != null ? width : 1f;
        out[RECON] = AutoencoderLosses.mse(o, target, rows * width, reconScale, dOut);
        FloatVec g = dOut;
        for (int i = dec.size() - 1; i >= 0; i--) {
            dec.get(i).backward(g, rows, true, decIn[i]);
            g = decIn[i];
        }
        out[KL] = 0;
        out[SPARSITY] = 0;
        if (sampler != null) {
            sampler.backward(h, z, g, dEncOut, rows, false);
            out[KL] = Reparameterisation.klAndGradient(h, rows, code, (float) loss.klWeight(), dEncOut);
            g = dEncOut;
        } else {
            out[SPARSITY] = sparsity(codes, rows, loss, g);
        }
        backwardEncoder(enc.size() - 1, 0, g, rows);
        out[LOSS] = reconScale * out[RECON] + loss.klWeight() * out[KL] + out[SPARSITY];
    }

    /**
     * Greedy layer-wise phase {@code k}: a shallow autoencoder of encoder block k and its mirror decoder block on the
     * codes of blocks below k (frozen: no gradients), reconstructing those codes (block 0: the clean target). Only
     * that pair's gradients are non-zero afterwards. The sparsity penalty applies in the code block's phase.
     */
    void trainPhase(int k, FloatVec input, FloatVec target, int rows, AeLossConfig loss, double[] out) {
        FloatVec h = input;
        for (int i = 0; i < k; i++) {
            h = enc.get(i).forward(h, rows);
        }
        FloatVec goal = k == 0 ? target : h;
        FloatVec codes = enc.get(k).forward(h, rows);
        int mirror = dec.size() - 1 - k;
        FloatVec o = dec.get(mirror).forward(codes, rows);
        int w = dec.get(mirror).outputWidth();
        grads.fill(0f);
        out[RECON] = AutoencoderLosses.mse(o, goal, rows * w, 1f, dOut);
        dec.get(mirror).backward(dOut, rows, true, decIn[mirror]);
        out[KL] = 0;
        out[SPARSITY] = k == enc.size() - 1 ? sparsity(codes, rows, loss, decIn[mirror]) : 0;
        backwardEncoder(k, k, decIn[mirror], rows);
        out[LOSS] = out[RECON] + out[SPARSITY];
    }

    /** The output of encoder blocks 0 .. k on {@code rows} rows (a greedy phase's input; tests). */
    FloatVec blockCodes(int k, FloatVec input, int rows) {
        FloatVec h = input;
        for (int i = 0; i <= k; i++) {
            h = enc.get(i).forward(h, rows);
        }
        return h;
    }

    /** Back-propagates {@code g} through encoder blocks from .. to (descending), then adds the tied gradients. */
    private void backwardEncoder(int from, int to, FloatVec g, int rows) {
        for (int i = from; i >= to; i--) {
            FloatVec dst = i == to ? null : encIn[i];
            enc.get(i).backward(g, rows, true, dst);
            g = dst;
        }
        for (TiedDense t : tied) {
            t.addWeightGradient();
        }
    }

    private double sparsity(FloatVec codes, int rows, AeLossConfig loss, FloatVec dCode) {
        SparsityKind kind = loss.sparsity();
        if (kind == SparsityKind.KL) {
            return AutoencoderLosses.klSparsity(codes, rows, code, loss.sparsityTarget(), loss.sparsityWeight(), means,
                    dCode);
        }
        if (kind == SparsityKind.L1) {
            return AutoencoderLosses.l1Sparsity(codes, rows, code, loss.sparsityWeight(), dCode);
        }
        return 0;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int codeSize() {
        return code;
    }

    @Override
    public float[] encode(float[] x, int n) {
        float[] codes = new float[n * code];
        for (int at = 0; at < n; at += capacity) {
            int k = Math.min(capacity, n - at);
            stage.copyFrom(x, at * width, 0, k * width);
            FloatVec h = encodeStaged(k);
            int step = sampler != null ? 2 * code : code;
            for (int r = 0; r < k; r++) {
                h.copyTo(r * step, codes, (at + r) * code, code); // a VAE's rows are [mu | logvar]: keep mu
            }
        }
        return codes;
    }

    private FloatVec encodeStaged(int rows) {
        FloatVec h = stage;
        for (Sequential s : enc) {
            h = s.forward(h, rows);
        }
        return h;
    }

    @Override
    public float[] decode(float[] codes, int n) {
        float[] out = new float[n * width];
        for (int at = 0; at < n; at += capacity) {
            int k = Math.min(capacity, n - at);
            stage.copyFrom(codes, at * code, 0, k * code);
            decodeInto(stage, k, out, at);
        }
        return out;
    }

    private void decodeInto(FloatVec codes, int rows, float[] out, int at) {
        FloatVec o = codes;
        for (Sequential s : dec) {
            o = s.forward(o, rows);
        }
        o.copyTo(0, out, at * width, rows * width);
    }

    @Override
    public float[] reconstruct(float[] x, int n) {
        return decode(encode(x, n), n);
    }

    @Override
    public float[] meanCodeActivations(float[] x, int n) {
        float[] codes = encode(x, n);
        float[] mean = new float[code];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < code; j++) {
                mean[j] += codes[r * code + j];
            }
        }
        for (int j = 0; j < code; j++) {
            mean[j] /= Math.max(n, 1);
        }
        return mean;
    }

    @Override
    public float[] decoderBasis() {
        if (!linear) {
            return null;
        }
        // The decoder's Dense stores W as [code x width]; the basis is its transpose, width x code.
        float[] w = dec.get(0).parameters().toArray();
        float[] basis = new float[width * code];
        for (int j = 0; j < code; j++) {
            for (int i = 0; i < width; i++) {
                basis[i * code + j] = w[j * width + i];
            }
        }
        return basis;
    }

    /** The first encoder Dense layer (tests of tied weights). */
    Dense firstEncoderLayer() {
        return (Dense) enc.get(0).layers().get(0);
    }

    List<Sequential> decoderBlocks() {
        return dec;
    }

    private void freeBuffers() {
        for (FloatVec[] vs : new FloatVec[][]{decIn, encIn, {z, dEncOut, dOut, stage}}) {
            for (FloatVec v : vs) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }

    void close() {
        freeBuffers();
        enc.forEach(Sequential::close);
        dec.forEach(Sequential::close);
        if (sampler != null) {
            sampler.release();
        }
    }
}
