/* tr-layout-line.h: one line of text as laid out on a page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the PDF reader gives the report parser: the text of one visual line
 * with where it sits and how it is set. Coordinates are in PDF points from
 * the top-left of the page. */
typedef struct {
  char    *text;        /* UTF-8, without the newline; where the line's pieces
                         * stand apart (the cells of a table row, a form's
                         * label and value), a tab separates them */
  guint    page;        /* 0-based */
  double   x;           /* left edge */
  double   y;           /* top edge */
  double   width;
  double   height;
  double   page_width;
  double   page_height;
  double   font_size;   /* the most used size in the line, in points */
  gboolean bold;        /* most of the line is in a bold face */
  /* Where each tab-separated piece starts (its left edge), when the reader
   * knows: what tells the columns of a table. NULL, or n_cells values. */
  double  *cell_x;
  guint    n_cells;
} TrLayoutLine;

#define TR_TYPE_LAYOUT_LINE (tr_layout_line_get_type ())
GType         tr_layout_line_get_type (void) G_GNUC_CONST;

TrLayoutLine *tr_layout_line_new      (const char         *text,
                                       guint               page);
TrLayoutLine *tr_layout_line_copy     (const TrLayoutLine *line);
void          tr_layout_line_free     (TrLayoutLine       *line);
/* Copies @n_cells left edges into @line (NULL or 0: none known). */
void          tr_layout_line_set_cell_x (TrLayoutLine     *line,
                                         const double     *cell_x,
                                         guint             n_cells);

/* Lines from plain text, for tests and the fuzzer: one per "\n", a new page
 * at each form feed; A4 geometry, 12 pt, lines 18 pt apart. */
GPtrArray    *tr_layout_lines_from_text (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrLayoutLine, tr_layout_line_free)

G_END_DECLS
