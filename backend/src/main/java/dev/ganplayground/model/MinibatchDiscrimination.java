package dev.ganplayground.model;

import dev.ganplayground.nn.Blas;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Minibatch discrimination (Salimans et al. 2016, "Improved Techniques for Training GANs", section 3.2): lets D
 * see how similar a sample is to the others of its minibatch, so a collapsed G (many near-identical fakes) is easy
 * to tell apart from the diverse reals.
 *
 * <p>Input f (rows x A); learned T (A x B*C) and bias b (B). M = f T, viewed per row as B kernels of C values;
 * o_b(x_i) = b_b + (1 / (n - 1)) sum over j != i in the group of i (n rows) of exp(-||M_i,b - M_j,b||_1); output
 * [f, o] (A + B wide). NORMALISATION DEVIATION from the paper, which sums: we take the mean over the n - 1 other
 * rows, so o_b - b_b lies in (0, 1] whatever the group size. With the sum, a collapsed group (all distances near 0)
 * gives o near n - 1 = 255 against a few units for the reals, a feature that D's linear output layer turns into an
 * unbounded score; on ring8 (5 seeds, 3,000 steps) the sum with the data-dependent init below ended with G off
 * the data (0.8 modes, reverse KL 2.08), the mean with the same init captured 8.0 modes (reverse KL 0.27).
 * T is drawn from N(0, 0.05) and b set to -1, then both are finished from the data on the first forward pass
 * (the official code, openai/improved-gan, initialises this layer from a data batch too; this is our own version
 * of that idea, without its weight-norm reparametrisation of T): each kernel's columns of T are scaled so that a
 * row's L1 distance to its nearest neighbour in the group is {@link #INIT_NEAREST_DISTANCE} on average, and b_b is
 * set to minus the group's mean of o_b - b_b, so o starts centred at 0. Without it the 0.05 draw on D's small ReLU
 * features (mean |f| about 0.04 at init on ring8) gives L1 distances near 0 and every exp term near 1: with the
 * paper's sum, o near 250 for every sample of a 256-row group, a near-constant feature that put D's initial logits
 * at about -40 and carried little information about similarity (measured, MbdProbe).
 *
 * <p>Groups ({@link #setGroupRows}): D sees reals and fakes in one batch, but o must compare reals only with reals
 * and fakes only with fakes, so the caller sets the group to the half size before the pass.
 *
 * <p>Backward, with g_ib = dL/do_ib and e_ij^b = exp(-D_ij^b), D_ij^b = sum_c |M_ic^b - M_jc^b|:
 * dL/dM_kc^b = -(1 / (n - 1)) sum over j != k of (g_kb + g_jb) e_kj^b sign(M_kc^b - M_jc^b) (d|u|/du = sign u;
 * e is symmetric, so each pair is visited once and adds +-t to both rows); then dT = f^T dM, df = dL/dy[:, :A] + dM T^T and
 * db_b = sum_i g_ib. The pair loops are O(group^2 B C); M is kept transposed (B*C x rows, from sgemm directly)
 * so the inner loop over j runs over contiguous floats, and the e of the last forward are cached (when they fit)
 * so the backward pass computes no exp.
 */
public final class MinibatchDiscrimination implements Layer {
    /** Most floats of cached pair terms; a pass needing more recomputes them in backward (large batches only). */
    static final long CACHE_LIMIT = 1L << 22;
    /** Mean nearest-neighbour L1 distance per kernel after the data-dependent init (the official code's 2). */
    static final double INIT_NEAREST_DISTANCE = 2.0;

    private final int a;
    private final int kernels;
    private final int dims;
    private final int bc;
    private FloatVec t;
    private FloatVec bias;
    private FloatVec dt;
    private FloatVec dbias;
    private int groupRows;
    /** Set by {@link #initialize}: the next forward pass finishes the initialisation from its data. */
    private boolean pendingDataInit;

    // Scratch for `capacity` rows: M^T native (sgemm output) and on the heap (loops), dM^T, o or g, one pair row.
    private int capacity;
    private FloatVec mtNative;
    private float[] mt = new float[0];
    private float[] dmt = new float[0];
    private float[] og = new float[0];
    private float[] pair = new float[0];
    private float[] cache = new float[0];
    private int cachedRows = -1;
    private int cachedGroup = -1;

    /** A layer on {@code inputs} features with {@code kernels} (B) kernels of {@code kernelDims} (C) values. */
    public MinibatchDiscrimination(int inputs, int kernels, int kernelDims) {
        if (inputs < 1 || kernels < 1 || kernelDims < 1) {
            throw new IllegalArgumentException("sizes must be positive, found " + inputs + ", " + kernels + ", "
                    + kernelDims);
        }
        this.a = inputs;
        this.kernels = kernels;
        this.dims = kernelDims;
        this.bc = kernels * kernelDims;
    }

    @Override
    public int inputWidth() {
        return a;
    }

    @Override
    public int outputWidth() {
        return a + kernels;
    }

    @Override
    public int parameterCount() {
        return a * bc + kernels;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        t = params.view(0, a * bc);
        bias = params.view(a * bc, kernels);
        dt = grads.view(0, a * bc);
        dbias = grads.view(a * bc, kernels);
    }

    @Override
    public void initialize(SplittableRandom rng) {
        for (int i = 0; i < t.length(); i++) {
            t.set(i, (float) (0.05 * rng.nextGaussian()));
        }
        bias.fill(-1f);
        pendingDataInit = true;
    }

    /**
     * Data-dependent initialisation, on the first group of the first forward pass after {@link #initialize} (in
     * the trainer: the first real half): each kernel's columns of T are scaled so that the mean over the group's
     * rows of the L1 distance to their nearest other row is {@link #INIT_NEAREST_DISTANCE}, and b_b is set to
     * minus the mean over the group of that kernel's o_b - b_b, so o starts centred at 0. Needs M^T in {@code mt};
     * rescales it in place.
     */
    private void dataInit(int rows, int g) {
        if (g < 2) {
            return;
        }
        float[] nearest = new float[g];
        for (int b = 0; b < kernels; b++) {
            int base = b * dims * rows;
            java.util.Arrays.fill(nearest, Float.POSITIVE_INFINITY);
            for (int i = 0; i < g - 1; i++) {
                distances(base, rows, i, g);
                for (int j = i + 1; j < g; j++) {
                    nearest[i] = Math.min(nearest[i], pair[j]);
                    nearest[j] = Math.min(nearest[j], pair[j]);
                }
            }
            double mean = 0;
            for (int i = 0; i < g; i++) {
                mean += nearest[i];
            }
            mean /= g;
            if (!(mean > 0) || !Double.isFinite(mean)) {
                continue; // all rows identical: nothing to scale by
            }
            float s = (float) (INIT_NEAREST_DISTANCE / mean);
            for (int k = 0; k < a; k++) {
                for (int c = 0; c < dims; c++) {
                    int at = k * bc + b * dims + c;
                    t.set(at, t.get(at) * s);
                }
            }
        }
    }

    @Override
    public void setGroupRows(int groupRows) {
        this.groupRows = groupRows;
    }

    @Override
    public void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        release();
        mtNative = FloatVec.allocate(bc * rows);
        mt = new float[bc * rows];
        dmt = new float[bc * rows];
        og = new float[kernels * rows];
        pair = new float[rows];
        // Enough for two groups of rows/2 (D's real and fake halves), the trainer's largest grouping.
        cache = new float[(int) Math.min((long) rows * rows / 4 * kernels, CACHE_LIMIT)];
        capacity = rows;
    }

    @Override
    public void release() {
        if (mtNative != null) {
            mtNative.close();
            mtNative = null;
        }
        capacity = 0;
        cachedRows = -1;
    }

    private int group(int rows) {
        return groupRows <= 0 ? rows : Math.min(groupRows, rows);
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        // M^T (BC x rows) = T^T f^T: kernel values of consecutive rows are contiguous for the pair loops.
        Blas.sgemm(true, true, bc, rows, a, 1f, t, bc, x, a, 0f, mtNative, rows);
        mtNative.buffer().get(0, mt, 0, bc * rows);
        int g = group(rows);
        boolean init = pendingDataInit;
        if (init) {
            pendingDataInit = false;
            dataInit(rows, g);
            Blas.sgemm(true, true, bc, rows, a, 1f, t, bc, x, a, 0f, mtNative, rows);
            mtNative.buffer().get(0, mt, 0, bc * rows);
        }
        long pairs = pairTerms(rows, g);
        boolean store = pairs <= cache.length;
        cachedRows = store ? rows : -1;
        cachedGroup = g;
        java.util.Arrays.fill(og, 0, kernels * rows, 0f);
        int p = 0;
        for (int g0 = 0; g0 < rows; g0 += g) {
            int g1 = Math.min(g0 + g, rows);
            for (int b = 0; b < kernels; b++) {
                int base = b * dims * rows;
                int ob = b * rows;
                for (int i = g0; i < g1 - 1; i++) {
                    distances(base, rows, i, g1);
                    float acc = 0f;
                    for (int j = i + 1; j < g1; j++) {
                        float e = (float) Math.exp(-pair[j]);
                        pair[j] = e;
                        acc += e;
                        og[ob + j] += e;
                    }
                    og[ob + i] += acc;
                    if (store) {
                        System.arraycopy(pair, i + 1, cache, p, g1 - i - 1);
                        p += g1 - i - 1;
                    }
                }
            }
        }
        // The mean over the other rows of the group (a deviation from the paper's sum, see the class comment).
        for (int g0 = 0; g0 < rows; g0 += g) {
            int g1 = Math.min(g0 + g, rows);
            float inv = 1f / Math.max(1, g1 - g0 - 1);
            for (int b = 0; b < kernels; b++) {
                for (int i = g0; i < g1; i++) {
                    og[b * rows + i] *= inv;
                }
            }
        }
        if (init && g >= 2) {
            for (int b = 0; b < kernels; b++) {
                double mean = 0;
                for (int i = 0; i < g; i++) {
                    mean += og[b * rows + i];
                }
                bias.set(b, (float) (-mean / g));
            }
        }
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        FloatBuffer bb = bias.buffer();
        int w = a + kernels;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < a; k++) {
                yb.put(i * w + k, xb.get(i * a + k));
            }
            for (int b = 0; b < kernels; b++) {
                yb.put(i * w + a + b, og[b * rows + i] + bb.get(b));
            }
        }
    }

    /** pair[j] = ||M_i,b - M_j,b||_1 for j in (i, end), kernel b starting at {@code base} of M^T. */
    private void distances(int base, int rows, int i, int end) {
        float[] m = mt;
        float[] d = pair;
        float mi = m[base + i];
        for (int j = i + 1; j < end; j++) {
            d[j] = Math.abs(m[base + j] - mi);
        }
        for (int c = 1; c < dims; c++) {
            int bcOff = base + c * rows;
            float mc = m[bcOff + i];
            for (int j = i + 1; j < end; j++) {
                d[j] += Math.abs(m[bcOff + j] - mc);
            }
        }
    }

    /** Number of (pair, kernel) terms of a pass: groups of g rows, the last one shorter. */
    private long pairTerms(int rows, int g) {
        long full = rows / g;
        long rest = rows % g;
        return (full * g * (g - 1) / 2 + rest * (rest - 1) / 2) * kernels;
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        FloatBuffer gy = dy.buffer();
        int w = a + kernels;
        for (int i = 0; i < rows; i++) {
            for (int b = 0; b < kernels; b++) {
                og[b * rows + i] = gy.get(i * w + a + b);
            }
        }
        int g = group(rows);
        boolean cached = cachedRows == rows && cachedGroup == g;
        java.util.Arrays.fill(dmt, 0, bc * rows, 0f);
        int p = 0;
        for (int g0 = 0; g0 < rows; g0 += g) {
            int g1 = Math.min(g0 + g, rows);
            float ginv = 1f / Math.max(1, g1 - g0 - 1); // do/d(sum) of the mean
            for (int b = 0; b < kernels; b++) {
                int base = b * dims * rows;
                int ob = b * rows;
                for (int i = g0; i < g1 - 1; i++) {
                    // pair[j] = (g_i + g_j) e_ij: the weight of the pair in both rows' gradients.
                    if (cached) {
                        System.arraycopy(cache, p, pair, i + 1, g1 - i - 1);
                        p += g1 - i - 1;
                    } else {
                        distances(base, rows, i, g1);
                        for (int j = i + 1; j < g1; j++) {
                            pair[j] = (float) Math.exp(-pair[j]);
                        }
                    }
                    float gi = og[ob + i] * ginv;
                    for (int j = i + 1; j < g1; j++) {
                        pair[j] *= gi + og[ob + j] * ginv;
                    }
                    for (int c = 0; c < dims; c++) {
                        int off = base + c * rows;
                        float mi = mt[off + i];
                        float acc = 0f;
                        for (int j = i + 1; j < g1; j++) {
                            // sign(M_i - M_j) times the pair weight; at a tie copySign picks +-1, a valid
                            // subgradient of |.| (used with opposite signs for i and j, as it must be).
                            float s = Math.copySign(1f, mi - mt[off + j]) * pair[j];
                            acc += s;
                            dmt[off + j] += s;
                        }
                        dmt[off + i] -= acc;
                    }
                }
            }
        }
        // M^T is still on the heap; its native buffer now carries dM^T to the two products below.
        mtNative.buffer().put(0, dmt, 0, bc * rows);
        if (paramGrads) {
            // dT (A x BC) = f^T dM = f^T (dM^T)^T
            Blas.sgemm(true, true, a, bc, rows, 1f, x, a, mtNative, rows, 0f, dt, bc);
            FloatBuffer db = dbias.buffer();
            for (int b = 0; b < kernels; b++) {
                float s = 0f;
                for (int i = 0; i < rows; i++) {
                    s += og[b * rows + i];
                }
                db.put(b, s);
            }
        }
        if (dx != null) {
            // f passes straight through to y's first A columns; then add dM T^T = (dM^T)^T T^T.
            FloatBuffer dxb = dx.buffer();
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < a; k++) {
                    dxb.put(i * a + k, gy.get(i * w + k));
                }
            }
            Blas.sgemm(true, true, rows, a, bc, 1f, mtNative, rows, t, bc, 1f, dx, a);
        }
    }
}
