package dev.ganplayground.ae;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.SparsityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The arms of a run, derived from its config (model.autoencoder, with the live train.autoencoder read each step):
 *
 * <ul>
 *   <li>none and pretraining: one arm "ae", the configured autoencoder (pretraining trains it for phaseSteps steps,
 *       then the downstream classifiers).</li>
 *   <li>capacity: "over", an unconstrained overcomplete dense AE (one hidden layer of {@value #OVERCOMPLETE} units,
 *       more than MNIST's 784 pixels, linear code); "under", the configured dense AE (hidden widths, codeSize); and
 *       "sparse", the overcomplete one with a sigmoid code and KL sparsity (the configured target and weight).
 *       No arm is greedy or tied; the loss settings' corruption applies to all three.</li>
 *   <li>vae-kl: the same VAE (the configured hidden widths and code) twice: "kl-on" with the configured klWeight
 *       and "kl-off" with 0.</li>
 *   <li>sparsity-sweep: small sparse AEs (no hidden layer, the configured code as a sigmoid, KL sparsity with the
 *       configured weight), one per rho in {@link #SWEEP}: "rho-0.01" ... "rho-0.5".</li>
 * </ul>
 * Arm names are short and URL-safe: they are metric-key segments ("ae/over/recon").
 */
final class Experiments {
    /** Code units of the capacity experiment's overcomplete arms. */
    static final int OVERCOMPLETE = 1024;
    /** The sparsity sweep's targets. */
    static final double[] SWEEP = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5};
    /** The single arm's name. */
    static final String SINGLE = "ae";

    private Experiments() {
    }

    static List<ArmSpec> arms(AutoencoderConfig m, AeLossConfig initialLoss) {
        List<ArmSpec> arms = new ArrayList<>();
        switch (m.experiment()) {
            case NONE, PRETRAINING -> arms.add(new ArmSpec(SINGLE, m,
                    initialLoss.sparsity() == SparsityKind.KL, UnaryOperator.identity()));
            case CAPACITY -> {
                AutoencoderConfig over = with(m, AutoencoderKind.DENSE, OVERCOMPLETE, List.of());
                arms.add(new ArmSpec("over", over, false, l -> sparsity(l, SparsityKind.NONE, l.sparsityTarget())));
                arms.add(new ArmSpec("under", with(m, AutoencoderKind.DENSE, m.codeSize(), m.hidden()), false,
                        l -> sparsity(l, SparsityKind.NONE, l.sparsityTarget())));
                arms.add(new ArmSpec("sparse", over, true, l -> sparsity(l, SparsityKind.KL, l.sparsityTarget())));
            }
            case VAE_KL -> {
                AutoencoderConfig vae = with(m, AutoencoderKind.VAE, m.codeSize(), m.hidden());
                arms.add(new ArmSpec("kl-on", vae, false, UnaryOperator.identity()));
                arms.add(new ArmSpec("kl-off", vae, false, l -> new AeLossConfig(l.corruption(),
                        l.corruptionLevel(), l.sparsity(), l.sparsityTarget(), l.sparsityWeight(), 0)));
            }
            case SPARSITY_SWEEP -> {
                AutoencoderConfig small = with(m, AutoencoderKind.DENSE, m.codeSize(), List.of());
                for (double rho : SWEEP) {
                    arms.add(new ArmSpec(sweepName(rho), small, true, l -> sparsity(l, SparsityKind.KL, rho)));
                }
            }
        }
        return arms;
    }

    /** "rho-0.05" for 0.05. */
    static String sweepName(double rho) {
        String s = String.format(Locale.ROOT, "%.3f", rho).replaceAll("0+$", "");
        return "rho-" + (s.endsWith(".") ? s + "0" : s);
    }

    private static AutoencoderConfig with(AutoencoderConfig m, AutoencoderKind kind, int code, List<Integer> hidden) {
        return new AutoencoderConfig(kind, code, hidden, m.activation(), false, false, m.phaseSteps(), m.experiment(),
                m.labels());
    }

    private static AeLossConfig sparsity(AeLossConfig l, SparsityKind kind, double rho) {
        return new AeLossConfig(l.corruption(), l.corruptionLevel(), kind, rho, l.sparsityWeight(), l.klWeight());
    }
}
