/* tr-report-store-review.c: the review form, status and comments of a report
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "tr-error.h"
#include "tr-report-store-private.h"
#include "tr-review.h"
#include "tr-comment.h"

#define ANSWER_CHARS "-YN"

static char *
answers_to_string (TrReview *review)
{
  GString *text = g_string_new (NULL);

  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
      g_string_append_c (text, ANSWER_CHARS[tr_review_get_answer (review, item, column)]);
  return g_string_free (text, FALSE);
}

static void
answers_from_string (TrReview   *review,
                     const char *text)
{
  gsize length = strlen (text);

  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
      {
        gsize i = item * TR_N_REVIEW_COLUMNS + column;
        const char *found = i < length ? strchr (ANSWER_CHARS, text[i]) : NULL;

        /* A damaged value reads as unset rather than failing the load. */
        tr_review_set_answer (review, item, column,
                              found != NULL && *found != '\0' ? (TrReviewAnswer) (found - ANSWER_CHARS)
                                                              : TR_REVIEW_ANSWER_UNSET);
      }
}

TrReview *
tr_report_store_load_review (TrReportStore  *self,
                             const char     *id,
                             GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the review of the report");
  g_autoptr(TrStatement) stmt = NULL;
  g_autoptr(TrReview) review = NULL;
  TrReviewStatus status = TR_REVIEW_STATUS_DRAFT;
  gint64 num = 0;
  int rc;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);

  if (!tr_store_find_existing_num (self, id, &num, what, error))
    return NULL;
  stmt = tr_store_prepare (self,
                           "SELECT status, answers, return_reasons, publication, publication_other, remarks,"
                           " traveller_signature, unit_head_signature, head_signature"
                           " FROM reviews WHERE report_num = ?1",
                           what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, num);

  review = tr_review_new ();
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&review);
  if (rc != SQLITE_ROW)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }

  tr_review_status_from_string (tr_store_column_text (stmt, 0), &status);
  tr_review_restore_status (review, status);
  answers_from_string (review, tr_store_column_text (stmt, 1));
  tr_review_set_return_reasons (review, (TrReturnReasons) sqlite3_column_int (stmt, 2));
  tr_review_set_publication (review, (TrPublication) sqlite3_column_int (stmt, 3));
  tr_review_set_publication_other (review, tr_store_column_text (stmt, 4));
  tr_review_set_remarks (review, tr_store_column_text (stmt, 5));
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    tr_review_set_signature (review, i, tr_store_column_text (stmt, 6 + i));
  return g_steal_pointer (&review);
}

static gboolean
save_review_locked (TrReportStore  *self,
                    gint64          num,
                    TrReview       *review,
                    const char     *what,
                    GError        **error)
{
  g_autoptr(TrStatement) stmt = NULL;
  g_autofree char *answers = NULL;

  G_STATIC_ASSERT (TR_N_REVIEW_SIGNATURES == 3);
  stmt = tr_store_prepare (self,
                           "INSERT INTO reviews (report_num, answers, return_reasons, publication,"
                           " publication_other, remarks, traveller_signature, unit_head_signature,"
                           " head_signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                           " ON CONFLICT (report_num) DO UPDATE SET answers = excluded.answers,"
                           " return_reasons = excluded.return_reasons, publication = excluded.publication,"
                           " publication_other = excluded.publication_other, remarks = excluded.remarks,"
                           " traveller_signature = excluded.traveller_signature,"
                           " unit_head_signature = excluded.unit_head_signature,"
                           " head_signature = excluded.head_signature",
                           what, error);
  if (stmt == NULL)
    return FALSE;
  answers = answers_to_string (review);
  sqlite3_bind_int64 (stmt, 1, num);
  tr_store_bind_text (stmt, 2, answers);
  sqlite3_bind_int (stmt, 3, tr_review_get_return_reasons (review));
  sqlite3_bind_int (stmt, 4, tr_review_get_publication (review));
  tr_store_bind_text (stmt, 5, tr_review_get_publication_other (review));
  tr_store_bind_text (stmt, 6, tr_review_get_remarks (review));
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    tr_store_bind_text (stmt, 7 + i, tr_review_get_signature (review, i));
  return tr_store_step_done (self, stmt, what, error);
}

