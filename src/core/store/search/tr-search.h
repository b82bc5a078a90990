/* tr-search.h: full-text search of a library file, on its SQLite connection
 *
 * GLib and SQLite alone: the store (tr_report_store_search ()) and the
 * command line's `search` (src/cli/tr-cli-search.c), which must start
 * without loading what the rest of the store needs, ask the same code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "tr-search-schema.h"
#include "tr-snippet-marks.h"

G_BEGIN_DECLS

/* The columns of a report that a hit gives, for a query over reports r:
 * what a TrReportInfo holds. */
#define TR_SEARCH_REPORT_COLUMNS "r.id, r.kind, r.title, r.period_start, r.period_end, r.destination, r.modified," \
  " ifnull ((SELECT v.status FROM reviews v WHERE v.report_num = r.num), 'draft')"

/* A report found: its columns as stored, and the text around the match,
 * the matches between TR_SNIPPET_MATCH_START and _END (NULL: none). */
typedef struct {
  char *id;
  char *kind;
  char *title;
  char *period_start;
  char *period_end;
  char *destination;
  char *modified;
  char *status;
  char *snippet;
} TrSearchHit;

void tr_search_hit_free (TrSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrSearchHit, tr_search_hit_free)

/* The search of one connection, with the statements it prepared. Free it
 * before closing the connection. */
typedef struct _TrSearch TrSearch;

TrSearch  *tr_search_new          (sqlite3      *db);
void       tr_search_free         (TrSearch     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrSearch, tr_search_free)

/* The reports holding every word of @query (valid UTF-8), best first:
 * ranked by bm25 up to a few hundred matches, newest first beyond; at
 * most @limit (0: all). Call it inside a read transaction, on a library
 * of TR_REPORT_STORE_SCHEMA_VERSION whose index is up to date, with the
 * tokenizer registered (tr_unigram_tokenizer_register ()). An array of
 * TrSearchHit; NULL on failure, with SQLite's result code in @out_rc. */
GPtrArray *tr_search_run          (TrSearch     *self,
                                   const char   *query,
                                   guint         limit,
                                   int          *out_rc);

/* $XDG_DATA_HOME/trip-reports/library.db: the library of a user who does
 * not name one. */
char      *tr_search_get_default_library_path (void);

G_END_DECLS
