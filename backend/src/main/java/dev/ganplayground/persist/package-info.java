/**
 * Persistence of runs, free of Vert.x and ND4J: {@link dev.ganplayground.persist.Checkpoint} (what one checkpoint
 * holds: a JSON header and named float/double arrays), {@link dev.ganplayground.persist.CheckpointFile} (the
 * versioned, SHA-256-checked binary format), {@link dev.ganplayground.persist.AtomicFiles} (temp file, fsync,
 * atomic rename, directory fsync) and {@link dev.ganplayground.persist.CheckpointStore} (the runs directory: one
 * folder per run id, checkpoints with a LATEST pointer, fallback to an older checkpoint when the newest is corrupt,
 * bounded retention, paths that can never leave the runs directory).
 */
package dev.ganplayground.persist;
