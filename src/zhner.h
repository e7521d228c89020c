/* zhner.h: the public interface of libzhner, a finder of the persons and
 * organisations named in Chinese newspaper text.
 *
 * Ownership, in one sentence: every pointer a zn_* function returns belongs to
 * the object it was taken from and lives as long as that object; objects made
 * by zn_*_new / zn_*_load are released with the matching zn_*_free, and every
 * zn_*_free accepts NULL.
 *
 * Offsets: every position is a Unicode code point index into the original
 * input exactly as given (a BOM is code point 0, a CR counts), end exclusive.
 *
 * The library never prints, never exits and keeps no global state; a model is
 * immutable after loading and may be shared by any number of threads, each
 * working on its own documents. Allocation failure aborts the process. */
#ifndef ZHNER_H
#define ZHNER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ZHNER_VERSION "0.1.0"

typedef enum zn_code {
  ZN_OK = 0,
  ZN_ERR_IO,       /* a file could not be read or written */
  ZN_ERR_ENCODING, /* invalid UTF-8 or an undecodable byte sequence */
  ZN_ERR_BINARY,   /* the input looks like a binary file */
  ZN_ERR_DATA,     /* a malformed gazetteer line */
  ZN_ERR_RULE,     /* a pattern rule that does not compile */
  ZN_ERR_USAGE     /* a bad argument */
} zn_code;

/* An error as a value: where it happened and why. Fields that do not apply
 * are 0 (line, column) or -1 (offset). */
typedef struct zn_error {
  zn_code code;
  char path[1024];
  long line;        /* 1-based line in path */
  long column;      /* 1-based column in path, in code points */
  long long offset; /* byte offset in path (encoding errors), or offset in a pattern */
  char message[512];
} zn_error;

/* Formats err as "path:line:column: message" (parts that do not apply are
 * left out) into buf; returns buf. */
char *zn_error_format(const zn_error *err, char *buf, size_t size);

typedef enum zn_type { ZN_PER = 1, ZN_ORG = 2 } zn_type;

/* A person mention is a name (谭夔) or a reference by surname and honorific
 * or kinship word (张先生, 老王); an organisation mention is a name. */
typedef enum zn_kind { ZN_NAME = 0, ZN_REFERENCE = 1 } zn_kind;

typedef struct zn_mention {
  size_t start, end; /* code points into the original input, end exclusive */
  zn_type type;
  zn_kind kind;
  const char *text;      /* UTF-8, the original slice with whitespace removed */
  const char *entity;    /* id of the entity (per-…, org-…; ref-… for a reference to
                            no named person of the document): stable across runs and
                            corpora, derived from type and canonical name */
  const char *canonical; /* the entity's canonical name (short forms resolved) */
  const char *org_type;  /* for an organisation: party, government, congress, cppcc,
                            court, procuratorate, or NULL */
  int unresolved;        /* a short form (市委) whose place could not be told */
  double cert;           /* confidence, 0..1 */
  size_t role_first;     /* for a person: its titles are roles [role_first, +nroles) */
  size_t nroles;
} zn_mention;

/* A title written before a person (州委常委、市委书记谭夔 gives two). */
typedef struct zn_role {
  size_t start, end; /* the whole title, its organisation included */
  const char *text;  /* 市委书记 */
  const char *title; /* the title without the organisation: 书记 */
  long org;          /* index of the ORG mention inside the title, or -1 */
} zn_role;

typedef struct zn_model zn_model;
typedef struct zn_doc zn_doc;

/* Loads the gazetteers, lexicons and rules named by DIR/MANIFEST. extra_dir,
 * if not NULL, holds files that add to (same name: replace) those of dir.
 * Returns NULL and fills err on failure. */
zn_model *zn_model_load(const char *dir, const char *extra_dir, zn_error *err);
void zn_model_free(zn_model *model);
/* The gazetteer version from the MANIFEST. */
const char *zn_model_version(const zn_model *model);

