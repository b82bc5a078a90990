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
 * contents, a few photos), imported by `trip-reports import` (a worker per
 * processor at a time), against `xargs -P<processors> pdftotext` on the
 * same files, the two in turn --runs times (each side's median), and
 * against a sequential `pdftotext` loop over them (issue #18's reference
 * for a large batch); with the CPU time of each side, the
 * command's own, and its resident memory at the first file, half-way and at
 * the end. Then the batch once more into a new library, stopped half-way
 * by Ctrl+C (SIGINT to its process group, as a terminal sends it) and run
 * again: files already imported are skipped by the SHA-256 of their bytes;
 * the library must end with every file once.
 *
 *   bench-import [--pages 200 --photos 100 --runs 5 --batch 50] [--worker PATH] [--dir D --keep]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
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

  /* With posix_spawn(), as GLib starts it when descriptors are left open:
   * a fork() would make every page of this process copy-on-write, and the
   * import timed next would pay a fault for each it writes to, a cost of
   * the benchmark, not of the import. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_LEAVE_DESCRIPTORS_OPEN,
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

/* A field of /proc/PID/status ("VmRSS", "RssAnon") in MB, or 0. */
static double
status_mb (GPid        pid,
           const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *at;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (at = strstr (status, key)) == NULL)
    return 0;
  return g_ascii_strtod (at + strlen (key), NULL) / 1024.0;
}

/* The CPU seconds of process @pid itself, from /proc (a zombie's too). */
static double
own_cpu_s (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after_name = strrchr (stat, ')')) == NULL)
    return 0;
  /* From the state (field 3) on: utime and stime are fields 14 and 15. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return 0;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

/* Resident memory of the command, in MB: all of it and its own (anonymous)
 * part, the rest being libraries and the library file mapped. */
typedef struct {
  double rss;
  double anon;
} Memory;

typedef struct {
  double wall;
  double cpu;           /* the command and its workers */
  double own_cpu;       /* the command alone: reading the workers' output, saving, indexing */
  Memory first;         /* once the first report is in the library */
  Memory middle;        /* once half of them are */
  Memory end;           /* the last look before it exited */
  double peak_rss;
  int    exit_status;   /* or 128 + the signal that ended it */
  guint  in_library;
} CliBatch;

static void
join_process_group (gpointer user_data)
{
  setpgid (0, 0);
}

static Memory
read_memory (GPid pid)
{
  return (Memory) { status_mb (pid, "VmRSS"), status_mb (pid, "RssAnon") };
}

/* Runs `trip-reports import --db @db` on every file of @paths, as a user
 * does in a terminal (its own process group), watching the library with a
 * second connection and the command's memory; with @stop_at, sends the
 * group Ctrl+C's SIGINT once the library has that many reports. */
static gboolean
run_cli_batch (const char  *db,
               GPtrArray   *paths,
               guint        stop_at,
               CliBatch    *out,
               GError     **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(TrReportStore) store = NULL;
  const char *binary = g_getenv ("TR_BINARY") != NULL ? g_getenv ("TR_BINARY") : BUILD_BINARY;
  gboolean stopped = FALSE;
  guint half = MAX (paths->len / 2, 1);
  struct rusage usage;
  gint64 start;
  GPid pid;
  int status;

  memset (out, 0, sizeof *out);
  /* The library exists before the command, for this connection to watch. */
  store = tr_report_store_open (db, error);
  if (store == NULL)
    return FALSE;

  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, "import");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv->pdata, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      join_process_group, NULL, &pid, error))
    return FALSE;

  for (;;)
    {
      siginfo_t info = { 0 };
      Memory now;
      guint count;

      /* Exited: its CPU time is still readable until it is reaped. */
      if (waitid (P_PID, (id_t) pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid)
        break;
      now = read_memory (pid);
      count = tr_report_store_count (store, NULL);
      if (now.rss > 0)
        out->end = now;
      out->peak_rss = MAX (out->peak_rss, now.rss);
      if (count >= 1 && out->first.rss == 0)
        out->first = now;
      if (count >= half && out->middle.rss == 0)
        out->middle = now;
      if (stop_at > 0 && count >= stop_at && !stopped)
        {
          kill (-pid, SIGINT);
          stopped = TRUE;
        }
      g_usleep (20 * 1000);
    }
  out->own_cpu = own_cpu_s (pid);
  if (wait4 (pid, &status, 0, &usage) != pid)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot wait for it", binary);
      return FALSE;
    }
  out->wall = elapsed_s (start);
  g_spawn_close_pid (pid);
  out->cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  out->exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  out->in_library = tr_report_store_count (store, NULL);
  return TRUE;
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

