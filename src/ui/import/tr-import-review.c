/* tr-import-review.c
 *
 * Left, the fields and a glance at each part; right, every paragraph in
 * reading order with the part it belongs to, which the user can change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-date-row.h"
#include "tr-import-review.h"
#include "tr-import-review-private.h"
#include "tr-text-block.h"
#include "tr-traveller-list.h"
#include "tr-warning.h"
#include "tr-widget-util.h"

/* How much of a part the overview shows. */
#define PREVIEW_CHARACTERS 60

struct _TrImportReview
{
  GtkWidget parent_instance;

  TrReport *report;
  GListStore *blocks;
  GPtrArray *bindings;
  GtkStringList *part_names;
  AdwActionRow *part_rows[TR_TEXT_BLOCK_N_FIELDS];

  GtkBox *warnings_box;
  AdwEntryRow *title_row;
  AdwEntryRow *agency_row;
  AdwEntryRow *category_row;
  AdwEntryRow *destination_row;
  TrDateRow *period_start_row;
  TrDateRow *period_end_row;
  TrDateRow *report_date_row;
  TrTravellerList *traveller_list;
  AdwPreferencesGroup *parts_group;
  GtkListView *blocks_view;
};

G_DEFINE_FINAL_TYPE (TrImportReview, tr_import_review, GTK_TYPE_WIDGET)

static const char *
part_name (guint index)
{
  /* The official words name the parts; only "unclassified" is ours. */
  static const char * const names[TR_TEXT_BLOCK_N_FIELDS - 1] = {
    "摘要", "目的", "過程", "心得", "建議", "附錄"
  };

  return index < G_N_ELEMENTS (names) ? names[index] : _("Unclassified");
}

static guint
part_index (TrField field)
{
  for (guint i = 0; i < TR_TEXT_BLOCK_N_FIELDS; i++)
    if (tr_text_block_fields[i] == field)
      return i;
  return TR_TEXT_BLOCK_N_FIELDS - 1;
}

/* The overview reads the blocks, so it shows moves before they are applied. */
static void
update_parts (TrImportReview *self)
{
  GString *openings[TR_TEXT_BLOCK_N_FIELDS] = { NULL };
  guint counts[TR_TEXT_BLOCK_N_FIELDS] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->blocks)); i++)
    {
      g_autoptr(TrTextBlock) block = g_list_model_get_item (G_LIST_MODEL (self->blocks), i);
      guint part = part_index (tr_text_block_get_field (block));
      const char *text = tr_text_block_get_text (block);

      counts[part] += g_utf8_strlen (text, -1);
      if (openings[part] == NULL)
        openings[part] = g_string_new (NULL);
      if (g_utf8_strlen (openings[part]->str, -1) < PREVIEW_CHARACTERS)
        g_string_append_printf (openings[part], "%s%s", openings[part]->len > 0 ? " " : "", text);
    }

  for (guint part = 0; part < TR_TEXT_BLOCK_N_FIELDS; part++)
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character",
                                                             "%u characters", counts[part]),
                                                counts[part]);
      g_autofree char *opening = NULL;

      if (openings[part] != NULL)
        {
          const char *end = g_utf8_offset_to_pointer (openings[part]->str,
                                                      MIN (PREVIEW_CHARACTERS,
                                                           g_utf8_strlen (openings[part]->str, -1)));

          opening = g_strdup_printf ("%.*s…", (int) (end - openings[part]->str), openings[part]->str);
          g_string_free (openings[part], TRUE);
        }

      adw_action_row_set_subtitle (self->part_rows[part], opening != NULL ? opening : _("Nothing found"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->part_rows[part]), count);
      if (opening == NULL && part > 0 && part < 5)
        gtk_widget_add_css_class (GTK_WIDGET (self->part_rows[part]), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->part_rows[part]), "warning");
    }
}

static void
block_part_selected (GtkDropDown    *dropdown,
                     GParamSpec     *pspec,
                     TrImportReview *self)
{
  TrTextBlock *block = g_object_get_data (G_OBJECT (dropdown), "tr-block");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (block == NULL || selected >= TR_TEXT_BLOCK_N_FIELDS)
    return;
  tr_text_block_set_field (block, tr_text_block_fields[selected]);
  update_parts (self);
}

static void
setup_block (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TrImportReview           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->part_names)), NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (dropdown, _("The part this paragraph belongs to"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), label);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (block_part_selected), self, 0);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_block (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TrImportReview           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dropdown = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (dropdown);
  TrTextBlock *block = gtk_list_item_get_item (item);

  /* Cleared first, so that selecting does not move the previous block. */
  g_object_set_data (G_OBJECT (dropdown), "tr-block", NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), part_index (tr_text_block_get_field (block)));
  g_object_set_data (G_OBJECT (dropdown), "tr-block", block);
  gtk_label_set_text (GTK_LABEL (label), tr_text_block_get_text (block));
}