/* Makes a document from raw bytes. encoding is NULL or "auto" (UTF-8 with or
 * without BOM, else GB18030 when the bytes are valid GB18030 and not UTF-8),
 * "utf-8" or "gb18030". name is used in outputs (the input path as given).
 * Returns NULL and fills err (path = name, offset = byte offset) on failure. */
zn_doc *zn_doc_new(const char *name, const char *bytes, size_t len, const char *encoding,
                   zn_error *err);
void zn_doc_free(zn_doc *doc);

/* Names the document's home place for one administrative level (凯里市,
 * 黔东南州, 贵州省: the place with its level character last), so that short
 * forms such as 市委 resolve to it. Without it the place of each level is the
 * one the text names most often. Returns 0, or -1 if place has no level. */
int zn_doc_set_place(zn_doc *doc, const char *place);
/* The level of a home place: 0..4 for 省 市 州 县 区 as its last character
 * (after at least one other), or -1 if it is not one. */
int zn_place_level(const char *place);

/* Finds the mentions of doc. Returns 0, or -1 with err filled. */
int zn_extract(const zn_model *model, zn_doc *doc, zn_error *err);

const char *zn_doc_name(const zn_doc *doc);
/* The original text as code points, and its length. */
const uint32_t *zn_doc_text(const zn_doc *doc, size_t *length);
/* Hex SHA-256 of the bytes the document was made from. */
const char *zn_doc_sha256(const zn_doc *doc);
size_t zn_doc_mention_count(const zn_doc *doc);
const zn_mention *zn_doc_mention(const zn_doc *doc, size_t i);
const zn_role *zn_doc_role(const zn_doc *doc, size_t i);
/* The page's first headline (its first non-empty line), else the name. */
const char *zn_doc_title(const zn_doc *doc);

/* Writers. header: print the TSV header line first. The TEI writer takes the
 * relative name of the source text for RFC 5147 pointers, the name of the
 * index document entities live in, and the gazetteer version for the header.
 * Each returns 0, or -1 when writing failed. */
int zn_write_tsv(const zn_doc *doc, FILE *out, int header);
int zn_write_jsonl(const zn_doc *doc, FILE *out);
/* One line for the whole document: {"id": NAME, "mentions": [...]}; and the
 * line that stands for a document that could not be processed. */
int zn_write_json_doc(const zn_doc *doc, FILE *out);
void zn_write_json_error(const char *id, const char *message, FILE *out);
int zn_write_tei(const zn_doc *doc, const char *source_name, const char *index_name,
                 const char *gazetteer_version, FILE *out);

/* The corpus index: every entity of every document added, with its name
 * variants, roles, affiliations and a pointer to each mention. Documents may
 * be added in any order (and from several threads, one at a time); the index
 * written is sorted, so it depends only on the set of documents. An index read
 * back from a written index.xml adds up to the same: merging the indexes of
 * shards gives the index of one run over all their documents. */
typedef struct zn_index zn_index;

zn_index *zn_index_new(void);
void zn_index_free(zn_index *index);
/* Adds doc, whose TEI file is NAME.xml and whose source is source_path.
 * Returns -1 (err filled) if another document of that name is in already. */
int zn_index_add(zn_index *index, const zn_doc *doc, const char *name, const char *source_path,
                 zn_error *err);
/* Takes the document of that name out again (a document whose outputs
 * could not be written), with every pointer into it and every entity only
 * it had. */
void zn_index_remove(zn_index *index, const char *name);
/* Adds what an index.xml written by zn_index_write holds. */
int zn_index_read(zn_index *index, const char *path, zn_error *err);
size_t zn_index_doc_count(const zn_index *index);
/* The name of the i-th document, in the order they were added. */
const char *zn_index_doc_name(const zn_index *index, size_t i);
size_t zn_index_entity_count(const zn_index *index);
int zn_index_write(const zn_index *index, const char *gazetteer_version, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
