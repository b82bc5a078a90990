/* import-served.c: a batch's files read by serving workers, started once
 * each (tr-import-workers.h), with a reader of their own per file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"

typedef struct {
  TrReport *report;
  GError   *error;
  gboolean  done;
} Outcome;

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->report = tr_import_file_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* Imports @path through @workers, waiting for it. */
static Outcome
import_served (TrImportWorkers *workers,
               const char      *path,
               const char      *password)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome outcome = { 0 };

  tr_import_file_served_async (workers, file, NULL, NULL, password, NULL, on_imported, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  return outcome;
}

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->report);
  g_clear_error (&outcome->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Outcome, outcome_clear)

/* The lines of the fake worker's log: one per worker started. */
static guint
count_starts (const char *log)
{
  g_autofree char *text = NULL;
  guint n = 0;

  if (!g_file_get_contents (log, &text, NULL, NULL))
    return 0;
  for (const char *c = text; *c != '\0'; c++)
    n += *c == '\n';
  return n;
}

/* One worker reads file after file, each a report of its own (its own ID:
 * the readers forked from one worker must not share a random generator),
 * its file's bad news as that file's error (not a PDF, a wrong password),
 * and the worker goes on after them. */
static void
test_served_files (void)
{
  g_autofree char *a = make_small_pdf ("served-a.pdf", 61);
  g_autofree char *b = make_small_pdf ("served-b.pdf", 62);
  g_autofree char *garbage = make_garbage ();
  g_autofree char *encrypted = encrypt_pdf (a, "served-encrypted.pdf");
  g_autoptr(TrImportWorkers) workers = tr_import_workers_new (worker_argv ());
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *files[] = { a, b, a };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(Outcome) outcome = import_served (workers, files[i], NULL);
      g_autofree char *basename = g_path_get_basename (files[i]);

      g_assert_no_error (outcome.error);
      g_assert_nonnull (outcome.report);
      g_assert_cmpstr (tr_report_get_source_filename (outcome.report), ==, basename);
      g_assert_true (g_hash_table_add (ids, g_strdup (tr_report_get_id (outcome.report))));
      g_assert_cmpstr (tr_report_get_text (outcome.report, TR_FIELD_PURPOSE), !=, "");
    }

  {
    g_auto(Outcome) outcome = import_served (workers, garbage, NULL);

    g_assert_null (outcome.report);
    g_assert_error (outcome.error, TR_ERROR, TR_ERROR_PDF_NOT_PDF);
  }
  if (encrypted != NULL)
    {
      g_auto(Outcome) refused = import_served (workers, encrypted, "wrong");
      g_auto(Outcome) opened = import_served (workers, encrypted, ENCRYPT_PASSWORD);

      g_assert_error (refused.error, TR_ERROR, TR_ERROR_PDF_BAD_PASSWORD);
      g_assert_no_error (opened.error);
      g_assert_true (g_hash_table_add (ids, g_strdup (tr_report_get_id (opened.report))));
    }
  {
    g_auto(Outcome) outcome = import_served (workers, b, NULL);

    g_assert_no_error (outcome.error);
    g_assert_true (g_hash_table_add (ids, g_strdup (tr_report_get_id (outcome.report))));
  }

  /* Done with them, the worker is gone, not left a zombie: waited for,
   * its readers' CPU time counts as ours. */
  {
    g_autoptr(GArray) running = tr_test_find_children (getpid (), "--serve");

    g_assert_cmpuint (running->len, ==, 1);
    g_clear_pointer (&workers, tr_import_workers_free);
    g_assert_cmpint (kill (g_array_index (running, GPid, 0), 0), ==, -1);
    g_assert_cmpint (errno, ==, ESRCH);
  }
}

/* Workers started ahead of the first file are running before it, and take
 * the files: none more is started for them. */
static void
test_served_started_ahead (void)
{
  g_autofree char *a = make_small_pdf ("served-ahead-a.pdf", 66);
  g_autofree char *b = make_small_pdf ("served-ahead-b.pdf", 67);
  g_autoptr(TrImportWorkers) workers = tr_import_workers_new (worker_argv ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;

  g_assert_true (tr_import_workers_start (workers, 2, &error));
  g_assert_no_error (error);
  before = tr_test_find_children (getpid (), "--serve");
  g_assert_cmpuint (before->len, ==, 2);
  /* Asked again for as many: none more. */
  g_assert_true (tr_import_workers_start (workers, 2, &error));

  for (guint i = 0; i < 3; i++)
    {
      g_auto(Outcome) outcome = import_served (workers, i % 2 ? b : a, NULL);

      g_assert_no_error (outcome.error);
      g_assert_nonnull (outcome.report);
    }
  after = tr_test_find_children (getpid (), "--serve");
  g_assert_cmpuint (after->len, ==, 2);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_array_index (after, GPid, i) == g_array_index (before, GPid, 0) ||
                   g_array_index (after, GPid, i) == g_array_index (before, GPid, 1));
}

