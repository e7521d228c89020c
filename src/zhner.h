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
  const char *entity;    /* id of the entity within the document (per-…, org-…) */
  const char *canonical; /* the entity's canonical name */
  double cert;           /* confidence, 0..1 */
  const char *role;      /* for a person: the title written right before it, or NULL */
  size_t role_start;     /* where that title (with its organisation) starts */
  long role_org;         /* for a person: index of the ORG mention inside role, or -1 */
} zn_mention;

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

/* Finds the mentions of doc. Returns 0, or -1 with err filled. */
int zn_extract(const zn_model *model, zn_doc *doc, zn_error *err);

const char *zn_doc_name(const zn_doc *doc);
/* The original text as code points, and its length. */
const uint32_t *zn_doc_text(const zn_doc *doc, size_t *length);
/* Hex SHA-256 of the bytes the document was made from. */
const char *zn_doc_sha256(const zn_doc *doc);
size_t zn_doc_mention_count(const zn_doc *doc);
const zn_mention *zn_doc_mention(const zn_doc *doc, size_t i);

/* Writers. header: print the TSV header line first. The TEI writer takes the
 * relative name of the source text for RFC 5147 pointers, the name of the
 * index document entities live in, and the gazetteer version for the header.
 * Each returns 0, or -1 when writing failed. */
int zn_write_tsv(const zn_doc *doc, FILE *out, int header);
int zn_write_jsonl(const zn_doc *doc, FILE *out);
int zn_write_tei(const zn_doc *doc, const char *source_name, const char *index_name,
                 const char *gazetteer_version, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
