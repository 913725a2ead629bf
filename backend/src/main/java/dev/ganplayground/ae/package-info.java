/**
 * The autoencoder lab (architecture {@code autoencoder}): undercomplete linear (PCA), stacked with tied weights and
 * greedy layer-wise training, convolutional, recurrent, denoising, sparse and variational autoencoders, and the
 * experiments that train several of them side by side. {@link dev.ganplayground.ae.AutoencoderTrainer} is what a
 * run drives; each {@link dev.ganplayground.ae.Autoencoder} is one of its arms. {@link dev.ganplayground.ae.ConvNets} and
 * {@link dev.ganplayground.ae.RecurrentNets} build the convolutional and recurrent encoder/decoder pairs. Built on the layer library of
 * {@code nn}; imports no Vert.x.
 */
package dev.ganplayground.ae;
