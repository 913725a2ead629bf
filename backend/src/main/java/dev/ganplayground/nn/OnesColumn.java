package dev.ganplayground.nn;

/**
 * A rows x 1 column of ones that grows on demand: a dense layer broadcasts its bias over the rows as the rank-1
 * product ones b and takes the bias gradient as dy^T ones, both through BLAS (see {@link Dense}).
 */
final class OnesColumn {
    private FloatVec ones;

    /** The column, at least {@code rows} long: grown (reallocated) only when it is shorter. */
    FloatVec reserve(int rows) {
        if (ones == null || rows > ones.length()) {
            release();
            ones = FloatVec.allocate(rows);
            ones.fill(1f);
        }
        return ones;
    }

    void release() {
        if (ones != null) {
            ones.close();
            ones = null;
        }
    }
}
