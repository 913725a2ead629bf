package dev.ganplayground.config;

/**
 * Minibatch discrimination (Salimans et al. 2016): D's last hidden features f (A values) are mapped through a
 * learned tensor T (A x B x C) to M (B x C); o_b(x_i) = mean over the other rows j != i of
 * exp(-||M_i,b - M_j,b||_1) (the paper sums; see model/MinibatchDiscrimination for why we take the mean, and for
 * the data-dependent init of T and b), computed within the real and within the generated half of the batch
 * separately, and the B values o(x_i) are concatenated to f before D's output layer. Structural.
 *
 * @param enabled    off by default
 * @param kernels    B, in [1, 128]; default 16 (the official code's 100 scaled down for 128-wide 2D nets)
 * @param kernelDims C, in [1, 32]; default 5 (the official code's value)
 */
public record MinibatchDiscriminationConfig(boolean enabled, int kernels, int kernelDims) {
    void validate(Validator v, String at) {
        v.intRange(at + "/kernels", kernels, 1, 128);
        v.intRange(at + "/kernelDims", kernelDims, 1, 32);
    }
}
