/* person.c: person-name candidates. A Chinese name is a surname (one or two
 * characters) and a given name (one or two); its cost is the name prior plus
 * the surname's and the given characters' costs, less the cues around it
 * (titles before, speech verbs after, list commas, bylines). The lattice
 * then weighs it against the words it would break. */
#include "util.h"
#include "work.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ZN_STRONG_CUE 3.0f  /* a cue at least this strong says person on its own */
#define ZN_LINK_LAST 2.0f   /* a three-character name that ends with a preposition or conjunction */
#define ZN_COMMON_WORD 9.0f /* a word at most this cost (-ln p) is common */
#define ZN_RARE_WORD 13.0f  /* a word at least this cost is rare */
#define ZN_GIVEN_COMMON 7.5f /* a character at most this cost as a given one is common in names */

static float S_surname_cost(const zn_gaz_entry *g) {
  float pct = g->weight[ZN_CAT_SURNAME]; /* share of the population, percent */
  return -logf((pct > 0 ? pct : 0.001f) / 100.0f);
}

static float S_given_cost(const zn_work *w, size_t i) {
  const zn_lexicon *lx = &w->m->lex;
  const zn_charstat *st = w->cstat[i];
  double count = (st ? st->given : 0) + w->m->p.given_floor;
  return (float)-log(count / (lx->given_total + w->m->p.given_floor * 8000.0));
}

/* [s, e) holds only Han characters and nothing blocked. */
static int S_clean(const zn_work *w, size_t s, size_t e) {
  if (e > w->v->n)
    return 0;
  for (size_t i = s; i < e; i++)
    if (!zn_is_han(w->v->cp[i]) || w->block[i])
      return 0;
  return 1;
}

/* Whether a day of the week and a time of day open at i: 周 and a numeral, 日 or 末, then
 * 早, 晚, 上, 下, 中 or 夜 (周三晚, 周末上午; not 周一鸣). */
static int S_weekday(const zn_view *v, size_t i) {
  if (i + 2 >= v->n || v->cp[i] != 0x5468 /* 周 */)
    return 0;
  uint32_t d = v->cp[i + 1], t = v->cp[i + 2];
  return (zn_is_han_numeral(d) || d == 0x65E5 /* 日 */ || d == 0x672B /* 末 */) &&
         (t == 0x65E9 /* 早 */ || t == 0x665A /* 晚 */ || t == 0x4E0A /* 上 */ ||
          t == 0x4E0B /* 下 */ || t == 0x4E2D /* 中 */ || t == 0x591C /* 夜 */);
}

/* Whether the level at k, after a Han character, opens a chain of places: one to three Han
 * characters, then another place's level or kind (扬武镇|羊甲|村, 榕江县|古州|镇). No given
 * name holds it. A check on the candidates, not a rule: a rule tried it at every character. */
static int S_place_chain(const zn_work *w, size_t k) {
  const uint32_t *c = w->v->cp;
  size_t len;
  if (k == 0 || !zn_is_han(c[k - 1]) || !zn_has_cat(zn_gaz_at(w, k, k + 1), ZN_CAT_LEVEL))
    return 0;
  for (size_t d = 1; d <= 3 && k + d + 1 < w->v->n && zn_is_han(c[k + d]); d++)
    if (zn_gaz_longest(w, ZN_CAT_PLACE_SUFFIX, k + d + 1, &len))
      return 1;
  return 0;
}

/* The words that join the names of a list: 和 与 及 同. */
static int S_list_word(uint32_t c) {
  return c == 0x548C || c == 0x4E0E || c == 0x53CA || c == 0x540C;
}

/* What stands before i cannot be part of a name with it: no Han character,
 * a function word, or a word of two characters or more. */
static int S_free_before(const zn_work *w, size_t i) {
  if (i == 0 || !zn_is_han(w->v->cp[i - 1]))
    return 1;
  size_t ps = w->wstart[i - 1];
  const zn_word *prev = zn_word1(w, i - 1);
  return i - ps >= 2 || (ps == i - 1 && prev && (prev->flags & ZN_W_FUNC));
}

/* Whether the surname at i ends the name of three characters that a surname standing alone opens
 * two characters before it, with a preposition or an adverb of one character between them, which
 * given names use (杨|至|成将军, 李|亦|强书记): no joining word of a list (小刘|和|王局长). */
static int S_ref_inside(const zn_work *w, size_t i) {
  if (i < 2 || w->wstart[i - 1] != i - 1 || w->wstart[i - 2] != i - 2 || w->wend[i - 2] != i - 1 ||
      S_list_word(w->v->cp[i - 1]) || !zn_has_cat(zn_gaz_at(w, i - 2, i - 1), ZN_CAT_SURNAME))
    return 0;
  const zn_word *sur = zn_word1(w, i - 2);
  return !(sur && (sur->flags & ZN_W_FUNC));
}

/* What stands before a reference by surname (冉局长, 张先生) leaves the surname free:
 * what leaves a name free, or a verb or time word of one character that is itself free
 * (还得|托|滕市长, 当|冉局长; not 孙万|振|成局长, where 振 ends a name). */
static int S_ref_before(const zn_work *w, size_t i) {
  if (S_free_before(w, i))
    return S_ref_inside(w, i) == 0;
  const zn_word *prev = zn_word1(w, i - 1);
  return w->wstart[i - 1] == i - 1 && prev && (prev->flags & (ZN_W_VERB | ZN_W_TIME)) &&
         S_free_before(w, i - 1);
}

/* Whether a name that ends at e is a place's: a level follows that opens no title
 * (伯尔切斯库镇, 索伦森镇的; not 布朗县长). */
static int S_place_end(const zn_work *w, size_t e) {
  size_t len;
  return e < w->v->n && zn_has_cat(zn_gaz_at(w, e, e + 1), ZN_CAT_PLACE_SUFFIX) &&
         !zn_gaz_longest(w, ZN_CAT_TITLE, e, &len);
}

/* Whether [s, e) starts or ends inside a place of the base segmentation (莫|斯科, 图|卢兹,
 * 杜塞尔|多夫): a foreign name does not cut a place in two, unless a title ends where it
 * starts (部长|安德森 across 长安). */
static int S_splits_place(const zn_work *w, size_t s, size_t e) {
  const zn_word *word;
  if (w->wstart[s] < s && (word = zn_word_at(w, w->wstart[s], w->wend[s])) &&
      (word->flags & ZN_W_PLACE) && !zn_gaz_longest_ending(w, ZN_CAT_TITLE, s))
    return 1;
  return e < w->v->n && w->wstart[e] < e && (word = zn_word_at(w, w->wstart[e], w->wend[e])) &&
         (word->flags & ZN_W_PLACE);
}

