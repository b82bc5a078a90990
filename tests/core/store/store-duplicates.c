/* store-duplicates.c: the same report imported from files whose bytes differ
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"
#include "tr-text.h"

/* The text of one report as two PDF producers give it: one breaks lines
 * and cuts sections where the other does not, writes full-width digits,
 * letters and punctuation where the other writes half-width ones, and
 * puts a space between CJK and Latin text. */
static const char purpose[] =
  "一、目的\n本次赴日本東京參加2016年APEC區域經濟整合研討會（第3場），"
  "並拜會東京都住宅局，瞭解社會住宅政策。";
static const char process[] =
  "二、過程\n7月9日抵達東京；7月10日至12日出席會議，發表本國報告。";
static const char purpose_relaid[] =
  "一、目的\n本次赴日本東京參加２０１６年 ＡＰＥＣ 區域經濟整合\n研討會(第３場),"
  "並拜會東京都住宅局,\n瞭解社會住宅政策。\n二、過程";
static const char process_relaid[] =
  "７月９日抵達東京;７月１０日至１２日出席會議,\n\n發表本國報告。";

static TrReport *
new_imported (const char *purpose_text,
              const char *process_text,
              const char *file_bytes)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(GBytes) data = g_bytes_new (file_bytes, strlen (file_bytes));

  tr_report_set_section (report, TR_SECTION_PURPOSE, purpose_text);
  tr_report_set_section (report, TR_SECTION_PROCESS, process_text);
  tr_report_set_source (report, "report.pdf", data);
  return report;
}

