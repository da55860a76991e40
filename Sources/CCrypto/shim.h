#ifndef SCOUR_CCRYPTO_SHIM_H
#define SCOUR_CCRYPTO_SHIM_H
/* OpenSSL's libcrypto, only for SHA-1 and SHA-256 digests: it uses the CPU's SHA
   instructions where there are any. libcurl4-openssl already links it. */
#include <openssl/evp.h>
#endif
