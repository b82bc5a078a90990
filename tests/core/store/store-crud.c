/* store-crud.c: reports saved, loaded, listed and deleted; saves that fail or nest
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"

static char *
uuid_for (guint n)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", n, n);
}

static GDateTime *
dup_modified (TrReport *report)
{
  return g_date_time_ref (tr_report_get_modified (report));
}

/* ---- CRUD --------------------------------------------------------------- */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrReport) report = build_full_report ();
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) created = g_date_time_ref (tr_report_get_created (report));

  save (fixture->store, report);
  after = g_date_time_new_now_utc ();

  /* Saving sets the modified time to now. */
  g_assert_cmpint (g_date_time_compare (tr_report_get_modified (report), before), >=, 0);
  g_assert_cmpint (g_date_time_compare (tr_report_get_modified (report), after), <=, 0);
  g_assert_true (g_date_time_equal (tr_report_get_created (report), created));

  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_true (tr_report_content_equal (report, loaded));
  g_assert_true (g_date_time_equal (tr_report_get_created (loaded), created));
  g_assert_true (g_date_time_equal (tr_report_get_modified (loaded), tr_report_get_modified (report)));
  /* The PDF bytes are loaded on demand only. */
  g_assert_null (tr_report_get_source_data (loaded));
  g_assert_cmpstr (tr_report_get_source_sha256 (loaded), ==, tr_report_get_source_sha256 (report));

  /* It is on disk, not in a cache of the connection. */
  reopen (fixture);
  g_clear_object (&loaded);
  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_true (tr_report_content_equal (report, loaded));
  {
    g_autofree char *json_a = tr_report_to_json (report, TRUE);
    g_autofree char *json_b = tr_report_to_json (loaded, TRUE);
    g_assert_cmpstr (json_a, ==, json_b);
  }
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
}

