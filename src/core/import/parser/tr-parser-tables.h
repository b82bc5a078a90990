/* tr-parser-tables.h: tables in the text, from rows of aligned cells
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parser-document.h"
#include "tr-table.h"

G_BEGIN_DECLS

/* A table found in the document: the content lines from @first_line to
 * @last_line (footnotes and furniture between them aside, a repeated
 * header row on a continuation page among them) are its rows. */
typedef struct {
  int      first_line;
  int      last_line;
  int      caption_line;  /* "表 1：參訪行程" just above, or -1 */
  TrTable *table;         /* its caption without the number */
} TrParserTable;

/* The tables of @document, in order, none overlapping: runs of rows
 * whose cells (apart by tabs, as the reader gives them) fall in the same
 * columns, with nothing but furniture between them, at least three rows
 * or two of three columns. Prose in two columns, photo captions two to a
 * row and label–value lines of another shape are no tables. */
GArray *tr_parser_find_tables (TrParserDocument *document);

G_END_DECLS
