/* tei.c: one TEI P5 document per input: a header, the full original text
 * with the mentions inline (titles in roleName, outside the name), then
 * stand-off annotations with RFC 5147 offsets. It is written as it goes,
 * piece by piece for a long input. Every character of the source is
 * kept in order; characters XML forbids become U+FFFD one for one, so the
 * body's string value lines up with the source. */
#include "doc.h"
#include "utf8.h"
#include "util.h"
#include "view.h"
#include "tei.h"
#include "zhner.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <string.h>

#define W(x) (const xmlChar *)(x)

static int S_xml_ok(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static void S_put(zn_buf *b, uint32_t c) {
  char u[4];
  zn_buf_add(b, u, zn_utf8_put(S_xml_ok(c) ? c : 0xFFFD, u));
}

/* Characters the writer has not flushed yet. */
typedef struct text_out {
  xmlTextWriterPtr w;
  zn_buf pending;
} text_out;

static void S_flush(text_out *o) {
  if (o->pending.len)
    xmlTextWriterWriteString(o->w, W(o->pending.s));
  o->pending.len = 0;
  if (o->pending.s)
    o->pending.s[0] = 0;
}

void zn_tei_encoding_desc(xmlTextWriterPtr w, const char *gazetteer_version) {
  xmlTextWriterStartElement(w, W("encodingDesc"));
  xmlTextWriterStartElement(w, W("appInfo"));
  xmlTextWriterStartElement(w, W("application"));
  xmlTextWriterWriteAttribute(w, W("xml:id"), W("zhner"));
  xmlTextWriterWriteAttribute(w, W("ident"), W("zhner"));
  xmlTextWriterWriteAttribute(w, W("version"), W(ZHNER_VERSION));
  xmlTextWriterWriteElement(w, W("label"), W("zhner"));
  xmlTextWriterStartElement(w, W("desc"));
  xmlTextWriterWriteFormatString(w, "gazetteers %s", gazetteer_version ? gazetteer_version : "?");
  xmlTextWriterEndElement(w);
  xmlTextWriterWriteElement(w, W("desc"),
                            W("基于词典与规则的中文人名、机构名识别；@cert 为识别置信度（0–1）。"));
  xmlTextWriterEndElement(w); /* application */
  xmlTextWriterEndElement(w); /* appInfo */
  xmlTextWriterEndElement(w); /* encodingDesc */
}

static void S_header(xmlTextWriterPtr w, const zn_doc *doc, const char *source_name,
                     const char *gaz_version) {
  const char *title = zn_doc_title(doc);
  xmlTextWriterStartElement(w, W("teiHeader"));
  xmlTextWriterStartElement(w, W("fileDesc"));
  xmlTextWriterStartElement(w, W("titleStmt"));
  xmlTextWriterWriteElement(w, W("title"), W(title));
  xmlTextWriterStartElement(w, W("respStmt"));
  xmlTextWriterWriteElement(w, W("resp"), W("人名、机构名自动识别"));
  xmlTextWriterStartElement(w, W("name"));
  xmlTextWriterWriteAttribute(w, W("type"), W("software"));
  xmlTextWriterWriteString(w, W("zhner " ZHNER_VERSION));
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w); /* respStmt */
  xmlTextWriterEndElement(w); /* titleStmt */
  xmlTextWriterStartElement(w, W("publicationStmt"));
  xmlTextWriterWriteElement(w, W("p"), W("由 zhner 自动生成，未经人工校对。"));
  xmlTextWriterEndElement(w);
  xmlTextWriterStartElement(w, W("sourceDesc"));
  xmlTextWriterStartElement(w, W("bibl"));
  xmlTextWriterWriteElement(w, W("title"), W(title));
  xmlTextWriterStartElement(w, W("idno"));
  xmlTextWriterWriteAttribute(w, W("type"), W("sha256"));
  xmlTextWriterWriteString(w, W(zn_doc_sha256(doc)));
  xmlTextWriterEndElement(w);
  xmlTextWriterStartElement(w, W("idno"));
  xmlTextWriterWriteAttribute(w, W("type"), W("path"));
  xmlTextWriterWriteString(w, W(zn_doc_name(doc)));
  xmlTextWriterEndElement(w);
  xmlTextWriterStartElement(w, W("ptr"));
  xmlTextWriterWriteAttribute(w, W("type"), W("source-text"));
  xmlTextWriterWriteAttribute(w, W("target"), W(source_name));
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w); /* bibl */
  xmlTextWriterEndElement(w); /* sourceDesc */
  xmlTextWriterEndElement(w); /* fileDesc */
  zn_tei_encoding_desc(w, gaz_version);
  xmlTextWriterEndElement(w); /* teiHeader */
}

