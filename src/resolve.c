/* resolve.c: canonical names and entity ids (see resolve.h). */
#include "resolve.h"
#include "alias.h"
#include "doc.h"
#include "model.h"
#include "utf8.h"
#include "util.h"
#include "view.h"

#include <string.h>

/* 省 市 州 县 区: the levels a document has a home place of. */
const uint32_t zn_levels[ZN_NLEVELS] = {0x7701, 0x5E02, 0x5DDE, 0x53BF, 0x533A};

/* Characters a place named in a form may end with: the levels, and 镇 乡 旗 盟. */
static int S_level_end(uint32_t c) {
  for (int k = 0; k < ZN_NLEVELS; k++)
    if (zn_levels[k] == c)
      return 1;
  return c == 0x9547 || c == 0x4E61 || c == 0x65D7 || c == 0x76DF;
}

static int S_level_index(uint32_t c) {
  for (int k = 0; k < ZN_NLEVELS; k++)
    if (zn_levels[k] == c)
      return k;
  return -1;
}

int zn_place_level(const char *place) {
  size_t n;
  uint32_t *cp = zn_utf8_decode(place, strlen(place), &n);
  int k = cp && n >= 2 ? S_level_index(cp[n - 1]) : -1;
  free(cp);
  return k;
}

/* ---- org_forms.txt ---- */

/* {P} and {X} of a form, as code points no text holds. */
#define SLOT_P 0xFFFF0u
#define SLOT_X 0xFFFF1u

static uint32_t *S_form_cp(const char *s, size_t *n) {
  size_t len = strlen(s), k = 0;
  uint32_t *cp = zn_xmalloc((len + 1) * sizeof *cp);
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  while (p < end) {
    if (!strncmp((const char *)p, "{P}", 3) || !strncmp((const char *)p, "{X}", 3)) {
      cp[k++] = p[1] == 'P' ? SLOT_P : SLOT_X;
      p += 3;
      continue;
    }
    p += zn_utf8_next(p, end, &cp[k++]);
  }
  *n = k;
  return cp;
}

struct forms_ctx {
  zn_forms *forms;
  const char *path;
};

static int S_form_line(void *arg, char *line, long lineno, zn_error *err) {
  struct forms_ctx *c = arg;
  char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
  if (!t1 || !t2 || strchr(t2 + 1, '\t') || !strstr(line, "{P}") || t2 == t1 + 1 || !t2[1])
    return zn_fail(err, ZN_ERR_DATA, c->path, lineno, 1, -1,
                   "want FORM<TAB>CANONICAL<TAB>TYPE with {P} in FORM");
  *t1 = *t2 = 0;
  const char *x = strstr(line, "{X}");
  if (x && x[3])
    return zn_fail(err, ZN_ERR_DATA, c->path, lineno, 1, -1, "{X} must end the form");
  zn_forms *forms = c->forms;
  forms->f = zn_xrealloc(forms->f, (forms->n + 1) * sizeof *forms->f);
  zn_form *f = &forms->f[forms->n++];
  f->form = zn_xstrdup(line);
  f->canonical = zn_xstrdup(t1 + 1);
  f->type = zn_xstrdup(t2 + 1);
  f->cp = S_form_cp(f->form, &f->ncp);
  return 0;
}

int zn_forms_read(zn_forms *forms, const char *path, zn_error *err) {
  struct forms_ctx c = {forms, path};
  return zn_each_line(path, NULL, S_form_line, &c, err);
}

void zn_forms_free(zn_forms *forms) {
  for (size_t i = 0; i < forms->n; i++)
    free(forms->f[i].form), free(forms->f[i].canonical), free(forms->f[i].type),
        free(forms->f[i].cp);
  free(forms->f);
  forms->f = NULL, forms->n = 0;
}

/* ---- organisation names ---- */

/* Matches form (code points, with {P} and {X} as 0xFFFF0 / 0xFFFF1) against
 * name: on success sets [ps, pe) and [xs, n) and returns 1. */
static int S_match(const uint32_t *f, size_t nf, const uint32_t *name, size_t n, size_t *ps,
                   size_t *pe, size_t *xs) {
  size_t a = 0;
  while (a < nf && f[a] != SLOT_P)
    a++;
  if (a > n || memcmp(f, name, a * sizeof *f))
    return 0;
  size_t b0 = a + 1, b1 = b0;
  while (b1 < nf && f[b1] != SLOT_X)
    b1++;
  int has_x = b1 < nf;
  size_t blen = b1 - b0;
  for (size_t j = a + 2; j + blen <= n; j++) {
    if (!S_level_end(name[j - 1]) || memcmp(f + b0, name + j, blen * sizeof *f))
      continue;
    size_t rest = j + blen;
    if (has_x ? rest < n : rest == n) {
      *ps = a, *pe = j, *xs = rest;
      return 1;
    }
  }
  return 0;
}

