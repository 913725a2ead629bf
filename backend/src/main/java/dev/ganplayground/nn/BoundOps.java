package dev.ganplayground.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny cache of ND4J custom ops already bound to arrays over our native memory, keyed by the pass's row count and
 * the addresses of the buffers involved. Building a {@link DynamicCustomOp} and its INDArrays costs far more than
 * running a small kernel, and a layer sees only a handful of (rows, buffers) combinations (D: 2b rows in its own
 * step, b rows in G's step; frames: other counts), so each is built once and re-executed with
 * {@link Nd4j#exec(org.nd4j.linalg.api.ops.CustomOp)}. The least recently used entry is dropped when full (its
 * arrays only wrap memory they do not own, so dropping frees nothing of ours).
 */
final class BoundOps {
    private static final int CAPACITY = 8;

    private final long[][] keys = new long[CAPACITY][];
    private final DynamicCustomOp[] ops = new DynamicCustomOp[CAPACITY];
    private final long[] lastUse = new long[CAPACITY];
    private long clock;

    /** The op cached under {@code key}, or null. */
    DynamicCustomOp find(long[] key) {
        clock++;
        for (int i = 0; i < CAPACITY; i++) {
            if (keys[i] != null && java.util.Arrays.equals(keys[i], key)) {
                lastUse[i] = clock;
                return ops[i];
            }
        }
        return null;
    }

    /** Caches {@code op} under a copy of {@code key}, evicting the least recently used entry if full. */
    DynamicCustomOp put(long[] key, DynamicCustomOp op) {
        int victim = 0;
        for (int i = 0; i < CAPACITY; i++) {
            if (keys[i] == null) {
                victim = i;
                break;
            }
            if (lastUse[i] < lastUse[victim]) {
                victim = i;
            }
        }
        ops[victim] = op;
        keys[victim] = key.clone();
        lastUse[victim] = ++clock;
        return op;
    }

    /** Forgets every bound op (call when buffers they wrap are freed and may be reused with other shapes). */
    void clear() {
        java.util.Arrays.fill(keys, null);
        java.util.Arrays.fill(ops, null);
    }

    /**
     * A C-order FLOAT INDArray of {@code shape} over the first floats of {@code v}, without copying: ND4J reads and
     * writes our memory directly. The array must not be used after {@code v}'s owner is closed.
     */
    static INDArray wrap(FloatVec v, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        if (n > v.length()) {
            throw new IllegalArgumentException("shape needs " + n + " floats, the vector has " + v.length());
        }
        // A pointer made from the view's own buffer starts exactly at element 0 (position 0), whatever the view's
        // offset in its owner: ND4J takes the address as is.
        FloatPointer p = new FloatPointer(v.buffer());
        DataBuffer buffer = Nd4j.createBuffer(p, DataType.FLOAT, n, FloatIndexer.create(p));
        return Nd4j.create(buffer, shape);
    }
}
