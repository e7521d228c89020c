/* trie.c: see trie.h. Linear probing, grown at half load. */
#include "trie.h"
#include "util.h"

#include <stdlib.h>

static void S_put(zn_trie_slot *slots, size_t nslots, zn_trie_slot e) {
  size_t i = zn_trie_hash(e.from, e.cp, nslots);
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
        S_put(t->slot, t->nslots, (zn_trie_slot){node + 1, cp[k], child, 0});
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

void zn_trie_free(zn_trie *t) {
  free(t->root);
  free(t->slot);
  free(t->value);
  free(t->up);
  free(t->upcp);
  *t = (zn_trie){0};
}
