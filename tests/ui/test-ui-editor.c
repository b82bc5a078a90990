/* test-ui-editor.c: the editor as a new user meets it, under Xvfb: the
 * lock of a report in review, empty drafts, one scroll for the report,
 * long sections, counters
 *
 * Each test drives a real window on a real library file, as the keyboard
 * and the buttons would (signals and actions that respect editability),
 * then reads the file through a second store connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "common/tr-traveller-list-private.h"
#include "editor/tr-form-editor-private.h"
#include "editor/tr-photo-grid-private.h"
#include "editor/tr-photo-row-private.h"
#include "editor/tr-body-blocks.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
#include "review/tr-review-bar.h"
#include "tr-bench-text.h"
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

  fixture->store = open_test_library ("tr-ui-editor-XXXXXX", &fixture->dir, &fixture->path);
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

static GtkTextView *
text_view (Fixture *fixture,
           TrField  field)
{
  return tr_section_editor_get_text_view (text_editor (fixture, field));
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  GError **error = user_data;

  tr_report_editor_save_finish (TR_REPORT_EDITOR (source), result, error);
  g_object_set_data (source, "tr-test-saved", GINT_TO_POINTER (TRUE));
}

static gboolean
save_and_wait (TrReportEditor  *editor,
               GError         **error)
{
  GError *save_error = NULL;

  g_object_set_data (G_OBJECT (editor), "tr-test-saved", NULL);
  tr_report_editor_save_async (editor, NULL, saved, &save_error);
  while (g_object_get_data (G_OBJECT (editor), "tr-test-saved") == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (save_error != NULL)
    {
      g_propagate_error (error, save_error);
      return FALSE;
    }
  return TRUE;
}

/* The entry inside a row, where its keys go. */
static void
type_into_row (GtkWidget  *row,
               const char *text)
{
  GtkWidget *entry = find_descendant (row, GTK_TYPE_TEXT);

  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  g_signal_emit_by_name (entry, "insert-at-cursor", text);
}

/* Through the window's own connection: another one would index the new
 * drafts as it opens, which is not what these tests look at. */
static guint
count_stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  guint count = tr_report_store_count (fixture->store, &error);

  g_assert_no_error (error);
  return count;
}

static TrReviewStatus
stored_status (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrReview) review = NULL;

  g_assert_no_error (error);
  review = tr_report_store_load_review (other, id, &error);
  g_assert_no_error (error);
  return tr_review_get_status (review);
}

static char *
write_png (const char *dir,
           const char *name)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static GListModel *
files_of (const char *path)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_list_store_append (files, file);
  return G_LIST_MODEL (files);
}

static void
paste (GtkTextView *view,
       const char  *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (view)), text);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_signal_emit_by_name (view, "paste-clipboard");
  /* The clipboard is read asynchronously. */
  wait_ms (200);
}

/* The lock --------------------------------------------------------------- */

/* Every way to change a report, tried on one in review or approved: none
 * changes what the window shows, nor the file. */
