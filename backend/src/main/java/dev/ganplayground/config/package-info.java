/**
 * Server settings (environment overrides; {@link dev.ganplayground.config.ServerLimits} for the shared-server
 * limits), the one strict JSON mapper and {@link dev.ganplayground.config.JsonErrors} (its errors in words fit for a
 * client), run config records with their ranges, {@link dev.ganplayground.config.MemoryEstimate} (a run's memory
 * from its config, checked before anything is allocated), and the shipped presets. Pure Java: no Vert.x, no ND4J.
 */
package dev.ganplayground.config;
