/* bench-autosave.c: what one autosave of a long draft costs
 *
 * A library of --reports reports and one draft of --pages pages (about
 * 700 characters a page, most of them in 過程). Each run changes one
 * sentence in the middle of the draft, as typing does, and times
 * tr_report_store_save(), which writes the report's row and replaces its
 * search index entries in one transaction. The reference, in the same
 * run: sqlite3 writing the same row (the same text, into a table of the
 * same columns in a file of its own) with no search index, the least an
 * autosave can cost. Target: under 10 ms a save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "tr-report-store.h"
#include "tr-bench-stats.h"
#include "tr-bench-text.h"
#include "tr-test-util.h"

#define CHARS_PER_PAGE 700

static int opt_reports = 1000;
static int opt_pages = 300;
static int opt_runs = 20;
static char *opt_dir = NULL;

static const GOptionEntry entries[] = {
  { "reports", 0, 0, G_OPTION_ARG_INT, &opt_reports, "Other reports in the library (default 1000)", "N" },
  { "pages", 0, 0, G_OPTION_ARG_INT, &opt_pages, "Pages of the draft (default 300)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Saves timed (default 20)", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the libraries (default: a new temporary folder)", "PATH" },
  { NULL }
};

/* The draft's 過程 with sentence @run changed, near its middle. */
static char *
edit (const char *process,
      int         run)
{
  gsize middle = strlen (process) / 2;
  const char *at = g_utf8_find_next_char (process + middle, NULL);

  return g_strdup_printf ("%.*s第%d次修改。%s", (int) (at - process), process, run, at);
}

/* This process's processor time so far, in ms: on a shared machine, what
 * the work cost apart from the wait for a processor. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
sqlite_exec (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrBenchText) gen = tr_bench_text_new (20261121);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) draft = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *ref_path = NULL;
  g_autofree char *process = NULL;
  g_autofree char *loadavg = NULL;
  gboolean is_temporary = FALSE;
  sqlite3 *ref = NULL;
  sqlite3_stmt *update = NULL;
  guint stored;
  double ours_p50, ref_p50;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times the autosave of a long draft, against sqlite3 writing the same row without a search index.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_reports < 0 || opt_pages < 1 || opt_runs < 1)
    {
      g_printerr ("--pages and --runs must be at least 1\n");
      return 2;
    }
  dir = tr_bench_make_dir (opt_dir, "tr-bench-autosave", &is_temporary);
  if (dir == NULL)
    return 1;
  db_path = g_build_filename (dir, "library.db", NULL);
  ref_path = g_build_filename (dir, "sqlite3-reference.db", NULL);

  store = tr_report_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  stored = tr_report_store_count (store, &error);
  g_assert_no_error (error);
  if (stored < (guint) opt_reports)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < (guint) opt_reports; i++)
        {
          TrReport *report = tr_bench_text_make_report (gen, 6000);

          if (i < stored)
            {
              g_object_unref (report);
              continue;
            }
          g_ptr_array_add (batch, report);
          if (batch->len == 1000 || i + 1 == (guint) opt_reports)
            {
              if (!tr_report_store_save_batch (store, batch, NULL, &error))
                g_error ("%s", error->message);
              g_ptr_array_set_size (batch, 0);
            }
        }
      g_print ("Built the library: reports %u to %d in %.1f s\n", stored + 1, opt_reports,
               (g_get_monotonic_time () - start) / 1e6);
    }

  /* The draft, saved and indexed once, as after the first autosave. */
  draft = tr_bench_text_make_report (gen, (guint) opt_pages * CHARS_PER_PAGE);
  process = g_strdup (tr_report_get_section (draft, TR_SECTION_PROCESS));
  if (!tr_report_store_save (store, draft, &error) || !tr_report_store_update_index (store, &error))
    g_error ("%s", error->message);

  g_unlink (ref_path);
  if (sqlite3_open (ref_path, &ref) != SQLITE_OK)
    g_error ("%s: %s", ref_path, sqlite3_errmsg (ref));
  sqlite_exec (ref, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                    "CREATE TABLE reports (num INTEGER PRIMARY KEY, modified TEXT, title TEXT, summary TEXT,"
                    " purpose TEXT, process TEXT, observations TEXT, recommendations TEXT);");
  {
    sqlite3_stmt *insert = NULL;

    sqlite3_prepare_v2 (ref, "INSERT INTO reports VALUES (1, '', ?1, ?2, ?3, ?4, ?5, ?6)", -1, &insert, NULL);
    sqlite3_bind_text (insert, 1, tr_report_get_text (draft, TR_FIELD_TITLE), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (insert, 2, tr_report_get_text (draft, TR_FIELD_SUMMARY), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (insert, 3, tr_report_get_section (draft, TR_SECTION_PURPOSE), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (insert, 4, process, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (insert, 5, tr_report_get_section (draft, TR_SECTION_OBSERVATIONS), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (insert, 6, tr_report_get_section (draft, TR_SECTION_RECOMMENDATIONS), -1, SQLITE_TRANSIENT);
    if (sqlite3_step (insert) != SQLITE_DONE)
      g_error ("%s", sqlite3_errmsg (ref));
    sqlite3_finalize (insert);
  }
  sqlite3_prepare_v2 (ref, "UPDATE reports SET modified = ?1, process = ?2 WHERE num = 1", -1, &update, NULL);

  for (int run = 0; run < opt_runs; run++)
    {
      g_autofree char *changed = edit (process, run);
      gint64 start;
      double ms, cpu;

      tr_report_set_section (draft, TR_SECTION_PROCESS, changed);
      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      if (!tr_report_store_save (store, draft, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ours, ms);
      cpu = cpu_ms () - cpu;
      g_array_append_val (ours_cpu, cpu);

      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      sqlite_exec (ref, "BEGIN IMMEDIATE");
      sqlite3_bind_int (update, 1, run);
      sqlite3_bind_text (update, 2, changed, -1, SQLITE_STATIC);
      if (sqlite3_step (update) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (ref));
      sqlite3_reset (update);
      sqlite_exec (ref, "COMMIT");
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (reference, ms);
      cpu = cpu_ms () - cpu;
      g_array_append_val (reference_cpu, cpu);
    }
  sqlite3_finalize (update);
  sqlite3_close (ref);

  ours_p50 = tr_bench_median (ours);
  ref_p50 = tr_bench_median (reference);
  {
    g_autofree char *text = tr_bench_text_get_report_text (draft);

    g_print ("bench-autosave: one edit in a draft of %d pages (%.2f MB of text, %.2f MB of it in 過程) "
             "in a library of %d reports\n",
             opt_pages, strlen (text) / 1e6, strlen (process) / 1e6, opt_reports);
  }
  g_print ("%-62s %9s %9s %14s\n", "", "p50 ms", "p95 ms", "processor p50");
  g_print ("%-62s %9.2f %9.2f %14.2f\n", "tr_report_store_save (the row and its search index entries)",
           ours_p50, tr_bench_percentile (ours, 95), tr_bench_median (ours_cpu));
  g_print ("%-62s %9.2f %9.2f %14.2f\n", "sqlite3: the same row written, no search index",
           ref_p50, tr_bench_percentile (reference, 95), tr_bench_median (reference_cpu));
  g_print ("Ratio ours / sqlite3 (medians): %.1fx\n", ours_p50 / ref_p50);
  g_print ("Target under 10 ms a save: %s\n", ours_p50 < 10 ? "MET" : "NOT MET");
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("Load average: %s", loadavg);

  g_clear_object (&store);
  if (is_temporary)
    tr_test_remove_tree (dir);
  g_free (opt_dir);
  return 0;
}
