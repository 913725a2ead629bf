package dev.ganplayground.config;

/**
 * What is streamed and how fast the run goes. Every field is live-tunable.
 *
 * @param itersPerTick     training steps per tick (the speed control), in [1, 1000]; default 10. Controls take
 *                         effect between ticks, so a smaller value reacts sooner.
 * @param slowMode         one step per tick and a pause of {@code slowDelayMs} after it, to follow each update by
 *                         eye (GAN Lab's slow motion); default false
 * @param slowDelayMs      pause after each tick in slow mode, milliseconds, in [0, 10000]; default 600
 * @param frameSamples     generated (and real) points per visual frame, in [16, 4096]; default 512
 * @param heatmapSize      D's decision surface is sampled on a heatmapSize x heatmapSize grid, in [8, 128];
 *                         default 48
 * @param manifoldSize     G's manifold is drawn from a manifoldSize x manifoldSize grid of z, in [4, 64];
 *                         default 20
 * @param evalEvery        steps between evaluations (mode coverage on 2,500 samples, grid KL/JS), in
 *                         [10, 100000]; default 100
 * @param maxFramesPerSecond upper bound on visual frames sent per second, in [1, 60]; default 20
 * @param gridSize         image runs: the fixed-z sample grid is gridSize x gridSize, in [2, 10]; default 8
 * @param walkSteps        image runs: images in the latent-walk strip (endpoints included), in [3, 16]; default 10
 * @param walkFrom         image runs: grid index of the walk's first endpoint, in [0, 99]; default 0. An index
 *                         beyond the grid's last tile means the last tile (so shrinking the grid never fails).
 * @param walkTo           image runs: grid index of the walk's last endpoint, in [0, 99], same rule; default 63
 * @param imageEvery       image runs: training steps between image frames, in [1, 10000]; default 20
 * @param timelineFrames   image runs: how many frames the timeline keeps (evenly thinned beyond), in [16, 2000];
 *                         default 300
 * @param truncationPsi    StyleGAN runs: the truncation trick's psi for every rendered view (grid, walk, mixing,
 *                         noise), never for training, in [0, 1]; default 0.7 (the paper's figures). 0 draws the W
 *                         average for every z, 1 no truncation
 * @param mixLayers        StyleGAN runs: which style layers the mixing grid takes from its column sources B:
 *                         {@code coarse} (4x4, 8x8), {@code middle} (16x16) or {@code fine} (32x32); default coarse
 * @param mixSources       StyleGAN runs: sources per side of the mixing grid, in [2, 6]; default 4
 * @param noiseSamples     StyleGAN runs: noise draws in the noise view, in [2, 8]; default 6
 * @param interpFrom       autoencoder runs: index of the interpolation's first end among the latent map's held-out
 *                         inputs, in [0, {@value #MAX_MAP_INDEX}]; default 0. An index beyond the map's last input
 *                         means the last one.
 * @param interpTo         autoencoder runs: the interpolation's other end, same rule; default 1 (the strip has
 *                         {@code walkSteps} images)
 */
public record ViewConfig(int itersPerTick, boolean slowMode, int slowDelayMs, int frameSamples, int heatmapSize,
                         int manifoldSize, int evalEvery, int maxFramesPerSecond, int gridSize, int walkSteps,
                         int walkFrom, int walkTo, int imageEvery, int timelineFrames, double truncationPsi,
                         String mixLayers, int mixSources, int noiseSamples, int interpFrom, int interpTo) {
    /** Tiles of the largest grid (10 x 10). */
    public static final int MAX_TILES = 100;
    /** Largest index of a latent map's input (maps hold at most 1,000). */
    public static final int MAX_MAP_INDEX = 999;

    /** The walk's endpoints as tile indices of the current grid (see walkFrom). */
    public int walkFromTile() {
        return Math.min(walkFrom, gridSize * gridSize - 1);
    }

    public int walkToTile() {
        return Math.min(walkTo, gridSize * gridSize - 1);
    }

    void validate(Validator v, String at) {
        v.intRange(at + "/itersPerTick", itersPerTick, 1, 1000);
        v.intRange(at + "/slowDelayMs", slowDelayMs, 0, 10_000);
        v.intRange(at + "/frameSamples", frameSamples, 16, 4096);
        v.intRange(at + "/heatmapSize", heatmapSize, 8, 128);
        v.intRange(at + "/manifoldSize", manifoldSize, 4, 64);
        v.intRange(at + "/evalEvery", evalEvery, 10, 100_000);
        v.intRange(at + "/maxFramesPerSecond", maxFramesPerSecond, 1, 60);
        v.intRange(at + "/gridSize", gridSize, 2, 10);
        v.intRange(at + "/walkSteps", walkSteps, 3, 16);
        v.intRange(at + "/walkFrom", walkFrom, 0, MAX_TILES - 1);
        v.intRange(at + "/walkTo", walkTo, 0, MAX_TILES - 1);
        v.intRange(at + "/imageEvery", imageEvery, 1, 10_000);
        v.intRange(at + "/timelineFrames", timelineFrames, 16, 2000);
        v.range(at + "/truncationPsi", truncationPsi, 0, 1);
        v.require(java.util.List.of("coarse", "middle", "fine").contains(mixLayers), at + "/mixLayers",
                "must be 'coarse', 'middle' or 'fine', found " + mixLayers);
        v.intRange(at + "/mixSources", mixSources, 2, 6);
        v.intRange(at + "/noiseSamples", noiseSamples, 2, 8);
        v.intRange(at + "/interpFrom", interpFrom, 0, MAX_MAP_INDEX);
        v.intRange(at + "/interpTo", interpTo, 0, MAX_MAP_INDEX);
    }
}