/* Whether the base word [s, e) names a thing: a noun of two characters or more the lexicon
 * knows, no proper name (铝土矿, 石灰岩). */
static int S_thing(const zn_work *w, size_t s, size_t e) {
  const zn_word *word = e - s >= 2 ? zn_word_at(w, s, e) : NULL;
  return word && (word->flags & ZN_W_NOUN) && !(word->flags & (ZN_W_PROPER | ZN_W_PLACE));
}

/* The most Han characters a slogan in quotation marks holds (“万企兴万村”, “四在农家”). */
#define ZN_SLOGAN_MAX 8

/* Whether [s, e) lies inside a short quotation of Han characters alone and does not fill it: a
 * slogan or a name of a campaign (“万企兴万村”), whose characters only look like a name; a person
 * the text quotes is quoted whole (“苗苗”), and a strong cue overrides it. */
static int S_in_slogan(const zn_work *w, size_t s, size_t e) {
  const zn_view *v = w->v;
  size_t a = s, b = e;
  while (a > 0 && e - a < ZN_SLOGAN_MAX && zn_is_han(v->cp[a - 1]))
    a--;
  while (b < v->n && b - a < ZN_SLOGAN_MAX && zn_is_han(v->cp[b]))
    b++;
  return a > 0 && b < v->n && v->cp[a - 1] == 0x201C /* “ */ && v->cp[b] == 0x201D /* ” */ &&
         (a < s || b > e) && w->left[s] < ZN_STRONG_CUE && w->right[e] < ZN_STRONG_CUE;
}

/* Whether [s, e) stands between list commas in a list of things (铝土矿、高岭土、重晶石), or
 * opens one with a joining word (康养|与|旅游、体育): the words on both sides are nouns, so the
 * items are no persons. */
static int S_in_list_of_things(const zn_work *w, size_t s, size_t e) {
  const zn_view *v = w->v;
  if (e + 1 < v->n && S_list_word(v->cp[e]) && w->wend[e] == e + 1 && w->wstart[e + 1] == e + 1) {
    size_t b = w->wend[e + 1];
    if (S_thing(w, e + 1, b) && b < v->n && v->cp[b] == 0x3001)
      return 1;
  }
  if (s < 3 || e + 2 >= v->n || v->cp[s - 1] != 0x3001 || v->cp[e] != 0x3001)
    return 0;
  return S_thing(w, w->wstart[s - 2], s - 1) && w->wend[s - 2] == s - 1 &&
         S_thing(w, e + 1, w->wend[e + 1]) && w->wstart[e + 1] == e + 1;
}

/* Cost of character i as a character of a transliterated foreign name (克,
 * 斯, 尔), or INFINITY if the foreign names of the lexicon seldom use it. */
static float S_translit_cost(const zn_work *w, size_t i) {
  const zn_lexicon *lx = &w->m->lex;
  const zn_charstat *st = w->cstat[i];
  if (!st || st->translit < w->m->p.translit_min)
    return INFINITY;
  return (float)-log((st->translit + 1.0) / (lx->translit_total + 1.0));
}

/* Whether foreign names use the character at i (S_translit_cost is finite), without its cost. */
static int S_translit_char(const zn_work *w, size_t i) {
  const zn_charstat *st = w->cstat[i];
  return st && st->translit >= w->m->p.translit_min;
}

/* Whether i stands inside a foreign name: a character foreign names use stands alone before
 * it, no verb, function word or number, after another such character (切尔|诺|梅尔金): no Chinese
 * name starts there. */
static int S_in_foreign_run(const zn_work *w, size_t i) {
  if (i < 2 || w->wstart[i - 1] != i - 1 || w->wend[i - 1] != i || !S_translit_char(w, i - 1) ||
      !S_translit_char(w, i - 2))
    return 0; /* cstat is NULL where no Han character stands */
  const zn_word *one = zn_word1(w, i - 1);
  return !one || !(one->flags & (ZN_W_FUNC | ZN_W_VERB | ZN_W_NUM));
}

/* The length of the 某 or 某某 at i that stands for a given name the text leaves out (王|某,
 * 杨|某某; not 某些, 某种), or 0. */
static size_t S_anonymous(const zn_work *w, size_t i) {
  const uint32_t *c = w->v->cp;
  if (i >= w->v->n || c[i] != 0x67D0 /* 某 */)
    return 0;
  size_t len = i + 1 < w->v->n && c[i + 1] == 0x67D0 ? 2 : 1;
  return w->wstart[i] == i && w->wend[i] <= i + len ? len : 0;
}

/* Whether an entry that is never a name holds [s, e) (林巴斯 of 奥林巴斯, 高尔夫). */
static int S_in_nonname(const zn_work *w, size_t s, size_t e) {
  return w->nonname_reach[s] >= e;
}

/* Whether the base segmentation has a word of one character at i and one of two after it. */
static int S_one_then_two(const zn_work *w, size_t i) {
  return i + 3 <= w->v->n && w->wend[i] == i + 1 && w->wstart[i + 1] == i + 1 &&
         w->wend[i + 1] == i + 3;
}

/* Whether a surname stands alone at i as a word and one everyday noun or adjective of two
 * characters follows it as a word (杨|胜利, 孙|海洋, 江|宏伟), or a place that does not end with
 * its level (严|海滨; not 王|和县): a name only where something else says so. */
static int S_surname_word(const zn_work *w, size_t i) {
  if (!S_one_then_two(w, i) || !zn_has_cat(zn_gaz_at(w, i, i + 1), ZN_CAT_SURNAME))
    return 0;
  const zn_word *sw = zn_word1(w, i), *gw = zn_word_at(w, i + 1, i + 3);
  return sw && gw && !(gw->flags & (ZN_W_VERB | ZN_W_FUNC | ZN_W_NUM | ZN_W_TIME)) &&
         !zn_gaz_at(w, i + 1, i + 3) &&
         !zn_has_cat(zn_gaz_at(w, i + 2, i + 3), ZN_CAT_PLACE_SUFFIX);
}

/* Whether the surname at i, as a word of its own, is a noun or a name: no adjective, verb,
 * measure word or function word that would make what follows a phrase (高|水平, 张|照片). */
static int S_plain_surname(const zn_work *w, size_t i) {
  const zn_word *sw = zn_word1(w, i);
  return sw && !(sw->flags & (ZN_W_ADJ | ZN_W_VERB | ZN_W_NUM | ZN_W_FUNC | ZN_W_PLACE));
}

typedef struct zn_trigram {
  uint32_t c[3];
  size_t at;
} zn_trigram;

