package dev.ganplayground.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much memory a run of a config will take, estimated from the config alone so that absurd sizes are refused
 * before anything is allocated (ND4J allocates off-heap: an absurd size can take the whole process down instead of
 * throwing). Each term is attributed to the field that drives it, so a refusal can name the field to change.
 *
 * <p>Terms, 4-byte floats (shared/RELIABILITY.md 4.2: {@code 4 P (param + grad + 2 Adam) + 4 batch sum(activations)
 * 2}): parameters of both networks times four (value, gradient, two Adam moments); activations of every layer,
 * three buffers per layer (output, gradient, pre-activation), for G's {@code packing x batchSize} rows and D's
 * {@code 2 x batchSize} rows (GanTrainer's capacities), and for the visual passes (frame samples, heatmap,
 * manifold); the minibatch-discrimination pair cache (capped like the layer's own); the replay buffer; a fixed
 * {@value #FIXED_MIB} MiB for the run's thread, history and encoders. It is an estimate meant to be within a small
 * factor, not exact: the budget it is checked against is a safety net, not an accounting.
 */
public final class MemoryEstimate {
    static final int FIXED_MIB = 16;
    private static final int FLOAT = 4;
    private static final int BUFFERS_PER_LAYER = 3;
    /** MinibatchDiscrimination.CACHE_LIMIT (floats): the pair cache never grows beyond it. */
    private static final long PAIR_CACHE_LIMIT = 1L << 22;
    /** Samples of one mode-coverage evaluation (run/Evaluation). */
    private static final int EVAL_SAMPLES = 2_500;
    /** Image side of every image dataset today (MNIST, Fashion-MNIST, shapes). */
    private static final int IMAGE_SIDE = 28;

    private final Map<String, Long> terms = new LinkedHashMap<>();

    private MemoryEstimate() {
    }

    /** The estimate of {@code config}, which must have passed its range checks. */
    public static MemoryEstimate of(RunConfig config) {
        MemoryEstimate e = new MemoryEstimate();
        ModelConfig m = config.model();
        TrainConfig t = config.train();
        RemediesConfig r = config.remedies();
        int pack = r.packing();
        long gRows = (long) pack * t.batchSize();
        long dRows = 2L * t.batchSize();
        int dataWidth = config.isImageRun() ? IMAGE_SIDE * IMAGE_SIDE : 2;
        if (config.isAutoencoderRun()) {
            e.autoencoder(m.autoencoder(), config.data().kind() == DatasetKind.PLANE3D ? 3 : IMAGE_SIDE * IMAGE_SIDE,
                    t.batchSize());
        } else if (config.isImageRun()) {
            e.image(m, r, gRows, dRows);
        } else {
            e.mlp(m, r, gRows, dRows, config.view());
        }
        if (r.replay().enabled()) {
            e.add("/remedies/replay/size", (long) r.replay().size() * dataWidth * FLOAT);
        }
        e.add("", (long) FIXED_MIB << 20);
        return e;
    }

    private void mlp(ModelConfig m, RemediesConfig r, long gRows, long dRows, ViewConfig view) {
        int pack = r.packing();
        long gParams = denseParams(m.latentDim(), m.gHidden(), 2);
        int dIn = 2 * pack;
        List<Integer> d = m.dHidden();
        int last = d.isEmpty() ? dIn : d.get(d.size() - 1);
        long dParams = denseParams(dIn, d, 1);
        MinibatchDiscriminationConfig mbd = r.minibatchDiscrimination();
        if (mbd.enabled()) {
            long bc = (long) mbd.kernels() * mbd.kernelDims();
            add("/remedies/minibatchDiscrimination/kernels", 4 * FLOAT * (last * bc + mbd.kernels())
                    + FLOAT * dRows * (3 * bc + mbd.kernels())
                    + FLOAT * Math.min(dRows * dRows / 4 * mbd.kernels(), PAIR_CACHE_LIMIT));
        }
        add("/model/gHidden", 4 * FLOAT * gParams);
        add("/model/dHidden", 4 * FLOAT * dParams);
        long gUnits = 2L * sum(m.gHidden()) + 2 + m.latentDim();
        long dUnits = 2L * sum(d) + dIn + 1;
        // Visual passes: G over the frame's samples and the manifold grid, D over the heatmap grid; evaluation
        // draws 2,500 samples through G.
        long gVisual = Math.max(Math.max(view.frameSamples(), (long) view.manifoldSize() * view.manifoldSize()),
                EVAL_SAMPLES);
        long dVisual = (long) view.heatmapSize() * view.heatmapSize();
        add("/train/batchSize", BUFFERS_PER_LAYER * FLOAT * (gRows * gUnits + dRows * dUnits));
        add("/view/frameSamples", BUFFERS_PER_LAYER * FLOAT * gVisual * gUnits);
        add("/view/heatmapSize", BUFFERS_PER_LAYER * FLOAT * dVisual * dUnits);
    }

    private void image(ModelConfig m, RemediesConfig r, long gRows, long dRows) {
        long b = m.baseChannels();
        int channels = 1;
        int side = IMAGE_SIDE;
        int h2 = side / 2;
        int h4 = side / 4;
        long wide = 2 * b;
        long gParams = (m.latentDim() + 1L) * wide * h4 * h4 + wide * b * 16 + b * channels * 16 + 4 * (wide + b);
        long dIn = (long) channels * r.packing();
        long dParams = dIn * b * 16 + b * wide * 16 + wide * h4 * h4 + 4 * wide;
        add("/model/baseChannels", 4 * FLOAT * (gParams + dParams));
        // Per row: G's maps 2b x 7 x 7 and b x 14 x 14 (each with BN and ReLU copies) and its output; D mirrors.
        long gUnits = 3 * (wide * h4 * h4 + b * h2 * h2) + 2L * channels * side * side + m.latentDim();
        long dUnits = dIn * side * side + 2 * b * h2 * h2 + 3 * wide * h4 * h4 + 1;
        // Convolutions also keep an im2col buffer of the largest layer (kernel 4 x 4).
        long im2col = 16 * Math.max(dIn * h2 * h2, b * h4 * h4);
        add("/train/batchSize", FLOAT * (BUFFERS_PER_LAYER * (gRows * gUnits + dRows * dUnits)
                + Math.max(gRows, dRows) * im2col));
        MinibatchDiscriminationConfig mbd = r.minibatchDiscrimination();
        if (mbd.enabled()) {
            long bc = (long) mbd.kernels() * mbd.kernelDims();
            add("/remedies/minibatchDiscrimination/kernels", 4 * FLOAT * (wide * h4 * h4 * bc)
                    + FLOAT * dRows * 3 * bc + FLOAT * Math.min(dRows * dRows / 4 * mbd.kernels(),
                    PAIR_CACHE_LIMIT));
        }
    }

    /**
     * An autoencoder run: every arm's encoder and decoder (value, gradient, two Adam moments), their activations
     * for a batch, and the evaluation passes over the held-out inputs (1,000 rows: the map and PCA's sample). The
     * conv and recurrent kinds are estimated as a dense stack of similar width: within the small factor asked.
     */
    private void autoencoder(AutoencoderConfig a, int in, int batch) {
        int arms = switch (a.experiment()) {
            case CAPACITY -> 3;
            case VAE_KL, PRETRAINING -> 2;
            case SPARSITY_SWEEP -> 6;
            case NONE -> 1;
        };
        // The capacity experiment's overcomplete arms code wider than the input.
        long code = a.experiment() == ExperimentKind.CAPACITY ? Math.max(a.codeSize(), 2L * in) : a.codeSize();
        List<Integer> hidden = a.kind() == AutoencoderKind.LINEAR ? List.of() : a.hidden();
        long params = 2 * denseParams(in, hidden, (int) code) + (a.kind() == AutoencoderKind.VAE ? code * 1024 : 0);
        long units = 2L * in + 2 * sum(hidden) + 3 * code;
        if (a.kind() == AutoencoderKind.CONV) {
            params += 64L * 64 * 16 * 2; // two 4x4 conv layers of up to 64 channels each way
            units += 2L * (32 * 14 * 14 + 64 * 7 * 7);
        }
        String widths = sum(hidden) >= code ? "/model/autoencoder/hidden" : "/model/autoencoder/codeSize";
        add(widths, 4L * FLOAT * params * arms + BUFFERS_PER_LAYER * FLOAT * 1_000L * units * arms);
        add("/train/batchSize", BUFFERS_PER_LAYER * FLOAT * (long) batch * units * arms);
    }

    private static long denseParams(int in, List<Integer> hidden, int out) {
        long params = 0;
        int prev = in;
        for (int w : hidden) {
            params += (long) prev * w + w;
            prev = w;
        }
        return params + (long) prev * out + out;
    }

    private static long sum(List<Integer> xs) {
        long s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    private void add(String pointer, long bytes) {
        terms.merge(pointer, bytes, Long::sum);
    }

    /** Estimated bytes of the whole run. */
    public long bytes() {
        return terms.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The field whose term is the largest (the one to lower first). */
    public String dominantField() {
        return terms.entrySet().stream().filter(t -> !t.getKey().isEmpty())
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** Each term by the field that drives it ("" for the fixed part). */
    public Map<String, Long> terms() {
        return Map.copyOf(terms);
    }

    /** Throws a {@link ConfigException} naming the dominant field when the estimate exceeds {@code budgetBytes}. */
    public void check(long budgetBytes) {
        long bytes = bytes();
        if (bytes > budgetBytes) {
            String field = dominantField();
            throw new ConfigException(field, "the run would need about " + mib(bytes) + " MiB, over the per-run"
                    + " budget of " + mib(budgetBytes) + " MiB (GAN_RUN_MEMORY_MB); the largest part ("
                    + mib(terms.get(field)) + " MiB) comes from this field");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
