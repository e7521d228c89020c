/* lexicon.c: general word lists (jieba dict.txt, friso places) and name
 * character statistics, loaded at start-up into uthash tables. */
#include "lexicon.h"
#include "utf8.h"
#include "view.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const zn_word *zn_lexicon_find(const zn_lexicon *lx, const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  uint32_t node = 0, cp;
  while (p < end) {
    p += zn_utf8_next(p, end, &cp);
    if (!(node = zn_trie_next(&lx->trie, node, cp)))
      return NULL;
  }
  return node ? lx->trie.value[node] : NULL;
}

const zn_charstat *zn_lexicon_char(const zn_lexicon *lx, uint32_t cp) {
  if (cp < ZN_BMP_END)
    return lx->bmp && lx->bmp[cp].seen ? &lx->bmp[cp] : NULL;
  zn_charnode *c;
  HASH_FIND(hh, lx->astral, &cp, sizeof cp, c);
  return c ? &c->st : NULL;
}

static zn_charstat *S_char(zn_lexicon *lx, uint32_t cp) {
  if (cp < ZN_BMP_END) {
    if (!lx->bmp)
      lx->bmp = zn_xcalloc(ZN_BMP_END, sizeof *lx->bmp);
    lx->bmp[cp].seen = 1;
    return &lx->bmp[cp];
  }
  zn_charnode *c;
  HASH_FIND(hh, lx->astral, &cp, sizeof cp, c);
  if (!c) {
    c = zn_xcalloc(1, sizeof *c);
    c->cp = cp;
    c->st.seen = 1;
    HASH_ADD(hh, lx->astral, cp, sizeof c->cp, c);
  }
  return &c->st;
}

/* The word cp[0..n) (its UTF-8 s[0..len)), added to the trie if new. */
static zn_word *S_add(zn_lexicon *lx, const char *s, size_t len, const uint32_t *cp, size_t n) {
  if (n > lx->maxlen)
    lx->maxlen = n;
  uint32_t node = zn_trie_insert(&lx->trie, cp, n);
  zn_word *w = lx->trie.value[node];
  if (!w) {
    w = zn_arena_alloc(&lx->mem, sizeof *w + len + 1);
    memcpy(w->key, s, len);
    w->len = (uint16_t)n;
    w->cost = INFINITY;
    lx->trie.value[node] = w;
  }
  return w;
}

static uint16_t S_pos_flags(const char *pos) {
  switch (pos[0]) {
  case 'v':
    return pos[1] == 'n' ? ZN_W_NOUN : ZN_W_VERB;
  case 'p':
  case 'c':
    return ZN_W_FUNC | ZN_W_LINK;
  case 'u':
    return ZN_W_FUNC | ZN_W_PARTICLE;
  case 'd':
  case 'r':
  case 'y':
  case 'e':
  case 'o':
  case 'f':
    return ZN_W_FUNC;
  case 'z': /* zg: a single character jieba leaves unclassified (炉, 且); z: a status word, which
             describes as an adjective does (鼎盛, 雪白) */
    return pos[1] == 'g' ? ZN_W_NOUN : ZN_W_ADJ;
  case 'n':
    if (pos[1] == 's')
      return ZN_W_NOUN | ZN_W_PLACE;
    if (pos[1] == 'r')
      return ZN_W_NOUN | ZN_W_PROPER | (pos[2] ? 0 : ZN_W_NR);
    if (pos[1] == 'z')
      return ZN_W_NOUN | ZN_W_PROPER;
    if (pos[1] == 't')
      return ZN_W_NOUN | ZN_W_ORGWORD;
    return ZN_W_NOUN;
  case 'j':
    return ZN_W_NOUN | ZN_W_PROPER;
  case 'm':
  case 'q':
    return ZN_W_NUM;
  case 'a':
  case 'b':
    return ZN_W_ADJ;
  case 't':
    return ZN_W_TIME;
  default:
    return ZN_W_NOUN;
  }
}

/* A character foreign names use this often, in their share of characters, is theirs (斯, 尔). */
#define ZN_TRANSLIT_SHARE 0.001

/* How much cheaper than its characters alone a name-shaped word is at most (see
 * S_name_shaped). */
#define ZN_NAMELIKE_MARGIN 3.0f

