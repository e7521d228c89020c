/* unit.c: tests of the library's parts: UTF-8, decoding, the OCR view and its
 * offset map, gazetteer and rule loaders with their errors, rule matches, and
 * extraction on sentences written for these tests (tests/cases.txt). */
#include "decode.h"
#include "gazetteer.h"
#include "rules.h"
#include "utf8.h"
#include "util.h"
#include "view.h"
#include "resolve.h"
#include "sha256.h"
#include "starts.h"
#include "model.h"
#include "trie.h"
#include "zhner.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <unistd.h>

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
  do {                                                                                             \
    if (cond) {                                                                                    \
      passed++;                                                                                    \
    } else {                                                                                       \
      failed++;                                                                                    \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                         \
      fprintf(stderr, __VA_ARGS__);                                                                \
      fputc('\n', stderr);                                                                         \
    }                                                                                              \
  } while (0)

static char tmpdir[] = "/tmp/zhner-unit-XXXXXX";

static const char *S_write(const char *name, const char *content) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", tmpdir, name);
  FILE *f = fopen(path, "wb");
  fputs(content, f);
  fclose(f);
  return path;
}

/* ---- UTF-8 and decoding ---- */
static void test_utf8(void) {
  uint32_t cp;
  const unsigned char four[] = {0xF0, 0xA0, 0x80, 0x80}; /* U+20000 */
  CHECK(zn_utf8_next(four, four + 4, &cp) == 4 && cp == 0x20000, "4-byte sequence");
  const unsigned char overlong[] = {0xC0, 0x80};
  zn_utf8_next(overlong, overlong + 2, &cp);
  CHECK(cp == ZN_INVALID_CP, "overlong rejected");
  const unsigned char surrogate[] = {0xED, 0xA0, 0x80};
  zn_utf8_next(surrogate, surrogate + 3, &cp);
  CHECK(cp == ZN_INVALID_CP, "surrogate rejected");
  const unsigned char cut[] = {0xE4, 0xB8};
  CHECK(zn_utf8_next(cut, cut + 2, &cp) == 1 && cp == ZN_INVALID_CP, "truncated sequence");
  char buf[4];
  CHECK(zn_utf8_put(0x4E2D, buf) == 3 && !memcmp(buf, "中", 3), "encode");
}

static void test_decode(void) {
  zn_error err = {0};
  size_t n;
  uint32_t *t = zn_decode("a.txt", "\xEF\xBB\xBF王\r\n", 8, NULL, &n, &err);
  CHECK(t && n == 4 && t[0] == 0xFEFF && t[1] == 0x738B && t[2] == '\r',
        "BOM is code point 0, CR counts");
  free(t);
  const char bad[] = "中文中文中文\xFF中文";
  t = zn_decode("bad.txt", bad, sizeof bad - 1, NULL, &n, &err);
  CHECK(!t && err.code == ZN_ERR_ENCODING && err.offset == 18, "invalid UTF-8 at byte 18, got %lld",
        err.offset);
  CHECK(strstr(err.message, "byte offset 18") && !strcmp(err.path, "bad.txt"), "message: %s",
        err.message);
  t = zn_decode("bin", "ab\0cd", 5, NULL, &n, &err);
  CHECK(!t && err.code == ZN_ERR_BINARY && err.offset == 2, "NUL byte is binary");
  /* GB18030 for 中文王 */
  const char gb[] = "\xD6\xD0\xCE\xC4\xCD\xF5";
  t = zn_decode("gb.txt", gb, 6, NULL, &n, &err);
  CHECK(t && n == 3 && t[0] == 0x4E2D && t[2] == 0x738B, "GB18030 detected");
  free(t);
  t = zn_decode("gb.txt", gb, 6, "utf-8", &n, &err);
  CHECK(!t && err.code == ZN_ERR_ENCODING, "GB18030 refused when utf-8 is forced");
}

