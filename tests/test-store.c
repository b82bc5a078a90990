/* test-store.c: the SQLite library of reports, on real files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <locale.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-error.h"
#include "tr-report-json.h"
#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-unigram-tokenizer.h"

#define NOBODY_UID 65534
#define NOBODY_GID 65534

/* The fixture "a file made by schema v1": the statements of migration 0 → 1
 * in src/core/tr-report-store-schema.c, copied here on purpose. A released schema
 * never changes, so this copy must never change either: if the store's v1
 * statements drift from it, files made by the released v1 stop opening. */
static const char v1_schema[] =
  "CREATE TABLE reports ("
  "  num INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('draft', 'imported')),"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  agency TEXT NOT NULL DEFAULT '',"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  category TEXT NOT NULL DEFAULT '',"
  "  category_other TEXT NOT NULL DEFAULT '',"
  "  period_start TEXT NOT NULL DEFAULT '',"
  "  period_end TEXT NOT NULL DEFAULT '',"
  "  destination TEXT NOT NULL DEFAULT '',"
  "  report_date TEXT NOT NULL DEFAULT '',"
  "  classification TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  process TEXT NOT NULL DEFAULT '',"
  "  observations TEXT NOT NULL DEFAULT '',"
  "  recommendations TEXT NOT NULL DEFAULT '',"
  "  appendix TEXT NOT NULL DEFAULT '',"
  "  unclassified TEXT NOT NULL DEFAULT '',"
  "  warnings TEXT NOT NULL DEFAULT '[]',"
  "  has_attachments INTEGER NOT NULL DEFAULT 0,"
  "  pages INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX reports_by_modified ON reports (modified);"
  "CREATE TABLE travellers ("
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  agency TEXT NOT NULL DEFAULT '',"
  "  unit TEXT NOT NULL DEFAULT '',"
  "  title TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (report_num, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE keywords ("
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  keyword TEXT NOT NULL,"
  "  PRIMARY KEY (report_num, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE sources ("
  "  report_num INTEGER PRIMARY KEY REFERENCES reports (num) ON DELETE CASCADE,"
  "  filename TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  data BLOB"
  ");"
  "CREATE INDEX sources_by_sha256 ON sources (sha256);";

/* ---- helpers ------------------------------------------------------------ */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tr-test-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
} Fixture;

static void
fixture_set_up_dir (Fixture       *fixture,
                    gconstpointer  data)
{
  fixture->dir = make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static int
raw_user_version (const char *path)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static char *
uuid_for (guint n)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", n, n);
}

static TrReport *
new_report (const char *title,
            const char *process)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_section (report, TR_SECTION_PROCESS, process);
  return report;
}

static void
save (TrReportStore *store,
      TrReport      *report)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
}

static TrReport *
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

static void
assert_stored (TrReportStore *store,
               TrReport      *report)
{
  g_autoptr(TrReport) loaded = load (store, tr_report_get_id (report));

  g_assert_true (tr_report_content_equal (report, loaded));
}

static void
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

static TrReport *
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

static GPtrArray *
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

static gboolean
hits_contain (GPtrArray  *hits,
              const char *id)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (tr_report_info_get_id (hits->pdata[i]), id) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_hits (TrReportStore *store,
             const char    *query,
             ...) G_GNUC_NULL_TERMINATED;

/* Exactly the reports with these IDs, in any order. */
static void
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

static GDateTime *
dup_modified (TrReport *report)
{
  return g_date_time_ref (tr_report_get_modified (report));
}

/* The bytes, size and modification time of a file. */
typedef struct {
  char *contents;
  gsize length;
  struct timespec mtime;
} FileSnapshot;

static void
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

static void
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
static void
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

/* ---- opening ------------------------------------------------------------ */

static void
test_default_path (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *old_value = g_strdup (g_getenv ("XDG_DATA_HOME"));

  if (g_test_subprocess ())
    {
      /* A fresh process: nothing has read XDG_DATA_HOME before this. */
      g_autofree char *path = tr_report_store_get_default_path ();
      g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"),
                                                    "trip-reports", "library.db", NULL);
      g_autofree char *folder = g_path_get_dirname (expected);
      g_autoptr(TrReportStore) store = NULL;
      g_autoptr(TrReport) report = new_report ("預設位置", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (path, ==, expected);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      store = tr_report_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      save (store, report);
      return;
    }

  dir = make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (old_value != NULL)
    g_setenv ("XDG_DATA_HOME", old_value, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
  g_test_trap_assert_passed ();

  db_path = g_build_filename (dir, "trip-reports", "library.db", NULL);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (raw_user_version (db_path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReportStore) store = tr_report_store_open (db_path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (tr_report_store_count (store, &error), ==, 1);
  }
  tr_test_remove_tree (dir);
}

static void
test_open_creates_folders (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "a", "b c", "圖書館", "library.db", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = new_report ("深層", NULL);
  g_autoptr(GError) error = NULL;

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  save (store, report);
  g_clear_object (&store);

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  assert_stored (store, report);
}

static void
test_open_folder_is_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "library.db", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  store = tr_report_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("空檔案", "從空檔案開始");
  g_autoptr(GError) error = NULL;

  /* A file of zero bytes (say, made by touch) is an empty database. */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  save (fixture->store, report);
  assert_stored (fixture->store, report);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
}

static void
insert_v1_report (sqlite3    *db,
                  const char *id,
                  const char *title,
                  const char *process,
                  const char *traveller)
{
  char *sql;

  sql = sqlite3_mprintf ("INSERT INTO reports (id, kind, created, modified, title, agency, summary,"
                         " purpose, process, period_start, period_end, destination,"
                         " warnings, has_attachments, pages)"
                         " VALUES (%Q, 'imported', '2016-10-01T08:00:00.000000Z',"
                         " '2016-10-02T09:30:00.123456Z', %Q, '內政部營建署', '本報告摘要說明社會住宅政策。',"
                         " '考察日本社會住宅。', %Q, '2016-07-09', '2016-07-20', '日本',"
                         " '[\"摘要過短\"]', 1, 56)",
                         id, title, process);
  raw_exec (db, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("INSERT INTO travellers (report_num, position, name, agency, unit, title, phone)"
                         " SELECT num, 0, %Q, '內政部', '營建署', '科長', '02-8771-2345'"
                         " FROM reports WHERE id = %Q",
                         traveller, id);
  raw_exec (db, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("INSERT INTO keywords (report_num, position, keyword)"
                         " SELECT num, 0, '住宅' FROM reports WHERE id = %Q"
                         " UNION ALL SELECT num, 1, 'APEC' FROM reports WHERE id = %Q",
                         id, id);
  raw_exec (db, sql);
  sqlite3_free (sql);
}

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *id_a = "11111111-2222-4333-8444-555555555555";
  const char *id_b = "66666666-7777-4888-9999-aaaaaaaaaaaa";
  g_autoptr(TrReport) a = NULL;
  g_autoptr(TrReport) b = NULL;
  g_autoptr(TrReport) fresh = new_report ("遷移後新增", "新的過程");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = g_date_time_new_from_iso8601 ("2016-10-02T09:30:00.123456Z", NULL);
  sqlite3 *db;

  db = raw_open (fixture->path);
  raw_exec (db, "BEGIN");
  raw_exec (db, v1_schema);
  insert_v1_report (db, id_a, "赴日本考察社會住宅政策", "拜會東京都住宅局，參觀公營住宅。", "王小明");
  insert_v1_report (db, id_b, "出席APEC會議", "泰國曼谷會議紀要：討論區域經濟整合。", "李大華");
  raw_exec (db, "INSERT INTO sources (report_num, filename, sha256, data)"
                " SELECT num, 'a.pdf', 'abc123', x'255044462d312e340a' FROM reports WHERE id = '11111111-2222-4333-8444-555555555555'");
  raw_exec (db, "PRAGMA user_version = 1");
  raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (raw_user_version (fixture->path), ==, 1);

  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);

  a = load (fixture->store, id_a);
  g_assert_cmpstr (tr_report_get_text (a, TR_FIELD_TITLE), ==, "赴日本考察社會住宅政策");
  g_assert_cmpstr (tr_report_get_text (a, TR_FIELD_AGENCY), ==, "內政部營建署");
  g_assert_cmpstr (tr_report_get_text (a, TR_FIELD_PERIOD_START), ==, "2016-07-09");
  g_assert_cmpstr (tr_report_get_section (a, TR_SECTION_PROCESS), ==, "拜會東京都住宅局，參觀公營住宅。");
  g_assert_cmpint (tr_report_get_kind (a), ==, TR_REPORT_KIND_IMPORTED);
  g_assert_cmpuint (tr_report_get_pages (a), ==, 56);
  g_assert_true (tr_report_get_has_attachments (a));
  g_assert_cmpstr (tr_report_get_keywords (a)[0], ==, "住宅");
  g_assert_cmpstr (tr_report_get_keywords (a)[1], ==, "APEC");
  g_assert_null (tr_report_get_keywords (a)[2]);
  g_assert_cmpstr (tr_report_get_warnings (a)[0], ==, "摘要過短");
  g_assert_cmpstr (tr_report_get_source_sha256 (a), ==, "abc123");
  g_assert_true (g_date_time_equal (tr_report_get_modified (a), modified));
  {
    g_autoptr(TrTraveller) traveller =
      g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (a)), 0);
    g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, "王小明");
  }
  b = load (fixture->store, id_b);
  g_assert_cmpstr (tr_report_get_text (b, TR_FIELD_TITLE), ==, "出席APEC會議");

  /* Text written before search existed is found: 1, 2 and 3+ characters,
   * in the title, the body, the summary, the keywords and travellers. */
  assert_hits (fixture->store, "泰", id_b, NULL);
  assert_hits (fixture->store, "曼谷", id_b, NULL);
  assert_hits (fixture->store, "經濟整合", id_b, NULL);
  assert_hits (fixture->store, "住宅", id_a, id_b, NULL);  /* b has it in summary and keywords */
  assert_hits (fixture->store, "東京都", id_a, NULL);
  assert_hits (fixture->store, "日本", id_a, id_b, NULL);  /* destination is not indexed, purpose is */
  assert_hits (fixture->store, "王小明", id_a, NULL);
  assert_hits (fixture->store, "apec", id_a, id_b, NULL);
  assert_hits (fixture->store, "公營住宅", id_a, NULL);

  /* The migrated library works as any other. */
  save (fixture->store, fresh);
  tr_report_set_text (a, TR_FIELD_TITLE, "已更新");
  save (fixture->store, a);
  assert_hits (fixture->store, "已更新", id_a, NULL);
  assert_hits (fixture->store, "赴日本", NULL);
  assert_hits (fixture->store, "新的", tr_report_get_id (fresh), NULL);
  reopen (fixture);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 3);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d",
                                             TR_REPORT_STORE_SCHEMA_VERSION + 1);
  FileSnapshot before = { 0 };
  sqlite3 *db;

  db = raw_open (fixture->path);
  raw_exec (db, v1_schema);
  raw_exec (db, "CREATE TABLE future_things (x)");
  raw_exec (db, pragma);
  sqlite3_close (db);
  snapshot_file (fixture->path, &before);
  g_usleep (20000);  /* so that a write would show in the mtime */

  store = tr_report_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, fixture->path));

  assert_file_unchanged (fixture->path, &before);
  assert_only_file (fixture->dir, "library.db");
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION + 1);
}

