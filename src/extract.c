/* extract.c: the pipeline, top to bottom.
 *   decode (zn_doc_new) -> view -> words and gazetteer entries (matches.c)
 *   -> base segmentation -> rules -> candidates (persons, organisations)
 *   -> best path -> evidence from the result (list commas, names established
 *   in the document) -> again, until nothing new -> mentions in original
 *   code points. */
#include "alias.h"
#include "doc.h"
#include "docnames.h"
#include "resolve.h"
#include "utf8.h"
#include "util.h"
#include "work.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ZN_MAX_PASSES 6
#define ZN_WINDOW 30000 /* view characters in one piece of a long document */
#define ZN_LIST_CUE 5.0f

static void S_work_init(zn_work *w, const zn_model *m, const zn_view *v) {
  memset(w, 0, sizeof *w);
  w->m = m, w->v = v;
  size_t n = v->n + 1;
  w->wstart = zn_xcalloc(n, sizeof *w->wstart);
  w->wend = zn_xcalloc(n, sizeof *w->wend);
  w->left = zn_xcalloc(n, sizeof *w->left);
  w->right = zn_xcalloc(n, sizeof *w->right);
  w->block = zn_xcalloc(n, 1);
  w->changed = zn_xcalloc(n, 1);
}

static void S_work_free(zn_work *w) {
  zn_matches_free(w);
  free(w->wstart);
  free(w->wend);
  free(w->left);
  free(w->right);
  free(w->block);
  free(w->repeated);
  free(w->nonname_reach);
  free(w->hits);
  free(w->cands);
  free(w->fixed);
  free(w->persons);
  free(w->changed);
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

/* A cue a pass learns: noted in w->changed, so the next pass redoes the candidates that read it. */
static void S_learnt_cue(zn_work *w, int right, size_t i, float weight) {
  S_cue(right ? w->right : w->left, i, weight);
  w->changed[i] |= right ? 2 : 1;
}

/* Person candidates: those of the last pass, except where a cue they read has changed. */
static void S_person_candidates(zn_work *w) {
  size_t n = w->v->n, from = w->ncands, k = 0, rights = 0;
  if (!w->persons) {
    for (size_t i = 0; i < n; i++)
      zn_person_candidates_at(w, i);
  } else {
    for (size_t e = 1; e <= ZN_NAME_REACH && e <= n; e++)
      rights += (w->changed[e] & 2) != 0;
    for (size_t i = 0; i < n; i++) {
      /* rights: the changed right cues in (i, i + ZN_NAME_REACH] */
      size_t k0 = k;
      while (k < w->npersons && w->persons[k].s == i)
        k++;
      if ((w->changed[i] & 1) || rights) {
        zn_person_candidates_at(w, i);
      } else if (k > k0) {
        zn_grow(&w->cands, &w->capcands, w->ncands + (k - k0), sizeof *w->cands);
        memcpy(w->cands + w->ncands, w->persons + k0, (k - k0) * sizeof *w->cands);
        w->ncands += k - k0;
      }
      rights -= (w->changed[i + 1] & 2) != 0;
      if (i + 1 + ZN_NAME_REACH <= n)
        rights += (w->changed[i + 1 + ZN_NAME_REACH] & 2) != 0;
    }
  }
  free(w->persons);
  w->npersons = w->ncands - from;
  w->persons = zn_xmalloc((w->npersons + 1) * sizeof *w->persons);
  if (w->npersons) /* cands may be NULL when there are none */
    memcpy(w->persons, w->cands + from, w->npersons * sizeof *w->persons);
  memset(w->changed, 0, n + 1);
}

/* For rules of one category: the gazetteer entries found already. */
static size_t S_lookup(const void *ctx, int cat, size_t i) {
  size_t len;
  return zn_gaz_longest(ctx, (zn_cat)cat, i, &len);
}

/* A person's occupation right before a name: a noun of the lexicon of two to four characters,
 * not among the most common words, that ends like one (农艺师, 技术员, 选手, 画家, 法官, 护士,
 * 患者, 研究生; not 国家). */
#define ZN_OCCUPATION_CUE 2.5f
#define ZN_OCCUPATION_MIN_COST 7.0f
/* Whether c ends a noun that names an occupation. */
static int S_occupation_end(uint32_t c) {
  static const uint32_t ends[] = {0x5E08 /* 师 */, 0x5458 /* 员 */, 0x624B /* 手 */,
                                  0x5BB6 /* 家 */, 0x5B98 /* 官 */, 0x58EB /* 士 */,
                                  0x8005 /* 者 */, 0x751F /* 生 */};
  for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
    if (c == ends[k])
      return 1;
  return 0;
}

static void S_occupation_cues(zn_work *w) {
  for (size_t i = 2; i < w->v->n; i++) {
    size_t s = w->wstart[i - 1];
    if (!S_occupation_end(w->v->cp[i - 1]) || w->wend[i - 1] != i || i - s < 2 || i - s > 4 ||
        w->wstart[i] != i)
      continue;
    const zn_word *word = zn_word_at(w, s, i);
    if (word && (word->flags & ZN_W_NOUN) && word->cost >= ZN_OCCUPATION_MIN_COST &&
        !(word->flags & (ZN_W_PROPER | ZN_W_PLACE | ZN_W_ORGWORD | ZN_W_VERB | ZN_W_FUNC)))
      S_cue(w->left, i, ZN_OCCUPATION_CUE);
  }
}

static int S_rules(zn_work *w, zn_error *err) {
  S_occupation_cues(w);
  for (size_t r = 0; r < w->m->nrules; r++)
    if (zn_rules_run(w->m->rules[r], w->v, S_lookup, w, &w->hits, &w->nhits, &w->caphits, err) < 0)
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

/* An organisation starts where a base word starts (or at the level of 和|县, see
 * zn_link_level) and ends where one ends, or inside a title: the rest of the word opens a title
 * that goes at least to the word's end (市委|书记 in 市委书记, 宣传部|副 in 部副 before 部长), or
 * the word across its end is one and the name's last character is a suffix (司法部|长 in 部长; not
 * 最高法|官 in 法官). A body the gazetteer knows may also end inside a word that splits there into
 * words of two characters or more (足协|杯赛, 内阁|会议; not 北大|荒, 中|大|显身手). A suffix of
 * two characters may end inside a word of two whose rest is a function word (分行|为). */
static int S_org_fits(const zn_work *w, const zn_cand *c) {
  size_t s = c->s, e = c->e;
  if (w->wstart[s] != s && !(w->wstart[s] == s - 1 && zn_link_level(w, s - 1, w->wend[s])))
    return 0;
  if (e >= w->v->n || w->wstart[e] == e)
    return 1;
  if (c->source == ZN_SRC_GAZ && e - w->wstart[e] >= 2 && zn_word_at(w, w->wstart[e], e))
    for (size_t k = w->edges.first[e]; k < w->edges.first[e + 1]; k++)
      if (e + w->edges.edge[k].len <= w->wend[e])
        return 1;
  const zn_word *rest = w->wend[e] == e + 1 && w->wstart[e] == e - 1 ? zn_word1(w, e) : NULL;
  if (rest && (rest->flags & ZN_W_FUNC) && zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, e) >= 2)
    return 1;
  size_t tl;
  return (zn_gaz_longest(w, ZN_CAT_TITLE, e, &tl) && e + tl >= w->wend[e]) ||
         (zn_has_cat(zn_gaz_at(w, w->wstart[e], w->wend[e]), ZN_CAT_TITLE) &&
          zn_has_cat(zn_gaz_at(w, e - 1, e), ZN_CAT_ORG_SUFFIX));
}

/* Where [s, e) goes on after the places and counties' short names that open it (贵州|海生玻璃,
 * 广州|松日队, 贵州|黄平|恒达建材). */
static size_t S_after_places(const zn_work *w, size_t s, size_t e) {
  for (int more = 1; more && s < e;) {
    more = 0;
    for (size_t l = e - s < 8 ? e - s : 8; l >= 2 && !more; l--) {
      const zn_word *word = zn_word_at(w, s, s + l);
      if (word && (word->flags & (ZN_W_PLACE | ZN_W_STEM)))
        s += l, more = 1;
    }
  }
  return s;
}

/* The distinctive part of a company's full name, by which the document may
 * name it again: without the leading places and the legal form
 * (贵州海生玻璃有限公司 -> 海生玻璃, 日本某某商事株式会社 -> 某某商事). Sets [*cs, *ce) and returns
 * 1 if there is one. */
static int S_company_core(const zn_work *w, size_t s, size_t e, size_t *cs, size_t *ce) {
  const zn_view *v = w->v;
  size_t sl = zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, e);
  if (!sl || !(zn_view_holds(v, e - sl, e, "公司") || zn_view_holds(v, e - sl, e, "会社")))
    return 0;
  e -= sl;
  s = S_after_places(w, s, e);
  for (size_t i = s; i < e; i++)
    if (!zn_is_han(v->cp[i]))
      return 0;
  /* a brand opens it: not an adjective (新型|建材), nor a word of one character that is a
   * function word, a verb or a number; one that is none of them opens a brand the lexicon
   * does not know (恒|泰 of 恒泰物流) */
  size_t first = 0;
  for (size_t l = 2; l <= 4 && s + l <= e; l++)
    if (zn_word_at(w, s, s + l))
      first = l;
  const zn_word *fw = first ? zn_word_at(w, s, s + first) : zn_word_at(w, s, s + 1);
  if (e - s < 3 || zn_word_at(w, s, e) ||
      (fw && (fw->flags & (first ? ZN_W_ADJ : ZN_W_ADJ | ZN_W_FUNC | ZN_W_VERB | ZN_W_NUM))))
    return 0;
  *cs = s, *ce = e;
  return 1;
}

