// glibc's GNU extensions that ChildProcess needs; Swift's Glibc module is
// imported without _GNU_SOURCE, so they are declared here (glibc >= 2.34).
#include <spawn.h>

int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
int pipe2(int fds[2], int flags);
