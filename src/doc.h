/* doc.h: the document object behind zn_doc. */
#ifndef ZN_DOC_H
#define ZN_DOC_H

#include "view.h"
#include "zhner.h"

struct zn_doc {
  char *name;
  char sha256[65];
  uint32_t *text;
  size_t n;
  char *title;
  zn_mention *m;
  size_t nm, capm;
  zn_role *roles;
  size_t nroles, caproles;
  char **places; /* home places given with zn_doc_set_place */
  size_t nplaces;
  char **strings; /* every string the mentions point at */
  size_t nstrings, capstrings;
};

/* Adds a mention over original [start, end); strings are copied. */
zn_mention *zn_doc_add(zn_doc *d, size_t start, size_t end, zn_type type, zn_kind kind,
                       double cert);
/* Adds a role over original [start, end); text and title are copied. */
zn_role *zn_doc_add_role(zn_doc *d, size_t start, size_t end, const char *text, size_t len,
                         size_t title_off, long org);
/* Keeps s in the document's string store and returns the copy. */
const char *zn_doc_keep(zn_doc *d, char *s);
void zn_doc_clear(zn_doc *d);

#endif