/* A team's name without its place, by which the document may name it again (广州松日队 ->
 * 松日队, 四川全兴队 -> 全兴队): a place opens it, and two Han characters or more stand
 * between it and 队, whose first word is no common word (not 中国|男子足球队). */
static int S_team_core(const zn_work *w, size_t s, size_t e, size_t *cs) {
  const zn_view *v = w->v;
  if (e - s < 5 || v->cp[e - 1] != 0x961F /* 队 */)
    return 0;
  size_t c = S_after_places(w, s, e - 1);
  if (c == s || e - 1 - c < 2)
    return 0;
  for (size_t i = c; i < e - 1; i++)
    if (!zn_is_han(v->cp[i]))
      return 0;
  const zn_word *first = NULL, *word;
  for (size_t l = 2; l <= 4 && c + l < e; l++)
    if ((word = zn_word_at(w, c, c + l)))
      first = word;
  if (first && !(first->flags & (ZN_W_PROPER | ZN_W_PLACE)) && first->cost < ZN_KNOWN_WORD)
    return 0;
  *cs = c;
  return 1;
}

/* Whether the base words of [s, e) are not all everyday words: one of them is a single
 * character, a proper noun, a place or a word the lexicon does not know (黔|晟|新材料). */
static int S_brand_in(const zn_work *w, size_t s, size_t e) {
  for (size_t i = s; i < e; i = w->wend[i]) {
    const zn_word *word = zn_word_at(w, i, w->wend[i]);
    if (w->wend[i] - i < 2 || !word || word->cost >= ZN_KNOWN_WORD ||
        (word->flags & (ZN_W_PROPER | ZN_W_PLACE)))
      return 1;
  }
  return 0;
}