static void
check_not_database (Fixture    *fixture,
                    const char *contents,
                    gsize       length)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FileSnapshot before = { 0 };

  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  snapshot_file (fixture->path, &before);
  g_usleep (20000);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));

  assert_file_unchanged (fixture->path, &before);
  assert_only_file (fixture->dir, "library.db");
}

static void
test_not_database_random (Fixture       *fixture,
                          gconstpointer  data)
{
  guint8 bytes[8192];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  check_not_database (fixture, (const char *) bytes, sizeof bytes);
}

static void
test_not_database_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "這不是資料庫，只是一個文字檔。This is a text file, not a database.\n");
  check_not_database (fixture, text->str, text->len);
}

static void
test_not_database_other_program (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FileSnapshot before = { 0 };
  sqlite3 *db;

  /* A real SQLite file, but someone else's: refused, not "migrated". */
  db = raw_open (fixture->path);
  raw_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                "INSERT INTO notes (text) VALUES ('購物清單');");
  sqlite3_close (db);
  snapshot_file (fixture->path, &before);
  g_usleep (20000);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, TR_ERROR, TR_ERROR_DB_NOT_DATABASE);
  assert_file_unchanged (fixture->path, &before);
  assert_only_file (fixture->dir, "library.db");
}

static gboolean
is_damage_error (const GError *error)
{
  return error != NULL && error->domain == TR_ERROR &&
         (error->code == TR_ERROR_DB_CORRUPT || error->code == TR_ERROR_DB_NOT_DATABASE) &&
         error->message != NULL && error->message[0] != '\0';
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length, page_size = 4096, n_pages;
  guint n_damage_errors = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("報告 %u", i);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(TrReport) report = NULL;

      for (guint j = 0; j < 30; j++)
        g_string_append_printf (body, "第%u段：考察社會住宅政策與都市更新。", j);
      report = new_report (title, body->str);
      add_traveller (report, "王小明", "科長");
      save (fixture->store, report);
      g_ptr_array_add (ids, g_strdup (tr_report_get_id (report)));
    }
  g_clear_object (&fixture->store);

  /* Keep the header page, overwrite the middle third with garbage. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpmem (contents, 16, "SQLite format 3", 16);
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >, 30);
  for (gsize p = n_pages / 3; p < 2 * n_pages / 3; p++)
    for (gsize i = 0; i < page_size; i++)
      contents[p * page_size + i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  /* Open, then use every read and write path. None may crash; each failure
   * must say the file is damaged; and the damage must show somewhere. */
  fixture->store = tr_report_store_open (fixture->path, &error);
  if (fixture->store == NULL)
    {
      g_test_message ("open: %s", error->message);
      g_assert_true (is_damage_error (error));
      return;
    }

  {
    guint count = tr_report_store_count (fixture->store, &error);
    if (error != NULL)
      {
        g_test_message ("count: %s", error->message);
        g_assert_true (is_damage_error (error));
        n_damage_errors++;
        g_clear_error (&error);
      }
    else
      g_assert_cmpuint (count, <=, 300);
  }
  {
    g_autoptr(GPtrArray) list = tr_report_store_list (fixture->store, &error);
    if (error != NULL)
      {
        g_test_message ("list: %s", error->message);
        g_assert_null (list);
        g_assert_true (is_damage_error (error));
        n_damage_errors++;
        g_clear_error (&error);
      }
  }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(TrReport) report = tr_report_store_load (fixture->store, ids->pdata[i], &error);
      if (error != NULL)
        {
          /* A row may be gone with its page: NOT_FOUND is honest too. */
          if (!g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
            {
              g_assert_true (is_damage_error (error));
              n_damage_errors++;
            }
          g_clear_error (&error);
        }
    }
  {
    static const char * const queries[] = { "住", "住宅", "社會住宅", "報告 1", NULL };

    for (guint i = 0; queries[i] != NULL; i++)
      {
        g_autoptr(GPtrArray) hits = tr_report_store_search (fixture->store, queries[i], 0, &error);
        if (error != NULL)
          {
            g_test_message ("search: %s", error->message);
            g_assert_true (is_damage_error (error));
            n_damage_errors++;
            g_clear_error (&error);
          }
      }
  }
  {
    g_autoptr(TrReport) report = new_report ("損壞後儲存", "內容");
    if (!tr_report_store_save (fixture->store, report, &error))
      {
        g_test_message ("save: %s", error->message);
        g_assert_true (is_damage_error (error));
        n_damage_errors++;
        g_clear_error (&error);
      }
  }
  g_assert_cmpuint (n_damage_errors, >, 0);
}

/* Runs @check as the user "nobody" when we are root, for whom permissions
 * do not apply. */
static gboolean
drop_root (void)
{
  if (geteuid () != 0)
    return TRUE;
  if (setgroups (0, NULL) != 0 || setgid (NOBODY_GID) != 0 || setuid (NOBODY_UID) != 0)
    {
      g_printerr ("cannot become nobody: %s\n", g_strerror (errno));
      return FALSE;
    }
  /* A changed UID makes the process non-dumpable, which would stop
   * LeakSanitizer from inspecting it at exit. */
  prctl (PR_SET_DUMPABLE, 1, 0, 0, 0);
  return geteuid () == NOBODY_UID && access ("/", W_OK) != 0;
}

/* Makes a library with one report, indexed, and returns its ID. */
static char *
make_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  g_autoptr(TrReport) report = new_report ("唯讀", "唯讀的圖書館");

  g_assert_no_error (error);
  save (store, report);
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);
  return g_strdup (tr_report_get_id (report));
}