/* The annotation of each mention of a piece, for the standOff after the
 * text: kept in memory up to ZN_NOTES_MAX bytes, beyond that in a temporary
 * file, so that a long input in pieces needs no more memory than a short. */
#define ZN_NOTES_MAX (1u << 20)

struct zn_tei_out {
  xmlTextWriterPtr w;
  FILE *out;
  char *source_name, *index_name;
  text_out o;   /* the body's characters not yet written */
  int newlines; /* newlines since the last visible character */
  zn_buf notes; /* annotations not yet spilled */
  FILE *spill;  /* annotations spilled, or NULL */
  size_t nnotes;
  int failed;
};

static void S_notes(zn_tei_out *t, const zn_doc *doc) {
  xmlBufferPtr buf = xmlBufferCreate();
  xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
  for (size_t i = 0; i < zn_doc_mention_count(doc); i++) {
    const zn_mention *m = zn_doc_mention(doc, i);
    size_t k = doc->mbase + i + 1;
    xmlTextWriterStartElement(w, W("annotation"));
    xmlTextWriterWriteFormatAttribute(w, W("xml:id"), "a%zu", k);
    xmlTextWriterWriteAttribute(w, W("motivation"), W("identifying"));
    xmlTextWriterWriteFormatAttribute(w, W("target"), "%s#char=%zu,%zu", t->source_name, m->start,
                                      m->end);
    xmlTextWriterWriteFormatAttribute(w, W("cert"), "%.2f", m->cert);
    xmlTextWriterWriteAttribute(w, W("resp"), W("#zhner"));
    xmlTextWriterStartElement(w, W("ptr"));
    xmlTextWriterWriteAttribute(w, W("type"), W("mention"));
    xmlTextWriterWriteFormatAttribute(w, W("target"), "#m%zu", k);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, W("ptr"));
    xmlTextWriterWriteAttribute(w, W("type"), W("entity"));
    xmlTextWriterWriteFormatAttribute(w, W("target"), "%s#%s", t->index_name, m->entity);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
  }
  xmlFreeTextWriter(w);
  zn_buf_add(&t->notes, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
  xmlBufferFree(buf);
  t->nnotes += zn_doc_mention_count(doc);
  if (t->notes.len > ZN_NOTES_MAX) {
    if (!t->spill && !(t->spill = tmpfile()))
      t->failed = 1;
    if (t->spill && fwrite(t->notes.s, 1, t->notes.len, t->spill) != t->notes.len)
      t->failed = 1;
    t->notes.len = 0;
  }
}

/* The standOff: every annotation, the spilled ones first. */
static void S_standoff(zn_tei_out *t) {
  if (t->nnotes == 0)
    return;
  xmlTextWriterStartElement(t->w, W("standOff"));
  xmlTextWriterStartElement(t->w, W("listAnnotation"));
  xmlTextWriterWriteAttribute(t->w, W("type"), W("mentions"));
  if (t->spill) {
    char chunk[1 << 16];
    size_t got;
    rewind(t->spill);
    while ((got = fread(chunk, 1, sizeof chunk, t->spill)) > 0)
      xmlTextWriterWriteRawLen(t->w, W(chunk), (int)got);
    t->failed |= ferror(t->spill) != 0;
  }
  if (t->notes.len)
    xmlTextWriterWriteRawLen(t->w, W(t->notes.s), (int)t->notes.len);
  xmlTextWriterEndElement(t->w);
  xmlTextWriterEndElement(t->w);
}