/* Whether [s, e) is a place, or a county's name without its level, and one word of the
 * lexicon after it: a product of the place (三穗|麻鸭, 凯里|酸汤), no brand. */
static int S_place_product(const zn_work *w, size_t s, size_t e) {
  for (size_t l = 2; l <= 4 && s + l + 2 <= e; l++) {
    const zn_word *place = zn_word_at(w, s, s + l);
    if (place && (place->flags & (ZN_W_PLACE | ZN_W_STEM)) && zn_word_at(w, s + l, e))
      return 1;
  }
  return 0;
}

/* The least cost of the words alone over [s, e): what a candidate there must beat. */
static double S_words_cost(const zn_work *w, size_t s, size_t e) {
  double *best = zn_xmalloc((e - s + 1) * sizeof *best);
  for (size_t i = 0; i <= e - s; i++)
    best[i] = i ? INFINITY : 0;
  for (size_t i = s; i < e; i++) {
    double c1 = best[i - s] + zn_char_cost(w, i);
    if (c1 < best[i + 1 - s])
      best[i + 1 - s] = c1;
    for (size_t k = w->edges.first[i]; k < w->edges.first[i + 1]; k++) {
      size_t to = i + w->edges.edge[k].len;
      if (to <= e && best[i - s] + w->edges.edge[k].cost < best[to - s])
        best[to - s] = best[i - s] + w->edges.edge[k].cost;
    }
  }
  double r = best[e - s];
  free(best);
  return r;
}

