/* tr-numbering.h: the numbering levels of lines inside a report section
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Inside a section the levels run 一、 → （一） → 1、/1. → （1）/(1); the
 * section itself is the 壹、 level. The editor indents by these levels and
 * the export gives them hanging indents. */
typedef enum {
  TR_NUMBERING_NONE = 0,
  TR_NUMBERING_CHINESE,              /* 一、 */
  TR_NUMBERING_PARENTHESIZED_CHINESE,/* （一） (一) */
  TR_NUMBERING_ARABIC,               /* 1、 1. 1． */
  TR_NUMBERING_PARENTHESIZED_ARABIC, /* （1） (1) */
} TrNumberingLevel;

/* The level of the line starting at @line (up to its end or a newline), and
 * in @out_prefix_length (may be NULL) the byte length of its number with its
 * punctuation and the spaces after it. */
TrNumberingLevel tr_numbering_get_level (const char *line,
                                         gsize      *out_prefix_length);

G_END_DECLS
