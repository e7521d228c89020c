/* sha256.h: FIPS 180-4 SHA-256, for the source checksum in TEI headers. */
#ifndef ZN_SHA256_H
#define ZN_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* A hash fed piece by piece: init, update any number of times, final. */
typedef struct zn_sha256 {
  uint32_t h[8];
  unsigned char buf[64];
  size_t nbuf;
  uint64_t total;
} zn_sha256;

void zn_sha256_init(zn_sha256 *c);
void zn_sha256_update(zn_sha256 *c, const void *data, size_t len);
void zn_sha256_final(zn_sha256 *c, char hex[65]);

/* Of one buffer: writes the 64 hex digits and a NUL into hex. */
void zn_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
