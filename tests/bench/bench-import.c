/* bench-import.c: how fast PDF import is, next to pdftotext
 *
 * Lays out generated reports as PDFs (Noto CJK, running header, page
 * numbers) and in one run times our whole import of each (the worker
 * process reading it with poppler and parsing it, then the report saved in
 * a fresh library) and `pdftotext` on the same file, and prints both and
 * their ratio: a text-only report of about --pages pages, and one of as
 * many pages whose appendix has --photos photos (JPEGs drawn smaller than
 * their pixels, as a word processor embeds a phone's photos).
 *
 * Then a batch of --batch reports as offices write them (cover, 提要 form,
 * contents, a few photos), imported as the command line does it, a worker
 * per processor at a time, against `xargs -P<processors> pdftotext` on the
 * same files, and against a sequential `pdftotext` loop over them (issue
 * #18's reference for a large batch); with the processors the workers kept
 * busy and this process's resident memory early in the batch and at its
 * end. Then the batch once more into a new library, cancelled half-way and
 * resumed as the command line resumes: files already imported are skipped
 * by the SHA-256 of their bytes; the library must end with every file once.
 *
 *   bench-import [--pages 200 --photos 100 --runs 5 --batch 50] [--worker PATH] [--dir D --keep]
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
#define TEXT_RATIO_TARGET 1.2
#define PHOTOS_RATIO_TARGET 1.5
#define BATCH_RATIO_TARGET 1.5

static int opt_pages = 200;
static int opt_photos = 100;
static int opt_runs = 5;
static int opt_batch = 50;
static gint64 opt_seed = DEFAULT_SEED;
static char *opt_worker = NULL;
static char *opt_dir = NULL;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "pages", 0, 0, G_OPTION_ARG_INT, &opt_pages, "Pages of the long report (default 200)", "N" },
  { "photos", 0, 0, G_OPTION_ARG_INT, &opt_photos, "Photos in the appendix of the photo report (default 100)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each to time (default 5)", "N" },
  { "batch", 0, 0, G_OPTION_ARG_INT, &opt_batch, "PDFs in the batch (default 50)", "N" },
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

/* Photos of 240 × 160 points (what the maker draws) from 800 × 533 pixels. */
#define PHOTO_PIXELS_PER_POINT (800.0 / 240.0)

/* An appendix of @n_photos photos with their captions. */
static void
add_photos (TrReport *report,
            guint     n_photos)
{
  static const char * const places[] = { "會場", "參訪單位", "工作會議", "簽署儀式", "實驗室", "展覽會場" };
  g_autoptr(GString) appendix = g_string_new ("以下為本次出國期間之活動照片。\n");

  for (guint i = 0; i < n_photos; i++)
    g_string_append_printf (appendix, "照片 %u：與%s人員合影（第 %u 天）\n", i + 1,
                            places[i % G_N_ELEMENTS (places)], i / 8 + 1);
  tr_report_set_text (report, TR_FIELD_APPENDIX, appendix->str);
}

/* A PDF of @report with the usual furniture (and with @real_style, a
 * cover and the 提要 form); its number of pages. */
static guint
make_pdf_full (TrReport    *report,
               gboolean     real_style,
               const char  *path,
               GError     **error)
{
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .summary_page = TRUE, .toc = TRUE,
    .running_header = "公務出國報告", .footer = "- %u -",
    .cover = real_style, .form = real_style,
  };
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  guint n_pages;

  tr_pdf_maker_set_photos (maker, TR_PDF_PHOTO_JPEG, PHOTO_PIXELS_PER_POINT);
  tr_pdf_maker_add_report (maker, report, &layout);
  n_pages = tr_pdf_maker_get_n_pages (maker);
  if (!tr_pdf_maker_finish (maker, error))
    return 0;
  return n_pages;
}

static guint
make_pdf (TrReport    *report,
          const char  *path,
          GError     **error)
{
  return make_pdf_full (report, FALSE, path, error);
}

/* A report that lays out on at least @pages pages, @n_photos of them in
 * its appendix (about three a page). */
static guint
make_long_pdf (TrBenchText  *gen,
               guint         pages,
               guint         n_photos,
               const char   *path,
               GError      **error)
{
  guint photo_pages = (n_photos + 2) / 3;
  guint n_chars = (pages > photo_pages ? pages - photo_pages : 1) * CHARS_PER_PAGE;

  for (;;)
    {
      g_autoptr(TrReport) report = tr_bench_text_make_report (gen, n_chars);
      guint n_pages;

      if (n_photos > 0)
        add_photos (report, n_photos);
      n_pages = make_pdf (report, path, error);

      if (n_pages == 0 || n_pages >= pages)
        return n_pages;
      n_chars = n_chars * (pages + 2 - MIN (photo_pages, pages)) / MAX (n_pages - MIN (photo_pages, n_pages), 1);
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
                 guint               *out_n_photos,
                 GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrReport) report = tr_import_file (file, NULL, worker_argv, NULL, error);

  if (report == NULL || !tr_report_store_save (store, report, error))
    return NULL;
  *out_n_photos = g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (report)));
  return g_strdup (tr_report_get_id (report));
}

