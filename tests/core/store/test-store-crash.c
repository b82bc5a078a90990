/* test-store-crash.c: the library survives the app being killed mid-save
 *
 * The test runs itself again as a child ("--child DB_PATH FIRST") that saves
 * reports in a loop and prints the number of each save once it has returned.
 * The parent kills the child with SIGKILL at a random moment, then checks
 * that the file is sound and that every save the child saw return is there,
 * loadable, equal and found by search. The points of the kills come from the
 * test's random seed, printed at the top of the output: rerun with
 * `--seed=…` to reproduce a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <signal.h>
#include <stdio.h>
#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-error.h"
#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-unigram-tokenizer.h"

#define SAVES_PER_CHILD 1000
#define N_ROUNDS        3

static const char *token_chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥鼠牛虎兔龍蛇馬羊猴雞狗豬";
#define N_TOKEN_CHARS 34

/* Every fourth save updates the report saved two iterations earlier, so that
 * crashes also hit updates, whose old index entries must be removed. */
static guint
target_of (guint iteration)
{
  return iteration % 4 == 3 ? iteration - 2 : iteration;
}

static char *
id_of (guint target)
{
  return g_strdup_printf ("%08x-c4a5-4000-8000-%012x", target, target);
}

static char *
latin_token (guint iteration)
{
  return g_strdup_printf ("zq%05uq", iteration);
}

/* "鑫" + three characters from the table + "淼": unique per iteration. */
static char *
cjk_token (guint iteration)
{
  GString *token = g_string_new ("鑫");
  guint digits[3] = {
    iteration / (N_TOKEN_CHARS * N_TOKEN_CHARS) % N_TOKEN_CHARS,
    iteration / N_TOKEN_CHARS % N_TOKEN_CHARS,
    iteration % N_TOKEN_CHARS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      const char *p = g_utf8_offset_to_pointer (token_chars, digits[i]);
      g_string_append_len (token, p, g_utf8_next_char (p) - p);
    }
  g_string_append (token, "淼");
  return g_string_free (token, FALSE);
}

/* The report as saved at @iteration: a pure function of it. */
static TrReport *
build_report (guint iteration)
{
  g_autofree char *id = id_of (target_of (iteration));
  g_autofree char *latin = latin_token (iteration);
  g_autofree char *cjk = cjk_token (iteration);
  g_autofree char *title = g_strdup_printf ("崩潰測試報告 %u", iteration);
  g_autofree char *summary = g_strdup_printf ("本報告（第%u次儲存）的獨有詞為%s與%s。", iteration, cjk, latin);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2016, 7, 1, 0, 0, 0);
  g_autoptr(GString) process = g_string_new (NULL);
  g_autoptr(TrTraveller) traveller = tr_traveller_new ();
  g_autofree char *name = g_strdup_printf ("出國人員%u", iteration);
  const char *keywords[] = { "崩潰", latin, NULL };
  TrReport *report;

  report = tr_report_new_full (id, iteration % 2 ? TR_REPORT_KIND_IMPORTED : TR_REPORT_KIND_DRAFT,
                               created, NULL);
  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_text (report, TR_FIELD_AGENCY, "內政部營建署");
  tr_report_set_text (report, TR_FIELD_PERIOD_START, "2016-07-09");
  tr_report_set_text (report, TR_FIELD_SUMMARY, summary);
  for (guint i = 0; i < 20 + iteration % 30; i++)
    g_string_append_printf (process, "第%u天：參訪住宅局並與官員座談，交換都市更新經驗。\n", i + 1);
  tr_report_set_section (report, TR_SECTION_PROCESS, process->str);
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, "一、持續推動。\n二、加強合作。");
  tr_traveller_set (traveller, TR_TRAVELLER_NAME, name);
  tr_traveller_set (traveller, TR_TRAVELLER_TITLE, "科長");
  g_list_store_append (tr_report_get_travellers (report), traveller);
  tr_report_set_keywords (report, keywords);
  tr_report_set_pages (report, iteration);
  return report;
}

static int
run_child (const char *path,
           guint       first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);

  if (store == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  for (guint i = first; i < first + SAVES_PER_CHILD; i++)
    {
      g_autoptr(TrReport) report = build_report (i);

      if (!tr_report_store_save (store, report, &error))
        {
          g_printerr ("child: save %u: %s\n", i, error->message);
          return 1;
        }
      /* Only now is the save confirmed. */
      fprintf (stdout, "%u\n", i);
      fflush (stdout);
    }
  return 0;
}

/* ---- the parent --------------------------------------------------------- */

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The file as SQLite sees it, without the store: the plain tables and
 * indexes. */
