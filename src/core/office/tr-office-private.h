/* tr-office-private.h: the readers of each format, for tr-office-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-office-document.h"
#include "tr-office-zip.h"

G_BEGIN_DECLS

gboolean tr_odt_read  (TrOfficeZip      *zip,
                       TrOfficeDocument *document,
                       GError          **error);
gboolean tr_docx_read (TrOfficeZip      *zip,
                       TrOfficeDocument *document,
                       GError          **error);

/* Adds a block; takes @text. */
TrOfficeBlock *tr_office_document_add_block (TrOfficeDocument  *document,
                                             TrOfficeBlockKind  kind,
                                             guint              level,
                                             char              *text);
/* Adds the picture @part (read from @zip, bounded) as a block; FALSE when
 * the package does not have it, which is no error. */
void           tr_office_document_add_picture (TrOfficeDocument *document,
                                               TrOfficeZip      *zip,
                                               const char       *part);

G_END_DECLS
