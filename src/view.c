/* view.c: OCR text -> normalised view + map to original code points. */
#include "view.h"
#include "utf8.h"
#include "util.h"

#include <string.h>
#include <uthash.h>

int zn_is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x3000 ||
         c == 0xA0 || c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0xFEFF;
}

int zn_is_ascii_alnum(uint32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int zn_is_joiner(uint32_t c) {
  return c == 0x00B7 || c == 0x30FB || c == 0x2022 || c == 0xFF0E || c == 0x2014 || c == 0xFF0D;
}

int zn_is_han_numeral(uint32_t c) {
  static const uint32_t han[] = {0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
                                 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
                                 0x767E, 0x5343, 0x4E07, 0x4E24}; /* 零〇一…十百千万两 */
  for (size_t k = 0; k < sizeof han / sizeof *han; k++)
    if (c == han[k])
      return 1;
  return 0;
}

struct fold_entry {
  uint32_t from, to;
  UT_hash_handle hh;
};
struct zn_fold {
  struct fold_entry *table;
  uint32_t *bmp; /* bmp[c]: what c < ZN_BMP_END becomes, or 0 if it stays */
  size_t n;
};

zn_fold *zn_fold_new(void) {
  return zn_xcalloc(1, sizeof(zn_fold));
}

void zn_fold_set(zn_fold *f, uint32_t from, uint32_t to) {
  struct fold_entry *e;
  HASH_FIND(hh, f->table, &from, sizeof from, e);
  if (!e) {
    e = zn_xcalloc(1, sizeof *e);
    e->from = from;
    HASH_ADD(hh, f->table, from, sizeof e->from, e);
    f->n++;
  }
  e->to = to;
  if (from < ZN_BMP_END) {
    if (!f->bmp)
      f->bmp = zn_xcalloc(ZN_BMP_END, sizeof *f->bmp);
    f->bmp[from] = to;
  }
}

uint32_t zn_fold_get(const zn_fold *f, uint32_t c) {
  if (c < ZN_BMP_END)
    return f->bmp && f->bmp[c] ? f->bmp[c] : c;
  struct fold_entry *e;
  HASH_FIND(hh, f->table, &c, sizeof c, e);
  return e ? e->to : c;
}

size_t zn_fold_size(const zn_fold *f) {
  return f ? f->n : 0;
}

void zn_fold_free(zn_fold *f) {
  if (!f)
    return;
  struct fold_entry *e, *tmp;
  HASH_ITER(hh, f->table, e, tmp) {
    HASH_DEL(f->table, e);
    free(e);
  }
  free(f->bmp);
  free(f);
}

/* Width and punctuation folding: full-width letters and digits to ASCII,
 * ASCII punctuation that Chinese text writes full-width to that form. */
static uint32_t S_fold_char(uint32_t c) {
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    return c - 0xFEE0;
  switch (c) {
  case '(':
    return 0xFF08;
  case ')':
    return 0xFF09;
  case ',':
    return 0xFF0C;
  case ':':
    return 0xFF1A;
  case ';':
    return 0xFF1B;
  case '!':
    return 0xFF01;
  case '?':
    return 0xFF1F;
  case 0x30FB:
  case 0x2022:
  case 0x2027:
  case 0xFF0E:
  case 0x2219:
  case 0x22C5:
    return 0xB7;
  case 0x3014:
  case 0xFF3B:
    return 0x3010; /* 〔 ［ → 【 */
  case 0x3015:
  case 0xFF3D:
    return 0x3011;
  default:
    return c;
  }
}

/* A spaced-out line: most of its space-separated pieces are single characters, and they hold
 * at least half its characters (not a byline that pads two names: 记者 梁 艳 石 刚). */
static int S_spaced_line(const uint32_t *t, size_t a, size_t b) {
  size_t pieces = 0, singles = 0, chars = 0, i = a;
  while (i < b) {
    while (i < b && zn_is_space(t[i]))
      i++;
    if (i >= b)
      break;
    size_t s = i;
    while (i < b && !zn_is_space(t[i]))
      i++;
    pieces++, chars += i - s;
    if (i - s == 1 && t[s] >= 0x80)
      singles++;
    else if (i - s == 2 && t[s] >= 0x80 && t[s] != 0xFF08 && !zn_is_han(t[s]) &&
             zn_is_han(t[s + 1]))
      singles++; /* punctuation glued to a single character: "，确" */
  }
  return singles >= 2 && singles * 10 >= pieces * 6 && singles * 2 >= chars;
}

/* The view never outgrows the text: each view char stands for at least one
 * original char, so the arrays allocated up front suffice. */
static void S_push(zn_view *v, uint32_t c, size_t orig) {
  v->cp[v->n] = c;
  v->orig[v->n] = orig;
  v->n++;
}

#define ZN_LINE_HIST 256

/* Whether c ends a sentence or a clause that a paragraph may end with. */
static int S_final(uint32_t c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0xFF1A || c == 0x201D ||
         c == 0x300D || c == 0x300F || c == 0x2026 || c == '.';
}

/* A space between two runs of Han characters both at least this long is where OCR joined the
 * lines of a paragraph, not a boundary (…主任的市委 产业发展和投资促进委员会…; not 记者 关某某）).
 */
#define ZN_WRAP_PIECE 8

/* Whether the white space [s, i) of one line joins two long runs of Han characters. */
static int S_wrap_space(const uint32_t *t, size_t n, size_t s, size_t i) {
  if (s == 0 || i >= n || !zn_is_han(t[s - 1]) || !zn_is_han(t[i]))
    return 0;
  size_t before = 0, after = 0;
  for (size_t k = s; k > 0 && zn_is_han(t[k - 1]) && before < ZN_WRAP_PIECE; k--)
    before++;
  for (size_t k = i; k < n && zn_is_han(t[k]) && after < ZN_WRAP_PIECE; k++)
    after++;
  return before >= ZN_WRAP_PIECE && after >= ZN_WRAP_PIECE;
}

/* Whether the line that ends at s, no spaced-out one, ends with a piece of one to four Han
 * characters that a space parts from Han characters before it: the last name of a byline (本报记者
 * 金 蕾, ○ 通讯员 熊某某). The line break after it bounds the name as a space would, though the
 * paragraph goes on (…金 蕾|市消防救援大队…). */
static int S_piece_ends_line(const uint32_t *t, const unsigned char *spaced, size_t s) {
  size_t k = s;
  while (k > 0 && s - k < 5 && zn_is_han(t[k - 1]))
    k--;
  return k < s && s - k <= 4 && k >= 2 && zn_is_space(t[k - 1]) && t[k - 1] != '\n' &&
         zn_is_han(t[k - 2]) && !spaced[s - 1];
}

/* Whether the line that starts at i, no spaced-out one, opens with one Han character that a
 * space parts from the Han character after it: a name padded or spaced out (县委书记 / 潘 某 某
 * 出席). The line break before it bounds the name as a space would. */
static int S_piece_opens_line(const uint32_t *t, size_t n, const unsigned char *spaced, size_t i) {
  return i + 2 < n && zn_is_han(t[i]) && zn_is_space(t[i + 1]) && t[i + 1] != '\n' &&
         t[i + 1] != '\r' && zn_is_han(t[i + 2]) && !spaced[i];
}

void zn_view_build(zn_view *v, const uint32_t *t, size_t n, const zn_fold *fold) {
  v->cp = zn_xmalloc((n + 1) * sizeof *v->cp);
  v->orig = zn_xmalloc((n + 1) * sizeof *v->orig);
  v->n = 0;
  /* spaced-out flag per line, and the median length of a line */
  unsigned char *spaced = zn_xcalloc(n + 1, 1);
  size_t hist[ZN_LINE_HIST] = {0}, lines = 0;
  for (size_t a = 0; a < n;) {
    size_t b = a, len = 0;
    for (; b < n && t[b] != '\n'; b++)
      len += !zn_is_space(t[b]);
    if (len)
      hist[len < ZN_LINE_HIST ? len : ZN_LINE_HIST - 1]++, lines++;
    if (S_spaced_line(t, a, b))
      for (size_t i = a; i < b; i++)
        spaced[i] = 1;
    a = b + 1;
  }
  size_t median = 0;
  for (size_t k = 0, seen = 0; k < ZN_LINE_HIST && seen * 2 < lines; k++)
    seen += hist[k], median = k;
  /* A line as long as most, that ends inside a sentence, goes on after one
   * blank line: OCR of a column that puts a blank line after every line. */
  size_t full = median >= 6 ? median * 4 / 5 : (size_t)-1, cur = 0;
  size_t i = 0;
  while (i < n) {
    if (!zn_is_space(t[i])) {
      cur++;
      uint32_t c = S_fold_char(t[i]);
      if (fold && c >= 0x80)
        c = zn_fold_get(fold, c);
      S_push(v, c, i);
      i++;
      continue;
    }
    size_t s = i, newlines = 0, inline_space = 0, line = cur;
    while (i < n && zn_is_space(t[i])) {
      if (t[i] == '\n')
        newlines++, cur = 0;
      else if (t[i] != '\r' && !spaced[i])
        inline_space = 1;
      i++;
    }
    if (s == 0 || i == n)
      continue; /* leading or trailing white space */
    uint32_t p = t[s - 1], q = t[i];
    int wrapped = newlines == 2 && line >= full && !S_final(p);
    if (newlines >= 2 && !wrapped)
      S_push(v, '\n', s);
    else if (zn_is_ascii_alnum(p) && zn_is_ascii_alnum(q))
      S_push(v, ' ', s);
    else if (newlines == 0 && inline_space && !S_wrap_space(t, n, s, i))
      S_push(v, ' ', s);
    else if (newlines == 1 && zn_is_han(q) &&
             (S_piece_ends_line(t, spaced, s) || S_piece_opens_line(t, n, spaced, i)))
      S_push(v, ' ', s);
  }
  free(spaced);
  v->orig[v->n] = n;
  v->utf8 = zn_utf8_encode(v->cp, v->n, &v->nbytes);
  v->boff = zn_xmalloc((v->n + 1) * sizeof *v->boff);
  size_t b = 0;
  char tmp[4];
  for (size_t k = 0; k < v->n; k++) {
    v->boff[k] = b;
    b += zn_utf8_put(v->cp[k], tmp);
  }
  v->boff[v->n] = b;
}

void zn_view_slice(const zn_view *v, size_t a, size_t b, zn_view *out) {
  out->n = b - a;
  out->cp = zn_xmalloc((out->n + 1) * sizeof *out->cp);
  memcpy(out->cp, v->cp + a, out->n * sizeof *out->cp);
  out->orig = zn_xmalloc((out->n + 1) * sizeof *out->orig);
  memcpy(out->orig, v->orig + a, (out->n + 1) * sizeof *out->orig);
  out->nbytes = v->boff[b] - v->boff[a];
  out->utf8 = zn_xmalloc(out->nbytes + 1);
  memcpy(out->utf8, v->utf8 + v->boff[a], out->nbytes);
  out->utf8[out->nbytes] = 0;
  out->boff = zn_xmalloc((out->n + 1) * sizeof *out->boff);
  for (size_t i = 0; i <= out->n; i++)
    out->boff[i] = v->boff[a + i] - v->boff[a];
}

void zn_view_free(zn_view *v) {
  free(v->cp);
  free(v->orig);
  free(v->utf8);
  free(v->boff);
  v->cp = NULL, v->orig = NULL, v->utf8 = NULL, v->boff = NULL;
  v->n = v->nbytes = 0;
}

size_t zn_view_index(const zn_view *v, size_t b) {
  size_t lo = 0, hi = v->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v->boff[mid] < b)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

void zn_view_span(const zn_view *v, size_t s, size_t e, size_t *start, size_t *end) {
  *start = v->orig[s];
  *end = v->orig[e - 1] + 1;
}

int zn_view_holds(const zn_view *v, size_t s, size_t e, const char *needle) {
  return memmem(v->utf8 + v->boff[s], v->boff[e] - v->boff[s], needle, strlen(needle)) != NULL;
}
