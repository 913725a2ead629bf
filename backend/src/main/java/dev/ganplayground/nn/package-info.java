/** Our small layer library over ND4J's kernels: layers with forward and backward over preallocated buffers, flat parameter/gradient/optimizer vectors, direct BLAS calls and fused Java loops, optimizers, the softmax cross-entropy loss, and the finite-difference gradient check. No Vert.x. */
package dev.ganplayground.nn;