/* ---- SHA-256: known digests, and the same fed in odd pieces ---- */
static void test_sha256(void) {
  char hex[65], fed[65];
  zn_sha256_hex("abc", 3, hex);
  CHECK(!strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), "abc: %s",
        hex);
  zn_sha256_hex("", 0, hex);
  CHECK(!strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        "empty: %s", hex);
  char data[1000];
  for (size_t i = 0; i < sizeof data; i++)
    data[i] = (char)(i * 7 + 3);
  zn_sha256_hex(data, sizeof data, hex);
  zn_sha256 c;
  zn_sha256_init(&c);
  static const size_t cuts[] = {0, 1, 63, 64, 65, 200, 511, 1000};
  for (size_t k = 1; k < sizeof cuts / sizeof *cuts; k++)
    zn_sha256_update(&c, data + cuts[k - 1], cuts[k] - cuts[k - 1]);
  zn_sha256_final(&c, fed);
  CHECK(!strcmp(hex, fed), "fed in pieces: %s, in one: %s", fed, hex);
}

/* ---- the OCR view and its map ---- */
static char *S_view(const char *s, zn_view *v) {
  size_t n;
  uint32_t *t = zn_utf8_decode(s, strlen(s), &n);
  zn_view_build(v, t, n, NULL);
  free(t);
  return v->utf8;
}

static void test_view(void) {
  zn_view v;
  CHECK(!strcmp(S_view("市委书记习\n近平指出", &v), "市委书记习近平指出"), "line break joined: %s",
        v.utf8);
  CHECK(v.orig[5] == 6 && v.orig[4] == 4, "map skips the newline");
  size_t s, e;
  zn_view_span(&v, 4, 7, &s, &e);
  CHECK(s == 4 && e == 8, "span 习近平 in original is [4, 8), got [%zu, %zu)", s, e);
  zn_view_free(&v);
  CHECK(!strcmp(S_view("各 级 各 部 门 要 王 凤 贵 讲", &v), "各级各部门要王凤贵讲"),
        "spaced-out line: %s", v.utf8);
  zn_view_free(&v);
  CHECK(!strcmp(S_view("（通讯员 熊某某 龙某）", &v), "（通讯员 熊某某 龙某）"),
        "soft boundaries kept in a byline: %s", v.utf8);
  zn_view_free(&v);
  /* a byline's last name ends its line: the break bounds it, a line of text does not */
  CHECK(!strcmp(S_view("本报记者 王 某\n市消防救援大队", &v), "本报记者 王 某 市消防救援大队"),
        "byline's line break a soft boundary: %s", v.utf8);
  zn_view_free(&v);
  CHECK(!strcmp(S_view("召开第 4 次会\n议", &v), "召开第 4 次会议"), "a wrapped line: %s", v.utf8);
  zn_view_free(&v);
  CHECK(!strcmp(S_view("第一段\n\n第二段", &v), "第一段\n第二段"), "blank line is a break");
  zn_view_free(&v);
  /* a column with a blank line after every line: a full line that ends
   * inside a sentence goes on; a short one or a sentence's end is a break */
  const char *column =
      "今天上午召开了全体会议，县委副书\n\n记、县长张某某，县人大常\n\n委会主任李某出席会议。\n\n"
      "会议结束\n\n下午举行了分组讨论会，各位代表\n\n";
  CHECK(!strcmp(S_view(column, &v),
                "今天上午召开了全体会议，县委副书记、县长张某某，县人大常委会主任李某"
                "出席会议。\n会议结束\n下午举行了分组讨论会，各位代表"),
        "blank lines of a column: %s", v.utf8);
  zn_view_free(&v);
  CHECK(!strcmp(S_view("A(B),C：１２", &v), "A（B），C：12"), "punctuation and width folded: %s",
        v.utf8);
  zn_view_free(&v);
  CHECK(!strcmp(S_view("王\r\n𠀀明", &v), "王𠀀明") && v.orig[2] == 4, "CRLF and 4-byte char");
  zn_view_free(&v);
}

