/* tr-review-form-dialog.h: the review form (審核表) of a report, to fill in
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-report-store.h"

G_BEGIN_DECLS

/* Every change is stored at once; items 1 and 2 of the traveller's column
 * are worked out from the report and cannot be changed here. */
#define TR_TYPE_REVIEW_FORM_DIALOG (tr_review_form_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrReviewFormDialog, tr_review_form_dialog, TR, REVIEW_FORM_DIALOG, AdwPreferencesWindow)

GtkWidget *tr_review_form_dialog_new        (TrReportStore      *store,
                                             TrReport           *report);
TrReview  *tr_review_form_dialog_get_review (TrReviewFormDialog *self);

G_END_DECLS
