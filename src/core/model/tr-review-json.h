/* tr-review-json.h: the review form as it travels inside an exported file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tr-review.h"

G_BEGIN_DECLS

/* {"status": "returned", "agency": ["yes", "no", null, …ten],
 *  "self": […ten], "return_reasons": 5, "publication": 1,
 *  "publication_other": "", "remarks": "", "signatures": ["", "", ""]} */
char     *tr_review_to_json           (TrReview    *review);
/* Reads it back, strictly: unknown keys, wrong types, unknown bits and
 * texts over TR_REPORT_MAX_FIELD_LENGTH are TR_ERROR_INVALID_DATA. The
 * status is restored unchecked (tr_review_restore_status()). */
TrReview *tr_review_new_from_json     (const char  *data,
                                       gssize       length,
                                       GError     **error);

G_END_DECLS
