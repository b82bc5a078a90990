/* test-cli-search.c: `trip-reports search` prints what the store finds
 *
 * The command searches through a module of its own, which links the
 * store's search and not the store (src/cli/tr-cli-search.c), and hands
 * what it cannot do alone to the library's module. Its output must be the
 * store's search, formatted as the library's module formats it, for every
 * kind of query and limit, on a library with reports indexed whole and in
 * chunks; and a library it must not search alone (reports still to
 * index, another schema, a damaged file) gets what the store gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tr-bench-text.h"
#include "tr-report-info.h"
#include "tr-report-store.h"
#include "tr-test-util.h"

#define N_REPORTS 260

/* Each test's folder and library path. */
typedef TrTestLibraryDir Fixture;

static TrTestRun
run_search (Fixture    *fixture,
            const char *limit,
            const char *query)
{
  TrTestRunOptions options = { .dir = fixture->dir };

  if (limit == NULL)
    return tr_test_run_binary_full (&options, (const char * const []) {
                                      "search", "--db", fixture->db_path, "--", query, NULL });
  return tr_test_run_binary_full (&options, (const char * const []) {
                                    "search", "--db", fixture->db_path, "--limit", limit, "--", query, NULL });
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* What `search` prints for @hits (tr-cli-library.c): a line with the ID
 * and the title, then the snippet, indented, matches between [ and ]; no
 * tab or line break within a title or a snippet. */
static char *
format_hits (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      TrReportInfo *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = g_strdup (tr_report_info_get_title (hit));
      g_autofree char *snippet = tr_report_info_format_snippet (hit, "[", "]");

      g_strdelimit (title, "\t\r\n", ' ');
      if (snippet != NULL)
        g_strdelimit (snippet, "\t\r\n", ' ');
      g_string_append_printf (out, "%s\t%s\n  %s\n", tr_report_info_get_id (hit),
                              title[0] != '\0' ? title : "(untitled)",
                              snippet != NULL ? snippet : "");
    }
  return g_string_free (out, FALSE);
}

/* A library of reports from the benchmarks' generator: most a few pages,
 * indexed whole, one long enough to be indexed in chunks, one untitled
 * and one whose title has a tab. */
static GPtrArray *
fill_library (TrReportStore *store)
{
  g_autoptr(TrBenchText) text = tr_bench_text_new (12);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  for (guint i = 0; i < N_REPORTS; i++)
    g_ptr_array_add (reports, tr_bench_text_make_report (text, 600 + (i % 7) * 300));
  tr_report_set_text (g_ptr_array_index (reports, 3), TR_FIELD_TITLE, "");
  tr_report_set_text (g_ptr_array_index (reports, 5), TR_FIELD_TITLE, "標題\t有定位字元");
  {
    TrBenchTextParams params = {
      .shape = TR_BENCH_TEXT_PAGES, .n_pages = 40, .lines_per_page = 20, .chars_per_line = 60,
    };
    g_autofree char *long_text = tr_bench_text_make_text (text, &params);

    tr_report_set_section (g_ptr_array_index (reports, 7), TR_SECTION_PROCESS, long_text);
  }

  g_assert_true (tr_report_store_save_batch (store, reports, &failed, &error));
  g_assert_no_error (error);
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);

  {
    const char * const *vocabulary = tr_bench_text_get_vocabulary (text);
    GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; vocabulary[i] != NULL; i++)
      g_ptr_array_add (words, g_strdup (vocabulary[i]));
    return words;
  }
}

/* Queries of every kind: words of one, two and more characters, alone and
 * together, common and rare, and words no report holds. */
