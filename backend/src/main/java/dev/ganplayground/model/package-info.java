/** Network builders (the MLP generator and discriminator, DCGAN's convolutional pair, StyleGAN's generator {@link dev.ganplayground.model.StyleGenerator} and its ProGAN-style fixed-resolution discriminator, both from {@link dev.ganplayground.model.StyleGan}) and GAN-specific layers, built on nn. No Vert.x. */
package dev.ganplayground.model;
