/** Metric names, and the evaluators: PacGAN mode coverage and GAN Lab's grid KL/JS divergence. No Vert.x, no ND4J. */
package dev.ganplayground.metrics;
