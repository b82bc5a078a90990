/* tr-window-export.c: the open report, or its review form, as ODT
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-file-chooser.h"
#include "tr-odt-exporter.h"
#include "tr-odt-review-form.h"
#include "tr-window-private.h"

typedef struct {
  TrWindow *window;
  TrReport *report;
  GFile *file;
  gboolean review_form;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->window);
  g_object_unref (export->report);
  g_object_unref (export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
export_finished (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!(export->review_form ? tr_odt_review_form_export_finish (result, &error)
                             : tr_odt_export_finish (result, &error)))
    {
      _tr_window_toast (export->window, error->message);
      return;
    }
  name = g_file_get_basename (export->file);
  /* TRANSLATORS: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  _tr_window_toast (export->window, message);
}

static void
export_report (Export *export)
{
  TrWindow *self = export->window;
  g_autoptr(GError) error = NULL;
  /* The reviewers' open comments go along, as comments on their passages. */
  g_autoptr(GPtrArray) comments = tr_report_store_list_comments (self->store, tr_report_get_id (export->report),
                                                                 &error);

  if (comments == NULL)
    _tr_window_toast (self, error->message);
  tr_odt_export_with_comments_async (export->report, comments, export->file, NULL, export_finished, export);
}

static void
export_review_form (Export *export)
{
  TrWindow *self = export->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReview) review = tr_report_store_load_review (self->store, tr_report_get_id (export->report),
                                                            &error);

  if (review == NULL)
    {
      _tr_window_toast (self, error->message);
      export_free (export);
      return;
    }
  tr_review_prefill (review, export->report, NULL);
  tr_odt_review_form_export_async (export->report, review, export->file, NULL, export_finished, export);
}

static void
saved_before_export (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  /* What could not be saved is still exported, as shown; the toast says
   * the library lags behind. */
  if (!_tr_window_save_finish (export->window, result, &error))
    _tr_window_toast (export->window, error->message);

  if (export->review_form)
    export_review_form (export);
  else
    export_report (export);
}

static void
start_export (TrWindow *self,
              GFile    *file,
              gboolean  review_form)
{
  Export *export;

  if (self->report == NULL)
    return;

  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->report = g_object_ref (self->report);
  export->file = g_object_ref (file);
  export->review_form = review_form;
  /* What was just typed belongs in the document; items 1 and 2 of the
   * review form are worked out from the report as saved. */
  _tr_window_save_async (self, saved_before_export, export);
}

void
tr_window_export (TrWindow *self,
                  GFile    *file)
{
  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_export (self, file, FALSE);
}

void
tr_window_export_review_form (TrWindow *self,
                              GFile    *file)
{
  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_export (self, file, TRUE);
}

static void
file_chosen (GAsyncResult *result,
             TrWindow     *self,
             gboolean      review_form)
{
  g_autoptr(GListModel) files = tr_file_chooser_choose_finish (result, NULL);
  g_autoptr(GFile) file = files != NULL ? g_list_model_get_item (files, 0) : NULL;

  if (file != NULL)
    start_export (self, file, review_form);
}

static void
report_file_chosen (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;

  file_chosen (result, self, FALSE);
}

static void
review_form_file_chosen (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;

  file_chosen (result, self, TRUE);
}

void
_tr_window_choose_export_file (TrWindow *self,
                               gboolean  review_form)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;

  name = review_form ? tr_odt_review_form_suggest_name (self->report)
                     : tr_odt_export_suggest_name (self->report);
  gtk_file_filter_set_name (filter, _("OpenDocument Text"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_suffix (filter, "odt");
  tr_file_chooser_choose (GTK_WINDOW (self), TR_FILE_CHOOSER_SAVE,
                          review_form ? _("Export Review Form") : _("Export Report"), _("_Export"),
                          filter, name, NULL, review_form ? review_form_file_chosen : report_file_chosen,
                          g_object_ref (self));
}