static GPtrArray *
make_queries (GPtrArray *vocabulary)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  const char *extra[] = { "不存在的詞", "zzzz", "\"", "報告 \"", "a", "第3頁", "。" };

  for (guint i = 0; i < vocabulary->len; i += 1 + vocabulary->len / 40)
    {
      const char *word = g_ptr_array_index (vocabulary, i);
      const char *other = g_ptr_array_index (vocabulary, (i * 7 + 3) % vocabulary->len);

      g_ptr_array_add (queries, g_strdup (word));
      g_ptr_array_add (queries, g_strconcat (word, " ", other, NULL));
      if (g_utf8_strlen (word, -1) >= 2)
        {
          g_autofree char *first = g_utf8_substring (word, 0, 1);

          g_ptr_array_add (queries, g_strconcat (first, "　", other, NULL));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_ptr_array_add (queries, g_strdup (extra[i]));
  return queries;
}

static void
test_same_as_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  g_autoptr(GPtrArray) vocabulary = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  static const char * const limits[] = { NULL, "1", "7", "201", "100000" };
  guint n_hits = 0;

  g_assert_no_error (error);
  vocabulary = fill_library (store);
  queries = make_queries (vocabulary);
  g_assert_cmpuint (queries->len, >, 60);

  for (guint q = 0; q < queries->len; q++)
    for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
      {
        const char *query = g_ptr_array_index (queries, q);
        guint limit = limits[l] != NULL ? (guint) g_ascii_strtoull (limits[l], NULL, 10) : 20;
        g_autoptr(GPtrArray) hits = NULL;
        g_autofree char *expected = NULL;
        g_auto(TrTestRun) result = { 0 };

        /* Every limit of one query but the default is one run too many on
         * a slow machine: a few of them are enough. */
        if (limits[l] != NULL && q % 5 != 0)
          continue;

        hits = tr_report_store_search (store, query, limit, &error);
        g_assert_no_error (error);
        expected = format_hits (hits);
        n_hits += hits->len;

        result = run_search (fixture, limits[l], query);
        if (result.status != 0)
          g_test_message ("search %s: %s", query, result.err);
        g_assert_cmpint (result.status, ==, 0);
        g_assert_cmpstr (result.err, ==, "");
        g_assert_cmpstr (result.out, ==, expected);
        g_assert_cmpuint (count_lines (result.out), ==, 2 * hits->len);
      }
  /* The queries found something, more than a screenful for some. */
  g_assert_cmpuint (n_hits, >, 1000);
}

/* A report saved while its index entries could not be made: the store
 * indexes it before it searches, and so does the command. */
static void
test_index_pending (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_auto(TrTestRun) result = { 0 };
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  tr_report_set_text (report, TR_FIELD_TITLE, "塔林數位治理考察");
  tr_report_set_section (report, TR_SECTION_PROCESS, "參訪愛沙尼亞數位身分證系統。");
  /* Saved, its index entries left for the next search or open. */
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  result = run_search (fixture, NULL, "數位身分");
  g_assert_cmpint (result.status, ==, 0);
  expected = g_strdup_printf ("%s\t塔林數位治理考察\n  參訪愛沙尼亞[數位身分]證系統。\n",
                              tr_report_get_id (report));
  g_assert_cmpstr (result.out, ==, expected);
}

/* Set @pragma on the library. */
static void
exec_on_library (Fixture    *fixture,
                 const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* What the store says of a library it will not open, the command says. */
static void
assert_fails_as_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  g_autofree char *expected = NULL;
  g_auto(TrTestRun) result = { 0 };

  g_assert_null (store);
  g_assert_nonnull (error);
  expected = g_strdup_printf ("trip-reports: %s\n", error->message);

  result = run_search (fixture, NULL, "數位");
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, expected);
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", TR_REPORT_STORE_SCHEMA_VERSION + 1);

  g_assert_no_error (error);
  g_clear_object (&store);
  exec_on_library (fixture, pragma);
  assert_fails_as_store (fixture);
}

static void
test_not_a_library (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (fixture->db_path, "not a library, not at all, no", -1, &error));
  assert_fails_as_store (fixture);
}

/* A library that does not exist yet is made, and holds nothing. */
static void
test_new_library (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(TrTestRun) result = run_search (fixture, NULL, "數位");

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_file_test (fixture->db_path, G_FILE_TEST_IS_REGULAR));
}

/* The command's arguments are read as every command reads them
 * (GOptionContext, as cli_parse () does): each spelling of one request
 * gives the store's hits, and what it cannot run alone gets the library's
 * module's answer — a usage error, the help, JSON. */
