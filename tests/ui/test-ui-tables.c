/* test-ui-tables.c: tables in the editor, under Xvfb: a section that holds
 * a table keeps it when its text is edited, a table inserted at the
 * cursor, cells typed with Tab, rows added, undone, tab-separated text
 * pasted as a table, and the lock of a report in review
 *
 * Each test drives a real window on a real library file, then reads the
 * file through a second store connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "common/tr-alert.h"
#include "editor/tr-body-blocks.h"
#include "editor/tr-find-bar-private.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
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

  fixture->store = open_test_library ("tr-ui-tables-XXXXXX", &fixture->dir, &fixture->path);
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
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  return fixture->window;
}

static TrReportEditor *
get_editor (Fixture *fixture)
{
  return TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
}

static TrSectionEditor *
text_editor (Fixture *fixture,
             TrField  field)
{
  return TR_SECTION_EDITOR (tr_report_editor_get_text_editor (get_editor (fixture), field));
}

/* Rows of the section's first table, whose editor undo makes anew. */
static guint
first_table_rows (TrBodyBlocks *blocks)
{
  if (tr_body_blocks_get_n_tables (blocks) == 0)
    return 0;
  return tr_table_get_n_rows (tr_table_editor_get_table (tr_body_blocks_get_table_editor (blocks, 0)));
}

static TrBodyBlocks *
blocks_of (Fixture *fixture,
           TrField  field)
{
  return TR_BODY_BLOCKS (find_descendant (GTK_WIDGET (text_editor (fixture, field)), TR_TYPE_BODY_BLOCKS));
}

static TrReport *
store_report (Fixture    *fixture,
              TrSection   section,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);

  tr_report_set_section (report, section, text);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  return report;
}

static void
place_cursor_at_line_end (TrSectionEditor *editor,
                          int              line)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
  GtkTextIter iter;

  gtk_widget_grab_focus (GTK_WIDGET (tr_section_editor_get_text_view (editor)));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static gboolean
text_ends_with (TrSectionEditor *editor,
                const char      *end)
{
  g_autofree char *text = tr_section_editor_dup_text (editor);

  return g_str_has_suffix (text, end);
}

/* The window's focus: under Xvfb without a window manager, the window
 * is not always active, and no widget "has" the focus. */
static gboolean
is_focus (Fixture   *fixture,
          GtkWidget *widget)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window)) == widget;
}

static void
type_in_focus (Fixture    *fixture,
               const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  type_keys (GTK_TEXT_VIEW (focus), text);
}

/* The autosave, on its own timer, and what the file holds after it. */
static TrReport *
wait_for_autosave (Fixture    *fixture,
                   const char *id)
{
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) != TR_SAVE_STATE_SAVED, 2000);
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 10000);
  return load_independently (fixture->path, id);
}

/* An itinerary, as `new --from-json` or an import brings it: text, the
 * table, text after it. */
static TrReport *
store_itinerary (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  TrBody *body = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_autoptr(TrTable) table = tr_table_new (3, 3);
  const char *cells[3][3] = {
    { "日期", "地點", "行程內容" },
    { "10月2日", "東京", "啟程，搭機前往東京" },
    { "10月3日", "東京都廳", "參訪智慧交通中心" },
  };

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      tr_table_set_cell (table, r, c, cells[r][c]);
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "考察行程");
  tr_body_append_text (body, "一、行程概要");
  tr_body_append_table (body, table);
  tr_body_append_text (body, "二、參訪心得");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "瞭解東京智慧交通。");
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  return report;
}

static void
assert_itinerary (TrReport *stored)
{
  TrBody *body = tr_report_get_body (stored, TR_FIELD_PROCESS);
  TrTable *table;

  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  table = tr_body_get_table (body, 0);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 3);
  g_assert_true (tr_table_get_has_header (table));
  g_assert_cmpstr (tr_table_get_caption (table), ==, "考察行程");
  g_assert_cmpstr (tr_table_get_cell (table, 2, 2), ==, "參訪智慧交通中心");
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "二、參訪心得");
}

/* Editing the text of a section that holds a table keeps the table: the
 * editor used to write the section back as its plain text, cells and all,
 * one run without tables. */
