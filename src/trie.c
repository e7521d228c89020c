/* trie.c: see trie.h. Linear probing, grown at half load. */
#include "trie.h"
#include "util.h"

#include <stdlib.h>

static size_t S_slot(uint64_t key, size_t nslots) {
  return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 17) & (nslots - 1);
}

static void S_put(uint64_t *keys, uint32_t *to, size_t nslots, uint64_t key, uint32_t child) {
  size_t i = S_slot(key, nslots);
  while (keys[i])
    i = (i + 1) & (nslots - 1);
  keys[i] = key, to[i] = child;
}

static void S_grow(zn_trie *t) {
  size_t n = t->nslots ? t->nslots * 2 : 1024;
  uint64_t *keys = zn_xcalloc(n, sizeof *keys);
  uint32_t *to = zn_xmalloc(n * sizeof *to);
  for (size_t i = 0; i < t->nslots; i++)
    if (t->key[i])
      S_put(keys, to, n, t->key[i], t->to[i]);
  free(t->key), free(t->to);
  t->key = keys, t->to = to, t->nslots = n;
}

uint32_t zn_trie_next(const zn_trie *t, uint32_t node, uint32_t cp) {
  if (!t->nslots)
    return 0;
  uint64_t key = ((uint64_t)node << 32 | cp) + 1;
  for (size_t i = S_slot(key, t->nslots);; i = (i + 1) & (t->nslots - 1)) {
    if (t->key[i] == key)
      return t->to[i];
    if (!t->key[i])
      return 0;
  }
}

uint32_t zn_trie_insert(zn_trie *t, const uint32_t *cp, size_t n) {
  if (t->nodes == 0) { /* the root */
    zn_grow(&t->value, &t->capnodes, 1, sizeof *t->value);
    t->value[t->nodes++] = NULL;
  }
  uint32_t node = 0;
  for (size_t k = 0; k < n; k++) {
    uint32_t child = zn_trie_next(t, node, cp[k]);
    if (!child) {
      if (2 * (t->nused + 1) > t->nslots)
        S_grow(t);
      child = t->nodes;
      zn_grow(&t->value, &t->capnodes, (size_t)child + 1, sizeof *t->value);
      t->value[t->nodes++] = NULL;
      S_put(t->key, t->to, t->nslots, ((uint64_t)node << 32 | cp[k]) + 1, child);
      t->nused++;
    }
    node = child;
  }
  return node;
}

void zn_trie_free(zn_trie *t) {
  free(t->key);
  free(t->to);
  free(t->value);
  *t = (zn_trie){0};
}
