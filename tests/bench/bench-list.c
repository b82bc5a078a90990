/* bench-list.c: how fast the library is listed, and in how much memory,
 * next to sqlite3 running the same query on the same file
 *
 * The list of reports is what the window shows first and what
 * `trip-reports list` prints: it must read what it shows and no more.
 * Times tr_report_store_list() in this process, then the whole command
 * `trip-reports list` (a new process each time, as a script runs it) with
 * its peak resident memory, and the sqlite3 shell running the list's
 * query on the same file, started the same way.
 *
 * The library is DIR/library.db, as bench-search leaves it with --keep:
 * one built there (bench-search --reports N --dir DIR --keep) is reused,
 * which is how a library of 100,000 reports is built once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "tr-report-store.h"
#include "tr-bench-text.h"
#include "tr-bench-stats.h"

#define DEFAULT_SEED 20261121

extern char **environ;

/* What the list shows, as the store asks for it: the reference query. */
static const char list_sql[] =
  "SELECT r.id, r.kind, r.title, r.period_start, r.period_end, r.destination, r.modified,"
  " ifnull ((SELECT v.status FROM reviews v WHERE v.report_num = r.num), 'draft')"
  " FROM reports r ORDER BY r.modified DESC, r.num DESC;";

static int opt_reports = 10000;
static int opt_chars = 6000;
static int opt_runs = 7;
static char *opt_dir = NULL;
static char *opt_binary = NULL;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "reports", 0, 0, G_OPTION_ARG_INT, &opt_reports, "Reports in the library (default 10000)", "N" },
  { "chars", 0, 0, G_OPTION_ARG_INT, &opt_chars, "Characters per report, when building (default 6000)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each (default 7)", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder of the library: DIR/library.db is reused when there (default: a new temporary folder)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary folder", NULL },
  { "binary", 0, 0, G_OPTION_ARG_FILENAME, &opt_binary, "trip-reports (default: $TR_BINARY, else the build tree's)", "PATH" },
  { NULL }
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* How loaded the machine is, for beside the figures. */
static void
print_load (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("Load average %s: %s", when, loadavg);
}

static gboolean
build_library (const char  *db_path,
               GError     **error)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new (DEFAULT_SEED);
  g_autoptr(TrReportStore) store = tr_report_store_open (db_path, error);
  gint64 start = g_get_monotonic_time ();

  if (store == NULL)
    return FALSE;
  for (int i = 0; i < opt_reports; i++)
    {
      g_autoptr(TrReport) report = tr_bench_text_make_report (gen, opt_chars);

      /* One save, then its search index entries: the way the app saves. */
      if (!tr_report_store_save (store, report, error) ||
          !tr_report_store_update_index (store, error))
        return FALSE;
      if ((i + 1) % 1000 == 0 && i + 1 < opt_reports)
        g_printerr ("  built %d of %d reports (%.0f s)\n", i + 1, opt_reports, elapsed_ms (start) / 1000);
    }
  g_print ("Built the library in %.1f s (%.1f ms a report)\n",
           elapsed_ms (start) / 1000, elapsed_ms (start) / opt_reports);
  return TRUE;
}

/* Runs @argv with its output thrown away, in a process of its own, and
 * prints its time in ms, its peak resident memory in kB and the processor
 * time it used in ms. A child's
 * ru_maxrss counts the memory of the process it was forked from, which
 * for this one is the whole library listed once: so the command is
 * started from a new, small copy of this program (run_measured()). */
static int
measure_child (char **argv)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start;
  pid_t pid;
  int status = 0;
  int rc;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  start = g_get_monotonic_time ();
  rc = posix_spawnp (&pid, argv[0], &actions, NULL, argv, environ);
  if (rc != 0)
    {
      fprintf (stderr, "Cannot run %s: %s\n", argv[0], g_strerror (rc));
      return 1;
    }
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      fprintf (stderr, "%s %s: %s %d\n", argv[0], argv[1],
               WIFEXITED (status) ? "exit status" : "signal",
               WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status));
      return 1;
    }
  printf ("%.3f %ld %.3f\n", elapsed_ms (start), usage.ru_maxrss,
          usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
          usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3);
  return 0;
}

static gboolean
run_measured (const char * const  *argv,
              double              *out_ms,
              double              *out_peak_mb,
              double              *out_cpu_ms,
              GError             **error)
{
  g_autoptr(GPtrArray) helper_argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  long peak_kb = 0;
  int status;

  g_ptr_array_add (helper_argv, (char *) "/proc/self/exe");
  g_ptr_array_add (helper_argv, (char *) "--measure-child");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (helper_argv, (char *) argv[i]);
  g_ptr_array_add (helper_argv, NULL);

  if (!g_spawn_sync (NULL, (char **) helper_argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL) ||
      sscanf (out, "%lf %ld %lf", out_ms, &peak_kb, out_cpu_ms) != 3)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s", g_strchomp (err));
      return FALSE;
    }
  *out_peak_mb = peak_kb / 1024.0;
  return TRUE;
}

typedef struct {
  double median_ms;
  double median_cpu_ms;
  double peak_mb;
} Measure;

/* One run to warm the page cache, then @opt_runs. */
static gboolean
measure_command (const char * const  *argv,
                 Measure             *out,
                 GError             **error)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  double ms, peak, cpu_ms;

  out->peak_mb = 0;
  if (!run_measured (argv, &ms, &peak, &cpu_ms, error))
    return FALSE;
  for (int i = 0; i < opt_runs; i++)
    {
      if (!run_measured (argv, &ms, &peak, &cpu_ms, error))
        return FALSE;
      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu_ms);
      out->peak_mb = MAX (out->peak_mb, peak);
    }
  out->median_ms = tr_bench_median (times);
  out->median_cpu_ms = tr_bench_median (cpu_times);
  return TRUE;
}

