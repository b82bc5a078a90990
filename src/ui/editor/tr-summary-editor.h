/* tr-summary-editor.h: the 摘要, with its 200–300 character rule in sight
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-section-editor.h"

G_BEGIN_DECLS

#define TR_TYPE_SUMMARY_EDITOR (tr_summary_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrSummaryEditor, tr_summary_editor, TR, SUMMARY_EDITOR, TrSectionEditor)

GtkWidget *tr_summary_editor_new (void);

G_END_DECLS
