/* rules.c: rules files -> pcre2_code (UTF | UCP, JIT) with match limits,
 * each run anchored at the positions its pattern can start at (starts.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rules.h"
#include "starts.h"
#include "util.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

struct zn_rule {
  zn_action action;
  float weight;
  pcre2_code *code;
  int group_m, group_at; /* capture numbers, or -1 */
  long line;
  int cat;       /* the pattern is one category: (?:@{cat}) or (?=@{cat}); else -1 */
  int lookahead; /* (?=@{cat}) */
  int jit;       /* compiled to machine code: matched by pcre2_jit_match */
  /* where its matches can start is known (starts.h): the pattern anchored, run
   * at those positions only, and the rule's bit in the masks below; else -1 */
  pcre2_code *anchored;
  int anchored_jit;
  int bit;
};

#define S_BITS 64                /* rules with known starts, at most */
#define S_PAGES (0x110000u >> 8) /* a mask per code point, in pages of 256 */

struct zn_rules {
  zn_rule *rule;
  size_t n, cap;
  uint32_t max_groups;
  int nbits;
  uint64_t *first[S_PAGES]; /* the rules (bits) a match of which can open with c */
  uint64_t *prev[S_PAGES];  /* the rules a match of which can start right after c */
  uint64_t need_first;      /* rules that ask first, */
  uint64_t need_prev;       /* rules that ask prev, */
  uint64_t begin;           /* and those of them that can also start at the subject's start */
  int prefilter;            /* run rules at their starts only (the default) */
};

static void S_mask_set(uint64_t **page, uint32_t c, int bit) {
  if (c >= 0x110000u)
    return;
  if (!page[c >> 8])
    page[c >> 8] = zn_xcalloc(256, sizeof **page);
  page[c >> 8][c & 255] |= (uint64_t)1 << bit;
}

static inline uint64_t S_mask_get(uint64_t *const *page, uint32_t c) {
  const uint64_t *p = c < 0x110000u ? page[c >> 8] : NULL;
  return p ? p[c & 255] : 0;
}

/* Reads where rule's matches can start (p is its pattern as written, pat as
 * expanded) and, when that is known, compiles the anchored form. */
static void S_starts(zn_rules *r, zn_rule *rule, const char *p, const zn_buf *pat,
                     const zn_gazetteer *g) {
  rule->bit = -1;
  if (r->nbits >= S_BITS || rule->cat >= 0)
    return;
  zn_starts st;
  zn_starts_read(p, g, &st);
  int errcode;
  PCRE2_SIZE erroff;
  /* no start optimisation: at each start it would look ahead for a character the match
   * needs (a scan of up to thousands of bytes per try), which the scan did once */
  if (st.first_known || st.prev_known)
    rule->anchored = pcre2_compile((PCRE2_SPTR)pat->s, pat->len,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_NO_START_OPTIMIZE,
                                   &errcode, &erroff, NULL);
  if (rule->anchored) {
    rule->anchored_jit = pcre2_jit_compile(rule->anchored, PCRE2_JIT_COMPLETE) == 0;
    int bit = rule->bit = r->nbits++;
    uint64_t m = (uint64_t)1 << bit;
    for (size_t k = 0; st.first_known && k < st.first.n; k++)
      S_mask_set(r->first, st.first.cp[k], bit);
    for (size_t k = 0; st.prev_known && k < st.prev.n; k++)
      S_mask_set(r->prev, st.prev.cp[k], bit);
    r->need_first |= st.first_known ? m : 0;
    r->need_prev |= st.prev_known ? m : 0;
    r->begin |= st.prev_known && st.prev_begin ? m : 0;
  }
  zn_starts_free(&st);
}

