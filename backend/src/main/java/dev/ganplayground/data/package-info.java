/** Real distributions: seeded 2D toy sets (PacGAN's ring and grid, spiral, moons, the user's drawing). No Vert.x, no ND4J. */
package dev.ganplayground.data;
