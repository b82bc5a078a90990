/* tr-report-editor.c
 *
 * Autosave: every change (a keystroke in a section, a field, a traveller)
 * restarts a short timer; when it fires, the texts that changed are copied
 * into the report and a snapshot is written off the main thread. Long
 * sections are only copied out of their buffers when they changed, so
 * typing in a 200-page draft stays smooth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-error.h"
#include "tr-identity.h"

#include "tr-body-blocks.h"
#include "tr-body-section-editor.h"
#include "tr-widget-util.h"
#include "tr-completeness.h"
#include "tr-find-bar.h"
#include "tr-form-editor.h"
#include "tr-photo-grid.h"
#include "tr-photo-grid-private.h"
#include "tr-report-editor.h"
#include "tr-report-editor-private.h"
#include "tr-summary-editor.h"
#include "review/tr-comments-panel.h"
#include "review/tr-review-bar.h"
#include "review/tr-review-form.h"
#include "tr-alert.h"
#include "tr-preferences-dialog.h"

struct _TrReportEditor
{
  GtkWidget parent_instance;

  TrReportStore *store;
  TrReport *report;
  /* Who is writing: the author of new comments and the 出國人 of the form. */
  TrIdentity *identity;

  /* Editors of the long texts, by TrField; NULL for the form's fields. */
  TrSectionEditor *text_editors[TR_N_FIELDS];
  /* The tables of the fields that may hold some, under their text. */
  TrBodyBlocks *blocks[TR_N_FIELDS];
  /* Bit per TrField whose editor holds text the report does not have yet. */
  guint32 dirty_texts;
  gboolean loading;

  guint save_timeout_id;
  guint saves_in_flight;
  TrSaveState save_state;
  char *save_error;
  GCancellable *cancellable;
  /* GTasks of save_async(), done when no save is in flight. */
  GPtrArray *save_waiters;

  GListStore *problems;
  /* TrComment, as stored; highlighted in the body sections. */
  GPtrArray *comments;
  TrReviewBar *review_bar;
  TrCommentsPanel *comments_panel;

  TrFindBar *find_bar;
  GtkScrolledWindow *scroller;
  GtkBox *parts_box;
  GtkLabel *form_heading;
  TrFormEditor *form_editor;
  TrPhotoGrid *photo_grid;
  GtkRevealer *panel_revealer;
  GtkListBox *outline_list;
  GtkLabel *problems_heading;
  GtkListBox *problem_list;
  GtkBox *review_box;
  GtkBox *comments_box;
};

G_DEFINE_FINAL_TYPE (TrReportEditor, tr_report_editor, GTK_TYPE_WIDGET)

G_STATIC_ASSERT (TR_N_FIELDS <= 32);

enum {
  PROP_0,
  PROP_STORE,
  PROP_REPORT,
  PROP_SAVE_STATE,
  PROP_PANEL_VISIBLE,
  PROP_IDENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_save (TrReportEditor *self);
static void reload_comments (TrReportEditor *self);
static void store_comment_anchors (TrReportEditor *self);
static void clear_comment_marks (TrReportEditor *self);
static void highlight_comments (TrReportEditor *self);
static void update_editable (TrReportEditor *self);
static void setup_find (TrReportEditor *self);

static void
set_save_state (TrReportEditor *self,
                TrSaveState     state,
                const char     *error_message)
{
  g_free (self->save_error);
  self->save_error = g_strdup (error_message);
  if (self->save_state == state)
    return;
  self->save_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_STATE]);
}

static gboolean
problem_equal (TrProblem *a,
               TrProblem *b)
{
  return tr_problem_get_kind (a) == tr_problem_get_kind (b) &&
         tr_problem_get_offset (a) == tr_problem_get_offset (b) &&
         g_strcmp0 (tr_problem_get_target (a), tr_problem_get_target (b)) == 0 &&
         g_strcmp0 (tr_problem_get_message (a), tr_problem_get_message (b)) == 0;
}

/* Only the problems that changed: the panel's other rows stay as they are,
 * not built, styled and laid out again after every autosave while the
 * user types, nor when the next report has the same ones. */
static void
replace_problems (TrReportEditor *self,
                  GPtrArray      *problems)
{
  GListModel *model = G_LIST_MODEL (self->problems);
  guint old_count = g_list_model_get_n_items (model);
  guint same_start = 0, same_end = 0;

  while (same_start < MIN (old_count, problems->len))
    {
      g_autoptr(TrProblem) old = g_list_model_get_item (model, same_start);

      if (!problem_equal (old, problems->pdata[same_start]))
        break;
      same_start++;
    }
  while (same_end < MIN (old_count, problems->len) - same_start)
    {
      g_autoptr(TrProblem) old = g_list_model_get_item (model, old_count - 1 - same_end);

      if (!problem_equal (old, problems->pdata[problems->len - 1 - same_end]))
        break;
      same_end++;
    }
  if (same_start == old_count && same_start == problems->len)
    return;
  g_list_store_splice (self->problems, same_start, old_count - same_start - same_end,
                       problems->pdata + same_start, problems->len - same_start - same_end);
}

static void
update_problems (TrReportEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *heading = NULL;
  TrReviewStatus status = self->review_bar != NULL ? tr_review_bar_get_status (self->review_bar)
                                                   : TR_REVIEW_STATUS_DRAFT;

  if (self->report == NULL)
    {
      g_list_store_remove_all (self->problems);
      return;
    }

  problems = tr_completeness_check (self->report, NULL);
  replace_problems (self, problems);

  /* Once handed in, the question is no longer whether it can be. */
  if (status == TR_REVIEW_STATUS_SUBMITTED)
    heading = g_strdup (_("Submitted for Review"));
  else if (status == TR_REVIEW_STATUS_APPROVED)
    heading = g_strdup (_("Approved"));
  else if (problems->len == 0)
    heading = g_strdup (_("Ready to Submit"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Thing to Fix", "%u Things to Fix",
                                            problems->len),
                               problems->len);
  gtk_label_set_text (self->problems_heading, heading);
}

/* Copies the long texts that changed into the report. */
static void
pull_texts (TrReportEditor *self)
{
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autofree char *text = NULL;

      if ((self->dirty_texts & (1u << f)) == 0 || self->text_editors[f] == NULL)
        continue;
      self->loading = TRUE;
      /* Text and tables: setting the text alone would flatten the tables. */
      if (self->blocks[f] != NULL)
        {
          g_autoptr(TrBody) body = tr_body_blocks_dup_body (self->blocks[f]);

          tr_body_replace (tr_report_get_body (self->report, f), body);
        }
      else
        {
          text = tr_section_editor_dup_text (self->text_editors[f]);
          tr_report_set_text (self->report, f, text);
        }
      self->loading = FALSE;
    }
  self->dirty_texts = 0;
}

