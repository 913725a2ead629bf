package dev.ganplayground.training;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.NoiseKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.Bounds;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Sequential;
import java.util.SplittableRandom;

/**
 * Computes a {@link PlaneFrame} from the trainer's networks, in chunks of the trainer's row capacity so no
 * network buffer grows for a frame. The fixed z batch and the fixed real sample come from their own seeds and are
 * re-drawn from the start of those seeds, so a larger frameSamples keeps the earlier points.
 */
final class PlaneViews {
    private final GanTrainer t;
    private final long zSeed;
    private final long realSeed;
    private float[] fixedZ;
    private float[] fixedReal;

    PlaneViews(GanTrainer trainer, long visualSeed) {
        this.t = trainer;
        SplittableRandom r = new SplittableRandom(visualSeed);
        zSeed = r.nextLong();
        realSeed = r.nextLong();
        reconfigure(true);
    }

    /** Re-draws the fixed batches when the data or their size changed. */
    void reconfigure(boolean redraw) {
        RunConfig c = t.config();
        int n = c.view().frameSamples();
        if (redraw || fixedZ == null) {
            fixedZ = Noise.sample(c.model().noise(), new SplittableRandom(zSeed), n * c.model().latentDim());
            fixedReal = new float[2 * n];
            t.distribution().sample(new SplittableRandom(realSeed), fixedReal, 0, n);
        }
    }

    PlaneFrame frame() {
        RunConfig c = t.config();
        int n = c.view().frameSamples();
        LossKind loss = c.train().loss();
        Bounds bounds = t.distribution().bounds();
        float[] fake = generate(fixedZ, n);
        float[] arrows = arrows(fake, n, loss);
        int h = c.view().heatmapSize();
        float[] heatmap = heatmap(bounds, h, loss);
        int m = c.view().manifoldSize();
        float[] manifold = generate(manifoldZ(c.model().noise(), c.model().latentDim(), m), m * m);
        return new PlaneFrame(t.step(), bounds, fixedReal.clone(), fake, arrows, h, heatmap, m, manifold);
    }

    /** G applied to {@code n} rows of {@code zs}. */
    private float[] generate(float[] zs, int n) {
        Sequential g = t.generatorNet();
        FloatVec z = t.zBuffer();
        int latent = g.inputWidth();
        int rows = t.rowCapacity();
        float[] out = new float[2 * n];
        for (int at = 0; at < n; at += rows) {
            int k = Math.min(rows, n - at);
            z.copyFrom(zs, at * latent, 0, k * latent);
            g.forward(z, k).copyTo(0, out, 2 * at, 2 * k);
        }
        return out;
    }

    /** Minus the per-point gradient of G's loss (a 1/batch mean's gradient times the batch) through D. */
    private float[] arrows(float[] fake, int n, LossKind loss) {
        Sequential d = t.discriminatorNet();
        FloatVec in = t.dInputBuffer();
        FloatVec ds = t.dScoreBuffer();
        FloatVec dx = t.dFakeBuffer();
        int rows = t.rowCapacity();
        float[] out = new float[2 * n];
        for (int at = 0; at < n; at += rows) {
            int k = Math.min(rows, n - at);
            in.copyFrom(fake, 2 * at, 0, 2 * k);
            FloatVec s = d.forward(in, k);
            GanLoss.generator(loss, s, k, ds, 1f);
            d.backward(ds, k, false, dx);
            for (int i = 0; i < 2 * k; i++) {
                out[2 * at + i] = -dx.get(i);
            }
        }
        return out;
    }

    /** D at the cell centres of an h x h grid over {@code b}, row 0 at yMin. */
    private float[] heatmap(Bounds b, int h, LossKind loss) {
        Sequential d = t.discriminatorNet();
        FloatVec in = t.dInputBuffer();
        int rows = 2 * t.rowCapacity();
        int total = h * h;
        float[] out = new float[total];
        double cw = (b.xMax() - b.xMin()) / h;
        double ch = (b.yMax() - b.yMin()) / h;
        for (int at = 0; at < total; at += rows) {
            int k = Math.min(rows, total - at);
            for (int i = 0; i < k; i++) {
                int cell = at + i;
                in.set(2 * i, (float) (b.xMin() + (cell % h + 0.5) * cw));
                in.set(2 * i + 1, (float) (b.yMin() + (cell / h + 0.5) * ch));
            }
            FloatVec s = d.forward(in, k);
            for (int i = 0; i < k; i++) {
                out[at + i] = (float) GanLoss.displayScore(loss, s.get(i));
            }
        }
        return out;
    }

    /**
     * The m x m z grid, row-major: dim 0 follows the column, dim 1 the row, further dims 0. With a 1D latent only
     * dim 0 varies (along each row), so every row traces the same 1D manifold.
     */
    static float[] manifoldZ(NoiseKind noise, int latent, int m) {
        float[] zs = new float[m * m * latent];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) {
                int o = (r * m + c) * latent;
                zs[o] = (float) Noise.gridValue(noise, c, m);
                if (latent > 1) {
                    zs[o + 1] = (float) Noise.gridValue(noise, r, m);
                }
            }
        }
        return zs;
    }
}
