/* batch.c: worker threads pull files from a shared counter; the model is
 * shared read-only; outputs to a folder are written to a temporary name and
 * renamed; output to standard output is printed in input order. */
#include "batch.h"
#include "doc.h"
#include "pieces.h"
#include "tei.h"
#include "util.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A file larger than this many bytes for each code point of a piece goes in
 * pieces (ZHNER_PIECE_CHARS in the environment sets the piece: for tests). */
#define ZN_PIECE_CHARS (1u << 20)
#define ZN_PIECE_FACTOR 4

typedef struct result {
  char *out; /* what goes to standard output, in order */
  size_t outlen;
  FILE *spill; /* or, for a file in pieces, a temporary file holding it */
  char *error;
  size_t persons, orgs;
  unsigned long long bytes, reported; /* its size; how much the progress has */
  int done;
} result;

typedef struct shared {
  const zn_model *model;
  char **inputs, **names;
  size_t n;
  const zn_batch_opts *opts;
  atomic_size_t next;
  result *res;
  pthread_mutex_t lock;
  pthread_cond_t cond;
  size_t finished;
  unsigned long long bytes_done, bytes_total;
  size_t piece; /* code points of a piece of a long file */
  pthread_mutex_t index_lock;
} shared;

static char *S_strdupf(const char *fmt, const char *a, const char *b) {
  int n = snprintf(NULL, 0, fmt, a, b);
  char *s = malloc((size_t)n + 1);
  if (!s)
    abort();
  snprintf(s, (size_t)n + 1, fmt, a, b);
  return s;
}

typedef struct write_ctx {
  shared *sh;
  const zn_doc *doc;
  size_t i;
  unsigned fmt;
} write_ctx;

static int S_write(void *arg, FILE *f) {
  write_ctx *c = arg;
  if (c->fmt == ZN_FMT_TSV)
    return zn_write_tsv(c->doc, f, 1);
  if (c->fmt == ZN_FMT_JSONL)
    return zn_write_jsonl(c->doc, f);
  const char *src = c->sh->inputs[c->i], *base = strrchr(src, '/');
  return zn_write_tei(c->doc, base ? base + 1 : src, "index.xml", zn_model_version(c->sh->model),
                      f);
}

/* Writes DIR/NAME.EXT atomically. */
static int S_write_file(shared *sh, const zn_doc *doc, size_t i, const char *ext, unsigned fmt,
                        char **error) {
  char path[4096], msg[2048];
  snprintf(path, sizeof path, "%s/%s.%s", sh->opts->outdir, sh->names[i], ext);
  write_ctx c = {sh, doc, i, fmt};
  zn_error err = {0};
  if (zn_write_atomic(path, S_write, &c, &err) == 0)
    return 0;
  *error = S_strdupf("%s%s", zn_error_format(&err, msg, sizeof msg), "");
  return -1;
}

zn_doc *zn_batch_doc(const zn_model *model, const char *name, const char *bytes, size_t len,
                     const char *encoding, char **places, size_t nplaces, size_t *persons,
                     size_t *orgs, zn_error *err) {
  zn_doc *doc = zn_doc_new(name, bytes, len, encoding, err);
  for (size_t k = 0; doc && k < nplaces; k++)
    zn_doc_set_place(doc, places[k]);
  if (doc && zn_extract(model, doc, err) != 0) {
    zn_doc_free(doc);
    return NULL;
  }
  for (size_t k = 0; doc && k < zn_doc_mention_count(doc); k++)
    zn_doc_mention(doc, k)->type == ZN_PER ? (*persons)++ : (*orgs)++;
  return doc;
}

