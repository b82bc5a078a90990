/* bench-import.c: how fast PDF import is, next to pdftotext
 *
 * Lays out a generated report of about --pages pages as a PDF (Noto CJK,
 * running header, page numbers), then in one run times our whole import of
 * it (the worker process reading it with poppler and parsing it, then the
 * report saved in a fresh library) and `pdftotext` on the same file, and
 * prints both and their ratio. Then it imports a batch of --batch smaller
 * PDFs with one worker at a time and with one per processor, and prints
 * the speed-up and how many processors the workers kept busy.
 *
 *   bench-import [--pages 200 --runs 5 --batch 50] [--worker PATH] [--dir D --keep]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "tr-bench-text.h"
#include "tr-bench-stats.h"
#include "tr-importer.h"
#include "tr-pdf-maker.h"
#include "tr-report-store.h"

#define DEFAULT_SEED 20261121
/* Characters of this generator's text on one page of the maker's layout
 * (12 pt, 1.5 lines), measured. */
#define CHARS_PER_PAGE 1150
#define RATIO_TARGET 1.2

static int opt_pages = 200;
static int opt_runs = 5;
static int opt_batch = 50;
static int opt_batch_pages = 8;
static gint64 opt_seed = DEFAULT_SEED;
static char *opt_worker = NULL;
static char *opt_dir = NULL;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "pages", 0, 0, G_OPTION_ARG_INT, &opt_pages, "Pages of the long report (default 200)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each to time (default 5)", "N" },
  { "batch", 0, 0, G_OPTION_ARG_INT, &opt_batch, "PDFs in the batch (default 50)", "N" },
  { "batch-pages", 0, 0, G_OPTION_ARG_INT, &opt_batch_pages, "Pages of each PDF in the batch (default 8)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the text generator", "N" },
  { "worker", 0, 0, G_OPTION_ARG_FILENAME, &opt_worker, "The import worker (default: $TR_IMPORT_WORKER, else the build tree's)", "PATH" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the files (default: a new temporary folder)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary folder", NULL },
  { NULL }
};