/* ---- gazetteer and rule loaders ---- */
/* Edges carry the marks their owner sets, at the root and deeper, past U+FFFF too; the arena
 * hands out aligned, zeroed memory across blocks. */
static void test_trie(void) {
  zn_trie t = {0};
  uint32_t k1[] = {0x4E2D, 0x56FD}, k2[] = {0x4E2D, 0x56FD, 0x4EBA}, k3[] = {0x20000, 0x4E2D};
  uint32_t n1 = zn_trie_insert(&t, k1, 2), n2 = zn_trie_insert(&t, k2, 3);
  uint32_t n3 = zn_trie_insert(&t, k3, 2), top = zn_trie_next(&t, 0, 0x4E2D);
  CHECK(n1 && n2 && n3 && n1 != n2 && zn_trie_insert(&t, k1, 2) == n1, "nodes are stable");
  zn_trie_mark(&t, n1, 7);
  zn_trie_mark(&t, top, 9);
  zn_trie_mark(&t, n3, 5);
  const zn_trie_slot *e = zn_trie_edge(&t, 0, 0x4E2D);
  CHECK(e && e->to == top && e->mark == 9, "root edge and its mark");
  e = zn_trie_edge(&t, top, 0x56FD);
  CHECK(e && e->to == n1 && e->mark == 7, "inner edge and its mark");
  e = zn_trie_edge(&t, n1, 0x4EBA);
  CHECK(e && e->to == n2 && e->mark == 0, "unmarked edge");
  e = zn_trie_edge(&t, zn_trie_next(&t, 0, 0x20000), 0x4E2D);
  CHECK(e && e->to == n3 && e->mark == 5, "edge under a character past U+FFFF");
  CHECK(!zn_trie_edge(&t, n2, 0x4E2D) && !zn_trie_next(&t, 0, 0x4EBA), "no edge");
  zn_trie_free(&t);
  /* through several doublings of the table (and its filter): every key of two characters is
   * found again, and no pair that was never inserted */
  uint32_t lost = 0, ghosts = 0, nodes[3000];
  for (uint32_t k = 0; k < 3000; k++)
    nodes[k] = zn_trie_insert(&t, (uint32_t[]){0x4E00 + k % 50, 0x5000 + k}, 2);
  for (uint32_t k = 0; k < 3000; k++) {
    lost += zn_trie_next(&t, zn_trie_next(&t, 0, 0x4E00 + k % 50), 0x5000 + k) != nodes[k];
    ghosts += zn_trie_next(&t, zn_trie_next(&t, 0, 0x4E00 + k % 50), 0x6000 + k) != 0;
  }
  CHECK(t.nslots >= 4096 && lost == 0 && ghosts == 0, "%u lost, %u found that are not there", lost,
        ghosts);
  zn_trie_free(&t);
  zn_arena a = {0};
  char *first = zn_arena_alloc(&a, 3), *big = zn_arena_alloc(&a, (1u << 20) + 5);
  char *next = zn_arena_alloc(&a, 40);
  CHECK(first && big && next && ((uintptr_t)first | (uintptr_t)big | (uintptr_t)next) % 16 == 0,
        "aligned");
  CHECK(!next[0] && !next[39] && !big[(1u << 20) + 4], "zeroed");
  first[2] = 'x', next[0] = 'y';
  CHECK(first[2] == 'x' && next[0] == 'y' && big[0] == 0, "no overlap");
  zn_arena_free(&a);
  CHECK(!a.blocks && !a.cur, "freed");
}

