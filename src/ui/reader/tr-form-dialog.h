/* tr-form-dialog.h: the title and 提要 of an imported report, corrected
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-report-store.h"

G_BEGIN_DECLS

#define TR_TYPE_FORM_DIALOG (tr_form_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrFormDialog, tr_form_dialog, TR, FORM_DIALOG, AdwWindow)

/* Edits a copy of the form of @report; Save stores it (the text as it was
 * imported), then gives @report the corrected form and emits "saved". */
TrFormDialog *tr_form_dialog_new  (GtkWindow     *parent,
                                   TrReportStore *store,
                                   TrReport      *report);
/* The form being edited: a copy of the report's. */
TrReport     *tr_form_dialog_get_form (TrFormDialog *self);
/* Stores the form; FALSE, with the reason shown in the dialog, when the
 * library refused it. */
gboolean      tr_form_dialog_save (TrFormDialog  *self);

G_END_DECLS
