package dev.ganplayground.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganplayground.config.AlarmConfig;
import dev.ganplayground.config.ConfigResolver;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.PointDistribution;
import dev.ganplayground.metrics.ModeCoverage;
import dev.ganplayground.training.GanTrainer;
import dev.ganplayground.training.StepMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Shared by the mode-collapse harnesses: config building from preset files (also those not yet listed in
 * presets/index.json), a training loop that evaluates like the server (run/Evaluation: 2,500 samples from a stream
 * seeded {@code seed ^ 0x5EEDE7A1L}, which also draws 2,500 reals per evaluation) and the collapse alarm's rule
 * (config/AlarmConfig), and a 2-thread runner (one GanTrainer per thread).
 */
final class BenchSupport {
    static final int SAMPLES = 2_500;

    private BenchSupport() {
    }

    static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s == null || s.isBlank() ? "{}" : s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resource(String path) {
        try (InputStream in = BenchSupport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** defaults.json, then presets/{preset}.json's overrides, then each extra JSON object in order, then the seed. */
    static RunConfig config(String preset, long seed, String... extra) {
        JsonNode defaults = resource("presets/defaults.json");
        RunConfig c = ConfigResolver.resolve(defaults, resource("presets/" + preset + ".json").get("overrides"));
        for (String e : extra) {
            c = ConfigResolver.resolve(Json.MAPPER.valueToTree(c), json(e));
        }
        ObjectNode s = Json.MAPPER.createObjectNode().put("seed", seed);
        return ConfigResolver.resolve(Json.MAPPER.valueToTree(c), s);
    }

    /** The alarm's state machine, exactly as AlarmConfig documents it. */
    static final class Alarm {
        private final AlarmConfig cfg;
        private final int modes;
        private int collapsedRun;
        private int recoveredRun;
        boolean raised;

        Alarm(AlarmConfig cfg, int modes) {
            this.cfg = cfg;
            this.modes = modes;
        }

        /** Feeds one evaluation; returns +1 when the alarm is raised now, -1 when it clears now, else 0. */
        int feed(ModeCoverage m) {
            boolean collapsed = m.captured() <= cfg.collapseFraction() * modes && m.hqFraction() >= cfg.minHq();
            boolean recovered = m.captured() >= cfg.recoverFraction() * modes;
            collapsedRun = collapsed ? collapsedRun + 1 : 0;
            recoveredRun = recovered ? recoveredRun + 1 : 0;
            if (!raised && collapsedRun >= cfg.checks()) {
                raised = true;
                return 1;
            }
            if (raised && recoveredRun >= cfg.checks()) {
                raised = false;
                return -1;
            }
            return 0;
        }
    }

    /**
     * One training run's evidence.
     *
     * @param firstRaise     step at which the alarm was first raised, -1 if never
     * @param raises         times the alarm was raised
     * @param clears         times it cleared
     * @param raisedEvals    evaluations at which the alarm stood raised
     * @param evalsAfter     evaluations from the first raise on (inclusive)
     * @param raisedAtEnd    alarm standing at the last evaluation
     * @param series         modes captured at each evaluation
     * @param last           the last evaluation
     * @param minCapturedTail smallest modes captured over the last quarter of the evaluations
     * @param seconds        wall time
     */
    record Trace(long seed, int firstRaise, int raises, int clears, int raisedEvals, int evalsAfter,
                 boolean raisedAtEnd, int[] series, ModeCoverage last, int minCapturedTail, double seconds,
                 String error) {
        double raisedShareAfter() {
            return evalsAfter == 0 ? 0 : (double) raisedEvals / evalsAfter;
        }

        /** Modes captured every {@code stride} evaluations, as a compact string. */
        String series(int stride) {
            StringBuilder sb = new StringBuilder();
            for (int i = stride - 1; i < series.length; i += stride) {
                sb.append(series[i]);
                if (i + stride < series.length) {
                    sb.append(series[i] >= 10 || (i + stride < series.length && series[i + stride] >= 10) ? " " : "");
                }
            }
            return sb.toString();
        }
    }

    /** Trains {@code c} for {@code steps} steps, evaluating every {@code every} steps. */
    static Trace run(RunConfig c, int steps, int every) {
        long t0 = System.nanoTime();
        int evals = steps / every;
        int[] series = new int[evals];
        int firstRaise = -1, raises = 0, clears = 0, raisedEvals = 0, evalsAfter = 0;
        ModeCoverage last = null;
        SplittableRandom rng = new SplittableRandom(c.seed() ^ 0x5EEDE7A1L);
        float[] real = new float[2 * SAMPLES];
        String error = null;
        try (GanTrainer t = new GanTrainer(c)) {
            PointDistribution dist = t.distribution();
            Alarm alarm = new Alarm(c.alarm(), dist.modeCount());
            for (int e = 0; e < evals; e++) {
                try {
                    t.train(every, StepMode.BOTH);
                } catch (RuntimeException ex) {
                    error = ex.getClass().getSimpleName() + " at step " + t.step();
                    series = java.util.Arrays.copyOf(series, e);
                    break;
                }
                float[] fake = t.generate(SAMPLES, rng);
                dist.sample(rng, real, 0, SAMPLES);
                last = ModeCoverage.evaluate(dist, fake, SAMPLES);
                series[e] = last.captured();
                int change = alarm.feed(last);
                if (change > 0) {
                    raises++;
                    if (firstRaise < 0) {
                        firstRaise = (int) t.step();
                    }
                } else if (change < 0) {
                    clears++;
                }
                if (firstRaise >= 0) {
                    evalsAfter++;
                    if (alarm.raised) {
                        raisedEvals++;
                    }
                }
            }
            int minTail = Integer.MAX_VALUE;
            for (int i = series.length - Math.max(1, series.length / 4); i >= 0 && i < series.length; i++) {
                minTail = Math.min(minTail, series[i]);
            }
            return new Trace(c.seed(), firstRaise, raises, clears, raisedEvals, evalsAfter, alarm.raised, series,
                    last, minTail, (System.nanoTime() - t0) / 1e9, error);
        }
    }

    /** Runs {@code job} for each item on {@code threads} threads, results in item order. */
    static <T, R> List<R> parallel(List<T> items, int threads, Function<T, R> job) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> fs = new ArrayList<>();
            for (T item : items) {
                fs.add(pool.submit(() -> job.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : fs) {
                out.add(f.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Long> seeds(String spec) {
        List<Long> out = new ArrayList<>();
        for (String s : spec.split(",")) {
            if (s.contains("-")) {
                String[] r = s.split("-");
                for (long k = Long.parseLong(r[0].trim()); k <= Long.parseLong(r[1].trim()); k++) {
                    out.add(k);
                }
            } else if (!s.isBlank()) {
                out.add(Long.parseLong(s.trim()));
            }
        }
        return out;
    }
}
