/* tr-window.c
 *
 * The library on the left, the open report on the right (a draft in the
 * editor, an imported report to read), and optionally a reference beside
 * it. See tr-window-private.h for the other files of the class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-window-private.h"

G_DEFINE_FINAL_TYPE (TrWindow, tr_window, ADW_TYPE_APPLICATION_WINDOW)

void
_tr_window_toast (TrWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

const char *
_tr_window_report_title (TrReport *report)
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

  adw_window_title_set_title (self->content_title, _tr_window_report_title (self->report));
  if (tr_report_get_kind (self->report) == TR_REPORT_KIND_IMPORTED)
    /* Its title and 提要 can be corrected (Correct Title and Form), not
     * its text. */
    subtitle = _("Imported · Body Read Only");
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

void
_tr_window_update_actions (TrWindow *self)
{
  gboolean has_report = self->report != NULL;
  gboolean is_draft = has_report && tr_report_get_kind (self->report) == TR_REPORT_KIND_DRAFT;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-report", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-review-form", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-for-review", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-review-form-pdf", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-review-form", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.use-as-reference", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-panel", is_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", is_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-from-report", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-report", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.correct-form", has_report && !is_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-as-draft", has_report && !is_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-reference", self->reference != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->report_menu_button), has_report);
}

/* What the content area shows when no report is open. */
void
_tr_window_show_placeholder (TrWindow *self)
{
  gboolean empty = self->library == NULL || tr_library_model_get_total (self->library) == 0;
  gboolean listed = self->library != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->library)) > 0;

  /* Until the library is read, "welcome" is not true, and "pick a report"
   * only once a big library's first rows are listed ahead of the rest. */
  if (self->library != NULL && !tr_library_model_is_loaded (self->library) && !listed)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->content_stack, empty && !listed ? "welcome" : "no-selection");
}

/* A big library's first rows, listed before it is read whole. */
static void
library_items_changed (TrWindow *self)
{
  if (self->report == NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "loading") == 0)
    _tr_window_show_placeholder (self);
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
      _tr_window_toast (self, error->message);
      return;
    }
  tr_library_view_update_years (self->library_view);
  tr_library_view_select (self->library_view, self->report != NULL ? tr_report_get_id (self->report) : NULL);
  _tr_window_follow_page_count (self);
  if (self->report == NULL)
    _tr_window_show_placeholder (self);
}

/* Off the main thread: an autosave must not cost a hitch of reading
 * 10,000 rows, nor must the first frame wait for them. */
void
_tr_window_reload_library (TrWindow *self)
{
  if (self->library != NULL)
    tr_library_model_reload_async (self->library, library_reloaded, g_object_ref (self));
}

void
_tr_window_set_report (TrWindow *self,
                       TrReport *report)
{
  if (self->report != report)
    _tr_window_discard_untouched_draft (self);
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
      _tr_window_show_placeholder (self);
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
    tr_split_view_show_content (self->split_view);
  update_title (self);
  _tr_window_update_actions (self);
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
      tr_split_view_show_content (self->split_view);
      return TRUE;
    }

  report = tr_report_store_load (self->store, id, &error);
  if (report == NULL)
    {
      _tr_window_toast (self, error->message);
      return FALSE;
    }
  _tr_window_set_report (self, report);
  return TRUE;
}

static void
report_activated (TrLibraryView *view,
                  const char    *id,
                  TrWindow      *self)
{
  const char *query = self->library != NULL ? tr_library_model_get_query (self->library) : NULL;

  if (!tr_window_open_report (self, id) || query == NULL || query[0] == '\0')
    return;
  /* A search hit opens where the words are, marked. */
  if (tr_report_get_kind (self->report) == TR_REPORT_KIND_DRAFT)
    tr_report_editor_show_matches (self->editor, query);
  else
    tr_report_view_highlight (self->report_view, query);
}

void
_tr_window_set_reference (TrWindow *self,
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
      label = g_strdup_printf (_("Reference: %s"), _tr_window_report_title (reference));
      gtk_label_set_text (self->reference_label, label);
    }
  _tr_window_update_actions (self);
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
      _tr_window_toast (self, error->message);
      return FALSE;
    }
  _tr_window_set_reference (self, reference);
  return TRUE;
}

