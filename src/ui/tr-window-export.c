/* tr-window-export.c: the open report, or its review form, as ODT or PDF
 *
 * A PDF of a long report with photos takes seconds: it is written in a
 * thread, with a toast that shows how far it is and cancels it. The file
 * is replaced whole or not at all (tr_export_file_write()), so a cancel or
 * a full disk leaves an earlier export as it was. The PDF's number of
 * pages becomes the report's 頁數, the one number the form shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* GtkFileLauncher (GTK 4.10) is behind GTK_CHECK_VERSION: the MAX_ALLOWED
 * pin of meson.build, which makes the headers flag any other newer call,
 * is lifted here. */
#undef GDK_VERSION_MAX_ALLOWED

#include <glib/gi18n.h>

#include "tr-file-chooser.h"
#include "tr-odt-exporter.h"
#include "tr-odt-review-form.h"
#include "tr-pdf-exporter.h"
#include "tr-pdf-layout.h"
#include "tr-progress-toast.h"
#include "tr-window-private.h"

typedef struct {
  TrWindow *window;
  TrReport *report;
  GFile *file;
  TrExportFormat format;
  gboolean review_form;
  gboolean for_review;
  GCancellable *cancellable;
  TrProgressToast *progress;
} Export;

static void
export_free (Export *export)
{
  if (export->progress != NULL)
    tr_progress_toast_finish (export->progress);
  g_clear_object (&export->progress);
  g_object_unref (export->window);
  g_object_unref (export->report);
  g_object_unref (export->file);
  g_object_unref (export->cancellable);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/* The page count ----------------------------------------------------------- */

static void
page_count_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tr_report_store_save_finish (TR_REPORT_STORE (source), result, &error))
    _tr_window_toast (self, error->message);
  else
    _tr_window_reload_library (self);
}

void
_tr_window_keep_page_count (TrWindow *self,
                            TrReport *report,
                            guint     n_pages)
{
  if (n_pages == 0 || tr_report_get_pages (report) == n_pages)
    return;

  /* The editor's report saves itself when it changes; any other (an
   * imported report, or a draft closed meanwhile) is saved here, as the
   * command line's export does. */
  tr_report_set_pages (report, n_pages);
  if (report == self->report && tr_report_get_kind (report) == TR_REPORT_KIND_DRAFT)
    return;
  if (self->store != NULL)
    tr_report_store_save_async (self->store, report, NULL, page_count_saved, g_object_ref (self));
}

/* The command line's PDF export keeps its number of pages in the library
 * too: when it did so for the report open here, the report takes it, or
 * its next autosave would put the old number back. */
void
_tr_window_follow_page_count (TrWindow *self)
{
  g_autoptr(TrReportInfo) info = NULL;
  g_autoptr(TrReport) stored = NULL;
  GDateTime *modified;
  guint position;

  if (self->report == NULL || self->library == NULL)
    return;
  position = tr_library_model_find (self->library, tr_report_get_id (self->report));
  if (position == G_MAXUINT)
    return;
  info = g_list_model_get_item (G_LIST_MODEL (self->library), position);
  modified = tr_report_get_modified (self->report);
  /* Only a save from elsewhere is newer than the report's last own save. */
  if (info == NULL || modified == NULL || g_date_time_compare (tr_report_info_get_modified (info), modified) <= 0)
    return;
  stored = tr_report_store_load (self->store, tr_report_get_id (self->report), NULL);
  if (stored != NULL && tr_report_get_pages (stored) != tr_report_get_pages (self->report))
    tr_report_set_pages (self->report, tr_report_get_pages (stored));
}

/* The toast at the end ------------------------------------------------------ */

