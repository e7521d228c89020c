/* stream.h: documents from standard input, results to standard output in
 * input order (zhner -). */
#ifndef ZN_STREAM_H
#define ZN_STREAM_H

#include "batch.h"
#include "zhner.h"

enum { ZN_STREAM_JSONL = 0, ZN_STREAM_TSV = 1 };

typedef struct zn_stream_opts {
  int jsonl_in;         /* one {"id": …, "text": …} object a line; else one text */
  int format;           /* ZN_STREAM_JSONL or ZN_STREAM_TSV */
  const char *name;     /* the document's name when the stream is one text */
  const char *encoding; /* of a plain-text stream: NULL = auto */
  int jobs;
  char **places;
  size_t nplaces;
} zn_stream_opts;

/* Reads in to its end. With jsonl_in, writes one JSON line per input line
 * ({"id": …, "mentions": […]}, or {"id": …, "error": …}); a plain text gets
 * one JSON line per mention, as files do. TSV: rows with the id as doc.
 * Errors also go to standard error as "zhner: stdin:LINE: ID: message".
 * Returns the number of documents that failed. */
size_t zn_stream_run(const zn_model *model, FILE *in, FILE *out, const zn_stream_opts *o,
                     zn_batch_stats *stats);

#endif
