package dev.ganplayground.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The real distribution. Live-tunable: changing it while training makes G chase the new target.
 *
 * @param kind   which distribution (see {@link DatasetKind}); default {@code ring8}
 * @param points for {@code drawn} only: the user's points as [x, y] pairs in data units, 1 to
 *               {@value #MAX_POINTS} of them, each coordinate in [-{@value #MAX_ABS}, {@value #MAX_ABS}];
 *               ignored (and best left empty) for the other kinds
 * @param spread for {@code drawn}: standard deviation of the blob around each drawn point; for {@code spiral} and
 *               {@code moons}: the Gaussian noise added to each sample. Data units, in [0, 1], default 0.05.
 *               Ring and grid keep PacGAN's exact sigmas and ignore it.
 */
public record DataConfig(DatasetKind kind, List<List<Double>> points, double spread) {
    public static final int MAX_POINTS = 2000;
    public static final double MAX_ABS = 10.0;

    public DataConfig {
        // Not List.copyOf: a null point is reported by validate() with its pointer, not thrown here.
        points = points == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(points));
    }

    void validate(Validator v, String at) {
        v.notNull(kind, at + "/kind");
        v.range(at + "/spread", spread, 0.0, 1.0);
        v.require(points.size() <= MAX_POINTS, at + "/points",
                "must have at most " + MAX_POINTS + " points, found " + points.size());
        if (kind == DatasetKind.DRAWN) {
            v.require(!points.isEmpty(), at + "/points", "must have at least 1 point for kind 'drawn'");
        }
        for (int i = 0; i < points.size() && i < MAX_POINTS; i++) {
            List<Double> p = points.get(i);
            String pp = at + "/points/" + i;
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
                v.fail(pp, "must be an [x, y] pair of numbers");
                continue;
            }
            v.range(pp + "/0", p.get(0), -MAX_ABS, MAX_ABS);
            v.range(pp + "/1", p.get(1), -MAX_ABS, MAX_ABS);
        }
    }
}
