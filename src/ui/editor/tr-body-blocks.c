/* tr-body-blocks.c
 *
 * Run 0 stays in the section editor's own text view, which loads a long
 * text in pieces and carries the comments: a section without tables is
 * edited exactly as before. Each table and the run after it are added
 * under it here.
 *
 * The section has one undo history (tr-section-history.c) for its texts,
 * cells and tables: the buffers' own are off, and Ctrl+Z, which a text
 * view without history lets through, reaches the section. Undo of a table
 * operation restores the whole section as it was before it (tables are
 * small; run 0 is only touched when it differs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-body-blocks.h"
#include "tr-numbering.h"
#include "tr-section-history.h"
#include "tr-text-slice.h"
#include "tr-tsv.h"
#include "tr-widget-util.h"

struct _TrBodyBlocks
{
  GtkWidget parent_instance;

  TrSectionEditor *editor;      /* our parent, which shows run 0 */
  /* The tables shown, edited in place; its runs are those loaded, the
   * views have the current ones. */
  TrBody *body;
  GPtrArray *table_editors;     /* TrTableEditor, one per table */
  GPtrArray *run_views;         /* GtkTextView of runs 1 … n */
  /* What the section's counter adds for us: the characters but white
   * space of each run view, kept edit by edit as the section's first text
   * is, and of the tables, counted again when one changes. */
  GArray *run_counts;           /* guint, one per run view */
  guint tables_counted;
  GtkTextView *cursor_view;     /* the text that had the focus last */
  gboolean editable;
  gboolean applying;
  /* Text read from the clipboard was no table: the view pastes it. */
  gboolean pasting_text;

  TrSectionHistory *history;
};

G_DEFINE_FINAL_TYPE (TrBodyBlocks, tr_body_blocks, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  TEXTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (TrBodyBlocks *self);

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
count_table (TrTable *table)
{
  guint count = tr_section_editor_count_text (tr_table_get_caption (table), -1);

  for (guint row = 0; row < tr_table_get_n_rows (table); row++)
    for (guint column = 0; column < tr_table_get_n_columns (table); column++)
      count += tr_section_editor_count_text (tr_table_get_cell (table, row, column), -1);
  return count;
}

/* @typed: keys typed in a cell or a text after a table, which the label
 * follows as it follows typing in the section's text; the number itself
 * is always up to date. */
static void
update_count (TrBodyBlocks *self,
              gboolean      typed)
{
  guint count = self->tables_counted;

  if (self->editor == NULL)
    return;
  for (guint i = 0; i < self->run_counts->len; i++)
    count += g_array_index (self->run_counts, guint, i);
  if (typed)
    tr_section_editor_type_counted_elsewhere (self->editor, count);
  else
    tr_section_editor_set_counted_elsewhere (self->editor, count);
}

static void
count_tables (TrBodyBlocks *self,
              gboolean      typed)
{
  self->tables_counted = 0;
  for (guint i = 0; i < self->table_editors->len; i++)
    self->tables_counted += count_table (tr_table_editor_get_table (self->table_editors->pdata[i]));
  update_count (self, typed);
}

static guint *
run_count_of (TrBodyBlocks  *self,
              GtkTextBuffer *buffer)
{
  for (guint i = 0; i < self->run_views->len; i++)
    if (gtk_text_view_get_buffer (self->run_views->pdata[i]) == buffer)
      return &g_array_index (self->run_counts, guint, i);
  return NULL;
}

static void
run_insert_text (GtkTextBuffer *buffer,
                 GtkTextIter   *location,
                 const char    *text,
                 int            length,
                 TrBodyBlocks  *self)
{
  guint *counted = run_count_of (self, buffer);

  if (counted == NULL)
    return;
  *counted += tr_section_editor_count_text (text, length);
  update_count (self, TRUE);
}

/* Before the default handler: the text is still there to be counted. */
static void
run_delete_range (GtkTextBuffer *buffer,
                  GtkTextIter   *start,
                  GtkTextIter   *end,
                  TrBodyBlocks  *self)
{
  guint *counted = run_count_of (self, buffer);
  g_autofree char *text = NULL;

  if (counted == NULL)
    return;
  text = gtk_text_buffer_get_text (buffer, start, end, FALSE);
  *counted -= MIN (*counted, tr_section_editor_count_text (text, -1));
  update_count (self, TRUE);
}

static void
emit_changed (TrBodyBlocks *self)
{
  if (!self->applying)
    g_signal_emit (self, signals[CHANGED], 0);
}

TrBody *
tr_body_blocks_dup_body (TrBodyBlocks *self)
{
  g_autofree char *first = NULL;
  TrBody *body;

  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), NULL);

  body = tr_body_new ();
  first = tr_section_editor_dup_text (self->editor);
  tr_body_set_text_run (body, 0, first);
  for (guint i = 0; i < self->table_editors->len; i++)
    {
      g_autoptr(TrTable) table = tr_table_copy (tr_table_editor_get_table (self->table_editors->pdata[i]));
      g_autofree char *run = dup_view_text (self->run_views->pdata[i]);

      tr_body_append_table (body, table);
      tr_body_set_text_run (body, i + 1, run);
    }
  return body;
}

