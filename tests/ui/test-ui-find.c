/* test-ui-find.c: find and replace in the open report, in a real window
 * under Xvfb, with keys sent through the X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>

#include "editor/tr-body-blocks.h"
#include "editor/tr-find-bar-private.h"
#include "editor/tr-form-editor-private.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
#include "review/tr-review-bar.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-keys.h"
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

  fixture->store = open_test_library ("tr-ui-find-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

static TrWindow *
open_window (Fixture *fixture)
{
  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  return fixture->window;
}

static TrReportEditor *
get_editor (Fixture *fixture)
{
  return TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
}

/* The find bar is the editor's only TrFindBar. */
static TrFindBar *
find_bar_in (GtkWidget *widget)
{
  return TR_FIND_BAR (find_descendant (widget, TR_TYPE_FIND_BAR));
}

static GtkTextBuffer *
buffer_of (Fixture *fixture,
           TrField  field)
{
  return tr_section_editor_get_buffer (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (get_editor (fixture),
                                                                                           field)));
}

static GtkWidget *
row_of (Fixture    *fixture,
        const char *key)
{
  return tr_form_editor_get_row (TR_FORM_EDITOR (tr_report_editor_get_form_editor (get_editor (fixture))), key);
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A draft with the word in three form fields and four long texts. */
static void
new_draft_with_texts (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  g_assert_nonnull (tr_window_get_report (fixture->window));

  gtk_editable_set_text (GTK_EDITABLE (row_of (fixture, "title")), "赴日本考察智慧交通出國報告");
  gtk_editable_set_text (GTK_EDITABLE (row_of (fixture, "agency")), "臺中市政府交通局");
  gtk_editable_set_text (GTK_EDITABLE (row_of (fixture, "destination")), "日本東京");
  gtk_editable_set_text (GTK_EDITABLE (row_of (fixture, "classification")), "交通／運輸");
  gtk_text_buffer_set_text (buffer_of (fixture, TR_FIELD_SUMMARY), "本次考察東京都智慧交通系統。", -1);
  gtk_text_buffer_set_text (buffer_of (fixture, TR_FIELD_PURPOSE), "了解交通管理經驗。\n建立交流管道。", -1);
  gtk_text_buffer_set_text (buffer_of (fixture, TR_FIELD_OBSERVATIONS),
                            "東京重視公共交通 (MaaS)，交通資訊整合。", -1);
  gtk_text_buffer_set_text (buffer_of (fixture, TR_FIELD_APPENDIX), "照片 1：參訪交通局", -1);
  wait_ms (50);
}

/* 提要 fields, 摘要, the body and 附錄 in document order, with a count. */
static void
test_find_across_report (Fixture       *fixture,
                         gconstpointer  data)
{
  TrFindBar *bar;
  GtkTextBuffer *observations;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  int from, to;

  open_window (fixture);
  new_draft_with_texts (fixture);
  bar = find_bar_in (GTK_WIDGET (get_editor (fixture)));
  g_assert_nonnull (bar);
  g_assert_false (tr_find_bar_is_open (bar));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.find", NULL));
  g_assert_true (tr_find_bar_is_open (bar));
  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "交通");
  tr_find_bar_update (bar);

  /* title, agency, classification; summary, purpose, observations ×2, appendix */
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 8);
  g_assert_cmpuint (tr_find_bar_get_current_match (bar), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (tr_find_bar_get_count_label (bar)), ==, "1 of 8");
  /* The first is in the title row, selected there. */
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (row_of (fixture, "title")), &from, &to));
  g_assert_cmpint (from, ==, 7);
  g_assert_cmpint (to, ==, 9);

  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (bar), "find.next", NULL);
  g_assert_cmpstr (gtk_label_get_text (tr_find_bar_get_count_label (bar)), ==, "6 of 8");
  /* The sixth is the first of 心得, selected and marked as the current one. */
  observations = buffer_of (fixture, TR_FIELD_OBSERVATIONS);
  g_assert_true (gtk_text_buffer_get_selection_bounds (observations, &start, &end));
  selected = gtk_text_buffer_get_text (observations, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "交通");
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 6);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (observations),
                                                                           "tr-find-current")));
  /* Every match is highlighted, the other one in 心得 too. */
  gtk_text_buffer_get_iter_at_offset (observations, &start, 16);
  g_assert_true (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (observations),
                                                                           "tr-find-match")));

  /* Back past the first: the last. */
  for (guint i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (bar), "find.previous", NULL);
  g_assert_cmpstr (gtk_label_get_text (tr_find_bar_get_count_label (bar)), ==, "8 of 8");

  /* Case does not matter for Latin letters. */
  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "maas");
  tr_find_bar_update (bar);
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 1);

  /* Typing into the report counts the new match once typing pauses. */
  gtk_text_buffer_insert_at_cursor (buffer_of (fixture, TR_FIELD_RECOMMENDATIONS), "推動 MaaS。", -1);
  wait_until (tr_find_bar_get_n_matches (bar) == 2, 2000);

  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "不存在的字");
  tr_find_bar_update (bar);
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (tr_find_bar_get_count_label (bar)), ==, "No Results");

  /* Closed, no highlight is left behind. */
  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "交通");
  tr_find_bar_update (bar);
  tr_find_bar_close (bar);
  gtk_text_buffer_get_iter_at_offset (observations, &start, 16);
  g_assert_false (gtk_text_iter_has_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (observations),
                                                                            "tr-find-match")));
}

