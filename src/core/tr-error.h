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
} TrError;

GQuark tr_error_quark (void);

G_END_DECLS
