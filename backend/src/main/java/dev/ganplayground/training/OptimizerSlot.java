package dev.ganplayground.training;

import dev.ganplayground.config.OptimizerConfig;
import dev.ganplayground.config.OptimizerKind;
import dev.ganplayground.nn.Adam;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Optimizer;
import dev.ganplayground.nn.Sgd;

/**
 * One network's optimizer as the live config describes it: hyperparameter changes keep the state, a change of
 * kind starts the new rule's state from zero (OptimizerConfig's contract).
 */
final class OptimizerSlot implements AutoCloseable {
    private final int size;
    private OptimizerKind kind;
    private Optimizer optimizer;

    OptimizerSlot(int size, OptimizerConfig config) {
        this.size = size;
        configure(config);
    }

    void configure(OptimizerConfig c) {
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

    void step(FloatVec params, FloatVec grads) {
        optimizer.step(params, grads);
    }

    /** The rule's state vectors and update count (see {@link Optimizer#state()}). */
    Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
