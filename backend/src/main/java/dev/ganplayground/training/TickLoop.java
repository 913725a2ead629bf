package dev.ganplayground.training;

/**
 * The step loop every trainer runs in a tick: per step {@code dSteps} D updates then one G update, or one kind of
 * update only ({@link StepMode}). A {@link NonFiniteException} from an update ends the loop before that update is
 * applied; the steps completed before it stay counted.
 */
final class TickLoop {
    private TickLoop() {
    }

    /**
     * Runs {@code steps} steps, calling {@code stepDone} after each, and returns the seconds they took.
     *
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    static double run(int steps, StepMode mode, int dSteps, Runnable discriminatorStep, Runnable generatorStep,
                      Runnable stepDone) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            switch (mode) {
                case BOTH -> {
                    for (int k = 0; k < dSteps; k++) {
                        discriminatorStep.run();
                    }
                    generatorStep.run();
                }
                case D_ONLY -> discriminatorStep.run();
                case G_ONLY -> generatorStep.run();
            }
            stepDone.run();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