static int S_cmp_trigram(const void *a, const void *b) {
  const zn_trigram *x = a, *y = b;
  int d = memcmp(x->c, y->c, sizeof x->c);
  return d ? d : (x->at > y->at) - (x->at < y->at);
}

/* A surname and an everyday word that the piece writes three times or more, each time free
 * of what stands before (江宏伟 four times in a portrait of the painter): a name, as if a title
 * stood before it. */
static void S_repeats(zn_work *w) {
  size_t n = w->v->n, nk = 0;
  w->repeated = zn_xcalloc(n + 1, 1);
  zn_trigram *t = zn_xmalloc((n + 1) * sizeof *t);
  for (size_t i = 0; i + 3 <= n; i++)
    if (w->wend[i] == i + 1 && S_plain_surname(w, i) && S_surname_word(w, i) && !w->block[i] &&
        S_free_before(w, i) && S_given_cost(w, i + 1) <= ZN_GIVEN_COMMON &&
        S_given_cost(w, i + 2) <= ZN_GIVEN_COMMON) {
      memcpy(t[nk].c, w->v->cp + i, sizeof t[nk].c);
      t[nk++].at = i;
    }
  qsort(t, nk, sizeof *t, S_cmp_trigram);
  for (size_t a = 0, b; a < nk; a = b) {
    for (b = a + 1; b < nk && !memcmp(t[b].c, t[a].c, sizeof t[a].c);)
      b++;
    for (size_t k = a; b - a >= 3 && k < b; k++)
      w->repeated[t[k].at] = 1;
  }
  free(t);
}

/* nonname_reach[i]: the furthest end of an entry that is never a name and starts at i or
 * before; one that reaches past i holds whatever starts at i and ends by then. */
static void S_nonname_reach(zn_work *w) {
  size_t n = w->v->n, reach = 0;
  const zn_gaz_list *bs = &w->gstart; /* by start */
  w->nonname_reach = zn_xcalloc(n + 1, sizeof *w->nonname_reach);
  for (size_t k = 0; k < bs->n; k++)
    if ((bs->m[k].cats & (1u << ZN_CAT_NONNAME)) && bs->m[k].e > w->nonname_reach[bs->m[k].s])
      w->nonname_reach[bs->m[k].s] = bs->m[k].e;
  for (size_t i = 0; i <= n; i++) {
    if (w->nonname_reach[i] > reach)
      reach = w->nonname_reach[i];
    w->nonname_reach[i] = reach;
  }
}

void zn_person_prepare(zn_work *w) {
  S_repeats(w);
  S_nonname_reach(w);
}

/* Whether a common verb of one character stands at i and a common word of two characters after
 * it, as the base segmentation has them (企业家|谈|发展): a verb and its object, not a surname
 * and a given name, unless a strong cue after them says otherwise. */
static int S_verb_object(const zn_work *w, size_t i) {
  if (!S_one_then_two(w, i) || w->right[i + 3] >= ZN_STRONG_CUE)
    return 0;
  const zn_word *verb = zn_word1(w, i), *object = zn_word_at(w, i + 1, i + 3);
  return verb && object && (verb->flags & ZN_W_VERB) && verb->cost < ZN_KNOWN_WORD &&
         !(object->flags & ZN_W_PROPER) && object->cost < ZN_COMMON_WORD;
}

/* How much cheaper a name is that opens its clause and is its subject: a verb or an adverb
 * starts right after it (，朱力行|已经…, 。郑全军|又安排…; not 侯御|之, 万念归|一). */
#define ZN_SUBJECT_CUE 2.0f

/* Whether [i, e) opens a clause, after punctuation that ends one or at the text's start, and
 * what follows it is a predicate: a verb of two characters or more or an adverb of the lexicon
 * starts at e (not a verb of one character, which may end the name: 梁连起|从). */
static int S_clause_opening(const zn_work *w, size_t i, size_t e) {
  static const uint32_t ends[] = {0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, '\n'};
  int opens = i == 0;
  for (size_t k = 0; !opens && k < sizeof ends / sizeof *ends; k++)
    opens = w->v->cp[i - 1] == ends[k];
  if (!opens || e >= w->v->n || w->wstart[e] != e)
    return 0;
  const zn_word *next = zn_word_at(w, e, w->wend[e]);
  if (w->wend[e] - e == 1 && e - i < 3)
    return 0; /* a word of one character after a short name may be its last (李宝|均) */
  return next && (((next->flags & ZN_W_VERB) && w->wend[e] - e >= 2) ||
                  ((next->flags & ZN_W_FUNC) && !(next->flags & (ZN_W_LINK | ZN_W_PARTICLE))));
}

/* Whether a list comma follows e and a strong cue stands there: the next item is a name the
 * document has (杨|胜利|、王平、张文华). */
static int S_named_list_after(const zn_work *w, size_t e) {
  return e < w->v->n && w->v->cp[e] == 0x3001 /* 、 */ && w->right[e] >= ZN_STRONG_CUE;
}

/* How far above a common noun's cost a name that is exactly the noun may cost and still take
 * its cost after a strong cue (时明军 costs less than the word; 成人礼 4.9 nats more). */
#define ZN_NOUN_REACH 3.0f

/* Whether the lexicon word is a common noun: no proper noun, place or abbreviation. */
static int S_plain_noun(const zn_word *word) {
  return (word->flags & ZN_W_NOUN) && !(word->flags & (ZN_W_PROPER | ZN_W_PLACE));
}

