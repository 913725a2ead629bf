package dev.ganplayground.metrics;

import dev.ganplayground.data.Bounds;

/**
 * A regular r x r lattice of 2D latent points over a rectangle: what the VAE's decoded grid decodes (the manifold
 * figure of Kingma and Welling 2014, over the map's bounds instead of Gaussian quantiles). Points run like the
 * cells of an image: row 0 at the top (y = yMax), rows downwards to y = yMin, each row left (xMin) to right (xMax),
 * endpoints included (r = 1: the centre). So decoding them in order and tiling the outputs r per row gives a grid
 * that lies over the latent map as drawn (y up). Also the straight path between two codes for interpolation strips.
 */
public final class LatentLattice {
    private LatentLattice() {
    }

    /** The r * r lattice points as x0, y0, x1, y1, ... in the order above (2 r^2 floats). */
    public static float[] points(Bounds bounds, int r) {
        if (r < 1) {
            throw new IllegalArgumentException("the lattice needs r >= 1 points per side, found " + r);
        }
        float[] out = new float[2 * r * r];
        for (int row = 0; row < r; row++) {
            double y = r == 1 ? (bounds.yMin() + bounds.yMax()) / 2
                    : bounds.yMax() - (bounds.yMax() - bounds.yMin()) * row / (r - 1);
            for (int col = 0; col < r; col++) {
                double x = r == 1 ? (bounds.xMin() + bounds.xMax()) / 2
                        : bounds.xMin() + (bounds.xMax() - bounds.xMin()) * col / (r - 1);
                int at = 2 * (row * r + col);
                out[at] = (float) x;
                out[at + 1] = (float) y;
            }
        }
        return out;
    }

    /**
     * The lattice's points lifted to codes through {@code projection} (r^2 x codeSize, row-major, same order): for
     * codes of size 2 the points themselves; for larger codes the points of the map's principal plane through the
     * codes' mean (the other directions held at their mean), see {@link LatentProjection#lift}.
     */
    public static float[] codes(LatentProjection projection, Bounds bounds, int r) {
        return projection.lift(points(bounds, r), r * r);
    }

    /**
     * {@code steps} codes evenly spaced on the line from code {@code from} to code {@code to}, both included
     * (steps x codeSize, row-major): the VAE's semantic interpolation decodes them in order.
     */
    public static float[] interpolate(float[] from, float[] to, int steps) {
        if (from.length != to.length || from.length < 1 || steps < 2) {
            throw new IllegalArgumentException("need two codes of the same size and steps >= 2, found sizes "
                    + from.length + ", " + to.length + " and steps " + steps);
        }
        int c = from.length;
        float[] out = new float[steps * c];
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1);
            for (int j = 0; j < c; j++) {
                out[s * c + j] = (float) ((1 - t) * from[j] + t * to[j]);
            }
        }
        return out;
    }

    /** {@link #codes(LatentProjection, Bounds, int)} over a map's own projection and bounds. */
    public static float[] codes(LatentMap map, int r) {
        return codes(map.projection(), map.bounds(), r);
    }
}
