/* index.c: the corpus index (index.xml): one person or org per entity of all
 * documents, with name variants, roles and affiliations per document, and
 * pointers to every mention. Kept as data, written sorted (documents by
 * name, entities by id, pointers by document and mention), so that the file
 * depends only on the set of documents; read back, a written index gives the
 * same data, which is how shards merge. */
#include "doc.h"
#include "tei.h"
#include "util.h"
#include "zhner.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <uthash.h>

#define W(x) (const xmlChar *)(x)

typedef struct ix_doc {
  UT_hash_handle hh;
  char *name, *title, *source, *sha256;
  size_t rank; /* position in name order, set before writing */
} ix_doc;

typedef struct ix_ptr {
  ix_doc *doc;
  size_t m; /* mention number, 1-based: NAME.xml#mM */
} ix_ptr;

/* A list of pointers: those in memory, and blocks of them in the index's
 * spill file (file offsets). */
typedef struct ix_ptrs {
  ix_ptr *p;
  size_t n, cap;
  long long *blocks;
  size_t nblocks;
} ix_ptrs;

/* A role of a person in one document: an office (occupation) and, when its
 * title names an organisation, an affiliation with it. */
typedef struct ix_role {
  ix_doc *doc;
  char *text;               /* 市委书记 */
  char *title;              /* 书记, or NULL without an organisation */
  char *org_ref, *org_text; /* the organisation's entity id and its text, or NULL */
  ix_ptrs persons, orgs;    /* the mentions that carry it */
} ix_role;

typedef struct ix_entity {
  UT_hash_handle hh;
  char *id;
  int org, reference, unresolved;
  char *main, *org_type;
  char **variants;
  size_t nvariants;
  ix_ptrs ptrs;
  ix_role *roles;
  size_t nroles;
} ix_entity;

/* Pointers in memory, all lists together, before the index spills them
 * (ZHNER_INDEX_SPILL sets it: for tests); then each list keeps at most
 * ZN_SPILL_BLOCK in memory and writes the rest to a temporary file as blocks,
 * so that memory does not grow with the number of mentions. */
#define ZN_SPILL_AT (1u << 20)
#define ZN_SPILL_BLOCK 32

struct zn_index {
  FILE *spill; /* the blocks of every list, once spilling */
  size_t inmem, spill_at;
  ix_doc *docs;
  ix_doc **order; /* in the order added */
  size_t norder, caporder;
  ix_entity *entities;
  char *gazetteer_version; /* from an index read back */
};

zn_index *zn_index_new(void) {
  zn_index *ix = zn_xcalloc(1, sizeof(zn_index));
  const char *at = getenv("ZHNER_INDEX_SPILL");
  ix->spill_at = at && atol(at) > 0 ? (size_t)atol(at) : ZN_SPILL_AT;
  return ix;
}

/* ---- pointer lists, in memory or spilled ---- */

/* Writes the pointers of ps in memory as one block of the spill file. */
static void S_ptrs_flush(zn_index *ix, ix_ptrs *ps) {
  if (!ps->n || fseeko(ix->spill, 0, SEEK_END) != 0)
    return;
  long long at = (long long)ftello(ix->spill);
  uint32_t n = (uint32_t)ps->n;
  if (fwrite(&n, sizeof n, 1, ix->spill) != 1 ||
      fwrite(ps->p, sizeof *ps->p, ps->n, ix->spill) != ps->n)
    abort(); /* the temporary folder is full: like running out of memory */
  ps->blocks = zn_xrealloc(ps->blocks, (ps->nblocks + 1) * sizeof *ps->blocks);
  ps->blocks[ps->nblocks++] = at;
  ix->inmem -= ps->n;
  ps->n = 0;
}

/* Every pointer list of the index. */
static void S_each_list(zn_index *ix, void (*fn)(zn_index *, ix_ptrs *));

/* Starts spilling (if a temporary file can be made; else stays in memory). */
static void S_spill_all(zn_index *ix) {
  if (!(ix->spill = tmpfile()))
    return;
  S_each_list(ix, S_ptrs_flush);
}

/* Adds a pointer to a list of the index, or to a list of no index (ix NULL).
 * One just added is not added again; S_ptrs_sort drops other repeats. */
