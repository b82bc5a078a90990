/* tr-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "editor/tr-report-editor.h"
#include "import/tr-import-dialog.h"
#include "library/tr-library-view.h"
#include "reader/tr-report-view.h"
#include "tr-importer.h"
#include "tr-odt-exporter.h"
#include "tr-odt-review-form.h"
#include "tr-window.h"

struct _TrWindow
{
  AdwApplicationWindow parent_instance;

  TrReportStore *store;
  TrLibraryModel *library;
  GSettings *settings;

  TrReport *report;        /* open in the main area */
  TrReport *reference;     /* shown beside it */
  char *last_draft_id;     /* to come back to after reading a reference */
  gboolean library_shown;

  TrReportEditor *editor;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  TrLibraryView *library_view;
  AdwHeaderBar *content_header;
  GtkButton *back_button;
  AdwWindowTitle *content_title;
  GtkMenuButton *report_menu_button;
  GtkStack *content_stack;
  GtkPaned *paned;
  GtkStack *report_stack;
  TrReportView *report_view;
  GtkBox *reference_box;
  GtkLabel *reference_label;
  TrReportView *reference_view;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TrWindow, tr_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (TrWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static const char *
report_title (TrReport *report)
{
  const char *title = tr_report_get_text (report, TR_FIELD_TITLE);

  return title[0] != '\0' ? title : _("Untitled Report");
}

static void
update_title (TrWindow *self)
{
  const char *subtitle = NULL;

  if (self->report == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      return;
    }

  adw_window_title_set_title (self->content_title, report_title (self->report));
  if (tr_report_get_kind (self->report) == TR_REPORT_KIND_IMPORTED)
    subtitle = _("Imported · Read Only");
  else
    switch (tr_report_editor_get_save_state (self->editor))
      {
      case TR_SAVE_STATE_SAVED:
        subtitle = _("Saved");
        break;
      case TR_SAVE_STATE_UNSAVED:
        subtitle = _("Edited");
        break;
      case TR_SAVE_STATE_SAVING:
        subtitle = _("Saving…");
        break;
      case TR_SAVE_STATE_FAILED:
        subtitle = _("Not Saved");
        break;
      default:
        break;
      }
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

static void
update_actions (TrWindow *self)
{
  gboolean has_report = self->report != NULL;
  gboolean is_draft = has_report && tr_report_get_kind (self->report) == TR_REPORT_KIND_DRAFT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-report", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-review-form", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.use-as-reference", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-panel", is_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-reference", self->reference != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->report_menu_button), has_report);
}

/* What the content area shows when no report is open. */
static void
show_placeholder (TrWindow *self)
{
  gboolean empty = self->library == NULL || tr_library_model_get_total (self->library) == 0;

  /* Until the library is read, neither "welcome" nor "pick a report" is true. */
  if (self->library != NULL && !tr_library_model_is_loaded (self->library))
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->content_stack, empty ? "welcome" : "no-selection");
}

static void
library_reloaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tr_library_model_reload_finish (TR_LIBRARY_MODEL (source), result, &error))
    {
      toast (self, error->message);
      return;
    }
  tr_library_view_update_years (self->library_view);
  tr_library_view_select (self->library_view, self->report != NULL ? tr_report_get_id (self->report) : NULL);
  if (self->report == NULL)
    show_placeholder (self);

  /* For the launch benchmark, with its "first-frame" (tr-application.c). */
  if (g_getenv ("TR_PRINT_FIRST_FRAME") != NULL && !self->library_shown)
    {
      self->library_shown = TRUE;
      g_print ("library-loaded\n");
      fflush (stdout);
    }
}

/* Off the main thread: an autosave must not cost a hitch of reading
 * 10,000 rows, nor must the first frame wait for them. */
static void
reload_library (TrWindow *self)
{
  if (self->library != NULL)
    tr_library_model_reload_async (self->library, library_reloaded, g_object_ref (self));
}

