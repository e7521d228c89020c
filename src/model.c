/* model.c: gazetteers/MANIFEST -> gazetteers, lexicons, rules. */
#include "model.h"
#include "utf8.h"
#include "util.h"

#include <errno.h>
#include <opencc/opencc.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int S_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Resolves a MANIFEST file name: absolute as is; else from extra_dir when it
 * has a file of that name, else from dir. */
static void S_path(char *out, size_t size, const char *dir, const char *extra, const char *file) {
  if (file[0] == '/') {
    snprintf(out, size, "%s", file);
    return;
  }
  if (extra) {
    if (snprintf(out, size, "%s/%s", extra, file) < (int)size && S_exists(out))
      return;
  }
  if (snprintf(out, size, "%s/%s", dir, file) >= (int)size)
    out[0] = 0; /* too long: reported as a file that cannot be opened */
}

static int S_load_rules(zn_model *m, const char *path, zn_error *err) {
  zn_rules *r = zn_rules_load(path, &m->gaz, err);
  if (!r)
    return -1;
  m->rules = zn_xrealloc(m->rules, (m->nrules + 1) * sizeof *m->rules);
  m->rules[m->nrules++] = r;
  return 0;
}

/* Reads one MANIFEST. Rules are collected for after all gazetteers, since
 * they expand categories. Words come after surnames, which they need. */
typedef struct manifest_line {
  char key[64], path[1024];
  long line;
  char manifest[1024];
} manifest_line;

static int S_read_manifest(const char *dir, const char *extra, const char *mpath,
                           manifest_line **lines, size_t *n, size_t *cap, char **version,
                           zn_error *err) {
  size_t len;
  char *text = zn_read_file(mpath, &len, err);
  if (!text)
    return -1;
  long lineno = 0;
  int rc = 0;
  for (char *line = text, *next; line && rc == 0; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = 0;
    lineno++;
    char *hash = strchr(line, '#');
    if (hash)
      *hash = 0;
    char key[64], val[1024];
    int got = sscanf(line, "%63s %1023s", key, val);
    if (got <= 0)
      continue;
    if (got != 2) {
      rc = zn_fail(err, ZN_ERR_DATA, mpath, lineno, 1, -1, "want 'KEY VALUE'");
      break;
    }
    if (!strcmp(key, "version")) {
      free(*version);
      *version = zn_xstrdup(val);
      continue;
    }
    if (zn_cat_by_name(key) < 0 && strcmp(key, "rules") && strcmp(key, "lexicon") &&
        strcmp(key, "places") && strcmp(key, "districts") && strcmp(key, "fold") &&
        strcmp(key, "org_forms") && strcmp(key, "opencc")) {
      rc = zn_fail(err, ZN_ERR_DATA, mpath, lineno, 1, -1,
                   "unknown key '%s' (want version, a category, lexicon, places, districts, fold, "
                   "org_forms, opencc or rules)",
                   key);
      break;
    }
    zn_grow(lines, cap, *n + 1, sizeof **lines);
    manifest_line *ml = &(*lines)[(*n)++];
    snprintf(ml->key, sizeof ml->key, "%s", key);
    if (!strcmp(key, "opencc")) /* a configuration of OpenCC's own data folder */
      snprintf(ml->path, sizeof ml->path, "%s", val);
    else
      S_path(ml->path, sizeof ml->path, dir, extra, val);
    ml->line = lineno;
    snprintf(ml->manifest, sizeof ml->manifest, "%s", mpath);
  }
  free(text);
  return rc;
}

static int S_read_fold(zn_model *m, const char *path, zn_error *err) {
  size_t len;
  char *text = zn_read_file(path, &len, err);
  if (!text)
    return -1;
  if (!m->fold)
    m->fold = zn_fold_new();
  long lineno = 0;
  int rc = 0;
  for (char *line = text, *next; line && rc == 0; line = next) {
    next = strchr(line, '\n');
    if (next)
      *next++ = 0;
    lineno++;
    if (!line[0] || line[0] == '#')
      continue;
    size_t n;
    uint32_t *cp = zn_utf8_decode(line, strlen(line), &n);
    if (!cp || n != 3 || cp[1] != '\t')
      rc =
          zn_fail(err, ZN_ERR_DATA, path, lineno, 1, -1, "want 'FROM<TAB>TO' (one character each)");
    else
      zn_fold_set(m->fold, cp[0], cp[2]);
    free(cp);
  }
  free(text);
  return rc;
}

/* A one-for-one table from an OpenCC conversion (t2s.json): every CJK
 * character that converts to exactly one other character. The characters go
 * to OpenCC in one text, one a line (a call per character costs more than
 * its conversion); no phrase holds a line break, so each converts alone. */