static void
check_integrity (const char *path)
{
  g_autofree char *result = NULL;
  g_autofree char *journal_mode = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  result = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (result, ==, "ok");
  journal_mode = query_text (db, "PRAGMA journal_mode");
  g_test_message ("journal mode: %s", journal_mode);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Each full-text index against the reports, once the store has opened the
 * file: reports saved just before the kill wait for their index entries
 * (index_pending), which opening adds. */
static void
check_search_index (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_fts = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  {
    g_autofree char *pending = query_text (db, "SELECT count(*) FROM index_pending");

    g_assert_cmpstr (pending, ==, "0");
  }
  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      char *message = NULL;
      char *sql;

      /* rank = 1 also compares the index with the external content. */
      sql = sqlite3_mprintf ("INSERT INTO \"%w\" (\"%w\", rank) VALUES ('integrity-check', 1)",
                             name, name);
      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("full-text index %s does not match the reports: %s", name, message);
      sqlite3_free (sql);
      n_fts++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_fts, >=, 1);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_search_finds (TrReportStore *store,
                     const char    *token,
                     const char    *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = tr_report_store_search (store, token, 0, &error);

  g_assert_no_error (error);
  if (id == NULL)
    {
      if (hits->len != 0)
        g_error ("“%s” (old text) still finds %u reports", token, hits->len);
      return;
    }
  if (hits->len != 1 || g_strcmp0 (tr_report_info_get_id (hits->pdata[0]), id) != 0)
    g_error ("“%s” finds %u reports, not just %s", token, hits->len, id);
}

/* @versions maps each stored report (its target) to the iteration whose
 * content it must have; @superseded lists iterations whose text is gone. */
static void
check_library (const char *path,
               GHashTable *versions,
               GArray     *superseded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = NULL;
  GHashTableIter iter;
  gpointer key, value;

  check_integrity (path);

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  check_search_index (path);
  g_assert_cmpuint (tr_report_store_count (store, &error), ==, g_hash_table_size (versions));
  g_assert_no_error (error);

  g_hash_table_iter_init (&iter, versions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint target = GPOINTER_TO_UINT (key) - 1;
      guint iteration = GPOINTER_TO_UINT (value) - 1;
      g_autofree char *id = id_of (target);
      g_autoptr(TrReport) expected = build_report (iteration);
      g_autoptr(TrReport) loaded = tr_report_store_load (store, id, &error);
      g_autofree char *latin = latin_token (iteration);
      g_autofree char *cjk = cjk_token (iteration);

      if (loaded == NULL)
        g_error ("report of save %u is lost: %s", iteration, error->message);
      if (!tr_report_content_equal (expected, loaded))
        g_error ("report of save %u differs from what was saved", iteration);
      assert_search_finds (store, latin, id);
      assert_search_finds (store, cjk, id);
    }

  for (guint i = 0; i < superseded->len; i++)
    {
      guint iteration = g_array_index (superseded, guint, i);
      g_autofree char *latin = latin_token (iteration);
      g_autofree char *cjk = cjk_token (iteration);

      assert_search_finds (store, latin, NULL);
      assert_search_finds (store, cjk, NULL);
    }
}

static void
record_save (GHashTable *versions,
             GArray     *superseded,
             guint       iteration)
{
  gpointer key = GUINT_TO_POINTER (target_of (iteration) + 1);
  gpointer old = g_hash_table_lookup (versions, key);

  if (old != NULL)
    {
      guint old_iteration = GPOINTER_TO_UINT (old) - 1;
      g_array_append_val (superseded, old_iteration);
    }
  g_hash_table_insert (versions, key, GUINT_TO_POINTER (iteration + 1));
}

/* The save in flight at the kill may or may not have been committed: find
 * out which from the file, so later rounds know what to expect. */
static void
resolve_in_flight (const char *path,
                   GHashTable *versions,
                   GArray     *superseded,
                   guint       iteration)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  g_autofree char *id = id_of (target_of (iteration));
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(TrReport) expected = build_report (iteration);

  g_assert_no_error (error);
  loaded = tr_report_store_load (store, id, &error);
  if (loaded != NULL && tr_report_content_equal (loaded, expected))
    {
      g_test_message ("save %u, in flight at the kill, was committed", iteration);
      record_save (versions, superseded, iteration);
    }
  else
    {
      g_autofree char *latin = latin_token (iteration);

      g_test_message ("save %u, in flight at the kill, was not committed", iteration);
      if (loaded == NULL)
        g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
      /* Neither half of it may be visible. */
      assert_search_finds (store, latin, NULL);
    }
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tr-test-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GHashTable) versions = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) superseded = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_killed = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "library.db", NULL);

  /* The rounds share the file: each recovery starts from the last one's. */
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      guint first = round * SAVES_PER_CHILD;
      guint kill_after = g_test_rand_int_range (50, 901);
      guint delay_us = g_test_rand_int_range (0, 3000);
      g_autofree char *first_arg = g_strdup_printf ("%u", first);
      const char *argv[] = { self, "--child", path, first_arg, NULL };
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      guint confirmed = 0;
      char *line;

      g_test_message ("round %u: kill after %u confirmed saves and %u µs", round, kill_after, delay_us);

      child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

      while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
        {
          guint64 n;

          g_assert_true (g_ascii_string_to_unsigned (line, 10, 0, G_MAXUINT, &n, NULL));
          g_assert_cmpuint (n, ==, first + confirmed);
          g_free (line);
          record_save (versions, superseded, first + confirmed);
          confirmed++;
          if (confirmed == kill_after)
            {
              g_usleep (delay_us);
              g_subprocess_force_exit (child);
            }
        }
      g_assert_no_error (error);
      /* Lines written before the kill landed are confirmed saves too: the
       * loop read them all, up to the end of the pipe. */
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);

      if (g_subprocess_get_if_signaled (child))
        {
          g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
          n_killed++;
        }
      else
        {
          /* The child ran to its end before the signal: a clean run. */
          g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
          g_assert_cmpuint (confirmed, ==, SAVES_PER_CHILD);
        }
      g_test_message ("round %u: %u saves confirmed, %s", round, confirmed,
                      g_subprocess_get_if_signaled (child) ? "killed" : "finished");
      g_assert_cmpuint (confirmed, >=, kill_after);

      check_integrity (path);
      if (confirmed < SAVES_PER_CHILD)
        resolve_in_flight (path, versions, superseded, first + confirmed);
      check_library (path, versions, superseded);
    }

  g_assert_cmpuint (n_killed, >, 0);
  tr_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      guint64 first;

      if (!g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT / 2, &first, NULL))
        return 2;
      return run_child (argv[2], first);
    }

  /* Messages with Chinese text must reach the log as UTF-8, not "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-crash/kill", test_kill);
  return g_test_run ();
}
