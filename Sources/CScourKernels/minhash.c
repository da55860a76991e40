#include "scour_kernels.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int scour_cpu_has_avx512dq(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE)) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    /* XMM, YMM, opmask, upper halves of ZMM0-15 and ZMM16-31 all saved by the OS. */
    if ((lo & 0xE6) != 0xE6) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & bit_AVX512F) && (b & bit_AVX512DQ);
}

static inline uint64_t mix_scalar(uint64_t value) {
    uint64_t z = value + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

__attribute__((target("avx512f,avx512dq")))
void scour_minhash_minima_avx512(const uint64_t *shingles, size_t shingle_count,
                                 const uint64_t *salts, uint64_t *minima, size_t slot_count) {
    const __m512i golden = _mm512_set1_epi64((long long)0x9E3779B97F4A7C15ULL);
    const __m512i first = _mm512_set1_epi64((long long)0xBF58476D1CE4E5B9ULL);
    const __m512i second = _mm512_set1_epi64((long long)0x94D049BB133111EBULL);
    size_t slot = 0;
    /* Eight slots in a register for the whole pass over the shingles: each shingle is one
     * broadcast, and the minima are loaded and stored once per eight slots. */
    for (; slot + 8 <= slot_count; slot += 8) {
        const __m512i salt = _mm512_loadu_si512((const void *)(salts + slot));
        __m512i low = _mm512_loadu_si512((const void *)(minima + slot));
        for (size_t index = 0; index < shingle_count; index++) {
            __m512i z = _mm512_add_epi64(_mm512_xor_si512(_mm512_set1_epi64((long long)shingles[index]), salt), golden);
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 30)), first);
            z = _mm512_mullo_epi64(_mm512_xor_si512(z, _mm512_srli_epi64(z, 27)), second);
            z = _mm512_xor_si512(z, _mm512_srli_epi64(z, 31));
            low = _mm512_min_epu64(low, z);
        }
        _mm512_storeu_si512((void *)(minima + slot), low);
    }
    for (; slot < slot_count; slot++) {
        uint64_t low = minima[slot];
        for (size_t index = 0; index < shingle_count; index++) {
            uint64_t value = mix_scalar(shingles[index] ^ salts[slot]);
            if (value < low) low = value;
        }
        minima[slot] = low;
    }
}

#else
/* Other CPUs take MinHash's scalar loop. */
int scour_cpu_has_avx512dq(void) { return 0; }

void scour_minhash_minima_avx512(const uint64_t *shingles, size_t shingle_count,
                                 const uint64_t *salts, uint64_t *minima, size_t slot_count) {
    (void)shingles; (void)shingle_count; (void)salts; (void)minima; (void)slot_count;
}
#endif
