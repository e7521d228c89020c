/* org.c: organisation candidates. Three sources: bodies the gazetteer knows
 * (国务院), short forms that pattern rules find (市委), and the suffix engine:
 * from a suffix (委员会, 有限公司, 局) it extends left over the words of the
 * base segmentation while they can belong to a name, and proposes every start
 * whose span holds an anchor (a place, a level, a known prefix, an ordinal,
 * a proper noun or a run of unknown characters). */
#include "util.h"
#include "work.h"

#include <string.h>

#define ZN_ORG_MAXLEN 32

/* How a base word can take part in an organisation name, read right to left. */
typedef enum { W_STOP, W_VERB, W_MATERIAL } wclass;

/* Whether view position i holds a digit, Arabic or full-width. */
static int S_digit(const zn_view *v, size_t i) {
  uint32_t c = v->cp[i];
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Whether view position i holds a numeral, a digit or a Han one. */
static int S_numeral(const zn_view *v, size_t i) {
  return S_digit(v, i) || zn_is_han_numeral(v->cp[i]);
}

/* Whether view positions [q, p) all hold numerals. */
static int S_numerals(const zn_view *v, size_t q, size_t p) {
  for (size_t i = q; i < p; i++)
    if (!S_numeral(v, i))
      return 0;
  return 1;
}

/* Whether [q, p) numbers a body: a term (十一届) or 第 and a number
 * (第五, not 第二名). */
static int S_ordinal(const zn_work *w, size_t q, size_t p) {
  for (size_t i = q; i < p; i++)
    if (w->v->cp[i] == 0x5C4A /* 届 */)
      return 1;
  return w->v->cp[q] == 0x7B2C /* 第 */ && p - q >= 2 && S_numerals(w->v, q + 1, p);
}

int zn_link_level(const zn_work *w, size_t q, size_t p) {
  const zn_word *one = zn_word1(w, q);
  if (p - q != 2 || q == 0 || !zn_is_han(w->v->cp[q - 1]) || !one || !(one->flags & ZN_W_LINK) ||
      !zn_has_cat(zn_gaz_at(w, q + 1, p), ZN_CAT_LEVEL))
    return 0;
  const zn_word *before = zn_word_at(w, w->wstart[q - 1], q);
  return !(before && (before->flags & ZN_W_PLACE)); /* 安徽|和县 is the place */
}

static wclass S_class(const zn_work *w, size_t q, size_t p) {
  for (size_t i = q; i < p; i++)
    if (!zn_is_han(w->v->cp[i]))
      return W_STOP;
  if (zn_link_level(w, q, p))
    return W_STOP;
  uint32_t first = w->v->cp[q];
  if (q > 0 && S_digit(w->v, q - 1) &&
      (first == 0x5E74 /* 年 */ || first == 0x6708 /* 月 */ || first == 0x65E5 /* 日 */))
    return W_STOP; /* a date: 6月25日电外交部 */
  const zn_gaz_entry *g = zn_gaz_at(w, q, p);
  if (zn_has_cat(g, ZN_CAT_ORG_STOP) || zn_has_cat(g, ZN_CAT_TITLE))
    return W_STOP;
  if (first == 0x7B2C /* 第 */ && p < w->v->n && w->v->cp[p] == 0x5927 /* 大 */ &&
      w->wend[p] == p + 1)
    return W_STOP; /* a rank describes: 德国|第二|大|银行 */
  if (zn_has_cat(g, ZN_CAT_ORG_SUFFIX) || zn_has_cat(g, ZN_CAT_ORG_BODY) ||
      zn_has_cat(g, ZN_CAT_ORG_PREFIX) || zn_has_cat(g, ZN_CAT_ORG_INNER))
    return W_MATERIAL;
  const zn_word *word = zn_word_at(w, q, p);
  if (!word || (word->flags & (ZN_W_NOUN | ZN_W_PLACE)) || zn_place_stem(w, q, p))
    return W_MATERIAL;
  if (word->flags & ZN_W_NUM)
    return S_ordinal(w, q, p) ? W_MATERIAL : W_STOP;
  if (word->flags & (ZN_W_FUNC | ZN_W_TIME))
    return W_STOP;
  if (word->flags & ZN_W_VERB)
    return W_VERB;
  return W_MATERIAL;
}

/* Whether [q, p) is a body named by its level: 市委, 县政府. */
static int S_level_body(const zn_work *w, size_t q, size_t p) {
  return p - q >= 2 && zn_has_cat(zn_gaz_at(w, q, q + 1), ZN_CAT_LEVEL) &&
         zn_has_cat(zn_gaz_at(w, q + 1, p), ZN_CAT_LEVEL_BODY);
}

/* Whether the base word at i is a single Han character and no function word:
 * a fragment of a name the lexicon does not know (新|蒲, not 的|好学校). */
static int S_fragment(const zn_work *w, size_t i) {
  if (i >= w->v->n || w->wend[i] - w->wstart[i] != 1 || !zn_is_han(w->v->cp[i]))
    return 0;
  const zn_word *one = zn_word1(w, i);
  return !one || !(one->flags & ZN_W_FUNC);
}

/* Whether the one-character word [q, p), no adjective, is the first character of a town whose
 * name the segmentation cut: a place of two characters ending with the town's level follows
 * (炉|山镇; not 小|城镇). */
static int S_cut_town(const zn_work *w, size_t q, size_t p) {
  const zn_word *town = p + 2 <= w->v->n ? zn_word_at(w, p, p + 2) : NULL, *one = zn_word1(w, q);
  return town && (town->flags & ZN_W_PLACE) && w->wstart[p] == p && w->wend[p] == p + 2 &&
         !(one && (one->flags & ZN_W_ADJ)) &&
         (w->v->cp[p + 1] == 0x9547 /* 镇 */ || w->v->cp[p + 1] == 0x4E61 /* 乡 */);
}

/* A word of two characters or more at least this dear (-ln p) is rare enough to name a village
 * (高坡 12.2, 石板 11.7), not one of the kinds every county has (重点 8.5, 特色 8.9). */
#define ZN_VILLAGE_WORD 9.5f

static int S_town_level(uint32_t c);
static int S_village_named(const zn_work *w, size_t q, size_t l);

/* Whether the base word [q, p), a noun, stands right before the level of a village or a town
 * that is a word of its own, and names it (高坡|村|金穗合作社, 石板|镇): no adjective, verb or
 * kind (贫困|村, 示范|村, 重点|村). */
static int S_village_name(const zn_work *w, size_t q, size_t p) {
  const zn_word *word = zn_word_at(w, q, p);
  return p - q >= 2 && p < w->v->n && S_town_level(w->v->cp[p]) && w->wend[p] == p + 1 && word &&
         (word->flags & (ZN_W_NOUN | ZN_W_NR)) && word->cost >= ZN_VILLAGE_WORD &&
         !(word->flags & (ZN_W_ADJ | ZN_W_VERB | ZN_W_FUNC | ZN_W_TIME | ZN_W_NUM));
}

/* A one-character word cheaper than this is too common to be part of a brand (是, 到, 进, 小). */
#define ZN_BRAND_ONE 8.0f

/* Whether the base word at i is a verb of one character (做 of 做|大|做|强). */
static int S_verb_at(const zn_work *w, size_t i) {
  const zn_word *one = w->wend[i] == i + 1 ? zn_word1(w, i) : NULL;
  return one && (one->flags & ZN_W_VERB);
}

/* A base word an organisation name can start with: a place, a level, a known
 * prefix or body, an ordinal, a proper noun, the name of a village before its level, or a run
 * of characters the lexicon does not know as words (炉碧, 晖阳). */
static int S_anchor_word(const zn_work *w, size_t q, size_t p) {
  const zn_gaz_entry *g = zn_gaz_at(w, q, p);
  if (zn_has_cat(g, ZN_CAT_LEVEL) && q > 0 && w->wstart[q - 1] == q - 1) {
    const zn_word *verb = zn_word1(w, q - 1);
    if (verb && (verb->flags & ZN_W_VERB))
      return 0; /* a level a verb of one character takes: 驻|村|工作队, 下|乡 */
  }
  if (zn_has_cat(g, ZN_CAT_ORG_PREFIX) || zn_has_cat(g, ZN_CAT_ORG_BODY) ||
      zn_has_cat(g, ZN_CAT_LEVEL) || zn_has_cat(g, ZN_CAT_PLACE_SUFFIX))
    return 1;
  if (S_level_body(w, q, p))
    return 1; /* 市委 of 市委党建工作领导小组 */
  const zn_word *word = zn_word_at(w, q, p);
  if (!word)
    return 1; /* unknown to the lexicon */
  if ((word->flags & ZN_W_PLACE) || (word->flags & (ZN_W_PROPER | ZN_W_NR)) == ZN_W_PROPER ||
      zn_place_stem(w, q, p))
    return 1;
  if (S_ordinal(w, q, p) || S_village_name(w, q, p))
    return 1;
  /* the first of two one-character words (炉|碧, 劳|拉); not the second, whose partner would
   * stand outside the name (逼|平|瑞典队), nor the measure word after a number (38|支|歌|队), nor
   * a common word before a verb (做|大|做|强|工业园区, 办事|人|退|办) */
  if (p - q == 1 && !(word->flags & (ZN_W_FUNC | ZN_W_VERB | ZN_W_NUM)) &&
      !(q > 0 && S_digit(w->v, q - 1)))
    return (S_fragment(w, p) && (word->cost >= ZN_BRAND_ONE || !S_verb_at(w, p))) ||
           S_cut_town(w, q, p);
  return 0;
}

/* Whether the base word [q, p) is a body whole: one the gazetteer knows or the lexicon tags as
 * an organisation (清华大学, 中国科学院). */
static int S_known_body(const zn_work *w, size_t q, size_t p) {
  const zn_word *word = zn_word_at(w, q, p);
  return zn_has_cat(zn_gaz_at(w, q, p), ZN_CAT_ORG_BODY) || (word && (word->flags & ZN_W_ORGWORD));
}

/* Whether [j, e) names a firm (公司, 集团, 银行): a firm may bear a name that jieba has as a
 * person's (华为, 金光). */
static int S_firm_suffix(const zn_work *w, size_t j, size_t e) {
  return zn_view_holds(w->v, j, e, "公司") || zn_view_holds(w->v, j, e, "集团") ||
         zn_view_holds(w->v, j, e, "银行");
}

/* Whether the base word [q, p) names a body that the unit [p, e) after it belongs to:
 * 法国政府|新闻局, 联合国|难民署, 世行|理事会 (one name, the longest). Not a body of the same
 * rank beside it (市委|市政府 opens with a level), not a word that merely ends like a body
 * (全部, 内部), and the unit ends where a base word does, or a title the word goes on with
 * (特区政府|房屋局|局长; not 内务部|代理部|长). */
static int S_parent_body(const zn_work *w, size_t q, size_t p, size_t e) {
  size_t sl = zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, p);
  int body = S_known_body(w, q, p) || (sl >= 2 && sl < p - q) || (sl == 1 && p - q >= 3) ||
             S_level_body(w, q, p);
  return body && !zn_has_cat(zn_gaz_at(w, p, p + 1), ZN_CAT_LEVEL) &&
         (e >= w->v->n || w->wstart[e] == e ||
          zn_has_cat(zn_gaz_at(w, e, w->wend[e]), ZN_CAT_TITLE));
}