/* Makes the section show @body, which we take. */
static void
apply (TrBodyBlocks *self,
       TrBody       *body)
{
  g_autofree char *first = tr_section_editor_dup_text (self->editor);
  const char *new_first = tr_body_get_text_run (body, 0);
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self->editor);

  self->applying = TRUE;
  if (!g_str_equal (first, new_first))
    {
      /* Cut at the cursor, as inserting a table does: only the end goes. */
      if (g_str_has_prefix (first, new_first) && !tr_section_editor_is_loading (self->editor))
        {
          GtkTextIter start, end;

          gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_strlen (new_first, -1));
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_begin_irreversible_action (buffer);
          gtk_text_buffer_delete (buffer, &start, &end);
          gtk_text_buffer_end_irreversible_action (buffer);
        }
      else
        tr_section_editor_set_text (self->editor, new_first);
    }
  g_set_object (&self->body, body);
  g_object_unref (body);
  rebuild (self);
  self->applying = FALSE;
}

static void
push_undo (TrBodyBlocks *self)
{
  g_autoptr(TrBody) body = tr_body_blocks_dup_body (self);

  tr_section_history_push_body (self->history, body);
}

gboolean
tr_body_blocks_undo (TrBodyBlocks *self)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);

  return self->editable && tr_section_history_undo (self->history);
}

gboolean
tr_body_blocks_redo (TrBodyBlocks *self)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);

  return self->editable && tr_section_history_redo (self->history);
}

gboolean
tr_body_blocks_can_undo (TrBodyBlocks *self)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);

  return self->editable && tr_section_history_can_undo (self->history);
}

gboolean
tr_body_blocks_can_redo (TrBodyBlocks *self)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);

  return self->editable && tr_section_history_can_redo (self->history);
}

/* The history: where an edit is made, and undone --------------------- */

static gboolean find_cell (TrBodyBlocks *self,
                           GtkTextView  *view,
                           guint        *out_table,
                           guint        *out_row,
                           guint        *out_column);

static gboolean
place_of_buffer (TrBodyBlocks  *self,
                 GtkTextBuffer *buffer,
                 TrTextPlace   *out_place)
{
  GtkWidget *cell = g_object_get_data (G_OBJECT (buffer), "tr-cell");

  *out_place = (TrTextPlace) { TR_TEXT_PLACE_RUN, 0, 0, 0 };
  if (tr_body_blocks_find_run (self, buffer, &out_place->index))
    return TRUE;
  out_place->kind = TR_TEXT_PLACE_CELL;
  return GTK_IS_TEXT_VIEW (cell) &&
         find_cell (self, GTK_TEXT_VIEW (cell), &out_place->index, &out_place->row, &out_place->column);
}

static GtkTextView *
view_at (TrBodyBlocks      *self,
         const TrTextPlace *place)
{
  if (place->kind == TR_TEXT_PLACE_CAPTION)
    return NULL;
  if (place->kind == TR_TEXT_PLACE_CELL)
    return place->index < self->table_editors->len
           ? tr_table_editor_get_cell_view (self->table_editors->pdata[place->index], place->row, place->column)
           : NULL;
  if (place->index == 0)
    return tr_section_editor_get_text_view (self->editor);
  return place->index <= self->run_views->len ? self->run_views->pdata[place->index - 1] : NULL;
}

/* An edit of a text of ours, before it is made, unless it is a load or
 * the history's own. */
static gboolean
records (TrBodyBlocks  *self,
         GtkTextBuffer *buffer,
         TrTextPlace   *out_place)
{
  if (self->applying || self->editor == NULL || tr_section_history_is_applying (self->history))
    return FALSE;
  if (buffer == tr_section_editor_get_buffer (self->editor) && tr_section_editor_is_loading (self->editor))
    return FALSE;
  return place_of_buffer (self, buffer, out_place);
}

static void
history_insert_text (GtkTextBuffer *buffer,
                     GtkTextIter   *location,
                     const char    *text,
                     int            length,
                     TrBodyBlocks  *self)
{
  TrTextPlace place;

  if (records (self, buffer, &place))
    tr_section_history_inserted (self->history, &place, gtk_text_iter_get_offset (location), text, length);
}

static void
history_delete_range (GtkTextBuffer *buffer,
                      GtkTextIter   *start,
                      GtkTextIter   *end,
                      TrBodyBlocks  *self)
{
  g_autofree char *text = NULL;
  TrTextPlace place;

  if (!records (self, buffer, &place))
    return;
  text = gtk_text_buffer_get_text (buffer, start, end, TRUE);
  tr_section_history_deleted (self->history, &place, gtk_text_iter_get_offset (start), text);
}

static void
history_begin_user_action (GtkTextBuffer *buffer,
                           TrBodyBlocks  *self)
{
  tr_section_history_begin_user_action (self->history);
}

static void
history_end_user_action (GtkTextBuffer *buffer,
                         TrBodyBlocks  *self)
{
  tr_section_history_end_user_action (self->history);
}

/* Edits of @buffer go to the section's history, not to its own. */
static void
watch_buffer_history (TrBodyBlocks  *self,
                      GtkTextBuffer *buffer)
{
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (history_insert_text), self, 0);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (history_delete_range), self, 0);
  g_signal_connect_object (buffer, "begin-user-action", G_CALLBACK (history_begin_user_action), self, 0);
  g_signal_connect_object (buffer, "end-user-action", G_CALLBACK (history_end_user_action), self, 0);
}

