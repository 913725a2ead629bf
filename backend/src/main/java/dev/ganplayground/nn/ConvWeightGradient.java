package dev.ganplayground.nn;

/**
 * Conv2d's weight and bias gradients alone, for a first layer whose input gradient nobody wants (D's first layer in
 * D's step): conv2d_bp always computes dx too, and on DCGAN's 1-channel 28x28 input that dx and the reorders around
 * it cost ~10 ms a step on one thread (DNNL_VERBOSE), this path ~2 ms. Per row n: im2col of x into a K x P matrix
 * (K = kH kW iC in ND4J's weight order, P = oH oW output positions, zeros where the kernel covers padding), then
 * dW (K x oC) += cols (K x P) dy_n^T, dy_n being the row's oC x P block of NCHW dy; db = the sums of dy per channel.
 */
final class ConvWeightGradient implements AutoCloseable {
    private final int inC;
    private final int inH;
    private final int inW;
    private final int outC;
    private final int outH;
    private final int outW;
    private final ConvGeometry geometry;
    private final int kRows;
    private final int positions;
    private final FloatVec cols;

    ConvWeightGradient(int inC, int inH, int inW, int outC, int outH, int outW, ConvGeometry geometry) {
        this.inC = inC;
        this.inH = inH;
        this.inW = inW;
        this.outC = outC;
        this.outH = outH;
        this.outW = outW;
        this.geometry = geometry;
        this.kRows = geometry.kernel() * geometry.kernel() * inC;
        this.positions = outH * outW;
        this.cols = FloatVec.allocate(kRows * positions);
    }

    /** Overwrites {@code dw} ([kH,kW,iC,oC]) and {@code db} ([oC]) from the layer input x and output gradient dy. */
    void compute(FloatVec x, FloatVec dy, int rows, FloatVec dw, FloatVec db) {
        int rowIn = inC * inH * inW;
        int rowOut = outC * positions;
        for (int n = 0; n < rows; n++) {
            fillColumns(x, n * rowIn);
            Blas.sgemm(false, true, kRows, outC, positions, 1f, cols, positions, dy.view(n * rowOut, rowOut),
                    positions, n == 0 ? 0f : 1f, dw, outC);
        }
        ConvLayer.biasGradient(dy, db, rows, outC, positions);
    }

    /** cols[k][p] = x[ic, oh s - pad + kh, ow s - pad + kw] with k = (kh kW + kw) iC + ic, 0 outside the image. */
    private void fillColumns(FloatVec x, int base) {
        java.nio.FloatBuffer xb = x.buffer();
        java.nio.FloatBuffer cb = cols.buffer();
        int k = geometry.kernel();
        int s = geometry.stride();
        int pad = geometry.padding();
        for (int kh = 0; kh < k; kh++) {
            for (int kw = 0; kw < k; kw++) {
                for (int ic = 0; ic < inC; ic++) {
                    int row = ((kh * k + kw) * inC + ic) * positions;
                    int plane = base + ic * inH * inW;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * s - pad + kh;
                        int at = row + oh * outW;
                        if (ih < 0 || ih >= inH) {
                            for (int ow = 0; ow < outW; ow++) {
                                cb.put(at + ow, 0f);
                            }
                            continue;
                        }
                        int line = plane + ih * inW;
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * s - pad + kw;
                            cb.put(at + ow, iw >= 0 && iw < inW ? xb.get(line + iw) : 0f);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        cols.close();
    }
}