static void test_gazetteer(void) {
  zn_gazetteer g = {0};
  zn_error err = {0};
  const char *p = S_write("t.txt", "# titles\n书记\n主席|主席团\n院长\t2.5\n");
  CHECK(zn_gazetteer_read(&g, ZN_CAT_TITLE, p, &err) == 0, "reads: %s", err.message);
  const zn_gaz_entry *e = zn_gazetteer_find(&g, "院长", strlen("院长"));
  CHECK(e && zn_has_cat(e, ZN_CAT_TITLE) && e->weight[ZN_CAT_TITLE] == 2.5f, "weight read");
  e = zn_gazetteer_find(&g, "主席团", strlen("主席团"));
  CHECK(e && e->canonical[ZN_CAT_TITLE] && !strcmp(e->canonical[ZN_CAT_TITLE], "主席"),
        "variant knows canonical");
  CHECK(g.maxlen[ZN_CAT_TITLE] == 3, "maxlen in code points");
  p = S_write("bad.txt", "书记\n市 长\n");
  CHECK(zn_gazetteer_read(&g, ZN_CAT_TITLE, p, &err) < 0 && err.line == 2 && err.column == 2 &&
            err.code == ZN_ERR_DATA,
        "malformed line 2 column 2 (code points) reported, got %ld:%ld", err.line, err.column);
  p = S_write("bad2.txt", "书记\t2x\n");
  CHECK(zn_gazetteer_read(&g, ZN_CAT_TITLE, p, &err) < 0 && err.line == 1 &&
            strstr(err.message, "weight"),
        "bad weight reported: %s", err.message);
  zn_gazetteer_free(&g);
}

static int S_has_hit(zn_hit *h, size_t n, zn_action a, size_t s, size_t e) {
  for (size_t i = 0; i < n; i++)
    if (h[i].action == a && h[i].s == s && h[i].e == e)
      return 1;
  return 0;
}

/* For the rules' category fast path: the longest entry of cat at view
 * position i, found by walking the gazetteer's trie. */
struct lookup_ctx {
  const zn_gazetteer *g;
  const zn_view *v;
};

static size_t S_lookup(const void *ctx, int cat, size_t i) {
  const struct lookup_ctx *c = ctx;
  size_t best = 0;
  uint32_t node = 0;
  for (size_t l = 1; i + l <= c->v->n; l++) {
    if (!(node = zn_trie_next(&c->g->trie, node, c->v->cp[i + l - 1])))
      break;
    if (zn_has_cat(c->g->trie.value[node], (zn_cat)cat))
      best = l;
  }
  return best;
}

static int S_hit_cmp(const void *pa, const void *pb) {
  const zn_hit *a = pa, *b = pb;
  if (a->rule != b->rule)
    return a->rule - b->rule;
  return a->s != b->s ? (a->s < b->s ? -1 : 1) : (a->e > b->e) - (a->e < b->e);
}

/* Rules of one category give the same hits from the fast path as from
 * PCRE2: overlapping entries (副书记 over 书记), lookaheads, several starts. */
static void test_rules_fast_path(zn_gazetteer *g) {
  zn_error err = {0};
  const char *p = S_write("rf.txt", "left 4 (?:@{title})\nright 3 (?:@{title})\n"
                                    "right 2 (?=@{title})\nblock 0 (?:@{level})\n");
  zn_rules *r = zn_rules_load(p, g, &err);
  zn_view v;
  S_view("县委副书记张某、市长李某，书记书记市长王某", &v);
  zn_hit *a = NULL, *b = NULL;
  size_t na = 0, nb = 0, capa = 0, capb = 0;
  struct lookup_ctx ctx = {g, &v};
  CHECK(r && zn_rules_run(r, &v, NULL, NULL, &a, &na, &capa, &err) == 0 &&
            zn_rules_run(r, &v, S_lookup, &ctx, &b, &nb, &capb, &err) == 0,
        "rules run both ways");
  qsort(a, na, sizeof *a, S_hit_cmp);
  qsort(b, nb, sizeof *b, S_hit_cmp);
  int same = na == nb && na > 6;
  for (size_t k = 0; same && k < na; k++)
    same = a[k].rule == b[k].rule && a[k].s == b[k].s && a[k].e == b[k].e &&
           a[k].action == b[k].action && a[k].weight == b[k].weight;
  CHECK(same, "fast path hits = PCRE2 hits (%zu and %zu)", na, nb);
  free(a), free(b);
  zn_view_free(&v);
  zn_rules_free(r);
}

