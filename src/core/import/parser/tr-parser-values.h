/* tr-parser-values.h: the values in the cells of the 提要 form
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each reader returns whether all of @value was understood: FALSE when
 * something is left over (a note after a date, an unknown word), which
 * the caller keeps as text. */

/* @text without the spaces, colons and blanks (＿＿) around it, and
 * without brackets left unbalanced by cutting it out of its line, or
 * around all of it. */
char     *tr_parser_clean_value      (const char *text);

/* TRUE when @text is only spaces and punctuation. */
gboolean  tr_parser_is_filler        (const char *text);

/* TRUE when @text starts with a box: ■ □ ☑ ☐ [x] [ ] or the
 * <input type="checkbox"> that HTML conversions leave. */
gboolean  tr_parser_starts_with_box  (const char *text);

/* 出國類別: the ticked box ("□考察 ■開會"), or the category written out
 * ("開會", "其他(出席國際會議)"). A kind outside the central list
 * (國際會議, a sub-box of 其他) is 其他 with that kind in @out_other.
 * @out_category is NULL when no box is ticked. */
gboolean  tr_parser_read_category    (const char *value,
                                      char      **out_category,
                                      char      **out_other);

/* 含附件: ■是 □否, or 是 / 否 / 有 / 無 written out. @out_known is FALSE
 * when no answer is given. */
gboolean  tr_parser_read_yes_no      (const char *value,
                                      gboolean   *out_known,
                                      gboolean   *out_yes);

/* 頁數: "35", "35 頁". @out_pages is 0 when there is no number. */
gboolean  tr_parser_read_pages       (const char *value,
                                      guint      *out_pages);

/* 出國期間: two dates (105年7月9日至105年7月11日, 105.7.9-7.11, 自…起至…止)
 * or one, as ISO. The second may leave out the year and month of the
 * first. NULL where no date was found. */
gboolean  tr_parser_read_period      (const char *value,
                                      char      **out_start,
                                      char      **out_end);

/* 報告日期: one date, as ISO, maybe with a weekday after it. */
gboolean  tr_parser_read_date_value  (const char *value,
                                      char      **out_date);

/* 關鍵詞 and lists of names: the items between 、，,;； slashes and
 * spaces, cleaned, without empty ones. */
GStrv     tr_parser_split_list       (const char *value);

G_END_DECLS