/* Tells those waiting in save_async() how the saves they waited for went. */
static void
finish_waiters (TrReportEditor *self)
{
  g_autoptr(GPtrArray) waiters = NULL;

  if (self->saves_in_flight > 0 || self->save_waiters->len == 0)
    return;
  waiters = g_steal_pointer (&self->save_waiters);
  self->save_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (self->save_state == TR_SAVE_STATE_FAILED)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", self->save_error);
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
save_finished (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TrReportEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saves_in_flight--;

  if (!tr_report_store_save_finish (TR_REPORT_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          finish_waiters (self);
          return;
        }
      /* Not a warning: the title bar and a toast tell the user. */
      g_debug ("Autosave failed: %s", error->message);
      set_save_state (self, TR_SAVE_STATE_FAILED, error->message);
      /* Keep trying: the disk may have room again, the lock may be gone. */
      self->dirty_texts |= 1u << TR_FIELD_TITLE;
      schedule_save (self);
      finish_waiters (self);
      return;
    }

  if (self->saves_in_flight == 0 && self->save_timeout_id == 0)
    set_save_state (self, TR_SAVE_STATE_SAVED, NULL);
  update_problems (self);
  /* Only when the file holds what the buffers show. */
  if (self->saves_in_flight == 0 && self->save_timeout_id == 0 && self->dirty_texts == 0)
    store_comment_anchors (self);
  finish_waiters (self);
}

static void
start_save (TrReportEditor *self)
{
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (self->report == NULL)
    return;

  pull_texts (self);
  self->saves_in_flight++;
  set_save_state (self, TR_SAVE_STATE_SAVING, NULL);
  tr_report_store_save_async (self->store, self->report, self->cancellable,
                              save_finished, g_object_ref (self));
}

static gboolean
save_timeout (gpointer user_data)
{
  TrReportEditor *self = user_data;

  self->save_timeout_id = 0;
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (TrReportEditor *self)
{
  if (self->loading || self->report == NULL)
    return;

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (self->save_state == TR_SAVE_STATE_FAILED ? 5000
                                                                                  : TR_AUTOSAVE_DELAY_MS,
                                         save_timeout, self);
  if (self->save_state != TR_SAVE_STATE_FAILED)
    set_save_state (self, TR_SAVE_STATE_UNSAVED, NULL);
}

/* @editor: a section's editor, or its TrBodyBlocks. */
static void
text_editor_changed (GObject         *editor,
                     TrReportEditor  *self)
{
  TrField field = GPOINTER_TO_UINT (g_object_get_data (editor, "tr-field"));

  if (self->loading)
    return;
  self->dirty_texts |= 1u << field;
  schedule_save (self);
}

static void
report_notify (TrReport       *report,
               GParamSpec     *pspec,
               TrReportEditor *self)
{
  /* The store sets the modified time; that is not a change to save. */
  if (g_str_equal (pspec->name, "modified"))
    return;
  schedule_save (self);
}

static void
traveller_notify (TrReportEditor *self)
{
  schedule_save (self);
}

static void
travellers_changed (GListModel     *travellers,
                    guint           position,
                    guint           removed,
                    guint           added,
                    TrReportEditor *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      g_signal_handlers_disconnect_by_func (traveller, traveller_notify, self);
      g_signal_connect_object (traveller, "notify", G_CALLBACK (traveller_notify), self,
                               G_CONNECT_SWAPPED);
    }
  schedule_save (self);
}

/* A caption typed, a photo added, moved or removed: saved like text. The
 * store writes a photo's bytes only once. */
static void
photo_notify (TrReportEditor *self)
{
  schedule_save (self);
}

static void
photos_changed (GListModel     *photos,
                guint           position,
                guint           removed,
                guint           added,
                TrReportEditor *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_signal_handlers_disconnect_by_func (photo, photo_notify, self);
      g_signal_connect_object (photo, "notify::caption", G_CALLBACK (photo_notify), self,
                               G_CONNECT_SWAPPED);
    }
  schedule_save (self);
}

static void
disconnect_report (TrReportEditor *self)
{
  GListModel *travellers;
  GListModel *photos;

  if (self->report == NULL)
    return;

  photos = G_LIST_MODEL (tr_report_get_photos (self->report));
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_signal_handlers_disconnect_by_func (photo, photo_notify, self);
    }
  g_signal_handlers_disconnect_by_data (photos, self);

  travellers = G_LIST_MODEL (tr_report_get_travellers (self->report));
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      g_signal_handlers_disconnect_by_func (traveller, traveller_notify, self);
    }
  g_signal_handlers_disconnect_by_data (travellers, self);
  g_signal_handlers_disconnect_by_data (self->report, self);
}