/* Whether a verb's object starts at p: a place of the lexicon or a level (县交通局) opens the base
 * word at p. */
static int S_object_at(const zn_work *w, size_t p) {
  const zn_word *word = zn_word_at(w, p, w->wend[p]);
  return (word && (word->flags & ZN_W_PLACE)) || zn_has_cat(zn_gaz_at(w, p, p + 1), ZN_CAT_LEVEL);
}

/* Whether the part [q, p) of a lexicon word before its suffix anchors a name
 * (北京 of 北京大学, not 新 of 新格局): the longest word it starts with. */
static int S_anchor_part(const zn_work *w, size_t q, size_t p) {
  if (zn_word_at(w, q, p))
    return S_anchor_word(w, q, p);
  for (size_t e = p - 1; e > q + 1; e--)
    if (zn_word_at(w, q, e))
      return S_anchor_word(w, q, e);
  const zn_word *one = zn_word_at(w, q, q + 1);
  return !one || !(one->flags & (ZN_W_ADJ | ZN_W_FUNC | ZN_W_VERB | ZN_W_NUM));
}

/* Whether the base word [q, p) is 和 or 与 joining two fields inside one
 * name (住房和城乡建设局): nouns on both sides, neither of them a body of
 * its own (not 市委和市政府) nor a place. */
static int S_conjunction(const zn_work *w, size_t q, size_t p) {
  uint32_t c = w->v->cp[q];
  if (p != q + 1 || (c != 0x548C /* 和 */ && c != 0x4E0E /* 与 */) || q == 0 || p >= w->v->n)
    return 0;
  size_t a = w->wstart[q - 1], b = w->wend[p];
  const zn_word *l = zn_word_at(w, a, q), *r = zn_word_at(w, p, b);
  if (!l || !r || q - a < 2 || b - p < 2 || !((l->flags | r->flags) & ZN_W_NOUN) ||
      ((l->flags | r->flags) & (ZN_W_FUNC | ZN_W_PLACE)))
    return 0;
  /* nor the name of a place the level after it shows (某某山珍|与|水珠|村股份经济合作社) */
  int placed = b < w->v->n && w->wstart[b] == b && w->wend[b] == b + 1 &&
               zn_has_cat(zn_gaz_at(w, b, b + 1), ZN_CAT_LEVEL);
  return !placed && !zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, q) &&
         !zn_gaz_longest_ending(w, ZN_CAT_ORG_BODY, q) && !S_level_body(w, a, q) &&
         !S_level_body(w, p, b);
}

/* Whether view [a, a + len) holds the same characters as [b, b + len). */
static int S_same(const zn_view *v, size_t a, size_t b, size_t len) {
  return !memcmp(v->cp + a, v->cp + b, len * sizeof *v->cp);
}

/* Whether a suffix of the same kind as the one at [j, e) ends at k: the same suffix, or one of
 * two characters or more with the same last character (中学 and 小学, 医院 and 学院). */
static int S_kin_suffix(const zn_work *w, size_t k, size_t j, size_t e) {
  size_t kl = zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, k);
  if (kl >= e - j && k >= e - j && S_same(w->v, k - (e - j), j, e - j))
    return 1;
  return kl >= 2 && e - j >= 2 && w->v->cp[k - 1] == w->v->cp[e - 1];
}

/* Whether the item [p, e), with its suffix at [j, e), stands in a list of
 * names with a suffix of the same kind: the item before the 、 or the one after it
 * ends with it too (交通投资集团、鸿运农投集团; 实验高中、开发区中学、翁义小学). */
static int S_shared_suffix(const zn_work *w, size_t p, size_t j, size_t e) {
  const zn_view *v = w->v;
  size_t sl = e - j;
  if (p >= 1 + sl + 1 && v->cp[p - 1] == 0x3001 /* 、 */ && S_kin_suffix(w, p - 1, j, e))
    return 1;
  if (e >= v->n || v->cp[e] != 0x3001)
    return 0;
  for (size_t k = e + 1; k < v->n && k - e <= ZN_ORG_MAXLEN && zn_is_han(v->cp[k]); k++)
    if (k + 1 - (e + 1) > sl && S_kin_suffix(w, k + 1, j, e) &&
        (k + 1 == v->n || !zn_is_han(v->cp[k + 1]) || v->cp[k + 1] == 0x7B49 /* 等 */))
      return 1;
  return 0;
}

/* Index of the matching '（' for the '）' at close, or (size_t)-1. */
static size_t S_open_paren(const zn_work *w, size_t close) {
  for (size_t i = close; i-- > 0 && close - i <= 8;) {
    uint32_t c = w->v->cp[i];
    if (c == 0xFF08)
      return i;
    if (!zn_is_han(c))
      break;
  }
  return (size_t)-1;
}

/* Whether [j, e) is 政府 after no level: a state's or a leader's government (中国政府,
 * 克林顿政府, 党和政府) is not counted as one body; a level's is (县政府, 凯里市政府, 市人民政府).
 */
static int S_state_government(const zn_work *w, size_t j, size_t e) {
  return e - j == 2 && w->v->cp[j] == 0x653F /* 政 */ && w->v->cp[j + 1] == 0x5E9C /* 府 */ &&
         !(j > 0 && zn_has_cat(zn_gaz_at(w, j - 1, j), ZN_CAT_LEVEL));
}

/* Whether [j, e) is a people's congress or a political consultative conference (人大, 政协,
 * 人大常委会) after no place, level or known prefix: those are named by their place or level
 * (全国政协, 市人大, 凯里市政协), so what stands before is no part of a name (…新篇章|贡献|政协);
 * nor is 中央, which has none of its own. */
static int S_unplaced_congress(const zn_work *w, size_t j, size_t e) {
  if (!zn_has_cat(zn_gaz_at(w, j, e), ZN_CAT_LEVEL_BODY) ||
      !(zn_view_holds(w->v, j, e, "人大") || zn_view_holds(w->v, j, e, "政协")) || j == 0 ||
      w->wend[j - 1] != j)
    return 0;
  size_t q = w->wstart[j - 1];
  const zn_gaz_entry *g = zn_gaz_at(w, q, j);
  const zn_word *word = zn_word_at(w, q, j);
  if (j - q == 2 && zn_view_holds(w->v, q, j, "中央"))
    return 1; /* the centre's are 全国人大, 全国政协: 中央|政协|工作会议 is a meeting */
  return !zn_has_cat(g, ZN_CAT_LEVEL) && !zn_has_cat(g, ZN_CAT_ORG_PREFIX) &&
         !zn_has_cat(g, ZN_CAT_PLACE_SUFFIX) && !(word && (word->flags & ZN_W_PLACE)) &&
         !zn_place_stem(w, q, j);
}

/* Whether the base word at e names a competition (邀请赛, 锦标赛; not 比赛):
 * what comes before it names the event (五国女篮|邀请赛), not a team. */
