/* tr-date.h: ISO 8601 dates in the store, Minguo (民國) dates for people
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict YYYY-MM-DD; fills @out_date (which may be NULL) when valid. */
gboolean  tr_date_parse_iso      (const char *text,
                                  GDate      *out_date);
/* "2016-07-09" → "105年7月9日"; NULL when @iso is not a date of the Republic (1912 on). */
char     *tr_date_format_minguo  (const char *iso);
/* A date as reports write it: Minguo (105年7月9日, 105.07.09, 105/7/9,
 * 一百零五年七月九日) or Gregorian (2016年7月9日, 2016-07-09, 2016/7/9)
 * → "2016-07-09"; NULL when @text holds no valid date. */
char     *tr_date_parse_any      (const char *text);
/* Days from @a to @b (negative when @b is earlier); both must be valid ISO dates. */
gboolean  tr_date_days_between   (const char *a,
                                  const char *b,
                                  int        *out_days);

G_END_DECLS