/* A caption is an entry: its edits come from its text, one by one, and
 * keys typed in a word go on as one step as in the texts. */
static GtkEditable *
caption_at (TrBodyBlocks      *self,
            const TrTextPlace *place)
{
  if (place->kind != TR_TEXT_PLACE_CAPTION || place->index >= self->table_editors->len)
    return NULL;
  return GTK_EDITABLE (tr_table_editor_get_caption_entry (self->table_editors->pdata[place->index]));
}

static gboolean
caption_place (TrBodyBlocks *self,
               GtkEditable  *entry,
               TrTextPlace  *out_place)
{
  for (guint i = 0; i < self->table_editors->len; i++)
    if (tr_table_editor_get_caption_entry (self->table_editors->pdata[i]) == GTK_WIDGET (entry))
      {
        *out_place = (TrTextPlace) { TR_TEXT_PLACE_CAPTION, i, 0, 0 };
        return TRUE;
      }
  return FALSE;
}

static gboolean
records_caption (TrBodyBlocks *self,
                 GtkEditable  *entry,
                 TrTextPlace  *out_place)
{
  return !self->applying && !tr_section_history_is_applying (self->history) &&
         caption_place (self, entry, out_place);
}

/* The entry whose text @text is. */
static GtkEditable *
caption_of (GtkEditable *text)
{
  return GTK_EDITABLE (gtk_widget_get_ancestor (GTK_WIDGET (text), GTK_TYPE_ENTRY));
}

static void
caption_insert_text (GtkEditable  *text,
                     const char   *new_text,
                     int           length,
                     int          *position,
                     TrBodyBlocks *self)
{
  TrTextPlace place;

  if (!records_caption (self, caption_of (text), &place))
    return;
  tr_section_history_begin_user_action (self->history);
  tr_section_history_inserted (self->history, &place, *position, new_text, length);
  tr_section_history_end_user_action (self->history);
}

static void
caption_delete_text (GtkEditable  *text,
                     int           start,
                     int           end,
                     TrBodyBlocks *self)
{
  g_autofree char *deleted = NULL;
  TrTextPlace place;

  if (!records_caption (self, caption_of (text), &place))
    return;
  deleted = gtk_editable_get_chars (text, start, end);
  tr_section_history_begin_user_action (self->history);
  tr_section_history_deleted (self->history, &place, start, deleted);
  tr_section_history_end_user_action (self->history);
}

/* Edits of the caption @entry go to the section's history. */
static void
watch_caption_history (TrBodyBlocks *self,
                       GtkEditable  *entry)
{
  GtkEditable *text = gtk_editable_get_delegate (entry);

  gtk_editable_set_enable_undo (entry, FALSE);
  g_signal_connect_object (text, "insert-text", G_CALLBACK (caption_insert_text), self, 0);
  g_signal_connect_object (text, "delete-text", G_CALLBACK (caption_delete_text), self, 0);
}

static void
show_caption_change (GtkEditable *entry,
                     int          position)
{
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_position (entry, position);
}

/* The cursor where undo or redo changed the text, in sight. */
static void
show_change (GtkTextView *view,
             GtkTextIter *iter)
{
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (view), iter);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_view_scroll_to_iter (view, iter, 0.1, FALSE, 0, 0);
}

static void
history_insert (gpointer           user_data,
                const TrTextPlace *place,
                guint              offset,
                const char        *text)
{
  TrBodyBlocks *self = user_data;
  GtkTextView *view = view_at (self, place);
  GtkEditable *caption = caption_at (self, place);
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  if (caption != NULL)
    {
      int position = offset;

      gtk_editable_insert_text (caption, text, -1, &position);
      show_caption_change (caption, position);
      return;
    }
  g_return_if_fail (view != NULL);

  if (place->kind == TR_TEXT_PLACE_RUN && place->index == 0)
    tr_section_editor_finish_loading (self->editor);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
  show_change (view, &iter);
}

static void
history_delete (gpointer           user_data,
                const TrTextPlace *place,
                guint              start,
                guint              end)
{
  TrBodyBlocks *self = user_data;
  GtkTextView *view = view_at (self, place);
  GtkEditable *caption = caption_at (self, place);
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  if (caption != NULL)
    {
      gtk_editable_delete_text (caption, start, end);
      show_caption_change (caption, start);
      return;
    }
  g_return_if_fail (view != NULL);

  if (place->kind == TR_TEXT_PLACE_RUN && place->index == 0)
    tr_section_editor_finish_loading (self->editor);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  gtk_text_buffer_delete (buffer, &from, &to);
  show_change (view, &from);
}

static TrBody *
history_dup_body (gpointer user_data)
{
  return tr_body_blocks_dup_body (user_data);
}

/* The section as it was before a change of its tables. Its widgets are
 * made anew: the focus goes back to the text or cell it was in, so that
 * the next Ctrl+Z reaches the section too. */
