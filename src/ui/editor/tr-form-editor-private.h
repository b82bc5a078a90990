/* tr-form-editor-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-form-editor.h"

G_BEGIN_DECLS

/* The row that edits a TrField key or "keywords", or NULL. */
GtkWidget *tr_form_editor_get_row            (TrFormEditor *self,
                                              const char   *key);
/* The GtkLabel that shows the 頁數. */
GtkWidget *tr_form_editor_get_pages_label    (TrFormEditor *self);
/* The TrTravellerList. */
GtkWidget *tr_form_editor_get_traveller_list (TrFormEditor *self);

/* The phone row's warning icon; its tooltip is the hint. */
GtkWidget *tr_form_editor_get_phone_warning  (TrFormEditor *self);

G_END_DECLS