static void
set_report (TrWindow *self,
            TrReport *report)
{
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_func (self->report, update_title, self);
  g_set_object (&self->report, report);
  if (report != NULL)
    g_signal_connect_object (report, "notify::title", G_CALLBACK (update_title), self,
                             G_CONNECT_SWAPPED);

  if (report == NULL)
    {
      tr_report_editor_set_report (self->editor, NULL);
      tr_report_view_set_report (self->report_view, NULL);
      show_placeholder (self);
    }
  else if (tr_report_get_kind (report) == TR_REPORT_KIND_DRAFT)
    {
      tr_report_editor_set_report (self->editor, report);
      gtk_stack_set_visible_child (self->report_stack, GTK_WIDGET (self->editor));
      gtk_stack_set_visible_child_name (self->content_stack, "report");
      g_free (self->last_draft_id);
      self->last_draft_id = g_strdup (tr_report_get_id (report));
    }
  else
    {
      tr_report_view_set_report (self->report_view, report);
      gtk_stack_set_visible_child_name (self->report_stack, "view");
      gtk_stack_set_visible_child_name (self->content_stack, "report");
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-report-id",
                           report != NULL ? tr_report_get_id (report) : "");

  tr_library_view_select (self->library_view, report != NULL ? tr_report_get_id (report) : NULL);
  if (report != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_title (self);
  update_actions (self);
}

gboolean
tr_window_open_report (TrWindow   *self,
                       const char *id)
{
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;
  if (self->report != NULL && g_str_equal (tr_report_get_id (self->report), id))
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return TRUE;
    }

  report = tr_report_store_load (self->store, id, &error);
  if (report == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  set_report (self, report);
  return TRUE;
}

static void
report_activated (TrLibraryView *view,
                  const char    *id,
                  TrWindow      *self)
{
  tr_window_open_report (self, id);
}

static void
save_state_changed (TrWindow *self)
{
  TrSaveState state = tr_report_editor_get_save_state (self->editor);

  update_title (self);
  if (state == TR_SAVE_STATE_SAVED)
    reload_library (self);
  else if (state == TR_SAVE_STATE_FAILED)
    toast (self, tr_report_editor_get_save_error (self->editor));
}

static void
new_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  /* Stored at once: a draft exists from its first second. */
  if (!tr_report_store_save (self->store, report, &error))
    {
      toast (self, error->message);
      return;
    }
  set_report (self, report);
  reload_library (self);
  tr_report_editor_focus_target (self->editor, "title", -1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  tr_library_view_focus_search (self->library_view);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_leaflet_navigate (TR_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
set_reference (TrWindow *self,
               TrReport *reference)
{
  g_autofree char *label = NULL;

  g_set_object (&self->reference, reference);
  tr_report_view_set_report (self->reference_view, reference);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_box), reference != NULL);
  /* Draft and reference need the width more than the panel does (F9 brings
   * it back). */
  if (self->editor != NULL)
    g_object_set (self->editor, "panel-visible", reference == NULL, NULL);
  if (reference != NULL)
    {
      /* TRANSLATORS: heading of the pane that shows another report beside the draft */
      label = g_strdup_printf (_("Reference: %s"), report_title (reference));
      gtk_label_set_text (self->reference_label, label);
    }
  update_actions (self);
}

static void
use_as_reference_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  g_autoptr(TrReport) reference = NULL;
  g_autofree char *draft_id = NULL;

  if (self->report == NULL)
    return;

  reference = g_object_ref (self->report);
  set_reference (self, reference);

  /* Reading an old report is usually a step away from writing a new one:
   * go back to that draft, now with the reference beside it. */
  draft_id = g_strdup (self->last_draft_id);
  if (tr_report_get_kind (reference) != TR_REPORT_KIND_DRAFT && draft_id != NULL)
    tr_window_open_report (self, draft_id);

  gtk_paned_set_position (self->paned, gtk_widget_get_width (GTK_WIDGET (self->paned)) / 2);
}