static void S_process(shared *sh, size_t i) {
  result *r = &sh->res[i];
  zn_error err = {0};
  char msg[2048];
  size_t len = 0;
  char *bytes = zn_read_file(sh->inputs[i], &len, &err);
  if (!bytes) {
    r->error = S_strdupf("%s%s", zn_error_format(&err, msg, sizeof msg), "");
    return;
  }
  r->bytes = len;
  zn_doc *doc = zn_batch_doc(sh->model, sh->inputs[i], bytes, len, sh->opts->encoding,
                             sh->opts->places, sh->opts->nplaces, &r->persons, &r->orgs, &err);
  free(bytes);
  if (!doc) {
    r->error = S_strdupf("%s%s", zn_error_format(&err, msg, sizeof msg), "");
    return;
  }
  if (!strcmp(sh->opts->outdir, "-")) {
    FILE *mem = open_memstream(&r->out, &r->outlen);
    if (sh->opts->formats & ZN_FMT_JSONL)
      zn_write_jsonl(doc, mem);
    else
      zn_write_tsv(doc, mem, 0);
    fclose(mem);
  } else {
    static const struct {
      unsigned fmt;
      const char *ext;
    } outs[] = {{ZN_FMT_TSV, "tsv"}, {ZN_FMT_JSONL, "jsonl"}, {ZN_FMT_TEI, "xml"}};
    for (size_t k = 0; k < 3 && !r->error; k++)
      if (sh->opts->formats & outs[k].fmt)
        S_write_file(sh, doc, i, outs[k].ext, outs[k].fmt, &r->error);
  }
  if (!r->error && sh->opts->index) {
    pthread_mutex_lock(&sh->index_lock);
    if (zn_index_add(sh->opts->index, doc, sh->names[i], sh->inputs[i], &err) != 0)
      r->error = S_strdupf("%s%s", zn_error_format(&err, msg, sizeof msg), "");
    pthread_mutex_unlock(&sh->index_lock);
  }
  zn_doc_free(doc);
}

/* The progress has the bytes of file i up to done. */
static void S_report(shared *sh, size_t i, unsigned long long done) {
  pthread_mutex_lock(&sh->lock);
  sh->bytes_done += done - sh->res[i].reported;
  sh->res[i].reported = done;
  pthread_mutex_unlock(&sh->lock);
}

/* The outputs of one file in pieces, each written as the pieces come. */
typedef struct piece_outs {
  zn_atomic *file[3];
  FILE *tsv, *jsonl, *tei_file;
  zn_tei_out *tei;
} piece_outs;

static int S_pieces_open(shared *sh, size_t i, piece_outs *o, zn_error *err) {
  result *r = &sh->res[i];
  if (!strcmp(sh->opts->outdir, "-")) {
    if (!(r->spill = tmpfile()))
      return zn_fail(err, ZN_ERR_IO, sh->inputs[i], 0, 0, -1, "cannot make a temporary file: %s",
                     strerror(errno));
    *(sh->opts->formats & ZN_FMT_JSONL ? &o->jsonl : &o->tsv) = r->spill;
    return 0;
  }
  static const struct {
    unsigned fmt;
    const char *ext;
  } outs[] = {{ZN_FMT_TSV, "tsv"}, {ZN_FMT_JSONL, "jsonl"}, {ZN_FMT_TEI, "xml"}};
  FILE **files[] = {&o->tsv, &o->jsonl, &o->tei_file};
  for (size_t k = 0; k < 3; k++) {
    if (!(sh->opts->formats & outs[k].fmt))
      continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.%s", sh->opts->outdir, sh->names[i], outs[k].ext);
    if (!(o->file[k] = zn_atomic_open(path, err)))
      return -1;
    *files[k] = o->file[k]->f;
  }
  return 0;
}

