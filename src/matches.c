/* matches.c: every lexicon word and gazetteer entry at every position of a
 * piece, found once before the passes by walking the lexicon's and the
 * gazetteer's tries from each position. The passes then ask these arrays
 * instead of hashing substrings. */
#include "util.h"
#include "work.h"

#include <math.h>
#include <stdlib.h>

/* Lexicon words: the one-character word, the cost and the name statistics
 * of each character, and edges for the words of two characters and more. */
static void S_words(zn_work *w) {
  const zn_view *v = w->v;
  const zn_lexicon *lx = &w->m->lex;
  zn_edges *ed = &w->edges;
  float unknown = (float)log(lx->total + 1) + w->m->p.unknown_char;
  ed->first = zn_xmalloc((v->n + 1) * sizeof *ed->first);
  w->w1 = zn_xcalloc(v->n + 1, sizeof *w->w1);
  w->ccost = zn_xcalloc(v->n + 1, sizeof *w->ccost);
  w->cstat = zn_xcalloc(v->n + 1, sizeof *w->cstat);
  ed->n = 0;
  for (size_t i = 0; i < v->n; i++) {
    ed->first[i] = ed->n;
    const zn_trie_slot *e = zn_trie_edge(&lx->trie, 0, v->cp[i]);
    float cost = unknown;
    if (e && e->mark)
      w->w1[i] = e->to, cost = zn_lexicon_mark_cost(e->mark);
    /* longer words: the marks say which nodes are words and what they cost */
    for (size_t l = 2; e && i + l <= v->n; l++) {
      if (!(e = zn_trie_edge(&lx->trie, e->to, v->cp[i + l - 1])))
        break; /* no longer word starts with these characters */
      if (!e->mark)
        continue;
      zn_grow(&ed->edge, &ed->cap, ed->n + 1, sizeof *ed->edge);
      ed->edge[ed->n++] = (zn_edge){(uint16_t)l, zn_lexicon_mark_cost(e->mark), e->to};
    }
    w->ccost[i] = zn_is_han(v->cp[i]) ? cost : 0.0f;
    w->cstat[i] = zn_is_han(v->cp[i]) ? zn_lexicon_char(lx, v->cp[i]) : NULL;
  }
  ed->first[v->n] = ed->n;
}

/* Gazetteer entries by start, then the same by end (a counting sort). */
static void S_entries(zn_work *w) {
  const zn_view *v = w->v;
  const zn_gazetteer *g = &w->m->gaz;
  zn_gaz_list *bs = &w->gstart, *be = &w->gend;
  size_t cap = 0;
  bs->first = zn_xmalloc((v->n + 2) * sizeof *bs->first);
  bs->m = NULL, bs->n = 0;
  for (size_t i = 0; i < v->n; i++) {
    bs->first[i] = bs->n;
    const zn_trie_slot *t = NULL;
    for (size_t l = 1; i + l <= v->n; l++) {
      if (!(t = zn_trie_edge(&g->trie, t ? t->to : 0, v->cp[i + l - 1])))
        break;
      if (t->mark) {
        const zn_gaz_entry *e = g->trie.value[t->to];
        zn_grow(&bs->m, &cap, bs->n + 1, sizeof *bs->m);
        bs->m[bs->n++] = (zn_gaz_match){(uint32_t)i, (uint32_t)(i + l), e->cats, e};
      }
    }
  }
  bs->first[v->n] = bs->first[v->n + 1] = bs->n;
  /* by end: count, prefix sums, place */
  be->n = bs->n;
  be->first = zn_xcalloc(v->n + 2, sizeof *be->first);
  be->m = zn_xmalloc((bs->n + 1) * sizeof *be->m);
  for (size_t k = 0; k < bs->n; k++)
    be->first[bs->m[k].e + 1]++;
  for (size_t i = 1; i <= v->n + 1; i++)
    be->first[i] += be->first[i - 1];
  size_t *fill = zn_xmalloc((v->n + 1) * sizeof *fill);
  for (size_t i = 0; i <= v->n; i++)
    fill[i] = be->first[i];
  for (size_t k = 0; k < bs->n; k++)
    be->m[fill[bs->m[k].e]++] = bs->m[k];
  free(fill);
}

void zn_matches_build(zn_work *w) {
  S_words(w);
  S_entries(w);
}

void zn_matches_free(zn_work *w) {
  free(w->edges.first);
  free(w->edges.edge);
  free(w->w1);
  free(w->ccost);
  free(w->cstat);
  free(w->gstart.first);
  free(w->gstart.m);
  free(w->gend.first);
  free(w->gend.m);
}

const zn_word *zn_word1(const zn_work *w, size_t i) {
  return w->w1[i] ? w->m->lex.trie.value[w->w1[i]] : NULL;
}

const zn_word *zn_word_at(const zn_work *w, size_t s, size_t e) {
  if (e == s + 1)
    return zn_word1(w, s);
  for (size_t k = w->edges.first[s]; k < w->edges.first[s + 1]; k++)
    if (w->edges.edge[k].len == e - s)
      return w->m->lex.trie.value[w->edges.edge[k].node];
  return NULL;
}

int zn_place_stem(const zn_work *w, size_t q, size_t p) {
  const zn_word *word = p >= q + 2 ? zn_word_at(w, q, p) : NULL;
  return word && (word->flags & ZN_W_STEM);
}

size_t zn_place_before(const zn_work *w, size_t p) {
  if (p < 2 || w->wend[p - 1] != p || p - w->wstart[p - 1] < 2)
    return p;
  const zn_word *place = zn_word_at(w, w->wstart[p - 1], p);
  return place && (place->flags & ZN_W_PLACE) ? w->wstart[p - 1] : p;
}

int zn_plain_word(const zn_work *w, size_t s, size_t e) {
  const zn_word *word = zn_word_at(w, s, e);
  return (word && (!(word->flags & ZN_W_PROPER) || (word->flags & ZN_W_PLACE))) ||
         zn_place_stem(w, s, e);
}

float zn_char_cost(const zn_work *w, size_t i) {
  return w->ccost[i];
}

const zn_gaz_entry *zn_gaz_at(const zn_work *w, size_t s, size_t e) {
  const zn_gaz_list *bs = &w->gstart;
  for (size_t k = bs->first[s]; k < bs->first[s + 1]; k++)
    if (bs->m[k].e == e)
      return bs->m[k].g;
  return NULL;
}

/* The longest entry of category cat in list[first[i]..first[i+1]). */
static size_t S_longest(const zn_gaz_list *list, size_t i, zn_cat cat) {
  size_t best = 0;
  for (size_t k = list->first[i]; k < list->first[i + 1]; k++) {
    size_t len = list->m[k].e - list->m[k].s;
    if (len > best && (list->m[k].cats & (1u << cat)))
      best = len;
  }
  return best;
}

size_t zn_gaz_longest(const zn_work *w, zn_cat cat, size_t s, size_t *len) {
  *len = s < w->v->n ? S_longest(&w->gstart, s, cat) : 0;
  return *len;
}

size_t zn_gaz_longest_ending(const zn_work *w, zn_cat cat, size_t e) {
  return e <= w->v->n ? S_longest(&w->gend, e, cat) : 0;
}
