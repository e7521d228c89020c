/* batch.h: run the extractor over many files on several threads, writing
 * each document's outputs atomically (temporary name, then rename). */
#ifndef ZN_BATCH_H
#define ZN_BATCH_H

#include "zhner.h"

enum { ZN_FMT_TSV = 1, ZN_FMT_JSONL = 2, ZN_FMT_TEI = 4 };

typedef struct zn_batch_opts {
  const char *outdir;   /* folder, or "-" for standard output */
  unsigned formats;     /* ZN_FMT_* bits */
  const char *encoding; /* NULL = auto */
  int jobs;
  int progress;    /* draw a progress bar on standard error */
  zn_index *index; /* if not NULL, every document done is added to it */
  char **places;   /* home places given for every document (--place) */
  size_t nplaces;
} zn_batch_opts;

typedef struct zn_batch_stats {
  size_t files, failed, persons, orgs;
  unsigned long long bytes;
  double seconds;
} zn_batch_stats;

/* One document from bytes: made, given the home places, extracted; counts
 * its persons and organisations into *persons and *orgs. Returns NULL with
 * err filled on failure. Shared by files and streams. */
zn_doc *zn_batch_doc(const zn_model *model, const char *name, const char *bytes, size_t len,
                     const char *encoding, char **places, size_t nplaces, size_t *persons,
                     size_t *orgs, zn_error *err);

/* Processes inputs[0..n) (paths) with names[0..n) (output base names).
 * Errors are printed to standard error as "zhner: path: message" and the file
 * is skipped. Returns the number of failed files. */
size_t zn_batch_run(const zn_model *model, char **inputs, char **names, size_t n,
                    const zn_batch_opts *opts, zn_batch_stats *stats);

#endif