static void
try_every_edit (Fixture  *fixture,
                TrReport *report)
{
  TrReportEditor *editor = get_editor (fixture);
  TrPhotoGrid *grid = TR_PHOTO_GRID (tr_report_editor_get_photo_grid (editor));
  GtkWidget *form = tr_report_editor_get_form_editor (editor);
  GtkWidget *travellers = tr_form_editor_get_traveller_list (TR_FORM_EDITOR (form));
  g_autofree char *more = write_png (fixture->dir, "more.png");
  g_autoptr(GListModel) files = files_of (more);
  static const TrField texts[] = {
    TR_FIELD_SUMMARY, TR_FIELD_PURPOSE, TR_FIELD_PROCESS, TR_FIELD_OBSERVATIONS,
    TR_FIELD_RECOMMENDATIONS, TR_FIELD_APPENDIX,
  };
  static const char * const rows[] = { "title", "agency", "contact", "phone", "keywords", "destination" };

  /* Text: typed, pasted, cut, deleted, undone. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkTextView *view = text_view (fixture, texts[i]);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, end;

      g_assert_false (gtk_text_view_get_editable (view));
      type_keys (view, "改");
      paste (view, "貼上的文字\n第二行");
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      g_signal_emit_by_name (view, "cut-clipboard");
      g_signal_emit_by_name (view, "backspace");
      g_signal_emit_by_name (view, "delete-from-cursor", GTK_DELETE_PARAGRAPHS, 1);
      gtk_widget_activate_action (GTK_WIDGET (view), "text.undo", NULL);
    }

  /* The 提要 form and its travellers: out of reach. */
  g_assert_false (gtk_widget_is_sensitive (form));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = tr_form_editor_get_row (TR_FORM_EDITOR (form), rows[i]);

      g_assert_nonnull (row);
      g_assert_false (gtk_widget_is_sensitive (row));
      g_assert_false (gtk_widget_grab_focus (row) && gtk_widget_has_focus (row));
    }
  g_assert_false (gtk_widget_is_sensitive (travellers));
  /* Its buttons' actions, were they reached: the report shows no change. */
  gtk_widget_activate_action (travellers, "travellers.add", NULL);
  gtk_widget_activate_action (tr_traveller_list_get_row (TR_TRAVELLER_LIST (travellers), 1),
                              "traveller.move-up", NULL);
  gtk_widget_activate_action (tr_traveller_list_get_row (TR_TRAVELLER_LIST (travellers), 0),
                              "traveller.remove", NULL);

  /* Photos: added (the file chooser's and a drop's way in), moved,
   * removed, recaptioned. */
  tr_photo_grid_add_files (grid, files);
  g_assert_false (tr_photo_grid_is_busy (grid));
  gtk_widget_activate_action (GTK_WIDGET (grid), "photos.move-later", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (grid), "photos.move-earlier", "u", 1);
  gtk_widget_activate_action (GTK_WIDGET (grid), "photos.remove", "u", 0);
  g_assert_nonnull (tr_photo_grid_get_row (grid, 0));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (tr_photo_grid_get_row (grid, 0))));
  type_into_row (tr_photo_grid_get_row (grid, 0), "新的說明");
  g_signal_emit_by_name (find_descendant (tr_photo_grid_get_row (grid, 0), GTK_TYPE_TEXT), "backspace");
  {
    GtkWidget *add = find_named (GTK_WIDGET (grid), "add-photos");

    g_assert_nonnull (add);
    g_assert_false (gtk_widget_is_sensitive (add));
  }

  /* Past the autosave delay: nothing was scheduled, nothing failed. */
  wait_ms (TR_AUTOSAVE_DELAY_MS * 2);
  g_assert_cmpint (tr_report_editor_get_save_state (editor), ==, TR_SAVE_STATE_SAVED);
}

