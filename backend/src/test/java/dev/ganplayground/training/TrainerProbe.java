package dev.ganplayground.training;

import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measurements, not assertions: run with {@code -Dtest=TrainerProbe -Dprobe=true}. Prints steps/s of the default
 * ring8 config, bytes allocated per step, and the step at which the learning test's coverage is first reached.
 */
@EnabledIfSystemProperty(named = "probe", matches = "true")
class TrainerProbe {
    @Test
    @DisplayName("prints steps/s and per-step allocation of the default ring8 config")
    void speed() {
        RunConfig preset = Presets.load().resolve("ring8", null);
        measure("preset", preset);
        measure("dSteps=1", Presets.load().resolve("ring8", json("{\"train\":{\"dSteps\":1}}")));
    }

    @Test
    @DisplayName("prints steps/s and frame time of ring8 with each remedy alone and all on")
    void remedies() {
        String[][] variants = {
            {"preset", "{}"},
            {"minibatch discrimination (B 16, C 5)", "{\"remedies\":{\"minibatchDiscrimination\":{\"enabled\":true}}}"},
            {"packing 2", "{\"remedies\":{\"packing\":2}}"},
            {"packing 4", "{\"remedies\":{\"packing\":4}}"},
            {"replay (16384, 0.25)", "{\"remedies\":{\"replay\":{\"enabled\":true}}}"},
            {"real label 0.9", "{\"remedies\":{\"realLabel\":0.9}}"},
            {"all on, packing 2", "{\"remedies\":{\"minibatchDiscrimination\":{\"enabled\":true},"
                    + "\"replay\":{\"enabled\":true},\"packing\":2,\"realLabel\":0.9}}"},
            {"all on, packing 4", "{\"remedies\":{\"minibatchDiscrimination\":{\"enabled\":true},"
                    + "\"replay\":{\"enabled\":true},\"packing\":4,\"realLabel\":0.9}}"},
        };
        int steps = Integer.getInteger("steps", 300);
        String only = System.getProperty("only", "");
        for (String[] v : variants) {
            if (!v[0].contains(only)) {
                continue;
            }
            RunConfig c = Presets.load().resolve("ring8", json(v[1]));
            try (GanTrainer t = new GanTrainer(c)) {
                t.train(steps, StepMode.BOTH); // warm up the JIT (and fill part of the replay buffer)
                double best = 0;
                for (int rep = 0; rep < 3; rep++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < steps / 10; i++) {
                        t.train(10, StepMode.BOTH);
                    }
                    best = Math.max(best, steps / ((System.nanoTime() - t0) / 1e9));
                }
                long f0 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    t.frame();
                }
                System.out.printf("PROBE remedy %-38s %7.1f steps/s (best of 3 x %d steps), frame %.1f ms%n", v[0],
                        best, steps, (System.nanoTime() - f0) / 1e6 / 5);
            }
        }
    }

    private static void measure(String label, RunConfig c) {
        System.out.println("PROBE speed of " + label + ": " + c.train());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (GanTrainer t = new GanTrainer(c)) {
            t.train(1500, StepMode.BOTH); // warm up the JIT
            for (int rep = 0; rep < 3; rep++) {
                long a0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                long t0 = System.nanoTime();
                for (int i = 0; i < 100; i++) {
                    t.train(10, StepMode.BOTH);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                long a1 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                System.out.printf("PROBE speed: %.1f steps/s, %.1f bytes allocated per step (incl. 100 reports)%n",
                        1000 / s, (a1 - a0) / 1000.0);
            }
            long a0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            t.train(1000, StepMode.BOTH);
            long a1 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            System.out.printf("PROBE one 1000-step tick: %d bytes allocated in all%n", a1 - a0);
            long f0 = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                t.frame();
            }
            System.out.printf("PROBE frame: %.2f ms%n", (System.nanoTime() - f0) / 1e6 / 20);
        }
    }

    @Test
    @DisplayName("prints covered modes over training for a few seeds")
    void learning() {
        String seeds = System.getProperty("seeds", "1,2,3");
        int every = Integer.getInteger("every", 250);
        int max = Integer.getInteger("max", 5000);
        for (String variant : System.getProperty("variants", "{}").split(";")) {
          System.out.println("PROBE variant " + variant);
          for (String s : seeds.split(",")) {
            RunConfig c = TrainerTestSupport.withSeed(Presets.load().resolve("ring8", json(variant)),
                    Long.parseLong(s));
            try (GanTrainer t = new GanTrainer(c)) {
                StringBuilder sb = new StringBuilder("PROBE seed " + s + ":");
                int first = -1;
                long t0 = System.nanoTime();
                while (t.step() < max) {
                    t.train(every, StepMode.BOTH);
                    int covered = TrainerTestSupport.coveredModes(t.generate(2500, new SplittableRandom(TrainerTestSupport.EVAL_SEED)));
                    sb.append(' ').append(covered);
                    if (covered >= 6 && first < 0) {
                        first = (int) t.step();
                    }
                }
                System.out.println(sb + " | first>=6 at " + first + " | "
                        + (System.nanoTime() - t0) / 1e9 + " s");
            }
          }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String s) {
        try {
            return dev.ganplayground.config.Json.MAPPER.readTree(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
