/* tr-search-schema.h: what the search knows of the library's schema
 *
 * The version whose tables it reads, and how the full-text index numbers
 * its rows: the store writes them so (tr-report-store-schema.c,
 * tr-report-store-index.c), the search reads them so (tr-search.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* The schema version this build writes (PRAGMA user_version). */
#define TR_REPORT_STORE_SCHEMA_VERSION 12

/* A report indexed in chunks (tr-report-store-index.c) has rows of
 * report_fts_short numbered from TR_STORE_CHUNK_ROWID_BASE, above every
 * report number, TR_STORE_CHUNKS_MAX for each; other reports have one row,
 * numbered as the report. The SQL of the schema spells the same numbers. */
#define TR_STORE_CHUNK_SEQ_BITS 16
#define TR_STORE_CHUNKS_MAX (1 << TR_STORE_CHUNK_SEQ_BITS)
#define TR_STORE_CHUNK_ROWID_BASE (G_GINT64_CONSTANT (1) << 52)
#define TR_STORE_CHUNK_ROWID_BASE_SQL "(1 << 52)"
#define TR_STORE_CHUNK_ROWID(num, seq) \
  (TR_STORE_CHUNK_ROWID_BASE + ((gint64) (num) << TR_STORE_CHUNK_SEQ_BITS) + (seq))
