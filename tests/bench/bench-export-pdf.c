/* bench-export-pdf.c: how fast and how lean the PDF export is
 *
 * In one run: a report of about --pages pages to PDF with
 * tr_pdf_export_to_file(), against LibreOffice converting our own ODT of
 * the same report (`soffice --headless --convert-to pdf`), in turns, each
 * side's median time and median CPU time, with the ratios, and the CPU
 * time of our calling thread alone, which the time of an idle machine is
 * at least (the other threads work beside it); then the peak
 * memory (getrusage of the child) of the real `trip-reports export ID
 * --output F.pdf` on a report of about --big-pages pages with --photos
 * photos, read from a real library. --soffice-runs 0 and --big-pages 0
 * leave out LibreOffice and the memory (to profile our side alone).
 *
 *   bench-export-pdf [--pages 100 --runs 7 --soffice-runs 5]
 *                    [--big-pages 300 --photos 100] [--binary PATH] [--dir D --keep]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "tr-bench-stats.h"
#include "tr-bench-text.h"
#include "tr-odt-exporter.h"
#include "tr-pdf-exporter.h"
#include "tr-report-store.h"

#define DEFAULT_SEED 20261203
/* Characters of this generator's text on one page of our PDF (14 pt,
 * 1.5 lines, TW-Kai), measured; LibreOffice lays it out as densely. The
 * report is sized from it and the real count printed. */
#define CHARS_PER_PAGE 870

static int opt_pages = 100;
static int opt_runs = 7;
static int opt_soffice_runs = 5;
static int opt_big_pages = 300;
static int opt_photos = 100;
static gint64 opt_seed = DEFAULT_SEED;
static char *opt_binary = NULL;
static char *opt_dir = NULL;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "pages", 0, 0, G_OPTION_ARG_INT, &opt_pages, "Pages of the timed report (default 100)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "PDF exports to time (default 7)", "N" },
  { "soffice-runs", 0, 0, G_OPTION_ARG_INT, &opt_soffice_runs, "LibreOffice conversions to time, 0 for none (default 5)", "N" },
  { "big-pages", 0, 0, G_OPTION_ARG_INT, &opt_big_pages, "Pages of the report whose memory is measured, 0 for none (default 300)", "N" },
  { "photos", 0, 0, G_OPTION_ARG_INT, &opt_photos, "Photos of that report (default 100)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "Seed of the text generator", "N" },
  { "binary", 0, 0, G_OPTION_ARG_FILENAME, &opt_binary, "The trip-reports binary (default: $TR_BINARY)", "PATH" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Folder for the files (default: a new temporary folder)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the temporary folder", NULL },
  { NULL }
};

/* CPU seconds, user and system, of this process's threads (RUSAGE_SELF)
 * or of its finished and waited-for children and theirs
 * (RUSAGE_CHILDREN): LibreOffice's launcher waits for soffice.bin. */
static double
cpu_s (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
         usage.ru_stime.tv_usec / 1e6;
}

/* CPU seconds of the calling thread alone: the export's other threads
 * work beside it, so that on an idle machine it takes at least this. A
 * loaded machine hides it less than the time; but work moved from one
 * thread to another changes it too. */
static double
thread_cpu_s (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static void
print_load (const char *when)
{
  double load[3];

  if (getloadavg (load, 3) == 3)
    g_print ("Load average %s: %.2f %.2f %.2f (%d processors)\n", when, load[0], load[1], load[2],
             g_get_num_processors ());
}

static gboolean
spawn (const char * const  *argv,
       GError             **error)
{
  g_autofree char *standard_error = NULL;
  int status;

  /* Descriptors left open, GLib starts it with posix_spawn(), not fork():
   * a fork would mark every page of this process copy-on-write, and the
   * export timed next would pay a page fault for each it writes to (2,400
   * faults, some 40 ms of its time). */
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

/* The time and the CPU time of one run of one side, in milliseconds. */
typedef struct {
  GArray *wall;
  GArray *cpu;
} Runs;

static void
runs_init (Runs *runs)
{
  runs->wall = g_array_new (FALSE, FALSE, sizeof (double));
  runs->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
runs_clear (Runs *runs)
{
  g_clear_pointer (&runs->wall, g_array_unref);
  g_clear_pointer (&runs->cpu, g_array_unref);
}

static void
runs_add (Runs   *runs,
          gint64  start,
          double  cpu_start,
          int     who)
{
  double wall = (g_get_monotonic_time () - start) / 1000.0;
  double cpu = (cpu_s (who) - cpu_start) * 1000.0;

  g_array_append_val (runs->wall, wall);
  g_array_append_val (runs->cpu, cpu);
}

/* A photo as it is put in a report, smaller than a camera's: 1600 × 1200,
 * a JPEG of a noisy scene (some 600 KB), so that nothing compresses it
 * away. */
static TrPhoto *
make_photo (GRand  *rand,
            guint   number)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1600, 1200);
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = g_strdup_printf ("第%u張參訪照片", number);
  gchar *buffer = NULL;
  gsize size = 0;
  TrPhoto *photo;

  for (int y = 0; y < 1200; y++)
    for (int x = 0; x < 1600; x++)
      {
        guint8 *p = gdk_pixbuf_get_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) + x * 3;
        guint8 noise = g_rand_int_range (rand, 0, 20);

        p[0] = (x * 191 / 1600 + number * 13) % 192 + noise;
        p[1] = (y * 191 / 1200) % 192 + noise;
        p[2] = ((x + y) / 12 % 2) * 128 + noise;
      }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "85", NULL))
    g_error ("%s", error->message);
  photo = tr_photo_new_from_bytes (g_bytes_new_take (buffer, size), "photo.jpg", &error);
  if (photo == NULL)
    g_error ("%s", error->message);
  tr_photo_set_caption (photo, caption);
  return photo;
}

