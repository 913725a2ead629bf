/**
 * Metric names, and the evaluators: PacGAN mode coverage and GAN Lab's grid KL/JS divergence for 2D points; for
 * images, a small {@link dev.ganplayground.metrics.ImageClassifier} (trained once per dataset, cached on disk) that
 * judges {@link dev.ganplayground.metrics.ImageCoverage} (class histogram, KL to uniform, confidence) and a Frechet
 * classifier distance on its features ({@link dev.ganplayground.metrics.FrechetDistance}, ND4J's LAPACK
 * eigensolver). No Vert.x.
 */
package dev.ganplayground.metrics;
