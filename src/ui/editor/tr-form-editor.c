/* tr-form-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-date-row.h"
#include "tr-phone.h"
#include "tr-widget-util.h"
#include "tr-form-editor.h"
#include "tr-form-editor-private.h"
#include "tr-traveller-list.h"

/* Report content, not UI text: the form prints these words. */
const char * const tr_form_editor_categories[] = {
  "考察", "進修", "研究", "實習", "視察", "訪問", "開會", "談判", "其他", NULL
};
#define CATEGORY_OTHER "其他"

struct _TrFormEditor
{
  GtkWidget parent_instance;

  TrReport *report;
  GPtrArray *bindings;
  /* Field key → the row that edits it, for the completeness panel. */
  GHashTable *targets;
  GtkStringList *categories;
  gboolean updating;

  AdwEntryRow *title_row;
  AdwEntryRow *agency_row;
  AdwEntryRow *contact_row;
  AdwEntryRow *phone_row;
  /* Shown, with a hint, while the phone number is not one of Taiwan's. */
  GtkWidget *phone_warning;
  AdwEntryRow *keywords_row;
  AdwEntryRow *classification_row;
  GtkSwitch *attachments_switch;
  GtkLabel *pages_label;
  AdwComboRow *category_row;
  AdwEntryRow *category_other_row;
  AdwEntryRow *destination_row;
  TrDateRow *period_start_row;
  TrDateRow *period_end_row;
  TrDateRow *report_date_row;
  TrTravellerList *traveller_list;
};

G_DEFINE_FINAL_TYPE (TrFormEditor, tr_form_editor, GTK_TYPE_WIDGET)

/* Keywords are typed in one row, separated the way people write them. */
static void
keywords_changed (TrFormEditor *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) keywords = NULL;

  if (self->updating || self->report == NULL)
    return;

  text = g_string_new (gtk_editable_get_text (GTK_EDITABLE (self->keywords_row)));
  g_string_replace (text, "、", ",", 0);
  g_string_replace (text, "，", ",", 0);
  g_string_replace (text, "；", ",", 0);
  g_string_replace (text, ";", ",", 0);
  parts = g_strsplit (text->str, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  keywords = g_strv_builder_end (builder);

  self->updating = TRUE;
  tr_report_set_keywords (self->report, (const char * const *) keywords);
  self->updating = FALSE;
}

static void
report_keywords_changed (TrFormEditor *self)
{
  g_autofree char *joined = NULL;

  if (self->updating)
    return;
  joined = g_strjoinv ("、", (char **) tr_report_get_keywords (self->report));
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), joined);
  self->updating = FALSE;
}

static guint
find_category (TrFormEditor *self,
               const char   *category)
{
  GListModel *model = G_LIST_MODEL (self->categories);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->categories, i), category) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
report_category_changed (TrFormEditor *self)
{
  const char *category = tr_report_get_text (self->report, TR_FIELD_CATEGORY);
  guint position;

  if (self->updating)
    return;

  position = find_category (self, category);
  /* Imported reports may use an older list (國際會議 …): show it as it is. */
  if (position == GTK_INVALID_LIST_POSITION && category[0] != '\0')
    {
      gtk_string_list_append (self->categories, category);
      position = find_category (self, category);
    }

  self->updating = TRUE;
  adw_combo_row_set_selected (self->category_row, position);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->category_other_row),
                          g_str_equal (category, CATEGORY_OTHER) ||
                          tr_report_get_text (self->report, TR_FIELD_CATEGORY_OTHER)[0] != '\0');
}

static void
category_selected (TrFormEditor *self)
{
  guint position = adw_combo_row_get_selected (self->category_row);
  const char *category;

  if (self->updating || self->report == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  category = gtk_string_list_get_string (self->categories, position);
  self->updating = TRUE;
  tr_report_set_text (self->report, TR_FIELD_CATEGORY, category);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->category_other_row), g_str_equal (category, CATEGORY_OTHER));
}

static gboolean
pages_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  guint pages = g_value_get_uint (from);

  /* TRANSLATORS: the number of pages before any PDF of the report was made */
  g_value_take_string (to, pages > 0 ? g_strdup_printf ("%u", pages) : g_strdup (_("Not yet counted")));
  return TRUE;
}

static void
check_period (TrFormEditor *self)
{
  const char *start = tr_date_row_get_date (self->period_start_row);
  const char *end = tr_date_row_get_date (self->period_end_row);

  /* Trips are days long: the return is picked near the departure. */
  tr_date_row_set_default_date (self->period_end_row, start);
  /* ISO dates compare as text. */
  if (start[0] != '\0' && end[0] != '\0' && strcmp (start, end) > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_end_row), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_end_row),
                                   _("The return date is before the departure date"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->period_end_row), "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_end_row), NULL);
    }
}