#define S_HINT "cannot open lexicon (run scripts/setup.sh to install it)"

struct word_ctx {
  zn_lexicon *lx;
  const zn_gazetteer *g;
  const char *path;
  struct counted {
    zn_word *w;
    double freq;
  } * order; /* words in file order; frequencies become costs at the end */
  size_t n, cap;
  struct later {
    char *s;
    double freq;
  } * idioms; /* name entries that may be idioms, decided once every line is read */
  size_t nidioms, capidioms;
};

/* Whether a four-character name entry s of jieba opens with a surname of one character (not
 * a compound one): such entries are mostly idioms the tagger took for names (张冠李戴,
 * 严以律己), as Chinese names of one surname and three given characters are rare. */
static int S_idiom_entry(const zn_gazetteer *g, const char *s, const uint32_t *cp) {
  char tmp[8];
  size_t la = zn_utf8_put(cp[0], tmp), lb = zn_utf8_put(cp[1], tmp);
  const zn_gaz_entry *one = zn_gazetteer_find(g, s, la), *two = zn_gazetteer_find(g, s, la + lb);
  return zn_has_cat(one, ZN_CAT_SURNAME) && !zn_has_cat(two, ZN_CAT_SURNAME);
}

/* Whether c names the kind of a place or a building, last in its name: 宫 岛 河 山 城 堡 湾
 * 州 省. */
static int S_place_kind(uint32_t c) {
  static const uint32_t kinds[] = {0x5BAB, 0x5C9B, 0x6CB3, 0x5C71, 0x57CE,
                                   0x5821, 0x6E7E, 0x5DDE, 0x7701};
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    if (c == kinds[k])
      return 1;
  return 0;
}

/* A frequency: whole numbers (the lexicon's form) read here, since strtod
 * was a tenth of loading; anything else by strtod. */
static double S_freq(char *s, char **stop) {
  double v = 0;
  char *p = s;
  while (*p >= '0' && *p <= '9' && p - s < 15)
    v = v * 10 + (*p++ - '0');
  if (p > s && *p == 0) {
    *stop = p;
    return v;
  }
  return strtod(s, stop);
}

static int S_word_line(void *p, char *line, long lineno, zn_error *err) {
  struct word_ctx *c = p;
  char *sp1 = strchr(line, ' ');
  char *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
  if (!sp1)
    return zn_fail(err, ZN_ERR_DATA, c->path, lineno, 1, -1, "want 'word frequency [pos]'");
  *sp1 = 0;
  if (sp2)
    *sp2 = 0;
  char *stop;
  double freq = S_freq(sp1 + 1, &stop);
  if (stop == sp1 + 1 || freq < 0)
    return zn_fail(err, ZN_ERR_DATA, c->path, lineno, (long)(sp1 - line) + 2, -1, "bad frequency");
  const char *pos = sp2 ? sp2 + 1 : "n";
  size_t len = strlen(line), n;
  uint32_t *cp = zn_utf8_decode(line, len, &n);
  if (!cp)
    return zn_fail(err, ZN_ERR_DATA, c->path, lineno, 1, -1, "invalid UTF-8");
  int person = pos[0] == 'n' && pos[1] == 'r';
  if (person && !pos[2] && n == 4 && S_idiom_entry(c->g, line, cp)) {
    zn_grow(&c->idioms, &c->capidioms, c->nidioms + 1, sizeof *c->idioms);
    c->idioms[c->nidioms++] = (struct later){zn_xstrdup(line), freq};
    free(cp);
    return 0;
  }
  /* Name entries: three characters and more are names, never words. Their
   * characters feed the statistics: given-name characters after a surname,
   * transliteration characters from foreign names. A foreign name that ends with the kind of a
   * place is a place (克里姆林宫, 约翰内斯堡, 克里特岛); a name that ends with 杯 is a cup (尤伯杯,
   * 李宁杯): both are words. */
  int place = person && pos[2] == 't' && n >= 3 && S_place_kind(cp[n - 1]);
  int cup = person && n >= 3 && cp[n - 1] == 0x676F /* 杯 */;
  if (person && n >= 3 && !place && !cup) {
    char first[8];
    size_t fl = zn_utf8_put(cp[0], first);
    const zn_gaz_entry *s = zn_gazetteer_find(c->g, first, fl);
    if (n == 3 && pos[2] != 't' && s && (s->cats & (1u << ZN_CAT_SURNAME)))
      for (size_t i = 1; i < n; i++, c->lx->given_total += 1)
        S_char(c->lx, cp[i])->given += 1;
    if (pos[2] == 't')
      for (size_t i = 0; i < n; i++, c->lx->translit_total += 1)
        S_char(c->lx, cp[i])->translit += 1;
    free(cp);
    return 0;
  }
  if (person && n == 2 && pos[2] == 'f') { /* nrfg pairs are names (刘备) */
    free(cp);
    return 0;
  }
  zn_word *w = S_add(c->lx, line, len, cp, n);
  if (!(w->flags & ZN_W_WORD)) {
    zn_grow(&c->order, &c->cap, c->n + 1, sizeof *c->order);
    c->order[c->n].w = w;
    c->order[c->n++].freq = freq + 1;
    w->flags |= ZN_W_WORD;
  }
  uint16_t flags = (uint16_t)(place ? ZN_W_NOUN | ZN_W_PLACE
                              : cup ? ZN_W_NOUN | ZN_W_PROPER
                                    : S_pos_flags(pos));
  if (n >= 3 && cp[0] == 0x5404 /* 各 */)
    flags &= (uint16_t)~ZN_W_PLACE; /* places in general: 各乡镇, 各省市 (tagged ns) */
  w->flags |= flags;
  if (n == 1)
    S_char(c->lx, cp[0])->word += (float)freq;
  c->lx->total += freq + 1;
  free(cp);
  return 0;
}

