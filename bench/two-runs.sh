#!/usr/bin/env bash
# Scaling of the 2D MLP GAN across cores: two ring8 runs training at once in one JVM (MlpBench 2: two GanTrainers,
# each on its own platform thread with one native thread, ticks as the server) against one such run alone,
# ALTERNATELY in blocks (alone, together) so both see the same machine load. Prints every block, the medians of
# the total steps/s and their ratio (the target of issue 7 is >= 1.85x on 2 cores).
#
# Usage (repository root): bench/two-runs.sh [blocks=5] [dSteps=2] [seconds=5] [warmup=3]
# Environment: JAVA_OPTS (extra JVM flags for both, e.g. -XX:CICompilerCount=2); THREADS=1 adds each process's CPU
# seconds per native thread group in the timed window (training, JIT compilers, GC); TASKSET="taskset -c 0" etc.
# prefixes the java command; BLAS_ENV (bench/alternate.sh). One native thread per run (OMP_NUM_THREADS=1), the
# server's heap and malloc settings.
set -euo pipefail
cd "$(dirname "$0")/.."
blocks=${1:-5}
dsteps=${2:-2}
seconds=${3:-5}
warmup=${4:-3}
extra=()
[ "${THREADS:-0}" = 1 ] && extra=(threads)

mvn -B -o -q test-compile dependency:build-classpath -pl backend -am \
  -Dmdep.outputFile="$PWD/backend/target/bench-classpath.txt" -Dmdep.includeScope=test
cp="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"

export OMP_NUM_THREADS=1
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=67108864

# shellcheck source=bench/alternate.sh
source bench/alternate.sh   # field, median, blas_setup
blas_setup
runs() {
  # shellcheck disable=SC2086
  ${TASKSET:-} java -Xmx512m ${JAVA_OPTS:-} -cp "$cp" dev.ganplayground.bench.MlpBench "$1" "$dsteps" "$warmup" \
    "$seconds" "${extra[@]}" 2>/dev/null | grep -E '^(ours|cpu)'
}
echo "2D MLP GAN ring8 dSteps $dsteps: one run alone vs two at once, $blocks blocks of $seconds s (after $warmup s" \
  "warm-up), JAVA_OPTS '${JAVA_OPTS:-}', $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg); $blas_note"
runs 1 >/dev/null   # first use: natives, page cache
out=$(mktemp)
for b in $(seq 1 "$blocks"); do
  one=$(runs 1)
  two=$(runs 2)
  echo "block $b: $one"
  echo "block $b: $two (load $(cut -d' ' -f1 /proc/loadavg))"
  echo "$one" | grep '^ours' >>"$out"
  echo "$two" | grep '^ours' >>"$out"
done
one_rate=$(grep '^ours runs=1' "$out" | field steps_per_s | median)
two_rate=$(grep '^ours runs=2' "$out" | field steps_per_s | median)
rm -f "$out"
awk -v a="$one_rate" -v b="$two_rate" 'BEGIN {
  printf "median total steps/s: one run %.1f, two runs %.1f, scaling %.2fx\n", a, b, b / a }'
