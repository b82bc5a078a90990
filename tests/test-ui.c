/* test-ui.c: the window, driven as a user would, under Xvfb
 *
 * Each test opens a real window on a real library file, acts through the
 * widgets (entries, text buffers, actions, the search entry, the list) and
 * then checks the file through a second, independent store connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xatom.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <zip.h>

#include "tr-completeness.h"
#include "tr-text-block.h"

#include "common/tr-alert.h"
#include "common/tr-date-row.h"
#include "common/tr-preferences-dialog.h"
#include "common/tr-traveller-list-private.h"
#include "common/tr-traveller-row.h"
#include "editor/tr-form-editor-private.h"
#include "editor/tr-photo-grid-private.h"
#include "editor/tr-photo-row-private.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "import/tr-import-dialog-private.h"
#include "import/tr-import-item.h"
#include "import/tr-import-review-private.h"
#include "library/tr-library-view-private.h"
#include "reader/tr-report-view.h"
#include "review/tr-comments-panel-private.h"
#include "review/tr-review-bar.h"
#include "review/tr-review-form.h"
#include "tr-problem.h"
#include "tr-report-json.h"
#include "tr-test-util.h"
#include "tr-application.h"
#include "tr-window-private.h"

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

  fixture->dir = g_dir_make_tmp ("tr-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

#define wait_until(condition, timeout_ms)                                      \
  G_STMT_START {                                                               \
    gint64 _end = g_get_monotonic_time () + (timeout_ms) * G_TIME_SPAN_MILLISECOND; \
    while (!(condition) && g_get_monotonic_time () < _end)                     \
      {                                                                        \
        g_main_context_iteration (NULL, FALSE);                                \
        g_usleep (2000);                                                       \
      }                                                                        \
    g_assert_true (condition);                                                 \
  } G_STMT_END

static TrWindow *
open_window (Fixture *fixture)
{
  fixture->window = tr_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000);
  /* The library is read after the first frame, off the main thread. */
  wait_until (tr_library_model_is_loaded (tr_library_view_get_model (TR_LIBRARY_VIEW (tr_window_get_library_view (fixture->window)))), 5000);
  return fixture->window;
}

static TrReportEditor *
get_editor (Fixture *fixture)
{
  return TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  GError **error = user_data;

  if (!tr_report_editor_save_finish (TR_REPORT_EDITOR (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (source, "tr-test-saved", GINT_TO_POINTER (TRUE));
}

/* Saves what was typed and waits for it, as closing the window does. */
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

static TrSectionEditor *
text_editor (Fixture *fixture,
             TrField  field)
{
  return TR_SECTION_EDITOR (tr_report_editor_get_text_editor (get_editor (fixture), field));
}

/* Typing, as the keyboard does it: at the cursor, respecting editability. */
static void
type_into (TrSectionEditor *editor,
           const char      *text)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);

  gtk_widget_grab_focus (GTK_WIDGET (tr_section_editor_get_text_view (editor)));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, p,
                                                                   g_utf8_next_char (p) - p, TRUE));
      g_main_context_iteration (NULL, FALSE);
    }
}

static void
type_into_row (GtkWidget  *row,
               const char *text)
{
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static TrReport *
load_independently (Fixture    *fixture,
                    const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  TrReport *report;

  g_assert_no_error (error);
  report = tr_report_store_load (other, id, &error);
  g_assert_no_error (error);
  return report;
}

static const struct {
  const char *key;
  const char *value;
} form_values[] = {
  { "title", "赴日本東京考察智慧交通出國報告" },
  { "agency", "臺中市政府交通局" },
  { "contact", "林怡君" },
  { "phone", "04-22289111#5678" },
  { "classification", "交通／運輸" },
  { "destination", "日本東京" },
  { "category_other", "國際會議" },
};

static const struct {
  TrField field;
  const char *text;
} typed_texts[] = {
  { TR_FIELD_SUMMARY, "本次考察東京都智慧交通系統。" },
  { TR_FIELD_PURPOSE, "一、了解東京都交通管理經驗。\n二、建立交流管道。" },
  { TR_FIELD_PROCESS, "一、第一天\n（一）拜會東京都廳\n1. 聽取簡報" },
  { TR_FIELD_OBSERVATIONS, "東京重視公共運輸 (MaaS)。" },
  { TR_FIELD_RECOMMENDATIONS, "一、推動公車動態資訊整合。" },
  { TR_FIELD_APPENDIX, "照片 1：拜會東京都廳" },
};

static void
test_new_draft_type_everything (Fixture       *fixture,
                                gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  TrFormEditor *form;
  TrTravellerList *travellers;
  TrReport *report;
  g_autoptr(TrReport) stored = NULL;
  g_autofree char *id = NULL;
  GtkWidget *row;
  static const char * const traveller_names[] = { "王大明", "陳小華" };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  report = tr_window_get_report (window);
  g_assert_nonnull (report);
  g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_DRAFT);
  id = g_strdup (tr_report_get_id (report));
  /* The new draft is in the library at once. */
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);

  form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (get_editor (fixture)));
  travellers = TR_TRAVELLER_LIST (tr_form_editor_get_traveller_list (form));
  /* Picking 其他 reveals the row for its text. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (tr_form_editor_get_row (form, "category")), 8);
  g_assert_true (gtk_widget_get_visible (tr_form_editor_get_row (form, "category_other")));
  for (guint i = 0; i < G_N_ELEMENTS (form_values); i++)
    type_into_row (tr_form_editor_get_row (form, form_values[i].key), form_values[i].value);
  type_into_row (tr_form_editor_get_row (form, "keywords"), "智慧交通、MaaS, 公共運輸");
  tr_date_row_set_date (TR_DATE_ROW (tr_form_editor_get_row (form, "period_start")), "2023-10-02");
  tr_date_row_set_date (TR_DATE_ROW (tr_form_editor_get_row (form, "period_end")), "2023-10-06");
  tr_date_row_set_date (TR_DATE_ROW (tr_form_editor_get_row (form, "report_date")), "2023-12-20");

  for (guint i = 0; i < G_N_ELEMENTS (traveller_names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (travellers), "travellers.add", NULL));
      row = tr_traveller_list_get_row (travellers, i);
      g_assert_nonnull (row);
      type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_NAME),
                     traveller_names[i]);
      type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_UNIT), "運輸規劃科");
      type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_TITLE), "科長");
      type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_PHONE), "04-2222");
    }
  /* Reorder: the second traveller moves up. */
  row = tr_traveller_list_get_row (travellers, 1);
  g_assert_true (gtk_widget_activate_action (row, "traveller.move-up", NULL));
  wait_ms (50);

  for (guint i = 0; i < G_N_ELEMENTS (typed_texts); i++)
    type_into (text_editor (fixture, typed_texts[i].field), typed_texts[i].text);

  /* Autosave: within a second of the last keystroke, with no Save button. */
  wait_ms (1000);
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 2000);

  stored = load_independently (fixture, id);
  for (guint i = 0; i < G_N_ELEMENTS (form_values); i++)
    {
      TrField field;

      g_assert_true (tr_field_from_key (form_values[i].key, &field));
      g_assert_cmpstr (tr_report_get_text (stored, field), ==, form_values[i].value);
    }
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_CATEGORY), ==, "其他");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PERIOD_START), ==, "2023-10-02");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PERIOD_END), ==, "2023-10-06");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_REPORT_DATE), ==, "2023-12-20");
  {
    const char * const expected[] = { "智慧交通", "MaaS", "公共運輸", NULL };

    g_assert_true (g_strv_equal (tr_report_get_keywords (stored), expected));
  }
  for (guint i = 0; i < G_N_ELEMENTS (typed_texts); i++)
    g_assert_cmpstr (tr_report_get_text (stored, typed_texts[i].field), ==, typed_texts[i].text);

  {
    GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (stored));
    g_autoptr(TrTraveller) first = NULL;
    g_autoptr(TrTraveller) second = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 2);
    first = g_list_model_get_item (travellers, 0);
    second = g_list_model_get_item (travellers, 1);
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "陳小華");
    g_assert_cmpstr (tr_traveller_get (second, TR_TRAVELLER_NAME), ==, "王大明");
    /* A new traveller starts with the form's agency. */
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_AGENCY), ==, "臺中市政府交通局");
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_TITLE), ==, "科長");
  }

  /* Removing a traveller is saved too. */
  row = tr_traveller_list_get_row (travellers, 0);
  g_assert_true (gtk_widget_activate_action (row, "traveller.remove", NULL));
  wait_ms (1000);
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 2000);
  {
    g_autoptr(TrReport) after = load_independently (fixture, id);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (after))), ==, 1);
  }

  /* Undo in a section is the text view's own, and is saved as well. */
  {
    GtkTextBuffer *buffer = tr_section_editor_get_buffer (text_editor (fixture, TR_FIELD_APPENDIX));
    g_autoptr(TrReport) undone = NULL;

    g_assert_true (gtk_text_buffer_get_can_undo (buffer));
    gtk_text_buffer_undo (buffer);
    wait_ms (1000);
    wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 2000);
    undone = load_independently (fixture, id);
    g_assert_cmpstr (tr_report_get_text (undone, TR_FIELD_APPENDIX), !=, "照片 1：拜會東京都廳");
  }
}