static void
test_lock_every_path (Fixture       *fixture,
                      gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  TrReportEditor *editor;
  TrPhotoGrid *grid;
  GtkWidget *bar;
  g_autofree char *photo = write_png (fixture->dir, "tallinn.png");
  g_autoptr(GListModel) files = files_of (photo);
  g_autofree char *second = write_png (fixture->dir, "second.png");
  g_autoptr(GListModel) second_files = files_of (second);
  g_autoptr(TrReport) handed_in = NULL;
  g_autoptr(TrReport) shown = NULL;
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  editor = get_editor (fixture);
  grid = TR_PHOTO_GRID (tr_report_editor_get_photo_grid (editor));
  type_into_row (tr_form_editor_get_row (TR_FORM_EDITOR (tr_report_editor_get_form_editor (editor)), "title"),
                 "赴愛沙尼亞考察數位政府出國報告");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    type_keys (text_view (fixture, TR_FIELD_FROM_SECTION (s)), "內容。");
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *list = tr_form_editor_get_traveller_list (TR_FORM_EDITOR (tr_report_editor_get_form_editor (editor)));

      g_autoptr(TrTraveller) traveller = NULL;

      gtk_widget_activate_action (list, "travellers.add", NULL);
      traveller = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (tr_window_get_report (window))), i);
      tr_traveller_set (traveller, TR_TRAVELLER_NAME, i == 0 ? "林怡君" : "陳小明");
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (tr_window_get_report (window)))), ==, 2);
  tr_photo_grid_add_files (grid, files);
  wait_until (!tr_photo_grid_is_busy (grid), 10000);
  tr_photo_grid_add_files (grid, second_files);
  wait_until (!tr_photo_grid_is_busy (grid), 10000);
  type_into_row (tr_photo_grid_get_row (grid, 0), "塔林市政廳");
  g_assert_true (save_and_wait (editor, &error));
  g_assert_no_error (error);

  /* Typed a moment before Submit: in the report as submitted. */
  type_keys (text_view (fixture, TR_FIELD_RECOMMENDATIONS), "最後一句。");
  bar = tr_report_editor_get_review_bar (editor);
  /* What Submit for Review does once it has asked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-review-status", "u",
                                             TR_REVIEW_STATUS_SUBMITTED));
  wait_until (stored_status (fixture, id) == TR_REVIEW_STATUS_SUBMITTED, 5000);
  wait_until (tr_review_bar_get_status (TR_REVIEW_BAR (bar)) == TR_REVIEW_STATUS_SUBMITTED, 5000);
  handed_in = load_independently (fixture->path, id);
  g_assert_cmpstr (tr_report_get_section (handed_in, TR_SECTION_RECOMMENDATIONS), ==, "內容。最後一句。");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (handed_in))), ==, 2);

  try_every_edit (fixture, tr_window_get_report (window));
  shown = tr_report_copy (tr_window_get_report (window));
  stored = load_independently (fixture->path, id);
  g_assert_true (tr_report_content_equal (shown, handed_in));
  g_assert_true (tr_report_content_equal (stored, handed_in));
  g_clear_object (&shown);
  g_clear_object (&stored);

  /* Approved (the decision comes back with the reviewed file): the same.
   * Opened again from the library, too. */
  g_assert_true (tr_review_bar_set_status (TR_REVIEW_BAR (bar), TR_REVIEW_STATUS_APPROVED, &error));
  g_assert_no_error (error);
  wait_until (stored_status (fixture, id) == TR_REVIEW_STATUS_APPROVED, 5000);
  tr_window_open_report (window, tr_report_get_id (handed_in));
  try_every_edit (fixture, tr_window_get_report (window));
  shown = tr_report_copy (tr_window_get_report (window));
  stored = load_independently (fixture->path, id);
  g_assert_true (tr_report_content_equal (shown, handed_in));
  g_assert_true (tr_report_content_equal (stored, handed_in));
}

/* Returned for correction, the report takes changes again. */
static void
test_lock_lifts_when_returned (Fixture       *fixture,
                               gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  g_autofree char *photo = write_png (fixture->dir, "tallinn.png");
  g_autoptr(GListModel) files = files_of (photo);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  TrPhotoGrid *grid;
  GtkWidget *bar;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  type_keys (text_view (fixture, TR_FIELD_PURPOSE), "內容。");
  g_assert_true (save_and_wait (get_editor (fixture), &error));
  bar = tr_report_editor_get_review_bar (get_editor (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_editor (fixture)), "editor.set-review-status", "u",
                                             TR_REVIEW_STATUS_SUBMITTED));
  wait_until (tr_review_bar_get_status (TR_REVIEW_BAR (bar)) == TR_REVIEW_STATUS_SUBMITTED, 5000);
  /* Returned: the decision as the reviewed file brings it. */
  g_assert_true (tr_review_bar_set_status (TR_REVIEW_BAR (bar), TR_REVIEW_STATUS_RETURNED, &error));
  g_assert_no_error (error);
  wait_until (tr_review_bar_get_status (TR_REVIEW_BAR (bar)) == TR_REVIEW_STATUS_RETURNED, 5000);

  grid = TR_PHOTO_GRID (tr_report_editor_get_photo_grid (get_editor (fixture)));
  tr_photo_grid_add_files (grid, files);
  wait_until (!tr_photo_grid_is_busy (grid), 10000);
  type_into_row (tr_photo_grid_get_row (grid, 0), "補上照片");
  type_keys (text_view (fixture, TR_FIELD_PURPOSE), "補正。");
  g_assert_true (save_and_wait (get_editor (fixture), &error));
  g_assert_no_error (error);
  stored = load_independently (fixture->path, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "內容。補正。");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (stored))), ==, 1);
}

/* Empty drafts ----------------------------------------------------------- */

static char *
store_report (Fixture    *fixture,
              const char *title)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GError) error = NULL;

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_section (report, TR_SECTION_PURPOSE, "了解數位身分證。");
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  return g_strdup (tr_report_get_id (report));
}

