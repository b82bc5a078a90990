/* tr-library-row.h: one report in the library list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-report-info.h"

G_BEGIN_DECLS

#define TR_TYPE_LIBRARY_ROW (tr_library_row_get_type ())
G_DECLARE_FINAL_TYPE (TrLibraryRow, tr_library_row, TR, LIBRARY_ROW, GtkWidget)

GtkWidget *tr_library_row_new      (void);
void       tr_library_row_set_info (TrLibraryRow *self,
                                    TrReportInfo *info);

/* "105年7月9日–105年7月11日", one date, or NULL. */
char      *tr_format_period        (const char   *start,
                                    const char   *end);

G_END_DECLS
