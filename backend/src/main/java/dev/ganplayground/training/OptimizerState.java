package dev.ganplayground.training;

import dev.ganplayground.config.OptimizerKind;

import java.util.List;

/**
 * A heap copy of one optimizer's state, for checkpoints.
 *
 * @param kind    the rule the state belongs to
 * @param updates its update counter (Adam's t; 0 for SGD)
 * @param vectors its state vectors in the rule's order (Adam: m, v; SGD: velocity)
 */
public record OptimizerState(OptimizerKind kind, long updates, List<float[]> vectors) {
    public OptimizerState {
        vectors = List.copyOf(vectors);
    }
}