static double
elapsed_s (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* CPU seconds used by this process (RUSAGE_SELF) or by its finished
 * children, the workers (RUSAGE_CHILDREN). */
static double
cpu_s (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* A PDF of @report with the usual furniture; its number of pages. */
static guint
make_pdf (TrReport    *report,
          const char  *path,
          GError     **error)
{
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .summary_page = TRUE, .toc = TRUE,
    .running_header = "公務出國報告", .footer = "- %u -",
  };
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  guint n_pages;

  tr_pdf_maker_add_report (maker, report, &layout);
  n_pages = tr_pdf_maker_get_n_pages (maker);
  if (!tr_pdf_maker_finish (maker, error))
    return 0;
  return n_pages;
}

/* A report that lays out on at least @pages pages. */
static guint
make_long_pdf (TrBenchText  *gen,
               guint         pages,
               const char   *path,
               GError      **error)
{
  guint n_chars = pages * CHARS_PER_PAGE;

  for (;;)
    {
      g_autoptr(TrReport) report = tr_bench_text_make_report (gen, n_chars);
      guint n_pages = make_pdf (report, path, error);

      if (n_pages == 0 || n_pages >= pages)
        return n_pages;
      n_chars = n_chars * (pages + 2) / n_pages;
    }
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

/* Our import as the command line does it: worker, parse, save. Returns
 * the new report's ID. */
static char *
import_and_save (TrReportStore       *store,
                 const char          *path,
                 const char * const  *worker_argv,
                 GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrReport) report = tr_import_file (file, NULL, worker_argv, NULL, error);

  if (report == NULL || !tr_report_store_save (store, report, error))
    return NULL;
  return g_strdup (tr_report_get_id (report));
}

static gboolean
bench_long (const char          *dir,
            TrBenchText         *gen,
            const char * const  *worker_argv,
            GError             **error)
{
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "long.txt", NULL);
  g_autofree char *db = g_build_filename (dir, "long.db", NULL);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) indexing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(TrReportStore) store = NULL;
  const char *pdftotext[] = { "pdftotext", "-enc", "UTF-8", pdf, txt, NULL };
  gint64 start = g_get_monotonic_time ();
  guint n_pages;
  GStatBuf st;
  double ours_s, theirs_s, ratio;

  n_pages = make_long_pdf (gen, (guint) opt_pages, pdf, error);
  if (n_pages == 0)
    return FALSE;
  g_stat (pdf, &st);
  g_print ("A report of %u pages (%.1f MB), made in %.1f s: %s\n",
           n_pages, st.st_size / 1e6, elapsed_s (start), pdf);

  store = tr_report_store_open (db, error);
  if (store == NULL)
    return FALSE;

  /* One untimed run each, so that caches are warm on both sides; every
   * timed import goes into the same empty library. */
  for (int i = -1; i < opt_runs; i++)
    {
      g_autofree char *id = NULL;
      double s;

      start = g_get_monotonic_time ();
      if ((id = import_and_save (store, pdf, worker_argv, error)) == NULL)
        return FALSE;
      s = elapsed_s (start);
      if (i >= 0)
        g_array_append_val (ours, s);

      /* The report is in the library; its search index entries follow,
       * after the import has returned (the window and the command line do
       * this right away, and a search would do it first). */
      start = g_get_monotonic_time ();
      if (!tr_report_store_update_index (store, error))
        return FALSE;
      s = elapsed_s (start);
      if (i >= 0)
        g_array_append_val (indexing, s);

      if (!tr_report_store_delete (store, id, error))
        return FALSE;

      /* Alternately, so that neither gets a quieter machine. */

      start = g_get_monotonic_time ();
      if (!spawn (pdftotext, error))
        return FALSE;
      s = elapsed_s (start);
      if (i >= 0)
        g_array_append_val (theirs, s);
    }

  ours_s = tr_bench_median (ours);
  theirs_s = tr_bench_median (theirs);
  ratio = ours_s / MAX (theirs_s, 1e-6);
  g_print ("\n%-52s %9s %9s\n", "", "median", "min");
  g_print ("%-52s %7.3f s %7.3f s\n", "import (worker + poppler + parse + save)", ours_s,
           g_array_index (ours, double, 0));
  g_print ("%-52s %7.3f s %7.3f s\n", "pdftotext -enc UTF-8", theirs_s, g_array_index (theirs, double, 0));
  g_print ("%-52s %7.3f s\n", "then its search index entries (after the import)",
           tr_bench_median (indexing));
  g_print ("Ratio %.2fx (target within %.1fx of pdftotext): %s\n", ratio, RATIO_TARGET,
           ratio <= RATIO_TARGET ? "MET" : "NOT MET");
  g_print ("Until searchable too: %.2fx\n\n", (ours_s + tr_bench_median (indexing)) / MAX (theirs_s, 1e-6));
  return TRUE;
}

typedef struct {
  TrReportStore      *store;
  const char * const *worker_argv;
  GPtrArray          *paths;
  guint               next;
  guint               running;
  guint               done;
  guint               max_running;
  GError             *error;
} Batch;

static void start_next (Batch *batch);

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr(TrReport) report = tr_import_file_finish (result, batch->error == NULL ? &batch->error : NULL);

  if (report != NULL && batch->error == NULL)
    tr_report_store_save (batch->store, report, &batch->error);
  batch->running--;
  batch->done++;
  start_next (batch);
}

static void
start_next (Batch *batch)
{
  while (batch->running < batch->max_running && batch->next < batch->paths->len)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (batch->paths, batch->next++));

      batch->running++;
      tr_import_file_async (file, NULL, batch->worker_argv, NULL, NULL, NULL, NULL, on_imported, batch);
    }
}

typedef struct {
  double wall;
  double workers_cpu;
  double self_cpu;   /* reading the workers' output, saving */
} BatchTimes;

/* Imports every PDF with at most @max_running workers at once, as the
 * command line does. */