/* A write to a read-only library fails, saying so and naming it. */
static void
assert_read_only_error (GError     *error,
                        const char *path)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", path);

  g_assert_error (error, TR_ERROR, TR_ERROR_DB_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, quoted));
  g_assert_nonnull (strstr (error->message, "read-only"));
}

/* The library file is read-only (its folder is not): it opens, everything
 * reads, and each write fails, saying why. */
static void
test_read_only_file (void)
{
  const char *dir = g_getenv ("TR_TEST_RO_DIR");
  const char *id = g_getenv ("TR_TEST_RO_ID");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "library.db", NULL);
      g_autoptr(TrReportStore) store = NULL;
      g_autoptr(TrReport) report = NULL;
      g_autoptr(TrReport) other = new_report ("新報告", "不能寫入");
      g_autoptr(TrReview) review = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GError) error = NULL;
      FileSnapshot before = { 0 };

      g_assert_true (drop_root ());
      g_assert_cmpint (access (path, R_OK), ==, 0);
      g_assert_cmpint (access (path, W_OK), !=, 0);
      snapshot_file (path, &before);

      store = tr_report_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (tr_report_store_count (store, &error), ==, 1);
      g_assert_no_error (error);
      list = tr_report_store_list (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, 1);
      report = load (store, id);
      g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "唯讀");
      assert_hits (store, "圖書館", id, NULL);
      review = tr_report_store_load_review (store, id, &error);
      g_assert_no_error (error);

      tr_report_set_text (report, TR_FIELD_TITLE, "改不了");
      g_assert_false (tr_report_store_save (store, report, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);
      g_assert_false (tr_report_store_save (store, other, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);
      g_assert_false (tr_report_store_delete (store, id, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);
      g_assert_false (tr_report_store_set_status (store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
      assert_read_only_error (error, path);
      g_clear_error (&error);

      g_clear_object (&store);
      assert_file_unchanged (path, &before);
      return;
    }

  {
    g_autofree char *tmp = make_tmp_dir ();
    g_autofree char *path = g_build_filename (tmp, "library.db", NULL);
    g_autofree char *id = make_library (path);

    g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    if (geteuid () == 0)
      {
        /* A file of root's in a folder where nobody may create files. */
        g_assert_cmpint (chown (tmp, NOBODY_UID, NOBODY_GID), ==, 0);
        g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
      }
    g_setenv ("TR_TEST_RO_DIR", tmp, TRUE);
    g_setenv ("TR_TEST_RO_ID", id, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unsetenv ("TR_TEST_RO_DIR");
    g_unsetenv ("TR_TEST_RO_ID");
    g_test_trap_assert_passed ();

    /* Nothing was lost: writable again, it opens with its report. */
    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
      g_autoptr(TrReport) report = NULL;

      g_assert_no_error (error);
      report = load (store, id);
    }
    tr_test_remove_tree (tmp);
  }
}

/* The file is writable but its folder is not, so SQLite cannot make its
 * WAL and shared-memory files, which even reading needs. */
static void
test_read_only_folder (void)
{
  const char *dir = g_getenv ("TR_TEST_RO_DIR");

  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (dir, "library.db", NULL);
      g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
      g_autoptr(TrReportStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (drop_root ());
      g_assert_cmpint (access (path, W_OK), ==, 0);
      g_assert_cmpint (access (dir, W_OK), !=, 0);

      /* Refused at open: SQLite cannot make the files it needs beside
       * the library even to read it. The message says so, naming the
       * folder. */
      store = tr_report_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, TR_ERROR, TR_ERROR_DB_READ_ONLY);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      {
        g_autofree char *quoted_dir = g_strdup_printf ("folder “%s”", dir);

        g_assert_nonnull (strstr (error->message, quoted_dir));
      }
      g_clear_error (&error);

      /* A new library cannot be created there either. */
      store = tr_report_store_open (new_path, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, TR_ERROR, TR_ERROR_DB_READ_ONLY) ||
                     g_error_matches (error, TR_ERROR, TR_ERROR_DB_CANT_OPEN));
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
      return;
    }

  {
    g_autofree char *tmp = make_tmp_dir ();
    g_autofree char *path = g_build_filename (tmp, "library.db", NULL);
    g_autofree char *id = make_library (path);

    if (geteuid () == 0)
      {
        g_assert_cmpint (chown (path, NOBODY_UID, NOBODY_GID), ==, 0);
        g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
      }
    else
      g_assert_cmpint (g_chmod (tmp, 0555), ==, 0);
    g_setenv ("TR_TEST_RO_DIR", tmp, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_unsetenv ("TR_TEST_RO_DIR");
    g_test_trap_assert_passed ();

    g_assert_cmpint (g_chmod (tmp, 0700), ==, 0);
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (tr_report_store_count (store, &error), ==, 1);
    }
    tr_test_remove_tree (tmp);
  }
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

/* ---- search ------------------------------------------------------------- */

static void
test_search_short (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) thailand = new_report ("赴泰國考察", "在曼谷，參訪。");
  g_autoptr(TrReport) cathay = new_report ("國泰航空", "搭乘班機。");
  g_autoptr(TrReport) apart = new_report ("泰式料理", "外國朋友。");
  g_autoptr(TrReport) none = new_report ("日本", "東京。");
  const char *t = tr_report_get_id (thailand);
  const char *c = tr_report_get_id (cathay);
  const char *a = tr_report_get_id (apart);

  save (fixture->store, thailand);
  save (fixture->store, cathay);
  save (fixture->store, apart);
  save (fixture->store, none);

  /* One character: everywhere it occurs. */
  assert_hits (fixture->store, "泰", t, c, a, NULL);
  assert_hits (fixture->store, "國", t, c, a, NULL);
  assert_hits (fixture->store, "谷", t, NULL);
  /* Two characters: only where they are adjacent, in this order. */
  assert_hits (fixture->store, "泰國", t, NULL);
  assert_hits (fixture->store, "國泰", c, NULL);
  assert_hits (fixture->store, "曼谷", t, NULL);
  assert_hits (fixture->store, "東京", tr_report_get_id (none), NULL);
  assert_hits (fixture->store, "京東", NULL);
  /* Punctuation is text as well. */
  assert_hits (fixture->store, "谷，", t, NULL);
}

static void
test_search_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrReport) a = new_report ("社會住宅政策考察", "推動社會住宅政策的經驗。");
  g_autoptr(TrReport) b = new_report ("住宅與政策", "住宅的政策。");
  g_autoptr(TrReport) c = new_report ("都市更新", "都市更新條例與住宅政策研究報告書。");

  save (fixture->store, a);
  save (fixture->store, b);
  save (fixture->store, c);

  assert_hits (fixture->store, "住宅政策", tr_report_get_id (a), tr_report_get_id (c), NULL);
  assert_hits (fixture->store, "社會住宅政策", tr_report_get_id (a), NULL);
  assert_hits (fixture->store, "研究報告書", tr_report_get_id (c), NULL);
  assert_hits (fixture->store, "住宅與政策", tr_report_get_id (b), NULL);
  assert_hits (fixture->store, "政策住宅", NULL);
  /* Substrings in the middle of a run of text. */
  assert_hits (fixture->store, "宅政策", tr_report_get_id (a), tr_report_get_id (c), NULL);
}

static void
test_search_mixed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) both = new_report ("APEC會議", "討論社會住宅。");
  g_autoptr(TrReport) apec = new_report ("APEC 經濟", "貿易自由化。");
  g_autoptr(TrReport) housing = new_report ("住宅", "只談住宅。");
  g_autoptr(TrReport) joined = new_report ("APEC住宅論壇", NULL);

  save (fixture->store, both);
  save (fixture->store, apec);
  save (fixture->store, housing);
  save (fixture->store, joined);

  assert_hits (fixture->store, "APEC 住宅", tr_report_get_id (both), tr_report_get_id (joined), NULL);
  assert_hits (fixture->store, "APEC住宅", tr_report_get_id (joined), NULL);
  assert_hits (fixture->store, "  APEC   住宅  ", tr_report_get_id (both), tr_report_get_id (joined), NULL);
  /* The ideographic space of Chinese input methods separates words too. */
  assert_hits (fixture->store, "APEC\u3000住宅", tr_report_get_id (both), tr_report_get_id (joined), NULL);
  assert_hits (fixture->store, "會議 APEC", tr_report_get_id (both), NULL);
}