/* Organisations must fit the base segmentation: drops those from k on that do not. One that
 * fits but ends inside a word (联合国安理会|常任理事国 of 安理会常任理事国) costs no more than
 * that word would less what its rest costs on its own: the path through it must not pay for
 * cutting the word. */
static void S_keep_fitting(zn_work *w, size_t k) {
  size_t keep = k;
  for (; k < w->ncands; k++) {
    zn_cand *c = &w->cands[k];
    if (c->type == ZN_ORG && !S_org_fits(w, c))
      continue;
    if (c->type == ZN_ORG && c->e < w->v->n && w->wstart[c->e] < c->e) {
      size_t we = w->wend[c->e];
      double cut = S_words_cost(w, c->s, we) - S_words_cost(w, c->e, we) - ZN_WORD_MARGIN;
      if (cut < c->cost)
        c->cost = (float)cut;
    }
    w->cands[keep++] = *c;
  }
  w->ncands = keep;
}

/* The candidates that depend on nothing a pass learns: organisations and rule hits. */
static void S_fixed_candidates(zn_work *w) {
  const zn_params *p = &w->m->p;
  w->ncands = 0;
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
  zn_org_departments(w);
  S_keep_fitting(w, 0);
  zn_person_prepare(w);
  w->nfixed = w->ncands;
  w->fixed = zn_xmalloc((w->nfixed + 1) * sizeof *w->fixed);
  if (w->nfixed)
    memcpy(w->fixed, w->cands, w->nfixed * sizeof *w->fixed);
}

/* A pass's candidates: the fixed ones, then persons (their cues grow from pass to pass) and the
 * names the document has established so far. */
static void S_candidates(zn_work *w, zn_names *doc_names) {
  const zn_params *p = &w->m->p;
  const zn_view *v = w->v;
  zn_grow(&w->cands, &w->capcands, w->nfixed + 1, sizeof *w->cands);
  memcpy(w->cands, w->fixed, w->nfixed * sizeof *w->cands);
  w->ncands = w->nfixed;
  S_person_candidates(w);
  size_t from = w->ncands;
  zn_names_search(doc_names, v);
  for (size_t k = 0; k < doc_names->nat; k++) {
    size_t s = doc_names->at[k].s, e = doc_names->at[k].e;
    if (w->block[s])
      continue;
    if (doc_names->at[k].type == ZN_ORG) {
      zn_cand_add(w, s, e, p->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_DOC);
      size_t ps = zn_place_before(w, s);
      if (ps != s) /* the place the text puts before it: 贵州|海生玻璃 */
        zn_cand_add(w, ps, e, p->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_DOC);
    } else
      zn_cand_add(w, s, e, p->doc_name_cost - w->left[s] * 0.5f - w->right[e] * 0.5f, ZN_PER,
                  ZN_NAME, ZN_SRC_DOC);
  }
  S_keep_fitting(w, from);
}

/* A mark that joins the names of a list: 、 和 与 及 ／. */
static int S_list_mark(uint32_t c) {
  return c == 0x3001 || c == 0x548C || c == 0x4E0E || c == 0x53CA || c == 0xFF0F;
}

/* Adds the view's text of [a, b) to the document's names; returns whether it is new. */
static int S_name_add(zn_names *doc_names, const zn_view *v, size_t a, size_t b, zn_type type) {
  return zn_names_add(doc_names, v->utf8 + v->boff[a], v->boff[b] - v->boff[a], type);
}

