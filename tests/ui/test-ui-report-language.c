/* test-ui-report-language.c: report text in a Traditional Chinese face in
 * an English desktop, under Xvfb
 *
 * The window runs in en_US.UTF-8 here (build-aux/install-deps.sh test
 * generates it), after tr_application_prefer_report_language() as main()
 * calls it. Han characters in the report's fields, sections and the
 * library's list must take the face Pango gives zh-TW text, not the first
 * face fontconfig lists for Han characters (a Japanese or brush face).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>

#include "editor/tr-form-editor-private.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "tr-application.h"
#include "tr-ui-test.h"

#define TITLE "赴愛沙尼亞考察數位政府出國報告"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrWindow *window;
  TrReport *report;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = open_test_library ("tr-ui-report-language-XXXXXX", &fixture->dir, &fixture->path);
  fixture->report = tr_report_new (TR_REPORT_KIND_DRAFT);
  tr_report_set_text (fixture->report, TR_FIELD_TITLE, TITLE);
  tr_report_set_section (fixture->report, TR_SECTION_PURPOSE, "瞭解愛沙尼亞數位政府之推動經驗，說明其資料交換平台。");
  g_assert_true (tr_report_store_save (fixture->store, fixture->report, &error));
  g_assert_no_error (error);
  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->report);
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

/* Asserts that @widget lays @text out in the face the same font gives
 * text marked zh-TW. */
static void
assert_zh_tw_face (GtkWidget  *widget,
                   const char *text)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  /* PangoContext has no autoptr cleanup in Pango 1.50. */
  g_autoptr(GObject) zh_tw_object = G_OBJECT (pango_font_map_create_context (pango_context_get_font_map (context)));
  PangoContext *zh_tw = PANGO_CONTEXT (zh_tw_object);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  pango_context_set_font_description (zh_tw, pango_context_get_font_description (context));
  pango_context_set_language (zh_tw, pango_language_from_string ("zh-tw"));
  expected = face_of (zh_tw, text);
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

    got = face_of (pango_layout_get_context (layout), text);
  }
  g_test_message ("%s: %s, zh-TW text: %s", G_OBJECT_TYPE_NAME (widget), got, expected);
  g_assert_cmpstr (got, ==, expected);
}

/* The window speaks English: only report text changes its face. */
static void
test_window_in_english (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "en_US.UTF-8");
  g_assert_false (pango_language_includes_script (gtk_get_default_language (), PANGO_SCRIPT_HAN));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Trip Reports");
}

/* A section's text, and a field of the 提要 form. */
static void
test_editor_text (Fixture       *fixture,
                  gconstpointer  data)
{
  TrReportEditor *editor;
  GtkWidget *title_row;
  GtkTextView *purpose;

  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (fixture->report)));
  editor = TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
  purpose = tr_section_editor_get_text_view (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (editor,
                                                                                                TR_FIELD_PURPOSE)));
  assert_zh_tw_face (GTK_WIDGET (purpose), "瞭解愛沙尼亞數位政府");

  title_row = tr_form_editor_get_row (TR_FORM_EDITOR (tr_report_editor_get_form_editor (editor)), "title");
  g_assert_nonnull (title_row);
  assert_zh_tw_face (find_descendant (title_row, GTK_TYPE_TEXT), TITLE);
  save_screenshot (GTK_WIDGET (fixture->window), "report-language-en.png");
}

/* The title in the library's list. */
static void
test_library_title (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *library = tr_window_get_library_view (fixture->window);
  GtkWidget *label = NULL;

  /* show_window() has waited for the list to be read. */
  wait_until ((label = find_label_showing (library, TITLE, FALSE)) != NULL, 5000);
  assert_zh_tw_face (label, TITLE);
}

/* A list of the user's own keeps its languages, after zh-TW, once. */
static void
test_user_languages_kept (void)
{
  g_autofree char *before = g_strdup (g_getenv ("PANGO_LANGUAGE"));

  g_setenv ("PANGO_LANGUAGE", "ja:en", TRUE);
  tr_application_prefer_report_language ();
  g_assert_cmpstr (g_getenv ("PANGO_LANGUAGE"), ==, "zh-tw:ja:en");
  tr_application_prefer_report_language ();
  g_assert_cmpstr (g_getenv ("PANGO_LANGUAGE"), ==, "zh-tw:ja:en");
  g_setenv ("PANGO_LANGUAGE", "", TRUE);
  tr_application_prefer_report_language ();
  g_assert_cmpstr (g_getenv ("PANGO_LANGUAGE"), ==, "zh-tw");
  g_setenv ("PANGO_LANGUAGE", before, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* Whatever the suite runs in (C.UTF-8): an English desktop. */
  g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("The en_US.UTF-8 locale is missing: build-aux/install-deps.sh test generates it");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_unsetenv ("PANGO_LANGUAGE");
  tr_application_prefer_report_language ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-report-language/window-in-english", Fixture, NULL, fixture_set_up, test_window_in_english,
              fixture_tear_down);
  g_test_add ("/ui-report-language/editor", Fixture, NULL, fixture_set_up, test_editor_text, fixture_tear_down);
  g_test_add_func ("/ui-report-language/user-languages-kept", test_user_languages_kept);
  g_test_add ("/ui-report-language/library", Fixture, NULL, fixture_set_up, test_library_title,
              fixture_tear_down);
  return g_test_run ();
}
