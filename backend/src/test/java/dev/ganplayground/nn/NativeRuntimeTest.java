package dev.ganplayground.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NativeRuntimeTest {
    @Test
    @DisplayName("the native heap is trimmed at most once per interval, however many run threads ask")
    void trimIsRateLimited() {
        Blas.ensureLoaded();
        NativeRuntime.trimNativeHeapIfDue(); // may or may not be due, depending on what ran before in this JVM
        assertThat(NativeRuntime.trimNativeHeapIfDue()).isFalse();
    }

    @Test
    @DisplayName("the start-up note names a pinned OpenBLAS kernel family, or says OpenBLAS chose from the CPU")
    void blasKernelsNote() {
        assertThat(NativeRuntime.blasKernelsNote("Haswell")).startsWith("OPENBLAS_CORETYPE=Haswell");
        assertThat(NativeRuntime.blasKernelsNote(null)).isEqualTo("chosen by OpenBLAS from the CPU");
        assertThat(NativeRuntime.blasKernelsNote(" ")).isEqualTo("chosen by OpenBLAS from the CPU");
    }
}