/* The text fingerprint stored for report @id, NULL when there is none. */
static char *
raw_text_column (const char *path,
                 const char *id)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = raw_prepare (db,
                                    "SELECT s.text_sha256 FROM sources s JOIN reports r ON r.num = s.report_num"
                                    " WHERE r.id = ?1");
  char *text;

  raw_bind (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static char *
find_duplicate (TrReportStore   *store,
                TrReport        *report,
                TrDuplicateKind *out_kind)
{
  g_autoptr(GError) error = NULL;
  char *id = tr_report_store_find_duplicate (store, report, out_kind, &error);

  g_assert_no_error (error);
  return id;
}

static void
assert_duplicate (TrReportStore   *store,
                  TrReport        *report,
                  const char      *expected_id,
                  TrDuplicateKind  expected_kind)
{
  TrDuplicateKind kind = -1;
  g_autofree char *id = find_duplicate (store, report, &kind);

  g_assert_cmpstr (id, ==, expected_id);
  g_assert_cmpint (kind, ==, expected_kind);
}

static void
test_fingerprint (void)
{
  g_autoptr(TrReport) a = new_imported (purpose, process, "%PDF-1.4 a");
  g_autoptr(TrReport) b = new_imported (purpose_relaid, process_relaid, "%PDF-1.7 b");
  g_autofree char *fingerprint_a = tr_report_dup_text_fingerprint (a);
  g_autofree char *fingerprint_b = tr_report_dup_text_fingerprint (b);
  g_autofree char *fingerprint_changed = NULL;
  g_autofree char *fingerprint_short = NULL;
  const char *nothing[] = { "", NULL, " \n\t　" };

  g_assert_nonnull (fingerprint_a);
  g_assert_cmpuint (strlen (fingerprint_a), ==, 64);
  g_assert_cmpstr (fingerprint_a, ==, fingerprint_b);

  /* One word more is another text. */
  tr_report_set_section (b, TR_SECTION_PROCESS, "７月９日抵達東京;７月１０日至１２日出席會議,發表本國專題報告。");
  fingerprint_changed = tr_report_dup_text_fingerprint (b);
  g_assert_cmpstr (fingerprint_changed, !=, fingerprint_a);

  /* A table added to the body, then a cell changed in place: each time
   * another text, however the report was changed since it was asked. */
  {
    TrBody *body = tr_report_get_body (b, TR_FIELD_FROM_SECTION (TR_SECTION_PROCESS));
    g_autoptr(TrTable) table = tr_table_new (1, 2);
    g_autofree char *with_table = NULL;
    g_autofree char *with_cell = NULL;
    g_autofree char *without = NULL;
    g_autoptr(TrReport) copy = NULL;

    tr_table_set_cell (table, 0, 0, "日期");
    tr_body_append_table (body, table);
    with_table = tr_report_dup_text_fingerprint (b);
    g_assert_cmpstr (with_table, !=, fingerprint_changed);
    tr_table_set_cell (tr_body_get_table (body, 0), 0, 1, "地點");
    with_cell = tr_report_dup_text_fingerprint (b);
    g_assert_cmpstr (with_cell, !=, with_table);
    copy = tr_report_copy (b);
    g_free (with_table);
    with_table = tr_report_dup_text_fingerprint (copy);
    g_assert_cmpstr (with_table, ==, with_cell);
    tr_body_remove_table (body, 0);
    without = tr_report_dup_text_fingerprint (b);
    g_assert_cmpstr (without, ==, fingerprint_changed);
  }

  /* The 提要 fields are not the text: the user may correct them. */
  tr_report_set_text (a, TR_FIELD_TITLE, "更正後的標題");
  g_free (fingerprint_b);
  fingerprint_b = tr_report_dup_text_fingerprint (a);
  g_assert_cmpstr (fingerprint_a, ==, fingerprint_b);

  /* Too little text to tell reports apart: none. */
  g_assert_null (tr_text_fingerprint (nothing, G_N_ELEMENTS (nothing)));
  {
    const char *short_text[] = { "第一頁 掃描 影像" };

    fingerprint_short = tr_text_fingerprint (short_text, 1);
    g_assert_null (fingerprint_short);
  }
}

static void
test_find_duplicate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) first = new_imported (purpose, process, "%PDF-1.4 first");
  g_autoptr(TrReport) same_file = new_imported (purpose, process, "%PDF-1.4 first");
  g_autoptr(TrReport) relaid = new_imported (purpose_relaid, process_relaid, "%PDF-1.7 another producer");
  g_autoptr(TrReport) other = new_imported (purpose, "二、過程\n7月9日抵達大阪。", "%PDF-1.4 other");
  g_autoptr(TrReport) draft = NULL;
  g_autoptr(TrReport) scan_a = new_imported ("", "", "%PDF scan a");
  g_autoptr(TrReport) scan_b = new_imported ("", "", "%PDF scan b");

  /* Nothing in the library yet. */
  assert_duplicate (fixture->store, first, NULL, TR_DUPLICATE_NONE);
  save (fixture->store, first);
  /* A report is not its own duplicate: saving it again is no import. */
  assert_duplicate (fixture->store, first, NULL, TR_DUPLICATE_NONE);

  assert_duplicate (fixture->store, same_file, tr_report_get_id (first), TR_DUPLICATE_SAME_FILE);
  assert_duplicate (fixture->store, relaid, tr_report_get_id (first), TR_DUPLICATE_SAME_TEXT);
  assert_duplicate (fixture->store, other, NULL, TR_DUPLICATE_NONE);

  /* A corrected title leaves the text, and the match, as they were; on
   * disk too. */
  tr_report_set_text (first, TR_FIELD_TITLE, "赴日本參加APEC研討會");
  save (fixture->store, first);
  reopen (fixture);
  assert_duplicate (fixture->store, relaid, tr_report_get_id (first), TR_DUPLICATE_SAME_TEXT);

  /* A draft made from it has no file: it is no imported report to open
   * instead, and it is not mistaken for one. */
  draft = tr_report_duplicate (first);
  save (fixture->store, draft);
  tr_report_store_delete (fixture->store, tr_report_get_id (first), NULL);
  assert_duplicate (fixture->store, relaid, NULL, TR_DUPLICATE_NONE);

  /* Two scans without text are not the same report. */
  save (fixture->store, scan_a);
  assert_duplicate (fixture->store, scan_b, NULL, TR_DUPLICATE_NONE);
  {
    g_autofree char *stored = raw_text_column (fixture->path, tr_report_get_id (scan_a));

    g_assert_null (stored);
  }
}

