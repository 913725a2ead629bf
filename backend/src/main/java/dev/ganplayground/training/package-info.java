/** The GAN trainer: losses, the tick loop (D steps, G step), live reconfiguration, the per-frame visuals of a 2D run (fake points, D heatmap, G arrows, manifold), and the trainer state a checkpoint keeps (TrainerState, OptimizerState: heap copies of parameters, optimizer vectors and counters, restored exactly). Knows nothing of sockets, files or Vert.x. */
package dev.ganplayground.training;
