/* test-ui-help.c: F1 and the menu open the user guide in the help viewer
 *
 * The desktop's viewer (yelp) is replaced by a script registered as the
 * handler of help: URIs in a private XDG configuration, which writes down
 * the URI it was started with: the test sees what the app asked for, and
 * what it says when no viewer can be started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "common/tr-alert.h"
#include "tr-application.h"
#include "tr-help.h"
#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-window.h"
#include "tr-ui-test.h"

static char *xdg_dir;     /* the private XDG folders and the viewer */
static char *viewer;      /* the script standing in for yelp */
static char *opened;      /* where it writes the URI it got */

/* Before GTK or GIO looks for applications. */
static void
install_fake_viewer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *apps = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *desktop_path = NULL;
  g_autofree char *mimeapps_path = NULL;
  g_autofree char *script = NULL;

  xdg_dir = g_dir_make_tmp ("tr-help-XXXXXX", &error);
  g_assert_no_error (error);
  apps = g_build_filename (xdg_dir, "data", "applications", NULL);
  config = g_build_filename (xdg_dir, "config", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);

  viewer = g_build_filename (xdg_dir, "fake-help-viewer", NULL);
  opened = g_build_filename (xdg_dir, "opened", NULL);
  script = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                            opened, opened, opened);
  g_file_set_contents (viewer, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (viewer, 0755), ==, 0);

  desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Help Viewer\n"
                             "Exec=%s %%u\nMimeType=x-scheme-handler/help;\nNoDisplay=true\n",
                             viewer);
  desktop_path = g_build_filename (apps, "tr-fake-help-viewer.desktop", NULL);
  g_file_set_contents (desktop_path, desktop, -1, &error);
  g_assert_no_error (error);
  mimeapps_path = g_build_filename (config, "mimeapps.list", NULL);
  g_file_set_contents (mimeapps_path,
                       "[Default Applications]\nx-scheme-handler/help=tr-fake-help-viewer.desktop\n",
                       -1, &error);
  g_assert_no_error (error);

  data = g_build_filename (xdg_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* The system's data, but none of its applications: yelp, where it is
   * installed, must not answer in the fake viewer's stead. */
  {
    static const char * const kept[] = { "glib-2.0", "icons", "mime", "themes", NULL };
    g_autofree char *share = g_build_filename (xdg_dir, "share", NULL);

    g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
    for (guint i = 0; kept[i] != NULL; i++)
      {
        g_autofree char *target = g_build_filename ("/usr/share", kept[i], NULL);
        g_autofree char *link = g_build_filename (share, kept[i], NULL);

        g_assert_cmpint (symlink (target, link), ==, 0);
      }
    g_setenv ("XDG_DATA_DIRS", share, TRUE);
  }
}

static char *
read_opened (void)
{
  char *uri = NULL;

  g_file_get_contents (opened, &uri, NULL, NULL);
  return uri;
}

static GtkWindow *
open_window (TrReportStore **out_store,
             char          **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  *out_dir = g_dir_make_tmp ("tr-help-library-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*out_dir, "library.db", NULL);
  *out_store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  window = GTK_WINDOW (tr_window_new (NULL, *out_store, NULL, NULL));
  gtk_window_present (window);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);
  return window;
}

static void
close_window (GtkWindow     *window,
              TrReportStore *store,
              char          *dir)
{
  gtk_window_destroy (window);
  g_object_unref (store);
  tr_test_remove_tree (dir);
  g_free (dir);
}

/* F1 and the main menu's Help are one action of the application. */
static void
test_help_action (void)
{
  g_autoptr(TrApplication) app = tr_application_new ();
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");

  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "help"));
  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
}

/* The guide's index, and a page of it, in the viewer. */
static void
test_help_opens_guide (void)
{
  TrReportStore *store;
  char *dir;
  GtkWindow *window = open_window (&store, &dir);
  g_autofree char *index_uri = NULL;
  g_autofree char *page_uri = NULL;

  g_remove (opened);
  tr_help_show (window, NULL);
  wait_until (g_file_test (opened, G_FILE_TEST_EXISTS), 10000);
  index_uri = read_opened ();
  g_assert_cmpstr (index_uri, ==, "help:" APP_ID);

  g_remove (opened);
  tr_help_show (window, "review");
  wait_until (g_file_test (opened, G_FILE_TEST_EXISTS), 10000);
  page_uri = read_opened ();
  g_assert_cmpstr (page_uri, ==, "help:" APP_ID "/review");
  g_assert_null (find_shown (TR_TYPE_ALERT));

  close_window (window, store, dir);
}

/* A viewer that cannot be started is said, over the window. */
static void
test_help_viewer_missing (void)
{
  TrReportStore *store;
  char *dir;
  GtkWindow *window = open_window (&store, &dir);
  GtkWidget *alert;

  g_remove (opened);
  g_assert_cmpint (g_chmod (viewer, 0644), ==, 0);
  tr_help_show (window, NULL);
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 10000);
  g_assert_false (g_file_test (opened, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (viewer, 0755), ==, 0);

  close_window (window, store, dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  install_fake_viewer ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/help/action", test_help_action);
  g_test_add_func ("/help/opens-guide", test_help_opens_guide);
  g_test_add_func ("/help/viewer-missing", test_help_viewer_missing);
  status = g_test_run ();
  tr_test_remove_tree (xdg_dir);
  return status;
}
