/* test-store-scale.c: what a library of a whole archive needs from the
 * store, on real files: the list read from an index that holds what it
 * shows, and a library of schema 7 brought to it with every report and
 * every search result as it was.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-unigram-tokenizer.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-store-scale-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
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

/* The rows of @sql, each row's columns joined by " | ", rows by "\n". */
static char *
raw_rows (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  GString *rows = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (rows, "%s%s", i > 0 ? " | " : "",
                                (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (rows, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (rows, FALSE);
}

/* A list or a search result as text, everything the window shows of it. */
static char *
describe_infos (GPtrArray *infos)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < infos->len; i++)
    {
      TrReportInfo *info = infos->pdata[i];
      g_autofree char *modified = g_date_time_format_iso8601 (tr_report_info_get_modified (info));

      g_string_append_printf (out, "%s | %s | %d | %s | %s | %s | %s | %d | %s\n",
                              tr_report_info_get_id (info),
                              tr_report_info_get_title (info),
                              tr_report_info_get_kind (info),
                              tr_report_info_get_period_start (info),
                              tr_report_info_get_period_end (info),
                              tr_report_info_get_destination (info),
                              modified,
                              tr_report_info_get_status (info),
                              tr_report_info_get_snippet (info) != NULL ? tr_report_info_get_snippet (info) : "-");
    }
  return g_string_free (out, FALSE);
}

static const char * const queries[] = {
  "泰", "國", "泰國", "交通", "交通部", "智慧城市", "交通 泰國", "泰國 交通部", "cloud", "x-road",
  "Estonia\u00a0展示", "a\u00a0展", "沒有這個詞", "國交", "曼谷捷運",
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Each query finds exactly the reports whose text holds all its words,
 * as grep would (case aside), read from the text itself. */
static void
assert_search_exact (TrReportStore *store,
                     const char    *path)
{
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = tr_report_store_search (store, queries[q], 0, &error);
      g_auto(GStrv) words = g_strsplit (queries[q], " ", -1);
      g_autoptr(GString) sql = g_string_new ("SELECT r.id FROM report_search_content c JOIN reports r ON r.num = c.num WHERE 1");
      g_autoptr(GPtrArray) found = g_ptr_array_new ();
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      g_assert_no_error (error);
      for (guint w = 0; words[w] != NULL; w++)
        {
          char *quoted = sqlite3_mprintf ("%Q", words[w]);

          g_string_append_printf (sql, " AND instr (lower (c.title || char (10) || c.fields || char (10) || c.summary"
                                       " || char (10) || c.body || char (10) || c.appendix), lower (%s)) > 0", quoted);
          sqlite3_free (quoted);
        }
      g_string_append (sql, " ORDER BY r.id");
      expected = raw_rows (path, sql->str);
      for (guint i = 0; i < hits->len; i++)
        g_ptr_array_add (found, (gpointer) tr_report_info_get_id (hits->pdata[i]));
      g_ptr_array_sort (found, compare_strings);
      g_ptr_array_add (found, NULL);
      actual = g_strjoinv ("\n", (char **) found->pdata);
      if (found->len > 1)
        {
          char *with_end = g_strconcat (actual, "\n", NULL);

          g_free (actual);
          actual = with_end;
        }
      g_test_message ("%s: %u hits", queries[q], hits->len);
      g_assert_cmpstr (actual, ==, expected);
    }
}

/* Every list, every search, every report, as the store gives them now. */
static char *
describe_library (TrReportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = tr_report_store_list (store, &error);
  GString *out = g_string_new (NULL);
  g_autofree char *listed = NULL;

  g_assert_no_error (error);
  listed = describe_infos (all);
  g_string_append_printf (out, "list\n%s", listed);
  for (TrReviewStatus s = 0; s < TR_N_REVIEW_STATUSES; s++)
    {
      g_autoptr(GPtrArray) infos = tr_report_store_list_by_status (store, s, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = describe_infos (infos);
      g_string_append_printf (out, "status %d\n%s", s, text);
    }
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint limit = 0; limit <= 2; limit += 2)
      {
        g_autoptr(GPtrArray) hits = tr_report_store_search (store, queries[q], limit, &error);
        g_autofree char *text = NULL;

        g_assert_no_error (error);
        text = describe_infos (hits);
        g_string_append_printf (out, "search %s limit %u\n%s", queries[q], limit, text);
      }
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(TrReport) report = tr_report_store_load (store, tr_report_info_get_id (all->pdata[i]), &error);
      g_autoptr(GBytes) json = NULL;

      g_assert_no_error (error);
      g_string_append_printf (out, "report %s: %s\n", tr_report_get_id (report),
                              tr_report_get_section (report, TR_SECTION_PROCESS));
    }
  return g_string_free (out, FALSE);
}