static void
test_search_case (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrReport) upper = new_report ("APEC Summit", "Meeting in BANGKOK.");
  g_autoptr(TrReport) lower = new_report ("about apec", "notes");
  g_autoptr(TrReport) other = new_report ("OECD", "Paris");
  const char *u = tr_report_get_id (upper);
  const char *l = tr_report_get_id (lower);

  save (fixture->store, upper);
  save (fixture->store, lower);
  save (fixture->store, other);

  assert_hits (fixture->store, "apec", u, l, NULL);
  assert_hits (fixture->store, "APEC", u, l, NULL);
  assert_hits (fixture->store, "Apec", u, l, NULL);
  assert_hits (fixture->store, "pec", u, l, NULL);      /* substring, 3 characters */
  assert_hits (fixture->store, "ap", u, l, NULL);       /* substring, 2 characters */
  assert_hits (fixture->store, "bangkok", u, NULL);
  assert_hits (fixture->store, "ngko", u, NULL);
  assert_hits (fixture->store, "summit meeting", u, NULL);
}

static void
test_search_all_words (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TrReport) both = new_report ("日本參訪", "參觀社會住宅。");
  g_autoptr(TrReport) japan = new_report ("日本參訪", "參觀博物館。");
  g_autoptr(TrReport) housing = new_report ("韓國參訪", "參觀社會住宅。");

  save (fixture->store, both);
  save (fixture->store, japan);
  save (fixture->store, housing);

  assert_hits (fixture->store, "日本 住宅", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "住宅 日本", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "日本參訪 社會住宅", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "日 宅", tr_report_get_id (both), NULL);
  assert_hits (fixture->store, "日本 住宅 美國", NULL);
  assert_hits (fixture->store, "參訪", tr_report_get_id (both), tr_report_get_id (japan),
               tr_report_get_id (housing), NULL);
}

static void
test_search_no_hit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(TrReport) report = new_report ("考察", "內容");

  /* In an empty library, then in one without a match. */
  hits = search (fixture->store, "住宅", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  save (fixture->store, report);
  hits = search (fixture->store, "不存在的詞", 0);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "住", 10);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_search_many (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(TrReport) unrelated = new_report ("無關", "完全無關的內容");

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u份報告", i);
      g_autoptr(TrReport) report = new_report (title, "本報告討論共同詞彙的使用。");

      save (fixture->store, report);
    }
  save (fixture->store, unrelated);

  hits = search (fixture->store, "共同詞彙", 10);
  g_assert_cmpuint (hits->len, ==, 10);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "共同", 10);
  g_assert_cmpuint (hits->len, ==, 10);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "共同詞彙", 1);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "共同詞彙", 0);
  g_assert_cmpuint (hits->len, ==, 50);
  for (guint i = 0; i < hits->len; i++)
    g_hash_table_add (seen, (gpointer) tr_report_info_get_id (hits->pdata[i]));
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);
  g_assert_false (g_hash_table_contains (seen, tr_report_get_id (unrelated)));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "共", 0);
  g_assert_cmpuint (hits->len, ==, 50);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "報告 共同詞彙", 100);
  g_assert_cmpuint (hits->len, ==, 50);
}

static void
check_ranking (Fixture    *fixture,
               const char *word)
{
  g_autoptr(GString) often = g_string_new (NULL);
  g_autoptr(GString) once = g_string_new (NULL);
  g_autoptr(TrReport) a = NULL;
  g_autoptr(TrReport) b = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  /* Texts of the same length; the one with more mentions is saved first,
   * so that an order by date would put it last. */
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (often, "今日%s來襲。", word);
  g_string_append_printf (once, "今日%s來襲。", word);
  while (g_utf8_strlen (once->str, -1) < g_utf8_strlen (often->str, -1))
    g_string_append (once, "晴");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TrReport) unrelated = new_report ("天氣紀錄", "晴時多雲。");
      save (fixture->store, unrelated);
    }

  a = new_report ("天氣紀錄甲", often->str);
  b = new_report ("天氣紀錄乙", once->str);
  save (fixture->store, a);
  g_usleep (1000);
  save (fixture->store, b);

  hits = search (fixture->store, word, 0);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, tr_report_get_id (a));
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[1]), ==, tr_report_get_id (b));
}

static void
test_search_ranking (Fixture       *fixture,
                     gconstpointer  data)
{
  check_ranking (fixture, "颱風");
}

static void
test_search_ranking_long (Fixture       *fixture,
                          gconstpointer  data)
{
  check_ranking (fixture, "颱風豪雨");
}

static void
test_search_ranking_title (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrReport) in_title = new_report ("地震防災考察", "參訪多處設施並交換意見。");
  g_autoptr(TrReport) in_body = new_report ("日本考察報告", "參訪多處地震設施並交換。");
  g_autoptr(GPtrArray) hits = NULL;

  save (fixture->store, in_title);
  save (fixture->store, in_body);
  hits = search (fixture->store, "地震", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, tr_report_get_id (in_title));
}

static char *
format_snippet (GPtrArray *hits,
                guint      index)
{
  return tr_report_info_format_snippet (hits->pdata[index], "[", "]");
}

static void
test_search_snippet (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("考察報告",
                                           "本次考察重點在於推動社會住宅政策，並參加 APEC 會議。");
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *formatted = NULL;
  const char *snippet;

  save (fixture->store, report);

  hits = search (fixture->store, "住宅", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  snippet = tr_report_info_get_snippet (hits->pdata[0]);
  g_assert_nonnull (strstr (snippet, TR_SNIPPET_MATCH_START "住宅" TR_SNIPPET_MATCH_END));
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "社會[住宅]政策"));
  g_assert_null (strchr (formatted, TR_SNIPPET_MATCH_START[0]));
  g_assert_null (strchr (formatted, TR_SNIPPET_MATCH_END[0]));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "住", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "社會[住]宅"));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "住宅政策", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "社會[住宅政策]，"));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The text keeps its own case; the match is marked where it is. */
  hits = search (fixture->store, "apec", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = format_snippet (hits, 0);
  g_assert_nonnull (strstr (formatted, "參加 [APEC] 會議"));
  g_clear_pointer (&formatted, g_free);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Markers may be dropped altogether. */
  hits = search (fixture->store, "會議", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  formatted = tr_report_info_format_snippet (hits->pdata[0], "", "");
  g_assert_nonnull (strstr (formatted, "APEC 會議"));
  g_assert_cmpstr (tr_report_info_get_title (hits->pdata[0]), ==, "考察報告");
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, tr_report_get_id (report));
}

/* More matches than are worth ranking: the newest come first, and a query
 * mixing short and long words finds exactly the reports that hold both. */
static void
test_search_common_words (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hits = NULL;
  const guint n_reports = 620;

  for (guint i = 0; i < n_reports; i++)
    {
      g_autofree char *title = g_strdup_printf ("第%u份報告", i);
      g_autoptr(TrReport) report =
        new_report (title, i % 6 != 0 ? "本報告討論共同詞彙與防災體系。" : "本報告討論共同詞彙。");

      save (fixture->store, report);
      g_ptr_array_add (ids, g_strdup (tr_report_get_id (report)));
    }

  hits = search (fixture->store, "共", 20);
  g_assert_cmpuint (hits->len, ==, 20);
  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *formatted = format_snippet (hits, i);

      g_assert_cmpstr (tr_report_info_get_id (hits->pdata[i]), ==, ids->pdata[n_reports - 1 - i]);
      g_assert_nonnull (strstr (formatted, "[共]同"));
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (fixture->store, "詞彙", 20);
  g_assert_cmpuint (hits->len, ==, 20);
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, ids->pdata[n_reports - 1]);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Short and long: five reports in six, the newest of them first. */
  hits = search (fixture->store, "詞彙 防災體系", 20);
  g_assert_cmpuint (hits->len, ==, 20);
  for (guint i = 0, expected = n_reports - 1; i < hits->len; i++)
    {
      while (expected % 6 == 0)
        expected--;
      g_assert_cmpstr (tr_report_info_get_id (hits->pdata[i]), ==, ids->pdata[expected]);
      expected--;
    }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Asking for them all still finds them all. */
  hits = search (fixture->store, "詞彙 防災體系", 0);
  g_assert_cmpuint (hits->len, ==, n_reports - (n_reports + 5) / 6);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (fixture->store, "共同", 600);
  g_assert_cmpuint (hits->len, ==, 600);
}

