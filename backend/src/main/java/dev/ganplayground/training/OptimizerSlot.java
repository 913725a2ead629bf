package dev.ganplayground.training;

import dev.ganplayground.config.OptimizerConfig;
import dev.ganplayground.config.OptimizerKind;
import dev.ganplayground.nn.Adam;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Optimizer;
import dev.ganplayground.nn.Sgd;

import java.util.ArrayList;
import java.util.List;

/**
 * One network's optimizer as the live config describes it: hyperparameter changes keep the state, a change of
 * kind starts the new rule's state from zero (OptimizerConfig's contract). Public for the autoencoder trainers of
 * package {@code ae}.
 */
public final class OptimizerSlot implements AutoCloseable {
    private final int size;
    /** The parameters before the update under way, to undo one that overflows. */
    private final FloatVec backup;
    private OptimizerKind kind;
    private Optimizer optimizer;

    public OptimizerSlot(int size, OptimizerConfig config) {
        this.size = size;
        this.backup = FloatVec.allocate(size);
        configure(config);
    }

    public void configure(OptimizerConfig c) {
        if (c.kind() != kind) {
            if (optimizer != null) {
                optimizer.close();
            }
            optimizer = c.kind() == OptimizerKind.ADAM ? new Adam(size) : new Sgd(size);
            kind = c.kind();
        }
        if (optimizer instanceof Adam a) {
            a.set(c.lr(), c.beta1(), c.beta2());
        } else if (optimizer instanceof Sgd s) {
            s.set(c.lr(), c.momentum());
        }
    }

    /** A heap copy of the state. */
    public OptimizerState capture() {
        List<FloatVec> live = optimizer.state();
        List<float[]> copies = new ArrayList<>(live.size());
        for (FloatVec v : live) {
            copies.add(v.toArray());
        }
        return new OptimizerState(kind, optimizer.steps(), copies);
    }

    /** Puts a captured state back; the slot must already be configured for the same kind and size. */
    public void restore(OptimizerState s) {
        List<FloatVec> live = optimizer.state();
        if (s.kind() != kind || s.vectors().size() != live.size()) {
            throw new IllegalArgumentException("optimizer state of " + s.kind() + " does not fit a " + kind
                    + " optimizer");
        }
        for (int i = 0; i < live.size(); i++) {
            float[] v = s.vectors().get(i);
            if (v.length != size) {
                throw new IllegalArgumentException("optimizer state has " + v.length + " floats, expected " + size);
            }
            live.get(i).copyFrom(v, 0, 0, size);
        }
        optimizer.setSteps(s.updates());
    }

    /**
     * Applies one update unless it would leave a parameter NaN or infinite (finite gradients times a huge learning
     * rate can overflow): then the parameters are put back as they were and false is returned. The optimizer's
     * moments keep that step's (finite) gradient.
     */
    public boolean step(FloatVec params, FloatVec grads) {
        int n = params.length();
        backup.buffer().put(0, params.buffer(), 0, n);
        optimizer.step(params, grads);
        if (params.allFinite()) {
            return true;
        }
        params.buffer().put(0, backup.buffer(), 0, n);
        return false;
    }

    /**
     * Starts the rule's state afresh (moments, velocity and update count zeroed) while keeping its kind and
     * hyperparameters: greedy layer-wise training's phases each begin like a new optimizer.
     */
    public void reset() {
        for (FloatVec v : optimizer.state()) {
            v.fill(0f);
        }
        optimizer.setSteps(0);
    }

    /** The rule's state vectors and update count (see {@link Optimizer#state()}). */
    Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public void close() {
        optimizer.close();
        backup.close();
    }
}