static void
test_untouched_draft_goes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *existing = store_report (fixture, "赴愛沙尼亞考察數位政府出國報告");
  TrWindow *window = open_window (fixture);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  /* Ctrl+N twice: one new draft in the library, not two. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  g_assert_cmpuint (count_stored (fixture), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  g_assert_cmpuint (count_stored (fixture), ==, 2);

  /* Left for another report: gone, and gone from the list. */
  g_assert_true (tr_window_open_report (window, existing));
  g_assert_cmpuint (count_stored (fixture), ==, 1);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (tr_library_view_get_model (TR_LIBRARY_VIEW (tr_window_get_library_view (window))))) == 1, 3000);

  /* One with a word typed stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  kept = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  g_assert_cmpstr (kept, !=, existing);
  g_assert_cmpuint (count_stored (fixture), ==, 2);
  type_keys (text_view (fixture, TR_FIELD_PURPOSE), "了");
  g_assert_cmpint (tr_report_editor_get_save_state (get_editor (fixture)), !=, TR_SAVE_STATE_SAVED);
  g_assert_true (tr_window_open_report (window, existing));
  g_assert_true (save_and_wait (get_editor (fixture), &error));
  g_assert_cmpuint (count_stored (fixture), ==, 2);
  {
    g_autoptr(TrReport) stored = load_independently (fixture->path, kept);

    g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "了");
  }

  /* So does one with only its title. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  type_into_row (tr_form_editor_get_row (TR_FORM_EDITOR (tr_report_editor_get_form_editor (get_editor (fixture))), "title"),
                 "赴日本考察");
  g_assert_true (tr_window_open_report (window, existing));
  g_assert_true (save_and_wait (get_editor (fixture), &error));
  g_assert_cmpuint (count_stored (fixture), ==, 3);

  /* A new draft, then the window closed (as quitting does): gone, without
   * a question. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  g_assert_cmpuint (count_stored (fixture), ==, 4);
  gtk_window_close (GTK_WINDOW (window));
  wait_until (fixture->window == NULL, 5000);
  g_assert_cmpuint (count_stored (fixture), ==, 3);
}

/* One scroll ------------------------------------------------------------- */

static void
assert_no_inner_scroll (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_false (GTK_IS_SCROLLED_WINDOW (child));
      assert_no_inner_scroll (child);
    }
}

static gboolean line_in_sight (GtkTextView *view, int line);

/* Where line @line of @view is, in the page's scrolled window. */
static void
line_in_page (GtkTextView *view,
              int          line,
              double      *top,
              double      *bottom)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkTextIter iter;
  GdkRectangle location;
  graphene_point_t point;
  int x, y;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &iter, line);
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), page, &GRAPHENE_POINT_INIT (x, y), &point));
  *top = point.y;
  *bottom = point.y + location.height;
}

static gboolean
line_in_sight (GtkTextView *view,
               int          line)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  double top, bottom;

  line_in_page (view, line, &top, &bottom);
  return top >= 0 && bottom <= gtk_widget_get_height (page);
}