void
tr_report_editor_set_report (TrReportEditor *self,
                             TrReport       *report)
{
  g_return_if_fail (TR_IS_REPORT_EDITOR (self));
  g_return_if_fail (report == NULL || TR_IS_REPORT (report));

  if (self->report == report)
    return;

  /* Whatever was typed into the previous report goes to the store first. */
  if (self->report != NULL && (self->save_timeout_id != 0 || self->dirty_texts != 0))
    start_save (self);

  disconnect_report (self);
  g_set_object (&self->report, report);

  self->loading = TRUE;
  tr_form_editor_set_report (self->form_editor, report);
  tr_photo_grid_set_report (self->photo_grid, report);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (self->blocks[f] != NULL)
      tr_body_blocks_load (self->blocks[f], report != NULL ? tr_report_get_body (report, f) : NULL);
    else if (self->text_editors[f] != NULL)
      tr_section_editor_set_text (self->text_editors[f],
                                  report != NULL ? tr_report_get_text (report, f) : "");
  self->dirty_texts = 0;
  self->loading = FALSE;

  if (report != NULL)
    {
      GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));

      g_signal_connect_object (report, "notify", G_CALLBACK (report_notify), self, 0);
      g_signal_connect_object (travellers, "items-changed", G_CALLBACK (travellers_changed), self, 0);
      self->loading = TRUE;
      travellers_changed (travellers, 0, 0, g_list_model_get_n_items (travellers), self);
      self->loading = FALSE;

      {
        GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));

        g_signal_connect_object (photos, "items-changed", G_CALLBACK (photos_changed), self, 0);
        self->loading = TRUE;
        photos_changed (photos, 0, 0, g_list_model_get_n_items (photos), self);
        self->loading = FALSE;
      }
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }

  if (self->saves_in_flight == 0)
    set_save_state (self, TR_SAVE_STATE_SAVED, NULL);
  tr_review_bar_set_report (self->review_bar, report);
  update_problems (self);
  update_editable (self);
  reload_comments (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

void
tr_report_editor_save_async (TrReportEditor      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TR_IS_REPORT_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tr_report_editor_save_async);

  /* A failed save is retried now rather than when its timer says. */
  if (self->report != NULL &&
      (self->save_timeout_id != 0 || self->dirty_texts != 0 || self->save_state == TR_SAVE_STATE_FAILED))
    start_save (self);

  if (self->saves_in_flight == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_ptr_array_add (self->save_waiters, g_steal_pointer (&task));
}

gboolean
tr_report_editor_save_finish (TrReportEditor  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tr_report_editor_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
scroll_to_top_of (TrReportEditor *self,
                  GtkWidget      *part)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t point;

  if (gtk_widget_compute_point (part, GTK_WIDGET (self->parts_box),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y - 12);
}

void
tr_report_editor_focus_target (TrReportEditor *self,
                               const char     *target,
                               gssize          offset)
{
  TrField field;

  g_return_if_fail (TR_IS_REPORT_EDITOR (self));

  if (tr_field_from_key (target, &field) && self->text_editors[field] != NULL)
    {
      /* A problem after a table is in a text, cell or caption of its own. */
      if (self->blocks[field] != NULL)
        tr_body_blocks_focus_at (self->blocks[field], offset);
      else
        tr_section_editor_focus_at (self->text_editors[field], offset);
      /* From the outline: the section from its heading down, as a reader
       * turning to it expects, not just its first line at the bottom edge. */
      if (offset < 0)
        scroll_to_top_of (self, GTK_WIDGET (self->text_editors[field]));
    }
  else if (g_str_equal (target, "photos"))
    {
      /* A photo's caption (from the completeness panel), else the grid. */
      GtkWidget *row = offset >= 0 ? tr_photo_grid_get_row (self->photo_grid, offset) : NULL;

      if (row == NULL || !gtk_widget_grab_focus (row))
        gtk_widget_child_focus (GTK_WIDGET (self->photo_grid), GTK_DIR_TAB_FORWARD);
      /* The whole grid in view, not just its button at the bottom edge. */
      scroll_to_top_of (self, GTK_WIDGET (self->photo_grid));
    }
  else
    tr_form_editor_focus_target (self->form_editor, target);
}

static void
outline_row_activated (GtkListBox     *list,
                       GtkListBoxRow  *row,
                       TrReportEditor *self)
{
  const char *target = g_object_get_data (G_OBJECT (row), "tr-target");

  tr_report_editor_focus_target (self, target, -1);
}

static void
problem_row_activated (GtkListBox     *list,
                       GtkListBoxRow  *row,
                       TrReportEditor *self)
{
  g_autoptr(TrProblem) problem =
    g_list_model_get_item (G_LIST_MODEL (self->problems), gtk_list_box_row_get_index (row));

  if (problem != NULL)
    tr_report_editor_focus_target (self, tr_problem_get_target (problem),
                                   tr_problem_get_offset (problem));
}

static GtkWidget *
create_problem_row (gpointer item,
                    gpointer user_data)
{
  TrProblem *problem = item;
  GtkWidget *label = gtk_label_new (tr_problem_get_message (problem));
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
add_outline_row (TrReportEditor *self,
                 const char     *label,
                 const char     *target)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
  g_object_set_data_full (G_OBJECT (row), "tr-target", g_strdup (target), g_free);
  gtk_list_box_append (self->outline_list, row);
}

/* The texts after the tables are new: their comments are marked again. */
static void
blocks_rebuilt (TrReportEditor *self)
{
  if (self->loading || self->comments == NULL)
    return;
  clear_comment_marks (self);
  highlight_comments (self);
}

static void
add_text_editor (TrReportEditor  *self,
                 TrField          field,
                 GtkWidget       *editor)
{
  self->text_editors[field] = TR_SECTION_EDITOR (editor);
  g_object_set_data (G_OBJECT (editor), "tr-field", GUINT_TO_POINTER (field));
  g_signal_connect_object (editor, "changed", G_CALLBACK (text_editor_changed), self, 0);
  if (tr_field_holds_tables (field))
    {
      self->blocks[field] = TR_BODY_BLOCKS (tr_body_blocks_new (TR_SECTION_EDITOR (editor)));
      /* Saved as the section's text is. */
      g_object_set_data (G_OBJECT (self->blocks[field]), "tr-field", GUINT_TO_POINTER (field));
      g_signal_connect_object (self->blocks[field], "changed", G_CALLBACK (text_editor_changed), self, 0);
      g_signal_connect_object (self->blocks[field], "texts-changed", G_CALLBACK (setup_find), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->blocks[field], "texts-changed", G_CALLBACK (blocks_rebuilt), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_box_append (self->parts_box, editor);
  add_outline_row (self, tr_section_editor_get_heading (TR_SECTION_EDITOR (editor)),
                   tr_field_get_key (field));
}

/* Review: comments on passages ------------------------------------------ */

#define COMMENT_TAG "tr-comment"

static TrSectionEditor *
section_editor (TrReportEditor *self,
                TrSection       section)
{
  return self->text_editors[TR_FIELD_FROM_SECTION (section)];
}

static void
clear_comment_marks (TrReportEditor *self)
{
  for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
    {
      TrComment *comment = self->comments->pdata[i];
      GtkTextMark *start = g_object_get_data (G_OBJECT (comment), "tr-start");
      GtkTextMark *end = g_object_get_data (G_OBJECT (comment), "tr-end");

      if (start != NULL && !gtk_text_mark_get_deleted (start))
        gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (start), start);
      if (end != NULL && !gtk_text_mark_get_deleted (end))
        gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (end), end);
      g_object_set_data (G_OBJECT (comment), "tr-start", NULL);
      g_object_set_data (G_OBJECT (comment), "tr-end", NULL);
    }
}

/* The texts of a section a comment may be on, in order: its first text,
 * then each table's cells and the text after it. */
static GPtrArray *
section_views (TrReportEditor *self,
               TrSection       section)
{
  GPtrArray *views = g_ptr_array_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  g_ptr_array_add (views, tr_section_editor_get_text_view (section_editor (self, section)));
  tr_body_blocks_append_texts (self->blocks[TR_FIELD_FROM_SECTION (section)], texts);
  /* Not the captions: a comment on one would not be told from the
   * caption's number in the export. */
  for (guint i = 0; i < texts->len; i++)
    if (GTK_IS_TEXT_VIEW (texts->pdata[i]))
      g_ptr_array_add (views, texts->pdata[i]);
  return views;
}

/* Cells have tag tables of their own. */
static void
ensure_comment_tag (GtkTextBuffer *buffer)
{
  if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), COMMENT_TAG) == NULL)
    gtk_text_buffer_create_tag (buffer, COMMENT_TAG,
                                "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.35 },
                                NULL);
}

