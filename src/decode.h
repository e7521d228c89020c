/* decode.h: input bytes to the original code points (the offset space). */
#ifndef ZN_DECODE_H
#define ZN_DECODE_H

#include "zhner.h"

/* Decodes bytes into a new code-point array (caller frees). encoding: NULL or
 * "auto", "utf-8", "gb18030". A UTF-8 BOM is kept as code point 0. Fails with
 * ZN_ERR_BINARY for a NUL byte, ZN_ERR_ENCODING (offset = byte offset) for
 * bytes that are not text in the encoding. */
uint32_t *zn_decode(const char *name, const char *bytes, size_t len, const char *encoding,
                    size_t *n, zn_error *err);

enum { ZN_ENC_AUTO, ZN_ENC_UTF8, ZN_ENC_GB18030 };

/* Which encoding a name asks for (NULL or "auto", "utf-8"/"utf8",
 * "gb18030"/"gbk"/"gb2312", any case); -1 with err filled (path) if none. */
int zn_encoding_kind(const char *encoding, const char *path, zn_error *err);

/* Where a block of a longer input starts: its byte offset, and the line and
 * column (1-based, in code points) there. */
typedef struct zn_position {
  unsigned long long offset;
  long line, column;
} zn_position;

/* zn_decode of a block that starts at `at`, so that errors name the place
 * in the whole input. */
uint32_t *zn_decode_at(const char *name, const char *bytes, size_t len, const char *encoding,
                       zn_position at, size_t *n, zn_error *err);

/* Moves line and column over off bytes of UTF-8 text. */
void zn_position_advance(const char *bytes, size_t off, long *line, long *column);

#endif
