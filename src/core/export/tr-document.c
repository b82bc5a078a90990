/* tr-document.c: the parts of a laid-out document
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-document.h"
#include "tr-typeface.h"

static void
paragraph_free (TrDocParagraph *paragraph)
{
  if (paragraph == NULL)
    return;
  g_free (paragraph->marker);
  g_free (paragraph->text);
  g_free (paragraph);
}

TrDocParagraph *
tr_doc_paragraph_new (TrDocStyle  style,
                      const char *text)
{
  TrDocParagraph *paragraph = g_new0 (TrDocParagraph, 1);

  paragraph->style = style;
  paragraph->text = g_strdup (text != NULL ? text : "");
  return paragraph;
}

static void
heading_free (TrDocHeading *heading)
{
  g_free (heading->number);
  g_free (heading->title);
  g_free (heading->label);
  g_free (heading->text);
  g_free (heading->anchor);
  g_free (heading);
}

static void
contents_free (TrDocContents *contents)
{
  g_free (contents->title);
  g_ptr_array_unref (contents->headings);
  g_free (contents);
}

static void
photo_free (TrDocPhoto *photo)
{
  if (photo == NULL)
    return;
  g_object_unref (photo->photo);
  g_free (photo);
}

static void
cell_free (TrDocCell *cell)
{
  photo_free (cell->photo);
  g_ptr_array_unref (cell->paragraphs);
  g_free (cell);
}

static void
row_free (TrDocRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
table_free (TrDocTable *table)
{
  g_free (table->name);
  paragraph_free (table->caption);
  g_free (table->column_widths);
  g_free (table->free_from_row);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

TrDocTable *
tr_doc_table_new (TrDocTableKind  kind,
                  const char     *name,
                  guint           n_columns,
                  const double   *column_widths)
{
  TrDocTable *table = g_new0 (TrDocTable, 1);

  table->kind = kind;
  table->name = g_strdup (name);
  table->n_columns = n_columns;
  table->column_widths = g_memdup2 (column_widths, n_columns * sizeof (double));
  table->free_from_row = g_new0 (guint, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  table->valign = TR_DOC_VALIGN_MIDDLE;
  return table;
}

TrDocRow *
tr_doc_table_add_row (TrDocTable *table)
{
  TrDocRow *row = g_new0 (TrDocRow, 1);
  guint index = table->rows->len;

  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  for (guint i = 0; i < table->n_columns; i++)
    {
      TrDocCell *cell = g_new0 (TrDocCell, 1);

      cell->column_span = 1;
      cell->row_span = 1;
      cell->covered = index < table->free_from_row[i];
      cell->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
      g_ptr_array_add (row->cells, cell);
    }
  g_ptr_array_add (table->rows, row);
  return row;
}

TrDocCell *
tr_doc_row_set_cell (TrDocTable *table,
                     TrDocRow   *row,
                     guint       column,
                     guint       columns,
                     guint       rows)
{
  guint index;
  TrDocCell *cell;

  g_return_val_if_fail (column + columns <= table->n_columns, NULL);
  g_return_val_if_fail (g_ptr_array_find (table->rows, row, &index), NULL);

  cell = g_ptr_array_index (row->cells, column);
  cell->column_span = MAX (columns, 1);
  cell->row_span = MAX (rows, 1);
  for (guint i = column; i < column + cell->column_span; i++)
    {
      if (i > column)
        ((TrDocCell *) g_ptr_array_index (row->cells, i))->covered = TRUE;
      table->free_from_row[i] = MAX (table->free_from_row[i], index + cell->row_span);
    }
  return cell;
}

TrDocParagraph *
tr_doc_cell_add_text (TrDocCell  *cell,
                      TrDocStyle  style,
                      const char *text)
{
  TrDocParagraph *paragraph = tr_doc_paragraph_new (style, text);

  g_ptr_array_add (cell->paragraphs, paragraph);
  return paragraph;
}

static void
block_free (TrDocBlock *block)
{
  switch (block->kind)
    {
    case TR_DOC_BLOCK_PARAGRAPH:
      paragraph_free (block->paragraph);
      break;
    case TR_DOC_BLOCK_HEADING:
      heading_free (block->heading);
      break;
    case TR_DOC_BLOCK_CONTENTS:
      contents_free (block->contents);
      break;
    case TR_DOC_BLOCK_TABLE:
      table_free (block->table);
      break;
    default:
      g_assert_not_reached ();
    }
  g_free (block);
}

static void
add_block (TrDocument     *self,
           TrDocBlockKind  kind,
           gpointer        data)
{
  TrDocBlock *block = g_new0 (TrDocBlock, 1);

  block->kind = kind;
  switch (kind)
    {
    case TR_DOC_BLOCK_PARAGRAPH:
      block->paragraph = data;
      break;
    case TR_DOC_BLOCK_HEADING:
      block->heading = data;
      g_ptr_array_add (self->headings, data);
      break;
    case TR_DOC_BLOCK_CONTENTS:
      block->contents = data;
      break;
    case TR_DOC_BLOCK_TABLE:
      block->table = data;
      break;
    default:
      g_assert_not_reached ();
    }
  g_ptr_array_add (self->blocks, block);
}

void
tr_document_add_paragraph (TrDocument     *self,
                           TrDocParagraph *paragraph)
{
  add_block (self, TR_DOC_BLOCK_PARAGRAPH, paragraph);
}

void
tr_document_add_table (TrDocument *self,
                       TrDocTable *table)
{
  add_block (self, TR_DOC_BLOCK_TABLE, table);
  for (guint r = 0; r < table->rows->len; r++)
    {
      TrDocRow *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->cells->len; c++)
        {
          TrDocCell *cell = g_ptr_array_index (row->cells, c);

          if (cell->photo != NULL)
            g_ptr_array_add (self->photos, cell->photo);
        }
    }
}

/* For the report's builder (tr-document-report.c). */
void
tr_document_add_heading (TrDocument   *self,
                         TrDocHeading *heading)
{
  add_block (self, TR_DOC_BLOCK_HEADING, heading);
}