/* The scrolled box that holds a section's text view. */
static GtkWidget *
text_box (TrSectionEditor *editor)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (tr_section_editor_get_text_view (editor)));

  /* The page scrolls, not the box. */
  g_assert_false (GTK_IS_SCROLLED_WINDOW (box));
  return box;
}

/* A 300-page draft: typing goes on while autosaves write it off the main
 * thread, and the last keystroke reaches the file. Latencies are printed,
 * not asserted: speed belongs to benchmarks. The text boxes grow with a
 * short text and stop at their cap with a long one. */
static void
test_long_draft_typing (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) stored = NULL;
  g_autofree char *id = NULL;
  TrWindow *window;
  TrSectionEditor *editor;
  gint64 slowest = 0;
  const char *typed = "在長篇草稿的最後輸入這段文字，確認自動儲存不影響打字。";
  g_autoptr(GString) short_text = g_string_new (NULL);
  GtkWidget *short_box, *long_box;

  /* Eleven short lines, none wrapped. */
  for (guint line = 0; line < 11; line++)
    g_string_append_printf (short_text, "%s第%u項目的。", line > 0 ? "\n" : "", line + 1);
  tr_report_set_section (report, TR_SECTION_PURPOSE, short_text->str);
  /* About 600 characters a page. */
  for (guint page = 0; page < 300; page++)
    for (guint line = 0; line < 20; line++)
      g_string_append_printf (long_text, "第%u頁第%u行：本次考察行程緊湊，與各機關交流。\n", page + 1, line + 1);
  tr_report_set_section (report, TR_SECTION_PROCESS, long_text->str);
  tr_report_store_save (fixture->store, report, &error);
  g_assert_no_error (error);
  id = g_strdup (tr_report_get_id (report));

  window = open_window (fixture);
  g_assert_true (tr_window_open_report (window, id));
  editor = text_editor (fixture, TR_FIELD_PROCESS);
  {
    GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_place_cursor (buffer, &end);
  }

  /* 120 px is the boxes' minimum; they grow with their text. */
  short_box = text_box (text_editor (fixture, TR_FIELD_PURPOSE));
  long_box = text_box (editor);
  /* Laying out 6,000 lines takes a while under the sanitizers. */
  wait_until (gtk_widget_get_height (short_box) > 120, 30000);
  wait_until (gtk_widget_get_height (long_box) >= 560, 30000);
  wait_ms (200);
  g_test_message ("box heights: 11 lines %d px, 300 pages %d px",
                  gtk_widget_get_height (short_box), gtk_widget_get_height (long_box));
  g_assert_cmpint (gtk_widget_get_height (short_box), >, 120);
  g_assert_cmpint (gtk_widget_get_height (short_box), <, 560);

  for (const char *p = typed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gint64 start = g_get_monotonic_time (), elapsed;

      gtk_text_buffer_insert_interactive_at_cursor (tr_section_editor_get_buffer (editor), p,
                                                    g_utf8_next_char (p) - p, TRUE);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      elapsed = g_get_monotonic_time () - start;
      slowest = MAX (slowest, elapsed);
      /* A fast typist: a key every 60 ms, so autosaves start mid-typing. */
      wait_ms (60);
    }
  g_test_message ("slowest keystroke in a 300-page section: %.1f ms", slowest / 1000.0);
  /* The box is as tall as the text; the text view, as the part in sight. */
  g_assert_cmpint (gtk_widget_get_height (long_box), >, 50 * 560);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (tr_section_editor_get_text_view (editor))), <=,
                   gtk_widget_get_height (GTK_WIDGET (fixture->window)));

  wait_ms (1000);
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 5000);
  stored = load_independently (fixture, id);
  g_assert_true (g_str_has_suffix (tr_report_get_section (stored, TR_SECTION_PROCESS), typed));
  g_assert_cmpuint (strlen (tr_report_get_section (stored, TR_SECTION_PROCESS)), ==,
                    long_text->len + strlen (typed));
}

static void
test_headings_cannot_be_removed (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char * const expected_order[] = {
    "summary", "purpose", "process", "observations", "recommendations", "appendix", NULL
  };
  static const char * const headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  TrWindow *window = open_window (fixture);
  GtkWidget *parts_box;
  GtkWidget *child;
  guint i = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      TrSectionEditor *editor = text_editor (fixture, TR_FIELD_FROM_SECTION (s));
      GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
      GtkTextIter start, end;

      type_into (editor, "內容");
      /* Backspace at the very start, then select everything and delete:
       * the text goes, the heading stays. */
      gtk_text_buffer_get_start_iter (buffer, &start);
      g_assert_false (gtk_text_buffer_backspace (buffer, &start, TRUE, TRUE));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      g_assert_true (gtk_text_buffer_delete_selection (buffer, TRUE, TRUE));
      gtk_text_buffer_get_start_iter (buffer, &start);
      g_assert_false (gtk_text_buffer_backspace (buffer, &start, TRUE, TRUE));

      g_assert_cmpstr (tr_section_editor_get_heading (editor), ==, headings[s]);
      /* The heading is not text the user can reach. */
      {
        g_autofree char *text = tr_section_editor_dup_text (editor);

        g_assert_null (strstr (text, headings[s] + strlen ("壹、")));
      }
    }

  /* All parts, in order, whatever was typed or deleted. */
  parts_box = gtk_widget_get_parent (tr_report_editor_get_text_editor (get_editor (fixture), TR_FIELD_SUMMARY));
  for (child = gtk_widget_get_first_child (parts_box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!TR_IS_SECTION_EDITOR (child))
        continue;
      g_assert_nonnull (expected_order[i]);
      g_assert_cmpstr (gtk_widget_get_name (child), ==, expected_order[i]);
      i++;
    }
  g_assert_null (expected_order[i]);

  /* An emptied section is listed as something to fix. */
  wait_ms (1000);
  {
    GListModel *problems = tr_report_editor_get_problems (get_editor (fixture));
    gboolean purpose_listed = FALSE;

    for (guint p = 0; p < g_list_model_get_n_items (problems); p++)
      {
        g_autoptr(TrProblem) problem = g_list_model_get_item (problems, p);

        if (tr_problem_get_kind (problem) == TR_PROBLEM_EMPTY_SECTION &&
            g_str_equal (tr_problem_get_target (problem), "purpose"))
          purpose_listed = TRUE;
      }
    g_assert_true (purpose_listed);
  }
}

/* A real PNG of @width × @height at @path; its bytes. */
static GBytes *
write_png (const char *path,
           int         width,
           int         height,
           guint32     colour)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, colour);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  g_file_set_contents (path, buffer, size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static void
test_photos_add_caption (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *png_path = g_build_filename (fixture->dir, "拜會東京都廳.png", NULL);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.png", NULL);
  g_autofree char *huge_path = g_build_filename (fixture->dir, "huge.jpg", NULL);
  g_autofree char *text_path = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autoptr(GBytes) png = write_png (png_path, 640, 480, 0x3366ccff);
  g_autoptr(GBytes) second_png = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge_path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  /* A 25 MB "photo", as a scanner or a camera's raw mode makes them. */
  const gsize huge_size = 25 * 1000 * 1000;
  g_autofree char *huge = g_malloc0 (huge_size);
  const char *caption = "拜會東京都廳，與交通局長合影";
  TrWindow *window = open_window (fixture);
  TrPhotoGrid *grid;
  GListModel *photos;
  GtkWidget *row;

  g_file_set_contents (huge_path, huge, huge_size, &error);
  g_assert_no_error (error);
  g_file_set_contents (text_path, "不是圖片", -1, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  grid = TR_PHOTO_GRID (tr_report_editor_get_photo_grid (get_editor (fixture)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (grid)));
  photos = G_LIST_MODEL (tr_report_get_photos (tr_window_get_report (window)));

  /* What a drop (or the file chooser) hands over: one photo and two files
   * that are not, which are explained and skipped. */
  g_list_store_append (files, png_file);
  g_list_store_append (files, huge_file);
  g_list_store_append (files, text_file);
  tr_photo_grid_add_files (grid, G_LIST_MODEL (files));
  g_assert_true (tr_photo_grid_is_busy (grid));
  wait_until (!tr_photo_grid_is_busy (grid), 10000);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 1);
  g_assert_nonnull (tr_photo_grid_get_error (grid));
  g_test_message ("errors: %s", tr_photo_grid_get_error (grid));
  g_assert_nonnull (strstr (tr_photo_grid_get_error (grid), "huge.jpg"));
  g_assert_nonnull (strstr (tr_photo_grid_get_error (grid), "25.0"));
  g_assert_nonnull (strstr (tr_photo_grid_get_error (grid), "20.0"));
  g_assert_nonnull (strstr (tr_photo_grid_get_error (grid), "notes.txt"));

  row = tr_photo_grid_get_row (grid, 0);
  g_assert_nonnull (row);
  g_assert_nonnull (tr_photo_row_get_thumbnail (TR_PHOTO_ROW (row)));
  type_into_row (row, caption);

  g_assert_true (save_and_wait (get_editor (fixture), &error));
  g_assert_no_error (error);
  stored = load_independently (fixture, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (stored))), ==, 1);
  {
    g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (stored)), 0);

    g_assert_cmpstr (tr_photo_get_caption (photo), ==, caption);
    g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/png");
    g_assert_cmpuint (tr_photo_get_width (photo), ==, 640);
    g_assert_cmpuint (tr_photo_get_height (photo), ==, 480);
    g_assert_true (g_bytes_equal (tr_photo_get_data (photo), png));
  }
  g_clear_object (&stored);

  /* A second photo, moved before the first with its button's action, then
   * the first removed: the library follows. */
  second_png = write_png (second_path, 300, 400, 0xcc6633ff);
  {
    g_autoptr(GListStore) more = g_list_store_new (G_TYPE_FILE);
    g_autoptr(GFile) second_file = g_file_new_for_path (second_path);

    g_list_store_append (more, second_file);
    tr_photo_grid_add_files (grid, G_LIST_MODEL (more));
    wait_until (!tr_photo_grid_is_busy (grid), 10000);
  }
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 2);
  g_assert_null (tr_photo_grid_get_error (grid));
  type_into_row (tr_photo_grid_get_row (grid, 1), "第二張");
  gtk_widget_activate_action (GTK_WIDGET (grid), "photos.move-earlier", "u", 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tr_photo_grid_get_row (grid, 0))), ==, "第二張");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (tr_photo_grid_get_row (grid, 1))), ==, "照片 2");
  g_assert_true (save_and_wait (get_editor (fixture), &error));
  stored = load_independently (fixture, id);
  {
    g_autoptr(TrPhoto) first = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (stored)), 0);
    g_autoptr(TrPhoto) second = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (stored)), 1);

    g_assert_cmpstr (tr_photo_get_caption (first), ==, "第二張");
    g_assert_cmpstr (tr_photo_get_caption (second), ==, caption);
  }
  g_clear_object (&stored);

  gtk_widget_activate_action (GTK_WIDGET (grid), "photos.remove", "u", 1);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 1);
  g_assert_true (save_and_wait (get_editor (fixture), &error));
  stored = load_independently (fixture, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (stored))), ==, 1);
  {
    g_autoptr(TrPhoto) only = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (stored)), 0);

    g_assert_cmpstr (tr_photo_get_caption (only), ==, "第二張");
    g_assert_true (g_bytes_equal (tr_photo_get_data (only), second_png));
  }
}

