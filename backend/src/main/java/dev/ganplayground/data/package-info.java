/**
 * Real distributions: seeded 2D toy sets (PacGAN's ring and grid, spiral, moons, the user's drawing), and image
 * datasets ({@link dev.ganplayground.data.ImageDatasets}: MNIST and Fashion-MNIST from IDX files read by
 * {@link dev.ganplayground.data.IdxReader}, and the built-in procedural {@link dev.ganplayground.data.ShapesDataset}).
 * The autoencoder lab's 3D cloud near a tilted plane is {@link dev.ganplayground.data.PointCloud3d} ({@code plane3d}).
 * {@link dev.ganplayground.data.ImageOps} pads, pools, upscales and crops image arrays (ProGAN). No Vert.x, no ND4J.
 */
package dev.ganplayground.data;