static int S_event_after(const zn_work *w, size_t e) {
  if (e >= w->v->n || w->wstart[e] != e)
    return 0;
  size_t end = w->wend[e];
  return end - e >= 2 && w->v->cp[end - 1] == 0x8D5B /* 赛 */ &&
         !(end - e == 2 && w->v->cp[e] == 0x6BD4 /* 比 */);
}

/* Whether the lexicon word [p, e), which ends with the suffix [j, e), names
 * a kind of body by a common noun, a verb or an adjective of two characters or more, or of
 * one before a suffix of two that is no level (保险公司, 集团公司, 水泥厂, 处理厂, 加油站,
 * 州立大学, 话剧团; not 两国|政府, 市|中心, 格|局, 省|政府). jieba tags many everyday words of
 * two characters as names (nr): they name kinds too (师范|大学, 体操|队); and it tags some as
 * times (老年|大学), which org_inner.txt lists. */
static int S_kind_word(const zn_work *w, size_t p, size_t j, size_t e) {
  const zn_word *word = zn_word_at(w, p, e), *field = zn_word_at(w, p, j);
  int one = j - p == 1 && e - j >= 2 && !zn_has_cat(zn_gaz_at(w, p, j), ZN_CAT_LEVEL);
  return word && !(word->flags & ZN_W_ORGWORD) && (j - p >= 2 || one) && field &&
         ((field->flags & (ZN_W_NOUN | ZN_W_VERB | ZN_W_ADJ)) ||
          zn_has_cat(zn_gaz_at(w, p, j), ZN_CAT_ORG_INNER)) &&
         !(field->flags & ZN_W_PLACE) && (field->flags & (ZN_W_PROPER | ZN_W_NR)) != ZN_W_PROPER;
}

/* Whether the one-character suffix at j ends a known word of two characters that names no kind
 * of body (格局, 南部, 车站; not 部队, 大队, 女队) and no base word of three characters or more
 * ends before it, or ends an everyday word for a spot that spots.txt lists (交界处, 会议室; not
 * 旅游局, 政治部, which name bodies): then it is no suffix. */
static int S_suffix_in_word(const zn_work *w, size_t j, size_t e) {
  if (e - j != 1 || j == 0 || w->v->cp[j] == 0x961F /* 队: 女队, 男队 name teams */)
    return 0;
  if (j >= 2 && zn_has_cat(zn_gaz_at(w, j - 2, e), ZN_CAT_SPOT))
    return 1;
  if (w->wend[j - 1] == j && j - w->wstart[j - 1] >= 3)
    return 0; /* the base segmentation cut a long word before it: 女职工|部, not 女职|工部 */
  const zn_word *word = zn_word_at(w, j - 1, e);
  const zn_gaz_entry *g = zn_gaz_at(w, j - 1, e);
  return word && word->cost < ZN_KNOWN_WORD && !(word->flags & ZN_W_ORGWORD) &&
         !zn_has_cat(g, ZN_CAT_ORG_SUFFIX) && !zn_has_cat(g, ZN_CAT_ORG_BODY);
}

/* Whether a preposition or a conjunction of one character stands alone right before q (与, 和). */
static int S_link_before(const zn_work *w, size_t q) {
  const zn_word *one = q > 0 ? zn_word1(w, q - 1) : NULL;
  return one && (one->flags & ZN_W_LINK) && w->wstart[q - 1] == q - 1;
}

/* Whether the base word [q, p) may be a firm's brand though the lexicon knows it: a
 * two-character name jieba tags as a person's (nr: 华为, 金光), or a noun too rare to be
 * known that opens the clause or follows a preposition or a conjunction of one character
 * (、百灵|集团, ，金叶|有限公司, 与|国药|控股股份有限公司; not 组建|报业集团, 电影|制片公司,
 * where it names a trade). */
static int S_brand_word(const zn_work *w, size_t q, size_t p) {
  const zn_word *word = zn_word_at(w, q, p), *last = zn_word1(w, p - 1);
  if (!word || p - q < 2)
    return 0;
  if (word->flags & ZN_W_NR)
    return p - q == 2;
  return word->cost >= ZN_KNOWN_WORD && (word->flags & ZN_W_NOUN) &&
         !(word->flags & (ZN_W_VERB | ZN_W_ADJ | ZN_W_ORGWORD)) &&
         !(last && (last->flags & ZN_W_FUNC)) &&
         (q == 0 || !zn_is_han(w->v->cp[q - 1]) || S_link_before(w, q));
}

/* Where a firm's Latin name ends at j opens (IBM|公司, TCL|集团): letters and digits with a
 * letter among them, two or more (the view has full-width ones as ASCII); or (size_t)-1. */
static size_t S_latin_name(const zn_work *w, size_t j) {
  size_t r = j;
  int letter = 0;
  while (r > 0 && zn_is_ascii_alnum(w->v->cp[r - 1]))
    letter |= !S_digit(w->v, --r);
  return letter && j - r >= 2 ? r : (size_t)-1;
}

/* The weight of a kind of body in org_generic.txt that no place names alone (西藏|部队). */
#define ZN_GENERIC_ANYWHERE 2.0f

/* Whether the base word [q, j) right before the suffix [j, e) is a country or a continent (a
 * place the prefix list has) and the suffix a kind of body it does not name alone: 日本|公司 are
 * Japanese companies, 欧洲|球队 European teams (not 美国|国务院, 中国|银行); or any place, and
 * a kind no place names alone (陕西|工厂, 西藏|部队; not 北京|大学). */
static int S_generic_kind(const zn_work *w, size_t q, size_t j, size_t e) {
  const zn_word *word = zn_word_at(w, q, j);
  const zn_gaz_entry *kind = zn_gaz_at(w, j, e);
  if (!word || !(word->flags & ZN_W_PLACE) || !zn_has_cat(kind, ZN_CAT_ORG_GENERIC))
    return 0;
  return zn_has_cat(zn_gaz_at(w, q, j), ZN_CAT_ORG_PREFIX) ||
         kind->weight[ZN_CAT_ORG_GENERIC] >= ZN_GENERIC_ANYWHERE;
}

/* Whether the base word [q, p), an adverb, another function word or a verb of one character
 * that is no particle, preposition or conjunction, is the second half of a firm's brand of two
 * characters that the lexicon does not know (华|越 of 华越新材料有限公司, 鑫|达 of 鑫达房地产
 * 开发有限公司): a character that is no function word, verb or number stands before it, no
 * surname before a verb (小王|到|某某公司), and a firm's suffix ends the name. */
static int S_brand_second(const zn_work *w, size_t q, size_t p, size_t j, size_t e) {
  const zn_word *one = zn_word1(w, q), *prev = q > 0 ? zn_word1(w, q - 1) : NULL;
  int verb = one && (one->flags & ZN_W_VERB) && !(one->flags & ZN_W_FUNC);
  if (p != q + 1 || !one || !((one->flags & ZN_W_FUNC) || verb) ||
      (one->flags & (ZN_W_LINK | ZN_W_PARTICLE)) || q == 0 || !S_firm_suffix(w, j, e) ||
      (verb && zn_has_cat(zn_gaz_at(w, q - 1, q), ZN_CAT_SURNAME)))
    return 0;
  return w->wstart[q - 1] == q - 1 && zn_is_han(w->v->cp[q - 1]) &&
         !(prev && (prev->flags & (ZN_W_FUNC | ZN_W_NUM | ZN_W_VERB))) && !zn_word_at(w, q - 1, p);
}

/* Whether no Han character stands before q, or a preposition or a conjunction alone: a name
 * may open there. */
static int S_free_start(const zn_work *w, size_t q) {
  return q == 0 || !zn_is_han(w->v->cp[q - 1]) || S_link_before(w, q);
}

/* Whether the base word [q, p), a measure word of one character, opens a firm's brand of two
 * characters that the lexicon does not know, after a place or where a name may open
 * (上海|盒|马网络科技有限公司, 、首|农|食品集团): one character that is no function word or
 * number follows it, and a firm's suffix ends the name. */
static int S_brand_measure(const zn_work *w, size_t q, size_t p, size_t j, size_t e) {
  const zn_word *one = zn_word1(w, q), *next = p < j ? zn_word1(w, p) : NULL;
  if (p != q + 1 || !one || !(one->flags & ZN_W_NUM) || zn_is_han_numeral(w->v->cp[q]) ||
      w->wend[p] != p + 1 || (next && (next->flags & (ZN_W_FUNC | ZN_W_NUM))) ||
      zn_word_at(w, q, p + 1) || !S_firm_suffix(w, j, e))
    return 0;
  const zn_word *place = q > 0 ? zn_word_at(w, w->wstart[q - 1], q) : NULL;
  return (place && (place->flags & ZN_W_PLACE)) || S_free_start(w, q);
}

/* Whether c is the level of a town or a village: 乡, 镇, 村. */
static int S_town_level(uint32_t c) {
  return c == 0x4E61 || c == 0x9547 || c == 0x6751;
}