static void S_names_at(zn_work *w, size_t i) {
  const zn_params *p = &w->m->p;
  if (w->left[i] < ZN_STRONG_CUE && S_in_foreign_run(w, i))
    return;
  for (size_t sl = 2; sl >= 1; sl--) {
    if (!S_clean(w, i, i + sl))
      continue;
    const zn_gaz_entry *sur = zn_gaz_at(w, i, i + sl);
    if (!zn_has_cat(sur, ZN_CAT_SURNAME))
      continue;
    float cs = S_surname_cost(sur);
    float cg = 0;
    /* a surname that is a common function word (向, 于) opens a name only
     * after punctuation or a strong cue before, or a cue after twice as
     * strong (学习向秀丽同志; not 回信向|立新女士, 一直向|莫里斯) */
    const zn_word *fw = sl == 1 ? zn_word1(w, i) : NULL;
    int func_surname = fw && (fw->flags & ZN_W_FUNC) && fw->cost < ZN_COMMON_WORD && i > 0 &&
                       zn_is_han(w->v->cp[i - 1]) &&
                       (w->left[i] < ZN_STRONG_CUE || S_list_word(w->v->cp[i]));
    size_t anon = S_anonymous(w, i + sl);
    int chain = 0; /* a given character opens a chain of places */
    for (size_t g = 1; g <= 2 && !anon; g++) {
      size_t e = i + sl + g;
      if (!S_clean(w, i, e))
        break;
      cg += S_given_cost(w, e - 1);
      chain = chain || S_place_chain(w, e - 1);
      if (func_surname && w->right[e] < 2 * ZN_STRONG_CUE)
        continue;
      /* nor, even after a strong cue, before a word of the lexicon, no name, that would be its
       * given name (工作人员|向|来宾|介绍; but 学习|向|秀丽|同志, where a cue after says name) */
      const zn_word *given =
          w->wstart[i + sl] == i + sl && w->wend[i + sl] == e ? zn_word_at(w, i + sl, e) : NULL;
      if (fw && (fw->flags & ZN_W_FUNC) && fw->cost < ZN_COMMON_WORD && given &&
          !(given->flags & (ZN_W_NR | ZN_W_PROPER | ZN_W_NAMELIKE)) && e - i - sl >= 2 &&
          w->right[e] < 2 * ZN_STRONG_CUE)
        continue;
      if (g == 2 && sl == 1 && S_verb_object(w, i))
        continue;
      const zn_word *head = zn_word_at(w, i, i + 2);
      if (S_in_nonname(w, i, e) || zn_has_cat(zn_gaz_at(w, e - 1, e), ZN_CAT_PLACE_SUFFIX) ||
          zn_has_cat(zn_gaz_at(w, i + sl, e), ZN_CAT_TITLE) || chain ||
          (S_place_end(w, e) && w->left[i] < ZN_STRONG_CUE) ||
          (w->left[i] < ZN_STRONG_CUE && w->right[e] < ZN_STRONG_CUE && zn_place_stem(w, i, e)) ||
          (head && (head->flags & ZN_W_TIME) && (w->left[i] < ZN_STRONG_CUE || S_weekday(w->v, i))))
        continue; /* 柳溪镇, 李村, 王庄|镇, 在|凯里|签约, 武镇|羊甲村: a place; 任|组长: a title
                   * is no given name; 周二晚: a time, even after a title (总理|周三晚; but
                   * 总裁宋朝明) */
      float cost =
          p->name_base + cs + cg + (g == 1 ? p->given1 : p->given2) - w->left[i] - w->right[e];
      if (S_clause_opening(w, i, e))
        cost -= ZN_SUBJECT_CUE;
      /* a second given character that is a common function word or numeral
       * more likely starts what follows (卢亮|以, 王磊|六段), unless a title or
       * a byline says where a name starts (通讯员 熊顺才) and it is no preposition or
       * conjunction before anything but a verb (外长|王毅|同|某某|会谈; but 副主席杨文和|出席),
       * which costs more in any case; so does a single
       * one that is a common preposition, conjunction or measure word, whatever stands before
       * (钱|家, 8号李|从; but 孔前) */
      const zn_word *last = zn_word1(w, e - 1);
      const zn_word *next = e < w->v->n ? zn_word_at(w, e, w->wend[e]) : NULL;
      int link =
          g == 2 && last && (last->flags & ZN_W_LINK) && !(next && (next->flags & ZN_W_VERB));
      uint16_t odd = g == 1                       ? ZN_W_LINK | ZN_W_NUM
                     : w->left[i] < ZN_STRONG_CUE ? ZN_W_FUNC | ZN_W_NUM
                                                  : 0;
      /* a second given character that opens a function or time word of two characters with
       * what follows (田雨|正在, 李明|已经), whatever stands before, costs what the cut of that
       * word saves: the name of two before it is whole; not where the character after it opens a
       * word of its own (林芳正|在座) */
      const zn_word *across = g == 2 && w->wstart[e - 1] == e - 1 && w->wend[e - 1] == e + 1
                                  ? zn_word_at(w, e - 1, e + 1)
                                  : NULL;
      const zn_word *rest = across ? zn_word1(w, e) : NULL;
      if (across && rest && !(e + 2 <= w->v->n && zn_word_at(w, e, e + 2)) &&
          (across->flags & (ZN_W_FUNC | ZN_W_TIME)) && across->cost < ZN_KNOWN_WORD &&
          across->cost > rest->cost)
        cost += across->cost - rest->cost;
      if (last && ((last->flags & odd) || link) && last->cost < ZN_COMMON_WORD)
        cost += ZN_COMMON_WORD - last->cost + (link ? ZN_LINK_LAST : 0);
      /* a rare word of the lexicon that is exactly the name, after a strong
       * cue, is the name (记者|时明军|报道, 司令|巴克), unless it is a verb or an adjective
       * (群众|解难), or a common noun the name's own cost is far above (学生|成人礼) */
      const zn_word *whole = zn_word_at(w, i, e);
      if (whole && whole->cost >= ZN_RARE_WORD && w->left[i] >= ZN_STRONG_CUE &&
          !(whole->flags & (ZN_W_VERB | ZN_W_ADJ | ZN_W_FUNC)) &&
          cost > whole->cost - ZN_WORD_MARGIN &&
          (!S_plain_noun(whole) || cost < whole->cost + ZN_NOUN_REACH))
        cost = whole->cost - ZN_WORD_MARGIN;
      /* after a strong cue, or before a list comma and a name, a surname standing alone and one
       * everyday noun or adjective of two characters after it are a name whose given name is that
       * word (校长|杨|胜利, 校长|孙|海洋, 杨|胜利|、王平): the name costs no more than the two
       * words */
      if (g == 2 && sl == 1 &&
          (w->left[i] >= ZN_STRONG_CUE || S_named_list_after(w, e) || w->repeated[i]) &&
          S_surname_word(w, i)) {
        float words = zn_word1(w, i)->cost + zn_word_at(w, i + 1, e)->cost - ZN_WORD_MARGIN;
        if (cost > words)
          cost = words;
      }
      /* after a strong cue, a surname standing alone and a character that makes a word of two with
       * a preposition or a conjunction after it (司长|谢|存在, 市长|张|正在): the name takes
       * the character, and costs no more than the cut of that word would save */
      const zn_word *sw = zn_word1(w, i), *link2 = NULL, *joined = NULL;
      if (g == 1 && sl == 1 && w->left[i] >= ZN_STRONG_CUE && S_one_then_two(w, i) && sw &&
          !(sw->flags & ZN_W_FUNC) && (joined = zn_word_at(w, i + 1, i + 3)) &&
          (link2 = zn_word1(w, e)) && (link2->flags & ZN_W_LINK)) {
        float words = sw->cost + joined->cost - link2->cost - ZN_WORD_MARGIN;
        if (cost > words)
          cost = words;
      }
      if (!S_in_list_of_things(w, i, e) && !S_in_slogan(w, i, e))
        zn_cand_add(w, i, e, cost, ZN_PER, ZN_NAME, ZN_SRC_MODEL);
    }
    /* a reference by surname opens where a word starts that nothing before
     * claims (张雅|茹女士, 时任|市长) and no function word is the surname
     * (和 of 妇女和医生, 向|市长) */
    const zn_word *one = sl == 1 ? zn_word1(w, i) : NULL;
    int ref_ok = !(one && (one->flags & ZN_W_FUNC)) && w->wstart[i] == i && S_ref_before(w, i);
    float ref_cost = p->reference_cost + cs * 0.5f - w->left[i];
    /* a surname and what follows it that the lexicon has as one word are a
     * reference only if it tags the surname, alone, as a name (周总理, 李先生;
     * not 代主任, where 代 is a measure word) */
    int one_nr = one && (one->flags & ZN_W_NR);
    /* surname + 某: a person the text does not name, 王某, 杨某某 */
    if (anon && w->wstart[i] == i && !(one && (one->flags & ZN_W_FUNC)))
      zn_cand_add(w, i, i + sl + anon, ref_cost, ZN_PER, ZN_REFERENCE, ZN_SRC_MODEL);
    /* surname + honorific or kinship word: 张先生, 杨大爷 */
    size_t hl;
    if (ref_ok && zn_gaz_longest(w, ZN_CAT_HONORIFIC, i + sl, &hl) && S_clean(w, i, i + sl + hl) &&
        (w->wend[i] != i + sl + hl || one_nr))
      zn_cand_add(w, i, i + sl + hl, ref_cost, ZN_PER, ZN_REFERENCE, ZN_SRC_MODEL);
    /* surname + title: 汤局长, 金教授, the surname and the title words of
     * their own (not 刘|明书记), or one word as above (毛主席); not the body's kind before its
     * head's title (某某司|司长, 某某局|局长) */
    size_t tl;
    if (ref_ok && zn_gaz_longest(w, ZN_CAT_TITLE, i + sl, &tl) && S_clean(w, i, i + sl + tl) &&
        !(sl == 1 && w->v->cp[i] == w->v->cp[i + 1]) &&
        ((w->wend[i] == i + sl && w->wstart[i + sl] == i + sl) ||
         (w->wend[i] == i + sl + tl && one_nr)))
      zn_cand_add(w, i, i + sl + tl, ref_cost, ZN_PER, ZN_REFERENCE, ZN_SRC_MODEL);
    /* 胡老说: 老 after a surname honours an elder where a strong cue follows
     * (not 古老的) */
    size_t e = i + sl + 1;
    if (S_clean(w, i, e) && w->v->cp[e - 1] == 0x8001 /* 老 */ && e < w->v->n &&
        w->right[e] >= ZN_STRONG_CUE && !(one && (one->flags & ZN_W_FUNC)))
      zn_cand_add(w, i, e, p->reference_cost + cs * 0.5f - w->left[i] - w->right[e], ZN_PER,
                  ZN_REFERENCE, ZN_SRC_MODEL);
  }
  /* 老王, 小李: a reference when a one-character surname follows, and the two
   * are no everyday word (小时, 老路), nor the given name after a surname of its own, no function
   * word (王|小龙 is a full name) */
  uint32_t c = w->v->cp[i];
  const zn_word *prev = i > 0 && w->wstart[i - 1] == i - 1 ? zn_word1(w, i - 1) : NULL;
  int surnamed = i > 0 && w->wend[i - 1] == i && w->wstart[i - 1] == i - 1 &&
                 zn_has_cat(zn_gaz_at(w, i - 1, i), ZN_CAT_SURNAME) &&
                 !(prev && (prev->flags & ZN_W_FUNC));
  if ((c == 0x8001 /* 老 */ || c == 0x5C0F /* 小 */) && S_clean(w, i, i + 2) && !surnamed &&
      !zn_plain_word(w, i, i + 2)) {
    const zn_gaz_entry *sur = zn_gaz_at(w, i + 1, i + 2);
    if (zn_has_cat(sur, ZN_CAT_SURNAME) &&
        (i + 2 >= w->v->n || !zn_is_han(w->v->cp[i + 2]) || w->right[i + 2] > 0))
      zn_cand_add(w, i, i + 2, p->reference_cost + S_surname_cost(sur) * 0.5f, ZN_PER, ZN_REFERENCE,
                  ZN_SRC_MODEL);
  }
}

