/* test-ui-editor-layout.c: what of the report is laid out again as its
 * page scrolls or is resized, under Xvfb
 *
 * Each text of the report is shown through a slice (tr-text-slice.c),
 * which gives its text view the part of it in sight; every time a slice
 * is laid out, it tells its text view that part again, and the text view
 * lays those lines out and is drawn anew. Scrolling the page through a
 * long section, or making the page taller or shorter, must not do that
 * for the texts whose part in sight stays the same: out of sight, or in
 * sight whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>

#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "review/tr-comments-panel-private.h"
#include "tr-bench-text.h"
#include "tr-ui-keys.h"

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
  fixture->store = open_test_library ("tr-ui-editor-layout-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

/* The texts out of sight in the middle of 過程. */
static const TrField others[] = { TR_FIELD_SUMMARY, TR_FIELD_PURPOSE, TR_FIELD_OBSERVATIONS,
                                  TR_FIELD_RECOMMENDATIONS, TR_FIELD_APPENDIX };

/* Times the slice around a text view gave it its part in sight. */
static void
count_shown (GtkAdjustment *adjustment,
             guint         *count)
{
  (*count)++;
}

static GtkTextView *
section_view (TrReportEditor *editor,
              TrField         field)
{
  return tr_section_editor_get_text_view (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (editor, field)));
}

/* The page's scroll where @widget starts. */
static double
top_in_page (GtkWidget *widget)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page))));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* @report saved, and opened in a window: the window's editor. */
static TrReportEditor *
open_report (Fixture  *fixture,
             TrReport *report)
{
  fixture->window = show_saved_report (fixture->store, report);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  return TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
}

/* A report of a short purpose, 40 pages of 過程, a short 心得 and 建議,
 * opened, 過程 laid out whole and the page scrolled to its middle: the
 * other texts are out of sight. Counts in @shown_others and
 * @shown_process the times each text is given its part in sight from
 * then on; returns 過程's view. */
static GtkTextView *
open_in_the_middle (Fixture *fixture,
                    guint   *shown_others,
                    guint   *shown_process,
                    double  *out_middle)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrBenchText) generator = tr_bench_text_new (40);
  const TrBenchTextParams params = {
    .shape = TR_BENCH_TEXT_PAGES,
    .n_pages = 40,
    .lines_per_page = 10,
    .chars_per_line = 60,
  };
  g_autofree char *process = tr_bench_text_make_text (generator, &params);
  TrReportEditor *editor;
  GtkTextView *view;
  GtkAdjustment *page;
  double middle, process_height;

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府出國報告");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "瞭解愛沙尼亞數位政府之推動經驗。");
  tr_report_set_section (report, TR_SECTION_PROCESS, process);
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, "數位身分為各項服務之基礎。");
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, "建議參考其資料交換平台。");
  editor = open_report (fixture, report);
  view = section_view (editor, TR_FIELD_PROCESS);
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                                            GTK_TYPE_SCROLLED_WINDOW)));

  /* 過程 laid out whole (GTK does it from idles), far taller than the page. */
  wait_until (gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (view))) > 20 * 760, 30000);
  do
    {
      process_height = gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (view)));
      wait_ms (300);
    }
  while (gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (view))) != process_height);

  middle = top_in_page (GTK_WIDGET (view)) + process_height / 2;
  gtk_adjustment_set_value (page, middle);
  wait_ms (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, middle);

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_signal_connect (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (section_view (editor, others[i]))),
                      "value-changed", G_CALLBACK (count_shown), &shown_others[i]);
  g_signal_connect (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "value-changed",
                    G_CALLBACK (count_shown), shown_process);
  *out_middle = middle;
  return view;
}

/* Scrolled a few lines at a time through the middle of 過程, only 過程
 * is laid out again. */