/* Where the passage @from–@to, in characters of the section's plain text
 * @body (which comments count in, as the export does), is shown: in the
 * section's first text, a text after a table or a cell. FALSE for one in
 * a caption, which is not marked. */
static gboolean
find_passage (TrReportEditor *self,
              TrSection       section,
              TrBody         *body,
              guint           from,
              guint           to,
              GtkTextView   **out_view,
              GtkTextIter    *out_start,
              GtkTextIter    *out_end)
{
  TrBodyBlocks *blocks = self->blocks[TR_FIELD_FROM_SECTION (section)];
  const char *text = tr_body_get_plain_text (body);
  const char *part_text;
  GtkTextBuffer *buffer;
  TrBodyPart part;
  guint index, row, column;
  gsize offset;
  glong start;

  if (!tr_body_locate (body, g_utf8_offset_to_pointer (text, from) - text, &part, &index, &row, &column, &offset))
    return FALSE;
  switch (part)
    {
    case TR_BODY_PART_RUN:
      part_text = tr_body_get_text_run (body, index);
      *out_view = index == 0 ? tr_section_editor_get_text_view (section_editor (self, section))
                             : tr_body_blocks_get_run_view (blocks, index);
      break;
    case TR_BODY_PART_CELL:
      part_text = tr_table_get_cell (tr_body_get_table (body, index), row, column);
      *out_view = tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, index), row, column);
      break;
    case TR_BODY_PART_CAPTION:
    default:
      return FALSE;
    }
  buffer = gtk_text_view_get_buffer (*out_view);
  start = g_utf8_pointer_to_offset (part_text, part_text + offset);
  gtk_text_buffer_get_iter_at_offset (buffer, out_start, start);
  /* Within its text: a passage that ran on past a cell's end stops there. */
  gtk_text_buffer_get_iter_at_offset (buffer, out_end, start + (to - from));
  return TRUE;
}

/* Marks the passages of the open comments in the section texts, with a
 * pair of marks each that follow the passage as the text is edited:
 * what is typed just before or after it stays outside. */
static void
highlight_comments (TrReportEditor *self)
{
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      TrBodyBlocks *blocks = self->blocks[TR_FIELD_FROM_SECTION (s)];
      g_autoptr(TrBody) body = NULL;
      const char *text;

      /* The passages are found in the whole text. */
      for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
        if (tr_comment_get_section (self->comments->pdata[i]) == s &&
            !tr_comment_get_resolved (self->comments->pdata[i]))
          {
            tr_section_editor_finish_loading (section_editor (self, s));
            break;
          }
      {
        g_autoptr(GPtrArray) views = section_views (self, s);

        for (guint i = 0; i < views->len; i++)
          {
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (views->pdata[i]);
            GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), COMMENT_TAG);
            GtkTextIter start, end;

            if (tag == NULL)
              continue;
            gtk_text_buffer_get_bounds (buffer, &start, &end);
            gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
          }
      }
      body = tr_body_blocks_dup_body (blocks);
      text = tr_body_get_plain_text (body);

      for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
        {
          TrComment *comment = self->comments->pdata[i];
          GtkTextBuffer *buffer;
          GtkTextView *view;
          GtkTextIter start, end;
          guint from, to;

          if (tr_comment_get_section (comment) != s || tr_comment_get_resolved (comment))
            continue;
          tr_comment_anchor (comment, text, &from, &to);
          if (!find_passage (self, s, body, from, to, &view, &start, &end))
            continue;
          buffer = gtk_text_view_get_buffer (view);
          ensure_comment_tag (buffer);
          gtk_text_buffer_apply_tag_by_name (buffer, COMMENT_TAG, &start, &end);
          /* Held: a text after a table, or a cell, goes when the tables
           * change. */
          g_object_set_data_full (G_OBJECT (comment), "tr-start",
                                  g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &start, FALSE)),
                                  g_object_unref);
          g_object_set_data_full (G_OBJECT (comment), "tr-end",
                                  g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &end, TRUE)),
                                  g_object_unref);
        }
    }
}

/* After a save: the stored passages follow the edits, so that the export
 * and other windows find them where they are now. */
