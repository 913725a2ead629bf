/** Server settings (environment overrides; PersistConfig for checkpoints and idle unloading), the one strict JSON mapper, run config records with their ranges, and the shipped presets. Pure Java: no Vert.x, no ND4J. */
package dev.ganplayground.config;
