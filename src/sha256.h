/* sha256.h: FIPS 180-4 SHA-256, for the source checksum in TEI headers. */
#ifndef ZN_SHA256_H
#define ZN_SHA256_H

#include <stddef.h>

/* Writes the 64 hex digits and a NUL into hex. */
void zn_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
