package dev.ganplayground.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.config.StyleNormalization;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.GradCheck;
import dev.ganplayground.nn.Sequential;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** StyleGAN's generator: gradient checks, style mixing at the extreme crossovers, truncation, layer groups. */
class StyleGeneratorTest {
    private static final int LATENT = 6;
    /**
     * Deep float32 composites: a central difference at eps 1e-3 carries ~1e-3 of absolute rounding noise, so small
     * gradients are compared against this floor; a wrong or missing term still gives errors near 1.
     */
    private static final double FLOOR = 0.1;
    private static final double TOLERANCE = 5e-2;

    /** A tiny generator: base 2 channels (2 at 32x32 up to 8 at 4x4), mapping 2 x 8. */
    private static StyleGenerator tiny(int rows, double mixing) {
        return tiny(rows, mixing, "adain");
    }

    /**
     * The same in {@code mode}: "adain", "pixelnorm" (pixel norm with the style instead of AdaIN), "demodulation"
     * (modulated convs with weight demodulation instead of AdaIN) or "skips" (demodulation and a modulated toRGB per
     * resolution, summed).
     */
    private static StyleGenerator tiny(int rows, double mixing, String mode) {
        StyleNormalization norm = switch (mode) {
            case "adain" -> StyleNormalization.ADAIN;
            case "pixelnorm" -> StyleNormalization.PIXELNORM;
            default -> StyleNormalization.DEMODULATION;
        };
        return StyleGan.generator(new StyleGan.Spec(LATENT, 2, 8, 0.01, 2, 1, mixing, 0.9, norm,
                mode.equals("skips")), rows, new SplittableRandom(11));
    }

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    private static double probe(FloatVec y, float[] r) {
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += (double) r[i] * y.get(i);
        }
        return s;
    }

    /**
     * Max relative error over {@code count} evenly spread parameters (a full sweep of every parameter would take
     * minutes); central differences in float32, eps relative to the parameter's size.
     */
    private static double spotCheck(FloatVec p, float[] analytic, DoubleSupplier loss, int from, int to, int count) {
        double worst = 0;
        int stride = Math.max(1, (to - from) / count);
        for (int i = from; i < to; i += stride) {
            float orig = p.get(i);
            double eps = 1e-3 * Math.max(1, Math.abs(orig));
            p.set(i, (float) (orig + eps));
            double up = loss.getAsDouble();
            p.set(i, (float) (orig - eps));
            double down = loss.getAsDouble();
            p.set(i, orig);
            double numeric = (up - down) / (2 * eps);
            double err = Math.abs(numeric - analytic[i]) / Math.max(Math.abs(numeric) + Math.abs(analytic[i]), FLOOR);
            worst = Math.max(worst, err);
        }
        return worst;
    }

    /** Relative error of the derivative along a random +-max(1, |p|) direction over parameters [from, to). */
    private static double directional(FloatVec p, float[] analytic, DoubleSupplier loss, int from, int to,
                                      long seed) {
        return directionalSides(p, analytic, loss, from, to, seed)[0];
    }

    /**
     * {@link #directional}'s error, the relative disagreement of the two one-sided differences (large where the step
     * crosses a leaky ReLU's kink, so the central difference there means nothing), and |numeric| + |predicted|.
     */
    private static double[] directionalSides(FloatVec p, float[] analytic, DoubleSupplier loss, int from, int to,
                                             long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] orig = new float[to - from];
        double[] v = new double[to - from];
        double predicted = 0;
        for (int i = from; i < to; i++) {
            orig[i - from] = p.get(i);
            v[i - from] = (r.nextBoolean() ? 1 : -1) * Math.max(1, Math.abs(orig[i - from]));
            predicted += analytic[i] * v[i - from];
        }
        // Small: the composite is strongly curved (errors fall with eps: ~10% at 1e-2, ~1% at 1e-4), while the
        // slice's summed signal keeps float32 noise below that.
        double eps = 1e-4;
        double base = loss.getAsDouble();
        double[] at = new double[2];
        for (int side = 0; side < 2; side++) {
            double e = side == 0 ? eps : -eps;
            for (int i = from; i < to; i++) {
                p.set(i, (float) (orig[i - from] + e * v[i - from]));
            }
            at[side] = loss.getAsDouble();
        }
        for (int i = from; i < to; i++) {
            p.set(i, orig[i - from]);
        }
        double numeric = (at[0] - at[1]) / (2 * eps);
        double upSide = (at[0] - base) / eps;
        double downSide = (base - at[1]) / eps;
        return new double[]{
                Math.abs(numeric - predicted) / Math.max(Math.abs(numeric) + Math.abs(predicted), FLOOR),
                Math.abs(upSide - downSide) / Math.max(Math.abs(upSide) + Math.abs(downSide), FLOOR),
                Math.abs(numeric) + Math.abs(predicted)};
    }

    /**
     * The worst {@link #directional} error over up to 3 random directions whose step crosses no kink (one-sided
     * differences within 5% of each other) and whose derivative is not near 0 (there an absolute error of ~0.02, the
     * float32 noise, reads as 0.2 against the floor), out of at most 12 tried. With demodulation the tiny generator's
     * leaky ReLUs sit near their kinks often enough that one direction's step may cross one (errors up to 1 even at eps
     * 1e-4, falling to ~0.04 at 1e-5); a wrong or missing term shows in every direction, kinks or not. Should every
     * direction cross a kink, the smallest error of all stands in (weaker, and never seen in the parts below).
     */
    private static double smoothDirectional(FloatVec p, float[] analytic, DoubleSupplier loss, int from, int to,
                                            long seed) {
        double worstKept = 0;
        double best = Double.MAX_VALUE;
        int kept = 0;
        for (int t = 0; t < 12 && kept < 3; t++) {
            double[] e = directionalSides(p, analytic, loss, from, to, seed + 1000L * t);
            best = Math.min(best, e[0]);
            if (e[1] < 0.05 && e[2] >= 2 * FLOOR) {
                kept++;
                worstKept = Math.max(worstKept, e[0]);
            }
        }
        return kept > 0 ? worstKept : best;
    }

    /** A generator's analytic parameter gradients of the probe loss r . G(z), and that loss as a function. */
    private record Probed(float[] analytic, DoubleSupplier loss) {
    }

    /**
     * On a tiny 3-row generator: a training pass with style mixing at {@code crossover}, then the noise and second z
     * frozen so the loss is a deterministic function of the parameters, and the backward of a random probe r (seed
     * {@code probeSeed}); {@code checks} gets the generator and its gradients.
     */
    private static void withProbed(int crossover, long zSeed, long probeSeed,
                                   BiConsumer<StyleGenerator, Probed> checks) {
        withProbed(crossover, zSeed, probeSeed, "adain", checks);
    }

    private static void withProbed(int crossover, long zSeed, long probeSeed, String mode,
                                   BiConsumer<StyleGenerator, Probed> checks) {
        int rows = 3;
        try (StyleGenerator g = tiny(rows, 1, mode); FloatVec z = FloatVec.allocate(rows * LATENT);
             FloatVec dOut = FloatVec.allocate(rows * 32 * 32)) {
            z.copyFrom(gaussian(rows * LATENT, zSeed), 0, 0, rows * LATENT);
            g.setTraining(true);
            g.fixCrossover(crossover);
            g.forward(z, rows);
            g.freezeRandomness(true);
            // Noise scales start at 0; the checks perturb them too, so their gradient is probed away from 0 too.
            float[] probeW = gaussian(rows * g.outputWidth(), probeSeed);
            dOut.copyFrom(probeW, 0, 0, probeW.length);
            g.forward(z, rows);
            g.backward(dOut, rows, true, null);
            checks.accept(g, new Probed(g.gradients().toArray(), () -> probe(g.forward(z, rows), probeW)));
        }
    }

    @Test
    @DisplayName("whole tiny generator, mixing at crossover 3, fixed noise: parameter gradients match central"
            + " differences (mapping, constant, affines, convs, noise scales, toRGB)")
    void generatorGradients() {
        withProbed(3, 1, 3, (g, p) -> {
            float[] analytic = p.analytic();
            DoubleSupplier loss = p.loss();
            // Directional checks over contiguous slices (constant, mapping, affines, blocks, toRGB in that order):
            // each slice's summed signal stands well above float32 noise, and a wrong term in any part shows.
            int n = g.parameterCount();
            int slices = 24;
            for (int k = 0; k < slices; k++) {
                assertThat(directional(g.parameters(), analytic, loss, k * n / slices, (k + 1) * n / slices, k))
                        .as("slice %d of %d", k, slices).isLessThan(3e-2);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adain", "pixelnorm", "demodulation", "skips"})
    @DisplayName("whole tiny generator, part by part: the constant, the mapping, every affine, every block, every"
            + " layer's noise scales and toRGB each match central differences (no part's gradient missing or wrong)")
    void gradientsOfEveryPart(String mode) {
        withProbed(5, 21, 23, mode, (g, p) -> {
            float[] analytic = p.analytic();
            DoubleSupplier loss = p.loss();
            int[] at = g.partStarts();
            int layers = g.styleLayers();
            // Measured worst of single directions (AdaIN): 0.034 over whole parts, 0.063 on a noise-scale slice
            // (curvature of the 4x4 AdaINs at eps 1e-4); demodulation over kink-free directions (one-sided differences
            // within 5%), three z seeds: mostly 0.01-0.05, at most 0.19. A missing or wrong term gives errors near 1.
            double tolerance = 0.15;
            assertThat(at[at.length - 1]).isEqualTo(g.parameterCount());
            for (int k = 0; k + 1 < at.length; k++) {
                assertThat(smoothDirectional(g.parameters(), analytic, loss, at[k], at[k + 1], 100 + k))
                        .as("part %d of %d", k, at.length - 1).isLessThan(tolerance);
            }
            // Each block ends with its noise scales: a small slice a block-wide check would drown.
            for (int i = 0; i < layers; i++) {
                int end = at[2 + layers + i + 1];
                int c = StyleGan.channels(2, StyleGan.layerSide(i));
                assertThat(smoothDirectional(g.parameters(), analytic, loss, end - c, end, 200 + i))
                        .as("noise scales of layer %d", i).isLessThan(tolerance);
            }
        });
    }

    @Test
    @DisplayName("mapping network (pixel norm, equalised dense layers with lr multiplier 0.01): input and parameter"
            + " gradients match central differences")
    void mappingGradients() {
        StyleGan.Spec spec = new StyleGan.Spec(LATENT, 3, 8, 0.01, 2, 1, 0.9, 0.9, StyleNormalization.ADAIN, false);
        int rows = 4;
        Sequential m = StyleGan.mapping(spec, rows, new SplittableRandom(6));
        try (m; FloatVec x = FloatVec.allocate(rows * LATENT); FloatVec dy = FloatVec.allocate(rows * 8);
             FloatVec dx = FloatVec.allocate(rows * LATENT)) {
            x.copyFrom(gaussian(rows * LATENT, 7), 0, 0, rows * LATENT);
            float[] r = gaussian(rows * 8, 8);
            dy.copyFrom(r, 0, 0, r.length);
            m.forward(x, rows);
            m.backward(dy, rows, true, dx);
            DoubleSupplier loss = () -> probe(m.forward(x, rows), r);
            assertThat(spotCheck(x, dx.toArray(), loss, 0, rows * LATENT, rows * LATENT)).isLessThan(TOLERANCE);
            assertThat(spotCheck(m.parameters(), m.gradients().toArray(), loss, 0, m.parameterCount(), 200))
                    .isLessThan(TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adain", "pixelnorm", "demodulation", "skips"})
    @DisplayName("style mixing: crossover at the first layer renders pure B, past the last layer pure A")
    void mixingExtremes(String mode) {
        int n = 3;
        try (StyleGenerator g = tiny(4, 0.9, mode)) {
            float[] wA = g.mapToW(gaussian(n * LATENT, 21), n);
            float[] wB = g.mapToW(gaussian(n * LATENT, 22), n);
            int layers = g.styleLayers();
            float[] pureA = g.synthesize(g.perLayer(wA, wA, n, 0, 0), n, 5, true);
            float[] pureB = g.synthesize(g.perLayer(wB, wB, n, 0, 0), n, 5, true);
            float[] atFirst = g.synthesize(g.perLayer(wA, wB, n, 0, layers), n, 5, true);
            float[] pastLast = g.synthesize(g.perLayer(wA, wB, n, layers, layers), n, 5, true);
            float[] middle = g.synthesize(g.perLayer(wA, wB, n, 4, layers), n, 5, true);
            assertThat(atFirst).containsExactly(pureB);
            assertThat(pastLast).containsExactly(pureA);
            assertThat(middle).isNotEqualTo(pureA).isNotEqualTo(pureB);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adain", "pixelnorm", "demodulation", "skips"})
    @DisplayName("training passes: crossover 0 maps only the second z's w, crossover = layers only the first's")
    void trainingCrossover(String mode) {
        int rows = 2;
        try (StyleGenerator g = tiny(rows, 1, mode); FloatVec z = FloatVec.allocate(rows * LATENT)) {
            z.copyFrom(gaussian(rows * LATENT, 31), 0, 0, rows * LATENT);
            g.setTraining(true);
            g.fixCrossover(g.styleLayers());
            float[] a = g.forward(z, rows).toArray();
            g.freezeRandomness(true);
            float[] again = g.forward(z, rows).toArray();
            g.fixCrossover(0);
            float[] b = g.forward(z, rows).toArray();
            assertThat(again).containsExactly(a);
            assertThat(b).isNotEqualTo(a);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adain", "pixelnorm", "demodulation", "skips"})
    @DisplayName("truncation psi = 0 renders the W-average image for every z; psi = 1 leaves w alone")
    void truncationToAverage(String mode) {
        int n = 4;
        try (StyleGenerator g = tiny(n, 0.9, mode); FloatVec z = FloatVec.allocate(n * LATENT)) {
            g.setTraining(true);
            for (int i = 0; i < 5; i++) {
                z.copyFrom(gaussian(n * LATENT, 40 + i), 0, 0, n * LATENT);
                g.forward(z, n);
            }
            g.setTraining(false);
            float[] avg = g.wAverage();
            assertThat(avg).isNotEqualTo(new float[avg.length]);
            float[] w = g.mapToW(gaussian(n * LATENT, 50), n);
            float[] t0 = g.truncate(w, n, 0);
            float[] images = g.synthesize(g.perLayer(t0, t0, n, 0, 0), n, 9, false);
            float[] avgImage = g.synthesize(g.perLayer(avg, avg, 1, 0, 0), 1, 9, false);
            int width = g.outputWidth();
            // A batch of n and a batch of 1 round differently (GEMM blocking), and pixel norm over this tiny
            // generator's 2 channels divides by small norms: 1e-4 still tells the average image from any other.
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < width; k++) {
                    assertThat(images[r * width + k]).isCloseTo(avgImage[k], within(1e-4f));
                }
            }
            assertThat(g.truncate(w, n, 1)).containsExactly(w, within(1e-6f));
        }
    }

    @Test
    @DisplayName("layer groups at 32x32: coarse = 4x4 and 8x8 layers, middle = 16x16, fine = 32x32")
    void layerGroups() {
        assertThat(StyleGan.styleLayers()).isEqualTo(8);
        assertThat(StyleGan.layerRange("coarse")).containsExactly(0, 4);
        assertThat(StyleGan.layerRange("middle")).containsExactly(4, 6);
        assertThat(StyleGan.layerRange("fine")).containsExactly(6, 8);
    }
}