/* Whether the view [a, b) can be an item of a list of organisations, beside one already found
 * (黔玻永太、海生玻璃; 华光、明达等企业): two to eight Han characters that the base
 * segmentation starts and ends, with no title, no place or known word of the lexicon as a
 * whole, and no function word or verb to open it. */
static int S_org_item(const zn_work *w, size_t a, size_t b) {
  if (b < a + 2 || b - a > 8 || w->wstart[a] != a || (b < w->v->n && w->wstart[b] != b))
    return 0;
  for (size_t i = a; i < b; i++) {
    size_t tl;
    if (!zn_is_han(w->v->cp[i]) || w->block[i] || zn_gaz_longest(w, ZN_CAT_TITLE, i, &tl))
      return 0;
  }
  const zn_word *whole = zn_word_at(w, a, b), *first = zn_word_at(w, a, w->wend[a]);
  return !(whole && (whole->cost < ZN_KNOWN_WORD || (whole->flags & ZN_W_PLACE))) &&
         !(first && (first->flags & (ZN_W_FUNC | ZN_W_VERB)));
}

/* Whether the base word [a, b) can be part of a name: a word of one character and no function
 * word, one the lexicon does not know, a proper noun or a place. */
static int S_name_word(const zn_work *w, size_t a, size_t b) {
  const zn_word *word = zn_word_at(w, a, b);
  if (b == a + 1)
    return !word || !(word->flags & ZN_W_FUNC);
  return !word || (word->flags & (ZN_W_PROPER | ZN_W_PLACE));
}

/* The list item of organisations next to the mention of path step k across a 、 (and the spaces OCR
 * puts around it), before (dir < 0) or after it, as a document name; returns whether it is new.
 * The first item goes back over the words a name is made of (充分发挥|黔玻永太、). */
static int S_learn_org_item(const zn_work *w, zn_names *doc_names, size_t k, int dir) {
  const zn_view *v = w->v;
  size_t s = w->path[k].s, e = w->path[k].e;
  size_t a, b;
  if (dir > 0) {
    while (e < v->n && v->cp[e] == ' ')
      e++;
    if (e + 1 >= v->n || v->cp[e] != 0x3001 /* 、 */)
      return 0;
    for (a = e + 1; a < v->n && v->cp[a] == ' ';)
      a++;
    for (b = a; b < v->n && zn_is_han(v->cp[b]) && v->cp[b] != 0x7B49 /* 等 */ && b - a <= 8;)
      b++;
  } else {
    while (s > 0 && v->cp[s - 1] == ' ')
      s--;
    if (s < 2 || v->cp[s - 1] != 0x3001)
      return 0;
    for (b = s - 1; b > 0 && v->cp[b - 1] == ' ';)
      b--;
    /* the last word may be any (玻璃 of 凯荣玻璃), those before it are a name's */
    a = b > 0 && zn_is_han(v->cp[b - 1]) && w->wend[b - 1] == b ? w->wstart[b - 1] : b;
    while (a > 0 && zn_is_han(v->cp[a - 1]) && w->wend[a - 1] == a &&
           S_name_word(w, w->wstart[a - 1], a))
      a = w->wstart[a - 1];
  }
  /* no person stands in it: the steps of the path next to step k, the mention's */
  for (size_t j = k; dir > 0 ? ++j < w->npath && w->path[j].s < b : j-- > 0 && w->path[j].e > a;)
    if (w->path[j].cand >= 0 && w->cands[w->path[j].cand].type == ZN_PER)
      return 0;
  return S_org_item(w, a, b) && S_name_add(doc_names, v, a, b, ZN_ORG);
}

/* Learns the organisation of path step k and the short names it teaches: the one the text
 * declares after it, a company's without its place and legal form (and without its trade word,
 * where a brand stays, not a place's product), a team's without its place, and its neighbours in a
 * list of companies. Returns whether anything is new. */
