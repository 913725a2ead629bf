package dev.ganplayground.nn;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
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

    public float get(int i) {
        return buffer.get(i);
    }

    public void set(int i, float v) {
        buffer.put(i, v);
    }

    public void fill(float v) {
        FloatBuffer b = buffer;
        for (int i = 0; i < length; i++) {
            b.put(i, v);
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
        FloatBuffer s = src.buffer;
        FloatBuffer d = buffer;
        for (int i = 0; i < n; i++) {
            d.put(at + i, s.get(i));
        }
    }

    /** Copies {@code n} floats of {@code src} starting at {@code srcAt} into this vector starting at {@code at}. */
    public void copyFrom(FloatVec src, int srcAt, int at, int n) {
        FloatBuffer s = src.buffer;
        FloatBuffer d = buffer;
        for (int i = 0; i < n; i++) {
            d.put(at + i, s.get(srcAt + i));
        }
    }

    /** Sum of squares in double, for gradient norms. */
    public double sumOfSquares() {
        FloatBuffer b = buffer;
        double s = 0;
        for (int i = 0; i < length; i++) {
            float v = b.get(i);
            s += v * v;
        }
        return s;
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
