/* main.c: the zhner command line, a thin client of libzhner. */
#include "batch.h"
#include "stream.h"
#include "util.h"
#include "zhner.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ZN_GAZETTEER_DIR
#define ZN_GAZETTEER_DIR "gazetteers"
#endif

enum { EXIT_ALL_DONE = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

static const char *S_usage =
    "usage: zhner [OPTIONS] PATH...\n"
    "       zhner [OPTIONS] -              (standard input to standard output)\n"
    "       zhner merge OUT SHARD/index.xml...\n"
    "Finds the persons and organisations named in Chinese text files. PATH is a\n"
    "file, or a folder searched recursively for *.txt.\n"
    "\n"
    "  --output DIR        write NAME.tsv / NAME.jsonl / NAME.xml per document and\n"
    "                      the corpus index index.xml into DIR (default: output);\n"
    "                      '-' writes TSV or JSONL for all documents to standard\n"
    "                      output\n"
    "  --format F          tsv, jsonl or tei; may be repeated (default: all three\n"
    "                      into a folder, tsv to standard output)\n"
    "  --input-format F    for '-': text (default; the stream is one document) or\n"
    "                      jsonl (one {\"id\": …, \"text\": …} a line, one result line\n"
    "                      {\"id\": …, \"mentions\": […]} each, in order)\n"
    "  --gazetteers DIR    gazetteers that add to or override the built-in ones\n"
    "  --encoding E        auto (default), utf-8 or gb18030\n"
    "  --place P           the home place of the documents for one level (凯里市,\n"
    "                      黔东南州, 贵州省), so that 市委 resolves to it; may be\n"
    "                      repeated (default: the place each text names most)\n"
    "  --jobs N            worker threads (default: the number of cores)\n"
    "  --quiet             no progress bar and no summary line\n"
    "  --help, --version\n"
    "\n"
    "merge writes OUT/index.xml from the indexes of shards (runs over parts of a\n"
    "corpus), identical to the index of one run over all of them, and copies\n"
    "each shard's document files into OUT.\n"
    "\n"
    "Offsets are Unicode code points into each original file, end exclusive.\n"
    "Exit status: 0 all files done; 1 some file could not be processed (the rest\n"
    "still are); 2 bad usage or bad gazetteers.\n";

typedef struct list {
  char **s;
  size_t n, cap;
} list;

static void S_push(list *l, char *s) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->s = realloc(l->s, l->cap * sizeof *l->s);
    if (!l->s)
      abort();
  }
  l->s[l->n++] = s;
}

static char *S_dup(const char *s) {
  char *d = strdup(s);
  if (!d)
    abort();
  return d;
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && !strcmp(s + a - b, suffix);
}

/* Collects *.txt below dir, sorted, into out. */
static void S_walk(const char *dir, list *out) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "zhner: %s: cannot open folder: %s\n", dir, strerror(errno));
    return;
  }
  list here = {0};
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    size_t len = strlen(dir) + strlen(e->d_name) + 2;
    char *path = malloc(len);
    if (!path)
      abort();
    snprintf(path, len, "%s%s%s", dir, S_ends_with(dir, "/") ? "" : "/", e->d_name);
    S_push(&here, path);
  }
  closedir(d);
  qsort(here.s, here.n, sizeof *here.s, S_cmp);
  for (size_t i = 0; i < here.n; i++) {
    struct stat st;
    if (stat(here.s[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      S_walk(here.s[i], out);
      free(here.s[i]);
    } else if (S_ends_with(here.s[i], ".txt")) {
      S_push(out, here.s[i]);
    } else {
      free(here.s[i]);
    }
  }
  free(here.s);
}

/* Output base name: the file name without .txt; where two inputs share one,
 * the path with '/' as '_' (deterministic, distinct). */
static char *S_base(const char *path) {
  const char *slash = strrchr(path, '/');
  char *b = S_dup(slash ? slash + 1 : path);
  if (S_ends_with(b, ".txt"))
    b[strlen(b) - 4] = 0;
  return b;
}

static char **S_names(char **inputs, size_t n) {
  char **names = calloc(n ? n : 1, sizeof *names);
  char *clash = calloc(n ? n : 1, 1);
  if (!names || !clash)
    abort();
  for (size_t i = 0; i < n; i++)
    names[i] = S_base(inputs[i]);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (!strcmp(names[i], names[j]))
        clash[i] = clash[j] = 1;
  for (size_t i = 0; i < n; i++) {
    if (!clash[i])
      continue;
    char *p = S_dup(inputs[i]);
    if (S_ends_with(p, ".txt"))
      p[strlen(p) - 4] = 0;
    for (char *c = p; *c; c++)
      if (*c == '/')
        *c = '_';
    const char *q = p;
    while (*q == '.' || *q == '_')
      q++;
    free(names[i]);
    names[i] = S_dup(*q ? q : "doc");
    free(p);
  }
  free(clash);
  return names;
}

static int S_bad_usage(const char *msg, const char *arg) {
  fprintf(stderr, "zhner: %s%s%s\n(see zhner --help)\n", msg, arg ? ": " : "", arg ? arg : "");
  return EXIT_USAGE;
}

/* What the command line collects; freed by main whatever S_run returns. */
typedef struct args {
  list paths, places;
} args;

static int S_run(int argc, char **argv, args *a);

static void S_list_free(list *l) {
  for (size_t i = 0; i < l->n; i++)
    free(l->s[i]);
  free(l->s);
  l->s = NULL, l->n = l->cap = 0;
}

static int S_merge(int argc, char **argv);

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "merge"))
    return S_merge(argc - 2, argv + 2);
  args a = {0};
  int rc = S_run(argc, argv, &a);
  S_list_free(&a.paths);
  S_list_free(&a.places);
  return rc;
}

