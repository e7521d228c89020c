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
  size_t base;  /* a piece of a longer input: the offset of text[0] in it */
  size_t mbase; /* and the number of mentions of the pieces before */
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

/* A document (or a piece of one) from code points, which it takes over;
 * sha256 and title are copied, title NULL: its own first headline. */
zn_doc *zn_doc_of_text(const char *name, uint32_t *text, size_t n, const char *sha256,
                       const char *title);

/* Adds a mention over [start, end) of text, kept as offsets into the
 * original input (base added); strings are copied. */
zn_mention *zn_doc_add(zn_doc *d, size_t start, size_t end, zn_type type, zn_kind kind,
                       double cert);
/* Adds a role over [start, end) of text (kept as the mention's are); text
 * and title are copied. */
zn_role *zn_doc_add_role(zn_doc *d, size_t start, size_t end, const char *text, size_t len,
                         size_t title_off, long org);
/* Keeps s in the document's string store and returns the copy. */
const char *zn_doc_keep(zn_doc *d, char *s);
void zn_doc_clear(zn_doc *d);

#endif
