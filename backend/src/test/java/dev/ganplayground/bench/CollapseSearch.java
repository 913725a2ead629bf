package dev.ganplayground.bench;

import dev.ganplayground.config.RunConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measurements, not assertions: the search behind the collapse/cure presets. Run with
 * {@code mvn -B -o -q test -Dtest=CollapseSearch -Dbench=collapse -Dsurefire.failIfNoSpecifiedTests=false}.
 * <p>System properties: {@code preset} (file under presets/, default ring8; {@code collapse} once it exists),
 * {@code variants} (JSON overrides separated by ';', each one search point), {@code cure} (JSON overrides added to
 * every variant, e.g. the remedies; empty for the plain side), {@code seeds} (e.g. 1-5 or 42,1,2), {@code steps}
 * (default 5000), {@code every} (default 100, the alarm's evaluation period), {@code threads} (default 2).
 * Prints, per variant and seed, the step the collapse alarm is first raised, raises/clears, the share of
 * evaluations after the first raise with the alarm standing, and modes captured every 500 steps.
 */
@EnabledIfSystemProperty(named = "bench", matches = "collapse")
class CollapseSearch {
    @Test
    void search() {
        String preset = System.getProperty("preset", "ring8");
        String cure = System.getProperty("cure", "{}");
        List<Long> seeds = BenchSupport.seeds(System.getProperty("seeds", "1-5"));
        int steps = Integer.getInteger("steps", 5000);
        int every = Integer.getInteger("every", 100);
        int threads = Integer.getInteger("threads", 2);
        for (String variant : System.getProperty("variants", "{}").split(";")) {
            List<RunConfig> cs = new ArrayList<>();
            for (long s : seeds) {
                cs.add(BenchSupport.config(preset, s, variant, cure));
            }
            long t0 = System.nanoTime();
            List<BenchSupport.Trace> ts = BenchSupport.parallel(cs, threads, c -> BenchSupport.run(c, steps, every));
            int collapsed = 0;
            int held = 0;
            System.out.printf("SEARCH preset=%s variant=%s cure=%s steps=%d%n", preset, variant, cure, steps);
            for (BenchSupport.Trace t : ts) {
                if (t.firstRaise() >= 0 && t.raisedAtEnd() && t.raisedShareAfter() >= 0.9) {
                    collapsed++;
                }
                if (t.firstRaise() < 0 && t.minCapturedTail() == 8) {
                    held++;
                }
                System.out.printf("SEARCH   seed %d: raise@%d raises=%d clears=%d raisedShare=%.2f end=%s "
                                + "last=%d/%.2f/%.2f tailMin=%d %.0fs%s | %s%n",
                        t.seed(), t.firstRaise(), t.raises(), t.clears(), t.raisedShareAfter(), t.raisedAtEnd(),
                        t.last() == null ? -1 : t.last().captured(), t.last() == null ? 0 : t.last().hqFraction(),
                        t.last() == null ? 0 : t.last().reverseKl(), t.minCapturedTail(), t.seconds(),
                        t.error() == null ? "" : " ERROR " + t.error(), t.series(5));
            }
            System.out.printf("SEARCH   => collapsed&stayed %d/%d, held all modes (tail) %d/%d, %.0fs%n",
                    collapsed, ts.size(), held, ts.size(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
