/* tr-window-close.c
 *
 * Closing waits for the last saves, without a nested main loop: the close
 * request is turned down while they run, and made again once they are
 * done. A save that failed asks what to do (try again, close without it,
 * or keep the window), and the window stays until the user says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-alert.h"
#include "tr-window-private.h"

static void ask_about_failed_save (TrWindow   *self,
                                   const char *why);

static void
close_now (TrWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
last_saves_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TrWindow *self = TR_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!_tr_window_save_finish (self, result, &error))
    ask_about_failed_save (self, error->message);
  else if (self->editor != NULL && tr_report_editor_get_save_state (self->editor) != TR_SAVE_STATE_SAVED)
    /* Typed while those saves ran: that is saved too. */
    _tr_window_save_async (self, last_saves_done, NULL);
  else
    close_now (self);
}

static gboolean
close_when_idle (gpointer user_data)
{
  close_now (TR_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
failed_save_answered (GtkWidget  *alert,
                      const char *response,
                      TrWindow   *self)
{
  if (g_str_equal (response, "retry"))
    _tr_window_save_async (self, last_saves_done, NULL);
  else if (g_str_equal (response, "discard"))
    /* Once the alert, which points to the window, is gone. */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
  else
    /* The window stays; autosave keeps trying. */
    self->closing = FALSE;
}

static void
ask_about_failed_save (TrWindow   *self,
                       const char *why)
{
  g_autofree char *body = NULL;
  GtkWidget *alert;

  /* TRANSLATORS: %s says why the save failed, e.g. "database is locked" */
  body = g_strdup_printf (_("%s\n\nIf the window closes now, what was typed since the last save is lost."), why);
  alert = tr_alert_new (_("The Last Changes Are Not Saved"), body);
  tr_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  tr_alert_add_response (alert, "discard", _("_Discard Changes"), ADW_RESPONSE_DESTRUCTIVE);
  tr_alert_add_response (alert, "retry", _("_Retry"), ADW_RESPONSE_SUGGESTED);
  tr_alert_set_default_response (alert, "retry");
  tr_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (failed_save_answered), self, 0);
  tr_alert_present (alert, GTK_WIDGET (self));
}

gboolean
_tr_window_ready_to_close (TrWindow *self)
{
  if (self->close_confirmed)
    return TRUE;
  /* Asked again while the saves run, or while the user is asked. */
  if (self->closing)
    return FALSE;
  if (self->editor == NULL || tr_report_editor_get_save_state (self->editor) == TR_SAVE_STATE_SAVED)
    return TRUE;

  self->closing = TRUE;
  _tr_window_save_async (self, last_saves_done, NULL);
  return FALSE;
}