typedef struct index_out {
  const zn_index *index;
  const char *version;
} index_out;

static int S_write_index(void *ctx, FILE *f) {
  const index_out *o = ctx;
  return zn_index_write(o->index, o->version, f);
}

static zn_model *S_load(const char *extra) {
  zn_error err = {0};
  zn_model *model = zn_model_load(ZN_GAZETTEER_DIR, extra, &err);
  if (!model) {
    char msg[2048];
    fprintf(stderr, "zhner: %s\n", zn_error_format(&err, msg, sizeof msg));
  }
  return model;
}

/* zhner -: standard input to standard output. */
static int S_stream(const char *extra, int jsonl_in, unsigned formats, const char *encoding,
                    int jobs, int quiet, list *places) {
  zn_model *model = S_load(extra);
  if (!model)
    return EXIT_USAGE;
  zn_stream_opts o = {.jsonl_in = jsonl_in,
                      .format = formats == ZN_FMT_TSV || (!formats && !jsonl_in) ? ZN_STREAM_TSV
                                                                                 : ZN_STREAM_JSONL,
                      .name = "stdin",
                      .encoding = jsonl_in ? "utf-8" : encoding,
                      .jobs = jobs,
                      .places = places->s,
                      .nplaces = places->n};
  zn_batch_stats st;
  size_t failed = zn_stream_run(model, stdin, stdout, &o, &st);
  if (!quiet)
    fprintf(stderr,
            "zhner: %zu documents, %.2f MB, %zu persons, %zu organisations, %zu failed, "
            "%.2f s\n",
            st.files, (double)st.bytes / 1e6, st.persons, st.orgs, failed, st.seconds);
  zn_model_free(model);
  return failed ? EXIT_SOME_FAILED : EXIT_ALL_DONE;
}

