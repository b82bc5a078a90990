/* tr-numerals.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-numerals.h"

#include <string.h>

#define MAX_VALUE 99999

/* The value of a Chinese digit, both everyday (一) and financial (壹), or -1. */
static int
chinese_digit_value (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
    case 0x25CB: /* ○, typed for 〇 */
      return 0;
    case 0x4E00: /* 一 */
    case 0x58F9: /* 壹 */
      return 1;
    case 0x4E8C: /* 二 */
    case 0x8CB3: /* 貳 */
    case 0x8D30: /* 贰 */
    case 0x5169: /* 兩 */
    case 0x4E24: /* 两 */
      return 2;
    case 0x4E09: /* 三 */
    case 0x53C3: /* 參 */
    case 0x53C1: /* 叁 */
    case 0x53C4: /* 叄 */
      return 3;
    case 0x56DB: /* 四 */
    case 0x8086: /* 肆 */
      return 4;
    case 0x4E94: /* 五 */
    case 0x4F0D: /* 伍 */
      return 5;
    case 0x516D: /* 六 */
    case 0x9678: /* 陸 */
    case 0x9646: /* 陆 */
      return 6;
    case 0x4E03: /* 七 */
    case 0x67D2: /* 柒 */
      return 7;
    case 0x516B: /* 八 */
    case 0x634C: /* 捌 */
      return 8;
    case 0x4E5D: /* 九 */
    case 0x7396: /* 玖 */
      return 9;
    default:
      return -1;
    }
}

/* The value of a Chinese place marker (十, 百, 千 and their financial
 * forms), or 0. 廿 and 卅 stand for 二十 and 三十 in dates. */
static guint
chinese_unit_value (gunichar c,
                    guint   *out_tens)
{
  *out_tens = 0;
  switch (c)
    {
    case 0x5341: /* 十 */
    case 0x62FE: /* 拾 */
      return 10;
    case 0x767E: /* 百 */
    case 0x4F70: /* 佰 */
      return 100;
    case 0x5343: /* 千 */
    case 0x4EDF: /* 仟 */
      return 1000;
    case 0x5EFF: /* 廿 */
      *out_tens = 2;
      return 10;
    case 0x5345: /* 卅 */
      *out_tens = 3;
      return 10;
    default:
      return 0;
    }
}

gboolean
tr_numeral_is_chinese (gunichar c)
{
  guint tens;

  return chinese_digit_value (c) >= 0 || chinese_unit_value (c, &tens) > 0;
}

gboolean
tr_numeral_is_capital (gunichar c)
{
  switch (c)
    {
    case 0x58F9: case 0x8CB3: case 0x53C3: case 0x53C1: case 0x53C4: case 0x8086:
    case 0x4F0D: case 0x9678: case 0x67D2: case 0x634C: case 0x7396: case 0x62FE:
    case 0x4F70:
      return TRUE;
    default:
      return FALSE;
    }
}

/* One digit a character, most significant first: 105 with @digit_value
 * g_unichar_digit_value(), 一〇五 or 二〇一六 with chinese_digit_value(). */
static gboolean
parse_digits (const char *p,
              const char *end,
              int       (*digit_value) (gunichar c),
              guint      *out_value)
{
  guint value = 0;

  for (; p < end; p = g_utf8_next_char (p))
    {
      int digit = digit_value (g_utf8_get_char (p));

      if (digit < 0)
        return FALSE;
      value = value * 10 + digit;
      if (value > MAX_VALUE)
        return FALSE;
    }
  *out_value = value;
  return TRUE;
}

/* 一百零五, 十二, 二十, 廿三: digits multiplied by falling place markers. */
static gboolean
parse_chinese_positional (const char *p,
                          const char *end,
                          guint      *out_value)
{
  guint total = 0, last_unit = G_MAXUINT;
  int pending = -1;

  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = chinese_digit_value (c);
      guint tens, unit = chinese_unit_value (c, &tens);

      if (digit == 0)
        {
          /* 零 only holds a place: 一百零五. */
          if (pending != -1)
            return FALSE;
          continue;
        }
      if (digit > 0)
        {
          if (pending != -1)
            return FALSE;
          pending = digit;
          continue;
        }
      if (unit == 0 || unit >= last_unit)
        return FALSE;
      if (tens > 0)
        {
          if (pending != -1)
            return FALSE;
          pending = tens;
        }
      total += (pending == -1 ? 1 : (guint) pending) * unit;
      pending = -1;
      last_unit = unit;
    }
  if (pending != -1)
    total += pending;
  if (total > MAX_VALUE)
    return FALSE;
  *out_value = total;
  return TRUE;
}

static int
roman_value (gunichar c)
{
  switch (c)
    {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    default: return 0;
    }
}

static gboolean
parse_roman (const char *p,
             const char *end,
             guint      *out_value)
{
  gunichar first = g_utf8_get_char (p);
  int total = 0;

  /* Ⅰ … Ⅻ and ⅰ … ⅻ are single characters. */
  if (g_utf8_next_char (p) == end)
    {
      if (first >= 0x2160 && first <= 0x216B)
        {
          *out_value = first - 0x2160 + 1;
          return TRUE;
        }
      if (first >= 0x2170 && first <= 0x217B)
        {
          *out_value = first - 0x2170 + 1;
          return TRUE;
        }
    }

  /* Twelve letters are enough for any heading number; longer runs are words. */
  if (end - p > 12)
    return FALSE;

  for (const char *q = p; q < end; q++)
    {
      int value = roman_value ((guchar) *q);
      int next = q + 1 < end ? roman_value ((guchar) q[1]) : 0;

      if (value == 0)
        return FALSE;
      total += value < next ? -value : value;
    }
  if (total <= 0)
    return FALSE;
  *out_value = total;
  return TRUE;
}

gboolean
tr_numeral_parse (const char *text,
                  gssize      length,
                  guint      *out_value)
{
  const char *end;
  gboolean has_unit = FALSE, all_arabic = TRUE, all_chinese = TRUE;
  guint value = 0;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);

  end = length < 0 ? text + strlen (text) : text + length;
  if (end == text)
    return FALSE;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint tens;

      if (g_unichar_digit_value (c) < 0)
        all_arabic = FALSE;
      if (!tr_numeral_is_chinese (c))
        all_chinese = FALSE;
      if (chinese_unit_value (c, &tens) > 0)
        has_unit = TRUE;
    }

  if (all_arabic)
    ok = parse_digits (text, end, g_unichar_digit_value, &value);
  else if (all_chinese && has_unit)
    ok = parse_chinese_positional (text, end, &value);
  else if (all_chinese)
    ok = parse_digits (text, end, chinese_digit_value, &value);
  else
    ok = parse_roman (text, end, &value);

  if (ok && out_value != NULL)
    *out_value = value;
  return ok;
}