static void
test_empty_report (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrReport) loaded = NULL;

  save (fixture->store, report);
  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_true (tr_report_content_equal (report, loaded));
  g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_TITLE), ==, "");
  g_assert_null (tr_report_get_source_sha256 (loaded));
  g_assert_null (tr_report_get_keywords (loaded)[0]);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("第一版", "過程一");
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified1 = NULL;
  g_autoptr(GError) error = NULL;

  save (fixture->store, report);
  created = g_date_time_ref (tr_report_get_created (report));
  modified1 = dup_modified (report);

  g_usleep (2000);
  tr_report_set_text (report, TR_FIELD_TITLE, "第二版");
  tr_report_set_text (report, TR_FIELD_SUMMARY, "新摘要");
  save (fixture->store, report);
  g_assert_cmpint (g_date_time_compare (tr_report_get_modified (report), modified1), >, 0);

  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_TITLE), ==, "第二版");
  g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_SUMMARY), ==, "新摘要");
  g_assert_true (tr_report_content_equal (report, loaded));
  g_assert_true (g_date_time_equal (tr_report_get_created (loaded), created));
  g_assert_true (g_date_time_equal (tr_report_get_modified (loaded), tr_report_get_modified (report)));
  g_assert_cmpint (g_date_time_compare (tr_report_get_modified (loaded), modified1), >, 0);
  g_assert_cmpuint (tr_report_store_count (fixture->store, &error), ==, 1);
  g_assert_no_error (error);

  /* Clearing a field is saved too (not "keep the old value when empty"). */
  tr_report_set_text (report, TR_FIELD_SUMMARY, NULL);
  save (fixture->store, report);
  g_clear_object (&loaded);
  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_SUMMARY), ==, "");

  /* The stored creation time wins over that of another object with the
   * same ID (say, the same report imported again from JSON). */
  {
    g_autoptr(GDateTime) later = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);
    g_autoptr(TrReport) other = tr_report_new_full (tr_report_get_id (report),
                                                    TR_REPORT_KIND_DRAFT, later, later);

    tr_report_set_text (other, TR_FIELD_TITLE, "第三版");
    save (fixture->store, other);
    g_clear_object (&loaded);
    loaded = load (fixture->store, tr_report_get_id (report));
    g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_TITLE), ==, "第三版");
    g_assert_true (g_date_time_equal (tr_report_get_created (loaded), created));
  }
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TrReport) a = new_report ("甲報告", NULL);
  g_autoptr(TrReport) b = new_report ("乙報告", NULL);
  g_autoptr(TrReport) c = new_report ("丙報告", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  TrReportInfo *info;

  list = tr_report_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpuint (tr_report_store_count (fixture->store, &error), ==, 0);

  tr_report_set_text (a, TR_FIELD_PERIOD_START, "2016-07-09");
  tr_report_set_text (a, TR_FIELD_PERIOD_END, "2016-07-20");
  tr_report_set_text (a, TR_FIELD_DESTINATION, "泰國");
  save (fixture->store, a);
  save (fixture->store, b);
  save (fixture->store, c);
  g_assert_cmpuint (tr_report_store_count (fixture->store, &error), ==, 3);

  list = tr_report_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[0]), ==, tr_report_get_id (c));
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[1]), ==, tr_report_get_id (b));
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[2]), ==, tr_report_get_id (a));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A change moves a report to the top. */
  g_usleep (1000);
  tr_report_set_text (a, TR_FIELD_SUMMARY, "改過");
  save (fixture->store, a);
  list = tr_report_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[0]), ==, tr_report_get_id (a));
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[1]), ==, tr_report_get_id (c));
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[2]), ==, tr_report_get_id (b));

  info = list->pdata[0];
  g_assert_cmpstr (tr_report_info_get_title (info), ==, "甲報告");
  g_assert_cmpstr (tr_report_info_get_period_start (info), ==, "2016-07-09");
  g_assert_cmpstr (tr_report_info_get_period_end (info), ==, "2016-07-20");
  g_assert_cmpstr (tr_report_info_get_destination (info), ==, "泰國");
  g_assert_cmpint (tr_report_info_get_kind (info), ==, TR_REPORT_KIND_DRAFT);
  g_assert_true (g_date_time_equal (tr_report_info_get_modified (info), tr_report_get_modified (a)));
  g_assert_null (tr_report_info_get_snippet (info));
  g_assert_cmpstr (tr_report_info_get_destination (list->pdata[1]), ==, "");

  /* The order is that of the stored times, across connections too. */
  reopen (fixture);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tr_report_store_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[0]), ==, tr_report_get_id (a));
  g_assert_cmpstr (tr_report_info_get_id (list->pdata[2]), ==, tr_report_get_id (b));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TrReport) keep = new_report ("保留", "保留的內容");
  g_autoptr(TrReport) gone = build_full_report ();
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *found = NULL;
  g_autofree char *missing = uuid_for (424242);

  save (fixture->store, keep);
  save (fixture->store, gone);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);

  g_assert_true (tr_report_store_delete (fixture->store, tr_report_get_id (gone), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);

  loaded = tr_report_store_load (fixture->store, tr_report_get_id (gone), &error);
  g_assert_null (loaded);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Its travellers and source file went with it. */
  bytes = tr_report_store_load_source_data (fixture->store, tr_report_get_id (gone), &error);
  g_assert_null (bytes);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = tr_report_store_find_by_source_sha256 (fixture->store, tr_report_get_source_sha256 (gone), &error);
  g_assert_no_error (error);
  g_assert_null (found);
  {
    sqlite3 *db = raw_open (fixture->path);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM travellers) + (SELECT count(*) FROM sources)"
                                         " + (SELECT count(*) FROM keywords)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Deleting again, or something that never was, is NOT_FOUND. */
  g_assert_false (tr_report_store_delete (fixture->store, tr_report_get_id (gone), &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tr_report_store_delete (fixture->store, missing, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  loaded = tr_report_store_load (fixture->store, missing, &error);
  g_assert_null (loaded);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_stored (fixture->store, keep);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);

  /* A deleted report can be saved again, as new. */
  save (fixture->store, gone);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);
  assert_stored (fixture->store, gone);
}

static void
test_travellers (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("出國人員", NULL);
  g_autoptr(TrReport) loaded = NULL;
  GListStore *travellers = tr_report_get_travellers (report);
  g_autoptr(TrTraveller) c = NULL;
  g_autoptr(TrTraveller) first = NULL;
  g_autoptr(TrTraveller) second = NULL;

  add_traveller (report, "甲", "科長");
  add_traveller (report, "乙", "技正");
  add_traveller (report, "丙", "專員");
  save (fixture->store, report);
  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_true (tr_report_content_equal (report, loaded));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (loaded))), ==, 3);

  /* [甲, 乙, 丙] → [丙, 甲]: one removed, one moved. */
  c = g_list_model_get_item (G_LIST_MODEL (travellers), 2);
  g_list_store_remove (travellers, 2);
  g_list_store_remove (travellers, 1);
  g_list_store_insert (travellers, 0, c);
  save (fixture->store, report);

  reopen (fixture);
  g_clear_object (&loaded);
  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_true (tr_report_content_equal (report, loaded));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (loaded))), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (loaded)), 0);
  second = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (loaded)), 1);
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "丙");
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_TITLE), ==, "專員");
  g_assert_cmpstr (tr_traveller_get (second, TR_TRAVELLER_NAME), ==, "甲");

  /* An edit in place of a traveller is saved. */
  tr_traveller_set (c, TR_TRAVELLER_PHONE, "0912-345-678");
  save (fixture->store, report);
  g_clear_object (&loaded);
  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_true (tr_report_content_equal (report, loaded));

  g_list_store_remove_all (travellers);
  save (fixture->store, report);
  g_clear_object (&loaded);
  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (loaded))), ==, 0);
  g_assert_true (tr_report_content_equal (report, loaded));
}

