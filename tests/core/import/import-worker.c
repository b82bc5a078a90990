/* import-worker.c: the import worker process: reports, photos, errors, crashes, hangs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"

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

static const char * const *
fake_worker_argv (void)
{
  static const char *argv[] = { NULL, NULL };

  argv[0] = fake_worker ();
  return argv;
}

/* The worker ----------------------------------------------------------------- */

static void
test_worker_report (void)
{
  g_autoptr(TrReport) expected = make_report (2, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *path = make_pdf (expected, &layout, "worker-report.pdf");
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(TrReport) report = import_ok (path);

  g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, "worker-report.pdf");
  g_assert_cmpstr (tr_report_get_source_sha256 (report), ==, sha256);
  g_assert_true (g_bytes_equal (tr_report_get_source_data (report), bytes));
  g_assert_cmpuint (tr_report_get_pages (report), >=, 4);
}

/* The photos of the appendix come with the report, each with the caption
 * line under it (without its 照片 N：), through the worker's JSON. The
 * caption lines leave the appendix's text; its other lines stay, a caption
 * line without a picture among them. */
static void
test_worker_photos (void)
{
  g_autoptr(TrReport) expected = make_report (3, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *path = test_path ("worker-photos.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  GListModel *photos;
  const char *appendix;
  const char * const captions[] = {
    "參訪e-Estonia展示中心",
    "拜會資訊系統局（RIA）",
    "與塔林科技大學Prof. Robert Krimmer座談",
  };
  /* The appendix as a reader of the import should see it. */
  const char *kept =
    "附件一：會議議程及參訪行程表。\n"
    "以上照片均由出國人員拍攝。\n"
    "照片4：塔林市政廳（原檔未附圖）";

  tr_report_set_text (expected, TR_FIELD_APPENDIX,
                      "照片1：參訪e-Estonia展示中心\n"
                      "附件一：會議議程及參訪行程表。\n"
                      "照片2：拜會資訊系統局（RIA）\n"
                      "照片3：與塔林科技大學Prof. Robert Krimmer座談\n"
                      "以上照片均由出國人員拍攝。");
  tr_pdf_maker_add_report (maker, expected, &layout);
  /* Set as a caption, but with no picture above it. */
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_CAPTION, "照片4：塔林市政廳（原檔未附圖）");
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  report = import_ok (path);
  photos = G_LIST_MODEL (tr_report_get_photos (report));
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, G_N_ELEMENTS (captions));
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_test_message ("photo %u: %u × %u, “%s”", i + 1, tr_photo_get_width (photo),
                      tr_photo_get_height (photo), tr_photo_get_caption (photo));
      g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/png");
      /* The maker draws 240 × 160 pt pictures from 240 × 160 pixels. */
      g_assert_cmpuint (tr_photo_get_width (photo), ==, 240);
      g_assert_cmpuint (tr_photo_get_height (photo), ==, 160);
      g_assert_cmpstr (tr_photo_get_caption (photo), ==, captions[i]);
    }
  appendix = tr_report_get_text (report, TR_FIELD_APPENDIX);
  g_test_message ("appendix: “%s”", appendix);
  /* Each caption is in its photo only: an export would show it twice. */
  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    g_assert_null (strstr (appendix, captions[i]));
  g_assert_cmpstr (appendix, ==, kept);

  /* A report without an appendix has no photos, even with pictures elsewhere. */
  {
    g_autoptr(TrReport) plain = make_report (4, 1, FALSE);
    g_autofree char *plain_path = NULL;
    g_autoptr(TrReport) imported = NULL;

    tr_report_set_text (plain, TR_FIELD_APPENDIX, NULL);
    plain_path = make_pdf (plain, &layout, "worker-no-appendix.pdf");
    imported = import_ok (plain_path);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (imported))), ==, 0);
  }
}

static void
test_worker_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = bad_files[i].make ();
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = NULL;

      g_test_message ("%s", bad_files[i].name);
      report = import_path (path, NULL, &error);
      g_assert_null (report);
      assert_error (error, bad_files[i].code, bad_files[i].words);
    }

  /* What the worker cannot even open. */
  {
    g_autofree char *missing = test_path ("missing.pdf");
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReport) report = import_path (missing, NULL, &error);

    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReport) report = import_path (test_dir, NULL, &error);

    g_assert_null (report);
    assert_error (error, TR_ERROR_PDF_NOT_PDF, "folder");
  }
}