/* Times the import of a report of --pages pages with @n_photos photos
 * against pdftotext; @name names its files. */
static gboolean
bench_long (const char          *dir,
            const char          *name,
            guint                n_photos,
            double               target,
            TrBenchText         *gen,
            const char * const  *worker_argv,
            GError             **error)
{
  g_autofree char *pdf_name = g_strconcat (name, ".pdf", NULL);
  g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *db_name = g_strconcat (name, ".db", NULL);
  g_autofree char *pdf = g_build_filename (dir, pdf_name, NULL);
  g_autofree char *txt = g_build_filename (dir, txt_name, NULL);
  g_autofree char *db = g_build_filename (dir, db_name, NULL);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) indexing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(TrReportStore) store = NULL;
  const char *pdftotext[] = { "pdftotext", "-enc", "UTF-8", pdf, txt, NULL };
  gint64 start = g_get_monotonic_time ();
  guint n_pages;
  GStatBuf st;
  double ours_s, theirs_s, ratio;
  guint n_imported_photos = 0;

  n_pages = make_long_pdf (gen, (guint) opt_pages, n_photos, pdf, error);
  if (n_pages == 0)
    return FALSE;
  g_stat (pdf, &st);
  g_print ("A report of %u pages with %u photos (%.1f MB), made in %.1f s: %s\n",
           n_pages, n_photos, st.st_size / 1e6, elapsed_s (start), pdf);

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
      if ((id = import_and_save (store, pdf, worker_argv, &n_imported_photos, error)) == NULL)
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
  if (n_photos > 0)
    g_print ("%-52s %u\n", "photos imported", n_imported_photos);
  g_print ("Ratio %.2fx (target within %.1fx of pdftotext): %s\n", ratio, target,
           ratio <= target ? "MET" : "NOT MET");
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
  guint               early_mark;   /* files done when the early RSS is read */
  double              early_rss_mb;
  GCancellable       *cancellable;
  guint               cancel_mark;  /* files done when the batch is cancelled; 0: never */
  gboolean            skip_imported; /* resuming: files the library has are not read */
  guint               skipped;
  guint               cancelled;
  guint               failed;       /* files that could not be read */
  char               *first_failure;
  GError             *error;        /* of the library: stops the batch */
} Batch;

/* A field of /proc/self/status ("VmRSS", "VmHWM") in MB, or 0. */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (at = strstr (status, key)) == NULL)
    return 0;
  return g_ascii_strtod (at + strlen (key), NULL) / 1024.0;
}

static void start_next (Batch *batch);

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_import_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    batch->cancelled++;
  else if (error != NULL)
    {
      /* A file the batch could not read is reported, as the command line
       * does, and the batch goes on. */
      batch->failed++;
      if (batch->first_failure == NULL)
        batch->first_failure = g_strdup_printf ("%s (%s)", error->message,
                                                g_cancellable_is_cancelled (batch->cancellable)
                                                  ? "after the batch was cancelled" : "before any cancel");
    }
  if (report != NULL && batch->error == NULL)
    tr_report_store_save (batch->store, report, &batch->error);
  batch->running--;
  batch->done++;
  if (batch->done == batch->early_mark)
    batch->early_rss_mb = status_mb ("VmRSS");
  if (batch->done == batch->cancel_mark)
    g_cancellable_cancel (batch->cancellable);
  start_next (batch);
}

/* Whether the library has @path already, as the command line tells: by
 * the SHA-256 of its bytes. */
static gboolean
is_imported (Batch      *batch,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) data = tr_import_read_file (file, NULL, NULL);
  g_autofree char *sha256 = data != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data) : NULL;
  g_autofree char *id = sha256 != NULL ? tr_report_store_find_by_source_sha256 (batch->store, sha256, NULL) : NULL;

  return id != NULL;
}

static void
start_next (Batch *batch)
{
  while (batch->running < batch->max_running && batch->next < batch->paths->len)
    {
      const char *path = g_ptr_array_index (batch->paths, batch->next++);
      g_autoptr(GFile) file = NULL;

      if (g_cancellable_is_cancelled (batch->cancellable))
        {
          batch->cancelled++;
          batch->done++;
          continue;
        }
      if (batch->skip_imported && is_imported (batch, path))
        {
          batch->skipped++;
          batch->done++;
          continue;
        }
      file = g_file_new_for_path (path);
      batch->running++;
      tr_import_file_async (file, NULL, batch->worker_argv, NULL, NULL, NULL, batch->cancellable, on_imported,
                            batch);
    }
}

