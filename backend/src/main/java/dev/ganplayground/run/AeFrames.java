package dev.ganplayground.run;

import dev.ganplayground.data.Bounds;
import dev.ganplayground.data.Gaussians;
import dev.ganplayground.data.PointCloud3d;
import dev.ganplayground.metrics.LatentLattice;
import dev.ganplayground.metrics.LatentMap;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganplayground.ae.Autoencoder;
import dev.ganplayground.ae.AutoencoderTrainer;
import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.CorruptionKind;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.SparsityKind;
import dev.ganplayground.config.ViewConfig;
import dev.ganplayground.samples.AutoencoderFrameEncoder;
import dev.ganplayground.samples.AutoencoderFrameEncoder.Section;
import dev.ganplayground.samples.ImageGrid;
import dev.ganplayground.training.RealSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws an autoencoder run's visual frame (docs/protocol.md 3.4, type "autoencoder"): the reconstruction panel of
 * the first {@value AeHeldOut#DISPLAY} held-out inputs (clean, corrupted when denoising, reconstructed by each arm),
 * each arm's latent map of the held-out inputs with their labels, its mean code activations against the sparsity
 * target, an interpolation strip between the two held-out inputs the view names (interpFrom, interpTo), and for a
 * VAE the grid decoded from a lattice over the latent map and samples decoded from N(0, I). The 3D cloud's frames
 * carry numbers instead of PNGs: the cloud, each arm's reconstructions and codes, and a linear decoder's plane.
 * Every random draw (the corruption shown, the prior samples) comes from fixed streams of the run's seed, so frames
 * differ only as the networks learn. Confined to the run's thread.
 */
final class AeFrames {
    /** Held-out inputs whose mean code activations make the histogram (fewer than the map: every frame pays). */
    static final int ACTIVATION_INPUTS = 200;
    /** Decoded prior samples per VAE arm (two rows). */
    static final int PRIOR_SAMPLES = 16;
    /** Cloud points drawn in the 3D view. */
    static final int CLOUD_POINTS = 300;

    private final AutoencoderTrainer trainer;
    private final AeHeldOut data;
    private final long corruptionSeed;
    private final long priorSeed;
    /** Per arm: the latent map whose projection the next frames reuse, and the step it was fitted at. */
    private final java.util.Map<Integer, LatentMap> fits = new java.util.HashMap<>();
    private final java.util.Map<Integer, Long> fitSteps = new java.util.HashMap<>();

    AeFrames(AutoencoderTrainer trainer, AeHeldOut data, long seed) {
        this.trainer = trainer;
        this.data = data;
        SplittableRandom r = new SplittableRandom(seed ^ 0xAEF7A3EL);
        corruptionSeed = r.nextLong();
        priorSeed = r.nextLong();
    }

    byte[] frame(String runId, long frameNo) {
        ViewConfig v = trainer.config().view();
        AutoencoderConfig ac = trainer.config().model().autoencoder();
        AeLossConfig loss = trainer.config().train().autoencoder();
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("runId", runId).put("frame", frameNo).put("step", trainer.step());
        h.put("kind", ac.kind().wireName()).set("experiment", Json.MAPPER.valueToTree(ac.experiment()));
        RealSource.SampleShape shape = trainer.inputShape();
        boolean images = data.images();
        ObjectNode input = h.putObject("input").put("kind", images ? "images" : "points");
        input.putArray("shape").add(shape.channels()).add(shape.height()).add(shape.width());
        int shown = images ? AeHeldOut.DISPLAY : Math.min(CLOUD_POINTS, data.mapCount());
        h.put("display", shown);
        boolean corrupted = loss.corruption() != CorruptionKind.NONE;
        if (corrupted) {
            h.putObject("corruption").set("kind", Json.MAPPER.valueToTree(loss.corruption()));
            ((ObjectNode) h.get("corruption")).put("level", loss.corruptionLevel());
        }
        if (loss.sparsity() != SparsityKind.NONE) {
            ObjectNode s = h.putObject("sparsity").put("target", loss.sparsityTarget())
                    .put("weight", loss.sparsityWeight());
            s.set("kind", Json.MAPPER.valueToTree(loss.sparsity()));
        }
        AutoencoderTrainer.Phase phase = trainer.phase();
        if (phase != null) {
            h.putObject("phase").put("index", phase.index()).put("count", phase.count()).put("name", phase.name())
                    .put("progress", phase.progress());
        }
        int n = data.mapCount();
        if (data.mapLabels() != null) {
            ArrayNode labels = h.putArray("labels");
            for (int l : data.mapLabels()) {
                labels.add(l);
            }
            ArrayNode names = h.putArray("classNames");
            data.classNames().forEach(names::add);
        }
        int from = Math.min(v.interpFrom(), n - 1);
        int to = Math.min(v.interpTo(), n - 1);
        boolean vae = ac.kind() == AutoencoderKind.VAE;
        if (images) {
            h.putObject("interp").put("from", from).put("to", to).put("count", v.walkSteps());
        }
        if (vae && images) {
            h.putObject("lattice").put("rows", v.gridSize()).put("cols", v.gridSize());
            h.putObject("samples").put("count", PRIOR_SAMPLES).put("cols", PRIOR_SAMPLES / 2);
        }
        List<Section> sections = new ArrayList<>();
        float[] clean = data.first(shown);
        float[] in = corrupted ? trainer.corrupt(clean, shown, new SplittableRandom(corruptionSeed)) : clean;
        ImageGrid strip = images ? ImageGrid.strip(shown, shape.channels(), shape.height(), shape.width()) : null;
        if (images) {
            sections.add(Section.png("inputs", -1, strip.png(clean)));
            if (corrupted) {
                sections.add(Section.png("corrupted", -1, strip.png(in)));
            }
        } else {
            sections.add(Section.floats("cloud", -1, clean, shown, 3));
            if (corrupted) {
                sections.add(Section.floats("corrupted", -1, in, shown, 3));
            }
            truth(h.putObject("truth"));
        }
        ArrayNode arms = h.putArray("arms");
        List<? extends Autoencoder> all = trainer.arms();
        for (int a = 0; a < all.size(); a++) {
            Autoencoder arm = all.get(a);
            int k = arm.codeSize();
            ObjectNode o = arms.addObject().put("name", arm.name()).put("codeSize", k);
            float[] recon = arm.reconstruct(in, shown);
            float[] codes = arm.encode(data.map(), n);
            LatentMap map = latentMap(a, codes, n, k, v);
            latent(o.putObject("latent"), map, k);
            floats(o.putArray("activations"), arm.meanCodeActivations(data.first(Math.min(ACTIVATION_INPUTS, n)),
                    Math.min(ACTIVATION_INPUTS, n)));
            if (!images) {
                sections.add(Section.floats("recon", a, recon, shown, 3));
                sections.add(Section.floats("codes", a, java.util.Arrays.copyOf(codes, shown * k), shown, k));
                float[] basis = arm.decoderBasis();
                if (basis != null) {
                    plane(o.putObject("plane"), arm, basis);
                }
                continue;
            }
            sections.add(Section.png("recon", a, strip.png(recon)));
            float[] ends = arm.encode(pair(from, to), 2);
            ImageGrid walk = ImageGrid.strip(v.walkSteps(), shape.channels(), shape.height(), shape.width());
            sections.add(Section.png("interp", a, walk.png(arm.decode(LatentLattice.interpolate(
                    java.util.Arrays.copyOf(ends, k), java.util.Arrays.copyOfRange(ends, k, 2 * k), v.walkSteps()),
                    v.walkSteps()))));
            if (vae) {
                int r = v.gridSize();
                ImageGrid lattice = ImageGrid.grid(r * r, r, shape.channels(), shape.height(), shape.width());
                sections.add(Section.png("lattice", a, lattice.png(arm.decode(LatentLattice.codes(map, r),
                        r * r))));
                ImageGrid samples = ImageGrid.grid(PRIOR_SAMPLES, PRIOR_SAMPLES / 2, shape.channels(),
                        shape.height(), shape.width());
                sections.add(Section.png("samples", a, samples.png(arm.decode(prior(a, k), PRIOR_SAMPLES))));
            }
        }
        return AutoencoderFrameEncoder.encode(h, sections);
    }

    /**
     * Arm a's latent map: wide codes are projected on the principal plane fitted at most every {@code evalEvery}
     * steps (fitting a 1,024-unit code's plane every frame cost seconds), so the points move with training while the
     * axes are refreshed at the evaluations' pace; codes of 2 units or fewer need no fit.
     */
    private LatentMap latentMap(int a, float[] codes, int n, int k, ViewConfig v) {
        LatentMap fitted = fits.get(a);
        long step = trainer.step();
        Long at = fitSteps.get(a);
        if (fitted == null || fitted.projection().codeSize() != k || at == null || step < at
                || step - at >= v.evalEvery()) {
            LatentMap map = LatentMap.of(codes, n, k, null);
            fits.put(a, map);
            fitSteps.put(a, step);
            return map;
        }
        return LatentMap.of(codes, n, null, fitted.projection());
    }

    /** Held-out inputs i and j, one after the other. */
    private float[] pair(int i, int j) {
        int w = data.width();
        float[] out = new float[2 * w];
        System.arraycopy(data.map(), i * w, out, 0, w);
        System.arraycopy(data.map(), j * w, out, w, w);
        return out;
    }


    /** Fixed draws from N(0, I) for arm a (its own stream: more arms never change the first one's). */
    private float[] prior(int arm, int k) {
        SplittableRandom r = new SplittableRandom(priorSeed + 0x9E3779B97F4A7C15L * arm);
        float[] z = new float[PRIOR_SAMPLES * k];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Gaussians.next(r);
        }
        return z;
    }

    private static void latent(ObjectNode o, LatentMap map, int codeSize) {
        o.put("projected", codeSize > 2);
        floats(o.putArray("points"), map.points());
        Bounds b = map.bounds();
        floats(o.putArray("bounds"), new float[] {(float) b.xMin(), (float) b.xMax(), (float) b.yMin(),
                (float) b.yMax()});
    }

    /** A linear decoder's plane: where the zero code lands, and the decoder's columns (the span), 3 floats each. */
    private static void plane(ObjectNode o, Autoencoder arm, float[] basis) {
        int k = arm.codeSize();
        floats(o.putArray("origin"), arm.decode(new float[k], 1));
        ArrayNode cols = o.putArray("basis");
        for (int c = 0; c < k; c++) {
            floats(cols.addArray(), new float[] {basis[c], basis[k + c], basis[2 * k + c]});
        }
    }

    private static void truth(ObjectNode o) {
        PointCloud3d.Plane p = PointCloud3d.standard().plane();
        doubles(o.putArray("origin"), p.origin());
        ArrayNode cols = o.putArray("basis");
        doubles(cols.addArray(), p.u());
        doubles(cols.addArray(), p.v());
        doubles(o.putArray("normal"), p.normal());
    }

    private static void doubles(ArrayNode out, double[] values) {
        for (double d : values) {
            out.add(Math.round(d * 10_000.0) / 10_000.0);
        }
    }

    /** Floats as JSON numbers with 4 decimals (plenty for a view, a third of the bytes); NaN as null. */
    private static void floats(ArrayNode out, float[] values) {
        for (float f : values) {
            if (Float.isFinite(f)) {
                out.add(Math.round(f * 10_000.0) / 10_000.0);
            } else {
                out.addNull();
            }
        }
    }
}