static void
history_restore (gpointer  user_data,
                 TrBody   *body)
{
  TrBodyBlocks *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean in_section = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor));
  gboolean in_text = FALSE;
  TrTextPlace place;
  GtkTextView *view;
  int cursor = 0;

  if (GTK_IS_TEXT_VIEW (focus) && place_of_buffer (self, gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)), &place))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      cursor = gtk_text_iter_get_offset (&iter);
      in_text = TRUE;
    }
  apply (self, body);
  g_signal_emit (self, signals[CHANGED], 0);
  if (in_text && (view = view_at (self, &place)) != NULL)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, cursor);
      show_change (view, &iter);
    }
  else if (in_section && !tr_body_blocks_has_focus (self))
    tr_section_editor_focus_at (self->editor, -1);
}

static const TrSectionHistoryFuncs history_funcs = {
  history_insert,
  history_delete,
  history_dup_body,
  history_restore,
};

static void
view_focus_changed (GtkTextView  *view,
                    GParamSpec   *pspec,
                    TrBodyBlocks *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (view)))
    self->cursor_view = view;
}

static GPtrArray *parse_range     (const char *text,
                                   guint       min_rows);
static guint      range_n_columns (GPtrArray  *rows);

/* The table and cell @view is, if it is a cell. */
static gboolean
find_cell (TrBodyBlocks *self,
           GtkTextView  *view,
           guint        *out_table,
           guint        *out_row,
           guint        *out_column)
{
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (view), TR_TYPE_TABLE_EDITOR);

  return editor != NULL && g_ptr_array_find (self->table_editors, editor, out_table) &&
         tr_table_editor_find_cell (TR_TABLE_EDITOR (editor), view, out_row, out_column);
}

/* A range pasted into a cell goes over the cells from there, as in a
 * spreadsheet: rows and columns are added as the range needs them, so
 * that nothing copied is lost and one Ctrl+Z takes it all back. Only the
 * table's limits clip it, and say so. */
static void
paste_range (TrBodyBlocks *self,
             guint         index,
             guint         row,
             guint         column,
             GPtrArray    *rows)
{
  TrBody *body;
  TrTable *table;
  guint range_columns = range_n_columns (rows);
  guint n_rows = MIN (rows->len, TR_TABLE_MAX_ROWS - row);
  guint n_columns = MIN (range_columns, TR_TABLE_MAX_COLUMNS - column);

  push_undo (self);
  body = tr_body_blocks_dup_body (self);
  table = tr_body_get_table (body, index);
  while (tr_table_get_n_rows (table) < row + n_rows)
    tr_table_insert_row (table, tr_table_get_n_rows (table), NULL);
  while (tr_table_get_n_columns (table) < column + n_columns)
    tr_table_insert_column (table, tr_table_get_n_columns (table), NULL);
  for (guint i = 0; i < n_rows; i++)
    {
      char **cells = rows->pdata[i];
      guint n_cells = g_strv_length (cells);

      /* The range is a rectangle: a short row empties the cells after it. */
      for (guint c = 0; c < n_columns; c++)
        tr_table_set_cell (table, row + i, column + c, c < n_cells ? cells[c] : "");
    }
  apply (self, body);
  g_signal_emit (self, signals[CHANGED], 0);
  tr_table_editor_focus_cell (self->table_editors->pdata[index], row + n_rows - 1, column + n_columns - 1);
  if (n_rows < rows->len || n_columns < range_columns)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: the limits of a table, e.g. 1000 rows and 30 columns */
      message = g_strdup_printf (_("A table holds at most %u rows and %u columns: what went past them was not pasted"),
                                 TR_TABLE_MAX_ROWS, TR_TABLE_MAX_COLUMNS);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
    }
}

/* Ctrl+V of tab-separated text: a table in a text, the cells from there
 * on in a cell. */
static void
clipboard_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkTextView) view = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(TrTable) table = NULL;
  TrBodyBlocks *self;
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (view), TR_TYPE_SECTION_EDITOR);
  guint index, row, column;

  if (editor == NULL)
    return;
  self = g_object_get_data (G_OBJECT (editor), "tr-body-blocks");
  if (self == NULL)
    return;
  if (text != NULL && find_cell (self, view, &index, &row, &column))
    {
      g_autoptr(GPtrArray) rows = NULL;

      /* One row of two cells is a range too; lines without tabs are
       * text, which a cell takes with its line breaks. */
      if (self->editable && (rows = parse_range (text, 1)) != NULL)
        {
          paste_range (self, index, row, column, rows);
          return;
        }
    }
  else if (text != NULL && (table = tr_body_blocks_parse_tsv (text)) != NULL)
    {
      self->cursor_view = view;
      if (tr_body_blocks_insert_table (self, table))
        return;
    }
  /* Anything else is pasted by the text view itself, which also brings
   * the end of what it pasted into sight. */
  self->pasting_text = TRUE;
  g_signal_emit_by_name (view, "paste-clipboard");
  self->pasting_text = FALSE;
}

static void
paste_clipboard (GtkTextView  *view,
                 TrBodyBlocks *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));

  if (self->pasting_text || !gtk_text_view_get_editable (view) ||
      !gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), G_TYPE_STRING))
    return;
  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read, g_object_ref (view));
}

static void
watch_text_view (TrBodyBlocks *self,
                 GtkTextView  *view)
{
  g_signal_connect_object (view, "notify::has-focus", G_CALLBACK (view_focus_changed), self, 0);
  g_signal_connect_object (view, "paste-clipboard", G_CALLBACK (paste_clipboard), self, 0);
}

