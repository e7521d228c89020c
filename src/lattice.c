/* lattice.c: the best (least-cost) path over words
 * and candidate mentions. Costs are -ln probabilities: a candidate name wins
 * only where it is more probable than the words it would break. */
#include "util.h"
#include "work.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void zn_cand_add(zn_work *w, size_t s, size_t e, float cost, int type, int kind, int source) {
  zn_grow(&w->cands, &w->capcands, w->ncands + 1, sizeof *w->cands);
  w->cands[w->ncands++] = (zn_cand){s, e, cost, (uint8_t)type, (uint8_t)kind, (uint8_t)source};
}

static int S_cmp_cand(const void *a, const void *b) {
  const zn_cand *x = a, *y = b;
  if (x->s != y->s)
    return x->s < y->s ? -1 : 1;
  if (x->e != y->e)
    return x->e < y->e ? -1 : 1;
  if (x->cost != y->cost)
    return x->cost < y->cost ? -1 : 1;
  /* a total order, so the path does not depend on the order the candidates came in */
  if (x->type != y->type)
    return x->type < y->type ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return (x->source > y->source) - (x->source < y->source);
}

void zn_lattice_best(zn_work *w, int with_cands) {
  const zn_view *v = w->v;
  size_t n = v->n;
  double *best = zn_xmalloc((n + 1) * sizeof *best);
  size_t *from = zn_xmalloc((n + 1) * sizeof *from);
  long *via = zn_xmalloc((n + 1) * sizeof *via);
  for (size_t i = 0; i <= n; i++)
    best[i] = INFINITY, from[i] = 0, via[i] = -1;
  best[0] = 0;
  if (with_cands && w->ncands)
    qsort(w->cands, w->ncands, sizeof *w->cands, S_cmp_cand);
  size_t ci = 0;
#define RELAX(a, b, c, k)                                                                          \
  do {                                                                                             \
    double t = best[a] + (c);                                                                      \
    if (t < best[b]) {                                                                             \
      best[b] = t, from[b] = (a), via[b] = (k);                                                    \
    }                                                                                              \
  } while (0)
  for (size_t i = 0; i < n; i++) {
    if (best[i] == INFINITY)
      continue; /* cannot happen: single characters always connect */
    RELAX(i, i + 1, zn_char_cost(w, i), -1L);
    for (size_t k = w->edges.first[i]; k < w->edges.first[i + 1]; k++)
      RELAX(i, i + w->edges.edge[k].len, w->edges.edge[k].cost, -1L);
    if (with_cands) {
      while (ci < w->ncands && w->cands[ci].s < i)
        ci++;
      for (size_t k = ci; k < w->ncands && w->cands[k].s == i; k++)
        RELAX(i, w->cands[k].e, w->cands[k].cost, (long)k);
    }
  }
#undef RELAX
  /* walk back */
  w->npath = 0;
  for (size_t e = n; e > 0; e = from[e]) {
    zn_grow(&w->path, &w->cappath, w->npath + 1, sizeof *w->path);
    w->path[w->npath++] = (zn_step){from[e], e, via[e]};
  }
  for (size_t a = 0, b = w->npath ? w->npath - 1 : 0; a < b; a++, b--) {
    zn_step t = w->path[a];
    w->path[a] = w->path[b];
    w->path[b] = t;
  }
  free(best);
  free(from);
  free(via);
}
