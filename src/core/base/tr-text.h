/* tr-text.h: text from outside (PDFs, JSON) made safe to keep and print
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A copy of @text that is valid UTF-8 without control characters, which
 * would split or hide text, or run as escape sequences in a terminal: each
 * run of them, and each U+FFFD, becomes one space. Tabs stay, and line
 * breaks too (as "\n", CR LF and a lone CR included) when
 * @keep_line_breaks. NULL gives "". */
char *tr_text_clean (const char *text,
                     gboolean    keep_line_breaks);

G_END_DECLS