static void
test_source (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(TrReport) draft = new_report ("草稿", NULL);
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *found = NULL;

  /* A fake PDF of 300 kB with every byte value, NULs included. */
  g_byte_array_append (pdf, (const guint8 *) "%PDF-1.7\n", 9);
  for (guint i = 0; i < 300 * 1024; i++)
    {
      guint8 byte = g_test_rand_int_range (0, 256);
      g_byte_array_append (pdf, &byte, 1);
    }
  g_byte_array_append (pdf, (const guint8 *) "\n%%EOF\n", 7);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  tr_report_set_text (report, TR_FIELD_TITLE, "匯入的報告");
  tr_report_set_source (report, "C10500123.pdf", bytes);
  g_assert_cmpstr (tr_report_get_source_sha256 (report), ==, sha256);
  save (fixture->store, report);
  save (fixture->store, draft);

  loaded = load (fixture->store, tr_report_get_id (report));
  g_assert_cmpstr (tr_report_get_source_filename (loaded), ==, "C10500123.pdf");
  g_assert_cmpstr (tr_report_get_source_sha256 (loaded), ==, sha256);
  g_assert_null (tr_report_get_source_data (loaded));

  stored = tr_report_store_load_source_data (fixture->store, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_true (g_bytes_equal (stored, bytes));
  g_clear_pointer (&stored, g_bytes_unref);

  found = tr_report_store_find_by_source_sha256 (fixture->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, tr_report_get_id (report));
  g_clear_pointer (&found, g_free);
  found = tr_report_store_find_by_source_sha256 (fixture->store,
    "0000000000000000000000000000000000000000000000000000000000000000", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Saving the loaded report, which does not carry the bytes, keeps them. */
  tr_report_set_text (loaded, TR_FIELD_TITLE, "匯入的報告（改）");
  save (fixture->store, loaded);
  stored = tr_report_store_load_source_data (fixture->store, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, bytes));
  g_clear_pointer (&stored, g_bytes_unref);

  /* A draft has no source. */
  stored = tr_report_store_load_source_data (fixture->store, tr_report_get_id (draft), &error);
  g_assert_null (stored);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removing the source removes the bytes. */
  tr_report_set_source (loaded, NULL, NULL);
  save (fixture->store, loaded);
  stored = tr_report_store_load_source_data (fixture->store, tr_report_get_id (report), &error);
  g_assert_null (stored);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = tr_report_store_find_by_source_sha256 (fixture->store, sha256, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  assert_stored (fixture->store, loaded);
}

static void
test_two_connections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(TrReport) report = new_report ("兩個視窗", "同時開啟的圖書館");
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);

  save (fixture->store, report);
  assert_stored (other, report);
  hits = search (other, "圖書館", 0);
  g_assert_cmpuint (hits->len, ==, 1);

  tr_report_set_text (report, TR_FIELD_TITLE, "改了標題");
  save (other, report);
  assert_stored (fixture->store, report);

  g_assert_true (tr_report_store_delete (other, tr_report_get_id (report), &error));
  g_assert_no_error (error);
  loaded = tr_report_store_load (fixture->store, tr_report_get_id (report), &error);
  g_assert_null (loaded);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
}