static void
toast_exported (TrWindow *self,
                           GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* TRANSLATORS: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
report_failure (Export *export,
                GError *error)
{
  /* Whatever stopped it, an earlier file of that name is as it was. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _tr_window_toast (export->window, _("Export cancelled"));
  else
    _tr_window_toast (export->window, error->message);
}

static void
export_finished (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;
  gboolean ok;

  if (export->format == TR_EXPORT_FORMAT_PDF)
    ok = export->review_form ? tr_pdf_review_form_export_finish (result, &error)
                             : tr_pdf_export_finish (result, &n_pages, &error);
  else
    ok = export->review_form ? tr_odt_review_form_export_finish (result, &error)
                             : tr_odt_export_finish (result, &error);

  if (!ok)
    {
      report_failure (export, error);
      return;
    }
  if (export->format == TR_EXPORT_FORMAT_PDF && !export->review_form)
    _tr_window_keep_page_count (export->window, export->report, n_pages);
  toast_exported (export->window, export->file);
}

/* Exporting ---------------------------------------------------------------- */

static void
export_progress (double   fraction,
                 gpointer user_data)
{
  Export *export = user_data;

  tr_progress_toast_set_fraction (export->progress, fraction);
}

static void
show_progress (Export *export)
{
  g_autofree char *name = g_file_get_basename (export->file);
  /* TRANSLATORS: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Exporting “%s”…"), name);

  export->progress = tr_progress_toast_new (export->window->toast_overlay, title, export->cancellable);
}

static void
write_odt (Export *export)
{
  TrWindow *self = export->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = NULL;

  /* The reviewers' open comments go along, as comments on their passages,
   * unless the menu's check says otherwise (the command line's
   * --no-comments). */
  if (export->for_review || self->settings == NULL ||
      g_settings_get_boolean (self->settings, "export-comments"))
    {
      comments = tr_report_store_list_comments (self->store, tr_report_get_id (export->report), &error);
      if (comments == NULL)
        _tr_window_toast (self, error->message);
    }
  if (export->for_review)
    {
      g_autoptr(GError) review_error = NULL;
      g_autoptr(TrReview) review = tr_report_store_load_review (self->store, tr_report_get_id (export->report),
                                                                &review_error);

      if (review == NULL)
        {
          _tr_window_toast (self, review_error->message);
          export_free (export);
          return;
        }
      tr_review_prefill (review, export->report, NULL);
      tr_odt_export_for_review_async (export->report, comments, review, export->file, export->cancellable,
                                      export_finished, export);
      return;
    }
  tr_odt_export_with_comments_async (export->report, comments, export->file, export->cancellable,
                                     export_finished, export);
}

static void
pages_counted (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPdfLayout) layout = tr_pdf_layout_new_finish (result, &error);

  if (layout == NULL)
    {
      report_failure (export, error);
      export_free (export);
      return;
    }
  _tr_window_keep_page_count (export->window, export->report, tr_pdf_layout_get_n_pages (layout));
  write_odt (export);
}

static void
export_report (Export *export)
{
  show_progress (export);
  if (export->format == TR_EXPORT_FORMAT_PDF)
    {
      tr_pdf_export_async (export->report, export->file, export_progress, export, export->cancellable,
                           export_finished, export);
      return;
    }

  /* The ODT's 頁數 is the number of pages of our PDF, as the report may
   * have changed since the last one: laid out first, without drawing. */
  tr_pdf_layout_new_for_report_async (export->report, export_progress, export, export->cancellable,
                                      pages_counted, export);
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
  if (export->format == TR_EXPORT_FORMAT_PDF)
    tr_pdf_review_form_export_async (export->report, review, export->file, export->cancellable,
                                     export_finished, export);
  else
    tr_odt_review_form_export_async (export->report, review, export->file, export->cancellable,
                                     export_finished, export);
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
start_export (TrWindow       *self,
              GFile          *file,
              TrExportFormat  format,
              gboolean        review_form,
              gboolean        for_review)
{
  Export *export;

  if (self->report == NULL)
    return;

  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->report = g_object_ref (self->report);
  export->file = g_object_ref (file);
  export->format = format;
  export->review_form = review_form;
  export->for_review = for_review;
  export->cancellable = g_cancellable_new ();
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

  start_export (self, file, TR_EXPORT_FORMAT_ODT, FALSE, FALSE);
}

void
tr_window_export_for_review (TrWindow *self,
                             GFile    *file)
{
  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_export (self, file, TR_EXPORT_FORMAT_ODT, FALSE, TRUE);
}

void
tr_window_export_review_form (TrWindow *self,
                              GFile    *file)
{
  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_export (self, file, TR_EXPORT_FORMAT_ODT, TRUE, FALSE);
}

void
tr_window_export_as (TrWindow       *self,
                     GFile          *file,
                     TrExportFormat  format,
                     gboolean        review_form)
{
  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format == TR_EXPORT_FORMAT_ODT || format == TR_EXPORT_FORMAT_PDF);

  start_export (self, file, format, review_form, FALSE);
}

/* Whether the ODT carries the reviewers' comments: a check in the menu,
 * kept in the settings. */
void
_tr_window_init_export (TrWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GAction) comments = NULL;

  if (self->settings == NULL)
    return;
  group = g_simple_action_group_new ();
  comments = g_settings_create_action (self->settings, "export-comments");
  g_action_map_add_action (G_ACTION_MAP (group), comments);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
}