/* Whether a word is a body's name and an office joined (财政部长 = 财政部 +
 * 长, 计委主任 = 计委 + 主任): such a word hides the body from the
 * organisation finder, so the text is segmented without it. */
static int S_body_title(const zn_lexicon *lx, const zn_gazetteer *g, const zn_word *w) {
  const char *k = w->key;
  size_t len = strlen(k);
  for (size_t a = 0; a < len;) {
    uint32_t cp;
    a += zn_utf8_next((const unsigned char *)k + a, (const unsigned char *)k + len, &cp);
    if (a >= len)
      break;
    const zn_word *body = zn_lexicon_find(lx, k, a);
    if (!body || body->len < 2 || !(body->flags & ZN_W_ORGWORD))
      continue;
    const zn_gaz_entry *t = zn_gazetteer_find(g, k + a, len - a);
    if (!strcmp(k + a, "长") || (t && (t->cats & (1u << ZN_CAT_TITLE))))
      return 1;
  }
  return 0;
}

/* The name entries kept for later (see S_idiom_entry) that hold no character of foreign names
 * after their first become words (柯尔金斯 stays a name). */
static void S_idioms(struct word_ctx *c) {
  for (size_t k = 0; k < c->nidioms; k++) {
    char *s = c->idioms[k].s;
    size_t len = strlen(s), n, i = 1;
    uint32_t *cp = zn_utf8_decode(s, len, &n);
    for (; i < n; i++) {
      const zn_charstat *st = zn_lexicon_char(c->lx, cp[i]);
      if (st && st->translit >= ZN_TRANSLIT_SHARE * c->lx->translit_total)
        break;
    }
    zn_word *w = i == n ? S_add(c->lx, s, len, cp, n) : NULL;
    if (w && !(w->flags & ZN_W_WORD)) {
      zn_grow(&c->order, &c->cap, c->n + 1, sizeof *c->order);
      c->order[c->n].w = w;
      c->order[c->n++].freq = c->idioms[k].freq + 1;
      w->flags |= ZN_W_WORD | ZN_W_NOUN;
      c->lx->total += c->idioms[k].freq + 1;
    }
    free(cp);
    free(s);
  }
  free(c->idioms);
}

/* Whether [cp, cp + n) is a word of the lexicon. */
static int S_is_word(const zn_lexicon *lx, const uint32_t *cp, size_t n) {
  uint32_t node = 0;
  for (size_t i = 0; i < n && (node = zn_trie_next(&lx->trie, node, cp[i])); i++)
    ;
  const zn_word *w = node ? lx->trie.value[node] : NULL;
  return w && (w->flags & ZN_W_WORD);
}

