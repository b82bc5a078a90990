/* tr-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-date.h"
#include "tr-window.h"

struct _TrWindow
{
  AdwApplicationWindow parent_instance;

  TrReportStore *store;

  GtkStack *stack;
  GtkListBox *report_list;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TrWindow, tr_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
format_period (TrReportInfo *info)
{
  g_autofree char *start = tr_date_format_minguo (tr_report_info_get_period_start (info));
  g_autofree char *end = tr_date_format_minguo (tr_report_info_get_period_end (info));

  if (start != NULL && end != NULL)
    /* TRANSLATORS: a trip's period, from the first date to the second */
    return g_strdup_printf (_("%s to %s"), start, end);
  return g_strdup (start != NULL ? start : end);
}

static GtkWidget *
create_report_row (TrReportInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *period = format_period (info);
  const char *title = tr_report_info_get_title (info);
  const char *destination = tr_report_info_get_destination (info);
  g_autofree char *subtitle = NULL;

  if (period != NULL && destination[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", period, destination);
  else
    subtitle = g_strdup (period != NULL ? period : destination);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title[0] != '\0' ? title : _("Untitled Report"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
tr_window_reload (TrWindow *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_list))) != NULL)
    gtk_list_box_remove (self->report_list, child);

  infos = tr_report_store_list (self->store, &error);
  if (infos == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < infos->len; i++)
    gtk_list_box_append (self->report_list, create_report_row (g_ptr_array_index (infos, i)));

  gtk_stack_set_visible_child_name (self->stack, infos->len > 0 ? "library" : "empty");
}

static void
tr_window_dispose (GObject *object)
{
  TrWindow *self = TR_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_WINDOW);

  G_OBJECT_CLASS (tr_window_parent_class)->dispose (object);
}

static void
tr_window_class_init (TrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/TripReports/tr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, report_list);
  gtk_widget_class_bind_template_child (widget_class, TrWindow, error_page);
}

static void
tr_window_init (TrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrWindow *
tr_window_new (TrApplication *application,
               TrReportStore *store,
               const GError  *store_error)
{
  TrWindow *self = g_object_new (TR_TYPE_WINDOW, "application", application, NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       store_error != NULL ? store_error->message : NULL);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return self;
    }

  self->store = g_object_ref (store);
  tr_window_reload (self);
  return self;
}
