/* tr-review-form.h: the review form (審核表) of a report, to fill in, as a
 * page for tr_preferences_dialog_new()
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-identity.h"
#include "tr-report-store.h"

G_BEGIN_DECLS

/* Every change is stored at once; items 1 and 2 of the traveller's column
 * are worked out from the report and cannot be changed here. Each side
 * fills in its own part: on the author's own draft the traveller's column
 * and signature, on a report received for review (tr_review_is_received())
 * the agency's column, the reasons, publication, remarks and the other
 * signatures. An approved report's form is final. */
#define TR_TYPE_REVIEW_FORM (tr_review_form_get_type ())
G_DECLARE_FINAL_TYPE (TrReviewForm, tr_review_form, TR, REVIEW_FORM, AdwPreferencesPage)

/* @identity, when given, signs the author's form as 出國人. */
GtkWidget *tr_review_form_new (TrReportStore *store,
                               TrReport      *report,
                               TrIdentity    *identity);

G_END_DECLS
