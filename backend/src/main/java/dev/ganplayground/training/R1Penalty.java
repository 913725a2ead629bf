package dev.ganplayground.training;

import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Network;
import java.nio.FloatBuffer;

/**
 * The R1 penalty (Mescheder et al. 2018, "Which training methods for GANs do actually converge?"; used by StyleGAN
 * and StyleGAN2): gamma/2 * E_real ||grad_x D(x)||^2, added to D's loss, which pulls D's gradient on the real data
 * towards zero and so damps the oscillation around the equilibrium that makes GANs collapse.
 *
 * <p>Its parameter gradient needs the gradient of a gradient, which neither our layers nor SameDiff 1.0.0-M2.1
 * give. It is computed instead as a finite-difference Hessian-vector product: with S(x; theta) = sum_i D(x_i) and
 * g = grad_x S, grad_theta (1/2)||g||^2 = (d g / d theta)^T g = d/de [grad_theta S(x + e g)] at e = 0, which the
 * central difference [grad_theta S(x + eps g) - grad_theta S(x - eps g)] / (2 eps) approximates. Three passes
 * through D on the real batch (one for g, two for the difference), no second-order code in any layer.
 *
 * <p>Choice of eps: eps = {@value #RELATIVE_STEP} * rms(x) / rms(g), so the step moves the images by 0.3% of their
 * own size. For a D of leaky ReLUs, convs, average pools and dense layers, grad_theta S(x + e g) is affine in e as
 * long as no unit crosses a kink, so the difference has no truncation error there; what errs is (a) units whose
 * pre-activation crosses 0 within the step (a share that grows with eps) and the minibatch-stddev layer's
 * curvature (O(eps^2)), and (b) float32 rounding of the two gradients, about 1e-6 of their size, divided by a
 * difference that is about {@value #RELATIVE_STEP} of their size: ~3e-4 relative. The test measures the whole at
 * a few 1e-3 against an exact double-precision reference.
 *
 * <p>Lazy regularisation (StyleGAN2, Karras et al. 2020, section 3.1): computed every k-th D update with gamma
 * scaled by k, so three extra passes every k updates cost little. Rows in the passes are D's real rows (packs
 * under packing) in one minibatch-stddev group, as in the D step. Allocation-free after the first call at a size.
 */
final class R1Penalty implements AutoCloseable {
    /** eps relative to rms(x) / rms(g); see the class comment. */
    static final double RELATIVE_STEP = 3e-3;

    private final int width;
    private final FloatVec plusGrads;
    private FloatVec ones;
    private FloatVec inputGrad;
    private FloatVec shifted;
    private int rows;

    /**
     * @param width  floats per D input row
     * @param params D's parameter count
     */
    R1Penalty(int width, int params) {
        this.width = width;
        plusGrads = FloatVec.allocate(params);
    }

    /**
     * Computes the penalty on the first {@code n} rows of {@code real} and leaves its parameter gradient, times
     * {@code weight} (the caller's gamma * k), in {@code out} (D's parameter count long). D's own gradient vector is
     * overwritten on the way; call this before D's loss backward pass. Returns the penalty's value,
     * (1/2) * mean_i ||grad_x_i D||^2 (without gamma), for display.
     */
    double gradient(Network d, FloatVec real, int n, double weight, FloatVec out) {
        ensure(n);
        int floats = n * width;
        ones.fill(1f);
        d.forward(real, n);
        d.backward(ones, n, false, inputGrad);
        double gg = sumOfSquares(inputGrad, floats);
        double xx = sumOfSquares(real, floats);
        if (gg == 0 || !Double.isFinite(gg)) {
            // A D flat on the data has no penalty gradient (or a non-finite one the trainer's checks report).
            out.fill(gg == 0 ? 0f : Float.NaN);
            return gg / (2 * n);
        }
        double eps = RELATIVE_STEP * Math.sqrt(xx / gg);
        FloatVec grads = d.gradients();
        int params = grads.length();
        shift(real, eps, floats);
        d.forward(shifted, n);
        d.backward(ones, n, true, null);
        plusGrads.copyFrom(grads, 0, params);
        shift(real, -eps, floats);
        d.forward(shifted, n);
        d.backward(ones, n, true, null);
        // grad_theta of weight * (1/2) mean_i ||g_i||^2 = (weight / n) * HVP.
        float scale = (float) (weight / (n * 2 * eps));
        FloatBuffer p = plusGrads.buffer();
        FloatBuffer m = grads.buffer();
        FloatBuffer o = out.buffer();
        for (int i = 0; i < params; i++) {
            o.put(i, (p.get(i) - m.get(i)) * scale);
        }
        return gg / (2 * n);
    }

    /** shifted = real + eps * inputGrad over the first {@code floats} values. */
    private void shift(FloatVec real, double eps, int floats) {
        float e = (float) eps;
        FloatBuffer x = real.buffer();
        FloatBuffer g = inputGrad.buffer();
        FloatBuffer s = shifted.buffer();
        for (int i = 0; i < floats; i++) {
            s.put(i, x.get(i) + e * g.get(i));
        }
    }

    private static double sumOfSquares(FloatVec v, int n) {
        FloatBuffer b = v.buffer();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = b.get(i);
            s += x * x;
        }
        return s;
    }

    private void ensure(int n) {
        if (n <= rows) {
            return;
        }
        freeRows();
        ones = FloatVec.allocate(n);
        inputGrad = FloatVec.allocate(n * width);
        shifted = FloatVec.allocate(n * width);
        rows = n;
    }

    private void freeRows() {
        if (ones != null) {
            ones.close();
            inputGrad.close();
            shifted.close();
        }
        rows = 0;
    }

    @Override
    public void close() {
        freeRows();
        plusGrads.close();
    }
}
