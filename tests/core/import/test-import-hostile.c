/* test-import-hostile.c: PDF import against what a hostile or careless
 * batch brings
 *
 * Files that are not files (a folder, /dev/zero, a FIFO) or far too large
 * are refused at once, by the command line and the core, without being
 * read; a worker that hangs keeps no other file of its batch unsaved, and
 * dies with its parent; a picture poppler cannot decode is named in a
 * warning; old PDFs whose Chinese fonts are not embedded still import in
 * the worker's confinement. Every PDF is made here (tests/lib/tr-pdf-maker.c); the
 * worker is the real one, or the fake one that waits before becoming it
 * (tests/lib/fake-import-worker.c, named by TR_IMPORT_WORKER).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tr-error.h"
#include "tr-importer.h"
#include "tr-pdf-maker.h"
#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-warning.h"

#if defined(__SANITIZE_ADDRESS__)
# define ASAN_BUILD 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define ASAN_BUILD 1
# endif
#endif
#ifndef ASAN_BUILD
# define ASAN_BUILD 0
#endif

/* Far more than a refusal costs; far less than reading the 600 MiB file. */
#define MAX_REFUSAL_RSS_KIB (256 * 1024)
/* What a command may take before the test calls it hung. */
#define DEADLINE_SECONDS 120

static char *test_dir;

static char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static const char * const *
worker_argv (void)
{
  static const char *argv[] = { NULL, NULL };

  argv[0] = g_getenv ("TR_IMPORT_WORKER");
  g_assert_nonnull (argv[0]);
  return argv;
}

static const char *
fake_worker (void)
{
  const char *path = g_getenv ("TR_FAKE_IMPORT_WORKER");

  g_assert_nonnull (path);
  return path;
}

/* A short report laid out by the PDF maker; @name is in its text, so that
 * no two files have the same bytes. */
static char *
make_report_pdf (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (name);
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autofree char *purpose = g_strdup_printf ("了解新加坡推動宜居城市之政策與經驗（%s）。", name);

  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "壹、目的");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, purpose);
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "貳、過程");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, "七月九日抵達新加坡，出席世界城市峰會開幕式。");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "參、心得");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, "新加坡政府長期規劃，公私協力推動城市治理。");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "肆、建議");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, "一、持續參與國際城市交流活動。");
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);
  return path;
}

static TrReport *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return tr_import_file (file, NULL, worker_argv (), NULL, error);
}

