/* test-ui-new-from.c: a new draft from the open report, and a duplicate,
 * from the report menu of a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "common/tr-alert.h"
#include "editor/tr-form-editor-private.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = open_test_library ("tr-ui-new-from-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

static TrReportEditor *
get_editor (Fixture *fixture)
{
  return TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
}

static GtkTextBuffer *
buffer_of (Fixture *fixture,
           TrField  field)
{
  return tr_section_editor_get_buffer (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (get_editor (fixture),
                                                                                           field)));
}

static const char process_text[] =
  "一、行程概要\n本次行程共計5日。\n（一）10月2日：啟程\n搭機前往東京。\n二、參訪行程\n參訪東京都廳。";

/* A draft typed in the window, not saved yet: what is made from it must
 * still hold what was typed. */
static char *
type_a_draft (Fixture *fixture)
{
  TrFormEditor *form;

  fixture->window = show_window (fixture->store, NULL, 1200, 760);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (get_editor (fixture)));
  gtk_editable_set_text (GTK_EDITABLE (tr_form_editor_get_row (form, "title")), "赴日本東京考察智慧交通出國報告");
  gtk_editable_set_text (GTK_EDITABLE (tr_form_editor_get_row (form, "agency")), "臺中市政府交通局");
  tr_report_set_text (tr_window_get_report (fixture->window), TR_FIELD_PERIOD_START, "2025-10-02");
  gtk_text_buffer_set_text (buffer_of (fixture, TR_FIELD_SUMMARY), "本次考察東京都智慧交通系統。", -1);
  gtk_text_buffer_set_text (buffer_of (fixture, TR_FIELD_PROCESS), process_text, -1);
  return g_strdup (tr_report_get_id (tr_window_get_report (fixture->window)));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id = type_a_draft (fixture);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(TrReport) original = NULL;
  g_autoptr(GError) error = NULL;
  const char *copy_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.duplicate-report", NULL));
  wait_until (g_strcmp0 (tr_report_get_id (tr_window_get_report (fixture->window)), id) != 0, 5000);
  copy_id = tr_report_get_id (tr_window_get_report (fixture->window));
  /* Open in the editor, and in the library. */
  g_assert_true (tr_report_editor_get_report (get_editor (fixture)) == tr_window_get_report (fixture->window));
  g_assert_cmpuint (tr_report_store_count (fixture->store, &error), ==, 2);
  g_assert_no_error (error);

  stored = load_independently (fixture->path, copy_id);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_TITLE), ==, "赴日本東京考察智慧交通出國報告");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PERIOD_START), ==, "2025-10-02");
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PROCESS), ==, process_text);
  original = load_independently (fixture->path, id);
  g_assert_cmpstr (tr_report_get_section (original, TR_SECTION_PROCESS), ==, process_text);
}

static char *
new_from (Fixture  *fixture,
          gboolean  with_text)
{
  const char *source_id = tr_report_get_id (tr_window_get_report (fixture->window));
  g_autofree char *source = g_strdup (source_id);
  GtkWidget *alert;
  GtkWidget *check;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-from-report", NULL));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 3000);
  check = tr_alert_get_extra_child (alert);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), with_text);
  g_signal_emit_by_name (find_button (alert, _("C_reate")), "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);
  wait_until (g_strcmp0 (tr_report_get_id (tr_window_get_report (fixture->window)), source) != 0, 5000);
  return g_strdup (tr_report_get_id (tr_window_get_report (fixture->window)));
}

static void
test_new_from (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = type_a_draft (fixture);
  g_autofree char *outline_id = NULL;
  g_autofree char *text_id = NULL;
  g_autoptr(TrReport) outline = NULL;
  g_autoptr(TrReport) with_text = NULL;
  g_autoptr(GError) error = NULL;

  outline_id = new_from (fixture, FALSE);
  outline = load_independently (fixture->path, outline_id);
  g_assert_cmpstr (tr_report_get_text (outline, TR_FIELD_TITLE), ==, "赴日本東京考察智慧交通出國報告");
  g_assert_cmpstr (tr_report_get_text (outline, TR_FIELD_AGENCY), ==, "臺中市政府交通局");
  g_assert_cmpstr (tr_report_get_text (outline, TR_FIELD_PERIOD_START), ==, "");
  g_assert_cmpstr (tr_report_get_text (outline, TR_FIELD_SUMMARY), ==, "");
  g_assert_cmpstr (tr_report_get_section (outline, TR_SECTION_PROCESS), ==,
                   "一、行程概要\n（一）10月2日：啟程\n二、參訪行程");
  /* The editor shows it. */
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer_of (fixture, TR_FIELD_PROCESS), &start, &end);
    shown = gtk_text_buffer_get_text (buffer_of (fixture, TR_FIELD_PROCESS), &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "一、行程概要\n（一）10月2日：啟程\n二、參訪行程");
  }

  g_assert_true (tr_window_open_report (fixture->window, id));
  text_id = new_from (fixture, TRUE);
  with_text = load_independently (fixture->path, text_id);
  g_assert_cmpstr (tr_report_get_text (with_text, TR_FIELD_SUMMARY), ==, "本次考察東京都智慧交通系統。");
  g_assert_cmpstr (tr_report_get_section (with_text, TR_SECTION_PROCESS), ==, process_text);
  g_assert_cmpstr (tr_report_get_text (with_text, TR_FIELD_PERIOD_START), ==, "");
  g_assert_cmpuint (tr_report_store_count (fixture->store, &error), ==, 3);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/new-from/duplicate", Fixture, NULL, fixture_set_up,
              test_duplicate, fixture_tear_down);
  g_test_add ("/ui/new-from/new-from", Fixture, NULL, fixture_set_up,
              test_new_from, fixture_tear_down);
  return g_test_run ();
}