static int S_learn_org(const zn_work *w, zn_names *doc_names, size_t k) {
  const zn_view *v = w->v;
  const zn_cand *c = &w->cands[w->path[k].cand];
  int news = 0;
  size_t cs, ce;
  if (zn_declared_alias(v->cp, v->n, c->e, &cs, &ce))
    news |= S_name_add(doc_names, v, cs, ce, ZN_ORG);
  if (S_company_core(w, c->s, c->e, &cs, &ce)) {
    news |= S_name_add(doc_names, v, cs, ce, ZN_ORG);
    /* and without its trade words of two or three characters, one by one from the last, while a
     * brand stays: 黔晟新材料|科技, 苗侗山珍|农业|开发, 鑫瑞达|新材料; not 海生|玻璃,
     * 国际武术|开发 */
    for (size_t ws; ce > cs; ce = ws) {
      ws = w->wstart[ce - 1];
      const zn_word *trade = zn_word_at(w, ws, ce);
      if (ce - ws < 2 || ce - ws > 3 || !trade || !(trade->flags & (ZN_W_NOUN | ZN_W_VERB)))
        break;
      /* with an adjective of one character that opens the trade (鑫瑞达|新|材料) */
      const zn_word *adj = ws > cs && w->wstart[ws - 1] == ws - 1 ? zn_word1(w, ws - 1) : NULL;
      if (adj && (adj->flags & ZN_W_ADJ))
        ws--;
      if (ws < cs + 3 || !S_brand_in(w, cs, ws) || S_place_product(w, cs, ws))
        break;
      news |= S_name_add(doc_names, v, cs, ws, ZN_ORG);
    }
  }
  if (S_team_core(w, c->s, c->e, &cs))
    news |= S_name_add(doc_names, v, cs, c->e, ZN_ORG);
  if (c->source == ZN_SRC_DOC) /* a company's short name, in a list */
    news |= S_learn_org_item(w, doc_names, k, -1) | S_learn_org_item(w, doc_names, k, 1);
  return news;
}

/* Learns from the chosen path: list commas around persons become cues, and
 * well-supported names become document names. Returns whether anything is new. */
static int S_learn(zn_work *w, zn_names *doc_names) {
  const zn_view *v = w->v;
  int news = 0;
  for (size_t k = 0; k < w->npath; k++) {
    const zn_step *st = &w->path[k];
    if (st->cand < 0)
      continue;
    const zn_cand *c = &w->cands[st->cand];
    if (c->type == ZN_ORG)
      news |= S_learn_org(w, doc_names, k);
    if (c->type != ZN_PER || c->kind != ZN_NAME)
      continue;
    if (c->e + 1 < v->n && S_list_mark(v->cp[c->e]) && w->left[c->e + 1] < ZN_LIST_CUE)
      S_learnt_cue(w, 0, c->e + 1, ZN_LIST_CUE), news = 1;
    if (c->s >= 2 && S_list_mark(v->cp[c->s - 1]) && w->right[c->s - 1] < ZN_LIST_CUE)
      S_learnt_cue(w, 1, c->s - 1, ZN_LIST_CUE), news = 1;
    int supported = c->source != ZN_SRC_MODEL || w->left[c->s] > 0 || w->right[c->e] > 0;
    /* a name that is also an everyday word or a place (高峰, 万人, 莫斯科)
     * holds where its cue is, but does not spread over the document */
    if (c->source != ZN_SRC_GAZ && zn_plain_word(w, c->s, c->e))
      supported = 0;
    if (supported && c->e - c->s >= 2)
      news |= S_name_add(doc_names, v, c->s, c->e, ZN_PER);
  }
  return news;
}

/* The view's text of [s, e) without soft boundaries, as a new string. */
static char *S_view_text(const zn_view *v, size_t s, size_t e) {
  zn_buf b = {0};
  for (size_t i = s; i < e; i++)
    if (v->cp[i] != ' ' && v->cp[i] != '\n')
      zn_buf_add(&b, v->utf8 + v->boff[i], v->boff[i + 1] - v->boff[i]);
  return b.s ? b.s : zn_xstrdup("");
}

#define ZN_MAX_ROLES 4

/* The titles before a person, right to left: a title (书记), with the
 * organisation written before it or inside it (市委书记), and more of them
 * joined by 、 (州委常委、市委书记). orgs_end[i]: the ORG mention ending at
 * view position i, or -1; vs[k - base]: the view start of mention k (the
 * mentions of this piece start at base). */