static int
pending_count (const char *path)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM index_pending", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* The full-text index holds exactly what the reports say (rank = 1
 * compares it with its content). */
static void
assert_index_matches_reports (const char *path)
{
  sqlite3 *db = raw_open (path);

  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  raw_exec (db, "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('integrity-check', 1)");
  sqlite3_close (db);
}

/* A new report is saved before it is indexed; whatever happens to it in
 * between, a search finds it as it is, and the indexes end up exact. */
static void
test_search_index_after_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TrReport) first = new_report ("先存後索引", "甲乙丙丁戊己庚辛");
  g_autoptr(TrReport) changed = new_report ("存後再改", "舊的文字壬癸");
  g_autoptr(TrReport) gone = new_report ("存後刪除", "即將刪除子丑寅卯");
  g_autoptr(GError) error = NULL;

  save (fixture->store, first);
  g_assert_cmpint (pending_count (fixture->path), ==, 1);
  assert_hits (fixture->store, "丙丁戊", tr_report_get_id (first), NULL);
  assert_hits (fixture->store, "丙", tr_report_get_id (first), NULL);
  g_assert_cmpint (pending_count (fixture->path), ==, 0);

  /* Changed while waiting: the index gets the text as it is. */
  save (fixture->store, changed);
  tr_report_set_section (changed, TR_SECTION_PROCESS, "新的文字辰巳午未");
  save (fixture->store, changed);
  g_assert_cmpint (pending_count (fixture->path), ==, 1);
  assert_hits (fixture->store, "辰巳午", tr_report_get_id (changed), NULL);
  assert_hits (fixture->store, "壬癸", NULL);

  /* Deleted while waiting: nothing to take out of the index. */
  save (fixture->store, gone);
  g_assert_true (tr_report_store_delete (fixture->store, tr_report_get_id (gone), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pending_count (fixture->path), ==, 0);
  assert_hits (fixture->store, "子丑寅", NULL);

  /* Indexed reports are replaced in the save's own transaction. */
  tr_report_set_section (first, TR_SECTION_PROCESS, "申酉戌亥");
  save (fixture->store, first);
  g_assert_cmpint (pending_count (fixture->path), ==, 0);
  assert_index_matches_reports (fixture->path);

  /* update_index() on its own, and a reopened library, leave nothing behind. */
  {
    g_autoptr(TrReport) late = new_report ("最後一份", "乾坤");

    save (fixture->store, late);
    g_assert_true (tr_report_store_update_index (fixture->store, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pending_count (fixture->path), ==, 0);
    assert_index_matches_reports (fixture->path);
  }
  {
    g_autoptr(TrReport) before_close = new_report ("關閉前", "震巽");

    save (fixture->store, before_close);
    g_assert_cmpint (pending_count (fixture->path), ==, 1);
    reopen (fixture);
    g_assert_cmpint (pending_count (fixture->path), ==, 0);
    assert_index_matches_reports (fixture->path);
    assert_hits (fixture->store, "震巽", tr_report_get_id (before_close), NULL);
  }
}

static void
test_search_after_delete (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) gone = new_report ("即將刪除的報告", "獨特詞彙甲乙丙");
  g_autoptr(TrReport) keep = new_report ("保留的報告", "獨特詞彙丁戊己");
  g_autoptr(GError) error = NULL;

  save (fixture->store, gone);
  save (fixture->store, keep);
  assert_hits (fixture->store, "獨特詞彙", tr_report_get_id (gone), tr_report_get_id (keep), NULL);

  g_assert_true (tr_report_store_delete (fixture->store, tr_report_get_id (gone), &error));
  g_assert_no_error (error);
  assert_hits (fixture->store, "獨特詞彙", tr_report_get_id (keep), NULL);
  assert_hits (fixture->store, "甲乙丙", NULL);
  assert_hits (fixture->store, "甲乙", NULL);
  assert_hits (fixture->store, "甲", NULL);
  assert_hits (fixture->store, "即將刪除", NULL);
  assert_hits (fixture->store, "報告", tr_report_get_id (keep), NULL);

  reopen (fixture);
  assert_hits (fixture->store, "甲", NULL);
  assert_hits (fixture->store, "丁", tr_report_get_id (keep), NULL);
}

static void
test_search_after_update (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = new_report ("舊標題", "舊文字甲");
  g_autoptr(TrReport) other = new_report ("其他", "無關");
  const char *id = tr_report_get_id (report);

  add_traveller (report, "舊人員", "科長");
  save (fixture->store, report);
  save (fixture->store, other);
  assert_hits (fixture->store, "舊文字", id, NULL);

  tr_report_set_text (report, TR_FIELD_TITLE, "新標題");
  tr_report_set_section (report, TR_SECTION_PROCESS, "新內容乙");
  g_list_store_remove_all (tr_report_get_travellers (report));
  add_traveller (report, "新人員", "科長");
  save (fixture->store, report);

  for (guint round = 0; round < 2; round++)
    {
      static const char * const old_words[] = { "舊", "舊文", "舊文字", "舊文字甲", "舊標題", "舊人員", NULL };
      static const char * const new_words[] = { "新", "新內", "新內容", "新內容乙", "新標題", "新人員", NULL };

      for (guint i = 0; old_words[i] != NULL; i++)
        assert_hits (fixture->store, old_words[i], NULL);
      for (guint i = 0; new_words[i] != NULL; i++)
        assert_hits (fixture->store, new_words[i], id, NULL);

      /* Saving unchanged text again must not duplicate or drop entries. */
      save (fixture->store, report);
      save (fixture->store, report);
    }
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);
}

/* Unique tokens per place: no token is part of another. */
static const char *token_chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥鼠牛虎兔龍蛇馬羊猴雞狗豬";

static char *
token_char (guint index)
{
  const char *p = g_utf8_offset_to_pointer (token_chars, index);
  return g_strndup (p, g_utf8_next_char (p) - p);
}

typedef struct {
  char *cjk3;   /* 鑫 + two unique characters */
  char *cjk2;   /* the two unique characters */
  char *latin;  /* "Zq07x" */
} Tokens;

static void
make_tokens (guint   index,
             Tokens *tokens)
{
  g_autofree char *a = token_char (index);
  g_autofree char *b = token_char (33 - index);

  tokens->cjk2 = g_strconcat (a, b, NULL);
  tokens->cjk3 = g_strconcat ("鑫", a, b, NULL);
  tokens->latin = g_strdup_printf ("Zq%02ux", index);
}

static void
clear_tokens (Tokens *tokens)
{
  g_free (tokens->cjk2);
  g_free (tokens->cjk3);
  g_free (tokens->latin);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tokens, clear_tokens)

static void
check_found_by_tokens (TrReportStore *store,
                       const char    *what,
                       const char    *id,
                       Tokens        *tokens)
{
  const char *queries[] = { tokens->cjk3, tokens->cjk2, tokens->latin, NULL };
  g_autofree char *lower = g_ascii_strdown (tokens->latin, -1);

  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autoptr(GPtrArray) hits = search (store, queries[q], 0);

      if (hits->len != 1 || !hits_contain (hits, id))
        g_error ("text in %s: search “%s” gives %u hits, not the report", what, queries[q], hits->len);
    }
  assert_hits (store, lower, id, NULL);
}

