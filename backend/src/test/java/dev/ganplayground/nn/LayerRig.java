package dev.ganplayground.nn;

import static dev.ganplayground.nn.GradCheckSupport.EPS;
import static dev.ganplayground.nn.GradCheckSupport.FLOOR;
import static dev.ganplayground.nn.GradCheckSupport.fill;
import static dev.ganplayground.nn.GradCheckSupport.probe;
import static dev.ganplayground.nn.GradCheckSupport.random;

import static dev.ganplayground.nn.GradCheckSupport.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A layer with its own parameter, gradient and activation buffers for {@code rows} rows, and the gradient checks of
 * its input gradient and parameter gradients (with and without an input gradient).
 */
final class LayerRig implements AutoCloseable {
    final Layer layer;
    final int rows;
    final FloatVec pOwner;
    final FloatVec gpOwner;
    final FloatVec p;
    final FloatVec gp;
    final FloatVec x;
    final FloatVec y;
    final FloatVec dy;
    final FloatVec dx;
    final float[] r;

    LayerRig(Layer layer, int rows, SplittableRandom rng) {
        this.layer = layer;
        this.rows = rows;
        // Views at an offset, as a Sequential hands them out: the layer must honour the view's start.
        pOwner = FloatVec.allocate(layer.parameterCount() + 3);
        gpOwner = FloatVec.allocate(layer.parameterCount() + 3);
        p = pOwner.view(3, layer.parameterCount());
        gp = gpOwner.view(3, layer.parameterCount());
        x = FloatVec.allocate(rows * layer.inputWidth());
        y = FloatVec.allocate(rows * layer.outputWidth());
        dy = FloatVec.allocate(rows * layer.outputWidth());
        dx = FloatVec.allocate(rows * layer.inputWidth());
        layer.bind(p, gp);
        layer.reserve(rows);
        layer.initialize(rng);
        fill(x, rng, -1, 1);
        r = random(rows * layer.outputWidth(), rng);
        dy.copyFrom(r, 0, 0, r.length);
    }

    double loss() {
        layer.forward(x, y, rows);
        return probe(y, r);
    }

    /**
     * Max relative errors of the input gradient, of the parameter gradients, and of the parameter gradients taken
     * without an input gradient (a first layer's path).
     */
    double[] check() {
        layer.forward(x, y, rows);
        layer.backward(x, y, dy, dx, rows, true);
        double in = GradCheck.maxRelativeError(x, dx.toArray(), this::loss, EPS, FLOOR);
        double par = GradCheck.maxRelativeError(p, gp.toArray(), this::loss, EPS, FLOOR);
        layer.forward(x, y, rows);
        gp.fill(7f);
        layer.backward(x, y, dy, null, rows, true);
        double parOnly = GradCheck.maxRelativeError(p, gp.toArray(), this::loss, EPS, FLOOR);
        return new double[]{in, par, parOnly};
    }

    @Override
    public void close() {
        layer.release();
        for (FloatVec v : new FloatVec[]{pOwner, gpOwner, x, y, dy, dx}) {
            v.close();
        }
    }

    /** Asserts all three gradient checks of {@link #check()} for a fresh layer from {@code make}. */
    static void assertGradients(Supplier<Layer> make, int rows, long seed) {
        try (LayerRig rig = new LayerRig(make.get(), rows, new SplittableRandom(seed))) {
            double[] err = rig.check();
            assertThat(err[0]).as("input gradient").isLessThan(TOLERANCE);
            assertThat(err[1]).as("parameter gradients").isLessThan(TOLERANCE);
            assertThat(err[2]).as("parameter gradients without dx").isLessThan(TOLERANCE);
        }
    }
}
