/* util.c: allocation, buffers, error values, whole-file reads. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void *S_check(void *p) {
  if (!p)
    abort(); /* documented in zhner.h: allocation failure aborts */
  return p;
}

void *zn_xmalloc(size_t size) {
  return S_check(malloc(size ? size : 1));
}
void *zn_xcalloc(size_t count, size_t size) {
  return S_check(calloc(count ? count : 1, size ? size : 1));
}
void *zn_xrealloc(void *p, size_t size) {
  return S_check(realloc(p, size ? size : 1));
}
char *zn_xstrdup(const char *s) {
  return zn_xstrndup(s, strlen(s));
}

char *zn_xstrndup(const char *s, size_t n) {
  char *d = zn_xmalloc(n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

void zn_grow(void *p, size_t *cap, size_t need, size_t elem) {
  void **pp = p;
  if (need <= *cap && *pp)
    return;
  size_t c = *cap ? *cap : 16;
  while (c < need)
    c *= 2;
  *pp = zn_xrealloc(*pp, c * elem);
  *cap = c;
}

#define ZN_ARENA_BLOCK ((size_t)1 << 20)

void *zn_arena_alloc(zn_arena *a, size_t size) {
  size = (size + 15) & ~(size_t)15;
  if (!a->cur || (size_t)(a->end - a->cur) < size) {
    size_t n = size + 16 > ZN_ARENA_BLOCK ? size + 16 : ZN_ARENA_BLOCK;
    char *b = zn_xcalloc(1, n);
    *(void **)b = a->blocks;
    a->blocks = b, a->cur = b + 16, a->end = b + n;
  }
  void *p = a->cur;
  a->cur += size;
  return p;
}

void zn_arena_free(zn_arena *a) {
  while (a->blocks) {
    void *next = *(void **)a->blocks;
    free(a->blocks);
    a->blocks = next;
  }
  *a = (zn_arena){0};
}

void zn_buf_add(zn_buf *b, const char *s, size_t n) {
  zn_grow(&b->s, &b->cap, b->len + n + 1, 1);
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = 0;
}

void zn_buf_puts(zn_buf *b, const char *s) {
  zn_buf_add(b, s, strlen(s));
}

void zn_buf_printf(zn_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  zn_grow(&b->s, &b->cap, b->len + (size_t)n + 1, 1);
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void zn_buf_free(zn_buf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

int zn_fail(zn_error *err, zn_code code, const char *path, long line, long column, long long offset,
            const char *fmt, ...) {
  if (!err)
    return -1;
  err->code = code;
  snprintf(err->path, sizeof err->path, "%s", path ? path : "");
  err->line = line;
  err->column = column;
  err->offset = offset;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return -1;
}

char *zn_error_format(const zn_error *err, char *buf, size_t size) {
  size_t n = 0;
  buf[0] = 0;
  if (err->path[0])
    n += (size_t)snprintf(buf + n, size - n, "%s:", err->path);
  if (err->line > 0 && n < size)
    n += (size_t)snprintf(buf + n, size - n, "%ld:", err->line);
  if (err->column > 0 && n < size)
    n += (size_t)snprintf(buf + n, size - n, "%ld:", err->column);
  if (n < size)
    snprintf(buf + n, size - n, "%s%s", n ? " " : "", err->message);
  return buf;
}

char *zn_read_file(const char *path, size_t *len, zn_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    zn_fail(err, ZN_ERR_IO, path, 0, 0, -1, "cannot open: %s", strerror(errno));
    return NULL;
  }
  zn_buf b = {0};
  char chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
    zn_buf_add(&b, chunk, got);
  int bad = ferror(f);
  int saved = errno;
  fclose(f);
  if (bad) {
    zn_buf_free(&b);
    zn_fail(err, ZN_ERR_IO, path, 0, 0, -1, "cannot read: %s", strerror(saved));
    return NULL;
  }
  if (!b.s)
    zn_buf_add(&b, "", 0);
  *len = b.len;
  return b.s;
}

zn_atomic *zn_atomic_open(const char *path, zn_error *err) {
  zn_atomic *a = zn_xcalloc(1, sizeof *a);
  a->path = zn_xstrdup(path);
  const char *slash = strrchr(path, '/');
  zn_buf tmp = {0};
  if (slash)
    zn_buf_add(&tmp, path, (size_t)(slash - path) + 1);
  zn_buf_printf(&tmp, ".%s.tmp", slash ? slash + 1 : path);
  a->tmp = tmp.s;
  a->f = fopen(a->tmp, "wb");
  if (!a->f) {
    zn_fail(err, ZN_ERR_IO, a->tmp, 0, 0, -1, "cannot write: %s", strerror(errno));
    free(a->tmp), free(a->path), free(a);
    return NULL;
  }
  return a;
}

int zn_atomic_close(zn_atomic *a, int commit, zn_error *err) {
  if (!a)
    return 0;
  int bad = fflush(a->f) != 0 || ferror(a->f);
  int saved = errno;
  bad |= fclose(a->f) != 0;
  int rc = 0;
  if (commit && bad)
    rc = zn_fail(err, ZN_ERR_IO, a->path, 0, 0, -1, "cannot write: %s",
                 saved ? strerror(saved) : "write failed");
  else if (commit && rename(a->tmp, a->path) != 0)
    rc = zn_fail(err, ZN_ERR_IO, a->path, 0, 0, -1, "cannot rename %s to it: %s", a->tmp,
                 strerror(errno));
  if (!commit || rc)
    unlink(a->tmp);
  free(a->tmp), free(a->path), free(a);
  return rc;
}

int zn_write_atomic(const char *path, int (*write)(void *ctx, FILE *f), void *ctx, zn_error *err) {
  zn_atomic *a = zn_atomic_open(path, err);
  if (!a)
    return -1;
  if (write(ctx, a->f) != 0) {
    int saved = errno;
    zn_atomic_close(a, 0, err);
    return zn_fail(err, ZN_ERR_IO, path, 0, 0, -1, "cannot write: %s",
                   saved ? strerror(saved) : "write failed");
  }
  return zn_atomic_close(a, 1, err);
}

int zn_each_line(const char *path, const char *hint,
                 int (*fn)(void *ctx, char *line, long lineno, zn_error *err), void *ctx,
                 zn_error *err) {
  FILE *f = fopen(path, "r");
  if (!f)
    return zn_fail(err, ZN_ERR_IO, path, 0, 0, -1, "%s", hint ? hint : strerror(errno));
  char *line = NULL;
  size_t cap = 0;
  long lineno = 0;
  int rc = 0;
  ssize_t got;
  while (rc == 0 && (got = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
      line[--got] = 0;
    if (got == 0 || line[0] == '#')
      continue;
    rc = fn(ctx, line, lineno, err);
  }
  free(line);
  fclose(f);
  return rc;
}
