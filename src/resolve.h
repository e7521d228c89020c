/* resolve.h: mentions to entities. Every mention gets a canonical name and an
 * entity id derived from it: short forms of state and party bodies resolve
 * through the document's home places (市委 -> 中国共产党凯里市委员会), a
 * company or zone named short after its full name in the same document takes
 * the full name (海生玻璃 -> 贵州海生玻璃有限公司), and a reference by surname
 * (张先生) joins the one named person of that surname, if there is one. */
#ifndef ZN_RESOLVE_H
#define ZN_RESOLVE_H

#include "zhner.h"

#include <stddef.h>
#include <stdint.h>

struct zn_model;
struct zn_view;

/* One line of org_forms.txt: FORM, CANONICAL, TYPE; the form also as code
 * points with {P} and {X} as slots, for matching. */
typedef struct zn_form {
  char *form, *canonical, *type;
  uint32_t *cp;
  size_t ncp;
} zn_form;

typedef struct zn_forms {
  zn_form *f;
  size_t n;
} zn_forms;

int zn_forms_read(zn_forms *forms, const char *path, zn_error *err);
void zn_forms_free(zn_forms *forms);

/* The canonical name of organisation name (UTF-8, already folded) given the
 * home place of each level (homes[k] for level k of ZN_LEVELS, or NULL).
 * Returns a new string; *type is the form's type (or NULL) and *unresolved
 * says a bare level had no home place. */
char *zn_org_canonical(const struct zn_model *m, const char *const *homes, const char *name,
                       const char **type, int *unresolved);

/* The home place of each level named in view v (most often written), or given
 * with zn_doc_set_place; homes[k] are new strings or NULL. */
#define ZN_NLEVELS 5
extern const uint32_t zn_levels[ZN_NLEVELS];
void zn_home_places(const struct zn_model *m, const struct zn_view *v, const zn_doc *d,
                    char *homes[ZN_NLEVELS]);

/* Sets canonical, entity, org_type and unresolved of every mention of d. */
void zn_resolve(const struct zn_model *m, const struct zn_view *v, zn_doc *d);

/* An entity id: prefix, '-', then the canonical name written injectively in
 * ASCII letters and digits (three base-32 digits per CJK character, x and
 * the character for an ASCII letter or digit, w and five digits for any
 * other), so equal names give equal ids in every run and different names
 * never collide. */
char *zn_entity_id(const char *prefix, const char *canonical);

#endif
