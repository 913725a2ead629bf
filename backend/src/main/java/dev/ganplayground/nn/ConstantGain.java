package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Multiplies its input by a fixed gain: {@code y = gain * x}. StyleGAN2's leaky ReLU carries a gain of sqrt(2)
 * (NVlabs/stylegan2, dnnlib/tflib/ops/fused_bias_act.py, def_gain) so that, with demodulated convs normalising only
 * by the weights, the activations keep unit second moment from layer to layer; without it each leaky ReLU 0.2
 * halves it (E[lrelu(x)^2] = 0.52 for x ~ N(0, 1)), and after eight layers the signal is ~0.07 while the noise
 * inputs keep their scale.
 */
public final class ConstantGain implements Layer {
    private final int width;
    private final float gain;

    public ConstantGain(int width, double gain) {
        if (width < 1 || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("width must be positive and gain finite, found " + width + ", " + gain);
        }
        this.width = width;
        this.gain = (float) gain;
    }

    @Override
    public int inputWidth() {
        return width;
    }

    @Override
    public int outputWidth() {
        return width;
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        scale(x, y, rows);
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx != null) {
            scale(dy, dx, rows);
        }
    }

    private void scale(FloatVec in, FloatVec out, int rows) {
        FloatBuffer ib = in.buffer();
        FloatBuffer ob = out.buffer();
        for (int i = 0, n = rows * width; i < n; i++) {
            ob.put(i, ib.get(i) * gain);
        }
    }
}
