/* tr-odt-exporter.c: a report as an ODT document, in the official layout
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-export-file.h"
#include "tr-odt-exporter.h"
#include "tr-odt-package.h"

static GBytes *
build_package (TrReport   *report,
               GPtrArray  *comments,
               GError    **error)
{
  g_autoptr(TrDocument) document = tr_document_new_for_report (report, comments);

  return tr_odt_package_build (document, error);
}

GBytes *
tr_odt_export_to_bytes (TrReport  *report,
                        GError   **error)
{
  return tr_odt_export_to_bytes_with_comments (report, NULL, error);
}

GBytes *
tr_odt_export_to_bytes_with_comments (TrReport   *report,
                                      GPtrArray  *comments,
                                      GError    **error)
{
  g_return_val_if_fail (TR_IS_REPORT (report), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_package (report, comments, error);
}

gboolean
tr_odt_export_to_file (TrReport      *report,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return tr_odt_export_to_file_with_comments (report, NULL, file, cancellable, error);
}

gboolean
tr_odt_export_to_file_with_comments (TrReport      *report,
                                     GPtrArray     *comments,
                                     GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_autoptr(GBytes) package = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  package = build_package (report, comments, error);
  if (package == NULL)
    return FALSE;
  return tr_export_file_write_bytes (file, package, cancellable, error);
}

/* Export in a thread --------------------------------------------------- */

/* TrReport and TrComment are not thread-safe: the thread works on copies. */
typedef struct {
  TrReport  *snapshot;
  GPtrArray *comments;  /* copies, or NULL */
} ExportData;

static void
export_data_free (gpointer user_data)
{
  ExportData *data = user_data;

  g_clear_object (&data->snapshot);
  g_clear_pointer (&data->comments, g_ptr_array_unref);
  g_free (data);
}

static gboolean
write_snapshot (TrExportSink  *sink,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ExportData *data = user_data;
  g_autoptr(GBytes) package = build_package (data->snapshot, data->comments, error);
  gsize size;
  gconstpointer bytes;

  if (package == NULL)
    return FALSE;
  bytes = g_bytes_get_data (package, &size);
  return tr_export_sink_write (sink, bytes, size);
}

void
tr_odt_export_async (TrReport            *report,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  tr_odt_export_with_comments_async (report, NULL, file, cancellable, callback, user_data);
}

void
tr_odt_export_with_comments_async (TrReport            *report,
                                   GPtrArray           *comments,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ExportData *data;

  g_return_if_fail (TR_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportData, 1);
  data->snapshot = tr_report_copy (report);
  if (comments != NULL)
    {
      data->comments = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < comments->len; i++)
        g_ptr_array_add (data->comments, tr_comment_copy (comments->pdata[i]));
    }
  tr_export_file_write_async (file, write_snapshot, data, export_data_free, tr_odt_export_async,
                              cancellable, callback, user_data);
}

gboolean
tr_odt_export_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, tr_odt_export_async), FALSE);

  return tr_export_file_write_finish (result, NULL, error);
}

/* File names ----------------------------------------------------------- */

char *
tr_odt_export_suggest_name (TrReport *report)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  stem = tr_export_name_stem (report);
  return g_strconcat (stem, ".odt", NULL);
}