static void
test_scroll_lays_out_only_the_text_in_sight (Fixture       *fixture,
                                             gconstpointer  data)
{
  guint shown_others[G_N_ELEMENTS (others)] = { 0 };
  guint shown_process = 0;
  GtkTextView *view;
  GtkAdjustment *page;
  double middle;

  view = open_in_the_middle (fixture, shown_others, &shown_process, &middle);
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                                            GTK_TYPE_SCROLLED_WINDOW)));
  for (guint step = 1; step <= 10; step++)
    {
      gtk_adjustment_set_value (page, middle + step * 60);
      wait_ms (50);
    }
  wait_ms (200);

  /* 過程 followed the page; the others were left as they were. */
  g_assert_cmpuint (shown_process, >=, 10);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_test_message ("%s: shown anew %u times", tr_field_get_key (others[i]), shown_others[i]);
      g_assert_cmpuint (shown_others[i], ==, 0);
    }
}

/* The page made taller and shorter again, in the middle of 過程 (a bar
 * shown above it, the window resized): only 過程, whose part in sight
 * grows and shrinks, is laid out again. */
static void
test_page_resized_lays_out_only_the_text_in_sight (Fixture       *fixture,
                                                   gconstpointer  data)
{
  guint shown_others[G_N_ELEMENTS (others)] = { 0 };
  guint shown_process = 0;
  GtkTextView *view;
  GtkAdjustment *page;
  double middle, page_size;

  view = open_in_the_middle (fixture, shown_others, &shown_process, &middle);
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                                            GTK_TYPE_SCROLLED_WINDOW)));
  page_size = gtk_adjustment_get_page_size (page);
  for (guint step = 1; step <= 4; step++)
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, step % 2 ? 860 : 760);
      wait_until (gtk_adjustment_get_page_size (page) != page_size, 5000);
      page_size = gtk_adjustment_get_page_size (page);
      wait_ms (100);
    }
  wait_ms (200);

  g_assert_cmpuint (shown_process, >=, 4);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_test_message ("%s: shown anew %u times", tr_field_get_key (others[i]), shown_others[i]);
      g_assert_cmpuint (shown_others[i], ==, 0);
    }
}

/* Times the page grew, or was scrolled. */
static void
count_changes (GObject    *adjustment,
               GParamSpec *pspec,
               guint      *count)
{
  (*count)++;
}

/* What open_long_report() does once the report is saved. */
typedef enum
{
  OPEN_AT_START,
  /* Ctrl+End, before the report's first frame. */
  OPEN_AT_END,
  /* A reviewer's comment on four characters near 過程's end is stored too. */
  OPEN_WITH_COMMENT_AT_END,
} OpenHow;

/* A report of @n_pages of 過程, saved and opened with the cursor at the
 * start of 過程, or at its end as Ctrl+End puts it, as @how says; returns
 * 過程's view at once, GTK still laying most of it out. */
static GtkTextView *
open_long_report (Fixture  *fixture,
                  int       n_pages,
                  OpenHow   how)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrBenchText) generator = tr_bench_text_new (n_pages);
  const TrBenchTextParams params = {
    .shape = TR_BENCH_TEXT_PAGES,
    .n_pages = n_pages,
    .lines_per_page = 10,
    .chars_per_line = 60,
  };
  g_autofree char *process = tr_bench_text_make_text (generator, &params);
  g_autoptr(GError) error = NULL;
  TrSectionEditor *editor;

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府出國報告");
  tr_report_set_section (report, TR_SECTION_PROCESS, process);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  if (how == OPEN_WITH_COMMENT_AT_END)
    {
      glong length = g_utf8_strlen (process, -1);
      g_autofree char *quote = g_utf8_substring (process, length - 12, length - 8);
      g_autoptr(TrComment) comment = tr_comment_new (TR_SECTION_PROCESS, length - 12, length - 8, quote,
                                                     "請補充參訪單位全名", "審核人");

      g_assert_true (tr_report_store_add_comment (fixture->store, tr_report_get_id (report), comment, &error));
      g_assert_no_error (error);
    }

  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  wait_ms (200);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  editor = TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window)),
                                                               TR_FIELD_PROCESS));
  tr_section_editor_focus_at (editor, -1);
  if (how == OPEN_AT_END)
    g_signal_emit_by_name (tr_section_editor_get_text_view (editor), "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1,
                           FALSE);
  return tr_section_editor_get_text_view (editor);
}

