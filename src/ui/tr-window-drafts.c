/* tr-window-drafts.c: a new draft left untouched goes away
 *
 * Ctrl+N stores the draft at once, so that it is in the library from its
 * first second. One the user leaves without typing anything — opening
 * another report, making another new one, closing the window or quitting
 * — is deleted again, without asking: it holds nothing to lose, and a
 * library of empty 未命名報告 helps nobody.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-error.h"
#include "tr-window-private.h"

void
_tr_window_note_new_draft (TrWindow *self,
                           TrReport *report)
{
  g_free (self->untouched_draft_id);
  self->untouched_draft_id = g_strdup (tr_report_get_id (report));
  g_clear_object (&self->untouched_draft);
  self->untouched_draft = tr_report_copy (report);
}

void
_tr_window_note_draft_touched (TrWindow *self)
{
  g_clear_pointer (&self->untouched_draft_id, g_free);
  g_clear_object (&self->untouched_draft);
}

/* What the user can change of a draft, as it was made: blank, or with
 * what Preferences filled in. (Not tr_report_content_equal(): the editor
 * may store an empty text in another form than a new report has it.) */
static gboolean
is_as_made (TrReport *report,
            TrReport *as_made)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  GListModel *made_travellers = G_LIST_MODEL (tr_report_get_travellers (as_made));
  guint n_travellers = g_list_model_get_n_items (travellers);

  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (g_strcmp0 (tr_report_get_text (report, f), tr_report_get_text (as_made, f)) != 0)
      return FALSE;
  if (n_travellers != g_list_model_get_n_items (made_travellers))
    return FALSE;
  for (guint i = 0; i < n_travellers; i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      g_autoptr(TrTraveller) made = g_list_model_get_item (made_travellers, i);

      if (!tr_traveller_equal (traveller, made))
        return FALSE;
    }
  return g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (report))) == 0 &&
         tr_report_get_keywords (report)[0] == NULL &&
         !tr_report_get_has_attachments (report) &&
         tr_report_get_pages (report) == 0;
}

gboolean
_tr_window_discard_untouched_draft (TrWindow *self)
{
  g_autofree char *id = g_steal_pointer (&self->untouched_draft_id);
  /* As it was made: blank, or with what Preferences fills in. */
  g_autoptr(TrReport) as_made = g_steal_pointer (&self->untouched_draft);
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;

  if (id == NULL || self->store == NULL || self->report == NULL ||
      !g_str_equal (tr_report_get_id (self->report), id) || as_made == NULL ||
      !is_as_made (self->report, as_made))
    return FALSE;
  /* Something on its way to the store is a change after all. */
  if (tr_report_editor_get_save_state (self->editor) != TR_SAVE_STATE_SAVED)
    return FALSE;
  /* Submitted as it is, or commented on elsewhere: a decision, kept. */
  review = tr_report_store_load_review (self->store, id, NULL);
  if (review == NULL || tr_review_get_status (review) != TR_REVIEW_STATUS_DRAFT)
    return FALSE;

  if (!tr_report_store_delete (self->store, id, &error))
    {
      if (!g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
        g_debug ("Empty draft %s kept: %s", id, error->message);
      return FALSE;
    }
  if (g_strcmp0 (self->last_draft_id, id) == 0)
    g_clear_pointer (&self->last_draft_id, g_free);
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-report-id");

      if (g_str_equal (last, id))
        g_settings_set_string (self->settings, "last-report-id", "");
    }
  _tr_window_reload_library (self);
  return TRUE;
}
