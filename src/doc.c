/* doc.c: documents: bytes in, original code points and mentions kept. */
#include "doc.h"
#include "decode.h"
#include "sha256.h"
#include "utf8.h"
#include "util.h"

#include <string.h>

zn_doc *zn_doc_new(const char *name, const char *bytes, size_t len, const char *encoding,
                   zn_error *err) {
  size_t n;
  uint32_t *text = zn_decode(name, bytes, len, encoding, &n, err);
  if (!text)
    return NULL;
  zn_doc *d = zn_xcalloc(1, sizeof *d);
  d->name = zn_xstrdup(name);
  d->text = text;
  d->n = n;
  zn_sha256_hex(bytes, len, d->sha256);
  return d;
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
  m->start = start, m->end = end, m->type = type, m->kind = kind, m->cert = cert;
  m->role_org = -1;
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

void zn_doc_clear(zn_doc *d) {
  for (size_t i = 0; i < d->nstrings; i++)
    free(d->strings[i]);
  d->nstrings = 0;
  d->nm = 0;
}

void zn_doc_free(zn_doc *d) {
  if (!d)
    return;
  zn_doc_clear(d);
  free(d->strings);
  free(d->m);
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