/* Everything main does but freeing what it collects in *cl. */
static int S_run(int argc, char **argv, args *cl) {
  const char *outdir = "output", *extra = NULL, *encoding = NULL;
  list *paths = &cl->paths;
  int jsonl_in = 0, output_given = 0;
  unsigned formats = 0;
  int jobs = (int)sysconf(_SC_NPROCESSORS_ONLN), quiet = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(S_usage, stdout);
      return EXIT_ALL_DONE;
    } else if (!strcmp(a, "--version")) {
      printf("zhner %s\n", ZHNER_VERSION);
      return EXIT_ALL_DONE;
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
      quiet = 1;
    } else if (!strcmp(a, "--output") || !strcmp(a, "-o")) {
      if (!has_value)
        return S_bad_usage("--output needs a folder or '-'", NULL);
      outdir = argv[++i];
      output_given = 1;
    } else if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
      if (!has_value)
        return S_bad_usage("--format needs tsv, jsonl or tei", NULL);
      const char *f = argv[++i];
      if (!strcmp(f, "tsv"))
        formats |= ZN_FMT_TSV;
      else if (!strcmp(f, "jsonl"))
        formats |= ZN_FMT_JSONL;
      else if (!strcmp(f, "tei") || !strcmp(f, "xml"))
        formats |= ZN_FMT_TEI;
      else
        return S_bad_usage("unknown format (want tsv, jsonl or tei)", f);
    } else if (!strcmp(a, "--gazetteers")) {
      if (!has_value)
        return S_bad_usage("--gazetteers needs a folder", NULL);
      extra = argv[++i];
    } else if (!strcmp(a, "--encoding")) {
      if (!has_value)
        return S_bad_usage("--encoding needs auto, utf-8 or gb18030", NULL);
      encoding = argv[++i];
      if (strcmp(encoding, "auto") && strcmp(encoding, "utf-8") && strcmp(encoding, "gb18030"))
        return S_bad_usage("unknown encoding (want auto, utf-8 or gb18030)", encoding);
    } else if (!strcmp(a, "--input-format")) {
      if (!has_value)
        return S_bad_usage("--input-format needs text or jsonl", NULL);
      const char *f = argv[++i];
      if (strcmp(f, "text") && strcmp(f, "jsonl"))
        return S_bad_usage("unknown input format (want text or jsonl)", f);
      jsonl_in = !strcmp(f, "jsonl");
    } else if (!strcmp(a, "--place")) {
      if (!has_value)
        return S_bad_usage("--place needs a place with its level (凯里市)", NULL);
      if (zn_place_level(argv[++i]) < 0)
        return S_bad_usage("--place wants a place ending in 省, 市, 州, 县 or 区", argv[i]);
      S_push(&cl->places, S_dup(argv[i]));
    } else if (!strcmp(a, "--jobs") || !strcmp(a, "-j")) {
      char *end;
      if (!has_value)
        return S_bad_usage("--jobs needs a number", NULL);
      long v = strtol(argv[++i], &end, 10);
      if (*end || v < 1 || v > 1024)
        return S_bad_usage("--jobs wants a number from 1 to 1024", argv[i]);
      jobs = (int)v;
    } else if (a[0] == '-' && a[1]) {
      return S_bad_usage("unknown option", a);
    } else {
      S_push(paths, S_dup(a));
    }
  }
  if (paths->n == 0)
    return S_bad_usage("no input (give files or folders, or - for standard input)", NULL);
  int from_stdin = 0;
  for (size_t i = 0; i < paths->n; i++)
    from_stdin |= !strcmp(paths->s[i], "-");
  if (from_stdin) {
    if (paths->n > 1)
      return S_bad_usage("- (standard input) cannot be combined with other inputs", NULL);
    if (output_given && strcmp(outdir, "-"))
      return S_bad_usage("standard input writes to standard output (--output -)", NULL);
    if (formats & ZN_FMT_TEI || formats == (ZN_FMT_TSV | ZN_FMT_JSONL))
      return S_bad_usage("standard input writes one format: jsonl or tsv", NULL);
    return S_stream(extra, jsonl_in, formats, encoding, jobs, quiet, &cl->places);
  }
  if (jsonl_in)
    return S_bad_usage("--input-format jsonl reads standard input: give - as the input", NULL);
  int to_stdout = !strcmp(outdir, "-");
  if (!formats)
    formats = to_stdout ? ZN_FMT_TSV : ZN_FMT_TSV | ZN_FMT_JSONL | ZN_FMT_TEI;
  if (to_stdout && (formats & ZN_FMT_TEI))
    return S_bad_usage("--output - writes tsv or jsonl, not tei", NULL);
  if (to_stdout && (formats & ZN_FMT_TSV) && (formats & ZN_FMT_JSONL))
    return S_bad_usage("--output - writes one format: tsv or jsonl", NULL);
  if (!to_stdout) {
    mkdir(outdir, 0777);
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/.zhner-probe.tmp", outdir);
    FILE *f = fopen(probe, "wb");
    if (!f) {
      fprintf(stderr, "zhner: %s: output folder is not writable: %s\n", outdir, strerror(errno));
      return EXIT_USAGE;
    }
    fclose(f);
    unlink(probe);
  }
  /* inputs: files as given, folders walked; a missing path is a failed file */
  list inputs = {0};
  size_t missing = 0;
  for (size_t i = 0; i < paths->n; i++) {
    struct stat st;
    if (stat(paths->s[i], &st) != 0) {
      fprintf(stderr, "zhner: %s: %s, skipped\n", paths->s[i], strerror(errno));
      missing++;
    } else if (S_ISDIR(st.st_mode)) {
      S_walk(paths->s[i], &inputs);
    } else {
      S_push(&inputs, S_dup(paths->s[i]));
    }
  }
  S_list_free(paths);
  zn_error err = {0};
  zn_model *model = S_load(extra);
  if (!model) {
    for (size_t i = 0; i < inputs.n; i++)
      free(inputs.s[i]);
    free(inputs.s);
    return EXIT_USAGE;
  }
  char **names = S_names(inputs.s, inputs.n);
  zn_batch_opts opts = {.outdir = outdir,
                        .formats = formats,
                        .encoding = encoding,
                        .jobs = jobs,
                        .progress = !quiet && isatty(2),
                        .places = cl->places.s,
                        .nplaces = cl->places.n};
  if (!to_stdout && (formats & ZN_FMT_TEI))
    opts.index = zn_index_new();
  zn_batch_stats st;
  size_t failed = zn_batch_run(model, inputs.s, names, inputs.n, &opts, &st) + missing;
  if (opts.index) {
    char path[4096], msg[2048];
    snprintf(path, sizeof path, "%s/index.xml", outdir);
    index_out io = {opts.index, zn_model_version(model)};
    if (zn_write_atomic(path, S_write_index, &io, &err) != 0) {
      fprintf(stderr, "zhner: %s\n", zn_error_format(&err, msg, sizeof msg));
      failed++;
    }
    zn_index_free(opts.index);
  }
  if (!quiet)
    fprintf(stderr,
            "zhner: %zu files, %.2f MB, %zu persons, %zu organisations, %zu failed, %.2f s\n",
            st.files + missing, (double)st.bytes / 1e6, st.persons, st.orgs, failed, st.seconds);
  for (size_t i = 0; i < inputs.n; i++)
    free(inputs.s[i]), free(names[i]);
  free(inputs.s);
  free(names);
  zn_model_free(model);
  return failed ? EXIT_SOME_FAILED : EXIT_ALL_DONE;
}

