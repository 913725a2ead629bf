package dev.ganplayground.nn;

/**
 * 2D convolution (cross-correlation, as PyTorch's Conv2d) over NCHW rows: inChannels x height x width in, outChannels
 * x H' x W' out with H' = floor((H + 2p - k) / s) + 1. Weights [kH,kW,iC,oC] (ND4J's layout) then the bias [oC],
 * both in the network's flat vectors. Runs ND4J's oneDNN {@code conv2d} / {@code conv2d_bp}; the input-only
 * gradient is {@code deconv2d(dy, W)} (see {@link ConvLayer}) when the geometry covers the input exactly
 * ((H + 2p - k) divisible by s, as in DCGAN's 28 -> 14 -> 7), else conv2d_bp with throw-away weight gradients.
 * Weight gradients without an input gradient (a first layer) come from {@link ConvWeightGradient}.
 */
public final class Conv2d extends ConvLayer {
    /** A layer initialised like PyTorch's Conv2d ({@link WeightInit#UNIFORM_FAN_IN}). */
    public Conv2d(int inChannels, int outChannels, int height, int width, ConvGeometry geometry) {
        this(inChannels, outChannels, height, width, geometry, WeightInit.UNIFORM_FAN_IN);
    }

    public Conv2d(int inChannels, int outChannels, int height, int width, ConvGeometry geometry, WeightInit init) {
        this(inChannels, outChannels, height, width, geometry, init, null);
    }

    /**
     * A layer with an equalised learning rate (ProGAN): W ~ N(0, 1) and b = 0 stored, scaled at run time by
     * {@code eq}'s constant for fan-in inChannels x k x k.
     */
    public Conv2d(int inChannels, int outChannels, int height, int width, ConvGeometry geometry, EqualizedLr eq) {
        this(inChannels, outChannels, height, width, geometry, WeightInit.UNIFORM_FAN_IN,
                java.util.Objects.requireNonNull(eq));
    }

    private Conv2d(int inChannels, int outChannels, int height, int width, ConvGeometry geometry, WeightInit init,
                   EqualizedLr eq) {
        super(inChannels, outChannels, height, width, geometry.convOut(height), geometry.convOut(width), geometry,
                init, "conv2d", "conv2d_bp", "deconv2d",
                geometry.convInvertsExactly(height) && geometry.convInvertsExactly(width), true, true, eq);
    }

    @Override
    long[] weightShape() {
        return new long[]{geometry.kernel(), geometry.kernel(), inC, outC};
    }

    @Override
    int fanIn() {
        // Read in the super constructor (equalised scale): inC is set by then, geometry too.
        return inC * geometry.kernel() * geometry.kernel();
    }
}
