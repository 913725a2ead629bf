package dev.ganplayground.nn;

/**
 * A normalisation that takes a second input, a per-row style of per-channel scales then shifts: {@code y = s_c *
 * normalise(x) + b_c}. Implementations differ in which axis they normalise over: {@link AdaIn} over each channel's
 * positions (StyleGAN), {@link StyledPixelNorm} over each pixel's channels (ProGAN's pixel norm, styled).
 *
 * <p>Not a {@link Layer}: it has two inputs. An implementation keeps the statistics of its last forward for the
 * backward pass, in buffers that grow in {@link #reserve}.
 */
public interface StyleNorm extends AutoCloseable {
    /** Channels of the feature map; the style has a scale and a shift for each. */
    int channels();

    /** Floats per row of the feature map. */
    int width();

    /** Floats per style row (the scales, then the shifts). */
    default int styleWidth() {
        return 2 * channels();
    }

    /** Grows the statistics buffers to {@code rows} rows; never shrinks. */
    void reserve(int rows);

    /** {@code y = style scale * normalised x + style shift}, per row and channel. */
    void forward(FloatVec x, FloatVec style, FloatVec y, int rows);

    /**
     * Gradients of the last forward from {@code dy}: {@code dx} and {@code dStyle}, each overwritten, each may be
     * null.
     */
    void backward(FloatVec x, FloatVec style, FloatVec dy, FloatVec dx, FloatVec dStyle, int rows);

    @Override
    void close();
}
