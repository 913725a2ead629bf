package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * StyleGAN2's modulated convolution with weight demodulation (Karras et al. 2020, "Analyzing and Improving the Image
 * Quality of StyleGAN", section 2.2 and Fig. 2c), in the non-fused form: each row's input channels are scaled by
 * that row's style, {@code x'_i = s_i x_i}; a shared equalised-learning-rate {@link Conv2d} convolves x'; each
 * output channel j is then multiplied by {@code d_j = (sum_{i,k} (s_i w_ijk)^2 + 1e-8)^(-1/2)} (w with the
 * equalised-LR scale), which gives it the unit expected variance the paper's instance norm gave, from the weights'
 * statistics instead of the image's; finally the bias. Without demodulation (StyleGAN2's toRGB) d = 1.
 *
 * <p>A {@link Layer} with a second input, like {@link NoiseInjection}'s noise: the owner hands it the rows' styles
 * ({@link #setStyle}, rows x inChannels, kept by reference for the backward pass) before each forward, and reads
 * the style gradient from {@link #styleGradient()} after each backward. Parameters: the conv's weights
 * [kH,kW,iC,oC] then the bias, both stored unscaled (equalised learning rate).
 *
 * <p>Backward, with g = dL/dy and u = conv(x') (before d and bias): dL/du = d g; with a_j = sum_p g_jp u_jp per
 * row, dd_j/dw_ijk = -d_j^3 s_i^2 w_ijk and dd_j/ds_i = -d_j^3 s_i sum_k w_ijk^2, so dw gains
 * -sum_rows a_j d_j^3 s_i^2 w_ijk, ds_i = sum_p dx'_ip x_ip - s_i sum_j a_j d_j^3 sum_k w_ijk^2, dx = s dx',
 * db = sum g.
 */
public final class ModulatedConv implements Layer {
    /** The paper's epsilon inside the demodulation's square root. */
    public static final double EPS = 1e-8;

    private final Conv2d conv;
    private final int inC;
    private final int outC;
    private final int taps;
    private final int inSpatial;
    private final int outSpatial;
    private final boolean demodulate;
    private final float weightScale;
    private final float biasScale;
    private FloatVec w;
    private FloatVec b;
    private FloatVec dw;
    private FloatVec db;
    private FloatVec style;
    /** sum_k (c w_ijk)^2 per (i, j): refreshed at each forward. */
    private final double[] weightEnergy;
    private FloatVec xMod = FloatVec.allocate(0);
    private FloatVec dyRaw = FloatVec.allocate(0);
    private FloatVec dxMod = FloatVec.allocate(0);
    private FloatVec dStyle = FloatVec.allocate(0);
    /** d per (row, output channel) of the last forward. */
    private double[] demod = new double[0];
    /** a_j d_j^3 per (row, output channel) of the last backward (see the class comment). */
    private double[] ad3 = new double[0];
    /** Per (i, j): sum over rows of a_j d_j^3 s_i^2, the demodulation's weight-gradient factor. */
    private final double[] coef;
    private int capacity;

    /**
     * A {@code geometry.kernel()} x kernel convolution from inChannels x height x width rows to outChannels maps with
     * an equalised learning rate {@code eq}; {@code demodulate} false leaves out d (modulation only).
     */
    public ModulatedConv(int inChannels, int outChannels, int height, int width, ConvGeometry geometry,
                         EqualizedLr eq, boolean demodulate) {
        this.conv = new Conv2d(inChannels, outChannels, height, width, geometry, eq);
        this.inC = inChannels;
        this.outC = outChannels;
        this.taps = geometry.kernel() * geometry.kernel();
        this.inSpatial = height * width;
        this.outSpatial = conv.outputImageHeight() * conv.outputImageWidth();
        this.demodulate = demodulate;
        this.weightScale = eq.weightScale(inChannels * taps);
        this.biasScale = eq.biasScale();
        this.weightEnergy = new double[inC * outC];
        this.coef = new double[inC * outC];
    }

    /** Floats per style row: one scale per input channel. */
    public int styleWidth() {
        return inC;
    }

    /** The styles of the next forward (rows x {@link #styleWidth()}); kept by reference until the backward. */
    public void setStyle(FloatVec style) {
        this.style = style;
    }

    /** The loss gradient w.r.t. the styles, written by the last backward (rows x {@link #styleWidth()}). */
    public FloatVec styleGradient() {
        return dStyle;
    }

    @Override
    public int inputWidth() {
        return conv.inputWidth();
    }

    @Override
    public int outputWidth() {
        return conv.outputWidth();
    }

    @Override
    public int parameterCount() {
        return conv.parameterCount();
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        conv.bind(params, grads);
        int nw = taps * inC * outC;
        w = params.view(0, nw);
        b = params.view(nw, outC);
        dw = grads.view(0, nw);
        db = grads.view(nw, outC);
    }

    @Override
    public void initialize(SplittableRandom rng) {
        conv.initialize(rng);
    }

    @Override
    public void reserve(int rows) {
        conv.reserve(rows);
        if (rows <= capacity) {
            return;
        }
        freeBuffers();
        xMod = FloatVec.allocate(rows * inC * inSpatial);
        dxMod = FloatVec.allocate(rows * inC * inSpatial);
        dyRaw = FloatVec.allocate(rows * outC * outSpatial);
        dStyle = FloatVec.allocate(rows * inC);
        demod = new double[rows * outC];
        ad3 = new double[rows * outC];
        capacity = rows;
    }

    @Override
    public void release() {
        freeBuffers();
        xMod = dxMod = dyRaw = dStyle = FloatVec.allocate(0);
        capacity = 0;
        conv.release();
    }

    private void freeBuffers() {
        for (FloatVec v : new FloatVec[]{xMod, dxMod, dyRaw, dStyle}) {
            v.close();
        }
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        if (style == null) {
            throw new IllegalStateException("setStyle must come before forward");
        }
        reserve(rows);
        FloatBuffer xb = x.buffer();
        FloatBuffer sb = style.buffer();
        FloatBuffer mb = xMod.buffer();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < inC; i++) {
                float s = sb.get(r * inC + i);
                for (int at = (r * inC + i) * inSpatial, end = at + inSpatial; at < end; at++) {
                    mb.put(at, xb.get(at) * s);
                }
            }
        }
        conv.forward(xMod, y, rows);
        if (!demodulate) {
            return;
        }
        refreshWeightEnergy();
        FloatBuffer yb = y.buffer();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < outC; j++) {
                double sum = EPS;
                for (int i = 0; i < inC; i++) {
                    double s = sb.get(r * inC + i);
                    sum += s * s * weightEnergy[i * outC + j];
                }
                double d = 1.0 / Math.sqrt(sum);
                demod[r * outC + j] = d;
                float bias = b.get(j) * biasScale;
                float df = (float) d;
                // The conv added the bias before d: take it out, scale, put it back.
                for (int at = (r * outC + j) * outSpatial, end = at + outSpatial; at < end; at++) {
                    yb.put(at, (yb.get(at) - bias) * df + bias);
                }
            }
        }
    }

    private void refreshWeightEnergy() {
        java.util.Arrays.fill(weightEnergy, 0);
        FloatBuffer wb = w.buffer();
        double c2 = (double) weightScale * weightScale;
        for (int k = 0; k < taps; k++) {
            for (int i = 0; i < inC; i++) {
                for (int j = 0, at = (k * inC + i) * outC; j < outC; j++, at++) {
                    double v = wb.get(at);
                    weightEnergy[i * outC + j] += c2 * v * v;
                }
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        FloatBuffer gb = dy.buffer();
        FloatBuffer yb = y.buffer();
        FloatBuffer sb = style.buffer();
        FloatVec gRaw = dy;
        if (demodulate) {
            FloatBuffer rb = dyRaw.buffer();
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < outC; j++) {
                    double d = demod[r * outC + j];
                    float bias = b.get(j) * biasScale;
                    float df = (float) d;
                    double a = 0;
                    for (int at = (r * outC + j) * outSpatial, end = at + outSpatial; at < end; at++) {
                        float g = gb.get(at);
                        a += g * (yb.get(at) - bias);
                        rb.put(at, g * df);
                    }
                    // a_j = sum_p g u = sum_p g (y - b) / d, so a_j d_j^3 = (sum_p g (y - b)) d_j^2.
                    ad3[r * outC + j] = a * d * d;
                }
            }
            gRaw = dyRaw;
        }
        conv.backward(xMod, y, gRaw, dxMod, rows, paramGrads);
        FloatBuffer mb = dxMod.buffer();
        FloatBuffer xb = x.buffer();
        FloatBuffer dsb = dStyle.buffer();
        FloatBuffer dxb = dx == null ? null : dx.buffer();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < inC; i++) {
                float s = sb.get(r * inC + i);
                double sum = 0;
                for (int at = (r * inC + i) * inSpatial, end = at + inSpatial; at < end; at++) {
                    float g = mb.get(at);
                    sum += g * xb.get(at);
                    if (dxb != null) {
                        dxb.put(at, g * s);
                    }
                }
                if (demodulate) {
                    double t = 0;
                    for (int j = 0; j < outC; j++) {
                        t += ad3[r * outC + j] * weightEnergy[i * outC + j];
                    }
                    sum -= s * t;
                }
                dsb.put(r * inC + i, (float) sum);
            }
        }
        if (paramGrads) {
            if (demodulate) {
                addDemodulationWeightGradient(sb, rows);
            }
            // The bias sits after d: its gradient is the plain sum of dy, not the conv's sum of d dy.
            ConvLayer.biasGradient(dy, db, rows, outC, outSpatial);
            for (int j = 0; j < outC; j++) {
                db.set(j, db.get(j) * biasScale);
            }
        }
    }

    /** dw_ijk -= c^2 w_ijk sum_rows a_j d_j^3 s_i^2 (stored weights: one c from w_e, one from the chain rule). */
    private void addDemodulationWeightGradient(FloatBuffer sb, int rows) {
        java.util.Arrays.fill(coef, 0);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < inC; i++) {
                double s = sb.get(r * inC + i);
                double s2 = s * s;
                for (int j = 0; j < outC; j++) {
                    coef[i * outC + j] += ad3[r * outC + j] * s2;
                }
            }
        }
        double c2 = (double) weightScale * weightScale;
        FloatBuffer wb = w.buffer();
        FloatBuffer gw = dw.buffer();
        for (int k = 0; k < taps; k++) {
            for (int i = 0; i < inC; i++) {
                for (int j = 0, at = (k * inC + i) * outC; j < outC; j++, at++) {
                    gw.put(at, (float) (gw.get(at) - c2 * wb.get(at) * coef[i * outC + j]));
                }
            }
        }
    }
}
