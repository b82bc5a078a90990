/* tr-import-dialog-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-import-dialog.h"

G_BEGIN_DECLS

/* The rows' model (TrImportItem), for tests. */
GListModel     *tr_import_dialog_get_items      (TrImportDialog     *self);
/* TRUE once nothing is waiting or being read. */
gboolean        tr_import_dialog_is_idle        (TrImportDialog     *self);
GtkWidget      *tr_import_dialog_get_review     (TrImportDialog     *self);

G_END_DECLS