static char *
store_report (Fixture      *fixture,
              TrReportKind  kind,
              const char   *title,
              const char   *purpose)
{
  g_autoptr(TrReport) report = tr_report_new (kind);
  g_autoptr(GError) error = NULL;

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_section (report, TR_SECTION_PURPOSE, purpose);
  tr_report_store_save (fixture->store, report, &error);
  g_assert_no_error (error);
  return g_strdup (tr_report_get_id (report));
}

static void
test_search_and_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *bangkok = store_report (fixture, TR_REPORT_KIND_IMPORTED, "赴泰國出席會議報告",
                                           "參加在曼谷舉行的亞太經合會議。");
  g_autofree char *seoul = store_report (fixture, TR_REPORT_KIND_DRAFT, "赴韓國考察住宅報告",
                                         "了解首爾社會住宅政策。");
  g_autofree char *tokyo = store_report (fixture, TR_REPORT_KIND_DRAFT, "赴日本考察交通報告",
                                         "考察東京智慧交通，並參訪曼谷以外的城市。");
  TrWindow *window = open_window (fixture);
  TrLibraryView *library = TR_LIBRARY_VIEW (tr_window_get_library_view (window));
  TrLibraryModel *model = tr_library_view_get_model (library);
  GtkListView *list = tr_library_view_get_list_view (library);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* Ctrl+F lands in the search entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  wait_until (gtk_widget_has_focus (GTK_WIDGET (tr_library_view_get_search_entry (library))) ||
              gtk_widget_is_focus (gtk_widget_get_first_child (GTK_WIDGET (tr_library_view_get_search_entry (library)))) ||
              gtk_root_get_focus (GTK_ROOT (window)) != NULL, 1000);

  /* Two characters: below what trigram can match. */
  gtk_editable_set_text (GTK_EDITABLE (tr_library_view_get_search_entry (library)), "住宅");
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 1, 3000);
  {
    g_autoptr(TrReportInfo) hit = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (tr_report_info_get_id (hit), ==, seoul);
    g_assert_nonnull (strstr (tr_report_info_get_snippet (hit), TR_SNIPPET_MATCH_START "住宅"));
  }

  gtk_editable_set_text (GTK_EDITABLE (tr_library_view_get_search_entry (library)), "曼谷");
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 2, 3000);

  /* Narrowed to imported reports, one hit is left; open it. */
  tr_library_model_set_kind (model, TR_REPORT_KIND_IMPORTED);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 1, 3000);
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_nonnull (tr_window_get_report (window));
  g_assert_cmpstr (tr_report_get_id (tr_window_get_report (window)), ==, bangkok);

  /* No hit: the list says so rather than showing stale rows. */
  tr_library_model_set_kind (model, TR_LIBRARY_ALL_KINDS);
  gtk_editable_set_text (GTK_EDITABLE (tr_library_view_get_search_entry (library)), "不存在的詞");
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 0, 3000);

  gtk_editable_set_text (GTK_EDITABLE (tr_library_view_get_search_entry (library)), "");
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 3, 3000);
  (void) tokyo;
}

static void
copied_text_ready (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
buffer_has_paintable (GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter);
       gtk_text_iter_forward_char (&iter))
    if (gtk_text_iter_get_paintable (&iter) != NULL)
      return TRUE;
  return FALSE;
}

/* An imported report is read, not edited: its photos show in the reader
 * with their numbered captions, the picture arriving once decoded. */
static void
test_imported_report_photos (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *png_path = g_build_filename (fixture->dir, "photo.png", NULL);
  g_autoptr(GBytes) png = write_png (png_path, 400, 300, 0x228844ff);
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(TrPhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TrWindow *window;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  photo = tr_photo_new_from_bytes (png, "photo.png", &error);
  g_assert_no_error (error);
  tr_photo_set_caption (photo, "參訪市區重建局");
  tr_report_set_text (report, TR_FIELD_TITLE, "一〇五年赴新加坡報告");
  g_list_store_append (tr_report_get_photos (report), photo);
  tr_report_store_save (fixture->store, report, &error);
  g_assert_no_error (error);

  window = open_window (fixture);
  g_assert_true (tr_window_open_report (window, tr_report_get_id (report)));
  /* Not the editor: imported reports are read only. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (get_editor (fixture))));
  text_view = find_text_view (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (get_editor (fixture)))),
                                                           "view"));
  g_assert_nonnull (text_view);
  buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "附錄"));
  g_assert_nonnull (strstr (text, "照片 1：參訪市區重建局"));
  wait_until (buffer_has_paintable (buffer), 5000);
}

/* How far right of @left's left edge @right's starts, in @window. */
static float
horizontal_gap (GtkWidget *left,
                GtkWidget *right,
                GtkWidget *window)
{
  graphene_point_t left_origin, right_origin;

  if (!gtk_widget_compute_point (left, window, &GRAPHENE_POINT_INIT (0, 0), &left_origin) ||
      !gtk_widget_compute_point (right, window, &GRAPHENE_POINT_INIT (0, 0), &right_origin))
    return 0;
  return right_origin.x - left_origin.x;
}

static void
test_reference_beside_draft (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *old = store_report (fixture, TR_REPORT_KIND_IMPORTED, "一〇五年赴新加坡報告",
                                       "出席世界城市峰會，了解宜居城市政策。");
  g_autofree char *draft = store_report (fixture, TR_REPORT_KIND_DRAFT, "今年的草稿", "");
  TrWindow *window = open_window (fixture);
  GtkPaned *paned;
  GtkWidget *reference_pane;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *copied = NULL;
  const char *quote = "宜居城市政策";

  g_assert_true (tr_window_open_report (window, draft));
  g_assert_true (tr_window_open_report (window, old));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.use-as-reference", NULL);

  /* Back to the draft, with the old report beside it. */
  g_assert_cmpstr (tr_report_get_id (tr_window_get_report (window)), ==, draft);
  g_assert_nonnull (tr_window_get_reference (window));
  g_assert_cmpstr (tr_report_get_id (tr_window_get_reference (window)), ==, old);
  wait_ms (200);

  /* Both are on screen, side by side, the reference on the right. */
  paned = GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (get_editor (fixture)), GTK_TYPE_PANED));
  reference_pane = gtk_paned_get_end_child (paned);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (get_editor (fixture))));
  g_assert_true (gtk_widget_get_mapped (reference_pane));
  /* Laid out once the window has had its frames (slow under the sanitizers). */
  wait_until (horizontal_gap (GTK_WIDGET (get_editor (fixture)), reference_pane, GTK_WIDGET (window)) > 200,
              10000);

  /* The reference's text is selectable and copyable, not editable. */
  text_view = find_text_view (reference_pane);
  g_assert_nonnull (text_view);
  g_assert_false (gtk_text_view_get_editable (text_view));
  buffer = gtk_text_view_get_buffer (text_view);
  {
    g_autofree char *all = NULL;
    const char *found;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    all = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    found = strstr (all, quote);
    g_assert_nonnull (found);
    gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (all, found));
    gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                        g_utf8_pointer_to_offset (all, found) + g_utf8_strlen (quote, -1));
  }
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_copy_clipboard (buffer, gtk_widget_get_clipboard (GTK_WIDGET (text_view)));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (text_view)), NULL,
                                 copied_text_ready, &copied);
  wait_until (copied != NULL, 3000);
  g_assert_cmpstr (copied, ==, quote);

  /* Typing in the draft leaves the reference alone. */
  type_into (text_editor (fixture, TR_FIELD_PURPOSE), "引用：");
  g_assert_cmpstr (tr_report_get_id (tr_window_get_reference (window)), ==, old);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-reference", NULL);
  g_assert_null (tr_window_get_reference (window));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "要刪除的草稿", "目的內容");
  TrWindow *window = open_window (fixture);
  GtkWidget *toast_overlay;
  g_autoptr(TrReport) back = NULL;

  g_assert_true (tr_window_open_report (window, id));
  type_into (text_editor (fixture, TR_FIELD_PROCESS), "最後一刻的修改");
  /* Deleting asks nothing; what was just typed is saved first, for Undo. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-report", NULL);
  g_assert_null (tr_window_get_report (window));
  /* Once the last keystrokes are saved: gone from the file. */
  wait_until (tr_report_store_count (fixture->store, NULL) == 0, 2000);

  /* Undo is the toast's button: press it through its action target. */
  toast_overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_assert_true (ADW_IS_TOAST_OVERLAY (toast_overlay));
  {
    GtkWidget *button = NULL;
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, toast_overlay);
    while (stack->len > 0 && button == NULL)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL &&
            g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0)
          button = widget;
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
    g_ptr_array_unref (stack);
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }

  wait_until (tr_report_store_count (fixture->store, NULL) == 1, 2000);
  back = load_independently (fixture, id);
  g_assert_cmpstr (tr_report_get_section (back, TR_SECTION_PROCESS), ==, "最後一刻的修改");
  g_assert_cmpstr (tr_report_get_id (tr_window_get_report (window)), ==, id);
}

