/* tr-parser-title.h: the report's title, where no 提要 form gives it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parser-document.h"

G_BEGIN_DECLS

/* A line of the front matter, before the form, the 摘要 or the body. */
typedef struct {
  guint    index;     /* in the document */
  gboolean labelled;  /* read as a field ("服務機關：…") */
  gboolean used;      /* set when the title was taken from it */
} TrFrontLine;

/* The title on the cover: the lines set largest, centred, one after the
 * other at an even pitch (a title wraps over two or three lines), leaving
 * out 「出國報告（出國類別：…）」 and a 出國報告 set apart. Where the cover
 * is all in one size, the lines just before its labelled fields. NULL when
 * neither is there; marks the lines it took as used. */
char *tr_parser_find_cover_title  (TrParserDocument *document,
                                   TrFrontLine      *lines,
                                   guint             n_lines);

/* The title a running header repeats on most pages (furniture lines),
 * without its page number; NULL when the header says something else, such
 * as only an agency's name. */
char *tr_parser_find_header_title (TrParserDocument *document);

G_END_DECLS
