/* tr-parser-toc.h: the 目次, which lists the headings but is not the body
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parser-document.h"

G_BEGIN_DECLS

/* TRUE when @text is a line of a table of contents: a title, dot leaders
 * (…… ‧‧‧ ....) and a page number: "壹、目的………………1". */
gboolean tr_parser_is_toc_entry (const char       *text);

/* Marks as TR_LINE_TOC each run of table-of-contents lines: entries with
 * dot leaders, or headings followed by a page number under a 目次 title,
 * with the title and the pieces of entries that wrapped. Returns how many
 * lines were marked. */
guint    tr_parser_mark_toc     (TrParserDocument *document);

G_END_DECLS
