/* pieces.c: a long input file in pieces (see pieces.h). Bytes are read in
 * blocks that end with a whole character; blocks are decoded and their code
 * points gathered until a piece is full, which is then cut where no name
 * can cross. */
#include "pieces.h"
#include "decode.h"
#include "doc.h"
#include "sha256.h"
#include "util.h"
#include "view.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#define ZN_BLOCK (1u << 20) /* bytes read at a time */

struct zn_pieces {
  FILE *f;
  char *path;
  const char *encoding; /* "utf-8" or "gb18030", as the check found */
  char sha256[65];
  char *title; /* the first piece's first headline */
  unsigned long long size;
  char *bytes; /* read and not yet decoded: [0, nbytes), at file offset at */
  size_t nbytes;
  unsigned long long at;
  int eof;
  uint32_t *cp; /* decoded and not yet given out */
  size_t ncp, capcp;
  size_t base;  /* code points given out so far */
  size_t piece; /* code points a piece aims at */
};

/* How many bytes of the n at b end with a whole character: all of them at
 * the end of the file; else up to the last newline among the last ZN_BLOCK
 * bytes (a newline byte is never part of a character, in UTF-8 or GB18030);
 * else up to the last character whose bytes are all there. */
static size_t S_whole(const unsigned char *b, size_t n, int gb, int eof) {
  if (eof)
    return n;
  for (size_t i = n; i > 0 && n - i < ZN_BLOCK; i--)
    if (b[i - 1] == '\n')
      return i;
  size_t i = 0;
  while (i < n) {
    size_t step = 1;
    if (b[i] >= 0x80 && gb) {
      if (i + 1 >= n)
        break;
      step = b[i + 1] >= 0x30 && b[i + 1] <= 0x39 ? 4 : 2;
    } else if (b[i] >= 0xC0) {
      step = b[i] >= 0xF0 ? 4 : b[i] >= 0xE0 ? 3 : 2;
    }
    if (i + step > n)
      break;
    i += step;
  }
  return i;
}

/* Reads on (bytes holds less than ZN_BLOCK before, at most 2 ZN_BLOCK
 * after) and returns how many bytes of bytes to decode now; 0 at the end. */
static size_t S_read(zn_pieces *p, int gb, zn_error *err) {
  if (!p->eof) {
    size_t got = fread(p->bytes + p->nbytes, 1, ZN_BLOCK, p->f);
    if (ferror(p->f)) {
      zn_fail(err, ZN_ERR_IO, p->path, 0, 0, (long long)(p->at + p->nbytes), "cannot read: %s",
              strerror(errno));
      return 0;
    }
    p->nbytes += got;
    p->eof = got < ZN_BLOCK;
  }
  return S_whole((const unsigned char *)p->bytes, p->nbytes, gb, p->eof);
}

/* Drops the first n bytes read. */
static void S_consume(zn_pieces *p, size_t n) {
  memmove(p->bytes, p->bytes + n, p->nbytes - n);
  p->nbytes -= n;
  p->at += n;
}

static void S_rewind(zn_pieces *p) {
  rewind(p->f);
  p->nbytes = 0, p->at = 0, p->eof = 0;
}

/* Reads the whole file as encoding: every block must decode. Sets sha256. */
static int S_check(zn_pieces *p, const char *encoding, zn_error *err) {
  int gb = !strcmp(encoding, "gb18030");
  zn_sha256 sha;
  zn_sha256_init(&sha);
  zn_position pos = {0, 1, 1};
  S_rewind(p);
  for (;;) {
    err->code = ZN_OK;
    size_t n = S_read(p, gb, err), ncp;
    if (err->code != ZN_OK)
      return -1;
    if (n == 0 && p->nbytes == 0)
      break;
    pos.offset = p->at;
    uint32_t *t = zn_decode_at(p->path, p->bytes, n, encoding, pos, &ncp, err);
    if (!t)
      return -1;
    free(t);
    zn_sha256_update(&sha, p->bytes, n);
    if (!gb)
      zn_position_advance(p->bytes, n, &pos.line, &pos.column);
    S_consume(p, n);
  }
  zn_sha256_final(&sha, p->sha256);
  return 0;
}

void zn_pieces_close(zn_pieces *p) {
  if (!p)
    return;
  if (p->f)
    fclose(p->f);
  free(p->path), free(p->title), free(p->bytes), free(p->cp);
  free(p);
}