static void
unbind_block (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TrImportReview           *self)
{
  GtkWidget *dropdown = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  g_object_set_data (G_OBJECT (dropdown), "tr-block", NULL);
}

static void
clear_report (TrImportReview *self)
{
  GtkWidget *child;

  tr_traveller_list_set_report (self->traveller_list, NULL);
  tr_unbind_all (self->bindings);
  g_clear_object (&self->report);
  g_list_store_remove_all (self->blocks);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_box))) != NULL)
    gtk_box_remove (self->warnings_box, child);
}

static void
tr_import_review_dispose (GObject *object)
{
  TrImportReview *self = TR_IMPORT_REVIEW (object);

  clear_report (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_IMPORT_REVIEW);
  tr_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (tr_import_review_parent_class)->dispose (object);
}

static void
tr_import_review_finalize (GObject *object)
{
  TrImportReview *self = TR_IMPORT_REVIEW (object);

  g_clear_object (&self->blocks);
  g_clear_object (&self->part_names);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (tr_import_review_parent_class)->finalize (object);
}

static void
tr_import_review_class_init (TrImportReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_import_review_dispose;
  object_class->finalize = tr_import_review_finalize;

  g_type_ensure (TR_TYPE_DATE_ROW);
  g_type_ensure (TR_TYPE_TRAVELLER_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/import/tr-import-review.ui");
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, warnings_box);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, title_row);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, agency_row);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, category_row);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, destination_row);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, period_end_row);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, report_date_row);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, traveller_list);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, parts_group);
  gtk_widget_class_bind_template_child (widget_class, TrImportReview, blocks_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tr_import_review_init (TrImportReview *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);
  self->blocks = g_list_store_new (TR_TYPE_TEXT_BLOCK);
  self->part_names = gtk_string_list_new (NULL);
  for (guint part = 0; part < TR_TEXT_BLOCK_N_FIELDS; part++)
    {
      gtk_string_list_append (self->part_names, part_name (part));
      self->part_rows[part] = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->part_rows[part]), part_name (part));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->part_rows[part]), FALSE);
      adw_action_row_set_subtitle_lines (self->part_rows[part], 2);
      adw_preferences_group_add (self->parts_group, GTK_WIDGET (self->part_rows[part]));
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_block), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_block), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_block), self);
  gtk_list_view_set_factory (self->blocks_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->blocks)));
  gtk_list_view_set_model (self->blocks_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
tr_import_review_new (void)
{
  return g_object_new (TR_TYPE_IMPORT_REVIEW, NULL);
}

void
tr_import_review_set_report (TrImportReview *self,
                             TrReport       *report)
{
  g_autoptr(GListStore) blocks = NULL;
  const char * const *warnings;

  g_return_if_fail (TR_IS_IMPORT_REVIEW (self));
  g_return_if_fail (TR_IS_REPORT (report));

  clear_report (self);
  self->report = g_object_ref (report);

  tr_bind_both_ways (self->bindings, report, "title", self->title_row, "text");
  tr_bind_both_ways (self->bindings, report, "agency", self->agency_row, "text");
  tr_bind_both_ways (self->bindings, report, "category", self->category_row, "text");
  tr_bind_both_ways (self->bindings, report, "destination", self->destination_row, "text");
  tr_bind_both_ways (self->bindings, report, "period-start", self->period_start_row, "date");
  tr_bind_both_ways (self->bindings, report, "period-end", self->period_end_row, "date");
  tr_bind_both_ways (self->bindings, report, "report-date", self->report_date_row, "date");

  tr_traveller_list_set_report (self->traveller_list, report);

  warnings = tr_report_get_warnings (report);
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      g_autofree char *warning = tr_warning_format (warnings[i]);
      GtkWidget *label = gtk_label_new (warning);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (self->warnings_box, label);
    }

  blocks = tr_text_blocks_from_report (report);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (blocks)); i++)
    {
      g_autoptr(TrTextBlock) block = g_list_model_get_item (G_LIST_MODEL (blocks), i);

      g_list_store_append (self->blocks, block);
    }
  update_parts (self);
}

TrReport *
tr_import_review_get_report (TrImportReview *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_REVIEW (self), NULL);
  return self->report;
}

GListModel *
tr_import_review_get_blocks (TrImportReview *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_REVIEW (self), NULL);
  return G_LIST_MODEL (self->blocks);
}

GtkWidget *
tr_import_review_get_traveller_list (TrImportReview *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_REVIEW (self), NULL);
  return GTK_WIDGET (self->traveller_list);
}

void
tr_import_review_apply (TrImportReview *self)
{
  g_return_if_fail (TR_IS_IMPORT_REVIEW (self));

  if (self->report != NULL)
    tr_text_blocks_apply (G_LIST_MODEL (self->blocks), self->report);
}
