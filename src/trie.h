/* trie.h: a character trie over code points, its edges in one open-addressing
 * hash table keyed by (node, code point) (the root's in a direct array). A walk from a text
 * position costs one probe per character, and stops at the first character no key continues with.
 * Node 0 is the root; a node may carry a value (a word).
 *
 * Each edge also carries a 32-bit mark its owner chooses (zn_trie_mark): a walk reads it with the
 * edge, in the same cache line, so a walker can tell the nodes it wants from the rest without
 * visiting their values. */
#ifndef ZN_TRIE_H
#define ZN_TRIE_H

#include <stddef.h>
#include <stdint.h>

#define ZN_TRIE_ROOT_SPAN 0x10000u

typedef struct zn_trie_slot {
  uint32_t from; /* the parent node + 1, or 0 if the slot is empty */
  uint32_t cp;
  uint32_t to; /* the child node */
  uint32_t mark;
} zn_trie_slot;

typedef struct zn_trie {
  zn_trie_slot *root;  /* root[cp]: the edge from the root along cp < ZN_TRIE_ROOT_SPAN */
  zn_trie_slot *slot;  /* every other edge */
  size_t nslots;       /* a power of two */
  uint64_t *filter;    /* two bits a slot, one set for every edge's (node, code point): most
                          walks end on an edge that is not there, and the filter, a 64th of
                          the table's size, says so from the cache */
  size_t nused;        /* edges */
  void **value;        /* value[node], or NULL */
  uint32_t *up, *upcp; /* the parent of each node and the code point that leads to it */
  uint32_t nodes;      /* nodes, the root included */
  size_t capnodes;
} zn_trie;

/* The node for key cp[0..n) (created with its path), n > 0. */
uint32_t zn_trie_insert(zn_trie *t, const uint32_t *cp, size_t n);
/* Sets the mark of the edge that leads to node (not the root). */
void zn_trie_mark(zn_trie *t, uint32_t node, uint32_t mark);
/* Sets the mark of every edge to mark(ctx, the node it leads to), in one pass over the table:
 * the same as zn_trie_mark on each node, without a lookup for each. */
void zn_trie_mark_all(zn_trie *t, uint32_t (*mark)(const void *ctx, uint32_t node),
                      const void *ctx);
void zn_trie_free(zn_trie *t);

static inline uint64_t zn_trie_mix(uint32_t from, uint32_t cp) {
  return ((uint64_t)from << 32 | cp) * 0x9E3779B97F4A7C15ull;
}

static inline size_t zn_trie_hash(uint32_t from, uint32_t cp, size_t nslots) {
  return (size_t)(zn_trie_mix(from, cp) >> 17) & (nslots - 1);
}

/* The filter's bit for (from, cp), of 2 * nslots: the mix's top bits, where the slot's are
 * its middle ones. */
static inline size_t zn_trie_bit(uint32_t from, uint32_t cp, size_t nslots) {
  return (size_t)(zn_trie_mix(from, cp) >> (63 - __builtin_ctzll(nslots)));
}

/* The edge from node along cp, or NULL if there is none. */
static inline const zn_trie_slot *zn_trie_edge(const zn_trie *t, uint32_t node, uint32_t cp) {
  if (node == 0 && cp < ZN_TRIE_ROOT_SPAN)
    return t->root && t->root[cp].to ? &t->root[cp] : NULL;
  if (!t->nslots)
    return NULL;
  uint32_t from = node + 1;
  size_t bit = zn_trie_bit(from, cp, t->nslots);
  if (!(t->filter[bit >> 6] >> (bit & 63) & 1))
    return NULL;
  for (size_t i = zn_trie_hash(from, cp, t->nslots);; i = (i + 1) & (t->nslots - 1)) {
    const zn_trie_slot *e = &t->slot[i];
    if (e->from == from && e->cp == cp)
      return e;
    if (!e->from)
      return NULL;
  }
}

/* The child of node along cp, or 0 if there is none. */
static inline uint32_t zn_trie_next(const zn_trie *t, uint32_t node, uint32_t cp) {
  const zn_trie_slot *e = zn_trie_edge(t, node, cp);
  return e ? e->to : 0;
}

#endif