zn_pieces *zn_pieces_open(const char *path, const char *encoding, size_t piece_chars,
                          zn_error *err) {
  int kind = zn_encoding_kind(encoding, path, err);
  if (kind < 0)
    return NULL;
  int gb = kind == ZN_ENC_GB18030, utf8 = kind == ZN_ENC_UTF8;
  zn_pieces *p = zn_xcalloc(1, sizeof *p);
  p->path = zn_xstrdup(path);
  p->piece = piece_chars < 1000 ? 1000 : piece_chars;
  struct stat st;
  if (!(p->f = fopen(path, "rb")) || fstat(fileno(p->f), &st) != 0) {
    zn_fail(err, ZN_ERR_IO, path, 0, 0, -1, "cannot read: %s", strerror(errno));
    zn_pieces_close(p);
    return NULL;
  }
  p->size = (unsigned long long)st.st_size;
  p->bytes = zn_xmalloc(2 * (size_t)ZN_BLOCK);
  /* auto: UTF-8 if the whole file is, else GB18030 if the whole file is,
   * else the first bad byte as UTF-8 */
  p->encoding = gb ? "gb18030" : "utf-8";
  int rc = S_check(p, p->encoding, err);
  if (rc != 0 && !gb && !utf8 && err->code == ZN_ERR_ENCODING) {
    zn_error gb_err = {0};
    if (S_check(p, "gb18030", &gb_err) == 0)
      p->encoding = "gb18030", rc = 0;
  }
  if (rc != 0) {
    zn_pieces_close(p);
    return NULL;
  }
  S_rewind(p);
  return p;
}

static int S_final(uint32_t c) {
  return c == 0x3002 /* 。 */ || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?';
}

static int S_closing(uint32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == ')' || c == 0xFF09;
}

/* Where the piece of cp[0, n) ends, in the second half of its aim: after
 * the last line that ends a sentence, else after the last sentence end,
 * else after the last character that is no letter, digit or space (OCR
 * puts spaces inside names), else at the aim. */
static size_t S_piece_end(const uint32_t *cp, size_t n, size_t aim) {
  size_t hi = n < aim ? n : aim, lo = hi / 2;
  for (size_t i = hi; i > lo; i--) {
    if (cp[i - 1] != '\n')
      continue;
    size_t j = i - 1;
    while (j > 0 && (zn_is_space(cp[j - 1]) || S_closing(cp[j - 1])))
      j--;
    if (j > 0 && S_final(cp[j - 1]))
      return i;
  }
  for (size_t i = hi; i > lo; i--)
    if (S_final(cp[i - 1]))
      return i;
  for (size_t i = hi; i > lo; i--)
    if (!zn_is_han(cp[i - 1]) && !zn_is_ascii_alnum(cp[i - 1]) && !zn_is_space(cp[i - 1]))
      return i;
  return hi;
}

zn_doc *zn_pieces_next(zn_pieces *p, size_t mentions_before, zn_error *err) {
  err->code = ZN_OK;
  int gb = !strcmp(p->encoding, "gb18030");
  while (p->ncp < p->piece && !(p->eof && p->nbytes == 0)) {
    size_t n = S_read(p, gb, err), ncp;
    if (err->code != ZN_OK)
      return NULL;
    zn_position pos = {p->at, 0, 0};
    uint32_t *t = zn_decode_at(p->path, p->bytes, n, p->encoding, pos, &ncp, err);
    if (!t)
      return NULL; /* the file changed since it was checked */
    zn_grow(&p->cp, &p->capcp, p->ncp + ncp, sizeof *p->cp);
    memcpy(p->cp + p->ncp, t, ncp * sizeof *t);
    p->ncp += ncp;
    free(t);
    S_consume(p, n);
  }
  if (p->ncp == 0)
    return NULL;
  int last = p->eof && p->nbytes == 0 && p->ncp <= p->piece + p->piece / 2;
  size_t end = last ? p->ncp : S_piece_end(p->cp, p->ncp, p->piece);
  uint32_t *text = zn_xmalloc((end + 1) * sizeof *text);
  memcpy(text, p->cp, end * sizeof *text);
  memmove(p->cp, p->cp + end, (p->ncp - end) * sizeof *p->cp);
  p->ncp -= end;
  zn_doc *d = zn_doc_of_text(p->path, text, end, p->sha256, p->title);
  if (!p->title)
    p->title = zn_xstrdup(zn_doc_title(d));
  d->base = p->base;
  d->mbase = mentions_before;
  p->base += end;
  return d;
}

unsigned long long zn_pieces_done(const zn_pieces *p) {
  return p->at; /* the bytes before those not yet decoded */
}

unsigned long long zn_pieces_size(const zn_pieces *p) {
  return p->size;
}
