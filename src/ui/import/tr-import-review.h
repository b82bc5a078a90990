/* tr-import-review.h: what an import found, to check and correct before saving
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_TYPE_IMPORT_REVIEW (tr_import_review_get_type ())
G_DECLARE_FINAL_TYPE (TrImportReview, tr_import_review, TR, IMPORT_REVIEW, GtkWidget)

GtkWidget  *tr_import_review_new         (void);
/* Fields are edited in @report directly; paragraphs move on apply(). */
void        tr_import_review_set_report  (TrImportReview *self,
                                          TrReport       *report);
/* Writes the paragraphs back into their fields of the report. */
void        tr_import_review_apply       (TrImportReview *self);

G_END_DECLS
