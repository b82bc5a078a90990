/* test-ui-upgrade.c: the first start on a library an earlier version wrote.
 * The app, as launched, shows a window saying the library is being updated
 * while the upgrade runs in a thread, then the main window with what the
 * command line asked for; closing the first window stops the upgrade and
 * leaves the file as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>
#include <sqlite3.h>

#include "library/tr-library-upgrade-window.h"
#include "tr-application.h"
#include "tr-report-store.h"
#include "tr-test-old-library.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

/* Large enough that the upgrade takes seconds here (the store's own test
 * prints how long). */
#define N_REPORTS 1500
#define N_PARAGRAPHS 30

typedef struct {
  char *dir;
  char *path;
  char *open_id;

  gboolean close_while_upgrading;

  GPtrArray *window_types;
  gint64 n_reports_shown;
  GtkWindow *upgrade_window;
  guint frames_while_upgrading;
  char *opened_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tr-ui-upgrade-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->open_id = tr_test_v1_report_id (1234);
  fixture->window_types = g_ptr_array_new ();
  tr_test_write_v1_library (fixture->path, N_REPORTS, N_PARAGRAPHS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_ptr_array_unref (fixture->window_types);
  g_free (fixture->opened_id);
  g_free (fixture->open_id);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* Counts the frames the upgrade's window draws: the spinner turns, so the
 * main loop was free while the thread worked. */
static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->frames_while_upgrading++;
  if (fixture->frames_while_upgrading == 20)
    save_screenshot (widget, "library-upgrade.png");
  if (fixture->close_while_upgrading && fixture->frames_while_upgrading == 10)
    gtk_window_close (GTK_WINDOW (widget));
  return G_SOURCE_CONTINUE;
}

static gboolean
check_main_window (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWindow *window = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (TR_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL || tr_window_get_report (TR_WINDOW (window)) == NULL)
    return G_SOURCE_CONTINUE;

  /* What the command line asked for, once the library was open. */
  fixture->opened_id = g_strdup (tr_report_get_id (tr_window_get_report (TR_WINDOW (window))));
  g_assert_null (fixture->upgrade_window);
  save_screenshot (GTK_WIDGET (window), "library-upgraded.png");
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
window_added (GtkApplication *application,
              GtkWindow      *window,
              Fixture        *fixture)
{
  g_ptr_array_add (fixture->window_types, (gpointer) G_OBJECT_TYPE_NAME (window));
  if (TR_IS_LIBRARY_UPGRADE_WINDOW (window))
    {
      fixture->upgrade_window = window;
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &fixture->upgrade_window);
      fixture->n_reports_shown = tr_library_upgrade_window_get_n_reports (TR_LIBRARY_UPGRADE_WINDOW (window));
      gtk_window_set_default_size (window, 640, 480);
      gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame, fixture, NULL);
    }
  else if (TR_IS_WINDOW (window))
    g_timeout_add (20, check_main_window, fixture);
}

static int
run_app (Fixture *fixture)
{
  g_autoptr(TrApplication) application = tr_application_new ();
  char *argv[] = { "trip-reports", "--db", fixture->path, "--open", fixture->open_id, NULL };

  g_signal_connect (application, "window-added", G_CALLBACK (window_added), fixture);
  return g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1, argv);
}

static void
test_upgrade_then_open (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpint (run_app (fixture), ==, 0);

  g_assert_cmpuint (fixture->window_types->len, ==, 2);
  g_assert_cmpstr (fixture->window_types->pdata[0], ==, "TrLibraryUpgradeWindow");
  g_assert_cmpstr (fixture->window_types->pdata[1], ==, "TrWindow");
  g_assert_cmpint (fixture->n_reports_shown, ==, N_REPORTS);
  g_test_message ("frames drawn while upgrading: %u", fixture->frames_while_upgrading);
  g_assert_cmpuint (fixture->frames_while_upgrading, >=, 10);
  g_assert_cmpstr (fixture->opened_id, ==, fixture->open_id);
  g_assert_cmpint (user_version (fixture->path), ==, TR_REPORT_STORE_SCHEMA_VERSION);
}

static void
test_close_while_upgrading (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;

  fixture->close_while_upgrading = TRUE;
  g_assert_cmpint (run_app (fixture), ==, 0);

  /* No main window came; the file is as the older version left it. */
  g_assert_cmpuint (fixture->window_types->len, ==, 1);
  g_assert_cmpstr (fixture->window_types->pdata[0], ==, "TrLibraryUpgradeWindow");
  g_assert_cmpint (user_version (fixture->path), ==, 1);
  store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, N_REPORTS);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ui/upgrade/then-open", Fixture, NULL, fixture_set_up, test_upgrade_then_open, fixture_tear_down);
  g_test_add ("/ui/upgrade/close-while-upgrading", Fixture, NULL, fixture_set_up, test_close_while_upgrading,
              fixture_tear_down);

  return g_test_run ();
}
