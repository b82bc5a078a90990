/* tr-body.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-body.h"
#include "tr-core-private.h"

struct _TrBody
{
  GObject parent_instance;

  /* n_tables + 1 strings, NULL for an empty run. */
  GPtrArray *runs;
  GPtrArray *tables;
  /* tr_body_get_plain_text(), NULL until asked for after a change. */
  char *plain_text;
};

G_DEFINE_FINAL_TYPE (TrBody, tr_body, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
table_changed (TrTable *table,
               TrBody  *self);

static void
release_table (gpointer data,
               gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, table_changed, user_data);
}

static void
clear_tables (TrBody *self)
{
  g_ptr_array_foreach (self->tables, release_table, self);
  g_ptr_array_set_size (self->tables, 0);
}

static void
tr_body_dispose (GObject *object)
{
  TrBody *self = TR_BODY (object);

  if (self->tables != NULL)
    clear_tables (self);

  G_OBJECT_CLASS (tr_body_parent_class)->dispose (object);
}

static void
tr_body_finalize (GObject *object)
{
  TrBody *self = TR_BODY (object);

  g_clear_pointer (&self->runs, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_free (self->plain_text);

  G_OBJECT_CLASS (tr_body_parent_class)->finalize (object);
}

static void
tr_body_class_init (TrBodyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tr_body_dispose;
  object_class->finalize = tr_body_finalize;

  /**
   * TrBody::changed:
   *
   * Emitted once after each change of a text run, of the list of tables or
   * of a table in it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tr_body_init (TrBody *self)
{
  self->runs = g_ptr_array_new_with_free_func (g_free);
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->runs, NULL);
}

static void
emit_changed (TrBody *self)
{
  g_clear_pointer (&self->plain_text, g_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
table_changed (TrTable *table,
               TrBody  *self)
{
  emit_changed (self);
}

static void
insert_table (TrBody  *self,
              guint    index,
              TrTable *table)
{
  g_ptr_array_insert (self->tables, index, g_object_ref (table));
  g_signal_connect (table, "changed", G_CALLBACK (table_changed), self);
}

static char *
dup_run (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

TrBody *
tr_body_new (void)
{
  return g_object_new (TR_TYPE_BODY, NULL);
}

/* @self's content becomes a copy of @content's, without a signal. */
static void
copy_content (TrBody *self,
              TrBody *content)
{
  clear_tables (self);
  g_ptr_array_set_size (self->runs, 0);
  for (guint i = 0; i < content->runs->len; i++)
    g_ptr_array_add (self->runs, g_strdup (g_ptr_array_index (content->runs, i)));
  for (guint i = 0; i < content->tables->len; i++)
    {
      g_autoptr(TrTable) table = tr_table_copy (g_ptr_array_index (content->tables, i));

      insert_table (self, i, table);
    }
}

TrBody *
tr_body_copy (TrBody *self)
{
  TrBody *copy;

  g_return_val_if_fail (TR_IS_BODY (self), NULL);

  copy = tr_body_new ();
  copy_content (copy, self);
  return copy;
}

gboolean
tr_body_equal (TrBody *a,
               TrBody *b)
{
  g_return_val_if_fail (TR_IS_BODY (a), FALSE);
  g_return_val_if_fail (TR_IS_BODY (b), FALSE);

  if (a->tables->len != b->tables->len)
    return FALSE;
  for (guint i = 0; i < a->runs->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->runs, i), g_ptr_array_index (b->runs, i)) != 0)
      return FALSE;
  for (guint i = 0; i < a->tables->len; i++)
    if (!tr_table_equal (g_ptr_array_index (a->tables, i), g_ptr_array_index (b->tables, i)))
      return FALSE;
  return TRUE;
}

void
tr_body_replace (TrBody *self,
                 TrBody *content)
{
  g_return_if_fail (TR_IS_BODY (self));
  g_return_if_fail (TR_IS_BODY (content));

  if (self == content || tr_body_equal (self, content))
    return;
  copy_content (self, content);
  emit_changed (self);
}

guint
tr_body_get_n_tables (TrBody *self)
{
  g_return_val_if_fail (TR_IS_BODY (self), 0);
  return self->tables->len;
}

