/* tr-table.h: a table in a section of the body or in the appendix: rows of
 * plain-text cells, the first of them maybe a header, and a caption
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Limits far beyond any real table (a month's schedule has a few hundred
 * rows, a page has room for a dozen columns), that keep a hostile file from
 * filling memory; the JSON form and the store refuse more. In characters:
 * one cell, or the caption. */
#define TR_TABLE_MAX_ROWS         1000
#define TR_TABLE_MAX_COLUMNS      30
#define TR_TABLE_MAX_TEXT_LENGTH  4000

#define TR_TYPE_TABLE (tr_table_get_type ())
G_DECLARE_FINAL_TYPE (TrTable, tr_table, TR, TABLE, GObject)

/* A table is never empty: it has at least one row and one column, at most
 * TR_TABLE_MAX_ROWS and TR_TABLE_MAX_COLUMNS. Every change emits
 * TrTable::changed once, after it is made (and notify for the properties:
 * n-rows, n-columns, has-header, caption). */
TrTable    *tr_table_new               (guint                n_rows,
                                        guint                n_columns);
TrTable    *tr_table_copy              (TrTable             *self);
gboolean    tr_table_equal             (TrTable             *a,
                                        TrTable             *b);

guint       tr_table_get_n_rows        (TrTable             *self);
guint       tr_table_get_n_columns     (TrTable             *self);

/* Never NULL: an empty cell is "". A cell may hold line breaks. */
const char *tr_table_get_cell          (TrTable             *self,
                                        guint                row,
                                        guint                column);
void        tr_table_set_cell          (TrTable             *self,
                                        guint                row,
                                        guint                column,
                                        const char          *text);

/* Inserts a row before @position (n-rows: at the end). @cells, when not
 * NULL, is NULL-terminated and gives the new row's cells from the first
 * column; missing ones are empty, extra ones ignored. */
void        tr_table_insert_row        (TrTable             *self,
                                        guint                position,
                                        const char * const  *cells);
/* Removes a row; the last one cannot be removed (remove the table). */
void        tr_table_remove_row        (TrTable             *self,
                                        guint                position);
/* As tr_table_insert_row(), @cells from the first row down. */
void        tr_table_insert_column     (TrTable             *self,
                                        guint                position,
                                        const char * const  *cells);
void        tr_table_remove_column     (TrTable             *self,
                                        guint                position);

/* Whether the first row is a header, which exports repeat at the top of
 * each page the table runs over. */
gboolean    tr_table_get_has_header    (TrTable             *self);
void        tr_table_set_has_header    (TrTable             *self,
                                        gboolean             has_header);
/* Never NULL; "" for none. Without its number: exports write
 * "表 N：caption", numbering the captioned tables of the report in order
 * (tr_report_get_table_number()). */
const char *tr_table_get_caption       (TrTable             *self);
void        tr_table_set_caption       (TrTable             *self,
                                        const char          *caption);

/* The table as plain text, for search, snippets and the completeness
 * rules: the caption on a line of its own when there is one, then one line
 * per row with its cells separated by tabs. A search word never holds a
 * tab, so no match spans two cells. No line break at the end. */
void        tr_table_append_plain_text (TrTable             *self,
                                        GString             *out);

G_END_DECLS