static int S_numeral(uint32_t c) {
  return (c >= '0' && c <= '9') ||
         (c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 || c == 0x516D ||
          c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341 || c == 0x767E || c == 0x96F6 ||
          c == 0x3007);
}

/* Drops the ordinal of a term: 第十届, 十届 (a numeral run followed by 届). */
static size_t S_drop_terms(uint32_t *cp, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i + (cp[i] == 0x7B2C /* 第 */);
    size_t d = j;
    while (d < n && S_numeral(cp[d]))
      d++;
    if (d > j && d < n && cp[d] == 0x5C4A /* 届 */ && d + 1 < n) {
      i = d + 1;
      continue;
    }
    cp[k++] = cp[i++];
  }
  return k;
}

static void S_put_cps(zn_buf *b, const uint32_t *cp, size_t n) {
  char u[4];
  for (size_t i = 0; i < n; i++)
    zn_buf_add(b, u, zn_utf8_put(cp[i], u));
}

/* Writes template t with {P} = name[ps, pe) and {X} = name[xs, n). */
static char *S_fill(const char *t, const uint32_t *name, size_t n, size_t ps, size_t pe,
                    size_t xs) {
  zn_buf b = {0};
  for (const char *p = t; *p;) {
    if (!strncmp(p, "{P}", 3))
      S_put_cps(&b, name + ps, pe - ps), p += 3;
    else if (!strncmp(p, "{X}", 3))
      S_put_cps(&b, name + xs, n - xs), p += 3;
    else
      zn_buf_add(&b, p++, 1);
  }
  return b.s ? b.s : zn_xstrdup("");
}

char *zn_org_canonical(const zn_model *m, const char *const *homes, const char *name,
                       const char **type, int *unresolved) {
  *type = NULL, *unresolved = 0;
  const zn_gaz_entry *g = zn_gazetteer_find(&m->gaz, name, strlen(name));
  if (zn_has_cat(g, ZN_CAT_ORG_BODY))
    return zn_xstrdup(g->canonical[ZN_CAT_ORG_BODY] ? g->canonical[ZN_CAT_ORG_BODY] : name);
  size_t n;
  uint32_t *cp = zn_utf8_decode(name, strlen(name), &n);
  if (!cp)
    return zn_xstrdup(name);
  n = S_drop_terms(cp, n);
  /* a bare level (市委, 中共市委) takes the home place of that level */
  size_t lead = n >= 3 && cp[0] == 0x4E2D && cp[1] == 0x5171 ? 2 : 0; /* 中共 */
  int level = n > lead + 1 ? S_level_index(cp[lead]) : -1;
  if (level >= 0) {
    if (homes[level]) {
      size_t hn;
      uint32_t *h = zn_utf8_decode(homes[level], strlen(homes[level]), &hn);
      uint32_t *full = zn_xmalloc((n + hn) * sizeof *full);
      memcpy(full, cp, lead * sizeof *cp);
      memcpy(full + lead, h, hn * sizeof *h);
      memcpy(full + lead + hn, cp + lead + 1, (n - lead - 1) * sizeof *cp);
      free(cp), free(h);
      cp = full, n = n + hn - 1;
    } else {
      *unresolved = 1;
    }
  }
  char *out = NULL;
  for (size_t i = 0; i < m->forms.n && !out && !*unresolved; i++) {
    const zn_form *f = &m->forms.f[i];
    size_t ps, pe, xs;
    if (S_match(f->cp, f->ncp, cp, n, &ps, &pe, &xs)) {
      out = S_fill(f->canonical, cp, n, ps, pe, xs);
      *type = f->type;
    }
  }
  if (!out)
    out = zn_utf8_encode(cp, n, NULL);
  free(cp);
  return out;
}

/* ---- home places ---- */

static int S_is_place(const zn_model *m, const char *s, size_t len) {
  const zn_word *w = zn_lexicon_find(&m->lex, s, len);
  return w && (w->flags & ZN_W_PLACE);
}

