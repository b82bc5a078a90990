/* tr-date.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-date.h"

#include <string.h>

#include "tr-numerals.h"

#define MINGUO_EPOCH_YEAR 1911

gboolean
tr_date_parse_iso (const char *text,
                   GDate      *out_date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) || text[4] != '-' ||
      !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]) || text[7] != '-' ||
      !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]))
    return FALSE;

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  if (out_date != NULL)
    g_date_set_dmy (out_date, day, month, year);
  return TRUE;
}

char *
tr_date_format_minguo (const char *iso)
{
  GDate date;

  if (!tr_date_parse_iso (iso, &date) || g_date_get_year (&date) <= MINGUO_EPOCH_YEAR)
    return NULL;

  return g_strdup_printf ("%u年%u月%u日",
                          g_date_get_year (&date) - MINGUO_EPOCH_YEAR,
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

gboolean
tr_date_days_between (const char *a,
                      const char *b,
                      int        *out_days)
{
  GDate date_a, date_b;

  if (!tr_date_parse_iso (a, &date_a) || !tr_date_parse_iso (b, &date_b))
    return FALSE;
  *out_days = g_date_days_between (&date_a, &date_b);
  return TRUE;
}

/* One part of a date: a run of Arabic digits or of Chinese numerals, never
 * a mix (and never Roman numerals, which the numeral reader also knows). */
static const char *
read_date_part (const char *p,
                guint      *out_value)
{
  const char *start = p;
  gboolean arabic = FALSE, chinese = FALSE;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0)
        arabic = TRUE;
      else if (tr_numeral_is_chinese (c))
        chinese = TRUE;
      else
        break;
      p = g_utf8_next_char (p);
    }
  if (p == start || (arabic && chinese) ||
      !tr_numeral_parse (start, p - start, out_value))
    return NULL;
  return p;
}

/* The separator after a part, with full-width forms folded: "年", ".", "/", "-". */
static const char *
read_date_separator (const char  *p,
                     const char **out_separator)
{
  static const struct {
    const char *text;
    const char *folded;
  } separators[] = {
    { "年", "年" }, { "月", "月" }, { ".", "." }, { "．", "." }, { "/", "/" },
    { "／", "/" }, { "-", "-" }, { "－", "-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (g_str_has_prefix (p, separators[i].text))
      {
        *out_separator = separators[i].folded;
        return p + strlen (separators[i].text);
      }
  return NULL;
}

char *
tr_date_parse_any (const char *text)
{
  g_autoptr(GString) compact = NULL;
  enum { ERA_ANY, ERA_MINGUO, ERA_GREGORIAN } era = ERA_ANY;
  const char *p, *separator, *month_separator;
  guint year, month, day;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  /* People put spaces anywhere: "105 年 7 月 9 日". */
  compact = g_string_new (NULL);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (compact, c);
    }

  p = compact->str;
  if (g_str_has_prefix (p, "中華民國"))
    era = ERA_MINGUO, p += strlen ("中華民國");
  else if (g_str_has_prefix (p, "民國"))
    era = ERA_MINGUO, p += strlen ("民國");
  else if (g_str_has_prefix (p, "西元") || g_str_has_prefix (p, "公元"))
    era = ERA_GREGORIAN, p += strlen ("西元");

  if ((p = read_date_part (p, &year)) == NULL ||
      (p = read_date_separator (p, &separator)) == NULL ||
      g_str_equal (separator, "月") ||
      (p = read_date_part (p, &month)) == NULL ||
      (p = read_date_separator (p, &month_separator)) == NULL ||
      (p = read_date_part (p, &day)) == NULL)
    return NULL;

  /* 105年7月9日 or 105.7.9, not 105年7.9. */
  if (g_str_equal (separator, "年"))
    {
      if (!g_str_equal (month_separator, "月"))
        return NULL;
      if (g_str_has_prefix (p, "日"))
        p += strlen ("日");
      else if (g_str_has_prefix (p, "號"))
        p += strlen ("號");
    }
  else if (!g_str_equal (separator, month_separator))
    return NULL;
  if (*p != '\0')
    return NULL;

  /* Minguo years are below 1000 (the Republic is not that old yet). */
  if (era == ERA_MINGUO || (era == ERA_ANY && year < 1000))
    {
      if (year == 0 || year >= 1000)
        return NULL;
      year += MINGUO_EPOCH_YEAR;
    }
  else if (year < 1000)
    return NULL;

  if (year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}
