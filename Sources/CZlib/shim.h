#ifndef SCOUR_CZLIB_SHIM_H
#define SCOUR_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call macros that take arguments. */
static inline int scour_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