static char *
read_zip_entry (const char *path,
                const char *name)
{
  int error_code = 0;
  zip_t *archive = zip_open (path, ZIP_RDONLY, &error_code);
  zip_stat_t stat;
  zip_file_t *entry;
  char *contents;

  g_assert_nonnull (archive);
  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  entry = zip_fopen (archive, name, 0);
  g_assert_nonnull (entry);
  contents = g_malloc0 (stat.size + 1);
  g_assert_cmpint (zip_fread (entry, contents, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (entry);
  zip_close (archive);
  return contents;
}

static void
test_export_while_typing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "匯出測試", "目的內容");
  g_autofree char *path = g_build_filename (fixture->dir, "匯出測試.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *content = NULL;
  TrWindow *window = open_window (fixture);
  guint iterations = 0;

  g_assert_true (tr_window_open_report (window, id));
  type_into (text_editor (fixture, TR_FIELD_RECOMMENDATIONS), "一、剛剛輸入的建議。");
  tr_window_export (window, file);
  /* The window keeps running while the document is written. */
  while (!g_file_query_exists (file, NULL) && iterations < 5000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      iterations++;
    }
  g_assert_true (g_file_query_exists (file, NULL));
  wait_ms (100);

  content = read_zip_entry (path, "content.xml");
  g_assert_nonnull (strstr (content, "剛剛輸入的建議。"));
  g_assert_nonnull (strstr (content, "目的內容"));
}

/* A real PDF: each line of @text set with Pango on A4 pages, headings in
 * a bigger bold face. */
static void
make_pdf (const char *path,
          const char *text)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  double y = 72;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      gboolean heading = g_str_has_suffix (lines[i], "目的") || g_str_has_suffix (lines[i], "過程") ||
                         g_str_has_suffix (lines[i], "心得") || g_str_has_suffix (lines[i], "建議");
      PangoFontDescription *font = pango_font_description_from_string (heading ? "Noto Sans CJK TC Bold 16"
                                                                              : "Noto Sans CJK TC 12");
      int height;

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_width (layout, (595 - 144) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, lines[i], -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      if (y + height > 842 - 72)
        {
          cairo_show_page (cr);
          y = 72;
        }
      cairo_move_to (cr, 72, y);
      pango_cairo_show_layout (cr, layout);
      y += height + (heading ? 12 : 6);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static const char *pdf_report =
  "出國人員：經濟部 科長 王小明、技正 李大華\n"
  "壹、目的\n"
  "了解新加坡推動宜居城市之政策與經驗。\n"
  "貳、過程\n"
  "七月九日抵達新加坡，出席世界城市峰會開幕式。\n"
  "七月十日參加市長論壇並參訪濱海灣花園。\n"
  "新加坡的都市綠化令人印象深刻，值得學習。\n"
  "參、心得\n"
  "新加坡政府長期規劃，公私協力推動城市治理。\n"
  "肆、建議\n"
  "一、持續參與國際城市交流活動。\n"
  "二、研議引進立體綠化獎勵制度。";

static TrImportItem *
wait_for_item (TrImportDialog *dialog,
               guint           position)
{
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  return g_list_model_get_item (tr_import_dialog_get_items (dialog), position);
}

/* The dropdown of the block showing @text in the review's list. */
static GtkDropDown *
find_block_dropdown (GtkWidget  *widget,
                     const char *text)
{
  TrTextBlock *block;

  if (GTK_IS_DROP_DOWN (widget) &&
      (block = g_object_get_data (G_OBJECT (widget), "tr-block")) != NULL &&
      g_str_equal (tr_text_block_get_text (block), text))
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_block_dropdown (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_import_review_save (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "新加坡報告.pdf", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "not-a-pdf.pdf", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) garbage_file = g_file_new_for_path (garbage);
  g_autoptr(TrImportItem) good = NULL;
  g_autoptr(TrImportItem) bad = NULL;
  g_autoptr(TrReport) stored = NULL;
  g_autofree char *id = NULL;
  TrWindow *window = open_window (fixture);
  TrImportDialog *dialog;
  GtkDropDown *dropdown;
  const char *moved = "新加坡的都市綠化令人印象深刻，值得學習。";

  make_pdf (pdf, pdf_report);
  g_file_set_contents (garbage, "this is not a PDF at all", -1, NULL);
  g_list_store_append (files, pdf_file);
  g_list_store_append (files, garbage_file);

  dialog = TR_IMPORT_DIALOG (tr_window_import (window, G_LIST_MODEL (files)));
  g_assert_nonnull (dialog);
  good = wait_for_item (dialog, 0);
  bad = wait_for_item (dialog, 1);
  g_test_message ("good: %s; bad: %s", tr_import_item_get_message (good), tr_import_item_get_message (bad));
  g_assert_cmpint (tr_import_item_get_state (good), ==, TR_IMPORT_READY);
  /* A bad file fails alone, with a message; the batch went on. */
  g_assert_cmpint (tr_import_item_get_state (bad), ==, TR_IMPORT_FAILED);
  g_assert_nonnull (tr_import_item_get_message (bad));
  /* Nothing is saved before the user says so. */
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 0);

  /* Review: the observation the parser left in 過程 goes to 心得. */
  tr_import_dialog_review (dialog, 0);
  wait_ms (300);
  dropdown = find_block_dropdown (tr_import_dialog_get_review (dialog), moved);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (dropdown, 3);  /* 摘要 目的 過程 心得 … */
  tr_report_set_text (tr_import_review_get_report (TR_IMPORT_REVIEW (tr_import_dialog_get_review (dialog))),
                      TR_FIELD_TITLE, "新加坡城市峰會報告");

  /* The travellers the cover line named: one corrected, one removed, one
   * the import missed added. */
  {
    TrImportReview *review = TR_IMPORT_REVIEW (tr_import_dialog_get_review (dialog));
    TrTravellerList *travellers = TR_TRAVELLER_LIST (tr_import_review_get_traveller_list (review));
    GtkWidget *row = tr_traveller_list_get_row (travellers, 0);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "王小明");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row),
                                                                                      TR_TRAVELLER_TITLE))),
                     ==, "科長");
    type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_UNIT), "國際合作處");
    type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_PHONE), "02-2321-2200");
    row = tr_traveller_list_get_row (travellers, 1);
    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "李大華");
    g_assert_true (gtk_widget_activate_action (row, "traveller.remove", NULL));
    wait_ms (50);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (travellers), "travellers.add", NULL));
    wait_ms (50);
    row = tr_traveller_list_get_row (travellers, 1);
    g_assert_nonnull (row);
    type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_NAME), "陳美玲");
    type_into_row (tr_traveller_row_get_entry (TR_TRAVELLER_ROW (row), TR_TRAVELLER_TITLE), "專員");
    g_assert_null (tr_traveller_list_get_row (travellers, 2));
  }
  tr_import_dialog_save (dialog);
  g_assert_cmpint (tr_import_item_get_state (good), ==, TR_IMPORT_SAVED);

  id = g_strdup (tr_import_item_get_report_id (good));
  stored = load_independently (fixture, id);
  g_assert_cmpint (tr_report_get_kind (stored), ==, TR_REPORT_KIND_IMPORTED);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_TITLE), ==, "新加坡城市峰會報告");
  g_assert_nonnull (strstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), moved));
  g_assert_null (strstr (tr_report_get_section (stored, TR_SECTION_PROCESS), moved));
  g_assert_nonnull (strstr (tr_report_get_section (stored, TR_SECTION_RECOMMENDATIONS), "立體綠化"));
  g_assert_cmpstr (tr_report_get_source_filename (stored), ==, "新加坡報告.pdf");
  {
    GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (stored));
    g_autoptr(TrTraveller) first = NULL;
    g_autoptr(TrTraveller) second = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 2);
    first = g_list_model_get_item (travellers, 0);
    second = g_list_model_get_item (travellers, 1);
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "王小明");
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_AGENCY), ==, "經濟部");
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_UNIT), ==, "國際合作處");
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_TITLE), ==, "科長");
    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_PHONE), ==, "02-2321-2200");
    g_assert_cmpstr (tr_traveller_get (second, TR_TRAVELLER_NAME), ==, "陳美玲");
    g_assert_cmpstr (tr_traveller_get (second, TR_TRAVELLER_TITLE), ==, "專員");
  }

  /* The library lists it, and it opens read-only. */
  wait_until (tr_library_model_get_total (tr_library_view_get_model (TR_LIBRARY_VIEW (tr_window_get_library_view (window)))) == 1, 5000);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The same file again: offered to open, not imported twice. */
  {
    g_autoptr(GListStore) again = g_list_store_new (G_TYPE_FILE);
    g_autoptr(TrImportItem) duplicate = NULL;
    TrImportDialog *second;

    g_list_store_append (again, pdf_file);
    second = TR_IMPORT_DIALOG (tr_window_import (window, G_LIST_MODEL (again)));
    duplicate = wait_for_item (second, 0);
    g_assert_cmpint (tr_import_item_get_state (duplicate), ==, TR_IMPORT_DUPLICATE);
    g_assert_cmpstr (tr_import_item_get_report_id (duplicate), ==, id);
    tr_import_dialog_save (second);
    g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);
    gtk_window_destroy (GTK_WINDOW (second));
  }

  g_assert_true (tr_window_open_report (window, id));
  g_assert_cmpint (tr_report_get_kind (tr_window_get_report (window)), ==, TR_REPORT_KIND_IMPORTED);
}

