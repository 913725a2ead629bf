package dev.ganplayground.config;

/**
 * One network's optimizer. Live-tunable; switching the kind keeps the parameters and starts the new rule's
 * state (Adam moments, SGD velocity) from zero.
 *
 * @param kind     {@code adam} or {@code sgd}; default {@code adam}
 * @param lr       learning rate, in (0, 10]; default 1e-3
 * @param beta1    Adam's first-moment decay, in [0, 1); default 0.5 (Radford et al. 2016; 0.9 oscillates in GANs)
 * @param beta2    Adam's second-moment decay, in [0, 1); default 0.999
 * @param momentum SGD heavy-ball momentum, in [0, 1); 0 is plain SGD (the default)
 */
public record OptimizerConfig(OptimizerKind kind, double lr, double beta1, double beta2, double momentum) {
    void validate(Validator v, String at) {
        v.notNull(kind, at + "/kind");
        v.rangeAbove(at + "/lr", lr, 0.0, 10.0);
        v.rangeBelow(at + "/beta1", beta1, 0.0, 1.0);
        v.rangeBelow(at + "/beta2", beta2, 0.0, 1.0);
        v.rangeBelow(at + "/momentum", momentum, 0.0, 1.0);
    }
}
