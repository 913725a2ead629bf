#!/usr/bin/env bash
# DCGAN training speed, ours (DcganBench) against PyTorch (dcgan_peer.py), run ALTERNATELY in blocks so that
# both see the same machine load: after one warm-up block each, `blocks` x (ours, peer), each a fresh process that
# warms up `warmup` steps and times `steps`. Prints every block, then the medians, the ratio and the peak RSS.
#
# Usage (repository root): bench/dcgan-vs-pytorch.sh [blocks=5] [steps=30] [warmup=5]
# Environment:
#   THREADS      native threads of each side, default 2. PyTorch: OMP_NUM_THREADS and torch.set_num_threads.
#   MODE         ours: trainer (default; the product's GanTrainer built from the DCGAN preset, trained in ticks) or
#                loop (DcganBench's own step loop, the same layers).
#   NATIVE       how ours gets its threads: thread (default; as the server does it: OMP_NUM_THREADS=1 as run.sh
#                sets, and the run's thread sets its own count, nn/NativeThreads) or env (OMP_NUM_THREADS=THREADS).
#   PEER_OPENBLAS_THREADS  if set, OPENBLAS_NUM_THREADS for PyTorch only. Unset, Debian's pthread OpenBLAS sizes
#                its pool from OMP_NUM_THREADS, and its spinning workers compete with PyTorch's own OpenMP threads
#                (at 2 threads PyTorch ran ~2.5x faster with PEER_OPENBLAS_THREADS=1); ours runs OpenBLAS at 1.
#   BLAS_ENV     which OpenBLAS kernels each side runs (bench/alternate.sh; default stock).
#   GAN_MNIST_DIR train on MNIST (timing does not depend on it); MALLOC_DEFAULTS=1 keeps glibc's default malloc
#                tuning (see below).
# Needs: the backend's Maven dependencies (offline), /usr/bin/python3 with torch (Debian: python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
blocks=${1:-5}
steps=${2:-30}
warmup=${3:-5}
threads=${THREADS:-2}
mode=${MODE:-trainer}
native=${NATIVE:-thread}

mvn -B -o -q test-compile dependency:build-classpath -pl backend -am \
  -Dmdep.outputFile="$PWD/backend/target/bench-classpath.txt" -Dmdep.includeScope=test
cp="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"

# glibc returns large freed blocks to the kernel (trim / munmap) and its dynamic mmap threshold makes that happen
# every few ops, so the multi-MB temporaries oneDNN's reorders allocate per call are page-faulted in again each
# time (seen as 20 ms reorders of 6 MB; ~1.6x fewer steps/s on the DCGAN). Fixed thresholds keep them in the heap.
# Both sides get the same environment.
if [ "${MALLOC_DEFAULTS:-0}" != 1 ]; then
  export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=67108864
fi
if [ "$native" = thread ]; then
  ours_env=(OMP_NUM_THREADS=1) ours_args=("$mode" "threads=$threads")
else
  ours_env=(OMP_NUM_THREADS="$threads") ours_args=("$mode")
fi
peer_env=(OMP_NUM_THREADS="$threads")
if [ -n "${PEER_OPENBLAS_THREADS:-}" ]; then
  peer_env+=(OPENBLAS_NUM_THREADS="$PEER_OPENBLAS_THREADS")
fi

# shellcheck source=bench/alternate.sh
source bench/alternate.sh
blas_setup
ours() {
  env "${ours_env[@]}" java -Xmx1g -cp "$cp" dev.ganplayground.bench.DcganBench "$@" \
    "${ours_args[@]}" 2>/dev/null | grep '^ours'
}
peer() { env "${peer_env[@]}" /usr/bin/python3 bench/dcgan_peer.py "$@" | grep '^peer'; }

echo "DCGAN 28x28 batch 64, $blocks blocks of $steps steps (after $warmup warm-up steps each), threads $threads," \
  "ours: mode $mode, ${ours_env[*]} ${ours_args[*]}; peer: ${peer_env[*]}; load $(cut -d' ' -f1-3 /proc/loadavg);" \
  "$blas_note"
ours 2 3 >/dev/null   # first use: JIT, natives, page cache
peer 2 3 >/dev/null
alternate_blocks "$blocks" "$warmup" "$steps"