/* A hint, never a refusal: the number is saved as typed. While the row is
 * being typed in, a hint only goes away (a half-typed number is not
 * wrong); it comes when the focus leaves the row or the report is shown. */
static void
check_phone (TrFormEditor *self,
             gboolean      typing)
{
  TrPhoneStatus status = tr_phone_check (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)), NULL, NULL);
  const char *hint = tr_phone_status_get_hint (status);

  if (hint != NULL && typing && !gtk_widget_get_visible (self->phone_warning))
    return;
  gtk_widget_set_visible (self->phone_warning, hint != NULL);
  gtk_widget_set_tooltip_text (self->phone_warning, hint);
  if (hint != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_row), "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->phone_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "warning");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->phone_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
phone_changed (TrFormEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  check_phone (self, focus != NULL && (focus == GTK_WIDGET (self->phone_row) ||
                                       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->phone_row))));
}

static void
phone_focus_left (TrFormEditor *self)
{
  check_phone (self, FALSE);
}

static void
tr_form_editor_dispose (GObject *object)
{
  TrFormEditor *self = TR_FORM_EDITOR (object);

  if (self->report != NULL)
    {
      tr_unbind_all (self->bindings);
      g_signal_handlers_disconnect_by_data (self->report, self);
      g_clear_object (&self->report);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_FORM_EDITOR);
  tr_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (tr_form_editor_parent_class)->dispose (object);
}

static void
tr_form_editor_finalize (GObject *object)
{
  TrFormEditor *self = TR_FORM_EDITOR (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_object (&self->categories);

  G_OBJECT_CLASS (tr_form_editor_parent_class)->finalize (object);
}

static void
tr_form_editor_class_init (TrFormEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_form_editor_dispose;
  object_class->finalize = tr_form_editor_finalize;

  g_type_ensure (TR_TYPE_DATE_ROW);
  g_type_ensure (TR_TYPE_TRAVELLER_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/editor/tr-form-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, agency_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, classification_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, attachments_switch);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, pages_label);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, category_other_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, destination_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, period_end_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, report_date_row);
  gtk_widget_class_bind_template_child (widget_class, TrFormEditor, traveller_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tr_form_editor_init (TrFormEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 24);

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->targets = g_hash_table_new (g_str_hash, g_str_equal);
  {
    GtkWidget *rows[] = {
      GTK_WIDGET (self->title_row), GTK_WIDGET (self->agency_row), GTK_WIDGET (self->contact_row),
      GTK_WIDGET (self->phone_row), GTK_WIDGET (self->keywords_row),
      GTK_WIDGET (self->classification_row), GTK_WIDGET (self->category_row),
      GTK_WIDGET (self->category_other_row), GTK_WIDGET (self->destination_row),
      GTK_WIDGET (self->period_start_row), GTK_WIDGET (self->period_end_row),
      GTK_WIDGET (self->report_date_row),
    };

    /* The rows are named after the field keys in the template. */
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_hash_table_insert (self->targets, (gpointer) gtk_widget_get_name (rows[i]), rows[i]);
  }
  self->categories = gtk_string_list_new ((const char * const *) tr_form_editor_categories);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (self->categories));
  adw_combo_row_set_selected (self->category_row, GTK_INVALID_LIST_POSITION);

  g_signal_connect_object (self->keywords_row, "changed", G_CALLBACK (keywords_changed),
                           self, G_CONNECT_SWAPPED);
  self->phone_warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->phone_warning, "warning");
  gtk_widget_set_visible (self->phone_warning, FALSE);
  adw_entry_row_add_suffix (self->phone_row, self->phone_warning);
  g_signal_connect_object (self->phone_row, "changed", G_CALLBACK (phone_changed),
                           self, G_CONNECT_SWAPPED);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (phone_focus_left), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->phone_row), focus);
  }
  g_signal_connect_object (self->category_row, "notify::selected", G_CALLBACK (category_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_start_row, "notify::date", G_CALLBACK (check_period),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_end_row, "notify::date", G_CALLBACK (check_period),
                           self, G_CONNECT_SWAPPED);
}