/* Save All while a file is still being read: that file is saved the moment
 * it is read, and one that hangs keeps nothing else waiting unsaved. The
 * worker is the fake one (tests/fake-import-worker.c), which waits while
 * PATH.hold exists. */
static void
test_import_save_all_while_reading (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *quick = g_build_filename (fixture->dir, "quick.pdf", NULL);
  g_autofree char *late = g_build_filename (fixture->dir, "late.pdf", NULL);
  g_autofree char *hung = g_build_filename (fixture->dir, "hung.pdf", NULL);
  g_autofree char *late_hold = g_strconcat (late, ".hold", NULL);
  g_autofree char *hung_hold = g_strconcat (hung, ".hold", NULL);
  g_autofree char *real_worker = g_strdup (g_getenv ("TR_IMPORT_WORKER"));
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(GError) error = NULL;
  TrWindow *window = open_window (fixture);
  TrImportDialog *dialog;
  GListModel *items;
  const char *paths[] = { quick, late, hung };

  make_pdf (quick, pdf_report);
  make_pdf (late, "壹、目的\n晚一點讀完的報告。\n貳、過程\n七月十日參訪。\n參、心得\n值得學習。\n肆、建議\n持續交流。");
  make_pdf (hung, "壹、目的\n讀不完的報告。\n貳、過程\n七月十一日參訪。\n參、心得\n值得學習。\n肆、建議\n持續交流。");
  g_assert_true (g_file_set_contents (late_hold, "", 0, NULL));
  g_assert_true (g_file_set_contents (hung_hold, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_list_store_append (files, file);
    }

  /* Read when the dialog starts its workers. */
  g_setenv ("TR_IMPORT_WORKER", g_getenv ("TR_FAKE_IMPORT_WORKER"), TRUE);
  dialog = TR_IMPORT_DIALOG (tr_window_import (window, G_LIST_MODEL (files)));
  g_setenv ("TR_IMPORT_WORKER", real_worker, TRUE);
  items = tr_import_dialog_get_items (dialog);

  {
    g_autoptr(TrImportItem) item = g_list_model_get_item (items, 0);

    wait_until (tr_import_item_get_state (item) == TR_IMPORT_READY, 60000);
    tr_import_dialog_save (dialog);
    g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_SAVED);
  }

  /* The late file is read after Save All: saved as it comes. */
  g_unlink (late_hold);
  {
    g_autoptr(TrImportItem) item = g_list_model_get_item (items, 1);

    wait_until (tr_import_item_get_state (item) != TR_IMPORT_READING &&
                tr_import_item_get_state (item) != TR_IMPORT_WAITING, 60000);
    g_test_message ("late.pdf: %s", tr_import_item_get_message (item));
    g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_SAVED);
  }

  /* Both are in the library, as another connection sees it, while the
   * third still hangs. */
  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (other, &error), ==, 2);
  {
    g_autoptr(TrImportItem) item = g_list_model_get_item (items, 2);

    g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_READING);
    tr_import_dialog_cancel (dialog);
    wait_until (tr_import_dialog_is_idle (dialog), 10000);
    g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_CANCELLED);
  }
  g_unlink (hung_hold);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The crash test's child: a real window types into a section, says so, and
 * waits to be killed. */