typedef struct {
  double wall;
  double workers_cpu;
  double self_cpu;      /* reading the workers' output, saving */
  double early_rss_mb;  /* this process, after a tenth of the batch */
  double end_rss_mb;
  guint  imported;      /* saved in the library */
  guint  skipped;       /* already there */
  guint  cancelled;
  guint  failed;
} BatchTimes;

/* Imports every PDF with at most @max_running workers at once, as the
 * command line does, into the library @db (a new one unless @resume); with
 * @cancel_after, cancels the batch once that many files are done. */
static gboolean
run_batch_full (const char          *db,
                GPtrArray           *paths,
                const char * const  *worker_argv,
                guint                max_running,
                gboolean             resume,
                guint                cancel_after,
                BatchTimes          *out_times,
                GError             **error)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Batch batch = { .worker_argv = worker_argv, .paths = paths, .max_running = max_running,
                  .cancellable = cancellable, .cancel_mark = cancel_after, .skip_imported = resume };
  double children_before, self_before;
  gint64 start;

  if (!resume)
    g_unlink (db);
  store = tr_report_store_open (db, error);
  if (store == NULL)
    return FALSE;
  batch.store = store;
  batch.early_mark = MAX (paths->len / 10, 1);

  children_before = cpu_s (RUSAGE_CHILDREN);
  self_before = cpu_s (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  start_next (&batch);
  while (batch.done < paths->len)
    g_main_context_iteration (NULL, TRUE);
  out_times->wall = elapsed_s (start);
  out_times->workers_cpu = cpu_s (RUSAGE_CHILDREN) - children_before;
  out_times->self_cpu = cpu_s (RUSAGE_SELF) - self_before;
  out_times->early_rss_mb = batch.early_rss_mb;
  out_times->end_rss_mb = status_mb ("VmRSS");
  out_times->skipped = batch.skipped;
  out_times->cancelled = batch.cancelled;
  out_times->failed = batch.failed;
  out_times->imported = paths->len - batch.skipped - batch.cancelled - batch.failed;
  if (batch.failed > 0)
    g_print ("%u files could not be imported; the first: %s\n", batch.failed, batch.first_failure);
  g_free (batch.first_failure);

  if (batch.error != NULL)
    {
      g_propagate_error (error, batch.error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_batch (const char          *db,
           GPtrArray           *paths,
           const char * const  *worker_argv,
           guint                max_running,
           BatchTimes          *out_times,
           GError             **error)
{
  return run_batch_full (db, paths, worker_argv, max_running, FALSE, 0, out_times, error);
}

/* `pdftotext -enc UTF-8` on each file in turn: the wall time. */
static gboolean
run_sequential_pdftotext (GPtrArray  *paths,
                          double     *out_wall,
                          GError    **error)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", g_ptr_array_index (paths, i), "-", NULL };

      if (!spawn (argv, error))
        return FALSE;
    }
  *out_wall = elapsed_s (start);
  return TRUE;
}

/* `xargs -0 -P@n_jobs -n1 pdftotext -enc UTF-8` over @paths: the wall time. */
static gboolean
run_xargs_pdftotext (GPtrArray  *paths,
                     guint       n_jobs,
                     double     *out_wall,
                     GError    **error)
{
  g_autofree char *jobs = g_strdup_printf ("%u", n_jobs);
  const char *argv[] = { "xargs", "-0", "-P", jobs, "-n", "1", "pdftotext", "-enc", "UTF-8", NULL };
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start;

  for (guint i = 0; i < paths->len; i++)
    g_string_append_len (input, g_ptr_array_index (paths, i), (gssize) strlen (g_ptr_array_index (paths, i)) + 1);
  stdin_bytes = g_bytes_new (input->str, input->len);

  start = g_get_monotonic_time ();
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, error);
  if (process == NULL || !g_subprocess_communicate (process, stdin_bytes, NULL, NULL, NULL, error) ||
      !g_subprocess_wait_check (process, NULL, error))
    return FALSE;
  *out_wall = elapsed_s (start);
  return TRUE;
}

/* A report as an office writes it: cover, 提要 form, contents, 4 to 30
 * pages of text, and up to 6 photos. */
