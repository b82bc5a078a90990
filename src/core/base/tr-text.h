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

/* A SHA-256, in hex, of what @texts say, read one after the other: the
 * same for the same words however they were laid out or encoded.
 * Compatibility forms are folded (NFKC: full-width letters, digits and
 * punctuation read as their usual forms), case too, and white space and
 * invisible format characters are left out, so that where lines broke or
 * a text was cut into sections does not count. NULL when they say too
 * little (fewer than TR_TEXT_FINGERPRINT_MIN_CHARS characters) to tell one
 * report from another, as a scan without text. NULL texts are skipped. */
#define TR_TEXT_FINGERPRINT_MIN_CHARS 40
char *tr_text_fingerprint (const char * const *texts,
                           gsize               n_texts);

G_END_DECLS
