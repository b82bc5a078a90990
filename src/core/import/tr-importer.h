/* tr-importer.h: turns a PDF into an imported report, safely
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-import-workers.h"
#include "tr-report.h"

G_BEGIN_DECLS

/* The wall-clock limit of one file (the worker also has a CPU and memory
 * limit of its own). */
#define TR_IMPORT_TIMEOUT_SECONDS 120
#define TR_IMPORT_MEMORY_LIMIT_BYTES (G_GUINT64_CONSTANT (2) << 30)
/* A larger file is refused (TR_ERROR_PDF_TOO_LARGE) before it is read. */
#define TR_IMPORT_MAX_FILE_BYTES (G_GUINT64_CONSTANT (512) << 20)

/* The whole of @file, as an import reads it: what cannot be a PDF is
 * refused from what the opened file is, before a byte is read: a folder,
 * a device, a pipe or a socket (TR_ERROR_PDF_NOT_PDF; a pipe must not
 * block us, /dev/zero must not fill the memory), a file over
 * TR_IMPORT_MAX_FILE_BYTES (TR_ERROR_PDF_TOO_LARGE). Blocking: from a
 * thread when @file may be large. */
GBytes   *tr_import_read_file     (GFile                *file,
                                   GCancellable         *cancellable,
                                   GError              **error);

/* For tests, TR_IMPORT_TIMEOUT_SECONDS=N in the environment replaces the
 * wall-clock (and CPU) limit, and TR_IMPORT_WORKER names another worker
 * (tr_import_get_worker_argv()). A worker that crashes comes back as
 * TR_ERROR_IMPORT_CRASHED and one that hangs, once killed, as
 * TR_ERROR_IMPORT_TIMEOUT. */

/* Progress of the file being read: pages done of pages in all. */
typedef void (*TrImportProgressFunc) (guint    page,
                                      guint    n_pages,
                                      gpointer user_data);

/* The command line of the import worker, for tr_import_file_async(): the
 * program trip-reports-import-worker where it is installed, or the one
 * the environment variable TR_IMPORT_WORKER names (the build tree's, or a
 * test's stand-in). Free with g_strfreev(). */
GStrv     tr_import_get_worker_argv (void);

/* Parses @file in a separate process started as @worker_argv (from
 * tr_import_get_worker_argv(), followed by the path), so that a PDF that
 * crashes or hangs poppler costs only that file (TR_ERROR_IMPORT_CRASHED,
 * TR_ERROR_IMPORT_TIMEOUT). The result is a report of kind "imported"
 * carrying the file's name, SHA-256 and bytes (read by
 * tr_import_read_file(), with its refusals); it is not saved. The worker
 * is started with resource limits and dies with the thread that started
 * it; it confines itself once the PDF is open (tr-import-sandbox.h). */
void      tr_import_file_async    (GFile                *file,
                                   const char           *password,
                                   const char * const   *worker_argv,
                                   TrImportProgressFunc  progress,
                                   gpointer              progress_data,
                                   GDestroyNotify        progress_data_free,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
TrReport *tr_import_file_finish   (GAsyncResult         *result,
                                   GError              **error);

/* The same for @file already read, by tr_import_read_file(), into @data,
 * whose SHA-256 is @sha256: a batch that looked for the file in the
 * library by its content reads and hashes it only once. Finish with
 * tr_import_file_finish(). */
void      tr_import_file_with_data_async (GFile               *file,
                                          GBytes              *data,
                                          const char          *sha256,
                                          const char          *password,
                                          const char * const  *worker_argv,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

/* The same for a batch: @file is read by a worker of @workers, which
 * must outlive the import (tr-import-workers.h), its bytes from @data
 * whose SHA-256 is @sha256 (both NULL: read here, as
 * tr_import_file_async() does). Finish with tr_import_file_finish(). */
void      tr_import_file_served_async (TrImportWorkers     *workers,
                                       GFile               *file,
                                       GBytes              *data,
                                       const char          *sha256,
                                       const char          *password,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);

/* The same, blocking: for the command line. */
TrReport *tr_import_file          (GFile                *file,
                                   const char           *password,
                                   const char * const   *worker_argv,
                                   GCancellable         *cancellable,
                                   GError              **error);

G_END_DECLS
