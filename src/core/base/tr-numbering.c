/* tr-numbering.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-numbering.h"

#include <string.h>

static const char * const chinese_digits[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零", "百", NULL
};

static gboolean
is_chinese_digit (gunichar c)
{
  char utf8[7] = { 0 };

  g_unichar_to_utf8 (c, utf8);
  return g_strv_contains (chinese_digits, utf8);
}

static gboolean
is_arabic_digit (gunichar c)
{
  /* Full-width digits are common in documents typed with a Chinese IME. */
  return g_unichar_isdigit (c) && g_unichar_digit_value (c) >= 0;
}

/* Skips a run of characters accepted by @accept; returns the end. */
static const char *
skip_run (const char *p,
          gboolean  (*accept) (gunichar c),
          guint      *out_count)
{
  guint count = 0;

  while (*p != '\0' && accept (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      count++;
    }
  *out_count = count;
  return p;
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && *p != '\n')
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

static gboolean
starts_with_any (const char          *p,
                 const char * const  *prefixes,
                 const char         **out_end)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (p, prefixes[i]))
      {
        *out_end = p + strlen (prefixes[i]);
        return TRUE;
      }
  return FALSE;
}

TrNumberingLevel
tr_numbering_get_level (const char *line,
                        gsize      *out_prefix_length)
{
  static const char * const open_parens[] = { "（", "(", NULL };
  static const char * const close_parens[] = { "）", ")", NULL };
  static const char * const chinese_marks[] = { "、", NULL };
  static const char * const arabic_marks[] = { "、", "．", ".", NULL };
  TrNumberingLevel level = TR_NUMBERING_NONE;
  const char *p, *end = NULL;
  guint count;

  g_return_val_if_fail (line != NULL, TR_NUMBERING_NONE);

  p = skip_spaces (line);

  if (starts_with_any (p, open_parens, &end))
    {
      const char *inner = end;

      if ((end = skip_run (inner, is_chinese_digit, &count)) && count > 0 &&
          starts_with_any (end, close_parens, &end))
        level = TR_NUMBERING_PARENTHESIZED_CHINESE;
      else if ((end = skip_run (inner, is_arabic_digit, &count)) && count > 0 && count <= 3 &&
               starts_with_any (end, close_parens, &end))
        level = TR_NUMBERING_PARENTHESIZED_ARABIC;
    }
  else if ((end = skip_run (p, is_chinese_digit, &count)) && count > 0 &&
           starts_with_any (end, chinese_marks, &end))
    level = TR_NUMBERING_CHINESE;
  /* At most three digits: "2016. " opens a sentence about a year, not an item. */
  else if ((end = skip_run (p, is_arabic_digit, &count)) && count > 0 && count <= 3 &&
           starts_with_any (end, arabic_marks, &end))
    {
      /* "1.5 倍" is a number, not an item. */
      if (!is_arabic_digit (g_utf8_get_char (end)))
        level = TR_NUMBERING_ARABIC;
    }

  if (out_prefix_length != NULL)
    *out_prefix_length = level != TR_NUMBERING_NONE ? (gsize) (skip_spaces (end) - line) : 0;
  return level;
}
