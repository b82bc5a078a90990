/* test-ui-export.c: what the window's ODT export carries, under Xvfb
 *
 * A report with a reviewer's open comment, in a real library file, is
 * exported as OpenDocument from a real window with the menu's check
 * “Include Reviewers’ Comments” on, then off: the ODT's content.xml has
 * the comment as an office:annotation on its passage, then none, the
 * passage itself in both. The check is kept in the settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "library/tr-library-view-private.h"
#include "tr-test-odt.h"
#include "tr-test-report.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  TrReportStore *store;
  GSettings *settings;
  TrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tr-ui-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new ("org.example.TripReports");
  g_settings_reset (fixture->settings, "export-comments");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  release_and_wait (&fixture->store);
  g_clear_object (&fixture->settings);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static TrWindow *
open_window (Fixture *fixture)
{
  fixture->window = show_window (fixture->store, fixture->settings, 1200, 760);
  return fixture->window;
}

/* The ODT exported from the window as @name; its content.xml. */
static xmlDocPtr
export_odt (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *exported = g_strdup_printf (_("Exported “%s”"), name);

  tr_window_export_as (fixture->window, file, TR_EXPORT_FORMAT_ODT, FALSE);
  wait_until (find_label_showing (GTK_WIDGET (fixture->window->toast_overlay), exported, FALSE) != NULL, 60000);
  return tr_test_odt_parse_entry (path, "content.xml");
}

static void
test_comments_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrComment) comment = tr_comment_new (TR_SECTION_PURPOSE, 0, 2, NULL, "請寫出全名", "審核人");
  g_autoptr(GError) error = NULL;
  g_autofree char *passage = NULL;
  TrWindow *window;
  xmlDocPtr with, without;

  tr_report_store_save (fixture->store, report, &error);
  g_assert_no_error (error);
  tr_report_store_add_comment (fixture->store, tr_report_get_id (report), comment, &error);
  g_assert_no_error (error);
  passage = g_utf8_substring (tr_report_get_section (report, TR_SECTION_PURPOSE), 0, 12);

  window = open_window (fixture);
  g_assert_true (tr_window_open_report (window, tr_report_get_id (report)));

  /* On by default, as the command line without --no-comments. */
  g_assert_true (g_settings_get_boolean (fixture->settings, "export-comments"));
  with = export_odt (fixture, "with.odt");
  g_assert_cmpuint (tr_test_xpath_count (with, "//office:annotation[dc:creator='審核人']"), ==, 1);
  g_assert_cmpuint (tr_test_xpath_count (with, "//office:annotation/text:p[.='請寫出全名']"), ==, 1);

  /* Unchecked from the menu: the same report, no comment, kept for next time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "settings.export-comments", NULL));
  g_assert_false (g_settings_get_boolean (fixture->settings, "export-comments"));
  without = export_odt (fixture, "without.odt");
  g_assert_cmpuint (tr_test_xpath_count (without, "//office:annotation"), ==, 0);
  g_assert_cmpuint (tr_test_xpath_count (without, "//office:annotation-end"), ==, 0);
  {
    g_autofree char *expression = g_strdup_printf ("//text:p[starts-with(., '%s')]", passage);

    g_assert_cmpuint (tr_test_xpath_count (without, expression), >=, 1);
  }

  xmlFreeDoc (with);
  xmlFreeDoc (without);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TR_LOCALEDIR") != NULL ? g_getenv ("TR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-export/comments-check", Fixture, NULL, fixture_set_up, test_comments_check,
              fixture_tear_down);

  return g_test_run ();
}