/* Whether GTK has laid out every line of @view's text: a line it has not
 * laid out yet is 0 pixels tall. */
static gboolean
all_lines_laid_out (GtkTextView *view)
{
  GtkTextIter line;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &line);
  do
    {
      int y, height;

      gtk_text_view_get_line_yrange (view, &line, &y, &height);
      if (height == 0)
        return FALSE;
    }
  while (gtk_text_iter_forward_line (&line));
  return TRUE;
}

/* Waits until GTK has laid @view's text out whole and the page has grown
 * to hold it (once, when GTK is done, which under the sanitizers takes
 * seconds). FALSE if not within a minute. */
static gboolean
wait_laid_out (GtkTextView *view)
{
  GtkWidget *slice = gtk_widget_get_parent (GTK_WIDGET (view));
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      int text_height;

      gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, -1, NULL, &text_height, NULL, NULL);
      if (gtk_widget_get_height (slice) == text_height && all_lines_laid_out (view))
        return TRUE;
      wait_ms (100);
    }
  return FALSE;
}

/* GTK lays a long text out from idles, a few screens at a time, below the
 * part of it in sight: the page does not grow at each (a layout of the
 * window and a frame every few milliseconds, which keys typed meanwhile
 * wait for), but once GTK is done, to the text's whole height. */
static void
test_background_layout_grows_the_page_once (Fixture       *fixture,
                                            gconstpointer  data)
{
  GtkTextView *view = open_long_report (fixture, 100, OPEN_AT_START);
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                                                        GTK_TYPE_SCROLLED_WINDOW)));
  guint grown = 0;
  int text_height;

  g_signal_connect (page, "notify::upper", G_CALLBACK (count_changes), &grown);
  g_assert_true (wait_laid_out (view));
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, -1, NULL, &text_height, NULL, NULL);
  g_test_message ("the page grew %u times, to %.0f pixels; the text is %d pixels", grown,
                  gtk_adjustment_get_upper (page), text_height);
  /* 100 pages: some 30,000 pixels, which GTK lays out 2,000 at a time. */
  g_assert_cmpint (text_height, >, 20000);
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (view))), ==, text_height);
  g_assert_cmpuint (grown, <=, 3);
  g_signal_handlers_disconnect_by_data (page, &grown);
}

/* Whether the page shows the cursor of @view. */
static gboolean
cursor_in_sight (GtkTextView *view)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle location;
  GtkTextIter iter;
  double y;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &location);
  /* From the text's top: the slice's, which shows the view scrolled. */
  y = top_in_page (gtk_widget_get_parent (GTK_WIDGET (view))) + gtk_text_view_get_top_margin (view) + location.y;
  return y >= gtk_adjustment_get_value (adjustment) &&
         y + location.height <= gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}

/* Frames painted while GTK lays a text out, and the last of them that
 * did not show its cursor (0 if none). */
typedef struct
{
  GtkTextView *view;
  GdkFrameClock *clock;
  gulong painted_id;
  guint frames;
  guint last_out_of_sight;
} FrameWatch;

static void
frame_painted (GdkFrameClock *clock,
               FrameWatch    *watch)
{
  watch->frames++;
  if (!cursor_in_sight (watch->view))
    watch->last_out_of_sight = watch->frames;
}

/* Counts the frames painted from now on in @watch. */
static void
watch_frames (GtkTextView *view,
              FrameWatch  *watch)
{
  *watch = (FrameWatch) {
    .view = view,
    .clock = gtk_widget_get_frame_clock (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view)))),
  };
  watch->painted_id = g_signal_connect (watch->clock, "after-paint", G_CALLBACK (frame_painted), watch);
}

/* Waits until GTK has laid out the watched view's text, which is long,
 * the page grown to hold it, and stops counting frames; the cursor is in
 * sight then. */