static void
test_worker_encrypted (void)
{
  g_autofree char *good = make_small_pdf ("worker-encrypt-source.pdf", 14);
  g_autofree char *path = encrypt_pdf (good, "worker-encrypted.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReport) plain = NULL;

  if (path == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  report = import_path (path, NULL, &error);
  g_assert_null (report);
  assert_error (error, TR_ERROR_PDF_ENCRYPTED, "password");
  g_clear_error (&error);

  report = import_path (path, "not it", &error);
  g_assert_null (report);
  assert_error (error, TR_ERROR_PDF_BAD_PASSWORD, "wrong");
  g_clear_error (&error);

  /* The password travels through the pipe intact, Chinese and all. */
  report = import_path (path, ENCRYPT_PASSWORD, &error);
  g_assert_no_error (error);
  plain = import_ok (good);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_assert_cmpstr (tr_report_get_section (report, s), ==, tr_report_get_section (plain, s));
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), ==,
                   tr_report_get_text (plain, TR_FIELD_UNCLASSIFIED));
  /* The original is what is kept: the encrypted file. */
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, "worker-encrypted.pdf");
}

typedef struct {
  guint     last_page;
  guint     n_pages;
  guint     calls;
  gboolean  freed;
} Progress;

static void
on_progress (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (page, ==, progress->last_page + 1);
  progress->last_page = page;
  progress->n_pages = n_pages;
  progress->calls++;
}

static void
free_progress (gpointer user_data)
{
  ((Progress *) user_data)->freed = TRUE;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_worker_progress (void)
{
  g_autofree char *path = make_small_pdf ("worker-progress.pdf", 15);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  tr_import_file_async (file, NULL, worker_argv (), on_progress, &progress, free_progress,
                        NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = tr_import_file_finish (result, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (progress.n_pages, ==, tr_report_get_pages (report));
  g_assert_cmpuint (progress.last_page, ==, progress.n_pages);
  g_assert_cmpuint (progress.calls, ==, progress.n_pages);
  g_assert_true (progress.freed);
}

/* Imports @paths at once, as a batch does, with the stand-in worker;
 * returns the results in order. */
static GPtrArray *
import_batch (const char * const *paths)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_strv_length ((char **) paths);
  g_autofree GAsyncResult **slots = g_new0 (GAsyncResult *, n);
  gboolean done;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      tr_import_file_async (file, NULL, fake_worker_argv (), NULL, NULL, NULL, NULL,
                            store_result, &slots[i]);
    }
  do
    {
      g_main_context_iteration (NULL, TRUE);
      done = TRUE;
      for (guint i = 0; i < n; i++)
        done &= slots[i] != NULL;
    }
  while (!done);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (results, slots[i]);
  return results;
}

/* A worker that crashes costs only its own file. */
static void
test_worker_crash (void)
{
  g_autofree char *good = make_small_pdf ("crash-good.pdf", 16);
  g_autofree char *bad = make_small_pdf ("crash-trigger.pdf", 17);
  g_autofree char *good2 = make_small_pdf ("crash-good2.pdf", 18);
  g_autofree char *crash = mark_for_fake_worker (bad, ".crash");
  const char *paths[] = { good, bad, good2, NULL };
  g_autoptr(GPtrArray) results = NULL;

  results = import_batch (paths);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = tr_import_file_finish (g_ptr_array_index (results, i), &error);

      if (i == 1)
        {
          g_assert_null (report);
          assert_error (error, TR_ERROR_IMPORT_CRASHED, "could not be read: the reader stopped unexpectedly");
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (tr_report_get_source_filename (report), ==, i == 0 ? "crash-good.pdf" : "crash-good2.pdf");
        }
    }
}

/* The workers this process started and that still run. */
static GArray *
find_workers (void)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  g_assert_nonnull (proc);
  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *stat = NULL;
      g_autofree char *cmdline = NULL;
      gsize cmdline_length;
      const char *after_name;
      char state;
      int ppid;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          !g_file_get_contents (cmdline_path, &cmdline, &cmdline_length, NULL))
        continue;
      /* "pid (comm) state ppid …"; comm may hold spaces and parentheses. */
      after_name = strrchr (stat, ')');
      if (after_name == NULL || sscanf (after_name + 1, " %c %d", &state, &ppid) != 2 ||
          ppid != getpid () || state == 'Z')
        continue;
      for (gsize i = 0; i + 1 < cmdline_length; i++)
        if (cmdline[i] == '\0')
          cmdline[i] = ' ';
      if (strstr (cmdline, "import-worker") != NULL)
        {
          GPid pid = (GPid) g_ascii_strtoll (name, NULL, 10);

          g_array_append_val (pids, pid);
        }
    }
  return pids;
}

