package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.config.Json;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.MetricNames;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fixed-seed loss traces of the product's trainer, compared per tick with golden traces recorded from the plain
 * (pre-optimisation) code, so an optimisation of any layer, loss or optimizer that changes the numerics beyond
 * float32 reordering is caught. Covers every layer the presets train: Dense, ReLU, Adam, the logistic losses (ring8
 * MLP) and conv, transposed conv, batch norm, leaky ReLU, tanh (a tiny shapes DCGAN).
 *
 * <p>Tolerance: {@value #TOLERANCE} relative. The traces are bit-exact on one machine but not across machines:
 * OpenBLAS and oneDNN pick their kernels by CPU (AVX2, AVX-512 ...) and each sums in its own order. Forcing the
 * other kernels (OPENBLAS_CORETYPE=SkylakeX instead of the Haswell kernels picked on an AMD EPYC, ONEDNN_MAX_CPU_ISA
 * =AVX2 instead of AVX-512) moved these traces by at most 4e-7 (MLP) and 1e-7 (DCGAN) relative: 25x margin. A real
 * change of the maths (a wrong sign, a dropped term, another init or RNG stream) moves them by far more at the
 * first tick. The MLP runs at the preset's batch 256 on purpose: at batch 64 the same kernel swap grew from 1e-8 to
 * 4e-5 at step 18 and to 10-20% by step 45 (a near-cancelling gradient component flips sign and Adam, being scale
 * free, turns that into a full-size update), which no useful tolerance survives.
 *
 * <p>To re-record after an intended change of the numerics, run with {@code -DlossTrace.print=true} and paste the
 * printed arrays.
 */
class LossTraceTest {
    static final double TOLERANCE = 1e-5;

    private static final boolean PRINT = Boolean.getBoolean("lossTrace.print");

    /** The ring8 preset as it is (3x128 ReLU, batch 256, dSteps 2, Adam 1e-3), 10 ticks of 5 steps. */
    private static final double[] MLP_LOSS_D = {
            1.33251219, 1.20630595, 1.36342824, 1.33094191, 1.29270825, 1.25022902, 1.21019411, 1.20063910,
            1.19840719, 1.22635223};
    private static final double[] MLP_LOSS_G = {
            0.721452345, 0.866166760, 0.880056658, 0.845025694, 0.748980071, 0.812972424, 0.862890032, 0.897460129,
            0.976022433, 0.979736793};

    /** shapes DCGAN with base 8, latent 16, batch 16 on {@link ImageTrainerTest#SQUARES}, 10 ticks of 1 step. */
    private static final double[] DCGAN_LOSS_D = {
            1.28182942, 1.24667531, 1.22306380, 1.19095686, 1.17010283, 1.14033147, 1.13015080, 1.09677107,
            1.07870442, 1.07605197};
    private static final double[] DCGAN_LOSS_G = {
            0.701103219, 0.701820605, 0.701132875, 0.679014719, 0.678182588, 0.680686291, 0.673347626, 0.672755761,
            0.657972393, 0.661647729};

    @Test
    @DisplayName("ring8 MLP GAN: loss/d and loss/g of 50 seeded steps match the recorded trace")
    void mlpTrace() throws Exception {
        RunConfig c = Presets.load().resolve("ring8", null);
        try (GanTrainer t = new GanTrainer(c)) {
            check("MLP", t, 10, 5, MLP_LOSS_D, MLP_LOSS_G);
        }
    }

    @Test
    @DisplayName("tiny shapes DCGAN: loss/d and loss/g of 10 seeded steps match the recorded trace")
    void dcganTrace() throws Exception {
        RunConfig c = Presets.load().resolve("shapes-dcgan", Json.MAPPER.readTree(
                "{\"model\":{\"baseChannels\":8,\"latentDim\":16},\"train\":{\"batchSize\":16}}"));
        try (GanTrainer t = new GanTrainer(c, ImageTrainerTest.SQUARES)) {
            check("DCGAN", t, 10, 1, DCGAN_LOSS_D, DCGAN_LOSS_G);
        }
    }

    private static void check(String name, GanTrainer t, int ticks, int steps, double[] goldenD, double[] goldenG) {
        double[] d = new double[ticks];
        double[] g = new double[ticks];
        for (int i = 0; i < ticks; i++) {
            TickReport r = t.train(steps, StepMode.BOTH);
            d[i] = r.means().get(MetricNames.LOSS_D);
            g[i] = r.means().get(MetricNames.LOSS_G);
        }
        if (PRINT) {
            System.out.println(name + "_LOSS_D = " + literal(d) + ";");
            System.out.println(name + "_LOSS_G = " + literal(g) + ";");
        }
        assertClose(name + " loss/d", d, goldenD);
        assertClose(name + " loss/g", g, goldenG);
    }

    private static void assertClose(String what, double[] actual, double[] golden) {
        assertThat(actual).as(what + " ticks").hasSameSizeAs(golden);
        for (int i = 0; i < golden.length; i++) {
            double rel = Math.abs(actual[i] - golden[i]) / Math.abs(golden[i]);
            assertThat(rel).as("%s at tick %d: %s vs recorded %s", what, i, actual[i], golden[i])
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    private static String literal(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.9g", x))
                .reduce((a, b) -> a + ", " + b).map(s -> "{" + s + "}").orElse("{}");
    }
}