static void
wait_laid_out_watched (FrameWatch *watch)
{
  int text_height;

  g_assert_true (wait_laid_out (watch->view));
  g_clear_signal_handler (&watch->painted_id, watch->clock);
  g_test_message ("%u frames painted until GTK had laid the text out; the last without the cursor: %u",
                  watch->frames, watch->last_out_of_sight);
  gtk_widget_measure (GTK_WIDGET (watch->view), GTK_ORIENTATION_VERTICAL, -1, NULL, &text_height, NULL, NULL);
  g_assert_cmpint (text_height, >, 20000);
  g_assert_true (cursor_in_sight (watch->view));
  g_assert_cmpuint (watch->frames, >, 5);
}

/* Waits until the report of @view is on screen, and a moment more, as a
 * user would before acting on it. */
static void
wait_on_screen (GtkTextView *view)
{
  wait_until (gtk_widget_get_height (GTK_WIDGET (view)) > 0, 10000);
  wait_ms (300);
}

/* Ctrl+End in a 300-page section just opened, before its first frame or
 * once it is on screen, nothing typed: GTK lays out the lines above the
 * cursor from its idles, pushing it down thousands of pixels between two
 * frames, and the page follows it to the end. The text view, not allocated
 * yet or given the few pixels of the section in sight (its top at the
 * page's bottom edge), had GTK lay out nothing around the cursor, and the
 * page crawled towards it a line a frame, the cursor out of sight, for
 * 40 s and more (lay_out_around_cursor()). */
static void
assert_end_followed (Fixture  *fixture,
                     gboolean  once_on_screen)
{
  GtkTextView *view = open_long_report (fixture, 300, once_on_screen ? OPEN_AT_START : OPEN_AT_END);
  FrameWatch watch;

  if (once_on_screen)
    wait_on_screen (view);
  watch_frames (view, &watch);
  if (once_on_screen)
    g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  wait_laid_out_watched (&watch);
  /* On screen, the first frame shows the cursor moved before the page
   * follows it. Before, the report's first frame sets the text's width,
   * which GTK lays out anew, and the lines around the cursor are laid out
   * at its second. */
  g_assert_cmpuint (watch.last_out_of_sight, <=, once_on_screen ? 1 : 2);
}

static void
test_background_layout_keeps_the_end_in_sight (Fixture       *fixture,
                                               gconstpointer  data)
{
  assert_end_followed (fixture, FALSE);
}

static void
test_background_layout_shows_the_cursor_meanwhile (Fixture       *fixture,
                                                   gconstpointer  data)
{
  assert_end_followed (fixture, TRUE);
}

/* A reviewer's click on a comment about the end of a 300-page 過程, the
 * report just on screen: the passage is selected and shown from the next
 * frame on, while GTK lays out the text above it. */
static void
test_background_layout_shows_a_comment_passage (Fixture       *fixture,
                                                gconstpointer  data)
{
  GtkTextView *view = open_long_report (fixture, 300, OPEN_WITH_COMMENT_AT_END);
  TrReportEditor *editor = TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
  GtkListBox *list = tr_comments_panel_get_list (TR_COMMENTS_PANEL (tr_report_editor_get_comments_panel (editor)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *selected = NULL;
  GtkTextIter start, end;
  FrameWatch watch;

  wait_on_screen (view);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  watch_frames (view, &watch);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  wait_laid_out_watched (&watch);
  g_assert_cmpuint (watch.last_out_of_sight, <=, 1);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, gtk_text_buffer_get_char_count (buffer) - 8);
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpint (g_utf8_strlen (selected, -1), ==, 4);
}

/* The slice around @view laid out with the page scrolled to @value, and
 * drawn, at once (no idle of GTK's runs meanwhile): the CPU it took. */
static gint64
show_at (GtkTextView *view,
         double       value)
{
  GtkWidget *slice = gtk_widget_get_parent (GTK_WIDGET (view));
  GtkWidget *parent = gtk_widget_get_parent (slice);
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (slice,
                                                                                                        GTK_TYPE_SCROLLED_WINDOW)));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  graphene_point_t origin;
  gint64 start = tr_test_thread_cpu_time ();

  /* Where its parent put it: its margins included. */
  g_assert_true (gtk_widget_compute_point (slice, parent,
                                           &GRAPHENE_POINT_INIT (-gtk_widget_get_margin_start (slice),
                                                                 -gtk_widget_get_margin_top (slice)),
                                           &origin));
  gtk_adjustment_set_value (page, value);
  /* Laid out and drawn anew, as the frame that follows would. */
  gtk_widget_queue_allocate (slice);
  gtk_widget_queue_draw (GTK_WIDGET (view));
  gtk_widget_allocate (slice, gtk_widget_get_width (slice), gtk_widget_get_height (slice), -1,
                       gsk_transform_translate (NULL, &origin));
  gtk_widget_snapshot_child (parent, slice, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return tr_test_thread_cpu_time () - start;
}

