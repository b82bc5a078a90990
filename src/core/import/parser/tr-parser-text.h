/* tr-parser-text.h: characters and strings as the report parser sees them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Han, kana, hangul, bopomofo and full-width letters and digits: the
 * characters that are written without spaces between them. */
gboolean    tr_parser_is_cjk_letter      (gunichar    c);
/* CJK letters and the full-width punctuation set with them (。，「」…). */
gboolean    tr_parser_is_cjk             (gunichar    c);
/* Whitespace, including the ideographic space and no-break spaces. */
gboolean    tr_parser_is_space           (gunichar    c);

const char *tr_parser_skip_spaces        (const char *text);
/* A copy without leading and trailing whitespace. */
char       *tr_parser_trim               (const char *text);
/* A copy without any whitespace: "目　　的" → "目的". */
char       *tr_parser_compact            (const char *text);

/* TRUE when @text starts with @word, allowing spaces between the word's
 * characters ("出 國 類 別"); @out_end then points after it. */
gboolean    tr_parser_match_spaced       (const char  *text,
                                          const char  *word,
                                          const char **out_end);

/* @text with words spaced out letter by letter made whole again: the
 * spaces (not tabs, which part cells) between single CJK letters go, so
 * that "出　國　人　員\t王小明" reads "出國人員\t王小明". */
char       *tr_parser_join_spaced_letters (const char *text);

/* The parts of @text between runs of whitespace (and of @separators, if
 * not NULL), without empty ones. */
GStrv       tr_parser_split              (const char  *text,
                                          const char  *separators);

/* The last character of @text that is not whitespace, or 0. */
gunichar    tr_parser_last_char          (const char *text);

/* TRUE when @text ends a sentence or announces what follows: 。！？；：
 * (full- or half-width), possibly inside closing quotes or brackets, or
 * a full stop after a Latin word that is not an abbreviation. */
gboolean    tr_parser_ends_sentence      (const char *text);

/* Appends @next to @paragraph as the continuation of a line broken by the
 * layout: nothing between CJK characters, one space between Latin words,
 * nothing after a hyphen or an opening bracket. */
void        tr_parser_append_continuation (GString    *paragraph,
                                           const char *next);

G_END_DECLS