static void
store_comment_anchors (TrReportEditor *self)
{
  for (guint i = 0; self->comments != NULL && i < self->comments->len; i++)
    {
      TrComment *comment = self->comments->pdata[i];
      GtkTextMark *start_mark = g_object_get_data (G_OBJECT (comment), "tr-start");
      GtkTextMark *end_mark = g_object_get_data (G_OBJECT (comment), "tr-end");
      g_autoptr(GError) error = NULL;
      g_autofree char *quote = NULL;
      GtkTextBuffer *buffer;
      GtkTextIter start, end;
      guint run_start = 0, from, to;

      if (start_mark == NULL || end_mark == NULL || gtk_text_mark_get_deleted (start_mark) ||
          gtk_text_mark_get_deleted (end_mark))
        continue;
      buffer = gtk_text_mark_get_buffer (start_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
      /* A passage deleted whole keeps its old quote: nothing to point at. */
      if (gtk_text_iter_compare (&start, &end) >= 0)
        continue;
      /* After a table or in a cell: counted from the start of the
       * section's plain text. */
      if (buffer != tr_section_editor_get_buffer (section_editor (self, tr_comment_get_section (comment))))
        {
          TrBodyBlocks *blocks = self->blocks[TR_FIELD_FROM_SECTION (tr_comment_get_section (comment))];
          g_autoptr(TrBody) body = tr_body_blocks_dup_body (blocks);
          const char *text = tr_body_get_plain_text (body);
          gsize offset;

          if (!tr_body_blocks_get_text_start (blocks, buffer, body, &offset))
            continue;
          run_start = g_utf8_pointer_to_offset (text, text + offset);
        }
      from = run_start + gtk_text_iter_get_offset (&start);
      to = run_start + gtk_text_iter_get_offset (&end);
      quote = gtk_text_iter_get_text (&start, &end);
      if (from == tr_comment_get_start (comment) && to == tr_comment_get_end (comment) &&
          g_str_equal (quote, tr_comment_get_quote (comment)))
        continue;
      if (!tr_report_store_move_comment (self->store, tr_comment_get_id (comment), from, to, quote, &error))
        {
          g_warning ("%s", error->message);
          continue;
        }
      tr_comment_set_range (comment, from, to);
      tr_comment_set_quote (comment, quote);
    }
}

static void
reload_comments (TrReportEditor *self)
{
  g_autoptr(GError) error = NULL;

  clear_comment_marks (self);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  if (self->report != NULL)
    self->comments = tr_report_store_list_comments (self->store, tr_report_get_id (self->report), &error);
  /* A new draft is stored at its first save: until then it has none. */
  if (error != NULL && !g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
    g_warning ("%s", error->message);
  if (self->comments == NULL)
    self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  tr_comments_panel_set_comments (self->comments_panel, self->comments);
  highlight_comments (self);
}

/* The body section whose selection a comment is about, and where in its
 * plain text it is (characters): the selection in the text or cell in
 * focus, else the first one. */
static gboolean
find_selection (TrReportEditor *self,
                TrSection      *out_section,
                guint          *out_from,
                guint          *out_to,
                char          **out_quote)
{
  for (int pass = 0; pass < 2; pass++)
    for (guint s = 0; s < TR_N_SECTIONS; s++)
      {
        g_autoptr(GPtrArray) views = section_views (self, s);

        for (guint i = 0; i < views->len; i++)
          {
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (views->pdata[i]);
            TrBodyBlocks *blocks = self->blocks[TR_FIELD_FROM_SECTION (s)];
            g_autoptr(TrBody) body = NULL;
            GtkTextIter start, end;
            const char *text;
            gsize offset;
            guint text_start;

            if ((pass == 0 && !gtk_widget_has_focus (views->pdata[i])) ||
                !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
              continue;
            tr_section_editor_finish_loading (section_editor (self, s));
            body = tr_body_blocks_dup_body (blocks);
            text = tr_body_get_plain_text (body);
            if (!tr_body_blocks_get_text_start (blocks, buffer, body, &offset))
              continue;
            text_start = g_utf8_pointer_to_offset (text, text + offset);
            *out_section = s;
            *out_from = text_start + gtk_text_iter_get_offset (&start);
            *out_to = text_start + gtk_text_iter_get_offset (&end);
            *out_quote = gtk_text_iter_get_text (&start, &end);
            return TRUE;
          }
      }
  return FALSE;
}

typedef struct {
  TrReport *report;
  TrSection section;
  guint from;
  guint to;
  char *quote;
  char *body;
} NewComment;

static void
new_comment_free (NewComment *comment)
{
  g_object_unref (comment->report);
  g_free (comment->quote);
  g_free (comment->body);
  g_free (comment);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewComment, new_comment_free)

static void
comment_text_saved (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TrReportEditor *self = TR_REPORT_EDITOR (source);
  g_autoptr(NewComment) new_comment = user_data;
  g_autoptr(TrComment) comment = NULL;
  g_autoptr(GError) error = NULL;

  if (!tr_report_editor_save_finish (self, result, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }
  comment = tr_comment_new (new_comment->section, new_comment->from, new_comment->to,
                            new_comment->quote, new_comment->body,
                            tr_identity_get_author (self->identity, g_get_real_name ()));
  if (!tr_report_store_add_comment (self->store, tr_report_get_id (new_comment->report), comment, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }
  if (self->report == new_comment->report)
    reload_comments (self);
}

/* Comments on the passage selected in a body section (the focused one,
 * or else the first with a selection). */
static void
add_comment (TrReportEditor *self,
             const char     *body)
{
  NewComment *new_comment;
  g_autofree char *quote = NULL;
  TrSection section;
  guint from, to;

  if (self->report == NULL || !find_selection (self, &section, &from, &to, &quote))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s",
                                  _("Select the passage to comment on in 目的, 過程, 心得 or 建議"));
      return;
    }
  new_comment = g_new0 (NewComment, 1);
  new_comment->report = g_object_ref (self->report);
  new_comment->section = section;
  new_comment->from = from;
  new_comment->to = to;
  new_comment->quote = g_steal_pointer (&quote);
  new_comment->body = g_strdup (body);
  /* The comment points into the text as it is now: that text is stored
   * first (the save takes it from the buffers right away). */
  tr_report_editor_save_async (self, NULL, comment_text_saved, new_comment);
}

static void
comment_response (GtkWidget      *alert,
                  const char     *response,
                  TrReportEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (tr_alert_get_extra_child (alert));
  g_autofree char *body = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "comment") && body[0] != '\0')
    add_comment (self, body);
}

static void
comment_text_changed (GtkEditable *entry,
                      GtkWidget   *alert)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  tr_alert_set_response_enabled (alert, "comment", text[0] != '\0');
}

static void
add_comment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrReportEditor *self = TR_REPORT_EDITOR (widget);
  GtkWidget *alert;
  GtkWidget *entry;
  TrSection section;
  guint from, to;
  g_autofree char *quote = NULL;
  g_autofree char *body = NULL;

  if (self->report == NULL || !find_selection (self, &section, &from, &to, &quote))
    {
      gtk_widget_activate_action (widget, "win.show-message", "s",
                                  _("Select the passage to comment on in 目的, 過程, 心得 or 建議"));
      return;
    }

  /* TRANSLATORS: %s is a section heading (目的…), then the passage quoted */
  body = g_strdup_printf (_("On %s: 「%s」"), tr_section_get_heading (section), quote);
  alert = tr_alert_new (_("Add Comment"), body);
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "comment_entry");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What should change here?"));
  tr_alert_set_extra_child (alert, entry);
  tr_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  tr_alert_add_response (alert, "comment", _("Co_mment"), ADW_RESPONSE_SUGGESTED);
  tr_alert_set_default_response (alert, "comment");
  tr_alert_set_close_response (alert, "cancel");
  tr_alert_set_response_enabled (alert, "comment", FALSE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (comment_text_changed), alert, 0);
  g_signal_connect_object (alert, "response", G_CALLBACK (comment_response), self, 0);
  tr_alert_present (alert, widget);
}

