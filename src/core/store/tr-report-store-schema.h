/* tr-report-store-schema.h: the library's schema, and bringing a file up to
 * it (private to the store)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-report-store-private.h"

G_BEGIN_DECLS

/* The SQL function the migrations may call: tr_text_fingerprint() of its
 * arguments, NULL when they say too little. */
#define TR_STORE_TEXT_FINGERPRINT_FUNCTION "tr_text_fingerprint"
/* And tr_search_chunks (title, fields, summary, body, appendix): where the
 * chunks of a long report are (tr-report-store-index.c), as a JSON array
 * of [column, start, length]; empty for a report indexed whole. */
#define TR_STORE_SEARCH_CHUNKS_FUNCTION "tr_search_chunks"
/* Registers them on @db; an SQLite result code. */
int      tr_store_schema_register_functions (sqlite3 *db);

/* Reads the schema version of the file, changing nothing. Refuses, in the
 * TR_ERROR domain, a version no Trip Reports wrote (newer than this build:
 * TR_ERROR_DB_NEWER_SCHEMA; negative: TR_ERROR_DB_NOT_DATABASE) and a file
 * with tables but no version, which another program made. */
gboolean tr_store_schema_check   (TrReportStore  *self,
                                  int            *out_version,
                                  GError        **error);
/* Brings the file to TR_REPORT_STORE_SCHEMA_VERSION in one transaction,
 * under the write lock, checking it again there: another process may have
 * upgraded it, or made it, since we looked. Cancelling @cancellable stops
 * it, leaving the file as it was (G_IO_ERROR_CANCELLED). */
gboolean tr_store_schema_upgrade (TrReportStore  *self,
                                  GCancellable   *cancellable,
                                  GError        **error);

G_END_DECLS
