/* tr-parser-outline.h: the lines that may be headings, and how the
 * document numbers its sections
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parser-document.h"
#include "tr-parser-headings.h"

G_BEGIN_DECLS

typedef struct {
  TrHeading heading;    /* kind TR_HEADING_NONE: a heading by its look or number only */
  char     *text;       /* the heading's text, both lines joined when it wrapped */
  guint     n_lines;    /* 2 when the heading wrapped onto a second line */
  gboolean  styled;     /* set larger or bolder than the body */
  gboolean  large;      /* set larger than the body */
  double    font_size;  /* of its first line */
  gboolean  bold;
  gboolean  standalone; /* a line of its own, not the end of the line before */
  gboolean  page_start; /* the first line of its page */
  gboolean  top_level;  /* numbered like the document's section headings */
  gboolean  in_row;     /* beside another line: a table cell */
} TrHeadingCandidate;

typedef struct {
  TrHeadingCandidate **candidates; /* one per line; NULL when it cannot be a heading */
  guint                n_lines;
  /* The numbering the document gives its sections (壹、 or 第一章 or 一、
   * …), found by which style names the most of the four sections;
   * TR_HEADING_NUMBER_NONE for bare headings. */
  TrHeadingNumber      top;
} TrParserOutline;

/* Looks at every line of @document that is neither furniture nor 目次. */
TrParserOutline *tr_parser_outline_new  (TrParserDocument *document);
void             tr_parser_outline_free (TrParserOutline  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrParserOutline, tr_parser_outline_free)

G_END_DECLS