/* A span of the body: a mention or a role (roleName). */
typedef struct span {
  size_t start, end;
  long mention; /* index of the mention, or -1 for a role */
} span;

static int S_span_cmp(const void *pa, const void *pb) {
  const span *a = pa, *b = pb;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1; /* the outer span first */
  return (a->mention >= 0) - (b->mention >= 0);
}

/* A role is written as roleName when no mention but its own organisation
 * overlaps it. The mentions come in text order and never overlap, so their ends
 * ascend too: the first that may overlap is found by bisection. */
static int S_role_ok(const zn_doc *doc, const zn_role *r) {
  if (r->end <= r->start)
    return 0;
  size_t lo = 0, hi = zn_doc_mention_count(doc);
  while (lo < hi) { /* the first mention that ends after the role starts */
    size_t mid = lo + (hi - lo) / 2;
    if (zn_doc_mention(doc, mid)->end > r->start)
      hi = mid;
    else
      lo = mid + 1;
  }
  for (size_t j = lo; j < zn_doc_mention_count(doc); j++) {
    const zn_mention *o = zn_doc_mention(doc, j);
    if (o->start >= r->end)
      break;
    if ((long)j != r->org || o->start < r->start || o->end > r->end)
      return 0;
  }
  return 1;
}

/* Mentions and the roles that can be written, in document order, outer first. */
static span *S_spans(const zn_doc *doc, size_t *n) {
  size_t nm = zn_doc_mention_count(doc), k = 0, cap = nm;
  for (size_t i = 0; i < nm; i++)
    cap += zn_doc_mention(doc, i)->nroles;
  span *sp = zn_xmalloc((cap + 1) * sizeof *sp);
  for (size_t i = 0; i < nm; i++) {
    const zn_mention *m = zn_doc_mention(doc, i);
    sp[k++] = (span){m->start, m->end, (long)i};
    for (size_t r = 0; r < m->nroles; r++) {
      const zn_role *role = zn_doc_role(doc, m->role_first + r);
      if (S_role_ok(doc, role))
        sp[k++] = (span){role->start, role->end, -1};
    }
  }
  qsort(sp, k, sizeof *sp, S_span_cmp);
  *n = k;
  return sp;
}

static void S_open_mention(xmlTextWriterPtr w, const zn_mention *m, size_t k,
                           const char *index_name) {
  const char *el = m->type == ZN_ORG ? "orgName" : m->kind == ZN_REFERENCE ? "rs" : "persName";
  xmlTextWriterStartElement(w, W(el));
  xmlTextWriterWriteFormatAttribute(w, W("xml:id"), "m%zu", k + 1);
  if (m->kind == ZN_REFERENCE)
    xmlTextWriterWriteAttribute(w, W("type"), W("person"));
  else if (m->org_type)
    xmlTextWriterWriteAttribute(w, W("type"), W(m->org_type));
  xmlTextWriterWriteFormatAttribute(w, W("ref"), "%s#%s", index_name, m->entity);
  xmlTextWriterWriteFormatAttribute(w, W("cert"), "%.2f", m->cert);
  xmlTextWriterWriteAttribute(w, W("resp"), W("#zhner"));
}

static pthread_once_t S_xml_once = PTHREAD_ONCE_INIT;

static void S_xml_init(void) {
  xmlInitParser();
}

void zn_xml_init(void) {
  pthread_once(&S_xml_once, S_xml_init);
}

xmlTextWriterPtr zn_xml_writer(FILE *out) {
  zn_xml_init();
  xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(out, NULL);
  xmlTextWriterPtr w = ob ? xmlNewTextWriter(ob) : NULL;
  if (!w && ob)
    xmlOutputBufferClose(ob);
  return w;
}

