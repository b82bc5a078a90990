/* tr-report-store-private.h: what the store's source files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is one class in five files: tr-report-store.c (the file and
 * the reports), tr-report-store-schema.c (the schema and its migrations),
 * tr-report-store-index.c (the search index kept in step),
 * tr-report-store-review.c (review forms, status and comments) and
 * tr-report-store-checkpoint.c (the log copied back by a thread). They share
 * one connection, its lock and its prepared statements. Full-text search
 * is search/tr-search.c's, on the same connection. */

#pragma once

#include <sqlite3.h>

#include "tr-report-info.h"
#include "tr-report-store.h"
#include "tr-search.h"

G_BEGIN_DECLS

typedef sqlite3_stmt TrStatement;

static inline void
tr_statement_release (TrStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrStatement, tr_statement_release)

typedef struct _TrStoreCheckpointer TrStoreCheckpointer;

struct _TrReportStore
{
  GObject parent_instance;

  char *path;
  /* One connection, one transaction at a time: the worker threads of
   * save_async() and the main thread take turns. */
  GMutex lock;
  sqlite3 *db;
  /* How long a change waits for another connection's (busy timeout). */
  int lock_wait_ms;
  /* One thread, so that autosaves reach the file in the order they were
   * made: an older snapshot must never overwrite a newer one. */
  GThreadPool *save_pool;
  /* SQL text → prepared statement, reused across calls. */
  GHashTable *statements;
  /* With its own, made at the first search. */
  TrSearch *search;
  /* A library we write: checkpoints, off the committing thread. */
  TrStoreCheckpointer *checkpointer;
};

/* From now on, @db's commits leave their checkpoints to a thread. */
TrStoreCheckpointer *tr_store_checkpointer_new  (sqlite3             *db);
/* Waits for the checkpoint under way; before @db is closed. */
void                 tr_store_checkpointer_free (TrStoreCheckpointer *checkpointer,
                                                 sqlite3             *db);

/* The columns tr_store_info_from_row() reads, for a query over reports r. */
#define TR_STORE_INFO_COLUMNS TR_SEARCH_REPORT_COLUMNS

/* A cached prepared statement for @sql, which must be a string constant:
 * the cache is keyed by its address. Reset when its g_autoptr goes. */
TrStatement  *tr_store_prepare          (TrReportStore  *self,
                                         const char     *sql,
                                         const char     *what,
                                         GError        **error);
gboolean      tr_store_exec_sql         (TrReportStore  *self,
                                         const char     *sql,
                                         const char     *what,
                                         GError        **error);
/* Steps @stmt, which must return no row. */
gboolean      tr_store_step_done        (TrReportStore  *self,
                                         TrStatement    *stmt,
                                         const char     *what,
                                         GError        **error);
/* The row number of the report with this ID; TR_ERROR_NOT_FOUND if none. */
gboolean      tr_store_find_num         (TrReportStore  *self,
                                         const char     *id,
                                         gint64         *out_num,
                                         const char     *what,
                                         GError        **error);

void          tr_store_bind_text        (TrStatement    *stmt,
                                         int             index,
                                         const char     *text);
/* Never NULL: "" for NULL. */
const char   *tr_store_column_text      (TrStatement    *stmt,
                                         int             index);

/* Sets @error from SQLite's result code @rc, in the TR_ERROR domain, as
 * "@what: why"; returns FALSE. */
gboolean      tr_store_set_sqlite_error (GError        **error,
                                         sqlite3        *db,
                                         int             rc,
                                         const char     *what);
void          tr_store_set_not_found    (GError        **error,
                                         const char     *id);
/* tr_store_find_num(), with TR_ERROR_NOT_FOUND when there is no such
 * report. */
gboolean      tr_store_find_existing_num (TrReportStore *self,
                                          const char    *id,
                                          gint64        *out_num,
                                          const char    *what,
                                          GError       **error);

/* The review status of report @num (a draft when none is stored), with
 * the lock held. */
gboolean      tr_store_read_status_locked (TrReportStore   *self,
                                           gint64           num,
                                           TrReviewStatus  *out_status,
                                           const char      *what,
                                           GError         **error);

/* Saves @report inside the caller's transaction, with the lock held (a
 * review round: tr-report-store-review.c). */
gboolean      tr_store_save_report_locked (TrReportStore  *self,
                                           TrReport       *report,
                                           GDateTime      *now,
                                           GError        **error);

/* The rows of report_fts_short of a report indexed in chunks:
 * TR_STORE_CHUNK_ROWID () (tr-search.h). */

/* The texts of a report as the index sees them (report_search_content). */
typedef struct _TrStoreSearchText TrStoreSearchText;

TrStoreSearchText *tr_store_read_search_text (TrReportStore  *self,
                                              gint64          num,
                                              const char     *what,
                                              GError        **error);
void          tr_store_search_text_free (TrStoreSearchText *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrStoreSearchText, tr_store_search_text_free)

/* Takes @old_text (NULL: the report has no index entries) out of the
 * search index and puts @new_text (NULL: none) in, inside the caller's
 * transaction. */
gboolean      tr_store_replace_index    (TrReportStore            *self,
                                         gint64                    num,
                                         const TrStoreSearchText  *old_text,
                                         const TrStoreSearchText  *new_text,
                                         const char               *what,
                                         GError                  **error);
/* The SQL function tr_search_chunks() of the migration to chunks. */
void          tr_store_search_chunks_function (sqlite3_context  *context,
                                               int               n_values,
                                               sqlite3_value   **values);

/* tr_report_store_update_index() with the lock held. */
gboolean      tr_store_update_index_locked (TrReportStore  *self,
                                            GError        **error);

/* A row of TR_STORE_INFO_COLUMNS. */
TrReportInfo *tr_store_info_from_row    (TrStatement    *stmt);
/* Steps @stmt, a query of TR_STORE_INFO_COLUMNS, handing each row to @func. */
gboolean      tr_store_foreach_info_row (TrReportStore    *self,
                                         TrStatement      *stmt,
                                         TrReportInfoFunc  func,
                                         gpointer          user_data,
                                         const char       *what,
                                         GError          **error);
/* A TrReportInfoFunc that adds the report to @user_data, a GPtrArray. */
gboolean      tr_store_add_info         (TrReportInfo   *info,
                                         gpointer        user_data,
                                         GError        **error);

/* Times as stored: UTC, fixed width, so that they sort as text. */
char         *tr_store_format_time      (GDateTime      *time);
GDateTime    *tr_store_parse_time       (const char     *text);

G_END_DECLS