void
tr_document_add_contents (TrDocument    *self,
                          TrDocContents *contents)
{
  add_block (self, TR_DOC_BLOCK_CONTENTS, contents);
}

TrDocument *
tr_document_new (void)
{
  TrDocument *self = g_new0 (TrDocument, 1);

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->headings = g_ptr_array_new ();
  self->photos = g_ptr_array_new ();
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
  self->keywords = g_new0 (char *, 1);
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->typeface = g_strdup (tr_typeface_get_family ());
  return self;
}

void
tr_document_free (TrDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_strfreev (self->keywords);
  g_free (self->description);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_free (self->typeface);
  /* The lists of headings and photos borrow from the blocks. */
  g_ptr_array_unref (self->headings);
  g_ptr_array_unref (self->photos);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->comments);
  g_free (self);
}

static gsize
paragraphs_size (GPtrArray *paragraphs)
{
  gsize size = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      TrDocParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      size += strlen (paragraph->text) + 1;
    }
  return size;
}

gsize
tr_doc_table_get_text_size (TrDocTable *table)
{
  gsize size = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      TrDocRow *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->cells->len; c++)
        size += paragraphs_size (((TrDocCell *) g_ptr_array_index (row->cells, c))->paragraphs) + 1;
    }
  return size;
}

gsize
tr_document_get_text_size (TrDocument *self)
{
  gsize size = 0;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case TR_DOC_BLOCK_PARAGRAPH:
          size += strlen (block->paragraph->text) + 1;
          break;
        case TR_DOC_BLOCK_HEADING:
          size += strlen (block->heading->label) + 1;
          break;
        case TR_DOC_BLOCK_CONTENTS:
          size += 64 * block->contents->headings->len;
          break;
        case TR_DOC_BLOCK_TABLE:
          size += tr_doc_table_get_text_size (block->table);
          break;
        default:
          break;
        }
    }
  return size;
}
