/* alias.h: short names a text declares for an organisation it has just named. */
#ifndef ZN_ALIAS_H
#define ZN_ALIAS_H

#include <stddef.h>
#include <stdint.h>

/* Whether the text cp[0, n) declares, right after a name ending at e, the short name it will
 * use for it: （以下简称凯里农商行）, （简称“州农投”）, (下称：某某). Sets [*as, *ae) to the
 * short name and returns 1 if so. */
int zn_declared_alias(const uint32_t *cp, size_t n, size_t e, size_t *as, size_t *ae);

#endif
