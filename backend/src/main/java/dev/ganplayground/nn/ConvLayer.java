package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link Conv2d} and {@link ConvTranspose2d} share: NCHW rows (one sample per row, C*H*W floats), weights then
 * bias in the flat parameter vector, and ND4J's oneDNN-backed kernels run eagerly on INDArrays that wrap our native
 * memory (no copies). Each op is built once per (rows, buffers) and re-executed ({@link BoundOps}).
 *
 * <p>Backward: with parameter gradients, the op's _bp form computes dx, dW and db together. It cannot skip dx, so
 * for a first layer, whose dx is not wanted, Conv2d takes its weight gradients from {@link ConvWeightGradient}
 * instead and ConvTranspose2d writes dx to a scratch buffer. Without them (G's step through D), only
 * dx is computed, by the opposite op on the same weights: conv2d's input gradient is exactly deconv2d(dy, W) and
 * vice versa (the transpose of a linear map), so D's weight gradients are never computed there.
 *
 * <p>With an {@link EqualizedLr} the kernels are bound once to a scaled copy of the parameters (c_w W, c_b b),
 * refreshed from the stored ones at each forward pass (a loop over the weights, far cheaper than the convolution),
 * and the gradients the kernels give w.r.t. the copy are multiplied by the same factors (chain rule).
 */
abstract sealed class ConvLayer implements Layer permits Conv2d, ConvTranspose2d {
    final int inC;
    final int outC;
    final int inH;
    final int inW;
    final int outH;
    final int outW;
    final ConvGeometry geometry;
    private final WeightInit init;
    /** Null unless the layer uses an equalised learning rate. */
    private final EqualizedLr equalized;
    private final float wScale;
    private final float bScale;
    /** The scaled copy of W then b that the kernels read (equalised learning rate only; owned). */
    private FloatVec effective;
    private final int[] args;
    private final String forwardName;
    private final String backwardName;
    private final String inputGradName;
    /** Whether the opposite op's output has exactly this layer's input size (else dx falls back to the _bp op). */
    private final boolean inputGradByTranspose;
    /**
     * Whether ND4J adds the bias (and computes its gradient). Not for deconv2d: oneDNN's deconvolution adds the bias
     * in a slow generic loop (DNNL_VERBOSE: 14 ms instead of 2 ms for G's 64 -> 1 x 28 x 28 layer at batch 64), so
     * there the bias and its gradient are Java loops over the output.
     */
    private final boolean nativeBias;
    /** Whether weight gradients without dx go through {@link ConvWeightGradient} (conv2d only). */
    private final boolean im2colWeightGradients;

    private FloatVec w;
    private FloatVec b;
    private FloatVec dw;
    private FloatVec db;
    /** The bias the kernels (or the Java bias loop) add: b, or its scaled copy. */
    private FloatVec kernelBias;
    private INDArray wArr;
    private INDArray bArr;
    private INDArray dwArr;
    private INDArray dbArr;

    private final BoundOps forwardOps = new BoundOps();
    private final BoundOps backwardOps = new BoundOps();
    private final BoundOps inputGradOps = new BoundOps();
    private final long[] key = new long[4];
    private int capacity;
    /** dx of a _bp op whose caller wants none; made on first need (only a network's first layer needs it). */
    private FloatVec scratchDx;
    /** dW and db of the _bp fallback for input-only gradients; made on first need. */
    private FloatVec scratchParams;
    private INDArray scratchDwArr;
    private INDArray scratchDbArr;
    /** Made on first need, like scratchDx. */
    private ConvWeightGradient weightGradient;

    ConvLayer(int inChannels, int outChannels, int height, int width, int outHeight, int outWidth,
              ConvGeometry geometry, WeightInit init, String forwardName, String backwardName, String inputGradName,
              boolean inputGradByTranspose, boolean nativeBias, boolean im2colWeightGradients,
              EqualizedLr equalized) {
        if (inChannels < 1 || outChannels < 1 || height < 1 || width < 1 || outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException("channels and sizes must be positive, found " + inChannels + "x"
                    + height + "x" + width + " -> " + outChannels + "x" + outHeight + "x" + outWidth);
        }
        this.inC = inChannels;
        this.outC = outChannels;
        this.inH = height;
        this.inW = width;
        this.outH = outHeight;
        this.outW = outWidth;
        this.geometry = geometry;
        this.init = init;
        this.args = geometry.nd4jArgs();
        this.forwardName = forwardName;
        this.backwardName = backwardName;
        this.inputGradName = inputGradName;
        this.inputGradByTranspose = inputGradByTranspose;
        this.nativeBias = nativeBias;
        this.im2colWeightGradients = im2colWeightGradients;
        this.equalized = equalized;
        this.wScale = equalized == null ? 1f : equalized.weightScale(fanIn());
        this.bScale = equalized == null ? 1f : equalized.biasScale();
    }

    /** ND4J's weight shape: [kH,kW,iC,oC] for conv2d, [kH,kW,oC,iC] for deconv2d. */
    abstract long[] weightShape();

    /** Inputs seen by one output, as PyTorch computes it for its default initialisation. */
    abstract int fanIn();

    private int weightCount() {
        return geometry.kernel() * geometry.kernel() * inC * outC;
    }

    /** Channels of the output image. */
    public int outputChannels() {
        return outC;
    }

    /** Height of the output image. */
    public int outputImageHeight() {
        return outH;
    }

    /** Width of the output image (outputWidth() is the row width, channels x height x width). */
    public int outputImageWidth() {
        return outW;
    }

    @Override
    public int inputWidth() {
        return inC * inH * inW;
    }

    @Override
    public int outputWidth() {
        return outC * outH * outW;
    }

    @Override
    public int parameterCount() {
        return weightCount() + outC;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        int nw = weightCount();
        w = params.view(0, nw);
        b = params.view(nw, outC);
        dw = grads.view(0, nw);
        db = grads.view(nw, outC);
        // A layer may be bound again (a growing network moves it into new flat vectors): ops bound to the old
        // arrays must go.
        forwardOps.clear();
        backwardOps.clear();
        inputGradOps.clear();
        freeEffective();
        FloatVec kernelW = w;
        FloatVec kernelB = b;
        if (equalized != null) {
            effective = FloatVec.allocate(nw + outC);
            kernelW = effective.view(0, nw);
            kernelB = effective.view(nw, outC);
        }
        kernelBias = kernelB;
        wArr = BoundOps.wrap(kernelW, weightShape());
        bArr = BoundOps.wrap(kernelB, outC);
        dwArr = BoundOps.wrap(dw, weightShape());
        dbArr = BoundOps.wrap(db, outC);
    }

    @Override
    public void initialize(java.util.SplittableRandom rng) {
        if (equalized != null) {
            equalized.fill(w, b, rng);
        } else {
            init.fill(w, b, fanIn(), rng);
        }
    }

    @Override
    public void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        freeScratchDx();
        capacity = rows;
    }

    @Override
    public void release() {
        freeScratchDx();
        freeEffective();
        if (scratchParams != null) {
            scratchParams.close();
            scratchParams = null;
        }
        if (weightGradient != null) {
            weightGradient.close();
            weightGradient = null;
        }
        forwardOps.clear();
        backwardOps.clear();
        inputGradOps.clear();
        capacity = 0;
    }

    private void freeEffective() {
        if (effective != null) {
            effective.close();
            effective = null;
        }
    }

    /** Copies c_w W and c_b b into the kernels' parameters (equalised learning rate). */
    private void refreshEffective() {
        FloatBuffer src = w.buffer();
        FloatBuffer dst = effective.buffer();
        int nw = w.length();
        for (int i = 0; i < nw; i++) {
            dst.put(i, src.get(i) * wScale);
        }
        FloatBuffer sb = b.buffer();
        for (int c = 0; c < outC; c++) {
            dst.put(nw + c, sb.get(c) * bScale);
        }
    }

    /** d/dW = c_w d/d(c_w W), likewise for b (equalised learning rate). */
    private void scaleParamGradients() {
        FloatBuffer g = dw.buffer();
        for (int i = 0, n = dw.length(); i < n; i++) {
            g.put(i, g.get(i) * wScale);
        }
        FloatBuffer gb = db.buffer();
        for (int c = 0; c < outC; c++) {
            gb.put(c, gb.get(c) * bScale);
        }
    }

    private void freeScratchDx() {
        if (scratchDx != null) {
            scratchDx.close();
            scratchDx = null;
        }
    }

    private long[] key(int rows, FloatVec a, FloatVec c, FloatVec d) {
        key[0] = rows;
        key[1] = a.address();
        key[2] = c.address();
        key[3] = d == null ? 0 : d.address();
        return key;
    }

    private INDArray in(FloatVec v, int rows) {
        return BoundOps.wrap(v, rows, inC, inH, inW);
    }

    private INDArray out(FloatVec v, int rows) {
        return BoundOps.wrap(v, rows, outC, outH, outW);
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        if (equalized != null) {
            refreshEffective();
        }
        DynamicCustomOp op = forwardOps.find(key(rows, x, y, null));
        if (op == null) {
            DynamicCustomOp.DynamicCustomOpsBuilder ob = DynamicCustomOp.builder(forwardName);
            ob = nativeBias ? ob.addInputs(in(x, rows), wArr, bArr) : ob.addInputs(in(x, rows), wArr);
            op = forwardOps.put(key, ob.addOutputs(out(y, rows)).addIntegerArguments(args).build());
        }
        Nd4j.exec(op);
        if (!nativeBias) {
            addBias(y, rows);
        }
    }

    private void addBias(FloatVec y, int rows) {
        FloatBuffer yb = y.buffer();
        FloatBuffer bb = kernelBias.buffer();
        int spatial = outH * outW;
        for (int r = 0, at = 0; r < rows; r++) {
            for (int c = 0; c < outC; c++) {
                float v = bb.get(c);
                for (int end = at + spatial; at < end; at++) {
                    yb.put(at, yb.get(at) + v);
                }
            }
        }
    }

    /** db_c = sum of dy over rows and positions of channel c. */
    static void biasGradient(FloatVec dy, FloatVec gb, int rows, int channels, int spatial) {
        FloatBuffer g = dy.buffer();
        for (int c = 0; c < channels; c++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                for (int at = (r * channels + c) * spatial, end = at + spatial; at < end; at++) {
                    s += g.get(at);
                }
            }
            gb.set(c, (float) s);
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (paramGrads && dx == null && im2colWeightGradients) {
            if (weightGradient == null) {
                weightGradient = new ConvWeightGradient(inC, inH, inW, outC, outH, outW, geometry);
            }
            weightGradient.compute(x, dy, rows, dw, db);
            if (equalized != null) {
                scaleParamGradients();
            }
        } else if (paramGrads) {
            FloatVec gx = dx != null ? dx : scratchDx();
            runBackward(x, dy, gx, rows, dwArr, dbArr);
            if (!nativeBias) {
                biasGradient(dy, db, rows, outC, outH * outW);
            }
            if (equalized != null) {
                scaleParamGradients();
            }
        } else if (dx != null) {
            if (inputGradByTranspose) {
                DynamicCustomOp op = inputGradOps.find(key(rows, dy, dx, null));
                if (op == null) {
                    op = inputGradOps.put(key, DynamicCustomOp.builder(inputGradName)
                            .addInputs(out(dy, rows), wArr)
                            .addOutputs(in(dx, rows))
                            .addIntegerArguments(args)
                            .build());
                }
                Nd4j.exec(op);
            } else {
                ensureScratchParams();
                runBackward(x, dy, dx, rows, scratchDwArr, scratchDbArr);
            }
        }
    }

    private void runBackward(FloatVec x, FloatVec dy, FloatVec gx, int rows, INDArray gw, INDArray gb) {
        // The real parameter gradients and the fallback's scratch ones are bound in separate caches.
        boolean real = gw == dwArr;
        DynamicCustomOp op = (real ? backwardOps : inputGradOps).find(key(rows, x, dy, gx));
        if (op == null) {
            DynamicCustomOp.DynamicCustomOpsBuilder ob = DynamicCustomOp.builder(backwardName);
            ob = nativeBias ? ob.addInputs(in(x, rows), wArr, bArr, out(dy, rows)).addOutputs(in(gx, rows), gw, gb)
                    : ob.addInputs(in(x, rows), wArr, out(dy, rows)).addOutputs(in(gx, rows), gw);
            op = (real ? backwardOps : inputGradOps).put(key, ob.addIntegerArguments(args).build());
        }
        Nd4j.exec(op);
    }

    private FloatVec scratchDx() {
        if (scratchDx == null) {
            scratchDx = FloatVec.allocate(Math.max(1, capacity) * inputWidth());
        }
        return scratchDx;
    }

    private void ensureScratchParams() {
        if (scratchParams == null) {
            scratchParams = FloatVec.allocate(parameterCount());
            scratchDwArr = BoundOps.wrap(scratchParams.view(0, weightCount()), weightShape());
            scratchDbArr = BoundOps.wrap(scratchParams.view(weightCount(), outC), outC);
        }
    }
}
