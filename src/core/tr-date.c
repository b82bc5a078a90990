/* tr-date.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-date.h"

#include <string.h>

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
