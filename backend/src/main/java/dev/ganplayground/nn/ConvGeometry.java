package dev.ganplayground.nn;

/**
 * Kernel geometry of a 2D (transposed) convolution: a square kernel, one stride and one zero padding for both axes,
 * dilation 1. DCGAN's layers use {@link #DCGAN} (kernel 4, stride 2, padding 1), which halves 28 to 14 to 7 and
 * doubles back.
 *
 * @param kernel  kernel height and width, at least 1
 * @param stride  at least 1
 * @param padding zeros added on each side, in [0, kernel)
 */
public record ConvGeometry(int kernel, int stride, int padding) {
    /** Kernel 4, stride 2, padding 1. */
    public static final ConvGeometry DCGAN = new ConvGeometry(4, 2, 1);

    public ConvGeometry {
        if (kernel < 1 || stride < 1 || padding < 0 || padding >= kernel) {
            throw new IllegalArgumentException("kernel and stride must be positive and padding in [0, kernel), found "
                    + kernel + ", " + stride + ", " + padding);
        }
    }

    /** Output size of a convolution along an axis of {@code in} (PyTorch's floor formula). */
    public int convOut(int in) {
        return (in + 2 * padding - kernel) / stride + 1;
    }

    /** Output size of a transposed convolution along an axis of {@code in} (no output padding). */
    public int transposedOut(int in) {
        return stride * (in - 1) + kernel - 2 * padding;
    }

    /** Whether a convolution over {@code in} uses every input position exactly as its transpose gives back. */
    boolean convInvertsExactly(int in) {
        return (in + 2 * padding - kernel) % stride == 0;
    }

    /**
     * ND4J's integer arguments of conv2d, deconv2d and their _bp ops, in order: kH, kW, sH, sW, pH, pW, dH, dW,
     * padding mode (0 explicit), data format (0 NCHW), weight format (0: conv [kH,kW,iC,oC], deconv [kH,kW,oC,iC]).
     * They must be passed in one {@code addIntegerArguments} call (shared/DESIGN.md, "Facts").
     */
    int[] nd4jArgs() {
        return new int[]{kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 0};
    }
}
