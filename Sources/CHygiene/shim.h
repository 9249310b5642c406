#ifndef PSP_CHYGIENE_SHIM_H
#define PSP_CHYGIENE_SHIM_H
#include <sys/prctl.h>
#include <sys/resource.h>

/* prctl is variadic, which Swift cannot call: one fixed-argument wrapper. */
static inline int psp_set_undumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }
/* PR_GET_DUMPABLE, for the tests: 0 once the process is non-dumpable. */
static inline int psp_get_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0); }
#endif
