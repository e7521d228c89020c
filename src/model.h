/* model.h: what zn_model_load reads, shared read-only by every document. */
#ifndef ZN_MODEL_H
#define ZN_MODEL_H

#include "gazetteer.h"
#include "lexicon.h"
#include "resolve.h"
#include "rules.h"
#include "view.h"
#include "zhner.h"

/* Tunable constants of the scoring, in nats (costs are -ln probabilities). */
typedef struct zn_params {
  float name_base;         /* prior cost of a person name token */
  float given1, given2;    /* cost of a one- / two-character given name */
  float given_floor;       /* pseudo-count for unseen given-name characters */
  float unknown_char;      /* extra cost of a character the lexicon lacks */
  float org_cost;          /* cost of an organisation edge */
  float famous_cost;       /* cost of a famous person from the gazetteer */
  float doc_name_cost;     /* cost of a name already established in the document */
  float reference_cost;    /* cost of surname + honorific */
  float translit_base;     /* prior cost of a transliterated foreign name */
  float translit_min;      /* foreign names of the lexicon use a character this often */
  float translit_odd;      /* cost of one character they seldom use, after a strong cue */
  float translit_odd_word; /* ...which is no word more common than this cost */
} zn_params;

struct zn_model {
  zn_gazetteer gaz;
  zn_lexicon lex;
  zn_rules **rules;
  size_t nrules;
  zn_fold *fold;
  zn_forms forms; /* short and full forms of state and party bodies */
  char *version;
  zn_params p;
};

#endif
