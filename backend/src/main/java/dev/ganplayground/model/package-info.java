/** Network builders (the MLP generator and discriminator, DCGAN's convolutional pair; ProGAN, StyleGAN later) and GAN-specific layers, built on nn. No Vert.x. */
package dev.ganplayground.model;
