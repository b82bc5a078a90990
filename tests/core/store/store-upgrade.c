/* store-upgrade.c: a library an earlier version wrote, brought to this
 * schema in a worker thread, and left as it was when that is cancelled
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-store.h"

static void
got_result (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static TrReportStore *
open_and_wait (const char    *path,
               GCancellable  *cancellable,
               guint          cancel_after_ms,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_iterations = 0;

  tr_report_store_open_async (path, cancellable, got_result, &result);
  while (result == NULL)
    {
      if (cancellable != NULL && g_get_monotonic_time () - start > cancel_after_ms * G_TIME_SPAN_MILLISECOND)
        g_cancellable_cancel (cancellable);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      n_iterations++;
    }
  /* The caller's thread was free all along. */
  g_assert_cmpuint (n_iterations, >, 0);
  return tr_report_store_open_finish (result, error);
}

static void
test_needs_upgrade (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text_file = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *current = g_build_filename (fixture->dir, "current.db", NULL);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_reports = -1;

  /* Nothing to upgrade where there is no library, a new one, or not one
   * of ours (opening says why). Looking creates nothing. */
  g_assert_false (tr_report_store_needs_upgrade (fixture->path, &n_reports));
  g_assert_cmpint (n_reports, ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_set_contents (text_file, "行程表\n", -1, NULL));
  g_assert_false (tr_report_store_needs_upgrade (text_file, NULL));
  store = tr_report_store_open (current, &error);
  g_assert_no_error (error);
  g_assert_false (tr_report_store_needs_upgrade (current, NULL));

  tr_test_write_v1_library (fixture->path, 3, 2);
  g_assert_true (tr_report_store_needs_upgrade (fixture->path, &n_reports));
  g_assert_cmpint (n_reports, ==, 3);
  /* It only looked. */
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA user_version"), ==, 1);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = tr_test_v1_report_id (41);
  gint64 n_reports = -1;

  tr_test_write_v1_library (fixture->path, 60, 10);
  store = open_and_wait (fixture->path, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA user_version"), ==, TR_REPORT_STORE_SCHEMA_VERSION);
  /* A current library is not counted: that would read a whole index
   * before the window's first frame. */
  g_assert_false (tr_report_store_needs_upgrade (fixture->path, &n_reports));
  g_assert_cmpint (n_reports, ==, 0);
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, 60);
  hits = tr_report_store_search (store, "（41）", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (tr_report_info_get_id (hits->pdata[0]), ==, id);
}

/* Closing the window of a long upgrade: the file stays as the older
 * version left it, every report in it, and the next start upgrades it. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReportStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 start;
  double upgrade_ms;

  /* Big enough that the upgrade takes a while here: measured below. */
  tr_test_write_v1_library (fixture->path, 1500, 30);
  before = g_strdup_printf ("%" G_GINT64_FORMAT,
                            raw_int (fixture->path, "SELECT sum(length(process)) FROM reports"));

  start = g_get_monotonic_time ();
  store = open_and_wait (fixture->path, cancellable, 30, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (store);
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM reports"), ==, 1500);
  g_assert_cmpint (raw_int (fixture->path, "SELECT sum(length(process)) FROM reports"), ==,
                   g_ascii_strtoll (before, NULL, 10));
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'report_fts_short'"), ==, 0);
  g_clear_error (&error);

  /* The whole upgrade takes longer than the cancelled one did: it was
   * stopped, not waited for. */
  start = g_get_monotonic_time () - start;
  {
    gint64 t0 = g_get_monotonic_time ();

    again = open_and_wait (fixture->path, NULL, 0, &error);
    upgrade_ms = (g_get_monotonic_time () - t0) / 1000.0;
  }
  g_assert_no_error (error);
  g_test_message ("cancelled after %.0f ms; the whole upgrade took %.0f ms", start / 1000.0, upgrade_ms);
  g_assert_cmpfloat (start / 1000.0, <, upgrade_ms);
  g_assert_cmpuint (tr_report_store_count (again, NULL), ==, 1500);
  g_assert_cmpint (raw_int (fixture->path, "PRAGMA user_version"), ==, TR_REPORT_STORE_SCHEMA_VERSION);
}

void
add_upgrade_tests (void)
{
  ADD_NO_STORE ("/store/upgrade/needs-upgrade", test_needs_upgrade);
  ADD_NO_STORE ("/store/upgrade/open-async", test_open_async);
  ADD_NO_STORE ("/store/upgrade/cancel", test_cancel);
}
