package dev.ganplayground.ae;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderConfig;
import java.util.function.UnaryOperator;

/**
 * What one arm is: its short, URL-safe name (a metric-key segment), its networks' settings, whether its code is a
 * sigmoid (KL sparsity wants activations in (0, 1)), and how it reads the run's live loss settings (an experiment
 * fixes some terms per arm, e.g. "kl-off" zeroes klWeight).
 */
record ArmSpec(String name, AutoencoderConfig model, boolean sigmoidCode, UnaryOperator<AeLossConfig> loss) {
}