static void S_ptrs_add(zn_index *ix, ix_ptrs *ps, ix_doc *doc, size_t m) {
  if (ps->n && ps->p[ps->n - 1].doc == doc && ps->p[ps->n - 1].m == m)
    return;
  zn_grow(&ps->p, &ps->cap, ps->n + 1, sizeof *ps->p);
  ps->p[ps->n++] = (ix_ptr){doc, m};
  if (!ix)
    return;
  ix->inmem++;
  if (ix->spill && ps->n >= ZN_SPILL_BLOCK)
    S_ptrs_flush(ix, ps);
  else if (!ix->spill && ix->inmem > ix->spill_at)
    S_spill_all(ix);
}

/* Brings the spilled pointers of ps back into memory. */
static void S_ptrs_gather(zn_index *ix, ix_ptrs *ps) {
  for (size_t b = 0; b < ps->nblocks; b++) {
    uint32_t n;
    if (fseeko(ix->spill, (off_t)ps->blocks[b], SEEK_SET) != 0 ||
        fread(&n, sizeof n, 1, ix->spill) != 1)
      abort();
    zn_grow(&ps->p, &ps->cap, ps->n + n, sizeof *ps->p);
    if (fread(ps->p + ps->n, sizeof *ps->p, n, ix->spill) != n)
      abort();
    ps->n += n;
    ix->inmem += n;
  }
  free(ps->blocks);
  ps->blocks = NULL, ps->nblocks = 0;
}

/* After work on one entity in memory: its lists go back to the file. */
static void S_ptrs_respill(zn_index *ix, ix_ptrs *ps) {
  if (ix->spill && ps->n >= ZN_SPILL_BLOCK)
    S_ptrs_flush(ix, ps);
}

static void S_ptrs_free(ix_ptrs *ps) {
  free(ps->p), free(ps->blocks);
}

static char *S_dup(const char *s) {
  return s ? zn_xstrdup(s) : NULL;
}

static int S_eq(const char *a, const char *b) {
  return a == b || (a && b && !strcmp(a, b));
}

static void S_role_free(ix_role *r) {
  free(r->text), free(r->title), free(r->org_ref), free(r->org_text);
  S_ptrs_free(&r->persons), S_ptrs_free(&r->orgs);
}

static void S_entity_free(ix_entity *e) {
  for (size_t i = 0; i < e->nvariants; i++)
    free(e->variants[i]);
  for (size_t i = 0; i < e->nroles; i++)
    S_role_free(&e->roles[i]);
  free(e->roles), free(e->variants);
  S_ptrs_free(&e->ptrs);
  free(e->id), free(e->main), free(e->org_type);
  free(e);
}

static void S_doc_free(ix_doc *d) {
  free(d->name), free(d->title), free(d->source), free(d->sha256);
  free(d);
}

void zn_index_free(zn_index *ix) {
  if (!ix)
    return;
  ix_entity *e, *te;
  HASH_ITER(hh, ix->entities, e, te) {
    HASH_DEL(ix->entities, e);
    S_entity_free(e);
  }
  ix_doc *d, *td;
  HASH_ITER(hh, ix->docs, d, td) {
    HASH_DEL(ix->docs, d);
    S_doc_free(d);
  }
  free(ix->gazetteer_version);
  free(ix->order);
  if (ix->spill)
    fclose(ix->spill);
  free(ix);
}

static ix_doc *S_doc_add(zn_index *ix, const char *name, const char *title, const char *source,
                         const char *sha256, zn_error *err) {
  ix_doc *d;
  HASH_FIND_STR(ix->docs, name, d);
  if (d) {
    zn_fail(err, ZN_ERR_USAGE, source, 0, 0, -1,
            "a document named '%s' is in the index already (from %s)", name, d->source);
    return NULL;
  }
  d = zn_xcalloc(1, sizeof *d);
  d->name = zn_xstrdup(name);
  d->title = zn_xstrdup(title ? title : name);
  d->source = zn_xstrdup(source ? source : name);
  d->sha256 = zn_xstrdup(sha256 ? sha256 : "");
  HASH_ADD_KEYPTR(hh, ix->docs, d->name, strlen(d->name), d);
  zn_grow(&ix->order, &ix->caporder, ix->norder + 1, sizeof *ix->order);
  ix->order[ix->norder++] = d;
  return d;
}

static ix_entity *S_entity(zn_index *ix, const char *id) {
  ix_entity *e;
  HASH_FIND_STR(ix->entities, id, e);
  if (!e) {
    e = zn_xcalloc(1, sizeof *e);
    e->id = zn_xstrdup(id);
    e->org = !strncmp(id, "org-", 4);
    e->reference = !strncmp(id, "ref-", 4);
    HASH_ADD_KEYPTR(hh, ix->entities, e->id, strlen(e->id), e);
  }
  return e;
}

