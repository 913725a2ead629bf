package dev.ganplayground.nn;

/**
 * 2D transposed convolution (PyTorch's ConvTranspose2d without output padding) over NCHW rows: inChannels x height
 * x width in, outChannels x H' x W' out with H' = s (H - 1) + k - 2p. Weights [kH,kW,oC,iC] (ND4J's deconv2d
 * layout) then the bias [oC], in the network's flat vectors. Runs ND4J's oneDNN {@code deconv2d} /
 * {@code deconv2d_bp} without bias (the bias and its gradient are Java loops: oneDNN's deconvolution bias is slow);
 * the input-only gradient is {@code conv2d(dy, W)} on the same weights (see {@link ConvLayer}).
 */
public final class ConvTranspose2d extends ConvLayer {
    /** A layer initialised like PyTorch's ConvTranspose2d ({@link WeightInit#UNIFORM_FAN_IN}). */
    public ConvTranspose2d(int inChannels, int outChannels, int height, int width, ConvGeometry geometry) {
        this(inChannels, outChannels, height, width, geometry, WeightInit.UNIFORM_FAN_IN);
    }

    public ConvTranspose2d(int inChannels, int outChannels, int height, int width, ConvGeometry geometry,
                           WeightInit init) {
        // conv2d over the output always gives back exactly the input size: s (H - 1) + k - 2p + 2p - k = s (H - 1).
        super(inChannels, outChannels, height, width, geometry.transposedOut(height), geometry.transposedOut(width),
                geometry, init, "deconv2d", "deconv2d_bp", "conv2d", true, false, false, null);
    }

    @Override
    long[] weightShape() {
        return new long[]{geometry.kernel(), geometry.kernel(), outC, inC};
    }

    /** PyTorch's quirk kept for its default init: its weight is [iC, oC, k, k] and fan-in is read from dim 1. */
    @Override
    int fanIn() {
        return outC * geometry.kernel() * geometry.kernel();
    }
}