/* Replace one, then all: each text is one undo step, and the report saved
 * holds the replaced text. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  TrFindBar *bar;
  GtkTextBuffer *observations;
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;

  open_window (fixture);
  new_draft_with_texts (fixture);
  bar = find_bar_in (GTK_WIDGET (get_editor (fixture)));
  observations = buffer_of (fixture, TR_FIELD_OBSERVATIONS);
  before = dup_buffer_text (observations);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.find-replace", NULL));
  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "交通");
  gtk_editable_set_text (tr_find_bar_get_replace_entry (bar), "運輸");
  tr_find_bar_update (bar);
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 8);

  /* One: the title's, and the next one is shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "find.replace", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_of (fixture, "title"))), ==, "赴日本考察智慧運輸出國報告");
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 7);
  g_assert_cmpstr (gtk_label_get_text (tr_find_bar_get_count_label (bar)), ==, "1 of 7");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "find.replace-all", NULL));
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (tr_find_bar_get_count_label (bar)), ==, "7 matches replaced");
  text = dup_buffer_text (observations);
  g_assert_cmpstr (text, ==, "東京重視公共運輸 (MaaS)，運輸資訊整合。");

  /* Both replacements in 心得 go with one undo, of the section's history. */
  {
    TrBodyBlocks *blocks = TR_BODY_BLOCKS (find_descendant (GTK_WIDGET (tr_report_editor_get_text_editor (get_editor (fixture), TR_FIELD_OBSERVATIONS)),
                                                            TR_TYPE_BODY_BLOCKS));

    g_assert_true (tr_body_blocks_undo (blocks));
    g_clear_pointer (&text, g_free);
    text = dup_buffer_text (observations);
    g_assert_cmpstr (text, ==, before);
    g_assert_true (tr_body_blocks_redo (blocks));
  }

  /* Saved like typing. */
  tr_find_bar_close (bar);
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 5000);
  stored = tr_report_store_load (fixture->store, tr_report_get_id (tr_window_get_report (fixture->window)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_TITLE), ==, "赴日本考察智慧運輸出國報告");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_AGENCY), ==, "臺中市政府運輸局");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_SUMMARY), ==, "本次考察東京都智慧運輸系統。");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_OBSERVATIONS), ==, "東京重視公共運輸 (MaaS)，運輸資訊整合。");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_APPENDIX), ==, "照片 1：參訪運輸局");
}

/* A report in review is found in, not changed. */
static void
test_replace_locked (Fixture       *fixture,
                     gconstpointer  data)
{
  TrFindBar *bar;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;

  open_window (fixture);
  new_draft_with_texts (fixture);
  id = g_strdup (tr_report_get_id (tr_window_get_report (fixture->window)));
  g_assert_true (tr_review_bar_set_status (TR_REVIEW_BAR (tr_report_editor_get_review_bar (get_editor (fixture))),
                                           TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);

  bar = find_bar_in (GTK_WIDGET (get_editor (fixture)));
  gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.find-replace", NULL);
  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "交通");
  gtk_editable_set_text (tr_find_bar_get_replace_entry (bar), "運輸");
  tr_find_bar_update (bar);
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 8);
  gtk_widget_activate_action (GTK_WIDGET (bar), "find.replace-all", NULL);
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 8);
  text = dup_buffer_text (buffer_of (fixture, TR_FIELD_OBSERVATIONS));
  g_assert_cmpstr (text, ==, "東京重視公共交通 (MaaS)，交通資訊整合。");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_of (fixture, "title"))), ==, "赴日本考察智慧交通出國報告");
}