static void
print_runs (const char *label,
            Runs       *runs)
{
  double wall = tr_bench_median (runs->wall);
  double cpu = tr_bench_median (runs->cpu);

  g_print ("%-48s %8.0f ms %8.0f ms %8.0f ms\n", label, wall, g_array_index (runs->wall, double, 0), cpu);
}

static gboolean
run_speed (const char  *dir,
           GError     **error)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new ((guint32) opt_seed);
  g_autoptr(TrReport) report = tr_bench_text_make_report (gen, opt_pages * CHARS_PER_PAGE);
  g_autofree char *pdf_path = g_build_filename (dir, "ours.pdf", NULL);
  g_autofree char *odt_path = g_build_filename (dir, "ours.odt", NULL);
  g_autofree char *lo_dir = g_build_filename (dir, "libreoffice", NULL);
  g_autofree char *profile_dir = g_build_filename (dir, "libreoffice-profile", NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  g_autofree char *lo_pdf = g_build_filename (lo_dir, "ours.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) odt = g_file_new_for_path (odt_path);
  const char *soffice[] = { "soffice", profile, "--headless", "--norestore", "--convert-to", "pdf",
                            "--outdir", lo_dir, odt_path, NULL };
  Runs ours, theirs;
  g_autoptr(GArray) ours_thread_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean ok = FALSE;
  guint n_pages = 0;
  GStatBuf st;

  if (!tr_odt_export_to_file (report, odt, NULL, error))
    return FALSE;
  /* One untimed run each: LibreOffice makes its profile on its first. */
  if (!tr_pdf_export_to_file (report, pdf, &n_pages, NULL, error) ||
      (opt_soffice_runs > 0 && !spawn (soffice, error)))
    return FALSE;
  {
    g_autofree char *text = tr_bench_text_get_report_text (report);

    g_print ("bench-export-pdf: a report of %u pages in our PDF (%ld characters), seed %" G_GINT64_FORMAT
             ", in %s\n", n_pages, g_utf8_strlen (text, -1), opt_seed, dir);
  }
  print_load ("before");

  /* Taken in turns, so that a load coming or going weighs on both sides
   * alike. */
  runs_init (&ours);
  runs_init (&theirs);
  for (int i = 0; i < MAX (opt_runs, opt_soffice_runs); i++)
    {
      gint64 start;
      double cpu_start;

      if (i < opt_runs)
        {
          double thread_cpu;

          start = g_get_monotonic_time ();
          cpu_start = cpu_s (RUSAGE_SELF);
          thread_cpu = thread_cpu_s ();
          if (!tr_pdf_export_to_file (report, pdf, NULL, NULL, error))
            goto out;
          thread_cpu = (thread_cpu_s () - thread_cpu) * 1000.0;
          runs_add (&ours, start, cpu_start, RUSAGE_SELF);
          g_array_append_val (ours_thread_cpu, thread_cpu);
        }
      if (i < opt_soffice_runs)
        {
          start = g_get_monotonic_time ();
          cpu_start = cpu_s (RUSAGE_CHILDREN);
          if (!spawn (soffice, error))
            goto out;
          runs_add (&theirs, start, cpu_start, RUSAGE_CHILDREN);
        }
    }
  print_load ("after");

  if (g_stat (pdf_path, &st) == 0)
    g_print ("Ours:        %s, %.0f KB\n", pdf_path, st.st_size / 1e3);
  if (opt_soffice_runs > 0 && g_stat (lo_pdf, &st) == 0)
    g_print ("LibreOffice: %s, %.0f KB\n", lo_pdf, st.st_size / 1e3);
  g_print ("\n%-48s %11s %11s %11s\n", "", "median", "fastest", "median CPU");
  print_runs ("tr_pdf_export_to_file (with fsync)", &ours);
  g_print ("%-48s %35.0f ms\n", "  of which in the calling thread", tr_bench_median (ours_thread_cpu));
  if (opt_soffice_runs > 0)
    {
      double ratio, cpu_ratio;

      print_runs ("soffice --headless --convert-to pdf (our ODT)", &theirs);
      ratio = tr_bench_median (theirs.wall) / MAX (tr_bench_median (ours.wall), 0.001);
      /* CPU time (user and system, all threads) is what a loaded machine
       * hides least: compare it when the times above wander. */
      cpu_ratio = tr_bench_median (theirs.cpu) / MAX (tr_bench_median (ours.cpu), 0.001);
      g_print ("\nCPU time: %.1fx less than LibreOffice\n", cpu_ratio);
      g_print ("Target at least 10x faster than LibreOffice: %.1fx, %s\n", ratio,
               ratio >= 10 ? "MET" : "NOT MET");
    }
  ok = TRUE;

out:
  runs_clear (&ours);
  runs_clear (&theirs);
  return ok;
}

static gboolean
run_memory (const char  *dir,
            const char  *binary,
            GError     **error)
{
  g_autoptr(TrBenchText) gen = tr_bench_text_new ((guint32) opt_seed + 1);
  g_autoptr(TrReport) report = tr_bench_text_make_report (gen, opt_big_pages * CHARS_PER_PAGE);
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) opt_seed);
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "big.pdf", NULL);
  g_autoptr(TrReportStore) store = NULL;
  const char *argv[] = { binary, "export", NULL, "--output", pdf_path, "--db", db_path, NULL };
  struct rusage usage;
  guint64 photo_bytes = 0;
  double max_rss_mb, seconds;
  gint64 start;
  GPid pid;
  int status;

  for (int i = 0; i < opt_photos; i++)
    {
      g_autoptr(TrPhoto) photo = make_photo (rand, i + 1);

      photo_bytes += g_bytes_get_size (tr_photo_get_data (photo));
      g_list_store_append (tr_report_get_photos (report), photo);
    }
  if ((store = tr_report_store_open (db_path, error)) == NULL ||
      !tr_report_store_save (store, report, error))
    return FALSE;
  g_clear_object (&store);
  argv[2] = tr_report_get_id (report);

  /* A child of its own: its peak is the export's alone. */
  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, error))
    return FALSE;
  if (wait4 (pid, &status, 0, &usage) < 0 || !g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s export: ", binary);
      return FALSE;
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  max_rss_mb = usage.ru_maxrss / 1024.0;

  g_print ("\nA report of %d pages with %d photos (%.1f MB of JPEG), from a library, to PDF:\n",
           opt_big_pages, opt_photos, photo_bytes / 1e6);
  {
    /* The export keeps the page count in the report. */
    g_autoptr(TrReport) saved = NULL;

    if ((store = tr_report_store_open (db_path, error)) == NULL ||
        (saved = tr_report_store_load (store, tr_report_get_id (report), error)) == NULL)
      return FALSE;
    g_print ("%-52s %u pages in %.1f s\n", "trip-reports export ID --output big.pdf",
             tr_report_get_pages (saved), seconds);
  }
  {
    GStatBuf st;

    if (g_stat (pdf_path, &st) == 0)
      g_print ("%-52s %.1f MB\n", "big.pdf", st.st_size / 1e6);
  }
  g_print ("%-52s %.1f MB\n", "peak resident memory (getrusage of the child)", max_rss_mb);
  g_print ("Target under 150 MB: %.1f MB, %s\n", max_rss_mb, max_rss_mb < 150 ? "MET" : "NOT MET");
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *binary;
  gboolean is_temporary = FALSE;
  gboolean ok;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times the PDF export against LibreOffice and measures its memory.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  binary = opt_binary != NULL ? opt_binary : g_getenv ("TR_BINARY");
  if (opt_pages < 1 || opt_runs < 1 || opt_soffice_runs < 0 || opt_big_pages < 0 || opt_photos < 0)
    {
      g_printerr ("--pages and --runs must be positive, --soffice-runs, --big-pages and --photos not negative\n");
      return 2;
    }
  if (binary == NULL && opt_big_pages > 0)
    {
      g_printerr ("Give the trip-reports binary with --binary or $TR_BINARY\n");
      return 2;
    }

  dir = tr_bench_make_dir (opt_dir, "bench-export-pdf", &is_temporary);
  if (dir == NULL)
    return 1;

  ok = run_speed (dir, &error) && (opt_big_pages == 0 || run_memory (dir, binary, &error));
  if (!ok)
    g_printerr ("bench-export-pdf: %s\n", error->message);

  if (is_temporary && !opt_keep)
    {
      const char *rm[] = { "rm", "-rf", dir, NULL };

      g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
  else
    g_print ("The files are in %s\n", dir);
  return ok ? 0 : 1;
}