/* ---- saving under adverse conditions ------------------------------------ */

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("鎖定前", "原本的內容");
  g_autoptr(TrReport) before = NULL;
  g_autoptr(TrReport) other = new_report ("新報告", NULL);
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 start, elapsed;
  sqlite3 *db;

  save (fixture->store, report);
  json = tr_report_to_json (report, FALSE);
  before = tr_report_new_from_json (json, -1, NULL);

  db = raw_open (fixture->path);
  raw_exec (db, "BEGIN EXCLUSIVE");

  tr_report_set_text (report, TR_FIELD_TITLE, "鎖定中修改");
  add_traveller (report, "趙", "主任");
  start = g_get_monotonic_time ();
  g_assert_false (tr_report_store_save (fixture->store, report, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_LOCKED);
  g_test_message ("save gave up after %" G_GINT64_FORMAT " ms: %s", elapsed / 1000, error->message);
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  g_assert_false (tr_report_store_delete (fixture->store, tr_report_get_id (before), &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_LOCKED);
  g_clear_error (&error);

  raw_exec (db, "ROLLBACK");
  sqlite3_close (db);

  /* The failed saves changed nothing... */
  assert_stored (fixture->store, before);
  loaded = tr_report_store_load (fixture->store, tr_report_get_id (other), &error);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_hits (fixture->store, "鎖定前", tr_report_get_id (report), NULL);
  assert_hits (fixture->store, "鎖定中", NULL);

  /* ...and the store still works once the lock is gone. */
  save (fixture->store, report);
  save (fixture->store, other);
  assert_stored (fixture->store, report);
  assert_hits (fixture->store, "鎖定中", tr_report_get_id (report), NULL);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);
}

/* A save that fails half-way (here, at the second traveller) leaves nothing
 * of itself: not the new title, not the first traveller, not in the index. */
