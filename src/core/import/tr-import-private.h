/* tr-import-private.h: what the importer and its worker share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* Opens @path for reading if it is a regular file of at most
 * TR_IMPORT_MAX_FILE_BYTES, judged from the file opened (not the name,
 * which may change meanwhile); fills @info. Returns the descriptor, or -1
 * with @error set. */
int tr_import_open_file (const char   *path,
                         struct stat  *info,
                         GError      **error);

/* The same checks of a descriptor already open (the serving worker's,
 * passed by the importer). */
gboolean tr_import_check_fd (int           fd,
                             struct stat  *info,
                             GError      **error);

/* Starts the worker @argv with its limits (memory, CPU time as for
 * TR_IMPORT_TIMEOUT_SECONDS, no core file, Ctrl+C ignored, dying with
 * the calling thread), @stdin_fd (taken) as its stdin and stderr
 * silenced. */
GSubprocess *tr_import_spawn_worker (const char * const  *argv,
                                     int                  stdin_fd,
                                     GSubprocessFlags     stdout_flags,
                                     GError             **error);

/* The serving worker (tr_import_worker_serve()): its option, and the most
 * bytes of one request (JSON: the password, escaped). */
#define TR_IMPORT_WORKER_SERVE_OPTION "--serve"
#define TR_IMPORT_REQUEST_MAX_BYTES 16384

G_END_DECLS
