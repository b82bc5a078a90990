/* tr-body.h: what a section of the body, or the appendix, holds: text with
 * tables between its paragraphs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tr-field.h"
#include "tr-table.h"

G_BEGIN_DECLS

/* Limits far beyond any real report; the JSON form and the store refuse
 * more. The length is in characters of the plain text, cells included. */
#define TR_BODY_MAX_TABLES  200
#define TR_BODY_MAX_LENGTH  TR_REPORT_MAX_TEXT_LENGTH

#define TR_TYPE_BODY (tr_body_get_type ())
G_DECLARE_FINAL_TYPE (TrBody, tr_body, TR, BODY, GObject)

/* A body is text runs and tables in turn: n tables sit between n + 1 runs
 * (text run i comes before table i), and a run may be empty. A body without
 * tables is one run: exactly the text a section was before tables. A run
 * is paragraphs separated by line breaks, numbered as ever (tr-numbering.h).
 *
 * To write a body out (export, reader, command line):
 *
 *   for (guint i = 0; i <= tr_body_get_n_tables (body); i++)
 *     {
 *       write_paragraphs (tr_body_get_text_run (body, i));
 *       if (i < tr_body_get_n_tables (body))
 *         write_table (tr_body_get_table (body, i));
 *     }
 *
 * Every change, to a run, to the list of tables or inside one of the tables,
 * emits TrBody::changed once, after it is made. A table belongs to one body
 * at a time. */
TrBody     *tr_body_new             (void);
/* Deep: the tables are copied too. */
TrBody     *tr_body_copy            (TrBody      *self);
gboolean    tr_body_equal           (TrBody      *a,
                                     TrBody      *b);
/* Makes @self hold a copy of what @content holds. */
void        tr_body_replace         (TrBody      *self,
                                     TrBody      *content);

guint       tr_body_get_n_tables    (TrBody      *self);
TrTable    *tr_body_get_table       (TrBody      *self,
                                     guint        index);
/* Never NULL; @index from 0 to n-tables. */
const char *tr_body_get_text_run    (TrBody      *self,
                                     guint        index);
void        tr_body_set_text_run    (TrBody      *self,
                                     guint        index,
                                     const char  *text);

/* Splits text run @run at the character @offset and puts @table between
 * the two halves: it becomes table @run. */
void        tr_body_insert_table    (TrBody      *self,
                                     guint        run,
                                     guint        offset,
                                     TrTable     *table);
/* Takes table @index out; the runs before and after it are joined as they
 * are, undoing tr_body_insert_table(). */
void        tr_body_remove_table    (TrBody      *self,
                                     guint        index);

/* For readers that build a body in order (the JSON form, the store, an
 * import): @text goes at the end of the last run, on a line of its own when
 * that run has text; a table goes after the last run, and an empty run
 * after it. */
void        tr_body_append_text     (TrBody      *self,
                                     const char  *text);
void        tr_body_append_table    (TrBody      *self,
                                     TrTable     *table);

/* Makes the body one text run, without tables; nothing changes when @text
 * is the body's plain text already. This is what tr_report_set_text()
 * does with a body. */
void        tr_body_set_text        (TrBody      *self,
                                     const char  *text);

/* The body as plain text, the one the search index, snippets, comments'
 * quotes and the completeness rules read: the runs and the tables
 * (tr_table_append_plain_text()) in order, each from a new line, empty runs
 * left out. For a body without tables, its one run as it is. Never NULL;
 * valid until the body changes. */
const char *tr_body_get_plain_text  (TrBody      *self);

/* What a place in the plain text belongs to. */
typedef enum {
  TR_BODY_PART_RUN,
  TR_BODY_PART_CAPTION,
  TR_BODY_PART_CELL,
} TrBodyPart;

/* Where byte @offset of tr_body_get_plain_text() comes from (a completeness
 * problem, a search hit): text run @out_index, or the caption or cell
 * (@out_row, @out_column) of table @out_index, @out_offset bytes into it. A
 * line break or tab the plain text puts between two parts belongs to the
 * end of the part before it. FALSE when @offset is past the end. */
gboolean    tr_body_locate          (TrBody      *self,
                                     gsize        offset,
                                     TrBodyPart  *out_part,
                                     guint       *out_index,
                                     guint       *out_row,
                                     guint       *out_column,
                                     gsize       *out_offset);
/* Where text run @index starts in tr_body_get_plain_text(), in bytes;
 * FALSE for an empty run, which the plain text leaves out. */
gboolean    tr_body_get_run_start   (TrBody      *self,
                                     guint        index,
                                     gsize       *out_offset);
/* Where cell (@row, @column) of table @table starts in
 * tr_body_get_plain_text(), in bytes; FALSE for no such cell. */
gboolean    tr_body_get_cell_start  (TrBody      *self,
                                     guint        table,
                                     guint        row,
                                     guint        column,
                                     gsize       *out_offset);

G_END_DECLS