static int S_read_opencc(zn_model *m, const manifest_line *ml, zn_error *err) {
  opencc_t cc = opencc_open(ml->path);
  if (cc == (opencc_t)-1)
    return zn_fail(err, ZN_ERR_DATA, ml->manifest, ml->line, 1, -1,
                   "cannot open OpenCC configuration '%s' (install libopencc-data)", ml->path);
  if (!m->fold)
    m->fold = zn_fold_new();
  static const uint32_t ranges[][2] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
  zn_buf in = {0};
  size_t lines = 0;
  for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++)
    for (uint32_t c = ranges[r][0]; c <= ranges[r][1]; c++, lines++) {
      char one[5];
      zn_buf_add(&in, one, zn_utf8_put(c, one));
      zn_buf_add(&in, "\n", 1);
    }
  char *out = opencc_convert_utf8(cc, in.s, in.len);
  size_t back = 0;
  for (const char *q = out; q && (q = strchr(q, '\n')); q++)
    back++;
  if (back != lines) { /* the lines would not pair each character with its own */
    if (out)
      opencc_convert_utf8_free(out);
    zn_buf_free(&in);
    opencc_close(cc);
    return zn_fail(err, ZN_ERR_DATA, ml->manifest, ml->line, 1, -1,
                   "OpenCC configuration '%s' gave %zu lines for %zu characters, one a line",
                   ml->path, back, lines);
  }
  const char *o = out;
  for (size_t r = 0; o && r < sizeof ranges / sizeof *ranges; r++)
    for (uint32_t c = ranges[r][0]; c <= ranges[r][1] && *o; c++) {
      const char *eol = strchr(o, '\n');
      size_t len = eol ? (size_t)(eol - o) : strlen(o), n;
      uint32_t *cp = zn_utf8_decode(o, len, &n);
      if (cp && n == 1 && cp[0] != c)
        zn_fold_set(m->fold, c, cp[0]);
      free(cp);
      o = eol ? eol + 1 : o + len;
    }
  if (out)
    opencc_convert_utf8_free(out);
  zn_buf_free(&in);
  opencc_close(cc);
  return 0;
}

static const zn_params S_defaults = {
    .name_base = 6.0f,
    .given1 = 1.6f,
    .given2 = 0.2f,
    .given_floor = 0.5f,
    .unknown_char = 2.0f,
    .org_cost = 1.0f,
    .famous_cost = -3.0f,
    .doc_name_cost = 3.0f,
    .reference_cost = 4.0f,
    .translit_base = 4.0f,
    .translit_min = 5.0f,
    .translit_odd = 11.0f,
    .translit_odd_word = 7.0f,
};

zn_model *zn_model_load(const char *dir, const char *extra_dir, zn_error *err) {
  zn_model *m = zn_xcalloc(1, sizeof *m);
  m->p = S_defaults;
  manifest_line *lines = NULL;
  size_t n = 0, cap = 0;
  char mpath[1100];
  snprintf(mpath, sizeof mpath, "%s/MANIFEST", dir);
  int rc = S_read_manifest(dir, extra_dir, mpath, &lines, &n, &cap, &m->version, err);
  if (rc == 0 && extra_dir) {
    snprintf(mpath, sizeof mpath, "%s/MANIFEST", extra_dir);
    if (S_exists(mpath))
      rc = S_read_manifest(extra_dir, NULL, mpath, &lines, &n, &cap, &m->version, err);
  }
  /* order: categories, then lexicon and places, then folds and rules */
  for (int stage = 0; stage < 3 && rc == 0; stage++) {
    for (size_t i = 0; i < n && rc == 0; i++) {
      manifest_line *ml = &lines[i];
      int cat = zn_cat_by_name(ml->key);
      if (stage == 0 && cat >= 0)
        rc = zn_gazetteer_read(&m->gaz, (zn_cat)cat, ml->path, err);
      else if (stage == 1 && !strcmp(ml->key, "lexicon"))
        rc = zn_lexicon_read_words(&m->lex, &m->gaz, ml->path, err);
      else if (stage == 1 && !strcmp(ml->key, "places"))
        rc = zn_lexicon_read_places(&m->lex, ml->path, err);
      else if (stage == 1 && !strcmp(ml->key, "districts"))
        rc = zn_lexicon_read_districts(&m->lex, ml->path, err);
      else if (stage == 2 && !strcmp(ml->key, "fold"))
        rc = S_read_fold(m, ml->path, err);
      else if (stage == 2 && !strcmp(ml->key, "opencc"))
        rc = S_read_opencc(m, ml, err);
      else if (stage == 2 && !strcmp(ml->key, "org_forms"))
        rc = zn_forms_read(&m->forms, ml->path, err);
      else if (stage == 2 && !strcmp(ml->key, "rules"))
        rc = S_load_rules(m, ml->path, err);
    }
  }
  if (rc == 0) {
    zn_lexicon_translit(&m->lex, &m->gaz, m->p.translit_min);
    zn_lexicon_seal(&m->lex, m->p.unknown_char);
  }
  if (rc == 0 && !m->version)
    rc = zn_fail(err, ZN_ERR_DATA, mpath, 0, 0, -1, "MANIFEST has no 'version' line");
  if (rc == 0 && m->lex.total <= 0)
    rc = zn_fail(err, ZN_ERR_DATA, mpath, 0, 0, -1, "MANIFEST names no 'lexicon' word list");
  free(lines);
  if (rc) {
    zn_model_free(m);
    return NULL;
  }
  return m;
}

const char *zn_model_version(const zn_model *m) {
  return m->version;
}

void zn_model_free(zn_model *m) {
  if (!m)
    return;
  zn_gazetteer_free(&m->gaz);
  zn_lexicon_free(&m->lex);
  for (size_t i = 0; i < m->nrules; i++)
    zn_rules_free(m->rules[i]);
  free(m->rules);
  zn_fold_free(m->fold);
  zn_forms_free(&m->forms);
  free(m->version);
  free(m);
}
