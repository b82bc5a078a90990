/* tr-date-row.h: a row that picks a date and shows it the Minguo way
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TR_TYPE_DATE_ROW (tr_date_row_get_type ())
G_DECLARE_FINAL_TYPE (TrDateRow, tr_date_row, TR, DATE_ROW, AdwActionRow)

/* ISO 8601 (YYYY-MM-DD), or "" when no date is set. */
const char *tr_date_row_get_date (TrDateRow  *self);
void        tr_date_row_set_date (TrDateRow  *self,
                                  const char *date);

/* The date (ISO 8601) the calendar opens on while none is set, such as
 * the departure for the return; "" for today. */
void        tr_date_row_set_default_date (TrDateRow  *self,
                                          const char *date);
/* The calendar of its popover, for the tests. */
GtkCalendar *tr_date_row_get_calendar    (TrDateRow  *self);

G_END_DECLS