static void
comment_activated (TrCommentsPanel *panel,
                   TrComment       *comment,
                   TrReportEditor  *self)
{
  TrSection section = tr_comment_get_section (comment);
  TrSectionEditor *editor = section_editor (self, section);
  TrBodyBlocks *blocks = self->blocks[TR_FIELD_FROM_SECTION (section)];
  GtkTextView *view;
  GtkTextIter start, end;
  g_autoptr(TrBody) body = NULL;
  const char *text;
  guint from, to;

  tr_section_editor_finish_loading (editor);
  body = tr_body_blocks_dup_body (blocks);
  text = tr_body_get_plain_text (body);
  tr_comment_anchor (comment, text, &from, &to);
  /* In a caption: the caption, without a selection. */
  if (!find_passage (self, section, body, from, to, &view, &start, &end))
    {
      tr_body_blocks_focus_at (blocks, g_utf8_offset_to_pointer (text, from) - text);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (view), &start, &end);
  gtk_text_view_scroll_to_iter (view, &start, 0.2, FALSE, 0, 0);
}

static void
comment_resolved (TrCommentsPanel *panel,
                  TrComment       *comment,
                  gboolean         resolved,
                  TrReportEditor  *self)
{
  g_autoptr(GError) error = NULL;

  if (!tr_report_store_set_comment_resolved (self->store, tr_comment_get_id (comment), resolved, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
  reload_comments (self);
}

static void
comment_deleted (TrCommentsPanel *panel,
                 TrComment       *comment,
                 TrReportEditor  *self)
{
  g_autoptr(GError) error = NULL;

  if (!tr_report_store_delete_comment (self->store, tr_comment_get_id (comment), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
  reload_comments (self);
}

static void
review_form_text_saved (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  TrReportEditor *self = TR_REPORT_EDITOR (source);
  g_autoptr(TrReport) report = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (!tr_report_editor_save_finish (self, result, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }
  dialog = tr_preferences_dialog_new (_("Review Form"),
                                      ADW_PREFERENCES_PAGE (tr_review_form_new (self->store, report, self->identity)));
  tr_preferences_dialog_present (dialog, GTK_WIDGET (self));
}

static void
review_form_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrReportEditor *self = TR_REPORT_EDITOR (widget);

  if (self->report == NULL)
    return;
  /* Items 1 and 2 are worked out from the report: with what was just typed. */
  tr_report_editor_save_async (self, NULL, review_form_text_saved, g_object_ref (self->report));
}

/* In review (送審) and once approved (核定) the report is what was handed
 * in: it can be read, selected and commented on, not changed — text, form,
 * travellers, photos and captions alike. Corrections start from 退回補正 →
 * 草稿. The store refuses such changes too (TR_ERROR_REPORT_LOCKED). */
static void
update_editable (TrReportEditor *self)
{
  TrReviewStatus status = tr_review_bar_get_status (self->review_bar);
  gboolean editable = status == TR_REVIEW_STATUS_DRAFT || status == TR_REVIEW_STATUS_RETURNED;

  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (self->text_editors[f] != NULL)
      gtk_text_view_set_editable (tr_section_editor_get_text_view (self->text_editors[f]), editable);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (self->blocks[f] != NULL)
      tr_body_blocks_set_editable (self->blocks[f], editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_editor), editable);
  tr_photo_grid_set_editable (self->photo_grid, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.insert-table", editable);
}

typedef struct {
  TrReport *report;
  TrReviewStatus status;
} StatusChange;

static void
status_change_free (StatusChange *change)
{
  g_object_unref (change->report);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StatusChange, status_change_free)

static void
saved_before_status_change (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  TrReportEditor *self = TR_REPORT_EDITOR (source);
  g_autoptr(StatusChange) change = user_data;
  g_autoptr(GError) error = NULL;

  if (!tr_report_editor_save_finish (self, result, &error))
    {
      /* Submitted without its last changes, it could never get them. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return;
    }
  if (self->report != change->report)
    return;
  /* Typed while that save ran: saved too, before the lock. */
  if (self->save_state != TR_SAVE_STATE_SAVED || self->dirty_texts != 0)
    {
      tr_report_editor_save_async (self, NULL, saved_before_status_change, g_steal_pointer (&change));
      return;
    }
  if (!tr_review_bar_set_status (self->review_bar, change->status, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
}

static void
set_review_status_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TrReportEditor *self = TR_REPORT_EDITOR (widget);
  StatusChange *change;

  if (self->report == NULL)
    return;
  /* Nothing waits to be saved: at once. */
  if (self->save_state == TR_SAVE_STATE_SAVED && self->dirty_texts == 0 && self->saves_in_flight == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!tr_review_bar_set_status (self->review_bar, g_variant_get_uint32 (parameter), &error))
        gtk_widget_activate_action (widget, "win.show-message", "s", error->message);
      return;
    }
  change = g_new0 (StatusChange, 1);
  change->report = g_object_ref (self->report);
  change->status = g_variant_get_uint32 (parameter);
  tr_report_editor_save_async (self, NULL, saved_before_status_change, change);
}

static void
review_status_changed (TrReportEditor *self)
{
  update_editable (self);
  update_problems (self);
  /* The library shows the status: the window reloads it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reload-library", NULL);
}

static void
setup_review (TrReportEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  self->review_bar = TR_REVIEW_BAR (tr_review_bar_new (self->store));
  g_signal_connect_object (self->review_bar, "status-changed", G_CALLBACK (review_status_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (self->review_box, GTK_WIDGET (self->review_bar));

  self->comments_panel = TR_COMMENTS_PANEL (tr_comments_panel_new ());
  g_signal_connect_object (self->comments_panel, "activate", G_CALLBACK (comment_activated), self, 0);
  g_signal_connect_object (self->comments_panel, "resolve", G_CALLBACK (comment_resolved), self, 0);
  g_signal_connect_object (self->comments_panel, "delete", G_CALLBACK (comment_deleted), self, 0);
  gtk_box_append (self->comments_box, GTK_WIDGET (self->comments_panel));

  g_menu_append (menu, _("Co_mment…"), "editor.add-comment");
  g_menu_append (menu, _("Insert _Table…"), "editor.insert-table");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      TrSectionEditor *editor = section_editor (self, s);

      gtk_text_buffer_create_tag (tr_section_editor_get_buffer (editor), COMMENT_TAG,
                                  "background-rgba", &(GdkRGBA) { 0.96, 0.83, 0.18, 0.35 },
                                  NULL);
      gtk_text_view_set_extra_menu (tr_section_editor_get_text_view (editor), G_MENU_MODEL (menu));
    }
  /* The appendix may hold tables, not comments. */
  {
    g_autoptr(GMenu) appendix_menu = g_menu_new ();

    g_menu_append (appendix_menu, _("Insert _Table…"), "editor.insert-table");
    gtk_text_view_set_extra_menu (tr_section_editor_get_text_view (self->text_editors[TR_FIELD_APPENDIX]),
                                  G_MENU_MODEL (appendix_menu));
  }
  reload_comments (self);
}

GtkWidget *
tr_report_editor_get_comments_panel (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  return GTK_WIDGET (self->comments_panel);
}

GtkWidget *
tr_report_editor_get_review_bar (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  return GTK_WIDGET (self->review_bar);
}

/* Tables ------------------------------------------------------------------ */

/* The section with the focus, if it may hold tables. */
static TrBodyBlocks *
focused_blocks (TrReportEditor *self)
{
  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (self->blocks[f] != NULL && tr_body_blocks_has_focus (self->blocks[f]))
      return self->blocks[f];
  return NULL;
}

static void
insert_table (TrReportEditor *self,
              TrBodyBlocks   *blocks,
              guint           rows,
              guint           columns)
{
  g_autoptr(TrTable) table = NULL;

  rows = CLAMP (rows, 1, TR_TABLE_MAX_ROWS);
  columns = CLAMP (columns, 1, TR_TABLE_MAX_COLUMNS);
  table = tr_table_new (rows, columns);
  /* Schedules and lists of people start with the names of their columns. */
  tr_table_set_has_header (table, rows > 1);
  if (!tr_body_blocks_insert_table (blocks, table))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s",
                                _("No table can be added here"));
}

static void
insert_table_response (GtkWidget      *alert,
                       const char     *response,
                       TrReportEditor *self)
{
  TrBodyBlocks *blocks = g_object_get_data (G_OBJECT (alert), "tr-blocks");
  GtkWidget *grid = tr_alert_get_extra_child (alert);
  GtkSpinButton *rows = GTK_SPIN_BUTTON (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0));
  GtkSpinButton *columns = GTK_SPIN_BUTTON (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1));

  if (!g_str_equal (response, "insert") || blocks == NULL)
    return;
  insert_table (self, blocks, gtk_spin_button_get_value_as_int (rows),
                gtk_spin_button_get_value_as_int (columns));
}

static GtkWidget *
size_row (GtkGrid    *grid,
          int         row,
          const char *label,
          guint       value,
          guint       maximum)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (1, maximum, 1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_spin_button_set_activates_default (GTK_SPIN_BUTTON (spin), TRUE);
#endif
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  return spin;
}

/* Rows × columns, then the table at the cursor of the focused section. */
static void
insert_table_dialog_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TrReportEditor *self = TR_REPORT_EDITOR (widget);
  TrBodyBlocks *blocks = self->report != NULL ? focused_blocks (self) : NULL;
  GtkWidget *alert, *grid, *rows;

  if (blocks == NULL)
    {
      gtk_widget_activate_action (widget, "win.show-message", "s",
                                  _("Put the cursor where the table goes, in a section of the body or the appendix"));
      return;
    }
  alert = tr_alert_new (_("Insert Table"), NULL);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  rows = size_row (GTK_GRID (grid), 0, _("_Rows"), 3, TR_TABLE_MAX_ROWS);
  size_row (GTK_GRID (grid), 1, _("_Columns"), 3, TR_TABLE_MAX_COLUMNS);
  tr_alert_set_extra_child (alert, grid);
  tr_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  tr_alert_add_response (alert, "insert", _("_Insert"), ADW_RESPONSE_SUGGESTED);
  tr_alert_set_default_response (alert, "insert");
  tr_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "tr-blocks", g_object_ref (blocks), g_object_unref);
  g_signal_connect_object (alert, "response", G_CALLBACK (insert_table_response), self, 0);
  tr_alert_present (alert, widget);
  gtk_widget_grab_focus (rows);
}