/* Whether a word of three characters is shaped like a person's name that the tagger missed
 * (tagged n, nz or i): a surname of one character and two characters that make no word with
 * it or with each other. Such a word costs no less than its characters alone, less a margin
 * (see zn_lexicon_seal): a name the model finds there must be a good one to win, as anywhere
 * else, and the word does not block it. */
static int S_name_shaped(const zn_lexicon *lx, const zn_gazetteer *g, const zn_word *w) {
  if (w->len != 3 || (w->flags & (ZN_W_PLACE | ZN_W_ORGWORD | ZN_W_NUM | ZN_W_TIME)))
    return 0;
  uint32_t cp[3];
  const unsigned char *p = (const unsigned char *)w->key, *end = p + strlen(w->key);
  for (size_t i = 0; i < 3; i++)
    p += zn_utf8_next(p, end, &cp[i]);
  char first[8];
  size_t fl = zn_utf8_put(cp[0], first);
  return zn_has_cat(zn_gazetteer_find(g, first, fl), ZN_CAT_SURNAME) && !S_is_word(lx, cp, 2) &&
         !S_is_word(lx, cp + 1, 2);
}

void zn_lexicon_translit(zn_lexicon *lx, const zn_gazetteer *g, float least) {
  const zn_cat cat = ZN_CAT_TRANSLIT;
  for (size_t i = 0; i < g->nlist[cat]; i++) {
    const char *s = g->lists[cat][i];
    uint32_t cp;
    size_t len = strlen(s);
    if (zn_utf8_next((const unsigned char *)s, (const unsigned char *)s + len, &cp) != len)
      continue; /* one character an entry */
    zn_charstat *st = S_char(lx, cp);
    if (st->translit < least)
      st->translit = least;
  }
}

int zn_lexicon_read_words(zn_lexicon *lx, const zn_gazetteer *g, const char *path, zn_error *err) {
  struct word_ctx c = {.lx = lx, .g = g, .path = path};
  int rc = zn_each_line(path, S_HINT, S_word_line, &c, err);
  S_idioms(&c);
  double ltotal = log(lx->total > 0 ? lx->total : 1);
  for (size_t i = 0; i < c.n; i++) {
    c.order[i].w->cost = (float)(ltotal - log(c.order[i].freq));
    if (c.order[i].w->len >= 3 && S_body_title(lx, g, c.order[i].w))
      c.order[i].w->flags |= ZN_W_HIDDEN;
    if (S_name_shaped(lx, g, c.order[i].w))
      c.order[i].w->flags |= ZN_W_NAMELIKE;
  }
  free(c.order);
  return rc;
}

struct place_ctx {
  zn_lexicon *lx;
  const char *path;
  int districts; /* a general word list: only its districts (see zn_lexicon_read_districts) */
};

static void S_place(zn_lexicon *lx, const char *s, size_t len, const uint32_t *cp, size_t n) {
  zn_word *w = S_add(lx, s, len, cp, n);
  if (!(w->flags & ZN_W_WORD)) /* a place the word list lacks: a rare word */
    w->cost = (float)log(lx->total > 0 ? lx->total : 1);
  w->flags = (uint16_t)((w->flags & ~ZN_W_HIDDEN) | ZN_W_WORD | ZN_W_PLACE | ZN_W_NOUN);
}

/* A district's name is a rare entry of the lexicon if any (游仙区 3 times, 鼓楼区 10), an
 * everyday kind of area a frequent one (保税区 47, 红灯区 60). */
#define ZN_DISTRICT_WORD 15.5f

/* Whether the lexicon knows [s, s + len) as an everyday word below cost, no place. */
static int S_everyday(const zn_lexicon *lx, const char *s, size_t len, float cost) {
  const zn_word *w = zn_lexicon_find(lx, s, len);
  return w && (w->flags & ZN_W_WORD) && !(w->flags & ZN_W_PLACE) && w->cost < cost;
}

/* Whether the word cp[0, n) of a general word list names an urban district: three or four Han
 * characters ending with 区 (游仙区, 观山湖区) that the lexicon knows as no frequent word
 * (开发区, 保税区), whose name before 区 is no everyday word (中心|区, 工业|区), and, of four
 * characters, whose last two are none either (贫困|地区, 北京|军区). */
