/* store-batch.c: many reports saved in one transaction, and two
 * connections to one library
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* New and stored reports, saved and indexed in the one transaction: no
 * report left waiting for its index entries. */
static void
test_batch_saves_and_indexes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TrReport) stored = new_report ("舊報告", "原本的過程。");
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  save (fixture->store, stored);
  g_assert_true (tr_report_store_update_index (fixture->store, &error));
  g_assert_no_error (error);

  g_ptr_array_add (batch, new_report ("赴泰國考察", "參訪曼谷港。"));
  g_ptr_array_add (batch, new_report ("赴越南考察", "參訪胡志明市。"));
  tr_report_set_section (stored, TR_SECTION_PROCESS, "改寫後的過程，提到檳城。");
  g_ptr_array_add (batch, g_object_ref (stored));
  g_ptr_array_add (batch, new_report ("赴韓國考察", "參訪釜山港。"));

  g_assert_true (tr_report_store_save_batch (fixture->store, batch, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, batch->len);
  for (guint i = 0; i < batch->len; i++)
    {
      g_autoptr(TrReport) loaded = load (fixture->store, tr_report_get_id (g_ptr_array_index (batch, i)));

      assert_stored (fixture->store, g_ptr_array_index (batch, i));
      g_assert_nonnull (tr_report_get_modified (g_ptr_array_index (batch, i)));
    }
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM index_pending"), ==, 0);

  assert_hits (fixture->store, "曼谷", tr_report_get_id (g_ptr_array_index (batch, 0)), NULL);
  assert_hits (fixture->store, "胡志明", tr_report_get_id (g_ptr_array_index (batch, 1)), NULL);
  assert_hits (fixture->store, "檳城", tr_report_get_id (stored), NULL);
  assert_hits (fixture->store, "原本", NULL);
  assert_hits (fixture->store, "釜山港", tr_report_get_id (g_ptr_array_index (batch, 3)), NULL);
}

/* One report the store must refuse (handed in for review, then changed):
 * nothing of the batch is written, and the caller learns which it was. */
static void
test_batch_all_or_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TrReport) submitted = new_report ("已送審", "送審的過程。");
  g_autoptr(TrReport) changed = NULL;
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  save (fixture->store, submitted);
  g_assert_true (tr_report_store_set_status (fixture->store, tr_report_get_id (submitted),
                                             TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  changed = tr_report_copy (submitted);
  tr_report_set_section (changed, TR_SECTION_PROCESS, "送審後偷改。");

  g_ptr_array_add (batch, new_report ("第一份", "汶萊之行。"));
  g_ptr_array_add (batch, g_object_ref (changed));
  g_ptr_array_add (batch, new_report ("第三份", "寮國之行。"));
  g_assert_false (tr_report_store_save_batch (fixture->store, batch, &failed, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_REPORT_LOCKED);
  g_assert_cmpuint (failed, ==, 1);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM reports"), ==, 1);
  g_assert_null (tr_report_store_load (fixture->store, tr_report_get_id (g_ptr_array_index (batch, 0)), &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  assert_stored (fixture->store, submitted);
  assert_hits (fixture->store, "汶萊", NULL);
  assert_hits (fixture->store, "送審", tr_report_get_id (submitted), NULL);
}

/* The window made a draft and left it untouched while a command (a second
 * connection) opened the library and searched; deleting the draft then
 * was once reported to fail with “library file is damaged”. */
static void
test_delete_new_draft_with_second_connection (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Deleted by the window's connection (rounds 0 to 2), or by the second
   * one, as `trip-reports delete` would (3 to 5). */
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(TrReport) draft = tr_report_new (TR_REPORT_KIND_DRAFT);
      g_autoptr(TrReportStore) other = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      /* The second connection opened before the save (round 0), between
       * the save and its index entries (1), or after both (2). */
      if (round % 3 == 0)
        other = tr_report_store_open (fixture->path, &error);
      save (fixture->store, draft);
      if (round % 3 == 1)
        other = tr_report_store_open (fixture->path, &error);
      g_assert_no_error (error);
      if (round % 3 == 2)
        {
          g_assert_true (tr_report_store_update_index (fixture->store, &error));
          g_assert_no_error (error);
          other = tr_report_store_open (fixture->path, &error);
          g_assert_no_error (error);
        }
      hits = tr_report_store_search (other, "的", 0, &error);
      g_assert_no_error (error);

      g_assert_true (tr_report_store_delete (round < 3 ? fixture->store : other,
                                             tr_report_get_id (draft), &error));
      g_assert_no_error (error);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = tr_report_store_search (other, "的", 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM reports"), ==, 0);
    }
  g_assert_cmpint (count_rows (fixture->path,
                               "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), ==, 0);
  /* The search index agrees with the reports. */
  {
    sqlite3 *db = raw_open (fixture->path);

    g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
    raw_exec (db, "INSERT INTO report_fts_short (report_fts_short) VALUES ('integrity-check')");
    sqlite3_close (db);
  }
}

void
add_batch_tests (void)
{
  ADD ("/store/batch/saves-and-indexes", test_batch_saves_and_indexes);
  ADD ("/store/batch/all-or-nothing", test_batch_all_or_nothing);
  ADD ("/store/two-connections/delete-new-draft", test_delete_new_draft_with_second_connection);
}
