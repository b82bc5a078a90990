/* tr-report-table.c
 *
 * A text view gives the widgets anchored in its text their minimum width,
 * and never more: a grid of wrapping labels would be squeezed to a column
 * of single characters. So the table's minimum width is the width its
 * columns ask for, within the width of the text around it, which the
 * reader tells it (max-width).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-report-table.h"

/* A column wraps at its longest line, in characters, within these
 * bounds, as the exports size their columns. */
#define COLUMN_MIN_CHARS 4
#define COLUMN_MAX_CHARS 30

struct _TrReportTable
{
  GtkWidget parent_instance;

  GtkWidget *box;
  int max_width;
};

G_DEFINE_FINAL_TYPE (TrReportTable, tr_report_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MAX_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many characters wide @text's longest line is, a Chinese character
 * counting two, as GtkLabel's widths count them. */
static int
longest_line_chars (const char *text)
{
  int longest = 0, chars = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          longest = MAX (longest, chars);
          chars = 0;
        }
      else if (!g_unichar_iszerowidth (c))
        chars += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2 : 1;
    }
  return MAX (longest, chars);
}

static GtkWidget *
new_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Not a tab stop each: a long table would trap the keyboard. */
  gtk_widget_set_focusable (label, FALSE);
  return label;
}

static void
tr_report_table_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TrReportTable *self = TR_REPORT_TABLE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);
      /* As wide as the columns ask, and the text allows. */
      if (self->max_width >= 0)
        *minimum = MAX (*minimum, MIN (*natural, self->max_width));
      else
        *minimum = *natural;
      return;
    }

  /* As high as the table is at the width it takes. */
  if (for_size < 0)
    {
      int width_natural;

      tr_report_table_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &for_size, &width_natural, NULL, NULL);
    }
  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);
}

static GtkSizeRequestMode
tr_report_table_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tr_report_table_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TrReportTable *self = TR_REPORT_TABLE (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
tr_report_table_dispose (GObject *object)
{
  TrReportTable *self = TR_REPORT_TABLE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (tr_report_table_parent_class)->dispose (object);
}

static void
tr_report_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrReportTable *self = TR_REPORT_TABLE (object);

  switch (prop_id)
    {
    case PROP_MAX_WIDTH:
      g_value_set_int (value, self->max_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_report_table_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrReportTable *self = TR_REPORT_TABLE (object);

  switch (prop_id)
    {
    case PROP_MAX_WIDTH:
      tr_report_table_set_max_width (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_report_table_class_init (TrReportTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_report_table_dispose;
  object_class->get_property = tr_report_table_get_property;
  object_class->set_property = tr_report_table_set_property;
  widget_class->get_request_mode = tr_report_table_get_request_mode;
  widget_class->measure = tr_report_table_measure;
  widget_class->size_allocate = tr_report_table_size_allocate;

  /**
   * TrReportTable:max-width:
   *
   * The width of the text the table stands in, in pixels; -1 for none.
   */
  properties[PROP_MAX_WIDTH] =
    g_param_spec_int ("max-width", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "report-table");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tr_report_table_init (TrReportTable *self)
{
  self->max_width = -1;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
tr_report_table_new (TrTable *table,
                     guint    number)
{
  TrReportTable *self;
  guint n_rows, n_columns;
  GtkWidget *grid;
  g_autofree char *caption = NULL;

  g_return_val_if_fail (TR_IS_TABLE (table), NULL);

  self = g_object_new (TR_TYPE_REPORT_TABLE, NULL);
  n_rows = tr_table_get_n_rows (table);
  n_columns = tr_table_get_n_columns (table);

  if (number > 0)
    {
      GtkWidget *label;

      caption = g_strdup_printf ("表 %u：%s", number, tr_table_get_caption (table));
      label = new_label (caption);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 2 * COLUMN_MAX_CHARS);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (self->box), label);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  caption != NULL ? caption : _("Table"), -1);

  grid = gtk_grid_new ();
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->box), grid);
  for (guint c = 0; c < n_columns; c++)
    {
      int chars = 0;

      for (guint r = 0; r < n_rows && chars < COLUMN_MAX_CHARS; r++)
        chars = MAX (chars, longest_line_chars (tr_table_get_cell (table, r, c)));
      chars = CLAMP (chars, COLUMN_MIN_CHARS, COLUMN_MAX_CHARS);

      for (guint r = 0; r < n_rows; r++)
        {
          GtkWidget *cell = new_label (tr_table_get_cell (table, r, c));

          gtk_label_set_max_width_chars (GTK_LABEL (cell), chars);
          gtk_label_set_xalign (GTK_LABEL (cell), 0);
          gtk_label_set_yalign (GTK_LABEL (cell), 0);
          gtk_widget_add_css_class (cell, "cell");
          if (r == 0 && tr_table_get_has_header (table))
            gtk_widget_add_css_class (cell, "header");
          gtk_grid_attach (GTK_GRID (grid), cell, c, r, 1, 1);
        }
    }
  return GTK_WIDGET (self);
}

int
tr_report_table_get_max_width (TrReportTable *self)
{
  g_return_val_if_fail (TR_IS_REPORT_TABLE (self), -1);

  return self->max_width;
}

void
tr_report_table_set_max_width (TrReportTable *self,
                               int            max_width)
{
  g_return_if_fail (TR_IS_REPORT_TABLE (self));

  max_width = MAX (max_width, -1);
  if (self->max_width == max_width)
    return;
  self->max_width = max_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WIDTH]);
}