/* The fixture "a file made by schema v8": v1 and v6 as store-migrate.c
 * has them, then the statements of migrations 6 → 7 and 7 → 8 of
 * src/core/store/tr-report-store-schema.c, copied on purpose. */
static const char v8_schema_after_v6[] =
  "ALTER TABLE reports ADD COLUMN bodies TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX reports_listed ON reports"
  "  (modified, num, id, kind, title, period_start, period_end, destination);"
  "DROP INDEX reports_by_modified;"
  "DROP TABLE report_fts;";

static void
insert_v8_imported (sqlite3    *db,
                    const char *id,
                    const char *title,
                    const char *purpose_text,
                    const char *process_text,
                    const char *sha256)
{
  sqlite3_stmt *stmt = raw_prepare (db,
                                    "INSERT INTO reports (id, kind, created, modified, title, purpose, process)"
                                    " VALUES (?1, 'imported', '2017-03-01T08:00:00.000000Z',"
                                    " '2017-03-01T08:00:00.000000Z', ?2, ?3, ?4)");

  raw_bind (stmt, 1, id);
  raw_bind (stmt, 2, title);
  raw_bind (stmt, 3, purpose_text);
  raw_bind (stmt, 4, process_text);
  raw_step (stmt);
  stmt = raw_prepare (db,
                      "INSERT INTO sources (report_num, filename, sha256, data)"
                      " SELECT num, 'old.pdf', ?2, x'255044462d312e34' FROM reports WHERE id = ?1");
  raw_bind (stmt, 1, id);
  raw_bind (stmt, 2, sha256);
  raw_step (stmt);
  raw_exec (db, "INSERT INTO index_pending (report_num) SELECT max(num) FROM reports");
}

/* Reports imported before text fingerprints are found by their text once
 * the library is brought to this schema. */
static void
test_migrate_v8 (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *id_old = "33333333-4444-4555-8666-777777777777";
  const char *id_scan = "44444444-5555-4666-8777-888888888888";
  g_autoptr(TrReport) relaid = new_imported (purpose_relaid, process_relaid, "%PDF-1.7 re-saved");
  g_autoptr(TrReport) scan = new_imported ("", "", "%PDF-1.7 another scan");
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  db = raw_open (fixture->path);
  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  raw_exec (db, "BEGIN");
  raw_exec (db, tr_test_v1_schema);
  raw_exec (db, v6_schema_after_v1);
  raw_exec (db, v8_schema_after_v6);
  insert_v8_imported (db, id_old, "赴日本考察", purpose, process, "aaaa");
  insert_v8_imported (db, id_scan, "掃描檔", "", "", "bbbb");
  raw_exec (db, "PRAGMA user_version = 8");
  raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (raw_user_version (fixture->path), ==, 8);

  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (TR_REPORT_STORE_SCHEMA_VERSION, >=, 9);

  loaded = load (fixture->store, id_old);
  g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_TITLE), ==, "赴日本考察");
  g_assert_cmpstr (tr_report_get_section (loaded, TR_SECTION_PURPOSE), ==, purpose);
  g_assert_cmpstr (tr_report_get_source_sha256 (loaded), ==, "aaaa");

  assert_duplicate (fixture->store, relaid, id_old, TR_DUPLICATE_SAME_TEXT);
  assert_duplicate (fixture->store, scan, NULL, TR_DUPLICATE_NONE);
  {
    g_autofree char *stored = raw_text_column (fixture->path, id_old);
    g_autofree char *expected = tr_report_dup_text_fingerprint (relaid);

    g_assert_cmpstr (stored, ==, expected);
  }
  assert_hits (fixture->store, "社會住宅", id_old, NULL);
}

void
add_duplicate_tests (void)
{
  g_test_add_func ("/store/duplicates/fingerprint", test_fingerprint);
  ADD ("/store/duplicates/find", test_find_duplicate);
  ADD_NO_STORE ("/store/open/migrate-v8", test_migrate_v8);
}
