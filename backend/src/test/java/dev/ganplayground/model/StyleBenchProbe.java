package dev.ganplayground.model;

import dev.ganplayground.config.StyleNormalization;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.nn.Sequential;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Opt-in timing of StyleGAN's G and D passes: {@code -Dprobe=stylebench [-Dbase=16 -Dbatch=32]}. */
@EnabledIfSystemProperty(named = "probe", matches = "stylebench")
class StyleBenchProbe {
    @Test
    void time() {
        NativeRuntime.init();
        int base = Integer.getInteger("base", 16);
        int b = Integer.getInteger("batch", 32);
        StyleGan.Spec spec = new StyleGan.Spec(64, 4, 64, 0.01, base, 1, 0.9, 0.995, StyleNormalization.ADAIN, false);
        try (StyleGenerator g = StyleGan.generator(spec, b, new SplittableRandom(1));
             Sequential d = StyleGan.discriminator(base, 1, 4, 2 * b, new SplittableRandom(2));
             FloatVec z = FloatVec.allocate(b * 64); FloatVec dOut = FloatVec.allocate(b * 1024);
             FloatVec x = FloatVec.allocate(2 * b * 1024); FloatVec ds = FloatVec.allocate(2 * b);
             FloatVec dx = FloatVec.allocate(2 * b * 1024)) {
            g.setTraining(true);
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    g.forward(z, b);
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    g.forward(z, b);
                    g.backward(dOut, b, true, null);
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    d.forward(x, 2 * b);
                    d.backward(ds, 2 * b, true, null);
                }
                long t3 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    d.forward(x, b);
                    d.backward(ds, b, false, dx);
                }
                long t4 = System.nanoTime();
                System.out.printf("base %d batch %d: G fwd %.1f ms, G fwd+bwd %.1f ms, D(2b) fwd+bwd %.1f ms,"
                                + " D(b) fwd+dx %.1f ms%n", base, b, (t1 - t0) / 5e6, (t2 - t1) / 5e6, (t3 - t2) / 5e6,
                        (t4 - t3) / 5e6);
            }
        }
    }
}