static void S_roles(zn_work *w, zn_doc *d, zn_mention *m, size_t at, const long *orgs_end,
                    const size_t *vs, long base) {
  const zn_view *v = w->v;
  size_t first = d->nroles, e = at;
  for (int k = 0; k < ZN_MAX_ROLES; k++) {
    size_t tl = zn_gaz_longest_ending(w, ZN_CAT_TITLE, e);
    if (!tl)
      break;
    size_t ts = e - tl, rs = ts, title = ts;
    long org = -1;
    for (size_t p = e - 1; p > ts && org < 0; p--) /* an organisation over the title's start */
      if (orgs_end[p] >= 0 && vs[orgs_end[p] - base] <= ts)
        org = orgs_end[p], title = p;
    if (org < 0)
      org = orgs_end[ts]; /* or right before it */
    if (org >= 0)
      rs = vs[org - base];
    char *text = S_view_text(v, rs, e), *before = S_view_text(v, rs, title);
    size_t start, end;
    zn_view_span(v, rs, e, &start, &end);
    zn_doc_add_role(d, start, end, text, strlen(text), strlen(before), org);
    free(text), free(before);
    if (rs < 2 || v->cp[rs - 1] != 0x3001 /* 、 */)
      break;
    e = rs - 1;
  }
  /* in text order */
  for (size_t a = first, b = d->nroles; a + 1 < b; a++, b--) {
    zn_role t = d->roles[a];
    d->roles[a] = d->roles[b - 1], d->roles[b - 1] = t;
  }
  m->role_first = first;
  m->nroles = d->nroles - first;
}

/* The name as written, without the honorific or kinship word of a reference:
 * 刘 of 刘先生, 王 of 老王 (the whole phrase stays its canonical form). */
static void S_name_part(const zn_work *w, const zn_cand *c, size_t *s, size_t *e) {
  *s = c->s, *e = c->e;
  if (c->kind != ZN_REFERENCE)
    return;
  uint32_t first = w->v->cp[c->s];
  size_t sl;
  if (first == 0x8001 /* 老 */ || first == 0x5C0F /* 小 */)
    *s = c->s + 1, *e = c->s + 2;
  else if (zn_gaz_longest(w, ZN_CAT_SURNAME, c->s, &sl) && c->s + sl < c->e)
    *e = c->s + sl;
}

static void S_mentions(zn_work *w, zn_doc *d) {
  const zn_view *v = w->v;
  long *orgs_end = zn_xmalloc((v->n + 1) * sizeof *orgs_end);
  size_t *vs = zn_xmalloc((w->npath + 1) * sizeof *vs);
  long base = (long)d->nm;
  for (size_t i = 0; i <= v->n; i++)
    orgs_end[i] = -1;
  for (size_t k = 0; k < w->npath; k++) {
    const zn_step *st = &w->path[k];
    if (st->cand < 0)
      continue;
    const zn_cand *c = &w->cands[st->cand];
    size_t start, end, ns, ne;
    S_name_part(w, c, &ns, &ne);
    zn_view_span(v, ns, ne, &start, &end);
    double cert = c->type == ZN_ORG ? (c->source == ZN_SRC_SUFFIX ? 0.8
                                       : c->source == ZN_SRC_LIST ? 0.7
                                                                  : 0.9)
                                    : 1.0 / (1.0 + exp((c->cost - 12.0) / 3.0));
    zn_mention *m = zn_doc_add(d, start, end, (zn_type)c->type, (zn_kind)c->kind, cert);
    m->canonical = zn_doc_keep(d, S_view_text(v, c->s, c->e));
    vs[(long)d->nm - 1 - base] = c->s;
    if (c->type == ZN_ORG)
      orgs_end[c->e] = (long)(d->nm - 1);
    else if (c->kind == ZN_NAME)
      S_roles(w, d, m, c->s, orgs_end, vs, base);
  }
  free(orgs_end);
  free(vs);
}

/* Where the piece of the view that starts at a ends: the whole rest if it is
 * short, else the last paragraph break, or else the last sentence end or
 * other non-name character, in the second half of a window. Names never
 * cross these, so no mention is lost at a piece boundary. */
