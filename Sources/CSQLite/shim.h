#ifndef PSP_CSQLITE_SHIM_H
#define PSP_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
