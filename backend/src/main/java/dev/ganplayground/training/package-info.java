/** The GAN trainer: losses, the tick loop (D steps, G step), live reconfiguration, and the per-frame visuals of a 2D run (fake points, D heatmap, G arrows, manifold). Knows nothing of sockets, files or Vert.x. */
package dev.ganplayground.training;
