/* tr-window-actions.c: the win.* actions
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-alert.h"
#include "tr-form-dialog.h"
#include "tr-identity-page.h"
#include "tr-preferences-dialog.h"
#include "tr-window-private.h"

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  GtkWidget *dialog = tr_preferences_dialog_new (_("Preferences"),
                                                 ADW_PREFERENCES_PAGE (tr_identity_page_new (self->identity)));

  tr_preferences_dialog_present (dialog, widget);
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
  tr_identity_fill_report (self->identity, report);
  /* Stored at once: a draft exists from its first second. */
  if (!tr_report_store_save (self->store, report, &error))
    {
      _tr_window_toast (self, error->message);
      return;
    }
  _tr_window_set_report (self, report);
  _tr_window_note_new_draft (self, report);
  _tr_window_reload_library (self);
  tr_report_editor_focus_target (self->editor, "title", -1);
}

/* Starting from the open report ------------------------------------- */

/* A new draft made from the open report, stored and opened. */
static void
open_derived_report (TrWindow *self,
                     TrReport *report)
{
  g_autoptr(GError) error = NULL;

  if (!tr_report_store_save (self->store, report, &error))
    {
      _tr_window_toast (self, error->message);
      return;
    }
  _tr_window_set_report (self, report);
  _tr_window_reload_library (self);
  tr_report_editor_focus_target (self->editor, "title", -1);
}

typedef struct {
  TrWindow *window;
  TrReport *source;
  gboolean duplicate;
} DeriveRequest;

static void
derive_request_free (DeriveRequest *request)
{
  g_object_unref (request->window);
  g_object_unref (request->source);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeriveRequest, derive_request_free)

static void
new_from_response (GtkWidget  *alert,
                   const char *response,
                   TrWindow   *self)
{
  TrReport *source = g_object_get_data (G_OBJECT (alert), "tr-source");
  GtkCheckButton *with_text = GTK_CHECK_BUTTON (tr_alert_get_extra_child (alert));
  g_autoptr(TrReport) report = NULL;

  if (!g_str_equal (response, "create") || source == NULL)
    return;
  report = tr_report_new_from (source, gtk_check_button_get_active (with_text));
  open_derived_report (self, report);
}

static void
saved_before_derive (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TrWindow *self = TR_WINDOW (source);
  g_autoptr(DeriveRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autofree char *body = NULL;
  GtkWidget *alert;
  GtkWidget *with_text;

  /* Made from what was typed, or not at all. */
  if (!_tr_window_save_finish (self, result, &error))
    {
      _tr_window_toast (self, error->message);
      return;
    }

  if (request->duplicate)
    {
      report = tr_report_duplicate (request->source);
      open_derived_report (self, report);
      return;
    }

  /* TRANSLATORS: %s is a report title */
  body = g_strdup_printf (_("A new draft with the form, the travellers and the headings of “%s”."),
                          _tr_window_report_title (request->source));
  alert = tr_alert_new (_("New Report from This Report"), body);
  with_text = gtk_check_button_new_with_mnemonic (_("Copy the _text and photos too"));
  tr_alert_set_extra_child (alert, with_text);
  tr_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  tr_alert_add_response (alert, "create", _("C_reate"), ADW_RESPONSE_SUGGESTED);
  tr_alert_set_default_response (alert, "create");
  tr_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "tr-source", g_object_ref (request->source), g_object_unref);
  g_signal_connect_object (alert, "response", G_CALLBACK (new_from_response), self, 0);
  tr_alert_present (alert, GTK_WIDGET (self));
}

static void
form_corrected (TrWindow *self)
{
  /* The same report object, its form changed: shown again. */
  tr_report_view_set_report (self->report_view, NULL);
  tr_report_view_set_report (self->report_view, self->report);
  _tr_window_reload_library (self);
}

static void
correct_form_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  TrFormDialog *dialog;

  if (self->report == NULL || self->store == NULL ||
      tr_report_get_kind (self->report) != TR_REPORT_KIND_IMPORTED)
    return;
  dialog = tr_form_dialog_new (GTK_WINDOW (self), self->store, self->report);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (form_corrected), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
derive_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  DeriveRequest *request;

  if (self->report == NULL || self->store == NULL)
    return;
  request = g_new0 (DeriveRequest, 1);
  request->window = g_object_ref (self);
  request->source = g_object_ref (self->report);
  /* Edit as Draft: an imported report's text changes in a copy of it. */
  request->duplicate = g_str_equal (action_name, "win.duplicate-report") ||
                       g_str_equal (action_name, "win.edit-as-draft");
  _tr_window_save_async (self, saved_before_derive, request);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->report_stack) == GTK_WIDGET (self->editor))
    gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.find-replace", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);

  tr_split_view_show_sidebar (self->split_view);
  tr_library_view_focus_search (self->library_view);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tr_split_view_show_sidebar (TR_WINDOW (widget)->split_view);
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
  _tr_window_set_reference (self, reference);

  /* Reading an old report is usually a step away from writing a new one:
   * go back to that draft, now with the reference beside it. */
  draft_id = g_strdup (self->last_draft_id);
  if (tr_report_get_kind (reference) != TR_REPORT_KIND_DRAFT && draft_id != NULL)
    tr_window_open_report (self, draft_id);

  gtk_paned_set_position (self->paned, gtk_widget_get_width (GTK_WIDGET (self->paned)) / 2);
}