static gboolean
has_warning (TrReport   *report,
             const char *words)
{
  /* As the user reads them: the report keeps codes. */
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    {
      g_autofree char *warning = tr_warning_format (*w);

      if (strstr (warning, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Running the command line, watched ----------------------------------------- */

typedef struct {
  int      status;       /* the exit status, or -1 when killed by a signal */
  char    *out;
  char    *err;
  glong    max_rss_kib;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Before a fix, reading /dev/zero or a huge file whole could take every
 * byte of the machine: the command gets a limit (not under
 * AddressSanitizer, whose shadow memory needs terabytes of addresses). */
static void
limit_memory (gpointer user_data)
{
  struct rlimit limit = { .rlim_cur = (rlim_t) 1 << 30, .rlim_max = (rlim_t) 1 << 30 };

  if (!ASAN_BUILD)
    setrlimit (RLIMIT_AS, &limit);
}

static void
drain (int      fd,
       GString *into)
{
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (into, buffer, n);
}

/* Runs `trip-reports @args` with "NAME=value" @env additions; a command
 * that is still running after DEADLINE_SECONDS is killed and fails the
 * test. Measures its peak memory. */
static Run
run_cli (const char * const *env,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;
  struct rusage usage = { 0 };
  Run run = { 0 };
  int out_fd, err_fd, status = 0;
  GPid pid;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TR_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, parts[0], parts[1], TRUE);
    }

  g_spawn_async_with_pipes (test_dir, (char **) argv->pdata, envp,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                            limit_memory, NULL, &pid, NULL, &out_fd, &err_fd, &error);
  g_assert_no_error (error);
  g_unix_set_fd_nonblocking (out_fd, TRUE, NULL);
  g_unix_set_fd_nonblocking (err_fd, TRUE, NULL);

  for (;;)
    {
      pid_t done = wait4 (pid, &status, WNOHANG, &usage);

      drain (out_fd, out);
      drain (err_fd, err);
      if (done == pid)
        break;
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          g_error ("`%s` still ran after %d s", args[0], DEADLINE_SECONDS);
        }
      g_usleep (10 * 1000);
    }
  drain (out_fd, out);
  drain (err_fd, err);
  close (out_fd);
  close (err_fd);

  run.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  run.out = g_string_free (g_steal_pointer (&out), FALSE);
  run.err = g_string_free (g_steal_pointer (&err), FALSE);
  run.max_rss_kib = usage.ru_maxrss;
  return run;
}

#define cli(...) run_cli (NULL, (const char * const []) { __VA_ARGS__, NULL })

/* Not files, and too large -------------------------------------------------- */

typedef struct {
  const char *what;
  char       *path;
  TrError     code;
  const char *words;
} Refused;

/* A sparse file of 600 MiB (no disk used), /dev/zero, a FIFO without a
 * writer and a folder named like a PDF. */
static GArray *
make_refused_files (void)
{
  GArray *files = g_array_new (FALSE, TRUE, sizeof (Refused));
  Refused huge = { "a 600 MiB file", test_path ("huge.pdf"), TR_ERROR_PDF_TOO_LARGE,
                   /* g_format_size() puts a no-break space before the unit */
                   "the file is too large (629.1\u00A0MB; at most 536.9\u00A0MB can be imported)" };
  Refused zero = { "/dev/zero", g_strdup ("/dev/zero"), TR_ERROR_PDF_NOT_PDF, "this is a device, not a PDF file" };
  Refused fifo = { "a FIFO", test_path ("fifo.pdf"), TR_ERROR_PDF_NOT_PDF, "this is a pipe, not a PDF file" };
  Refused folder = { "a folder", test_path ("folder.pdf"), TR_ERROR_PDF_NOT_PDF, "this is a folder, not a PDF" };
  int fd;

  fd = g_open (huge.path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "%PDF-1.7\n", 9), ==, 9);
  g_assert_no_errno (ftruncate (fd, (off_t) 600 << 20));
  close (fd);
  g_assert_no_errno (mkfifo (fifo.path, 0600));
  g_assert_no_errno (g_mkdir (folder.path, 0755));

  g_array_append_val (files, huge);
  g_array_append_val (files, zero);
  g_array_append_val (files, fifo);
  g_array_append_val (files, folder);
  return files;
}

static void
free_refused_files (GArray *files)
{
  for (guint i = 0; i < files->len; i++)
    g_free (g_array_index (files, Refused, i).path);
  g_array_unref (files);
}

/* The core's import, which the window uses: in a subprocess of its own,
 * since before the fix a FIFO blocked it for good and /dev/zero filled
 * the memory. */
static void
test_refused_by_core (void)
{
  if (g_test_subprocess ())
    {
      GArray *files = make_refused_files ();

      limit_memory (NULL);
      for (guint i = 0; i < files->len; i++)
        {
          Refused *refused = &g_array_index (files, Refused, i);
          g_autoptr(GError) error = NULL;
          g_autoptr(TrReport) report = NULL;
          g_autoptr(GFile) file = g_file_new_for_path (refused->path);
          g_autoptr(GBytes) data = NULL;

          g_test_message ("%s", refused->what);
          report = import_path (refused->path, &error);
          g_assert_null (report);
          g_assert_error (error, TR_ERROR, (gint) refused->code);
          g_assert_cmpstr (error->message, ==, refused->words);
          g_clear_error (&error);

          /* What the command line reads to look for duplicates. */
          data = tr_import_read_file (file, NULL, &error);
          g_assert_null (data);
          g_assert_error (error, TR_ERROR, (gint) refused->code);
        }
      free_refused_files (files);
      return;
    }

  g_test_trap_subprocess (NULL, DEADLINE_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* `import`, with a library and without (--dry-run): one line naming the
 * file and why, nothing stored, nothing read. */
static void
test_refused_by_cli (void)
{
  GArray *files = make_refused_files ();
  g_autofree char *db = test_path ("refused.db");

  for (guint i = 0; i < files->len; i++)
    {
      Refused *refused = &g_array_index (files, Refused, i);

      for (guint dry_run = 0; dry_run < 2; dry_run++)
        {
          g_auto(Run) run = dry_run ? cli ("import", "--dry-run", "--db", db, refused->path)
                                    : cli ("import", "--db", db, refused->path);
          g_autofree char *line = g_strdup_printf ("trip-reports: “%s”: %s\n", refused->path, refused->words);

          g_test_message ("%s%s: %s (peak %ld KiB)", refused->what, dry_run ? " (dry run)" : "",
                          run.err, run.max_rss_kib);
          g_assert_cmpint (run.status, ==, 1);
          g_assert_cmpstr (run.out, ==, "");
          g_assert_cmpstr (run.err, ==, line);
          g_assert_cmpint (run.max_rss_kib, <, MAX_REFUSAL_RSS_KIB);
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReportStore) store = tr_report_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (tr_report_store_count (store, &error), ==, 0);
  }
  free_refused_files (files);
}

/* A worker that hangs ---------------------------------------------------------- */

static GSubprocess *
start_cli (const char * const *args,
           GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_subprocess_launcher_set_cwd (launcher, test_dir);
  g_subprocess_launcher_setenv (launcher, "TR_IMPORT_WORKER", fake_worker (), TRUE);
  g_subprocess_launcher_setenv (launcher, "TR_IMPORT_TIMEOUT_SECONDS", "600", TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("TR_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
}

static GPid
subprocess_pid (GSubprocess *process)
{
  return (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);
}

/* A file whose worker waits until the test says (see fake-import-worker.c). */
static char *
hold (const char *pdf)
{
  char *hold_path = g_strconcat (pdf, ".hold", NULL);

  g_assert_true (g_file_set_contents (hold_path, "", 0, NULL));
  return hold_path;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* One file that hangs its worker keeps none of the others waiting: each is
 * in the library, as another connection sees it, while the slow one is
 * still being read; killing the command then loses none of them. */
static void
test_batch_saves_each_file (void)
{
  g_autofree char *first = make_report_pdf ("batch-first.pdf");
  g_autofree char *slow = make_report_pdf ("batch-slow.pdf");
  g_autofree char *second = make_report_pdf ("batch-second.pdf");
  g_autofree char *third = make_report_pdf ("batch-third.pdf");
  g_autofree char *slow_hold = hold (slow);
  g_autofree char *db = test_path ("batch.db");
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) slow_worker = NULL;
  gint64 deadline;
  guint count = 0;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("one processor: the slow file holds the only worker");
      return;
    }

  /* The library exists before the command and this connection share it. */
  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  process = start_cli ((const char * const []) { "import", "--db", db, first, slow, second, third, NULL }, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;
  while (count < 3 && g_get_monotonic_time () < deadline)
    {
      g_usleep (50 * 1000);
      count = tr_report_store_count (store, &error);
      g_assert_no_error (error);
    }
  g_test_message ("%u of the 3 quick files in the library while the slow one is read", count);
  slow_worker = tr_test_find_import_readers (subprocess_pid (process), "batch-slow.pdf");

  /* Killed in the middle (before any assertion, which would leave it
   * running): what was read stays. */
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_unlink (slow_hold);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpuint (slow_worker->len, ==, 1);

  infos = tr_report_store_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < infos->len; i++)
    {
      g_autoptr(TrReport) report = tr_report_store_load (store, tr_report_info_get_id (g_ptr_array_index (infos, i)),
                                                         &error);

      g_assert_no_error (error);
      g_ptr_array_add (names, g_strdup (tr_report_get_source_filename (report)));
    }
  g_ptr_array_sort (names, compare_strings);
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "batch-first.pdf");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "batch-second.pdf");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "batch-third.pdf");
}

/* The command killed while its worker reads: the worker goes too, at once,
 * rather than reading on for nobody. We adopt orphans (a subreaper), so
 * that the worker's end is ours to see. */
static void
test_worker_dies_with_parent (void)
{
  g_autofree char *pdf = make_report_pdf ("orphan.pdf");
  g_autofree char *pdf_hold = hold (pdf);
  g_autofree char *db = test_path ("orphan.db");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GArray) workers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  GPid worker;
  int status = 0;
  pid_t reaped = 0;

  g_assert_no_errno (prctl (PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0));
  process = start_cli ((const char * const []) { "import", "--db", db, pdf, NULL }, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC;
  do
    {
      g_usleep (20 * 1000);
      g_clear_pointer (&workers, g_array_unref);
      workers = tr_test_find_children (subprocess_pid (process), "import-worker");
    }
  while (workers->len == 0 && g_get_monotonic_time () < deadline);
  g_assert_cmpuint (workers->len, ==, 1);
  worker = g_array_index (workers, GPid, 0);

  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((reaped = waitpid (worker, &status, WNOHANG)) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (20 * 1000);
  if (reaped == 0)
    {
      kill (worker, SIGKILL);
      waitpid (worker, NULL, 0);
    }
  g_unlink (pdf_hold);
  g_assert_cmpint (reaped, ==, worker);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  prctl (PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
}

/* Old PDFs ------------------------------------------------------------------ */

static const char * const old_report[] = {
  "# 壹、目的", "了解新加坡推動宜居城市之政策與經驗。",
  "# 貳、過程", "七月九日抵達新加坡，出席世界城市峰會開幕式。",
  "# 參、心得", "新加坡政府長期規劃，公私協力推動城市治理。",
  "# 肆、建議", "持續參與國際城市交流活動。",
  "\f",
  "# 附錄", "[picture]", "照片1：參訪濱海灣花園",
  NULL,
};

/* Text in 細明體 that the PDF does not embed, in Big5 and in UCS-2, with a
 * photo: poppler reads the encoding's tables from poppler-data, and the
 * photo is decoded, in the worker's confinement. */
static void
test_unembedded_fonts (void)
{
  for (TrPdfCjkEncoding encoding = TR_PDF_CJK_UCS2; encoding <= TR_PDF_CJK_BIG5; encoding++)
    {
      g_autofree char *path = test_path (encoding == TR_PDF_CJK_BIG5 ? "big5.pdf" : "ucs2.pdf");
      g_autoptr(TrReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TrPhoto) photo = NULL;

      tr_pdf_make_unembedded (path, encoding, old_report, TR_PDF_PICTURE_GOOD, &error);
      g_assert_no_error (error);
      report = import_path (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PURPOSE), ==, "了解新加坡推動宜居城市之政策與經驗。");
      g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), ==, "持續參與國際城市交流活動。");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (report))), ==, 1);
      photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (report)), 0);
      g_assert_cmpstr (tr_photo_get_caption (photo), ==, "參訪濱海灣花園");
      g_assert_false (has_warning (report, "picture"));
    }
}

