/* tei.h: what the TEI document writer and the index writer share. */
#ifndef ZN_TEI_H
#define ZN_TEI_H

#include "zhner.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>

/* A document's TEI written as it goes: begin (the header from doc, which
 * may be the first piece of a long input), one zn_tei_piece for each piece
 * in order (its text and mentions, the mentions numbered after those of the
 * pieces before), end (the stand-off annotations; frees t). zn_write_tei is
 * begin, one piece, end. begin returns NULL and end -1 when writing failed. */
typedef struct zn_tei_out zn_tei_out;
zn_tei_out *zn_tei_begin(FILE *out, const zn_doc *doc, const char *source_name,
                         const char *index_name, const char *gazetteer_version);
void zn_tei_piece(zn_tei_out *t, const zn_doc *doc);
int zn_tei_end(zn_tei_out *t);

/* Initialises libxml2's global state once, whichever thread comes first: libxml2 wants it done
 * before threads use the library (its encoding tables are set up on first use, and two
 * workers writing their first TEI at the same moment raced there). Every writer and reader
 * calls it first. */
void zn_xml_init(void);
/* A writer on out, libxml2 initialised first; NULL (nothing left open) if it cannot be made. */
xmlTextWriterPtr zn_xml_writer(FILE *out);

/* encodingDesc naming zhner, its version and the gazetteer version (as a
 * desc "gazetteers VERSION", which the index reader reads back). */
void zn_tei_encoding_desc(xmlTextWriterPtr w, const char *gazetteer_version);

#endif
