/* utf8.h: a bounded UTF-8 walker and encoder. */
#ifndef ZN_UTF8_H
#define ZN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define ZN_INVALID_CP 0xFFFFFFFFu
#define ZN_BMP_END 0x10000u /* code points below are in the Basic Multilingual Plane */

/* Decodes one code point from [p, end). Returns the number of bytes taken
 * (always at least 1 when p < end); *cp is ZN_INVALID_CP for an invalid,
 * overlong, surrogate or truncated sequence, which then takes one byte. */
size_t zn_utf8_next(const unsigned char *p, const unsigned char *end, uint32_t *cp);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the byte count. */
size_t zn_utf8_put(uint32_t cp, char *out);

/* Encodes n code points into a new NUL-terminated string (caller frees). */
char *zn_utf8_encode(const uint32_t *cp, size_t n, size_t *bytes);

/* Decodes a whole valid UTF-8 string into a new array (caller frees); returns
 * NULL if it is not valid UTF-8. */
uint32_t *zn_utf8_decode(const char *s, size_t len, size_t *n);

#endif
