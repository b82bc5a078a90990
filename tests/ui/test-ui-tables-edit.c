/* test-ui-tables-edit.c: a section with a table as one text, under Xvfb:
 * one undo history across its text, its cells and its tables, in the
 * order things were done; a spreadsheet's range pasted into a cell spread
 * over the cells from there; comments on the text after a table and on a
 * cell's text, made in the window and stored
 *
 * Each test drives a real window on a real library file, then reads the
 * file through a second store connection. Keys go through the X server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "common/tr-alert.h"
#include "editor/tr-body-blocks.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
#include "tr-comment.h"
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

  fixture->store = open_test_library ("tr-ui-tables-edit-XXXXXX", &fixture->dir, &fixture->path);
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

static TrSectionEditor *
text_editor (Fixture *fixture,
             TrField  field)
{
  return TR_SECTION_EDITOR (tr_report_editor_get_text_editor (get_editor (fixture), field));
}

static TrBodyBlocks *
blocks_of (Fixture *fixture,
           TrField  field)
{
  return TR_BODY_BLOCKS (find_descendant (GTK_WIDGET (text_editor (fixture, field)), TR_TYPE_BODY_BLOCKS));
}

/* 過程 as an import brings it: text, an itinerary, text after it. */
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
  tr_body_append_text (body, "一、行程概要");
  tr_body_append_table (body, table);
  tr_body_append_text (body, "二、參訪心得");
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  return report;
}

static void
open_report (Fixture  *fixture,
             TrReport *report)
{
  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
}

static GPtrArray *
list_comments_independently (Fixture    *fixture,
                             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  GPtrArray *comments;

  g_assert_no_error (error);
  comments = tr_report_store_list_comments (other, id, &error);
  g_assert_no_error (error);
  return comments;
}

static guint
count_comments_independently (Fixture    *fixture,
                              const char *id)
{
  g_autoptr(GPtrArray) comments = list_comments_independently (fixture, id);

  return comments->len;
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

static void
place_cursor_at_end (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

/* Scrolls the page to @widget and shoots the window, with
 * TR_TEST_SCREENSHOTS: the texts draw only what is in sight. */
static void
screenshot_at (Fixture    *fixture,
               GtkWidget  *widget,
               const char *name)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  double x, y;

  if (g_getenv ("TR_TEST_SCREENSHOTS") == NULL || scrolled == NULL)
    return;
  /* Laid out first: a table made anew has no place yet. */
  wait_ms (300);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  /* In the content, which scrolls: its place does not depend on the scroll. */
  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, y - 80);
  save_screenshot (GTK_WIDGET (fixture->window), name);
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
view_text_is (GtkTextView *view,
              const char  *expected)
{
  g_autofree char *text = view_text (view);

  return g_str_equal (text, expected);
}

static gboolean
text_is (TrSectionEditor *editor,
         const char      *expected)
{
  g_autofree char *text = tr_section_editor_dup_text (editor);

  return g_str_equal (text, expected);
}

static TrTable *
first_table (TrBodyBlocks *blocks)
{
  return tr_table_editor_get_table (tr_body_blocks_get_table_editor (blocks, 0));
}

static GtkTextView *
cell_view (TrBodyBlocks *blocks,
           guint         row,
           guint         column)
{
  return tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, 0), row, column);
}

/* What the section shows: its first text, the first table's cell (1, 2),
 * its rows, the text after it. */
static void
assert_section (TrBodyBlocks    *blocks,
                TrSectionEditor *editor,
                const char      *first,
                const char      *cell,
                guint            n_rows,
                const char      *after)
{
  g_autofree char *first_text = tr_section_editor_dup_text (editor);

  g_assert_cmpstr (first_text, ==, first);
  g_assert_cmpstr (tr_table_get_cell (first_table (blocks), 1, 2), ==, cell);
  g_assert_cmpuint (tr_table_get_n_rows (first_table (blocks)), ==, n_rows);
  g_assert_true (view_text_is (tr_body_blocks_get_run_view (blocks, 1), after));
}