void zn_home_places(const zn_model *m, const zn_view *v, const zn_doc *d, char *homes[ZN_NLEVELS]) {
  typedef struct count {
    UT_hash_handle hh;
    size_t n, first;
    int level;
    char key[];
  } count;
  count *table = NULL, *c, *tmp;
  for (size_t i = 2; i < v->n; i++) {
    int level = S_level_index(v->cp[i]);
    if (level < 0)
      continue;
    /* the longest place of at least two characters before the level */
    for (size_t k = i < 6 ? i : 6; k >= 2; k--) {
      size_t s = i - k;
      int han = 1;
      for (size_t j = s; j < i; j++)
        han &= zn_is_han(v->cp[j]);
      const char *a = v->utf8 + v->boff[s];
      size_t with = v->boff[i + 1] - v->boff[s], without = v->boff[i] - v->boff[s];
      if (!han || !(S_is_place(m, a, with) || S_is_place(m, a, without)))
        continue;
      HASH_FIND(hh, table, a, with, c);
      if (!c) {
        c = zn_xcalloc(1, sizeof *c + with + 1);
        memcpy(c->key, a, with);
        c->first = i, c->level = level;
        HASH_ADD(hh, table, key, with, c);
      }
      c->n++;
      break;
    }
  }
  size_t best[ZN_NLEVELS] = {0}, first[ZN_NLEVELS] = {0};
  for (int k = 0; k < ZN_NLEVELS; k++)
    homes[k] = NULL;
  HASH_ITER(hh, table, c, tmp) {
    int k = c->level;
    if (c->n > best[k] || (c->n == best[k] && c->first < first[k])) {
      best[k] = c->n, first[k] = c->first;
      free(homes[k]);
      homes[k] = zn_xstrdup(c->key);
    }
    HASH_DEL(table, c);
    free(c);
  }
  /* places given by the caller win */
  for (size_t i = 0; i < d->nplaces; i++) {
    int k = zn_place_level(d->places[i]);
    free(homes[k]);
    homes[k] = zn_xstrdup(d->places[i]);
  }
}

/* ---- ids ---- */

char *zn_entity_id(const char *prefix, const char *canonical) {
  static const char digits[] = "0123456789abcdefghijklmnopqrstuv";
  zn_buf b = {0};
  zn_buf_printf(&b, "%s-", prefix);
  const unsigned char *p = (const unsigned char *)canonical, *end = p + strlen(canonical);
  while (p < end) {
    uint32_t c;
    p += zn_utf8_next(p, end, &c);
    if (c >= 0x4E00 && c <= 0x9FFF) {
      uint32_t x = c - 0x4E00;
      char d[3] = {digits[x >> 10], digits[(x >> 5) & 31], digits[x & 31]};
      zn_buf_add(&b, d, 3);
    } else if (c < 0x80 && zn_is_ascii_alnum(c)) {
      char d[2] = {'x', (char)c};
      zn_buf_add(&b, d, 2);
    } else if (c != ZN_INVALID_CP) {
      char d[6] = {'w',
                   digits[(c >> 20) & 31],
                   digits[(c >> 15) & 31],
                   digits[(c >> 10) & 31],
                   digits[(c >> 5) & 31],
                   digits[c & 31]};
      zn_buf_add(&b, d, 6);
    }
  }
  return b.s;
}

/* ---- the document ---- */

/* Nothing, or a company's legal form (有限公司): what a short name may leave
 * off at its end. Not any suffix: 新蒲开发区 is not 新蒲开发区管委会. */
static int S_legal_form(const zn_model *m, const char *s, size_t len) {
  return len == 0 || (zn_has_cat(zn_gazetteer_find(&m->gaz, s, len), ZN_CAT_ORG_SUFFIX) &&
                      memmem(s, len, "公司", strlen("公司")));
}

/* Whether s (a place, or a place with its level) may stand before a short name. */
static int S_place_prefix(const zn_model *m, const char *s, size_t len) {
  if (len == 0 || S_is_place(m, s, len))
    return 1;
  size_t n;
  uint32_t *cp = zn_utf8_decode(s, len, &n);
  int ok = cp && n >= 2 && S_level_end(cp[n - 1]);
  free(cp);
  return ok;
}

/* Long organisation names of the document explain its short ones: a short
 * name is the long one without a leading place and without a trailing legal
 * form (海生玻璃 in 贵州海生玻璃有限公司, 炉碧经济开发区 in 贵州炉碧经济开发区).
 * The table maps every such shortening of the document's names to the
 * longest name it comes from, so each short name is one lookup. */
typedef struct shortening {
  UT_hash_handle hh;
  const char *full;
  char key[];
} shortening;