static void
test_arguments (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  g_autofree char *db_option = g_strconcat ("--db=", fixture->db_path, NULL);
  const TrTestRunOptions options = { .dir = fixture->dir };
  const char *db = fixture->db_path;
  const char * const titles[] = { "東京都市更新考察", "大阪都市防災研習", "-7 度的札幌冬季交通" };
  const char * const *same_requests[] = {
    (const char * const []) { "search", "--db", db, "--limit", "2", "都市", NULL },
    (const char * const []) { "search", db_option, "--limit=2", "都市", NULL },
    (const char * const []) { "search", "都市", "--limit", "2", "--db", db, NULL },
    (const char * const []) { "search", "--limit", "5", "--db", db, "--limit", "2", "--", "都市", NULL },
  };
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

      tr_report_set_text (report, TR_FIELD_TITLE, titles[i]);
      g_assert_true (tr_report_store_save (store, report, &error));
      g_assert_no_error (error);
    }
  g_assert_true (tr_report_store_update_index (store, &error));
  g_assert_no_error (error);

  hits = tr_report_store_search (store, "都市", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  expected = format_hits (hits);
  for (guint i = 0; i < G_N_ELEMENTS (same_requests); i++)
    {
      g_auto(TrTestRun) result = tr_test_run_binary_full (&options, same_requests[i]);

      g_assert_cmpstr (result.err, ==, "");
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.out, ==, expected);
    }

  /* Words in several arguments are one query; one that begins with a
   * dash follows "--". */
  {
    g_autoptr(GPtrArray) two_words = tr_report_store_search (store, "札幌 交通", 20, &error);
    g_autoptr(GPtrArray) dash = tr_report_store_search (store, "-7", 20, &error);
    g_autofree char *expected_two = format_hits (two_words);
    g_autofree char *expected_dash = format_hits (dash);
    g_auto(TrTestRun) split = tr_test_run_binary_full (&options, (const char * const []) {
                                                         "search", "--db", db, "札幌", "交通", NULL });
    g_auto(TrTestRun) after_dashes = tr_test_run_binary_full (&options, (const char * const []) {
                                                                "search", "--db", db, "--", "-7", NULL });

    g_assert_no_error (error);
    g_assert_cmpuint (two_words->len, ==, 1);
    g_assert_cmpuint (dash->len, ==, 1);
    g_assert_cmpint (split.status, ==, 0);
    g_assert_cmpstr (split.out, ==, expected_two);
    g_assert_cmpint (after_dashes.status, ==, 0);
    g_assert_cmpstr (after_dashes.out, ==, expected_dash);
  }

  /* Usage errors, status 2, from the library's module. */
  {
    const char * const *wrong[] = {
      (const char * const []) { "search", "--db", db, "--limit", "0", "都市", NULL },
      (const char * const []) { "search", "--db", db, "--limit", "many", "都市", NULL },
      (const char * const []) { "search", "--db", db, "--colour", "都市", NULL },
      (const char * const []) { "search", "--db", db, NULL },
      (const char * const []) { "search", "--db", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_auto(TrTestRun) result = tr_test_run_binary_full (&options, wrong[i]);

        g_assert_cmpint (result.status, ==, 2);
        g_assert_cmpstr (result.out, ==, "");
        g_assert_true (g_str_has_prefix (result.err, "trip-reports: "));
        g_assert_nonnull (strstr (result.err, "“trip-reports help search”"));
      }
  }

  /* What the library's module prints: the help, and JSON. */
  {
    g_auto(TrTestRun) help = tr_test_run_binary_full (&options, (const char * const []) {
                                                        "search", "--help", NULL });
    g_auto(TrTestRun) json = tr_test_run_binary_full (&options, (const char * const []) {
                                                        "search", "--db", db, "--json", "--limit", "2", "都市", NULL });

    g_assert_cmpint (help.status, ==, 0);
    g_assert_nonnull (strstr (help.out, "--limit"));
    g_assert_cmpint (json.status, ==, 0);
    g_assert_true (g_str_has_prefix (json.out, "["));
    for (guint i = 0; i < hits->len; i++)
      g_assert_nonnull (strstr (json.out, tr_report_info_get_id (g_ptr_array_index (hits, i))));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-search/same-as-store", Fixture, NULL, tr_test_library_dir_set_up, test_same_as_store, tr_test_library_dir_tear_down);
  g_test_add ("/cli-search/index-pending", Fixture, NULL, tr_test_library_dir_set_up, test_index_pending, tr_test_library_dir_tear_down);
  g_test_add ("/cli-search/newer-schema", Fixture, NULL, tr_test_library_dir_set_up, test_newer_schema, tr_test_library_dir_tear_down);
  g_test_add ("/cli-search/not-a-library", Fixture, NULL, tr_test_library_dir_set_up, test_not_a_library, tr_test_library_dir_tear_down);
  g_test_add ("/cli-search/new-library", Fixture, NULL, tr_test_library_dir_set_up, test_new_library, tr_test_library_dir_tear_down);
  g_test_add ("/cli-search/arguments", Fixture, NULL, tr_test_library_dir_set_up, test_arguments, tr_test_library_dir_tear_down);
  return g_test_run ();
}