static void
test_paste_shows_first_line (Fixture       *fixture,
                             gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  g_autoptr(GString) lines = g_string_new (NULL);
  GtkTextView *view;
  GtkWidget *page;
  graphene_rect_t bounds;
  double top, bottom;
  int page_height;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    assert_no_inner_scroll (GTK_WIDGET (text_editor (fixture, TR_FIELD_FROM_SECTION (s))));
  assert_no_inner_scroll (GTK_WIDGET (text_editor (fixture, TR_FIELD_SUMMARY)));
  assert_no_inner_scroll (GTK_WIDGET (text_editor (fixture, TR_FIELD_APPENDIX)));

  /* 肆、建議, from the outline, then 16 lines pasted. */
  wait_ms (300);
  tr_report_editor_focus_target (get_editor (fixture), "recommendations", -1);
  view = text_view (fixture, TR_FIELD_RECOMMENDATIONS);
  for (guint i = 0; i < 16; i++)
    g_string_append_printf (lines, "%s%s、建議事項第%u點。", i > 0 ? "\n" : "",
                            (const char *[]) { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                               "十一", "十二", "十三", "十四", "十五", "十六" }[i], i + 1);
  paste (view, lines->str);
  wait_until (gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (view)) == 16, 10000);
  /* Once the pasted lines are laid out (the box has grown to hold them),
   * the page has followed the cursor. */
  /* Under the sanitizers, on a busy machine, that takes a few seconds. */
  wait_until (gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (view))) > 16 * 18, 30000);
  wait_ms (200);
  wait_until (line_in_sight (view, 15), 10000);

  page = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  page_height = gtk_widget_get_height (page);
  /* The first and the last line pasted are in sight, in the page's one scroll. */
  line_in_page (view, 0, &top, &bottom);
  g_test_message ("line 1: %.0f–%.0f px of a %d px page", top, bottom, page_height);
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (bottom, <=, page_height);
  line_in_page (view, 15, &top, &bottom);
  g_test_message ("line 16: %.0f–%.0f px", top, bottom);
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (bottom, <=, page_height);
  /* The text view itself lies within the page, nothing of it scrolled away inside. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), page, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, -1);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, page_height + 1);
  assert_no_inner_scroll (GTK_WIDGET (text_editor (fixture, TR_FIELD_RECOMMENDATIONS)));

  /* Typing on at the end keeps the cursor in sight. */
  for (guint i = 0; i < 20; i++)
    type_keys (view, "\n再補充一點。");
  wait_ms (500);
  wait_until (line_in_sight (view, gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (view)) - 1), 10000);
  line_in_page (view, gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (view)) - 1, &top, &bottom);
  g_test_message ("last line after typing: %.0f–%.0f px", top, bottom);
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (bottom, <=, page_height);
}

/* Long sections ---------------------------------------------------------- */

static void
test_long_section_loads_in_pieces (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrBenchText) generator = tr_bench_text_new (20261203);
  /* 700 pages of about 600 characters, in lines of 30 or so: too long
   * to be loaded at once. */
  const TrBenchTextParams params = {
    .shape = TR_BENCH_TEXT_PAGES,
    .n_pages = 700,
    .lines_per_page = 20,
    .chars_per_line = 30,
  };
  g_autofree char *long_text = tr_bench_text_make_text (generator, &params);
  guint n_lines = 0, n_spaces = 0;
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TrWindow *window;
  TrSectionEditor *editor;
  GtkWidget *page;
  const char *typed = "開頭補充：";

  for (const char *p = long_text; *p != '\0'; p = g_utf8_next_char (p))
    {
      n_lines += *p == '\n';
      n_spaces += g_unichar_isspace (g_utf8_get_char (p));
    }
  g_assert_cmpuint (n_lines, ==, 700 * 20);
  g_assert_cmpuint (strlen (long_text), >, TR_SECTION_EDITOR_LOAD_AT_ONCE);
  tr_report_set_section (report, TR_SECTION_PROCESS, long_text);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));

  window = open_window (fixture);
  g_assert_true (tr_window_open_report (window, tr_report_get_id (report)));
  editor = text_editor (fixture, TR_FIELD_PROCESS);
  /* Right after opening: the text is all there for a save already. */
  g_assert_true (tr_section_editor_is_loading (editor));
  text = tr_section_editor_dup_text (editor);
  g_assert_cmpstr (text, ==, long_text);
  g_clear_pointer (&text, g_free);
  /* Line breaks and the spaces of Latin terms are not counted. */
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==,
                    g_utf8_strlen (long_text, -1) - n_spaces);

  /* Typed at the start before the rest has arrived, and not saved as a change
   * by the loading itself. */
  tr_section_editor_focus_at (editor, -1);
  for (const char *p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);

      type_keys (tr_section_editor_get_text_view (editor), key);
    }
  g_assert_true (save_and_wait (get_editor (fixture), &error));
  g_assert_no_error (error);
  stored = load_independently (fixture->path, tr_report_get_id (report));
  g_assert_true (g_str_has_prefix (tr_report_get_section (stored, TR_SECTION_PROCESS), typed));
  g_assert_cmpuint (strlen (tr_report_get_section (stored, TR_SECTION_PROCESS)), ==,
                    strlen (long_text) + strlen (typed));
  g_clear_object (&stored);

  wait_until (!tr_section_editor_is_loading (editor), 120000);
  text = tr_section_editor_dup_text (editor);
  g_assert_true (g_str_has_prefix (text, typed));
  g_assert_cmpstr (text + strlen (typed), ==, long_text);
  /* Undo has what was typed, not the loading: the section's history. */
  g_assert_true (tr_body_blocks_undo (TR_BODY_BLOCKS (find_descendant (GTK_WIDGET (editor), TR_TYPE_BODY_BLOCKS))));
  g_clear_pointer (&text, g_free);
  text = tr_section_editor_dup_text (editor);
  g_assert_cmpstr (text, ==, long_text);

  /* The section is as tall as its text, the text view only as tall as the
   * part in sight. GTK lays the text out from idles: typed into, the
   * section came in at once. */
  page = gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
  wait_until (gtk_widget_get_height (GTK_WIDGET (editor)) > 50 * gtk_widget_get_height (page), 60000);
  g_test_message ("section %d px, its text view %d px, the page %d px",
                  gtk_widget_get_height (GTK_WIDGET (editor)),
                  gtk_widget_get_height (GTK_WIDGET (tr_section_editor_get_text_view (editor))),
                  gtk_widget_get_height (page));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (editor)), >, 50 * gtk_widget_get_height (page));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (tr_section_editor_get_text_view (editor))), <=,
                   gtk_widget_get_height (page));

  /* Ctrl+End reaches the last line, in sight. */
  {
    GtkTextView *view = tr_section_editor_get_text_view (editor);
    double top, bottom;

    g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
    /* Whatever GTK still lays out above it: the page keeps it in sight. */
    wait_until (line_in_sight (view, gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (view)) - 1), 10000);
    line_in_page (view, gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (view)) - 1, &top, &bottom);
    g_test_message ("last line: %.0f–%.0f px", top, bottom);
    g_assert_cmpfloat (top, >=, 0);
    g_assert_cmpfloat (bottom, <=, gtk_widget_get_height (page));
  }
}

