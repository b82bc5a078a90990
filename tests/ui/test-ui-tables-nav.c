/* test-ui-tables-nav.c: a section with tables read as a whole, under Xvfb:
 * its counter counts the text after a table and the cells, and a problem
 * of the completeness panel in a cell, a caption or the text after a
 * table takes the cursor there; a comment on the text after a table is
 * marked there; Up and Down go from row to row; a cell focused from the
 * code as the report opens comes into sight
 *
 * Each test drives a real window on a real library file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "editor/tr-body-blocks.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
#include "tr-completeness.h"
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

  fixture->store = open_test_library ("tr-ui-tables-nav-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

static void
open_report (Fixture  *fixture,
             TrReport *report)
{
  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
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

/* What the counter is meant to count: every character of the section but
 * white space, cells and captions included, as the completeness rules
 * read it. */
static guint
count_without_spaces (const char *text)
{
  guint count = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      count++;
  return count;
}

static guint
expected_count (Fixture *fixture,
                TrField  field)
{
  g_autoptr(TrBody) body = tr_body_blocks_dup_body (blocks_of (fixture, field));

  return count_without_spaces (tr_body_get_plain_text (body));
}

/* 過程 as an import brings it: text, a schedule with a caption, text
 * after it; @cell goes in the schedule's last cell and @after after it. */
static TrReport *
store_itinerary (Fixture    *fixture,
                 const char *caption,
                 const char *cell,
                 const char *after)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  TrBody *body = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_autoptr(TrTable) table = tr_table_new (3, 3);
  const char *cells[3][3] = {
    { "日期", "地點", "行程內容" },
    { "10月2日", "東京", "啟程，搭機 前往東京" },
    { "10月3日", "東京都廳", cell },
  };

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      tr_table_set_cell (table, r, c, cells[r][c]);
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, caption);
  tr_body_append_text (body, "一、行程概要");
  tr_body_append_table (body, table);
  tr_body_append_text (body, after);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  return report;
}

/* The counter counts the whole section: the counter used to stop at the
 * first table, so that a section written as a schedule read as nearly
 * empty. It follows typing after the table and in a cell. */
static void
test_counter (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture, "考察 行程", "參訪智慧交通中心",
                                                "二、參訪心得\n（一）交通 資料開放");
  TrSectionEditor *editor;
  TrBodyBlocks *blocks;
  GtkTextView *after;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint count;

  open_report (fixture, report);
  editor = text_editor (fixture, TR_FIELD_PROCESS);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 1);

  /* 一、行程概要 6, the caption 4, the cells 41, the text after 15. */
  count = tr_section_editor_count_characters (editor);
  g_assert_cmpuint (count, ==, expected_count (fixture, TR_FIELD_PROCESS));
  g_assert_cmpuint (count, ==, 6 + 4 + 41 + 15);
  g_assert_true (label_shows (tr_section_editor_get_count_label (editor), count));

  /* Typed after the table, spaces and line breaks not counted. */
  after = tr_body_blocks_get_run_view (blocks, 1);
  type_keys (after, "\n三、 建議");
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, count + 4);
  /* Typed in a cell, and a row added. */
  type_keys (tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, 0), 1, 1), "車站");
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, count + 6);
  g_assert_true (tr_table_editor_focus_cell (tr_body_blocks_get_table_editor (blocks, 0), 1, 1));
  gtk_widget_activate_action (GTK_WIDGET (tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, 0), 1, 1)),
                              "table.insert-row-below", NULL);
  type_keys (tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, 0), 2, 0), "10月4日");
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, count + 11);
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, expected_count (fixture, TR_FIELD_PROCESS));
  /* The label follows typing every so often (test-ui-tables-typing.c),
   * after the frames GTK has to draw first. */
  wait_until (label_shows (tr_section_editor_get_count_label (editor), count + 11), 10000);

  /* The text after the table deleted. */
  buffer = gtk_text_view_get_buffer (after);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, count + 11 - 19);
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, expected_count (fixture, TR_FIELD_PROCESS));

  /* Undone, the table goes, and with it what it counted. */
  gtk_widget_activate_action (GTK_WIDGET (tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, 0), 0, 0)),
                              "table.delete", NULL);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 0);
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, 6);
  g_assert_true (tr_body_blocks_undo (blocks));
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, expected_count (fixture, TR_FIELD_PROCESS));
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, count + 11 - 19);
}