static void S_variant(ix_entity *e, const char *s) {
  for (size_t i = 0; i < e->nvariants; i++)
    if (!strcmp(e->variants[i], s))
      return;
  e->variants = zn_xrealloc(e->variants, (e->nvariants + 1) * sizeof *e->variants);
  e->variants[e->nvariants++] = zn_xstrdup(s);
}

static ix_role *S_role(ix_entity *e, ix_doc *doc, const char *text, const char *org_ref) {
  for (size_t i = 0; i < e->nroles; i++)
    if (e->roles[i].doc == doc && !strcmp(e->roles[i].text, text) &&
        S_eq(e->roles[i].org_ref, org_ref))
      return &e->roles[i];
  e->roles = zn_xrealloc(e->roles, (e->nroles + 1) * sizeof *e->roles);
  ix_role *r = &e->roles[e->nroles++];
  memset(r, 0, sizeof *r);
  r->doc = doc, r->text = zn_xstrdup(text), r->org_ref = S_dup(org_ref);
  return r;
}

int zn_index_add(zn_index *ix, const zn_doc *doc, const char *name, const char *source_path,
                 zn_error *err) {
  ix_doc *d = NULL;
  if (doc->mbase) /* a later piece of a long input: the document is in */
    HASH_FIND_STR(ix->docs, name, d);
  else
    d = S_doc_add(ix, name, zn_doc_title(doc), source_path, zn_doc_sha256(doc), err);
  if (!d)
    return doc->mbase ? zn_fail(err, ZN_ERR_USAGE, source_path, 0, 0, -1,
                                "a later piece of '%s' before its first", name)
                      : -1;
  size_t mb = doc->mbase;
  for (size_t i = 0; i < zn_doc_mention_count(doc); i++) {
    const zn_mention *m = zn_doc_mention(doc, i);
    ix_entity *e = S_entity(ix, m->entity);
    if (!e->main)
      e->main = zn_xstrdup(m->canonical);
    if (!e->org_type && m->org_type)
      e->org_type = zn_xstrdup(m->org_type);
    e->unresolved |= m->unresolved;
    S_variant(e, m->text);
    S_ptrs_add(ix, &e->ptrs, d, mb + i + 1);
    for (size_t k = 0; k < m->nroles; k++) {
      const zn_role *role = zn_doc_role(doc, m->role_first + k);
      const zn_mention *org = role->org >= 0 ? zn_doc_mention(doc, (size_t)role->org) : NULL;
      ix_role *r = S_role(e, d, role->text, org ? org->entity : NULL);
      S_ptrs_add(ix, &r->persons, d, mb + i + 1);
      if (org) {
        if (!r->title)
          r->title = zn_xstrdup(role->title), r->org_text = zn_xstrdup(org->text);
        S_ptrs_add(ix, &r->orgs, d, mb + (size_t)role->org + 1);
      }
    }
  }
  return 0;
}

/* Calls fn on each pointer list of e. */
static void S_entity_lists(zn_index *ix, ix_entity *e, void (*fn)(zn_index *, ix_ptrs *)) {
  fn(ix, &e->ptrs);
  for (size_t i = 0; i < e->nroles; i++) {
    fn(ix, &e->roles[i].persons);
    fn(ix, &e->roles[i].orgs);
  }
}

static void S_each_list(zn_index *ix, void (*fn)(zn_index *, ix_ptrs *)) {
  ix_entity *e, *te;
  HASH_ITER(hh, ix->entities, e, te) {
    S_entity_lists(ix, e, fn);
  }
}

/* Drops the pointers into doc. */
static void S_ptrs_drop(ix_ptrs *ps, const ix_doc *doc) {
  size_t k = 0;
  for (size_t i = 0; i < ps->n; i++)
    if (ps->p[i].doc != doc)
      ps->p[k++] = ps->p[i];
  ps->n = k;
}

