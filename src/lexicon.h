/* lexicon.h: a general word list with frequencies and parts of speech (jieba's
 * dict.txt format: "word freq pos"), place names, and character statistics
 * for names. It tells words from names; its person-name entries are never
 * used as names: three-character name entries leave the word list and only
 * feed the statistics of given-name characters; four-character ones that open
 * with a surname and hold no foreign-name character are idioms, kept as words. */
#ifndef ZN_LEXICON_H
#define ZN_LEXICON_H

#include "gazetteer.h"
#include "trie.h"
#include "util.h"
#include "zhner.h"

#include <uthash.h>

enum {
  ZN_W_WORD = 1,      /* a word (set once its first line is read) */
  ZN_W_PLACE = 2,     /* a place name */
  ZN_W_VERB = 4,      /* pos v, vd, vi… (not vn) */
  ZN_W_FUNC = 8,      /* function word: p, c, u, d, r, y, e, o, f */
  ZN_W_NOUN = 16,     /* n, nz, vn, j, l… */
  ZN_W_NUM = 32,      /* m, q: numbers and measure words */
  ZN_W_PROPER = 64,   /* nz, nrt, j: other proper nouns and abbreviations */
  ZN_W_ADJ = 128,     /* a, b */
  ZN_W_TIME = 256,    /* t */
  ZN_W_ORGWORD = 512, /* nt: a word that names a kind of body (水利局); never an ORG alone */
  ZN_W_NR = 1024, /* nr (not nrt, nrfg) of two characters: mostly everyday words (智慧, 养老) */
  ZN_W_HIDDEN = 2048,    /* known, but the text is segmented without it (see lexicon.c) */
  ZN_W_LINK = 4096,      /* p, c: a preposition or a conjunction (also ZN_W_FUNC) */
  ZN_W_NAMELIKE = 8192,  /* shaped like a person's name the tagger missed (see lexicon.c) */
  ZN_W_PARTICLE = 16384, /* u: a structural or aspect particle (的, 了, 之; also ZN_W_FUNC) */
  ZN_W_STEM = 32768      /* a city's or a county's usual short name (see zn_lexicon_seal) */
};

/* A word of at most this cost (-ln p) is well known (日前: 10.2, 格局: 10.5). */
#define ZN_KNOWN_WORD 12.0f

typedef struct zn_word {
  float cost; /* -ln(freq / total) for a word */
  uint16_t flags;
  uint16_t len; /* code points */
  char key[];
} zn_word;

typedef struct zn_charstat {
  float given;    /* count as a given-name character */
  float translit; /* count in transliterated foreign names */
  float word;     /* frequency as a one-character word */
  uint32_t seen;  /* 1 once the lists have said anything of the character */
} zn_charstat;

typedef struct zn_charnode { /* a character past U+FFFF and its statistics */
  UT_hash_handle hh;
  uint32_t cp;
  zn_charstat st;
} zn_charnode;

typedef struct zn_lexicon {
  zn_trie trie;        /* the words by character; values are zn_word * */
  zn_arena mem;        /* where the words are */
  size_t maxlen;       /* longest word, code points */
  double total;        /* sum of word frequencies */
  zn_charstat *bmp;    /* bmp[cp]: the statistics of cp < ZN_BMP_END */
  zn_charnode *astral; /* the others */
  double given_total, translit_total;
} zn_lexicon;

/* Reads a dict.txt-style word list; surnames (from g) select the name entries
 * whose characters count as given-name characters. */
int zn_lexicon_read_words(zn_lexicon *lx, const zn_gazetteer *g, const char *path, zn_error *err);
/* Reads a list of place names ("name" or "name/…" a line, '#' comments). */
int zn_lexicon_read_places(zn_lexicon *lx, const char *path, zn_error *err);
/* Reads the urban districts of a general word list in the same form (friso's lex-main.lex): the
 * words of three or four Han characters ending with 区 that neither the lexicon read before nor
 * their name before 区 is an everyday word (游仙区, 西秀区; not 开发区, 中心区). */
int zn_lexicon_read_districts(zn_lexicon *lx, const char *path, zn_error *err);
/* Marks the trie's edges for walks once every list is read: a word the text may be segmented
 * into carries its cost (see zn_lexicon_mark_cost), any other node 0. unknown_char is what a
 * character no word holds costs beyond a word seen once. Also sets ZN_W_STEM on the words that
 * are a city's or a county's usual short name: the lexicon knows the word with a level after it
 * as a place (大连 of 大连市), and not as an everyday noun, verb or adjective (资源 of 资源县,
 * 合作 of 合作市), whatever else it tags it; a noun, verb or adjective too rare to be well known
 * is no everyday word (铜仁 of 铜仁市, 遵义 of 遵义市); nor does one open with a function word
 * (各市 of 各市县). */
void zn_lexicon_seal(zn_lexicon *lx, float unknown_char);
/* The characters of g's transliteration tables (猜, 颂): foreign names use each of them at least
 * least times, whatever the lexicon's foreign names say (they are mostly European ones). */
void zn_lexicon_translit(zn_lexicon *lx, const zn_gazetteer *g, float least);
/* The cost a mark carries. */
static inline float zn_lexicon_mark_cost(uint32_t mark) {
  union {
    uint32_t u;
    float f;
  } b = {mark & 0x7FFFFFFFu};
  return b.f;
}
const zn_word *zn_lexicon_find(const zn_lexicon *lx, const char *s, size_t len);
const zn_charstat *zn_lexicon_char(const zn_lexicon *lx, uint32_t cp);
void zn_lexicon_free(zn_lexicon *lx);

#endif
