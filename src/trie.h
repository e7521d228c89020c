/* trie.h: a character trie over code points, its edges in one open-addressing
 * hash table keyed by (node, code point) (the root's in a direct array). A walk from a text
 * position costs one probe per character, and stops at the first character no key continues with.
 * Node 0 is the root; a node may carry a value (a word). */
#ifndef ZN_TRIE_H
#define ZN_TRIE_H

#include <stddef.h>
#include <stdint.h>

typedef struct zn_trie_slot {
  uint32_t from; /* the parent node + 1, or 0 if the slot is empty */
  uint32_t cp;
  uint32_t to; /* the child node */
} zn_trie_slot;

typedef struct zn_trie {
  uint32_t *root;     /* root[cp]: the child of the root for cp < 0x10000 */
  zn_trie_slot *slot; /* every other edge */
  size_t nslots;      /* a power of two */
  size_t nused;       /* edges */
  void **value;       /* value[node], or NULL */
  uint32_t nodes;     /* nodes, the root included */
  size_t capnodes;
} zn_trie;

/* The node for key cp[0..n) (created with its path), n > 0. */
uint32_t zn_trie_insert(zn_trie *t, const uint32_t *cp, size_t n);
/* The child of node along cp, or 0 if there is none. */
uint32_t zn_trie_next(const zn_trie *t, uint32_t node, uint32_t cp);
void zn_trie_free(zn_trie *t);

#endif
