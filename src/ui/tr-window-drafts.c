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
      !tr_report_content_equal (self->report, as_made))
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