static int S_district(const zn_lexicon *lx, const char *s, size_t len, const uint32_t *cp,
                      size_t n) {
  if ((n != 3 && n != 4) || cp[n - 1] != 0x533A /* 区 */)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (!zn_is_han(cp[i]))
      return 0;
  /* a Han character of the basic plane is three bytes in UTF-8 */
  return len == 3 * n && !S_everyday(lx, s, len, ZN_DISTRICT_WORD) &&
         !S_everyday(lx, s, len - 3, ZN_KNOWN_WORD) &&
         !(n == 4 && S_everyday(lx, s + 6, 6, ZN_KNOWN_WORD));
}

static int S_place_line(void *p, char *line, long lineno, zn_error *err) {
  struct place_ctx *c = p;
  char *slash = strchr(line, '/');
  if (slash)
    *slash = 0;
  size_t len = strlen(line), n;
  uint32_t *cp = zn_utf8_decode(line, len, &n);
  if (!cp || n == 0) {
    free(cp);
    return zn_fail(err, ZN_ERR_DATA, c->path, lineno, 1, -1, "invalid UTF-8 or empty entry");
  }
  if (c->districts) {
    if (S_district(c->lx, line, len, cp, n))
      S_place(c->lx, line, len, cp, n);
    free(cp);
    return 0;
  }
  S_place(c->lx, line, len, cp, n);
  /* the place without its level is the same place: 石家庄市 -> 石家庄 */
  uint32_t last = cp[n - 1];
  if (n >= 4 && (last == 0x5E02 /* 市 */ || last == 0x53BF /* 县 */ || last == 0x7701 /* 省 */)) {
    char tmp[4];
    S_place(c->lx, line, len - zn_utf8_put(last, tmp), cp, n - 1);
  }
  free(cp);
  return 0;
}

/* A 32-bit word of a .mo file at byte off, in the file's byte order. */
static int S_mo_word(const unsigned char *b, size_t len, size_t off, int swap, uint32_t *out) {
  if (off > len || len - off < 4)
    return 0;
  uint32_t v = (uint32_t)b[off] | (uint32_t)b[off + 1] << 8 | (uint32_t)b[off + 2] << 16 |
               (uint32_t)b[off + 3] << 24;
  *out = swap ? (v >> 24) | ((v >> 8) & 0xFF00) | ((v << 8) & 0xFF0000) | (v << 24) : v;
  return 1;
}

/* Place names from a gettext catalogue (iso-codes' iso_3166-1.mo: the
 * countries and regions of the world in Chinese): every translation that is
 * all Han characters. */
static int S_read_mo(zn_lexicon *lx, const char *path, const unsigned char *b, size_t len,
                     zn_error *err) {
  uint32_t magic = 0, n, tt;
  S_mo_word(b, len, 0, 0, &magic);
  int swap = magic == 0xDE120495u;
  if (!S_mo_word(b, len, 8, swap, &n) || !S_mo_word(b, len, 16, swap, &tt))
    return zn_fail(err, ZN_ERR_DATA, path, 0, 0, 0, "truncated gettext catalogue");
  for (uint32_t i = 0; i < n; i++) {
    uint32_t sl, so;
    if (!S_mo_word(b, len, (size_t)tt + 8u * i, swap, &sl) ||
        !S_mo_word(b, len, (size_t)tt + 8u * i + 4, swap, &so) || so > len || len - so < sl)
      return zn_fail(err, ZN_ERR_DATA, path, 0, 0, (long long)tt + 8ll * i,
                     "bad string table entry %u", i);
    size_t cn;
    uint32_t *cp = zn_utf8_decode((const char *)b + so, strnlen((const char *)b + so, sl), &cn);
    int han = cp && cn >= 3; /* two characters: too many everyday words (中部, 山谷) */
    for (size_t k = 0; han && k < cn; k++)
      han = zn_is_han(cp[k]);
    if (han)
      S_place(lx, (const char *)b + so, strnlen((const char *)b + so, sl), cp, cn);
    free(cp);
  }
  return 0;
}

