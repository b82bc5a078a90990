/* tr-office-zip.h: the ZIP package of an ODT or DOCX file, read with bounds
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Far beyond any real report, small enough that a hostile file cannot
 * fill memory: a zip bomb is refused from its central directory, and
 * again while it inflates if the directory lied. */
#define TR_OFFICE_MAX_PART_SIZE   (64 * 1024 * 1024)   /* one part, inflated */
#define TR_OFFICE_MAX_TOTAL_SIZE  (512 * 1024 * 1024)  /* all of them */
#define TR_OFFICE_MAX_RATIO       200                  /* inflated / compressed */
#define TR_OFFICE_MAX_ENTRIES     10000

typedef struct _TrOfficeZip TrOfficeZip;

/* Opens @data (kept alive by the archive) and checks every entry's
 * declared sizes. TR_ERROR_INVALID_DATA, with a one-line message. */
TrOfficeZip *tr_office_zip_open      (GBytes       *data,
                                      GError      **error);
void         tr_office_zip_free      (TrOfficeZip  *zip);

gboolean     tr_office_zip_has_entry (TrOfficeZip  *zip,
                                      const char   *name);
/* The inflated bytes of entry @name, or NULL with an error: missing,
 * damaged, or larger than it said or than the limits. */
GBytes      *tr_office_zip_read      (TrOfficeZip  *zip,
                                      const char   *name,
                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrOfficeZip, tr_office_zip_free)

G_END_DECLS
