package dev.ganplayground.config;

/**
 * The mode-collapse alarm, evaluated at every evaluation of a distribution with modes (ring, grid, drawn).
 * <p>Rule: the alarm is <b>raised</b> when, for {@code checks} consecutive evaluations, modes captured
 * &lt;= {@code collapseFraction} x modes while the high-quality fraction stays &gt;= {@code minHq} (the samples
 * are good, but crowd into few modes: collapse, not failure to learn). It <b>clears</b> ("all modes recovered")
 * when, for {@code checks} consecutive evaluations, modes captured &gt;= {@code recoverFraction} x modes.
 * Live-tunable.
 *
 * @param collapseFraction in (0, 1]; default 0.5 (half the modes or fewer)
 * @param minHq            in [0, 1]; default 0.5
 * @param recoverFraction  in (0, 1]; default 1.0 (every mode captured again); must be &gt; collapseFraction
 * @param checks           consecutive evaluations, in [1, 100]; default 3
 */
public record AlarmConfig(double collapseFraction, double minHq, double recoverFraction, int checks) {
    void validate(Validator v, String at) {
        v.rangeAbove(at + "/collapseFraction", collapseFraction, 0.0, 1.0);
        v.range(at + "/minHq", minHq, 0.0, 1.0);
        v.rangeAbove(at + "/recoverFraction", recoverFraction, 0.0, 1.0);
        v.intRange(at + "/checks", checks, 1, 100);
        if (Double.isFinite(collapseFraction) && Double.isFinite(recoverFraction)) {
            v.require(recoverFraction > collapseFraction, at + "/recoverFraction",
                    "must be greater than collapseFraction (" + collapseFraction + "), found " + recoverFraction);
        }
    }
}
