/* starts.c: a rule pattern's opening characters and the characters that can
 * stand before it, by a recursive reading of the PCRE2 syntax rules use. */
#include "starts.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* What one end (the first or the last character) of a piece of pattern can be. */
typedef struct S_end {
  zn_cpset set; /* characters it can be */
  int any;      /* also characters no list holds (\p{..}, ., [^…]) */
  int empty;    /* the piece can consume nothing at this end: the next piece decides */
  int begin;    /* the subject's start (^, \A; at the last end only) */
} S_end;

typedef struct S_piece {
  S_end first, last;
  int zero;        /* zero-width: a lookaround or an anchor */
  int behind;      /* a lookbehind (?<=…), unquantified: */
  S_end body_last; /* its body's last end */
} S_piece;

typedef struct S_reader {
  const char *p, *end;
  const zn_gazetteer *g;
  int depth;
  int fail;     /* syntax this reading does not know: nothing is known */
  int prev_set; /* prev holds a leading lookbehind's last end */
  S_end prev;
} S_reader;

static void S_add(zn_cpset *s, uint32_t c) {
  zn_grow(&s->cp, &s->cap, s->n + 1, sizeof *s->cp);
  s->cp[s->n++] = c;
}

static void S_end_free(S_end *e) {
  free(e->set.cp);
  *e = (S_end){0};
}

static void S_piece_free(S_piece *p) {
  S_end_free(&p->first);
  S_end_free(&p->last);
  S_end_free(&p->body_last);
}

/* to ∪= from, to's empty left as it was */
static void S_join(S_end *to, const S_end *from) {
  for (size_t i = 0; i < from->set.n; i++)
    S_add(&to->set, from->set.cp[i]);
  to->any |= from->any;
  to->begin |= from->begin;
}

static void S_move(S_end *to, S_end *from) {
  S_end_free(to);
  *to = *from;
  *from = (S_end){0};
}

static uint32_t S_char(S_reader *r) {
  uint32_t c;
  r->p += zn_utf8_next((const unsigned char *)r->p, (const unsigned char *)r->end, &c);
  if (c == ZN_INVALID_CP)
    r->fail = 1;
  return c;
}