void zn_index_remove(zn_index *ix, const char *name) {
  ix_doc *d;
  HASH_FIND_STR(ix->docs, name, d);
  if (!d)
    return;
  ix_entity *e, *te;
  HASH_ITER(hh, ix->entities, e, te) {
    if (ix->spill)
      S_entity_lists(ix, e, S_ptrs_gather);
    S_ptrs_drop(&e->ptrs, d);
    size_t k = 0;
    for (size_t i = 0; i < e->nroles; i++) {
      if (e->roles[i].doc == d) {
        S_role_free(&e->roles[i]);
        continue;
      }
      S_ptrs_drop(&e->roles[i].persons, d);
      S_ptrs_drop(&e->roles[i].orgs, d);
      e->roles[k++] = e->roles[i];
    }
    e->nroles = k;
    if (e->ptrs.n == 0) {
      HASH_DEL(ix->entities, e);
      S_entity_free(e);
    } else if (ix->spill) {
      S_entity_lists(ix, e, S_ptrs_respill);
    }
  }
  size_t k = 0;
  for (size_t i = 0; i < ix->norder; i++)
    if (ix->order[i] != d)
      ix->order[k++] = ix->order[i];
  ix->norder = k;
  HASH_DEL(ix->docs, d);
  S_doc_free(d);
}

/* ---- writing ---- */

static int S_ptr_cmp(const void *pa, const void *pb) {
  const ix_ptr *a = pa, *b = pb;
  if (a->doc->rank != b->doc->rank)
    return a->doc->rank < b->doc->rank ? -1 : 1;
  return a->m < b->m ? -1 : a->m > b->m;
}

static int S_str_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_doc_cmp(const void *a, const void *b) {
  return strcmp((*(ix_doc *const *)a)->name, (*(ix_doc *const *)b)->name);
}

static int S_entity_cmp(const void *pa, const void *pb) {
  const ix_entity *a = *(ix_entity *const *)pa, *b = *(ix_entity *const *)pb;
  return strcmp(a->id, b->id);
}

static int S_role_cmp(const void *pa, const void *pb) {
  const ix_role *a = pa, *b = pb;
  int c = S_ptr_cmp(&a->persons.p[0], &b->persons.p[0]);
  if (c)
    return c;
  if ((c = strcmp(a->text, b->text)))
    return c;
  return strcmp(a->org_ref ? a->org_ref : "", b->org_ref ? b->org_ref : "");
}

/* URI-escapes what may not stand in a URI reference (space, %, #, quotes…). */
static void S_uri(zn_buf *b, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c <= 0x20 || c == 0x7F || strchr("%#\"<>\\^`{|}", c))
      zn_buf_printf(b, "%%%02X", c);
    else
      zn_buf_add(b, (const char *)&c, 1);
  }
}

/* The pointers [from, to) of ps as a target list. */
static void S_ptr_target(zn_buf *b, const ix_ptrs *ps, size_t from, size_t to) {
  for (size_t i = from; i < to; i++) {
    if (i > from)
      zn_buf_add(b, " ", 1);
    S_uri(b, ps->p[i].doc->name);
    zn_buf_printf(b, ".xml#m%zu", ps->p[i].m);
  }
}

static void S_attr_buf(xmlTextWriterPtr w, const char *name, zn_buf *b) {
  xmlTextWriterWriteAttribute(w, W(name), W(b->s ? b->s : ""));
  b->len = 0;
  if (b->s)
    b->s[0] = 0;
}

static void S_typed(xmlTextWriterPtr w, const char *el, const char *type, const char *text) {
  xmlTextWriterStartElement(w, W(el));
  if (type)
    xmlTextWriterWriteAttribute(w, W("type"), W(type));
  xmlTextWriterWriteString(w, W(text));
  xmlTextWriterEndElement(w);
}

/* qsort, which may not be given a NULL array even of no elements. */
static void S_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  if (n > 1)
    qsort(base, n, size, cmp);
}

/* Sorts ps (documents in name order, mentions in order) without repeats. */
static void S_ptrs_sort(ix_ptrs *ps) {
  S_sort(ps->p, ps->n, sizeof *ps->p, S_ptr_cmp);
  size_t k = 0;
  for (size_t i = 0; i < ps->n; i++)
    if (!k || S_ptr_cmp(&ps->p[k - 1], &ps->p[i]) != 0)
      ps->p[k++] = ps->p[i];
  ps->n = k;
}

static void S_sort_entity(ix_entity *e) {
  S_ptrs_sort(&e->ptrs);
  S_sort(e->variants, e->nvariants, sizeof *e->variants, S_str_cmp);
  for (size_t i = 0; i < e->nroles; i++) {
    S_ptrs_sort(&e->roles[i].persons);
    S_ptrs_sort(&e->roles[i].orgs);
  }
  S_sort(e->roles, e->nroles, sizeof *e->roles, S_role_cmp);
}