/* Whether c is a direction or a position (上, 下, 东, 中, 旁), which may open a town's name. */
static int S_direction(uint32_t c) {
  static const uint32_t dirs[] = {0x4E0A, 0x4E0B, 0x4E1C, 0x897F, 0x5357, 0x5317,
                                  0x4E2D, 0x5185, 0x5916, 0x524D, 0x540E, 0x65C1};
  for (size_t k = 0; k < sizeof dirs / sizeof *dirs; k++)
    if (c == dirs[k])
      return 1;
  return 0;
}

/* Whether [q, l) is a town's or a village's name the lexicon does not know, before its level at
 * l: two or three words of one character, no function word, numeral or time (a measure word may
 * serve: 台|盘|村), that make no word together, after no Han character, a place of the lexicon,
 * a preposition or a conjunction, or a level alone (雷山县|排|调|镇, 岑松|镇|巫|包|村; not 全|镇,
 * 召开|镇, 各|乡, 一|个|村). */
static int S_unknown_town(const zn_work *w, size_t q, size_t l) {
  if (!S_town_level(w->v->cp[l]) || zn_word_at(w, q, l) || zn_word_at(w, q, l + 1))
    return 0;
  /* counted: one or two numerals open it, or a direction the lexicon has as a function word; only
   * after a place (凯里市|万|潮|镇, 花垣县|十八|洞|村, 凯里市|下|司|镇, 凯里市|旁|海|镇; not
   * 一|个|村, 十八|个|村, 全州|上下|镇) */
  int counted = 0;
  size_t from = q; /* after the numerals that open it: one or two, a word (十八|洞|村) */
  while (from < l && from < q + 2 && zn_is_han_numeral(w->v->cp[from]))
    from++;
  if (from > q) {
    const zn_word *next = from < l ? zn_word1(w, from) : NULL;
    if (from == l || zn_is_han_numeral(w->v->cp[from]) || (next && (next->flags & ZN_W_NUM)) ||
        w->wstart[q] != q || w->wend[from - 1] != from)
      return 0;
    counted = 1;
  }
  for (size_t i = from; i < l; i++) {
    const zn_word *one = zn_word1(w, i);
    if (i == q && l - q >= 2 && S_direction(w->v->cp[i]))
      counted = 1, one = NULL;
    int numeral = zn_is_han_numeral(w->v->cp[i]);
    if (!zn_is_han(w->v->cp[i]) || w->wstart[i] != i || w->wend[i] != i + 1 ||
        (one && (one->flags & (ZN_W_FUNC | ZN_W_TIME))) || numeral ||
        zn_has_cat(zn_gaz_at(w, i, i + 1), ZN_CAT_LEVEL))
      return 0;
  }
  if (q == 0 || !zn_is_han(w->v->cp[q - 1]))
    return !counted;
  const zn_word *before = zn_word_at(w, w->wstart[q - 1], q);
  if (!counted && w->wstart[q - 1] == q - 1 && before && (before->flags & ZN_W_LINK))
    return 1; /* a preposition or a conjunction of its own: 由|台|盘|村队, 在|排|调|镇 */
  if (!counted && w->wend[q - 1] == q && w->wstart[q - 1] == q - 1 &&
      zn_has_cat(zn_gaz_at(w, q - 1, q), ZN_CAT_LEVEL))
    return 1; /* the level of the town or the county it lies in: 岑松|镇|巫|包|村 */
  return zn_place_before(w, q) < q;
}

/* Whether the one-character word [q, p), which would stop a name (a verb: 栽, 包), or a word of
 * two numerals (十八|洞|村), is part of the name of a town or a village the lexicon does not
 * know, or that the text named after its town before, whose level stands at p or right after it:
 * 1 where it opens the name and anchors it (榕江县|栽|麻镇中心小学, 某某镇南花村 …
 * 南|花|村村民委员会), 2 where it is the name's second or third character (巫|包|村村民委员会);
 * then it belongs to the name. */
static int S_town_opening(const zn_work *w, size_t q, size_t p) {
  if (p != q + 1 &&
      !(p == q + 2 && zn_is_han_numeral(w->v->cp[q]) && zn_is_han_numeral(w->v->cp[q + 1])))
    return 0;
  for (size_t s = q; s + 2 >= q; s--) {
    for (size_t l = p; l <= p + 1 && l < w->v->n; l++)
      if (S_town_level(w->v->cp[l]) && (S_unknown_town(w, s, l) || S_village_named(w, s, l)))
        return s == q ? 1 : 2;
    if (s == 0)
      break;
  }
  return 0;
}

/* Whether the base word [q, p) is a level or a place's level alone (镇, 街道): it anchors a
 * name but names no place. */
static int S_bare_level(const zn_work *w, size_t q, size_t p) {
  const zn_gaz_entry *g = zn_gaz_at(w, q, p);
  return zn_has_cat(g, ZN_CAT_LEVEL) || zn_has_cat(g, ZN_CAT_PLACE_SUFFIX);
}

/* Whether the title [q, p) names the members of the association, the cooperative or the school
 * that ends with the suffix [j, e), right after the title or in one word with the kind before
 * the suffix: 书法家|协会, 律师|协会, 农民|专业合作社, 教师|进修学校. */
static int S_members_body(const zn_work *w, size_t q, size_t p, size_t j, size_t e) {
  static const char *const kinds[] = {"协会",   "学会",       "联合会", "联谊会",
                                      "合作社", "专业合作社", "学校"};
  if (!zn_has_cat(zn_gaz_at(w, q, p), ZN_CAT_TITLE) || (p != j && w->wend[p] != e))
    return 0;
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    if (zn_view_holds(w->v, j, e, kinds[k]))
      return 1;
  return 0;
}

/* Whether the base word [q, p) is 之 in the middle of a firm's brand of three characters that
 * the lexicon does not know (林|之|源木业有限公司): one character stands alone on each side of it,
 * neither a function word, a number nor a verb, and a firm's suffix ends the name. */
static int S_brand_particle(const zn_work *w, size_t q, size_t p, size_t j, size_t e) {
  if (p != q + 1 || w->v->cp[q] != 0x4E4B /* 之 */ || q == 0 || p >= j || !S_firm_suffix(w, j, e))
    return 0;
  for (size_t i = q - 1; i <= p; i += 2) {
    const zn_word *one = zn_word1(w, i);
    if (!zn_is_han(w->v->cp[i]) || w->wstart[i] != i || w->wend[i] != i + 1 ||
        (one && (one->flags & (ZN_W_FUNC | ZN_W_NUM | ZN_W_VERB))))
      return 0;
  }
  return !zn_word_at(w, q - 1, p + 1);
}

/* Whether the base word [q, p) is a measure word of one character that opens a trade with the
 * word after it, the segmentation having cut their compound (金穗|种|养殖合作社: 种养 is a noun):
 * no number or pronoun it would count for stands before it (一|种|植物, 这|种). */
static int S_cut_trade(const zn_work *w, size_t q, size_t p, size_t j) {
  const zn_word *one = zn_word1(w, q), *two = p + 1 <= j ? zn_word_at(w, q, p + 1) : NULL;
  if (p != q + 1 || !one || !(one->flags & ZN_W_NUM) || zn_is_han_numeral(w->v->cp[q]) || !two ||
      !(two->flags & ZN_W_NOUN) || w->wstart[p] != p || w->wend[p] - p < 2 || q == 0)
    return 0;
  const zn_word *before = zn_word_at(w, w->wstart[q - 1], q);
  return zn_is_han(w->v->cp[q - 1]) && !S_digit(w->v, q - 1) &&
         !(before && (before->flags & (ZN_W_NUM | ZN_W_FUNC)));
}

/* Whether the base word [q, p), of a class that stops a name, belongs after all to the name
 * that ends with the suffix [j, e): the members' title before an association (书法家|协会), a
 * number before its unit (武警上海|二|总队, 中铁|二十|局|集团有限公司), the adverb, the measure
 * word or the 之 of a firm's brand (华|越 of 华越新材料有限公司, 盒|马, 林|之|源), a measure word
 * that opens a trade (种|养殖). */
static int S_stop_belongs(const zn_work *w, size_t q, size_t p, size_t j, size_t e) {
  if (S_members_body(w, q, p, j, e) ||
      (p - q <= 3 && S_numerals(w->v, q, p) &&
       (p == j || zn_has_cat(zn_gaz_at(w, p, w->wend[p]), ZN_CAT_ORG_SUFFIX))))
    return 1;
  return S_brand_second(w, q, p, j, e) || S_brand_measure(w, q, p, j, e) ||
         S_brand_particle(w, q, p, j, e) || S_cut_trade(w, q, p, j);
}

/* The length of a known prefix of more than one base word that ends at p (澳|中 of
 * 澳中|理事会, where 中 alone would stop the name), or 0. */
static size_t S_prefix_ending(const zn_work *w, size_t p) {
  size_t len = zn_gaz_longest_ending(w, ZN_CAT_ORG_PREFIX, p);
  return len && w->wstart[p - 1] > p - len && w->wstart[p - len] == p - len ? len : 0;
}

/* Whether the lexicon word that ends with the suffix [j, e), no kind of body, is a proper noun
 * or a place that names one: the suffix of two characters or more (雅戈尔|集团, 北京|饭店,
 * 故宫|博物院); its part before the suffix then anchors it as in a kind's word. */
