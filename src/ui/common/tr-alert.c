/* tr-alert.c
 *
 * libadwaita 1.5 replaced AdwMessageDialog, a window of its own, with
 * AdwAlertDialog, drawn inside the parent window; their methods match
 * one for one. This is the only place that knows which one is at hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The newer APIs in this file are behind GTK_CHECK_VERSION or
 * ADW_CHECK_VERSION: the MAX_ALLOWED pins of meson.build, which make the
 * headers flag any other newer call, are lifted here. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED

#include "tr-alert.h"

#if ADW_CHECK_VERSION (1, 5, 0)

GtkWidget *
tr_alert_new (const char *heading,
              const char *body)
{
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
}

void
tr_alert_add_response (GtkWidget             *alert,
                       const char            *id,
                       const char            *label,
                       AdwResponseAppearance  appearance)
{
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), id, label);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), id, appearance);
}

void
tr_alert_set_default_response (GtkWidget  *alert,
                               const char *id)
{
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), id);
}

void
tr_alert_set_close_response (GtkWidget  *alert,
                             const char *id)
{
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), id);
}

void
tr_alert_set_response_enabled (GtkWidget  *alert,
                               const char *id,
                               gboolean    enabled)
{
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (alert), id, enabled);
}

gboolean
tr_alert_get_response_enabled (GtkWidget  *alert,
                               const char *id)
{
  return adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (alert), id);
}

void
tr_alert_set_extra_child (GtkWidget *alert,
                          GtkWidget *child)
{
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (alert), child);
}

GtkWidget *
tr_alert_get_extra_child (GtkWidget *alert)
{
  return adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (alert));
}

void
tr_alert_present (GtkWidget *alert,
                  GtkWidget *parent)
{
  GtkWidget *extra = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (alert));

  adw_dialog_present (ADW_DIALOG (alert), parent);
  if (extra != NULL)
    adw_dialog_set_focus (ADW_DIALOG (alert), extra);
}

#else

GtkWidget *
tr_alert_new (const char *heading,
              const char *body)
{
  /* The parent comes with present(). */
  return adw_message_dialog_new (NULL, heading, body);
}

void
tr_alert_add_response (GtkWidget             *alert,
                       const char            *id,
                       const char            *label,
                       AdwResponseAppearance  appearance)
{
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), id, label);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (alert), id, appearance);
}

void
tr_alert_set_default_response (GtkWidget  *alert,
                               const char *id)
{
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), id);
}

void
tr_alert_set_close_response (GtkWidget  *alert,
                             const char *id)
{
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), id);
}

void
tr_alert_set_response_enabled (GtkWidget  *alert,
                               const char *id,
                               gboolean    enabled)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (alert), id, enabled);
}

gboolean
tr_alert_get_response_enabled (GtkWidget  *alert,
                               const char *id)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (alert), id);
}

void
tr_alert_set_extra_child (GtkWidget *alert,
                          GtkWidget *child)
{
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (alert), child);
}

GtkWidget *
tr_alert_get_extra_child (GtkWidget *alert)
{
  return adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (alert));
}

void
tr_alert_present (GtkWidget *alert,
                  GtkWidget *parent)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (alert));
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
  gtk_window_present (GTK_WINDOW (alert));
  if (extra != NULL)
    gtk_widget_grab_focus (extra);
}

#endif
