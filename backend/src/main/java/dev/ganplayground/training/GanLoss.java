package dev.ganplayground.training;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.nn.FloatVec;
import java.nio.FloatBuffer;

/**
 * The four objectives of {@link LossKind} on D's raw scores, with their gradients, in one fused pass each.
 * Logistic terms use softplus in a stable form: -log sigma(s) = softplus(-s), -log(1 - sigma(s)) = softplus(s).
 * Losses accumulate in double; gradients are scaled by {@code scale} (1/batch for a mean, 1 for per-sample
 * gradients such as the frame's arrows).
 */
public final class GanLoss {
    private GanLoss() {
    }

    /**
     * D's loss over {@code 2n} scores: rows [0, n) real, [n, 2n) fake. Writes dLoss/ds into {@code dScores} (each
     * half's term scaled by {@code scale}) and returns mean(real term) + mean(fake term).
     */
    public static double discriminator(LossKind kind, FloatVec scores, int n, FloatVec dScores, float scale) {
        return discriminator(kind, scores, n, dScores, scale, 1f);
    }

    /**
     * D's loss with target {@code realLabel} (t) for the real half: one-sided label smoothing (Salimans et al. 2016,
     * section 3.4; t = 0.9 there) softens only the real target, so D is not rewarded for ever larger real scores
     * while the fakes' target stays 0. Logistic: -[t log sigma(r) + (1 - t) log(1 - sigma(r))], whose gradient is
     * sigma(r) - t; least squares: 0.5 (r - t)^2, gradient r - t. Hinge has no target and ignores t. G's loss
     * is unchanged. With t = 1 this is exactly the unsmoothed loss.
     */
    public static double discriminator(LossKind kind, FloatVec scores, int n, FloatVec dScores, float scale,
                                       float realLabel) {
        float t = realLabel;
        FloatBuffer s = scores.buffer();
        FloatBuffer d = dScores.buffer();
        double real = 0;
        double fake = 0;
        for (int i = 0; i < n; i++) {
            float sr = s.get(i);
            float sf = s.get(n + i);
            switch (kind) {
                case MINIMAX, NON_SATURATING -> {
                    // t = 1 skips the (1 - t) term, keeping the unsmoothed loss bit for bit.
                    real += t == 1f ? softplus(-sr) : t * softplus(-sr) + (1.0 - t) * softplus(sr);
                    fake += softplus(sf);
                    d.put(i, (sigmoid(sr) - t) * scale);
                    d.put(n + i, sigmoid(sf) * scale);
                }
                case LEAST_SQUARES -> {
                    real += 0.5 * (sr - (double) t) * (sr - (double) t);
                    fake += 0.5 * sf * (double) sf;
                    d.put(i, (sr - t) * scale);
                    d.put(n + i, sf * scale);
                }
                case HINGE -> {
                    real += Math.max(0.0, 1.0 - sr);
                    fake += Math.max(0.0, 1.0 + sf);
                    d.put(i, sr < 1f ? -scale : 0f);
                    d.put(n + i, sf > -1f ? scale : 0f);
                }
            }
        }
        return (real + fake) / n;
    }

    /** G's loss over {@code n} fake scores; writes dLoss/ds (times {@code scale}) and returns the mean loss. */
    public static double generator(LossKind kind, FloatVec scores, int n, FloatVec dScores, float scale) {
        FloatBuffer s = scores.buffer();
        FloatBuffer d = dScores.buffer();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float sf = s.get(i);
            switch (kind) {
                case MINIMAX -> {
                    // log(1 - sigma(s)) = -softplus(s); its derivative is -sigma(s).
                    sum -= softplus(sf);
                    d.put(i, -sigmoid(sf) * scale);
                }
                case NON_SATURATING -> {
                    sum += softplus(-sf);
                    d.put(i, (sigmoid(sf) - 1f) * scale);
                }
                case LEAST_SQUARES -> {
                    sum += 0.5 * (sf - 1.0) * (sf - 1.0);
                    d.put(i, (sf - 1f) * scale);
                }
                case HINGE -> {
                    sum -= sf;
                    d.put(i, -scale);
                }
            }
        }
        return sum / n;
    }

    /** The score as shown to the user: sigma(s) for logistic losses, s itself otherwise. */
    public static double displayScore(LossKind kind, float s) {
        return kind.logistic() ? sigmoid(s) : s;
    }

    /** log(1 + e^x) without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
