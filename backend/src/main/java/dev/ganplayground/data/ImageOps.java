package dev.ganplayground.data;

/**
 * Resampling of images held as floats, C x H x W per image (NCHW), images one after another: what ProGAN needs around
 * its networks (padding 28x28 datasets to 32x32, showing real images to D at the current resolution, scaling
 * generated images for the classifier). Pure loops over caller-owned arrays; nothing is allocated.
 */
public final class ImageOps {
    private ImageOps() {
    }

    /**
     * Pads {@code n} images of {@code c x h x w}, stored packed at {@code buf[offset..]}, in place to {@code c x size x
     * size} each (centred; an odd margin puts the extra pixel at the bottom and right), filling with {@code fill}.
     * {@code buf} must hold {@code n c size^2} floats from offset. In place from the last image and row backwards, so
     * every source is read before it is overwritten.
     */
    public static void padInPlace(float[] buf, int offset, int n, int c, int h, int w, int size, float fill) {
        if (size < h || size < w) {
            throw new IllegalArgumentException(h + "x" + w + " does not fit in " + size + "x" + size);
        }
        int top = (size - h) / 2;
        int left = (size - w) / 2;
        int in = c * h * w;
        int out = c * size * size;
        for (int k = n - 1; k >= 0; k--) {
            for (int ch = c - 1; ch >= 0; ch--) {
                int src = offset + k * in + ch * h * w;
                int dst = offset + k * out + ch * size * size;
                for (int r = h - 1; r >= 0; r--) {
                    System.arraycopy(buf, src + r * w, buf, dst + (top + r) * size + left, w);
                }
            }
        }
        for (int k = 0; k < n * c; k++) {
            int plane = offset + k * size * size;
            for (int r = 0; r < size; r++) {
                boolean rowOutside = r < top || r >= top + h;
                for (int col = 0; col < size; col++) {
                    if (rowOutside || col < left || col >= left + w) {
                        buf[plane + r * size + col] = fill;
                    }
                }
            }
        }
    }

    /** 2x2 average pooling: {@code n} images of c x h x w (even sides) from src[srcAt..] to c x h/2 x w/2 at dst[dstAt..]. */
    public static void downsample2x(float[] src, int srcAt, float[] dst, int dstAt, int n, int c, int h, int w) {
        int oh = h / 2;
        int ow = w / 2;
        for (int p = 0; p < n * c; p++) {
            int s = srcAt + p * h * w;
            int d = dstAt + p * oh * ow;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    int a = s + 2 * i * w + 2 * j;
                    dst[d + i * ow + j] = 0.25f * (src[a] + src[a + 1] + src[a + w] + src[a + w + 1]);
                }
            }
        }
    }

    /**
     * Nearest-neighbour upscaling by an integer {@code factor}: {@code n} images of c x h x w from src[srcAt..] to
     * c x factor h x factor w at dst[dstAt..].
     */
    public static void upsampleNearest(float[] src, int srcAt, float[] dst, int dstAt, int n, int c, int h, int w,
                                       int factor) {
        int oh = h * factor;
        int ow = w * factor;
        for (int p = 0; p < n * c; p++) {
            int s = srcAt + p * h * w;
            int d = dstAt + p * oh * ow;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    dst[d + i * ow + j] = src[s + (i / factor) * w + j / factor];
                }
            }
        }
    }

    /** The centred {@code ch x cw} window of each of {@code n} images of c x h x w, packed into dst[dstAt..]. */
    public static void cropCenter(float[] src, int srcAt, float[] dst, int dstAt, int n, int c, int h, int w,
                                  int ch, int cw) {
        int top = (h - ch) / 2;
        int left = (w - cw) / 2;
        for (int p = 0; p < n * c; p++) {
            for (int i = 0; i < ch; i++) {
                System.arraycopy(src, srcAt + p * h * w + (top + i) * w + left, dst, dstAt + p * ch * cw + i * cw,
                        cw);
            }
        }
    }
}
