/* test-export-pdf-file.c: the PDF export's files, threads and command line
 *
 * The export must never lose a file: on a read-only folder, a full disk or
 * a cancel, an existing PDF stays as it was and no temporary file is left.
 * In a thread it reports its progress in the caller's main context, and
 * the command line picks the format from --format or the extension.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tr-pdf-exporter.h"
#include "tr-pdf-layout.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"
#include "tr-test-files.h"
#include "tr-test-util.h"


static char *test_dir;

static char *
make_folder (const char *name)
{
  char *path = g_build_filename (test_dir, name, NULL);

  g_assert_no_errno (g_mkdir_with_parents (path, 0755));
  return path;
}

/* A report of some 60 pages: long enough to cancel half way. */
static TrReport *
make_long_report (void)
{
  TrReport *report = tr_test_make_report ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (60);

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autofree char *text = tr_test_make_long_text (rand, tr_section_get_heading (s), 10000);

      tr_report_set_section (report, s, text);
    }
  return report;
}

/* An earlier export in @dir/report.pdf, owned by @uid. */
static char *
make_previous_export (const char *dir,
                      uid_t       uid,
                      char      **out_contents,
                      gsize      *out_length)
{
  g_autoptr(TrReport) previous = tr_test_make_report ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tr_report_set_text (previous, TR_FIELD_TITLE, "上一版");
  g_assert_true (tr_pdf_export_to_file (previous, file, NULL, NULL, &error));
  g_assert_no_error (error);
  tr_test_keep_file (path, uid, out_contents, out_length);
  return path;
}

/* Exports over $TR_TEST_TARGET and prints the error. */
static void
export_in_subprocess (void)
{
  g_autoptr(TrReport) report = make_long_report ();
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TR_TEST_TARGET"));
  g_autoptr(GError) error = NULL;

  g_assert_false (tr_pdf_export_to_file (report, file, NULL, NULL, &error));
  /* Not g_print(): it would turn the quotes into "?" in the C locale. */
  printf ("domain=%s code=%d message=%s\n", g_quark_to_string (error->domain), error->code, error->message);
}

/* Root may write anywhere: under root the child becomes nobody, who owns
 * the file but not the folder. */
static void
test_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      if (geteuid () == 0)
        {
          g_assert_true (tr_test_become_nobody ());
        }
      export_in_subprocess ();
      return;
    }

  {
    g_autofree char *dir = make_folder ("read-only");
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *path = make_previous_export (dir, TR_TEST_NOBODY_ID, &contents, &length);
    g_autofree char *expected = g_strdup_printf ("*code=%d message=Could not save “%s”: you cannot write in the folder “%s”*",
                                                 G_IO_ERROR_PERMISSION_DENIED, path, dir);

    g_setenv ("TR_TEST_TARGET", path, TRUE);
    tr_test_trap_in_read_only_folder (dir, 120);
    g_test_trap_assert_stdout (expected);
    tr_test_assert_file_unchanged (path, contents, length);
    tr_test_assert_only_files (dir, "report.pdf", NULL);
  }
}

/* A write that fails half way: the file size limit stands in for a full
 * disk (the same write(2) failure, without mounting a small disk). The
 * PDF is written as it is drawn: the failure comes mid-stream. */
static void
test_full_disk (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
      export_in_subprocess ();
      return;
    }

  {
    g_autofree char *dir = make_folder ("full-disk");
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *path = make_previous_export (dir, geteuid (), &contents, &length);
    g_autofree char *expected = g_strdup_printf ("*message=Could not save “%s”: *", path);

    g_setenv ("TR_TEST_TARGET", path, TRUE);
    g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);

    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout (expected);
    tr_test_assert_file_unchanged (path, contents, length);
    tr_test_assert_only_files (dir, "report.pdf", NULL);
  }
}

/* A disk that fills at the last byte: the failure comes with the last
 * write, once cairo has finished the file, and is told all the same. */
static void
test_full_disk_at_end (void)
{
  if (g_test_subprocess ())
    {
      rlim_t size = g_ascii_strtoull (g_getenv ("TR_TEST_SIZE"), NULL, 10);
      struct rlimit limit = { size - 1, size - 1 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
      export_in_subprocess ();
      return;
    }

  {
    g_autofree char *dir = make_folder ("full-disk-at-end");
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *path = make_previous_export (dir, geteuid (), &contents, &length);
    g_autofree char *expected = g_strdup_printf ("*message=Could not save “%s”: *", path);
    g_autofree char *whole_path = g_build_filename (dir, "whole.pdf", NULL);
    g_autoptr(GFile) whole = g_file_new_for_path (whole_path);
    g_autoptr(TrReport) report = make_long_report ();
    g_autoptr(GError) error = NULL;
    g_autofree char *size = NULL;
    GStatBuf st;

    g_assert_true (tr_pdf_export_to_file (report, whole, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_no_errno (g_stat (whole_path, &st));
    g_assert_no_errno (g_unlink (whole_path));
    size = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) st.st_size);

    g_setenv ("TR_TEST_TARGET", path, TRUE);
    g_setenv ("TR_TEST_SIZE", size, TRUE);
    g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);

    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout (expected);
    tr_test_assert_file_unchanged (path, contents, length);
    tr_test_assert_only_files (dir, "report.pdf", NULL);
  }
}

