/* utf8.c: RFC 3629 UTF-8, bounded by an end pointer, never by a NUL. */
#include "utf8.h"
#include "util.h"

#include <string.h>

size_t zn_utf8_next(const unsigned char *p, const unsigned char *end, uint32_t *cp) {
  unsigned char c = p[0];
  size_t len;
  uint32_t v, min;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    *cp = ZN_INVALID_CP; /* continuation byte, C0/C1 overlong lead, or > U+10FFFF */
    return 1;
  }
  if ((size_t)(end - p) < len) {
    *cp = ZN_INVALID_CP; /* the input ends inside the sequence */
    return 1;
  }
  for (size_t i = 1; i < len; i++) {
    if ((p[i] & 0xC0) != 0x80) {
      *cp = ZN_INVALID_CP;
      return 1;
    }
    v = (v << 6) | (p[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = ZN_INVALID_CP; /* overlong, out of range, or a surrogate */
    return 1;
  }
  *cp = v;
  return len;
}

size_t zn_utf8_put(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

char *zn_utf8_encode(const uint32_t *cp, size_t n, size_t *bytes) {
  char *s = zn_xmalloc(n * 4 + 1);
  size_t b = 0;
  for (size_t i = 0; i < n; i++)
    b += zn_utf8_put(cp[i], s + b);
  s[b] = 0;
  if (bytes)
    *bytes = b;
  return s;
}

uint32_t *zn_utf8_decode(const char *s, size_t len, size_t *n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  uint32_t *out = zn_xmalloc((len + 1) * sizeof *out);
  size_t k = 0;
  while (p < end) {
    uint32_t cp;
    p += zn_utf8_next(p, end, &cp);
    if (cp == ZN_INVALID_CP) {
      free(out);
      return NULL;
    }
    out[k++] = cp;
  }
  *n = k;
  return out;
}