static void
save_state_changed (TrWindow *self)
{
  TrSaveState state = tr_report_editor_get_save_state (self->editor);

  update_title (self);
  if (state != TR_SAVE_STATE_SAVED)
    _tr_window_note_draft_touched (self);
  if (state == TR_SAVE_STATE_SAVED)
    _tr_window_reload_library (self);
  else if (state == TR_SAVE_STATE_FAILED)
    _tr_window_toast (self, tr_report_editor_get_save_error (self->editor));
}

static void
editor_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!tr_report_editor_save_finish (TR_REPORT_EDITOR (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
_tr_window_save_async (TrWindow            *self,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, _tr_window_save_async);
  if (self->editor == NULL)
    g_task_return_boolean (task, TRUE);
  else
    tr_report_editor_save_async (self->editor, NULL, editor_saved, g_steal_pointer (&task));
}

gboolean
_tr_window_save_finish (TrWindow      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
tr_window_close_request (GtkWindow *window)
{
  TrWindow *self = TR_WINDOW (window);

  if (!_tr_window_ready_to_close (self))
    return TRUE;
  _tr_window_discard_untouched_draft (self);
  _tr_window_store_state (self);
  return GTK_WINDOW_CLASS (tr_window_parent_class)->close_request (window);
}

static void
tr_window_dispose (GObject *object)
{
  TrWindow *self = TR_WINDOW (object);

  g_clear_object (&self->report);
  g_clear_object (&self->reference);
  g_clear_object (&self->library_monitor);
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
  g_clear_object (&self->identity);
  g_clear_object (&self->untouched_draft);
  g_clear_object (&self->print_settings);
  g_free (self->last_draft_id);
  g_free (self->untouched_draft_id);

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

  g_type_ensure (TR_TYPE_SPLIT_VIEW);
  g_type_ensure (TR_TYPE_LIBRARY_VIEW);
  g_type_ensure (TR_TYPE_REPORT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TripReports/tr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, split_view);
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

  _tr_window_class_actions_init (widget_class);
}

static void
tr_window_init (TrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
#ifdef DEVELOPMENT_BUILD
  /* libadwaita stripes the header bars of a development build. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  _tr_window_dnd_init (self);
  tr_split_view_set_header_bars (self->split_view, tr_library_view_get_header_bar (self->library_view),
                                 self->content_header, GTK_WIDGET (self->back_button));
  g_signal_connect_object (self->library_view, "report-activated", G_CALLBACK (report_activated), self, 0);
}

static void
first_frame_painted (GdkFrameClock *clock,
                     TrWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, self);
  _tr_window_reload_library (self);
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
  _tr_window_init_export (self);
  self->identity = tr_identity_new ();
  if (settings != NULL)
    {
      static const char * const keys[][2] = {
        { "identity-name", "name" },
        { "identity-title", "title" },
        { "identity-unit", "unit" },
        { "identity-phone", "phone" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        g_settings_bind (settings, keys[i][0], self->identity, keys[i][1], G_SETTINGS_BIND_DEFAULT);
    }

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       store_error != NULL ? store_error->message : NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->library_view), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-report", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", FALSE);
      _tr_window_update_actions (self);
      _tr_window_restore_state (self);
      return self;
    }

  self->store = g_object_ref (store);
  self->library = tr_library_model_new (store);
  g_signal_connect_object (self->library, "items-changed", G_CALLBACK (library_items_changed),
                           self, G_CONNECT_SWAPPED);
  tr_library_view_set_model (self->library_view, self->library);
  /* The command line, or another copy of the app, may write the library
   * while this window shows it. */
  self->library_monitor = tr_library_monitor_new (store);
  g_signal_connect_object (self->library_monitor, "changed", G_CALLBACK (_tr_window_reload_library), self,
                           G_CONNECT_SWAPPED);

  self->editor = TR_REPORT_EDITOR (tr_report_editor_new (store));
  g_object_set (self->editor, "identity", self->identity, NULL);
  gtk_stack_add_named (self->report_stack, GTK_WIDGET (self->editor), "editor");
  g_signal_connect_object (self->editor, "notify::save-state", G_CALLBACK (save_state_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::report", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);

  /* The window shows first; the library fills it right after. */
  g_signal_connect (self, "map", G_CALLBACK (load_after_first_frame), NULL);
  _tr_window_show_placeholder (self);
  _tr_window_update_actions (self);
  _tr_window_restore_state (self);
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
