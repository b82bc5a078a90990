/* tr-form-editor.h: the 提要 form of a draft
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_TYPE_FORM_EDITOR (tr_form_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrFormEditor, tr_form_editor, TR, FORM_EDITOR, GtkWidget)

/* The official list of 出國類別, in the order of the form. */
extern const char * const tr_form_editor_categories[];

void tr_form_editor_set_report   (TrFormEditor *self,
                                  TrReport     *report);
/* Focuses the widget of a TrField key, "travellers" or "keywords". */
gboolean tr_form_editor_focus_target (TrFormEditor *self,
                                      const char   *target);

/* The one-line texts of the form, in its order, for find and replace. */
GPtrArray *tr_form_editor_get_text_rows (TrFormEditor *self);

G_END_DECLS
