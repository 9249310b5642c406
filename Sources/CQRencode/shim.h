#ifndef PSP_CQRENCODE_SHIM_H
#define PSP_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
