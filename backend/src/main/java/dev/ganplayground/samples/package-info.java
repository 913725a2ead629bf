/**
 * Visual samples of a run, encoded once per frame on the training thread (plain JDK: ImageIO and AWT, no Vert.x,
 * no ND4J). 2D runs: {@link dev.ganplayground.samples.FrameEncoder}, the binary frame of docs/protocol.md with
 * float16 sections ({@link dev.ganplayground.samples.Float16}: IEEE half conversion, round to nearest even).
 * Image runs: {@link dev.ganplayground.samples.ImageGrid} renders [-1, 1] NCHW floats into a tile mosaic and PNG
 * ({@link dev.ganplayground.samples.PngCodec}), {@link dev.ganplayground.samples.LatentWalk} interpolates latents
 * (slerp) for the walk strip, {@link dev.ganplayground.samples.ImageFrameEncoder} packs grid and walk PNGs into the
 * "images" binary frame, {@link dev.ganplayground.samples.Timeline} keeps an evenly thinned, bounded history of
 * frames, and {@link dev.ganplayground.samples.TimelineGif} turns it into a looping GIF movie. Autoencoder runs:
 * {@link dev.ganplayground.samples.AutoencoderFrameEncoder} packs PNG and float32 sections into the "autoencoder"
 * binary frame.
 */
package dev.ganplayground.samples;