static void
test_save_is_atomic (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("原標題", "原本的過程");
  g_autoptr(TrReport) before = NULL;
  g_autoptr(TrReport) fresh = new_report ("全新報告標題", NULL);
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *json = NULL;
  sqlite3 *db;

  add_traveller (report, "原有人員", "科長");
  save (fixture->store, report);
  json = tr_report_to_json (report, FALSE);
  before = tr_report_new_from_json (json, -1, NULL);

  db = raw_open (fixture->path);
  raw_exec (db, "CREATE TRIGGER fail_traveller BEFORE INSERT ON travellers"
                " WHEN NEW.name = 'FAIL' BEGIN SELECT RAISE (ABORT, 'injected failure'); END");
  sqlite3_close (db);

  tr_report_set_text (report, TR_FIELD_TITLE, "新標題");
  tr_report_set_section (report, TR_SECTION_PROCESS, "嶄新的過程");
  g_list_store_remove_all (tr_report_get_travellers (report));
  add_traveller (report, "新人員", "技正");
  add_traveller (report, "FAIL", "技正");
  modified = dup_modified (report);
  g_usleep (1000);
  g_assert_false (tr_report_store_save (fixture->store, report, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TR_ERROR);
  g_clear_error (&error);
  /* Nothing was saved, so the report does not claim a newer save. */
  g_assert_true (g_date_time_equal (tr_report_get_modified (report), modified));

  assert_stored (fixture->store, before);
  assert_hits (fixture->store, "原標題", tr_report_get_id (report), NULL);
  assert_hits (fixture->store, "原有人員", tr_report_get_id (report), NULL);
  assert_hits (fixture->store, "新標題", NULL);
  assert_hits (fixture->store, "嶄新", NULL);
  assert_hits (fixture->store, "新人員", NULL);

  /* A new report that fails is not there at all. */
  add_traveller (fresh, "FAIL", "技正");
  g_assert_false (tr_report_store_save (fixture->store, fresh, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  loaded = tr_report_store_load (fixture->store, tr_report_get_id (fresh), &error);
  g_assert_null (loaded);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);
  assert_hits (fixture->store, "全新報告", NULL);

  /* Without the failing row both saves go through. */
  g_list_store_remove (tr_report_get_travellers (report), 1);
  save (fixture->store, report);
  assert_stored (fixture->store, report);
  assert_hits (fixture->store, "新標題", tr_report_get_id (report), NULL);
  assert_hits (fixture->store, "原標題", NULL);
}

static void
count_from_handler (TrReport      *report,
                    GParamSpec    *pspec,
                    TrReportStore *store)
{
  g_autoptr(GError) error = NULL;
  guint *calls = g_object_get_data (G_OBJECT (report), "calls");

  /* What a window does when a report changes: refresh its list. */
  tr_report_store_count (store, &error);
  g_assert_no_error (error);
  (*calls)++;
}

/* The modified time is set by save(), which notifies; a handler that uses
 * the store again must not deadlock on the store's lock. Run in a child
 * with a time limit, so that a deadlock fails instead of hanging. */
static void
test_save_reentrant (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TrReport) report = new_report ("重入", NULL);
      guint calls = 0;

      g_object_set_data (G_OBJECT (report), "calls", &calls);
      g_signal_connect (report, "notify::modified", G_CALLBACK (count_from_handler), fixture->store);
      save (fixture->store, report);
      g_assert_cmpuint (calls, ==, 1);
      g_usleep (1000);
      save (fixture->store, report);
      g_assert_cmpuint (calls, ==, 2);
      assert_stored (fixture->store, report);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_large_report (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(TrReport) report = NULL;

  /* About 3 MB of text, with the word to find at its very end. */
  while (body->len < 3 * 1024 * 1024)
    g_string_append (body, "本日行程：上午參訪住宅局，下午與市府官員座談，晚間整理會議紀錄。\n");
  g_string_append (body, "結尾獨有的詞");
  report = new_report ("很長的報告", body->str);
  save (fixture->store, report);
  assert_stored (fixture->store, report);
  assert_hits (fixture->store, "結尾獨有", tr_report_get_id (report), NULL);
  assert_hits (fixture->store, "獨有", tr_report_get_id (report), NULL);
}

/* Tables the file holds damaged cost the report neither its place in the
 * library nor its text, and the report says what it lost. */
static void
test_tables_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *bodies;
    const char *warning;
  } damage[] = {
    { "not JSON", "The tables of the report could not be read" },
    { "[1, 2]", "The tables of the report could not be read" },
    { "{\"process\": 5}", "The tables of “Process” could not be read" },
    { "{\"process\": [{\"type\": \"table\", \"rows\": []}]}", "The tables of “Process” could not be read" },
  };
  g_autoptr(TrReport) report = new_report ("表格損壞", "行程如下：");
  g_autoptr(TrTable) schedule = new_schedule ("拜會資訊系統局");
  g_autoptr(TrTable) people = tr_table_new (1, 1);
  g_autofree char *plain = NULL;

  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), schedule);
  tr_table_set_cell (people, 0, 0, "王小明");
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_APPENDIX), people);
  save (fixture->store, report);
  plain = g_strdup (tr_report_get_section (report, TR_SECTION_PROCESS));

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autoptr(TrReport) loaded = NULL;
      g_autofree char *warning = NULL;
      sqlite3 *db = raw_open (fixture->path);
      sqlite3_stmt *stmt = raw_prepare (db, "UPDATE reports SET bodies = ?1");

      raw_bind (stmt, 1, damage[i].bodies);
      raw_step (stmt);
      sqlite3_close (db);

      loaded = load (fixture->store, tr_report_get_id (report));
      g_assert_nonnull (tr_report_get_warnings (loaded)[0]);
      warning = tr_warning_format (tr_report_get_warnings (loaded)[0]);
      g_assert_true (g_str_has_prefix (warning, damage[i].warning));
      g_assert_null (tr_report_get_warnings (loaded)[1]);
      g_assert_cmpstr (tr_report_get_section (loaded, TR_SECTION_PROCESS), ==, plain);
      g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (loaded, TR_FIELD_PROCESS)), ==, 0);
      g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_APPENDIX), ==, "王小明");
    }
}

void
add_crud_tests (void)
{
  ADD ("/store/crud/round-trip", test_round_trip);
  ADD ("/store/crud/empty-report", test_empty_report);
  ADD ("/store/crud/update", test_update);
  ADD ("/store/crud/list", test_list);
  ADD ("/store/crud/delete", test_delete);
  ADD ("/store/crud/travellers", test_travellers);
  ADD ("/store/crud/source", test_source);
  ADD ("/store/crud/two-connections", test_two_connections);
  ADD ("/store/crud/large-report", test_large_report);
  ADD ("/store/crud/tables-damaged", test_tables_damaged);
  ADD ("/store/save/locked", test_locked);
  ADD ("/store/save/atomic", test_save_is_atomic);
  ADD ("/store/save/reentrant", test_save_reentrant);
}
