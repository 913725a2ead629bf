package dev.ganplayground.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A chain of layers with all parameters in one flat native vector and all gradients in another (per-layer views),
 * so an optimizer update or a gradient norm is one loop. Activation and gradient buffers are preallocated for a
 * row capacity and only grow in {@link #ensureCapacity}, which callers run between ticks, never inside a step.
 *
 * <p>{@link #forward} remembers its input; {@link #backward} uses the activations of the last forward pass.
 * Not thread-safe: one network belongs to one training thread.
 */
public final class Sequential implements Network {
    private final Layer[] layers;
    private final FloatVec params;
    private final FloatVec grads;
    private final int[] paramOffsets;
    private FloatVec[] acts = new FloatVec[0];
    private FloatVec[] deltas = new FloatVec[0];
    private int capacity;
    private FloatVec lastInput;
    private final boolean ownsParams;

    public Sequential(List<Layer> layers, int rowCapacity) {
        this(layers, rowCapacity, null, null);
    }

    /**
     * A chain whose parameters and gradients live in the given vectors (views of a bigger network's flat vectors,
     * e.g. a part of StyleGAN's generator), each exactly {@link #parameterCount(List)} floats long; closing the
     * chain does not free them. Null for both: the chain allocates and owns its own.
     */
    public Sequential(List<Layer> layers, int rowCapacity, FloatVec paramStore, FloatVec gradStore) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        this.layers = layers.toArray(new Layer[0]);
        paramOffsets = new int[this.layers.length + 1];
        for (int i = 0; i < this.layers.length; i++) {
            if (i > 0 && this.layers[i].inputWidth() != this.layers[i - 1].outputWidth()) {
                throw new IllegalArgumentException("layer " + i + " takes " + this.layers[i].inputWidth()
                        + " features but layer " + (i - 1) + " gives " + this.layers[i - 1].outputWidth());
            }
            paramOffsets[i + 1] = paramOffsets[i] + this.layers[i].parameterCount();
        }
        int total = paramOffsets[this.layers.length];
        ownsParams = paramStore == null;
        if (!ownsParams && (paramStore.length() != total || gradStore.length() != total)) {
            throw new IllegalArgumentException("the layers have " + total + " parameters, the stores hold "
                    + paramStore.length() + " and " + gradStore.length());
        }
        params = ownsParams ? FloatVec.allocate(total) : paramStore;
        grads = ownsParams ? FloatVec.allocate(total) : gradStore;
        for (int i = 0; i < this.layers.length; i++) {
            int n = this.layers[i].parameterCount();
            this.layers[i].bind(params.view(paramOffsets[i], n), grads.view(paramOffsets[i], n));
        }
        ensureCapacity(rowCapacity);
    }

    /** Initialises every layer in order from one stream (deterministic for a seed). */
    public void initialize(SplittableRandom rng) {
        for (Layer l : layers) {
            l.initialize(rng);
        }
    }

    /** Grows the activation buffers to hold {@code rows} rows; never shrinks. Call between steps only. */
    @Override
    public void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        freeBuffers();
        acts = new FloatVec[layers.length];
        deltas = new FloatVec[layers.length - 1];
        for (int i = 0; i < layers.length; i++) {
            acts[i] = FloatVec.allocate(rows * layers[i].outputWidth());
            if (i < layers.length - 1) {
                deltas[i] = FloatVec.allocate(rows * layers[i].outputWidth());
            }
        }
        for (Layer l : layers) {
            l.reserve(rows);
        }
        capacity = rows;
    }

    /** Sets the group size of every row-mixing layer for the following passes (see {@link Layer#setGroupRows}). */
    @Override
    public void setGroupRows(int groupRows) {
        if (groupRows < 0) {
            throw new IllegalArgumentException("groupRows must be >= 0, found " + groupRows);
        }
        for (Layer l : layers) {
            l.setGroupRows(groupRows);
        }
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public int inputWidth() {
        return layers[0].inputWidth();
    }

    @Override
    public int outputWidth() {
        return layers[layers.length - 1].outputWidth();
    }

    @Override
    public int parameterCount() {
        return params.length();
    }

    public List<Layer> layers() {
        return List.of(layers);
    }

    /** All parameters, layer after layer (each layer's own order, e.g. Dense: W then b). */
    @Override
    public FloatVec parameters() {
        return params;
    }

    /** Gradients, laid out like {@link #parameters()}. */
    @Override
    public FloatVec gradients() {
        return grads;
    }

    /** Runs {@code rows} rows of {@code x} through the network; the result is valid until the next forward. */
    @Override
    public FloatVec forward(FloatVec x, int rows) {
        checkRows(rows);
        lastInput = x;
        FloatVec in = x;
        for (int i = 0; i < layers.length; i++) {
            layers[i].forward(in, acts[i], rows);
            in = acts[i];
        }
        return in;
    }

    /** Output buffer of the last layer (what {@link #forward} returned). */
    public FloatVec output() {
        return acts[layers.length - 1];
    }

    /**
     * Back-propagates {@code dOut} through the last forward pass. Parameter gradients are overwritten when
     * {@code paramGrads}; the input gradient is written to {@code dInput} unless it is null (then the first layer
     * skips that product altogether).
     */
    @Override
    public void backward(FloatVec dOut, int rows, boolean paramGrads, FloatVec dInput) {
        checkRows(rows);
        for (int i = layers.length - 1; i >= 0; i--) {
            FloatVec x = i == 0 ? lastInput : acts[i - 1];
            FloatVec dy = i == layers.length - 1 ? dOut : deltas[i];
            FloatVec dx = i == 0 ? dInput : deltas[i - 1];
            layers[i].backward(x, acts[i], dy, dx, rows, paramGrads);
        }
    }

    /** L2 norm of the whole gradient vector. */
    @Override
    public double gradientNorm() {
        return Math.sqrt(grads.sumOfSquares());
    }

    private void checkRows(int rows) {
        if (rows < 1 || rows > capacity) {
            throw new IllegalArgumentException("rows must be in [1, " + capacity + "], found " + rows);
        }
    }

    private void freeBuffers() {
        for (FloatVec v : acts) {
            v.close();
        }
        for (FloatVec v : deltas) {
            v.close();
        }
    }

    /** Frees every native buffer of this network now. */
    @Override
    public void close() {
        freeBuffers();
        acts = new FloatVec[0];
        deltas = new FloatVec[0];
        capacity = 0;
        for (Layer l : layers) {
            l.release();
        }
        if (ownsParams) {
            params.close();
            grads.close();
        }
    }

    /** Trainable floats of {@code layers} together (the size of the stores a chain over them needs). */
    public static int parameterCount(List<Layer> layers) {
        int n = 0;
        for (Layer l : layers) {
            n += l.parameterCount();
        }
        return n;
    }
}