static void
test_search_every_field (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  guint index = 0;

  /* One report per place that holds text, and nothing else in it. */
  for (guint f = 0; f < TR_N_FIELDS; f++, index++)
    {
      g_auto(Tokens) tokens = { 0 };
      g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
      g_autofree char *text = NULL;

      if (tr_field_is_date (f))
        continue;
      make_tokens (index, &tokens);
      text = g_strdup_printf ("前文%s後文 %s 以及 %s。", tokens.cjk3, tokens.latin, tokens.cjk2);
      tr_report_set_text (report, f, text);
      save (fixture->store, report);
      g_ptr_array_add (reports, g_object_ref (report));
    }
  for (guint t = 0; t < TR_TRAVELLER_N_FIELDS; t++, index++)
    {
      g_auto(Tokens) tokens = { 0 };
      g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
      g_autoptr(TrTraveller) traveller = tr_traveller_new ();
      g_autofree char *text = NULL;

      if (t == TR_TRAVELLER_PHONE)
        continue;
      make_tokens (index, &tokens);
      text = g_strdup_printf ("%s %s %s", tokens.cjk3, tokens.latin, tokens.cjk2);
      tr_traveller_set (traveller, t, text);
      /* A second traveller, so that text of several rows is indexed. */
      g_list_store_append (tr_report_get_travellers (report), tr_traveller_new ());
      g_list_store_append (tr_report_get_travellers (report), traveller);
      save (fixture->store, report);
      g_ptr_array_add (reports, g_object_ref (report));
    }
  {
    g_auto(Tokens) tokens = { 0 };
    g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

    make_tokens (index++, &tokens);
    tr_report_set_keywords (report, (const char * const[]) { "其他", tokens.cjk3, tokens.latin, tokens.cjk2, NULL });
    save (fixture->store, report);
    g_ptr_array_add (reports, g_object_ref (report));
  }

  for (int pass = 0; pass < 2; pass++)
    {
      index = 0;
      for (guint f = 0, r = 0; f < TR_N_FIELDS; f++, index++)
        {
          g_auto(Tokens) tokens = { 0 };

          if (tr_field_is_date (f))
            continue;
          make_tokens (index, &tokens);
          check_found_by_tokens (fixture->store, tr_field_get_key (f),
                                 tr_report_get_id (reports->pdata[r++]), &tokens);
        }
      for (guint t = 0, r = TR_N_FIELDS - 3; t < TR_TRAVELLER_N_FIELDS; t++, index++)
        {
          g_auto(Tokens) tokens = { 0 };
          g_autofree char *what = g_strdup_printf ("travellers.%s", tr_traveller_field_get_key (t));

          if (t == TR_TRAVELLER_PHONE)
            continue;
          make_tokens (index, &tokens);
          check_found_by_tokens (fixture->store, what, tr_report_get_id (reports->pdata[r++]), &tokens);
        }
      {
        g_auto(Tokens) tokens = { 0 };

        make_tokens (index, &tokens);
        check_found_by_tokens (fixture->store, "keywords",
                               tr_report_get_id (reports->pdata[reports->len - 1]), &tokens);
      }
      /* Still so after a reopen. */
      reopen (fixture);
    }
}

static void
test_search_syntax (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const queries[] = {
    "\"", "\"\"", "\"\"\"", "*", "**", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "(", ")", "()",
    "-", "^", ":", "+", "{", "}", "'", ";", "--", "a:b", "title:考察", "考察*", "*考察",
    "\"考察", "考察\"", "AND OR NOT", "a AND", "OR b", "NOT 考察", "考察 NOT", "^考察",
    "'; DROP TABLE reports; --", "%", "_", "\\", "\\\"", "[", "]", "\x01", "😀",
    " ", "   ", "\t", "\n", " \t \n ", "", "\u3000",
    NULL
  };
  g_autoptr(TrReport) rd = new_report ("RESEARCH AND DEVELOPMENT", "研發與創新。");
  g_autoptr(TrReport) symbols = new_report ("符號", "他說：\"引號\" 與 C*程式 (括號) a-b x:y ^z NEAR 參訪");
  const char *s = tr_report_get_id (symbols);

  save (fixture->store, rd);
  save (fixture->store, symbols);

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) hits = search (fixture->store, queries[i], 0);
      g_assert_cmpuint (hits->len, <=, 2);
    }

  /* They are text, and found as text. */
  assert_hits (fixture->store, "AND", tr_report_get_id (rd), NULL);
  assert_hits (fixture->store, "and development", tr_report_get_id (rd), NULL);
  assert_hits (fixture->store, "NEAR", s, NULL);
  assert_hits (fixture->store, "\"引號\"", s, NULL);
  assert_hits (fixture->store, "C*", s, NULL);
  assert_hits (fixture->store, "C*程式", s, NULL);
  assert_hits (fixture->store, "(括號)", s, NULL);
  assert_hits (fixture->store, "a-b", s, NULL);
  assert_hits (fixture->store, "x:y", s, NULL);
  assert_hits (fixture->store, "^z", s, NULL);
  assert_hits (fixture->store, "參訪", s, NULL);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);

  {
    g_autoptr(GPtrArray) hits = search (fixture->store, "", 0);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) hits = search (fixture->store, "   ", 0);
    g_assert_cmpuint (hits->len, ==, 0);
  }
}

/* Words whose UTF-8 holds bytes 0x80 or 0xE3, which also occur in the
 * ideographic space (E3 80 80): a byte-wise split would cut them apart. */
static void
test_search_multibyte_words (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TrReport) unified = new_report ("統一發票", "第一次會議在一樓舉行。");
  g_autoptr(TrReport) visit = new_report ("赴日本考察", "區域經濟整合。");
  g_autoptr(TrReport) bopomofo = new_report ("注音符號", "ㄅㄆㄇㄈ教學；日文かな。");
  g_autoptr(TrReport) other = new_report ("其他", "二樓。");

  save (fixture->store, unified);
  save (fixture->store, visit);
  save (fixture->store, bopomofo);
  save (fixture->store, other);

  assert_hits (fixture->store, "一", tr_report_get_id (unified), NULL);
  assert_hits (fixture->store, "統一", tr_report_get_id (unified), NULL);
  assert_hits (fixture->store, "第一次", tr_report_get_id (unified), NULL);
  assert_hits (fixture->store, "一樓", tr_report_get_id (unified), NULL);
  /* 考 is E8 80 83: 考察, the commonest trip category, is such a word. */
  assert_hits (fixture->store, "考察", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "考", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "日本考察", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "區域經濟", tr_report_get_id (visit), NULL);
  assert_hits (fixture->store, "ㄅ", tr_report_get_id (bopomofo), NULL);
  assert_hits (fixture->store, "ㄅㄆㄇ", tr_report_get_id (bopomofo), NULL);
  assert_hits (fixture->store, "かな", tr_report_get_id (bopomofo), NULL);
  assert_hits (fixture->store, "樓", tr_report_get_id (unified), tr_report_get_id (other), NULL);
}

