package dev.ganplayground.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

class BoundOpsTest {
    @Test
    @DisplayName("a wrapped array reads and writes the vector's memory, a view's from its own first element")
    void wrapSharesMemory() {
        try (FloatVec v = FloatVec.allocate(10)) {
            FloatVec view = v.view(4, 6);
            INDArray a = BoundOps.wrap(view, 2, 3);
            view.set(5, 7f);
            assertThat(a.getFloat(1, 2)).isEqualTo(7f);
            a.putScalar(0, 0, 3f);
            assertThat(v.get(4)).isEqualTo(3f);
        }
    }

    @Test
    @DisplayName("dropped wrappers never free our memory (ND4J's deallocator must leave external buffers alone)")
    void droppedWrappersLeaveMemoryAlone() throws InterruptedException {
        try (FloatVec v = FloatVec.allocate(1000)) {
            for (int i = 0; i < 2000; i++) {
                BoundOps.wrap(v, 10, 100);
            }
            System.gc();
            Thread.sleep(300); // ND4J's deallocator thread processes the dropped buffers
            v.fill(2f);
            try (FloatVec other = FloatVec.allocate(1000)) {
                other.fill(5f);
                assertThat(v.toArray()).containsOnly(2f);
            }
        } // freeing v here would abort the JVM (double free) had ND4J freed it
    }

    @Test
    @DisplayName("the cache finds ops by key and evicts the least recently used one when full")
    void leastRecentlyUsedEviction() {
        BoundOps cache = new BoundOps();
        DynamicCustomOp[] ops = new DynamicCustomOp[9];
        for (int i = 0; i < 9; i++) {
            ops[i] = DynamicCustomOp.builder("noop").build();
        }
        for (int i = 0; i < 8; i++) {
            cache.put(new long[]{i}, ops[i]);
        }
        assertThat(cache.find(new long[]{0})).isSameAs(ops[0]); // 0 is now the most recent; 1 the oldest
        cache.put(new long[]{8}, ops[8]);
        assertThat(cache.find(new long[]{1})).isNull();
        assertThat(cache.find(new long[]{0})).isSameAs(ops[0]);
        assertThat(cache.find(new long[]{8})).isSameAs(ops[8]);
    }
}
