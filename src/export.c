/* export.c: TSV and JSONL from the same mentions (code points, end exclusive). */
#include "zhner.h"

#include <string.h>

static const char *S_type(const zn_mention *m) {
  return m->type == ZN_PER ? "PER" : "ORG";
}

/* Writes s with TAB, CR and LF as spaces, so a field never breaks a row. */
static void S_tsv_field(FILE *out, const char *s) {
  for (; *s; s++)
    fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

int zn_write_tsv(const zn_doc *doc, FILE *out, int header) {
  if (header)
    fputs("doc\tstart\tend\ttype\ttext\tentity\n", out);
  for (size_t i = 0; i < zn_doc_mention_count(doc); i++) {
    const zn_mention *m = zn_doc_mention(doc, i);
    S_tsv_field(out, zn_doc_name(doc));
    fprintf(out, "\t%zu\t%zu\t%s\t", m->start, m->end, S_type(m));
    S_tsv_field(out, m->text);
    fputc('\t', out);
    S_tsv_field(out, m->entity);
    fputc('\n', out);
  }
  return ferror(out) ? -1 : 0;
}

static void S_json_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c == '\n')
      fputs("\\n", out);
    else if (c == '\t')
      fputs("\\t", out);
    else if (c == '\r')
      fputs("\\r", out);
    else if (c < 0x20)
      fprintf(out, "\\u%04x", c);
    else
      fputc(c, out);
  }
  fputc('"', out);
}

/* One mention as a JSON object, with the document's name first if with_doc. */
static void S_mention_json(const zn_doc *doc, const zn_mention *m, int with_doc, FILE *out) {
  fputc('{', out);
  if (with_doc) {
    fputs("\"doc\":", out);
    S_json_string(out, zn_doc_name(doc));
    fputc(',', out);
  }
  fprintf(out, "\"start\":%zu,\"end\":%zu,\"type\":\"%s\",\"kind\":\"%s\",\"text\":", m->start,
          m->end, S_type(m), m->kind == ZN_REFERENCE ? "reference" : "name");
  S_json_string(out, m->text);
  fputs(",\"entity\":", out);
  S_json_string(out, m->entity);
  fputs(",\"canonical\":", out);
  S_json_string(out, m->canonical);
  fprintf(out, ",\"cert\":%.2f", m->cert);
  if (m->org_type) {
    fputs(",\"org_type\":", out);
    S_json_string(out, m->org_type);
  }
  if (m->unresolved)
    fputs(",\"unresolved\":true", out);
  if (m->nroles) {
    fputs(",\"roles\":[", out);
    for (size_t r = 0; r < m->nroles; r++) {
      const zn_role *role = zn_doc_role(doc, m->role_first + r);
      fprintf(out, "%s{\"start\":%zu,\"end\":%zu,\"text\":", r ? "," : "", role->start, role->end);
      S_json_string(out, role->text);
      fputs(",\"title\":", out);
      S_json_string(out, role->title);
      if (role->org >= 0) {
        fputs(",\"org\":", out);
        S_json_string(out, zn_doc_mention(doc, (size_t)role->org)->entity);
      }
      fputc('}', out);
    }
    fputc(']', out);
  }
  fputc('}', out);
}

int zn_write_jsonl(const zn_doc *doc, FILE *out) {
  for (size_t i = 0; i < zn_doc_mention_count(doc); i++) {
    S_mention_json(doc, zn_doc_mention(doc, i), 1, out);
    fputc('\n', out);
  }
  return ferror(out) ? -1 : 0;
}

int zn_write_json_doc(const zn_doc *doc, FILE *out) {
  fputs("{\"id\":", out);
  S_json_string(out, zn_doc_name(doc));
  fputs(",\"mentions\":[", out);
  for (size_t i = 0; i < zn_doc_mention_count(doc); i++) {
    if (i)
      fputc(',', out);
    S_mention_json(doc, zn_doc_mention(doc, i), 0, out);
  }
  fputs("]}\n", out);
  return ferror(out) ? -1 : 0;
}

void zn_write_json_error(const char *id, const char *message, FILE *out) {
  fputs("{\"id\":", out);
  S_json_string(out, id);
  fputs(",\"error\":", out);
  S_json_string(out, message);
  fputs("}\n", out);
}