/* Whether s holds exactly the characters of the UTF-8 string want. */
static int S_set_is(const zn_cpset *s, const char *want) {
  size_t n;
  uint32_t *w = zn_utf8_decode(want, strlen(want), &n);
  int same = s->n == n;
  for (size_t i = 0; same && i < n; i++)
    same = s->cp[i] == w[i];
  free(w);
  return same;
}

/* Where a pattern's matches can start: known only where every match must. */
static void test_starts(zn_gazetteer *g) {
  static const struct {
    const char *pattern;
    const char *first; /* sorted; NULL: not known */
    const char *prev;  /* sorted; NULL: not known */
    int begin;
  } cases[] = {
      {"、(?=@{level})", "、", NULL, 0},
      {"(?:@{title})", "书副市", NULL, 0}, /* the first characters of the entries */
      {"(?=(?:今天|[0-9]{1,2}日)(?:在|说))", "0123456789今", NULL, 0},
      {"a?b", "ab", NULL, 0},
      {"(?:a|)b*c", "abc", NULL, 0},
      {"(?<!x)(?<m>中共)", "中", NULL, 0},
      {"(?=\\p{sc=Han})ab", "a", NULL, 0}, /* an unknown lookahead leaves it to what follows */
      {"(?<=社|报|\\n|^)\\p{sc=Han}{2,8}(?=日电)", NULL, "\n报社", 1},
      {"(?<=[0-9]|[0-9][.．])(?:万|亿)", "万亿", ".0123456789．", 0},
      {"(?<=《)[^《》]+", NULL, "《", 0},
      {"(?<=a)x|y", "xy", NULL, 0}, /* the lookbehind holds for one alternative only */
      {"(?<=\\p{sc=Han})x", "x", NULL, 0},
      {"\\p{sc=Han}", NULL, NULL, 0},
      {"[^a]b", NULL, NULL, 0},
      {".x", NULL, NULL, 0},
      {"a*", NULL, NULL, 0}, /* matches nothing anywhere */
      {"(?=a|$)", NULL, NULL, 0},
      {"(?i)a", NULL, NULL, 0},
      {"(a)\\1", NULL, NULL, 0},
      {"\\x20[：:]\\x{4E00}", " ", NULL, 0},
      {"[\\x{4E00}-\\x{4E02}]", "一丁丂", NULL, 0},
      {"x{2}", "x", NULL, 0},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
    zn_starts st;
    zn_starts_read(cases[k].pattern, g, &st);
    int ok =
        cases[k].first ? st.first_known && S_set_is(&st.first, cases[k].first) : !st.first_known;
    ok = ok && (cases[k].prev ? st.prev_known && S_set_is(&st.prev, cases[k].prev) &&
                                    st.prev_begin == cases[k].begin
                              : !st.prev_known);
    CHECK(ok, "starts of %s: first %d (%zu), prev %d (%zu)", cases[k].pattern, st.first_known,
          st.first.n, st.prev_known, st.prev.n);
    zn_starts_free(&st);
  }
}