void
tr_form_editor_set_report (TrFormEditor *self,
                           TrReport     *report)
{
  static const struct {
    const char *property;
    gsize offset;
  } entries[] = {
    { "title", G_STRUCT_OFFSET (TrFormEditor, title_row) },
    { "agency", G_STRUCT_OFFSET (TrFormEditor, agency_row) },
    { "contact", G_STRUCT_OFFSET (TrFormEditor, contact_row) },
    { "phone", G_STRUCT_OFFSET (TrFormEditor, phone_row) },
    { "classification", G_STRUCT_OFFSET (TrFormEditor, classification_row) },
    { "category-other", G_STRUCT_OFFSET (TrFormEditor, category_other_row) },
    { "destination", G_STRUCT_OFFSET (TrFormEditor, destination_row) },
  };

  GBinding *binding;

  g_return_if_fail (TR_IS_FORM_EDITOR (self));
  g_return_if_fail (report == NULL || TR_IS_REPORT (report));

  if (self->report != NULL)
    {
      tr_unbind_all (self->bindings);
      g_signal_handlers_disconnect_by_data (self->report, self);
      g_clear_object (&self->report);
    }
  tr_traveller_list_set_report (self->traveller_list, report);
  if (report == NULL)
    return;

  self->report = g_object_ref (report);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    tr_bind_both_ways (self->bindings, report, entries[i].property,
                       G_STRUCT_MEMBER (gpointer, self, entries[i].offset), "text");
  tr_bind_both_ways (self->bindings, report, "period-start", self->period_start_row, "date");
  tr_bind_both_ways (self->bindings, report, "period-end", self->period_end_row, "date");
  tr_bind_both_ways (self->bindings, report, "report-date", self->report_date_row, "date");
  tr_bind_both_ways (self->bindings, report, "has-attachments", self->attachments_switch, "active");
  /* Not typed: the pages of the PDF last made, so that the form and the
   * PDF never disagree. */
  binding = g_object_bind_property_full (report, "pages", self->pages_label, "label", G_BINDING_SYNC_CREATE,
                                         pages_to_label, NULL, NULL, NULL);
  g_ptr_array_add (self->bindings, g_object_ref (binding));

  g_signal_connect_object (report, "notify::keywords", G_CALLBACK (report_keywords_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (report, "notify::category", G_CALLBACK (report_category_changed),
                           self, G_CONNECT_SWAPPED);
  report_keywords_changed (self);
  report_category_changed (self);
  check_period (self);
  check_phone (self, FALSE);
}

gboolean
tr_form_editor_focus_target (TrFormEditor *self,
                             const char   *target)
{
  GtkWidget *widget;

  g_return_val_if_fail (TR_IS_FORM_EDITOR (self), FALSE);

  if (g_strcmp0 (target, "travellers") == 0)
    return tr_traveller_list_focus_first (self->traveller_list);

  widget = tr_form_editor_get_row (self, target);
  if (widget == NULL)
    return FALSE;
  gtk_widget_set_visible (widget, TRUE);
  return gtk_widget_grab_focus (widget);
}

GtkWidget *
tr_form_editor_get_row (TrFormEditor *self,
                        const char   *key)
{
  g_return_val_if_fail (TR_IS_FORM_EDITOR (self), NULL);
  return key != NULL ? g_hash_table_lookup (self->targets, key) : NULL;
}

GtkWidget *
tr_form_editor_get_pages_label (TrFormEditor *self)
{
  g_return_val_if_fail (TR_IS_FORM_EDITOR (self), NULL);
  return GTK_WIDGET (self->pages_label);
}

GtkWidget *
tr_form_editor_get_traveller_list (TrFormEditor *self)
{
  g_return_val_if_fail (TR_IS_FORM_EDITOR (self), NULL);
  return GTK_WIDGET (self->traveller_list);
}

GPtrArray *
tr_form_editor_get_text_rows (TrFormEditor *self)
{
  GPtrArray *rows;

  g_return_val_if_fail (TR_IS_FORM_EDITOR (self), NULL);

  rows = g_ptr_array_new ();
  g_ptr_array_add (rows, self->title_row);
  g_ptr_array_add (rows, self->agency_row);
  g_ptr_array_add (rows, self->contact_row);
  g_ptr_array_add (rows, self->phone_row);
  g_ptr_array_add (rows, self->keywords_row);
  g_ptr_array_add (rows, self->classification_row);
  g_ptr_array_add (rows, self->category_other_row);
  g_ptr_array_add (rows, self->destination_row);
  return rows;
}

GtkWidget *
tr_form_editor_get_phone_warning (TrFormEditor *self)
{
  g_return_val_if_fail (TR_IS_FORM_EDITOR (self), NULL);
  return self->phone_warning;
}
