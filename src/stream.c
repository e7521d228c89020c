/* stream.c: documents from a stream (standard input): the whole stream as
 * one text, or one JSON object {"id": …, "text": …} a line. Results go out
 * in input order, one JSON line per input line (or TSV rows), so that zhner
 * can be a Hadoop Streaming or Spark pipe() mapper. Lines are taken in blocks
 * and the documents of a block are processed on all threads; memory holds one
 * block, whatever the length of the stream. */
#include "stream.h"
#include "util.h"

#include <json-c/json.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#define ZN_BLOCK_PER_JOB 64

typedef struct item {
  long line;
  char *id, *text; /* text == NULL: error already set */
  size_t len;
  char *error;
  char *out;
  size_t outlen;
  size_t persons, orgs;
} item;

typedef struct block {
  const zn_model *model;
  const zn_stream_opts *o;
  item *items;
  size_t n;
  atomic_size_t next;
} block;

/* Parses one input line into it: id (string or number) and text. */
static void S_parse(item *it, const char *line, size_t len) {
  struct json_tokener *tok = json_tokener_new();
  json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
  json_object *obj = json_tokener_parse_ex(tok, line, (int)len);
  enum json_tokener_error jerr = json_tokener_get_error(tok);
  json_object *id = NULL, *text = NULL;
  zn_buf b = {0};
  if (!obj || jerr != json_tokener_success) {
    zn_buf_printf(&b, "not a JSON object: %s at byte %zu", json_tokener_error_desc(jerr),
                  json_tokener_get_parse_end(tok));
  } else if (!json_object_is_type(obj, json_type_object)) {
    zn_buf_printf(&b, "want a JSON object {\"id\": …, \"text\": …}");
  } else {
    if (json_object_object_get_ex(obj, "id", &id) &&
        (json_object_is_type(id, json_type_string) || json_object_is_type(id, json_type_int)))
      it->id = zn_xstrdup(json_object_get_string(id));
    if (!json_object_object_get_ex(obj, "text", &text) ||
        !json_object_is_type(text, json_type_string))
      zn_buf_printf(&b, "no \"text\" string");
    else {
      it->len = (size_t)json_object_get_string_len(text);
      it->text = zn_xmalloc(it->len + 1);
      memcpy(it->text, json_object_get_string(text), it->len + 1);
    }
  }
  if (!it->id) {
    char n[32];
    snprintf(n, sizeof n, "line-%ld", it->line);
    it->id = zn_xstrdup(n);
  }
  it->error = b.s;
  json_object_put(obj);
  json_tokener_free(tok);
}

static void S_process(const block *bl, item *it) {
  if (it->error)
    return;
  zn_error err = {0};
  char msg[2048];
  zn_doc *doc = zn_batch_doc(bl->model, it->id, it->text, it->len, bl->o->encoding, bl->o->places,
                             bl->o->nplaces, &it->persons, &it->orgs, &err);
  if (!doc) {
    err.path[0] = 0; /* the id is said with the line */
    it->error = zn_xstrdup(zn_error_format(&err, msg, sizeof msg));
    return;
  }
  FILE *mem = open_memstream(&it->out, &it->outlen);
  if (bl->o->format == ZN_STREAM_TSV)
    zn_write_tsv(doc, mem, 0);
  else if (bl->o->jsonl_in)
    zn_write_json_doc(doc, mem);
  else
    zn_write_jsonl(doc, mem);
  fclose(mem);
  zn_doc_free(doc);
}

static void *S_worker(void *arg) {
  block *bl = arg;
  for (size_t i; (i = atomic_fetch_add(&bl->next, 1)) < bl->n;)
    S_process(bl, &bl->items[i]);
  return NULL;
}

/* Processes the block on jobs threads and writes it out in order. */
static void S_run_block(block *bl, int jobs, FILE *out, zn_batch_stats *st) {
  atomic_store(&bl->next, 0);
  pthread_t th[64];
  int nth = jobs < 64 ? jobs : 64;
  if ((size_t)nth > bl->n)
    nth = (int)bl->n;
  for (int t = 1; t < nth; t++)
    pthread_create(&th[t], NULL, S_worker, bl);
  S_worker(bl);
  for (int t = 1; t < nth; t++)
    pthread_join(th[t], NULL);
  for (size_t i = 0; i < bl->n; i++) {
    item *it = &bl->items[i];
    st->files++;
    st->bytes += it->len;
    st->persons += it->persons, st->orgs += it->orgs;
    if (it->error) {
      st->failed++;
      fprintf(stderr, "zhner: stdin:%ld: %s: %s\n", it->line, it->id, it->error);
      if (bl->o->jsonl_in && bl->o->format != ZN_STREAM_TSV)
        zn_write_json_error(it->id, it->error, out);
    } else {
      fwrite(it->out, 1, it->outlen, out);
    }
    free(it->id), free(it->text), free(it->error), free(it->out);
    memset(it, 0, sizeof *it);
  }
  fflush(out);
  bl->n = 0;
}

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

size_t zn_stream_run(const zn_model *model, FILE *in, FILE *out, const zn_stream_opts *o,
                     zn_batch_stats *st) {
  double t0 = S_now();
  memset(st, 0, sizeof *st);
  int jobs = o->jobs > 0 ? o->jobs : 1;
  size_t cap = o->jsonl_in ? (size_t)jobs * ZN_BLOCK_PER_JOB : 1;
  block bl = {.model = model, .o = o, .items = zn_xcalloc(cap, sizeof(item))};
  if (!o->jsonl_in) {
    /* the whole stream is one text */
    zn_buf b = {0};
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
      zn_buf_add(&b, chunk, got);
    item *it = &bl.items[bl.n++];
    it->line = 1, it->id = zn_xstrdup(o->name), it->text = b.s ? b.s : zn_xstrdup("");
    it->len = b.len;
    S_run_block(&bl, 1, out, st);
  } else {
    char *line = NULL;
    size_t linecap = 0;
    ssize_t len;
    long lineno = 0;
    while ((len = getline(&line, &linecap, in)) >= 0) {
      lineno++;
      while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = 0;
      if (len == 0)
        continue; /* blank lines are not documents */
      item *it = &bl.items[bl.n++];
      it->line = lineno;
      S_parse(it, line, (size_t)len);
      if (bl.n == cap)
        S_run_block(&bl, jobs, out, st);
    }
    free(line);
    if (bl.n)
      S_run_block(&bl, jobs, out, st);
  }
  free(bl.items);
  st->seconds = S_now() - t0;
  return st->failed;
}
