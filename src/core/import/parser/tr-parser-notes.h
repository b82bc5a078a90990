/* tr-parser-notes.h: footnotes at the foot of a page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parser-document.h"

G_BEGIN_DECLS

/* A footnote, taken out of the flow of the text. */
typedef struct {
  char *text;         /* without its marker */
  int   marker_line;  /* the line its marker was in (the marker taken out) */
} TrParserNote;

/* Finds the notes at the foot of each page (lines set smaller than the
 * body text, below it, the first opening with a marker: 1, 12, *, ①,
 * 註1) whose marker is in the text above them on their page or the one
 * before, marks their lines TR_LINE_NOTE and takes the marker out of the
 * text. Returns the notes, in order. */
GArray *tr_parser_find_notes (TrParserDocument *document);

G_END_DECLS