/* Text typed, then a cell, a row added, text after the table: Ctrl+Z goes
 * back through them in reverse order, whichever text has the focus, and
 * Ctrl+Shift+Z forward again. Each text and cell used to keep its own
 * history, and the table's steps came only when the text in focus had
 * nothing left to undo. */
static void
test_one_history (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(TrReport) stored = NULL;
  TrSectionEditor *editor;
  TrBodyBlocks *blocks;
  GtkTextView *after;
  TrBody *body;

  open_report (fixture, report);
  editor = text_editor (fixture, TR_FIELD_PROCESS);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  after = tr_body_blocks_get_run_view (blocks, 1);

  place_cursor_at_end (tr_section_editor_get_text_view (editor));
  type_keys (tr_section_editor_get_text_view (editor), "。");
  place_cursor_at_end (cell_view (blocks, 1, 2));
  type_keys (cell_view (blocks, 1, 2), "（晚）");
  gtk_widget_activate_action (GTK_WIDGET (cell_view (blocks, 1, 2)), "table.insert-row-below", NULL);
  g_assert_cmpuint (tr_table_get_n_rows (first_table (blocks)), ==, 4);
  after = tr_body_blocks_get_run_view (blocks, 1);
  place_cursor_at_end (after);
  type_keys (after, "：交通");
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京（晚）", 4, "二、參訪心得：交通");
  screenshot_at (fixture, GTK_WIDGET (blocks), "one-history-typed.png");

  /* Back, from the text after the table where the cursor is. */
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (view_text_is (tr_body_blocks_get_run_view (blocks, 1), "二、參訪心得"), 3000);
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京（晚）", 4, "二、參訪心得");
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (tr_table_get_n_rows (first_table (blocks)) == 3, 3000);
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京（晚）", 3, "二、參訪心得");
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (g_str_equal (tr_table_get_cell (first_table (blocks), 1, 2), "啟程，搭機前往東京"), 3000);
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京", 3, "二、參訪心得");
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (text_is (editor, "一、行程概要"), 3000);
  assert_section (blocks, editor, "一、行程概要", "啟程，搭機前往東京", 3, "二、參訪心得");

  /* And forward, in the order things were done. */
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 150);
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京", 3, "二、參訪心得");
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 150);
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京（晚）", 3, "二、參訪心得");
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 150);
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京（晚）", 4, "二、參訪心得");
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 150);
  assert_section (blocks, editor, "一、行程概要。", "啟程，搭機前往東京（晚）", 4, "二、參訪心得：交通");
  g_assert_false (tr_body_blocks_redo (blocks));

  stored = wait_for_autosave (fixture, tr_report_get_id (report));
  body = tr_report_get_body (stored, TR_FIELD_PROCESS);
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "一、行程概要。");
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "二、參訪心得：交通");
  g_assert_cmpuint (tr_table_get_n_rows (tr_body_get_table (body, 0)), ==, 4);
  g_assert_cmpstr (tr_table_get_cell (tr_body_get_table (body, 0), 1, 2), ==, "啟程，搭機前往東京（晚）");
}

/* Typing a word is one step, as in GtkTextBuffer; a new one after a space
 * is the next. Something new after an undo drops what was to redo. */
static void
test_typing_steps (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  TrBodyBlocks *blocks;
  GtkTextView *cell;

  open_report (fixture, report);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  cell = cell_view (blocks, 2, 1);
  place_cursor_at_end (cell);
  type_keys (cell, "新");
  type_keys (cell, "宿");
  type_keys (cell, " ");
  type_keys (cell, "站");
  g_assert_true (view_text_is (cell, "東京都廳新宿 站"));
  g_assert_true (tr_body_blocks_undo (blocks));
  g_assert_true (view_text_is (cell, "東京都廳新宿"));
  g_assert_true (tr_body_blocks_undo (blocks));
  g_assert_true (view_text_is (cell, "東京都廳"));
  g_assert_false (tr_body_blocks_undo (blocks));
  type_keys (cell, "前");
  g_assert_false (tr_body_blocks_redo (blocks));
  g_assert_cmpstr (tr_table_get_cell (first_table (blocks), 2, 1), ==, "東京都廳前");
}

