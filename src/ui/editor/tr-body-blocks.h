/* tr-body-blocks.h: the tables of a section and the text between them,
 * under the section's first text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-body.h"
#include "tr-section-editor.h"
#include "tr-table-editor.h"

G_BEGIN_DECLS

#define TR_TYPE_BODY_BLOCKS (tr_body_blocks_get_type ())
G_DECLARE_FINAL_TYPE (TrBodyBlocks, tr_body_blocks, TR, BODY_BLOCKS, GtkWidget)

/* A body is text runs and tables in turn (tr-body.h). The section editor
 * keeps showing run 0, as it does for a section without tables; the
 * blocks, added under its text, show each table and the run after it.
 * The blocks keep the section's one undo history, in the order things
 * were done: typing in any of its texts and cells, inserting, deleting,
 * pasting a table, changing its shape (tr-section-history.h); the texts'
 * buffers keep none of their own. ::changed is emitted on every change
 * but those of run 0, which the section editor reports. */
GtkWidget   *tr_body_blocks_new               (TrSectionEditor *editor);

/* Shows @body (NULL: an empty one), run 0 in the section editor; a
 * load, not an undo step. */
void         tr_body_blocks_load              (TrBodyBlocks    *self,
                                               TrBody          *body);
/* What the section holds now, run 0 included. */
TrBody      *tr_body_blocks_dup_body          (TrBodyBlocks    *self);

void         tr_body_blocks_set_editable      (TrBodyBlocks    *self,
                                               gboolean         editable);

/* Puts @table (copied) at the cursor of the section's text that had the
 * focus last: the text after the cursor goes on under the table. FALSE
 * when the section cannot be changed or holds as many tables as allowed. */
gboolean     tr_body_blocks_insert_table      (TrBodyBlocks    *self,
                                               TrTable         *table);
/* Moves the cursor to byte @offset of the section's plain text
 * (tr_body_get_plain_text(), -1 for the start), in whichever text, cell or
 * caption holds it, and focuses it: where a completeness problem is. */
void         tr_body_blocks_focus_at          (TrBodyBlocks    *self,
                                               gssize           offset);
/* Whether the focus is in the section, its first text included. */
gboolean     tr_body_blocks_has_focus         (TrBodyBlocks    *self);

/* Ctrl+Z and Ctrl+Shift+Z in the section; FALSE when there is nothing to
 * undo or redo, or the section cannot be changed. */
gboolean     tr_body_blocks_undo              (TrBodyBlocks    *self);
gboolean     tr_body_blocks_redo              (TrBodyBlocks    *self);
gboolean     tr_body_blocks_can_undo          (TrBodyBlocks    *self);
gboolean     tr_body_blocks_can_redo          (TrBodyBlocks    *self);

/* Adds what the blocks hold to read and search, in order (captions,
 * cells, texts), to @out; ::texts-changed says when that changes. */
void         tr_body_blocks_append_texts      (TrBodyBlocks    *self,
                                               GPtrArray       *out);

guint        tr_body_blocks_get_n_tables      (TrBodyBlocks    *self);
TrTableEditor *tr_body_blocks_get_table_editor (TrBodyBlocks   *self,
                                               guint            index);
/* The text view of run @index, from 1: run 0 is the section editor's. */
GtkTextView *tr_body_blocks_get_run_view      (TrBodyBlocks    *self,
                                               guint            index);

/* The text run @buffer holds: 0 for the section editor's. */
gboolean     tr_body_blocks_find_run          (TrBodyBlocks    *self,
                                               GtkTextBuffer   *buffer,
                                               guint           *out_run);

/* Where the text of @buffer, the section's first text, a text after a
 * table or a cell, starts in @body's plain text (tr_body_get_plain_text()),
 * in bytes, @body being what the section holds now; FALSE for a buffer
 * that is none of these, or an empty run, which the plain text leaves out. */
gboolean     tr_body_blocks_get_text_start    (TrBodyBlocks    *self,
                                               GtkTextBuffer   *buffer,
                                               TrBody          *body,
                                               gsize           *out_offset);

/* Tab-separated text, two rows and two columns or more (a spreadsheet's
 * range, a Writer or Word table copied as text), as a table; NULL for
 * anything else. */
TrTable     *tr_body_blocks_parse_tsv         (const char      *text);

G_END_DECLS
