package dev.ganplayground.nn;

/**
 * Heap arrays through which element-wise loops over native vectors run in chunks: copy a chunk of each operand in,
 * loop over the arrays, copy the result back.
 *
 * <p>Why: C2 (JDK 17) does not vectorise loops over direct {@link java.nio.FloatBuffer}s (about 0.45 ns per float
 * on the 2-core AMD EPYC of docs/benchmarks.md) but does vectorise simple counted loops over {@code float[]} and
 * {@code int[]} (0.05-0.1 ns), and the bulk copies between the two are a memcpy (~0.04 ns per float). So a loop that
 * goes through these arrays costs about a third of the direct one, with the same arithmetic element by element (the
 * results are bit-identical). Loops that need a float's bits (ReLU's sign mask) copy the operand in as
 * {@code int[]} through {@link FloatVec#bits()}: {@code Float.floatToRawIntBits} inside a loop stops C2's
 * vectoriser, integer ops on an {@code int[]} do not.
 *
 * <p>Chunks of {@value #CHUNK} floats keep the arrays in the L1/L2 cache while the loop works on them and the
 * memory fixed whatever the batch (a DCGAN activation of 800,000 floats would otherwise need megabytes per layer,
 * against the server's memory budget); nothing is allocated after construction. One instance per user (layer,
 * optimizer), or {@link #local()} for short reductions; not thread-safe.
 */
final class HeapScratch {
    /** Floats per chunk: 16 KiB per array, big enough that the per-copy overhead (tens of ns) is noise. */
    static final int CHUNK = 4096;

    private static final ThreadLocal<HeapScratch> LOCAL = ThreadLocal.withInitial(() -> new HeapScratch(1, 1));

    private final float[][] floats;
    private final int[][] ints;

    /** Scratch with {@code floatArrays} float chunks and {@code intArrays} int chunks. */
    HeapScratch(int floatArrays, int intArrays) {
        floats = new float[floatArrays][CHUNK];
        ints = new int[intArrays][CHUNK];
    }

    /** This thread's scratch with one float and one int chunk, for {@link FloatVec}'s own loops (32 KiB a thread). */
    static HeapScratch local() {
        return LOCAL.get();
    }

    /** The length of the chunk starting at {@code at} of a loop over {@code n} elements. */
    static int chunk(int at, int n) {
        return Math.min(CHUNK, n - at);
    }

    /** Float chunk {@code i} as it is (for results computed from other chunks). */
    float[] floats(int i) {
        return floats[i];
    }

    /** Float chunk {@code i} holding {@code v[at, at + k)}. */
    float[] load(int i, FloatVec v, int at, int k) {
        float[] a = floats[i];
        v.buffer().get(at, a, 0, k);
        return a;
    }

    /** Int chunk {@code i} holding the raw bits of {@code v[at, at + k)}. */
    int[] loadBits(int i, FloatVec v, int at, int k) {
        int[] a = ints[i];
        v.bits().get(at, a, 0, k);
        return a;
    }

    /** Writes {@code a[0, k)} into {@code v[at, at + k)}. */
    static void store(float[] a, FloatVec v, int at, int k) {
        v.buffer().put(at, a, 0, k);
    }

    /** Writes the floats whose raw bits are {@code a[0, k)} into {@code v[at, at + k)}. */
    static void storeBits(int[] a, FloatVec v, int at, int k) {
        v.bits().put(at, a, 0, k);
    }
}