/* A picture poppler will not decode is left out with a warning naming its
 * page, which the command line prints (and the window counts). */
static void
test_unreadable_picture (void)
{
  g_autofree char *path = test_path ("unreadable-picture.pdf");
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *warning = "A picture on page 2 could not be read and was left out";

  tr_pdf_make_unembedded (path, TR_PDF_CJK_UCS2, old_report, TR_PDF_PICTURE_UNDECODABLE, &error);
  g_assert_no_error (error);
  report = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PURPOSE), ==, "了解新加坡推動宜居城市之政策與經驗。");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (report))), ==, 0);
  g_assert_true (has_warning (report, warning));

  {
    g_autofree char *db = test_path ("never-made.db");
    g_auto(Run) run = cli ("import", "--dry-run", "--db", db, path);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, warning));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("test-import-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/import-hostile/refused/core", test_refused_by_core);
  g_test_add_func ("/import-hostile/refused/cli", test_refused_by_cli);
  g_test_add_func ("/import-hostile/hang/batch-saves-each-file", test_batch_saves_each_file);
  g_test_add_func ("/import-hostile/hang/worker-dies-with-parent", test_worker_dies_with_parent);
  g_test_add_func ("/import-hostile/old-pdf/unembedded-fonts", test_unembedded_fonts);
  g_test_add_func ("/import-hostile/old-pdf/unreadable-picture", test_unreadable_picture);

  status = g_test_run ();

  tr_test_remove_tree (test_dir);
  g_free (test_dir);
  return status;
}
