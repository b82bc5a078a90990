/* tr-parser-furniture.h: running headers, footers and page numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parser-document.h"

G_BEGIN_DECLS

/* TRUE when @text is nothing but a page number: 1, - 1 -, -1-, 第 1 頁,
 * 第1頁，共20頁, 1/20, Page 1, Page 1 of 20, p. 1, iv. */
gboolean tr_parser_is_page_number   (const char       *text);

/* Marks as TR_LINE_FURNITURE the page numbers at the top or bottom of
 * their page, and the lines repeated at the top or bottom of many pages
 * (a number inside them may change from page to page). Returns how many
 * lines were marked. */
guint    tr_parser_mark_furniture   (TrParserDocument *document);

G_END_DECLS
