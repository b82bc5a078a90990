/* tr-report-table.h: a table of a report, to read: its cells in a ruled
 * grid under its caption, as wide as the text it stands in allows
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-table.h"

G_BEGIN_DECLS

#define TR_TYPE_REPORT_TABLE (tr_report_table_get_type ())
G_DECLARE_FINAL_TYPE (TrReportTable, tr_report_table, TR, REPORT_TABLE, GtkWidget)

/* A copy of what @table holds now; @number is N of its caption 表 N：…,
 * 0 for none. */
GtkWidget *tr_report_table_new           (TrTable       *table,
                                          guint          number);
/* The width of the text the table stands in, in pixels; -1 (the default)
 * for none: the table is then as wide as its columns ask. */
int        tr_report_table_get_max_width (TrReportTable *self);
void       tr_report_table_set_max_width (TrReportTable *self,
                                          int            max_width);

G_END_DECLS
