/* view.h: the normalised view of a document that rules and lexicons match on,
 * with the map back to original code points (the only road back to offsets).
 *
 * In the view, OCR noise is gone: line breaks inside a paragraph and spaces
 * inside spaced-out lines vanish, full-width letters and digits become ASCII,
 * ASCII punctuation becomes its full-width form, and (when a table is given)
 * traditional characters become simplified ones, one for one. Two marks stay:
 * ' ' is a soft boundary (a space between multi-character pieces, which names
 * do not cross) and '\n' is a paragraph break (a blank line). */
#ifndef ZN_VIEW_H
#define ZN_VIEW_H

#include <stddef.h>
#include <stdint.h>

typedef struct zn_fold zn_fold; /* a one-for-one character table (t2s) */

typedef struct zn_view {
  uint32_t *cp; /* view code points */
  size_t *orig; /* orig[i]: original index of view char i; orig[n] = original length */
  size_t n;
  char *utf8; /* the view as UTF-8, for PCRE2 */
  size_t nbytes;
  size_t *boff; /* boff[i]: byte offset of view char i in utf8; boff[n] = nbytes */
} zn_view;

void zn_view_build(zn_view *v, const uint32_t *text, size_t n, const zn_fold *fold);
void zn_view_free(zn_view *v);
/* out = the piece [a, b) of v, its map still into v's original text. */
void zn_view_slice(const zn_view *v, size_t a, size_t b, zn_view *out);
/* View index of the character starting at byte offset b (b on a boundary). */
size_t zn_view_index(const zn_view *v, size_t b);
/* Original [start, end) of view range [s, e), e > s. */
void zn_view_span(const zn_view *v, size_t s, size_t e, size_t *start, size_t *end);
/* Whether the text of view range [s, e) holds the UTF-8 string needle (公司 of 有限公司). */
int zn_view_holds(const zn_view *v, size_t s, size_t e, const char *needle);

/* Character classes used across the pipeline. */
int zn_is_space(uint32_t c);
static inline int zn_is_han(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}
int zn_is_ascii_alnum(uint32_t c);
/* A Han numeral: 零 〇 一 … 十 百 千 万 两. */
int zn_is_han_numeral(uint32_t c);
/* A mark that joins the parts of a foreign name: 安娜·林德贝里, 让—保罗. */
int zn_is_joiner(uint32_t c);

/* One-for-one folding table (e.g. traditional to simplified). */
zn_fold *zn_fold_new(void);
void zn_fold_set(zn_fold *f, uint32_t from, uint32_t to);
uint32_t zn_fold_get(const zn_fold *f, uint32_t c);
size_t zn_fold_size(const zn_fold *f);
void zn_fold_free(zn_fold *f);

#endif
