package dev.ganplayground.training;

import dev.ganplayground.config.ConfigResolver;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.model.MinibatchDiscrimination;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Network;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Probe (not a test): magnitudes of the minibatch-discrimination features o (mean, range, within-batch sd), of
 * D's last hidden features f, of D's logits and of the output layer's weights on f and on o, for 256 reals and 256
 * fakes at steps 0 to 3,000 of a ring8 run (collapse preset + MBD on).
 * <pre>
 * mvn -B -o -q test -Dtest=MbdProbe -Dprobe=mbd -Dsurefire.failIfNoSpecifiedTests=false [-DprobeSeed=1]
 * </pre>
 * Lines start with PROBE (surefire-reports/TEST-dev.ganplayground.training.MbdProbe.xml).
 */
@EnabledIfSystemProperty(named = "probe", matches = "mbd")
class MbdProbe {
    static com.fasterxml.jackson.databind.JsonNode res(String p) throws Exception {
        try (InputStream in = MbdProbe.class.getClassLoader().getResourceAsStream(p)) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void probe() throws Exception {
        long seed = Long.getLong("probeSeed", 1);
        String extra = System.getProperty("probeOverrides", "{}");
        RunConfig c = ConfigResolver.resolve(res("presets/defaults.json"), res("presets/collapse.json").get("overrides"));
        c = ConfigResolver.resolve(Json.MAPPER.valueToTree(c), Json.MAPPER.readTree(
                "{\"seed\":" + seed + ",\"data\":{\"kind\":\"ring8\"},\"remedies\":{\"minibatchDiscrimination\":{\"enabled\":true}}}"));
        c = ConfigResolver.resolve(Json.MAPPER.valueToTree(c), Json.MAPPER.readTree(extra));
        int b = c.train().batchSize();
        SplittableRandom rng = new SplittableRandom(77);
        try (GanTrainer t = new GanTrainer(c)) {
            int[] at = {0, 1, 100, 500, 1000, 2000, 3000};
            int done = 0;
            for (int s : at) {
                if (s > done) {
                    t.train(s - done, StepMode.BOTH);
                    done = s;
                }
                float[] real = new float[2 * b];
                t.distribution().sample(rng, real, 0, b);
                float[] fake = t.generate(b, rng);
                report(t.discriminatorNet(), real, b, "step " + s + " real");
                report(t.discriminatorNet(), fake, b, "step " + s + " fake");
            }
        }
    }

    static void report(Network d, float[] pts, int rows, String label) {
        List<Layer> ls = ((dev.ganplayground.nn.Sequential) d).layers();
        FloatVec x = FloatVec.allocate(rows * 2);
        x.copyFrom(pts, 0, 0, 2 * rows);
        FloatVec cur = x;
        for (Layer l : ls) {
            FloatVec y = FloatVec.allocate(rows * l.outputWidth());
            l.reserve(rows);
            l.setGroupRows(rows);
            if (l instanceof MinibatchDiscrimination) {
                int a = l.inputWidth();
                int k = l.outputWidth() - a;
                l.forward(cur, y, rows);
                // feature stats
                double fAbs = 0;
                for (int i = 0; i < rows * a; i++) {
                    fAbs += Math.abs(cur.get(i));
                }
                double oMean = 0, oMin = 1e30, oMax = -1e30;
                double[] colMean = new double[k];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < k; j++) {
                        double o = y.get(i * (a + k) + a + j);
                        oMean += o; oMin = Math.min(oMin, o); oMax = Math.max(oMax, o);
                        colMean[j] += o / rows;
                    }
                }
                double within = 0;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < k; j++) {
                        double dv = y.get(i * (a + k) + a + j) - colMean[j];
                        within += dv * dv;
                    }
                }
                System.out.printf(Locale.ROOT, "PROBE %s: |f| mean %.3f; o mean %.2f min %.2f max %.2f, within-batch sd %.3f%n",
                        label, fAbs / (rows * a), oMean / (rows * k), oMin, oMax, Math.sqrt(within / (rows * k)));
            } else {
                l.forward(cur, y, rows);
            }
            if (cur != x) {
                cur.close();
            }
            cur = y;
        }
        double sm = 0;
        for (int i = 0; i < rows; i++) sm += cur.get(i);
        System.out.printf(Locale.ROOT, "PROBE %s: logit mean %.3f%n", label, sm / rows);
        FloatVec p = d.parameters();
        int off = 0;
        for (Layer l : ls) off += l.parameterCount();
        Layer out = ls.get(ls.size() - 1);
        int in = out.inputWidth();
        int s0 = off - out.parameterCount();
        double wf = 0, wo = 0;
        int a = ls.get(ls.size() - 2).inputWidth(); // D's last hidden width (the MBD layer's input)
        for (int i = 0; i < in; i++) {
            double w = p.get(s0 + i);
            if (i < a) wf += w * w; else wo += w * w;
        }
        System.out.printf(Locale.ROOT, "PROBE %s: out W norm on f %.3f, on o %.3f%n", label, Math.sqrt(wf), Math.sqrt(wo));
        cur.close();
        x.close();
    }
}
