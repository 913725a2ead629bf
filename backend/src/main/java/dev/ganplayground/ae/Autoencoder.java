package dev.ganplayground.ae;

/**
 * One autoencoder under training: a run's only one, or one arm of an experiment. Batches are row-major, one input of
 * {@link #inputWidth()} floats after another (images NCHW in [-1, 1]; the 3D cloud 3 floats). The methods below
 * are evaluation passes: they leave training, its random streams and its gradients alone. Confined to the run's
 * thread.
 */
public interface Autoencoder {
    /** The arm's label for people ("overcomplete", "KL off", "rho = 0.05"); the run's own autoencoder: "ae". */
    String name();

    /** Floats per input. */
    int inputWidth();

    /** Units of the coding layer. */
    int codeSize();

    /** The codes of {@code n} inputs (a VAE: the means), n x codeSize. */
    float[] encode(float[] x, int n);

    /** The outputs for {@code n} codes, n x inputWidth. */
    float[] decode(float[] codes, int n);

    /** decode(encode(x)): deterministic (a VAE decodes its means). */
    float[] reconstruct(float[] x, int n);

    /**
     * The coding layer's activation of each unit averaged over the {@code n} inputs (codeSize floats): the sparse
     * autoencoder's histogram against its target rho.
     */
    float[] meanCodeActivations(float[] x, int n);

    /**
     * A linear autoencoder's decoder weights as an inputWidth x codeSize row-major matrix (its columns span the
     * learned subspace); null for the other kinds.
     */
    float[] decoderBasis();
}
