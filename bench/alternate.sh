# Shared by the ours-vs-peer harnesses (sourced, not run). The caller defines `ours ARGS...` and `peer ARGS...`,
# each printing one line with `steps_per_s=X rss_peak_mib=Y`; `alternate_blocks BLOCKS ARGS...` runs them in
# turn BLOCKS times (so both see the same machine load) and prints every block, the medians and the ratio. When
# both lines also carry `cpu_ms_per_step=Z` (the training thread's CPU time per step, which time-slicing by other
# processes on a shared machine does not inflate the way it does wall time), their medians and ratio too.

# OpenBLAS kernels, BLAS_ENV: "stock" (default) measures both sides as they run on a machine that sets no OPENBLAS_*
# variables, each OpenBLAS detecting the CPU itself (ours 0.3.31, PyTorch's Debian 0.3.21). "machine" keeps the
# caller's OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE for both sides (the development machine pins Haswell for every
# process). blas_setup applies the choice and sets `blas_note`, which kernel family each side runs, for the header;
# it needs `cp`, our classpath.
blas_setup() {
  if [ "${BLAS_ENV:-stock}" = stock ]; then
    unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
  fi
  local ours_core peer_core
  ours_core=$(OPENBLAS_VERBOSE=2 java -cp "$cp" dev.ganplayground.bench.BlasKernels 2>&1 | sed -n 's/^Core: //p' \
    | head -1)
  peer_core=$(OPENBLAS_VERBOSE=2 /usr/bin/python3 -c 'import torch; torch.mm(torch.ones(8, 8), torch.ones(8, 8))' \
    2>&1 | sed -n 's/^Core: //p' | head -1)
  blas_note="OpenBLAS kernels (BLAS_ENV ${BLAS_ENV:-stock}): ours ${ours_core:-?}, peer ${peer_core:-?}"
}

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

alternate_blocks() {
  local blocks=$1
  shift
  local out o p
  out=$(mktemp)
  for b in $(seq 1 "$blocks"); do
    o=$(ours "$@")
    p=$(peer "$@")
    echo "block $b: $o | $p (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "$o" >>"$out"
    echo "$p" >>"$out"
  done
  local o_rate p_rate o_rss p_rss
  o_rate=$(grep '^ours' "$out" | field steps_per_s | median)
  p_rate=$(grep '^peer' "$out" | field steps_per_s | median)
  o_rss=$(grep '^ours' "$out" | field rss_peak_mib | median)
  p_rss=$(grep '^peer' "$out" | field rss_peak_mib | median)
  if grep -q '^ours.*cpu_ms_per_step=' "$out" && grep -q '^peer.*cpu_ms_per_step=' "$out"; then
    local o_cpu p_cpu
    o_cpu=$(grep '^ours' "$out" | field cpu_ms_per_step | median)
    p_cpu=$(grep '^peer' "$out" | field cpu_ms_per_step | median)
    awk -v o="$o_cpu" -v p="$p_cpu" 'BEGIN {
      printf "median CPU ms per step: ours %.3f, PyTorch %.3f, ratio %.2fx\n", o, p, p / o }'
  fi
  rm -f "$out"
  awk -v o="$o_rate" -v p="$p_rate" -v orss="$o_rss" -v prss="$p_rss" 'BEGIN {
    printf "median steps/s: ours %.2f, PyTorch %.2f, ratio %.2fx; ", o, p, o / p
    printf "peak RSS MiB: ours %.0f, PyTorch %.0f\n", orss, prss }'
}