static void
save_report (TrReportStore *store,
             const char    *title,
             const char    *destination,
             const char    *process,
             gboolean       index_now)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GError) error = NULL;

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_text (report, TR_FIELD_DESTINATION, destination);
  tr_report_set_text (report, TR_FIELD_PERIOD_START, "2016-07-09");
  tr_report_set_text (report, TR_FIELD_PERIOD_END, "2016-07-15");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "瞭解各國智慧城市與交通政策。");
  tr_report_set_section (report, TR_SECTION_PROCESS, process);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  if (index_now)
    {
      g_assert_true (tr_report_store_update_index (store, &error));
      g_assert_no_error (error);
    }
}

/* How SQLite reads the list: from the index alone, never the rows. */
static char *
list_query_plan (const char *path,
                 const char *order)
{
  g_autofree char *sql = g_strdup_printf ("EXPLAIN QUERY PLAN SELECT r.id, r.kind, r.title, r.period_start,"
                                          " r.period_end, r.destination, r.modified FROM reports r ORDER BY %s",
                                          order);

  return raw_rows (path, sql);
}

/* A library as schema 7 left it — reports indexed, one waiting for its
 * index entries, reviews, two reports changed at the same instant — is
 * brought to this schema: lists, searches and reports all as they were,
 * and the list now read from its index. */
