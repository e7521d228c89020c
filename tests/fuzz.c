/* fuzz.c: libFuzzer target over the whole path a file takes: decode (auto
 * encoding) -> normalise -> extract -> TSV, JSONL and TEI writers -> index.
 * Built by tests/fuzz.sh (clang, -DZHNER_FUZZ=ON); the model is loaded once
 * from ZHNER_GAZETTEERS (or the source tree's gazetteers). */
#include "zhner.h"

#include <stdio.h>
#include <stdlib.h>

static zn_model *S_model;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  const char *dir = getenv("ZHNER_GAZETTEERS");
  zn_error err = {0};
  S_model = zn_model_load(dir ? dir : ZN_GAZETTEER_DIR, NULL, &err);
  if (!S_model) {
    char buf[512];
    fprintf(stderr, "fuzz: %s\n", zn_error_format(&err, buf, sizeof buf));
    exit(2);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  zn_error err = {0};
  zn_doc *doc = zn_doc_new("fuzz.txt", (const char *)data, size, NULL, &err);
  if (!doc)
    return 0; /* rejected with a message: fine */
  FILE *out = fopen("/dev/null", "w");
  if (zn_extract(S_model, doc, &err) == 0 && out) {
    zn_write_tsv(doc, out, 1);
    zn_write_jsonl(doc, out);
    zn_write_tei(doc, "fuzz.txt", "index.xml", zn_model_version(S_model), out);
    zn_index *ix = zn_index_new();
    if (zn_index_add(ix, doc, "fuzz", "fuzz.txt", &err) == 0)
      zn_index_write(ix, zn_model_version(S_model), out);
    zn_index_free(ix);
  }
  if (out)
    fclose(out);
  zn_doc_free(doc);
  return 0;
}
