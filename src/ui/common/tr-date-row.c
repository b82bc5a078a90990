/* tr-date-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-date.h"
#include "tr-date-row.h"

struct _TrDateRow
{
  AdwActionRow parent_instance;

  char *date;
  /* Where the calendar opens while no date is set; "" for today. */
  char *default_date;
  GtkMenuButton *button;
  GtkCalendar *calendar;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (TrDateRow, tr_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (TrDateRow *self)
{
  g_autofree char *minguo = tr_date_format_minguo (self->date);

  gtk_menu_button_set_label (self->button, minguo != NULL ? minguo : _("Not Set"));
}

static void
on_day_selected (GtkCalendar *calendar,
                 TrDateRow   *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (self->updating)
    return;
  tr_date_row_set_date (self, iso);
  gtk_menu_button_popdown (self->button);
}

/* GtkCalendar says nothing when the day clicked is the one it has
 * selected already (today, while no date is set), or has the same number
 * in another month: a click on any day is a choice, whatever it says. */
static void
on_calendar_released (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      TrDateRow       *self)
{
  GtkWidget *calendar = GTK_WIDGET (self->calendar);
  GtkWidget *picked = gtk_widget_pick (calendar, x, y, GTK_PICK_DEFAULT);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (picked == NULL || !gtk_widget_has_css_class (picked, "day-number"))
    return;
  date = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  tr_date_row_set_date (self, iso);
  gtk_menu_button_popdown (self->button);
}

static gboolean
parse_to_date_time (const char  *iso,
                    GDateTime  **out_date)
{
  GDate parsed;

  if (iso == NULL || !tr_date_parse_iso (iso, &parsed))
    return FALSE;
  *out_date = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                                     g_date_get_day (&parsed), 12, 0, 0);
  return TRUE;
}

/* Opening on the date, or while there is none, on the default or today. */
static void
on_popover_show (TrDateRow *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (!parse_to_date_time (self->date, &shown) && !parse_to_date_time (self->default_date, &shown))
    shown = g_date_time_new_now_local ();
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->updating = FALSE;
}

static void
clear_clicked (GtkButton *button,
               TrDateRow *self)
{
  tr_date_row_set_date (self, "");
  gtk_menu_button_popdown (self->button);
}

static void
tr_date_row_finalize (GObject *object)
{
  g_free (TR_DATE_ROW (object)->date);
  g_free (TR_DATE_ROW (object)->default_date);

  G_OBJECT_CLASS (tr_date_row_parent_class)->finalize (object);
}

static void
tr_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, tr_date_row_get_date (TR_DATE_ROW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DATE:
      tr_date_row_set_date (TR_DATE_ROW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_date_row_class_init (TrDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_date_row_finalize;
  object_class->get_property = tr_date_row_get_property;
  object_class->set_property = tr_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_date_row_init (TrDateRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear"));
  GtkWidget *popover = gtk_popover_new ();

  self->date = g_strdup ("");
  self->default_date = g_strdup ("");
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_widget_add_css_class (clear, "flat");
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self, 0);
  g_signal_connect_object (clear, "clicked", G_CALLBACK (clear_clicked), self, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show), self, G_CONNECT_SWAPPED);
  {
    /* After the calendar's own gesture has selected the day. */
    GtkGesture *click = gtk_gesture_click_new ();

    g_signal_connect_object (click, "released", G_CALLBACK (on_calendar_released), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
  }
  update_label (self);
}

const char *
tr_date_row_get_date (TrDateRow *self)
{
  g_return_val_if_fail (TR_IS_DATE_ROW (self), "");
  return self->date;
}

void
tr_date_row_set_date (TrDateRow  *self,
                      const char *date)
{
  GDate parsed;

  g_return_if_fail (TR_IS_DATE_ROW (self));

  if (date == NULL || !tr_date_parse_iso (date, &parsed))
    date = "";
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);

  if (date[0] != '\0')
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&parsed),
                                                         g_date_get_month (&parsed),
                                                         g_date_get_day (&parsed), 12, 0, 0);

      self->updating = TRUE;
      gtk_calendar_select_day (self->calendar, time);
      self->updating = FALSE;
    }

  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
tr_date_row_set_default_date (TrDateRow  *self,
                              const char *date)
{
  g_return_if_fail (TR_IS_DATE_ROW (self));

  g_free (self->default_date);
  self->default_date = g_strdup (date != NULL ? date : "");
}

GtkCalendar *
tr_date_row_get_calendar (TrDateRow *self)
{
  g_return_val_if_fail (TR_IS_DATE_ROW (self), NULL);
  return self->calendar;
}