/* Activates the completeness panel's row about a placeholder left in. */
static void
activate_placeholder_problem (Fixture *fixture)
{
  GListModel *problems = tr_report_editor_get_problems (get_editor (fixture));
  GtkListBox *list = GTK_LIST_BOX (find_named (GTK_WIDGET (get_editor (fixture)), "problem_list"));

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(TrProblem) problem = g_list_model_get_item (problems, i);

      if (tr_problem_get_kind (problem) != TR_PROBLEM_PLACEHOLDER)
        continue;
      g_assert_cmpstr (tr_problem_get_target (problem), ==, tr_field_get_key (TR_FIELD_PROCESS));
      g_signal_emit_by_name (gtk_list_box_get_row_at_index (list, i), "activate");
      return;
    }
  g_assert_not_reached ();
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* Where the cursor of @view is, in characters. */
static int
cursor_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return gtk_text_iter_get_offset (&iter);
}

/* A placeholder after the table: the problem takes the cursor to it, in
 * the text after the table, not to a place of the section's first text. */
static void
test_problem_after_table (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture, "考察行程", "參訪智慧交通中心",
                                                "二、參訪心得\n（一）拜會○○局");
  GtkTextView *after;

  open_report (fixture, report);
  after = tr_body_blocks_get_run_view (blocks_of (fixture, TR_FIELD_PROCESS), 1);
  activate_placeholder_problem (fixture);
  wait_until (focus_of (fixture) == GTK_WIDGET (after), 3000);
  g_assert_cmpint (cursor_of (after), ==, g_utf8_strlen ("二、參訪心得\n（一）拜會", -1));
}

/* In a cell, and in a caption. */
static void
test_problem_in_table (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture, "考察行程", "參訪○○中心", "二、參訪心得");
  g_autoptr(TrReport) captioned = store_itinerary (fixture, "TODO 行程", "參訪中心", "二、參訪心得");
  TrTableEditor *table_editor;
  GtkTextView *cell;
  GtkWidget *entry;

  open_report (fixture, report);
  table_editor = tr_body_blocks_get_table_editor (blocks_of (fixture, TR_FIELD_PROCESS), 0);
  cell = tr_table_editor_get_cell_view (table_editor, 2, 2);
  activate_placeholder_problem (fixture);
  wait_until (focus_of (fixture) == GTK_WIDGET (cell), 3000);
  g_assert_cmpint (cursor_of (cell), ==, 2);

  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (captioned)));
  table_editor = tr_body_blocks_get_table_editor (blocks_of (fixture, TR_FIELD_PROCESS), 0);
  entry = tr_table_editor_get_caption_entry (table_editor);
  activate_placeholder_problem (fixture);
  wait_until (focus_of (fixture) != NULL && gtk_widget_is_ancestor (focus_of (fixture), entry), 3000);
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
  if (!gtk_text_iter_starts_tag (&match_start, tag) || !gtk_text_iter_ends_tag (&match_end, tag))
    return FALSE;
  return TRUE;
}

/* A comment on a passage after a table is marked there, still after the
 * table is deleted and brought back, and its place stored follows the
 * text typed before it; the comments used to be looked for in the
 * section's first text only. */