TrTable *
tr_body_get_table (TrBody *self,
                   guint   index)
{
  g_return_val_if_fail (TR_IS_BODY (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return g_ptr_array_index (self->tables, index);
}

const char *
tr_body_get_text_run (TrBody *self,
                      guint   index)
{
  const char *text;

  g_return_val_if_fail (TR_IS_BODY (self), "");
  g_return_val_if_fail (index < self->runs->len, "");

  text = g_ptr_array_index (self->runs, index);
  return text != NULL ? text : "";
}

void
tr_body_set_text_run (TrBody     *self,
                      guint       index,
                      const char *text)
{
  g_return_if_fail (TR_IS_BODY (self));
  g_return_if_fail (index < self->runs->len);

  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (tr_set_str ((char **) &g_ptr_array_index (self->runs, index), text))
    emit_changed (self);
}

void
tr_body_insert_table (TrBody  *self,
                      guint    run,
                      guint    offset,
                      TrTable *table)
{
  char *old;
  const char *text;
  const char *split;
  char *before;

  g_return_if_fail (TR_IS_BODY (self));
  g_return_if_fail (run < self->runs->len);
  g_return_if_fail (TR_IS_TABLE (table));
  g_return_if_fail (self->tables->len < TR_BODY_MAX_TABLES);

  old = g_ptr_array_index (self->runs, run);
  text = old != NULL ? old : "";
  split = g_utf8_offset_to_pointer (text, MIN ((glong) offset, g_utf8_strlen (text, -1)));
  before = split > text ? g_strndup (text, split - text) : NULL;
  g_ptr_array_insert (self->runs, run + 1, dup_run (split));
  g_ptr_array_index (self->runs, run) = before;
  g_free (old);
  insert_table (self, run, table);
  emit_changed (self);
}

void
tr_body_remove_table (TrBody *self,
                      guint   index)
{
  char *before;
  char *after;

  g_return_if_fail (TR_IS_BODY (self));
  g_return_if_fail (index < self->tables->len);

  release_table (g_ptr_array_index (self->tables, index), self);
  g_ptr_array_remove_index (self->tables, index);

  before = g_ptr_array_index (self->runs, index);
  after = g_ptr_array_steal_index (self->runs, index + 1);
  g_ptr_array_index (self->runs, index) = before == NULL ? after
                                        : after == NULL ? before
                                        : g_strconcat (before, after, NULL);
  if (before != NULL && after != NULL)
    {
      g_free (before);
      g_free (after);
    }
  emit_changed (self);
}

void
tr_body_append_text (TrBody     *self,
                     const char *text)
{
  char **last;
  char *joined;

  g_return_if_fail (TR_IS_BODY (self));

  if (text == NULL || text[0] == '\0')
    return;

  last = (char **) &g_ptr_array_index (self->runs, self->runs->len - 1);
  if (*last == NULL)
    joined = g_strdup (text);
  else if (g_str_has_suffix (*last, "\n"))
    joined = g_strconcat (*last, text, NULL);
  else
    joined = g_strconcat (*last, "\n", text, NULL);
  g_free (*last);
  *last = joined;
  emit_changed (self);
}

void
tr_body_append_table (TrBody  *self,
                      TrTable *table)
{
  g_return_if_fail (TR_IS_BODY (self));
  g_return_if_fail (TR_IS_TABLE (table));
  g_return_if_fail (self->tables->len < TR_BODY_MAX_TABLES);

  insert_table (self, self->tables->len, table);
  g_ptr_array_add (self->runs, NULL);
  emit_changed (self);
}

void
tr_body_set_text (TrBody     *self,
                  const char *text)
{
  g_return_if_fail (TR_IS_BODY (self));

  if (text == NULL)
    text = "";
  /* Text written back as it was shown keeps its tables. */
  if (g_str_equal (text, tr_body_get_plain_text (self)))
    return;

  clear_tables (self);
  g_ptr_array_set_size (self->runs, 0);
  g_ptr_array_add (self->runs, dup_run (text));
  emit_changed (self);
}

const char *
tr_body_get_plain_text (TrBody *self)
{
  GString *out;

  g_return_val_if_fail (TR_IS_BODY (self), "");

  if (self->plain_text != NULL)
    return self->plain_text;
  if (self->tables->len == 0)
    return tr_body_get_text_run (self, 0);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->runs->len; i++)
    {
      const char *run = g_ptr_array_index (self->runs, i);

      if (run != NULL)
        {
          if (out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          g_string_append (out, run);
        }
      if (i < self->tables->len)
        {
          if (out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          tr_table_append_plain_text (g_ptr_array_index (self->tables, i), out);
        }
    }
  self->plain_text = g_string_free (out, FALSE);
  return self->plain_text;
}

typedef struct {
  gsize offset;         /* sought */
  int run;              /* sought instead, when not -1 */
  int table;            /* or the start of a cell of this table */
  guint cell_row, cell_column;
  gsize position;       /* in the plain text, so far */
  gboolean ends_line;   /* what came last is a line break, or nothing */
  gboolean found;
  TrBodyPart part;
  guint index, row, column;
  gsize part_offset;
} Locator;

/* A part of @length bytes at the locator's position: the sought offset,
 * when in it or at its end. */
static void
locate_in (Locator    *locator,
           TrBodyPart  part,
           guint       index,
           guint       row,
           guint       column,
           gsize       length)
{
  if (!locator->found && locator->offset <= locator->position + length)
    {
      locator->found = TRUE;
      locator->part = part;
      locator->index = index;
      locator->row = row;
      locator->column = column;
      locator->part_offset = locator->offset - locator->position;
    }
  locator->position += length;
}

/* Walks the plain text as tr_body_get_plain_text() writes it. */
static void
walk (TrBody  *self,
      Locator *result)
{
  Locator locator = *result;

  for (guint i = 0; i < self->runs->len && !locator.found; i++)
    {
      const char *run = g_ptr_array_index (self->runs, i);

      if (run != NULL)
        {
          gsize length = strlen (run);

          locator.position += locator.ends_line ? 0 : 1;
          if (locator.run == (int) i)
            {
              locator.found = TRUE;
              locator.part_offset = locator.position;
              break;
            }
          locate_in (&locator, TR_BODY_PART_RUN, i, 0, 0, length);
          locator.ends_line = run[length - 1] == '\n';
        }
      if (i < self->tables->len && !locator.found)
        {
          TrTable *table = g_ptr_array_index (self->tables, i);
          const char *caption = tr_table_get_caption (table);

          locator.position += locator.ends_line ? 0 : 1;
          if (caption[0] != '\0')
            {
              locate_in (&locator, TR_BODY_PART_CAPTION, i, 0, 0, strlen (caption));
              locator.position++;
              locator.ends_line = TRUE;
            }
          for (guint row = 0; row < tr_table_get_n_rows (table); row++)
            for (guint column = 0; column < tr_table_get_n_columns (table); column++)
              {
                const char *cell = tr_table_get_cell (table, row, column);
                gsize length = strlen (cell);

                /* A tab between cells, a line break between rows. */
                if (row > 0 || column > 0)
                  {
                    locator.position++;
                    locator.ends_line = column == 0;
                  }
                if (locator.table == (int) i && locator.cell_row == row && locator.cell_column == column)
                  {
                    locator.found = TRUE;
                    locator.part_offset = locator.position;
                    *result = locator;
                    return;
                  }
                locate_in (&locator, TR_BODY_PART_CELL, i, row, column, length);
                if (length > 0)
                  locator.ends_line = cell[length - 1] == '\n';
              }
        }
    }
  *result = locator;
}

gboolean
tr_body_locate (TrBody     *self,
                gsize       offset,
                TrBodyPart *out_part,
                guint      *out_index,
                guint      *out_row,
                guint      *out_column,
                gsize      *out_offset)
{
  Locator locator = { .offset = offset, .run = -1, .table = -1, .ends_line = TRUE };

  g_return_val_if_fail (TR_IS_BODY (self), FALSE);

  walk (self, &locator);
  if (!locator.found)
    return FALSE;
  if (out_part != NULL)
    *out_part = locator.part;
  if (out_index != NULL)
    *out_index = locator.index;
  if (out_row != NULL)
    *out_row = locator.row;
  if (out_column != NULL)
    *out_column = locator.column;
  if (out_offset != NULL)
    *out_offset = locator.part_offset;
  return TRUE;
}

gboolean
tr_body_get_run_start (TrBody *self,
                       guint   index,
                       gsize  *out_offset)
{
  /* Nothing sought by offset: G_MAXSIZE is never reached. */
  Locator locator = { .offset = G_MAXSIZE, .run = index, .table = -1, .ends_line = TRUE };

  g_return_val_if_fail (TR_IS_BODY (self), FALSE);
  g_return_val_if_fail (out_offset != NULL, FALSE);

  if (index >= self->runs->len || g_ptr_array_index (self->runs, index) == NULL)
    return FALSE;
  walk (self, &locator);
  *out_offset = locator.part_offset;
  return locator.found;
}

gboolean
tr_body_get_cell_start (TrBody *self,
                        guint   table,
                        guint   row,
                        guint   column,
                        gsize  *out_offset)
{
  Locator locator = { .offset = G_MAXSIZE, .run = -1, .table = table, .cell_row = row,
                      .cell_column = column, .ends_line = TRUE };

  g_return_val_if_fail (TR_IS_BODY (self), FALSE);
  g_return_val_if_fail (out_offset != NULL, FALSE);

  if (table >= self->tables->len)
    return FALSE;
  walk (self, &locator);
  *out_offset = locator.part_offset;
  return locator.found;
}
