package dev.ganplayground.samples;

/**
 * IEEE 754 binary16 ("half") conversion for the 2D frames' sections (docs/protocol.md 3.4): 11 significant bits
 * (relative error <= 2^-11) are far finer than a canvas pixel or a heatmap colour, and half the bytes of float32
 * per viewer. Java 17 has no {@code Float.floatToFloat16} (it came in Java 20), so it is done here: round to
 * nearest, ties to even; beyond the largest half (65504) to infinity; NaN stays NaN.
 */
public final class Float16 {
    private Float16() {
    }

    /** The half nearest to {@code f}, as its 16 bits. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fff_ffff;
        if (abs >= 0x7f80_0000) { // infinity, or NaN (kept quiet and non-zero)
            return (short) (sign | 0x7c00 | (abs > 0x7f80_0000 ? 0x200 : 0));
        }
        if (abs >= 0x477f_f000) { // 65520 and up round to infinity (65520 is the tie, and 65504 is odd)
            return (short) (sign | 0x7c00);
        }
        if (abs >= 0x3880_0000) { // a normal half (2^-14 and up): drop 13 mantissa bits, rounding
            int h = ((abs >>> 23) - 127 + 15) << 10 | (abs & 0x7f_ffff) >>> 13;
            return (short) (sign | roundedUp(h, abs & 0x1fff, 0x1000));
        }
        if (abs <= 0x3300_0000) { // 2^-25 and below round to zero (2^-25 is the tie with the even zero)
            return (short) sign;
        }
        // A subnormal half m * 2^-24: the float's 24-bit significand shifted right by 126 - exponent.
        int exponent = abs >>> 23;
        int significand = (abs & 0x7f_ffff) | 0x80_0000;
        int shift = 126 - exponent;
        return (short) (sign | roundedUp(significand >>> shift, significand & ((1 << shift) - 1), 1 << (shift - 1)));
    }

    /** {@code truncated}, plus one when the dropped bits are over half, or exactly half and truncated is odd. */
    private static int roundedUp(int truncated, int dropped, int half) {
        return dropped > half || (dropped == half && (truncated & 1) != 0) ? truncated + 1 : truncated;
    }

    /** The float value of a half's 16 bits (exact: every half is a float). */
    public static float toFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            float v = mantissa * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7f80_0000 | mantissa << 13);
        }
        return Float.intBitsToFloat(sign | (exponent - 15 + 127) << 23 | mantissa << 13);
    }
}