static int S_hexval(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

enum { S_ESC_CHAR, S_ESC_ANY, S_ESC_ZERO, S_ESC_BEGIN };

/* Reads the escape after a backslash; a character's value goes to *c. */
static int S_escape(S_reader *r, int in_class, uint32_t *c) {
  if (r->p >= r->end) {
    r->fail = 1;
    return S_ESC_ANY;
  }
  static const char ctl[] = "n\nt\tr\rf\fe\033a\a";
  const char *k = strchr("ntrfea", *r->p);
  if (k && *r->p) {
    *c = (unsigned char)ctl[2 * (k - "ntrfea") + 1];
    r->p++;
    return S_ESC_CHAR;
  }
  char e = *r->p++;
  if (e == 'x') {
    uint32_t v = 0;
    int braced = r->p < r->end && *r->p == '{', digits = 0;
    r->p += braced;
    while (r->p < r->end && S_hexval(*r->p) >= 0 && (braced || digits < 2))
      v = v * 16 + (uint32_t)S_hexval(*r->p++), digits++;
    if (braced && (r->p >= r->end || *r->p++ != '}'))
      r->fail = 1;
    *c = v;
    return S_ESC_CHAR;
  }
  if (e == 'p' || e == 'P') { /* a property: \p{sc=Han}, \pL */
    if (r->p < r->end && *r->p == '{') {
      const char *close = memchr(r->p, '}', (size_t)(r->end - r->p));
      r->p = close ? close + 1 : r->end;
      r->fail |= !close;
    } else if (r->p < r->end) {
      r->p++;
    }
    return S_ESC_ANY;
  }
  if (strchr("dDwWsShHvVRXNC", e))
    return S_ESC_ANY;
  if (e == 'b' && in_class) {
    *c = '\b';
    return S_ESC_CHAR;
  }
  if ((e == 'b' || e == 'B') && !in_class)
    return S_ESC_ZERO;
  if (e == 'A' && !in_class)
    return S_ESC_BEGIN;
  if ((e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
    r->fail = 1; /* back references, \Q…\E, \K, \G, \z: not read */
    return S_ESC_ANY;
  }
  r->p--; /* an escaped literal: \/, \-, \. */
  *c = S_char(r);
  return S_ESC_CHAR;
}

/* A character class, after its '['. */
static void S_class(S_reader *r, S_end *e) {
  int negated = r->p < r->end && *r->p == '^', first = 1;
  r->p += negated;
  for (;;) {
    if (r->p >= r->end) {
      r->fail = 1;
      return;
    }
    if (*r->p == ']' && !first) {
      r->p++;
      break;
    }
    first = 0;
    if (r->p[0] == '[' && r->p + 1 < r->end && r->p[1] == ':') { /* [:alpha:] */
      const char *close = strstr(r->p, ":]");
      r->p = close && close < r->end ? close + 2 : r->end;
      e->any = 1;
      continue;
    }
    uint32_t lo, hi;
    if (*r->p == '\\') {
      r->p++;
      if (S_escape(r, 1, &lo) != S_ESC_CHAR) {
        e->any = 1;
        continue;
      }
    } else {
      lo = S_char(r);
    }
    if (r->p + 1 < r->end && r->p[0] == '-' && r->p[1] != ']') {
      r->p++;
      if (*r->p == '\\') {
        r->p++;
        if (S_escape(r, 1, &hi) != S_ESC_CHAR)
          r->fail = 1;
      } else {
        hi = S_char(r);
      }
      if (r->fail || hi < lo || hi - lo > 4096)
        e->any = 1;
      else
        for (uint32_t c = lo; c <= hi; c++)
          S_add(&e->set, c);
    } else {
      S_add(&e->set, lo);
    }
  }
  if (negated)
    e->any = 1;
}

/* @{category}, after its '@': the first and last characters of its entries. */
static void S_category(S_reader *r, S_piece *it) {
  const char *close = memchr(r->p, '}', (size_t)(r->end - r->p));
  char name[64];
  size_t len = close ? (size_t)(close - r->p - 1) : 0;
  int cat = -1;
  if (close && len < sizeof name) {
    memcpy(name, r->p + 1, len);
    name[len] = 0;
    cat = zn_cat_by_name(name);
  }
  if (cat < 0) {
    r->fail = 1;
    return;
  }
  r->p = close + 1;
  for (size_t i = 0; i < r->g->nlist[cat]; i++) {
    const unsigned char *s = (const unsigned char *)r->g->lists[cat][i],
                        *end = s + strlen((char *)s);
    uint32_t c = ZN_INVALID_CP, last = ZN_INVALID_CP;
    s += zn_utf8_next(s, end, &c);
    S_add(&it->first.set, c);
    for (last = c; s < end;)
      s += zn_utf8_next(s, end, &last);
    S_add(&it->last.set, last);
  }
}

/* A quantifier after an item, if one is there: whether it allows none. */
static int S_quantifier(S_reader *r, int *quantified) {
  const char *p = r->p;
  int none = 0;
  if (p < r->end && (*p == '?' || *p == '*')) {
    none = 1, p++;
  } else if (p < r->end && *p == '+') {
    p++;
  } else if (p < r->end && *p == '{') { /* {n}, {n,}, {n,m}; anything else is a literal */
    const char *q = p + 1;
    long min = 0;
    if (q >= r->end || *q < '0' || *q > '9')
      return *quantified = 0;
    while (q < r->end && *q >= '0' && *q <= '9')
      min = min * 10 + (*q++ - '0');
    if (q < r->end && *q == ',')
      for (q++; q < r->end && *q >= '0' && *q <= '9';)
        q++;
    if (q >= r->end || *q != '}')
      return *quantified = 0;
    none = min == 0, p = q + 1;
  } else {
    return *quantified = 0;
  }
  if (p < r->end && (*p == '?' || *p == '+')) /* lazy, possessive */
    p++;
  r->p = p;
  *quantified = 1;
  return none;
}

static S_piece S_alternatives(S_reader *r, int *count);

enum { S_GROUP, S_AHEAD, S_NOT_AHEAD, S_BEHIND, S_NOT_BEHIND, S_COMMENT };

/* A group, after its '('. */
static void S_group(S_reader *r, S_piece *it) {
  int kind = S_GROUP;
  if (r->p < r->end && *r->p == '*') {
    r->fail = 1; /* (*VERB) */
    return;
  }
  if (r->p < r->end && *r->p == '?') {
    static const struct {
      const char *open;
      int kind;
    } opens[] = {{":", S_GROUP},     {">", S_GROUP},   {"|", S_GROUP},       {"=", S_AHEAD},
                 {"!", S_NOT_AHEAD}, {"<=", S_BEHIND}, {"<!", S_NOT_BEHIND}, {"#", S_COMMENT},
                 {"<", S_GROUP},     {"P<", S_GROUP},  {"'", S_GROUP}};
    const char *q = r->p + 1;
    size_t k = 0, nopens = sizeof opens / sizeof *opens;
    while (k < nopens && strncmp(q, opens[k].open, strlen(opens[k].open)))
      k++;
    if (k == nopens) {
      r->fail = 1; /* options, recursion, conditions */
      return;
    }
    kind = opens[k].kind;
    r->p = q + strlen(opens[k].open);
    if (kind == S_COMMENT) {
      const char *close = memchr(r->p, ')', (size_t)(r->end - r->p));
      r->fail |= !close;
      r->p = close ? close + 1 : r->end;
      it->first.empty = it->last.empty = it->zero = 1;
      return;
    }
    if (q[0] == '<' || q[0] == '\'' || q[0] == 'P') { /* a name, to its > or ' */
      if (kind == S_GROUP) {
        char close = q[0] == '\'' ? '\'' : '>';
        const char *e = memchr(r->p, close, (size_t)(r->end - r->p));
        r->fail |= !e;
        r->p = e ? e + 1 : r->end;
      }
    }
  }
  int count;
  r->depth++;
  S_piece in = S_alternatives(r, &count);
  r->depth--;
  if (r->p >= r->end || *r->p != ')')
    r->fail = 1;
  else
    r->p++;
  if (kind == S_GROUP) {
    S_move(&it->first, &in.first);
    S_move(&it->last, &in.last);
  } else {
    it->zero = 1;
    it->last.empty = 1;
    /* a lookahead that consumes a known character says what the position opens with */
    if (kind == S_AHEAD && !in.first.any && !in.first.empty)
      S_move(&it->first, &in.first);
    else
      it->first.empty = 1;
    if (kind == S_BEHIND) {
      it->behind = 1;
      S_move(&it->body_last, &in.last);
    }
  }
  S_piece_free(&in);
}

/* Reads one item and its quantifier into *it; returns 0 at the end of a
 * sequence ('|', ')' or the pattern's end). */
static int S_item(S_reader *r, S_piece *it) {
  *it = (S_piece){0};
  if (r->p >= r->end || *r->p == '|' || *r->p == ')')
    return 0;
  char c = *r->p;
  uint32_t cp;
  if (c == '(') {
    r->p++;
    S_group(r, it);
  } else if (c == '[') {
    r->p++;
    S_class(r, &it->first);
    S_join(&it->last, &it->first);
  } else if (c == '\\') {
    r->p++;
    switch (S_escape(r, 0, &cp)) {
    case S_ESC_CHAR:
      S_add(&it->first.set, cp);
      S_add(&it->last.set, cp);
      break;
    case S_ESC_ANY:
      it->first.any = it->last.any = 1;
      break;
    case S_ESC_BEGIN:
      it->zero = it->first.empty = it->last.begin = 1;
      break;
    default:
      it->zero = it->first.empty = it->last.empty = 1;
    }
  } else if (c == '.') {
    r->p++;
    it->first.any = it->last.any = 1;
  } else if (c == '^') {
    r->p++;
    it->zero = it->first.empty = it->last.begin = 1;
  } else if (c == '$') { /* a match could start at the end, with no character */
    r->p++;
    it->zero = it->first.any = it->last.empty = 1;
  } else if (c == '@' && r->p + 1 < r->end && r->p[1] == '{') {
    r->p++;
    S_category(r, it);
  } else if (c == '*' || c == '+' || c == '?') {
    r->fail = 1;
  } else {
    cp = S_char(r);
    S_add(&it->first.set, cp);
    S_add(&it->last.set, cp);
  }
  int quantified;
  if (S_quantifier(r, &quantified)) {
    it->first.empty = it->last.empty = 1;
    it->last.begin = 0;
  }
  if (quantified)
    it->behind = 0;
  return !r->fail;
}

static S_piece S_sequence(S_reader *r) {
  S_piece acc = {.first.empty = 1, .last.empty = 1};
  int consumed = 0;
  S_piece it;
  while (S_item(r, &it)) {
    if (acc.first.empty) {
      S_join(&acc.first, &it.first);
      acc.first.empty = it.first.empty;
    }
    if (it.last.empty)
      S_join(&acc.last, &it.last);
    else
      S_move(&acc.last, &it.last);
    /* a lookbehind before anything is consumed, at the pattern's top */
    if (r->depth == 0 && !consumed && it.behind && !r->prev_set && !it.body_last.any &&
        !it.body_last.empty) {
      S_move(&r->prev, &it.body_last);
      r->prev_set = 1;
    }
    consumed |= !it.zero;
    S_piece_free(&it);
  }
  S_piece_free(&it);
  return acc;
}

static S_piece S_alternatives(S_reader *r, int *count) {
  S_piece all = S_sequence(r);
  *count = 1;
  while (!r->fail && r->p < r->end && *r->p == '|') {
    r->p++;
    S_piece next = S_sequence(r);
    S_join(&all.first, &next.first);
    S_join(&all.last, &next.last);
    all.first.empty |= next.first.empty;
    all.last.empty |= next.last.empty;
    S_piece_free(&next);
    (*count)++;
  }
  return all;
}

static int S_cmp_cp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Moves e's characters into out, sorted and without repeats. */
static void S_settle(S_end *e, zn_cpset *out) {
  *out = e->set;
  e->set = (zn_cpset){0};
  if (out->n)
    qsort(out->cp, out->n, sizeof *out->cp, S_cmp_cp);
  size_t k = 0;
  for (size_t i = 0; i < out->n; i++)
    if (k == 0 || out->cp[k - 1] != out->cp[i])
      out->cp[k++] = out->cp[i];
  out->n = k;
}

void zn_starts_read(const char *pattern, const zn_gazetteer *g, zn_starts *out) {
  *out = (zn_starts){0};
  S_reader r = {.p = pattern, .end = pattern + strlen(pattern), .g = g};
  int count;
  S_piece top = S_alternatives(&r, &count);
  if (r.p != r.end)
    r.fail = 1; /* a ')' without its '(' */
  if (!r.fail && !top.first.any && !top.first.empty) {
    out->first_known = 1;
    S_settle(&top.first, &out->first);
  }
  if (!r.fail && count == 1 && r.prev_set) {
    out->prev_known = 1;
    out->prev_begin = r.prev.begin;
    S_settle(&r.prev, &out->prev);
  }
  S_piece_free(&top);
  S_end_free(&r.prev);
}

void zn_starts_free(zn_starts *s) {
  free(s->first.cp);
  free(s->prev.cp);
  *s = (zn_starts){0};
}
