/* tr-import-workers.h: serving import workers, for a batch
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Import workers started once as `trip-reports-import-worker --serve`
 * (tr-import-worker.h) and given one file after another: a batch pays for
 * starting the program, linking its libraries and loading fontconfig once
 * per worker instead of once per file. Each file is still read by a
 * process of its own, forked by the worker, confined and limited as one
 * started for it alone. Used from the thread whose thread-default main
 * context was current when they were made, which must live as long as
 * they do (the workers die with the thread that started them). */
typedef struct _TrImportWorkers TrImportWorkers;

/* A worker while it reads one request. */
typedef struct _TrImportServer TrImportServer;

/* How the reader of a request ended: @known is FALSE when the worker
 * itself went before it could tell (killed, or crashed); else, when
 * @signal is not 0 it was killed by that signal, and otherwise it exited
 * with @status. */
typedef void (*TrImportExitFunc) (gboolean known,
                                  int      signal,
                                  int      status,
                                  gpointer user_data);

TrImportWorkers *tr_import_workers_new   (const char * const  *worker_argv);
void             tr_import_workers_free  (TrImportWorkers     *workers);
/* Starts workers until @n_workers run, ahead of the first file: they load
 * what they need while the batch opens its library and reads its first
 * files. */
gboolean         tr_import_workers_start (TrImportWorkers     *workers,
                                          guint                n_workers,
                                          GError             **error);

/* Sends @pdf_fd (only borrowed) and @password to a worker that is not
 * reading anything, starting one if none is free, and gives in
 * @out_answer_fd the read end of the pipe where its reader answers (see
 * tr-import-worker.h). @on_exit is called once the reader has ended,
 * unless the request is released healthy first, and @user_data then
 * freed with @destroy. Returns the worker, busy until
 * tr_import_server_release(). */
TrImportServer  *tr_import_workers_send  (TrImportWorkers     *workers,
                                          int                  pdf_fd,
                                          const char          *password,
                                          TrImportExitFunc     on_exit,
                                          gpointer             user_data,
                                          GDestroyNotify       destroy,
                                          int                 *out_answer_fd,
                                          GError             **error);

/* Done with the request: when @healthy (its reader had its last word),
 * the worker takes the next one, and the request's @on_exit is not
 * called; otherwise the worker is stopped (its reader with it), which
 * calls @on_exit with @known FALSE unless it was called already. */
void             tr_import_server_release (TrImportServer     *server,
                                           gboolean            healthy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrImportWorkers, tr_import_workers_free)

G_END_DECLS
