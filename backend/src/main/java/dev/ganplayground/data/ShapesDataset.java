package dev.ganplayground.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in image set: 28 x 28 anti-aliased grey shapes on black, 8 classes, generated from a seed (no
 * download; 12,000 images in well under a second). Position, size, stroke width, brightness and rotation vary within
 * limits that keep every class unambiguous (rotation at most {@link #MAX_ROTATION_DEG} degrees, so a square never
 * looks like a diamond nor a plus like an X; disks and diamonds are filled, rings and squares hollow), which makes
 * the classes perfectly learnable and image mode coverage exact on this set.
 *
 * <p>Image i has class i mod 8, so every class has the same count and the last 20% (the test part) is balanced too.
 * Shapes are drawn from signed distance functions: a pixel's brightness is its covered fraction approximated by
 * clamp(0.5 - d, 0, 1) at distance d (in pixels) from the edge, a one-pixel anti-aliased ramp.
 */
public final class ShapesDataset {
    public static final String ID = "shapes";
    public static final List<String> CLASS_NAMES = List.of("circle", "square", "triangle", "plus", "cross", "bar",
            "ring", "diamond");
    public static final int SIDE = 28;
    public static final int DEFAULT_COUNT = 12_000;
    public static final long DEFAULT_SEED = 20240601L;
    public static final double MAX_ROTATION_DEG = 15;

    private ShapesDataset() {
    }

    /** The default set: {@link #DEFAULT_COUNT} images from {@link #DEFAULT_SEED}. */
    public static ImageDataset generate() {
        return generate(DEFAULT_SEED, DEFAULT_COUNT);
    }

    /** {@code count} images (at least 10) from {@code seed}; the same seed always gives the same bytes. */
    public static ImageDataset generate(long seed, int count) {
        if (count < 10) {
            throw new IllegalArgumentException("count must be >= 10, found " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int d = SIDE * SIDE;
        byte[] pixels = new byte[count * d];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int c = i % CLASS_NAMES.size();
            labels[i] = (byte) c;
            draw(c, rng, pixels, i * d);
        }
        return new ImageDataset(ID, "Shapes (built-in)", SIDE, SIDE, CLASS_NAMES, pixels, labels, count * 4 / 5,
                "generated (seed " + seed + ")");
    }

    private static void draw(int cls, SplittableRandom rng, byte[] out, int at) {
        double cx = SIDE / 2.0 + rng.nextDouble(-3, 3);
        double cy = SIDE / 2.0 + rng.nextDouble(-3, 3);
        double size = rng.nextDouble(6, 9.5);
        double stroke = rng.nextDouble(2, 3.5);
        double angle = Math.toRadians(rng.nextDouble(-MAX_ROTATION_DEG, MAX_ROTATION_DEG));
        double level = rng.nextDouble(0.7, 1.0);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                // Pixel centre in shape coordinates: rotate by -angle around the centre; v points up.
                double px = x + 0.5 - cx;
                double py = cy - (y + 0.5);
                double u = cos * px + sin * py;
                double v = -sin * px + cos * py;
                double dist = distance(cls, u, v, size, stroke);
                double cover = Math.min(1, Math.max(0, 0.5 - dist));
                out[at + y * SIDE + x] = (byte) Math.round(255 * level * cover);
            }
        }
    }

    /** Signed distance (negative inside) from (u, v) to the edge of class {@code cls}'s shape. */
    private static double distance(int cls, double u, double v, double size, double stroke) {
        double half = stroke / 2;
        return switch (cls) {
            case 0 -> len(u, v) - size;  // filled disk
            case 1 -> Math.abs(box(u, v, 0.8 * size)) - half;  // hollow square
            case 2 -> triangle(u, v, size);  // filled triangle, apex up
            case 3 -> Math.min(segment(u, v, -size, 0, size, 0), segment(u, v, 0, -size, 0, size)) - half;  // plus
            case 4 -> {
                double s = size * Math.sqrt(0.5);  // X: two diagonals of length 2 size
                yield Math.min(segment(u, v, -s, -s, s, s), segment(u, v, -s, s, s, -s)) - half;
            }
            case 5 -> segment(u, v, -size, 0, size, 0) - 0.75 * stroke;  // one thick horizontal bar
            case 6 -> Math.abs(len(u, v) - size) - half;  // ring
            case 7 -> (Math.abs(u) + Math.abs(v) - size) * Math.sqrt(0.5);  // filled diamond
            default -> throw new IllegalArgumentException("class " + cls);
        };
    }

    /** Signed distance to an axis-aligned square of half-side {@code h} (exact outside and inside). */
    private static double box(double u, double v, double h) {
        double qx = Math.abs(u) - h;
        double qy = Math.abs(v) - h;
        return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0);
    }

    /**
     * Equilateral triangle with circumradius r, apex up: the largest signed distance to its three edge lines
     * (exact inside and near edges, an underestimate only beyond the corners, which the one-pixel ramp hides).
     */
    private static double triangle(double u, double v, double r) {
        double inradius = r / 2;
        double worst = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            // Outward edge normals point at -90, 30 and 150 degrees.
            double a = Math.toRadians(-90 + 120 * k);
            worst = Math.max(worst, u * Math.cos(a) + v * Math.sin(a) - inradius);
        }
        return worst;
    }

    /** Euclidean length; Math.hypot's overflow care costs ~10x and these values are tiny. */
    private static double len(double x, double y) {
        return Math.sqrt(x * x + y * y);
    }

    /** Distance from (u, v) to the segment (ax, ay)-(bx, by). */
    private static double segment(double u, double v, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        return len(u - ax - t * dx, v - ay - t * dy);
    }
}
