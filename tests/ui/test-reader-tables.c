/* test-reader-tables.c: the reader shows a report's tables as tables
 *
 * A real TrReportView in a real window under Xvfb, with the app's style
 * sheet: each table is a grid of its cells where it stands in the text,
 * under its caption, the header row bold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "reader/tr-report-view.h"
#include "tr-report.h"
#include "tr-ui-test.h"

#define OBJECT_REPLACEMENT "\xef\xbf\xbc"  /* U+FFFC: a child anchor in a slice */

static TrTable *
make_table (gboolean            header,
            const char         *caption,
            const char * const *rows)
{
  g_auto(GStrv) first = g_strsplit (rows[0], "|", -1);
  guint n_rows = g_strv_length ((char **) rows);
  guint n_columns = g_strv_length (first);
  TrTable *table = tr_table_new (n_rows, n_columns);

  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "|", -1);

      for (guint c = 0; c < n_columns && cells[c] != NULL; c++)
        tr_table_set_cell (table, r, c, cells[c]);
    }
  tr_table_set_has_header (table, header);
  tr_table_set_caption (table, caption);
  return table;
}

static const char * const schedule[] = {
  "日期|地點|行程內容",
  "7月9日|塔林|拜會愛沙尼亞經濟及通訊部，瞭解X-Road資料交換平臺之架構與治理，並就數位身分證之推動經驗交換意見",
  "7月10日|塔爾圖|參訪塔爾圖大學",
  NULL
};

static TrReport *
make_report (void)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  TrBody *body = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_autoptr(TrTable) first = make_table (TRUE, "參訪行程", schedule);
  g_autoptr(TrTable) second = make_table (FALSE, "",
                                          (const char *[]) { "王小明|數位發展部", "李大華|", NULL });

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府報告");
  tr_body_set_text (body, "一、行程概要\n以下為參訪行程。");
  tr_body_append_table (body, first);
  tr_body_append_text (body, "二、結論\n行程順利完成。");
  body = tr_report_get_body (report, TR_FIELD_APPENDIX);
  tr_body_append_table (body, second);
  return report;
}

/* The widgets of the buffer's child anchors, in order. */
static GPtrArray *
anchored_widgets (GtkTextView *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GPtrArray *widgets = g_ptr_array_new ();
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      guint n = 0;

      if (anchor != NULL)
        {
          g_autofree GtkWidget **list = gtk_text_child_anchor_get_widgets (anchor, &n);

          g_assert_cmpuint (n, ==, 1);
          g_ptr_array_add (widgets, list[0]);
        }
    }
  while (gtk_text_iter_forward_char (&iter));
  return widgets;
}

static const char *
label_at (GtkGrid *grid,
          int      column,
          int      row)
{
  GtkWidget *child = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

static gboolean
is_bold (GtkWidget *label)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (label));

  return pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD;
}

static void
test_tables_shown (void)
{
  g_autoptr(TrReport) report = make_report ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = tr_report_view_new ();
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) widgets = NULL;
  const char *before, *anchor, *after;
  GtkGrid *grid;
  GtkWidget *caption;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  tr_report_view_set_report (TR_REPORT_VIEW (view), report);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (view), 5000);

  text_view = GTK_TEXT_VIEW (find_descendant (view, GTK_TYPE_TEXT_VIEW));
  buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);

  /* The table stands between the paragraphs around it. */
  before = strstr (text, "以下為參訪行程。");
  anchor = strstr (text, OBJECT_REPLACEMENT);
  after = strstr (text, "二、結論");
  g_assert_nonnull (before);
  g_assert_nonnull (anchor);
  g_assert_nonnull (after);
  g_assert_true (before < anchor && anchor < after);
  /* The appendix's heading for a table alone in it. */
  g_assert_nonnull (strstr (after, "附錄\n" OBJECT_REPLACEMENT));

  widgets = anchored_widgets (text_view);
  g_assert_cmpuint (widgets->len, ==, 2);

  /* The schedule: its caption, numbered as the exports number it, then
   * every cell in its place, the header row bold. */
  caption = find_descendant (widgets->pdata[0], GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, "表 1：參訪行程");
  grid = GTK_GRID (find_descendant (widgets->pdata[0], GTK_TYPE_GRID));
  g_assert_nonnull (grid);
  /* The text view places its children once its lines are laid out. */
  wait_until (gtk_widget_get_width (GTK_WIDGET (grid)) > 1, 5000);
  for (guint r = 0; schedule[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (schedule[r], "|", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (grid, c, r);

          g_assert_cmpstr (label_at (grid, c, r), ==, cells[c]);
          g_assert_true (gtk_widget_get_mapped (cell));
          g_assert_true (gtk_label_get_selectable (GTK_LABEL (cell)));
          g_assert_cmpint (is_bold (cell), ==, r == 0);
        }
    }
  g_assert_null (gtk_grid_get_child_at (grid, 3, 0));
  g_assert_null (gtk_grid_get_child_at (grid, 0, 3));

  /* The long cell wraps: the table stays within the text. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (grid), GTK_WIDGET (text_view), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 100);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (text_view)));
  g_assert_cmpint (gtk_widget_get_height (gtk_grid_get_child_at (grid, 2, 1)), >,
                   gtk_widget_get_height (gtk_grid_get_child_at (grid, 2, 2)));

  /* The appendix's table: no caption, no header, an empty cell. */
  grid = GTK_GRID (find_descendant (widgets->pdata[1], GTK_TYPE_GRID));
  g_assert_true (find_descendant (widgets->pdata[1], GTK_TYPE_LABEL) == gtk_grid_get_child_at (grid, 0, 0));
  g_assert_cmpstr (label_at (grid, 0, 1), ==, "李大華");
  g_assert_cmpstr (label_at (grid, 1, 1), ==, "");
  g_assert_false (is_bold (gtk_grid_get_child_at (grid, 0, 0)));

  /* To look at it: TR_TEST_HOLD_MS keeps the window up for a screenshot. */
  if (g_getenv ("TR_TEST_HOLD_MS") != NULL)
    wait_ms (atoi (g_getenv ("TR_TEST_HOLD_MS")));

  /* Another report replaces the tables; this one's come back. */
  {
    g_autoptr(TrReport) plain = tr_report_new (TR_REPORT_KIND_IMPORTED);
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(GPtrArray) again = NULL;

    tr_report_set_text (plain, TR_FIELD_PROCESS, "一、無表格");
    tr_report_view_set_report (TR_REPORT_VIEW (view), plain);
    none = anchored_widgets (text_view);
    g_assert_cmpuint (none->len, ==, 0);
    tr_report_view_set_report (TR_REPORT_VIEW (view), report);
    again = anchored_widgets (text_view);
    g_assert_cmpuint (again->len, ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the view draws anything but its background in the rectangle
 * (in @widget's coordinates), rendered as it is on screen. */
static gboolean
has_ink (GtkWidget *widget,
         int        x,
         int        y,
         int        width,
         int        height)
{
  int widget_width = gtk_widget_get_width (widget);
  int widget_height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize) widget_width * 4;

  /* Nothing until the widget has been drawn once. */
  for (guint attempt = 0; node == NULL && attempt < 100; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, widget_width, widget_height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        wait_ms (50);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, widget_width, widget_height));
  pixels = g_malloc (stride * widget_height);
  gdk_texture_download (texture, pixels, stride);
  for (int row = MAX (y, 0); row < MIN (y + height, widget_height); row++)
    for (int column = MAX (x, 0); column < MIN (x + width, widget_width); column++)
      {
        const guchar *pixel = pixels + row * stride + column * 4;

        /* Text is dark on the light background of the default style. */
        if (pixel[0] < 128 && pixel[1] < 128 && pixel[2] < 128)
          return TRUE;
      }
  return FALSE;
}

static gboolean
fits_text (GtkWidget   *widget,
           GtkTextView *text_view)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, GTK_WIDGET (text_view), &bounds) &&
         bounds.origin.x + bounds.size.width <=
         gtk_widget_get_width (GTK_WIDGET (text_view)) - gtk_text_view_get_right_margin (text_view) + 1;
}