static int S_named_word(const zn_word *word, size_t j, size_t e) {
  return e - j >= 2 &&
         ((word->flags & (ZN_W_PROPER | ZN_W_NR)) == ZN_W_PROPER || (word->flags & ZN_W_PLACE));
}

/* Whether the base words of [q, j) are all common nouns of two characters or more: the field
 * of a ministry or an association whose head is named right after it (产业|资源|部长官,
 * 农业|渔业|部长); no verb (土地|开发|部长), place or name among them. */
static int S_field_words(const zn_work *w, size_t q, size_t j) {
  for (size_t i = q; i < j; i = w->wend[i]) {
    const zn_word *word = zn_word_at(w, i, w->wend[i]);
    if (w->wend[i] - i < 2 || w->wend[i] > j || !word || !(word->flags & ZN_W_NOUN) ||
        (word->flags & (ZN_W_VERB | ZN_W_PLACE | ZN_W_PROPER | ZN_W_FUNC)))
      return 0;
  }
  return 1;
}

/* Where the brand of a firm starts whose name, as found, opens at p with a place (贵州|科技发展
 * 有限公司) or with a brand of one character (鹤|药业集团): no firm bears a brand of one
 * character, and none is named by its place and trade alone, so the one-character words the
 * lexicon does not join right before p belong to the name: two to four before a place
 * (苗|侗|佰|润|贵州…), one before a brand of one character (安|鹤…). None of them is a function
 * word or a common word, and before them stands no Han character, or a preposition or a
 * conjunction (not 这|是|华…, 小|王|进|贵州…, 代表团|赴|沪…), or a place, which then opens the
 * name (深圳|迈|瑞|生物医疗…). Or (size_t)-1. */
static size_t S_brand_start(const zn_work *w, size_t p) {
  const zn_word *first = zn_word_at(w, p, w->wend[p]);
  int one = S_fragment(w, p) && w->wend[p] < w->v->n && w->wend[w->wend[p]] - w->wend[p] >= 2;
  if (!one && !(first && (first->flags & ZN_W_PLACE) && w->wend[p] - p >= 2))
    return (size_t)-1;
  size_t b = p, least = one ? 1 : 2, most = one ? 1 : 4;
  while (b > 0 && p - b < most && zn_is_han(w->v->cp[b - 1]) && w->wstart[b - 1] == b - 1 &&
         w->wend[b - 1] == b) {
    const zn_word *word = zn_word1(w, b - 1);
    if (word && ((word->flags & ZN_W_FUNC) || word->cost < ZN_BRAND_ONE))
      break;
    b--;
  }
  if (p - b < least || zn_word_at(w, b, one ? p + 1 : p))
    return (size_t)-1;
  if (S_free_start(w, b))
    return b;
  size_t place = one ? zn_place_before(w, b) : b;
  return place < b ? place : (size_t)-1;
}

/* Whether the unit [j, e) is the office of the firm before it: a firm's own office is no body of
 * its own (某某公司|办公室|负责人; but 县政府办公室). */
static int S_firm_office(const zn_work *w, size_t j, size_t e) {
  size_t fl = zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, j);
  return fl && S_firm_suffix(w, j - fl, j) && e - j == 3 && zn_view_holds(w->v, j, e, "办公室");
}

/* Whether a phrase that stops organisation names opens with the suffix [j, e) and goes on past
 * it to where a base word ends: the suffix is a modifier there (中心|工作 of 围绕县委中心工作 is
 * the main task; not 照料中心|工作人员). */
static int S_stop_across(const zn_work *w, size_t j, size_t e) {
  size_t len;
  return zn_gaz_longest(w, ZN_CAT_ORG_STOP, j, &len) && j + len > e &&
         (j + len == w->v->n || w->wstart[j + len] == j + len);
}

/* Whether a place inside [p, e) opens with the place [q, p), or with the stem that [q, p) is
 * (从江 of 从江县), right after the end of a body: a name holds its place once, so a second one
 * opens another body (中共凯里市委|凯里市人民政府, 中共从江|县委办公室|从江县人民政府办公室: a
 * notice signed by two; but 日本|新日本制铁公司). */
static int S_place_again(const zn_work *w, size_t q, size_t p, size_t e) {
  const zn_word *word = zn_word_at(w, q, p);
  size_t len = p - q;
  if (len < 2)
    return 0;
  int placed = (word && (word->flags & ZN_W_PLACE)) || zn_place_stem(w, q, p);
  for (size_t k = p; k + len <= e; k++) {
    const zn_word *again = w->wstart[k] == k ? zn_word_at(w, k, w->wend[k]) : NULL;
    size_t al = w->wend[k] - k;
    if (again && (again->flags & ZN_W_PLACE) && (al == len || al == len + 1) &&
        S_same(w->v, q, k, len) && (placed || al == len + 1) &&
        (zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, k) ||
         zn_gaz_longest_ending(w, ZN_CAT_DEPARTMENT, k) ||
         zn_gaz_longest_ending(w, ZN_CAT_LEVEL_BODY, k)))
      return 1;
  }
  return 0;
}

/* Whether the rare verb of one character [q, p) after a place or a body opens the run of
 * one-character words a name starts with, a name the lexicon does not know (剑河县|仰|阿|莎|温泉
 * 度假酒店, 街道办事处|冲|赛|康|社区): it is the name's first character, no verb taking the name
 * as its object. */
static int S_run_opening(const zn_work *w, size_t q, size_t p) {
  const zn_word *one = zn_word1(w, q);
  return p - q == 1 && one && one->cost >= ZN_BRAND_ONE &&
         (zn_place_before(w, q) < q || zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, q)) &&
         S_fragment(w, p) && S_fragment(w, p + 1);
}

