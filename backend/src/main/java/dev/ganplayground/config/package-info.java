/** Server settings (environment overrides; {@link dev.ganplayground.config.AccessConfig} for a shared server's access and fair limits, {@link dev.ganplayground.config.PersistConfig} for checkpoints and idle unloading), the one strict JSON mapper, run config records with their ranges, and the shipped presets. Pure Java: no Vert.x, no ND4J. */
package dev.ganplayground.config;
