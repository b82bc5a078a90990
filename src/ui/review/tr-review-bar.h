/* tr-review-bar.h: a draft's review status, the steps it can take next and
 * the way to its review form
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-report-store.h"

G_BEGIN_DECLS

/* "status-changed" is emitted after a step was stored. */
#define TR_TYPE_REVIEW_BAR (tr_review_bar_get_type ())
G_DECLARE_FINAL_TYPE (TrReviewBar, tr_review_bar, TR, REVIEW_BAR, GtkWidget)

GtkWidget      *tr_review_bar_new          (TrReportStore  *store);
void            tr_review_bar_set_report   (TrReviewBar    *self,
                                            TrReport       *report);
TrReviewStatus  tr_review_bar_get_status   (TrReviewBar    *self);
/* Moves the report to @status through the store; on failure says why in
 * @error and keeps the shown status. */
gboolean        tr_review_bar_set_status   (TrReviewBar    *self,
                                            TrReviewStatus  status,
                                            GError        **error);
/* The translated name of a status for people ("Submitted for Review"). */
const char     *tr_review_status_get_display_name (TrReviewStatus status);

G_END_DECLS
