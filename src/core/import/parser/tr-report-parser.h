/* tr-report-parser.h: the structure of an old report, from its laid-out text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-layout-line.h"
#include "tr-report.h"

G_BEGIN_DECLS

/* Rebuilds a report from the lines of a document (TrLayoutLine, in reading
 * order, pages in order): drops running headers, footers and page numbers,
 * joins lines broken inside sentences, skips the 目次, finds the headings
 * of the four sections in whatever style the report used, reads the 提要
 * form, and puts the rest in the 摘要, the appendix or "unclassified".
 * Never drops text. Never fails: a document with no standard structure
 * comes back with its text in "unclassified" and a warning saying so.
 * The report is of kind "imported". */
TrReport *tr_report_parse_lines (GPtrArray  *lines,
                                 guint       n_pages);

/* The same, and the page (from 0) where the appendix (附錄, 照片 …) starts,
 * or G_MAXUINT when the report has none: its pictures are its photos. */
TrReport *tr_report_parse_lines_full (GPtrArray  *lines,
                                      guint       n_pages,
                                      guint      *out_appendix_page);

/* The same from plain text (form feeds between pages). */
TrReport *tr_report_parse_text  (const char *text);

/* Takes out of @report's appendix the lines that became its photos'
 * captions (@caption_lines: their text as the document had it, NULL-
 * terminated): the captions carry them now, and the export and the reader
 * would show them twice. A line goes only when exactly one line of the
 * appendix reads the same (whitespace aside); otherwise it stays, as a
 * caption shown twice is better than text lost. Returns how many went. */
guint     tr_report_remove_caption_lines (TrReport           *report,
                                          const char * const *caption_lines);

G_END_DECLS