static int
run_crash_child (const char *path,
                 const char *id,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  TrWindow *window;
  TrSectionEditor *editor;

  g_assert_no_error (error);
  window = tr_window_new (NULL, store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tr_window_open_report (window, id));
  editor = TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (window)),
                                                               TR_FIELD_OBSERVATIONS));
  type_into (editor, text);
  g_print ("typed\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* An encrypted PDF: the row asks for the password, a wrong one is said so,
 * the right one reads the file. */
static void
test_import_password (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.pdf", NULL);
  g_autofree char *locked = g_build_filename (fixture->dir, "有密碼的報告.pdf", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) locked_file = g_file_new_for_path (locked);
  g_autoptr(TrImportItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *qpdf_err = NULL;
  int status = 0;
  TrWindow *window = open_window (fixture);
  TrImportDialog *dialog;
  const char *qpdf[] = { "qpdf", "--encrypt", "公務", "owner-secret", "256", "--", plain, locked, NULL };

  make_pdf (plain, pdf_report);
  g_spawn_sync (NULL, (char **) qpdf, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &qpdf_err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_list_store_append (files, locked_file);

  dialog = TR_IMPORT_DIALOG (tr_window_import (window, G_LIST_MODEL (files)));
  item = wait_for_item (dialog, 0);
  g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_NEEDS_PASSWORD);

  tr_import_dialog_unlock (dialog, 0, "wrong");
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_NEEDS_PASSWORD);
  g_assert_cmpstr (tr_import_item_get_message (item), ==, "That password is not right; try again");

  tr_import_dialog_unlock (dialog, 0, "公務");
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  g_test_message ("%s", tr_import_item_get_message (item));
  g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_READY);
  g_assert_nonnull (strstr (tr_report_get_section (tr_import_item_get_report (item), TR_SECTION_PURPOSE),
                            "宜居城市"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The locale test's child: started with LANG=zh_TW.UTF-8, it shows the
 * window and prints what a person would read first. */
static int
run_locale_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  TrWindow *window;
  TrLibraryView *library;

  g_assert_no_error (error);
  window = tr_window_new (NULL, store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  library = TR_LIBRARY_VIEW (tr_window_get_library_view (window));
  g_print ("%s\n", gtk_window_get_title (GTK_WINDOW (window)));
  g_print ("%s\n", gtk_editable_get_text (GTK_EDITABLE (tr_library_view_get_search_entry (library))));
  {
    g_autofree char *placeholder = NULL;

    /* GtkSearchEntry gained a getter only in GTK 4.10. */
    g_object_get (tr_library_view_get_search_entry (library), "placeholder-text", &placeholder, NULL);
    g_print ("%s\n", placeholder);
  }
  return 0;
}

static char *test_program;

static void
test_follows_language (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const languages[][2] = {
    { "zh_TW.UTF-8", "zh_TW" },
    { "C.UTF-8", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *output = NULL;
      g_auto(GStrv) lines = NULL;

      g_subprocess_launcher_setenv (launcher, "LANG", languages[i][0], TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", languages[i][0], TRUE);
      if (languages[i][1] != NULL)
        g_subprocess_launcher_setenv (launcher, "LANGUAGE", languages[i][1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
      child = g_subprocess_launcher_spawn (launcher, &error, test_program, "--locale-child",
                                           fixture->path, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_successful (child));
      lines = g_strsplit (output, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 3);
      g_test_message ("%s: “%s”, “%s”", languages[i][0], lines[0], lines[2]);

      if (languages[i][1] != NULL)
        {
          /* zh_TW: the window's title and the search hint are in Chinese. */
          g_assert_cmpuint (tr_count_chinese_characters (lines[0]), >, 0);
          g_assert_cmpuint (tr_count_chinese_characters (lines[2]), >, 0);
        }
      else
        {
          g_assert_cmpstr (lines[0], ==, "Trip Reports");
          g_assert_cmpstr (lines[2], ==, "Search reports");
        }
    }
}



static void
test_crash_after_typing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "當機測試", "目的");
  const char *text = "這段心得在程式被強制結束前輸入。";
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autoptr(TrReport) after = NULL;
  g_autoptr(TrReportStore) reopened = NULL;

  /* The store of this process must not hold the file while the child writes. */
  g_clear_object (&fixture->store);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            test_program, "--crash-child", fixture->path, id, text, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "typed");

  g_usleep (1500 * G_TIME_SPAN_MILLISECOND);
  kill (atoi (g_subprocess_get_identifier (child)), SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));

  /* Restart: the app reads the same file and finds the text. */
  reopened = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  after = tr_report_store_load (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (after, TR_SECTION_OBSERVATIONS), ==, text);

  fixture->store = g_steal_pointer (&reopened);
  {
    TrWindow *window = open_window (fixture);
    g_autofree char *shown = NULL;

    g_assert_true (tr_window_open_report (window, id));
    shown = tr_section_editor_dup_text (text_editor (fixture, TR_FIELD_OBSERVATIONS));
    g_assert_cmpstr (shown, ==, text);
  }
}

/* Review: comments and status ------------------------------------------ */

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A widget of @type in a shown window, or NULL: a dialog is a window of
 * its own (libadwaita 1.2) or drawn inside its parent (1.5). */
static GtkWidget *
find_shown (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found;

      if (gtk_widget_get_visible (window) && (found = find_descendant (window, type)) != NULL)
        return found;
    }
  return NULL;
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

static gboolean
has_comment_tag (GtkTextBuffer *buffer,
                 int            offset)
{
  GtkTextIter iter;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "tr-comment");

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
test_comment_passage (Fixture       *fixture,
                      gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  TrReportEditor *editor;
  TrSectionEditor *process;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *alert;
  GtkListBox *list;
  GtkWidget *row;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  TrComment *comment;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  editor = get_editor (fixture);
  process = text_editor (fixture, TR_FIELD_PROCESS);
  type_into (process, "一、拜會東京都廳\n二、參訪交通局");

  /* Select 「東京都廳」 (characters 4–8) as the mouse would, and comment. */
  buffer = tr_section_editor_get_buffer (process);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 4);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 8);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-comment", NULL));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 2000);
  g_assert_true (GTK_IS_ENTRY (tr_alert_get_extra_child (alert)));
  /* Nothing to say, nothing to store. */
  g_assert_false (tr_alert_get_response_enabled (alert, "comment"));
  gtk_editable_set_text (GTK_EDITABLE (tr_alert_get_extra_child (alert)), "請寫出全名");
  g_assert_true (tr_alert_get_response_enabled (alert, "comment"));
  /* A click on Comment. */
  g_signal_emit_by_name (find_button (alert, _("Co_mment")), "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);

  /* In the file, through another connection, once the draft as typed is
   * saved: the draft and its comment. */
  wait_until (count_comments_independently (fixture, id) == 1, 3000);
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (stored->len, ==, 1);
  comment = stored->pdata[0];
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_PROCESS);
  g_assert_cmpuint (tr_comment_get_start (comment), ==, 4);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, 8);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "東京都廳");
  g_assert_cmpstr (tr_comment_get_body (comment), ==, "請寫出全名");
  g_assert_false (tr_comment_get_resolved (comment));
  {
    g_autoptr(TrReport) report = load_independently (fixture, id);

    g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PROCESS), ==, "一、拜會東京都廳\n二、參訪交通局");
  }
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Beside the editor: one row; the passage is highlighted, not around it. */
  list = tr_comments_panel_get_list (TR_COMMENTS_PANEL (tr_report_editor_get_comments_panel (editor)));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (has_comment_tag (buffer, 4));
  g_assert_true (has_comment_tag (buffer, 7));
  g_assert_false (has_comment_tag (buffer, 3));
  g_assert_false (has_comment_tag (buffer, 8));

  /* Text typed before the passage: the highlight moves with it. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  type_into (process, "（第一天）");
  g_assert_true (has_comment_tag (buffer, 9));
  g_assert_false (has_comment_tag (buffer, 4));

  /* Once saved, the file has the passage where it is now (slow under the
   * sanitizers on a busy machine). */
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_SAVED, 10000);
  wait_ms (100);
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (tr_comment_get_start (stored->pdata[0]), ==, 9);
  g_assert_cmpuint (tr_comment_get_end (stored->pdata[0]), ==, 13);
  g_assert_cmpstr (tr_comment_get_quote (stored->pdata[0]), ==, "東京都廳");
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* An edit inside the passage is part of it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 11);
  gtk_text_buffer_place_cursor (buffer, &start);
  type_into (process, "政府");
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_UNSAVED, 1000);
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_SAVED, 10000);
  wait_ms (100);
  stored = list_comments_independently (fixture, id);
  g_assert_cmpstr (tr_comment_get_quote (stored->pdata[0]), ==, "東京政府都廳");
  g_assert_cmpuint (tr_comment_get_end (stored->pdata[0]), ==, 15);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_true (has_comment_tag (buffer, 12));

  /* Clicking the row selects the passage. */
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 9);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 15);

  /* Resolve it: stored, no longer highlighted, offered to reopen. */
  g_signal_emit_by_name (find_named (row, "resolve"), "clicked");
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_true (tr_comment_get_resolved (stored->pdata[0]));
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_false (has_comment_tag (buffer, 9));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_named (row, "resolve"))), ==, _("_Reopen"));

  /* Delete it. */
  g_signal_emit_by_name (find_named (row, "delete"), "clicked");
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  /* No selection: no comment, and a message instead of a dialog. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-comment", NULL);
  wait_ms (100);
  g_assert_null (find_shown (TR_TYPE_ALERT));
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

static void
test_review_status_and_form (Fixture       *fixture,
                             gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  TrReportEditor *editor;
  GtkWidget *bar;
  TrLibraryView *library = TR_LIBRARY_VIEW (tr_window_get_library_view (window));
  GtkWidget *form;
  g_autofree char *id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  editor = get_editor (fixture);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    type_into (text_editor (fixture, TR_FIELD_FROM_SECTION (s)), "內容");
  bar = tr_report_editor_get_review_bar (editor);
  g_assert_cmpint (tr_review_bar_get_status (TR_REVIEW_BAR (bar)), ==, TR_REVIEW_STATUS_DRAFT);
  g_assert_nonnull (find_named (bar, "submit"));
  g_assert_null (find_named (bar, "approve"));

  /* Submit, return, back to draft, submit, approve: as the buttons offer. */
  g_signal_emit_by_name (find_named (bar, "submit"), "clicked");
  /* Once what was just typed is saved. */
  wait_until (stored_status (fixture, id) == TR_REVIEW_STATUS_SUBMITTED, 5000);
  wait_until (tr_review_bar_get_status (TR_REVIEW_BAR (bar)) == TR_REVIEW_STATUS_SUBMITTED, 5000);
  /* In review the text is read, not changed; a reviewer still selects it. */
  g_assert_false (gtk_text_view_get_editable (tr_section_editor_get_text_view (text_editor (fixture, TR_FIELD_PURPOSE))));
  g_assert_false (gtk_widget_get_sensitive (tr_report_editor_get_form_editor (editor)));
  g_signal_emit_by_name (find_named (bar, "return"), "clicked");
  g_assert_true (gtk_text_view_get_editable (tr_section_editor_get_text_view (text_editor (fixture, TR_FIELD_PURPOSE))));
  g_assert_true (gtk_widget_get_sensitive (tr_report_editor_get_form_editor (editor)));
  g_assert_cmpint (stored_status (fixture, id), ==, TR_REVIEW_STATUS_RETURNED);
  g_signal_emit_by_name (find_named (bar, "back-to-draft"), "clicked");
  g_assert_cmpint (stored_status (fixture, id), ==, TR_REVIEW_STATUS_DRAFT);
  g_signal_emit_by_name (find_named (bar, "submit"), "clicked");
  g_assert_nonnull (find_named (bar, "approve"));
  g_assert_null (find_named (bar, "submit"));

  /* The library knows the status: its status filter finds the draft. */
  tr_library_view_set_status_filter (library, TR_REVIEW_STATUS_SUBMITTED);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (tr_library_view_get_model (library))) == 1, 3000);
  tr_library_view_set_status_filter (library, TR_REVIEW_STATUS_APPROVED);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (tr_library_view_get_model (library))) == 0, 3000);

  g_signal_emit_by_name (find_named (bar, "approve"), "clicked");
  g_assert_cmpint (stored_status (fixture, id), ==, TR_REVIEW_STATUS_APPROVED);
  /* Approved is final: no step is offered. */
  g_assert_null (find_named (bar, "approve"));
  g_assert_null (find_named (bar, "return"));
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (tr_library_view_get_model (library))) == 1, 3000);

  /* The review form: items 1 and 2 worked out, the rest ticked here. */
  g_signal_emit_by_name (find_named (bar, "review_form"), "clicked");
  wait_until ((form = find_shown (TR_TYPE_REVIEW_FORM)) != NULL, 2000);
  {
    GtkTextView *remarks = GTK_TEXT_VIEW (find_named (form, "remarks"));
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReportStore) other = NULL;
    g_autoptr(TrReview) review = NULL;

    g_assert_nonnull (remarks);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (remarks), "內容尚可", -1);
    other = tr_report_store_open (fixture->path, &error);
    review = tr_report_store_load_review (other, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (tr_review_get_remarks (review), ==, "內容尚可");
    g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_SELF),
                     ==, TR_REVIEW_ANSWER_YES);
    g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_APPROVED);
  }
  tr_preferences_dialog_close (gtk_widget_get_ancestor (form, TR_TYPE_PREFERENCES_DIALOG));
  wait_until (find_shown (TR_TYPE_REVIEW_FORM) == NULL, 2000);
}

