package dev.ganplayground.nn;

import java.nio.FloatBuffer;

/**
 * 2x2 average pooling with stride 2 over NCHW rows: channels x height x width in (even sides), channels x height/2 x
 * width/2 out (ProGAN's discriminator between resolutions, and the downsampling of real images and of D's fade-in
 * path). Backward spreads each dy over its 2x2 block, a quarter each. No parameters.
 */
public final class AvgPool2x implements Layer {
    private final int channels;
    private final int height;
    private final int width;

    public AvgPool2x(int channels, int height, int width) {
        if (channels < 1 || height < 2 || width < 2 || height % 2 != 0 || width % 2 != 0) {
            throw new IllegalArgumentException("AvgPool2x needs positive channels and even sides, found " + channels
                    + "x" + height + "x" + width);
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
        return channels * height * width / 4;
    }

    @Override
    public void forward(FloatVec x, FloatVec y, int rows) {
        FloatBuffer xb = x.buffer();
        FloatBuffer yb = y.buffer();
        int planes = rows * channels;
        int oh = height / 2;
        int ow = width / 2;
        for (int pl = 0; pl < planes; pl++) {
            int in = pl * height * width;
            int out = pl * oh * ow;
            for (int i = 0; i < oh; i++) {
                int top = in + 2 * i * width;
                for (int j = 0; j < ow; j++) {
                    yb.put(out + i * ow + j, 0.25f * (xb.get(top + 2 * j) + xb.get(top + 2 * j + 1)
                            + xb.get(top + width + 2 * j) + xb.get(top + width + 2 * j + 1)));
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
        int oh = height / 2;
        int ow = width / 2;
        for (int pl = 0; pl < planes; pl++) {
            int in = pl * height * width;
            int out = pl * oh * ow;
            for (int i = 0; i < oh; i++) {
                int top = in + 2 * i * width;
                for (int j = 0; j < ow; j++) {
                    float g = 0.25f * gb.get(out + i * ow + j);
                    db.put(top + 2 * j, g);
                    db.put(top + 2 * j + 1, g);
                    db.put(top + width + 2 * j, g);
                    db.put(top + width + 2 * j + 1, g);
                }
            }
        }
    }
}
