/* decode.c: UTF-8 (validated) or GB18030 (through iconv) to code points. */
#include "decode.h"
#include "utf8.h"
#include "util.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

void zn_position_advance(const char *bytes, size_t off, long *line, long *col) {
  const unsigned char *p = (const unsigned char *)bytes, *end = p + off;
  while (p < end) {
    uint32_t cp;
    p += zn_utf8_next(p, end, &cp);
    if (cp == '\n')
      (*line)++, *col = 1;
    else
      (*col)++;
  }
}

/* Decodes UTF-8; on failure returns NULL with *bad = the first bad byte and
 * *good_multi / *bad_count counting valid multi-byte and invalid sequences. */
static uint32_t *S_utf8(const char *bytes, size_t len, size_t *n, size_t *bad, size_t *good_multi,
                        size_t *bad_count) {
  const unsigned char *p = (const unsigned char *)bytes, *end = p + len;
  uint32_t *out = zn_xmalloc((len + 1) * sizeof *out);
  size_t k = 0;
  *bad = (size_t)-1, *good_multi = 0, *bad_count = 0;
  while (p < end) {
    uint32_t cp;
    size_t step = zn_utf8_next(p, end, &cp);
    if (cp == ZN_INVALID_CP) {
      if (*bad == (size_t)-1)
        *bad = (size_t)(p - (const unsigned char *)bytes);
      (*bad_count)++;
    } else if (step > 1) {
      (*good_multi)++;
    }
    out[k++] = cp;
    p += step;
  }
  if (*bad != (size_t)-1) {
    free(out);
    return NULL;
  }
  *n = k;
  return out;
}

/* Decodes GB18030 through iconv; returns NULL with *bad set on failure. */
static uint32_t *S_gb18030(const char *bytes, size_t len, size_t *n, size_t *bad) {
  iconv_t cd = iconv_open("UTF-32LE", "GB18030");
  if (cd == (iconv_t)-1) {
    *bad = 0;
    return NULL;
  }
  size_t cap = (len + 1) * 4;
  char *out = zn_xmalloc(cap);
  char *in = (char *)bytes, *o = out;
  size_t inleft = len, outleft = cap;
  size_t r = iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  if (r == (size_t)-1) {
    *bad = (size_t)(in - bytes);
    free(out);
    return NULL;
  }
  size_t count = (size_t)(o - out) / 4;
  uint32_t *cp = zn_xmalloc((count + 1) * sizeof *cp);
  const unsigned char *u = (const unsigned char *)out;
  for (size_t i = 0; i < count; i++)
    cp[i] = (uint32_t)u[4 * i] | (uint32_t)u[4 * i + 1] << 8 | (uint32_t)u[4 * i + 2] << 16 |
            (uint32_t)u[4 * i + 3] << 24;
  free(out);
  *n = count;
  return cp;
}

int zn_encoding_kind(const char *encoding, const char *path, zn_error *err) {
  if (!encoding || !strcasecmp(encoding, "auto"))
    return ZN_ENC_AUTO;
  if (!strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8"))
    return ZN_ENC_UTF8;
  if (!strcasecmp(encoding, "gb18030") || !strcasecmp(encoding, "gbk") ||
      !strcasecmp(encoding, "gb2312"))
    return ZN_ENC_GB18030;
  return zn_fail(err, ZN_ERR_USAGE, path, 0, 0, -1,
                 "unknown encoding '%s' (want auto, utf-8 or gb18030)", encoding);
}

uint32_t *zn_decode(const char *name, const char *bytes, size_t len, const char *encoding,
                    size_t *n, zn_error *err) {
  return zn_decode_at(name, bytes, len, encoding, (zn_position){0, 1, 1}, n, err);
}

uint32_t *zn_decode_at(const char *name, const char *bytes, size_t len, const char *encoding,
                       zn_position at, size_t *n, zn_error *err) {
  const char *nul = memchr(bytes, 0, len);
  if (nul) {
    unsigned long long off = at.offset + (size_t)(nul - bytes);
    zn_fail(err, ZN_ERR_BINARY, name, 0, 0, (long long)off,
            "binary file (NUL byte at byte offset %llu), skipped", off);
    return NULL;
  }
  int kind = zn_encoding_kind(encoding, name, err);
  if (kind < 0)
    return NULL;
  int want_gb = kind == ZN_ENC_GB18030, want_utf8 = kind == ZN_ENC_UTF8;
  size_t bad = 0, good_multi = 0, bad_count = 0;
  if (want_gb) {
    uint32_t *cp = S_gb18030(bytes, len, n, &bad);
    if (!cp)
      zn_fail(err, ZN_ERR_ENCODING, name, 0, 0, (long long)(at.offset + bad),
              "invalid GB18030 at byte offset %llu", at.offset + bad);
    return cp;
  }
  uint32_t *cp = S_utf8(bytes, len, n, &bad, &good_multi, &bad_count);
  if (cp)
    return cp;
  /* Not UTF-8. Text with many valid UTF-8 sequences and a few bad bytes is
   * damaged UTF-8, reported as such; otherwise try GB18030. */
  int damaged_utf8 = good_multi > 0 && bad_count * 20 < good_multi;
  if (!want_utf8 && !damaged_utf8) {
    size_t gbad;
    uint32_t *gb = S_gb18030(bytes, len, n, &gbad);
    if (gb)
      return gb;
  }
  long line = at.line, col = at.column;
  zn_position_advance(bytes, bad, &line, &col);
  zn_fail(err, ZN_ERR_ENCODING, name, line, col, (long long)(at.offset + bad),
          "invalid UTF-8 at byte offset %llu (byte 0x%02X)", at.offset + bad,
          (unsigned char)bytes[bad]);
  return NULL;
}
