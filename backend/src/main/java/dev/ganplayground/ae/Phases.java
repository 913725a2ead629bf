package dev.ganplayground.ae;

/**
 * A run's phase schedule as a function of the step, so a restored checkpoint resumes its phase: greedy layer-wise
 * training has phaseSteps steps per encoder block, then fine-tunes the stack for good; the pretraining experiment
 * trains its autoencoder for phaseSteps steps, then the classifiers; other runs have no phases.
 */
final class Phases {
    private enum Kind { NONE, GREEDY, PRETRAINING }

    private final Kind kind;
    private final int blocks;
    private final int phaseSteps;
    private final int labels;

    private Phases(Kind kind, int blocks, int phaseSteps, int labels) {
        this.kind = kind;
        this.blocks = blocks;
        this.phaseSteps = phaseSteps;
        this.labels = labels;
    }

    static Phases none() {
        return new Phases(Kind.NONE, 0, 1, 0);
    }

    /** One phase per encoder block ({@code blocks}), then fine-tuning. */
    static Phases greedy(int blocks, int phaseSteps) {
        return new Phases(Kind.GREEDY, blocks, phaseSteps, 0);
    }

    /** The autoencoder, then the classifiers on {@code labels} labelled examples. */
    static Phases pretraining(int phaseSteps, int labels) {
        return new Phases(Kind.PRETRAINING, 1, phaseSteps, labels);
    }

    boolean greedy() {
        return kind == Kind.GREEDY;
    }

    boolean pretraining() {
        return kind == Kind.PRETRAINING;
    }

    /** The phase of step {@code s} (0 for runs without phases). */
    int index(long s) {
        return kind == Kind.NONE ? 0 : (int) Math.min(s / phaseSteps, blocks);
    }

    /** Greedy: whether step {@code s} trains a shallow autoencoder (not the whole stack). */
    boolean shallow(long s) {
        return kind == Kind.GREEDY && index(s) < blocks;
    }

    /** Pretraining: whether step {@code s} trains the classifiers. */
    boolean classifiers(long s) {
        return kind == Kind.PRETRAINING && index(s) == 1;
    }

    /** Where step {@code s} is, or null without phases. */
    AutoencoderTrainer.Phase at(long s) {
        if (kind == Kind.NONE) {
            return null;
        }
        int i = index(s);
        double progress = (s % phaseSteps) / (double) phaseSteps;
        if (kind == Kind.PRETRAINING) {
            return i == 0 ? new AutoencoderTrainer.Phase(0, 2, "pretraining the autoencoder (no labels)", progress)
                    : new AutoencoderTrainer.Phase(1, 2, "training both classifiers on " + labels + " labels", 0);
        }
        if (i == blocks) {
            return new AutoencoderTrainer.Phase(i, blocks + 1, "fine-tuning the stack", 0);
        }
        String on = i == 0 ? "on the data" : "on layer " + i + "'s codes";
        return new AutoencoderTrainer.Phase(i, blocks + 1, "autoencoder " + (i + 1) + " of " + blocks + " (" + on + ")",
                progress);
    }
}
