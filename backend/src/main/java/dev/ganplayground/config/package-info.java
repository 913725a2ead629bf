/**
 * Server settings (environment overrides; {@link dev.ganplayground.config.ServerSettings} bundles
 * {@link dev.ganplayground.config.AccessConfig} for a shared server's access and fair limits,
 * {@link dev.ganplayground.config.PersistConfig} for checkpoints and idle unloading and
 * {@link dev.ganplayground.config.ServerLimits} for stream and size limits), the one strict JSON mapper and
 * {@link dev.ganplayground.config.JsonErrors} (its errors in words fit for a client), run config records with their
 * ranges, {@link dev.ganplayground.config.MemoryEstimate} (a run's memory from its config, checked before anything
 * is allocated), and the shipped presets. Pure Java: no Vert.x, no ND4J.
 */
package dev.ganplayground.config;
