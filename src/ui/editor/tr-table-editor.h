/* tr-table-editor.h: a table of a section, edited in place: its cells,
 * rows, columns, header row and caption
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-table.h"

G_BEGIN_DECLS

#define TR_TYPE_TABLE_EDITOR (tr_table_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrTableEditor, tr_table_editor, TR, TABLE_EDITOR, GtkWidget)

/* Edits @table itself: every change is made to it, which emits
 * TrTable::changed. Before a change of its shape (rows, columns, the
 * header), the editor emits ::will-change, for an undo step; typing in a
 * cell is undone by the section (tr-body-blocks.h). ::reshaped follows a change of rows or
 * columns. ::delete-requested asks the section to take the table out. */
GtkWidget *tr_table_editor_new           (TrTable       *table);
TrTable   *tr_table_editor_get_table     (TrTableEditor *self);

gboolean   tr_table_editor_get_editable  (TrTableEditor *self);
void       tr_table_editor_set_editable  (TrTableEditor *self,
                                          gboolean       editable);

/* Puts the cursor at the end of a cell; FALSE when there is no such cell. */
gboolean   tr_table_editor_focus_cell    (TrTableEditor *self,
                                          guint          row,
                                          guint          column);
/* The cell the cursor is in or was in last; FALSE before any. */
gboolean   tr_table_editor_get_current_cell (TrTableEditor *self,
                                             guint         *out_row,
                                             guint         *out_column);
/* Adds the caption's entry, then each cell's text view, row by row, to
 * @out: the texts find and replace go through. They change when the
 * editor emits ::reshaped. */
void       tr_table_editor_append_texts  (TrTableEditor *self,
                                          GPtrArray     *out);
GtkWidget *tr_table_editor_get_caption_entry (TrTableEditor *self);
GtkTextView *tr_table_editor_get_cell_view (TrTableEditor *self,
                                            guint          row,
                                            guint          column);
/* Where the cell @view is; FALSE for a view that is none of ours. */
gboolean   tr_table_editor_find_cell     (TrTableEditor *self,
                                          GtkTextView   *view,
                                          guint         *out_row,
                                          guint         *out_column);

G_END_DECLS