/* Where, in @view's text, the lines laid out at its end start, with lines
 * not laid out yet above them (0 pixels tall, all at that place), and
 * some at its top laid out too; -1 if it is not so. @out_waiting: how
 * many lines wait. */
static int
start_of_end_laid_out (GtkTextView *view,
                       int         *out_waiting)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter line;
  int y, height, start = -1;

  *out_waiting = 0;
  gtk_text_buffer_get_end_iter (buffer, &line);
  gtk_text_iter_set_line_offset (&line, 0);
  do
    {
      gtk_text_view_get_line_yrange (view, &line, &y, &height);
      if (height == 0)
        (*out_waiting)++;
      else if (*out_waiting == 0)
        start = y;
    }
  while (gtk_text_iter_backward_line (&line));
  gtk_text_buffer_get_start_iter (buffer, &line);
  gtk_text_view_get_line_yrange (view, &line, &y, &height);
  return *out_waiting > 0 && height > 0 ? start : -1;
}

/* Ctrl+End in a long text just opened, and keys typed: GTK has laid out
 * lines at the end and at the top, and none between yet. GTK 4.8's text
 * view lays out what it shows from the line at its scroll's value, but
 * draws from its top margin's height above that: with a margin, scrolled
 * a few pixels below where the waiting lines sit, it would draw every one
 * of them, shaping them all (a third of a second for 300 pages; the page
 * following the cursor came there about once in 25 runs of bench-typing
 * --at-end). Drawn there, it takes about what it takes further down. */
static void
test_background_layout_draws_only_what_is_in_sight (Fixture       *fixture,
                                                    gconstpointer  data)
{
  GtkTextView *view = open_long_report (fixture, 300, OPEN_AT_START);
  GtkWidget *slice = gtk_widget_get_parent (GTK_WIDGET (view));
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (slice,
                                                                                                        GTK_TYPE_SCROLLED_WINDOW)));
  int waiting = 0, end_start = -1, text_height = 0;
  gint64 further_down, just_below;

  /* Ctrl+End once the report is in sight, and keys: GTK lays out the
   * lines around the cursor when they change. */
  wait_ms (100);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  for (int i = 0; i < 3; i++)
    send_x_key (fixture->window, XK_a, 0, 25);
  wait_until (gtk_widget_get_height (slice) > 0 && start_of_end_laid_out (view, &waiting) > 0 && waiting > 1000,
              10000);
  /* The slice's bottom in sight: it grows to the text's height, the lines
   * at the end included. */
  gtk_adjustment_set_value (page, top_in_page (slice) + gtk_widget_get_height (slice) - 100);
  wait_until ((gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, -1, NULL, &text_height, NULL, NULL),
               gtk_widget_get_height (slice) == text_height), 5000);
  end_start = start_of_end_laid_out (view, &waiting);
  g_assert_cmpint (end_start, >, 0);
  g_assert_cmpint (waiting, >, 1000);

  further_down = show_at (view, top_in_page (slice) + gtk_text_view_get_top_margin (view) + end_start + 40);
  just_below = show_at (view, top_in_page (slice) + end_start + 6);
  /* The text view shown from where it was meant to be. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))), ==,
                     end_start + 6);
  g_test_message ("%d lines not laid out yet; drawn from just below them: %.1f ms of CPU, further down: %.1f ms",
                  waiting, just_below / 1000.0, further_down / 1000.0);
  g_assert_cmpint (just_below, <, further_down + 50000);
}

/* Where the first line of @view's text is drawn, in its slice. */
static double
text_top_in_slice (GtkTextView *view)
{
  int x, y;
  graphene_point_t point;

  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, 0, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), gtk_widget_get_parent (GTK_WIDGET (view)),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  return point.y;
}