gboolean
tr_report_store_save_review (TrReportStore  *self,
                             const char     *id,
                             TrReview       *review,
                             GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the review of the report");
  gint64 num = 0;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (TR_IS_REVIEW (review), FALSE);

  locker = g_mutex_locker_new (&self->lock);

  return tr_store_find_existing_num (self, id, &num, what, error) &&
         save_review_locked (self, num, review, what, error);
}

gboolean
tr_store_read_status_locked (TrReportStore   *self,
                             gint64           num,
                             TrReviewStatus  *out_status,
                             const char      *what,
                             GError         **error)
{
  g_autoptr(TrStatement) select =
    tr_store_prepare (self, "SELECT status FROM reviews WHERE report_num = ?1", what, error);
  int rc;

  *out_status = TR_REVIEW_STATUS_DRAFT;
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, num);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    tr_review_status_from_string (tr_store_column_text (select, 0), out_status);
  else if (rc != SQLITE_DONE)
    return tr_store_set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

/* Moves report @num to @status inside the caller's transaction, when the
 * workflow allows it from the stored status. */
static gboolean
set_status_locked (TrReportStore   *self,
                   gint64           num,
                   TrReviewStatus   status,
                   const char      *changed,
                   const char      *what,
                   GError         **error)
{
  TrReviewStatus current;

  if (!tr_store_read_status_locked (self, num, &current, what, error) ||
      !tr_review_status_check_transition (current, status, error))
    return FALSE;

  {
    g_autoptr(TrStatement) update =
      tr_store_prepare (self,
                        "INSERT INTO reviews (report_num, status, status_changed) VALUES (?1, ?2, ?3)"
                        " ON CONFLICT (report_num) DO UPDATE SET status = excluded.status,"
                        " status_changed = excluded.status_changed",
                        what, error);

    if (update == NULL)
      return FALSE;
    sqlite3_bind_int64 (update, 1, num);
    tr_store_bind_text (update, 2, tr_review_status_to_string (status));
    tr_store_bind_text (update, 3, changed);
    return tr_store_step_done (self, update, what, error);
  }
}

gboolean
tr_report_store_set_status (TrReportStore   *self,
                            const char      *id,
                            TrReviewStatus   status,
                            GError         **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not change the status of the report");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *changed = tr_store_format_time (now);
  gint64 num = 0;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  /* Read and write in one transaction: two reviewers acting at once must
   * not both move the same status. */
  if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  if (!tr_store_find_existing_num (self, id, &num, what, error) ||
      !set_status_locked (self, num, status, changed, what, error) ||
      !tr_store_exec_sql (self, "COMMIT", what, error))
    goto rollback;
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
tr_report_store_foreach_in_status (TrReportStore     *self,
                                   TrReviewStatus     status,
                                   TrReportInfoFunc   func,
                                   gpointer           user_data,
                                   GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the library");
  g_autoptr(TrStatement) stmt = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail ((guint) status < TR_N_REVIEW_STATUSES, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self,
                           "SELECT " TR_STORE_INFO_COLUMNS " FROM reports r LEFT JOIN reviews v ON v.report_num = r.num"
                           " WHERE ifnull (v.status, 'draft') = ?1"
                           " ORDER BY r.modified DESC, r.num DESC",
                           what, error);
  if (stmt == NULL)
    return FALSE;
  tr_store_bind_text (stmt, 1, tr_review_status_to_string (status));
  return tr_store_foreach_info_row (self, stmt, func, user_data, what, error);
}

GPtrArray *
tr_report_store_list_by_status (TrReportStore   *self,
                                TrReviewStatus   status,
                                GError         **error)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail ((guint) status < TR_N_REVIEW_STATUSES, NULL);

  if (!tr_report_store_foreach_in_status (self, status, tr_store_add_info, infos, error))
    return NULL;
  return g_steal_pointer (&infos);
}

/* Comments ---------------------------------------------------------------- */

