/* export-file.c: the exported file: write errors, permissions, the async export
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-export.h"

/* Tests: never lose a file -------------------------------------------------- */

static void
test_dev_full (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dev = NULL;
  struct stat before, after;
  const char *name;

  if (g_stat ("/dev/full", &before) != 0 || !S_ISCHR (before.st_mode))
    {
      g_test_skip ("no /dev/full here");
      return;
    }

  /* A device is not a file to replace (as root, renaming over it would
   * replace the device node): refused, with a message that names it. */
  g_assert_false (tr_odt_export_to_file (report, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/full"));

  g_assert_no_errno (g_stat ("/dev/full", &after));
  g_assert_true (S_ISCHR (after.st_mode));
  g_assert_cmpuint (after.st_rdev, ==, before.st_rdev);
  dev = g_dir_open ("/dev", 0, NULL);
  while (dev != NULL && (name = g_dir_read_name (dev)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".trip-reports-export-"));
}

static void
test_missing_folder (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *folder = test_path ("no-such-folder");
  g_autofree char *path = g_build_filename (folder, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (tr_odt_export_to_file (report, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* An earlier export in @dir/report.odt, owned by @uid. */
static char *
make_previous_export (const char *dir,
                      uid_t       uid,
                      char      **out_contents,
                      gsize      *out_length)
{
  g_autoptr(TrReport) previous = tr_test_make_report ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tr_report_set_text (previous, TR_FIELD_TITLE, "上一版");
  tr_odt_export_to_file (previous, file, NULL, &error);
  g_assert_no_error (error);
  tr_test_keep_file (path, uid, out_contents, out_length);
  return path;
}

/* Exports over the file of $TR_TEST_TARGET and prints the error. */
static void
export_in_subprocess (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TR_TEST_TARGET"));
  g_autoptr(GError) error = NULL;
  gboolean ok = tr_odt_export_to_file (report, file, NULL, &error);

  g_assert_false (ok);
  /* Not g_print(): it would turn the quotes into "?" in the C locale. */
  printf ("domain=%s code=%d message=%s\n", g_quark_to_string (error->domain), error->code, error->message);
}

/* Root may write anywhere: the export must then fail for an ordinary user
 * who owns the file but not the folder. Under root the child becomes
 * nobody (65534) for the export; otherwise it runs as the user. */
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
    tr_test_trap_in_read_only_folder (dir, 60);
    g_test_trap_assert_stdout (expected);
    tr_test_assert_file_unchanged (path, contents, length);
    tr_test_assert_only_files (dir, "report.odt", NULL);
  }
}

/* A write that fails half way (the file size limit stands in for a full
 * disk: the same write(2) failure, without mounting a small disk). */
static void
test_write_failure_keeps_file (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
      export_in_subprocess ();
      return;
    }

  {
    g_autofree char *dir = make_folder ("write-failure");
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *path = make_previous_export (dir, geteuid (), &contents, &length);
    g_autofree char *expected = g_strdup_printf ("*message=Could not save “%s”: *", path);

    /* The package is larger than the limit. */
    g_assert_cmpuint (length, >, 4096);
    g_setenv ("TR_TEST_TARGET", path, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);

    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout (expected);
    tr_test_assert_file_unchanged (path, contents, length);
    tr_test_assert_only_files (dir, "report.odt", NULL);
  }
}

static void
test_replace_keeps_permissions (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *dir = make_folder ("replace");
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *path = make_previous_export (dir, geteuid (), &contents, &length);
  g_autofree char *link_path = g_build_filename (dir, "link.odt", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  /* Through a symbolic link: the file it points to is replaced, the link
   * stays, and so does the file's mode. */
  g_assert_no_errno (chmod (path, 0640));
  g_assert_no_errno (symlink ("report.odt", link_path));
  g_assert_true (tr_odt_export_to_file (report, link, NULL, &error));
  g_assert_no_error (error);

  g_assert_no_errno (g_lstat (link_path, &st));
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
  content = tr_test_odt_parse_entry (path, "content.xml");
  g_assert_cmpstr (xpath_string (content, "//text:p[@text:style-name='TrCoverTitle']"),
                   ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  tr_test_assert_only_files (dir, "report.odt", "link.odt", NULL);
}

/* Tests: in a thread ---------------------------------------------------------- */

/* A file of @dir named @name, last written @age seconds ago. */
static char *
make_file_of_age (const char *dir,
                  const char *name,
                  gint64      age)
{
  char *path = g_build_filename (dir, name, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  struct utimbuf times = { now - age, now - age };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "PK\3\4 what an export had written", -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_utime (path, &times));
  return path;
}

/* An export killed before its rename leaves its temporary file, the size
 * of the document, beside the target: the next export to that folder
 * removes it. Only ours (by name, and by owner when the test can give a
 * file away), only stale: not one written to minutes ago, and never one
 * another export holds open, however old. */
static void
test_stale_temporary_files (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *dir = make_folder ("stale-temporaries");
  g_autofree char *target = g_build_filename (dir, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *killed = make_file_of_age (dir, ".trip-reports-export-k1LLed", 3600);
  g_autofree char *recent = make_file_of_age (dir, ".trip-reports-export-rEcent", 10);
  g_autofree char *writing = make_file_of_age (dir, ".trip-reports-export-wr1tng", 3600);
  g_autofree char *not_ours = make_file_of_age (dir, ".trip-reports-export-notours", 3600);
  g_autofree char *notes = make_file_of_age (dir, "notes.txt", 3600);
  g_autofree char *foreign = NULL;
  int writer;

  /* Another export still writing: it holds a lock on its file. */
  writer = open (writing, O_RDWR | O_CLOEXEC);
  g_assert_cmpint (writer, >=, 0);
  g_assert_no_errno (flock (writer, LOCK_EX | LOCK_NB));
  if (geteuid () == 0)
    {
      foreign = make_file_of_age (dir, ".trip-reports-export-n0body", 3600);
      g_assert_no_errno (chown (foreign, TR_TEST_NOBODY_ID, TR_TEST_NOBODY_ID));
    }

  tr_odt_export_to_file (report, file, NULL, &error);
  g_assert_no_error (error);
  close (writer);

  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  tr_test_assert_only_files (dir, "report.odt", ".trip-reports-export-rEcent",
                     ".trip-reports-export-wr1tng", ".trip-reports-export-notours", "notes.txt",
                     ".trip-reports-export-n0body", NULL);
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (writing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  if (foreign != NULL)
    g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
}

typedef struct {
  GMainLoop *loop;
  gboolean ok;
  GError *error;
} AsyncResult;

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *async = user_data;

  g_assert_null (source);
  async->ok = tr_odt_export_finish (result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_async_snapshot (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = test_path ("async.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { .loop = loop };
  g_autoptr(xmlDoc) content = NULL;

  tr_odt_export_async (report, file, NULL, export_done, &async);
  /* Edited while the file is written: the export has what was there. */
  tr_report_set_text (report, TR_FIELD_TITLE, "改過的標題");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "改過的目的");
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  content = tr_test_odt_parse_entry (path, "content.xml");
  g_assert_cmpstr (xpath_string (content, "//text:p[@text:style-name='TrCoverTitle']"),
                   ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  g_assert_cmpstr (xpath_string (content, "//text:h[1]/following-sibling::text:p[1]"),
                   ==, "世界城市高峰會每兩年舉辦一次，為全球城市治理之重要論壇。");
}

/* The thread works on a copy of the report, not on one read back from its
 * JSON form, which refuses what the model and the export take: a date
 * field holding words (shown as they are) must export in a thread as it
 * does in place. */
static void
test_async_snapshot_is_a_copy (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = test_path ("async-copy.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { .loop = loop };
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length;

  tr_report_set_text (report, TR_FIELD_REPORT_DATE, "民國105年秋");
  expected = tr_odt_export_to_bytes (report, &error);
  g_assert_no_error (error);

  tr_odt_export_async (report, file, NULL, export_done, &async);
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  g_assert_cmpmem (written, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_async_cancelled (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *dir = make_folder ("cancelled");
  g_autofree char *path = g_build_filename (dir, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { .loop = loop };

  g_cancellable_cancel (cancellable);
  tr_odt_export_async (report, file, cancellable, export_done, &async);
  g_main_loop_run (loop);

  g_assert_false (async.ok);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  tr_test_assert_only_files (dir, NULL);
}

void
add_file_tests (void)
{
  g_test_add_func ("/export/file/dev-full", test_dev_full);
  g_test_add_func ("/export/file/missing-folder", test_missing_folder);
  g_test_add_func ("/export/file/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/file/write-failure", test_write_failure_keeps_file);
  g_test_add_func ("/export/file/replace-keeps-permissions", test_replace_keeps_permissions);
  g_test_add_func ("/export/file/stale-temporary-files", test_stale_temporary_files);
  g_test_add_func ("/export/async/snapshot", test_async_snapshot);
  g_test_add_func ("/export/async/snapshot-is-a-copy", test_async_snapshot_is_a_copy);
  g_test_add_func ("/export/async/cancelled", test_async_cancelled);
}