static gboolean
run_batch (const char          *db,
           GPtrArray           *paths,
           const char * const  *worker_argv,
           guint                max_running,
           BatchTimes          *out_times,
           GError             **error)
{
  g_autoptr(TrReportStore) store = NULL;
  Batch batch = { .worker_argv = worker_argv, .paths = paths, .max_running = max_running };
  double children_before, self_before;
  gint64 start;

  g_unlink (db);
  store = tr_report_store_open (db, error);
  if (store == NULL)
    return FALSE;
  batch.store = store;

  children_before = cpu_s (RUSAGE_CHILDREN);
  self_before = cpu_s (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  start_next (&batch);
  while (batch.done < paths->len)
    g_main_context_iteration (NULL, TRUE);
  out_times->wall = elapsed_s (start);
  out_times->workers_cpu = cpu_s (RUSAGE_CHILDREN) - children_before;
  out_times->self_cpu = cpu_s (RUSAGE_SELF) - self_before;

  if (batch.error != NULL)
    {
      g_propagate_error (error, batch.error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
bench_batch (const char          *dir,
             TrBenchText         *gen,
             const char * const  *worker_argv,
             GError             **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *db = g_build_filename (dir, "batch.db", NULL);
  guint n_workers = MAX (g_get_num_processors (), 1);
  guint total_pages = 0;
  BatchTimes one, all;
  char label[64];

  for (int i = 0; i < opt_batch; i++)
    {
      g_autofree char *name = g_strdup_printf ("batch-%02d.pdf", i);
      char *path = g_build_filename (dir, name, NULL);
      g_autoptr(TrReport) report = tr_bench_text_make_report (gen, (guint) opt_batch_pages * CHARS_PER_PAGE);
      guint n_pages = make_pdf (report, path, error);

      if (n_pages == 0)
        return FALSE;
      total_pages += n_pages;
      g_ptr_array_add (paths, path);
    }
  g_print ("A batch of %d PDFs, %u pages in all\n", opt_batch, total_pages);

  /* Warm the caches once. */
  if (!run_batch (db, paths, worker_argv, n_workers, &all, error) ||
      !run_batch (db, paths, worker_argv, 1, &one, error) ||
      !run_batch (db, paths, worker_argv, n_workers, &all, error))
    return FALSE;

  g_print ("%-22s %6.2f s wall; CPU %5.2f s in workers + %5.2f s here: %.2f processors busy\n",
           "1 worker at a time", one.wall, one.workers_cpu, one.self_cpu,
           (one.workers_cpu + one.self_cpu) / one.wall);
  g_snprintf (label, sizeof label, "%u workers at a time", n_workers);
  g_print ("%-22s %6.2f s wall; CPU %5.2f s in workers + %5.2f s here: %.2f processors busy\n",
           label, all.wall, all.workers_cpu, all.self_cpu, (all.workers_cpu + all.self_cpu) / all.wall);
  g_print ("Speed-up with %u processors: %.2fx\n", n_workers, one.wall / MAX (all.wall, 1e-6));
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrBenchText) gen = NULL;
  g_autofree char *dir = NULL;
  const char *worker_argv[] = { NULL, NULL };
  gboolean is_temporary = FALSE;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times PDF import against pdftotext, and a batch on every processor.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_pages < 1 || opt_runs < 1 || opt_batch < 1 || opt_batch_pages < 1)
    {
      g_printerr ("--pages, --runs, --batch and --batch-pages must be positive\n");
      return 2;
    }
  worker_argv[0] = opt_worker != NULL ? opt_worker : g_getenv ("TR_IMPORT_WORKER");
  if (worker_argv[0] == NULL)
    worker_argv[0] = BUILD_IMPORT_WORKER;

  dir = tr_bench_make_dir (opt_dir, "bench-import", &is_temporary);
  if (dir == NULL)
    return 1;

  gen = tr_bench_text_new ((guint32) opt_seed);
  g_print ("bench-import: seed %" G_GINT64_FORMAT ", %u processors, in %s\n",
           opt_seed, g_get_num_processors (), dir);
  ok = bench_long (dir, gen, worker_argv, &error) && bench_batch (dir, gen, worker_argv, &error);
  if (!ok)
    g_printerr ("bench-import: %s\n", error->message);

  if (is_temporary && !opt_keep)
    {
      const char *rm[] = { "rm", "-rf", dir, NULL };

      g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  else
    g_print ("The files are in %s\n", dir);
  return ok ? 0 : 1;
}
