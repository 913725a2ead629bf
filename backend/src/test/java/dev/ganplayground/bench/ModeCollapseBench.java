package dev.ganplayground.bench;

import dev.ganplayground.config.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The mode-collapse self-check: a command, not a test (it asserts nothing). Trains a plain GAN and each remedy on
 * ring8 and grid25 over several seeds with one fixed step budget and prints a markdown table of modes captured,
 * % high quality and reverse KL (mean +- standard error over seeds, PacGAN's metrics from shared/REFERENCES.md 3.1
 * on 2,500 samples at the end of the budget) beside PacGAN Table 1's published rows.
 * <pre>
 * mvn -B -o -q test -Dtest=ModeCollapseBench -Dbench=modes -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * System properties: {@code seeds} (count, default 5: seeds 1..n), {@code steps} (budget per run, default 3000),
 * {@code datasets} (default {@code ring8,grid25}), {@code base} (preset file the architecture comes from, default
 * {@code collapse}), {@code baseOverrides} (JSON applied over it), {@code variants} (comma-separated keys of
 * {@link #VARIANTS}, default all but {@code all}, which is slow: add it by name), {@code threads} (default 2, one GanTrainer per thread).
 * <p>Every variant uses the base preset's networks and optimisers unchanged; only {@code data.kind} and the
 * remedies differ. What should hold is the direction: each remedy captures more modes with a lower reverse KL than
 * the plain GAN under the same budget.
 */
@EnabledIfSystemProperty(named = "bench", matches = "modes")
class ModeCollapseBench {
    /** Label, then the remedies' overrides. */
    static final Map<String, String[]> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("plain", new String[]{"GAN (plain)", "{}"});
        VARIANTS.put("mbd", new String[]{"Minibatch discrimination",
                "{\"remedies\":{\"minibatchDiscrimination\":{\"enabled\":true}}}"});
        VARIANTS.put("pac2", new String[]{"PacGAN2 (packing 2)", "{\"remedies\":{\"packing\":2}}"});
        VARIANTS.put("pac4", new String[]{"PacGAN4 (packing 4)", "{\"remedies\":{\"packing\":4}}"});
        VARIANTS.put("replay", new String[]{"Replay", "{\"remedies\":{\"replay\":{\"enabled\":true}}}"});
        VARIANTS.put("smooth", new String[]{"Label smoothing 0.9", "{\"remedies\":{\"realLabel\":0.9}}"});
        VARIANTS.put("all", new String[]{"All (mbd + pack 2 + replay + 0.9)",
                "{\"remedies\":{\"minibatchDiscrimination\":{\"enabled\":true},\"packing\":2,"
                        + "\"replay\":{\"enabled\":true},\"realLabel\":0.9}}"});
    }

    /** PacGAN Table 1 (shared/REFERENCES.md 3.2): modes, HQ, reverse KL for ring then grid; null where none. */
    static final Map<String, String[]> PUBLISHED = Map.of(
            "plain", new String[]{"6.3±0.5 / 98.2±0.2 / 0.45±0.09", "17.3±0.8 / 94.8±0.7 / 0.70±0.07"},
            "pac2", new String[]{"7.9±0.1 / 95.6±2.0 / 0.07±0.03", "23.8±0.7 / 91.3±0.8 / 0.13±0.04"},
            "pac4", new String[]{"7.8±0.1 / 95.9±1.4 / 0.07±0.02", "24.8±0.2 / 93.6±0.6 / 0.04±0.01"});

    record Job(String variant, String dataset, long seed, RunConfig config) {
    }

    record Stat(double mean, double se) {
        static Stat of(double[] v) {
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m /= v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - m) * (x - m);
            }
            double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
            return new Stat(m, sd / Math.sqrt(v.length));
        }

        String fmt(String f) {
            return String.format(Locale.ROOT, f + " ± " + f, mean, se);
        }
    }

    @Test
    void benchmark() {
        int nSeeds = Integer.getInteger("seeds", 5);
        int steps = Integer.getInteger("steps", 3000);
        int threads = Integer.getInteger("threads", 2);
        String base = System.getProperty("base", "collapse");
        String baseOverrides = System.getProperty("baseOverrides", "{}");
        List<String> datasets = List.of(System.getProperty("datasets", "ring8,grid25").split(","));
        List<String> variants = new ArrayList<>(List.of(System.getProperty("variants",
                "plain,mbd,pac2,pac4,replay,smooth").split(",")));
        List<Job> jobs = new ArrayList<>();
        for (String ds : datasets) {
            for (String v : variants) {
                for (long s = 1; s <= nSeeds; s++) {
                    jobs.add(new Job(v, ds, s, BenchSupport.config(base, s, baseOverrides,
                            "{\"data\":{\"kind\":\"" + ds + "\"}}", VARIANTS.get(v)[1])));
                }
            }
        }
        RunConfig any = jobs.get(0).config();
        System.out.printf("BENCH base preset '%s' + %s: G %s, D %s, %s, latent %d %s, batch %d, loss %s, dSteps %d,"
                        + " Adam G lr %s b1 %s, D lr %s b1 %s; %d steps, %d seeds, %d threads%n", base,
                baseOverrides, any.model().gHidden(), any.model().dHidden(), any.model().gActivation(),
                any.model().latentDim(), any.model().noise(), any.train().batchSize(), any.train().loss(),
                any.train().dSteps(), any.train().optimizerG().lr(), any.train().optimizerG().beta1(),
                any.train().optimizerD().lr(), any.train().optimizerD().beta1(), steps, nSeeds, threads);
        long t0 = System.nanoTime();
        List<BenchSupport.Trace> traces = BenchSupport.parallel(jobs, threads, j -> {
            BenchSupport.Trace t = BenchSupport.run(j.config(), steps, Math.max(100, steps / 10));
            System.out.printf(Locale.ROOT, "BENCH   %s %s seed %d: %s %.0fs%s%n", j.dataset(), j.variant(),
                    j.seed(), t.last(), t.seconds(), t.error() == null ? "" : " ERROR " + t.error());
            return t;
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%n| Variant | Data | Modes captured | %% HQ | Reverse KL | "
                + "Alarm at end | PacGAN Table 1 (modes / %% HQ / rev. KL) |%n|---|---|---|---|---|---|---|%n"));
        Map<String, double[]> plainMeans = new LinkedHashMap<>();
        List<String> direction = new ArrayList<>();
        for (String ds : datasets) {
            int k = ds.equals("grid25") ? 25 : 8;
            for (String v : variants) {
                List<BenchSupport.Trace> ts = new ArrayList<>();
                for (int i = 0; i < jobs.size(); i++) {
                    if (jobs.get(i).variant().equals(v) && jobs.get(i).dataset().equals(ds)) {
                        ts.add(traces.get(i));
                    }
                }
                double[] modes = new double[ts.size()];
                double[] hq = new double[ts.size()];
                double[] kl = new double[ts.size()];
                int alarms = 0;
                int errors = 0;
                for (int i = 0; i < ts.size(); i++) {
                    BenchSupport.Trace t = ts.get(i);
                    if (t.error() != null || t.last() == null) {
                        errors++;
                        kl[i] = Math.log(k);
                        continue;
                    }
                    modes[i] = t.last().captured();
                    hq[i] = 100 * t.last().hqFraction();
                    kl[i] = t.last().reverseKl();
                    alarms += t.raisedAtEnd() ? 1 : 0;
                }
                Stat m = Stat.of(modes);
                Stat kls = Stat.of(kl);
                String[] pub = PUBLISHED.get(v);
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d/%d%s | %s |%n",
                        VARIANTS.get(v)[0], ds, m.fmt("%.1f"), Stat.of(hq).fmt("%.1f"), kls.fmt("%.2f"), alarms,
                        ts.size(), errors > 0 ? " (" + errors + " diverged)" : "",
                        pub == null ? "—" : pub[ds.equals("grid25") ? 1 : 0]));
                if (v.equals("plain")) {
                    plainMeans.put(ds, new double[]{m.mean(), kls.mean()});
                } else if (plainMeans.containsKey(ds)) {
                    double[] p = plainMeans.get(ds);
                    boolean ok = m.mean() > p[0] && kls.mean() < p[1];
                    direction.add(String.format(Locale.ROOT, "%s %s: modes %.1f vs %.1f, rev. KL %.2f vs %.2f -> %s",
                            ds, v, m.mean(), p[0], kls.mean(), p[1], ok ? "better than plain" : "NOT better"));
                }
            }
        }
        System.out.println(md);
        for (String d : direction) {
            System.out.println("BENCH direction " + d);
        }
        System.out.printf(Locale.ROOT, "BENCH wall time %.0f s (%d runs)%n", wall, jobs.size());
    }
}