/* The library at @db gone, with its write-ahead log. */
static void
remove_library (const char *db)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

      g_unlink (path);
    }
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
bench_batch (const char   *dir,
             TrBenchText  *gen,
             GError      **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *db = g_build_filename (dir, "batch.db", NULL);
  g_autofree char *resume_db = g_build_filename (dir, "batch-resumed.db", NULL);
  guint n_workers = MAX (g_get_num_processors (), 1);
  guint total_pages = 0;
  guint stop_at = MAX (opt_batch / 2, 1);
  gint64 start = g_get_monotonic_time ();
  CliBatch ours = { 0 }, stopped, resumed;
  double theirs, sequential, theirs_cpu, round_theirs_cpu, ratio;
  g_autoptr(GArray) our_walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) our_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) our_own_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) their_walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) their_cpus = g_array_new (FALSE, FALSE, sizeof (double));
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

  /* pdftotext once untimed, to warm the caches; then each in turn, --runs
   * times: a virtual machine's speed drifts from one second to the next,
   * so each side's median is taken, of runs made side by side. The memory
   * is the first run's. */
  if (!run_xargs_pdftotext (paths, n_workers, &theirs, error))
    return FALSE;
  for (int r = 0; r < opt_runs; r++)
    {
      CliBatch round;
      double cpu_before, round_theirs;

      remove_library (db);
      if (!run_cli_batch (db, paths, 0, &round, error))
        return FALSE;
      if (round.exit_status != 0 || round.in_library != paths->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the import ended with status %d and %u of %u files in the library",
                       round.exit_status, round.in_library, paths->len);
          return FALSE;
        }
      cpu_before = cpu_s (RUSAGE_CHILDREN);
      if (!run_xargs_pdftotext (paths, n_workers, &round_theirs, error))
        return FALSE;
      g_array_append_val (our_walls, round.wall);
      g_array_append_val (our_cpus, round.cpu);
      g_array_append_val (our_own_cpus, round.own_cpu);
      g_array_append_val (their_walls, round_theirs);
      round_theirs_cpu = cpu_s (RUSAGE_CHILDREN) - cpu_before;
      g_array_append_val (their_cpus, round_theirs_cpu);
      if (r == 0)
        ours = round;
      g_print ("  run %d: trip-reports import %.2f s, xargs pdftotext %.2f s: %.2fx\n", r + 1, round.wall,
               round_theirs, round.wall / MAX (round_theirs, 1e-6));
    }
  ours.wall = tr_bench_median (our_walls);
  ours.cpu = tr_bench_median (our_cpus);
  ours.own_cpu = tr_bench_median (our_own_cpus);
  theirs = tr_bench_median (their_walls);
  theirs_cpu = tr_bench_median (their_cpus);

  g_print ("Medians of %d runs each:\n", opt_runs);
  g_print ("%-34s %7.2f s wall; CPU %6.2f s, %5.2f s of it the command's own: %.2f processors busy\n",
           "trip-reports import", ours.wall, ours.cpu, ours.own_cpu, ours.cpu / ours.wall);
  g_snprintf (label, sizeof label, "xargs -P%u pdftotext -enc UTF-8", n_workers);
  g_print ("%-34s %7.2f s wall; CPU %6.2f s\n", label, theirs, theirs_cpu);
  g_print ("Resident memory of the import command, at the first file, half-way and at the end: "
           "%.1f, %.1f, %.1f MB (its own, anonymous: %.1f, %.1f, %.1f MB; peak seen %.1f MB)\n",
           ours.first.rss, ours.middle.rss, ours.end.rss, ours.first.anon, ours.middle.anon, ours.end.anon,
           ours.peak_rss);
  ratio = ours.wall / MAX (theirs, 1e-6);
  g_print ("Batch ratio %.2fx (target within %.1fx of xargs -P%u pdftotext): %s\n", ratio, BATCH_RATIO_TARGET,
           n_workers, ratio <= BATCH_RATIO_TARGET ? "MET" : "NOT MET");
  g_print ("CPU ratio %.2fx (both sides on every processor: the least the wall ratio can be)\n",
           ours.cpu / MAX (theirs_cpu, 1e-6));

  if (!run_sequential_pdftotext (paths, &sequential, error))
    return FALSE;
  ratio = ours.wall / MAX (sequential, 1e-6);
  g_print ("%-34s %7.2f s wall\n", "pdftotext -enc UTF-8, one by one", sequential);
  g_print ("Batch against a sequential pdftotext loop: %.2fx (target within %.1fx): %s\n", ratio,
           BATCH_RATIO_TARGET, ratio <= BATCH_RATIO_TARGET ? "MET" : "NOT MET");

  /* Stopped half-way by Ctrl+C, then the same command again. */
  remove_library (resume_db);
  if (!run_cli_batch (resume_db, paths, stop_at, &stopped, error) ||
      !run_cli_batch (resume_db, paths, 0, &resumed, error))
    return FALSE;
  g_print ("Stopped by Ctrl+C once %u files were in: status %d, %u in the library after %.2f s; run again: "
           "%u more in %.2f s; the library has %u reports of %u files: %s\n",
           stop_at, stopped.exit_status, stopped.in_library, stopped.wall, resumed.in_library - stopped.in_library,
           resumed.wall, resumed.in_library, paths->len,
           resumed.in_library == paths->len && stopped.exit_status == 128 + SIGINT ? "each once" : "NOT each once");
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
  /* For the command line the batch runs: this worker, the build tree's modules. */
  g_setenv ("TR_IMPORT_WORKER", worker_argv[0], TRUE);
  g_setenv ("TR_LIBEXECDIR", BUILD_LIBEXECDIR, FALSE);

  dir = tr_bench_make_dir (opt_dir, "bench-import", &is_temporary);
  if (dir == NULL)
    return 1;

  gen = tr_bench_text_new ((guint32) opt_seed);
  g_print ("bench-import: seed %" G_GINT64_FORMAT ", %u processors, in %s\n",
           opt_seed, g_get_num_processors (), dir);
  print_uptime ("before");
  ok = bench_long (dir, "text", 0, TEXT_RATIO_TARGET, gen, worker_argv, &error) &&
       (opt_photos == 0 || bench_long (dir, "photos", (guint) opt_photos, PHOTOS_RATIO_TARGET, gen, worker_argv, &error)) &&
       bench_batch (dir, gen, &error);
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
