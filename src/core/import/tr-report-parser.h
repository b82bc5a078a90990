/* tr-report-parser.h: an old report from its laid-out text, as a TrReport
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-layout-line.h"
#include "tr-report.h"

G_BEGIN_DECLS

/* The parser's reading of a document (see tr_parser_parse_lines()) as a
 * report of kind "imported". */
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
 * captions, as tr_parser_remove_caption_lines() says. Returns how many
 * went. */
guint     tr_report_remove_caption_lines (TrReport           *report,
                                          const char * const *caption_lines);

G_END_DECLS
