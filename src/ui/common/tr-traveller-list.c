/* tr-traveller-list.c
 *
 * The rows follow the report's list store: adding, moving and removing
 * change the store, and the list box bound to it rebuilds what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-traveller-list.h"
#include "tr-traveller-list-private.h"
#include "tr-traveller-row.h"

struct _TrTravellerList
{
  AdwPreferencesGroup parent_instance;

  TrReport *report;
  GtkListBox *list_box;
  GtkLabel *placeholder;
};

G_DEFINE_FINAL_TYPE (TrTravellerList, tr_traveller_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The row's buttons name these actions ("traveller.move-up" …). */
static void
row_action_activated (TrTravellerList *self,
                      GVariant        *parameter,
                      GSimpleAction   *action)
{
  TrTraveller *traveller = g_object_get_data (G_OBJECT (action), "tr-traveller");
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(TrTraveller) held = NULL;
  GListStore *travellers;
  guint position, n_items;

  /* Out of reach (a report in review): its actions do nothing either. */
  if (self->report == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return;
  travellers = tr_report_get_travellers (self->report);
  if (!g_list_store_find (travellers, traveller, &position))
    return;

  if (g_str_equal (name, "remove"))
    {
      g_list_store_remove (travellers, position);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (travellers));
  if (g_str_equal (name, "move-up") ? position == 0 : position + 1 >= n_items)
    return;
  /* Removed and inserted: the store notifies, the rows follow, and the
   * report is saved in the new order. */
  held = g_object_ref (traveller);
  g_list_store_remove (travellers, position);
  g_list_store_insert (travellers, g_str_equal (name, "move-up") ? position - 1 : position + 1, held);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TrTravellerList *self = user_data;
  GtkWidget *row = tr_traveller_row_new (TR_TRAVELLER (item));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  static const char * const names[] = { "move-up", "move-down", "remove" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_object_set_data (G_OBJECT (action), "tr-traveller", item);
      g_signal_connect_object (action, "activate", G_CALLBACK (row_action_activated), self,
                               G_CONNECT_SWAPPED);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (row, "traveller", G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (row), "tr-actions", g_object_ref (group), g_object_unref);
  return row;
}

/* The first traveller cannot move up, nor the last down: their buttons
 * say so rather than do nothing. */
static void
update_move_actions (TrTravellerList *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      GActionMap *actions = g_object_get_data (G_OBJECT (row), "tr-actions");
      gboolean last = gtk_list_box_get_row_at_index (self->list_box, i + 1) == NULL;

      if (actions == NULL)
        continue;
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (actions, "move-up")), i > 0);
      g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (actions, "move-down")), !last);
    }
}

static void
open_row (TrTravellerList *self,
          guint            index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, index);

  if (row == NULL)
    return;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_NAME));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TrTravellerList *self = TR_TRAVELLER_LIST (widget);
  g_autoptr(TrTraveller) traveller = NULL;
  GListStore *travellers;

  if (self->report == NULL || !gtk_widget_is_sensitive (widget))
    return;
  travellers = tr_report_get_travellers (self->report);
  traveller = tr_traveller_new ();
  /* A traveller usually works for the agency the report names. */
  tr_traveller_set (traveller, TR_TRAVELLER_AGENCY, tr_report_get_text (self->report, TR_FIELD_AGENCY));
  g_list_store_append (travellers, traveller);
  open_row (self, g_list_model_get_n_items (G_LIST_MODEL (travellers)) - 1);
}

static void
tr_traveller_list_dispose (GObject *object)
{
  TrTravellerList *self = TR_TRAVELLER_LIST (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_func (tr_report_get_travellers (self->report), update_move_actions, self);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (tr_traveller_list_parent_class)->dispose (object);
}

static void
tr_traveller_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrTravellerList *self = TR_TRAVELLER_LIST (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_label_get_text (self->placeholder));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_traveller_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrTravellerList *self = TR_TRAVELLER_LIST (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      gtk_label_set_text (self->placeholder, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_traveller_list_class_init (TrTravellerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_traveller_list_dispose;
  object_class->get_property = tr_traveller_list_get_property;
  object_class->set_property = tr_traveller_list_set_property;

  /* What the empty list says. */
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "travellers.add", NULL, add_action);
}

static void
tr_traveller_list_init (TrTravellerList *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Traveller"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "travellers.add");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);

  self->placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 12);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (self->list_box, GTK_WIDGET (self->placeholder));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list_box));
}

GtkWidget *
tr_traveller_list_new (void)
{
  return g_object_new (TR_TYPE_TRAVELLER_LIST, NULL);
}

void
tr_traveller_list_set_report (TrTravellerList *self,
                              TrReport        *report)
{
  g_return_if_fail (TR_IS_TRAVELLER_LIST (self));
  g_return_if_fail (report == NULL || TR_IS_REPORT (report));

  if (self->report != NULL)
    g_signal_handlers_disconnect_by_func (tr_report_get_travellers (self->report), update_move_actions, self);
  g_set_object (&self->report, report);
  if (report == NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  else
    {
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (tr_report_get_travellers (report)),
                               create_row, self, NULL);
      /* After the list box's own handler: the rows are there. */
      g_signal_connect_object (tr_report_get_travellers (report), "items-changed",
                               G_CALLBACK (update_move_actions), self, G_CONNECT_SWAPPED);
      update_move_actions (self);
    }
}

gboolean
tr_traveller_list_focus_first (TrTravellerList *self)
{
  g_return_val_if_fail (TR_IS_TRAVELLER_LIST (self), FALSE);

  if (gtk_list_box_get_row_at_index (self->list_box, 0) == NULL)
    return gtk_widget_activate_action (GTK_WIDGET (self), "travellers.add", NULL);
  open_row (self, 0);
  return TRUE;
}

GtkWidget *
tr_traveller_list_get_row (TrTravellerList *self,
                           guint            index)
{
  g_return_val_if_fail (TR_IS_TRAVELLER_LIST (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, index));
}
