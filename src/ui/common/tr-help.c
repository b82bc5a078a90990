/* tr-help.c: the user guide, opened in the help viewer
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* GtkUriLauncher (GTK 4.10) is behind GTK_CHECK_VERSION: the MAX_ALLOWED
 * pin of meson.build, which makes the headers flag any other newer call,
 * is lifted here. */
#undef GDK_VERSION_MAX_ALLOWED

#include <glib/gi18n.h>

#include "tr-alert.h"
#include "tr-help.h"

static void
show_failure (GtkWindow    *parent,
              const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *alert;

  /* Dismissing the portal's "open with" dialog is not a failure. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
#if GTK_CHECK_VERSION (4, 10, 0)
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
#endif
      parent == NULL || !gtk_widget_get_visible (GTK_WIDGET (parent)))
    return;

  /* TRANSLATORS: %s says why, as the system puts it ("Operation not supported") */
  body = g_strdup_printf (_("No help viewer could be started (%s). The guide is read with "
                            "GNOME's help viewer, Yelp."), error->message);
  alert = tr_alert_new (_("Could Not Open the Help"), body);
  tr_alert_add_response (alert, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  tr_alert_set_default_response (alert, "close");
  tr_alert_set_close_response (alert, "close");
  tr_alert_present (alert, GTK_WIDGET (parent));
}

static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  gboolean shown;

#if GTK_CHECK_VERSION (4, 10, 0)
  shown = gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
#else
  shown = gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
#endif
  if (!shown)
    {
      g_debug ("Could not open the help: %s", error->message);
      show_failure (parent, error);
    }
}

void
tr_help_show (GtkWindow  *parent,
              const char *page)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  uri = page != NULL ? g_strdup_printf ("help:%s/%s", APP_ID, page)
                     : g_strdup_printf ("help:%s", APP_ID);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, NULL, help_shown,
                             parent != NULL ? g_object_ref (parent) : NULL);
  }
#else
  /* The old API takes its parent as the source object. */
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, help_shown,
                     parent != NULL ? g_object_ref (parent) : NULL);
#endif
}
