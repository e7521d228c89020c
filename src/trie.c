/* trie.c: see trie.h. Linear probing, grown at half load. */
#include "trie.h"
#include "util.h"

#include <stdlib.h>

static void S_put(zn_trie *t, zn_trie_slot e) {
  size_t i = zn_trie_hash(e.from, e.cp, t->nslots);
  while (t->slot[i].from)
    i = (i + 1) & (t->nslots - 1);
  t->slot[i] = e;
  size_t bit = zn_trie_bit(e.from, e.cp, t->nslots);
  t->filter[bit >> 6] |= 1ull << (bit & 63);
}

static void S_grow(zn_trie *t) {
  zn_trie old = *t;
  t->nslots = t->nslots ? t->nslots * 2 : 1024;
  t->slot = zn_xcalloc(t->nslots, sizeof *t->slot);
  t->filter = zn_xcalloc(2 * t->nslots / 64, sizeof *t->filter);
  for (size_t i = 0; i < old.nslots; i++)
    if (old.slot[i].from)
      S_put(t, old.slot[i]);
  free(old.slot);
  free(old.filter);
}

static uint32_t S_node(zn_trie *t, uint32_t parent, uint32_t cp) {
  size_t cap = t->capnodes;
  zn_grow(&t->value, &t->capnodes, (size_t)t->nodes + 1, sizeof *t->value);
  if (t->capnodes != cap) {
    t->up = zn_xrealloc(t->up, t->capnodes * sizeof *t->up);
    t->upcp = zn_xrealloc(t->upcp, t->capnodes * sizeof *t->upcp);
  }
  t->value[t->nodes] = NULL;
  t->up[t->nodes] = parent, t->upcp[t->nodes] = cp;
  return t->nodes++;
}

uint32_t zn_trie_insert(zn_trie *t, const uint32_t *cp, size_t n) {
  if (t->nodes == 0) { /* the root */
    t->root = zn_xcalloc(ZN_TRIE_ROOT_SPAN, sizeof *t->root);
    S_node(t, 0, 0);
  }
  uint32_t node = 0;
  for (size_t k = 0; k < n; k++) {
    uint32_t child = zn_trie_next(t, node, cp[k]);
    if (!child) {
      child = S_node(t, node, cp[k]);
      if (node == 0 && cp[k] < ZN_TRIE_ROOT_SPAN) {
        t->root[cp[k]] = (zn_trie_slot){1, cp[k], child, 0};
      } else {
        if (2 * (t->nused + 1) > t->nslots)
          S_grow(t);
        S_put(t, (zn_trie_slot){node + 1, cp[k], child, 0});
        t->nused++;
      }
    }
    node = child;
  }
  return node;
}

void zn_trie_mark(zn_trie *t, uint32_t node, uint32_t mark) {
  if (node == 0 || node >= t->nodes)
    return;
  zn_trie_slot *e = (zn_trie_slot *)zn_trie_edge(t, t->up[node], t->upcp[node]);
  if (e)
    e->mark = mark;
}

void zn_trie_mark_all(zn_trie *t, uint32_t (*mark)(const void *ctx, uint32_t node),
                      const void *ctx) {
  for (size_t cp = 0; t->root && cp < ZN_TRIE_ROOT_SPAN; cp++)
    if (t->root[cp].to)
      t->root[cp].mark = mark(ctx, t->root[cp].to);
  for (size_t i = 0; i < t->nslots; i++)
    if (t->slot[i].from)
      t->slot[i].mark = mark(ctx, t->slot[i].to);
}

void zn_trie_free(zn_trie *t) {
  free(t->root);
  free(t->slot);
  free(t->filter);
  free(t->value);
  free(t->up);
  free(t->upcp);
  *t = (zn_trie){0};
}