static size_t S_piece_end(const zn_view *v, size_t a) {
  if (v->n - a <= ZN_WINDOW)
    return v->n;
  size_t lo = a + ZN_WINDOW / 2, hi = a + ZN_WINDOW;
  for (size_t i = hi; i > lo; i--)
    if (v->cp[i - 1] == '\n')
      return i;
  for (size_t i = hi; i > lo; i--)
    if (v->cp[i - 1] == 0x3002 /* 。 */ || v->cp[i - 1] == 0xFF01 || v->cp[i - 1] == 0xFF1F)
      return i;
  for (size_t i = hi; i > lo; i--)
    if (!zn_is_han(v->cp[i - 1]) && !zn_is_ascii_alnum(v->cp[i - 1]))
      return i;
  return hi;
}

/* ZHNER_TRACE=1 in the environment: the base segmentation and the candidates
 * of the last pass on standard error, each with the cost of the words it
 * would replace, for whoever tunes rules and gazetteers. */
static void S_trace(const zn_work *w) {
  const zn_view *v = w->v;
  fputs("segmentation:", stderr);
  for (size_t i = 0; i < v->n; i = w->wend[i])
    fprintf(stderr, " %.*s", (int)(v->boff[w->wend[i]] - v->boff[i]), v->utf8 + v->boff[i]);
  fputc('\n', stderr);
  static const char *src[] = {"model", "rule", "gazetteer", "suffix", "document", "list"};
  for (size_t k = 0; k < w->ncands; k++) {
    const zn_cand *c = &w->cands[k];
    int chosen = 0;
    for (size_t j = 0; j < w->npath && !chosen; j++)
      chosen = w->path[j].cand == (long)k;
    fprintf(stderr, "%c %s %zu %zu %.*s %.2f (words %.2f) %s\n", chosen ? '*' : ' ',
            c->type == ZN_ORG ? "ORG" : "PER", c->s, c->e, (int)(v->boff[c->e] - v->boff[c->s]),
            v->utf8 + v->boff[c->s], c->cost, S_words_cost(w, c->s, c->e), src[c->source]);
  }
}

/* One piece of the document: segmentation, rules, passes, mentions; the
 * names established so far carry over from piece to piece. */
static int S_extract_piece(const zn_model *m, const zn_view *v, zn_doc *d, zn_names *doc_names,
                           zn_error *err) {
  zn_work w;
  S_work_init(&w, m, v);
  zn_matches_build(&w);
  S_segment(&w);
  int rc = S_rules(&w, err);
  if (rc == 0) {
    zn_names_new_piece(doc_names);
    S_fixed_candidates(&w);
    for (int pass = 0; pass < ZN_MAX_PASSES; pass++) {
      S_candidates(&w, doc_names);
      zn_lattice_best(&w, 1);
      if (!S_learn(&w, doc_names))
        break;
    }
    if (getenv("ZHNER_TRACE"))
      S_trace(&w);
    S_mentions(&w, d);
  }
  S_work_free(&w);
  return rc;
}

int zn_extract(const zn_model *m, zn_doc *d, zn_error *err) {
  zn_doc_clear(d);
  zn_view v;
  zn_view_build(&v, d->text, d->n, m->fold);
  int rc = 0;
  zn_names doc_names = {0};
  /* a long text goes in pieces, so that time stays linear in its length */
  for (size_t a = 0, b; a < v.n && rc == 0; a = b) {
    b = S_piece_end(&v, a);
    zn_view piece;
    if (a == 0 && b == v.n) {
      rc = S_extract_piece(m, &v, d, &doc_names, err); /* one piece: no copy */
      break;
    }
    zn_view_slice(&v, a, b, &piece);
    rc = S_extract_piece(m, &piece, d, &doc_names, err);
    zn_view_free(&piece);
  }
  if (rc < 0)
    snprintf(err->path, sizeof err->path, "%s", d->name);
  else
    zn_resolve(m, &v, d);
  zn_names_free(&doc_names);
  zn_view_free(&v);
  return rc;
}
