/* tr-report-store.h: the library of reports, kept in one SQLite file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-report.h"
#include "tr-report-info.h"
#include "tr-review.h"
#include "tr-comment.h"
/* TR_REPORT_STORE_SCHEMA_VERSION, the schema version this build writes */
#include "tr-search-schema.h"

G_BEGIN_DECLS

/* Every method may be called from any thread; calls are serialized. */
#define TR_TYPE_REPORT_STORE (tr_report_store_get_type ())
G_DECLARE_FINAL_TYPE (TrReportStore, tr_report_store, TR, REPORT_STORE, GObject)

/* $XDG_DATA_HOME/trip-reports/library.db */
char          *tr_report_store_get_default_path (void);

/* Opens (creating the file and its folder when missing) and migrates the
 * schema forward. A file written by a newer version is refused untouched
 * (TR_ERROR_DB_NEWER_SCHEMA), as is one with a schema version no Trip
 * Reports wrote or another program's database (TR_ERROR_DB_NOT_DATABASE).
 * @path must name a file: an empty path, a name SQLite keeps in memory
 * (“:memory:”) or reads as a URI (“file:…”), a folder and a device are
 * refused (TR_ERROR_DB_CANT_OPEN); a symbolic link is followed. A file that
 * cannot be written opens for reading, and every change then fails with
 * TR_ERROR_DB_READ_ONLY. All errors are in the TR_ERROR domain. */
TrReportStore *tr_report_store_open      (const char     *path,
                                          GError        **error);
/* How long a change waits for another program's change to the same file.
 * By default 3 s: a window's user is there, and a stuck lock must be
 * reported while they remember what they did. A command waits up to half a
 * minute (PATIENT): a script may start many at once, each waiting its turn,
 * and no one watches them. */
typedef enum {
  TR_REPORT_STORE_OPEN_NONE    = 0,
  TR_REPORT_STORE_OPEN_PATIENT = 1 << 0,
} TrReportStoreOpenFlags;

/* open() with @flags. */
TrReportStore *tr_report_store_open_full (const char              *path,
                                          TrReportStoreOpenFlags   flags,
                                          GError                 **error);
/* open() in a worker thread. Cancelling stops an upgrade under way and
 * leaves the file as it was (G_IO_ERROR_CANCELLED). */
