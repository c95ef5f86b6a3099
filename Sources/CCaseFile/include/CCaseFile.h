// CCaseFile: a case file mapped into memory for the fast reader, safe against the file being
// cut short while it is read. Written in C because its core is a signal handler, which must not
// be Swift (a Swift handler could allocate or take the runtime's locks). It also holds the few
// byte-level helpers the reader needs and Swift does not give it: a prefetch, SSE2 scans of
// strings and hex digits, an unaligned load (static inline, so they compile into the caller).
// Only CasebookStore imports this module.
#pragma once

#include <stddef.h>

/// Maps `length` bytes of the open file `fd` read-only (its pages come in as they are first
/// read, by whichever thread reads them: making them all present up front kept the other core
/// idle for tens of milliseconds at a million transfers), and registers the mapping so that a
/// SIGBUS inside it, which is what reading past the end of a file that shrank raises, puts zero
/// pages there instead of killing the process. Returns NULL
/// if the file cannot be mapped or every registration slot is in use; then `*slot` is -1.
const void *casefile_map(int fd, size_t length, int *slot);

/// Whether a SIGBUS was met in the mapping of `slot`: the file shrank, and what was read of it
/// after that point was zeros.
int casefile_cut_short(int slot);

/// Unmaps and frees the slot.
void casefile_unmap(const void *base, size_t length, int slot);

/// Asks the processor to bring the cache line at `p` in for writing, ahead of its use (the case
/// reader's id index is filled at random: one cache miss a record otherwise). Never faults.
static inline void casefile_prefetch(const void *p) {
    __builtin_prefetch(p, 1, 3);
}

#if defined(__SSE2__) && defined(__x86_64__)
#define CASEFILE_SSE2 1
#include <emmintrin.h>
#endif

/// The length of the plain run of a JSON string's content at `p`: the offset of the first byte
/// that is a quote, a backslash or a control character (below 0x20), or the offset of the last
/// whole 16 bytes' end when none is met before fewer than 16 of the `n` bytes remain (the caller
/// looks at those itself). `*high` gets a non-zero bit if any byte of the run is 0x80 or above
/// (not ASCII).
///
/// Strings are most of a case file. With SSE2 (every x86-64) sixteen bytes are tested at once:
/// three byte compares (a byte is a control character when max(b, 0x1F) == 0x1F, unsigned), one
/// mask of the hits; the run ends at the lowest hit. The first hit being exact, bytes past it
/// may be anything (they are never looked at). Elsewhere (arm64) eight at a time by word tricks.
__attribute__((always_inline)) static inline size_t casefile_plain_run(const unsigned char *p, size_t n, unsigned *high) {
    size_t k = 0;
    unsigned seen = 0;
#if CASEFILE_SSE2
    const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    while (k + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + k));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
        unsigned m = (unsigned)_mm_movemask_epi8(hit), top = (unsigned)_mm_movemask_epi8(v);
        if (m != 0) {
            unsigned t = (unsigned)__builtin_ctz(m);
            *high = seen | (top & ((1u << t) - 1u));
            return k + t;
        }
        seen |= top;
        k += 16;
    }
#else
    // Eight bytes at a time: the usual "has a zero byte" test on the word xor each stop
    // character, and "has a byte below" for the controls; the lowest flag is exact.
    const unsigned long long ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (k + 8 <= n) {
        unsigned long long w;
        __builtin_memcpy(&w, p + k, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        unsigned long long q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        unsigned long long hits = (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & highs;
        if (hits != 0) {
            unsigned t = (unsigned)__builtin_ctzll(hits) / 8;
            *high = seen | (t == 0 ? 0 : (unsigned)((w & (~0ULL >> (64 - 8 * t))) & highs ? 1 : 0));
            return k + t;
        }
        seen |= (w & highs) ? 1u : 0u;
        k += 8;
    }
#endif
    *high = seen;
    return k;
}

/// Sixteen lowercase hex digits at `p` (`0-9`, `a-f`) as one word, the first digit in the top
/// nibble, in `*out`; returns 0 (and leaves `*out` alone) if any byte is not one, or when the
/// machine has no SSE2 (the caller then packs them itself). A transaction hash is four of these.
///
/// How: each byte minus '0' is a digit's value when it is at most 9, and minus 'a' a letter's
/// when at most 5 (unsigned: min(x, 9) == x); the values' pairs are joined in 16-bit lanes
/// (high digit shifted up four), narrowed to eight bytes, and byte-swapped so that the first
/// pair is the top byte.
__attribute__((always_inline)) static inline int casefile_hex16(const unsigned char *p, unsigned long long *out) {
#if CASEFILE_SSE2
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0')), l = _mm_sub_epi8(v, _mm_set1_epi8('a'));
    __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
    __m128i isLetter = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(5)), l);
    if (_mm_movemask_epi8(_mm_or_si128(isDigit, isLetter)) != 0xFFFF) return 0;
    __m128i nib = _mm_or_si128(_mm_and_si128(d, isDigit), _mm_and_si128(_mm_add_epi8(l, _mm_set1_epi8(10)), isLetter));
    __m128i pairs = _mm_and_si128(_mm_or_si128(_mm_slli_epi16(nib, 4), _mm_srli_epi16(nib, 8)), _mm_set1_epi16(0x00FF));
    unsigned long long w = (unsigned long long)_mm_cvtsi128_si64(_mm_packus_epi16(pairs, pairs));
    *out = __builtin_bswap64(w);
    return 1;
#else
    (void)p; (void)out;
    return 0;
#endif
}

/// The eight bytes at `p`, unaligned, in the machine's byte order (callers read it with
/// `UInt64(littleEndian:)`). Swift's `loadUnaligned(fromByteOffset:as:)` was left as a call in
/// the reader's biggest function, thirty times a transfer; this is one instruction there.
__attribute__((always_inline)) static inline unsigned long long casefile_load64(const void *p) {
    unsigned long long w;
    __builtin_memcpy(&w, p, sizeof w);
    return w;
}
