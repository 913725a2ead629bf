/**
 * Metric names, and the evaluators: PacGAN mode coverage and GAN Lab's grid KL/JS divergence for 2D points; for
 * images, a small {@link dev.ganplayground.metrics.ImageClassifier} (trained once per dataset, cached on disk) that
 * judges {@link dev.ganplayground.metrics.ImageCoverage} (class histogram, KL to uniform, confidence) and a Frechet
 * classifier distance on its features ({@link dev.ganplayground.metrics.FrechetDistance}, ND4J's LAPACK
 * eigensolver).
 *
 * <p>For the autoencoder lab: exact {@link dev.ganplayground.metrics.Pca} (kept per dataset by
 * {@link dev.ganplayground.metrics.PcaCache}); the principal-subspace angle between a decoder's span and PCA's
 * ({@link dev.ganplayground.metrics.SubspaceAngle}); reconstruction error with the trainers' convention
 * ({@link dev.ganplayground.metrics.Reconstruction}); coding-unit statistics
 * ({@link dev.ganplayground.metrics.CodeUnits}, {@link dev.ganplayground.metrics.Histogram}); a few-label
 * {@link dev.ganplayground.metrics.LinearProbe} of how useful codes are; the 2D latent map and its decoded lattice
 * ({@link dev.ganplayground.metrics.LatentMap}, {@link dev.ganplayground.metrics.LatentProjection},
 * {@link dev.ganplayground.metrics.LatentLattice}). No Vert.x.
 */
package dev.ganplayground.metrics;
