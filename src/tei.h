/* tei.h: what the TEI document writer and the index writer share. */
#ifndef ZN_TEI_H
#define ZN_TEI_H

#include <libxml/xmlwriter.h>
#include <stdio.h>

/* encodingDesc naming zhner, its version and the gazetteer version (as a
 * desc "gazetteers VERSION", which the index reader reads back). */
void zn_tei_encoding_desc(xmlTextWriterPtr w, const char *gazetteer_version);

/* Ends the document of w (writing into buf), writes buf to out and frees
 * both. Returns 0, or -1 when writing failed. */
int zn_tei_finish(xmlTextWriterPtr w, xmlBufferPtr buf, FILE *out);

#endif