static void
test_search_invalid_utf8 (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  hits = tr_report_store_search (fixture->store, "abc\xff", 0, &error);
  g_assert_null (hits);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
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

/* ---- tables (schema 7) ------------------------------------------------- */

/* The fixture "a file made by schema v6", the last without tables: the
 * objects migrations 1 → 6 in src/core/store/tr-report-store-schema.c add
 * to v1_schema, as they leave the file, copied here on purpose. A released
 * schema never changes, nor may this copy. */
static const char v6_schema_after_v1[] =
  "CREATE VIEW report_search_content AS"
  "  SELECT r.num AS num,"
  "    r.title AS title,"
  "    r.agency || ' ' || r.contact || ' ' || r.phone || ' ' || r.category || ' ' ||"
  "    r.category_other || ' ' || r.destination || ' ' || r.classification || ' ' ||"
  "    ifnull ((SELECT group_concat (k.keyword, ' ') FROM keywords k WHERE k.report_num = r.num), '') || ' ' ||"
  "    ifnull ((SELECT group_concat (t.name || ' ' || t.agency || ' ' || t.unit || ' ' || t.title, ' ')"
  "             FROM travellers t WHERE t.report_num = r.num), '') AS fields,"
  "    r.summary AS summary,"
  "    r.purpose || char (10) || r.process || char (10) ||"
  "    r.observations || char (10) || r.recommendations AS body,"
  "    r.appendix || char (10) ||"
  "    ifnull ((SELECT group_concat (c.caption, char (10))"
  "             FROM (SELECT p.caption FROM photos p WHERE p.report_num = r.num ORDER BY p.position) c), '') ||"
  "    char (10) || r.unclassified AS appendix"
  "  FROM reports r;"
  "CREATE VIRTUAL TABLE report_fts USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_search_content', content_rowid = 'num', tokenize = 'trigram');"
  "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
  "  title, fields, summary, body, appendix,"
  "  content = 'report_search_content', content_rowid = 'num',"
  "  tokenize = 'tr_unigram bigrams');"
  "INSERT INTO report_fts (report_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
  "CREATE TABLE reviews ("
  "  report_num INTEGER PRIMARY KEY REFERENCES reports (num) ON DELETE CASCADE,"
  "  status TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),"
  "  status_changed TEXT NOT NULL DEFAULT '',"
  "  answers TEXT NOT NULL DEFAULT '',"
  "  return_reasons INTEGER NOT NULL DEFAULT 0,"
  "  publication INTEGER NOT NULL DEFAULT 0,"
  "  publication_other TEXT NOT NULL DEFAULT '',"
  "  remarks TEXT NOT NULL DEFAULT '',"
  "  traveller_signature TEXT NOT NULL DEFAULT '',"
  "  unit_head_signature TEXT NOT NULL DEFAULT '',"
  "  head_signature TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX reviews_by_status ON reviews (status);"
  "CREATE TABLE comments ("
  "  id INTEGER PRIMARY KEY,"
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  section TEXT NOT NULL,"
  "  start_offset INTEGER NOT NULL,"
  "  end_offset INTEGER NOT NULL,"
  "  quote TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  author TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  resolved INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX comments_by_report ON comments (report_num, section, start_offset);"
  "CREATE TABLE photos ("
  "  num INTEGER PRIMARY KEY,"
  "  report_num INTEGER NOT NULL REFERENCES reports (num) ON DELETE CASCADE,"
  "  id TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  caption TEXT NOT NULL DEFAULT '',"
  "  mime_type TEXT NOT NULL,"
  "  width INTEGER NOT NULL,"
  "  height INTEGER NOT NULL,"
  "  data BLOB NOT NULL,"
  "  UNIQUE (report_num, id)"
  ");"
  "CREATE TABLE index_pending ("
  "  report_num INTEGER PRIMARY KEY REFERENCES reports (num) ON DELETE CASCADE"
  ");";

static void
raw_step (sqlite3_stmt *stmt)
{
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static sqlite3_stmt *
raw_prepare (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
raw_bind (sqlite3_stmt *stmt,
          int           index,
          const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Writes @report as a v6 library holds one: each field in its column, its
 * travellers, keywords, original file and photos in their tables. */
static void
insert_v6_report (sqlite3  *db,
                  TrReport *report)
{
  g_autoptr(GString) columns = g_string_new ("id, kind, created, modified, warnings, has_attachments, pages");
  g_autoptr(GString) values = g_string_new ("?1, ?2, ?3, ?4, ?5, ?6, ?7");
  g_autofree char *created = g_date_time_format (tr_report_get_created (report), "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autofree char *modified = g_date_time_format (tr_report_get_modified (report), "%Y-%m-%dT%H:%M:%S.%fZ");
  g_autoptr(JsonBuilder) warnings = json_builder_new ();
  g_autoptr(JsonNode) warnings_node = NULL;
  g_autofree char *warnings_json = NULL;
  g_autofree char *sql = NULL;
  const char * const *keywords = tr_report_get_keywords (report);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  sqlite3_stmt *stmt;
  gint64 num;

  json_builder_begin_array (warnings);
  for (guint i = 0; tr_report_get_warnings (report)[i] != NULL; i++)
    json_builder_add_string_value (warnings, tr_report_get_warnings (report)[i]);
  json_builder_end_array (warnings);
  warnings_node = json_builder_get_root (warnings);
  warnings_json = json_to_string (warnings_node, FALSE);

  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_string_append_printf (columns, ", %s", tr_field_get_key (f));
      g_string_append_printf (values, ", ?%u", f + 8);
    }
  sql = g_strdup_printf ("INSERT INTO reports (%s) VALUES (%s)", columns->str, values->str);
  stmt = raw_prepare (db, sql);
  raw_bind (stmt, 1, tr_report_get_id (report));
  raw_bind (stmt, 2, tr_report_kind_to_string (tr_report_get_kind (report)));
  raw_bind (stmt, 3, created);
  raw_bind (stmt, 4, modified);
  raw_bind (stmt, 5, warnings_json);
  sqlite3_bind_int (stmt, 6, tr_report_get_has_attachments (report));
  sqlite3_bind_int (stmt, 7, tr_report_get_pages (report));
  for (guint f = 0; f < TR_N_FIELDS; f++)
    raw_bind (stmt, f + 8, tr_report_get_text (report, f));
  raw_step (stmt);
  num = sqlite3_last_insert_rowid (db);

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      stmt = raw_prepare (db, "INSERT INTO travellers (report_num, position, name, agency, unit, title, phone)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, i);
      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        raw_bind (stmt, f + 3, tr_traveller_get (traveller, f));
      raw_step (stmt);
    }
  for (guint i = 0; keywords[i] != NULL; i++)
    {
      stmt = raw_prepare (db, "INSERT INTO keywords (report_num, position, keyword) VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, num);
      sqlite3_bind_int (stmt, 2, i);
      raw_bind (stmt, 3, keywords[i]);
      raw_step (stmt);
    }
  if (tr_report_get_source_sha256 (report) != NULL)
    {
      stmt = raw_prepare (db, "INSERT INTO sources (report_num, filename, sha256, data) VALUES (?1, ?2, ?3, x'25504446')");
      sqlite3_bind_int64 (stmt, 1, num);
      raw_bind (stmt, 2, tr_report_get_source_filename (report));
      raw_bind (stmt, 3, tr_report_get_source_sha256 (report));
      raw_step (stmt);
    }
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      GBytes *data = tr_photo_get_data (photo);

      stmt = raw_prepare (db, "INSERT INTO photos (report_num, id, position, caption, mime_type, width, height, data)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      sqlite3_bind_int64 (stmt, 1, num);
      raw_bind (stmt, 2, tr_photo_get_id (photo));
      sqlite3_bind_int (stmt, 3, i);
      raw_bind (stmt, 4, tr_photo_get_caption (photo));
      raw_bind (stmt, 5, tr_photo_get_mime_type (photo));
      sqlite3_bind_int (stmt, 6, tr_photo_get_width (photo));
      sqlite3_bind_int (stmt, 7, tr_photo_get_height (photo));
      sqlite3_bind_blob (stmt, 8, g_bytes_get_data (data, NULL), g_bytes_get_size (data), SQLITE_TRANSIENT);
      raw_step (stmt);
    }
}

/* A schedule as 過程 often has one, @cell in its last cell. */
static TrTable *
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

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = raw_prepare (db, sql);
  char *text;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* A library of the schema before tables, every part of a report in it, is
 * brought to this one; every report reads as it was, is found as before,
 * and then takes tables. */
static void
test_migrate_v6 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrReport) full = build_full_report ();
  g_autoptr(TrReport) bare = tr_report_new_full ("22222222-3333-4444-8555-666666666666", TR_REPORT_KIND_DRAFT,
                                                 tr_report_get_created (full), tr_report_get_created (full));
  g_autoptr(TrReport) json_like = new_report ("看似 JSON 的文字", "[{\"type\": \"table\", \"rows\": [[\"x\"]]}]");
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n fake", 13);
  g_autoptr(TrPhoto) photo = tr_photo_new_full ("photo-1", png, "image/png", 40, 30, "塔林市政廳");
  g_autoptr(TrPhoto) other_photo = tr_photo_new_full ("photo-2", png, "image/png", 40, 30, "");
  g_autoptr(TrTable) schedule = new_schedule ("拜會資訊系統局\n參觀X-Road機房");
  g_autoptr(TrTable) people = tr_table_new (1, 2);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  TrReport *originals[3];
  TrBody *process;
  sqlite3 *db;

  tr_report_set_text (bare, TR_FIELD_TITLE, "僅有標題的草稿");
  /* A section that already holds U+FFFC or tabs is text, nothing else. */
  tr_report_set_section (full, TR_SECTION_OBSERVATIONS, "心得\t第一欄\t第二欄\n物件 \xef\xbf\xbc 取代字元");
  g_list_store_append (tr_report_get_photos (full), photo);
  g_list_store_append (tr_report_get_photos (full), other_photo);
  originals[0] = full;
  originals[1] = json_like;
  originals[2] = bare;

  /* The file as v6 left it: two reports indexed, one still waiting for
   * its index entries, a review and a comment. */
  db = raw_open (fixture->path);
  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  raw_exec (db, "BEGIN");
  raw_exec (db, v1_schema);
  raw_exec (db, v6_schema_after_v1);
  insert_v6_report (db, full);
  insert_v6_report (db, json_like);
  raw_exec (db, "INSERT INTO report_fts (report_fts) VALUES ('rebuild');"
                "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild')");
  insert_v6_report (db, bare);
  raw_exec (db, "INSERT INTO index_pending (report_num) SELECT num FROM reports WHERE title = '僅有標題的草稿'");
  raw_exec (db, "INSERT INTO reviews (report_num, status, status_changed)"
                " SELECT num, 'returned', '2016-10-03T08:00:00.000000Z' FROM reports WHERE title LIKE 'title：%'");
  raw_exec (db, "INSERT INTO comments (report_num, section, start_offset, end_offset, quote, body, created)"
                " SELECT num, 'process', 0, 7, 'process', '請補充行程表', '2016-10-03T08:00:00.000000Z'"
                " FROM reports WHERE title LIKE 'title：%'");
  raw_exec (db, "PRAGMA user_version = 6");
  raw_exec (db, "COMMIT");
  sqlite3_close (db);
  g_assert_cmpint (raw_user_version (fixture->path), ==, 6);

  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (TR_REPORT_STORE_SCHEMA_VERSION, >=, 7);

  /* Every report unchanged, to its times; none has a table. */
  for (guint i = 0; i < G_N_ELEMENTS (originals); i++)
    {
      g_autoptr(TrReport) loaded = load (fixture->store, tr_report_get_id (originals[i]));

      g_assert_true (tr_report_content_equal (originals[i], loaded));
      g_assert_true (g_date_time_equal (tr_report_get_created (loaded), tr_report_get_created (originals[i])));
      g_assert_true (g_date_time_equal (tr_report_get_modified (loaded), tr_report_get_modified (originals[i])));
      for (guint f = 0; f < TR_N_FIELDS; f++)
        if (tr_field_holds_tables (f))
          g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (loaded, f)), ==, 0);
    }
  {
    g_autoptr(TrReview) review = tr_report_store_load_review (fixture->store, tr_report_get_id (full), &error);

    g_assert_no_error (error);
    g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_RETURNED);
  }
  comments = tr_report_store_list_comments (fixture->store, tr_report_get_id (full), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (tr_comment_get_body (comments->pdata[0]), ==, "請補充行程表");

  /* Found as before, the waiting one too, and the index is exact. */
  assert_hits (fixture->store, "塔林市政廳", tr_report_get_id (full), NULL);
  assert_hits (fixture->store, "取代字元", tr_report_get_id (full), NULL);
  assert_hits (fixture->store, "看似", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "僅有標題", tr_report_get_id (bare), NULL);
  assert_index_matches_reports (fixture->path);

  /* Tables now: in 過程 between its text, and in the appendix. */
  tr_report_set_section (json_like, TR_SECTION_PROCESS, "行程如下：\n下表之後的文字。");
  process = tr_report_get_body (json_like, TR_FIELD_PROCESS);
  tr_body_insert_table (process, 0, 6, schedule);
  tr_table_set_cell (people, 0, 0, "王小明");
  tr_table_set_cell (people, 0, 1, "國家發展委員會資訊管理處");
  tr_body_append_table (tr_report_get_body (json_like, TR_FIELD_APPENDIX), people);
  save (fixture->store, json_like);
  assert_stored (fixture->store, json_like);
  {
    g_autofree char *bodies = raw_text (fixture->path, "SELECT bodies FROM reports WHERE title = '看似 JSON 的文字'");
    g_autofree char *process_column = raw_text (fixture->path, "SELECT process FROM reports WHERE title = '看似 JSON 的文字'");
    g_autofree char *untouched = raw_text (fixture->path, "SELECT count(*) FROM reports WHERE bodies = ''");

    g_assert_nonnull (strstr (bodies, "X-Road機房"));
    /* The column the index reads is the plain text, cells included. */
    g_assert_cmpstr (process_column, ==, tr_report_get_section (json_like, TR_SECTION_PROCESS));
    g_assert_cmpstr (untouched, ==, "2");
  }

  /* Cell text and captions are searched, in one, two and more characters,
   * and the snippet shows the cell. */
  assert_hits (fixture->store, "機房", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "資訊系統局", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "參訪行程", tr_report_get_id (json_like), NULL);
  assert_hits (fixture->store, "管理處", tr_report_get_id (json_like), NULL);
  hits = search (fixture->store, "X-Road機房", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  {
    g_autofree char *snippet = format_snippet (hits, 0);

    g_assert_nonnull (strstr (snippet, "參觀[X-Road機房]"));
  }

  /* A cell changed: the index follows. */
  tr_table_set_cell (tr_body_get_table (tr_report_get_body (json_like, TR_FIELD_PROCESS), 0), 2, 2, "拜會經濟部");
  save (fixture->store, json_like);
  assert_hits (fixture->store, "機房", NULL);
  assert_hits (fixture->store, "經濟部", tr_report_get_id (json_like), NULL);
  assert_index_matches_reports (fixture->path);

  /* On disk. */
  reopen (fixture);
  assert_stored (fixture->store, json_like);
  assert_stored (fixture->store, full);
  {
    g_autoptr(TrReport) loaded = load (fixture->store, tr_report_get_id (json_like));
    TrTable *table = tr_body_get_table (tr_report_get_body (loaded, TR_FIELD_PROCESS), 0);

    g_assert_cmpstr (tr_body_get_text_run (tr_report_get_body (loaded, TR_FIELD_PROCESS), 0), ==, "行程如下：\n");
    g_assert_cmpstr (tr_table_get_caption (table), ==, "參訪行程");
    g_assert_true (tr_table_get_has_header (table));
    g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (loaded, TR_FIELD_APPENDIX)), ==, 1);
  }
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
      sqlite3 *db = raw_open (fixture->path);
      sqlite3_stmt *stmt = raw_prepare (db, "UPDATE reports SET bodies = ?1");

      raw_bind (stmt, 1, damage[i].bodies);
      raw_step (stmt);
      sqlite3_close (db);

      loaded = load (fixture->store, tr_report_get_id (report));
      g_assert_nonnull (tr_report_get_warnings (loaded)[0]);
      g_assert_true (g_str_has_prefix (tr_report_get_warnings (loaded)[0], damage[i].warning));
      g_assert_null (tr_report_get_warnings (loaded)[1]);
      g_assert_cmpstr (tr_report_get_section (loaded, TR_SECTION_PROCESS), ==, plain);
      g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (loaded, TR_FIELD_PROCESS)), ==, 0);
      g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_APPENDIX), ==, "王小明");
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Messages with Chinese text must reach the log as UTF-8, not "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_NO_STORE(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up_dir, func, fixture_tear_down)

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

  g_test_add_func ("/store/open/default-path", test_default_path);
  ADD_NO_STORE ("/store/open/creates-folders", test_open_creates_folders);
  ADD_NO_STORE ("/store/open/folder-is-file", test_open_folder_is_file);
  ADD_NO_STORE ("/store/open/empty-file", test_open_empty_file);
  ADD_NO_STORE ("/store/open/migrate-v1", test_migrate_v1);
  ADD_NO_STORE ("/store/open/migrate-v6", test_migrate_v6);
  ADD_NO_STORE ("/store/open/newer-schema", test_newer_schema);
  ADD_NO_STORE ("/store/open/not-database/random", test_not_database_random);
  ADD_NO_STORE ("/store/open/not-database/text", test_not_database_text);
  ADD_NO_STORE ("/store/open/not-database/other-program", test_not_database_other_program);
  ADD ("/store/open/corrupt", test_corrupt);
  g_test_add_func ("/store/open/read-only-file", test_read_only_file);
  g_test_add_func ("/store/open/read-only-folder", test_read_only_folder);

  ADD ("/store/save/locked", test_locked);
  ADD ("/store/save/atomic", test_save_is_atomic);
  ADD ("/store/save/reentrant", test_save_reentrant);

  ADD ("/store/search/short", test_search_short);
  ADD ("/store/search/long", test_search_long);
  ADD ("/store/search/mixed", test_search_mixed);
  ADD ("/store/search/case", test_search_case);
  ADD ("/store/search/all-words", test_search_all_words);
  ADD ("/store/search/no-hit", test_search_no_hit);
  ADD ("/store/search/many", test_search_many);
  ADD ("/store/search/common-words", test_search_common_words);
  ADD ("/store/search/index-after-save", test_search_index_after_save);
  ADD ("/store/search/ranking", test_search_ranking);
  ADD ("/store/search/ranking-long", test_search_ranking_long);
  ADD ("/store/search/ranking-title", test_search_ranking_title);
  ADD ("/store/search/snippet", test_search_snippet);
  ADD ("/store/search/after-delete", test_search_after_delete);
  ADD ("/store/search/after-update", test_search_after_update);
  ADD ("/store/search/every-field", test_search_every_field);
  ADD ("/store/search/syntax", test_search_syntax);
  ADD ("/store/search/multibyte-words", test_search_multibyte_words);
  ADD ("/store/search/invalid-utf8", test_search_invalid_utf8);

  return g_test_run ();
}
