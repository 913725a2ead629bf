# Process settings the server is tuned for; sourced (not run) by run.sh and the Docker image, so that both ship the
# same thing. Every variable keeps a value the caller already set. OpenBLAS picks its kernels from the CPU itself
# (OPENBLAS_CORETYPE overrides it; the server logs which applies). Measurements: docs/benchmarks.md.

# One native thread per run: small models are ~2.5x faster than with OpenMP spread over both cores, and several
# runs then use the cores in parallel.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# glibc's dynamic mmap threshold hands the multi-MB temporaries oneDNN allocates around every convolution back to
# the kernel, so they are page-faulted in again and again: a fixed threshold keeps them in the heap (1.4-1.7x on the
# DCGAN) and the top pad leaves room for them. Trimming stays at glibc's 128 KiB: a 1 GiB trim threshold (tried)
# kept every freed page and the server grew past 440 MiB within minutes, at no measurable speed gain.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-131072}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-16777216}"

# A small, fixed young generation and the serial collector: the live heap is ~25-55 MiB, while G1 touched 70-100 MiB
# of eden and kept ~40 MiB of its own structures (docs/benchmarks.md, resident memory).
SERVER_JVM_FLAGS=(-Xmx512m -Xms32m -Xmn16m -XX:+UseSerialGC)
