/**
 * The autoencoder lab (architecture {@code autoencoder}): undercomplete linear (PCA), stacked with tied weights and
 * greedy layer-wise training, convolutional, recurrent, denoising, sparse and variational autoencoders, and the
 * experiments that train several of them side by side. {@link dev.ganplayground.ae.AutoencoderTrainer} is what a
 * run drives, built by {@link dev.ganplayground.ae.AutoencoderTrainers#create}; each
 * {@link dev.ganplayground.ae.Autoencoder} is one of its arms. Inside: AeTrainer (the step loop, phases, metrics,
 * checkpoints), AeArm (one autoencoder as blocks over a flat parameter slice, its loss terms and evaluation passes),
 * ArmNets (the layers per kind), {@link dev.ganplayground.ae.ConvNets} and {@link dev.ganplayground.ae.RecurrentNets}
 * (the convolutional and recurrent encoder/decoder pairs), Experiments (the arms each experiment derives from the
 * config), Pretraining (the downstream classifiers) and Corruption (denoising inputs). Built on the layer library of
 * {@code nn}; imports no Vert.x.
 */
package dev.ganplayground.ae;
