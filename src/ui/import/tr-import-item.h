/* tr-import-item.h: one file of an import batch and how far it got
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-report.h"

G_BEGIN_DECLS

typedef enum {
  TR_IMPORT_WAITING,
  TR_IMPORT_READING,
  TR_IMPORT_NEEDS_PASSWORD,
  TR_IMPORT_READY,        /* parsed, to review and save */
  TR_IMPORT_DUPLICATE,    /* already in the library */
  TR_IMPORT_SAVED,
  TR_IMPORT_FAILED,
  TR_IMPORT_CANCELLED,
} TrImportState;

#define TR_TYPE_IMPORT_ITEM (tr_import_item_get_type ())
G_DECLARE_FINAL_TYPE (TrImportItem, tr_import_item, TR, IMPORT_ITEM, GObject)

TrImportItem  *tr_import_item_new           (GFile         *file);

GFile         *tr_import_item_get_file      (TrImportItem  *self);
char          *tr_import_item_dup_name      (TrImportItem  *self);
TrImportState  tr_import_item_get_state     (TrImportItem  *self);
/* What the row says under the file name. */
const char    *tr_import_item_get_message   (TrImportItem  *self);
void           tr_import_item_set_state     (TrImportItem  *self,
                                             TrImportState  state,
                                             const char    *message);
gboolean       tr_import_item_is_finished   (TrImportItem  *self);

/* The parsed report (READY, SAVED), or NULL. */
TrReport      *tr_import_item_get_report    (TrImportItem  *self);
void           tr_import_item_set_report    (TrImportItem  *self,
                                             TrReport      *report);
/* The report already in the library (DUPLICATE, SAVED), or NULL. */
const char    *tr_import_item_get_report_id (TrImportItem  *self);
void           tr_import_item_set_report_id (TrImportItem  *self,
                                             const char    *id);

const char    *tr_import_item_get_password  (TrImportItem  *self);
void           tr_import_item_set_password  (TrImportItem  *self,
                                             const char    *password);

G_END_DECLS
