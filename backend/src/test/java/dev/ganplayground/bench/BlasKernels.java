package dev.ganplayground.bench;

import dev.ganplayground.nn.Blas;
import dev.ganplayground.nn.FloatVec;

/**
 * Loads the OpenBLAS the trainer uses and runs one product, so that with {@code OPENBLAS_VERBOSE=2} OpenBLAS prints
 * the kernel family it picked ("Core: ..."); the benchmark scripts record it beside PyTorch's (bench/alternate.sh).
 */
public final class BlasKernels {
    private BlasKernels() {
    }

    public static void main(String[] args) {
        try (FloatVec a = FloatVec.allocate(4); FloatVec c = FloatVec.allocate(4)) {
            Blas.sgemm(false, false, 2, 2, 2, 1f, a, 2, a, 2, 0f, c, 2);
        }
    }
}