static gboolean
add_comment_locked (TrReportStore  *self,
                    gint64          num,
                    TrComment      *comment,
                    const char     *what,
                    GError        **error)
{
  g_autoptr(TrStatement) stmt = NULL;
  g_autofree char *created = NULL;

  stmt = tr_store_prepare (self,
                           "INSERT INTO comments (report_num, section, start_offset, end_offset, quote,"
                           " body, author, created, resolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           what, error);
  if (stmt == NULL)
    return FALSE;
  created = tr_store_format_time (tr_comment_get_created (comment));
  sqlite3_bind_int64 (stmt, 1, num);
  tr_store_bind_text (stmt, 2, tr_section_get_key (tr_comment_get_section (comment)));
  sqlite3_bind_int64 (stmt, 3, tr_comment_get_start (comment));
  sqlite3_bind_int64 (stmt, 4, tr_comment_get_end (comment));
  tr_store_bind_text (stmt, 5, tr_comment_get_quote (comment));
  tr_store_bind_text (stmt, 6, tr_comment_get_body (comment));
  tr_store_bind_text (stmt, 7, tr_comment_get_author (comment));
  tr_store_bind_text (stmt, 8, created);
  sqlite3_bind_int (stmt, 9, tr_comment_get_resolved (comment));
  if (!tr_store_step_done (self, stmt, what, error))
    return FALSE;
  tr_comment_set_id (comment, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
tr_report_store_add_comment (TrReportStore  *self,
                             const char     *id,
                             TrComment      *comment,
                             GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the comment");
  gint64 num = 0;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (TR_IS_COMMENT (comment), FALSE);

  locker = g_mutex_locker_new (&self->lock);

  return tr_store_find_existing_num (self, id, &num, what, error) &&
         add_comment_locked (self, num, comment, what, error);
}

/* A review round ---------------------------------------------------------- */

gboolean
tr_report_store_save_review_round (TrReportStore        *self,
                                   const char           *id,
                                   const TrReviewRound  *round,
                                   GError              **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the review of the report");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *changed = tr_store_format_time (now);
  gint64 num = 0;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (round != NULL, FALSE);
  g_return_val_if_fail (round->report == NULL || g_strcmp0 (tr_report_get_id (round->report), id) == 0, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  if (!tr_store_exec_sql (self, "BEGIN IMMEDIATE", what, error))
    return FALSE;
  if (round->report != NULL && !round->report_after_status &&
      !tr_store_save_report_locked (self, round->report, now, error))
    goto rollback;
  if (!tr_store_find_existing_num (self, id, &num, what, error))
    goto rollback;
  if (round->review != NULL && !save_review_locked (self, num, round->review, what, error))
    goto rollback;
  if (round->move_status)
    {
      TrReviewStatus current;

      if (!tr_store_read_status_locked (self, num, &current, what, error))
        goto rollback;
      /* A draft goes through 送審 to a decision, as it would by hand. */
      if (current == TR_REVIEW_STATUS_DRAFT && round->status != TR_REVIEW_STATUS_SUBMITTED &&
          !set_status_locked (self, num, TR_REVIEW_STATUS_SUBMITTED, changed, what, error))
        goto rollback;
      if (!set_status_locked (self, num, round->status, changed, what, error))
        goto rollback;
    }
  if (round->report != NULL && round->report_after_status &&
      !tr_store_save_report_locked (self, round->report, now, error))
    goto rollback;
  for (guint i = 0; round->comments != NULL && i < round->comments->len; i++)
    if (!add_comment_locked (self, num, round->comments->pdata[i], _("Could not save the comment"), error))
      goto rollback;
  if (!tr_store_exec_sql (self, "COMMIT", what, error))
    goto rollback;

  /* Outside the lock: a handler of notify::modified may call the store. */
  g_clear_pointer (&locker, g_mutex_locker_free);
  if (round->report != NULL)
    tr_report_set_modified (round->report, now);
  return TRUE;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* Their IDs were never stored. */
  for (guint i = 0; round->comments != NULL && i < round->comments->len; i++)
    tr_comment_set_id (round->comments->pdata[i], 0);
  return FALSE;
}

static int
compare_comments (gconstpointer a,
                  gconstpointer b)
{
  TrComment *x = *(TrComment **) a, *y = *(TrComment **) b;

  if (tr_comment_get_section (x) != tr_comment_get_section (y))
    return (int) tr_comment_get_section (x) - (int) tr_comment_get_section (y);
  if (tr_comment_get_start (x) != tr_comment_get_start (y))
    return tr_comment_get_start (x) < tr_comment_get_start (y) ? -1 : 1;
  return tr_comment_get_id (x) < tr_comment_get_id (y) ? -1 : tr_comment_get_id (x) > tr_comment_get_id (y);
}

static gboolean
section_from_key (const char *key,
                  TrSection  *out_section)
{
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    if (g_strcmp0 (key, tr_section_get_key (s)) == 0)
      {
        *out_section = s;
        return TRUE;
      }
  return FALSE;
}

GPtrArray *
tr_report_store_list_comments (TrReportStore  *self,
                               const char     *id,
                               GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not read the comments of the report");
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TrStatement) stmt = NULL;
  gint64 num = 0;
  int rc;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);

  if (!tr_store_find_existing_num (self, id, &num, what, error))
    return NULL;
  stmt = tr_store_prepare (self,
                           "SELECT id, section, start_offset, end_offset, quote, body, author, created,"
                           " resolved FROM comments WHERE report_num = ?1",
                           what, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, num);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) created = tr_store_parse_time (tr_store_column_text (stmt, 7));
      TrSection section;
      TrComment *comment;

      /* A section this version does not know is skipped, not guessed. */
      if (!section_from_key (tr_store_column_text (stmt, 1), &section))
        continue;
      comment = tr_comment_new (section,
                                (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT),
                                (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXUINT),
                                tr_store_column_text (stmt, 4), tr_store_column_text (stmt, 5),
                                tr_store_column_text (stmt, 6));
      tr_comment_set_id (comment, sqlite3_column_int64 (stmt, 0));
      tr_comment_set_created (comment, created);
      tr_comment_set_resolved (comment, sqlite3_column_int (stmt, 8));
      g_ptr_array_add (comments, comment);
    }
  if (rc != SQLITE_DONE)
    {
      tr_store_set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }
  /* Sections sort by their order in the report, not by their keys. */
  g_ptr_array_sort (comments, compare_comments);
  return g_steal_pointer (&comments);
}