/* Ctrl+F finds in the report while writing it, and still searches the
 * library from the library; Ctrl+H opens the replace row; Escape closes
 * the bar, back in the text at the match. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  TrFindBar *bar;
  GtkWidget *library_search;
  GtkTextView *purpose_view;
  GtkWidget *focus;

  open_window (fixture);
  new_draft_with_texts (fixture);
  bar = find_bar_in (GTK_WIDGET (get_editor (fixture)));
  library_search = GTK_WIDGET (tr_library_view_get_search_entry (TR_LIBRARY_VIEW (tr_window_get_library_view (fixture->window))));
  purpose_view = tr_section_editor_get_text_view (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (get_editor (fixture),
                                                                                                       TR_FIELD_PURPOSE)));

  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (purpose_view), &start);
    gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (purpose_view), &start);
  }
  gtk_widget_grab_focus (GTK_WIDGET (purpose_view));
  wait_ms (50);
  send_x_key (fixture->window, GDK_KEY_f, GDK_CONTROL_MASK, 200);
  wait_until (tr_find_bar_is_open (bar), 2000);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == GTK_WIDGET (tr_find_bar_get_search_entry (bar)) ||
                 (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (tr_find_bar_get_search_entry (bar)))));

  /* Typed into the bar: the first match from the cursor, in 目的. */
  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "交通");
  tr_find_bar_update (bar);
  g_assert_cmpstr (gtk_label_get_text (tr_find_bar_get_count_label (bar)), ==, "5 of 8");
  /* The bar just opened and its entry's search delay running: the keys
   * come once the window has settled, as a person's would. */
  wait_ms (500);
  send_x_key (fixture->window, GDK_KEY_Return, 0, 200);
  wait_until (g_str_equal (gtk_label_get_text (tr_find_bar_get_count_label (bar)), "6 of 8"), 3000);
  send_x_key (fixture->window, GDK_KEY_Return, GDK_SHIFT_MASK, 200);
  wait_until (g_str_equal (gtk_label_get_text (tr_find_bar_get_count_label (bar)), "5 of 8"), 3000);

  send_x_key (fixture->window, GDK_KEY_Escape, 0, 200);
  wait_until (!tr_find_bar_is_open (bar), 2000);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (purpose_view)));

  send_x_key (fixture->window, GDK_KEY_h, GDK_CONTROL_MASK, 200);
  wait_until (tr_find_bar_is_open (bar), 2000);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (tr_find_bar_get_replace_entry (bar))) ||
                 gtk_widget_get_mapped (GTK_WIDGET (tr_find_bar_get_replace_entry (bar))));
  tr_find_bar_close (bar);

  /* From the library, the library's search. */
  gtk_widget_grab_focus (library_search);
  gtk_widget_grab_focus (GTK_WIDGET (tr_window_get_library_view (fixture->window)));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (get_editor (fixture))));
  send_x_key (fixture->window, GDK_KEY_f, GDK_CONTROL_MASK, 200);
  g_assert_false (tr_find_bar_is_open (bar));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == library_search || gtk_widget_is_ancestor (focus, library_search));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* Keys through the X server: GDK's X11 backend. */
  gdk_set_allowed_backends ("x11");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/find/across-report", Fixture, NULL, fixture_set_up,
              test_find_across_report, fixture_tear_down);
  g_test_add ("/ui/find/replace", Fixture, NULL, fixture_set_up,
              test_replace, fixture_tear_down);
  g_test_add ("/ui/find/replace-locked", Fixture, NULL, fixture_set_up,
              test_replace_locked, fixture_tear_down);
  g_test_add ("/ui/find/shortcuts", Fixture, NULL, fixture_set_up,
              test_shortcuts, fixture_tear_down);
  return g_test_run ();
}