/* A caption's typing is in the section's history too, in its place. */
static void
test_caption_in_history (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  TrBodyBlocks *blocks;
  TrTableEditor *table_editor;
  GtkEditable *caption;
  GtkTextView *cell;

  open_report (fixture, report);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  table_editor = tr_body_blocks_get_table_editor (blocks, 0);
  caption = GTK_EDITABLE (tr_table_editor_get_caption_entry (table_editor));
  cell = cell_view (blocks, 0, 0);

  place_cursor_at_end (cell);
  type_keys (cell, "（日）");
  gtk_widget_grab_focus (GTK_WIDGET (caption));
  g_signal_emit_by_name (gtk_editable_get_delegate (caption), "insert-at-cursor", "東京行程");
  g_assert_cmpstr (tr_table_get_caption (first_table (blocks)), ==, "東京行程");
  place_cursor_at_end (cell_view (blocks, 2, 0));
  type_keys (cell_view (blocks, 2, 0), "（一）");

  g_assert_true (tr_body_blocks_undo (blocks));
  g_assert_cmpstr (tr_table_get_cell (first_table (blocks), 2, 0), ==, "10月3日");
  g_assert_true (tr_body_blocks_undo (blocks));
  g_assert_cmpstr (tr_table_get_caption (first_table (blocks)), ==, "");
  g_assert_cmpstr (tr_table_get_cell (first_table (blocks), 0, 0), ==, "日期（日）");
  g_assert_true (tr_body_blocks_undo (blocks));
  g_assert_cmpstr (tr_table_get_cell (first_table (blocks), 0, 0), ==, "日期");
  g_assert_true (tr_body_blocks_redo (blocks));
  g_assert_true (tr_body_blocks_redo (blocks));
  g_assert_cmpstr (tr_table_get_caption (first_table (blocks)), ==, "東京行程");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (caption))) ||
                 gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (gtk_editable_get_delegate (caption)));
}

/* A range copied from a spreadsheet and pasted into a cell goes over the
 * cells from there, rows and columns added as it needs; one Ctrl+Z takes
 * it all back. Plain text is pasted into the cell as text. */
static void
test_paste_range_in_cell (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(TrReport) stored = NULL;
  TrBodyBlocks *blocks;
  GtkTextView *cell;
  TrTable *table;

  open_report (fixture, report);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);

  /* Text, not a range: the cell takes it, line break and all. */
  cell = cell_view (blocks, 1, 1);
  place_cursor_at_end (cell);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (cell)), "、橫濱\n（轉車）");
  g_signal_emit_by_name (cell, "paste-clipboard");
  wait_until (g_str_equal (tr_table_get_cell (first_table (blocks), 1, 1), "東京、橫濱\n（轉車）"), 5000);
  g_assert_cmpuint (tr_table_get_n_columns (first_table (blocks)), ==, 3);

  /* Three rows of four cells from Calc, one quoted over two lines, from
   * the second row's second cell: a row and two columns more. */
  cell = cell_view (blocks, 1, 1);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (cell)),
                          "橫濱\t參訪港灣局\t港灣局\t10:00\n"
                          "東京\t\"拜會國土交通省\n（下午）\"\t國交省\t14:00\n"
                          "大阪\t參訪關西機場\t機場公司\t9:30\n");
  g_signal_emit_by_name (cell, "paste-clipboard");
  wait_until (tr_table_get_n_columns (first_table (blocks)) == 5, 5000);
  table = first_table (blocks);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (tr_table_get_cell (table, 0, 0), ==, "日期");
  g_assert_cmpstr (tr_table_get_cell (table, 1, 0), ==, "10月2日");
  g_assert_cmpstr (tr_table_get_cell (table, 1, 1), ==, "橫濱");
  g_assert_cmpstr (tr_table_get_cell (table, 2, 2), ==, "拜會國土交通省\n（下午）");
  g_assert_cmpstr (tr_table_get_cell (table, 3, 4), ==, "9:30");
  g_assert_cmpstr (tr_table_get_cell (table, 3, 0), ==, "");
  g_assert_cmpstr (tr_table_get_cell (table, 0, 4), ==, "");
  /* The cursor in the last cell pasted. */
  wait_until (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (cell_view (blocks, 3, 4)), 3000);
  screenshot_at (fixture, GTK_WIDGET (blocks), "paste-range-in-cell.png");

  /* One step back: the table as it was before the paste. */
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK, 150);
  wait_until (tr_table_get_n_columns (first_table (blocks)) == 3, 3000);
  table = first_table (blocks);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (tr_table_get_cell (table, 1, 1), ==, "東京、橫濱\n（轉車）");
  g_assert_cmpstr (tr_table_get_cell (table, 2, 2), ==, "參訪智慧交通中心");
  send_x_key (fixture->window, XK_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 150);
  wait_until (tr_table_get_n_columns (first_table (blocks)) == 5, 3000);

  stored = wait_for_autosave (fixture, tr_report_get_id (report));
  table = tr_body_get_table (tr_report_get_body (stored, TR_FIELD_PROCESS), 0);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 5);
  g_assert_cmpstr (tr_table_get_cell (table, 2, 2), ==, "拜會國土交通省\n（下午）");
  g_assert_true (tr_table_get_has_header (table));
}

