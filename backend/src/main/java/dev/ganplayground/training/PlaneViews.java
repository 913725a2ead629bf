package dev.ganplayground.training;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.NoiseKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.Bounds;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Network;
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
        float[] fake = t.generateFrom(fixedZ, n);
        float[] arrows = arrows(fake, n, loss);
        int h = c.view().heatmapSize();
        float[] heatmap = heatmap(bounds, h, loss);
        int m = c.view().manifoldSize();
        float[] manifold = t.generateFrom(manifoldZ(c.model().noise(), c.model().latentDim(), m), m * m);
        return new PlaneFrame(t.step(), bounds, fixedReal.clone(), fake, arrows, h, heatmap, m, manifold);
    }

    /**
     * Minus the per-point gradient of G's loss (a 1/batch mean's gradient times the batch) through D. The fixed
     * fakes are judged like a G step's: packs of m consecutive fixed fakes (the last pack filled up with the first
     * fakes, whose gradients there are dropped), in groups of b packs for minibatch discrimination.
     */
    private float[] arrows(float[] fake, int n, LossKind loss) {
        Network d = t.discriminatorNet();
        FloatVec in = t.buffers().dIn;
        FloatVec ds = t.buffers().dScores;
        FloatVec dx = t.buffers().dFake;
        int m = t.packing();
        int packs = (n + m - 1) / m;
        int group = Math.min(t.config().train().batchSize(), packs);
        float[] out = new float[2 * n];
        d.setGroupRows(group);
        for (int at = 0; at < packs; at += group) {
            int first = firstOfChunk(at, group, packs);
            for (int i = 0; i < group * m; i++) {
                int sample = (first * m + i) % n;
                in.set(2 * i, fake[2 * sample]);
                in.set(2 * i + 1, fake[2 * sample + 1]);
            }
            FloatVec s = d.forward(in, group);
            GanLoss.generator(loss, s, group, ds, 1f);
            d.backward(ds, group, false, dx);
            for (int i = 0; i < group * m && first * m + i < n; i++) {
                int sample = first * m + i;
                out[2 * sample] = -dx.get(2 * i);
                out[2 * sample + 1] = -dx.get(2 * i + 1);
            }
        }
        return out;
    }

    /**
     * Where the chunk for items [at, at + group) starts: at itself, except that the last chunk moves back so it
     * holds a whole group too (some items are computed twice). Minibatch discrimination's o sums over the group,
     * so a short last group would shift its scores; every chunk of b keeps them on the training steps' scale.
     */
    private static int firstOfChunk(int at, int group, int total) {
        return Math.min(at, total - group);
    }

    /**
     * D at the cell centres of an h x h grid over {@code b}, row 0 at yMin. With packing D judges the pack of m
     * copies of the cell's point. With minibatch discrimination a point's score depends on the others of its
     * group: each chunk of b grid points is its own group (like a batch of b fakes in training), an honest but
     * approximate picture of "D at a point".
     */
    private float[] heatmap(Bounds b, int h, LossKind loss) {
        Network d = t.discriminatorNet();
        FloatVec in = t.buffers().dIn;
        int m = t.packing();
        int total = h * h;
        int group = Math.min(t.config().train().batchSize(), total);
        float[] out = new float[total];
        double cw = (b.xMax() - b.xMin()) / h;
        double ch = (b.yMax() - b.yMin()) / h;
        d.setGroupRows(group);
        for (int at = 0; at < total; at += group) {
            int first = firstOfChunk(at, group, total);
            for (int i = 0; i < group; i++) {
                int cell = first + i;
                float x = (float) (b.xMin() + (cell % h + 0.5) * cw);
                float y = (float) (b.yMin() + (cell / h + 0.5) * ch);
                for (int k = 0; k < m; k++) {
                    in.set(2 * (i * m + k), x);
                    in.set(2 * (i * m + k) + 1, y);
                }
            }
            FloatVec s = d.forward(in, group);
            for (int i = 0; i < group; i++) {
                out[first + i] = (float) GanLoss.displayScore(loss, s.get(i));
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
