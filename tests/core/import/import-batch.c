/* import-batch.c: a batch on the command line: progress on a terminal only,
 * a batch run again skips what it imported, one stopped by Ctrl+C leaves
 * the files being read for the next run, and files started largest first
 * are printed in the order given
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"

/* Runs `trip-reports import --db @db @files…`, under a terminal of its own
 * (script(1)) when @terminal; stdout and stderr together, and the status. */
static char *
run_import (const char          *db,
            const char * const  *files,
            gboolean             terminal,
            int                 *out_status)
{
  g_autoptr(GString) command = g_string_new (NULL);
  g_autofree char *quoted_binary = g_shell_quote (g_getenv ("TR_BINARY"));
  g_autofree char *quoted_db = g_shell_quote (db);
  g_autoptr(GError) error = NULL;
  char *output = NULL;

  g_string_append_printf (command, "%s import --db %s", quoted_binary, quoted_db);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *quoted = g_shell_quote (files[i]);

      g_string_append_printf (command, " %s", quoted);
    }

  if (terminal)
    {
      const char *argv[] = { "script", "-qec", command->str, "/dev/null", NULL };

      g_spawn_sync (test_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL, NULL,
                    NULL, &output, NULL, out_status, &error);
    }
  else
    {
      g_autofree char *redirected = g_strconcat (command->str, " 2>&1", NULL);
      const char *argv[] = { "sh", "-c", redirected, NULL };

      g_spawn_sync (test_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDIN_FROM_DEV_NULL, NULL,
                    NULL, &output, NULL, out_status, &error);
    }
  g_assert_no_error (error);
  return output;
}

/* On a terminal, a batch shows how many files are done and, once one is,
 * the time left, on a line redrawn in place and cleared before each file's
 * line; piped, nothing but the files' lines. Run again, the batch imports
 * nothing twice: each file is refused by its content (a copy under another
 * name too). */
static void
test_batch_progress (void)
{
  g_autofree char *db = test_path ("batch-progress.db");
  g_autofree char *a = make_small_pdf ("batch-a.pdf", 31);
  g_autofree char *b = make_small_pdf ("batch-b.pdf", 32);
  g_autofree char *c = make_small_pdf ("batch-c.pdf", 33);
  g_autofree char *copy = test_path ("batch-a-copy.pdf");
  g_autoptr(GBytes) a_bytes = read_bytes (a);
  /* Named as from the folder they are in: the messages name them so. */
  const char *files[] = { "batch-a.pdf", "batch-b.pdf", "batch-c.pdf", NULL };
  const char *again[] = { "batch-b.pdf", "batch-a-copy.pdf", NULL };
  g_autofree char *piped = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *second = NULL;
  g_autofree char *db2 = test_path ("batch-progress-piped.db");
  int status = -1;

  if (!have_program ("script"))
    {
      g_test_skip ("script (util-linux) is not installed");
      return;
    }

  shown = run_import (db, files, TRUE, &status);
  g_test_message ("on a terminal:\n%s", shown);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (shown, "Importing: 0 of 3 files done"));
  g_assert_nonnull (strstr (shown, "of 3 files done, about "));
  g_assert_nonnull (strstr (shown, "\r\033[K"));
  /* Cleared at the end: the last thing written is a file's line. */
  g_assert_true (g_str_has_suffix (shown, "batch-c.pdf\r\n"));

  piped = run_import (db2, files, FALSE, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_null (strstr (piped, "Importing"));
  g_assert_null (strchr (piped, '\r'));

  write_bytes (copy, g_bytes_get_data (a_bytes, NULL), g_bytes_get_size (a_bytes));
  second = run_import (db, again, FALSE, &status);
  g_test_message ("again:\n%s", second);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (second, "“batch-b.pdf”: already in the library"));
  g_assert_nonnull (strstr (second, "“batch-a-copy.pdf”: already in the library"));
}

/* Files start largest first, yet what is printed keeps the order given,
 * and of two files with the same bytes the first given is read and the
 * second found to be the same as it. */