static void
test_migrate_v7 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *objects = NULL;
  sqlite3 *db;

  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  save_report (store, "赴泰國考察智慧交通報告", "泰國", "拜會泰國交通部，參觀曼谷捷運。", TRUE);
  save_report (store, "赴愛沙尼亞考察數位政府", "愛沙尼亞", "參訪 X-Road 與 e-Estonia\u00a0展示中心。", TRUE);
  save_report (store, "出席APEC會議", "秘魯", "會議討論 cloud 與智慧城市。", TRUE);
  save_report (store, "赴日本考察災害防救", "日本", "參觀東京防災中心，交通管制。", TRUE);
  save_report (store, "後來存的草稿", "泰國", "泰國交通", TRUE);
  {
    g_autoptr(GPtrArray) infos = tr_report_store_list (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (infos->len, ==, 5);
    g_assert_true (tr_report_store_set_status (store, tr_report_info_get_id (infos->pdata[1]),
                                               TR_REVIEW_STATUS_SUBMITTED, &error));
    g_assert_no_error (error);
    g_assert_true (tr_report_store_set_status (store, tr_report_info_get_id (infos->pdata[3]),
                                               TR_REVIEW_STATUS_SUBMITTED, &error));
    g_assert_no_error (error);
    g_assert_true (tr_report_store_set_status (store, tr_report_info_get_id (infos->pdata[3]),
                                               TR_REVIEW_STATUS_APPROVED, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  /* Two reports changed at the same instant: the list orders them by
   * their row, newest first. */
  db = raw_open (fixture->path);
  raw_exec (db, "UPDATE reports SET modified = (SELECT modified FROM reports WHERE title = '出席APEC會議')"
                " WHERE title = '赴愛沙尼亞考察數位政府'");
  sqlite3_close (db);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  before = describe_library (store);
  assert_search_exact (store, fixture->path);
  g_clear_object (&store);

  /* Undo what migrations 7 → 8, 8 → 9 and 9 → 10 did, which leaves the
   * file as schema 7 wrote it; and the newest report as saved just before
   * a crash, with nothing in the indexes yet. */
  db = raw_open (fixture->path);
  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  raw_exec (db, "BEGIN;"
                "DROP TABLE report_fts_short;"
                "DROP VIEW report_index_content;"
                "DROP TABLE report_chunks;"
                "CREATE VIRTUAL TABLE report_fts_short USING fts5 ("
                "  title, fields, summary, body, appendix,"
                "  content = 'report_search_content', content_rowid = 'num',"
                "  tokenize = '" TR_UNIGRAM_TOKENIZER_NAME " bigrams');"
                "INSERT INTO report_fts_short (report_fts_short, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
                "INSERT INTO report_fts_short (report_fts_short) VALUES ('rebuild');"
                "DROP INDEX sources_by_text_sha256;"
                "ALTER TABLE sources DROP COLUMN text_sha256;"
                "CREATE VIRTUAL TABLE report_fts USING fts5 ("
                "  title, fields, summary, body, appendix,"
                "  content = 'report_search_content', content_rowid = 'num', tokenize = 'trigram');"
                "INSERT INTO report_fts (report_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0, 4.0, 1.0, 1.0)');"
                "INSERT INTO report_fts (report_fts) VALUES ('rebuild');"
                "INSERT INTO report_fts (report_fts, rowid, title, fields, summary, body, appendix)"
                " SELECT 'delete', num, title, fields, summary, body, appendix"
                " FROM report_search_content WHERE title = '後來存的草稿';"
                "INSERT INTO report_fts_short (report_fts_short, rowid, title, fields, summary, body, appendix)"
                " SELECT 'delete', num, title, fields, summary, body, appendix"
                " FROM report_search_content WHERE title = '後來存的草稿';"
                "INSERT INTO index_pending (report_num) SELECT num FROM reports WHERE title = '後來存的草稿';"
                "DROP INDEX reports_listed;"
                "CREATE INDEX reports_by_modified ON reports (modified);"
                /* and 11 → 12: photos all hold their bytes. */
                "ALTER TABLE photos DROP COLUMN source_length;"
                "ALTER TABLE photos DROP COLUMN source_offset;"
                "ALTER TABLE sources DROP COLUMN contents;"
                "PRAGMA user_version = 7;"
                "COMMIT");
  sqlite3_close (db);
  plan = list_query_plan (fixture->path, "r.modified DESC, r.num DESC");
  g_assert_null (strstr (plan, "COVERING INDEX"));
  g_clear_pointer (&plan, g_free);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (TR_REPORT_STORE_SCHEMA_VERSION, >=, 8);
  after = describe_library (store);
  assert_search_exact (store, fixture->path);
  g_clear_object (&store);
  g_assert_cmpstr (after, ==, before);

  /* The list read from the index is the one read from the rows. */
  {
    g_autofree char *from_rows = raw_rows (fixture->path,
                                           "SELECT r.id, r.title, r.period_start, r.period_end, r.destination, r.kind"
                                           " FROM reports r NOT INDEXED ORDER BY r.modified DESC, r.num DESC");
    g_autofree char *listed = raw_rows (fixture->path,
                                        "SELECT r.id, r.title, r.period_start, r.period_end, r.destination, r.kind"
                                        " FROM reports r ORDER BY r.modified DESC, r.num DESC");

    g_assert_cmpstr (listed, ==, from_rows);
  }
  objects = raw_rows (fixture->path, "SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'reports_%' ORDER BY name");
  g_assert_cmpstr (objects, ==, "reports_listed\n");
  g_clear_pointer (&objects, g_free);
  /* One search index, not two over the same text. */
  objects = raw_rows (fixture->path, "SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name");
  g_assert_cmpstr (objects, ==, "report_fts_short\n");
  plan = list_query_plan (fixture->path, "r.modified DESC, r.num DESC");
  g_assert_nonnull (strstr (plan, "COVERING INDEX reports_listed"));
  g_assert_null (strstr (plan, "TEMP B-TREE"));
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* @n_chars characters of Chinese text, different for each @seed. */
static char *
make_text (guint32 seed,
           guint   n_chars)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    g_string_append_unichar (text, i % 40 == 39 ? '\n' : (gunichar) g_rand_int_range (rand, 0x4E00, 0x4E00 + 3000));
  return g_string_free (text, FALSE);
}

/* A library whose reports are deleted gets smaller on the disk; those
 * left are all there and found. */
static void
test_delete_gives_space_back (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_text = NULL;
  goffset full_size, emptied_size;
  const guint n_reports = 30, n_kept = 3;

  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_reports; i++)
    {
      g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
      g_autofree char *title = g_strdup_printf ("報告 %u", i);
      g_autofree char *text = make_text (i, 20000);

      tr_report_set_text (report, TR_FIELD_TITLE, title);
      tr_report_set_section (report, TR_SECTION_PROCESS, text);
      g_assert_true (tr_report_store_save (store, report, &error));
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (tr_report_get_id (report)));
    }
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  full_size = file_size (fixture->path);

  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = n_kept; i < n_reports; i++)
    {
      g_assert_true (tr_report_store_delete (store, ids->pdata[i], &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);
  emptied_size = file_size (fixture->path);
  g_test_message ("%u reports: %" G_GOFFSET_FORMAT " bytes; %u of them: %" G_GOFFSET_FORMAT " bytes",
                  n_reports, full_size, n_kept, emptied_size);
  g_assert_cmpint (emptied_size, <, full_size / 3);

  /* Nothing of the others lost: each reads back and is found. */
  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (store, &error), ==, n_kept);
  kept_text = make_text (1, 20000);
  for (guint i = 0; i < n_kept; i++)
    {
      g_autoptr(TrReport) report = tr_report_store_load (store, ids->pdata[i], &error);
      g_autofree char *text = make_text (i, 20000);
      g_autofree char *query = g_utf8_substring (text, 1000, 1006);
      g_autoptr(GPtrArray) hits = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PROCESS), ==, text);
      hits = tr_report_store_search (store, query, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, ids->pdata[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-scale/migrate-v7", Fixture, NULL, fixture_set_up, test_migrate_v7, fixture_tear_down);
  g_test_add ("/store-scale/delete-gives-space-back", Fixture, NULL, fixture_set_up,
              test_delete_gives_space_back, fixture_tear_down);
  return g_test_run ();
}