/* Whether [s, e) ends with a known word of two characters (安南|希望, 巴尔|海军):
 * the name stops before it. */
static int S_common_end(const zn_work *w, size_t s, size_t e) {
  const zn_word *word = zn_word_at(w, e - 2, e);
  return e - 2 > s && word && !(word->flags & ZN_W_PROPER) && word->cost < ZN_KNOWN_WORD;
}

/* Whether a known word of two characters starts at the last character of [s, e) and goes on
 * past it (恩斯塔德|日前, 贝斯莱斯|提供), or a base word of three characters or more, no name
 * or place, holds that character and the next (新|篇章): the name stops before it. */
static int S_common_across(const zn_work *w, size_t e) {
  const zn_word *word = e < w->v->n ? zn_word_at(w, e - 1, e + 1) : NULL;
  if (word && !(word->flags & ZN_W_PROPER) && word->cost < ZN_KNOWN_WORD)
    return 1;
  /* or a longer base word across it, however rare: 大凯里·新|篇章 */
  word = e < w->v->n && w->wstart[e] < e ? zn_word_at(w, w->wstart[e], w->wend[e]) : NULL;
  return word && w->wend[e] - w->wstart[e] >= 3 && !(word->flags & (ZN_W_PROPER | ZN_W_PLACE));
}

/* How far after i the next joiner stands, when at most reach and only characters that foreign
 * names use stand between (马克|思|·: 1 after 思); else 0. */
static size_t S_joiner_after(const zn_work *w, size_t i, size_t reach) {
  for (size_t k = i + 1; k < w->v->n && k <= i + reach; k++) {
    if (zn_is_joiner(w->v->cp[k]))
      return k - i;
    if (w->block[k] || isinf(S_translit_cost(w, k)))
      return 0;
  }
  return 0;
}

/* Whether a joiner follows s after one to four characters that foreign names use (詹|姆斯·):
 * the part before the dot then may open with a character they seldom use. */
static int S_dot_ahead(const zn_work *w, size_t s) {
  const zn_word *one = zn_word1(w, s);
  if (w->wstart[s] != s || (one && (one->flags & (ZN_W_VERB | ZN_W_FUNC))) ||
      zn_gaz_longest_ending(w, ZN_CAT_TITLE, s + 1) >= 2)
    return 0; /* the end of a word or a title before (部长|阿尔贝托), or a verb (叫|娜塔) */
  return S_joiner_after(w, s, 5) >= 2;
}