gboolean
tr_window_show_reference (TrWindow   *self,
                          const char *id)
{
  g_autoptr(TrReport) reference = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;
  reference = tr_report_store_load (self->store, id, &error);
  if (reference == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  set_reference (self, reference);
  return TRUE;
}

static void
close_reference_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_reference (TR_WINDOW (widget), NULL);
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  toast (TR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
reload_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  reload_library (TR_WINDOW (widget));
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  gboolean visible;

  g_object_get (self->editor, "panel-visible", &visible, NULL);
  g_object_set (self->editor, "panel-visible", !visible, NULL);
}

typedef struct {
  TrWindow *window;
  TrReport *report;
  GBytes *source_data;
} DeletedReport;

static void
deleted_report_free (gpointer data)
{
  DeletedReport *deleted = data;

  g_object_unref (deleted->window);
  g_object_unref (deleted->report);
  g_clear_pointer (&deleted->source_data, g_bytes_unref);
  g_free (deleted);
}

static void
undo_delete (AdwToast      *toast_widget,
             DeletedReport *deleted)
{
  TrWindow *self = deleted->window;
  g_autoptr(GError) error = NULL;

  /* The same ID, text and original file come back. */
  if (deleted->source_data != NULL)
    tr_report_set_source (deleted->report, tr_report_get_source_filename (deleted->report),
                          deleted->source_data);
  if (!tr_report_store_save (self->store, deleted->report, &error))
    {
      toast (self, error->message);
      return;
    }
  reload_library (self);
  set_report (self, deleted->report);
}

static void
delete_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DeletedReport *deleted;
  AdwToast *undo_toast;

  if (self->report == NULL)
    return;

  /* Pending typing reaches the store first: Undo then brings all of it back,
   * and no late autosave can bring the report back by itself. */
  if (!tr_window_save_all (self, &error))
    {
      toast (self, error->message);
      return;
    }
  report = g_object_ref (self->report);
  set_report (self, NULL);

  deleted = g_new0 (DeletedReport, 1);
  deleted->window = g_object_ref (self);
  deleted->report = g_object_ref (report);
  if (tr_report_get_source_sha256 (report) != NULL)
    deleted->source_data = tr_report_store_load_source_data (self->store, tr_report_get_id (report), NULL);

  if (!tr_report_store_delete (self->store, tr_report_get_id (report), &error))
    {
      deleted_report_free (deleted);
      toast (self, error->message);
      set_report (self, report);
      return;
    }

  if (self->reference != NULL && g_str_equal (tr_report_get_id (self->reference), tr_report_get_id (report)))
    set_reference (self, NULL);
  if (g_strcmp0 (self->last_draft_id, tr_report_get_id (report)) == 0)
    g_clear_pointer (&self->last_draft_id, g_free);
  reload_library (self);
  show_placeholder (self);

  /* TRANSLATORS: %s is a report title */
  message = g_strdup_printf (_("“%s” deleted"), report_title (report));
  undo_toast = adw_toast_new (message);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (undo_delete), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_report_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo_toast);
}

typedef struct {
  TrWindow *window;
  GFile *file;
  gboolean review_form;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
export_finished (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!(data->review_form ? tr_odt_review_form_export_finish (result, &error)
                           : tr_odt_export_finish (result, &error)))
    {
      toast (data->window, error->message);
      return;
    }
  name = g_file_get_basename (data->file);
  /* TRANSLATORS: %s is a file name */
  message = g_strdup_printf (_("Exported “%s”"), name);
  toast (data->window, message);
}

void
tr_window_export (TrWindow *self,
                  GFile    *file)
{
  g_autoptr(GError) error = NULL;
  ExportData *data;

  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report == NULL)
    return;
  /* What was just typed belongs in the document. */
  if (!tr_window_save_all (self, &error))
    toast (self, error->message);

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  {
    /* The reviewers' open comments go along, as comments on their passages. */
    g_autoptr(GPtrArray) comments = tr_report_store_list_comments (self->store, tr_report_get_id (self->report),
                                                                   &error);

    if (comments == NULL)
      toast (self, error->message);
    tr_odt_export_with_comments_async (self->report, comments, file, NULL, export_finished, data);
  }
}