int zn_lexicon_read_places(zn_lexicon *lx, const char *path, zn_error *err) {
  size_t len;
  char *data = zn_read_file(path, &len, err);
  if (!data)
    return zn_fail(err, ZN_ERR_IO, path, 0, 0, -1, S_HINT);
  uint32_t magic = 0;
  S_mo_word((const unsigned char *)data, len, 0, 0, &magic);
  int rc;
  if (magic == 0x950412DEu || magic == 0xDE120495u) {
    rc = S_read_mo(lx, path, (const unsigned char *)data, len, err);
  } else {
    struct place_ctx c = {lx, path, 0};
    rc = zn_each_line(path, S_HINT, S_place_line, &c, err);
  }
  free(data);
  return rc;
}

int zn_lexicon_read_districts(zn_lexicon *lx, const char *path, zn_error *err) {
  struct place_ctx c = {lx, path, 1};
  return zn_each_line(path, S_HINT, S_place_line, &c, err);
}

/* The mark of the edge to a node: its word's cost, the sign bit set (a cost is never negative)
 * to tell a word from no word. */
static uint32_t S_seal_mark(const void *ctx, uint32_t node) {
  const zn_word *w = ((const zn_lexicon *)ctx)->trie.value[node];
  union {
    float f;
    uint32_t u;
  } b = {w ? fmaxf(w->cost, 0.0f) : 0.0f};
  return w && !(w->flags & ZN_W_HIDDEN) ? b.u | 0x80000000u : 0;
}

/* A name-shaped word (see S_name_shaped) costs at least what its characters cost alone, less
 * ZN_NAMELIKE_MARGIN. */
static void S_namelike_cost(zn_lexicon *lx, zn_word *w, float unknown) {
  float chars = 0;
  const unsigned char *p = (const unsigned char *)w->key, *end = p + strlen(w->key);
  while (p < end) {
    uint32_t cp;
    p += zn_utf8_next(p, end, &cp);
    uint32_t node = zn_trie_next(&lx->trie, 0, cp);
    const zn_word *one = node ? lx->trie.value[node] : NULL;
    chars += one && (one->flags & ZN_W_WORD) ? one->cost : unknown;
  }
  if (w->cost < chars - ZN_NAMELIKE_MARGIN)
    w->cost = chars - ZN_NAMELIKE_MARGIN;
}

/* Whether the word at node, which a place of the lexicon continues with a level, is a city's or
 * a county's usual short name (see zn_lexicon_seal). */
static int S_place_stem(const zn_lexicon *lx, uint32_t node) {
  const zn_trie *t = &lx->trie;
  const zn_word *word = t->value[node];
  if (!word || word->len < 2 || (word->flags & ZN_W_HIDDEN) ||
      (!(word->flags & ZN_W_PROPER) && (word->flags & (ZN_W_NOUN | ZN_W_VERB | ZN_W_ADJ)) &&
       word->cost < ZN_KNOWN_WORD))
    return 0;
  uint32_t first = node;
  while (t->up[first])
    first = t->up[first];
  const zn_word *one = t->value[first];
  return !(one && !(one->flags & ZN_W_HIDDEN) && (one->flags & ZN_W_FUNC));
}

void zn_lexicon_seal(zn_lexicon *lx, float unknown_char) {
  float unknown = (float)log(lx->total + 1) + unknown_char;
  for (uint32_t node = 1; node < lx->trie.nodes; node++) {
    zn_word *w = lx->trie.value[node];
    if (w && (w->flags & ZN_W_NAMELIKE))
      S_namelike_cost(lx, w, unknown);
  }
  /* from the places that end with a level (大连市, 资源县) to the words before the level */
  const zn_trie *t = &lx->trie;
  for (uint32_t node = 1; node < t->nodes; node++) {
    if (t->upcp[node] != 0x5E02 /* 市 */ && t->upcp[node] != 0x53BF /* 县 */)
      continue;
    const zn_word *place = t->value[node];
    if (place && (place->flags & ZN_W_PLACE) && S_place_stem(lx, t->up[node]))
      ((zn_word *)t->value[t->up[node]])->flags |= ZN_W_STEM;
  }
  zn_trie_mark_all(&lx->trie, S_seal_mark, lx);
}

void zn_lexicon_free(zn_lexicon *lx) {
  zn_trie_free(&lx->trie);
  zn_arena_free(&lx->mem);
  free(lx->bmp);
  zn_charnode *c, *ct;
  HASH_ITER(hh, lx->astral, c, ct) {
    HASH_DEL(lx->astral, c);
    free(c);
  }
  memset(lx, 0, sizeof *lx);
}
