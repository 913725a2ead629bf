/** The GAN trainer: losses, the tick loop (D steps, G step), live reconfiguration, and the per-frame visuals of a 2D run (fake points, D heatmap, G arrows, manifold); {@link dev.ganplayground.training.PaddedSource} pads 28x28 images to StyleGAN's 32x32. Knows nothing of sockets, files or Vert.x. */
package dev.ganplayground.training;