static int S_cmp_len(const void *a, const void *b) {
  size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
  return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends entry escaped for a PCRE2 pattern. */
static void S_escape(zn_buf *b, const char *s) {
  for (; *s; s++) {
    if (strchr("\\^$.|?*+()[]{}-/#", *s))
      zn_buf_add(b, "\\", 1);
    zn_buf_add(b, s, 1);
  }
}

/* Expands @{category} into (?:longest|…|shortest). Returns -1 on an unknown
 * category, with *bad at its offset in pattern. */
static int S_expand(const char *pattern, const zn_gazetteer *g, zn_buf *out, size_t *bad) {
  const char *p = pattern;
  while (*p) {
    if (p[0] == '@' && p[1] == '{') {
      const char *close = strchr(p, '}');
      char name[64];
      size_t len = close ? (size_t)(close - p - 2) : 0;
      int cat = -1;
      if (close && len < sizeof name) {
        memcpy(name, p + 2, len);
        name[len] = 0;
        cat = zn_cat_by_name(name);
      }
      if (cat < 0) {
        *bad = (size_t)(p - pattern);
        return -1;
      }
      size_t n = g->nlist[cat];
      char **sorted = zn_xmalloc((n + 1) * sizeof *sorted);
      memcpy(sorted, g->lists[cat], n * sizeof *sorted);
      qsort(sorted, n, sizeof *sorted, S_cmp_len);
      zn_buf_puts(out, "(?:");
      for (size_t i = 0; i < n; i++) {
        if (i)
          zn_buf_add(out, "|", 1);
        S_escape(out, sorted[i]);
      }
      if (n == 0)
        zn_buf_puts(out, "(*FAIL)");
      zn_buf_puts(out, ")");
      free(sorted);
      p = close + 1;
      continue;
    }
    if (p[0] == '\\' && p[1]) {
      zn_buf_add(out, p, 2);
      p += 2;
      continue;
    }
    zn_buf_add(out, p, 1);
    p++;
  }
  return 0;
}

static const struct {
  const char *name;
  zn_action action;
} S_actions[] = {{"left", ZN_RULE_LEFT},
                 {"right", ZN_RULE_RIGHT},
                 {"per", ZN_RULE_PER},
                 {"org", ZN_RULE_ORG},
                 {"block", ZN_RULE_BLOCK}};

static int S_compile(zn_rules *r, const char *path, long lineno, char *line, const zn_gazetteer *g,
                     zn_error *err) {
  char *p = line;
  char *act = strtok_r(p, " \t", &p);
  char *wt = strtok_r(NULL, " \t", &p);
  while (*p == ' ' || *p == '\t')
    p++;
  if (!act || !wt || !*p)
    return zn_fail(err, ZN_ERR_RULE, path, lineno, 1, -1, "want 'ACTION WEIGHT PATTERN'");
  int action = -1;
  for (size_t i = 0; i < sizeof S_actions / sizeof *S_actions; i++)
    if (!strcmp(S_actions[i].name, act))
      action = (int)S_actions[i].action;
  if (action < 0)
    return zn_fail(err, ZN_ERR_RULE, path, lineno, 1, -1,
                   "unknown action '%s' (want left, right, per, org or block)", act);
  char *stop;
  float weight = strtof(wt, &stop);
  if (*stop)
    return zn_fail(err, ZN_ERR_RULE, path, lineno, (long)(wt - line) + 1, -1, "bad weight '%s'",
                   wt);
  long pcol = (long)(p - line) + 1;
  zn_buf pat = {0};
  size_t bad = 0;
  if (S_expand(p, g, &pat, &bad) < 0) {
    zn_buf_free(&pat);
    return zn_fail(err, ZN_ERR_RULE, path, lineno, pcol + (long)bad, (long long)bad,
                   "unknown gazetteer category in pattern (want @{name} of a MANIFEST category)");
  }
  int errcode;
  PCRE2_SIZE erroff;
  pcre2_code *code =
      pcre2_compile((PCRE2_SPTR)pat.s, pat.len, PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
  if (!code) {
    zn_buf_free(&pat);
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(errcode, msg, sizeof msg);
    /* offsets past an expansion point into the expanded text: report the
     * pattern start then, with the message */
    long col = erroff < strlen(p) && !strstr(p, "@{") ? pcol + (long)erroff : pcol;
    return zn_fail(err, ZN_ERR_RULE, path, lineno, col, (long long)erroff,
                   "pattern does not compile: %s (at pattern offset %zu)", (char *)msg,
                   (size_t)erroff);
  }
  int jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0; /* else the interpreter */
  int cat = -1, lookahead = 0;
  char name[64];
  size_t plen = strlen(p);
  if (plen > 8 && plen - 8 < sizeof name && p[0] == '(' && p[1] == '?' &&
      (p[2] == ':' || p[2] == '=') && !strncmp(p + 3, "@{", 2) && !strcmp(p + plen - 2, "})")) {
    memcpy(name, p + 5, plen - 7);
    name[plen - 7] = 0;
    cat = zn_cat_by_name(name);
    lookahead = p[2] == '=';
  }
  zn_grow(&r->rule, &r->cap, r->n + 1, sizeof *r->rule);
  zn_rule *rule = &r->rule[r->n++];
  rule->action = (zn_action)action;
  rule->weight = weight;
  rule->code = code;
  rule->group_m = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "m");
  rule->group_at = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "at");
  rule->line = lineno;
  rule->cat = cat;
  rule->lookahead = lookahead;
  rule->jit = jit;
  rule->anchored = NULL;
  S_starts(r, rule, p, &pat, g);
  zn_buf_free(&pat);
  uint32_t groups;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &groups);
  if (groups + 1 > r->max_groups)
    r->max_groups = groups + 1;
  return 0;
}

