/* test-store.c: the SQLite library of reports, on real files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"

/* ---- helpers ------------------------------------------------------------ */

char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tr-test-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
fixture_set_up_dir (Fixture       *fixture,
                    gconstpointer  data)
{
  fixture->dir = make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up_dir (fixture, data);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_cmpstr (tr_report_store_get_path (fixture->store), ==, fixture->path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->path);
  g_free (fixture->dir);
}

void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));
  return db;
}

void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

int
raw_user_version (const char *path)
{
  return raw_int (path, "PRAGMA user_version");
}

TrReport *
new_report (const char *title,
            const char *process)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_section (report, TR_SECTION_PROCESS, process);
  return report;
}

void
save (TrReportStore *store,
      TrReport      *report)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
}

TrReport *
load (TrReportStore *store,
      const char    *id)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_store_load (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (tr_report_get_id (report), ==, id);
  return report;
}

void
assert_stored (TrReportStore *store,
               TrReport      *report)
{
  g_autoptr(TrReport) loaded = load (store, tr_report_get_id (report));

  g_assert_true (tr_report_content_equal (report, loaded));
}

void
add_traveller (TrReport   *report,
               const char *name,
               const char *title)
{
  g_autoptr(TrTraveller) traveller = tr_traveller_new ();

  tr_traveller_set (traveller, TR_TRAVELLER_NAME, name);
  tr_traveller_set (traveller, TR_TRAVELLER_AGENCY, "內政部");
  tr_traveller_set (traveller, TR_TRAVELLER_UNIT, "營建署");
  tr_traveller_set (traveller, TR_TRAVELLER_TITLE, title);
  tr_traveller_set (traveller, TR_TRAVELLER_PHONE, "02-8771-2345");
  g_list_store_append (tr_report_get_travellers (report), traveller);
}

TrReport *
build_full_report (void)
{
  static const char * const keywords[] = { "APEC", "社會住宅", "😀", NULL };
  static const char * const warnings[] = { "摘要少於200字", "line\nbreak \"quoted\" \\", NULL };
  g_autoptr(GDateTime) created = g_date_time_new_utc (2016, 7, 21, 8, 30, 15.250001);
  g_autoptr(GBytes) source = g_bytes_new_static ("%PDF-1.4\n\0\1\2%%EOF\n", 17);
  TrReport *report;

  report = tr_report_new_full ("0b5f7c1e-4a7d-4c55-9b1e-2f3a4b5c6d7e",
                               TR_REPORT_KIND_IMPORTED, created, created);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autofree char *value = NULL;

      if (f == TR_FIELD_PERIOD_START)
        value = g_strdup ("2016-07-09");
      else if (f == TR_FIELD_PERIOD_END)
        value = g_strdup ("2016-07-20");
      else if (f == TR_FIELD_REPORT_DATE)
        value = g_strdup ("2016-10-01");
      else
        value = g_strdup_printf ("%s：中文 Latin 😀\n第二行 \"引號\" 'x' \\ %% ?1 NULL",
                                 tr_field_get_key (f));
      tr_report_set_text (report, f, value);
    }
  add_traveller (report, "王小明", "科長");
  add_traveller (report, "Mary O'Brien \"MJ\"", "技正");
  add_traveller (report, "李 😀", "專員\n兼任");
  tr_report_set_keywords (report, keywords);
  tr_report_set_warnings (report, warnings);
  tr_report_set_has_attachments (report, TRUE);
  tr_report_set_pages (report, 123);
  tr_report_set_source (report, "報告 final.pdf", source);
  return report;
}

