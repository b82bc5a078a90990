/* tr-report-editor-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-report-editor.h"

G_BEGIN_DECLS

/* What the completeness panel lists (TrProblem). */
GListModel *tr_report_editor_get_problems       (TrReportEditor *self);
GtkWidget  *tr_report_editor_get_form_editor    (TrReportEditor *self);
/* The photos of the appendix (a TrPhotoGrid). */
GtkWidget  *tr_report_editor_get_photo_grid     (TrReportEditor *self);
/* The editor of a long text (summary, a section, the appendix), or NULL. */
GtkWidget  *tr_report_editor_get_text_editor    (TrReportEditor *self,
                                                 TrField         field);
GtkWidget  *tr_report_editor_get_comments_panel (TrReportEditor *self);
GtkWidget  *tr_report_editor_get_review_bar     (TrReportEditor *self);

G_END_DECLS