/* Writes one piece into every output and the index. */
static int S_piece_out(shared *sh, size_t i, piece_outs *o, const zn_doc *doc, zn_error *err) {
  if (o->tsv)
    zn_write_tsv(doc, o->tsv, doc->base == 0 && o->file[0]);
  if (o->jsonl)
    zn_write_jsonl(doc, o->jsonl);
  if (o->tei_file && !o->tei) {
    const char *src = sh->inputs[i], *slash = strrchr(src, '/');
    o->tei = zn_tei_begin(o->tei_file, doc, slash ? slash + 1 : src, "index.xml",
                          zn_model_version(sh->model));
    if (!o->tei)
      return zn_fail(err, ZN_ERR_IO, o->file[2]->path, 0, 0, -1, "cannot write");
  }
  if (o->tei)
    zn_tei_piece(o->tei, doc);
  int rc = 0;
  if (sh->opts->index) {
    pthread_mutex_lock(&sh->index_lock);
    rc = zn_index_add(sh->opts->index, doc, sh->names[i], sh->inputs[i], err);
    pthread_mutex_unlock(&sh->index_lock);
  }
  return rc;
}

/* Ends the outputs: renamed to their names in turn if all went well; from
 * the first that fails (or all, if something failed before), removed. Each
 * file is whole either way; the caller takes the file out of the index. */
static int S_pieces_close(piece_outs *o, int ok, zn_error *err) {
  if (o->tei && zn_tei_end(o->tei) != 0 && ok)
    ok = 0, zn_fail(err, ZN_ERR_IO, o->file[2]->path, 0, 0, -1, "cannot write");
  for (size_t k = 0; k < 3; k++)
    if (zn_atomic_close(o->file[k], ok, err) != 0)
      ok = 0;
  return ok ? 0 : -1;
}

/* A long file, piece by piece: memory stays that of one piece. */
static void S_process_pieces(shared *sh, size_t i) {
  result *r = &sh->res[i];
  zn_error err = {0};
  char msg[2048];
  zn_pieces *p = zn_pieces_open(sh->inputs[i], sh->opts->encoding, sh->piece, &err);
  if (!p) {
    r->error = S_strdupf("%s%s", zn_error_format(&err, msg, sizeof msg), "");
    return;
  }
  r->bytes = zn_pieces_size(p);
  piece_outs o = {0};
  int ok = S_pieces_open(sh, i, &o, &err) == 0, indexed = 0;
  size_t mentions = 0;
  zn_doc *doc;
  while (ok && (doc = zn_pieces_next(p, mentions, &err))) {
    for (size_t k = 0; k < sh->opts->nplaces; k++)
      zn_doc_set_place(doc, sh->opts->places[k]);
    ok = zn_extract(sh->model, doc, &err) == 0 && S_piece_out(sh, i, &o, doc, &err) == 0;
    indexed |= sh->opts->index != NULL;
    for (size_t k = 0; k < zn_doc_mention_count(doc); k++)
      zn_doc_mention(doc, k)->type == ZN_PER ? r->persons++ : r->orgs++;
    mentions += zn_doc_mention_count(doc);
    zn_doc_free(doc);
    S_report(sh, i, zn_pieces_done(p));
  }
  ok = ok && err.code == ZN_OK;
  if (S_pieces_close(&o, ok, &err) != 0) {
    ok = 0;
    if (indexed) {
      pthread_mutex_lock(&sh->index_lock);
      zn_index_remove(sh->opts->index, sh->names[i]);
      pthread_mutex_unlock(&sh->index_lock);
    }
  }
  if (!ok)
    r->error = S_strdupf("%s%s", zn_error_format(&err, msg, sizeof msg), "");
  zn_pieces_close(p);
}

static void *S_worker(void *arg) {
  shared *sh = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&sh->next, 1);
    if (i >= sh->n)
      break;
    struct stat st;
    if (stat(sh->inputs[i], &st) == 0 &&
        (unsigned long long)st.st_size > (unsigned long long)sh->piece * ZN_PIECE_FACTOR)
      S_process_pieces(sh, i);
    else
      S_process(sh, i);
    pthread_mutex_lock(&sh->lock);
    sh->res[i].done = 1;
    sh->finished++;
    sh->bytes_done += sh->res[i].bytes - sh->res[i].reported;
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->lock);
  }
  return NULL;
}

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void S_progress(size_t done, size_t total, unsigned long long bytes,
                       unsigned long long bytes_total, double secs) {
  double mb = (double)bytes / 1e6, rate = secs > 0 ? mb / secs : 0;
  double left = bytes && bytes_total >= bytes ? secs * (double)(bytes_total - bytes) / (double)bytes
                : done                        ? secs * (double)(total - done) / (double)done
                                              : 0;
  int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
  fprintf(stderr, "\r[%.*s%*s] %zu/%zu files  %.1f MB  %.1f MB/s  %.0fs left ", fill,
          "##############################", width - fill, "", done, total, mb, rate, left);
  fflush(stderr);
}

