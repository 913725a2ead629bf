package dev.ganplayground.training;

import dev.ganplayground.config.ProganConfig;

/**
 * ProGAN's phases as a function of the real images shown to D so far: 4x4 stabilises for {@code stabilize} images;
 * then each next level fades in over {@code fadeIn} images (alpha rising linearly from 0 to 1) and stabilises for
 * {@code stabilize}; after the last level's stabilising phase training goes on at that level ("done").
 *
 * @param maxLevel  the last level (0 = 4x4, 3 = 32x32)
 * @param fadeIn    images per fade-in phase
 * @param stabilize images per stabilising phase
 */
public record GrowthSchedule(int maxLevel, long fadeIn, long stabilize) {
    /** Where training stands. */
    public enum Phase {
        FADE_IN("fade-in"), STABILISE("stabilise"), DONE("done");

        private final String wireName;

        Phase(String wireName) {
            this.wireName = wireName;
        }

        /** The protocol's name (docs/protocol.md, the images header's growth.phase). */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * One point of the schedule.
     *
     * @param level    0 = 4x4
     * @param phase    fading in, stabilising or done
     * @param alpha    the new level's weight, in [0, 1] (1 outside fade-ins)
     * @param progress fraction of the current phase done, in [0, 1] (1 when done)
     * @param images   real images shown so far
     */
    public record Stage(int level, Phase phase, double alpha, double progress, long images) {
        /** Side of the images at this stage: 4, 8, 16, 32. */
        public int resolution() {
            return 4 << level;
        }

        public boolean fading() {
            return phase == Phase.FADE_IN;
        }
    }

    public GrowthSchedule {
        if (maxLevel < 1 || fadeIn < 1 || stabilize < 1) {
            throw new IllegalArgumentException("need maxLevel >= 1 and positive phases, found " + maxLevel + ", "
                    + fadeIn + ", " + stabilize);
        }
    }

    /** The schedule of a config's {@code model.progan}. */
    public static GrowthSchedule of(ProganConfig c) {
        return new GrowthSchedule(Integer.numberOfTrailingZeros(c.maxResolution()) - 2, c.fadeInImages(),
                c.stabilizeImages());
    }

    /** The stage after {@code images} real images. */
    public Stage at(long images) {
        long t = images;
        if (t < stabilize) {
            return new Stage(0, Phase.STABILISE, 1, (double) t / stabilize, images);
        }
        t -= stabilize;
        for (int level = 1; level <= maxLevel; level++) {
            if (t < fadeIn) {
                double a = (double) t / fadeIn;
                return new Stage(level, Phase.FADE_IN, a, a, images);
            }
            t -= fadeIn;
            if (t < stabilize) {
                return new Stage(level, Phase.STABILISE, 1, (double) t / stabilize, images);
            }
            t -= stabilize;
        }
        return new Stage(maxLevel, Phase.DONE, 1, 1, images);
    }

    /** Real images until the last level has faded in (the moment maxResolution is first shown at alpha 1). */
    public long imagesToFullResolution() {
        return stabilize + maxLevel * fadeIn + (maxLevel - 1L) * stabilize;
    }
}
