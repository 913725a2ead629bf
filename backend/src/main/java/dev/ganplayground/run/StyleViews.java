package dev.ganplayground.run;

import dev.ganplayground.config.ViewConfig;
import dev.ganplayground.model.StyleGan;
import dev.ganplayground.model.StyleGenerator;
import dev.ganplayground.samples.ImageFrameEncoder.StyleSections;
import dev.ganplayground.samples.ImageGrid;
import dev.ganplayground.training.GanTrainer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A StyleGAN run's rendered views, all with the truncation trick (w' = w_avg + psi (w - w_avg); sampling only, never
 * training): the sample grid and walk, the style-mixing grid (Karras et al. 2019, Fig. 3 layout) and the noise view
 * (Fig. 4: one w, several noise draws, and their per-pixel standard deviation). Every z and noise image comes from
 * seeds of its own, so frames are stable pictures that change only as the model trains, and the training streams
 * are never touched. Runs on the training thread between ticks.
 */
final class StyleViews {
    private final GanTrainer trainer;
    private final StyleGenerator g;
    /** The one noise image per layer shared by the grid, walk and mixing tiles (NVlabs/stylegan's fixed noise). */
    private final long sharedNoiseSeed;
    private final long sourceSeedA;
    private final long sourceSeedB;
    private final long noiseViewSeed;

    StyleViews(GanTrainer trainer, long seed) {
        this.trainer = trainer;
        this.g = (StyleGenerator) trainer.generator();
        SplittableRandom r = new SplittableRandom(seed);
        sharedNoiseSeed = r.nextLong();
        sourceSeedA = r.nextLong();
        sourceSeedB = r.nextLong();
        noiseViewSeed = r.nextLong();
    }

    /** G(z) for {@code n} latent rows, truncated by {@code psi}, with the shared fixed noise. */
    float[] render(float[] zs, int n, double psi) {
        float[] w = g.truncate(g.mapToW(zs, n), n, psi);
        return g.synthesize(g.perLayer(w, w, n, 0, 0), n, sharedNoiseSeed, false);
    }

    /** The mixing grid and noise strip of the current view settings, as PNG sections with their header fields. */
    StyleSections sections(ViewConfig v, int channels, int side) {
        double psi = v.truncationPsi();
        int s = v.mixSources();
        int[] range = StyleGan.layerRange(v.mixLayers());
        float[] wA = sources(sourceSeedA, s, psi);
        float[] wB = sources(sourceSeedB, s, psi);
        int tile = channels * side * side;
        float[] pureA = g.synthesize(g.perLayer(wA, wA, s, 0, 0), s, sharedNoiseSeed, false);
        float[] pureB = g.synthesize(g.perLayer(wB, wB, s, 0, 0), s, sharedNoiseSeed, false);
        // Row i of the mixes: A_i's styles with B_j's in [from, to), for every j.
        int wd = g.wDim();
        float[] rowsA = new float[s * s * wd];
        float[] colsB = new float[s * s * wd];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                System.arraycopy(wA, i * wd, rowsA, (i * s + j) * wd, wd);
                System.arraycopy(wB, j * wd, colsB, (i * s + j) * wd, wd);
            }
        }
        float[] mixes = g.synthesize(g.perLayer(rowsA, colsB, s * s, range[0], range[1]), s * s, sharedNoiseSeed,
                false);
        int cells = s + 1;
        float[] mosaic = new float[cells * cells * tile];
        Arrays.fill(mosaic, 0, tile, ImageGrid.GAP_VALUE);
        System.arraycopy(pureB, 0, mosaic, tile, s * tile);
        for (int i = 0; i < s; i++) {
            int row = (i + 1) * cells * tile;
            System.arraycopy(pureA, i * tile, mosaic, row, tile);
            System.arraycopy(mixes, i * s * tile, mosaic, row + tile, s * tile);
        }
        byte[] mixingPng = new ImageGrid(cells, cells, channels, side, side, ImageGrid.DEFAULT_GAP).png(mosaic);
        int k = v.noiseSamples();
        byte[] noisePng = ImageGrid.strip(k + 1, channels, side, side).png(noiseStrip(k, psi, tile));
        return new StyleSections(psi, s, s, v.mixLayers(), range[0], range[1], mixingPng, k, noisePng);
    }

    /** The first {@code n} of a fixed list of sources' w's (so changing the count keeps the first ones). */
    private float[] sources(long seed, int n, double psi) {
        float[] z = trainer.drawLatent(new SplittableRandom(seed), n * g.inputWidth());
        return g.truncate(g.mapToW(z, n), n, psi);
    }

    /** k draws of fresh per-layer noise for one fixed w, then their per-pixel std scaled to [-1, 1]. */
    private float[] noiseStrip(int k, double psi, int tile) {
        float[] w = sources(noiseViewSeed, 1, psi);
        float[] same = new float[k * w.length];
        for (int i = 0; i < k; i++) {
            System.arraycopy(w, 0, same, i * w.length, w.length);
        }
        float[] draws = g.synthesize(g.perLayer(same, same, k, 0, 0), k, noiseViewSeed, true);
        float[] out = Arrays.copyOf(draws, (k + 1) * tile);
        double[] std = new double[tile];
        double max = 0;
        for (int p = 0; p < tile; p++) {
            double m = 0;
            for (int i = 0; i < k; i++) {
                m += draws[i * tile + p];
            }
            m /= k;
            double var = 0;
            for (int i = 0; i < k; i++) {
                double d = draws[i * tile + p] - m;
                var += d * d;
            }
            std[p] = Math.sqrt(var / k);
            max = Math.max(max, std[p]);
        }
        for (int p = 0; p < tile; p++) {
            out[k * tile + p] = max > 0 ? (float) (2 * std[p] / max - 1) : -1f;
        }
        return out;
    }
}