/* Where ------------------------------------------------------------------ */

/* The folder of the last export while it is there, else Documents, else
 * the home folder. */
GFile *
_tr_window_get_export_folder (TrWindow *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *last = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-export-folder");
  if (last != NULL && last[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last);

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        return g_steal_pointer (&folder);
    }
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

typedef struct {
  TrWindow *window;
  TrExportFormat format;
  gboolean review_form;
  gboolean for_review;
} Choice;

static void
file_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree Choice *choice = user_data;
  g_autoptr(TrWindow) self = choice->window;
  g_autoptr(GListModel) files = tr_file_chooser_choose_finish (result, NULL);
  g_autoptr(GFile) file = files != NULL ? g_list_model_get_item (files, 0) : NULL;
  g_autoptr(GFile) folder = NULL;

  if (file == NULL)
    return;
  folder = g_file_get_parent (file);
  if (folder != NULL && self->settings != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_settings_set_string (self->settings, "last-export-folder", uri);
    }
  start_export (self, file, choice->format, choice->review_form, choice->for_review);
}

void
_tr_window_choose_export_file (TrWindow       *self,
                               TrExportFormat  format,
                               gboolean        review_form)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  const char *title;
  Choice *choice;

  if (self->report == NULL)
    return;

  if (format == TR_EXPORT_FORMAT_PDF)
    {
      name = review_form ? tr_pdf_review_form_suggest_name (self->report)
                         : tr_pdf_export_suggest_name (self->report);
      title = review_form ? _("Export Review Form as PDF") : _("Export Report as PDF");
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      name = review_form ? tr_odt_review_form_suggest_name (self->report)
                         : tr_odt_export_suggest_name (self->report);
      title = review_form ? _("Export Review Form") : _("Export Report");
      gtk_file_filter_set_name (filter, _("OpenDocument Text"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
      gtk_file_filter_add_suffix (filter, "odt");
    }

  choice = g_new0 (Choice, 1);
  choice->window = g_object_ref (self);
  choice->format = format;
  choice->review_form = review_form;
  folder = _tr_window_get_export_folder (self);
  tr_file_chooser_save (GTK_WINDOW (self), title, _("_Export"), filter, folder, name, NULL, file_chosen,
                        choice);
}

void
_tr_window_choose_export_for_review_file (TrWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  Choice *choice;

  if (self->report == NULL)
    return;
  name = tr_odt_export_suggest_name (self->report);
  gtk_file_filter_set_name (filter, _("OpenDocument Text"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_suffix (filter, "odt");
  choice = g_new0 (Choice, 1);
  choice->window = g_object_ref (self);
  choice->format = TR_EXPORT_FORMAT_ODT;
  choice->for_review = TRUE;
  folder = _tr_window_get_export_folder (self);
  tr_file_chooser_save (GTK_WINDOW (self), _("Export for Review"), _("_Export"), filter, folder, name, NULL,
                        file_chosen, choice);
}

/* Opening what was exported -------------------------------------------------- */

static void
launched (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  if (gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (source), result, &error) ||
      /* The user closed the portal's chooser of apps. */
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
#else
  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;
#endif
  /* TRANSLATORS: %s is why, from the system */
  message = g_strdup_printf (_("Could not open the file: %s"), error->message);
  _tr_window_toast (self, message);
}

void
_tr_window_open_file (TrWindow   *self,
                      const char *uri)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  /* Through the OpenURI portal in the Flatpak, or the default app. */
  gtk_file_launcher_launch (launcher, GTK_WINDOW (self), NULL, launched, g_object_ref (self));
#else
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, launched,
                                           g_object_ref (self));
#endif
}
