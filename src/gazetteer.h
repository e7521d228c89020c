/* gazetteer.h: the project's plain-text lists (gazetteers/NAME.txt), one table
 * from entry to the categories it belongs to. An entry may stand in several
 * categories (中心 is an organisation suffix and a plain word). */
#ifndef ZN_GAZETTEER_H
#define ZN_GAZETTEER_H

#include "trie.h"
#include "zhner.h"

#include <uthash.h>

/* The categories, named in MANIFEST and in rules as @{name}. */
typedef enum zn_cat {
  ZN_CAT_SURNAME,      /* 王, 欧阳 */
  ZN_CAT_TITLE,        /* titles, roles, occupations before a name: 书记, 村民 */
  ZN_CAT_PER_BEFORE,   /* words that introduce a person: 补选, 会见 */
  ZN_CAT_PER_AFTER,    /* words that follow a person: 表示, 指出, 同志 */
  ZN_CAT_HONORIFIC,    /* 先生, 大爷: surname + honorific is a reference */
  ZN_CAT_PERSON,       /* nationally famous people: 毛泽东, 雷锋 */
  ZN_CAT_NONNAME,      /* words that are never names although they look like one */
  ZN_CAT_ORG_SUFFIX,   /* 委员会, 有限公司, 局 */
  ZN_CAT_ORG_BODY,     /* national and international bodies: 国务院, 新华社 */
  ZN_CAT_ORG_PREFIX,   /* words that open an organisation name: 中共, 中国 */
  ZN_CAT_LEVEL,        /* administrative levels used as prefixes: 市, 州, 省 */
  ZN_CAT_LEVEL_BODY,   /* bodies named by level alone: 委, 政府, 政协 */
  ZN_CAT_DEPARTMENT,   /* departments of a body: 宣传部, 政法委, 水利局 */
  ZN_CAT_ORG_STOP,     /* words an organisation name never extends left over */
  ZN_CAT_PLACE_SUFFIX, /* 市, 县, 自治州: places that anchor organisation names */
  ZN_CAT_SURNAME_JA,   /* Japanese family names: 田中, 长谷川 */
  ZN_CAT_ORG_GENERIC,  /* kinds of body a country alone does not name: 日本|公司 */
  ZN_CAT_TRANSLIT,     /* characters of the transliteration tables: 猜, 颂 (泰语译音表) */
  ZN_CAT_ORG_KIND,     /* kinds of body a list of names ends with: 甲、乙等|企业 */
  ZN_CAT_ORG_INNER, /* words inside a name the lexicon tags as times or numbers: 青年, 老年 */
  ZN_CAT_SPOT,      /* everyday words for a spot that end with a suffix's character: 交界处 */
  ZN_CAT_NAME_PART, /* elements of names that bear no family name: 次仁, 巴特尔, 买买提 */
  ZN_CAT_COUNT
} zn_cat;

typedef struct zn_gaz_entry {
  UT_hash_handle hh;
  uint32_t cats;                 /* bit (1 << zn_cat) for each category */
  float weight[ZN_CAT_COUNT];    /* per-category weight (default 1) */
  char *canonical[ZN_CAT_COUNT]; /* per-category canonical form, or NULL */
  size_t len;                    /* length in code points */
  char key[];                    /* UTF-8 */
} zn_gaz_entry;

typedef struct zn_gazetteer {
  zn_gaz_entry *table;
  zn_trie trie;                /* the same entries by character; values are zn_gaz_entry * */
  size_t maxlen[ZN_CAT_COUNT]; /* longest entry per category, in code points */
  char **lists[ZN_CAT_COUNT];  /* entries per category, in file order */
  size_t nlist[ZN_CAT_COUNT];
  size_t caplist[ZN_CAT_COUNT];
} zn_gazetteer;

/* The category called name, or -1. */
int zn_cat_by_name(const char *name);
const char *zn_cat_name(zn_cat cat);

/* Reads one category file into g. Lines: "entry", "entry<TAB>weight" or
 * "canonical|variant|…" (each variant maps to canonical), '#' comments. */
int zn_gazetteer_read(zn_gazetteer *g, zn_cat cat, const char *path, zn_error *err);
/* Entry for UTF-8 bytes [s, s+len), or NULL. */
const zn_gaz_entry *zn_gazetteer_find(const zn_gazetteer *g, const char *s, size_t len);
/* Whether entry g (may be NULL) is in category cat. */
int zn_has_cat(const zn_gaz_entry *g, zn_cat cat);
void zn_gazetteer_free(zn_gazetteer *g);

#endif