static void
test_comment_after_table (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture, "考察行程", "參訪智慧交通中心",
                                                "二、參訪心得\n（一）拜會交通局");
  g_autoptr(TrComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  const char *plain = tr_report_get_section (report, TR_SECTION_PROCESS);
  const char *passage = strstr (plain, "拜會交通局");
  guint from = g_utf8_pointer_to_offset (plain, passage);
  TrBodyBlocks *blocks;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  comment = tr_comment_new (TR_SECTION_PROCESS, from, from + 5, "拜會交通局", "哪一個局？", "審核人");
  g_assert_true (tr_report_store_add_comment (fixture->store, tr_report_get_id (report), comment, &error));
  g_assert_no_error (error);
  open_report (fixture, report);
  blocks = blocks_of (fixture, TR_FIELD_PROCESS);
  g_assert_true (marked (tr_body_blocks_get_run_view (blocks, 1), "拜會交通局"));
  /* Chosen in the comments panel, the passage is selected where it is. */
  {
    GtkTextBuffer *after = gtk_text_view_get_buffer (tr_body_blocks_get_run_view (blocks, 1));
    GtkTextIter selection_start, selection_end;
    g_autofree char *selected = NULL;

    g_signal_emit_by_name (tr_report_editor_get_comments_panel (get_editor (fixture)), "activate", comment);
    wait_until (focus_of (fixture) == GTK_WIDGET (tr_body_blocks_get_run_view (blocks, 1)), 3000);
    g_assert_true (gtk_text_buffer_get_selection_bounds (after, &selection_start, &selection_end));
    selected = gtk_text_iter_get_text (&selection_start, &selection_end);
    g_assert_cmpstr (selected, ==, "拜會交通局");
  }

  /* The text after the table is made anew by the table's undo. */
  gtk_widget_activate_action (GTK_WIDGET (tr_table_editor_get_cell_view (tr_body_blocks_get_table_editor (blocks, 0), 0, 0)),
                              "table.delete", NULL);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 0);
  g_assert_true (tr_body_blocks_undo (blocks));
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 1);
  g_assert_true (marked (tr_body_blocks_get_run_view (blocks, 1), "拜會交通局"));

  /* Typed before the passage: the stored comment moves with it. */
  buffer = gtk_text_view_get_buffer (tr_body_blocks_get_run_view (blocks, 1));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  type_keys (tr_body_blocks_get_run_view (blocks, 1), "前言");
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) != TR_SAVE_STATE_SAVED, 2000);
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 10000);
  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  comments = tr_report_store_list_comments (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpuint (tr_comment_get_start (comments->pdata[0]), ==, from + 2);
  g_assert_cmpuint (tr_comment_get_end (comments->pdata[0]), ==, from + 7);
  g_assert_cmpstr (tr_comment_get_quote (comments->pdata[0]), ==, "拜會交通局");
}

/* Up and Down at the first or last line of a cell go to the cell above or
 * below, as in Writer; within a cell of two lines they move between them. */
static void
test_arrows_across_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture, "考察行程", "上午參訪交通局\n下午參訪智慧交通中心",
                                                "二、參訪心得");
  TrTableEditor *table_editor;
  GtkTextView *two_lines;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  open_report (fixture, report);
  table_editor = tr_body_blocks_get_table_editor (blocks_of (fixture, TR_FIELD_PROCESS), 0);
  wait_ms (200);

  g_assert_true (tr_table_editor_focus_cell (table_editor, 0, 2));
  send_x_key (fixture->window, XK_Down, 0, 150);
  wait_until (focus_of (fixture) == GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 1, 2)), 3000);
  g_assert_cmpint (cursor_of (tr_table_editor_get_cell_view (table_editor, 1, 2)), ==, 0);

  /* From the first line of a cell of two, Down goes to its second line. */
  g_assert_true (tr_table_editor_focus_cell (table_editor, 2, 2));
  two_lines = tr_table_editor_get_cell_view (table_editor, 2, 2);
  buffer = gtk_text_view_get_buffer (two_lines);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  send_x_key (fixture->window, XK_Up, 0, 150);
  wait_until (focus_of (fixture) == GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 1, 2)), 3000);
  send_x_key (fixture->window, XK_Down, 0, 150);
  wait_until (focus_of (fixture) == GTK_WIDGET (two_lines), 3000);
  g_assert_cmpint (cursor_of (two_lines), ==, 0);
  send_x_key (fixture->window, XK_Down, 0, 150);
  wait_until (cursor_of (two_lines) > g_utf8_strlen ("上午參訪交通局", -1), 3000);
  g_assert_true (focus_of (fixture) == GTK_WIDGET (two_lines));
  /* Up from the second line stays in the cell, then leaves it. */
  send_x_key (fixture->window, XK_Up, 0, 150);
  wait_until (cursor_of (two_lines) <= g_utf8_strlen ("上午參訪交通局", -1), 3000);
  g_assert_true (focus_of (fixture) == GTK_WIDGET (two_lines));
  send_x_key (fixture->window, XK_Up, 0, 150);
  wait_until (focus_of (fixture) == GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 1, 2)), 3000);
}

