/* tr-odt-exporter.c: a report as an ODT document, in the official layout
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-export-file.h"
#include "tr-odt-exporter.h"
#include "tr-odt-package.h"
#include "tr-report-json.h"
#include "tr-review-json.h"

/* Every export carries the report's identity and JSON form, so that the
 * file can come back (tr-odt-private.h). The revision is the time of the
 * report's last save, in seconds: it grows with every save, which is what
 * telling two files of one report apart needs, without a counter of its
 * own in the library. */
static GBytes *
build_exchange_package (TrReport   *report,
                        GPtrArray  *comments,
                        TrReview   *review,
                        GError    **error)
{
  g_autoptr(TrDocument) document = tr_document_new_for_report (report, comments);
  char *json = tr_report_to_json (report, FALSE);
  g_autoptr(GBytes) report_json = g_bytes_new_take (json, strlen (json));
  g_autoptr(GBytes) review_json = NULL;
  TrOdtExchange exchange = {
    tr_report_get_id (report),
    g_date_time_to_unix (tr_report_get_modified (report)),
    report_json,
    NULL,
  };

  if (review != NULL)
    {
      char *review_text = tr_review_to_json (review);

      review_json = g_bytes_new_take (review_text, strlen (review_text));
      exchange.review_json = review_json;
      /* Word processors drop our JSON part: the form is what they keep. */
      tr_document_add_review_form (document, report, review);
    }
  return tr_odt_package_build_for_exchange (document, &exchange, error);
}

static GBytes *
build_package (TrReport   *report,
               GPtrArray  *comments,
               GError    **error)
{
  return build_exchange_package (report, comments, NULL, error);
}

/* The report as a reviewer gets it: no import warnings, which are the
 * author's notes about their own file. */
static TrReport *
copy_for_review (TrReport *report)
{
  TrReport *copy = tr_report_copy (report);

  tr_report_set_warnings (copy, NULL);
  return copy;
}

GBytes *
tr_odt_export_for_review_to_bytes (TrReport   *report,
                                   GPtrArray  *comments,
                                   TrReview   *review,
                                   GError    **error)
{
  g_autoptr(TrReport) copy = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);
  g_return_val_if_fail (review == NULL || TR_IS_REVIEW (review), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = copy_for_review (report);
  /* The copy keeps the original's times: the revision is the original's. */
  tr_report_set_modified (copy, tr_report_get_modified (report));
  return build_exchange_package (copy, comments, review, error);
}

gboolean
tr_odt_export_for_review_to_file (TrReport      *report,
                                  GPtrArray     *comments,
                                  TrReview      *review,
                                  GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GBytes) package = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  package = tr_odt_export_for_review_to_bytes (report, comments, review, error);
  if (package == NULL)
    return FALSE;
  return tr_export_file_write_bytes (file, package, cancellable, error);
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
  TrReview  *review;    /* a copy, for the copy sent for review; or NULL */
} ExportData;

static void
export_data_free (gpointer user_data)
{
  ExportData *data = user_data;

  g_clear_object (&data->snapshot);
  g_clear_pointer (&data->comments, g_ptr_array_unref);
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
  g_autoptr(GBytes) package = data->review != NULL
                              ? build_exchange_package (data->snapshot, data->comments, data->review, error)
                              : build_package (data->snapshot, data->comments, error);
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

void
tr_odt_export_for_review_async (TrReport            *report,
                                GPtrArray           *comments,
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
  data->snapshot = copy_for_review (report);
  /* The copy keeps the original's times: the revision is the original's. */
  tr_report_set_modified (data->snapshot, tr_report_get_modified (report));
  data->review = tr_review_copy (review);
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
