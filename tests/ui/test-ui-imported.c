/* test-ui-imported.c: an imported report corrected in a real window under
 * Xvfb: its title and 提要 fixed (the text as imported), and Edit as Draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "editor/tr-form-editor-private.h"
#include "editor/tr-photo-grid.h"
#include "editor/tr-report-editor-private.h"
#include "reader/tr-form-dialog.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrWindow *window;
  char *id;  /* the imported report */
} Fixture;

static const char purpose_text[] = "一、目的\n出席新加坡世界城市峰會，瞭解各國智慧城市發展策略。";
static const char process_text[] = "二、過程\n6月3日抵達新加坡。\n6月4日至6日出席峰會並參訪濱海灣。";
static const char pdf_bytes[] = "%PDF-1.4 imported for the test";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(GBytes) source = g_bytes_new_static (pdf_bytes, sizeof pdf_bytes - 1);
  static const char * const warnings[] = { "未找到提要表", NULL };

  fixture->store = open_test_library ("tr-ui-imported-XXXXXX", &fixture->dir, &fixture->path);

  /* What an import of a PDF without a 提要 form gives: no title, the
   * agency read from a running header. */
  tr_report_set_text (report, TR_FIELD_AGENCY, "出國報告");
  tr_report_set_section (report, TR_SECTION_PURPOSE, purpose_text);
  tr_report_set_section (report, TR_SECTION_PROCESS, process_text);
  tr_report_set_warnings (report, warnings);
  tr_report_set_source (report, "峰會報告.pdf", source);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  fixture->id = g_strdup (tr_report_get_id (report));

  fixture->window = tr_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (tr_window_open_report (fixture->window, fixture->id));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
  g_free (fixture->id);
}

/* The title of the library's first row, "" when it is empty. */
static const char *
first_listed_title (Fixture *fixture)
{
  g_autoptr(TrReportInfo) info = g_list_model_get_item (G_LIST_MODEL (fixture->window->library), 0);
  static char title[256];

  g_strlcpy (title, info != NULL ? tr_report_info_get_title (info) : "", sizeof title);
  return title;
}

static void
run_main_loop_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  return count_matching (widget, is_label_showing, &(LabelText) { text, FALSE });
}

static GtkEditable *
form_row (TrFormDialog *dialog,
          const char   *key)
{
  GtkWidget *editor = find_descendant (GTK_WIDGET (dialog), TR_TYPE_FORM_EDITOR);

  g_assert_nonnull (editor);
  return GTK_EDITABLE (tr_form_editor_get_row (TR_FORM_EDITOR (editor), key));
}

static TrFormDialog *
open_form_dialog (Fixture *fixture)
{
  TrFormDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.correct-form", NULL));
  wait_until ((dialog = TR_FORM_DIALOG (find_shown (TR_TYPE_FORM_DIALOG))) != NULL, 3000);
  return dialog;
}

static void
assert_text_as_imported (TrReport *report)
{
  g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PURPOSE), ==, purpose_text);
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PROCESS), ==, process_text);
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, "峰會報告.pdf");
  g_assert_nonnull (tr_report_get_source_sha256 (report));
}

static void
test_correct_form (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) stored = NULL;
  TrFormDialog *dialog;

  /* The subtitle does not call read-only what is corrected below: the
   * text is, the title and 提要 are not. */
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->content_title), ==,
                   _("Imported · Body Read Only"));

  /* Cancel leaves the report as it was, in the window and the library. */
  dialog = open_form_dialog (fixture);
  gtk_editable_set_text (form_row (dialog, "title"), "不要的標題");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_until (find_shown (TR_TYPE_FORM_DIALOG) == NULL, 3000);
  g_assert_cmpstr (tr_report_get_text (tr_window_get_report (fixture->window), TR_FIELD_TITLE), ==, "");
  stored = load_independently (fixture->path, fixture->id);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_TITLE), ==, "");
  g_clear_object (&stored);

  /* Corrected and saved. */
  dialog = open_form_dialog (fixture);
  gtk_editable_set_text (form_row (dialog, "title"), "出席新加坡世界城市峰會出國報告");
  gtk_editable_set_text (form_row (dialog, "agency"), "內政部國土管理署");
  gtk_editable_set_text (form_row (dialog, "destination"), "新加坡");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), _("_Save")), "clicked");
  wait_until (find_shown (TR_TYPE_FORM_DIALOG) == NULL, 3000);

  stored = load_independently (fixture->path, fixture->id);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_TITLE), ==, "出席新加坡世界城市峰會出國報告");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_AGENCY), ==, "內政部國土管理署");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_DESTINATION), ==, "新加坡");
  assert_text_as_imported (stored);
  g_assert_cmpstr (tr_report_get_warnings (stored)[0], ==, "未找到提要表");

  /* The window shows it: its title, and the library's row. */
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->content_title), ==,
                   "出席新加坡世界城市峰會出國報告");
  g_assert_cmpstr (adw_window_title_get_subtitle (fixture->window->content_title), ==,
                   _("Imported · Body Read Only"));
  wait_until (g_strcmp0 (first_listed_title (fixture), "出席新加坡世界城市峰會出國報告") == 0, 5000);
  assert_text_as_imported (tr_window_get_report (fixture->window));
}

static void
test_edit_as_draft (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TrReport) draft = NULL;
  g_autoptr(TrReport) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_id = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-as-draft", NULL));
  wait_until (g_strcmp0 (tr_report_get_id (tr_window_get_report (fixture->window)), fixture->id) != 0, 5000);
  draft_id = g_strdup (tr_report_get_id (tr_window_get_report (fixture->window)));

  /* Open in the editor, its text editable. */
  g_assert_true (tr_report_editor_get_report (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window))) ==
                 tr_window_get_report (fixture->window));
  g_assert_cmpuint (tr_report_store_count (fixture->store, &error), ==, 2);
  g_assert_no_error (error);

  draft = load_independently (fixture->path, draft_id);
  g_assert_cmpint (tr_report_get_kind (draft), ==, TR_REPORT_KIND_DRAFT);
  g_assert_cmpstr (tr_report_get_section (draft, TR_SECTION_PURPOSE), ==, purpose_text);
  g_assert_cmpstr (tr_report_get_section (draft, TR_SECTION_PROCESS), ==, process_text);
  g_assert_cmpstr (tr_report_get_text (draft, TR_FIELD_AGENCY), ==, "出國報告");
  g_assert_null (tr_report_get_source_sha256 (draft));

  /* Under 附錄, the photos' heading is report content like it, in any
   * language of the UI. */
  {
    GtkWidget *grid = find_descendant (tr_window_get_editor (fixture->window), TR_TYPE_PHOTO_GRID);

    g_assert_nonnull (grid);
    g_assert_cmpuint (count_labels (grid, "照片"), ==, 1);
    g_assert_cmpuint (count_labels (grid, "Photos"), ==, 0);
  }

  /* The imported report stays as it was. */
  original = load_independently (fixture->path, fixture->id);
  assert_text_as_imported (original);

  /* A draft has nothing to correct apart: its form is in the editor. */
  g_assert_null (find_shown (TR_TYPE_FORM_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.correct-form", NULL);
  run_main_loop_for (200);
  g_assert_null (find_shown (TR_TYPE_FORM_DIALOG));
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

  g_test_add ("/ui/imported/correct-form", Fixture, NULL, fixture_set_up,
              test_correct_form, fixture_tear_down);
  g_test_add ("/ui/imported/edit-as-draft", Fixture, NULL, fixture_set_up,
              test_edit_as_draft, fixture_tear_down);
  return g_test_run ();
}