void
tr_window_export_review_form (TrWindow *self,
                              GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReview) review = NULL;
  ExportData *data;

  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report == NULL)
    return;
  /* Items 1 and 2 are worked out from the report as saved. */
  if (!tr_window_save_all (self, &error))
    toast (self, error->message);
  g_clear_error (&error);
  review = tr_report_store_load_review (self->store, tr_report_get_id (self->report), &error);
  if (review == NULL)
    {
      toast (self, error->message);
      return;
    }
  tr_review_prefill (review, self->report, NULL);

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->review_form = TRUE;
  tr_odt_review_form_export_async (self->report, review, file, NULL, export_finished, data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_file_chosen (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file == NULL || self->report == NULL)
    return;
  if (g_object_get_data (source, "tr-review-form") != NULL)
    tr_window_export_review_form (self, file);
  else
    tr_window_export (self, file);
}
#else
static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 TrWindow        *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL && self->report != NULL)
    {
      if (g_object_get_data (G_OBJECT (dialog), "tr-review-form") != NULL)
        tr_window_export_review_form (self, file);
      else
        tr_window_export (self, file);
    }
  g_object_unref (dialog);
}
#endif

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean review_form = g_str_equal (action_name, "win.export-review-form");
  const char *title = review_form ? _("Export Review Form") : _("Export Report");

  if (self->report == NULL)
    return;

  name = review_form ? tr_odt_review_form_suggest_name (self->report)
                     : tr_odt_export_suggest_name (self->report);
  gtk_file_filter_set_name (filter, _("OpenDocument Text"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.text");
  gtk_file_filter_add_suffix (filter, "odt");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    if (review_form)
      g_object_set_data (G_OBJECT (dialog), "tr-review-form", GUINT_TO_POINTER (TRUE));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_file_chosen, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Export"), NULL);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    if (review_form)
      g_object_set_data (G_OBJECT (dialog), "tr-review-form", GUINT_TO_POINTER (TRUE));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (export_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

static void
imported_report_saved (TrWindow   *self,
                       const char *id)
{
  reload_library (self);
}

static void
imported_report_open (TrWindow   *self,
                      const char *id)
{
  tr_window_open_report (self, id);
}

GtkWindow *
tr_window_import (TrWindow   *self,
                  GListModel *files)
{
  g_auto(GStrv) argv = tr_import_get_worker_argv ();
  TrImportDialog *dialog;

  g_return_val_if_fail (TR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);

  if (self->store == NULL || g_list_model_get_n_items (files) == 0)
    return NULL;

  dialog = tr_import_dialog_new (GTK_WINDOW (self), self->store, (const char * const *) argv, files);
  g_signal_connect_object (dialog, "report-saved", G_CALLBACK (imported_report_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "open-report", G_CALLBACK (imported_report_open), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
import_files_chosen (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (files != NULL)
    tr_window_import (self, files);
}

static void
import_folder_chosen (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TrWindow) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (folder == NULL)
    return;
  g_list_store_append (files, folder);
  tr_window_import (self, G_LIST_MODEL (files));
}
#else
static void
import_response (GtkNativeDialog *dialog,
                 int              response,
                 TrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      tr_window_import (self, files);
    }
  g_object_unref (dialog);
}
#endif

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.import-folder");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    if (folder)
      {
        gtk_file_dialog_set_title (dialog, _("Import a Folder of PDFs"));
        gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, import_folder_chosen,
                                       g_object_ref (self));
      }
    else
      {
        gtk_file_dialog_set_title (dialog, _("Import PDFs"));
        gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, import_files_chosen,
                                       g_object_ref (self));
      }
  }
#else
  {
    GtkFileChooserNative *dialog =
      gtk_file_chooser_native_new (folder ? _("Import a Folder of PDFs") : _("Import PDFs"),
                                   GTK_WINDOW (self),
                                   folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                          : GTK_FILE_CHOOSER_ACTION_OPEN,
                                   _("_Import"), NULL);

    if (!folder)
      {
        gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      }
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (import_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               TrWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  return tr_window_import (self, G_LIST_MODEL (files)) != NULL;
}

gboolean
tr_window_save_all (TrWindow  *self,
                    GError   **error)
{
  g_return_val_if_fail (TR_IS_WINDOW (self), FALSE);

  if (self->editor == NULL)
    return TRUE;
  return tr_report_editor_save_and_wait (self->editor, error);
}

static gboolean
tr_window_close_request (GtkWindow *window)
{
  TrWindow *self = TR_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!tr_window_save_all (self, &error))
    g_warning ("%s", error->message);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (tr_window_parent_class)->close_request (window);
}

static void
folded_changed (TrWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded);
  adw_header_bar_set_show_end_title_buttons (tr_library_view_get_header_bar (self->library_view), folded);
  adw_header_bar_set_show_start_title_buttons (self->content_header, folded);
}

