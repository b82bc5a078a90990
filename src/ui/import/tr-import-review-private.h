/* tr-import-review-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-import-review.h"

G_BEGIN_DECLS

/* The report under review, which the fields edit in place. */
TrReport   *tr_import_review_get_report         (TrImportReview *self);
/* The paragraphs (TrTextBlock) as the user arranged them. */
GListModel *tr_import_review_get_blocks         (TrImportReview *self);
/* The TrTravellerList. */
GtkWidget  *tr_import_review_get_traveller_list (TrImportReview *self);

G_END_DECLS
