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
# Native threads, malloc thresholds and JVM flags: server-env.sh (why, there).
source ./server-env.sh
exec java "${SERVER_JVM_FLAGS[@]}" -jar "$jar" "$@"