static void test_rules(void) {
  zn_gazetteer g = {0};
  zn_error err = {0};
  zn_gazetteer_read(&g, ZN_CAT_TITLE, S_write("titles.txt", "书记\n市长\n"), &err);
  zn_gazetteer_read(&g, ZN_CAT_LEVEL, S_write("levels.txt", "市\n县\n"), &err);
  zn_gazetteer_read(&g, ZN_CAT_LEVEL_BODY, S_write("lb.txt", "委\n政协\n"), &err);
  zn_gazetteer_read(&g, ZN_CAT_TITLE, S_write("titles2.txt", "副书记\n"), &err);
  test_rules_fast_path(&g);
  test_starts(&g);
  const char *p = S_write("r.txt", "# rules\nleft 4 (?:@{title})\n"
                                   "org 1 (?<m>@{level}(?:@{level_body}))(?=\\p{Han})\n"
                                   "right 2 (?=指出)\n");
  zn_rules *r = zn_rules_load(p, &g, &err);
  CHECK(r && zn_rules_count(r) == 3, "rules load: %s", err.message);
  zn_view v;
  S_view("县委书记张某某指出，县政协要", &v);
  zn_hit *hits = NULL;
  size_t n = 0, cap = 0;
  CHECK(zn_rules_run(r, &v, NULL, NULL, &hits, &n, &cap, &err) == 0, "rules run");
  CHECK(S_has_hit(hits, n, ZN_RULE_LEFT, 4, 4), "left cue after 书记");
  CHECK(S_has_hit(hits, n, ZN_RULE_ORG, 0, 2), "org 县委");
  CHECK(S_has_hit(hits, n, ZN_RULE_ORG, 10, 13), "org 县政协");
  CHECK(S_has_hit(hits, n, ZN_RULE_RIGHT, 7, 7), "right cue before 指出");
  free(hits);
  zn_view_free(&v);
  zn_rules_free(r);
  p = S_write("r2.txt", "left 1 ok\norg 1 (?<m>[市\n");
  r = zn_rules_load(p, &g, &err);
  CHECK(!r && err.line == 2 && err.code == ZN_ERR_RULE && strstr(err.message, "offset"),
        "bad pattern names line and position: %ld %s", err.line, err.message);
  p = S_write("r3.txt", "left 1 (?:@{nosuch})\n");
  r = zn_rules_load(p, &g, &err);
  CHECK(!r && err.line == 1 && err.column == 11, "unknown category at column 11 (the @), got %ld",
        err.column);
  p = S_write("r4.txt", "shout 1 x\n");
  r = zn_rules_load(p, &g, &err);
  CHECK(!r && strstr(err.message, "unknown action"), "unknown action");
  zn_gazetteer_free(&g);
}

/* ---- extraction on written sentences ----
 * cases.txt: "T<TAB>text" opens a case (\n in it breaks the line, as OCR does);
 * "+<TAB>TYPE<TAB>surface" must be found (exact span, with offsets checked against the text);
 * "-<TAB>surface" must not be a mention of any type. */
/* Turns each "\n" of a case's text into a line break, in place. */
static void S_unescape_breaks(char *s) {
  char *out = s;
  for (; *s; s++)
    if (s[0] == '\\' && s[1] == 'n')
      *out++ = '\n', s++;
    else
      *out++ = *s;
  *out = 0;
}

static int S_run_cases(const char *path, const char *gaz) {
  zn_error err = {0};
  zn_model *m = zn_model_load(gaz, NULL, &err);
  if (!m) {
    char msg[2048];
    fprintf(stderr, "cannot load model: %s\n", zn_error_format(&err, msg, sizeof msg));
    return 1;
  }
  size_t len;
  char *text = zn_read_file(path, &len, &err);
  if (!text) {
    fprintf(stderr, "cannot read %s\n", path);
    zn_model_free(m);
    return 1;
  }
  zn_doc *doc = NULL;
  long lineno = 0;
  for (char *line = text, *next; line; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = 0;
    lineno++;
    if (line[0] == 'T' && line[1] == '\t') {
      S_unescape_breaks(line + 2);
      zn_doc_free(doc);
      doc = zn_doc_new("case", line + 2, strlen(line + 2), NULL, &err);
      CHECK(doc && zn_extract(m, doc, &err) == 0, "line %ld: extract", lineno);
    } else if ((line[0] == '+' || line[0] == '-') && line[1] == '\t' && doc) {
      char *type = line + 2, *surface = line + 2;
      char *tab = strchr(type, '\t');
      /* a check names a type and a surface, a ban its surface alone */
      if ((line[0] == '+') != (tab != NULL)) {
        CHECK(0, "line %ld: malformed check", lineno);
        continue;
      }
      if (tab) {
        *tab = 0;
        surface = tab + 1;
      }
      int found = 0;
      for (size_t i = 0; i < zn_doc_mention_count(doc); i++) {
        const zn_mention *mm = zn_doc_mention(doc, i);
        if (strcmp(mm->text, surface))
          continue;
        if (line[0] == '-' || !strcmp(type, mm->type == ZN_PER ? "PER" : "ORG"))
          found = 1;
      }
      if (line[0] == '+')
        CHECK(found, "line %ld: %s %s not found", lineno, type, surface);
      else
        CHECK(!found, "line %ld: %s found but must not be", lineno, surface);
    } else if (line[0] && line[0] != '#')
      CHECK(0, "line %ld: neither a case, a check nor a comment", lineno);
  }
  zn_doc_free(doc);
  free(text);
  zn_model_free(m);
  return 0;
}

