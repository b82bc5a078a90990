/* bench-startup.c: launch to first frame, with a big library and an empty one
 *
 * Runs the real trip-reports binary (under the current display: use
 * xvfb-run) on an empty library and on one of 10,000 synthetic reports,
 * alternately, and times each launch until the app says its first frame was
 * painted. Targets: under 0.5 s, and at most 1.2× the empty-library time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>

#include "tr-bench-text.h"
#include "tr-bench-stats.h"
#include "tr-report-store.h"

static int n_reports = 10000;
static int n_chars = 6000;
static int n_runs = 7;
static char *binary;
static char *dir;
static gboolean keep;

static GOptionEntry entries[] = {
  { "reports", 0, 0, G_OPTION_ARG_INT, &n_reports, "Reports in the big library", "N" },
  { "chars", 0, 0, G_OPTION_ARG_INT, &n_chars, "Characters per report", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Launches of each library", "N" },
  { "binary", 0, 0, G_OPTION_ARG_FILENAME, &binary, "trip-reports (default: $TR_BINARY, else the build tree's)", "PATH" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Folder for the libraries (reused when present)", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the libraries", NULL },
  { NULL }
};

static void
build_library (const char *path,
               int         count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrBenchText) text = tr_bench_text_new (20261121);
  gint64 start = g_get_monotonic_time ();

  store = tr_report_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if ((int) tr_report_store_count (store, NULL) == count)
    return;

  for (int i = 0; i < count; i++)
    {
      g_autoptr(TrReport) report = tr_bench_text_make_report (text, n_chars);

      if (!tr_report_store_save (store, report, &error) ||
          !tr_report_store_update_index (store, &error))
        g_error ("%s", error->message);
    }
  g_print ("built %s: %d reports in %.1f s\n", path, count,
           (g_get_monotonic_time () - start) / 1e6);
}

/* Seconds from spawning the app to its "first-frame" line, and in
 * @out_loaded to its "library-loaded" line (the list filled in). */
static double
time_launch (const char *db,
             double     *out_loaded)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *db_option = g_strconcat ("--db=", db, NULL);
  gint64 start;
  double seconds;

  g_subprocess_launcher_setenv (launcher, "TR_PRINT_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  /* Under Xvfb there is no GPU: the GL renderer would run in software. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);

  start = g_get_monotonic_time ();
  app = g_subprocess_launcher_spawn (launcher, &error, binary, db_option, NULL);
  if (app == NULL)
    g_error ("%s", error->message);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL &&
         !g_str_equal (line, "first-frame"))
    g_clear_pointer (&line, g_free);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (line == NULL)
    g_error ("the app ended before its first frame (is there a display?)");
  g_clear_pointer (&line, g_free);
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL &&
         !g_str_equal (line, "library-loaded"))
    g_clear_pointer (&line, g_free);
  if (out_loaded != NULL)
    *out_loaded = (g_get_monotonic_time () - start) / 1e6;

  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait (app, NULL, NULL);
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the launch of the window");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) empty_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) empty_loaded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_loaded = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *empty_db = NULL;
  g_autofree char *full_db = NULL;
  double empty_median, full_median, ratio;
  gboolean made_dir = FALSE;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (binary == NULL)
    binary = g_strdup (g_getenv ("TR_BINARY") != NULL ? g_getenv ("TR_BINARY") : BUILD_BINARY);
  /* The window, when trip-reports is the build tree's (tr-cli-commands.h). */
  g_setenv ("TR_LIBEXECDIR", BUILD_LIBEXECDIR, FALSE);
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("tr-bench-startup-XXXXXX", &error);
      made_dir = TRUE;
    }
  g_mkdir_with_parents (dir, 0700);

  empty_db = g_build_filename (dir, "empty.db", NULL);
  full_db = g_strdup_printf ("%s/library-%d-%d.db", dir, n_reports, n_chars);
  build_library (empty_db, 0);
  build_library (full_db, n_reports);

  /* One launch each to warm the page cache and the font cache. */
  time_launch (empty_db, NULL);
  time_launch (full_db, NULL);
  for (int i = 0; i < n_runs; i++)
    {
      double empty_filled, full_filled;
      double empty = time_launch (empty_db, &empty_filled), full = time_launch (full_db, &full_filled);

      g_array_append_val (empty_times, empty);
      g_array_append_val (full_times, full);
      g_array_append_val (empty_loaded, empty_filled);
      g_array_append_val (full_loaded, full_filled);
    }

  empty_median = tr_bench_median (empty_times);
  full_median = tr_bench_median (full_times);
  ratio = full_median / empty_median;
  g_print ("launch to first frame, median of %d launches each (nproc %u)\n",
           n_runs, g_get_num_processors ());
  g_print ("  empty library:          %7.1f ms\n", empty_median * 1000);
  g_print ("  %6d-report library:  %7.1f ms\n", n_reports, full_median * 1000);
  g_print ("  ratio big/empty:        %7.2f×\n", ratio);
  /* The window paints before the library is read (off the main thread);
   * this is when the list is filled in. */
  g_print ("launch to the library listed:\n");
  g_print ("  empty library:          %7.1f ms\n", tr_bench_median (empty_loaded) * 1000);
  g_print ("  %6d-report library:  %7.1f ms\n", n_reports, tr_bench_median (full_loaded) * 1000);
  g_print ("target < 500 ms: %s; target ≤ 1.2× empty: %s\n",
           full_median < 0.5 ? "MET" : "NOT MET", ratio <= 1.2 ? "MET" : "NOT MET");

  if (made_dir && !keep)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_remove (path);
        }
      g_rmdir (dir);
    }
  return 0;
}
