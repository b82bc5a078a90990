/* tr-preferences-dialog.c
 *
 * libadwaita 1.5 replaced AdwPreferencesWindow, a window of its own,
 * with AdwPreferencesDialog, drawn inside the parent window. This is the
 * only place that knows which one is at hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The newer APIs in this file are behind GTK_CHECK_VERSION or
 * ADW_CHECK_VERSION: the MAX_ALLOWED pins of meson.build, which make the
 * headers flag any other newer call, are lifted here. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED

#include "tr-preferences-dialog.h"

#define WIDTH  720
#define HEIGHT 720

#if ADW_CHECK_VERSION (1, 5, 0)

GtkWidget *
tr_preferences_dialog_new (const char         *title,
                           AdwPreferencesPage *page)
{
  AdwDialog *dialog = adw_preferences_dialog_new ();

  adw_dialog_set_title (dialog, title);
  adw_dialog_set_content_width (dialog, WIDTH);
  adw_dialog_set_content_height (dialog, HEIGHT);
  adw_preferences_dialog_set_search_enabled (ADW_PREFERENCES_DIALOG (dialog), FALSE);
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog), page);
  return GTK_WIDGET (dialog);
}

void
tr_preferences_dialog_present (GtkWidget *dialog,
                               GtkWidget *parent)
{
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

void
tr_preferences_dialog_add_toast (GtkWidget *widget,
                                 AdwToast  *toast)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (widget, TR_TYPE_PREFERENCES_DIALOG);

  if (dialog != NULL)
    adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), toast);
  else
    g_object_unref (toast);
}

void
tr_preferences_dialog_close (GtkWidget *dialog)
{
  adw_dialog_close (ADW_DIALOG (dialog));
}

#else

GtkWidget *
tr_preferences_dialog_new (const char         *title,
                           AdwPreferencesPage *page)
{
  GtkWidget *window = adw_preferences_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), page);
  return window;
}

void
tr_preferences_dialog_present (GtkWidget *dialog,
                               GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tr_preferences_dialog_add_toast (GtkWidget *widget,
                                 AdwToast  *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (widget, TR_TYPE_PREFERENCES_DIALOG);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else
    g_object_unref (toast);
}

void
tr_preferences_dialog_close (GtkWidget *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
}

#endif
