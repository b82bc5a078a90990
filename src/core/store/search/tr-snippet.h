/* tr-snippet.h: the few words around a search hit
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* About this many characters around the first hit, as FTS5's snippet()
 * would show them: every occurrence of a word inside is wrapped in
 * TR_SNIPPET_MATCH_START / TR_SNIPPET_MATCH_END, and "…" marks where the
 * text was cut. Words match as substrings, ignoring case.
 *
 * @texts are tried in order, the first holding any of @words wins; within
 * it the longest word's first occurrence is the centre. Returns NULL when
 * no text holds any word. */
char *tr_snippet_build (const char * const *texts,
                        guint               n_texts,
                        const char * const *words,
                        guint               width);

G_END_DECLS
