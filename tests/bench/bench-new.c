/* bench-new.c: many reports into the library in one call, next to sqlite3
 * loading the same input
 *
 * Writes N synthetic reports as JSON lines (one report a line), then times
 * `trip-reports new --from-json FILE`, which saves them a batch of 1,000 a
 * transaction, search index entries included. The reference is the sqlite3
 * shell doing the least that stands for the same work, started the same
 * way: `.import` of the same lines into a table, then their text into an
 * FTS5 index with SQLite's own trigram tokenizer, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "tr-report-json.h"
#include "tr-report-store.h"
#include "tr-bench-spawn.h"
#include "tr-bench-stats.h"
#include "tr-bench-text.h"
#include "tr-test-util.h"

#define DEFAULT_SEED 20261121

/* The text of each report to the FTS5 columns of the reference. */
static const char reference_sql[] =
  "BEGIN;"
  "CREATE VIRTUAL TABLE fts USING fts5 (title, fields, summary, body, appendix, tokenize = 'trigram');"
  "INSERT INTO fts SELECT j ->> '$.fields.title',"
  "  ifnull (j ->> '$.fields.agency', '') || ' ' || ifnull (j ->> '$.fields.destination', '') || ' ' ||"
  "  ifnull (j ->> '$.fields.contact', ''),"
  "  j ->> '$.summary',"
  "  ifnull (j ->> '$.sections.purpose', '') || char (10) || ifnull (j ->> '$.sections.process', '') ||"
  "  char (10) || ifnull (j ->> '$.sections.observations', '') || char (10) ||"
  "  ifnull (j ->> '$.sections.recommendations', ''),"
  "  j ->> '$.appendix' FROM lines;"
  "COMMIT;";

