package dev.ganplayground.model;

import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Sequential;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A network that grows (ProGAN): at each stage it is one plain {@link Sequential} built from layers that live for
 * the whole run, so the trainer's steps, gradient checks and optimizers see an ordinary network. Moving to another
 * stage (a new resolution fading in, or its fade-in finished) builds a new Sequential from the stage's layers and
 * carries the parameters of every layer that stays (found by identity, wherever the layer sits now, also inside a
 * {@link FadeIn}); a layer seen for the first time is initialised from its own seed, drawn in a fixed
 * order when the network is made, so a seed gives the same weights whatever the growth schedule.
 *
 * <p>{@link #split} and {@link #join} move any vector laid out like the parameters (an optimizer's state) across a
 * stage change the same way. Not thread-safe; one run, one thread.
 */
public final class GrowingNetwork implements AutoCloseable {
    /** The layers of a stage, in order; a fading stage contains one {@link FadeIn}. */
    @FunctionalInterface
    public interface Plan {
        List<Layer> layers(int level, boolean fading);
    }

    private final Plan plan;
    private final int maxLevel;
    private final Map<Layer, Long> initSeeds = new IdentityHashMap<>();
    private int capacity;
    private Sequential net;
    private FadeIn fade;
    private int level = -1;
    private boolean fading;

    /**
     * @param plan      the layers of each stage
     * @param allLayers every layer with parameters that any stage uses, in a fixed order (their init seeds are
     *                  drawn in this order)
     * @param maxLevel  the last level (0 is 4x4)
     * @param rowCapacity rows the network's buffers hold at first
     */
    public GrowingNetwork(Plan plan, List<Layer> allLayers, int maxLevel, int rowCapacity, SplittableRandom rng) {
        this.plan = plan;
        this.maxLevel = maxLevel;
        this.capacity = rowCapacity;
        for (Layer l : allLayers) {
            initSeeds.put(l, rng.nextLong());
        }
        moveTo(0, false);
    }

    /** The network of the current stage (a new object after each {@link #moveTo} that changes the stage). */
    public Sequential net() {
        return net;
    }

    public int level() {
        return level;
    }

    public int maxLevel() {
        return maxLevel;
    }

    public boolean fading() {
        return fading;
    }

    /** Sets the fade-in's alpha (ignored when the stage is not fading). */
    public void setAlpha(float alpha) {
        if (fade != null) {
            fade.setAlpha(alpha);
        }
    }

    /**
     * Builds the network of stage ({@code level}, {@code fading}) unless it is the current one, carrying the
     * parameters of the layers that stay. Call between steps only.
     *
     * @return whether the stage changed (a new {@link #net()})
     */
    public boolean moveTo(int level, boolean fading) {
        if (level < 0 || level > maxLevel || (fading && level == 0)) {
            throw new IllegalArgumentException("no stage " + level + (fading ? " (fading)" : "") + " in 0.."
                    + maxLevel);
        }
        if (level == this.level && fading == this.fading) {
            return false;
        }
        Map<Layer, float[]> kept = net == null ? Map.of() : split(net.parameters());
        if (net != null) {
            net.close();
        }
        List<Layer> layers = plan.layers(level, fading);
        net = new Sequential(layers, capacity);
        fade = null;
        for (Layer l : layers) {
            if (l instanceof FadeIn f) {
                fade = f;
            }
        }
        FloatVec p = net.parameters();
        Map<Layer, FloatVec> views = views(layers, p);
        for (Map.Entry<Layer, FloatVec> e : views.entrySet()) {
            float[] values = kept.get(e.getKey());
            if (values != null) {
                e.getValue().copyFrom(values, 0, 0, values.length);
            } else {
                Long seed = initSeeds.get(e.getKey());
                if (seed == null) {
                    throw new IllegalStateException("a layer with parameters is missing from allLayers");
                }
                e.getKey().initialize(new SplittableRandom(seed));
            }
        }
        this.level = level;
        this.fading = fading;
        return true;
    }

    /** Grows the buffers to {@code rows} rows (never shrinks); kept across stage changes. */
    public void ensureCapacity(int rows) {
        capacity = Math.max(capacity, rows);
        net.ensureCapacity(rows);
    }

    /** Each parametrised layer's slice of {@code v} (laid out like the current parameters), copied to the heap. */
    public Map<Layer, float[]> split(FloatVec v) {
        Map<Layer, float[]> out = new IdentityHashMap<>();
        for (Map.Entry<Layer, FloatVec> e : views(net.layers(), v).entrySet()) {
            out.put(e.getKey(), e.getValue().toArray());
        }
        return out;
    }

    /** Writes the slices of {@code parts} into {@code target} (laid out like the current parameters); 0 elsewhere. */
    public void join(Map<Layer, float[]> parts, FloatVec target) {
        for (Map.Entry<Layer, FloatVec> e : views(net.layers(), target).entrySet()) {
            float[] values = parts.get(e.getKey());
            if (values != null) {
                e.getValue().copyFrom(values, 0, 0, values.length);
            } else {
                e.getValue().fill(0f);
            }
        }
    }

    /** Views of {@code v} per layer with parameters, in parameter order, descending into fade-ins. */
    private static Map<Layer, FloatVec> views(List<Layer> layers, FloatVec v) {
        Map<Layer, FloatVec> out = new IdentityHashMap<>();
        collect(layers, v, 0, out);
        return out;
    }

    private static int collect(List<Layer> layers, FloatVec v, int at, Map<Layer, FloatVec> out) {
        for (Layer l : layers) {
            if (l instanceof FadeIn f) {
                at = collect(f.layers(), v, at, out);
            } else if (l.parameterCount() > 0) {
                out.put(l, v.view(at, l.parameterCount()));
                at += l.parameterCount();
            }
        }
        return at;
    }

    @Override
    public void close() {
        if (net != null) {
            net.close();
            net = null;
        }
    }
}