/* Long sections come into their buffers in pieces after opening; find
 * searches the buffers, so it needs every piece. */
static void
finish_loading_texts (TrReportEditor *self)
{
  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (self->text_editors[f] != NULL)
      tr_section_editor_finish_loading (self->text_editors[f]);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrReportEditor *self = TR_REPORT_EDITOR (widget);

  if (self->report == NULL)
    return;
  finish_loading_texts (self);
  tr_find_bar_open (self->find_bar, g_str_equal (action_name, "editor.find-replace"));
}

void
tr_report_editor_show_matches (TrReportEditor *self,
                               const char     *query)
{
  g_autoptr(GString) spaced = NULL;
  g_auto(GStrv) words = NULL;
  const char *longest = NULL;

  g_return_if_fail (TR_IS_REPORT_EDITOR (self));

  if (self->report == NULL || query == NULL)
    return;
  spaced = g_string_new (query);
  g_string_replace (spaced, "　", " ", 0);
  words = g_strsplit_set (spaced->str, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (longest == NULL || g_utf8_strlen (words[i], -1) > g_utf8_strlen (longest, -1))
      longest = words[i];
  if (longest != NULL && longest[0] != '\0')
    {
      finish_loading_texts (self);
      tr_find_bar_show_matches (self->find_bar, longest);
    }
}

/* Every text of the report, in its order: the form, 摘要, the body, 附錄;
 * the cells of a table after the text before it. Made again when tables
 * come or go, or change their rows and columns. */
static void
add_section_to_find (TrReportEditor *self,
                     TrField         field)
{
  tr_find_bar_add_text_view (self->find_bar, tr_section_editor_get_text_view (self->text_editors[field]));
  if (self->blocks[field] != NULL)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      tr_body_blocks_append_texts (self->blocks[field], texts);
      for (guint i = 0; i < texts->len; i++)
        if (GTK_IS_TEXT_VIEW (texts->pdata[i]))
          tr_find_bar_add_text_view (self->find_bar, texts->pdata[i]);
        else
          tr_find_bar_add_editable (self->find_bar, texts->pdata[i]);
    }
}

static void
setup_find (TrReportEditor *self)
{
  g_autoptr(GPtrArray) rows = tr_form_editor_get_text_rows (self->form_editor);

  tr_find_bar_clear_places (self->find_bar);
  for (guint i = 0; i < rows->len; i++)
    tr_find_bar_add_editable (self->find_bar, g_ptr_array_index (rows, i));
  add_section_to_find (self, TR_FIELD_SUMMARY);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    add_section_to_find (self, TR_FIELD_FROM_SECTION (s));
  add_section_to_find (self, TR_FIELD_APPENDIX);
}