zn_rules *zn_rules_load(const char *path, const zn_gazetteer *g, zn_error *err) {
  size_t len;
  char *text = zn_read_file(path, &len, err);
  if (!text)
    return NULL;
  zn_rules *r = zn_xcalloc(1, sizeof *r);
  r->prefilter = 1;
  long lineno = 0;
  int rc = 0;
  for (char *line = text, *next; line && rc == 0; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = 0;
    lineno++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
      line[--n] = 0;
    const char *q = line;
    while (*q == ' ' || *q == '\t')
      q++;
    if (*q == 0 || *q == '#')
      continue;
    rc = S_compile(r, path, lineno, line, g, err);
  }
  free(text);
  if (rc) {
    zn_rules_free(r);
    return NULL;
  }
  return r;
}

size_t zn_rules_count(const zn_rules *r) {
  return r ? r->n : 0;
}

typedef struct zn_hits {
  zn_hit **hit;
  size_t *n, *cap;
} zn_hits;

static void S_hit(zn_hits *out, zn_action a, float w, size_t s, size_t e, int rule) {
  zn_grow(out->hit, out->cap, *out->n + 1, sizeof **out->hit);
  (*out->hit)[(*out->n)++] = (zn_hit){a, w, s, e, rule};
}

/* A rule of one category, from the entries the caller found: the hits
 * PCRE2's scan would give (S_expand puts the longest entry first). */
static void S_run_category(const zn_rule *rule, int index, const zn_view *v, zn_gaz_lookup lookup,
                           const void *ctx, zn_hits *out) {
  for (size_t i = 0; i < v->n;) {
    size_t len = lookup(ctx, rule->cat, i);
    if (!len) {
      i++;
      continue;
    }
    size_t at = rule->action == ZN_RULE_LEFT && !rule->lookahead ? i + len : i;
    if (rule->action == ZN_RULE_LEFT || rule->action == ZN_RULE_RIGHT)
      S_hit(out, rule->action, rule->weight, at, at, index);
    else if (!rule->lookahead)
      S_hit(out, rule->action, rule->weight, i, i + len, index);
    i += rule->lookahead ? 1 : len;
  }
}

/* The positions (0 … v->n) at which each rule with known starts can match:
 * those of the rule of bit b are pos[from[b]] … pos[from[b + 1] - 1], in order. */
static size_t *S_candidates(const zn_rules *r, const zn_view *v, size_t from[S_BITS + 1]) {
  uint64_t *mask = zn_xmalloc((v->n + 1) * sizeof *mask);
  uint64_t all = ((uint64_t)1 << (r->nbits - 1) << 1) - 1;
  size_t count[S_BITS] = {0};
  for (size_t i = 0; i <= v->n; i++) {
    uint64_t m = all;
    m &= (i < v->n ? S_mask_get(r->first, v->cp[i]) : 0) | ~r->need_first;
    m &= (i > 0 ? S_mask_get(r->prev, v->cp[i - 1]) : r->begin) | ~r->need_prev;
    mask[i] = m;
    for (; m; m &= m - 1)
      count[__builtin_ctzll(m)]++;
  }
  from[0] = 0;
  for (int b = 0; b < S_BITS; b++)
    from[b + 1] = from[b] + count[b];
  size_t *pos = zn_xmalloc((from[S_BITS] + 1) * sizeof *pos), next[S_BITS];
  memcpy(next, from, sizeof next);
  for (size_t i = 0; i <= v->n; i++)
    for (uint64_t m = mask[i]; m; m &= m - 1)
      pos[next[__builtin_ctzll(m)]++] = i;
  free(mask);
  return pos;
}

/* Records the hit of a match (m: its rc) of rule; returns the byte offset the
 * next match may start at (past the view's end when there is none). */
static size_t S_take(const zn_rule *rule, int index, const zn_view *v, pcre2_match_data *md, int m,
                     zn_hits *out) {
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  size_t ms = ov[0], me = ov[1];
  int grp = rule->action == ZN_RULE_LEFT || rule->action == ZN_RULE_RIGHT ? rule->group_at
                                                                          : rule->group_m;
  size_t gs = ms, ge = me;
  if (grp > 0 && grp < m && ov[2 * grp] != PCRE2_UNSET)
    gs = ov[2 * grp], ge = ov[2 * grp + 1];
  else if (grp > 0)
    gs = ge = (size_t)-1;
  if (gs != (size_t)-1) {
    size_t s = zn_view_index(v, gs), e = zn_view_index(v, ge);
    switch (rule->action) {
    case ZN_RULE_LEFT:
      s = e = grp > 0 ? s : e;
      break;
    case ZN_RULE_RIGHT:
      e = s;
      break;
    default:
      break;
    }
    if (rule->action == ZN_RULE_LEFT || rule->action == ZN_RULE_RIGHT || e > s)
      S_hit(out, rule->action, rule->weight, s, e, index);
  }
  if (me > ms)
    return me;
  if (ms >= v->nbytes) /* empty match: step one character */
    return v->nbytes + 1;
  size_t off = ms + 1;
  while (off < v->nbytes && ((unsigned char)v->utf8[off] & 0xC0) == 0x80)
    off++;
  return off;
}