/* In a thread ------------------------------------------------------------ */

typedef struct {
  GMainLoop    *loop;
  GCancellable *cancel_at;   /* cancelled once progress passes 0.3 */
  GThread      *thread;      /* where progress must be told */
  GArray       *fractions;
  gboolean      ok;
  guint         n_pages;
  GError       *error;
} Export;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Export *export = user_data;

  g_assert_true (g_thread_self () == export->thread);
  g_array_append_val (export->fractions, fraction);
  if (export->cancel_at != NULL && fraction > 0.3)
    g_cancellable_cancel (export->cancel_at);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;

  export->ok = tr_pdf_export_finish (result, &export->n_pages, &export->error);
  g_main_loop_quit (export->loop);
}

static void
start_export (TrReport     *report,
              GFile        *file,
              GCancellable *cancellable,
              Export       *export)
{
  export->loop = g_main_loop_new (NULL, FALSE);
  export->thread = g_thread_self ();
  export->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  tr_pdf_export_async (report, file, on_progress, export, cancellable, on_exported, export);
}

static void
wait_for_export (Export *export)
{
  g_main_loop_run (export->loop);
  g_main_loop_unref (export->loop);
}

/* Progress, in this thread, rising to the end; the report edited while it
 * is written is exported as it was. */
static void
test_async_progress (void)
{
  g_autoptr(TrReport) report = make_long_report ();
  g_autofree char *dir = make_folder ("progress");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Export export = { NULL };
  g_auto(GStrv) pages = NULL;

  start_export (report, file, NULL, &export);
  tr_report_set_text (report, TR_FIELD_TITLE, "改過的標題");
  wait_for_export (&export);
  g_assert_no_error (export.error);
  g_assert_true (export.ok);
  g_assert_cmpuint (export.n_pages, ==, tr_test_pdf_page_count (path));
  g_assert_cmpuint (export.n_pages, >, 40);

  g_test_message ("%u progress reports", export.fractions->len);
  g_assert_cmpuint (export.fractions->len, >=, 10);
  for (guint i = 1; i < export.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (export.fractions, double, i), >=,
                       g_array_index (export.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (export.fractions, double, 0), >, 0);
  g_assert_cmpfloat (g_array_index (export.fractions, double, export.fractions->len - 1), >, 0.99);
  g_assert_cmpfloat (g_array_index (export.fractions, double, export.fractions->len - 1), <=, 1.0);
  g_array_unref (export.fractions);

  pages = tr_test_pdf_pages (path);
  g_assert_nonnull (strstr (pages[0], "赴新加坡參加2024年世界城市高峰會出"));
  tr_test_assert_only_files (dir, "report.pdf", NULL);
}

/* Cancelled half way: the earlier file as it was, no temporary file. */
static void
test_async_cancelled (void)
{
  g_autoptr(TrReport) report = make_long_report ();
  g_autofree char *dir = make_folder ("cancelled");
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *path = make_previous_export (dir, geteuid (), &contents, &length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Export export = { .cancel_at = cancellable };

  start_export (report, file, cancellable, &export);
  wait_for_export (&export);
  g_assert_false (export.ok);
  g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&export.error);
  /* Cancelled while it was going, not before. */
  g_assert_cmpfloat (g_array_index (export.fractions, double, export.fractions->len - 1), <, 0.9);
  g_array_unref (export.fractions);
  tr_test_assert_file_unchanged (path, contents, length);
  tr_test_assert_only_files (dir, "report.pdf", NULL);
}

static void
on_laid_out (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TrPdfLayout **layout = user_data;
  g_autoptr(GError) error = NULL;

  *layout = tr_pdf_layout_new_finish (result, &error);
  g_assert_no_error (error);
}

/* What a print dialog starts with: the pages laid out in a thread, as
 * many as the PDF has. */
static void
test_layout_async (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *dir = make_folder ("layout");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPdfLayout) layout = NULL;
  guint n_pages = 0;
  double width, height;

  g_assert_true (tr_pdf_export_to_file (report, file, &n_pages, NULL, &error));
  g_assert_no_error (error);
  tr_pdf_layout_new_for_report_async (report, NULL, NULL, NULL, on_laid_out, &layout);
  while (layout == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tr_pdf_layout_get_n_pages (layout), ==, n_pages);
  tr_pdf_layout_get_page_size (layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  /* 壹、目的 starts the body, after the cover, the 提要, 摘要 and 目次. */
  g_assert_cmpuint (tr_pdf_layout_get_heading_page (layout, 0, NULL), ==, 4);
}

/* The command line ----------------------------------------------------------- */

typedef TrTestRun Run;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, tr_test_run_clear)

