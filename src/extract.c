/* extract.c: the pipeline, top to bottom.
 *   decode (zn_doc_new) -> view -> word edges -> base segmentation -> rules
 *   -> candidates (persons, organisations) -> best path -> evidence from the
 *   result (list commas, names established in the document) -> again, until
 *   nothing new -> mentions in original code points. */
#include "doc.h"
#include "utf8.h"
#include "util.h"
#include "work.h"

#include <math.h>
#include <string.h>

#define ZN_MAX_PASSES 6
#define ZN_LIST_CUE 3.0f

static void S_work_init(zn_work *w, const zn_model *m, const zn_view *v) {
  memset(w, 0, sizeof *w);
  w->m = m, w->v = v;
  size_t n = v->n + 1;
  w->wstart = zn_xcalloc(n, sizeof *w->wstart);
  w->wend = zn_xcalloc(n, sizeof *w->wend);
  w->left = zn_xcalloc(n, sizeof *w->left);
  w->right = zn_xcalloc(n, sizeof *w->right);
  w->block = zn_xcalloc(n, 1);
}

static void S_work_free(zn_work *w) {
  free(w->edges.first);
  free(w->edges.edge);
  free(w->wstart);
  free(w->wend);
  free(w->left);
  free(w->right);
  free(w->block);
  free(w->hits);
  free(w->cands);
  free(w->path);
}

/* The base segmentation: which word covers each position. */
static void S_segment(zn_work *w) {
  zn_lattice_best(w, 0);
  for (size_t k = 0; k < w->npath; k++)
    for (size_t i = w->path[k].s; i < w->path[k].e; i++)
      w->wstart[i] = w->path[k].s, w->wend[i] = w->path[k].e;
  w->wstart[w->v->n] = w->wend[w->v->n] = w->v->n;
}

static void S_cue(float *a, size_t i, float weight) {
  if (weight > a[i])
    a[i] = weight;
}

static int S_rules(zn_work *w, zn_error *err) {
  for (size_t r = 0; r < w->m->nrules; r++)
    if (zn_rules_run(w->m->rules[r], w->v, &w->hits, &w->nhits, &w->caphits, err) < 0)
      return -1;
  for (size_t k = 0; k < w->nhits; k++) {
    const zn_hit *h = &w->hits[k];
    if (h->action == ZN_RULE_LEFT)
      S_cue(w->left, h->s, h->weight);
    else if (h->action == ZN_RULE_RIGHT)
      S_cue(w->right, h->s, h->weight);
    else if (h->action == ZN_RULE_BLOCK)
      memset(w->block + h->s, 1, h->e - h->s);
  }
  return 0;
}

/* An organisation starts where a base word starts and ends where one ends,
 * or inside a title: the rest of the word is a title (市委|书记 in 市委书记),
 * or the word across its end is one (司法部|长 in 部长). */
static int S_org_fits(const zn_work *w, size_t s, size_t e) {
  if (w->wstart[s] != s)
    return 0;
  if (e >= w->v->n || w->wstart[e] == e)
    return 1;
  return zn_has_cat(zn_gaz_at(w, e, w->wend[e]), ZN_CAT_TITLE) ||
         zn_has_cat(zn_gaz_at(w, w->wstart[e], w->wend[e]), ZN_CAT_TITLE);
}

/* Names established in the document, as UTF-8 strings. */
typedef struct names {
  char **s;
  size_t n, cap;
} names;

static int S_names_add(names *ns, const char *s, size_t len) {
  for (size_t i = 0; i < ns->n; i++)
    if (strlen(ns->s[i]) == len && !memcmp(ns->s[i], s, len))
      return 0;
  zn_grow(&ns->s, &ns->cap, ns->n + 1, sizeof *ns->s);
  ns->s[ns->n++] = zn_xstrndup(s, len);
  return 1;
}

static void S_candidates(zn_work *w, const names *doc_names) {
  const zn_params *p = &w->m->p;
  const zn_view *v = w->v;
  w->ncands = 0;
  zn_person_candidates(w);
  zn_org_candidates(w);
  for (size_t k = 0; k < w->nhits; k++) {
    const zn_hit *h = &w->hits[k];
    if (h->action == ZN_RULE_PER)
      zn_cand_add(w, h->s, h->e, fmaxf(p->famous_cost, p->name_base - h->weight), ZN_PER, ZN_NAME,
                  ZN_SRC_RULE);
    else if (h->action == ZN_RULE_ORG)
      zn_cand_add(w, h->s, h->e, fmaxf(0.1f, p->org_cost + 1.0f - h->weight), ZN_ORG, ZN_NAME,
                  ZN_SRC_RULE);
  }
  for (size_t k = 0; k < doc_names->n; k++) {
    size_t len = strlen(doc_names->s[k]);
    for (const char *at = v->utf8;
         (at = memmem(at, v->nbytes - (size_t)(at - v->utf8), doc_names->s[k], len)); at++) {
      size_t s = zn_view_index(v, (size_t)(at - v->utf8));
      size_t e = zn_view_index(v, (size_t)(at - v->utf8) + len);
      if (v->boff[s] == (size_t)(at - v->utf8) && !w->block[s])
        zn_cand_add(w, s, e, p->doc_name_cost - w->left[s] * 0.5f - w->right[e] * 0.5f, ZN_PER,
                    ZN_NAME, ZN_SRC_DOC);
    }
  }
  /* organisations must fit the base segmentation */
  size_t keep = 0;
  for (size_t k = 0; k < w->ncands; k++)
    if (w->cands[k].type != ZN_ORG || S_org_fits(w, w->cands[k].s, w->cands[k].e))
      w->cands[keep++] = w->cands[k];
  w->ncands = keep;
}

