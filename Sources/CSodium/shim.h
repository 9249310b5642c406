#ifndef PSP_CSODIUM_SHIM_H
#define PSP_CSODIUM_SHIM_H
#include <sodium.h>
#endif