static void
tr_report_editor_constructed (GObject *object)
{
  G_OBJECT_CLASS (tr_report_editor_parent_class)->constructed (object);

  /* The review widgets need the store, a construct property. */
  setup_review (TR_REPORT_EDITOR (object));
}

static void
tr_report_editor_dispose (GObject *object)
{
  TrReportEditor *self = TR_REPORT_EDITOR (object);

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  disconnect_report (self);
  g_clear_object (&self->report);
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_REPORT_EDITOR);
  tr_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (tr_report_editor_parent_class)->dispose (object);
}

static void
tr_report_editor_finalize (GObject *object)
{
  TrReportEditor *self = TR_REPORT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->identity);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->save_waiters, g_ptr_array_unref);
  g_free (self->save_error);

  G_OBJECT_CLASS (tr_report_editor_parent_class)->finalize (object);
}

static void
tr_report_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrReportEditor *self = TR_REPORT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_SAVE_STATE:
      g_value_set_uint (value, self->save_state);
      break;
    case PROP_PANEL_VISIBLE:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->panel_revealer));
      break;
    case PROP_IDENTITY:
      g_value_set_object (value, self->identity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_report_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TrReportEditor *self = TR_REPORT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_REPORT:
      tr_report_editor_set_report (self, g_value_get_object (value));
      break;
    case PROP_PANEL_VISIBLE:
      gtk_revealer_set_reveal_child (self->panel_revealer, g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_IDENTITY:
      g_set_object (&self->identity, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_report_editor_class_init (TrReportEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tr_report_editor_constructed;
  object_class->dispose = tr_report_editor_dispose;
  object_class->finalize = tr_report_editor_finalize;
  object_class->get_property = tr_report_editor_get_property;
  object_class->set_property = tr_report_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TR_TYPE_REPORT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, TR_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_STATE] =
    g_param_spec_uint ("save-state", NULL, NULL, TR_SAVE_STATE_SAVED, TR_SAVE_STATE_FAILED,
                       TR_SAVE_STATE_SAVED, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  properties[PROP_PANEL_VISIBLE] =
    g_param_spec_boolean ("panel-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDENTITY] =
    g_param_spec_object ("identity", NULL, NULL, TR_TYPE_IDENTITY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TR_TYPE_FORM_EDITOR);
  g_type_ensure (TR_TYPE_FIND_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/editor/tr-report-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, find_bar);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, parts_box);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, form_heading);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, form_editor);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, outline_list);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, problem_list);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, review_box);
  gtk_widget_class_bind_template_child (widget_class, TrReportEditor, comments_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  gtk_widget_class_install_action (widget_class, "editor.add-comment", NULL, add_comment_action);
  gtk_widget_class_install_action (widget_class, "editor.review-form", NULL, review_form_action);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-replace", NULL, find_action);
  /* Only while the focus is in the report: in the library, Ctrl+F
   * searches the library (the window's binding). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.find-replace", NULL);
  gtk_widget_class_install_action (widget_class, "editor.set-review-status", "u", set_review_status_action);
  gtk_widget_class_install_action (widget_class, "editor.insert-table", NULL, insert_table_dialog_action);
  /* Writer's key for Insert Table. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F12, GDK_CONTROL_MASK, "editor.insert-table", NULL);
  /* LibreOffice's key for a comment. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.add-comment", NULL);
}

static void
tr_report_editor_init (TrReportEditor *self)
{
  GtkWidget *appendix;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->problems = g_list_store_new (TR_TYPE_PROBLEM);
  self->cancellable = g_cancellable_new ();
  self->save_waiters = g_ptr_array_new_with_free_func (g_object_unref);

  /* The page takes what the find bar above it leaves. */
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  add_outline_row (self, "提要", "title");
  add_text_editor (self, TR_FIELD_SUMMARY, tr_summary_editor_new ());
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    add_text_editor (self, TR_FIELD_FROM_SECTION (s), tr_body_section_editor_new (s));
  appendix = g_object_new (TR_TYPE_SECTION_EDITOR, "heading", "附錄", NULL);
  gtk_widget_set_name (appendix, "appendix");
  add_text_editor (self, TR_FIELD_APPENDIX, appendix);
  /* The photos close the appendix, right under its text. */
  self->photo_grid = TR_PHOTO_GRID (tr_photo_grid_new ());
  gtk_widget_set_name (GTK_WIDGET (self->photo_grid), "appendix-photos");
  gtk_box_append (self->parts_box, GTK_WIDGET (self->photo_grid));
  /* Report content like the headings above it (照片 1：… in the export),
   * not UI text: the outline reads 附錄, 照片 in every language. */
  add_outline_row (self, "照片", "photos");
  setup_find (self);

  gtk_list_box_bind_model (self->problem_list, G_LIST_MODEL (self->problems),
                           create_problem_row, self, NULL);
  g_signal_connect_object (self->outline_list, "row-activated",
                           G_CALLBACK (outline_row_activated), self, 0);
  g_signal_connect_object (self->problem_list, "row-activated",
                           G_CALLBACK (problem_row_activated), self, 0);
  update_problems (self);
}

GtkWidget *
tr_report_editor_new (TrReportStore *store)
{
  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);

  return g_object_new (TR_TYPE_REPORT_EDITOR, "store", store, NULL);
}

TrReport *
tr_report_editor_get_report (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  return self->report;
}

TrSaveState
tr_report_editor_get_save_state (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), TR_SAVE_STATE_SAVED);
  return self->save_state;
}

const char *
tr_report_editor_get_save_error (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  return self->save_error;
}

GListModel *
tr_report_editor_get_problems (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  return G_LIST_MODEL (self->problems);
}

GtkWidget *
tr_report_editor_get_form_editor (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  return GTK_WIDGET (self->form_editor);
}

GtkWidget *
tr_report_editor_get_photo_grid (TrReportEditor *self)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  return GTK_WIDGET (self->photo_grid);
}

GtkWidget *
tr_report_editor_get_text_editor (TrReportEditor *self,
                                  TrField         field)
{
  g_return_val_if_fail (TR_IS_REPORT_EDITOR (self), NULL);
  g_return_val_if_fail (field < TR_N_FIELDS, NULL);
  return self->text_editors[field] != NULL ? GTK_WIDGET (self->text_editors[field]) : NULL;
}
