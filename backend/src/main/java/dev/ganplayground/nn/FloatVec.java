package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A run of native floats: either an owning allocation or a view into one. The same memory is reachable two ways:
 * a {@link FloatPointer} positioned at the view's first element (for BLAS) and a direct, native-order
 * {@link FloatBuffer} whose index 0 is that element (for Java loops; no JNI call per element).
 *
 * <p>Views never own memory; closing the owner frees it for all of its views, which must not be used afterwards.
 */
public final class FloatVec implements AutoCloseable {
    private final FloatPointer owner;
    private final FloatPointer pointer;
    private final FloatBuffer buffer;
    private final int length;
    /** The same floats read as their raw int bits (see {@link #bits()}); made on first use. */
    private IntBuffer bits;

    private FloatVec(FloatPointer owner, FloatPointer pointer, FloatBuffer buffer, int length) {
        this.owner = owner;
        this.pointer = pointer;
        this.buffer = buffer;
        this.length = length;
    }

    /** Allocates {@code length} zeroed floats of native memory. */
    public static FloatVec allocate(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, found " + length);
        }
        Blas.ensureLoaded();
        // JavaCPP rejects zero-length arrays; keep one spare float so empty vectors work too.
        FloatPointer p = new FloatPointer(Math.max(1, length));
        Pointer.memset(p, 0, 4L * Math.max(1, length));
        FloatBuffer b = p.asBuffer().slice(0, length);
        return new FloatVec(p, p, b, length);
    }

    /** A view of {@code length} floats starting at {@code offset} of this vector (no copy, no ownership). */
    public FloatVec view(int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > this.length) {
            throw new IndexOutOfBoundsException("view [" + offset + ", " + (offset + length) + ") of " + this.length);
        }
        FloatPointer p = new FloatPointer(pointer).position(pointer.position() + offset);
        return new FloatVec(null, p, buffer.slice(offset, length), length);
    }

    public int length() {
        return length;
    }

    /** The native pointer positioned at element 0 of this vector (JavaCPP adds the position on every call). */
    public FloatPointer pointer() {
        return pointer;
    }

    /** Native address of element 0 (identifies the memory, e.g. to cache ND4J arrays bound to it). */
    public long address() {
        return pointer.address() + 4L * pointer.position();
    }

    /** Direct native-order buffer; index 0 is element 0 of this vector. Absolute get/put only. */
    public FloatBuffer buffer() {
        return buffer;
    }

    /**
     * The same memory as {@link #buffer()}, each float read as its raw int bits: for loops that work on signs and
     * masks with integer ops (see {@link HeapScratch}). Absolute get/put only.
     */
    IntBuffer bits() {
        if (bits == null) {
            // Same address and position as the float pointer; ints and floats are both 4 bytes.
            IntPointer p = new IntPointer(pointer);
            bits = length == 0 ? IntBuffer.allocate(0)
                    : p.limit(pointer.position() + length).asBuffer().slice(0, length);
        }
        return bits;
    }

    public float get(int i) {
        return buffer.get(i);
    }

    public void set(int i, float v) {
        buffer.put(i, v);
    }

    /** Sets every element to {@code v} (bulk copies of a heap chunk; see {@link HeapScratch}). */
    public void fill(float v) {
        float[] a = HeapScratch.local().floats(0);
        Arrays.fill(a, 0, HeapScratch.chunk(0, length), v);
        for (int at = 0; at < length; at += HeapScratch.CHUNK) {
            HeapScratch.store(a, this, at, HeapScratch.chunk(at, length));
        }
    }

    /** Copies {@code n} floats from {@code src[srcOffset..]} into this vector starting at {@code at}. */
    public void copyFrom(float[] src, int srcOffset, int at, int n) {
        buffer.put(at, src, srcOffset, n);
    }

    /** Copies {@code n} floats from this vector starting at {@code at} into {@code dst[dstOffset..]}. */
    public void copyTo(int at, float[] dst, int dstOffset, int n) {
        buffer.get(at, dst, dstOffset, n);
    }

    /** Copies the first {@code n} floats of {@code src} into this vector starting at {@code at}. */
    public void copyFrom(FloatVec src, int at, int n) {
        copyFrom(src, 0, at, n);
    }

    /**
     * Copies {@code n} floats of {@code src} starting at {@code srcAt} into this vector starting at {@code at}
     * (a memcpy; the two ranges must not overlap).
     */
    public void copyFrom(FloatVec src, int srcAt, int at, int n) {
        buffer.put(at, src.buffer, srcAt, n);
    }

    /**
     * Sum of squares in double, for gradient norms. Four interleaved partial sums (a single running sum is bound by
     * the add latency, ~0.6 ns per float), so the last bits differ from a left-to-right sum: the norm is reported
     * and checked for finiteness, it does not feed the update.
     */
    public double sumOfSquares() {
        HeapScratch scratch = HeapScratch.local();
        double s = 0;
        for (int at = 0; at < length; at += HeapScratch.CHUNK) {
            int k = HeapScratch.chunk(at, length);
            s += sumOfSquares(scratch.load(0, this, at, k), k);
        }
        return s;
    }

    private static double sumOfSquares(float[] a, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * a[i];
            s1 += a[i + 1] * a[i + 1];
            s2 += a[i + 2] * a[i + 2];
            s3 += a[i + 3] * a[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** True when no element is NaN or infinite. */
    public boolean allFinite() {
        HeapScratch scratch = HeapScratch.local();
        for (int at = 0; at < length; at += HeapScratch.CHUNK) {
            int k = HeapScratch.chunk(at, length);
            if (exponentsAllOnes(scratch.loadBits(0, this, at, k), k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether some float, given by its raw bits, has an all-ones exponent (NaN or infinite): adding 1 to the
     * exponent field carries into the sign bit exactly then. An int OR over the chunk, which C2 vectorises.
     */
    private static boolean exponentsAllOnes(int[] bits, int n) {
        int any = 0;
        for (int i = 0; i < n; i++) {
            any |= (bits[i] & 0x7f800000) + 0x00800000;
        }
        return any < 0;
    }

    /** Copies the whole vector onto the heap (tests, snapshots). */
    public float[] toArray() {
        float[] a = new float[length];
        buffer.get(0, a, 0, length);
        return a;
    }

    /** Frees the native memory now if this vector owns it; a no-op for views. */
    @Override
    public void close() {
        if (owner != null && !owner.isNull()) {
            owner.close();
        }
    }
}
