package dev.ganplayground.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Direct calls into the OpenBLAS that ND4J already loads: ~0.2 us per call instead of ND4J's ~40-60 us op
 * dispatch (shared/DESIGN.md, "Facts"). Row-major throughout.
 */
public final class Blas {
    static {
        // ND4J first: it picks the native build and limits OpenBLAS to one thread.
        NativeRuntime.init();
    }

    private Blas() {
    }

    /** Makes sure ND4J and OpenBLAS are loaded and configured; cheap after the first call. */
    public static void ensureLoaded() {
        // The static initialiser does the work.
    }

    /**
     * C = alpha op(A) op(B) + beta C, row-major: op(A) is m x k, op(B) is k x n, C is m x n. The leading dimensions
     * are those of the stored (untransposed) matrices.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             FloatVec a, int lda, FloatVec b, int ldb, float beta, FloatVec c, int ldc) {
        openblas_nolapack.cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans,
                transB ? CblasTrans : CblasNoTrans, m, n, k, alpha, a.pointer(), lda, b.pointer(), ldb, beta,
                c.pointer(), ldc);
    }

    /**
     * y = alpha op(A) x + beta y, row-major: A is stored rows x cols with leading dimension lda; op(A) is A or its
     * transpose; x and y are contiguous.
     */
    public static void sgemv(boolean transA, int rows, int cols, float alpha, FloatVec a, int lda, FloatVec x,
                             float beta, FloatVec y) {
        openblas_nolapack.cblas_sgemv(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, rows, cols, alpha,
                a.pointer(), lda, x.pointer(), 1, beta, y.pointer(), 1);
    }
}