/* Whether nothing after i goes on a name: no Han character, or a function word starts there. */
static int S_name_stops(const zn_work *w, size_t i) {
  if (i >= w->v->n || !zn_is_han(w->v->cp[i]))
    return 1;
  const zn_word *word = zn_word_at(w, i, w->wend[i]);
  return w->wstart[i] == i && word && (word->flags & ZN_W_FUNC);
}

/* Whether the base word at s opens a foreign name rather than an everyday word before one
 * (大臣|安娜·, 黑人|丹尼斯·): a proper noun, an unknown or rare word. */
static int S_foreign_start(const zn_work *w, size_t s) {
  const zn_word *word = zn_word_at(w, s, w->wend[s]);
  if (w->wstart[s] != s || !word || (word->flags & ZN_W_PROPER))
    return w->wstart[s] == s;
  return w->wend[s] == s + 1 && zn_char_cost(w, s) >= w->m->p.translit_odd_word;
}

/* A function word of one character cheaper than this (各 7.2; not 特 8.9, 尚 9.3) ends a
 * foreign name's part after a dot. */
#define ZN_PART_STOP 8.0f

#define ZN_RUN_MIN 3     /* a whole run with no cue: at least this long */
#define ZN_RUN_COST 3.0f /* and this much dearer than with one */
/* Whether [s, e), after no Han character, is the subject of its clause: what follows it is no
 * noun or place, which it would qualify (阿拉|伯|产油国, 斯诺克|团体), but a verb, an adverb, a
 * time, a number or a preposition (阿巴查|8日晨, 伯奇费尔|郑重地). */
static int S_clause_subject(const zn_work *w, size_t s, size_t e) {
  if ((s > 0 && zn_is_han(w->v->cp[s - 1])) || e >= w->v->n || w->wstart[e] != e)
    return 0;
  const zn_word *next = zn_word_at(w, e, w->wend[e]);
  return !next || !(next->flags & (ZN_W_NOUN | ZN_W_PLACE));
}

/* Whether [s, e) is a whole run of characters foreign names use, long, opening with a surname
 * (a Chinese name would cut it in the middle: 马|尔科|维奇, 伊|斯梅|达) or the subject of its
 * clause. */
static int S_whole_run(const zn_work *w, size_t s, size_t e, int odd) {
  float common = w->m->p.translit_odd_word; /* a one-character word this cheap is common */
  if (odd || e - s < ZN_RUN_MIN ||
      (!zn_has_cat(zn_gaz_at(w, s, s + 1), ZN_CAT_SURNAME) && !S_clause_subject(w, s, e)))
    return 0;
  for (size_t k = s + 1; k < e; k++) {
    const zn_word *one = zn_word1(w, k);
    if (zn_char_cost(w, k) < common || (one && (one->flags & ZN_W_FUNC)) ||
        zn_is_han_numeral(w->v->cp[k]))
      return 0; /* 贝恩|四, 莫兰德|一 */
  }
  if (s > 0 && zn_is_han(w->v->cp[s - 1]) && !isinf(S_translit_cost(w, s - 1)) &&
      zn_char_cost(w, s - 1) >= common)
    return 0;
  return e >= w->v->n || !zn_is_han(w->v->cp[e]) || isinf(S_translit_cost(w, e)) ||
         zn_char_cost(w, e) < common;
}

/* Whether s lies in a kind of people: one base word that ends with 人 (黑人, 商人, 英国人), or a
 * place of the lexicon and 人 in two (荷兰|人). No foreign name starts there (黑人|詹姆斯,
 * 英国人|哈利·伍德斯). */
static int S_in_people(const zn_work *w, size_t s) {
  const zn_view *v = w->v;
  size_t ws = w->wstart[s], we = w->wend[s];
  if (we - ws >= 2 && v->cp[we - 1] == 0x4EBA /* 人 */)
    return 1;
  if (we - ws == 1 && v->cp[ws] == 0x4EBA && ws > 0) /* s is the 人 of 荷兰|人 */
    ws = w->wstart[ws - 1];
  else if (we < v->n && v->cp[we] == 0x4EBA && w->wend[we] == we + 1)
    we++; /* s is in the place of 荷兰|人 */
  if (v->cp[we - 1] != 0x4EBA || we - 1 - ws < 2)
    return 0;
  const zn_word *place = zn_word_at(w, ws, we - 1);
  return place && (place->flags & ZN_W_PLACE);
}

/* Transliterated foreign names starting at s: runs of characters that foreign
 * names use, in parts joined by a middle dot, where the context says person
 * (a strong cue before or after: a title, a speech verb) or the dot does,
 * or the run is whole and opens with a surname (see S_whole_run), and that
 * are not everyday words or places. */
