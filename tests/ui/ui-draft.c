/* ui-draft.c: drafting in the window: typing, headings, photos, the reader, a reference
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

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

  stored = load_independently (fixture->path, id);
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
    g_autoptr(TrReport) after = load_independently (fixture->path, id);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (after))), ==, 1);
  }

  /* Undo in a section, the section's history, is saved as well. */
  {
    GtkWidget *appendix = GTK_WIDGET (text_editor (fixture, TR_FIELD_APPENDIX));
    g_autoptr(TrReport) undone = NULL;

    g_assert_true (tr_body_blocks_undo (TR_BODY_BLOCKS (find_descendant (appendix, TR_TYPE_BODY_BLOCKS))));
    wait_ms (1000);
    wait_until (tr_report_editor_get_save_state (get_editor (fixture)) == TR_SAVE_STATE_SAVED, 2000);
    undone = load_independently (fixture->path, id);
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
  stored = load_independently (fixture->path, id);
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
  stored = load_independently (fixture->path, id);
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
  stored = load_independently (fixture->path, id);
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
  stored = load_independently (fixture->path, id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (stored))), ==, 1);
  {
    g_autoptr(TrPhoto) only = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (stored)), 0);

    g_assert_cmpstr (tr_photo_get_caption (only), ==, "第二張");
    g_assert_true (g_bytes_equal (tr_photo_get_data (only), second_png));
  }
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
  GtkWidget *reader;
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
  reader = gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (get_editor (fixture)))), "view");
  text_view = GTK_TEXT_VIEW (find_descendant (reader, GTK_TYPE_TEXT_VIEW));
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
  text_view = GTK_TEXT_VIEW (find_descendant (reference_pane, GTK_TYPE_TEXT_VIEW));
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

void
add_draft_tests (void)
{
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
  g_test_add ("/ui/reference/beside-draft", Fixture, NULL, fixture_set_up,
              test_reference_beside_draft, fixture_tear_down);
}
