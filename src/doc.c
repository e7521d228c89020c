/* doc.c: documents: bytes in, original code points and mentions kept. */
#include "doc.h"
#include "decode.h"
#include "sha256.h"
#include "utf8.h"
#include "util.h"

#include <string.h>

/* The page's first headline: its first non-empty line without white space,
 * at most 60 characters; else the document's name. */
static char *S_title(const zn_doc *d) {
  for (size_t a = 0; a < d->n;) {
    size_t e = a;
    while (e < d->n && d->text[e] != '\n')
      e++;
    uint32_t *cp = zn_xmalloc((e - a + 1) * sizeof *cp);
    size_t k = 0;
    for (size_t i = a; i < e && k < 60; i++)
      if (!zn_is_space(d->text[i]) && d->text[i] != 0xFEFF)
        cp[k++] = d->text[i];
    char *s = k ? zn_utf8_encode(cp, k, NULL) : NULL;
    free(cp);
    if (s)
      return s;
    a = e + 1;
  }
  return zn_xstrdup(d->name);
}

zn_doc *zn_doc_of_text(const char *name, uint32_t *text, size_t n, const char *sha256,
                       const char *title) {
  zn_doc *d = zn_xcalloc(1, sizeof *d);
  d->name = zn_xstrdup(name);
  d->text = text;
  d->n = n;
  snprintf(d->sha256, sizeof d->sha256, "%s", sha256);
  d->title = title ? zn_xstrdup(title) : S_title(d);
  return d;
}

zn_doc *zn_doc_new(const char *name, const char *bytes, size_t len, const char *encoding,
                   zn_error *err) {
  size_t n;
  uint32_t *text = zn_decode(name, bytes, len, encoding, &n, err);
  if (!text)
    return NULL;
  char sha[65];
  zn_sha256_hex(bytes, len, sha);
  return zn_doc_of_text(name, text, n, sha, NULL);
}

int zn_doc_set_place(zn_doc *d, const char *place) {
  if (zn_place_level(place) < 0)
    return -1;
  d->places = zn_xrealloc(d->places, (d->nplaces + 1) * sizeof *d->places);
  d->places[d->nplaces++] = zn_xstrdup(place);
  return 0;
}

const char *zn_doc_keep(zn_doc *d, char *s) {
  zn_grow(&d->strings, &d->capstrings, d->nstrings + 1, sizeof *d->strings);
  d->strings[d->nstrings++] = s;
  return s;
}

zn_mention *zn_doc_add(zn_doc *d, size_t start, size_t end, zn_type type, zn_kind kind,
                       double cert) {
  zn_grow(&d->m, &d->capm, d->nm + 1, sizeof *d->m);
  zn_mention *m = &d->m[d->nm++];
  memset(m, 0, sizeof *m);
  m->start = d->base + start, m->end = d->base + end, m->type = type, m->kind = kind,
  m->cert = cert;
  /* text: the original slice without white space */
  uint32_t *cp = zn_xmalloc((end - start + 1) * sizeof *cp);
  size_t k = 0;
  for (size_t i = start; i < end; i++)
    if (!zn_is_space(d->text[i]))
      cp[k++] = d->text[i];
  m->text = zn_doc_keep(d, zn_utf8_encode(cp, k, NULL));
  free(cp);
  return m;
}

zn_role *zn_doc_add_role(zn_doc *d, size_t start, size_t end, const char *text, size_t len,
                         size_t title_off, long org) {
  zn_grow(&d->roles, &d->caproles, d->nroles + 1, sizeof *d->roles);
  zn_role *r = &d->roles[d->nroles++];
  r->start = d->base + start, r->end = d->base + end, r->org = org;
  r->text = zn_doc_keep(d, zn_xstrndup(text, len));
  r->title = r->text + (title_off < len ? title_off : len);
  return r;
}

void zn_doc_clear(zn_doc *d) {
  for (size_t i = 0; i < d->nstrings; i++)
    free(d->strings[i]);
  d->nstrings = 0;
  d->nm = 0;
  d->nroles = 0;
}

void zn_doc_free(zn_doc *d) {
  if (!d)
    return;
  zn_doc_clear(d);
  free(d->strings);
  free(d->m);
  free(d->roles);
  for (size_t i = 0; i < d->nplaces; i++)
    free(d->places[i]);
  free(d->places);
  free(d->title);
  free(d->text);
  free(d->name);
  free(d);
}

const char *zn_doc_name(const zn_doc *d) {
  return d->name;
}
const uint32_t *zn_doc_text(const zn_doc *d, size_t *length) {
  *length = d->n;
  return d->text;
}
const char *zn_doc_sha256(const zn_doc *d) {
  return d->sha256;
}
size_t zn_doc_mention_count(const zn_doc *d) {
  return d->nm;
}
const zn_mention *zn_doc_mention(const zn_doc *d, size_t i) {
  return i < d->nm ? &d->m[i] : NULL;
}
const zn_role *zn_doc_role(const zn_doc *d, size_t i) {
  return i < d->nroles ? &d->roles[i] : NULL;
}
const char *zn_doc_title(const zn_doc *d) {
  return d->title;
}
