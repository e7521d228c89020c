/* starts.h: where a rule's matches can start, read off its pattern.
 *
 * Most rules open with a few known characters (、 before a surname, the
 * first characters of a category's entries, a digit) or stand right after
 * them (the 社 or 报 of a dateline's lookbehind). Knowing that, a rule runs
 * anchored at those positions alone instead of scanning every one, with the
 * same matches. The reading is conservative: a construct it does not know
 * (\p{..}, ., [^…], options) makes that side unknown, never wrong. */
#ifndef ZN_STARTS_H
#define ZN_STARTS_H

#include "gazetteer.h"

#include <stddef.h>
#include <stdint.h>

typedef struct zn_cpset {
  uint32_t *cp; /* sorted, no repeats once read */
  size_t n, cap;
} zn_cpset;

typedef struct zn_starts {
  int first_known; /* every match opens with a character of first */
  zn_cpset first;
  int prev_known; /* every match starts right after a character of prev, */
  int prev_begin; /* or at the subject's start when prev_begin */
  zn_cpset prev;
} zn_starts;

/* Reads pattern (a rule's, before @{category} expansion against g). */
void zn_starts_read(const char *pattern, const zn_gazetteer *g, zn_starts *out);
void zn_starts_free(zn_starts *s);

#endif