static void S_extend(zn_work *w, size_t j, size_t e) {
  const zn_params *pr = &w->m->p;
  size_t p = j, named = (size_t)-1; /* named: where the last candidate starts */
  size_t verb_at = (size_t)-1;      /* where the last verb of two characters or more starts */
  int verbs = 0, joined = 0, dotted = 0, titled = 0;
  if (S_event_after(w, e) || S_suffix_in_word(w, j, e) || S_state_government(w, j, e) ||
      S_unplaced_congress(w, j, e) || S_firm_office(w, j, e) || S_stop_across(w, j, e))
    return;
  /* a suffix that opens a longer word: a body before a title (法院|院长), or
   * the title's first character after a field (司法|部长); not 副|部长,
   * 李振华|局长, 看|队员 */
  if (w->wstart[j] == j && w->wend[j] > e) {
    size_t ts = w->wend[j] - zn_gaz_longest_ending(w, ZN_CAT_TITLE, w->wend[j]);
    int rest_title = zn_has_cat(zn_gaz_at(w, e, w->wend[j]), ZN_CAT_TITLE);
    if (!rest_title && zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, j))
      return; /* the body ends before the title: 制片厂|厂长, 中联部|部长; not where the
               * suffix is whole and the title follows it (地税局|党组|书记) */
    /* a title that opens with the suffix wants a field before it (司法|部长), unless the
     * suffix is whole and a title follows it in the same word (镇|党委书记) */
    const zn_word *field = j > 0 ? zn_word_at(w, w->wstart[j - 1], j) : NULL;
    if (ts < j || ts > e ||
        (ts == j && !rest_title &&
         (!field || j - w->wstart[j - 1] < 2 || !(field->flags & ZN_W_NOUN) ||
          (field->flags & ZN_W_PROPER))))
      return;
    titled = ts == j;
  }
  size_t latin = S_latin_name(w, j);
  if (latin != (size_t)-1 && w->wstart[j] == j && S_firm_suffix(w, j, e)) {
    zn_cand_add(w, latin, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
    return;
  }
  /* the suffix itself may be the end of a longer base word (水利局) */
  if (w->wstart[j] < j) {
    const zn_word *word = zn_word_at(w, w->wstart[j], w->wend[j]);
    if (w->wend[j] != e || !word)
      return;
    p = w->wstart[j];
    if (S_kind_word(w, p, j, e)) {
      /* a kind of body in one word (保险公司, 集团公司, 师范大学): the name goes on before it;
       * a firm's whose first part jieba tags as a person's name may be whole (方正|集团) */
      if (S_brand_word(w, p, j) && S_firm_suffix(w, j, e))
        zn_cand_add(w, p, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX), named = p;
    } else if (!(word->flags & ZN_W_ORGWORD) && !S_named_word(word, j, e)) {
      /* 女队, 秘鲁队, 申花队: a place or a proper noun names the team; no place names its army
       * (美国|军队, 西藏|部队), and a verb with 队 is no team (建国|带队) */
      const zn_word *in = zn_word_at(w, p, j);
      if (w->v->cp[j] != 0x961F /* 队 */ || zn_has_cat(zn_gaz_at(w, p, e), ZN_CAT_ORG_GENERIC) ||
          (in && (in->flags & ZN_W_VERB)))
        return;
      const zn_word *pw = p > 0 ? zn_word_at(w, w->wstart[p - 1], p) : NULL;
      int before = p > 0 && p - w->wstart[p - 1] >= 2 &&
                   ((pw && (pw->flags & ZN_W_PLACE)) || zn_place_stem(w, w->wstart[p - 1], p));
      /* the team's place and its own name, maybe a place too (山东|泰山|队), or a brand
       * (上海申花|队) */
      if (((in && (in->flags & (ZN_W_PLACE | ZN_W_PROPER))) || zn_place_stem(w, p, j)) &&
          j - p >= 2)
        zn_cand_add(w, p, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
      if (before)
        zn_cand_add(w, w->wstart[p - 1], e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
      /* a village's or a town's team whose name the lexicon does not know (台|盘|村队), or
       * that the text named after its town before (某某乡|九|摆|村 … 九|摆|村队) */
      for (size_t k = 2; j == p + 1 && S_town_level(w->v->cp[p]) && k <= 3 && k <= p; k++)
        if (S_unknown_town(w, p - k, p) || S_village_named(w, p - k, p))
          zn_cand_add(w, p - k, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
      return;
    }
    /* 中国队: a place, then the suffix; 联邦贸易委员会: a long name of its own */
    else if (!S_generic_kind(w, p, j, e) && (S_anchor_part(w, p, j) || e - p >= 5 ||
                                             (S_brand_word(w, p, j) && S_firm_suffix(w, j, e))))
      zn_cand_add(w, p, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX), named = p;
  }
  /* a body the gazetteer knows takes only anchors right before it (法国|外交部); past a plain
   * word, what stands before it is another subject (商务部|经商|公安部) */
  int whole = zn_has_cat(zn_gaz_at(w, p, e), ZN_CAT_ORG_BODY);
  while (p > 0 && e - p < ZN_ORG_MAXLEN) {
    size_t q;
    if (w->v->cp[p - 1] == 0xFF09) { /* a parenthesis inside the name: 晖阳（贵州） */
      q = S_open_paren(w, p - 1);
      if (q == (size_t)-1 || q == 0 || !zn_is_han(w->v->cp[q - 1]))
        break;
      p = q;
      continue;
    }
    if (zn_is_joiner(w->v->cp[p - 1]) && !dotted && p >= 2 && zn_is_han(w->v->cp[p - 2])) {
      p--, dotted = 1; /* a person's name the body bears: 约翰·霍普金斯|大学 */
      continue;
    }
    q = w->wstart[p - 1];
    if (w->wend[p - 1] != p || S_place_again(w, q, p, e))
      break;
    size_t pl = S_prefix_ending(w, p);
    if (pl) {
      p -= pl;
      zn_cand_add(w, p, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
      named = p;
      continue;
    }
    wclass c = S_class(w, q, p);
    int town = c != W_MATERIAL ? S_town_opening(w, q, p) : 0;
    /* a brand that opens with a measure word where a name may open anchors it (、首|农|食品集团) */
    int measured = c == W_STOP && S_brand_measure(w, q, p, j, e) && S_free_start(w, q);
    if (town || (c == W_STOP && S_stop_belongs(w, q, p, j, e)))
      c = W_MATERIAL;
    if (c == W_STOP && S_conjunction(w, q, p) && !joined++) {
      p = q; /* 和 between two fields: 产业发展和投资促进委员会 */
      continue;
    }
    int run = c == W_VERB && p == named && S_run_opening(w, q, p);
    if (run || (c == W_VERB && S_brand_second(w, q, p, j, e)))
      c = W_MATERIAL;
    if (c == W_STOP || (c == W_VERB && (++verbs > 2 || S_object_at(w, p) || p == named)))
      break; /* a verb before a place, a level or a name already whole takes it as its
              * object: 利用|黔东南高新区, 巡察组进驻|县交通局, 出任|欧洲投资银行 */
    if (p == verb_at && S_known_body(w, q, p))
      break; /* and a body the gazetteer or the lexicon knows is its subject: 清华大学|共建|… */
    if (c == W_VERB && p - q >= 2)
      verb_at = q;
    size_t end = p;
    p = q;
    if (e - j == 1 && e - p < 3) /* a one-character suffix wants two before it: 新局 */
      continue;
    if (c != W_VERB && !(end == j && S_generic_kind(w, q, j, e)) &&
        (town == 1 || measured || run || S_anchor_word(w, q, end) ||
         (!joined && S_brand_word(w, q, end) && S_firm_suffix(w, j, e)) ||
         (dotted && zn_is_joiner(w->v->cp[end])) || S_parent_body(w, q, end, e) ||
         (titled && j - p >= 4 && S_field_words(w, p, j)))) {
      /* a level of two characters alone opens no name: 社区|养老服务站 is any
       * community's (but 社区 of 某某社区|居委会 goes on left) */
      if (!(S_bare_level(w, q, end) && end - q == 2))
        zn_cand_add(w, p, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
      if (!S_bare_level(w, q, end))
        named = p; /* 街道|党工委 is no name whole yet: 开怀|街道党工委 */
    } else if (whole)
      break;
  }
  size_t brand = named == p && S_firm_suffix(w, j, e) ? S_brand_start(w, p) : (size_t)-1;
  if (brand != (size_t)-1)
    zn_cand_add(w, brand, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
  /* the whole item of a list whose names share the suffix: 交通投资集团、鸿运农投集团 */
  if (p < j && e - p >= 4 && (p == 0 || !zn_is_han(w->v->cp[p - 1])) && S_shared_suffix(w, p, j, e))
    zn_cand_add(w, p, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
}

/* How far before a village's body the text may name the village after its town, in characters. */
#define ZN_VILLAGE_REACH 2000

/* Whether [q, l) names a village, its level 村 at l, that the text names earlier, within
 * ZN_VILLAGE_REACH, after its town (龙山镇|复兴村 before 复兴村|党支部): the lexicon may have
 * its name as an everyday word (复兴, 团结, 幸福), which alone names no village. The reach
 * bounds the search, whatever the number of villages a long text names. */
static int S_village_named(const zn_work *w, size_t q, size_t l) {
  const zn_view *v = w->v;
  if (v->cp[l] != 0x6751 /* 村 */ || l - q < 2 || l - q > 3 || w->wstart[q] != q)
    return 0;
  for (size_t i = q; i < l; i++)
    if (!zn_is_han(v->cp[i]))
      return 0;
  const char *name = v->utf8 + v->boff[q];
  size_t len = v->boff[l + 1] - v->boff[q];
  const char *from = v->utf8 + v->boff[q > ZN_VILLAGE_REACH ? q - ZN_VILLAGE_REACH : 0];
  for (const char *at = from; (at = memmem(at, (size_t)(name - at), name, len)) != NULL; at += len)
    /* the character before is 镇 or 乡, three bytes in UTF-8 */
    if (at - v->utf8 >= 3 &&
        (!memcmp(at - 3, "\xE9\x95\x87", 3) || !memcmp(at - 3, "\xE4\xB9\xA1", 3)))
      return 1;
  return 0;
}

/* A body named by its place and level (凯里市委, 黔东南州政府, 中共遵义市委, 排调镇党委), maybe
 * with its term between (凯里市十届人大):
 * level at l, the body after it, a place of the lexicon before it or a town's name it does not
 * know; and the county or city before that town (雷山县|丹江镇党委). */
static void S_place_body(zn_work *w, size_t l) {
  const zn_params *pr = &w->m->p;
  const zn_view *v = w->v;
  if (!zn_has_cat(zn_gaz_at(w, l, l + 1), ZN_CAT_LEVEL))
    return;
  size_t blen, b = l + 1;
  while (b < v->n && zn_is_han_numeral(v->cp[b]) && b - l <= 3)
    b++; /* the term between the level and the body: 凯里市|十届|人大 */
  b = b > l + 1 && b < v->n && v->cp[b] == 0x5C4A /* 届 */ ? b + 1 : l + 1;
  if (!zn_gaz_longest(w, ZN_CAT_LEVEL_BODY, b, &blen))
    return;
  size_t e = b + blen;
  if (e < v->n && (v->cp[e] == 0x5458 /* 员 */ || v->cp[e] == 0x957F /* 长 */))
    return;
  for (size_t k = l < 6 ? l : 6; k >= 2; k--) {
    size_t q = l - k;
    const zn_word *a = zn_word_at(w, q, l), *b = zn_word_at(w, q, l + 1);
    /* a village's own committee repeats its level: 新光村|村委会, 台盘村|村委会 */
    int own = k <= 4 && v->cp[l - 1] == v->cp[l] && S_town_level(v->cp[l]) &&
              ((a && (a->flags & ZN_W_PLACE)) || S_unknown_town(w, q, l - 1) ||
               S_village_named(w, q, l - 1));
    if (!(a && (a->flags & ZN_W_PLACE)) && !(b && (b->flags & ZN_W_PLACE)) && !own &&
        !(k <= 3 && (S_unknown_town(w, q, l) || S_village_named(w, q, l))))
      continue;
    zn_cand_add(w, q, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
    const zn_word *county = q > 0 ? zn_word_at(w, w->wstart[q - 1], q) : NULL;
    if (county && (county->flags & ZN_W_PLACE) && w->wend[q - 1] == q &&
        q - w->wstart[q - 1] >= 2 && S_town_level(w->v->cp[l]) &&
        zn_has_cat(zn_gaz_at(w, q - 1, q), ZN_CAT_PLACE_SUFFIX))
      zn_cand_add(w, w->wstart[q - 1], e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
    size_t pl = zn_gaz_longest_ending(w, ZN_CAT_ORG_PREFIX, q); /* 中共|遵义市委, 共青团|… */
    if (pl)
      zn_cand_add(w, q - pl, e, pr->org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
    return;
  }
}

/* A school named by its place and number (贵阳六中, 杭州十四中学, 贵阳六小): a place of the
 * lexicon or a city's short name (凯里 of 凯里市) at [i, k), a Han number of one to three
 * characters, then 中学, 小学, or 中 or 小 where a word or no Han character follows (not 三中全会).
 */
static void S_numbered_school(zn_work *w, size_t i) {
  const zn_view *v = w->v;
  size_t k = w->wend[i], n = k;
  const zn_word *place = zn_word_at(w, i, k);
  if (w->wstart[i] != i || k - i < 2 || !place ||
      (!(place->flags & ZN_W_PLACE) && !zn_place_stem(w, i, k)))
    return;
  while (n < v->n && n - k < 3 && zn_is_han_numeral(v->cp[n]))
    n++;
  if (n == k || n >= v->n || (v->cp[n] != 0x4E2D /* 中 */ && v->cp[n] != 0x5C0F /* 小 */))
    return;
  size_t e = n + 1;
  if (e < v->n && v->cp[e] == 0x5B66 /* 学 */)
    e++;
  else if (e < v->n && zn_is_han(v->cp[e]) && (w->wstart[e] != e || v->cp[e] == 0x5168 /* 全 */))
    return;
  zn_cand_add(w, i, e, w->m->p.org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
}

/* Whether [s, e) names a kind of periodical (杂志, 周刊). */
static int S_periodical_kind(const zn_work *w, size_t s, size_t e) {
  static const char *kinds[] = {"半月刊", "杂志", "周刊", "月刊", "季刊", "画报"};
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    if (strlen(kinds[k]) == 3 * (e - s) && zn_view_holds(w->v, s, e, kinds[k]))
      return 1; /* three bytes a character in UTF-8 */
  return 0;
}

/* A periodical named by its title in 《》, as the press writes it: with its kind after it
 * (《科学》杂志), its place before it (英国《自然》杂志, 华东《大众日报》), or both; the title
 * alone is no organisation. o is the 《, a newspaper's title ends with 报 or a kind. */
static void S_periodical(zn_work *w, size_t o) {
  const zn_view *v = w->v;
  size_t c = o + 1;
  while (c < v->n && c - o <= 16 && zn_is_han(v->cp[c]))
    c++;
  if (c == o + 1 || c >= v->n || v->cp[c] != 0x300B /* 》 */)
    return;
  size_t e = c + 1, kind = 0;
  for (size_t len = 3; len >= 2 && !kind; len--)
    if (e + len <= v->n && S_periodical_kind(w, e, e + len) &&
        (e + len == v->n || w->wstart[e + len] == e + len))
      kind = len;
  int paper = v->cp[c - 1] == 0x62A5 /* 报 */ || (c - o > 3 && S_periodical_kind(w, c - 2, c)) ||
              (c - o > 4 && S_periodical_kind(w, c - 3, c));
  if (!kind && !paper)
    return;
  e += kind;
  size_t s = zn_place_before(w, o);
  if (s < o || e > c + 1)
    zn_cand_add(w, s, e, w->m->p.org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
}

/* A bureau (司) after the ministry or national body the gazetteer knows at [s, e): 外交部|新闻司,
 * 教育部|高教司, 工业和信息化部|信息通信发展司, 国家体育总局|竞技体育司; up to six characters and
 * no function word, then 司 where a word ends that is no everyday word of two characters (not 司令,
 * 司机, 公司, 上司), and no word across e but one that ends there too (外交部新闻司 is one word of
 * the lexicon). */
static void S_national_bureau(zn_work *w, size_t s, size_t e) {
  const zn_view *v = w->v;
  if (e >= v->n)
    return;
  for (size_t k = e + 1; k < v->n && k - e <= 6 && zn_is_han(v->cp[k - 1]); k++) {
    const zn_word *one = w->wstart[k - 1] == k - 1 ? zn_word1(w, k - 1) : NULL;
    if (one && w->wend[k - 1] == k && (one->flags & ZN_W_FUNC))
      return;
    if (v->cp[k] == 0x53F8 /* 司 */ && w->wend[k] == k + 1 &&
        (w->wstart[k] == k || k - w->wstart[k] >= 2) &&
        (w->wstart[e] == e || w->wend[e] == k + 1)) {
      zn_cand_add(w, s, k + 1, w->m->p.org_cost * 0.5f, ZN_ORG, ZN_NAME, ZN_SRC_GAZ);
      return;
    }
  }
}

/* A military unit numbered after the army or the party that the gazetteer knows at [s, e):
 * 国民党|第96军, 八路军|第一二九师, 解放军|第38集团军; 第, one to four numerals, then the kind
 * of unit (the longest: 集团军 before 军). */
static void S_numbered_unit(zn_work *w, size_t s, size_t e) {
  static const char *kinds[] = {"集团军", "野战军", "绥靖区", "兵团", "纵队",
                                "军",     "师",     "旅",     "团"};
  const zn_view *v = w->v;
  if (e >= v->n || v->cp[e] != 0x7B2C /* 第 */)
    return;
  size_t k = e + 1;
  while (k < v->n && k - e <= 4 && S_numeral(v, k))
    k++;
  if (k == e + 1)
    return;
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
    size_t len = strlen(kinds[i]) / 3; /* three bytes a character in UTF-8 */
    if (k + len <= v->n && zn_view_holds(v, k, k + len, kinds[i])) {
      zn_cand_add(w, s, k + len, w->m->p.org_cost * 0.5f, ZN_ORG, ZN_NAME, ZN_SRC_GAZ);
      return;
    }
  }
}

/* The longest quoted name of a body, in characters. */
#define ZN_QUOTED_MAX 14

/* The mark that closes the quotation mark c opens, or 0. */
static uint32_t S_closing_quote(uint32_t c) {
  switch (c) {
  case 0x201C: /* “ */
    return 0x201D;
  case 0x300C: /* 「 */
    return 0x300D;
  case 0x300E: /* 『 */
    return 0x300F;
  case '"':
    return '"';
  default:
    return 0;
  }
}

/* Whether the word before the quotation mark at o or the one after its end c awards an honour
 * or counts several of a kind: 荣获“文明单位”称号, 建起了12所“田间学校”, 首批“示范医院”. */
static int S_honour_around(const zn_work *w, size_t o, size_t c) {
  static const char *const before[] = {"评为", "授予", "命名", "荣获", "获评", "创建",
                                       "争创", "入选", "获得", "首批", "称为"};
  static const char *const after[] = {"称号", "荣誉", "奖", "示范", "试点"};
  const zn_view *v = w->v;
  for (size_t k = o > 2 ? o - 2 : 0; k < o; k++)
    if (S_numeral(v, k) && v->cp[k] != 0x4E00 /* 一: 成立了一个“…领导小组” names one */)
      return 1;
  for (size_t k = 0; k < sizeof before / sizeof *before; k++)
    if (o >= 2 && zn_view_holds(v, o >= 3 ? o - 3 : o - 2, o, before[k]))
      return 1;
  for (size_t k = 0; k < sizeof after / sizeof *after; k++)
    if (c + 3 <= v->n && zn_view_holds(v, c + 1, c + 3, after[k]))
      return 1;
  return 0;
}

/* A body named in quotation marks: the whole quotation ends with a suffix and holds a name of
 * two characters or more before it (成立“抗旱救灾领导小组”, 这所“山顶小学”); not a phrase (“最近的
 * 中转站”), an honour or a kind counted (12所“田间学校”), nor a suffix inside an everyday word
 * (“五好干部”). */
static void S_quoted_body(zn_work *w, size_t o) {
  const zn_view *v = w->v;
  uint32_t close = S_closing_quote(v->cp[o]);
  if (!close)
    return;
  size_t c = o + 1;
  while (c < v->n && c - o <= ZN_QUOTED_MAX && zn_is_han(v->cp[c]))
    c++;
  size_t sl = c < v->n && v->cp[c] == close ? zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, c) : 0;
  if (!sl || c - sl < o + 3)
    return;
  size_t j = c - sl;
  const zn_word *word = zn_word_at(w, w->wstart[j], c);
  if (w->wstart[j] != j && !(word && (word->flags & ZN_W_ORGWORD)) &&
      !zn_has_cat(zn_gaz_at(w, w->wstart[j], c), ZN_CAT_ORG_SUFFIX))
    return;
  if (zn_view_holds(v, o + 1, c, "的") || S_honour_around(w, o, c))
    return;
  zn_cand_add(w, o + 1, c, w->m->p.org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
}

/* How far after 等 the kind of body a list names may end (等|一大批|乡镇企业, 等|国内著名软件厂商),
 * and how long an item of the list may be. */
#define ZN_KIND_REACH 8
#define ZN_ITEM_MAX 6
/* a trade or a product is a word of the lexicon cheaper than this (-ln p): 建材 11.2, 用友 13.5 */
#define ZN_TRADE_WORD 12.0f
/* what an item costs above a name the document knows, which teaches its neighbours (see
 * S_learn_org_item in extract.c) and so must win where both stand */
#define ZN_LIST_MARGIN 0.1f

/* Whether the words between 等 and the kind [s, e) describe the items as bodies: no 的, no
 * industry or region between (纺织、煤炭等困难|行业|亏损企业 are trades, not firms). */
static int S_kind_stretch(const zn_work *w, size_t s, size_t e) {
  static const char *const trades[] = {"的",   "行业", "产业", "领域",
                                       "地区", "城市", "国家", "地方"};
  for (size_t t = 0; t < sizeof trades / sizeof *trades; t++)
    if (e > s && zn_view_holds(w->v, s, e, trades[t]))
      return 0;
  return 1;
}

/* The end of the kind of body that follows 等 at i (等|乡镇企业, 等|国内著名软件厂商), or 0. */
static size_t S_kind_after(const zn_work *w, size_t i) {
  for (size_t e = i + 2; e <= w->v->n && e <= i + 1 + ZN_KIND_REACH; e++) {
    if (!zn_is_han(w->v->cp[e - 1]))
      return 0;
    size_t kl = zn_gaz_longest_ending(w, ZN_CAT_ORG_KIND, e);
    if (kl && e - kl > i && w->wend[e - 1] == e)
      return S_kind_stretch(w, i + 1, e - kl) ? e : 0;
  }
  return 0;
}

/* Whether the item [s, e) of a list is a trade or a product, not a body's name: an everyday
 * noun, verb or adjective of the lexicon (化工, 水果; not 用友, 格力, nor 阳光, 长虹, which
 * it tags as names, nor 华西, a place). */
static int S_trade_item(const zn_work *w, size_t s, size_t e) {
  const zn_word *word = zn_word_at(w, s, e);
  return word && word->cost < ZN_TRADE_WORD && (word->flags & (ZN_W_NOUN | ZN_W_VERB | ZN_W_ADJ)) &&
         !(word->flags & (ZN_W_PLACE | ZN_W_NR | ZN_W_PROPER));
}

/* A list of names before 等 and a kind of body: 华星、利民、东升等一批乡镇企业, 用友、金蝶等
 * 软件厂商. Each item is a body, the first only where a clause opens, not after its verb
 * (发挥|甲、乙等); not where the items are trades (蔬菜、水果等企业) or all open alike (小炼焦、
 * 小化工等土小企业). */
static void S_listed_bodies(zn_work *w, size_t i) {
  const zn_view *v = w->v;
  if (v->cp[i] != 0x7B49 /* 等 */ || i == 0 || !S_kind_after(w, i))
    return;
  size_t ends[8], starts[8], k = 0, first = 0, e = i; /* first: the items that surely are whole */
  while (k < 8) {
    size_t s = e;
    while (s > 0 && zn_is_han(v->cp[s - 1]) && v->cp[s - 1] != 0x3001 /* 、 */ &&
           e - s <= ZN_ITEM_MAX)
      s--;
    if (e - s > ZN_ITEM_MAX || s == e)
      break; /* the first item runs into its clause (发挥|甲、乙等) */
    starts[k] = s, ends[k++] = e;
    if (s == 0 || v->cp[s - 1] != 0x3001) {
      first = s == 0 || !zn_is_han(v->cp[s - 1]) ? k : k - 1;
      break;
    }
    first = k;
    e = s - 1;
  }
  if (k < 2)
    return;
  int alike = 1, trades = 0;
  for (size_t t = 0; t < k; t++) {
    alike = alike && v->cp[starts[t]] == v->cp[starts[0]];
    trades += S_trade_item(w, starts[t], ends[t]);
  }
  if (alike || trades)
    return; /* 小炼焦、小化工; 蔬菜、水果等企业: a list of trades, not of names */
  for (size_t t = 0; t < first; t++)
    if (ends[t] - starts[t] >= 2)
      zn_cand_add(w, starts[t], ends[t], w->m->p.org_cost + ZN_LIST_MARGIN, ZN_ORG, ZN_NAME,
                  ZN_SRC_LIST);
}

/* A body the gazetteer knows [s, e) whose suffix goes on into a longer one that a base word ends:
 * the body's own unit (工人日报|社 of 工人|日报社, 经济日报社). */
static void S_longer_suffix(zn_work *w, size_t s, size_t e) {
  size_t sl = zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, e), ll;
  if (sl && e - sl > s && zn_gaz_longest(w, ZN_CAT_ORG_SUFFIX, e - sl, &ll) && e - sl + ll > e &&
      w->wend[e - sl + ll - 1] == e - sl + ll)
    zn_cand_add(w, s, e - sl + ll, w->m->p.org_cost * 0.5f, ZN_ORG, ZN_NAME, ZN_SRC_GAZ);
}

/* The gazetteer's body or department [i, e) with the place whose it is, in a word of the lexicon
 * with it (以色列工党) or before it (澳大利亚|工党, 凯里市|疾控中心), maybe with the body's term
 * between (日本|第十届|国会). */
static void S_placed_entry(zn_work *w, size_t i, size_t e, float cost) {
  size_t ws = w->wstart[i] < i ? w->wstart[i] : i > 0 ? w->wstart[i - 1] : i, pe = i;
  if (i > 0 && ws > 0 && ws == w->wstart[i - 1] && S_ordinal(w, ws, i))
    pe = ws, ws = w->wstart[ws - 1];
  const zn_word *place = ws < pe ? zn_word_at(w, ws, pe) : NULL;
  if (place && (place->flags & ZN_W_PLACE) && pe - ws >= 2 && w->wend[e - 1] == e &&
      !zn_link_level(w, ws, pe)) /* 乡镇|和县|农业农村局 */
    zn_cand_add(w, ws, e, cost, ZN_ORG, ZN_NAME, ZN_SRC_GAZ);
}

void zn_org_candidates(zn_work *w) {
  const zn_params *pr = &w->m->p;
  size_t n = w->v->n;
  for (size_t i = 0; i < n; i++) {
    if (w->v->cp[i] == 0x300A /* 《 */)
      S_periodical(w, i);
    S_quoted_body(w, i);
    if (!zn_is_han(w->v->cp[i]))
      continue;
    size_t len;
    if (zn_gaz_longest(w, ZN_CAT_ORG_BODY, i, &len)) {
      zn_cand_add(w, i, i + len, pr->org_cost * 0.5f, ZN_ORG, ZN_NAME, ZN_SRC_GAZ);
      S_longer_suffix(w, i, i + len);
      S_national_bureau(w, i, i + len);
      S_numbered_unit(w, i, i + len);
      S_placed_entry(w, i, i + len, pr->org_cost * 0.5f);
    }
    if (zn_gaz_longest(w, ZN_CAT_DEPARTMENT, i, &len) && w->wstart[i] == i) {
      zn_cand_add(w, i, i + len, pr->org_cost * 2.0f, ZN_ORG, ZN_NAME, ZN_SRC_GAZ);
      S_placed_entry(w, i, i + len, pr->org_cost);
    }
    S_place_body(w, i);
    S_numbered_school(w, i);
    S_listed_bodies(w, i);
  }
  for (size_t e = 1; e <= n; e++) {
    size_t len = zn_gaz_longest_ending(w, ZN_CAT_ORG_SUFFIX, e);
    if (!len)
      continue;
    S_extend(w, e - len, e);
    /* a suffix that starts inside a base word may be the wrong cut: the shorter suffixes too
     * (足|球队 of 足球队 fails, 足球|队 names a team) */
    for (size_t l = len - 1; l >= 1 && w->wstart[e - len] < e - len; l--)
      if (zn_has_cat(zn_gaz_at(w, e - l, e), ZN_CAT_ORG_SUFFIX)) {
        S_extend(w, e - l, e);
        break;
      }
  }
}

void zn_org_departments(zn_work *w) {
  size_t n = w->ncands, none = (size_t)-1;
  size_t *last = zn_xmalloc((w->v->n + 1) * sizeof *last); /* the last body ending at i */
  size_t *prev = zn_xmalloc((n + 1) * sizeof *prev);       /* the body before, same end */
  for (size_t i = 0; i <= w->v->n; i++)
    last[i] = none;
  for (size_t k = 0; k < n; k++)
    if (w->cands[k].type == ZN_ORG)
      prev[k] = last[w->cands[k].e], last[w->cands[k].e] = k;
  for (size_t k = 0; k < n; k++) {
    const zn_cand d = w->cands[k];
    if (d.type != ZN_ORG || d.source != ZN_SRC_GAZ ||
        !zn_has_cat(zn_gaz_at(w, d.s, d.e), ZN_CAT_DEPARTMENT))
      continue;
    for (size_t b = last[d.s]; b != none; b = prev[b])
      zn_cand_add(w, w->cands[b].s, d.e, w->m->p.org_cost, ZN_ORG, ZN_NAME, ZN_SRC_SUFFIX);
  }
  free(last);
  free(prev);
}