static void
run_changed (GtkTextBuffer *buffer,
             TrBodyBlocks  *self)
{
  emit_changed (self);
}

/* A cell or caption typed in, a row or column added or removed. */
static void
table_changed (TrTable      *table,
               TrBodyBlocks *self)
{
  count_tables (self, TRUE);
  emit_changed (self);
}

static void
table_will_change (TrTableEditor *editor,
                   TrBodyBlocks  *self)
{
  push_undo (self);
}

/* The cells of @editor, those added since included: pasted into. */
static void
watch_cells (TrBodyBlocks  *self,
             TrTableEditor *editor)
{
  TrTable *table = tr_table_editor_get_table (editor);

  for (guint row = 0; row < tr_table_get_n_rows (table); row++)
    for (guint column = 0; column < tr_table_get_n_columns (table); column++)
      {
        GtkTextView *cell = tr_table_editor_get_cell_view (editor, row, column);

        if (cell == NULL || g_object_get_data (G_OBJECT (cell), "tr-watched") != NULL)
          continue;
        g_object_set_data (G_OBJECT (cell), "tr-watched", GINT_TO_POINTER (TRUE));
        g_signal_connect_object (cell, "paste-clipboard", G_CALLBACK (paste_clipboard), self, 0);
        watch_buffer_history (self, gtk_text_view_get_buffer (cell));
        /* Comment… on a cell's text, as on the section's. */
        gtk_text_view_set_extra_menu (cell, gtk_text_view_get_extra_menu (tr_section_editor_get_text_view (self->editor)));
      }
}

static void
table_reshaped (TrTableEditor *editor,
                TrBodyBlocks  *self)
{
  watch_cells (self, editor);
  g_signal_emit (self, signals[TEXTS_CHANGED], 0);
}

static void
table_delete_requested (TrTableEditor *editor,
                        TrBodyBlocks  *self)
{
  guint index;
  TrBody *body;

  if (!self->editable || !g_ptr_array_find (self->table_editors, editor, &index))
    return;
  push_undo (self);
  body = tr_body_blocks_dup_body (self);
  /* The runs around it join as two paragraphs. */
  if (tr_body_get_text_run (body, index)[0] != '\0' && tr_body_get_text_run (body, index + 1)[0] != '\0')
    {
      g_autofree char *run = g_strconcat ("\n", tr_body_get_text_run (body, index + 1), NULL);

      tr_body_set_text_run (body, index + 1, run);
    }
  tr_body_remove_table (body, index);
  apply (self, body);
  g_signal_emit (self, signals[CHANGED], 0);
  tr_section_editor_focus_at (self->editor, -1);
}

/* The text after a table is indented by numbering level as the section's
 * first text is (tr-body-section-editor.c): it shares that text's tags,
 * "level-N", which the appendix does not have. */
static void
tag_run_lines (GtkTextBuffer *buffer,
               int            first_line,
               int            last_line)
{
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (tags, "level-1") == NULL)
    return;
  for (int line = MAX (first_line, 0); line <= last_line; line++)
    {
      g_autofree char *text = NULL;
      GtkTextIter start, end;
      TrNumberingLevel level;

      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      for (guint i = 1; i <= TR_NUMBERING_PARENTHESIZED_ARABIC; i++)
        {
          g_autofree char *name = g_strdup_printf ("level-%u", i);

          gtk_text_buffer_remove_tag_by_name (buffer, name, &start, &end);
        }
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      level = tr_numbering_get_level (text, NULL);
      if (level != TR_NUMBERING_NONE)
        {
          g_autofree char *name = g_strdup_printf ("level-%u", level);

          gtk_text_buffer_apply_tag_by_name (buffer, name, &start, &end);
        }
    }
}

static void
run_text_inserted (GtkTextBuffer *buffer,
                   GtkTextIter   *end,
                   const char    *text,
                   int            length)
{
  int last_line = gtk_text_iter_get_line (end);
  int first_line = last_line;

  for (const char *p = text; p < text + length; p++)
    if (*p == '\n')
      first_line--;
  tag_run_lines (buffer, first_line, last_line);
}

static void
run_range_deleted (GtkTextBuffer *buffer,
                   GtkTextIter   *start,
                   GtkTextIter   *end)
{
  tag_run_lines (buffer, gtk_text_iter_get_line (start), gtk_text_iter_get_line (start));
}

static GtkWidget *
new_run_view (TrBodyBlocks *self,
              const char   *text)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *slice = tr_text_slice_new ();
  GtkTextView *main_view = tr_section_editor_get_text_view (self->editor);
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (main_view)));
  GtkWidget *view = gtk_text_view_new_with_buffer (buffer);

  /* As the section's first text looks. */
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->editable);
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (view), gtk_text_view_get_extra_menu (main_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tr_section_editor_get_heading (self->editor), -1);
  g_signal_connect_after (buffer, "insert-text", G_CALLBACK (run_text_inserted), NULL);
  g_signal_connect_after (buffer, "delete-range", G_CALLBACK (run_range_deleted), NULL);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (run_changed), self, 0);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (run_insert_text), self, 0);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (run_delete_range), self, 0);
  watch_text_view (self, GTK_TEXT_VIEW (view));
  watch_buffer_history (self, buffer);

  gtk_widget_add_css_class (frame, "view");
  /* The space above the text, which a text view in a slice may not have
   * itself (tr-text-slice.c), and 48 pixels at the least with it. */
  gtk_widget_set_margin_top (slice, 12);
  gtk_widget_set_size_request (slice, -1, 36);
  tr_text_slice_set_text_view (TR_TEXT_SLICE (slice), GTK_TEXT_VIEW (view));
  gtk_frame_set_child (GTK_FRAME (frame), slice);
  g_ptr_array_add (self->run_views, view);
  {
    guint counted = tr_section_editor_count_text (text, -1);

    g_array_append_val (self->run_counts, counted);
  }
  return frame;
}

