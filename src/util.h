/* util.h: allocation that aborts on failure, growable buffers, errors. */
#ifndef ZN_UTIL_H
#define ZN_UTIL_H

#include "zhner.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

void *zn_xmalloc(size_t size);
void *zn_xcalloc(size_t count, size_t size);
void *zn_xrealloc(void *p, size_t size);
char *zn_xstrdup(const char *s);
char *zn_xstrndup(const char *s, size_t n);

/* Grows *p (of *cap elements of size elem) so it holds at least need. */
void zn_grow(void *p, size_t *cap, size_t need, size_t elem);

/* A byte buffer that grows as it is appended to; always NUL-terminated. */
typedef struct zn_buf {
  char *s;
  size_t len, cap;
} zn_buf;

void zn_buf_add(zn_buf *b, const char *s, size_t n);
void zn_buf_puts(zn_buf *b, const char *s);
void zn_buf_printf(zn_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void zn_buf_free(zn_buf *b);

/* An arena: many small allocations freed together (a lexicon's words). */
typedef struct zn_arena {
  char *cur, *end;
  void *blocks; /* the blocks, linked through their first word */
} zn_arena;

/* size bytes aligned for any object, zeroed; aborts when memory runs out. */
void *zn_arena_alloc(zn_arena *a, size_t size);
void zn_arena_free(zn_arena *a);

/* Fills err (if not NULL) and returns -1. */
int zn_fail(zn_error *err, zn_code code, const char *path, long line, long column, long long offset,
            const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Reads a whole file; returns NULL and fills err on failure (caller frees). */
char *zn_read_file(const char *path, size_t *len, zn_error *err);

/* Calls fn(ctx, line, lineno, err) for every line of path that is neither
 * empty nor a '#' comment (line ends stripped) until fn returns non-zero;
 * returns that, or -1 with err filled (message: hint, or why) if path
 * cannot be opened. */
int zn_each_line(const char *path, const char *hint,
                 int (*fn)(void *ctx, char *line, long lineno, zn_error *err), void *ctx,
                 zn_error *err);

/* A file written under a temporary name in the same folder (.NAME.tmp) and
 * renamed to its name only when closed with commit: readers never see half a
 * file, and an earlier file of that name stays until then. */
typedef struct zn_atomic {
  FILE *f; /* write here */
  char *path, *tmp;
} zn_atomic;

/* Returns NULL with err filled if the temporary file cannot be made. */
zn_atomic *zn_atomic_open(const char *path, zn_error *err);
/* Closes a; with commit, renames it over its path (returns -1 with err filled
 * if writing or renaming failed, the temporary file removed); without,
 * removes the temporary file. Frees a. */
int zn_atomic_close(zn_atomic *a, int commit, zn_error *err);

/* Writes path atomically: write(ctx, f) into a temporary file of the same
 * folder (.NAME.tmp), then renames it over path. write returns 0 or -1.
 * Returns 0, or -1 with err filled and path untouched. */
int zn_write_atomic(const char *path, int (*write)(void *ctx, FILE *f), void *ctx, zn_error *err);

#endif
