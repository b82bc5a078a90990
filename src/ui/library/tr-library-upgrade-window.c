/* tr-library-upgrade-window.c
 *
 * A library of 100,000 reports takes minutes to bring to a new schema (its
 * search index is built again). The window says what is going on, and that
 * closing it loses nothing: the upgrade is one transaction, rolled back
 * when cancelled, and begins again at the next start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-library-upgrade-window.h"

struct _TrLibraryUpgradeWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;

  gint64 n_reports;
};

G_DEFINE_FINAL_TYPE (TrLibraryUpgradeWindow, tr_library_upgrade_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_N_REPORTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tr_library_upgrade_window_constructed (GObject *object)
{
  TrLibraryUpgradeWindow *self = TR_LIBRARY_UPGRADE_WINDOW (object);
  g_autofree char *count = g_strdup_printf ("%'" G_GINT64_FORMAT, self->n_reports);
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (tr_library_upgrade_window_parent_class)->constructed (object);

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Your library of %s report was made by an earlier version of Trip Reports. Updating it takes a few minutes for a large library, and happens once.\n\nClosing this window loses nothing: the update starts again next time.",
                                              "Your library of %s reports was made by an earlier version of Trip Reports. Updating it takes a few minutes for a large library, and happens once.\n\nClosing this window loses nothing: the update starts again next time.",
                                              (gulong) self->n_reports),
                                 count);
  adw_status_page_set_description (self->status_page, description);
}

static void
tr_library_upgrade_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrLibraryUpgradeWindow *self = TR_LIBRARY_UPGRADE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_N_REPORTS:
      g_value_set_int64 (value, self->n_reports);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_library_upgrade_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TrLibraryUpgradeWindow *self = TR_LIBRARY_UPGRADE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_N_REPORTS:
      self->n_reports = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_library_upgrade_window_class_init (TrLibraryUpgradeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tr_library_upgrade_window_constructed;
  object_class->get_property = tr_library_upgrade_window_get_property;
  object_class->set_property = tr_library_upgrade_window_set_property;

  properties[PROP_N_REPORTS] =
    g_param_spec_int64 ("n-reports", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/library/tr-library-upgrade-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrLibraryUpgradeWindow, status_page);
}

static void
tr_library_upgrade_window_init (TrLibraryUpgradeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrLibraryUpgradeWindow *
tr_library_upgrade_window_new (GtkApplication *application,
                               gint64          n_reports)
{
  return g_object_new (TR_TYPE_LIBRARY_UPGRADE_WINDOW,
                       "application", application,
                       "n-reports", n_reports,
                       NULL);
}

gint64
tr_library_upgrade_window_get_n_reports (TrLibraryUpgradeWindow *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_UPGRADE_WINDOW (self), 0);
  return self->n_reports;
}