static void
test_text_edit_keeps_table (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(TrReport) stored = NULL;
  TrSectionEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  open_window (fixture);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  editor = text_editor (fixture, TR_FIELD_PROCESS);
  buffer = tr_section_editor_get_buffer (editor);
  tr_section_editor_focus_at (editor, -1);
  gtk_text_buffer_get_iter_at_line (buffer, &end, 0);
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_place_cursor (buffer, &end);
  type_keys (tr_section_editor_get_text_view (editor), "。");

  stored = wait_for_autosave (fixture, tr_report_get_id (report));
  g_assert_cmpstr (tr_body_get_text_run (tr_report_get_body (stored, TR_FIELD_PROCESS), 0), ==,
                   "一、行程概要。");
  assert_itinerary (stored);
  /* The other sections as they were. */
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "瞭解東京智慧交通。");
}

/* Insert Table from the section's menu: rows × columns, at the cursor;
 * cells typed with Tab, Tab in the last cell adds a row, Ctrl+Z takes it
 * away again; the store holds what was typed. */
static void
test_insert_type_tab_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrReport) report = store_report (fixture, TR_SECTION_PROCESS, "一、行程概要\n二、參訪心得");
  g_autoptr(TrReport) stored = NULL;
  const char *typed[] = { "日期", "地點", "行程內容", "10月2日", "東京", "參訪交通局" };
  TrSectionEditor *editor;
  TrBodyBlocks *blocks;
  TrTableEditor *table_editor;
  GtkWidget *alert;
  TrTable *table;
  TrBody *body;
  guint row, column;

  open_window (fixture);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  editor = text_editor (fixture, TR_FIELD_PROCESS);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  place_cursor_at_line_end (editor, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tr_section_editor_get_text_view (editor)),
                                             "editor.insert-table", NULL));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 3000);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_descendant (alert, GTK_TYPE_SPIN_BUTTON)), 2);
  g_signal_emit_by_name (find_button (alert, _("_Insert")), "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);

  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 1);
  table_editor = tr_body_blocks_get_table_editor (blocks, 0);
  table = tr_table_editor_get_table (table_editor);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 3);
  /* The text after the cursor goes on under the table. */
  {
    g_autofree char *first = tr_section_editor_dup_text (editor);
    GtkTextBuffer *after = gtk_text_view_get_buffer (tr_body_blocks_get_run_view (blocks, 1));
    GtkTextIter start, end;
    g_autofree char *rest = NULL;

    gtk_text_buffer_get_bounds (after, &start, &end);
    rest = gtk_text_buffer_get_text (after, &start, &end, FALSE);
    g_assert_cmpstr (first, ==, "一、行程概要");
    g_assert_cmpstr (rest, ==, "二、參訪心得");
  }

  /* The cursor waits in the first cell; Tab goes on, row after row. */
  wait_ms (100);
  g_assert_true (is_focus (fixture, GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 0, 0))));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      type_in_focus (fixture, typed[i]);
      send_x_key (fixture->window, XK_Tab, 0, 150);
      wait_until (is_focus (fixture, GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, (i + 1) / 3, (i + 1) % 3))),
                  5000);
    }
  /* Tab in the last cell added a row, and went to it. */
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_true (tr_table_editor_get_current_cell (table_editor, &row, &column));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 0);
  g_assert_true (is_focus (fixture, GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 2, 0))));
  /* Shift+Tab goes back. */
  send_x_key (fixture->window, XK_Tab, GDK_SHIFT_MASK, 150);
  wait_until (is_focus (fixture, GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 1, 2))), 5000);
  send_x_key (fixture->window, XK_Tab, 0, 150);
  wait_until (is_focus (fixture, GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 2, 0))), 5000);

  /* Ctrl+Z in the new, empty row takes the row away, not what was typed. */
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (first_table_rows (blocks) == 2, 5000);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 1);
  table = tr_table_editor_get_table (tr_body_blocks_get_table_editor (blocks, 0));
  g_assert_cmpstr (tr_table_get_cell (table, 1, 2), ==, "參訪交通局");

  stored = wait_for_autosave (fixture, tr_report_get_id (report));
  body = tr_report_get_body (stored, TR_FIELD_PROCESS);
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  table = tr_body_get_table (body, 0);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 3);
  g_assert_true (tr_table_get_has_header (table));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_cmpstr (tr_table_get_cell (table, i / 3, i % 3), ==, typed[i]);
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "一、行程概要");
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "二、參訪心得");
}

/* A spreadsheet's range on the clipboard is pasted as a table; plain text
 * stays text. Undo and redo take the table away and bring it back. */