static void
close_reference_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _tr_window_set_reference (TR_WINDOW (widget), NULL);
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

/* Deleting ------------------------------------------------------------- */

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
      _tr_window_toast (self, error->message);
      return;
    }
  _tr_window_reload_library (self);
  _tr_window_set_report (self, deleted->report);
}

static void
saved_before_delete (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TrWindow *self = TR_WINDOW (source);
  DeletedReport *deleted = user_data;
  TrReport *report = deleted->report;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *undo_toast;

  if (_tr_window_save_finish (self, result, &error))
    {
      /* Kept for Undo: the original file of an imported report. */
      if (tr_report_get_source_sha256 (report) != NULL)
        deleted->source_data = tr_report_store_load_source_data (self->store, tr_report_get_id (report), NULL);
      tr_report_store_delete (self->store, tr_report_get_id (report), &error);
    }
  if (error != NULL)
    {
      _tr_window_toast (self, error->message);
      if (self->report == NULL)
        _tr_window_set_report (self, report);
      deleted_report_free (deleted);
      return;
    }

  if (self->reference != NULL && g_str_equal (tr_report_get_id (self->reference), tr_report_get_id (report)))
    _tr_window_set_reference (self, NULL);
  if (g_strcmp0 (self->last_draft_id, tr_report_get_id (report)) == 0)
    g_clear_pointer (&self->last_draft_id, g_free);
  _tr_window_reload_library (self);
  if (self->report == NULL)
    _tr_window_show_placeholder (self);

  /* TRANSLATORS: %s is a report title */
  message = g_strdup_printf (_("“%s” deleted"), _tr_window_report_title (report));
  undo_toast = adw_toast_new (message);
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (undo_delete), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_report_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo_toast);
}

static void
delete_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrWindow *self = TR_WINDOW (widget);
  DeletedReport *deleted;

  if (self->report == NULL)
    return;

  deleted = g_new0 (DeletedReport, 1);
  deleted->window = g_object_ref (self);
  deleted->report = g_object_ref (self->report);
  /* Closed first, so that nothing more is typed into it; what was typed
   * reaches the store before the report leaves it: Undo then brings all
   * of it back, and no late autosave brings the report back by itself.
   * Deleted on purpose, an empty draft gets its Undo too. */
  _tr_window_note_draft_touched (self);
  _tr_window_set_report (self, NULL);
  _tr_window_save_async (self, saved_before_delete, deleted);
}

/* Messages, exports, imports ------------------------------------------- */

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _tr_window_toast (TR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
reload_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _tr_window_reload_library (TR_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gboolean pdf = g_str_has_suffix (action_name, "-pdf");
  gboolean review_form = g_str_has_prefix (action_name, "win.export-review-form");

  _tr_window_choose_export_file (TR_WINDOW (widget), pdf ? TR_EXPORT_FORMAT_PDF : TR_EXPORT_FORMAT_ODT,
                                 review_form);
}

static void
export_for_review_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _tr_window_choose_export_for_review_file (TR_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _tr_window_print (TR_WINDOW (widget), g_str_equal (action_name, "win.print-review-form"));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _tr_window_open_file (TR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _tr_window_choose_import_files (TR_WINDOW (widget), g_str_equal (action_name, "win.import-folder"));
}

void
_tr_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-report", NULL, new_report_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-report", NULL, derive_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-report", NULL, derive_action);
  gtk_widget_class_install_action (widget_class, "win.edit-as-draft", NULL, derive_action);
  gtk_widget_class_install_action (widget_class, "win.correct-form", NULL, correct_form_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.use-as-reference", NULL, use_as_reference_action);
  gtk_widget_class_install_action (widget_class, "win.close-reference", NULL, close_reference_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.delete-report", NULL, delete_report_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-review-form", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-for-review", NULL, export_for_review_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-review-form-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-review-form", NULL, print_action);
  /* An exported file, from the toast that says it is there (a URI). */
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  /* For the widgets inside: a message for people, a status that changed. */
  gtk_widget_class_install_action (widget_class, "win.show-message", "s", show_message_action);
  gtk_widget_class_install_action (widget_class, "win.reload-library", NULL, reload_library_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.use-as-reference", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.delete-report", NULL);
}