/* One ptr type="mentions" per document, in document order. */
static void S_mention_ptrs(xmlTextWriterPtr w, const ix_entity *e, zn_buf *b) {
  for (size_t i = 0, j; i < e->ptrs.n; i = j) {
    for (j = i + 1; j < e->ptrs.n && e->ptrs.p[j].doc == e->ptrs.p[i].doc;)
      j++;
    xmlTextWriterStartElement(w, W("ptr"));
    xmlTextWriterWriteAttribute(w, W("type"), W("mentions"));
    S_ptr_target(b, &e->ptrs, i, j);
    S_attr_buf(w, "target", b);
    xmlTextWriterEndElement(w);
  }
}

static void S_write_person(xmlTextWriterPtr w, const ix_entity *e, zn_buf *b) {
  xmlTextWriterStartElement(w, W("person"));
  xmlTextWriterWriteAttribute(w, W("xml:id"), W(e->id));
  S_typed(w, "persName", e->reference ? "reference" : "main", e->main);
  for (size_t i = 0; i < e->nvariants; i++)
    if (strcmp(e->variants[i], e->main))
      S_typed(w, "persName", "variant", e->variants[i]);
  for (size_t i = 0; i < e->nroles; i++) {
    const ix_role *r = &e->roles[i];
    xmlTextWriterStartElement(w, W("occupation"));
    S_ptr_target(b, &r->persons, 0, r->persons.n);
    S_attr_buf(w, "source", b);
    xmlTextWriterWriteString(w, W(r->text));
    xmlTextWriterEndElement(w);
    if (!r->org_ref)
      continue;
    xmlTextWriterStartElement(w, W("affiliation"));
    zn_buf_printf(b, "#%s", r->org_ref);
    S_attr_buf(w, "ref", b);
    ix_ptrs all = {0};
    for (size_t k = 0; k < r->orgs.n; k++)
      S_ptrs_add(NULL, &all, r->orgs.p[k].doc, r->orgs.p[k].m);
    for (size_t k = 0; k < r->persons.n; k++)
      S_ptrs_add(NULL, &all, r->persons.p[k].doc, r->persons.p[k].m);
    S_ptrs_sort(&all);
    S_ptr_target(b, &all, 0, all.n);
    free(all.p);
    S_attr_buf(w, "source", b);
    S_typed(w, "orgName", NULL, r->org_text);
    S_typed(w, "roleName", "office", r->title);
    xmlTextWriterEndElement(w);
  }
  S_mention_ptrs(w, e, b);
  xmlTextWriterEndElement(w);
}

static void S_write_org(xmlTextWriterPtr w, const ix_entity *e, zn_buf *b) {
  xmlTextWriterStartElement(w, W("org"));
  xmlTextWriterWriteAttribute(w, W("xml:id"), W(e->id));
  if (e->org_type)
    xmlTextWriterWriteAttribute(w, W("type"), W(e->org_type));
  S_typed(w, "orgName", e->unresolved ? "short" : "full", e->main);
  for (size_t i = 0; i < e->nvariants; i++)
    if (strcmp(e->variants[i], e->main))
      S_typed(w, "orgName", "variant", e->variants[i]);
  if (e->unresolved)
    S_typed(w, "note", "resolution",
            "unresolved: a short form whose place the document does not name");
  S_mention_ptrs(w, e, b);
  xmlTextWriterEndElement(w);
}