/* The shipped rules, run at the positions their patterns can start at and
 * run over every position, give the same hits on our own texts. */
static void test_rules_prefilter(const char *tests, const char *gaz) {
  zn_error err = {0};
  zn_model *m = zn_model_load(gaz, NULL, &err);
  CHECK(m && m->nrules > 0, "model loads");
  if (!m)
    return;
  static const char *texts[] = {"cases.txt", "data/xref/zunyi-a.txt", "data/xref/zunyi-b.txt",
                                "data/score/meeting.txt", "../examples/sample-page.txt"};
  size_t total = 0, anchored = 0, count = 0;
  for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", tests, texts[t]);
    size_t len;
    char *text = zn_read_file(path, &len, &err);
    CHECK(text, "read %s", path);
    if (!text)
      continue;
    zn_view v;
    S_view(text, &v);
    free(text);
    for (size_t r = 0; r < m->nrules; r++) {
      zn_hit *a = NULL, *b = NULL;
      size_t na = 0, nb = 0, capa = 0, capb = 0;
      zn_rules_prefilter(m->rules[r], 1);
      int rc = zn_rules_run(m->rules[r], &v, NULL, NULL, &a, &na, &capa, &err);
      zn_rules_prefilter(m->rules[r], 0);
      rc |= zn_rules_run(m->rules[r], &v, NULL, NULL, &b, &nb, &capb, &err);
      zn_rules_prefilter(m->rules[r], 1);
      qsort(a, na, sizeof *a, S_hit_cmp);
      qsort(b, nb, sizeof *b, S_hit_cmp);
      int same = rc == 0 && na == nb;
      for (size_t k = 0; same && k < na; k++)
        same = a[k].rule == b[k].rule && a[k].s == b[k].s && a[k].e == b[k].e &&
               a[k].action == b[k].action;
      CHECK(same, "%s: hits at the starts (%zu) = hits everywhere (%zu)", texts[t], na, nb);
      total += na;
      free(a), free(b);
      if (t == 0)
        anchored += zn_rules_anchored(m->rules[r]), count += zn_rules_count(m->rules[r]);
    }
    zn_view_free(&v);
  }
  CHECK(total > 1000, "the texts give the rules work: %zu hits", total);
  CHECK(anchored * 4 >= count * 3, "most rules run at their starts only: %zu of %zu", anchored,
        count);
  zn_model_free(m);
}

static void test_model_errors(const char *gaz) {
  zn_error err = {0};
  /* an extra folder with a broken titles file replaces the built-in one */
  S_write("MANIFEST", "title titles.txt\n");
  S_write("titles.txt", "书记\n\t3\n");
  zn_model *m = zn_model_load(gaz, tmpdir, &err);
  CHECK(!m && err.line == 2 && strstr(err.path, "titles.txt"), "extra gazetteer error: %s:%ld",
        err.path, err.line);
  zn_model_free(m);
  unlink(S_write("MANIFEST", ""));
}