static void S_shorten_add(shortening **table, const char *s, size_t len, const char *full) {
  shortening *e;
  HASH_FIND(hh, *table, s, len, e);
  if (!e) {
    e = zn_xcalloc(1, sizeof *e + len + 1);
    memcpy(e->key, s, len);
    HASH_ADD(hh, *table, key, len, e);
  }
  size_t a = e->full ? strlen(e->full) : 0, b = strlen(full);
  if (!e->full || a < b || (a == b && strcmp(full, e->full) < 0))
    e->full = full;
}

static shortening *S_shortenings(const zn_model *m, const zn_doc *d) {
  shortening *table = NULL;
  for (size_t i = 0; i < d->nm; i++) {
    const zn_mention *o = &d->m[i];
    if (o->type != ZN_ORG || o->org_type || o->unresolved)
      continue;
    const char *t = o->canonical;
    size_t tl = strlen(t), ends[2] = {tl, tl}, nends = 1;
    /* the longest legal form at the end */
    for (size_t k = 0; k < tl;
         k += (size_t)zn_utf8_next((const unsigned char *)t + k, (const unsigned char *)t + tl,
                                   &(uint32_t){0}))
      if (k && S_legal_form(m, t + k, tl - k)) {
        ends[nends++] = k;
        break;
      }
    /* every leading place: up to eight characters */
    size_t before = 0;
    for (int c = 0; c <= 8 && before < tl; c++) {
      if (S_place_prefix(m, t, before))
        for (size_t j = 0; j < nends; j++)
          if (ends[j] > before && ends[j] - before < tl)
            S_shorten_add(&table, t + before, ends[j] - before, t);
      before += (size_t)zn_utf8_next((const unsigned char *)t + before,
                                     (const unsigned char *)t + tl, &(uint32_t){0});
    }
  }
  return table;
}

static const char *S_long_form(const zn_model *m, shortening *table, const char *name) {
  size_t len = strlen(name), ncp;
  uint32_t *cp = zn_utf8_decode(name, len, &ncp);
  free(cp);
  if (ncp < 3 || zn_lexicon_find(&m->lex, name, len) ||
      zn_has_cat(zn_gazetteer_find(&m->gaz, name, len), ZN_CAT_ORG_SUFFIX))
    return NULL;
  shortening *e;
  HASH_FIND(hh, table, name, len, e);
  return e ? e->full : NULL;
}

/* An id for an entity of one document only: the name's id and a hash of
 * the document's base name (file name without folder and .txt, or the id
 * of a streamed document, so both give the same ids). */
static const char *S_local_id(zn_doc *d, const char *prefix, const char *s) {
  const char *base = strrchr(d->name, '/');
  base = base ? base + 1 : d->name;
  size_t len = strlen(base);
  if (len > 4 && !strcmp(base + len - 4, ".txt"))
    len -= 4;
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char)base[i]) * 1099511628211ull;
  char *id = zn_entity_id(prefix, s);
  zn_buf b = {0};
  zn_buf_printf(&b, "%s-%016llx", id, (unsigned long long)h);
  free(id);
  return zn_doc_keep(d, b.s);
}

/* The surname a reference names (王 of 老王, 张 of 张先生): sets *sur, returns
 * its length in bytes, or 0. */
static size_t S_ref_surname(const zn_model *m, const char *s, const char **sur) {
  if (!strncmp(s, "老", 3) || !strncmp(s, "小", 3)) {
    if (zn_has_cat(zn_gazetteer_find(&m->gaz, s + 3, strlen(s + 3)), ZN_CAT_SURNAME)) {
      *sur = s + 3;
      return strlen(s + 3);
    }
  }
  *sur = s;
  for (size_t l = strlen(s); l > 0; l--)
    if (zn_has_cat(zn_gazetteer_find(&m->gaz, s, l), ZN_CAT_SURNAME))
      return l;
  return 0;
}

/* The persons named in a document by the start of their name (the length of
 * a surname at most): whether one person or several share it. */
typedef struct named {
  UT_hash_handle hh;
  const char *person; /* the first */
  int several;
  char key[];
} named;

static named *S_named(const zn_model *m, const zn_doc *d) {
  named *table = NULL, *e;
  size_t most = m->gaz.maxlen[ZN_CAT_SURNAME], refs = 0;
  for (size_t i = 0; i < d->nm; i++)
    refs += d->m[i].type == ZN_PER && d->m[i].kind == ZN_REFERENCE;
  for (size_t i = 0; refs && i < d->nm; i++) { /* only a document with references needs it */
    const zn_mention *o = &d->m[i];
    if (o->type != ZN_PER || o->kind != ZN_NAME)
      continue;
    const char *t = o->canonical;
    size_t tl = strlen(t), l = 0;
    for (size_t c = 0; c < most; c++) {
      l += (size_t)zn_utf8_next((const unsigned char *)t + l, (const unsigned char *)t + tl,
                                &(uint32_t){0});
      if (l >= tl)
        break; /* a reference's surname is shorter than the name */
      HASH_FIND(hh, table, t, l, e);
      if (!e) {
        e = zn_xcalloc(1, sizeof *e + l + 1);
        memcpy(e->key, t, l);
        e->person = t;
        HASH_ADD(hh, table, key, l, e);
      } else if (strcmp(e->person, t)) {
        e->several = 1;
      }
    }
  }
  return table;
}