static void S_foreign_at(zn_work *w, size_t s) {
  const zn_params *p = &w->m->p;
  const zn_view *v = w->v;
  if (S_in_people(w, s))
    return;
  float cost = p->translit_base - w->left[s];
  int joined = 0, odd = 0, odd_cued = 0; /* odd_cued: the odd character holds where a cue follows */
  size_t before = w->ncands, e, odd_at = (size_t)-1, part = (size_t)-1;
  for (e = s; e < v->n && e - s < ZN_NAME_REACH;) {
    /* an initial, a word of its own, may stand for the first part: 马·科瓦尔斯基 */
    /* and a second dot may follow a part after the first: 穆罕默德·本·萨勒曼, 马丁·路德·金 */
    if (zn_is_joiner(v->cp[e]) && (e >= s + 2 || w->wstart[s] == s) &&
        (!joined || (joined == 1 && e > part))) {
      joined++, odd = 0, part = ++e; /* each part may hold one odd character */
      /* a famous family after the dot ends the name whatever its characters (拉吉夫·甘地) */
      size_t fl;
      if (zn_gaz_longest(w, ZN_CAT_PERSON, e, &fl) && S_clean(w, e, e + fl) &&
          !S_place_end(w, e + fl))
        zn_cand_add(w, s, e + fl, p->translit_base - w->left[s] - w->right[e + fl], ZN_PER, ZN_NAME,
                    ZN_SRC_MODEL);
      continue;
    }
    const zn_word *one = w->wstart[e] == e && w->wend[e] == e + 1 ? zn_word1(w, e) : NULL;
    if (joined && e > part && one &&
        (((one->flags & ZN_W_FUNC) && one->cost < ZN_PART_STOP) || zn_is_han_numeral(v->cp[e])))
      break; /* after the dot, where the parts' costs do not count, a function word as common as
              * 各 or a numeral, a word of its own, ends the name (劳塔罗·马丁内斯|各|入一球; not
              * 阿马|特, 皮|克|林, 圭尼贡|多) */
    size_t hl;
    if (e > s && (zn_has_cat(zn_gaz_at(w, e, e + 1), ZN_CAT_PLACE_SUFFIX) ||
                  zn_gaz_longest(w, ZN_CAT_HONORIFIC, e, &hl)))
      break; /* a level or an honorific ends the run (县, 镇, 女士: their characters are also
              * in foreign names' statistics) */
    float tc = w->block[e] ? INFINITY : S_translit_cost(w, e);
    /* one character foreign names seldom use, where a strong cue stands
     * before the name: 贾|米拉达, 卡里延诺, 若斯兰; or inside the part after a dot
     * (阿·卡里延诺夫) or last in it, before a function word or no Han character
     * (托马|肖|及其); but no common word (马丁|和|卡佩拉, 任命|了|卡里延诺,
     * 科斯马斯|说) */
    if (isinf(tc) && !odd && !w->block[e] && zn_is_han(v->cp[e]) && !S_list_word(v->cp[e]) &&
        zn_char_cost(w, e) >= p->translit_odd_word) {
      if (w->left[s] >= ZN_STRONG_CUE ||
          (joined && e + 1 < v->n && !isinf(S_translit_cost(w, e + 1))) ||
          (joined && S_name_stops(w, e + 1)) || (e == s && S_dot_ahead(w, s)) ||
          (e > s && !joined && S_foreign_start(w, s) && S_joiner_after(w, e, 4)))
        tc = p->translit_odd, odd = 1, odd_at = e;
      else if (e >= s + 2 && w->wend[e] == e + 1 && w->wstart[e] == e)
        /* 卡里|延|诺总理: a word of its own, and only where a strong cue follows the name
         * (not 马其顿|阿族|代表) */
        tc = p->translit_odd, odd = odd_cued = 1, odd_at = e;
    }
    if (isinf(tc) && odd && odd_at + 1 == e && v->cp[e] == v->cp[odd_at])
      tc = p->translit_odd, odd_at = e; /* the odd character doubled: 芭芭|拉 */
    if (isinf(tc))
      break;
    cost += tc, e++;
    if (e < s + 2 || zn_is_joiner(v->cp[e - 1]) || (zn_is_joiner(v->cp[s + 1]) && e < s + 4))
      continue;
    int uncued = !joined && w->left[s] < ZN_STRONG_CUE && w->right[e] < ZN_STRONG_CUE;
    if ((uncued && !S_whole_run(w, s, e, odd)) || (odd_cued && w->right[e] < ZN_STRONG_CUE))
      continue;
    if (zn_plain_word(w, s, e) || (e - s > 3 && S_common_end(w, s, e)) || S_common_across(w, e) ||
        S_in_nonname(w, s, e))
      continue;
    /* the dot alone says foreign name: the parts' own costs do not count */
    float c = joined ? p->translit_base - w->left[s] : cost + (uncued ? ZN_RUN_COST : 0.0f);
    /* a proper noun of the lexicon too rare to be well known that is exactly the run, after a
     * strong cue, is the name (选手|琼斯, 外长|库克): the run costs no more than the word; not
     * an abbreviation (居民|人均) nor one of the everyday words jieba tags as names (nr: 文明) */
    const zn_word *whole = zn_word_at(w, s, e);
    if (whole && (whole->flags & (ZN_W_PROPER | ZN_W_NR)) == ZN_W_PROPER &&
        whole->cost >= ZN_KNOWN_WORD && w->left[s] >= ZN_STRONG_CUE &&
        c > whole->cost - ZN_WORD_MARGIN)
      c = whole->cost - ZN_WORD_MARGIN;
    if (!S_splits_place(w, s, e))
      zn_cand_add(w, s, e, c - w->right[e], ZN_PER, ZN_NAME, ZN_SRC_MODEL);
  }
  if (e > s && odd_at != e - 1 && S_place_end(w, e))
    w->ncands = before; /* the run is a place's name */
}

/* Whether [s, e) can be a Japanese given name: it ends where a base word does, is no
 * function word of one character (山本|还|表示; but 正, 和, 之 serve in longer given names:
 * 正和, 幸之助), and does not end with one after two characters (岸田文雄|也|在; but 哲也, where
 * it ends a given name of two), nor with a particle (今井|敬等), and holds no base word of three
 * characters or more (山本|坦率地) and none of two that is a verb, an adjective, a function word, a
 * number or a time (山本|认为). */
static int S_ja_given(const zn_work *w, size_t s, size_t e) {
  const zn_word *one =
      e == s + 1 || (e == s + 3 && w->wstart[e - 1] == e - 1) ? zn_word1(w, e - 1) : NULL;
  const zn_word *last = zn_word1(w, e - 1);
  if (w->wend[e - 1] != e || (one && (one->flags & ZN_W_FUNC)) ||
      (last && (last->flags & ZN_W_PARTICLE) && e - s >= 2))
    return 0;
  /* a conjunction of its own last joins what follows, a noun or a name, to the name before it
   * (森山裕|与|公明党; not 十仓雅和|当天) */
  const zn_word *next = e < w->v->n ? zn_word_at(w, e, w->wend[e]) : NULL;
  if (w->wstart[e - 1] == e - 1 && last && (last->flags & ZN_W_LINK) && next &&
      (next->flags & (ZN_W_NOUN | ZN_W_PLACE)))
    return 0;
  for (size_t k = s; k < e; k = w->wend[k]) {
    size_t len = w->wend[k] - w->wstart[k];
    const zn_word *word = len >= 2 ? zn_word_at(w, w->wstart[k], w->wend[k]) : NULL;
    if (len >= 3 ||
        (word && (word->flags & (ZN_W_VERB | ZN_W_ADJ | ZN_W_FUNC | ZN_W_NUM | ZN_W_TIME))))
      return 0;
  }
  return 1;
}

/* Whether the given name of g characters that ends at e ends as only Japanese men's names do,
 * the name's own cue: 郎 after a character (一郎, 章一郎, 龙太郎), 之助 or 之介 (幸之助). */
static int S_ja_male_given(const zn_work *w, size_t e, size_t g) {
  const uint32_t *c = w->v->cp;
  return (g >= 2 && c[e - 1] == 0x90CE /* 郎 */) ||
         (g == 3 && c[e - 2] == 0x4E4B /* 之 */ &&
          (c[e - 1] == 0x52A9 /* 助 */ || c[e - 1] == 0x4ECB /* 介 */));
}