static gboolean
run (const char  *dir,
     GError     **error)
{
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  const char *binary = opt_binary != NULL ? opt_binary
                     : g_getenv ("TR_BINARY") != NULL ? g_getenv ("TR_BINARY") : BUILD_BINARY;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) local_error = NULL;
  const char * const ours_argv[] = { binary, "list", "--db", db_path, NULL };
  const char * const sqlite_argv[] = { "sqlite3", "-readonly", db_path, list_sql, NULL };
  Measure ours, sqlite;
  GStatBuf st;
  gint64 start;
  guint n_reports;
  double in_process;

  g_print ("bench-list: %d reports, in %s (nproc %u)\n", opt_reports, dir, g_get_num_processors ());
  print_load ("at the start");

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    g_print ("Reusing the library %s\n", db_path);
  else if (!build_library (db_path, error))
    return FALSE;

  /* The first open of a library of an older schema brings it up to date. */
  start = g_get_monotonic_time ();
  store = tr_report_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  g_print ("Opened in %.0f ms\n", elapsed_ms (start));
  n_reports = tr_report_store_count (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n_reports != (guint) opt_reports)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s holds %u reports, not %d",
                   db_path, n_reports, opt_reports);
      return FALSE;
    }
  if (g_stat (db_path, &st) == 0)
    g_print ("Library: %.1f MB\n", st.st_size / 1e6);

  for (int i = 0; i <= opt_runs; i++)
    {
      g_autoptr(GPtrArray) infos = NULL;
      double ms;

      start = g_get_monotonic_time ();
      infos = tr_report_store_list (store, error);
      ms = elapsed_ms (start);
      if (infos == NULL)
        return FALSE;
      if (infos->len != n_reports)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "listed %u reports of %u", infos->len, n_reports);
          return FALSE;
        }
      /* The first one warms the page cache. */
      if (i > 0)
        g_array_append_val (times, ms);
    }
  in_process = tr_bench_median (times);
  g_clear_object (&store);

  if (!measure_command (ours_argv, &ours, error) || !measure_command (sqlite_argv, &sqlite, error))
    return FALSE;

  g_print ("\nMedian of %d runs, after one to warm the page cache; peak resident memory is the\n"
           "largest of them, processor time user + system (getrusage of the child): on a\n"
           "loaded machine it says more than the time on the clock.\n\n", opt_runs);
  g_print ("%-46s %9s %9s %9s\n", "", "ms", "cpu ms", "peak MB");
  g_print ("%-46s %9.1f %9s %9s\n", "tr_report_store_list (in this process)", in_process, "", "");
  g_print ("%-46s %9.1f %9.1f %9.1f\n", "trip-reports list --db LIBRARY", ours.median_ms, ours.median_cpu_ms, ours.peak_mb);
  g_print ("%-46s %9.1f %9.1f %9.1f\n", "sqlite3 -readonly LIBRARY 'the same query'", sqlite.median_ms,
           sqlite.median_cpu_ms, sqlite.peak_mb);
  g_print ("\nRatio trip-reports list / sqlite3: time %.2fx, processor time %.2fx, peak memory %.2fx\n",
           ours.median_ms / MAX (sqlite.median_ms, 0.001), ours.median_cpu_ms / MAX (sqlite.median_cpu_ms, 0.001),
           ours.peak_mb / MAX (sqlite.peak_mb, 0.001));
  g_print ("Target: the list read within 500 ms: %.1f ms, %s\n", in_process,
           in_process < 500 ? "MET" : "NOT MET");
  g_print ("Target: trip-reports list under 100 MB peak: %.1f MB, %s\n", ours.peak_mb,
           ours.peak_mb < 100 ? "MET" : "NOT MET");
  print_load ("at the end");
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gboolean is_temporary = FALSE;
  gboolean ok;

  if (argc > 2 && strcmp (argv[1], "--measure-child") == 0)
    return measure_child (argv + 2);

  setlocale (LC_ALL, "");
  /* What trip-reports starts, when it is the build tree's (tr-cli-commands.h). */
  g_setenv ("TR_LIBEXECDIR", BUILD_LIBEXECDIR, FALSE);
  g_option_context_set_summary (context,
                                "Times the list of reports, in this process and as trip-reports list, against sqlite3 running the same query.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_reports < 1 || opt_chars < 100 || opt_runs < 1)
    {
      g_printerr ("--reports and --runs must be at least 1, --chars at least 100\n");
      return 2;
    }

  if (opt_dir != NULL)
    dir = g_strdup (opt_dir);
  else
    {
      dir = g_dir_make_tmp ("tr-bench-list-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      is_temporary = TRUE;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("Cannot create %s: %s\n", dir, g_strerror (errno));
      return 1;
    }

  ok = run (dir, &error);
  fflush (stdout);
  if (!ok)
    g_printerr ("bench-list: %s\n", error->message);

  /* Only what this program wrote: the library and its working files. */
  if (is_temporary && !opt_keep)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };

      for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (dir, "/library.db", suffixes[i], NULL);
          g_remove (path);
        }
      g_rmdir (dir);
    }
  else if (is_temporary)
    g_print ("Kept %s\n", dir);
  g_free (opt_dir);
  return ok ? 0 : 1;
}
