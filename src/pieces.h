/* pieces.h: a long input file read in pieces of bounded size, so that memory
 * does not grow with the input. The file is checked whole first (binary?
 * valid in its encoding? its SHA-256), reading it in blocks, so that a bad
 * file fails before any output is made; then each piece ends after a
 * sentence end (or, failing one, another character no name crosses) and
 * becomes a document of its own whose offsets are those of the whole file. */
#ifndef ZN_PIECES_H
#define ZN_PIECES_H

#include "zhner.h"

typedef struct zn_pieces zn_pieces;

/* Opens and checks path; encoding as for zn_doc_new. Pieces hold about
 * piece_chars code points (at least 1000). NULL with err filled (path, byte
 * offset, line and column of a bad byte) on failure. */
zn_pieces *zn_pieces_open(const char *path, const char *encoding, size_t piece_chars,
                          zn_error *err);

/* The next piece as a document named path, its offsets into the whole file,
 * its mentions to be numbered after the mentions pieces before it had.
 * Returns NULL at the end, and NULL with err->code set on failure. */
zn_doc *zn_pieces_next(zn_pieces *p, size_t mentions_before, zn_error *err);

/* The bytes of the file given out in pieces so far, and in all. */
unsigned long long zn_pieces_done(const zn_pieces *p);
unsigned long long zn_pieces_size(const zn_pieces *p);

void zn_pieces_close(zn_pieces *p);

#endif