#define ZN_JA_FAMILY_COST 4.0f /* a Japanese family name, beside the name prior */
#define ZN_JA_GIVEN_COST 3.5f  /* each character of a Japanese given name */
#define ZN_JA_GIVEN_MAX 3      /* 龙太郎, 幸之助 */
/* Japanese names at i: a family name of the gazetteer and a given name of one to three
 * characters where a strong cue stands before or after (教练|田中一郎|说) or the given name
 * ends as only men's names do (松下幸之助); or the family name
 * alone, as Japanese news calls people, before a title (山本|首相) or another strong cue
 * (藤井|还表示) or after one (外相|山本). The Chinese model would cut them (田|中一郎) or not
 * see them. Not before a title that opens with a place's level (中村|村长 names a village's
 * head). */
static void S_japanese_at(zn_work *w, size_t i) {
  const zn_params *p = &w->m->p;
  size_t sl, tl;
  if (!zn_gaz_longest(w, ZN_CAT_SURNAME_JA, i, &sl) || !S_clean(w, i, i + sl) ||
      (!S_free_before(w, i) && w->left[i] < ZN_STRONG_CUE))
    return;
  float base = p->name_base + ZN_JA_FAMILY_COST - w->left[i];
  size_t e = i + sl;
  int levelled = zn_has_cat(zn_gaz_at(w, e, e + 1), ZN_CAT_PLACE_SUFFIX);
  int titled = zn_gaz_longest(w, ZN_CAT_TITLE, e, &tl) && !levelled;
  if ((titled || w->left[i] >= ZN_STRONG_CUE || (w->right[e] >= ZN_STRONG_CUE && !levelled)) &&
      !S_place_end(w, e))
    zn_cand_add(w, i, e, base - w->right[e], ZN_PER, ZN_NAME, ZN_SRC_MODEL);
  for (size_t g = 1; g <= ZN_JA_GIVEN_MAX && S_clean(w, i, e + 1); g++) {
    e++;
    if ((w->left[i] < ZN_STRONG_CUE && w->right[e] < ZN_STRONG_CUE && !S_ja_male_given(w, e, g)) ||
        S_place_end(w, e) || zn_has_cat(zn_gaz_at(w, e - 1, e), ZN_CAT_PLACE_SUFFIX) ||
        !S_ja_given(w, i + sl, e))
      continue;
    zn_cand_add(w, i, e, base + ZN_JA_GIVEN_COST * (float)g - w->right[e], ZN_PER, ZN_NAME,
                ZN_SRC_MODEL);
  }
}

/* Whether a famous name at i ends a longer foreign name: a character foreign names use stands
 * before it, alone, right after a strong cue (国务卿|布|林肯). */
static int S_famous_tail(const zn_work *w, size_t i) {
  return i > 0 && w->left[i - 1] >= ZN_STRONG_CUE && w->wstart[i - 1] == i - 1 &&
         S_translit_char(w, i - 1);
}

#define ZN_PADDED_CUE 3.0f /* what a title before a padded name is worth */
/* A name of two characters padded to the width of three in running text, right after a title
 * (局长吴 海介绍): a surname of one character at i, the space, one Han character, then no space
 * and no Latin letter or digit. A check here, not a rule: a pattern that opens with every title
 * tries them all at every character. */
static void S_padded_at(zn_work *w, size_t i) {
  const uint32_t *c = w->v->cp;
  size_t n = w->v->n;
  if (i + 2 >= n || c[i + 1] != 0x20 || !zn_is_han(c[i + 2]) ||
      (i + 3 < n && (c[i + 3] == 0x20 || c[i + 3] == '\n' || zn_is_ascii_alnum(c[i + 3]))) ||
      !zn_has_cat(zn_gaz_at(w, i, i + 1), ZN_CAT_SURNAME) ||
      !zn_gaz_longest_ending(w, ZN_CAT_TITLE, i))
    return;
  const zn_params *p = &w->m->p;
  zn_cand_add(w, i, i + 3, fmaxf(p->famous_cost, p->name_base - ZN_PADDED_CUE), ZN_PER, ZN_NAME,
              ZN_SRC_MODEL);
}

#define ZN_PART_COST 5.0f /* each element of a name that bears no family name */
#define ZN_PARTS_MAX 3    /* 阿旺|晋美|嘉措 */

/* The names of peoples who bear no family name at i: one to three elements of name_parts.txt,
 * maybe joined by a dot (次仁|卓嘎, 艾买提·买买提); one element alone only beside a strong cue
 * (村民|巴特尔|说). Not inside a longer word the segmentation has from i (乌兰察布), nor a place
 * (尼玛县). */
static void S_parts_at(zn_work *w, size_t i) {
  const uint32_t *c = w->v->cp;
  size_t len, e = i;
  if (!zn_gaz_longest(w, ZN_CAT_NAME_PART, i, &len) ||
      (!S_free_before(w, i) && w->left[i] < ZN_STRONG_CUE))
    return;
  float base = w->m->p.name_base - w->left[i];
  for (int k = 1; k <= ZN_PARTS_MAX; k++) {
    if (!zn_gaz_longest(w, ZN_CAT_NAME_PART, e, &len) || !S_clean(w, e, e + len))
      break;
    e += len;
    if ((k >= 2 || w->left[i] >= ZN_STRONG_CUE || w->right[e] >= ZN_STRONG_CUE) &&
        !(w->wstart[i] == i && w->wend[i] > e) && !S_place_end(w, e))
      zn_cand_add(w, i, e, base + ZN_PART_COST * (float)k - w->right[e], ZN_PER, ZN_NAME,
                  ZN_SRC_MODEL);
    if (e + 1 < w->v->n && zn_is_joiner(c[e]) && zn_gaz_longest(w, ZN_CAT_NAME_PART, e + 1, &len))
      e++;
  }
}

void zn_person_candidates_at(zn_work *w, size_t i) {
  if (!zn_is_han(w->v->cp[i]) || w->block[i])
    return;
  size_t len;
  /* not a place named after one (左权|县), nor a part of a longer foreign name (拉·|甘地,
   * 布|林肯) */
  if (zn_gaz_longest(w, ZN_CAT_PERSON, i, &len) && !S_place_end(w, i + len) &&
      !(i > 0 && zn_is_joiner(w->v->cp[i - 1])) && !S_famous_tail(w, i) &&
      !(i + len < w->v->n && zn_is_joiner(w->v->cp[i + len])))
    zn_cand_add(w, i, i + len, w->m->p.famous_cost, ZN_PER, ZN_NAME, ZN_SRC_GAZ);
  S_names_at(w, i);
  S_padded_at(w, i);
  S_japanese_at(w, i);
  S_parts_at(w, i);
  S_foreign_at(w, i);
}