GPtrArray *
search (TrReportStore *store,
        const char    *query,
        guint          limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = tr_report_store_search (store, query, limit, &error);

  if (error != NULL)
    g_error ("search “%s”: %s", query, error->message);
  g_assert_nonnull (hits);

  /* Every hit has a snippet whose markers come in pairs, in order. */
  for (guint i = 0; i < hits->len; i++)
    {
      const char *snippet = tr_report_info_get_snippet (hits->pdata[i]);
      gboolean open = FALSE;

      g_assert_nonnull (snippet);
      g_assert_true (g_utf8_validate (snippet, -1, NULL));
      for (const char *p = snippet; *p != '\0'; p++)
        {
          if (*p == TR_SNIPPET_MATCH_START[0])
            {
              g_assert_false (open);
              open = TRUE;
            }
          else if (*p == TR_SNIPPET_MATCH_END[0])
            {
              g_assert_true (open);
              open = FALSE;
            }
        }
      g_assert_false (open);
    }
  return hits;
}

gboolean
hits_contain (GPtrArray  *hits,
              const char *id)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (tr_report_info_get_id (hits->pdata[i]), id) == 0)
      return TRUE;
  return FALSE;
}

/* Exactly the reports with these IDs, in any order. */
void
assert_hits (TrReportStore *store,
             const char    *query,
             ...)
{
  g_autoptr(GPtrArray) hits = search (store, query, 0);
  guint n = 0;
  va_list args;
  const char *id;

  va_start (args, query);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      if (!hits_contain (hits, id))
        g_error ("search “%s” does not find report %s (%u hits)", query, id, hits->len);
      n++;
    }
  va_end (args);
  if (hits->len != n)
    g_error ("search “%s” finds %u reports, expected %u", query, hits->len, n);
}

void
snapshot_file (const char   *path,
               FileSnapshot *snapshot)
{
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (g_file_get_contents (path, &snapshot->contents, &snapshot->length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  snapshot->mtime = st.st_mtim;
}

void
assert_file_unchanged (const char   *path,
                       FileSnapshot *before)
{
  FileSnapshot after = { 0 };

  snapshot_file (path, &after);
  g_assert_cmpmem (after.contents, after.length, before->contents, before->length);
  g_assert_cmpint (after.mtime.tv_sec, ==, before->mtime.tv_sec);
  g_assert_cmpint (after.mtime.tv_nsec, ==, before->mtime.tv_nsec);
  g_free (after.contents);
  g_free (before->contents);
}

/* Only @name is in @dir: no journal, WAL or shared-memory file left behind. */
void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      if (g_strcmp0 (entry, name) != 0)
        g_error ("unexpected file “%s” next to “%s”", entry, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

char *
format_snippet (GPtrArray *hits,
                guint      index)
{
  return tr_report_info_format_snippet (hits->pdata[index], "[", "]");
}

/* The full-text index holds exactly what the reports say (rank = 1
 * compares it with its content). */
void
assert_index_matches_reports (const char *path)
{
  sqlite3 *db = raw_open (path);

  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  raw_exec (db, "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('integrity-check', 1)");
  sqlite3_close (db);
}

void
raw_step (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

sqlite3_stmt *
raw_prepare (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

void
raw_bind (sqlite3_stmt *stmt,
          int           index,
          const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* A schedule as 過程 often has one, @cell in its last cell. */
TrTable *
new_schedule (const char *cell)
{
  static const char * const cells[] = {
    "日期",    "地點",   "行程內容",
    "7月9日",  "塔林",   "參訪e-Estonia展示中心",
  };
  TrTable *table = tr_table_new (3, 3);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    tr_table_set_cell (table, i / 3, i % 3, cells[i]);
  tr_table_set_cell (table, 2, 0, "7月10日");
  tr_table_set_cell (table, 2, 1, "塔林");
  tr_table_set_cell (table, 2, 2, cell);
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "參訪行程");
  return table;
}

int
main (int   argc,
      char *argv[])
{
  /* Messages with Chinese text must reach the log as UTF-8, not "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_crud_tests ();
  add_duplicate_tests ();

  add_open_tests ();
  add_migrate_tests ();
  add_upgrade_tests ();

  add_search_tests ();
  add_batch_tests ();

  return g_test_run ();
}
