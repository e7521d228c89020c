/* alias.c: short names a text declares (see alias.h). */
#include "alias.h"
#include "utf8.h"
#include "view.h"

#include <string.h>

#define ZN_ALIAS_MAX 12 /* characters of a short name at most */

/* Whether cp[a, n) opens with the characters of the UTF-8 string s; their number, else 0. */
static size_t S_opens(const uint32_t *cp, size_t n, size_t a, const char *s) {
  const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
  size_t k = 0;
  while (p < end) {
    uint32_t c;
    p += zn_utf8_next(p, end, &c);
    if (a + k >= n || cp[a + k] != c)
      return 0;
    k++;
  }
  return k;
}

int zn_declared_alias(const uint32_t *cp, size_t n, size_t e, size_t *as, size_t *ae) {
  static const char *const says[] = {"以下简称", "下称", "简称"};
  if (e >= n || (cp[e] != 0xFF08 /* （ */ && cp[e] != '('))
    return 0;
  size_t a = e + 1, said = 0;
  for (size_t k = 0; k < sizeof says / sizeof *says && !said; k++)
    said = S_opens(cp, n, a, says[k]);
  if (!said)
    return 0;
  a += said;
  if (a < n && (cp[a] == 0xFF1A /* ： */ || cp[a] == ':'))
    a++;
  int quoted = a < n && (cp[a] == 0x201C /* “ */ || cp[a] == '"');
  a += (size_t)quoted;
  size_t b = a;
  while (b < n && b - a <= ZN_ALIAS_MAX && zn_is_han(cp[b]))
    b++;
  if (b - a < 2 || b - a > ZN_ALIAS_MAX)
    return 0;
  if (quoted && (b >= n || (cp[b] != 0x201D /* ” */ && cp[b] != '"')))
    return 0;
  size_t close = b + (size_t)quoted;
  if (close >= n || (cp[close] != 0xFF09 /* ） */ && cp[close] != ')'))
    return 0;
  *as = a, *ae = b;
  return 1;
}