zn_tei_out *zn_tei_begin(FILE *out, const zn_doc *doc, const char *source_name,
                         const char *index_name, const char *gazetteer_version) {
  xmlTextWriterPtr w = zn_xml_writer(out);
  if (!w)
    return NULL;
  zn_tei_out *t = zn_xcalloc(1, sizeof *t);
  t->w = w, t->out = out, t->o.w = w;
  t->source_name = zn_xstrdup(source_name);
  t->index_name = zn_xstrdup(index_name);
  xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement(w, W("TEI"));
  xmlTextWriterWriteAttribute(w, W("xmlns"), W("http://www.tei-c.org/ns/1.0"));
  xmlTextWriterWriteAttribute(w, W("xml:lang"), W("zh-Hans"));
  S_header(w, doc, source_name, gazetteer_version);
  xmlTextWriterStartElement(w, W("text"));
  xmlTextWriterStartElement(w, W("body"));
  xmlTextWriterStartElement(w, W("div"));
  xmlTextWriterWriteAttribute(w, W("type"), W("page"));
  xmlTextWriterStartElement(w, W("p"));
  return t;
}

void zn_tei_piece(zn_tei_out *t, const zn_doc *doc) {
  xmlTextWriterPtr w = t->w;
  size_t n, nsp;
  const uint32_t *text = zn_doc_text(doc, &n);
  span *sp = S_spans(doc, &nsp);
  size_t *stack = zn_xmalloc((nsp + 1) * sizeof *stack), depth = 0;
  size_t k = 0; /* next span */
  for (size_t i = 0; i <= n; i++) {
    size_t at = doc->base + i; /* spans are offsets into the whole input */
    while (depth && (sp[stack[depth - 1]].end <= at || i == n)) {
      S_flush(&t->o);
      xmlTextWriterEndElement(w);
      depth--;
    }
    if (i == n)
      break;
    uint32_t c = text[i];
    if (!depth && t->newlines >= 2 && !zn_is_space(c)) {
      S_flush(&t->o); /* a blank line: a new paragraph */
      xmlTextWriterEndElement(w);
      xmlTextWriterStartElement(w, W("p"));
    }
    if (!zn_is_space(c))
      t->newlines = 0;
    for (; k < nsp && sp[k].start == at; k++) {
      if (depth && sp[k].end > sp[stack[depth - 1]].end)
        continue; /* would not nest */
      S_flush(&t->o);
      if (sp[k].mention >= 0) {
        S_open_mention(w, zn_doc_mention(doc, (size_t)sp[k].mention),
                       doc->mbase + (size_t)sp[k].mention, t->index_name);
      } else {
        xmlTextWriterStartElement(w, W("roleName"));
        xmlTextWriterWriteAttribute(w, W("type"), W("office"));
      }
      stack[depth++] = k;
    }
    S_put(&t->o.pending, c);
    if (c == '\n') {
      t->newlines++;
      S_flush(&t->o);
      xmlTextWriterStartElement(w, W("lb"));
      if (depth)
        xmlTextWriterWriteAttribute(w, W("break"), W("no"));
      xmlTextWriterEndElement(w);
    }
  }
  S_flush(&t->o);
  free(stack);
  free(sp);
  S_notes(t, doc);
}

int zn_tei_end(zn_tei_out *t) {
  xmlTextWriterPtr w = t->w;
  S_flush(&t->o);
  xmlTextWriterEndElement(w); /* p */
  xmlTextWriterEndElement(w); /* div */
  xmlTextWriterEndElement(w); /* body */
  xmlTextWriterEndElement(w); /* text */
  S_standoff(t);
  xmlTextWriterEndElement(w); /* TEI */
  int rc = xmlTextWriterEndDocument(w) < 0 || t->failed ? -1 : 0;
  xmlFreeTextWriter(w); /* flushes into out */
  if (fflush(t->out) != 0 || ferror(t->out))
    rc = -1;
  if (t->spill)
    fclose(t->spill);
  zn_buf_free(&t->o.pending);
  zn_buf_free(&t->notes);
  free(t->source_name), free(t->index_name);
  free(t);
  return rc;
}

int zn_write_tei(const zn_doc *doc, const char *source_name, const char *index_name,
                 const char *gazetteer_version, FILE *out) {
  zn_tei_out *t = zn_tei_begin(out, doc, source_name, index_name, gazetteer_version);
  if (!t)
    return -1;
  zn_tei_piece(t, doc);
  return zn_tei_end(t);
}
