/* tr-parser-document.h: the lines of a document as the parser works on them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-layout-line.h"

G_BEGIN_DECLS

typedef enum {
  TR_LINE_TEXT,
  TR_LINE_FURNITURE,  /* running header or footer, page number: left out */
  TR_LINE_TOC,        /* part of the 目次: kept aside, never a heading */
  TR_LINE_NOTE,       /* a footnote: out of the flow (see tr-parser-notes.c) */
} TrLineRole;

typedef struct {
  char      *text;         /* valid UTF-8, trimmed, never empty */
  guint      page;
  guint      rank;         /* position on its page: 0 for the first line */
  guint      rank_from_end;
  gboolean   placed;       /* its page has real vertical positions */
  double     left;         /* where the visible text starts and ends */
  double     right;
  double     y;
  double     height;
  double     page_height;
  double     font_size;
  gboolean   bold;
  TrLineRole role;
  double    *cell_x;       /* where each tab-separated cell starts, or NULL */
  guint      n_cells;      /* 1 + the tabs in the text */
} TrParserLine;

/* What the layout of the whole document says about its body text. */
typedef struct {
  GArray  *lines;            /* of TrParserLine, in reading order */
  double   body_font_size;   /* the size most of the text is set in */
  gboolean body_is_bold;     /* then bold says nothing about headings */
  double   leading;          /* the usual distance between lines; 0 if unknown */
  double   left_margin;
  double   right_margin;     /* where full lines of body text end */
  gboolean indented_paragraphs; /* paragraphs start with a first-line indent */
} TrParserDocument;

/* Copies the lines, makes their text valid UTF-8, leaves out empty ones
 * and measures the layout. */
TrParserDocument *tr_parser_document_new  (GPtrArray        *lines);
void              tr_parser_document_free (TrParserDocument *self);

static inline TrParserLine *
tr_parser_document_get (TrParserDocument *self,
                        guint             index)
{
  return &g_array_index (self->lines, TrParserLine, index);
}

/* The next or previous line that is not furniture or a footnote, or -1. */
int  tr_parser_document_next_content (TrParserDocument *self,
                                      int               index);
int  tr_parser_document_prev_content (TrParserDocument *self,
                                      int               index);

/* TRUE when @line is set larger than the body text or in bold while the
 * body is not: the look of a heading. */
gboolean tr_parser_line_looks_like_heading (TrParserDocument   *self,
                                            const TrParserLine *line);
/* TRUE when @line starts further right than the body text's left margin. */
gboolean tr_parser_line_is_indented        (TrParserDocument   *self,
                                            const TrParserLine *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrParserDocument, tr_parser_document_free)

G_END_DECLS