static void
test_paste_tsv (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrReport) report = store_report (fixture, TR_SECTION_RECOMMENDATIONS, "經費如下：");
  g_autoptr(TrReport) stored = NULL;
  TrSectionEditor *editor;
  TrBodyBlocks *blocks;
  GtkTextView *view;
  TrTable *table;
  TrBody *body;

  open_window (fixture);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  editor = text_editor (fixture, TR_FIELD_RECOMMENDATIONS);
  view = tr_section_editor_get_text_view (editor);
  blocks = blocks_of (fixture, TR_FIELD_RECOMMENDATIONS);

  /* Text with a tab in it, but not rows of cells: text. */
  place_cursor_at_line_end (editor, 0);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), "（見附表\t一）");
  g_signal_emit_by_name (view, "paste-clipboard");
  wait_until (text_ends_with (editor, "（見附表\t一）"), 10000);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 0);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)),
                          "項目\t金額（元）\r\n機票\t35,000\r\n住宿\t42,000\r\n");
  g_signal_emit_by_name (view, "paste-clipboard");
  wait_until (tr_body_blocks_get_n_tables (blocks) == 1, 10000);
  table = tr_table_editor_get_table (tr_body_blocks_get_table_editor (blocks, 0));
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (tr_table_get_cell (table, 2, 1), ==, "42,000");

  /* Undone from the first cell, where the cursor is; then redone. */
  wait_ms (100);
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (tr_body_blocks_get_n_tables (blocks) == 0, 5000);
  tr_section_editor_focus_at (editor, -1);
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 150);
  wait_until (tr_body_blocks_get_n_tables (blocks) == 1, 5000);

  stored = wait_for_autosave (fixture, tr_report_get_id (report));
  body = tr_report_get_body (stored, TR_FIELD_RECOMMENDATIONS);
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "經費如下：（見附表\t一）");
  table = tr_body_get_table (body, 0);
  g_assert_cmpstr (tr_table_get_cell (table, 0, 0), ==, "項目");
  g_assert_cmpstr (tr_table_get_cell (table, 1, 1), ==, "35,000");
}

/* In review, a table is read, not changed: cells, rows, Tab in the last
 * cell, a table pasted or inserted. */
static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  TrTableEditor *table_editor;
  TrBodyBlocks *blocks;
  GtkTextView *cell;
  TrTable *table;

  g_assert_true (tr_report_store_set_status (fixture->store, tr_report_get_id (report),
                                             TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  open_window (fixture);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 1);
  table_editor = tr_body_blocks_get_table_editor (blocks, 0);
  table = tr_table_editor_get_table (table_editor);

  cell = tr_table_editor_get_cell_view (table_editor, 2, 2);
  g_assert_false (gtk_text_view_get_editable (cell));
  type_keys (cell, "改");
  g_assert_true (tr_table_editor_focus_cell (table_editor, 2, 2));
  send_x_key (fixture->window, XK_Tab, 0, 150);
  gtk_widget_activate_action (GTK_WIDGET (cell), "table.insert-row-below", NULL);
  gtk_widget_activate_action (GTK_WIDGET (cell), "table.remove-column", NULL);
  gtk_widget_activate_action (GTK_WIDGET (cell), "table.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (cell), "editor.insert-table", NULL);
  g_assert_null (find_shown (TR_TYPE_ALERT));
  gtk_widget_activate_action (GTK_WIDGET (cell), "table-state.has-header", NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (cell)), "甲\t乙\n丙\t丁\n");
  g_signal_emit_by_name (tr_section_editor_get_text_view (text_editor (fixture, TR_FIELD_PROCESS)),
                         "paste-clipboard");
  wait_ms (300);
  g_assert_false (tr_body_blocks_undo (blocks));

  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 1);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_true (tr_table_get_has_header (table));
  g_assert_cmpstr (tr_table_get_cell (table, 2, 2), ==, "參訪智慧交通中心");
  g_assert_cmpuint (tr_report_editor_get_save_state (get_editor (fixture)), ==, TR_SAVE_STATE_SAVED);
  stored = load_independently (fixture->path, tr_report_get_id (report));
  assert_itinerary (stored);
}

/* Find and replace go through the cells and captions too, in the order
 * of the section, and a row added by Tab is searched as well. */