static void
rebuild (TrBodyBlocks *self)
{
  gboolean had_tables = self->table_editors->len > 0;

  for (guint i = 0; i < self->table_editors->len; i++)
    g_signal_handlers_disconnect_by_data (tr_table_editor_get_table (self->table_editors->pdata[i]), self);
  g_ptr_array_set_size (self->table_editors, 0);
  g_ptr_array_set_size (self->run_views, 0);
  g_array_set_size (self->run_counts, 0);
  if (self->cursor_view != tr_section_editor_get_text_view (self->editor))
    self->cursor_view = NULL;
  tr_widget_unparent_children (GTK_WIDGET (self));

  for (guint i = 0; self->body != NULL && i < tr_body_get_n_tables (self->body); i++)
    {
      TrTable *table = tr_body_get_table (self->body, i);
      GtkWidget *editor = tr_table_editor_new (table);

      tr_table_editor_set_editable (TR_TABLE_EDITOR (editor), self->editable);
      g_signal_connect_object (editor, "will-change", G_CALLBACK (table_will_change), self, 0);
      g_signal_connect_object (editor, "delete-requested", G_CALLBACK (table_delete_requested), self, 0);
      g_signal_connect_object (editor, "reshaped", G_CALLBACK (table_reshaped), self, 0);
      g_signal_connect_object (table, "changed", G_CALLBACK (table_changed), self, 0);
      g_ptr_array_add (self->table_editors, editor);
      watch_cells (self, TR_TABLE_EDITOR (editor));
      watch_caption_history (self, GTK_EDITABLE (tr_table_editor_get_caption_entry (TR_TABLE_EDITOR (editor))));
      gtk_widget_set_parent (editor, GTK_WIDGET (self));
      gtk_widget_set_parent (new_run_view (self, tr_body_get_text_run (self->body, i + 1)), GTK_WIDGET (self));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->table_editors->len > 0);
  count_tables (self, FALSE);
  if (had_tables || self->table_editors->len > 0)
    g_signal_emit (self, signals[TEXTS_CHANGED], 0);
}

void
tr_body_blocks_append_texts (TrBodyBlocks *self,
                             GPtrArray    *out)
{
  g_return_if_fail (TR_IS_BODY_BLOCKS (self));

  for (guint i = 0; i < self->table_editors->len; i++)
    {
      tr_table_editor_append_texts (self->table_editors->pdata[i], out);
      g_ptr_array_add (out, self->run_views->pdata[i]);
    }
}

void
tr_body_blocks_load (TrBodyBlocks *self,
                     TrBody       *body)
{
  g_return_if_fail (TR_IS_BODY_BLOCKS (self));

  tr_section_history_clear (self->history);
  self->applying = TRUE;
  tr_section_editor_set_text (self->editor, body != NULL ? tr_body_get_text_run (body, 0) : "");
  g_set_object (&self->body, NULL);
  self->body = body != NULL ? tr_body_copy (body) : tr_body_new ();
  self->cursor_view = NULL;
  rebuild (self);
  self->applying = FALSE;
}

void
tr_body_blocks_set_editable (TrBodyBlocks *self,
                             gboolean      editable)
{
  g_return_if_fail (TR_IS_BODY_BLOCKS (self));

  self->editable = editable;
  for (guint i = 0; i < self->table_editors->len; i++)
    tr_table_editor_set_editable (self->table_editors->pdata[i], editable);
  for (guint i = 0; i < self->run_views->len; i++)
    gtk_text_view_set_editable (self->run_views->pdata[i], editable);
}

/* The run @view shows: 0 for the section editor's. */
static gboolean
run_of_view (TrBodyBlocks *self,
             GtkTextView  *view,
             guint        *out_run)
{
  guint index;

  if (view == tr_section_editor_get_text_view (self->editor))
    {
      *out_run = 0;
      return TRUE;
    }
  if (!g_ptr_array_find (self->run_views, view, &index))
    return FALSE;
  *out_run = index + 1;
  return TRUE;
}

