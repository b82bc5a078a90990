/* tr-error.h: the error domain of the Trip Reports core library
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TR_ERROR (tr_error_quark ())

typedef enum {
  TR_ERROR_FAILED,
  TR_ERROR_INVALID_DATA,      /* input (JSON, a field value) is not acceptable */
  TR_ERROR_NOT_FOUND,         /* no report with that ID */
  TR_ERROR_DB_CANT_OPEN,      /* the file or its folder cannot be opened or created */
  TR_ERROR_DB_LOCKED,         /* another program holds the database */
  TR_ERROR_DB_READ_ONLY,      /* the file or its folder is not writable */
  TR_ERROR_DB_FULL,           /* the disk is full */
  TR_ERROR_DB_NOT_DATABASE,   /* the file is not a SQLite database */
  TR_ERROR_DB_CORRUPT,        /* the file is damaged */
  TR_ERROR_DB_NEWER_SCHEMA,   /* written by a newer Trip Reports */
  TR_ERROR_PDF_NOT_PDF,       /* the file is not a PDF at all */
  TR_ERROR_PDF_DAMAGED,       /* truncated or corrupt */
  TR_ERROR_PDF_EMPTY,         /* an empty file, or a PDF without pages */
  TR_ERROR_PDF_ENCRYPTED,     /* needs a password, none was given */
  TR_ERROR_PDF_BAD_PASSWORD,  /* the password given is wrong */
  TR_ERROR_PDF_NO_TEXT,       /* no text layer: probably a scan */
  TR_ERROR_PDF_TOO_LARGE,     /* over the page or size limit */
  TR_ERROR_IMPORT_CRASHED,    /* the reading process died */
  TR_ERROR_IMPORT_TIMEOUT,    /* the reading process took too long */
  TR_ERROR_DUPLICATE,         /* the same file is already in the library */
  TR_ERROR_INVALID_TRANSITION, /* the review workflow does not allow that status change */
  TR_ERROR_REPORT_LOCKED,     /* submitted or approved: its content cannot change */
} TrError;

GQuark tr_error_quark (void);

G_END_DECLS
