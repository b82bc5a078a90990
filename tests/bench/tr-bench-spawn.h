/* tr-bench-spawn.h: a program run and timed the same way for each side
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @argv (argv[0] a path, or a name looked up in PATH) in @envp (NULL:
 * this process's environment) with its output thrown away, waits for it and returns the time from start to exit in
 * milliseconds, or a negative number with @error set when it could not
 * start, died of a signal or exited with a status above @max_status. The
 * least a run can cost: posix_spawn() and waitpid(), nothing read. */
double tr_bench_spawn_ms (const char * const  *argv,
                          const char * const  *envp,
                          int                  max_status,
                          GError             **error);

G_END_DECLS
