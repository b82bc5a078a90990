/* tr-merge-dialog.h: the paragraphs a reviewer changed, the author's text
 * beside the reviewer's, each to accept or reject before the reviewed
 * file is merged
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-review-merge.h"

G_BEGIN_DECLS

/* "merged" is emitted once the merge is written to the store (the window
 * then closes); closing it otherwise merges nothing. */
#define TR_TYPE_MERGE_DIALOG (tr_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrMergeDialog, tr_merge_dialog, TR, MERGE_DIALOG, AdwWindow)

/* Takes @merge, of report @id of @store. */
TrMergeDialog *tr_merge_dialog_new       (GtkWindow     *parent,
                                          TrReportStore *store,
                                          const char    *id,
                                          const char    *title,
                                          TrReviewMerge *merge);
TrReviewMerge *tr_merge_dialog_get_merge (TrMergeDialog *self);
/* What Merge does: the choices made, written to the store. FALSE with
 * @error (also shown in the dialog) when the store refuses. */
gboolean       tr_merge_dialog_apply     (TrMergeDialog *self,
                                          GError       **error);

G_END_DECLS