/* Whether the page shows @widget whole. */
static gboolean
in_sight (GtkWidget *widget)
{
  GtkScrolledWindow *page = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (page)));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (page);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, content, &bounds) || bounds.size.height <= 0)
    return FALSE;
  return bounds.origin.y >= gtk_adjustment_get_value (adjustment) &&
         bounds.origin.y + bounds.size.height <=
           gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* A cell focused below the page as the report opens (a problem in it, a
 * table just pasted) comes into sight by itself, without gliding there
 * at the first key typed: the page used to stay where it was until then. */
static void
test_focused_cell_in_sight (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrTable) table = tr_table_new (40, 3);
  TrTableEditor *table_editor;
  GtkWidget *cell;
  GtkAdjustment *page;
  double settled;

  for (guint r = 0; r < 40; r++)
    {
      g_autofree char *date = g_strdup_printf ("7月%u日", r + 1);

      tr_table_set_cell (table, r, 0, date);
      tr_table_set_cell (table, r, 1, r % 2 ? "塔林" : "塔爾圖");
      tr_table_set_cell (table, r, 2, "拜會數位部，參訪資料交換平台與數位身分服務中心");
    }
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), table);
  tr_body_append_text (tr_report_get_body (report, TR_FIELD_PROCESS), "二、參訪心得");
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);

  open_report (fixture, report);
  table_editor = tr_body_blocks_get_table_editor (blocks_of (fixture, TR_FIELD_PROCESS), 0);
  g_assert_true (tr_table_editor_focus_cell (table_editor, 30, 2));
  cell = GTK_WIDGET (tr_table_editor_get_cell_view (table_editor, 30, 2));
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (cell,
                                                                                          GTK_TYPE_SCROLLED_WINDOW)));
  wait_until (in_sight (cell), 3000);
  /* And stays: nothing typed, nothing moves. */
  settled = gtk_adjustment_get_value (page);
  wait_ms (500);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, settled);
  g_assert_true (in_sight (cell));
  g_assert_true (focus_of (fixture) == cell);
  save_screenshot (GTK_WIDGET (fixture->window), "focused-cell-in-sight.png");
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

  g_test_add ("/ui-tables-nav/focused-cell-in-sight", Fixture, NULL, fixture_set_up,
              test_focused_cell_in_sight, fixture_tear_down);
  g_test_add ("/ui-tables-nav/counter", Fixture, NULL, fixture_set_up,
              test_counter, fixture_tear_down);
  g_test_add ("/ui-tables-nav/problem-after-table", Fixture, NULL, fixture_set_up,
              test_problem_after_table, fixture_tear_down);
  g_test_add ("/ui-tables-nav/problem-in-table", Fixture, NULL, fixture_set_up,
              test_problem_in_table, fixture_tear_down);
  g_test_add ("/ui-tables-nav/comment-after-table", Fixture, NULL, fixture_set_up,
              test_comment_after_table, fixture_tear_down);
  g_test_add ("/ui-tables-nav/arrows-across-rows", Fixture, NULL, fixture_set_up,
              test_arrows_across_rows, fixture_tear_down);

  return g_test_run ();
}
