/* tr-window-state.c: the window's size and last report, kept across runs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-window-private.h"

void
_tr_window_restore_state (TrWindow *self)
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
        _tr_window_set_report (self, report);
    }
}

/* The last report is stored as it is opened (_tr_window_set_report()). */
void
_tr_window_store_state (TrWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}