/* Past the table's last column: what fits is pasted, the rest left out,
 * and said. */
static void
test_paste_range_clipped (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(GString) range = g_string_new (NULL);
  TrBodyBlocks *blocks;
  GtkTextView *cell;
  TrTable *table;

  open_report (fixture, report);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  for (guint c = 0; c < TR_TABLE_MAX_COLUMNS + 1; c++)
    g_string_append_printf (range, "%s欄%u", c > 0 ? "\t" : "", c);
  cell = cell_view (blocks, 1, 1);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (cell)), range->str);
  g_signal_emit_by_name (cell, "paste-clipboard");
  wait_until (tr_table_get_n_columns (first_table (blocks)) == TR_TABLE_MAX_COLUMNS, 5000);
  table = first_table (blocks);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (tr_table_get_cell (table, 1, 0), ==, "10月2日");
  g_assert_cmpstr (tr_table_get_cell (table, 1, 1), ==, "欄0");
  g_assert_cmpstr (tr_table_get_cell (table, 1, TR_TABLE_MAX_COLUMNS - 1), ==, "欄28");
  screenshot_at (fixture, GTK_WIDGET (blocks), "paste-range-clipped.png");
}

/* Selects @quote in @view and comments on it from the section's menu. */
static void
comment_on (Fixture     *fixture,
            GtkTextView *view,
            const char  *quote,
            const char  *body,
            const char  *screenshot)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match_start, match_end;
  GtkWidget *alert;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, quote, 0, &match_start, &match_end, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "editor.add-comment", NULL));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 2000);
  gtk_editable_set_text (GTK_EDITABLE (tr_alert_get_extra_child (alert)), body);
  if (screenshot != NULL)
    save_screenshot (alert, screenshot);
  g_signal_emit_by_name (find_button (alert, _("Co_mment")), "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);
}

/* Whether the passage @quote of @view's text is marked as commented on. */
static gboolean
marked (GtkTextView *view,
        const char  *quote)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "tr-comment");
  GtkTextIter start, end, match_start, match_end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  if (tag == NULL || !gtk_text_iter_forward_search (&start, quote, 0, &match_start, &match_end, NULL))
    return FALSE;
  return gtk_text_iter_starts_tag (&match_start, tag) && gtk_text_iter_ends_tag (&match_end, tag);
}

static TrComment *
find_comment (GPtrArray  *comments,
              const char *quote)
{
  for (guint i = 0; i < comments->len; i++)
    if (g_str_equal (tr_comment_get_quote (comments->pdata[i]), quote))
      return comments->pdata[i];
  return NULL;
}

/* Add Comment on a passage of the text after a table and on a cell's
 * text: each is stored by its place in the section's plain text, as the
 * export and the merge read it, marked where it is, chosen in the panel
 * selected there, and follows what is typed before it. Both used to be
 * refused ("Select the passage…"). */
