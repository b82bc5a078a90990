/* tr-numerals.h: the numbers reports are written with
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads the whole of @text (@length bytes, or up to the NUL when -1) as one
 * number: Arabic digits (also full-width), Chinese numerals written out
 * (一百零五, 十二, 廿三) or digit by digit (一〇五), the financial forms of
 * section numbering (壹、貳拾), or Roman numerals (IV, Ⅻ). FALSE when
 * @text is anything else, empty, or too large to matter (over 99,999). */
gboolean tr_numeral_parse      (const char *text,
                                gssize      length,
                                guint      *out_value);

/* TRUE when @c can be part of a Chinese numeral (一, 十, 壹, 〇 …). */
gboolean tr_numeral_is_chinese (gunichar    c);

/* TRUE when @c is one of the financial numerals of 壹、貳、參 headings. */
gboolean tr_numeral_is_capital (gunichar    c);

G_END_DECLS