/* Learns from the chosen path: list commas around persons become cues, and
 * well-supported names become document names. Returns whether anything is new. */
static int S_learn(zn_work *w, names *doc_names) {
  const zn_view *v = w->v;
  int news = 0;
  for (size_t k = 0; k < w->npath; k++) {
    const zn_step *st = &w->path[k];
    if (st->cand < 0 || w->cands[st->cand].type != ZN_PER || w->cands[st->cand].kind != ZN_NAME)
      continue;
    const zn_cand *c = &w->cands[st->cand];
    if (c->e + 1 < v->n && v->cp[c->e] == 0x3001 /* 、 */ && w->left[c->e + 1] < ZN_LIST_CUE)
      S_cue(w->left, c->e + 1, ZN_LIST_CUE), news = 1;
    if (c->s >= 2 && v->cp[c->s - 1] == 0x3001 && w->right[c->s - 1] < ZN_LIST_CUE)
      S_cue(w->right, c->s - 1, ZN_LIST_CUE), news = 1;
    int supported = c->source != ZN_SRC_MODEL || w->left[c->s] > 0 || w->right[c->e] > 0;
    if (supported && c->e - c->s >= 2)
      news |= S_names_add(doc_names, v->utf8 + v->boff[c->s], v->boff[c->e] - v->boff[c->s]);
  }
  return news;
}

static uint32_t S_fnv(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static void S_mentions(zn_work *w, zn_doc *d) {
  const zn_view *v = w->v;
  long *org_at_end = zn_xmalloc((v->n + 1) * sizeof *org_at_end);
  for (size_t i = 0; i <= v->n; i++)
    org_at_end[i] = -1;
  for (size_t k = 0; k < w->npath; k++) {
    const zn_step *st = &w->path[k];
    if (st->cand < 0)
      continue;
    const zn_cand *c = &w->cands[st->cand];
    size_t start, end;
    zn_view_span(v, c->s, c->e, &start, &end);
    double cert = c->type == ZN_ORG ? (c->source == ZN_SRC_SUFFIX ? 0.8 : 0.9)
                                    : 1.0 / (1.0 + exp((c->cost - 12.0) / 3.0));
    zn_mention *m = zn_doc_add(d, start, end, (zn_type)c->type, (zn_kind)c->kind, cert);
    char id[32];
    snprintf(id, sizeof id, "%s-%08x", c->type == ZN_PER ? "per" : "org", S_fnv(m->text));
    m->entity = zn_doc_keep(d, zn_xstrdup(id));
    m->canonical = m->text;
    if (c->type == ZN_ORG)
      org_at_end[c->e] = (long)(d->nm - 1);
    /* role: the title right before a person, with the organisation before it */
    size_t tl = c->type == ZN_PER ? zn_gaz_longest_ending(w, ZN_CAT_TITLE, c->s) : 0;
    if (tl) {
      size_t ts = c->s - tl;
      zn_buf b = {0};
      long org = org_at_end[ts];
      zn_view_span(v, ts, c->s, &m->role_start, &(size_t){0});
      if (org >= 0) {
        m->role_org = org;
        m->role_start = d->m[org].start;
        zn_buf_puts(&b, d->m[org].text);
      }
      zn_buf_add(&b, v->utf8 + v->boff[ts], v->boff[c->s] - v->boff[ts]);
      m->role = zn_doc_keep(d, b.s);
    }
  }
  free(org_at_end);
}

int zn_extract(const zn_model *m, zn_doc *d, zn_error *err) {
  zn_doc_clear(d);
  zn_view v;
  zn_view_build(&v, d->text, d->n, m->fold);
  zn_work w;
  S_work_init(&w, m, &v);
  zn_edges_build(&w);
  S_segment(&w);
  int rc = S_rules(&w, err);
  if (rc < 0) {
    snprintf(err->path, sizeof err->path, "%s", d->name);
  } else {
    names doc_names = {0};
    for (int pass = 0; pass < ZN_MAX_PASSES; pass++) {
      S_candidates(&w, &doc_names);
      zn_lattice_best(&w, 1);
      if (!S_learn(&w, &doc_names))
        break;
    }
    S_mentions(&w, d);
    for (size_t i = 0; i < doc_names.n; i++)
      free(doc_names.s[i]);
    free(doc_names.s);
  }
  S_work_free(&w);
  zn_view_free(&v);
  return rc;
}