/* A short text, its box kept taller than it (a section's least height),
 * scrolled partly out of sight at the top: its lines stay where they are
 * in the box, and do not slide down to stay in sight; the box's space
 * below them stays the text's. */
static void
test_short_text_stays_in_place (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GString) process = g_string_new (NULL);
  TrReportEditor *editor;
  GtkTextView *view;
  GtkWidget *slice, *below_text;
  GtkAdjustment *page;
  int text_height;

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府出國報告");
  for (int i = 1; i <= 60; i++)
    g_string_append_printf (process, "第%d日：拜會數位部，參訪資料交換平台與數位身分服務中心。\n", i);
  tr_report_set_section (report, TR_SECTION_PURPOSE, "瞭解愛沙尼亞數位政府之推動經驗。");
  tr_report_set_section (report, TR_SECTION_PROCESS, process->str);
  editor = open_report (fixture, report);
  view = section_view (editor, TR_FIELD_PURPOSE);
  slice = gtk_widget_get_parent (GTK_WIDGET (view));
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (slice,
                                                                                         GTK_TYPE_SCROLLED_WINDOW)));
  wait_until (gtk_widget_get_height (slice) > 0, 5000);
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, -1, NULL, &text_height, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (slice), >, text_height);
  g_assert_cmpfloat (text_top_in_slice (view), ==, gtk_text_view_get_top_margin (view));

  /* A third of the text's height out of sight above the page. */
  gtk_adjustment_set_value (page, top_in_page (slice) + text_height / 3);
  wait_ms (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (page), ==, top_in_page (slice) + text_height / 3);
  g_test_message ("the text's first line, in its box: %.0f pixels down (its top margin: %d)",
                  text_top_in_slice (view), gtk_text_view_get_top_margin (view));
  g_assert_cmpfloat (text_top_in_slice (view), ==, gtk_text_view_get_top_margin (view));
  /* The box's space below the text is still the text view's: a click
   * there puts the cursor in the text. */
  below_text = gtk_widget_pick (slice, 20, gtk_widget_get_height (slice) - 4, GTK_PICK_DEFAULT);
  g_assert_true (below_text == GTK_WIDGET (view) || gtk_widget_is_ancestor (below_text, GTK_WIDGET (view)));
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

  g_test_add ("/ui-editor-layout/scroll/only-the-text-in-sight", Fixture, NULL, fixture_set_up,
              test_scroll_lays_out_only_the_text_in_sight, fixture_tear_down);
  g_test_add ("/ui-editor-layout/page-resized/only-the-text-in-sight", Fixture, NULL, fixture_set_up,
              test_page_resized_lays_out_only_the_text_in_sight, fixture_tear_down);

  g_test_add ("/ui-editor-layout/background-layout/grows-the-page-once", Fixture, NULL, fixture_set_up,
              test_background_layout_grows_the_page_once, fixture_tear_down);

  g_test_add ("/ui-editor-layout/background-layout/keeps-the-end-in-sight", Fixture, NULL, fixture_set_up,
              test_background_layout_keeps_the_end_in_sight, fixture_tear_down);
  g_test_add ("/ui-editor-layout/background-layout/shows-the-cursor-meanwhile", Fixture, NULL, fixture_set_up,
              test_background_layout_shows_the_cursor_meanwhile, fixture_tear_down);
  g_test_add ("/ui-editor-layout/background-layout/shows-a-comment-passage", Fixture, NULL, fixture_set_up,
              test_background_layout_shows_a_comment_passage, fixture_tear_down);
  g_test_add ("/ui-editor-layout/background-layout/draws-only-what-is-in-sight", Fixture, NULL, fixture_set_up,
              test_background_layout_draws_only_what_is_in_sight, fixture_tear_down);
  g_test_add ("/ui-editor-layout/short-text/stays-in-place", Fixture, NULL, fixture_set_up,
              test_short_text_stays_in_place, fixture_tear_down);

  return g_test_run ();
}