void           tr_report_store_open_async  (const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
TrReportStore *tr_report_store_open_finish (GAsyncResult        *result,
                                            GError             **error);
/* Whether open() would first bring @path to this version's schema: a
 * library an earlier version wrote. On a large library that takes minutes,
 * which a window spends behind a page that says so. FALSE for a missing,
 * new or current file and for one that cannot be read (open() then says
 * why). @out_n_reports: how many reports the file holds when it needs
 * the upgrade, else 0: counting them reads a whole index (tens of
 * milliseconds at 100,000 reports), which no window opening at once
 * should wait for. */
gboolean       tr_report_store_needs_upgrade (const char *path,
                                              gint64     *out_n_reports);
const char    *tr_report_store_get_path  (TrReportStore  *self);

/* Inserts or replaces the whole report in one transaction, and sets its
 * modified time to now. A new report's full-text index entries, which
 * take longer to write than the report itself, are added afterwards by
 * update_index(); search(), open() and save_async() call it, so a search
 * always finds every saved report. A report submitted for review or
 * approved is refused with TR_ERROR_REPORT_LOCKED unless the save changes
 * nothing but its number of pages. */
gboolean       tr_report_store_save      (TrReportStore  *self,
                                          TrReport       *report,
                                          GError        **error);
/* Saves every report of @reports (#TrReport), new or not, and their index
 * entries, in one transaction: all of them, or on failure none, with the
 * position of the one that failed in @out_failed (when it was one of them
 * rather than the transaction; else @reports->len). For many reports at once (an archive, a
 * script): far faster than one save each. */
gboolean       tr_report_store_save_batch (TrReportStore  *self,
                                           GPtrArray      *reports,
                                           guint          *out_failed,
                                           GError        **error);
/* The same, on a snapshot of @report taken now, in a worker thread: typing
 * goes on while a long report is written. On success the report's modified
 * time is set to the saved one. Saves finish in the order they were made. */
void           tr_report_store_save_async  (TrReportStore       *self,
                                            TrReport            *report,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean       tr_report_store_save_finish (TrReportStore       *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Adds the index entries of the reports saved new since the last call,
 * each in a transaction of its own. */
gboolean       tr_report_store_update_index (TrReportStore  *self,
                                             GError        **error);
/* TR_ERROR_NOT_FOUND when there is no such report. The original PDF bytes
 * of an imported report are not loaded: see load_source_data(). */
TrReport      *tr_report_store_load      (TrReportStore  *self,
                                          const char     *id,
                                          GError        **error);
GBytes        *tr_report_store_load_source_data (TrReportStore *self,
                                          const char     *id,
                                          GError        **error);
/* TR_ERROR_NOT_FOUND when there is no such report. */
gboolean       tr_report_store_delete    (TrReportStore  *self,
                                          const char     *id,
                                          GError        **error);

/* Sets the 頁數 of report @id alone, and its modified time: what a PDF
 * export keeps, without writing the whole report (its photos) again.
 * TR_ERROR_NOT_FOUND when there is no such report. */
gboolean       tr_report_store_set_pages (TrReportStore  *self,
                                          const char     *id,
                                          guint           pages,
                                          GError        **error);

guint          tr_report_store_count     (TrReportStore  *self,
                                          GError        **error);
/* Every report as a TrReportInfo, newest change first. */
GPtrArray     *tr_report_store_list      (TrReportStore  *self,
                                          GError        **error);

/* Called with each report listed; returns FALSE, with @error set, to stop. */
typedef gboolean (*TrReportInfoFunc)     (TrReportInfo   *info,
                                          gpointer        user_data,
                                          GError        **error);
/* tr_report_store_list(), one report at a time as it is read, so that a
 * list of any length takes the memory of one row: @func gets each report
 * in turn and keeps what it needs. The store is locked meanwhile: @func
 * must not call it. FALSE with @error set when the library could not be
 * read or @func stopped. */
gboolean       tr_report_store_foreach   (TrReportStore    *self,
                                          TrReportInfoFunc  func,
                                          gpointer          user_data,
                                          GError          **error);
/* The ID of the imported report whose source file has this SHA-256, or NULL. */
char          *tr_report_store_find_by_source_sha256 (TrReportStore *self,
                                          const char     *sha256,
                                          GError        **error);

typedef enum {
  TR_DUPLICATE_NONE,
  TR_DUPLICATE_SAME_FILE,  /* the same bytes */
  TR_DUPLICATE_SAME_TEXT,  /* another file with the same text */
} TrDuplicateKind;

/* The ID of the imported report of the library, other than @report itself,
 * that @report (just read from a file) is already: one imported from the
 * same file, else one whose text is the same
 * (tr_report_dup_text_fingerprint()). NULL, with @out_kind set to
 * TR_DUPLICATE_NONE, when there is none; NULL with @error set when the
 * library could not be read. @out_kind may be NULL. */
char          *tr_report_store_find_duplicate (TrReportStore  *self,
                                          TrReport        *report,
                                          TrDuplicateKind *out_kind,
                                          GError         **error);

/* Full-text search in Chinese and Latin text. @query is one or more words
 * separated by spaces, all of which must occur (as substrings); words of any
 * length work, including one or two CJK characters. Returns TrReportInfo
 * with snippets, at most @limit (0: no limit). The best match comes first
 * (bm25, a hit in the title counting most) when there are at most a couple
 * hundred matches; beyond that, ranking all of them would make typing lag
 * and would single out nothing, so the newest reports come first. */
GPtrArray     *tr_report_store_search    (TrReportStore  *self,
                                          const char     *query,
                                          guint           limit,
                                          GError        **error);

/* Review ------------------------------------------------------------------ */

/* The review of report @id, with its status; a new, empty draft review when
 * none is stored yet. TR_ERROR_NOT_FOUND when there is no such report. */
TrReview      *tr_report_store_load_review (TrReportStore  *self,
                                          const char     *id,
                                          GError        **error);
/* Stores the form of @review (answers, reasons, ways of publication,
 * remarks, signatures). Never its status: see set_status(). */
gboolean       tr_report_store_save_review (TrReportStore  *self,
                                          const char     *id,
                                          TrReview       *review,
                                          GError        **error);
/* Moves report @id to @status when the workflow allows it from the stored
 * status (TR_ERROR_INVALID_TRANSITION otherwise), in one transaction. */
gboolean       tr_report_store_set_status  (TrReportStore  *self,
                                          const char     *id,
                                          TrReviewStatus  status,
                                          GError        **error);
/* The reports in @status, as TrReportInfo, newest change first. */
GPtrArray     *tr_report_store_list_by_status (TrReportStore *self,
                                          TrReviewStatus  status,
                                          GError        **error);
/* tr_report_store_list_by_status() one report at a time, as
 * tr_report_store_foreach(). */
gboolean       tr_report_store_foreach_in_status (TrReportStore    *self,
                                          TrReviewStatus    status,
                                          TrReportInfoFunc  func,
                                          gpointer          user_data,
                                          GError          **error);

/* What a review round brings to report @id, written by
 * tr_report_store_save_review_round(): a report received for review, or a
 * reviewed file merged. */
typedef struct {
  TrReport       *report;    /* saved whole (it may be new), or NULL */
  /* Saved once the status is moved: a report in review takes its
   * reviewer's text only once returned. */
  gboolean        report_after_status;
  TrReview       *review;    /* its form saved (never its status), or NULL */
  gboolean        move_status;
  /* Moved to, as tr_report_store_set_status() would, through 送審 from a
   * draft. */
  TrReviewStatus  status;
  GPtrArray      *comments;  /* TrComment added (their IDs set), or NULL */
} TrReviewRound;

/* Writes @round in one transaction: all of it, or on failure nothing. */
gboolean       tr_report_store_save_review_round (TrReportStore        *self,
                                                  const char           *id,
                                                  const TrReviewRound  *round,
                                                  GError              **error);

/* Comments ---------------------------------------------------------------- */

/* Stores @comment on report @id and sets its ID. */
gboolean       tr_report_store_add_comment (TrReportStore  *self,
                                          const char     *id,
                                          TrComment      *comment,
                                          GError        **error);
/* The comments of report @id, resolved ones too, by section and place. */
GPtrArray     *tr_report_store_list_comments (TrReportStore *self,
                                          const char     *id,
                                          GError        **error);
/* TR_ERROR_NOT_FOUND when there is no comment @comment_id. */
gboolean       tr_report_store_set_comment_resolved (TrReportStore *self,
                                          gint64          comment_id,
                                          gboolean        resolved,
                                          GError        **error);
/* Keeps the passage of a comment in step with edits of the section. */
gboolean       tr_report_store_move_comment (TrReportStore *self,
                                          gint64          comment_id,
                                          guint           start,
                                          guint           end,
                                          const char     *quote,
                                          GError        **error);
gboolean       tr_report_store_delete_comment (TrReportStore *self,
                                          gint64          comment_id,
                                          GError        **error);

/* Changes ---------------------------------------------------------------- */

/* A number that changes whenever another connection (the command line,
 * another copy of the app) commits a change to the library; this
 * store's own writes leave it as it is (PRAGMA data_version). */
gboolean       tr_report_store_get_data_version (TrReportStore *self,
                                          gint64         *out_version,
                                          GError        **error);

/* Reads this connection's pages through SQLite's own bounded cache
 * instead of a memory map of the file, whose pages, once read, count in
 * the process's resident memory until it ends: for a long batch that
 * touches much of a large library (an import of a thousand files), whose
 * memory must stay flat. Searches are slower so. */
gboolean       tr_report_store_unmap     (TrReportStore  *self,
                                          GError        **error);

G_END_DECLS