static guint
make_real_style_pdf (TrBenchText  *gen,
                     guint         index,
                     const char   *path,
                     GError      **error)
{
  guint pages = 4 + (index * 7) % 27;
  g_autoptr(TrReport) report = tr_bench_text_make_report (gen, pages * CHARS_PER_PAGE);

  if (index % 3 != 0)
    add_photos (report, index % 7);
  return make_pdf_full (report, TRUE, path, error);
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
  gint64 start = g_get_monotonic_time ();
  g_autofree char *resume_db = g_build_filename (dir, "batch-resumed.db", NULL);
  BatchTimes ours, cancelled, resumed;
  double theirs, sequential, ratio;
  char label[64];

  for (int i = 0; i < opt_batch; i++)
    {
      g_autofree char *name = g_strdup_printf ("batch-%04d.pdf", i);
      char *path = g_build_filename (dir, name, NULL);
      guint n_pages = make_real_style_pdf (gen, (guint) i, path, error);

      if (n_pages == 0)
        return FALSE;
      total_pages += n_pages;
      g_ptr_array_add (paths, path);
    }
  g_print ("A batch of %d reports as offices write them, %u pages in all, made in %.1f s\n",
           opt_batch, total_pages, elapsed_s (start));

  /* pdftotext once untimed, to warm the caches; then each in turn. */
  if (!run_xargs_pdftotext (paths, n_workers, &theirs, error) ||
      !run_batch (db, paths, worker_argv, n_workers, &ours, error) ||
      !run_xargs_pdftotext (paths, n_workers, &theirs, error))
    return FALSE;

  g_snprintf (label, sizeof label, "import, %u workers at a time", n_workers);
  g_print ("%-34s %7.2f s wall; CPU %6.2f s in workers + %5.2f s here: %.2f processors busy\n",
           label, ours.wall, ours.workers_cpu, ours.self_cpu, (ours.workers_cpu + ours.self_cpu) / ours.wall);
  g_snprintf (label, sizeof label, "xargs -P%u pdftotext -enc UTF-8", n_workers);
  g_print ("%-34s %7.2f s wall\n", label, theirs);
  g_print ("Resident memory of the importing process: %.1f MB after %u files, %.1f MB at the end (peak %.1f MB)\n",
           ours.early_rss_mb, MAX ((guint) opt_batch / 10, 1), ours.end_rss_mb, status_mb ("VmHWM"));
  ratio = ours.wall / MAX (theirs, 1e-6);
  g_print ("Batch ratio %.2fx (target within %.1fx of xargs -P%u pdftotext): %s\n", ratio, BATCH_RATIO_TARGET,
           n_workers, ratio <= BATCH_RATIO_TARGET ? "MET" : "NOT MET");

  if (!run_sequential_pdftotext (paths, &sequential, error))
    return FALSE;
  ratio = ours.wall / MAX (sequential, 1e-6);
  g_print ("%-34s %7.2f s wall\n", "pdftotext -enc UTF-8, one by one", sequential);
  g_print ("Batch against a sequential pdftotext loop: %.2fx (target within %.1fx): %s\n", ratio,
           BATCH_RATIO_TARGET, ratio <= BATCH_RATIO_TARGET ? "MET" : "NOT MET");

  /* Cancelled half-way, then resumed into the same library. */
  if (!run_batch_full (resume_db, paths, worker_argv, n_workers, FALSE, MAX (paths->len / 2, 1), &cancelled, error) ||
      !run_batch_full (resume_db, paths, worker_argv, n_workers, TRUE, 0, &resumed, error))
    return FALSE;
  {
    g_autoptr(TrReportStore) store = tr_report_store_open (resume_db, error);
    guint in_library;

    if (store == NULL)
      return FALSE;
    in_library = tr_report_store_count (store, error);
    g_print ("Cancelled after %u files: %u imported, %u cancelled in %.2f s; resumed: %u skipped as imported, "
             "%u imported in %.2f s; the library has %u reports of %u files: %s\n",
             MAX (paths->len / 2, 1), cancelled.imported, cancelled.cancelled, cancelled.wall, resumed.skipped,
             resumed.imported, resumed.wall, in_library, paths->len,
             in_library == paths->len ? "each once" : "NOT each once");
  }
  return TRUE;
}

/* What `uptime` says: how loaded the machine was. */
static void
print_uptime (const char *when)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "uptime", NULL };

  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, NULL, NULL) && out != NULL)
    g_print ("Load %s:%s", when, out);
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
  g_option_context_set_summary (context, "Times PDF import against pdftotext: text, photos, and a batch on every processor.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_pages < 1 || opt_runs < 1 || opt_batch < 1 || opt_photos < 0)
    {
      g_printerr ("--pages, --runs and --batch must be positive, --photos not negative\n");
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
  print_uptime ("before");
  ok = bench_long (dir, "text", 0, TEXT_RATIO_TARGET, gen, worker_argv, &error) &&
       (opt_photos == 0 || bench_long (dir, "photos", (guint) opt_photos, PHOTOS_RATIO_TARGET, gen, worker_argv, &error)) &&
       bench_batch (dir, gen, worker_argv, &error);
  print_uptime ("after");
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