static void
tr_window_dispose (GObject *object)
{
  TrWindow *self = TR_WINDOW (object);

  g_clear_object (&self->report);
  g_clear_object (&self->reference);
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_WINDOW);

  G_OBJECT_CLASS (tr_window_parent_class)->dispose (object);
}

static void
tr_window_finalize (GObject *object)
{
  TrWindow *self = TR_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_free (self->last_draft_id);

  G_OBJECT_CLASS (tr_window_parent_class)->finalize (object);
}

static void
tr_window_class_init (TrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tr_window_dispose;
  object_class->finalize = tr_window_finalize;
  window_class->close_request = tr_window_close_request;

  g_type_ensure (TR_TYPE_LIBRARY_VIEW);
  g_type_ensure (TR_TYPE_REPORT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TripReports/tr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, report_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, report_stack);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, report_view);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, reference_box);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, reference_label);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, reference_view);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.new-report", NULL, new_report_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.use-as-reference", NULL, use_as_reference_action);
  gtk_widget_class_install_action (widget_class, "win.close-reference", NULL, close_reference_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.delete-report", NULL, delete_report_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-review-form", NULL, export_action);
  /* For the widgets inside: a message for people, a status that changed. */
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);
  gtk_widget_class_install_action (widget_class, "win.reload-library", NULL, reload_library_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.use-as-reference", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete-report", NULL);
}

static void
tr_window_init (TrWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* PDFs dropped anywhere on the window are imported. */
  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (files_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_view, "report-activated", G_CALLBACK (report_activated), self, 0);
  folded_changed (self);
}

static void
restore_state (TrWindow *self)
{
  g_autofree char *last_id = NULL;

  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
      return;
    }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_id = g_settings_get_string (self->settings, "last-report-id");
  if (last_id[0] != '\0' && self->store != NULL)
    {
      g_autoptr(TrReport) report = tr_report_store_load (self->store, last_id, NULL);

      /* A report deleted elsewhere is simply not reopened. */
      if (report != NULL)
        set_report (self, report);
    }
}

static void
first_frame_painted (GdkFrameClock *clock,
                     TrWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, self);
  reload_library (self);
}

static void
load_after_first_frame (TrWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, load_after_first_frame, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_painted), self, 0);
}

TrWindow *
tr_window_new (GtkApplication *application,
               TrReportStore  *store,
               const GError   *store_error,
               GSettings      *settings)
{
  TrWindow *self = g_object_new (TR_TYPE_WINDOW, "application", application, NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       store_error != NULL ? store_error->message : NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->library_view), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-report", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", FALSE);
      update_actions (self);
      restore_state (self);
      return self;
    }

  self->store = g_object_ref (store);
  self->library = tr_library_model_new (store);
  tr_library_view_set_model (self->library_view, self->library);

  self->editor = TR_REPORT_EDITOR (tr_report_editor_new (store));
  gtk_stack_add_named (self->report_stack, GTK_WIDGET (self->editor), "editor");
  g_signal_connect_object (self->editor, "notify::save-state", G_CALLBACK (save_state_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::report", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);

  /* The window shows first; the library fills it right after. */
  g_signal_connect (self, "map", G_CALLBACK (load_after_first_frame), NULL);
  show_placeholder (self);
  update_actions (self);
  restore_state (self);
  return self;
}

TrReport *
tr_window_get_report (TrWindow *self)
{
  g_return_val_if_fail (TR_IS_WINDOW (self), NULL);
  return self->report;
}

TrReport *
tr_window_get_reference (TrWindow *self)
{
  g_return_val_if_fail (TR_IS_WINDOW (self), NULL);
  return self->reference;
}

GtkWidget *
tr_window_get_editor (TrWindow *self)
{
  g_return_val_if_fail (TR_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->editor);
}

GtkWidget *
tr_window_get_library_view (TrWindow *self)
{
  g_return_val_if_fail (TR_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->library_view);
}
