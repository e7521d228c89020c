/* docnames.c: see docnames.h. */
#include "docnames.h"
#include "utf8.h"
#include "util.h"

#include <string.h>
#include <uthash.h>

struct zn_name {
  UT_hash_handle hh;
  uint8_t type;
  uint64_t key2; /* the first two code points */
  size_t ncp;    /* length in code points */
  char s[];
};

int zn_names_add(zn_names *ns, const char *s, size_t len, int type) {
  zn_name *nm;
  HASH_FIND(hh, ns->set, s, len, nm);
  if (nm)
    return 0;
  nm = zn_xcalloc(1, sizeof *nm + len + 1);
  memcpy(nm->s, s, len);
  nm->type = (uint8_t)type;
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  uint32_t a = 0, b = 0;
  if (p < end)
    p += zn_utf8_next(p, end, &a);
  if (p < end)
    zn_utf8_next(p, end, &b);
  nm->key2 = (uint64_t)a << 32 | b;
  for (p = (const unsigned char *)s; p < end; p++)
    nm->ncp += (*p & 0xC0) != 0x80;
  HASH_ADD(hh, ns->set, s, len, nm);
  zn_grow(&ns->list, &ns->cap, ns->n + 1, sizeof *ns->list);
  ns->list[ns->n++] = nm;
  return 1;
}

void zn_names_new_piece(zn_names *ns) {
  ns->searched = 0;
  ns->nat = 0;
}

typedef struct bucket {
  UT_hash_handle hh;
  uint64_t key;
  zn_name **names;
  size_t n, cap;
} bucket;

/* A bit per hashed pair of code points: most pairs of a text begin no name, and this says so
 * without a hash lookup. */
#define ZN_PAIR_BITS (1u << 16)
static unsigned S_pair_bit(uint64_t key) {
  return (unsigned)((key * 0x9E3779B97F4A7C15ull) >> 48);
}

void zn_names_search(zn_names *ns, const zn_view *v) {
  if (ns->searched == ns->n)
    return;
  bucket *table = NULL, *bk, *tmp;
  uint8_t pairs[ZN_PAIR_BITS / 8] = {0};
  for (size_t k = ns->searched; k < ns->n; k++) {
    zn_name *nm = ns->list[k];
    HASH_FIND(hh, table, &nm->key2, sizeof nm->key2, bk);
    if (!bk) {
      bk = zn_xcalloc(1, sizeof *bk);
      bk->key = nm->key2;
      HASH_ADD(hh, table, key, sizeof bk->key, bk);
    }
    zn_grow(&bk->names, &bk->cap, bk->n + 1, sizeof *bk->names);
    bk->names[bk->n++] = nm;
    unsigned bit = S_pair_bit(nm->key2);
    pairs[bit / 8] |= (uint8_t)(1u << bit % 8);
  }
  for (size_t i = 0; i + 1 < v->n; i++) {
    uint64_t key = (uint64_t)v->cp[i] << 32 | v->cp[i + 1];
    unsigned bit = S_pair_bit(key);
    if (!(pairs[bit / 8] & (1u << bit % 8)))
      continue;
    HASH_FIND(hh, table, &key, sizeof key, bk);
    for (size_t j = 0; bk && j < bk->n; j++) {
      const zn_name *nm = bk->names[j];
      size_t len = strlen(nm->s), b = v->boff[i];
      /* the view's UTF-8 is its code points in order: equal bytes are equal characters */
      if (i + nm->ncp > v->n || b + len > v->nbytes || memcmp(v->utf8 + b, nm->s, len))
        continue;
      zn_grow(&ns->at, &ns->capat, ns->nat + 1, sizeof *ns->at);
      ns->at[ns->nat++] = (struct zn_name_hit){i, i + nm->ncp, nm->type};
    }
  }
  HASH_ITER(hh, table, bk, tmp) {
    HASH_DEL(table, bk);
    free(bk->names);
    free(bk);
  }
  ns->searched = ns->n;
}

void zn_names_free(zn_names *ns) {
  zn_name *nm, *tmp;
  HASH_ITER(hh, ns->set, nm, tmp) {
    HASH_DEL(ns->set, nm);
    free(nm);
  }
  free(ns->list);
  free(ns->at);
  memset(ns, 0, sizeof *ns);
}