static int S_copy(void *ctx, FILE *out) {
  size_t len;
  zn_error err = {0};
  char *bytes = zn_read_file(ctx, &len, &err);
  if (!bytes)
    return -1;
  int rc = fwrite(bytes, 1, len, out) == len ? 0 : -1;
  free(bytes);
  return rc;
}

/* zhner merge OUT SHARD/index.xml...: one index from the shards' indexes, and
 * each shard's document files copied next to it. */
static int S_merge(int argc, char **argv) {
  if (argc < 2)
    return S_bad_usage("merge needs an output folder and at least one shard index.xml", NULL);
  const char *outdir = argv[0];
  mkdir(outdir, 0777);
  zn_index *index = zn_index_new();
  zn_error err = {0};
  char msg[2048], path[4096];
  int rc = EXIT_ALL_DONE;
  for (int i = 1; i < argc && rc == EXIT_ALL_DONE; i++) {
    size_t first = zn_index_doc_count(index);
    if (zn_index_read(index, argv[i], &err) != 0) {
      fprintf(stderr, "zhner: %s\n", zn_error_format(&err, msg, sizeof msg));
      rc = EXIT_USAGE;
      break;
    }
    /* the shard's documents (added in order): NAME.xml, .tsv, .jsonl beside its index */
    char *dir = S_dup(argv[i]), *slash = strrchr(dir, '/');
    if (slash)
      *slash = 0;
    else
      strcpy(dir, ".");
    for (size_t d = first; d < zn_index_doc_count(index) && rc == EXIT_ALL_DONE; d++) {
      static const char *exts[] = {"xml", "tsv", "jsonl"};
      for (size_t k = 0; k < 3; k++) {
        char from[4096];
        snprintf(from, sizeof from, "%s/%s.%s", dir, zn_index_doc_name(index, d), exts[k]);
        snprintf(path, sizeof path, "%s/%s.%s", outdir, zn_index_doc_name(index, d), exts[k]);
        struct stat a, b;
        if (stat(from, &a) != 0 ||
            (stat(path, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev))
          continue; /* absent, or already there */
        if (zn_write_atomic(path, S_copy, from, &err) != 0) {
          fprintf(stderr, "zhner: %s\n", zn_error_format(&err, msg, sizeof msg));
          rc = EXIT_SOME_FAILED;
        }
      }
    }
    free(dir);
  }
  if (rc == EXIT_ALL_DONE) {
    snprintf(path, sizeof path, "%s/index.xml", outdir);
    index_out io = {index, NULL};
    if (zn_write_atomic(path, S_write_index, &io, &err) != 0) {
      fprintf(stderr, "zhner: %s\n", zn_error_format(&err, msg, sizeof msg));
      rc = EXIT_SOME_FAILED;
    } else {
      fprintf(stderr, "zhner: merged %d indexes: %zu documents, %zu entities into %s\n", argc - 1,
              zn_index_doc_count(index), zn_index_entity_count(index), path);
    }
  }
  zn_index_free(index);
  return rc;
}
