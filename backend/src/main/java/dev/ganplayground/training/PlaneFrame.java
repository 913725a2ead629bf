package dev.ganplayground.training;

import dev.ganplayground.data.Bounds;

/**
 * One visual frame of a 2D run, computed on the training thread from fixed batches (a fixed z batch, a fixed real
 * sample), so successive frames are comparable.
 *
 * @param step         step counter when the frame was taken
 * @param bounds       the plane rectangle shown
 * @param real         fixed real sample, x, y pairs
 * @param fake         G(z) for the fixed z batch, x, y pairs
 * @param arrows       per fake point, the direction G's loss wants it to move (minus the gradient of the G loss
 *                     with respect to the point, times the batch size so it does not shrink with the batch), x, y
 * @param heatmapSize  side of the heatmap grid
 * @param heatmap      D's output on a heatmapSize^2 grid of cell centres over bounds, row-major with row 0 at yMin;
 *                     a probability for logistic losses, the raw score otherwise
 * @param manifoldSize side of the manifold grid
 * @param manifold     G applied to a manifoldSize^2 grid of z (first two latent dims on a quantile grid, the rest
 *                     0), row-major, x, y pairs
 */
public record PlaneFrame(long step, Bounds bounds, float[] real, float[] fake, float[] arrows, int heatmapSize,
                         float[] heatmap, int manifoldSize, float[] manifold) {
}
