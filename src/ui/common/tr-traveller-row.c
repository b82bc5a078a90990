/* tr-traveller-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The newer APIs in this file are behind GTK_CHECK_VERSION or
 * ADW_CHECK_VERSION: the MAX_ALLOWED pins of meson.build, which make the
 * headers flag any other newer call, are lifted here. */
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MAX_ALLOWED

#include <glib/gi18n.h>

#include "tr-traveller-row.h"

struct _TrTravellerRow
{
  AdwExpanderRow parent_instance;

  TrTraveller *traveller;
  GtkWidget *entries[TR_TRAVELLER_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (TrTravellerRow, tr_traveller_row, ADW_TYPE_EXPANDER_ROW)

static const char *
field_label (TrTravellerField field)
{
  switch (field)
    {
    case TR_TRAVELLER_NAME:
      return _("Name");
    case TR_TRAVELLER_AGENCY:
      /* TRANSLATORS: the agency the traveller works for (服務機關), not
       * the one that organised the trip */
      return C_("traveller", "Agency");
    case TR_TRAVELLER_UNIT:
      return _("Unit");
    case TR_TRAVELLER_TITLE:
      return _("Job Title");
    case TR_TRAVELLER_PHONE:
      return _("Phone");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_title (TrTravellerRow *self)
{
  const char *name = tr_traveller_get (self->traveller, TR_TRAVELLER_NAME);
  const char *unit = tr_traveller_get (self->traveller, TR_TRAVELLER_UNIT);
  const char *title = tr_traveller_get (self->traveller, TR_TRAVELLER_TITLE);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 name[0] != '\0' ? name : _("New Traveller"));
  if (unit[0] != '\0' && title[0] != '\0')
    subtitle = g_strdup_printf ("%s %s", unit, title);
  else
    subtitle = g_strdup (unit[0] != '\0' ? unit : title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
tr_traveller_row_dispose (GObject *object)
{
  TrTravellerRow *self = TR_TRAVELLER_ROW (object);

  g_clear_object (&self->traveller);

  G_OBJECT_CLASS (tr_traveller_row_parent_class)->dispose (object);
}

static void
tr_traveller_row_class_init (TrTravellerRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tr_traveller_row_dispose;
}

/* The list's actions (TrTravellerList) act on the row the buttons are in. */
static void
add_button (TrTravellerRow *self,
            const char     *icon_name,
            const char     *tooltip,
            const char     *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  /* libadwaita 1.4 calls the widgets at the row's end suffixes. */
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (self), button);
#else
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), button);
#endif
}

static void
tr_traveller_row_init (TrTravellerRow *self)
{
}

GtkWidget *
tr_traveller_row_new (TrTraveller *traveller)
{
  TrTravellerRow *self;

  g_return_val_if_fail (TR_IS_TRAVELLER (traveller), NULL);

  self = g_object_new (TR_TYPE_TRAVELLER_ROW, NULL);
  self->traveller = g_object_ref (traveller);

  for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
    {
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), field_label (f));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
      g_object_bind_property (traveller, tr_traveller_field_get_key (f), entry, "text",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), entry);
      self->entries[f] = entry;
    }

  /* Arrows with a shaft: the chevron beside them opens and closes the row. */
  add_button (self, "tr-move-up-symbolic", _("Move Up"), "traveller.move-up");
  add_button (self, "tr-move-down-symbolic", _("Move Down"), "traveller.move-down");
  add_button (self, "user-trash-symbolic", _("Remove Traveller"), "traveller.remove");

  g_signal_connect_object (traveller, "notify", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  update_title (self);
  return GTK_WIDGET (self);
}

TrTraveller *
tr_traveller_row_get_traveller (TrTravellerRow *self)
{
  g_return_val_if_fail (TR_IS_TRAVELLER_ROW (self), NULL);
  return self->traveller;
}

GtkWidget *
tr_traveller_row_get_entry (TrTravellerRow   *self,
                            TrTravellerField  field)
{
  g_return_val_if_fail (TR_IS_TRAVELLER_ROW (self), NULL);
  g_return_val_if_fail (field < TR_TRAVELLER_N_FIELDS, NULL);
  return self->entries[field];
}
