/* tr-office-review-form.h: the review form (審核表) as a word processor
 * kept it, ticks typed in by the reviewer included
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-office-document.h"
#include "tr-review.h"

G_BEGIN_DECLS

/* The block where the form of our for-review export starts (its title,
 * 出國報告審核表), or -1 when @document has none. */
gint      tr_office_review_form_find (TrOfficeDocument *document);

/* The review the form from block @start of @document says: both columns
 * of the ten items, the reasons of item 8, the ways of item 9, the
 * remarks of item 10 and the signatures. A box counts as ticked when it
 * holds ☑, ✓, ✔, ☒, ✗, ✘, V or X (half or full width); a 是 and a 否
 * both ticked tell nothing. 是 in the agency's column of item 8 is the
 * decision 退回補正. */
TrReview *tr_office_review_form_read (TrOfficeDocument *document,
                                      guint             start);

G_END_DECLS
