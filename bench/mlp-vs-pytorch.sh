#!/usr/bin/env bash
# 2D MLP GAN training speed, the product's trainer (MlpBench: GanTrainer on the ring8 preset, ticks as the server)
# against PyTorch (mlp_peer.py), run ALTERNATELY in blocks so that both see the same machine load: after one
# warm-up block each, `blocks` x (ours, peer), each a fresh process that warms up `warmup` seconds and then times
# `seconds`. Prints every block, then the medians and the ratio.
#
# Usage (repository root): bench/mlp-vs-pytorch.sh [blocks=5] [dSteps=2] [seconds=5] [warmup=3]
#   dSteps: D updates per G update on both sides (the ring8 preset's default is 2).
# Environment: BLAS_ENV (bench/alternate.sh: which OpenBLAS kernels each side runs). PEER_MODE=cat runs the
# peer's D once on [reals; fakes] (default: two calls, reals then detached
# fakes, as pytorch/examples writes it). One native thread each side (OMP_NUM_THREADS=1, torch.set_num_threads(1)),
# the server's JVM heap (-Xmx512m) and malloc settings (run.sh).
# Needs: the backend's Maven dependencies (offline), /usr/bin/python3 with torch (Debian: python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
blocks=${1:-5}
dsteps=${2:-2}
seconds=${3:-5}
warmup=${4:-3}
mode=${PEER_MODE:-}

mvn -B -o -q test-compile dependency:build-classpath -pl backend -am \
  -Dmdep.outputFile="$PWD/backend/target/bench-classpath.txt" -Dmdep.includeScope=test
cp="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"

export OMP_NUM_THREADS=1
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=67108864

# shellcheck source=bench/alternate.sh
source bench/alternate.sh
blas_setup
ours() { java -Xmx512m -cp "$cp" dev.ganplayground.bench.MlpBench 1 "$dsteps" "$@" 2>/dev/null | grep '^ours'; }
peer() { /usr/bin/python3 bench/mlp_peer.py "$dsteps" "$@" $mode | grep '^peer'; }

echo "2D MLP GAN ring8, batch 256, dSteps $dsteps, 1 thread, $blocks blocks of $seconds s (after $warmup s warm-up" \
  "each), peer ${mode:-two-calls}, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg); $blas_note"
ours 1 1 >/dev/null   # first use: natives, page cache
peer 1 1 >/dev/null
alternate_blocks "$blocks" "$warmup" "$seconds"
