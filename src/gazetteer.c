/* gazetteer.c: category files -> one uthash table; errors name file:line. */
#include "gazetteer.h"
#include "utf8.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const S_names[ZN_CAT_COUNT] = {
    "surname",    "title",      "per_before",   "per_after",  "honorific",   "person",
    "nonname",    "org_suffix", "org_body",     "org_prefix", "level",       "level_body",
    "department", "org_stop",   "place_suffix", "surname_ja", "org_generic", "translit",
    "org_kind",   "org_inner",  "spot",         "name_part"};

int zn_cat_by_name(const char *name) {
  for (int i = 0; i < ZN_CAT_COUNT; i++)
    if (!strcmp(S_names[i], name))
      return i;
  return -1;
}

const char *zn_cat_name(zn_cat cat) {
  return S_names[cat];
}

const zn_gaz_entry *zn_gazetteer_find(const zn_gazetteer *g, const char *s, size_t len) {
  zn_gaz_entry *e;
  HASH_FIND(hh, g->table, s, len, e);
  return e;
}

int zn_has_cat(const zn_gaz_entry *g, zn_cat cat) {
  return g && (g->cats & (1u << cat));
}

static size_t S_cplen(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

static zn_gaz_entry *S_entry(zn_gazetteer *g, const char *key, size_t len) {
  zn_gaz_entry *e;
  HASH_FIND(hh, g->table, key, len, e);
  if (!e) {
    e = zn_xcalloc(1, sizeof *e + len + 1);
    memcpy(e->key, key, len);
    e->len = S_cplen(key, len);
    HASH_ADD_KEYPTR(hh, g->table, e->key, len, e);
  }
  return e;
}

static void S_add(zn_gazetteer *g, zn_cat cat, const char *key, size_t len, float weight,
                  const char *canonical) {
  zn_gaz_entry *e = S_entry(g, key, len);
  if (!e->cats) { /* new: into the trie as well */
    size_t n;
    uint32_t *cp = zn_utf8_decode(key, len, &n);
    uint32_t node = zn_trie_insert(&g->trie, cp, n); /* may move trie.value */
    g->trie.value[node] = e;
    zn_trie_mark(&g->trie, node, 1);
    free(cp);
  }
  if (!(e->cats & (1u << cat))) {
    zn_grow(&g->lists[cat], &g->caplist[cat], g->nlist[cat] + 1, sizeof(char *));
    g->lists[cat][g->nlist[cat]++] = e->key;
  }
  e->cats |= 1u << cat;
  e->weight[cat] = weight;
  free(e->canonical[cat]);
  e->canonical[cat] = canonical ? zn_xstrdup(canonical) : NULL;
  if (e->len > g->maxlen[cat])
    g->maxlen[cat] = e->len;
}

/* Checks one field: valid UTF-8, no spaces or control characters. */
static int S_valid_entry(const char *s, size_t len, size_t *bad) {
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  while (p < end) {
    uint32_t cp;
    size_t step = zn_utf8_next(p, end, &cp);
    if (cp == ZN_INVALID_CP || cp < 0x21 || cp == 0x3000) {
      *bad = (size_t)(p - (const unsigned char *)s);
      return 0;
    }
    p += step;
  }
  return len > 0;
}

/* The entries one file has listed so far. */
struct seen {
  UT_hash_handle hh;
  char key[];
};

/* Whether key was seen before; notes it if not. */
static int S_seen(struct seen **set, const char *key, size_t len) {
  struct seen *s;
  HASH_FIND(hh, *set, key, len, s);
  if (s)
    return 1;
  s = zn_xcalloc(1, sizeof *s + len + 1);
  memcpy(s->key, key, len);
  HASH_ADD_KEYPTR(hh, *set, s->key, len, s);
  return 0;
}

static void S_seen_free(struct seen **set) {
  struct seen *s, *tmp;
  HASH_ITER(hh, *set, s, tmp) {
    HASH_DEL(*set, s);
    free(s);
  }
}

int zn_gazetteer_read(zn_gazetteer *g, zn_cat cat, const char *path, zn_error *err) {
  size_t len;
  char *text = zn_read_file(path, &len, err);
  if (!text)
    return -1;
  int rc = 0;
  long lineno = 0;
  struct seen *seen = NULL;
  char *line = text, *end = text + len;
  while (line < end && rc == 0) {
    char *nl = memchr(line, '\n', (size_t)(end - line));
    char *eol = nl ? nl : end;
    lineno++;
    if (eol > line && eol[-1] == '\r')
      eol--;
    *eol = 0;
    if (lineno == 1 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
        (unsigned char)line[2] == 0xBF)
      line += 3;
    char *hash = line[0] == '#' ? line : strstr(line, " #");
    if (hash)
      *hash = 0;
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
      line[--n] = 0;
    if (n == 0) {
      line = nl ? nl + 1 : end;
      continue;
    }
    float weight = 1.0f;
    char *tab = strchr(line, '\t');
    if (tab) {
      *tab = 0;
      char *num = tab + 1, *stop;
      errno = 0;
      weight = strtof(num, &stop);
      if (stop == num || *stop || errno) {
        rc = zn_fail(err, ZN_ERR_DATA, path, lineno, (long)S_cplen(line, (size_t)(num - line)) + 1,
                     -1, "bad weight '%s' (want a number after the tab)", num);
        break;
      }
    }
    /* "canonical|variant|…": every field is an entry; variants know their canonical */
    int several = strchr(line, '|') != NULL;
    for (char *field = line; field && rc == 0;) {
      char *next = strchr(field, '|');
      if (next)
        *next++ = 0;
      size_t flen = strlen(field), bad = 0;
      if (!S_valid_entry(field, flen, &bad)) {
        long col = (long)S_cplen(line, (size_t)(field - line) + bad) + 1; /* code points */
        rc = zn_fail(err, ZN_ERR_DATA, path, lineno, col, -1,
                     flen ? "invalid character in entry (white space, control or bad UTF-8)"
                          : "empty entry");
        break;
      }
      /* a second line of the file for the same entry would silently replace its canonical form */
      if (S_seen(&seen, field, flen)) {
        rc =
            zn_fail(err, ZN_ERR_DATA, path, lineno, (long)S_cplen(line, (size_t)(field - line)) + 1,
                    -1, "'%s' is listed twice in this file", field);
        break;
      }
      S_add(g, cat, field, flen, weight, several ? line : NULL);
      field = next;
    }
    line = nl ? nl + 1 : end;
  }
  S_seen_free(&seen);
  free(text);
  return rc;
}

void zn_gazetteer_free(zn_gazetteer *g) {
  zn_gaz_entry *e, *tmp;
  HASH_ITER(hh, g->table, e, tmp) {
    HASH_DEL(g->table, e);
    for (int c = 0; c < ZN_CAT_COUNT; c++)
      free(e->canonical[c]);
    free(e);
  }
  for (int c = 0; c < ZN_CAT_COUNT; c++)
    free(g->lists[c]);
  zn_trie_free(&g->trie);
  memset(g, 0, sizeof *g);
}