static void
test_comment_after_table_and_in_cell (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture);
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(TrReport) stored = NULL;
  const char *id = tr_report_get_id (report);
  const char *plain;
  TrBodyBlocks *blocks;
  GtkTextView *after, *cell;
  TrComment *comment;
  guint from;

  open_report (fixture, report);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  after = tr_body_blocks_get_run_view (blocks, 1);
  cell = cell_view (blocks, 2, 2);

  comment_on (fixture, after, "參訪心得", "請分項敘述", NULL);
  wait_until (count_comments_independently (fixture, id) == 1, 5000);
  comment_on (fixture, cell, "智慧交通", "請寫出中心全名", "comment-in-cell.png");
  wait_until (count_comments_independently (fixture, id) == 2, 5000);

  plain = tr_report_get_section (report, TR_SECTION_PROCESS);
  comments = list_comments_independently (fixture, id);
  comment = find_comment (comments, "參訪心得");
  g_assert_nonnull (comment);
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_PROCESS);
  from = g_utf8_pointer_to_offset (plain, strstr (plain, "參訪心得"));
  g_assert_cmpuint (tr_comment_get_start (comment), ==, from);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, from + 4);
  comment = find_comment (comments, "智慧交通");
  g_assert_nonnull (comment);
  g_assert_cmpstr (tr_comment_get_body (comment), ==, "請寫出中心全名");
  from = g_utf8_pointer_to_offset (plain, strstr (plain, "智慧交通"));
  g_assert_cmpuint (tr_comment_get_start (comment), ==, from);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, from + 4);

  wait_until (marked (cell, "智慧交通"), 3000);
  g_assert_true (marked (after, "參訪心得"));
  screenshot_at (fixture, GTK_WIDGET (blocks), "comments-in-table.png");

  /* Chosen in the panel: selected in the cell. */
  {
    g_autoptr(GPtrArray) shown = list_comments_independently (fixture, id);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (cell);
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    gtk_widget_grab_focus (GTK_WIDGET (after));
    g_signal_emit_by_name (tr_report_editor_get_comments_panel (get_editor (fixture)), "activate",
                           find_comment (shown, "智慧交通"));
    wait_until (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (cell), 3000);
    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (selected, ==, "智慧交通");
  }

  /* Typed before the passage in the cell: the stored place follows. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (cell);
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
    type_keys (cell, "前往");
  }
  stored = wait_for_autosave (fixture, id);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = list_comments_independently (fixture, id);
  comment = find_comment (comments, "智慧交通");
  g_assert_nonnull (comment);
  g_assert_cmpuint (tr_comment_get_start (comment), ==, from + 2);
  plain = tr_report_get_section (stored, TR_SECTION_PROCESS);
  g_assert_cmpuint (g_utf8_pointer_to_offset (plain, strstr (plain, "智慧交通")), ==, from + 2);
  g_assert_true (marked (cell, "智慧交通"));
}

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

  g_test_add ("/ui-tables-edit/one-history", Fixture, NULL, fixture_set_up,
              test_one_history, fixture_tear_down);
  g_test_add ("/ui-tables-edit/typing-steps", Fixture, NULL, fixture_set_up,
              test_typing_steps, fixture_tear_down);
  g_test_add ("/ui-tables-edit/caption-in-history", Fixture, NULL, fixture_set_up,
              test_caption_in_history, fixture_tear_down);
  g_test_add ("/ui-tables-edit/paste-range-in-cell", Fixture, NULL, fixture_set_up,
              test_paste_range_in_cell, fixture_tear_down);
  g_test_add ("/ui-tables-edit/paste-range-clipped", Fixture, NULL, fixture_set_up,
              test_paste_range_clipped, fixture_tear_down);
  g_test_add ("/ui-tables-edit/comment-after-table-and-in-cell", Fixture, NULL, fixture_set_up,
              test_comment_after_table_and_in_cell, fixture_tear_down);
  return g_test_run ();
}
