/* tr-table.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-table.h"
#include "tr-core-private.h"

struct _TrTable
{
  GObject parent_instance;

  guint n_rows;
  guint n_columns;
  /* Row by row, n_rows × n_columns; NULL is an empty cell. */
  GPtrArray *cells;
  gboolean has_header;
  char *caption;
};

G_DEFINE_FINAL_TYPE (TrTable, tr_table, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ROWS,
  PROP_N_COLUMNS,
  PROP_HAS_HEADER,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define CELL_INDEX(self, row, column) ((row) * (self)->n_columns + (column))

static void
tr_table_finalize (GObject *object)
{
  TrTable *self = TR_TABLE (object);

  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_free (self->caption);

  G_OBJECT_CLASS (tr_table_parent_class)->finalize (object);
}

static void
tr_table_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TrTable *self = TR_TABLE (object);

  switch (prop_id)
    {
    case PROP_N_ROWS:
      g_value_set_uint (value, self->n_rows);
      break;
    case PROP_N_COLUMNS:
      g_value_set_uint (value, self->n_columns);
      break;
    case PROP_HAS_HEADER:
      g_value_set_boolean (value, self->has_header);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, tr_table_get_caption (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_table_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TrTable *self = TR_TABLE (object);

  switch (prop_id)
    {
    case PROP_HAS_HEADER:
      tr_table_set_has_header (self, g_value_get_boolean (value));
      break;
    case PROP_CAPTION:
      tr_table_set_caption (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_table_class_init (TrTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tr_table_finalize;
  object_class->get_property = tr_table_get_property;
  object_class->set_property = tr_table_set_property;

  properties[PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL, 1, TR_TABLE_MAX_ROWS, 1, ro);
  properties[PROP_N_COLUMNS] =
    g_param_spec_uint ("n-columns", NULL, NULL, 1, TR_TABLE_MAX_COLUMNS, 1, ro);
  properties[PROP_HAS_HEADER] =
    g_param_spec_boolean ("has-header", NULL, NULL, FALSE, rw);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrTable::changed:
   *
   * Emitted once after each change of a cell, the rows, the columns, the
   * header or the caption: what an editor saves and records for undo on.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tr_table_init (TrTable *self)
{
  self->cells = g_ptr_array_new_with_free_func (g_free);
}

static void
emit_changed (TrTable *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

TrTable *
tr_table_new (guint n_rows,
              guint n_columns)
{
  TrTable *self;

  g_return_val_if_fail (n_rows >= 1 && n_rows <= TR_TABLE_MAX_ROWS, NULL);
  g_return_val_if_fail (n_columns >= 1 && n_columns <= TR_TABLE_MAX_COLUMNS, NULL);

  self = g_object_new (TR_TYPE_TABLE, NULL);
  self->n_rows = n_rows;
  self->n_columns = n_columns;
  g_ptr_array_set_size (self->cells, n_rows * n_columns);
  return self;
}

TrTable *
tr_table_copy (TrTable *self)
{
  TrTable *copy;

  g_return_val_if_fail (TR_IS_TABLE (self), NULL);

  copy = tr_table_new (self->n_rows, self->n_columns);
  for (guint i = 0; i < self->cells->len; i++)
    g_ptr_array_index (copy->cells, i) = g_strdup (g_ptr_array_index (self->cells, i));
  copy->has_header = self->has_header;
  copy->caption = g_strdup (self->caption);
  return copy;
}

gboolean
tr_table_equal (TrTable *a,
                TrTable *b)
{
  g_return_val_if_fail (TR_IS_TABLE (a), FALSE);
  g_return_val_if_fail (TR_IS_TABLE (b), FALSE);

  if (a->n_rows != b->n_rows || a->n_columns != b->n_columns ||
      a->has_header != b->has_header ||
      g_strcmp0 (tr_table_get_caption (a), tr_table_get_caption (b)) != 0)
    return FALSE;
  for (guint row = 0; row < a->n_rows; row++)
    for (guint column = 0; column < a->n_columns; column++)
      if (g_strcmp0 (tr_table_get_cell (a, row, column), tr_table_get_cell (b, row, column)) != 0)
        return FALSE;
  return TRUE;
}

guint
tr_table_get_n_rows (TrTable *self)
{
  g_return_val_if_fail (TR_IS_TABLE (self), 0);
  return self->n_rows;
}

guint
tr_table_get_n_columns (TrTable *self)
{
  g_return_val_if_fail (TR_IS_TABLE (self), 0);
  return self->n_columns;
}

const char *
tr_table_get_cell (TrTable *self,
                   guint    row,
                   guint    column)
{
  const char *text;

  g_return_val_if_fail (TR_IS_TABLE (self), "");
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, "");

  text = g_ptr_array_index (self->cells, CELL_INDEX (self, row, column));
  return text != NULL ? text : "";
}

void
tr_table_set_cell (TrTable    *self,
                   guint       row,
                   guint       column,
                   const char *text)
{
  g_return_if_fail (TR_IS_TABLE (self));
  g_return_if_fail (row < self->n_rows && column < self->n_columns);

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (tr_set_str ((char **) &g_ptr_array_index (self->cells, CELL_INDEX (self, row, column)), text))
    emit_changed (self);
}

/* The @index-th string of @cells, NULL past its end or for an empty one. */
static char *
dup_nth (const char * const *cells,
         guint              *index_and_end)
{
  const char *text;

  if (cells == NULL || cells[*index_and_end] == NULL)
    return NULL;
  text = cells[(*index_and_end)++];
  return text[0] != '\0' ? g_strdup (text) : NULL;
}

void
tr_table_insert_row (TrTable            *self,
                     guint               position,
                     const char * const *cells)
{
  guint next = 0;

  g_return_if_fail (TR_IS_TABLE (self));
  g_return_if_fail (position <= self->n_rows);
  g_return_if_fail (self->n_rows < TR_TABLE_MAX_ROWS);

  for (guint column = 0; column < self->n_columns; column++)
    g_ptr_array_insert (self->cells, CELL_INDEX (self, position, column), dup_nth (cells, &next));
  self->n_rows++;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
  emit_changed (self);
}

void
tr_table_remove_row (TrTable *self,
                     guint    position)
{
  g_return_if_fail (TR_IS_TABLE (self));
  g_return_if_fail (position < self->n_rows);
  g_return_if_fail (self->n_rows > 1);

  g_ptr_array_remove_range (self->cells, CELL_INDEX (self, position, 0), self->n_columns);
  self->n_rows--;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
  emit_changed (self);
}

void
tr_table_insert_column (TrTable            *self,
                        guint               position,
                        const char * const *cells)
{
  guint next = 0;

  g_return_if_fail (TR_IS_TABLE (self));
  g_return_if_fail (position <= self->n_columns);
  g_return_if_fail (self->n_columns < TR_TABLE_MAX_COLUMNS);

  /* Each row grows by one from the first: the rows before have their new
   * width already. */
  for (guint row = 0; row < self->n_rows; row++)
    g_ptr_array_insert (self->cells, row * (self->n_columns + 1) + position, dup_nth (cells, &next));
  self->n_columns++;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COLUMNS]);
  emit_changed (self);
}

void
tr_table_remove_column (TrTable *self,
                        guint    position)
{
  g_return_if_fail (TR_IS_TABLE (self));
  g_return_if_fail (position < self->n_columns);
  g_return_if_fail (self->n_columns > 1);

  for (guint row = 0; row < self->n_rows; row++)
    g_ptr_array_remove_index (self->cells, row * (self->n_columns - 1) + position);
  self->n_columns--;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COLUMNS]);
  emit_changed (self);
}

gboolean
tr_table_get_has_header (TrTable *self)
{
  g_return_val_if_fail (TR_IS_TABLE (self), FALSE);
  return self->has_header;
}

void
tr_table_set_has_header (TrTable  *self,
                         gboolean  has_header)
{
  g_return_if_fail (TR_IS_TABLE (self));

  has_header = !!has_header;
  if (self->has_header == has_header)
    return;
  self->has_header = has_header;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_HEADER]);
  emit_changed (self);
}

const char *
tr_table_get_caption (TrTable *self)
{
  g_return_val_if_fail (TR_IS_TABLE (self), "");
  return self->caption != NULL ? self->caption : "";
}

void
tr_table_set_caption (TrTable    *self,
                      const char *caption)
{
  g_return_if_fail (TR_IS_TABLE (self));

  if (caption != NULL && caption[0] == '\0')
    caption = NULL;
  if (!tr_set_str (&self->caption, caption))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
  emit_changed (self);
}

void
tr_table_append_plain_text (TrTable *self,
                            GString *out)
{
  g_return_if_fail (TR_IS_TABLE (self));
  g_return_if_fail (out != NULL);

  if (self->caption != NULL)
    g_string_append_printf (out, "%s\n", self->caption);
  for (guint row = 0; row < self->n_rows; row++)
    {
      if (row > 0)
        g_string_append_c (out, '\n');
      for (guint column = 0; column < self->n_columns; column++)
        {
          if (column > 0)
            g_string_append_c (out, '\t');
          g_string_append (out, tr_table_get_cell (self, row, column));
        }
    }
}
