package dev.ganplayground.data;

/** The rectangle of the plane that the views show for a distribution, in data units. */
public record Bounds(double xMin, double xMax, double yMin, double yMax) {
    public Bounds {
        if (!(xMin < xMax && yMin < yMax)) {
            throw new IllegalArgumentException("empty bounds " + xMin + ".." + xMax + " x " + yMin + ".." + yMax);
        }
    }
}