/* Counters --------------------------------------------------------------- */

static void
test_counters_say_what_they_count (Fixture       *fixture,
                                   gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  TrSectionEditor *editor;
  GtkInscription *label;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  editor = text_editor (fixture, TR_FIELD_PURPOSE);
  label = tr_section_editor_get_count_label (editor);
  buffer = tr_section_editor_get_buffer (editor);

  /* Spaces, a full-width space, tabs and line breaks are not counted. */
  type_keys (tr_section_editor_get_text_view (editor), "一、 了解\n\n（一）數位　身分\tID card");
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, 17);
  /* The label follows a moment later (tr-section-editor.c). */
  wait_until (strstr (gtk_inscription_get_text (label), "17") != NULL, 30000);
  g_test_message ("counter: %s (%s)", gtk_inscription_get_text (label), gtk_widget_get_tooltip_text (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (gtk_inscription_get_text (label), "17"));
  g_assert_nonnull (strstr (gtk_inscription_get_text (label), "without spaces"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (label)));

  /* Deleting keeps it right: "ID card" goes. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  start = end;
  gtk_text_iter_backward_chars (&start, 7);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, 11);
  wait_until (strstr (gtk_inscription_get_text (label), "11") != NULL, 30000);

  /* The summary's counter says it counts Chinese characters, and its range. */
  label = tr_section_editor_get_count_label (text_editor (fixture, TR_FIELD_SUMMARY));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), "200"));
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

  g_test_add ("/ui-editor/lock/every-path", Fixture, NULL, fixture_set_up,
              test_lock_every_path, fixture_tear_down);
  g_test_add ("/ui-editor/lock/lifts-when-returned", Fixture, NULL, fixture_set_up,
              test_lock_lifts_when_returned, fixture_tear_down);
  g_test_add ("/ui-editor/drafts/untouched-goes", Fixture, NULL, fixture_set_up,
              test_untouched_draft_goes, fixture_tear_down);
  g_test_add ("/ui-editor/scroll/paste-shows-first-line", Fixture, NULL, fixture_set_up,
              test_paste_shows_first_line, fixture_tear_down);
  g_test_add ("/ui-editor/long-section/loads-in-pieces", Fixture, NULL, fixture_set_up,
              test_long_section_loads_in_pieces, fixture_tear_down);
  g_test_add ("/ui-editor/counters/say-what-they-count", Fixture, NULL, fixture_set_up,
              test_counters_say_what_they_count, fixture_tear_down);

  return g_test_run ();
}
