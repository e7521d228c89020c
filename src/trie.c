/* trie.c: see trie.h. Linear probing, grown at half load. */
#include "trie.h"
#include "util.h"

#include <stdlib.h>

#define ZN_ROOT_SPAN 0x10000u

static size_t S_slot(uint32_t from, uint32_t cp, size_t nslots) {
  uint64_t key = (uint64_t)from << 32 | cp;
  return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & (nslots - 1);
}

static void S_put(zn_trie_slot *slots, size_t nslots, zn_trie_slot e) {
  size_t i = S_slot(e.from, e.cp, nslots);
  while (slots[i].from)
    i = (i + 1) & (nslots - 1);
  slots[i] = e;
}

static void S_grow(zn_trie *t) {
  size_t n = t->nslots ? t->nslots * 2 : 1024;
  zn_trie_slot *slots = zn_xcalloc(n, sizeof *slots);
  for (size_t i = 0; i < t->nslots; i++)
    if (t->slot[i].from)
      S_put(slots, n, t->slot[i]);
  free(t->slot);
  t->slot = slots, t->nslots = n;
}

uint32_t zn_trie_next(const zn_trie *t, uint32_t node, uint32_t cp) {
  if (node == 0 && cp < ZN_ROOT_SPAN)
    return t->root ? t->root[cp] : 0;
  if (!t->nslots)
    return 0;
  uint32_t from = node + 1;
  for (size_t i = S_slot(from, cp, t->nslots);; i = (i + 1) & (t->nslots - 1)) {
    const zn_trie_slot *e = &t->slot[i];
    if (e->from == from && e->cp == cp)
      return e->to;
    if (!e->from)
      return 0;
  }
}

uint32_t zn_trie_insert(zn_trie *t, const uint32_t *cp, size_t n) {
  if (t->nodes == 0) { /* the root */
    t->root = zn_xcalloc(ZN_ROOT_SPAN, sizeof *t->root);
    zn_grow(&t->value, &t->capnodes, 1, sizeof *t->value);
    t->value[t->nodes++] = NULL;
  }
  uint32_t node = 0;
  for (size_t k = 0; k < n; k++) {
    uint32_t child = zn_trie_next(t, node, cp[k]);
    if (!child) {
      child = t->nodes;
      zn_grow(&t->value, &t->capnodes, (size_t)child + 1, sizeof *t->value);
      t->value[t->nodes++] = NULL;
      if (node == 0 && cp[k] < ZN_ROOT_SPAN) {
        t->root[cp[k]] = child;
      } else {
        if (2 * (t->nused + 1) > t->nslots)
          S_grow(t);
        S_put(t->slot, t->nslots, (zn_trie_slot){node + 1, cp[k], child});
        t->nused++;
      }
    }
    node = child;
  }
  return node;
}

void zn_trie_free(zn_trie *t) {
  free(t->root);
  free(t->slot);
  free(t->value);
  *t = (zn_trie){0};
}
