package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;

import java.util.function.IntSupplier;

/**
 * How many native (OpenMP) threads a run's thread gives ND4J, chosen before every tick of an image run. A lone
 * image run gets {@code convThreads}: its oneDNN convolutions scale to 2 cores (~1.3x on the DCGAN,
 * docs/benchmarks.md). A 2D run always gets one: its small matrix products are ~2.5x slower spread over two
 * cores (shared/DESIGN.md "Facts"). While several runs train, each gets one, so they use the cores side by side
 * instead of competing for them. The setting is the run thread's own (nn/NativeThreads): it never leaks to other
 * runs, and {@link Run} restores the thread's previous value when it ends (the thread pool reuses threads).
 */
final class NativeThreadPolicy {
    private final int convThreads;
    private final IntSupplier trainingRuns;

    /**
     * @param convThreads  threads of a lone image run (>= 1)
     * @param trainingRuns how many runs are training now (state RUNNING, the asking run included)
     */
    NativeThreadPolicy(int convThreads, IntSupplier trainingRuns) {
        if (convThreads < 1) {
            throw new IllegalArgumentException("convThreads must be >= 1, found " + convThreads);
        }
        this.convThreads = convThreads;
        this.trainingRuns = trainingRuns;
    }

    /** One thread everywhere (tests, and runs created without a registry). */
    static NativeThreadPolicy single() {
        return new NativeThreadPolicy(1, () -> 1);
    }

    /** The native threads for a run with {@code config} now. */
    int threadsFor(RunConfig config) {
        boolean conv = config.isImageRun() || (config.isAutoencoderRun()
                && config.model().autoencoder().kind() == dev.ganplayground.config.AutoencoderKind.CONV);
        return conv && convThreads > 1 && trainingRuns.getAsInt() <= 1 ? convThreads : 1;
    }
}
