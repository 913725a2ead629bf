#!/usr/bin/env bash
# Builds the server when the jar is missing or older than the sources, then starts it.
# Settings come from the environment: PORT (default 8080), GAN_HOST, GAN_MAX_RUNS, GAN_RUNS_DIR,
# GAN_CHECKPOINT_SECONDS, GAN_CHECKPOINT_KEEP, GAN_IDLE_UNLOAD_SECONDS (README).
set -euo pipefail
cd "$(dirname "$0")"
jar=backend/target/gan-playground.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml backend/pom.xml frontend/pom.xml backend/src/main frontend/src/main \
      -newer "$jar" -print -quit)" ]; then
  echo "Building (first run downloads dependencies; later runs take seconds)..."
  mvn -B -q -DskipTests package
fi
# One native thread per run: small models are ~2.5x faster than with OpenMP spread over both cores, and several
# runs then use the cores in parallel (docs/architecture.md).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# glibc hands large freed blocks back to the kernel, so the multi-MB temporaries oneDNN allocates around every
# convolution are page-faulted in again and again: fixed thresholds keep them in the heap (1.4-1.7x on the DCGAN,
# docs/benchmarks.md).
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-1073741824}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-16777216}"
exec java -Xmx512m -jar "$jar" "$@"
