/* tr-parser-joiner.h: which lines continue the paragraph before them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parser-document.h"

G_BEGIN_DECLS

/* TRUE when @text opens an item of its own: numbering (壹、 一、 （一）
 * 1. (1) 第一章), a bullet (● ■ ※ - …) or a caption (照片1：, 圖 2). */
gboolean tr_parser_starts_item      (const char         *text);

/* TRUE when @next, the line after @line in reading order (furniture left
 * out), carries on @line's paragraph: a line the layout broke, not a new
 * paragraph. Looks at numbering and bullets, the vertical gap, size and
 * weight, indentation, the end of a sentence, and whether @next's first
 * word would have fitted at the end of @line. */
gboolean tr_parser_lines_continue   (TrParserDocument   *document,
                                     const TrParserLine *line,
                                     const TrParserLine *next);

/* TRUE when @next sits right under @line: same page, no blank line
 * between, the same size. Weaker than continuing
 * a paragraph: a value that wrapped inside a table cell. */
gboolean tr_parser_lines_adjacent   (TrParserDocument   *document,
                                     const TrParserLine *line,
                                     const TrParserLine *next);

G_END_DECLS
