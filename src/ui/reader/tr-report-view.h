/* tr-report-view.h: a report to read — an imported one, or a reference
 * beside the draft being written
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_TYPE_REPORT_VIEW (tr_report_view_get_type ())
G_DECLARE_FINAL_TYPE (TrReportView, tr_report_view, TR, REPORT_VIEW, GtkWidget)

GtkWidget *tr_report_view_new        (void);
TrReport  *tr_report_view_get_report (TrReportView *self);
void       tr_report_view_set_report (TrReportView *self,
                                      TrReport     *report);

/* Marks every occurrence of the words of @query (as typed in the library's
 * search, words split at spaces, case ignored) and scrolls to the first
 * one past the title; NULL or "" takes the marks away. Returns how many
 * were marked. */
guint      tr_report_view_highlight  (TrReportView *self,
                                      const char   *query);

G_END_DECLS
