package dev.ganplayground.model;

import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * ProGAN's fade-in (Karras et al. 2018, section 3 and Fig. 2) as one {@link Layer}: two chains of layers read the
 * same input and the output is {@code (1 - alpha) old(x) + alpha new(x)}. In G the old chain is the previous
 * resolution's toRGB then a 2x upsampling, the new chain the new block then its toRGB; in D the old chain is a 2x
 * downsampling then the previous fromRGB, the new chain the new fromRGB then the new block. Both chains must map the
 * same input width to the same output width.
 *
 * <p>Parameters: the old chain's layers then the new chain's, each layer's own order, in the slice {@link #bind}
 * gives. Each chain keeps its own activation and gradient buffers (grown by {@link #reserve}); backward sends
 * {@code (1 - alpha) dy} down the old chain and {@code alpha dy} down the new one and sums their input gradients.
 * alpha changes between passes only ({@link #setAlpha}).
 */
public final class FadeIn implements Layer {
    private final Layer[] oldChain;
    private final Layer[] newChain;
    private final int in;
    private final int out;
    private float alpha;
    private int capacity;
    /** Per chain: the outputs of each layer, and the gradients w.r.t. them. */
    private FloatVec[] oldActs = new FloatVec[0];
    private FloatVec[] oldDeltas = new FloatVec[0];
    private FloatVec[] newActs = new FloatVec[0];
    private FloatVec[] newDeltas = new FloatVec[0];
    /** The new chain's input gradient, before it is added to the old chain's. */
    private FloatVec newDx;

    public FadeIn(List<Layer> oldChain, List<Layer> newChain) {
        if (oldChain.isEmpty() || newChain.isEmpty()) {
            throw new IllegalArgumentException("both chains need at least one layer");
        }
        this.oldChain = oldChain.toArray(new Layer[0]);
        this.newChain = newChain.toArray(new Layer[0]);
        checkChain(this.oldChain);
        checkChain(this.newChain);
        in = this.oldChain[0].inputWidth();
        out = this.oldChain[this.oldChain.length - 1].outputWidth();
        if (this.newChain[0].inputWidth() != in || this.newChain[this.newChain.length - 1].outputWidth() != out) {
            throw new IllegalArgumentException("the chains map " + in + " -> " + out + " and "
                    + this.newChain[0].inputWidth() + " -> " + this.newChain[this.newChain.length - 1].outputWidth());
        }
    }

    private static void checkChain(Layer[] chain) {
        for (int i = 1; i < chain.length; i++) {
            if (chain[i].inputWidth() != chain[i - 1].outputWidth()) {
                throw new IllegalArgumentException("layer " + i + " of a chain takes " + chain[i].inputWidth()
                        + " features but layer " + (i - 1) + " gives " + chain[i - 1].outputWidth());
            }
        }
    }

    /** The old chain's layers then the new chain's (the parameter order). */
    public List<Layer> layers() {
        Layer[] all = new Layer[oldChain.length + newChain.length];
        System.arraycopy(oldChain, 0, all, 0, oldChain.length);
        System.arraycopy(newChain, 0, all, oldChain.length, newChain.length);
        return List.of(all);
    }

    /** Weight of the new chain, in [0, 1]. */
    public float alpha() {
        return alpha;
    }

    public void setAlpha(float alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], found " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public int inputWidth() {
        return in;
    }

    @Override
    public int outputWidth() {
        return out;
    }

    @Override
    public int parameterCount() {
        int n = 0;
        for (Layer l : layers()) {
            n += l.parameterCount();
        }
        return n;
    }

    @Override
    public void bind(FloatVec params, FloatVec grads) {
        int at = 0;
        for (Layer l : layers()) {
            int n = l.parameterCount();
            l.bind(params.view(at, n), grads.view(at, n));
            at += n;
        }
    }

    @Override
    public void initialize(SplittableRandom rng) {
        for (Layer l : layers()) {
            l.initialize(rng);
        }
    }

    @Override
    public void setGroupRows(int groupRows) {
        for (Layer l : layers()) {
            l.setGroupRows(groupRows);
        }
    }

    @Override
    public void reserve(int rows) {
        if (rows <= capacity) {
            return;
        }
        freeBuffers();
        oldActs = allocate(oldChain, rows);
        oldDeltas = allocate(oldChain, rows);
        newActs = allocate(newChain, rows);
        newDeltas = allocate(newChain, rows);
        newDx = FloatVec.allocate(rows * in);
        for (Layer l : layers()) {
            l.reserve(rows);
        }
        capacity = rows;
    }

    private static FloatVec[] allocate(Layer[] chain, int rows) {
        FloatVec[] v = new FloatVec[chain.length];
        for (int i = 0; i < chain.length; i++) {
            v[i] = FloatVec.allocate(rows * chain[i].outputWidth());
        }
        return v;
    }

    private void freeBuffers() {
        for (FloatVec[] vs : new FloatVec[][]{oldActs, oldDeltas, newActs, newDeltas}) {
            for (FloatVec v : vs) {
                v.close();
            }
        }
        if (newDx != null) {
            newDx.close();
            newDx = null;
        }
    }

    @Override
    public void release() {
        freeBuffers();
        oldActs = oldDeltas = newActs = newDeltas = new FloatVec[0];
        capacity = 0;
        for (Layer l : layers()) {
            l.release();
        }
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        reserve(rows);
        FloatVec o = run(oldChain, oldActs, x, rows);
        FloatVec n = run(newChain, newActs, x, rows);
        FloatBuffer ob = o.buffer();
        FloatBuffer nb = n.buffer();
        FloatBuffer yb = y.buffer();
        float keep = 1f - alpha;
        for (int i = 0, end = rows * out; i < end; i++) {
            yb.put(i, keep * ob.get(i) + alpha * nb.get(i));
        }
    }

    private static FloatVec run(Layer[] chain, FloatVec[] acts, FloatVec x, int rows) {
        FloatVec cur = x;
        for (int i = 0; i < chain.length; i++) {
            chain[i].forward(cur, acts[i], rows);
            cur = acts[i];
        }
        return cur;
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null && !paramGrads) {
            return;
        }
        scale(dy, oldDeltas[oldChain.length - 1], 1f - alpha, rows * out);
        scale(dy, newDeltas[newChain.length - 1], alpha, rows * out);
        back(oldChain, oldActs, oldDeltas, x, dx, rows, paramGrads);
        back(newChain, newActs, newDeltas, x, dx == null ? null : newDx, rows, paramGrads);
        if (dx != null) {
            FloatBuffer db = dx.buffer();
            FloatBuffer nb = newDx.buffer();
            for (int i = 0, end = rows * in; i < end; i++) {
                db.put(i, db.get(i) + nb.get(i));
            }
        }
    }

    private static void scale(FloatVec src, FloatVec dst, float k, int n) {
        FloatBuffer s = src.buffer();
        FloatBuffer d = dst.buffer();
        for (int i = 0; i < n; i++) {
            d.put(i, k * s.get(i));
        }
    }

    private static void back(Layer[] chain, FloatVec[] acts, FloatVec[] deltas, FloatVec x, FloatVec dx, int rows,
                             boolean paramGrads) {
        for (int i = chain.length - 1; i >= 0; i--) {
            FloatVec in = i == 0 ? x : acts[i - 1];
            FloatVec d = i == 0 ? dx : deltas[i - 1];
            chain[i].backward(in, acts[i], deltas[i], d, rows, paramGrads);
        }
    }
}