/* A reference joins the one named person of its surname in the document;
 * else it is a person of its own, of this document only. */
static void S_resolve_reference(const zn_model *m, zn_doc *d, named *persons, zn_mention *r) {
  const char *sur;
  size_t sl = S_ref_surname(m, r->canonical, &sur);
  named *e = NULL;
  if (sl)
    HASH_FIND(hh, persons, sur, sl, e);
  if (e && !e->several) {
    r->entity = zn_doc_keep(d, zn_entity_id("per", e->person));
    r->canonical = e->person;
  } else {
    r->entity = S_local_id(d, "ref", r->canonical);
  }
}

/* Short names the text declares (某某公司（以下简称某某）) name the organisation before them:
 * every mention of the short name takes its canonical name. */
static void S_resolve_declared(zn_doc *d) {
  typedef struct declared {
    UT_hash_handle hh;
    const zn_mention *full;
    const char *alias;
  } declared;
  declared *table = NULL, *e, *tmp;
  for (size_t i = 0; i + 1 < d->nm; i++) {
    const zn_mention *o = &d->m[i], *a = &d->m[i + 1];
    size_t as, ae;
    if (o->type == ZN_ORG && a->type == ZN_ORG && o->end >= d->base &&
        zn_declared_alias(d->text, d->n, o->end - d->base, &as, &ae) && a->start == as + d->base &&
        a->end == ae + d->base) {
      HASH_FIND_STR(table, a->canonical, e);
      if (!e) {
        e = zn_xcalloc(1, sizeof *e);
        e->alias = a->canonical;
        HASH_ADD_KEYPTR(hh, table, e->alias, strlen(e->alias), e);
      }
      e->full = o; /* the last declaration holds */
    }
  }
  for (size_t i = 0; table && i < d->nm; i++) {
    zn_mention *o = &d->m[i];
    if (o->type != ZN_ORG)
      continue;
    HASH_FIND_STR(table, o->canonical, e);
    if (e)
      o->canonical = e->full->canonical, o->org_type = e->full->org_type,
      o->unresolved = e->full->unresolved;
  }
  HASH_ITER(hh, table, e, tmp) {
    HASH_DEL(table, e);
    free(e);
  }
}

void zn_resolve(const zn_model *m, const zn_view *v, zn_doc *d) {
  char *homes[ZN_NLEVELS];
  zn_home_places(m, v, d, homes);
  for (size_t i = 0; i < d->nm; i++) {
    zn_mention *o = &d->m[i];
    if (o->type != ZN_ORG)
      continue;
    o->canonical = zn_doc_keep(d, zn_org_canonical(m, (const char *const *)homes, o->canonical,
                                                   &o->org_type, &o->unresolved));
  }
  shortening *table = S_shortenings(m, d), *e, *tmp;
  for (size_t i = 0; i < d->nm; i++) {
    zn_mention *o = &d->m[i];
    if (o->type != ZN_ORG || o->org_type || o->unresolved)
      continue;
    const char *full = S_long_form(m, table, o->canonical);
    if (full)
      o->canonical = full;
  }
  HASH_ITER(hh, table, e, tmp) {
    HASH_DEL(table, e);
    free(e);
  }
  S_resolve_declared(d);
  named *persons = S_named(m, d), *p, *ptmp;
  for (size_t i = 0; i < d->nm; i++) {
    zn_mention *o = &d->m[i];
    if (o->type == ZN_PER && o->kind == ZN_REFERENCE)
      S_resolve_reference(m, d, persons, o);
    else if (o->type == ZN_ORG && o->unresolved)
      o->entity = S_local_id(d, "org-short", o->canonical);
    else
      o->entity = zn_doc_keep(d, zn_entity_id(o->type == ZN_PER ? "per" : "org", o->canonical));
  }
  HASH_ITER(hh, persons, p, ptmp) {
    HASH_DEL(persons, p);
    free(p);
  }
  for (int k = 0; k < ZN_NLEVELS; k++)
    free(homes[k]);
}
