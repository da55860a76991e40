#ifndef SCOUR_KERNELS_H
#define SCOUR_KERNELS_H
#include <stddef.h>
#include <stdint.h>

/* Whether this CPU and OS run AVX-512F and AVX-512DQ code (CPUID and XGETBV; the OS must save
 * the ZMM registers). Asked once per run: under a hypervisor CPUID can cost microseconds. */
int scour_cpu_has_avx512dq(void);

/* MinHash minima, eight slots at a time with AVX-512 (64-bit multiplies in one instruction):
 * for each slot s and shingle x, minima[s] = min(minima[s], mix(x ^ salts[s])), where mix is
 * the SplitMix64 finalizer of (v + 0x9E3779B97F4A7C15). Exactly MinHash.signature's values.
 * Call only when scour_cpu_has_avx512dq() said yes. */
void scour_minhash_minima_avx512(const uint64_t *shingles, size_t shingle_count,
                                 const uint64_t *salts, uint64_t *minima, size_t slot_count);
#endif
