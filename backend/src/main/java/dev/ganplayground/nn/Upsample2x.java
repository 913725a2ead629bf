package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * Nearest-neighbour 2x upsampling of NCHW rows: channels x height x width in, channels x 2height x 2width out, each
 * input pixel copied into a 2x2 block (ProGAN's generator between resolutions). Backward sums each 2x2 block of dy.
 * No parameters.
 */
public final class Upsample2x implements Layer {
    private final int channels;
    private final int height;
    private final int width;

    public Upsample2x(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("Upsample2x needs positive sizes, found " + channels + "x" + height
                    + "x" + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    @Override
    public int inputWidth() {
        return channels * height * width;
    }

    @Override
    public int outputWidth() {
        return 4 * channels * height * width;
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        int planes = rows * channels;
        int ow = 2 * width;
        for (int pl = 0; pl < planes; pl++) {
            int in = pl * height * width;
            int out = 4 * in;
            for (int i = 0; i < height; i++) {
                int top = out + 2 * i * ow;
                for (int j = 0; j < width; j++) {
                    float v = xb.get(in + i * width + j);
                    yb.put(top + 2 * j, v);
                    yb.put(top + 2 * j + 1, v);
                    yb.put(top + ow + 2 * j, v);
                    yb.put(top + ow + 2 * j + 1, v);
                }
            }
        }
    }

    @Override
    public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
        if (dx == null) {
            return;
        }
        FloatBuffer gb = dy.buffer();
        FloatBuffer db = dx.buffer();
        int planes = rows * channels;
        int ow = 2 * width;
        for (int pl = 0; pl < planes; pl++) {
            int in = pl * height * width;
            int out = 4 * in;
            for (int i = 0; i < height; i++) {
                int top = out + 2 * i * ow;
                for (int j = 0; j < width; j++) {
                    db.put(in + i * width + j, gb.get(top + 2 * j) + gb.get(top + 2 * j + 1)
                            + gb.get(top + ow + 2 * j) + gb.get(top + ow + 2 * j + 1));
                }
            }
        }
    }
}
