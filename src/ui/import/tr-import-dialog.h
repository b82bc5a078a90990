/* tr-import-dialog.h: a batch of PDFs read, reviewed and saved
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-report-store.h"

G_BEGIN_DECLS

#define TR_TYPE_IMPORT_DIALOG (tr_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrImportDialog, tr_import_dialog, TR, IMPORT_DIALOG, AdwWindow)

/* Starts reading @files (GFile; PDFs, or folders whose PDFs are taken) at
 * once, with one worker process per core. @worker_argv starts the worker
 * (see tr_import_file_async()). */
TrImportDialog *tr_import_dialog_new            (GtkWindow          *parent,
                                                 TrReportStore      *store,
                                                 const char * const *worker_argv,
                                                 GListModel         *files);

/* Shows what an item found, to check and correct before saving. */
void            tr_import_dialog_review         (TrImportDialog     *self,
                                                 guint               position);
/* Saves the reviewed report (or, outside review, every one ready, and from
 * then on each file as soon as it is read). */
void            tr_import_dialog_save           (TrImportDialog     *self);
/* Retries an item that needs a password. */
void            tr_import_dialog_unlock         (TrImportDialog     *self,
                                                 guint               position,
                                                 const char         *password);
void            tr_import_dialog_cancel         (TrImportDialog     *self);

G_END_DECLS