static char *opt_reports = NULL;
static int opt_chars = 2700;
static char *opt_dir = NULL;
static char *opt_binary = NULL;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "reports", 0, 0, G_OPTION_ARG_STRING, &opt_reports, "Reports in one call (default 1000); several sizes apart by commas", "N[,N…]" },
  { "chars", 0, 0, G_OPTION_ARG_INT, &opt_chars, "Characters per report (default 2700: 8 KB of text, the archive's average)", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the input and the libraries (default: a new temporary folder)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the folder", NULL },
  { "binary", 0, 0, G_OPTION_ARG_FILENAME, &opt_binary, "trip-reports (default: $TR_BINARY, else the build tree's)", "PATH" },
  { NULL }
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Processor time of the children waited for so far, in ms: on a shared
 * machine, what the work cost apart from the wait for a processor. */
static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static gboolean
write_input (const char  *path,
             guint        n_reports,
             goffset     *out_text_bytes,
             GError     **error)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new (DEFAULT_SEED);
  g_autoptr(GString) lines = g_string_new (NULL);
  FILE *file = fopen (path, "w");
  gboolean ok = TRUE;

  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot write %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  *out_text_bytes = 0;
  for (guint i = 0; i < n_reports; i++)
    {
      g_autoptr(TrReport) report = tr_bench_text_make_report (gen, opt_chars);
      g_autofree char *text = tr_bench_text_get_report_text (report);
      g_autofree char *json = tr_report_to_json (report, FALSE);

      *out_text_bytes += strlen (text);
      g_string_append (lines, json);
      g_string_append_c (lines, '\n');
      if (lines->len > 16 * 1024 * 1024 || i + 1 == n_reports)
        {
          ok = ok && fwrite (lines->str, 1, lines->len, file) == lines->len;
          g_string_truncate (lines, 0);
        }
    }
  if (fclose (file) != 0 || !ok)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "Cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run (const char  *dir,
     guint        n_reports,
     const char  *binary,
     GError     **error)
{
  g_autofree char *name = g_strdup_printf ("reports-%u.jsonl", n_reports);
  g_autofree char *input = g_build_filename (dir, name, NULL);
  g_autofree char *db_name = g_strdup_printf ("library-%u.db", n_reports);
  g_autofree char *db_path = g_build_filename (dir, db_name, NULL);
  g_autofree char *ref_name = g_strdup_printf ("sqlite3-%u.db", n_reports);
  g_autofree char *ref_path = g_build_filename (dir, ref_name, NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' lines", input);
  g_autoptr(TrReportStore) store = NULL;
  goffset text_bytes = 0;
  gint64 start = g_get_monotonic_time ();
  double ours_ms, sqlite_ms, ours_cpu_ms, sqlite_cpu_ms, cpu_before;
  guint n_stored;
  GStatBuf st;

  g_print ("\nbench-new: %u reports of about %d characters in one call\n", n_reports, opt_chars);
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      g_print ("Load average before: %s", loadavg);
  }
  if (!write_input (input, n_reports, &text_bytes, error) || g_stat (input, &st) != 0)
    return FALSE;
  g_print ("Input: %s, %.1f MB of JSON lines (%.1f MB of text), written in %.1f s\n",
           input, st.st_size / 1e6, text_bytes / 1e6, elapsed_ms (start) / 1000.0);

  {
    const char * const argv[] = { binary, "new", "--from-json", input, "--db", db_path, NULL };

    cpu_before = children_cpu_ms ();
    ours_ms = tr_bench_spawn_ms (argv, NULL, 0, error);
    if (ours_ms < 0)
      return FALSE;
    ours_cpu_ms = children_cpu_ms () - cpu_before;
  }
  {
    const char * const argv[] = { "sqlite3", ref_path, "CREATE TABLE lines (j TEXT)", ".mode ascii",
                                  ".separator \"\\037\" \"\\n\"", import, reference_sql, NULL };

    cpu_before = children_cpu_ms ();
    sqlite_ms = tr_bench_spawn_ms (argv, NULL, 0, error);
    if (sqlite_ms < 0)
      return FALSE;
    sqlite_cpu_ms = children_cpu_ms () - cpu_before;
  }

  store = tr_report_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  n_stored = tr_report_store_count (store, error);
  if (n_stored != n_reports)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The library holds %u reports, not %u",
                     n_stored, n_reports);
      return FALSE;
    }

  g_print ("%-58s %9s %9s %11s %9s\n", "", "s", "ms/report", "processor s", "ms/report");
  g_print ("%-58s %9.1f %9.2f %11.1f %9.2f\n", "trip-reports new --from-json FILE (saved and indexed)",
           ours_ms / 1000.0, ours_ms / n_reports, ours_cpu_ms / 1000.0, ours_cpu_ms / n_reports);
  g_print ("%-58s %9.1f %9.2f %11.1f %9.2f\n", "sqlite3: .import FILE, then an FTS5 trigram index of it",
           sqlite_ms / 1000.0, sqlite_ms / n_reports, sqlite_cpu_ms / 1000.0, sqlite_cpu_ms / n_reports);
  g_print ("Ratio trip-reports / sqlite3: time %.2fx, processor time %.2fx\n",
           ours_ms / sqlite_ms, ours_cpu_ms / sqlite_cpu_ms);
  g_print ("At this rate 100,000 reports take %.1f minutes (%.1f of processor time); target under 5 minutes: %s\n",
           ours_ms / n_reports * 100000 / 60000.0, ours_cpu_ms / n_reports * 100000 / 60000.0,
           ours_ms / n_reports * 100000 < 5 * 60000 ? "MET" : "NOT MET");
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      g_print ("Load average after: %s", loadavg);
  }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) sizes = NULL;
  gboolean is_temporary = FALSE;
  gboolean ok = TRUE;
  const char *binary;

  setlocale (LC_ALL, "");
  g_setenv ("TR_LIBEXECDIR", BUILD_LIBEXECDIR, FALSE);
  g_option_context_set_summary (context,
                                "Times trip-reports new with many reports as JSON lines, against sqlite3 loading and indexing the same lines.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  binary = opt_binary != NULL ? opt_binary
         : g_getenv ("TR_BINARY") != NULL ? g_getenv ("TR_BINARY") : BUILD_BINARY;
  sizes = g_strsplit (opt_reports != NULL ? opt_reports : "1000", ",", -1);
  for (guint i = 0; sizes[i] != NULL; i++)
    if (!g_ascii_string_to_unsigned (sizes[i], 10, 1, G_MAXINT, NULL, NULL))
      {
        g_printerr ("--reports: not a number of reports: “%s”\n", sizes[i]);
        return 2;
      }
  if (opt_chars < 100)
    {
      g_printerr ("--chars must be at least 100\n");
      return 2;
    }

  dir = tr_bench_make_dir (opt_dir, "tr-bench-new", &is_temporary);
  if (dir == NULL)
    return 1;

  for (guint i = 0; ok && sizes[i] != NULL; i++)
    ok = run (dir, (guint) g_ascii_strtoull (sizes[i], NULL, 10), binary, &error);
  fflush (stdout);
  if (!ok)
    g_printerr ("bench-new: %s\n", error->message);
  if (is_temporary && !opt_keep)
    tr_test_remove_tree (dir);
  else
    g_print ("Kept %s\n", dir);
  g_free (opt_dir);
  g_free (opt_reports);
  g_free (opt_binary);
  return ok ? 0 : 1;
}
