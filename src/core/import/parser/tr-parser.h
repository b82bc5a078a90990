/* tr-parser.h: the structure of an old report, from its laid-out text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-layout-line.h"
#include "tr-parsed-report.h"

G_BEGIN_DECLS

/* Rebuilds a report from the lines of a document (TrLayoutLine, in reading
 * order, pages in order): drops running headers, footers and page numbers,
 * joins lines broken inside sentences, skips the 目次, finds the headings
 * of the four sections in whatever style the report used, reads the 提要
 * form, and puts the rest in the 摘要, the appendix or "unclassified".
 * Never drops text. Never fails: a document with no standard structure
 * comes back with its text in "unclassified" and a warning saying so.
 * @n_pages is the document's, for when the form does not say. */
TrParsedReport *tr_parser_parse_lines (GPtrArray  *lines,
                                       guint       n_pages);

/* The same from plain text (form feeds between pages). */
TrParsedReport *tr_parser_parse_text  (const char *text);

/* Takes out of @appendix the lines that became photos' captions
 * (@caption_lines: their text as the document had it, NULL-terminated, in
 * the document's order): the captions carry them now, and the export and
 * the reader would show them twice. A line goes only when exactly one line
 * of the appendix reads the same (whitespace aside), or when it reads as
 * several caption lines that follow one another (the parser joined a
 * caption's lines into one paragraph); otherwise it stays, as a caption
 * shown twice is better than text lost. Returns how many lines of
 * @appendix went, and in @out_appendix the text without them (NULL when
 * none went). */
guint           tr_parser_remove_caption_lines (const char          *appendix,
                                                const char * const  *caption_lines,
                                                char               **out_appendix);

G_END_DECLS
