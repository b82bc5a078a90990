/* tr-export-file.h: an exported file, named and written safely
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-report.h"

G_BEGIN_DECLS

/* What every export (ODT, PDF, the review form) shares: the safe write,
 * in place or in a worker thread, and the file name. */

/* How far a long export has come, from 0 to 1. */
typedef void (*TrExportProgressFunc) (double    fraction,
                                      gpointer  user_data);

typedef struct _TrExportSink TrExportSink;

/* Appends @size bytes to the file being written. FALSE once writing
 * failed or was cancelled: the writer should stop, and the write reports
 * why (“the disk is full”). */
gboolean  tr_export_sink_write        (TrExportSink         *sink,
                                       gconstpointer         data,
                                       gsize                 size);
guint64   tr_export_sink_get_written  (TrExportSink         *sink);

/* Writes the whole document into @sink. Returns FALSE with @error set for
 * a failure of its own, or FALSE alone when a write to @sink failed. */
typedef gboolean (*TrExportWriteFunc) (TrExportSink   *sink,
                                       gpointer        user_data,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Runs @write_func into a temporary file in @file's folder, then renames
 * it over @file: whatever fails (a full disk, a read-only or missing
 * folder, a target that is not a regular file, a cancel), an existing file
 * is left as it was, and no temporary file stays behind. Through a
 * symbolic link, the file it points to is replaced; a replaced file keeps
 * its permissions. Temporary files that killed exports left in the folder
 * are removed. Errors are in the G_IO_ERROR domain, with a message that
 * names the file and says why. Blocks. */
gboolean  tr_export_file_write        (GFile                *file,
                                       TrExportWriteFunc     write_func,
                                       gpointer              user_data,
                                       GCancellable         *cancellable,
                                       GError              **error);
gboolean  tr_export_file_write_bytes  (GFile                *file,
                                       GBytes               *bytes,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* The same in a worker thread, which owns @user_data and frees it with
 * @user_data_free. The caller tags the task with @source_tag, checks the
 * tag and finishes with tr_export_file_write_finish(), which gives
 * @user_data back (still owned by the task) for what the writer left in
 * it. */
void      tr_export_file_write_async  (GFile                *file,
                                       TrExportWriteFunc     write_func,
                                       gpointer              user_data,
                                       GDestroyNotify        user_data_free,
                                       gpointer              source_tag,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              callback_data);
gboolean  tr_export_file_write_finish (GAsyncResult         *result,
                                       gpointer             *out_user_data,
                                       GError              **error);

/* A file name for @report without its extension: the title, with the
 * characters file systems refuse replaced by their full-width forms
 * ("a/b" → "a／b"), or "Trip report" when there is no title. */
char     *tr_export_name_stem         (TrReport             *report);

G_END_DECLS