static int S_gave_up(const zn_rule *rule, size_t off, zn_error *err) {
  return zn_fail(err, ZN_ERR_RULE, NULL, rule->line, 0, (long long)off,
                 "rule on line %ld gave up at view byte %zu (match limit)", rule->line, off);
}

/* One match of code in view v from byte off, by its machine code when it has
 * some. The view is valid UTF-8 by construction, so it is never checked: a check
 * reads the whole subject, and pcre2_match made one per rule and window. */
static int S_match(const pcre2_code *code, int jit, const zn_view *v, size_t off,
                   pcre2_match_data *md, pcre2_match_context *mc) {
  PCRE2_SPTR subject = (PCRE2_SPTR)v->utf8;
  return jit ? pcre2_jit_match(code, subject, v->nbytes, off, 0, md, mc)
             : pcre2_match(code, subject, v->nbytes, off, PCRE2_NO_UTF_CHECK, md, mc);
}

/* Every match of rule: scanning the whole view (pos NULL), or trying the anchored
 * pattern at the npos positions pos (view indexes, in order) where one can start,
 * with the same matches. */
static int S_matches(const zn_rule *rule, int index, const zn_view *v, const size_t *pos,
                     size_t npos, pcre2_match_data *md, pcre2_match_context *mc, zn_hits *out,
                     zn_error *err) {
  size_t off = 0;
  for (size_t k = 0; pos ? k < npos : off <= v->nbytes; k++) {
    size_t at = pos ? v->boff[pos[k]] : off;
    if (at < off)
      continue;
    int m = pos ? S_match(rule->anchored, rule->anchored_jit, v, at, md, mc)
                : S_match(rule->code, rule->jit, v, at, md, mc);
    if (m == PCRE2_ERROR_NOMATCH && !pos)
      break; /* nothing after at */
    if (m == PCRE2_ERROR_NOMATCH)
      continue;
    if (m < 0)
      return S_gave_up(rule, at, err);
    off = S_take(rule, index, v, md, m, out);
  }
  return 0;
}

int zn_rules_run(const zn_rules *r, const zn_view *v, zn_gaz_lookup lookup, const void *ctx,
                 zn_hit **hits, size_t *n, size_t *cap, zn_error *err) {
  if (!r || r->n == 0)
    return 0;
  pcre2_match_context *mc = pcre2_match_context_create(NULL);
  pcre2_set_match_limit(mc, 100000);
  pcre2_set_depth_limit(mc, 2000);
  pcre2_match_data *md = pcre2_match_data_create(r->max_groups, NULL);
  size_t from[S_BITS + 1], *pos = r->prefilter && r->nbits ? S_candidates(r, v, from) : NULL;
  zn_hits out = {hits, n, cap};
  int rc = 0;
  for (size_t i = 0; i < r->n && rc == 0; i++) {
    const zn_rule *rule = &r->rule[i];
    if (rule->cat >= 0 && lookup) {
      S_run_category(rule, (int)i, v, lookup, ctx, &out);
      continue;
    }
    /* a rule whose starts are many is faster scanned than tried at each */
    int b = rule->bit;
    int at_starts = pos && b >= 0 && from[b + 1] - from[b] <= v->n / 4 + 8;
    rc = S_matches(rule, (int)i, v, at_starts ? pos + from[b] : NULL,
                   at_starts ? from[b + 1] - from[b] : 0, md, mc, &out, err);
  }
  free(pos);
  pcre2_match_data_free(md);
  pcre2_match_context_free(mc);
  return rc;
}

void zn_rules_prefilter(zn_rules *r, int on) {
  r->prefilter = on;
}

size_t zn_rules_anchored(const zn_rules *r) {
  return r ? (size_t)r->nbits : 0;
}

void zn_rules_free(zn_rules *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->n; i++) {
    pcre2_code_free(r->rule[i].code);
    pcre2_code_free(r->rule[i].anchored);
  }
  for (size_t k = 0; k < S_PAGES; k++)
    free(r->first[k]), free(r->prev[k]);
  free(r->rule);
  free(r);
}
