/* bench-export.c: how fast the ODT export is, next to pandoc
 *
 * Generates a report of about --pages pages of varied Chinese text, then in
 * one run times tr_odt_export_to_file() on it and `pandoc -f markdown -t odt`
 * on the same text written as Markdown, and prints both and their ratio.
 * With --pdf, LibreOffice lays the export out to count its real pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "tr-bench-text.h"
#include "tr-bench-stats.h"
#include "tr-odt-exporter.h"

#define DEFAULT_SEED 20261121
/* Characters of this generator's text on one A4 page at 14 pt with 1.5
 * line spacing, measured with --pdf (LibreOffice 7.4, in TW-Kai). */
#define CHARS_PER_PAGE 870

static int opt_pages = 100;
static int opt_runs = 20;
static int opt_pandoc_runs = 5;
static gint64 opt_seed = DEFAULT_SEED;
static char *opt_dir = NULL;
static gboolean opt_keep = FALSE;
static gboolean opt_pdf = FALSE;

static const GOptionEntry entries[] = {
  { "pages", 0, 0, G_OPTION_ARG_INT, &opt_pages, "Pages of the report (default 100)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Exports to time (default 20)", "N" },
  { "pandoc-runs", 0, 0, G_OPTION_ARG_INT, &opt_pandoc_runs, "pandoc runs to time (default 5)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the text generator (default 20261121)", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the files (default: a new temporary folder)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary folder", NULL },
  { "pdf", 0, 0, G_OPTION_ARG_NONE, &opt_pdf, "Count the pages of the export with LibreOffice", NULL },
  { NULL }
};

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The report as Markdown: headings as headings, every line a paragraph. */
static char *
report_to_markdown (TrReport *report)
{
  static const char * const numerals[] = { "壹", "貳", "參", "肆" };
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "# %s\n\n## 摘要\n\n%s\n\n",
                          tr_report_get_text (report, TR_FIELD_TITLE),
                          tr_report_get_text (report, TR_FIELD_SUMMARY));
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_auto(GStrv) lines = g_strsplit (tr_report_get_section (report, s), "\n", -1);

      g_string_append_printf (out, "# %s、%s\n\n", numerals[s], tr_section_get_heading (s));
      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          g_string_append_printf (out, "%s\n\n", lines[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
spawn (const char * const  *argv,
       GError             **error)
{
  g_autofree char *standard_error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &standard_error, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s", argv[0], standard_error);
      return FALSE;
    }
  return TRUE;
}

static int
count_pdf_pages (const char  *dir,
                 const char  *odt_path,
                 GError     **error)
{
  g_autofree char *profile_dir = g_build_filename (dir, "libreoffice-profile", NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "ours.pdf", NULL);
  g_autofree char *info = NULL;
  const char *convert[] = { "soffice", profile, "--headless", "--convert-to", "pdf",
                            "--outdir", dir, odt_path, NULL };
  const char *pdfinfo[] = { "pdfinfo", pdf_path, NULL };
  const char *pages;
  int status;

  if (!spawn (convert, error))
    return -1;
  if (!g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &info, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return -1;
  pages = strstr (info, "\nPages:");
  return pages != NULL ? (int) g_ascii_strtoll (pages + strlen ("\nPages:"), NULL, 10) : -1;
}

static gboolean
run (const char  *dir,
     GError     **error)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new ((guint32) opt_seed);
  g_autoptr(TrReport) report = tr_bench_text_make_report (gen, opt_pages * CHARS_PER_PAGE);
  g_autofree char *odt_path = g_build_filename (dir, "ours.odt", NULL);
  g_autofree char *md_path = g_build_filename (dir, "pandoc.md", NULL);
  g_autofree char *pandoc_path = g_build_filename (dir, "pandoc.odt", NULL);
  g_autofree char *markdown = report_to_markdown (report);
  g_autofree char *text = tr_bench_text_get_report_text (report);
  g_autoptr(GFile) file = g_file_new_for_path (odt_path);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_bytes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  const char *pandoc[] = { "pandoc", "-f", "markdown", "-t", "odt", "-o", pandoc_path, md_path, NULL };
  double ours_ms, theirs_ms, bytes_ms;
  const double ms_target = 50.0, ratio_target = 10.0;
  GStatBuf st;

  g_print ("bench-export: a report of about %d pages (%ld characters), seed %" G_GINT64_FORMAT ", in %s\n",
           opt_pages, g_utf8_strlen (text, -1), opt_seed, dir);
  if (!g_file_set_contents (md_path, markdown, -1, error))
    return FALSE;

  /* One untimed run each, so that caches are warm on both sides. */
  if (!tr_odt_export_to_file (report, file, NULL, error) || !spawn (pandoc, error))
    return FALSE;

  for (int i = 0; i < opt_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) bytes = tr_odt_export_to_bytes (report, error);
      double ms;

      if (bytes == NULL)
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (ours_bytes, ms);

      start = g_get_monotonic_time ();
      if (!tr_odt_export_to_file (report, file, NULL, error))
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (ours, ms);
    }
  for (int i = 0; i < opt_pandoc_runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!spawn (pandoc, error))
        return FALSE;
      ms = elapsed_ms (start);
      g_array_append_val (theirs, ms);
    }

  ours_ms = tr_bench_median (ours);
  bytes_ms = tr_bench_median (ours_bytes);
  theirs_ms = tr_bench_median (theirs);

  if (g_stat (odt_path, &st) == 0)
    g_print ("Ours:   %s, %.0f KB\n", odt_path, st.st_size / 1e3);
  if (g_stat (pandoc_path, &st) == 0)
    g_print ("pandoc: %s, %.0f KB\n", pandoc_path, st.st_size / 1e3);
  if (opt_pdf)
    {
      int pages = count_pdf_pages (dir, odt_path, error);

      if (pages < 0)
        return FALSE;
      g_print ("LibreOffice lays the export out on %d pages\n", pages);
    }

  g_print ("\n%-40s %10s %10s\n", "", "median", "min");
  g_print ("%-40s %7.2f ms %7.2f ms\n", "tr_odt_export_to_bytes (in memory)", bytes_ms,
           g_array_index (ours_bytes, double, 0));
  g_print ("%-40s %7.2f ms %7.2f ms\n", "tr_odt_export_to_file (with fsync)", ours_ms,
           g_array_index (ours, double, 0));
  g_print ("%-40s %7.2f ms %7.2f ms\n", "pandoc -f markdown -t odt", theirs_ms,
           g_array_index (theirs, double, 0));
  g_print ("\nTarget under %.0f ms: %.2f ms, %s\n", ms_target, ours_ms,
           ours_ms < ms_target ? "MET" : "NOT MET");
  g_print ("Target at least %.0fx faster than pandoc: %.1fx, %s\n", ratio_target,
           theirs_ms / MAX (ours_ms, 0.001),
           theirs_ms / MAX (ours_ms, 0.001) >= ratio_target ? "MET" : "NOT MET");
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

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times the ODT export of a long report against pandoc.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_pages < 1 || opt_runs < 1 || opt_pandoc_runs < 1)
    {
      g_printerr ("--pages, --runs and --pandoc-runs must be positive\n");
      return 2;
    }

  dir = tr_bench_make_dir (opt_dir, "bench-export", &is_temporary);
  if (dir == NULL)
    return 1;

  ok = run (dir, &error);
  if (!ok)
    g_printerr ("bench-export: %s\n", error->message);

  if (is_temporary && !opt_keep)
    {
      const char *rm[] = { "rm", "-rf", dir, NULL };

      g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  else
    g_print ("The files are in %s\n", dir);
  return ok ? 0 : 1;
}