/* ---- resolution: canonical names and ids ---- */
static void test_resolve(const char *gaz) {
  zn_error err = {0};
  zn_model *m = zn_model_load(gaz, NULL, &err);
  CHECK(m != NULL, "model loads: %s", err.message);
  if (!m)
    return;
  const char *homes[ZN_NLEVELS] = {"贵州省", "遵义市", "黔南州", NULL, NULL};
  static const struct {
    const char *name, *canonical, *type;
    int unresolved;
  } cases[] = {
      {"市委", "中国共产党遵义市委员会", "party", 0},
      {"中共遵义市委", "中国共产党遵义市委员会", "party", 0},
      {"遵义市委", "中国共产党遵义市委员会", "party", 0},
      {"中国共产党遵义市第五届委员会", "中国共产党遵义市委员会", "party", 0},
      {"省委", "中国共产党贵州省委员会", "party", 0},
      {"州政府", "黔南州人民政府", "government", 0},
      {"市委宣传部", "中共遵义市委宣传部", "party", 0},
      {"十届市委常委会", "中共遵义市委常委会", "party", 0},
      {"市政协", "中国人民政治协商会议遵义市委员会", "cppcc", 0},
      {"政协第九届遵义市委员会", "中国人民政治协商会议遵义市委员会", "cppcc", 0},
      {"政协遵义市委员会提案委员会", "中国人民政治协商会议遵义市委员会提案委员会", "cppcc", 0},
      {"市人大常委会", "遵义市人民代表大会常务委员会", "congress", 0},
      {"市法院", "遵义市人民法院", "court", 0},
      {"市纪委", "中国共产党遵义市纪律检查委员会", "party", 0},
      {"县委", "县委", NULL, 1}, /* no home county */
      {"中共中央", "中国共产党中央委员会", NULL, 0},
      {"红星机械有限公司", "红星机械有限公司", NULL, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *type;
    int unresolved;
    char *c = zn_org_canonical(m, homes, cases[i].name, &type, &unresolved);
    CHECK(!strcmp(c, cases[i].canonical) && unresolved == cases[i].unresolved &&
              (type == cases[i].type || (type && cases[i].type && !strcmp(type, cases[i].type))),
          "%s -> %s (%s, %d), want %s", cases[i].name, c, type ? type : "-", unresolved,
          cases[i].canonical);
    free(c);
  }
  char *a = zn_entity_id("per", "张建国"), *b = zn_entity_id("per", "张建"),
       *c = zn_entity_id("org", "IBM公司");
  CHECK(!strncmp(a, "per-", 4) && strcmp(a, b) && strlen(a) == 4 + 9, "person ids: %s %s", a, b);
  CHECK(!strncmp(c, "org-xIxBxM", 10) && strlen(c) == 10 + 6, "ASCII letters in ids: %s", c);
  for (const char *p = a; *p; p++)
    CHECK(isalnum((unsigned char)*p) || *p == '-', "id is ASCII NCName: %s", a);
  free(a), free(b), free(c);
  /* the forms file: errors name the line */
  zn_forms forms = {0};
  const char *p = S_write("forms.txt", "# c\n{P}委\t中国共产党{P}委员会\tparty\n委\t委员会\tx\n");
  CHECK(zn_forms_read(&forms, p, &err) < 0 && err.line == 3 && forms.n == 1,
        "a form without {P} is an error at line 3, got %ld", err.line);
  zn_forms_free(&forms);
  unlink(p);
  zn_model_free(m);
}

int main(int argc, char **argv) {
  if (!mkdtemp(tmpdir))
    return 1;
  if (argc == 4 && !strcmp(argv[1], "--cases")) {
    int rc = S_run_cases(argv[2], argv[3]);
    printf("%d passed, %d failed\n", passed, failed);
    return rc || failed;
  }
  if (argc < 3) {
    fprintf(stderr, "usage: unit_tests TESTS_DIR GAZETTEERS | --cases FILE GAZETTEERS\n");
    return 2;
  }
  test_utf8();
  test_decode();
  test_sha256();
  test_view();
  test_trie();
  test_gazetteer();
  test_rules();
  test_rules_prefilter(argv[1], argv[2]);
  test_model_errors(argv[2]);
  test_resolve(argv[2]);
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
  if (system(cmd) != 0)
    fprintf(stderr, "could not remove %s\n", tmpdir);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