/* A reader that crashes costs its file only: the worker that forked it
 * reads the next one. One that hangs is stopped at the time limit, its
 * worker with it, and the next file gets a new worker. */
static void
test_served_crash_and_hang (void)
{
  g_autofree char *good = make_small_pdf ("served-good.pdf", 63);
  g_autofree char *bad = make_small_pdf ("served-crash.pdf", 64);
  g_autofree char *slow = make_small_pdf ("served-hang.pdf", 65);
  g_autofree char *crash = mark_for_fake_worker (bad, ".crash");
  g_autofree char *hold = mark_for_fake_worker (slow, ".hold");
  g_autofree char *log = test_path ("served-workers.log");
  const char *argv[] = { fake_worker (), NULL };
  g_autoptr(TrImportWorkers) workers = NULL;

  g_unlink (log);
  g_setenv ("TR_FAKE_IMPORT_WORKER_LOG", log, TRUE);
  g_setenv ("TR_IMPORT_TIMEOUT_SECONDS", "2", TRUE);
  workers = tr_import_workers_new (argv);

  {
    g_auto(Outcome) first = import_served (workers, good, NULL);
    g_auto(Outcome) crashed = import_served (workers, bad, NULL);
    g_auto(Outcome) after = import_served (workers, good, NULL);

    g_assert_no_error (first.error);
    g_assert_error (crashed.error, TR_ERROR, TR_ERROR_IMPORT_CRASHED);
    g_assert_no_error (after.error);
    g_assert_cmpstr (tr_report_get_id (first.report), !=, tr_report_get_id (after.report));
    g_assert_cmpuint (count_starts (log), ==, 1);
  }
  {
    g_auto(Outcome) hung = import_served (workers, slow, NULL);
    g_auto(Outcome) after = import_served (workers, good, NULL);

    g_assert_error (hung.error, TR_ERROR, TR_ERROR_IMPORT_TIMEOUT);
    g_assert_no_error (after.error);
    g_assert_cmpuint (count_starts (log), ==, 2);
  }

  g_unsetenv ("TR_IMPORT_TIMEOUT_SECONDS");
  g_unsetenv ("TR_FAKE_IMPORT_WORKER_LOG");
  g_unlink (hold);
}

/* `trip-reports import` starts a worker per processor for a batch, not
 * one per file; a file whose reader crashes is one line of error and the
 * rest are in the library, each once. */
static void
test_served_cli_batch (void)
{
  g_autofree char *db = test_path ("served-batch.db");
  g_autofree char *log = test_path ("served-batch-workers.log");
  g_autofree char *log_env = g_strconcat ("TR_FAKE_IMPORT_WORKER_LOG=", log, NULL);
  g_autofree char *worker_env = g_strconcat ("TR_IMPORT_WORKER=", fake_worker (), NULL);
  g_autofree char *crash = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *env[] = { log_env, worker_env, NULL };
  TrTestRunOptions options = { .dir = test_dir, .env_changes = env };
  g_auto(GStrv) err_lines = NULL;
  TrTestRun result;
  guint n_files = 6;

  g_unlink (db);
  g_unlink (log);
  g_ptr_array_add (argv, g_strdup ("import"));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (db));
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_strdup_printf ("served-batch-%u.pdf", i);

      g_ptr_array_add (argv, make_small_pdf (name, 70 + i));
    }
  crash = mark_for_fake_worker (g_ptr_array_index (argv, 3 + 2), ".crash");
  g_ptr_array_add (argv, NULL);

  result = tr_test_run_binary_full (&options, (const char * const *) argv->pdata);
  err_lines = g_strsplit (g_strchomp (result.err), "\n", -1);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (g_strv_length (err_lines), ==, 1);
  g_assert_nonnull (strstr (err_lines[0], "served-batch-2.pdf"));
  g_assert_nonnull (strstr (err_lines[0], "could not be read: the reader stopped unexpectedly"));
  g_assert_cmpuint (count_starts (log), >=, 1);
  g_assert_cmpuint (count_starts (log), <=, MAX (g_get_num_processors (), 1));
  tr_test_run_clear (&result);

  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (store, &error), ==, n_files - 1);
  g_assert_no_error (error);
}

void
add_served_tests (void)
{
  g_test_add_func ("/import/served/files", test_served_files);
  g_test_add_func ("/import/served/started-ahead", test_served_started_ahead);
  g_test_add_func ("/import/served/crash-and-hang", test_served_crash_and_hang);
  g_test_add_func ("/import/served/cli-batch", test_served_cli_batch);
}