gboolean
tr_body_blocks_insert_table (TrBodyBlocks *self,
                             TrTable      *table)
{
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  g_autoptr(TrTable) copy = NULL;
  TrBody *body;
  guint run, offset;

  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);
  g_return_val_if_fail (TR_IS_TABLE (table), FALSE);

  if (!self->editable || self->table_editors->len >= TR_BODY_MAX_TABLES)
    return FALSE;
  /* The text in focus, else the one that had it last (the focus is in a
   * dialog), else the first. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (GTK_IS_TEXT_VIEW (focus) && run_of_view (self, GTK_TEXT_VIEW (focus), &run))
      self->cursor_view = GTK_TEXT_VIEW (focus);
  }
  view = self->cursor_view != NULL ? self->cursor_view : tr_section_editor_get_text_view (self->editor);
  if (!run_of_view (self, view, &run))
    return FALSE;
  /* The cursor's place in the whole of run 0. */
  if (run == 0)
    tr_section_editor_finish_loading (self->editor);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);

  push_undo (self);
  body = tr_body_blocks_dup_body (self);
  copy = tr_table_copy (table);
  tr_body_insert_table (body, run, offset, copy);
  /* The table takes the place of the line break it was put at. */
  {
    const char *before = tr_body_get_text_run (body, run);
    const char *after = tr_body_get_text_run (body, run + 1);

    if (g_str_has_prefix (after, "\n"))
      {
        g_autofree char *trimmed = g_strdup (after + 1);

        tr_body_set_text_run (body, run + 1, trimmed);
      }
    else if (g_str_has_suffix (before, "\n"))
      {
        g_autofree char *trimmed = g_strndup (before, strlen (before) - 1);

        tr_body_set_text_run (body, run, trimmed);
      }
  }
  apply (self, body);
  g_signal_emit (self, signals[CHANGED], 0);
  tr_table_editor_focus_cell (self->table_editors->pdata[run], 0, 0);
  return TRUE;
}

/* The cursor at @offset bytes into @view's text, the focus there; the
 * text slice around it brings the cursor into sight. */
static void
focus_view_at (GtkTextView *view,
               gsize        offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = dup_view_text (view);
  GtkTextIter iter;

  offset = MIN (offset, strlen (text));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, text + offset));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_view_scroll_to_iter (view, &iter, 0.1, FALSE, 0, 0);
}

void
tr_body_blocks_focus_at (TrBodyBlocks *self,
                         gssize        offset)
{
  g_autoptr(TrBody) body = NULL;
  TrBodyPart part;
  guint index, row, column;
  gsize part_offset;

  g_return_if_fail (TR_IS_BODY_BLOCKS (self));

  body = offset > 0 && self->table_editors->len > 0 ? tr_body_blocks_dup_body (self) : NULL;
  if (body == NULL || !tr_body_locate (body, offset, &part, &index, &row, &column, &part_offset))
    {
      tr_section_editor_focus_at (self->editor, offset);
      return;
    }
  switch (part)
    {
    case TR_BODY_PART_RUN:
      if (index == 0)
        tr_section_editor_focus_at (self->editor, part_offset);
      else
        focus_view_at (self->run_views->pdata[index - 1], part_offset);
      break;
    case TR_BODY_PART_CAPTION:
      {
        TrTableEditor *editor = self->table_editors->pdata[index];
        GtkWidget *entry = tr_table_editor_get_caption_entry (editor);
        const char *caption = tr_table_get_caption (tr_table_editor_get_table (editor));

        gtk_widget_grab_focus (entry);
        gtk_editable_set_position (GTK_EDITABLE (entry),
                                   g_utf8_pointer_to_offset (caption, caption + MIN (part_offset, strlen (caption))));
      }
      break;
    case TR_BODY_PART_CELL:
      focus_view_at (tr_table_editor_get_cell_view (self->table_editors->pdata[index], row, column),
                     part_offset);
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
tr_body_blocks_has_focus (TrBodyBlocks *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);
  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->editor));
}

guint
tr_body_blocks_get_n_tables (TrBodyBlocks *self)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), 0);
  return self->table_editors->len;
}

TrTableEditor *
tr_body_blocks_get_table_editor (TrBodyBlocks *self,
                                 guint         index)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), NULL);
  g_return_val_if_fail (index < self->table_editors->len, NULL);
  return self->table_editors->pdata[index];
}

GtkTextView *
tr_body_blocks_get_run_view (TrBodyBlocks *self,
                             guint         index)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), NULL);
  g_return_val_if_fail (index >= 1 && index <= self->run_views->len, NULL);
  return self->run_views->pdata[index - 1];
}

gboolean
tr_body_blocks_find_run (TrBodyBlocks  *self,
                         GtkTextBuffer *buffer,
                         guint         *out_run)
{
  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);

  if (buffer == tr_section_editor_get_buffer (self->editor))
    {
      *out_run = 0;
      return TRUE;
    }
  for (guint i = 0; i < self->run_views->len; i++)
    if (gtk_text_view_get_buffer (self->run_views->pdata[i]) == buffer)
      {
        *out_run = i + 1;
        return TRUE;
      }
  return FALSE;
}

gboolean
tr_body_blocks_get_text_start (TrBodyBlocks  *self,
                               GtkTextBuffer *buffer,
                               TrBody        *body,
                               gsize         *out_offset)
{
  TrTextPlace place;

  g_return_val_if_fail (TR_IS_BODY_BLOCKS (self), FALSE);
  g_return_val_if_fail (TR_IS_BODY (body), FALSE);

  if (!place_of_buffer (self, buffer, &place))
    return FALSE;
  if (place.kind == TR_TEXT_PLACE_CELL)
    return tr_body_get_cell_start (body, place.index, place.row, place.column, out_offset);
  return tr_body_get_run_start (body, place.index, out_offset);
}