/* Closing with saves under way --------------------------------------------- */

/* Another process that writes the library: the sqlite3 shell, in the
 * middle of a write transaction (begun once the library's own writers
 * let it), for as long as its input stays open.
 * The window's saves wait for it past the store's busy timeout, then
 * fail. */
static GSubprocess *
hold_write_lock (const char *path)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                         &error, "sqlite3", "-bail", "-cmd", ".timeout 30000",
                                         "-cmd", "BEGIN IMMEDIATE;", path, NULL);
  sqlite3 *db = NULL;
  int rc = SQLITE_OK;

  g_assert_no_error (error);
  /* Held once a writer of our own is turned away. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 3000 && rc != SQLITE_BUSY; i++)
    {
      rc = sqlite3_exec (db, "BEGIN IMMEDIATE; ROLLBACK;", NULL, NULL, NULL);
      if (rc != SQLITE_BUSY)
        g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  sqlite3_close (db);
  g_assert_cmpint (rc, ==, SQLITE_BUSY);
  return shell;
}

static void
release_write_lock (GSubprocess *shell)
{
  g_autoptr(GError) error = NULL;

  /* End of input: the shell quits, its transaction rolled back. */
  g_output_stream_close (g_subprocess_get_stdin_pipe (shell), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (shell, NULL, &error);
  g_assert_no_error (error);
}

static void
window_destroyed (GtkWidget *window,
                  gboolean  *destroyed)
{
  *destroyed = TRUE;
}

static void
press_response (GtkWidget  *alert,
                const char *label)
{
  GtkWidget *button = find_button (alert, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);
}

/* A save that fails as the window closes: the window stays and asks.
 * Cancel keeps it open, with what was typed; Retry, once the library can
 * be written again, saves and closes. */
static void
test_close_save_fails_retry (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "關閉測試", "目的");
  const char *typed = "關閉視窗前最後輸入的心得。";
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  gboolean destroyed = FALSE;
  GtkWidget *alert;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  shell = hold_write_lock (fixture->path);
  type_into (text_editor (fixture, TR_FIELD_OBSERVATIONS), typed);

  /* The close waits for the save, which fails: the window asks. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (destroyed);
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (find_button (alert, _("_Retry")));
  g_assert_nonnull (find_button (alert, _("_Discard Changes")));

  /* Cancel: the window stays, the text with it. */
  press_response (alert, _("_Cancel"));
  wait_ms (100);
  g_assert_false (destroyed);
  {
    g_autofree char *shown = tr_section_editor_dup_text (text_editor (fixture, TR_FIELD_OBSERVATIONS));

    g_assert_cmpstr (shown, ==, typed);
  }

  /* Closing again, still locked out: asked again. */
  gtk_window_close (GTK_WINDOW (window));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  g_assert_false (destroyed);

  /* The other writer is done: Retry saves, and the window goes. */
  release_write_lock (shell);
  press_response (alert, _("_Retry"));
  wait_until (destroyed, 30000);
  fixture->window = NULL;
  stored = load_independently (fixture, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, typed);
}

/* Discard: the window goes without what could not be saved. */
static void
test_close_save_fails_discard (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "捨棄測試", "目的");
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  gboolean destroyed = FALSE;
  GtkWidget *alert;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  shell = hold_write_lock (fixture->path);
  type_into (text_editor (fixture, TR_FIELD_OBSERVATIONS), "不要的內容");

  gtk_window_close (GTK_WINDOW (window));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  press_response (alert, _("_Discard Changes"));
  wait_until (destroyed, 2000);
  fixture->window = NULL;

  release_write_lock (shell);
  stored = load_independently (fixture, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, "");
}

/* Nothing failed: the close waits for the last keystrokes to be saved,
 * then goes through by itself. */
static void
test_close_waits_for_save (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "等待儲存", "目的");
  const char *typed = "按下關閉前剛打的字。";
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  gboolean destroyed = FALSE;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  type_into (text_editor (fixture, TR_FIELD_OBSERVATIONS), typed);
  g_assert_cmpint (tr_report_editor_get_save_state (get_editor (fixture)), ==, TR_SAVE_STATE_UNSAVED);

  gtk_window_close (GTK_WINDOW (window));
  wait_until (destroyed, 10000);
  fixture->window = NULL;
  g_assert_null (find_shown (TR_TYPE_ALERT));
  stored = load_independently (fixture, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, typed);
}

/* Typed while the closing save runs (held up by another writer, for less
 * than the store's busy timeout): saved as well before the window goes. */
static void
test_close_typing_meanwhile (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, TR_REPORT_KIND_DRAFT, "關閉時仍在輸入", "目的");
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window = open_window (fixture);
  TrSectionEditor *editor;
  gboolean destroyed = FALSE;

  g_assert_true (tr_window_open_report (window, id));
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed), &destroyed);
  editor = text_editor (fixture, TR_FIELD_OBSERVATIONS);
  type_into (editor, "第一句。");
  shell = hold_write_lock (fixture->path);

  gtk_window_close (GTK_WINDOW (window));
  type_into (editor, "第二句。");
  g_assert_false (destroyed);
  release_write_lock (shell);

  wait_until (destroyed, 30000);
  fixture->window = NULL;
  g_assert_null (find_shown (TR_TYPE_ALERT));
  stored = load_independently (fixture, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, "第一句。第二句。");
}

/* Changes from another process ------------------------------------------- */

/* `trip-reports new` with @json on its input, against the window's
 * library; the new report's ID. */
static char *
run_cli_new (Fixture    *fixture,
             const char *json)
{
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                          g_getenv ("TR_BINARY"), "new", "--db", fixture->path, "--from-json", "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (cli, json, NULL, &output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (cli));
  return g_strdup (g_strstrip (output));
}

/* The command line writes the library while the window shows it: the
 * list follows by itself, without a save of the window's to prompt a
 * reload, and the window's own autosaves go on alongside. */
static void
test_library_follows_command_line (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *draft = store_report (fixture, TR_REPORT_KIND_DRAFT, "視窗中的草稿", "目的");
  g_autofree char *added = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  TrWindow *window = open_window (fixture);
  TrLibraryModel *model = tr_library_view_get_model (TR_LIBRARY_VIEW (tr_window_get_library_view (window)));

  g_assert_true (tr_window_open_report (window, draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Added by the real binary: the row comes. */
  added = run_cli_new (fixture, "{\"fields\": {\"title\": \"命令列新增的報告\", \"destination\": \"日本東京\"}}");
  wait_until (tr_library_model_find (model, added) != G_MAXUINT, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  /* Deleted by it: the row goes. */
  {
    g_autoptr(GSubprocess) delete = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                                       g_getenv ("TR_BINARY"), "delete", added,
                                                       "--db", fixture->path, NULL);

    g_assert_no_error (error);
    g_subprocess_wait_check (delete, NULL, &error);
    g_assert_no_error (error);
  }
  wait_until (tr_library_model_find (model, added) == G_MAXUINT, 10000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* Both write at once: the typing and the new report both land. */
  type_into (text_editor (fixture, TR_FIELD_PURPOSE), "，視窗也在寫");
  second = run_cli_new (fixture, "{\"fields\": {\"title\": \"同時新增的報告\"}}");
  wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 10000);
  wait_until (tr_library_model_find (model, second) != G_MAXUINT, 10000);
  {
    g_autoptr(TrReport) stored = load_independently (fixture, draft);

    g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "目的，視窗也在寫");
  }
}

/* One app, one window ---------------------------------------------------- */

static TrWindow *
find_app_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (TR_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
launch_ended (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *ended = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *ended = TRUE;
}

/* The real binary, as a desktop launches it: no --db, the default library. */
static GSubprocess *
launch_app (const char *first_argument,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *launch;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TR_BINARY"));
  va_start (args, first_argument);
  for (const char *argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  launch = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return launch;
}

/* Runs in a process of its own (g_test_trap_subprocess()), with
 * XDG_DATA_HOME and the session bus that the test set up: this process
 * is the app, started first; later launches of the real binary hand it
 * their command lines. */
static void
run_single_instance_child (void)
{
  g_autoptr(TrApplication) app = tr_application_new ();
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tr_report_store_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (dir, "第二次啟動.pdf", NULL);
  g_autofree char *id = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window;
  gboolean ended = FALSE;

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

    tr_report_set_text (report, TR_FIELD_TITLE, "從命令列開啟");
    g_assert_true (tr_report_store_save (store, report, &error));
    id = g_strdup (tr_report_get_id (report));
  }
  make_pdf (pdf, pdf_report);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  window = find_app_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);

  /* A second launch with a PDF: imported here, and it ends at once. */
  {
    g_autoptr(GSubprocess) launch = launch_app (pdf, NULL);

    g_subprocess_wait_async (launch, NULL, launch_ended, &ended);
    wait_until (ended, 30000);
    g_assert_true (g_subprocess_get_successful (launch));
    wait_until (find_shown (TR_TYPE_IMPORT_DIALOG) != NULL, 10000);
    g_assert_true (find_app_window (GTK_APPLICATION (app)) == window);
    gtk_window_destroy (GTK_WINDOW (find_shown (TR_TYPE_IMPORT_DIALOG)));
  }

  /* Another with --open: the report opens in the window there was. */
  {
    g_autoptr(GSubprocess) launch = launch_app ("--open", id, NULL);

    ended = FALSE;
    g_subprocess_wait_async (launch, NULL, launch_ended, &ended);
    wait_until (ended, 30000);
    g_assert_true (g_subprocess_get_successful (launch));
    wait_until (tr_window_get_report (window) != NULL, 10000);
    g_assert_cmpstr (tr_report_get_id (tr_window_get_report (window)), ==, id);
  }

  /* Quit right after typing: the app waits for the save, then its window
   * goes, and the app with it. */
  type_into (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (window)),
                                                                  TR_FIELD_PURPOSE)),
             "結束前輸入");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL, 10000);
  stored = tr_report_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "結束前輸入");
}

