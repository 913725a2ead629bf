#!/usr/bin/env bash
# DCGAN training speed, our layers (DcganBench) against PyTorch (dcgan_peer.py), run ALTERNATELY in blocks so that
# both see the same machine load: after one warm-up block each, `blocks` x (ours, peer), each a fresh process that
# warms up `warmup` steps and times `steps`. Prints every block, then the medians, the ratio and the peak RSS.
#
# Usage (repository root): bench/dcgan-vs-pytorch.sh [blocks=5] [steps=30] [warmup=5]
# Environment: THREADS (native threads of each side, default 2: OMP_NUM_THREADS for ND4J/oneDNN and for PyTorch,
# whose script also calls torch.set_num_threads(2)); GAN_MNIST_DIR (train on MNIST; timing does not depend on it);
# MALLOC_DEFAULTS=1 keeps glibc's default malloc tuning (see below).
# Needs: the backend's Maven dependencies (offline), /usr/bin/python3 with torch (Debian: python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
blocks=${1:-5}
steps=${2:-30}
warmup=${3:-5}
threads=${THREADS:-2}

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
export OMP_NUM_THREADS="$threads"

ours() { java -Xmx1g -cp "$cp" dev.ganplayground.bench.DcganBench "$@" 2>/dev/null | grep '^ours'; }
peer() { /usr/bin/python3 bench/dcgan_peer.py "$@" | grep '^peer'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "DCGAN 28x28 batch 64, $blocks blocks of $steps steps (after $warmup warm-up steps each), threads $threads," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
ours 2 3 >/dev/null   # first use: JIT, natives, page cache
peer 2 3 >/dev/null
out=$(mktemp)
for b in $(seq 1 "$blocks"); do
  o=$(ours "$warmup" "$steps")
  p=$(peer "$warmup" "$steps")
  echo "block $b: $o | $p (load $(cut -d' ' -f1 /proc/loadavg))"
  echo "$o" >>"$out"
  echo "$p" >>"$out"
done
o_rate=$(grep '^ours' "$out" | field steps_per_s | median)
p_rate=$(grep '^peer' "$out" | field steps_per_s | median)
o_rss=$(grep '^ours' "$out" | field rss_peak_mib | median)
p_rss=$(grep '^peer' "$out" | field rss_peak_mib | median)
rm -f "$out"
awk -v o="$o_rate" -v p="$p_rate" -v orss="$o_rss" -v prss="$p_rss" 'BEGIN {
  printf "median steps/s: ours %.2f, PyTorch %.2f, ratio %.2fx; ", o, p, o / p
  printf "peak RSS MiB: ours %.0f, PyTorch %.0f\n", orss, prss }'