/* The binary run with the arguments up to NULL, in the test's folder
 * (tr-test-util.h). */
static Run
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return tr_test_run_binary (test_dir, NULL, (const char * const *) argv->pdata);
}

static void
test_cli (void)
{
  g_autofree char *dir = make_folder ("cli");
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *json_path = g_build_filename (dir, "report.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "報告.pdf", NULL);
  g_autofree char *forced = g_build_filename (dir, "報告.bin", NULL);
  g_autofree char *odt = g_build_filename (dir, "報告.data", NULL);
  g_autofree char *text = g_build_filename (dir, "報告.txt", NULL);
  g_autofree char *form = g_build_filename (dir, "審核表.PDF", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *id = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;

  g_file_set_contents (json_path,
                       "{\"fields\": {\"title\": \"赴日本考察報告\", \"pages\": 99},"
                       " \"sections\": {\"purpose\": \"了解交通政策。\", \"process\": \"一、參訪東京都廳。\"}}",
                       -1, &error);
  g_assert_no_error (error);
  {
    g_auto(Run) created = run_cli ("new", "--from-json", json_path, "--db", db, NULL);

    g_assert_cmpint (created.status, ==, 0);
    id = g_strstrip (g_strdup (created.out));
  }

  /* --output F.pdf: a PDF, and the report keeps its number of pages. */
  {
    g_auto(Run) run = run_cli ("export", id, "--output", pdf, "--db", db, NULL);
    g_auto(Run) shown = { 0 };
    JsonObject *fields;

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
    g_file_get_contents (pdf, &contents, &length, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (contents, 5, "%PDF-", 5);
    shown = run_cli ("show", id, "--json", "--db", db, NULL);
    g_assert_cmpint (shown.status, ==, 0);
    json_parser_load_from_data (parser, shown.out, -1, &error);
    g_assert_no_error (error);
    fields = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "fields");
    g_assert_cmpint (json_object_get_int_member (fields, "pages"), ==, tr_test_pdf_page_count (pdf));
  }

  /* --format wins over the extension, either way. */
  {
    g_auto(Run) as_pdf = run_cli ("export", id, "--format", "pdf", "--output", forced, "--db", db, NULL);
    g_auto(Run) as_odt = run_cli ("export", id, "--format", "odt", "--output", odt, "--db", db, NULL);
    g_autofree char *head = NULL;

    g_assert_cmpint (as_pdf.status, ==, 0);
    g_assert_cmpint (as_odt.status, ==, 0);
    g_assert_cmpuint (tr_test_pdf_page_count (forced), >=, 5);
    g_file_get_contents (odt, &head, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (head, 4, "PK\003\004", 4);
  }

  /* Usage errors: an unknown format, or no way to tell it. Nothing written. */
  {
    g_auto(Run) unknown = run_cli ("export", id, "--format", "docx", "--output", text, "--db", db, NULL);
    g_auto(Run) untold = run_cli ("export", id, "--output", text, "--db", db, NULL);

    g_assert_cmpint (unknown.status, ==, 2);
    g_assert_nonnull (strstr (unknown.err, "docx"));
    g_assert_cmpint (untold.status, ==, 2);
    g_assert_nonnull (strstr (untold.err, "報告.txt"));
    g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
  }

  /* The review form on one page; the extension in capitals. */
  {
    g_auto(Run) run = run_cli ("export", id, "--review-form", "--output", form, "--db", db, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (tr_test_pdf_page_count (form), ==, 1);
  }

  /* A failure: one line that names the file, status 1, the PDF intact. */
  {
    g_auto(Run) run = run_cli ("export", id, "--output", missing, "--db", db, NULL);
    g_autofree char *after = NULL;

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no-such-folder"));
    g_file_get_contents (pdf, &after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (after, length, contents, length);
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

  /* The children of the file tests are given their target. */
  if (!g_test_subprocess ())
    {
      test_dir = g_dir_make_tmp ("tr-test-export-pdf-file-XXXXXX", &error);
      g_assert_no_error (error);
      /* Under root, the read-only test's unprivileged child must reach it. */
      g_assert_no_errno (chmod (test_dir, 0755));
    }

  g_test_add_func ("/export-pdf-file/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export-pdf-file/full-disk", test_full_disk);
  g_test_add_func ("/export-pdf-file/full-disk-at-end", test_full_disk_at_end);
  g_test_add_func ("/export-pdf-file/async/progress", test_async_progress);
  g_test_add_func ("/export-pdf-file/async/cancelled", test_async_cancelled);
  g_test_add_func ("/export-pdf-file/async/layout", test_layout_async);
  g_test_add_func ("/export-pdf-file/cli", test_cli);

  status = g_test_run ();

  if (!g_test_subprocess ())
    {
      if (status == 0)
        tr_test_remove_tree (test_dir);
      else
        g_printerr ("# the files are in %s\n", test_dir);
      g_free (test_dir);
    }
  return status;
}
