/* work.h: the per-document work area of one extraction and the candidate
 * mentions that the person and organisation finders propose to the lattice. */
#ifndef ZN_WORK_H
#define ZN_WORK_H

#include "model.h"
#include "rules.h"
#include "view.h"

typedef enum zn_source {
  ZN_SRC_MODEL,  /* the name model (surname + given name) */
  ZN_SRC_RULE,   /* a pattern rule */
  ZN_SRC_GAZ,    /* a gazetteer entry */
  ZN_SRC_SUFFIX, /* the organisation suffix engine */
  ZN_SRC_DOC,    /* a name established elsewhere in the document */
  ZN_SRC_LIST    /* an item of a list of bodies of one kind (甲、乙等企业) */
} zn_source;

typedef struct zn_cand {
  size_t s, e; /* view [s, e) */
  float cost;
  uint8_t type, kind, source;
} zn_cand;

/* Word edges of the lexicon at each view position. */
typedef struct zn_edge {
  uint16_t len;
  float cost;
  uint32_t node; /* the word's node in the lexicon's trie */
} zn_edge;
typedef struct zn_edges {
  size_t *first; /* first[i]..first[i+1]: edges starting at i */
  zn_edge *edge;
  size_t n, cap;
} zn_edges;

/* Gazetteer entries at view [s, e), listed by start or by end:
 * m[first[i]..first[i+1]) start (or end) at i. */
typedef struct zn_gaz_match {
  uint32_t s, e;
  uint32_t cats; /* g->cats, here to spare a visit to g */
  const zn_gaz_entry *g;
} zn_gaz_match;
typedef struct zn_gaz_list {
  size_t *first;
  zn_gaz_match *m;
  size_t n;
} zn_gaz_list;

/* A chosen path element. */
typedef struct zn_step {
  size_t s, e;
  long cand; /* index into cands, or -1 for a word */
} zn_step;

typedef struct zn_work {
  const zn_model *m;
  const zn_view *v;
  /* matches.c: every word and gazetteer entry, found once per piece */
  zn_edges edges;            /* words of two characters and more */
  uint32_t *w1;              /* the lexicon's node of the one-character word at i, or 0 */
  float *ccost;              /* cost of character i as a word of its own */
  const zn_charstat **cstat; /* name statistics of character i, or NULL */
  zn_gaz_list gstart, gend;  /* gazetteer entries by start and by end */
  /* base segmentation (words only): the word covering each position */
  size_t *wstart, *wend;
  /* evidence from rules and from earlier passes */
  float *left, *right;     /* cue strength for a name starting / ending at i */
  unsigned char *block;    /* no name may cover i */
  unsigned char *repeated; /* a surname and a word at i that the piece repeats (person.c) */
  size_t *nonname_reach;   /* the furthest end of a never-a-name entry starting by i */
  zn_hit *hits;
  size_t nhits, caphits;
  zn_cand *cands;
  size_t ncands, capcands;
  zn_cand *fixed; /* the candidates no pass changes (organisations, rule hits), from the first */
  size_t nfixed;
  zn_cand *persons; /* the person candidates of the last pass, by start */
  size_t npersons;
  unsigned char *changed; /* 1: left[i] changed since the last pass; 2: right[i] did */
  zn_step *path;
  size_t npath, cappath;
} zn_work;

/* matches.c */
void zn_matches_build(zn_work *w);
void zn_matches_free(zn_work *w);
/* Cost of character i as a word of its own. */
float zn_char_cost(const zn_work *w, size_t i);
/* Word of the lexicon at view [s, e), or NULL. */
const zn_word *zn_word_at(const zn_work *w, size_t s, size_t e);
/* The one-character word at i, or NULL. */
const zn_word *zn_word1(const zn_work *w, size_t i);
/* Whether view [s, e) is an everyday word or a place of the lexicon (高峰,
 * 莫斯科, 凯里 of 凯里市): not a name where only weak evidence says so. */
int zn_plain_word(const zn_work *w, size_t s, size_t e);
/* Whether view [q, p) is a city's or a county's usual short name (大连 of 大连市, 凯里 of
 * 凯里市), not an everyday word. */
int zn_place_stem(const zn_work *w, size_t q, size_t p);
/* Where the place of the lexicon of two characters or more that is the base word ending at p
 * starts (贵州 of 贵州|海生玻璃), or p if there is none. */
size_t zn_place_before(const zn_work *w, size_t p);
/* Gazetteer entry at view [s, e), or NULL. */
const zn_gaz_entry *zn_gaz_at(const zn_work *w, size_t s, size_t e);
/* Longest entry of category cat starting at s: its length (also in *len),
 * or 0. */
size_t zn_gaz_longest(const zn_work *w, zn_cat cat, size_t s, size_t *len);
/* Longest entry of category cat ending at e; its length, or 0. */
size_t zn_gaz_longest_ending(const zn_work *w, zn_cat cat, size_t e);

/* lattice.c: the best path over words and candidates; fills w->path. */
void zn_lattice_best(zn_work *w, int with_cands);
void zn_cand_add(zn_work *w, size_t s, size_t e, float cost, int type, int kind, int source);
/* How much cheaper than the words it spans a candidate is made where it should win. */
#define ZN_WORD_MARGIN 0.5f

/* person.c, org.c */
#define ZN_NAME_REACH 16 /* a person candidate starting at i ends at i + ZN_NAME_REACH at most */
/* The person candidates that start at i: they read the cues left[i] and right[e] for the ends
 * e after i, and nothing else a pass changes. */
void zn_person_candidates_at(zn_work *w, size_t i);
/* What the person candidates read that no pass changes: w->repeated and w->nonname_reach. */
void zn_person_prepare(zn_work *w);
void zn_org_candidates(zn_work *w);
/* A department the gazetteer knows right after a body found is the body's: 县人大|内司委,
 * 市政协|文史委 (one name, the longest). Runs once every organisation candidate is in. */
void zn_org_departments(zn_work *w);
/* Whether the base word [q, p) is a place of two characters that a conjunction and a level
 * spell, after a Han character: the conjunction then joins what stands before to a body of
 * that level, which starts inside the word (乡镇|和县|农业农村局 is 乡镇 和 县农业农村局; not
 * 安徽|和县). */
int zn_link_level(const zn_work *w, size_t q, size_t p);

#endif