/* The rows of cells of tab-separated text (tr-tsv.h), @min_rows or more,
 * each of two cells or more but for blank ones, their cells' spaces
 * stripped; NULL for text with a tab here and there, which is text. */
static GPtrArray *
parse_range (const char *text,
             guint       min_rows)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n_columns = 0;

  if (strchr (text, '\t') == NULL)
    return NULL;
  rows = tr_tsv_parse (text);
  /* Blank lines after the last row. */
  while (rows->len > 0 && g_strv_length (rows->pdata[rows->len - 1]) == 1 &&
         ((char **) rows->pdata[rows->len - 1])[0][0] == '\0')
    g_ptr_array_remove_index (rows, rows->len - 1);
  if (rows->len < min_rows)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = rows->pdata[i];
      guint n = g_strv_length (cells);

      if (n < 2 && cells[0][0] != '\0')
        return NULL;
      n_columns = MAX (n_columns, n);
      for (guint c = 0; c < n; c++)
        {
          char *valid = g_utf8_make_valid (cells[c], -1);

          g_free (cells[c]);
          cells[c] = g_strstrip (valid);
          if (g_utf8_strlen (cells[c], -1) > TR_TABLE_MAX_TEXT_LENGTH)
            return NULL;
        }
    }
  if (n_columns < 2)
    return NULL;
  return g_steal_pointer (&rows);
}

static guint
range_n_columns (GPtrArray *rows)
{
  guint n_columns = 0;

  for (guint i = 0; i < rows->len; i++)
    n_columns = MAX (n_columns, g_strv_length (rows->pdata[i]));
  return n_columns;
}

TrTable *
tr_body_blocks_parse_tsv (const char *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  TrTable *table;

  g_return_val_if_fail (text != NULL, NULL);

  /* One line with a tab in it is more often text than a table. */
  if ((rows = parse_range (text, 2)) == NULL || rows->len > TR_TABLE_MAX_ROWS ||
      range_n_columns (rows) > TR_TABLE_MAX_COLUMNS)
    return NULL;
  table = tr_table_new (rows->len, range_n_columns (rows));
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = rows->pdata[i];

      for (guint c = 0; cells[c] != NULL; c++)
        tr_table_set_cell (table, i, c, cells[c]);
    }
  return table;
}

static gboolean
undo_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  TrBodyBlocks *self = g_object_get_data (G_OBJECT (widget), "tr-body-blocks");

  return self != NULL && tr_body_blocks_undo (self);
}

static gboolean
redo_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  TrBodyBlocks *self = g_object_get_data (G_OBJECT (widget), "tr-body-blocks");

  return self != NULL && tr_body_blocks_redo (self);
}

static void
tr_body_blocks_dispose (GObject *object)
{
  TrBodyBlocks *self = TR_BODY_BLOCKS (object);

  for (guint i = 0; i < self->table_editors->len; i++)
    g_signal_handlers_disconnect_by_data (tr_table_editor_get_table (self->table_editors->pdata[i]), self);
  g_ptr_array_set_size (self->table_editors, 0);
  g_ptr_array_set_size (self->run_views, 0);
  tr_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->body);
  /* Our parent, being disposed, outlives us a little. */
  if (self->editor != NULL)
    g_object_set_data (G_OBJECT (self->editor), "tr-body-blocks", NULL);
  self->editor = NULL;

  G_OBJECT_CLASS (tr_body_blocks_parent_class)->dispose (object);
}

static void
tr_body_blocks_finalize (GObject *object)
{
  TrBodyBlocks *self = TR_BODY_BLOCKS (object);

  g_ptr_array_unref (self->table_editors);
  g_ptr_array_unref (self->run_views);
  g_array_unref (self->run_counts);
  g_object_unref (self->history);

  G_OBJECT_CLASS (tr_body_blocks_parent_class)->finalize (object);
}

static void
tr_body_blocks_class_init (TrBodyBlocksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_body_blocks_dispose;
  object_class->finalize = tr_body_blocks_finalize;

  /* A table, or the text between tables, changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Texts came or went: tables, cells, the runs between them. */
  signals[TEXTS_CHANGED] = g_signal_new ("texts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "body-blocks");
}

static void
tr_body_blocks_init (TrBodyBlocks *self)
{
  self->editable = TRUE;
  self->table_editors = g_ptr_array_new ();
  self->run_views = g_ptr_array_new ();
  self->run_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->history = tr_section_history_new (&history_funcs, self);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
tr_body_blocks_new (TrSectionEditor *editor)
{
  TrBodyBlocks *self;
  GtkEventController *shortcuts;

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (editor), NULL);

  self = g_object_new (TR_TYPE_BODY_BLOCKS, NULL);
  self->editor = editor;
  self->cursor_view = NULL;
  g_object_set_data (G_OBJECT (editor), "tr-body-blocks", self);
  gtk_widget_set_parent (GTK_WIDGET (self), GTK_WIDGET (editor));
  watch_text_view (self, tr_section_editor_get_text_view (editor));
  watch_buffer_history (self, tr_section_editor_get_buffer (editor));

  /* On the section, which holds its first text and the blocks: the
   * texts and cells, without undo of their own, let Ctrl+Z through. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (undo_shortcut, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_callback_action_new (redo_shortcut, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_y, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (redo_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (editor), shortcuts);
  return GTK_WIDGET (self);
}