/* Runs @stmt is the comment ID, and reports a missing comment. */
static gboolean
change_comment (TrReportStore  *self,
                TrStatement    *stmt,
                const char     *what,
                GError        **error)
{
  if (!tr_store_step_done (self, stmt, what, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_NOT_FOUND, _("The comment no longer exists"));
      return FALSE;
    }
  return TRUE;
}

gboolean
tr_report_store_set_comment_resolved (TrReportStore  *self,
                                      gint64          comment_id,
                                      gboolean        resolved,
                                      GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the comment");
  g_autoptr(TrStatement) stmt = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self, "UPDATE comments SET resolved = ?2 WHERE id = ?1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  sqlite3_bind_int (stmt, 2, !!resolved);
  return change_comment (self, stmt, what, error);
}

gboolean
tr_report_store_move_comment (TrReportStore  *self,
                              gint64          comment_id,
                              guint           start,
                              guint           end,
                              const char     *quote,
                              GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not save the comment");
  g_autoptr(TrStatement) stmt = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self,
                           "UPDATE comments SET start_offset = ?2, end_offset = ?3, quote = ?4 WHERE id = ?1",
                           what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  sqlite3_bind_int64 (stmt, 2, MIN (start, end));
  sqlite3_bind_int64 (stmt, 3, MAX (start, end));
  tr_store_bind_text (stmt, 4, quote);
  return change_comment (self, stmt, what, error);
}

gboolean
tr_report_store_delete_comment (TrReportStore  *self,
                                gint64          comment_id,
                                GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  const char *what = _("Could not delete the comment");
  g_autoptr(TrStatement) stmt = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);

  stmt = tr_store_prepare (self, "DELETE FROM comments WHERE id = ?1", what, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  return change_comment (self, stmt, what, error);
}