static void
test_batch_order (void)
{
  g_autofree char *db = test_path ("batch-order.db");
  g_autofree char *a = make_small_pdf ("batch-order-a.pdf", 34);
  g_autofree char *c = make_small_pdf ("batch-order-c.pdf", 35);
  g_autoptr(TrReport) long_report = make_report (36, 20, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *b = make_pdf (long_report, &layout, "batch-order-b.pdf");
  g_autofree char *copy = test_path ("batch-order-a-copy.pdf");
  g_autoptr(GBytes) a_bytes = read_bytes (a);
  const char *files[] = { "batch-order-a.pdf", "batch-order-b.pdf", "batch-order-a-copy.pdf", "batch-order-c.pdf",
                          NULL };
  g_autofree char *output = NULL;
  g_autofree char *expected_refusal = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) imported = g_ptr_array_new ();
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf small, large;
  int status = -1;

  g_assert_cmpint (g_stat (a, &small), ==, 0);
  g_assert_cmpint (g_stat (b, &large), ==, 0);
  g_assert_cmpint (large.st_size, >, small.st_size);
  write_bytes (copy, g_bytes_get_data (a_bytes, NULL), g_bytes_get_size (a_bytes));
  g_unlink (db);

  output = run_import (db, files, FALSE, &status);
  g_test_message ("%s", output);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  /* The reports' lines, "ID<tab>file", in the order given. */
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strchr (lines[i], '\t') != NULL)
      g_ptr_array_add (imported, lines[i]);
  g_assert_cmpuint (imported->len, ==, 3);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (imported, 0), "\tbatch-order-a.pdf"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (imported, 1), "\tbatch-order-b.pdf"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (imported, 2), "\tbatch-order-c.pdf"));
  {
    g_autofree char *id_a = g_strndup (g_ptr_array_index (imported, 0),
                                       strchr (g_ptr_array_index (imported, 0), '\t') - (char *) g_ptr_array_index (imported, 0));

    expected_refusal = g_strdup_printf ("“batch-order-a-copy.pdf”: already in the library as ID %s", id_a);
  }
  g_assert_nonnull (strstr (output, expected_refusal));

  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, 3);
}

static void
join_process_group (gpointer user_data)
{
  setpgid (0, 0);
}

/* Waits until @store has @n reports, or the deadline passes; how many. */
static guint
wait_for_count (TrReportStore *store,
                guint          n)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  guint count = 0;

  while ((count = tr_report_store_count (store, NULL)) < n && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  return count;
}

/* Ctrl+C in a terminal stops a batch: it reaches the command and its
 * workers (their process group), the file being read is not imported and
 * not reported as failed, those read are in the library; the same command
 * run again imports the rest. */
static void
test_batch_stopped_and_resumed (void)
{
  g_autofree char *db = test_path ("batch-stopped.db");
  g_autofree char *a = make_small_pdf ("stopped-a.pdf", 41);
  g_autofree char *slow = make_small_pdf ("stopped-slow.pdf", 42);
  g_autofree char *c = make_small_pdf ("stopped-c.pdf", 43);
  g_autofree char *slow_hold = mark_for_fake_worker (slow, ".hold");
  const char *argv[] = { g_getenv ("TR_BINARY"), "import", "--db", db, a, slow, c, NULL };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *again_err = NULL;
  g_autoptr(GArray) slow_worker = NULL;
  GPid pid;
  guint count;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("one processor: the slow file holds the only worker");
      return;
    }

  g_unlink (db);
  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);

  /* Its own process group, as a terminal gives a command. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, test_dir);
  g_subprocess_launcher_setenv (launcher, "TR_IMPORT_WORKER", fake_worker (), TRUE);
  g_subprocess_launcher_setenv (launcher, "TR_IMPORT_TIMEOUT_SECONDS", "600", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, join_process_group, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (process), NULL, 10);

  count = wait_for_count (store, 2);
  slow_worker = tr_test_find_import_readers (pid, "stopped-slow.pdf");
  /* Ctrl+C: to the whole group, the workers with the command. */
  kill (-pid, SIGINT);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_unlink (slow_hold);
  g_test_message ("stopped:\n%s", err);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (slow_worker->len, ==, 1);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 128 + SIGINT);
  g_assert_null (strstr (err, "stopped-slow.pdf"));
  g_assert_nonnull (strstr (err, "stopped: 1 file was not imported; run the same command again"));
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, 2);

  /* Run again: the two imported are known by their content, the third is
   * read now. */
  {
    g_autoptr(GSubprocessLauncher) again = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GSubprocess) resumed = NULL;

    g_subprocess_launcher_set_cwd (again, test_dir);
    resumed = g_subprocess_launcher_spawnv (again, argv, &error);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (resumed, NULL, NULL, NULL, &again_err, &error);
    g_assert_no_error (error);
    g_test_message ("again:\n%s", again_err);
    g_assert_nonnull (strstr (again_err, "stopped-a.pdf”: already in the library"));
    g_assert_nonnull (strstr (again_err, "stopped-c.pdf”: already in the library"));
    g_assert_null (strstr (again_err, "stopped-slow.pdf"));
  }

  infos = tr_report_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (infos->len, ==, 3);
}

void
add_batch_tests (void)
{
  g_test_add_func ("/import/batch/progress", test_batch_progress);
  g_test_add_func ("/import/batch/stopped-and-resumed", test_batch_stopped_and_resumed);
  g_test_add_func ("/import/batch/order", test_batch_order);
}