static guint64
read_limit (GPid        pid,
            const char *name)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/limits", pid);
  g_autofree char *limits = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &limits, NULL, NULL));
  line = strstr (limits, name);
  g_assert_nonnull (line);
  line += strlen (name);
  while (*line == ' ')
    line++;
  if (g_str_has_prefix (line, "unlimited"))
    return G_MAXUINT64;
  return g_ascii_strtoull (line, NULL, 10);
}

static gboolean
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* A hung worker is killed at the time limit; its limits were set in the
 * child; cancelling kills it. */
static void
test_worker_hang (void)
{
  g_autofree char *good = make_small_pdf ("hang-good.pdf", 19);
  g_autofree char *bad = make_small_pdf ("hang-trigger.pdf", 20);
  g_autofree char *good2 = make_small_pdf ("hang-good2.pdf", 21);
  g_autofree char *hold = mark_for_fake_worker (bad, ".hold");
  const char *paths[] = { good, bad, good2, NULL };
  g_autoptr(GPtrArray) results = NULL;
  gint64 start;
  double seconds;

  /* Read here, by the parent, at each import. */
  g_setenv ("TR_IMPORT_TIMEOUT_SECONDS", "2", TRUE);
  start = g_get_monotonic_time ();
  results = import_batch (paths);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("the batch with a hung worker took %.1f s", seconds);
  g_assert_cmpfloat (seconds, >=, 1.9);
  g_assert_cmpfloat (seconds, <, 10);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = tr_import_file_finish (g_ptr_array_index (results, i), &error);

      if (i == 1)
        {
          g_assert_null (report);
          assert_error (error, TR_ERROR_IMPORT_TIMEOUT, "could not be read: the reader took more than 2 seconds");
        }
      else
        g_assert_no_error (error);
    }

  /* Its limits, seen from outside; then Cancel. */
  g_setenv ("TR_IMPORT_TIMEOUT_SECONDS", "60", TRUE);
  {
    g_autoptr(GFile) file = g_file_new_for_path (good);
    g_autofree char *good_hold = mark_for_fake_worker (good, ".hold");
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GArray) workers = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReport) report = NULL;
    GPid pid;

    tr_import_file_async (file, NULL, fake_worker_argv (), NULL, NULL, NULL, cancellable,
                          store_result, &result);
    start = g_get_monotonic_time ();
    do
      {
        g_main_context_iteration (NULL, FALSE);
        g_clear_pointer (&workers, g_array_unref);
        workers = find_workers ();
        g_usleep (20000);
      }
    while (workers->len == 0 && g_get_monotonic_time () - start < 10 * G_USEC_PER_SEC);
    g_assert_cmpuint (workers->len, ==, 1);
    pid = g_array_index (workers, GPid, 0);

    g_assert_cmpuint (read_limit (pid, "Max cpu time"), ==, 60);
    g_assert_cmpuint (read_limit (pid, "Max core file size"), ==, 0);
    if (!ASAN_BUILD)
      g_assert_cmpuint (read_limit (pid, "Max address space"), ==, TR_IMPORT_MEMORY_LIMIT_BYTES);

    g_timeout_add (100, on_cancel_timeout, cancellable);
    start = g_get_monotonic_time ();
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    report = tr_import_file_finish (result, &error);
    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpfloat ((g_get_monotonic_time () - start) / 1e6, <, 5);

    /* Killed, and reaped. */
    start = g_get_monotonic_time ();
    while (kill (pid, 0) == 0 && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
    g_assert_cmpint (kill (pid, 0), ==, -1);
    g_assert_cmpint (errno, ==, ESRCH);
    g_unlink (good_hold);
  }
  g_unlink (hold);
  g_unsetenv ("TR_IMPORT_TIMEOUT_SECONDS");
}

void
add_worker_tests (void)
{
  g_test_add_func ("/import/worker/report", test_worker_report);
  g_test_add_func ("/import/worker/photos", test_worker_photos);
  g_test_add_func ("/import/worker/bad-input", test_worker_bad_input);
  g_test_add_func ("/import/worker/encrypted", test_worker_encrypted);
  g_test_add_func ("/import/worker/progress", test_worker_progress);
  g_test_add_func ("/import/worker/crash", test_worker_crash);
  g_test_add_func ("/import/worker/hang", test_worker_hang);
}
