/* tr-odt-review-form.c: 附件二, the review form, as a one-page ODT
 *
 * The form is laid out by tr-document-review.c; it shares styles.xml with
 * the report's export, and its own paragraph and table styles are
 * automatic styles of its content.xml.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-export-file.h"
#include "tr-odt-package.h"
#include "tr-odt-review-form.h"

GBytes *
tr_odt_review_form_to_bytes (TrReport  *report,
                             TrReview  *review,
                             GError   **error)
{
  g_autoptr(TrDocument) document = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);
  g_return_val_if_fail (TR_IS_REVIEW (review), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = tr_document_new_for_review_form (report, review);
  return tr_odt_package_build (document, error);
}

gboolean
tr_odt_review_form_to_file (TrReport      *report,
                            TrReview      *review,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) package = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), FALSE);
  g_return_val_if_fail (TR_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  package = tr_odt_review_form_to_bytes (report, review, error);
  if (package == NULL)
    return FALSE;
  return tr_export_file_write_bytes (file, package, cancellable, error);
}

/* TrReport and TrReview are not thread-safe: the thread works on copies. */
typedef struct {
  TrReport *snapshot;
  TrReview *review;
} ExportData;

static void
export_data_free (gpointer user_data)
{
  ExportData *data = user_data;

  g_clear_object (&data->snapshot);
  g_clear_object (&data->review);
  g_free (data);
}

static gboolean
write_snapshot (TrExportSink  *sink,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ExportData *data = user_data;
  g_autoptr(GBytes) package = tr_odt_review_form_to_bytes (data->snapshot, data->review, error);
  gsize size;
  gconstpointer bytes;

  if (package == NULL)
    return FALSE;
  bytes = g_bytes_get_data (package, &size);
  return tr_export_sink_write (sink, bytes, size);
}

void
tr_odt_review_form_export_async (TrReport            *report,
                                 TrReview            *review,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ExportData *data;

  g_return_if_fail (TR_IS_REPORT (report));
  g_return_if_fail (TR_IS_REVIEW (review));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ExportData, 1);
  data->snapshot = tr_report_copy (report);
  data->review = tr_review_copy (review);
  tr_export_file_write_async (file, write_snapshot, data, export_data_free,
                              tr_odt_review_form_export_async, cancellable, callback, user_data);
}

gboolean
tr_odt_review_form_export_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, tr_odt_review_form_export_async), FALSE);

  return tr_export_file_write_finish (result, NULL, error);
}

char *
tr_odt_review_form_suggest_name (TrReport *report)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  stem = tr_export_name_stem (report);
  return g_strconcat (stem, "-審核表.odt", NULL);
}