static void S_write_header(xmlTextWriterPtr w, ix_doc **docs, size_t nd, const char *version) {
  xmlTextWriterStartElement(w, W("teiHeader"));
  xmlTextWriterStartElement(w, W("fileDesc"));
  xmlTextWriterStartElement(w, W("titleStmt"));
  xmlTextWriterWriteElement(w, W("title"), W("人名、机构名索引"));
  xmlTextWriterStartElement(w, W("respStmt"));
  xmlTextWriterWriteElement(w, W("resp"), W("人名、机构名自动识别与归并"));
  S_typed(w, "name", "software", "zhner " ZHNER_VERSION);
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w); /* titleStmt */
  xmlTextWriterStartElement(w, W("publicationStmt"));
  xmlTextWriterStartElement(w, W("p"));
  xmlTextWriterWriteFormatString(w, "由 zhner 对 %zu 篇文档处理后自动生成，未经人工校对。", nd);
  xmlTextWriterEndElement(w);
  xmlTextWriterEndElement(w);
  xmlTextWriterStartElement(w, W("sourceDesc"));
  if (nd == 0) {
    xmlTextWriterWriteElement(w, W("p"), W("没有文档。"));
  } else {
    xmlTextWriterStartElement(w, W("listBibl"));
    zn_buf b = {0};
    for (size_t i = 0; i < nd; i++) {
      xmlTextWriterStartElement(w, W("bibl"));
      xmlTextWriterStartElement(w, W("title"));
      xmlTextWriterWriteAttribute(w, W("level"), W("a"));
      xmlTextWriterWriteString(w, W(docs[i]->title));
      xmlTextWriterEndElement(w);
      S_typed(w, "idno", "sha256", docs[i]->sha256);
      xmlTextWriterStartElement(w, W("ptr"));
      xmlTextWriterWriteAttribute(w, W("type"), W("tei"));
      S_uri(&b, docs[i]->name);
      zn_buf_puts(&b, ".xml");
      S_attr_buf(w, "target", &b);
      xmlTextWriterEndElement(w);
      xmlTextWriterStartElement(w, W("ptr"));
      xmlTextWriterWriteAttribute(w, W("type"), W("source-text"));
      S_uri(&b, docs[i]->source);
      S_attr_buf(w, "target", &b);
      xmlTextWriterEndElement(w);
      xmlTextWriterEndElement(w);
    }
    zn_buf_free(&b);
    xmlTextWriterEndElement(w); /* listBibl */
  }
  xmlTextWriterEndElement(w); /* sourceDesc */
  xmlTextWriterEndElement(w); /* fileDesc */
  zn_tei_encoding_desc(w, version);
  xmlTextWriterEndElement(w); /* teiHeader */
}

/* One entity: its pointers gathered from the spill file, sorted, written,
 * and spilled again, so that one entity at a time is in memory whole. The
 * index is the same afterwards, hence const to the caller. */
static void S_write_entity(const zn_index *cix, xmlTextWriterPtr w, ix_entity *e, zn_buf *b) {
  zn_index *ix = (zn_index *)cix;
  if (ix->spill)
    S_entity_lists(ix, e, S_ptrs_gather);
  S_sort_entity(e);
  (e->org ? S_write_org : S_write_person)(w, e, b);
  if (ix->spill)
    S_entity_lists(ix, e, S_ptrs_respill);
}

