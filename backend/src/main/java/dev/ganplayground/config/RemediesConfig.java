package dev.ganplayground.config;

/**
 * Remedies against mode collapse (shared/REFERENCES.md 3.4, 3.5 and PacGAN). Each can be switched per run.
 *
 * @param minibatchDiscrimination Salimans et al. 2016: a layer before D's output that lets D compare samples
 *                                within a minibatch. Structural (changes D): switching it rebuilds the networks.
 * @param replay                  experience replay of past generator outputs (SimGAN's history buffer).
 *                                Live-tunable.
 * @param packing                 PacGAN's m: D judges m samples concatenated, in [1, {@value #MAX_PACKING}];
 *                                1 is off (the default). Structural (changes D's input width).
 * @param realLabel               target for real samples in D's loss: 1.0 is off (the default), 0.9 is Salimans et
 *                                al.'s one-sided label smoothing; in [0.5, 1]. Applies to the logistic and
 *                                least-squares losses (hinge has no target). Live-tunable.
 */
public record RemediesConfig(MinibatchDiscriminationConfig minibatchDiscrimination, ReplayConfig replay,
                             int packing, double realLabel) {
    public static final int MAX_PACKING = 4;

    void validate(Validator v, String at) {
        if (minibatchDiscrimination == null) {
            v.fail(at + "/minibatchDiscrimination", "is required");
        } else {
            minibatchDiscrimination.validate(v, at + "/minibatchDiscrimination");
        }
        if (replay == null) {
            v.fail(at + "/replay", "is required");
        } else {
            replay.validate(v, at + "/replay");
        }
        v.intRange(at + "/packing", packing, 1, MAX_PACKING);
        v.range(at + "/realLabel", realLabel, 0.5, 1.0);
    }

    /** True when the remedies that shape D differ (minibatch discrimination, packing). */
    boolean structurallyDiffers(RemediesConfig next) {
        return packing != next.packing || !minibatchDiscrimination.equals(next.minibatchDiscrimination);
    }
}