static void
test_find_replace_in_cells (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(TrReport) stored = NULL;
  TrTableEditor *table_editor;
  TrFindBar *bar;
  TrTable *table;

  open_window (fixture);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  bar = TR_FIND_BAR (find_descendant (GTK_WIDGET (get_editor (fixture)), TR_TYPE_FIND_BAR));
  table_editor = tr_body_blocks_get_table_editor (blocks_of (fixture, TR_FIELD_PROCESS), 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.find-replace", NULL));
  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "東京");
  tr_find_bar_update (bar);
  /* 目的 once, then three cells of 過程. */
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 4);

  /* A row typed into later is found too. */
  g_assert_true (tr_table_editor_focus_cell (table_editor, 2, 2));
  gtk_widget_activate_action (GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 2, 2)),
                              "table.insert-row-below", NULL);
  type_keys (tr_table_editor_get_cell_view (table_editor, 3, 1), "東京車站");
  tr_find_bar_update (bar);
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 5);

  gtk_editable_set_text (tr_find_bar_get_search_entry (bar), "考察");
  gtk_editable_set_text (tr_find_bar_get_replace_entry (bar), "參訪");
  tr_find_bar_update (bar);
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bar), "find.replace-all", NULL));
  table = tr_table_editor_get_table (table_editor);
  g_assert_cmpstr (tr_table_get_caption (table), ==, "參訪行程");

  stored = wait_for_autosave (fixture, tr_report_get_id (report));
  table = tr_body_get_table (tr_report_get_body (stored, TR_FIELD_PROCESS), 0);
  g_assert_cmpstr (tr_table_get_caption (table), ==, "參訪行程");
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (tr_table_get_cell (table, 3, 1), ==, "東京車站");
}

/* The header row marked off and a table deleted from its menu, each an
 * undo step of the section; what is left after Ctrl+Z is stored. */
static void
test_delete_and_header_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(TrReport) stored = NULL;
  TrSectionEditor *editor;
  TrBodyBlocks *blocks;
  GtkTextView *cell;
  g_autofree char *joined = NULL;

  open_window (fixture);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  editor = text_editor (fixture, TR_FIELD_PROCESS);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  cell = tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, 0), 1, 1);

  gtk_widget_activate_action (GTK_WIDGET (cell), "table-state.has-header", NULL);
  g_assert_false (tr_table_get_has_header (tr_table_editor_get_table (tr_body_blocks_get_table_editor (blocks, 0))));
  gtk_widget_activate_action (GTK_WIDGET (cell), "table.delete", NULL);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 0);
  /* The text before and after it, as two paragraphs. */
  joined = tr_section_editor_dup_text (editor);
  g_assert_cmpstr (joined, ==, "一、行程概要\n二、參訪心得");

  tr_section_editor_focus_at (editor, -1);
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (tr_body_blocks_get_n_tables (blocks) == 1, 5000);
  g_assert_false (tr_table_get_has_header (tr_table_editor_get_table (tr_body_blocks_get_table_editor (blocks, 0))));
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (tr_table_get_has_header (tr_table_editor_get_table (tr_body_blocks_get_table_editor (blocks, 0))), 5000);

  stored = wait_for_autosave (fixture, tr_report_get_id (report));
  assert_itinerary (stored);
  g_assert_cmpstr (tr_body_get_text_run (tr_report_get_body (stored, TR_FIELD_PROCESS), 0), ==, "一、行程概要");
}

#ifdef __SANITIZE_ADDRESS__
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
#endif

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TR_LOCALEDIR") != NULL ? g_getenv ("TR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-tables/text-edit-keeps-table", Fixture, NULL, fixture_set_up,
              test_text_edit_keeps_table, fixture_tear_down);
  g_test_add ("/ui-tables/insert-type-tab-undo", Fixture, NULL, fixture_set_up,
              test_insert_type_tab_undo, fixture_tear_down);
  g_test_add ("/ui-tables/paste-tsv", Fixture, NULL, fixture_set_up,
              test_paste_tsv, fixture_tear_down);
  g_test_add ("/ui-tables/lock", Fixture, NULL, fixture_set_up,
              test_lock, fixture_tear_down);
  g_test_add ("/ui-tables/find-replace-in-cells", Fixture, NULL, fixture_set_up,
              test_find_replace_in_cells, fixture_tear_down);
  g_test_add ("/ui-tables/delete-and-header-undo", Fixture, NULL, fixture_set_up,
              test_delete_and_header_undo, fixture_tear_down);

  return g_test_run ();
}