size_t zn_batch_run(const zn_model *model, char **inputs, char **names, size_t n,
                    const zn_batch_opts *opts, zn_batch_stats *stats) {
  shared sh = {.model = model, .inputs = inputs, .names = names, .n = n, .opts = opts};
  atomic_init(&sh.next, 0);
  sh.res = calloc(n ? n : 1, sizeof *sh.res);
  if (!sh.res)
    abort();
  pthread_mutex_init(&sh.lock, NULL);
  pthread_mutex_init(&sh.index_lock, NULL);
  pthread_cond_init(&sh.cond, NULL);
  const char *piece = getenv("ZHNER_PIECE_CHARS");
  sh.piece = piece && atol(piece) > 0 ? (size_t)atol(piece) : ZN_PIECE_CHARS;
  for (size_t i = 0; opts->progress && i < n; i++) {
    struct stat st;
    if (stat(inputs[i], &st) == 0)
      sh.bytes_total += (unsigned long long)st.st_size;
  }
  double t0 = S_now();
  int jobs = opts->jobs > 0 ? opts->jobs : 1;
  if ((size_t)jobs > n)
    jobs = n ? (int)n : 1;
  pthread_t *th = calloc((size_t)jobs, sizeof *th);
  if (!th)
    abort();
  for (int t = 0; t < jobs; t++)
    pthread_create(&th[t], NULL, S_worker, &sh);
  /* the main thread reports in input order as results come in */
  memset(stats, 0, sizeof *stats);
  for (size_t i = 0; i < n; i++) {
    pthread_mutex_lock(&sh.lock);
    while (!sh.res[i].done) {
      if (opts->progress)
        S_progress(sh.finished, n, sh.bytes_done, sh.bytes_total, S_now() - t0);
      struct timespec until;
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_nsec += 200000000;
      if (until.tv_nsec >= 1000000000)
        until.tv_sec++, until.tv_nsec -= 1000000000;
      pthread_cond_timedwait(&sh.cond, &sh.lock, &until);
    }
    pthread_mutex_unlock(&sh.lock);
    result *r = &sh.res[i];
    if (r->out) {
      fwrite(r->out, 1, r->outlen, stdout);
      free(r->out);
    }
    if (r->spill) {
      char chunk[1 << 16];
      size_t got;
      rewind(r->spill);
      while (!r->error && (got = fread(chunk, 1, sizeof chunk, r->spill)) > 0)
        fwrite(chunk, 1, got, stdout);
      fclose(r->spill);
    }
    if (r->error) {
      if (opts->progress)
        fputc('\n', stderr);
      fprintf(stderr, "zhner: %s\n", r->error);
      free(r->error);
      stats->failed++;
    }
    stats->files++;
    stats->bytes += r->bytes;
    stats->persons += r->persons;
    stats->orgs += r->orgs;
  }
  for (int t = 0; t < jobs; t++)
    pthread_join(th[t], NULL);
  if (opts->progress) {
    S_progress(n, n, sh.bytes_done, sh.bytes_total, S_now() - t0);
    fputc('\n', stderr);
  }
  fflush(stdout);
  stats->seconds = S_now() - t0;
  free(th);
  free(sh.res);
  pthread_mutex_destroy(&sh.lock);
  pthread_mutex_destroy(&sh.index_lock);
  pthread_cond_destroy(&sh.cond);
  return stats->failed;
}