int zn_index_write(const zn_index *ix, const char *version, FILE *out) {
  size_t nd = HASH_COUNT(ix->docs), ne = HASH_COUNT(ix->entities), np = 0;
  ix_doc **docs = zn_xmalloc((nd + 1) * sizeof *docs), *d, *td;
  size_t k = 0;
  HASH_ITER(hh, ix->docs, d, td) {
    docs[k++] = d;
  }
  S_sort(docs, nd, sizeof *docs, S_doc_cmp);
  for (size_t i = 0; i < nd; i++)
    docs[i]->rank = i;
  ix_entity **es = zn_xmalloc((ne + 1) * sizeof *es), *e, *te;
  k = 0;
  HASH_ITER(hh, ix->entities, e, te) {
    es[k++] = e;
    np += !e->org;
  }
  S_sort(es, ne, sizeof *es, S_entity_cmp);

  xmlTextWriterPtr w = zn_xml_writer(out);
  if (!w) {
    free(docs), free(es);
    return -1;
  }
  xmlTextWriterSetIndent(w, 1);
  xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement(w, W("TEI"));
  xmlTextWriterWriteAttribute(w, W("xmlns"), W("http://www.tei-c.org/ns/1.0"));
  xmlTextWriterWriteAttribute(w, W("xml:lang"), W("zh-Hans"));
  S_write_header(w, docs, nd, version ? version : ix->gazetteer_version);
  zn_buf b = {0};
  if (ne) {
    xmlTextWriterStartElement(w, W("standOff"));
    for (int org = 0; org < 2; org++) {
      if ((org && np == ne) || (!org && np == 0))
        continue;
      xmlTextWriterStartElement(w, W(org ? "listOrg" : "listPerson"));
      for (size_t i = 0; i < ne; i++)
        if (es[i]->org == org)
          S_write_entity(ix, w, es[i], &b);
      xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndElement(w);
  } else {
    xmlTextWriterStartElement(w, W("text"));
    xmlTextWriterStartElement(w, W("body"));
    xmlTextWriterWriteElement(w, W("p"), W("没有找到人名或机构名。"));
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
  }
  zn_buf_free(&b);
  xmlTextWriterEndElement(w);
  int rc = xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
  xmlFreeTextWriter(w); /* flushes into out */
  if (fflush(out) != 0 || ferror(out))
    rc = -1;
  free(docs);
  free(es);
  return rc;
}

size_t zn_index_doc_count(const zn_index *ix) {
  return HASH_COUNT(ix->docs);
}

const char *zn_index_doc_name(const zn_index *ix, size_t i) {
  return i < ix->norder ? ix->order[i]->name : NULL;
}

size_t zn_index_entity_count(const zn_index *ix) {
  return HASH_COUNT(ix->entities);
}

/* ---- reading back ---- */

static int S_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static char *S_attr(const xmlNode *n, const char *name) {
  xmlChar *v = xmlGetProp(n, W(name));
  char *s = v ? zn_xstrdup((const char *)v) : NULL;
  xmlFree(v);
  return s;
}

static char *S_id(const xmlNode *n) {
  xmlChar *v = xmlGetNsProp(n, W("id"), XML_XML_NAMESPACE);
  char *s = v ? zn_xstrdup((const char *)v) : NULL;
  xmlFree(v);
  return s;
}

static char *S_content(const xmlNode *n) {
  xmlChar *v = xmlNodeGetContent(n);
  char *s = zn_xstrdup(v ? (const char *)v : "");
  xmlFree(v);
  return s;
}

static char *S_unescape(const char *s, size_t len) {
  char *u = xmlURIUnescapeString(s, (int)len, NULL);
  char *r = zn_xstrdup(u ? u : "");
  xmlFree(u);
  return r;
}

/* Parses "NAME.xml#mM ..." into ps; returns -1 on a malformed pointer or an
 * unknown document. */
static int S_read_ptrs(zn_index *ix, const char *targets, ix_ptrs *ps) {
  for (const char *p = targets; p && *p;) {
    while (*p == ' ')
      p++;
    const char *end = strchr(p, ' ');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (!len)
      break;
    const char *hash = memchr(p, '#', len);
    if (!hash || hash - p < 4 || memcmp(hash - 4, ".xml", 4) || hash[1] != 'm')
      return -1;
    char *name = S_unescape(p, (size_t)(hash - 4 - p));
    ix_doc *d;
    HASH_FIND_STR(ix->docs, name, d);
    free(name);
    char *stop;
    size_t m = strtoul(hash + 2, &stop, 10);
    if (!d || stop != p + len || m == 0)
      return -1;
    S_ptrs_add(NULL, ps, d, m);
    p += len;
  }
  return 0;
}

static int S_read_docs(zn_index *ix, const char *path, xmlNode *list, zn_error *err) {
  for (xmlNode *b = list->children; b; b = b->next) {
    if (!S_is(b, "bibl"))
      continue;
    char *title = NULL, *sha = NULL, *name = NULL, *source = NULL;
    for (xmlNode *c = b->children; c; c = c->next) {
      char *type = S_is(c, "ptr") || S_is(c, "idno") ? S_attr(c, "type") : NULL;
      if (S_is(c, "title") && !title)
        title = S_content(c);
      else if (S_is(c, "idno") && type && !strcmp(type, "sha256"))
        free(sha), sha = S_content(c);
      else if (S_is(c, "ptr") && type) {
        char *t = S_attr(c, "target");
        size_t tl = t ? strlen(t) : 0;
        if (!strcmp(type, "tei") && tl > 4 && !strcmp(t + tl - 4, ".xml"))
          free(name), name = S_unescape(t, tl - 4);
        else if (!strcmp(type, "source-text") && t)
          free(source), source = S_unescape(t, tl);
        free(t);
      }
      free(type);
    }
    int ok = name && S_doc_add(ix, name, title, source, sha, err);
    if (!name)
      zn_fail(err, ZN_ERR_DATA, path, b->line, 0, -1, "bibl without ptr type=\"tei\"");
    free(title), free(sha), free(name), free(source);
    if (!ok)
      return -1;
  }
  return 0;
}

static int S_read_entity(zn_index *ix, const char *path, xmlNode *n, zn_error *err) {
  char *id = S_id(n);
  if (!id)
    return zn_fail(err, ZN_ERR_DATA, path, n->line, 0, -1, "entity without xml:id");
  ix_entity *e = S_entity(ix, id);
  free(id);
  int rc = 0;
  if (S_is(n, "org") && !e->org_type)
    e->org_type = S_attr(n, "type");
  ix_role *last = NULL;
  for (xmlNode *c = n->children; c && rc == 0; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    char *type = S_attr(c, "type"), *text = S_content(c);
    if (S_is(c, "persName") || S_is(c, "orgName")) {
      int main = type && (!strcmp(type, "main") || !strcmp(type, "reference") ||
                          !strcmp(type, "full") || !strcmp(type, "short"));
      if (main && !e->main)
        e->main = zn_xstrdup(text);
      e->unresolved |= S_is(c, "orgName") && type && !strcmp(type, "short");
      S_variant(e, text);
    } else if (S_is(c, "occupation")) {
      char *src = S_attr(c, "source");
      ix_ptrs ps = {0};
      rc = S_read_ptrs(ix, src, &ps);
      if (rc == 0 && ps.n) {
        last = S_role(e, ps.p[0].doc, text, NULL);
        for (size_t i = 0; i < ps.n; i++)
          S_ptrs_add(ix, &last->persons, ps.p[i].doc, ps.p[i].m);
      }
      free(ps.p), free(src);
    } else if (S_is(c, "affiliation") && last) {
      char *ref = S_attr(c, "ref"), *src = S_attr(c, "source");
      ix_ptrs ps = {0};
      rc = ref && ref[0] == '#' ? S_read_ptrs(ix, src, &ps) : -1;
      if (rc == 0) {
        free(last->org_ref);
        last->org_ref = zn_xstrdup(ref + 1);
        for (xmlNode *a = c->children; a; a = a->next)
          if (S_is(a, "orgName") && !last->org_text)
            last->org_text = S_content(a);
          else if (S_is(a, "roleName") && !last->title)
            last->title = S_content(a);
        for (size_t i = 0; i < ps.n; i++) {
          int person = 0;
          for (size_t k = 0; k < last->persons.n; k++)
            person |= last->persons.p[k].doc == ps.p[i].doc && last->persons.p[k].m == ps.p[i].m;
          if (!person)
            S_ptrs_add(ix, &last->orgs, ps.p[i].doc, ps.p[i].m);
        }
      }
      free(ps.p), free(ref), free(src);
    } else if (S_is(c, "ptr") && type && !strcmp(type, "mentions")) {
      char *t = S_attr(c, "target");
      ix_ptrs ps = {0};
      rc = S_read_ptrs(ix, t, &ps);
      for (size_t i = 0; rc == 0 && i < ps.n; i++)
        S_ptrs_add(ix, &e->ptrs, ps.p[i].doc, ps.p[i].m);
      free(ps.p), free(t);
    } else if (S_is(c, "note") && type && !strcmp(type, "resolution")) {
      e->unresolved = 1;
    }
    if (rc)
      zn_fail(err, ZN_ERR_DATA, path, c->line, 0, -1,
              "bad pointer (want NAME.xml#mN of a document of this index)");
    free(type), free(text);
  }
  if (rc == 0 && !e->main)
    rc = zn_fail(err, ZN_ERR_DATA, path, n->line, 0, -1, "entity without a main name");
  return rc;
}

/* Walks the tree: pass 0 reads the documents (and the gazetteer version),
 * pass 1 the entities that point into them. */
static int S_walk(zn_index *ix, const char *path, xmlNode *n, int pass, zn_error *err) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (S_is(n, "listBibl")) {
      if (pass == 0 && S_read_docs(ix, path, n, err))
        return -1;
    } else if (S_is(n, "person") || S_is(n, "org")) {
      if (pass == 1 && S_read_entity(ix, path, n, err))
        return -1;
    } else if (S_is(n, "desc")) {
      char *t = S_content(n);
      if (pass == 0 && !ix->gazetteer_version && !strncmp(t, "gazetteers ", 11))
        ix->gazetteer_version = zn_xstrdup(t + 11);
      free(t);
    } else if (S_walk(ix, path, n->children, pass, err)) {
      return -1;
    }
  }
  return 0;
}

int zn_index_read(zn_index *ix, const char *path, zn_error *err) {
  zn_xml_init();
  xmlDocPtr doc = xmlReadFile(
      path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError *x = xmlGetLastError();
    return zn_fail(err, ZN_ERR_DATA, path, x ? x->line : 0, x ? x->int2 : 0, -1,
                   "not a well-formed XML file: %s", x && x->message ? x->message : "?");
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  int rc = S_is(root, "TEI") ? 0
                             : zn_fail(err, ZN_ERR_DATA, path, 0, 0, -1,
                                       "not a zhner index (no TEI root element)");
  for (int pass = 0; pass < 2 && rc == 0; pass++)
    rc = S_walk(ix, path, root->children, pass, err);
  xmlFreeDoc(doc);
  return rc;
}
