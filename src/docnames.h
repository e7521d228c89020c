/* docnames.h: the names a document has established (persons found with
 * evidence, the distinctive part of companies) and where the piece of the
 * view being worked on holds them, so that every other occurrence can be
 * proposed too. */
#ifndef ZN_DOCNAMES_H
#define ZN_DOCNAMES_H

#include "view.h"

#include <stddef.h>
#include <stdint.h>

typedef struct zn_name zn_name;

typedef struct zn_names {
  zn_name *set;   /* every name once (uthash) */
  zn_name **list; /* in the order learnt */
  size_t n, cap, searched;
  struct zn_name_hit {
    size_t s, e; /* view range in the current piece */
    uint8_t type;
  } * at;
  size_t nat, capat;
} zn_names;

/* Adds UTF-8 [s, s+len) of type (ZN_PER, ZN_ORG); returns whether it is new. */
int zn_names_add(zn_names *ns, const char *s, size_t len, int type);
/* A new piece of the view: every name is to be searched in it again. */
void zn_names_new_piece(zn_names *ns);
/* Finds the names learnt since the last call in v (one scan of v for all of
 * them, by a hash of their first two characters) and appends to ns->at. */
void zn_names_search(zn_names *ns, const zn_view *v);
void zn_names_free(zn_names *ns);

#endif
