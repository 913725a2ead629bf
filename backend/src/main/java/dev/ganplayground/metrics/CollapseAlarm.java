package dev.ganplayground.metrics;

import dev.ganplayground.config.AlarmConfig;

import java.util.Objects;
import java.util.Optional;

/**
 * The mode-collapse alarm: a small state machine fed one evaluation at a time (rule in {@link AlarmConfig}).
 * It is raised when, for {@code checks} consecutive evaluations, few modes are captured while the samples stay
 * high quality (collapse, as opposed to a generator that has not learned anything yet), and it clears when, for
 * {@code checks} consecutive evaluations, (nearly) all modes are captured again. Thresholds may change live; the
 * streaks then continue under the new thresholds.
 */
public final class CollapseAlarm {
    /** What changed at one evaluation. */
    public enum Kind { COLLAPSE, RECOVERED }

    /**
     * One raise or clear.
     *
     * @param kind       raised (collapse) or cleared (recovered)
     * @param step       the step of the evaluation that completed the streak
     * @param captured   modes captured at that evaluation
     * @param modes      modes of the distribution
     * @param hqFraction high-quality fraction at that evaluation
     */
    public record Event(Kind kind, long step, int captured, int modes, double hqFraction) {
        /** One sentence for the banner. */
        public String message() {
            return kind == Kind.COLLAPSE
                    ? String.format("Mode collapse at step %,d: %d of %d modes captured (%.0f%% high quality)",
                            step, captured, modes, 100 * hqFraction)
                    : String.format("All modes recovered at step %,d: %d of %d modes captured", step, captured,
                            modes);
        }
    }

    private AlarmConfig config;
    private boolean raised;
    private int collapseStreak;
    private int recoverStreak;

    public CollapseAlarm(AlarmConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public void reconfigure(AlarmConfig next) {
        this.config = Objects.requireNonNull(next, "next");
    }

    public boolean raised() {
        return raised;
    }

    /** Starts over (after a reset or a new distribution). */
    public void clear() {
        raised = false;
        collapseStreak = 0;
        recoverStreak = 0;
    }

    /** Feeds one evaluation; returns the event if the alarm was raised or cleared by it. */
    public Optional<Event> update(long step, int captured, int modes, double hqFraction) {
        if (modes <= 0) {
            return Optional.empty();
        }
        boolean collapsed = captured <= config.collapseFraction() * modes && hqFraction >= config.minHq();
        boolean recovered = captured >= config.recoverFraction() * modes;
        collapseStreak = collapsed ? collapseStreak + 1 : 0;
        recoverStreak = recovered ? recoverStreak + 1 : 0;
        if (!raised && collapseStreak >= config.checks()) {
            raised = true;
            recoverStreak = 0;
            return Optional.of(new Event(Kind.COLLAPSE, step, captured, modes, hqFraction));
        }
        if (raised && recoverStreak >= config.checks()) {
            raised = false;
            collapseStreak = 0;
            return Optional.of(new Event(Kind.RECOVERED, step, captured, modes, hqFraction));
        }
        return Optional.empty();
    }
}
