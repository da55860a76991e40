#ifndef SCOUR_CZLIB_SHIM_H
#define SCOUR_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call macros that take arguments. */
static inline int scour_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}

/* deflateInit2 is a macro too; windowBits 15 + 16 writes a gzip member (WARC records). */
static inline int scour_deflateInit2(z_streamp strm, int level, int windowBits) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
