/* rules.h: PCRE2 pattern rules, compiled once at load time (UTF, UCP, JIT).
 *
 * A rules file has one rule a line: ACTION WEIGHT PATTERN, '#' comments.
 * Patterns run on the normalised view and may name gazetteer categories as
 * @{category}, which expands to an alternation of its entries, longest first.
 * Actions:
 *   left   a person name may start at group "at", else at the match end
 *   right  a person name may end at group "at", else at the match start
 *   per    group "m" (else the whole match) is a person name
 *   org    group "m" (else the whole match) is an organisation name
 *   block  no person name may overlap group "m" (else the whole match)
 * WEIGHT is the strength of the evidence (a cost in nats taken off). */
#ifndef ZN_RULES_H
#define ZN_RULES_H

#include "gazetteer.h"
#include "view.h"
#include "zhner.h"

typedef enum zn_action {
  ZN_RULE_LEFT,
  ZN_RULE_RIGHT,
  ZN_RULE_PER,
  ZN_RULE_ORG,
  ZN_RULE_BLOCK
} zn_action;

typedef struct zn_rule zn_rule;
typedef struct zn_rules zn_rules;

typedef struct zn_hit {
  zn_action action;
  float weight;
  size_t s, e; /* view indexes [s, e); for left/right cues s == e is the position */
  int rule;    /* index of the rule, for explanations */
} zn_hit;

/* Reads and compiles a rules file against gazetteer g. */
zn_rules *zn_rules_load(const char *path, const zn_gazetteer *g, zn_error *err);
/* The length of the longest entry of gazetteer category cat that starts at
 * view position i, or 0: what the caller has found already. */
typedef size_t (*zn_gaz_lookup)(const void *ctx, int cat, size_t i);

/* Appends every hit in view v to *hits (*n, *cap). A rule whose pattern is
 * one category and nothing else ((?:@{title}), (?=@{per_after})) asks lookup
 * instead of PCRE2, with the same hits (a consuming match takes the longest
 * entry and goes on after it, a lookahead holds at every start), unless
 * lookup is NULL. Thread-safe: match state is made per call. Returns 0, or
 * -1 when a match hit its limits (err). */
int zn_rules_run(const zn_rules *r, const zn_view *v, zn_gaz_lookup lookup, const void *ctx,
                 zn_hit **hits, size_t *n, size_t *cap, zn_error *err);
size_t zn_rules_count(const zn_rules *r);
/* How many rules run anchored at the positions their pattern can start at
 * (starts.h) rather than scanning every position. */
size_t zn_rules_anchored(const zn_rules *r);
/* Off: every rule scans every position, with the same hits (for tests and
 * measurements); on by default. */
void zn_rules_prefilter(zn_rules *r, int on);
void zn_rules_free(zn_rules *r);

#endif