/* The X window of process @pid, if it shows one. */
static gboolean
has_x_window (GPid pid)
{
  Display *display = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  Atom pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  Window root, parent, *children = NULL;
  unsigned int n_children = 0;
  gboolean found = FALSE;

  if (!XQueryTree (display, DefaultRootWindow (display), &root, &parent, &children, &n_children))
    return FALSE;
  for (unsigned int i = 0; i < n_children && !found; i++)
    {
      XWindowAttributes attributes;
      Atom type;
      int format;
      unsigned long n_items, after;
      unsigned char *data = NULL;

      if (XGetWindowAttributes (display, children[i], &attributes) && attributes.map_state == IsViewable &&
          XGetWindowProperty (display, children[i], pid_atom, 0, 1, False, XA_CARDINAL, &type, &format,
                              &n_items, &after, &data) == Success && data != NULL && n_items == 1)
        found = (GPid) *(unsigned long *) data == pid;
      if (data != NULL)
        XFree (data);
    }
  XFree (children);
  return found;
}

/* Without a session bus: each launch is an app of its own, and both work.
 * The one here still waits for its last save when it quits. */
static void
run_without_bus_child (void)
{
  g_autoptr(TrApplication) app = tr_application_new ();
  g_autoptr(GSubprocess) launch = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GSubprocess) shell = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tr_report_store_get_default_path ();
  g_autofree char *id = NULL;
  g_autoptr(TrReport) stored = NULL;
  TrWindow *window;
  GtkWidget *alert;

  store = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);

    g_assert_true (tr_report_store_save (store, report, &error));
    id = g_strdup (tr_report_get_id (report));
  }

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));
  g_application_activate (G_APPLICATION (app));
  window = find_app_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);

  /* A second launch has no app to hand over to: it shows its own window. */
  launch = launch_app ("--open", id, NULL);
  wait_until (has_x_window (atoi (g_subprocess_get_identifier (launch))), 30000);
  g_subprocess_send_signal (launch, SIGTERM);
  g_subprocess_wait (launch, NULL, NULL);

  /* Quit with a save that cannot go through: the window asks, the app
   * stays; once the library can be written, Retry saves and the app ends. */
  g_assert_true (tr_window_open_report (window, id));
  shell = hold_write_lock (path);
  type_into (TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (window)),
                                                                  TR_FIELD_PURPOSE)),
             "離開時鎖住");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 30000);
  g_assert_true (find_app_window (GTK_APPLICATION (app)) == window);
  release_write_lock (shell);
  press_response (alert, _("_Retry"));
  wait_until (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL, 30000);
  stored = tr_report_store_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "離開時鎖住");
}

/* The child runs with this test's folder as its data folder: its
 * default library is a fresh one. */
static void
trap_app_child (Fixture *fixture)
{
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("XDG_DATA_HOME");
  g_test_trap_assert_passed ();
}

static void
test_single_instance (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autoptr(GTestDBus) bus = NULL;

  if (g_test_subprocess ())
    {
      run_single_instance_child ();
      return;
    }

  /* A session bus of the test's own; GTestDBus unsets DISPLAY. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  g_setenv ("DISPLAY", display, TRUE);
  trap_app_child (fixture);
  g_test_dbus_down (bus);
  g_setenv ("DISPLAY", display, TRUE);
}

static void
test_without_session_bus (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

  if (g_test_subprocess ())
    {
      run_without_bus_child ();
      return;
    }

  /* Nowhere to connect: as under a bare Xvfb. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  trap_app_child (fixture);
  if (address != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
}

#if defined(__SANITIZE_ADDRESS__)
/* Under the sanitize setup, LeakSanitizer must see whole stacks to tell
 * GLib's deliberate one-time leaks (tests/lsan.supp) from ours: GLib is
 * built without frame pointers, so the fast unwinder stops inside it.
 * Options from ASAN_OPTIONS still win over these. */
const char *__asan_default_options (void);

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
  test_program = argv[0];

  /* As main.c does: the build tree's translations when TR_LOCALEDIR says so. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TR_LOCALEDIR") != NULL ? g_getenv ("TR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 3 && g_str_equal (argv[1], "--locale-child"))
    {
      gtk_init ();
      adw_init ();
      return run_locale_child (argv[2]);
    }

  if (argc == 5 && g_str_equal (argv[1], "--crash-child"))
    {
      gtk_init ();
      adw_init ();
      return run_crash_child (argv[2], argv[3], argv[4]);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/draft/type-everything", Fixture, NULL, fixture_set_up,
              test_new_draft_type_everything, fixture_tear_down);
  g_test_add ("/ui/draft/long-draft-typing", Fixture, NULL, fixture_set_up,
              test_long_draft_typing, fixture_tear_down);
  g_test_add ("/ui/draft/headings-cannot-be-removed", Fixture, NULL, fixture_set_up,
              test_headings_cannot_be_removed, fixture_tear_down);
  g_test_add ("/ui/draft/photos-add-caption", Fixture, NULL, fixture_set_up,
              test_photos_add_caption, fixture_tear_down);
  g_test_add ("/ui/reader/imported-report-photos", Fixture, NULL, fixture_set_up,
              test_imported_report_photos, fixture_tear_down);
  g_test_add ("/ui/library/search-and-open", Fixture, NULL, fixture_set_up,
              test_search_and_open, fixture_tear_down);
  g_test_add ("/ui/reference/beside-draft", Fixture, NULL, fixture_set_up,
              test_reference_beside_draft, fixture_tear_down);
  g_test_add ("/ui/library/delete-and-undo", Fixture, NULL, fixture_set_up,
              test_delete_and_undo, fixture_tear_down);
  g_test_add ("/ui/export/while-typing", Fixture, NULL, fixture_set_up,
              test_export_while_typing, fixture_tear_down);
  g_test_add ("/ui/import/review-and-save", Fixture, NULL, fixture_set_up,
              test_import_review_save, fixture_tear_down);
  g_test_add ("/ui/import/password", Fixture, NULL, fixture_set_up,
              test_import_password, fixture_tear_down);
  g_test_add ("/ui/import/save-all-while-reading", Fixture, NULL, fixture_set_up,
              test_import_save_all_while_reading, fixture_tear_down);
  g_test_add ("/ui/locale/follows-language", Fixture, NULL, fixture_set_up,
              test_follows_language, fixture_tear_down);
  g_test_add ("/ui/review/comment-passage", Fixture, NULL, fixture_set_up,
              test_comment_passage, fixture_tear_down);
  g_test_add ("/ui/review/status-and-form", Fixture, NULL, fixture_set_up,
              test_review_status_and_form, fixture_tear_down);
  g_test_add ("/ui/crash/sigkill-after-typing", Fixture, NULL, fixture_set_up,
              test_crash_after_typing, fixture_tear_down);
  g_test_add ("/ui/library/follows-command-line", Fixture, NULL, fixture_set_up,
              test_library_follows_command_line, fixture_tear_down);
  g_test_add ("/ui/app/single-instance", Fixture, NULL, fixture_set_up,
              test_single_instance, fixture_tear_down);
  g_test_add ("/ui/app/without-session-bus", Fixture, NULL, fixture_set_up,
              test_without_session_bus, fixture_tear_down);
  g_test_add ("/ui/close/waits-for-save", Fixture, NULL, fixture_set_up,
              test_close_waits_for_save, fixture_tear_down);
  g_test_add ("/ui/close/typing-meanwhile", Fixture, NULL, fixture_set_up,
              test_close_typing_meanwhile, fixture_tear_down);
  g_test_add ("/ui/close/save-fails-retry", Fixture, NULL, fixture_set_up,
              test_close_save_fails_retry, fixture_tear_down);
  g_test_add ("/ui/close/save-fails-discard", Fixture, NULL, fixture_set_up,
              test_close_save_fails_discard, fixture_tear_down);

  return g_test_run ();
}