/* In a narrow pane, as beside a draft on a small screen, the table takes
 * the width of the text, no more: its long cell wraps further. */
static void
test_tables_narrow (void)
{
  g_autoptr(TrReport) report = make_report ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = tr_report_view_new ();
  GtkTextView *text_view;
  g_autoptr(GPtrArray) widgets = NULL;
  GtkWidget *grid;
  graphene_rect_t bounds;
  int text_right;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (window), view);
  tr_report_view_set_report (TR_REPORT_VIEW (view), report);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (view), 5000);

  text_view = GTK_TEXT_VIEW (find_descendant (view, GTK_TYPE_TEXT_VIEW));
  widgets = anchored_widgets (text_view);
  grid = find_descendant (widgets->pdata[0], GTK_TYPE_GRID);
  wait_until (gtk_widget_get_width (grid) > 1, 5000);
  /* The table fits the text once the view knows its width: soon after it
   * is shown. */
  wait_until (fits_text (grid, text_view), 5000);

  /* The table does not push the window wider than it was made. */
  g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
  g_assert_true (gtk_widget_compute_bounds (grid, GTK_WIDGET (text_view), &bounds));
  text_right = gtk_widget_get_width (GTK_WIDGET (text_view)) - gtk_text_view_get_right_margin (text_view);
  g_test_message ("text view %d wide, table from %.0f to %.0f", gtk_widget_get_width (GTK_WIDGET (text_view)),
                  bounds.origin.x, bounds.origin.x + bounds.size.width);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, text_right + 1);
  g_assert_cmpfloat (bounds.size.width, >=, text_right - gtk_text_view_get_left_margin (text_view) - 1);
  /* Still a table: 地點 is not squeezed to a character a line. */
  g_assert_cmpint (gtk_widget_get_height (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0)), ==,
                   gtk_widget_get_height (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0)));
  g_assert_cmpint (gtk_widget_get_width (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0)), >,
                   gtk_widget_get_height (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0)));

  /* The text goes on right under the table, at the height it has. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
    GtkTextIter start, end, iter;
    g_autofree char *text = NULL;
    GdkRectangle location;
    int y;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
    gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                        g_utf8_pointer_to_offset (text, strstr (text, "二、結論")));
    gtk_text_view_get_iter_location (text_view, &iter, &location);
    gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, 0, location.y, NULL, &y);
    g_assert_true (gtk_widget_compute_bounds (widgets->pdata[0], GTK_WIDGET (text_view), &bounds));
    g_test_message ("table from %.0f to %.0f, the next line at %d", bounds.origin.y,
                    bounds.origin.y + bounds.size.height, y);
    g_assert_cmpint (y, >=, bounds.origin.y + bounds.size.height - 1);
    g_assert_cmpint (y, <, bounds.origin.y + bounds.size.height + 40);
    /* And it is drawn there. */
    g_assert_true (has_ink (view, 24, y, 100, location.height));
  }

  if (g_getenv ("TR_TEST_HOLD_MS") != NULL)
    wait_ms (atoi (g_getenv ("TR_TEST_HOLD_MS")));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The app's style sheet, as AdwApplication loads it. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/example/TripReports/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/reader/tables/shown", test_tables_shown);
  g_test_add_func ("/reader/tables/narrow", test_tables_narrow);

  return g_test_run ();
}
