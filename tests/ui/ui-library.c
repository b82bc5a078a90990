/* ui-library.c: the library list: search, open, delete and undo, export while typing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

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

typedef struct {
  TrWindow *window;
  gboolean seen;
  gboolean loaded;          /* at the first rows */
  guint n_items;
  char *content;            /* what the content area showed then */
} FirstRows;

static void
first_rows_listed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   FirstRows  *first)
{
  if (first->seen || g_list_model_get_n_items (model) == 0)
    return;
  first->seen = TRUE;
  first->loaded = tr_library_model_is_loaded (TR_LIBRARY_MODEL (model));
  first->n_items = g_list_model_get_n_items (model);
  first->content = g_strdup (gtk_stack_get_visible_child_name (first->window->content_stack));
}

/* A big library lists its newest reports before it is read whole: the
 * content area then asks to pick one, rather than stay blank until the
 * last row is read. */
static void
test_first_rows_placeholder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  FirstRows first = { 0 };
  TrLibraryModel *model;
  guint failed = 0;

  for (guint i = 0; i < 300; i++)
    {
      TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
      g_autofree char *title = g_strdup_printf ("第%u份考察報告", i);

      tr_report_set_text (report, TR_FIELD_TITLE, title);
      g_ptr_array_add (reports, report);
    }
  g_assert_true (tr_report_store_save_batch (fixture->store, reports, &failed, &error));
  g_assert_no_error (error);

  fixture->window = tr_window_new (NULL, fixture->store, NULL, NULL);
  first.window = fixture->window;
  model = tr_library_view_get_model (TR_LIBRARY_VIEW (tr_window_get_library_view (fixture->window)));
  g_signal_connect_after (model, "items-changed", G_CALLBACK (first_rows_listed), &first);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "loading");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (tr_library_model_is_loaded (model), 5000);

  g_assert_true (first.seen);
  g_assert_false (first.loaded);
  g_assert_cmpuint (first.n_items, <, 300);
  g_assert_cmpstr (first.content, ==, "no-selection");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->content_stack), ==, "no-selection");
  g_signal_handlers_disconnect_by_data (model, &first);
  g_free (first.content);
}

static gboolean
is_toast_undo_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
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
    GtkWidget *button = find_matching (toast_overlay, is_toast_undo_button, NULL);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }

  wait_until (tr_report_store_count (fixture->store, NULL) == 1, 2000);
  back = load_independently (fixture->path, id);
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
    g_autoptr(TrReport) stored = load_independently (fixture->path, draft);

    g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "目的，視窗也在寫");
  }
}

void
add_library_tests (void)
{
  g_test_add ("/ui/library/search-and-open", Fixture, NULL, fixture_set_up,
              test_search_and_open, fixture_tear_down);
  g_test_add ("/ui/library/first-rows-placeholder", Fixture, NULL, fixture_set_up,
              test_first_rows_placeholder, fixture_tear_down);
  g_test_add ("/ui/library/delete-and-undo", Fixture, NULL, fixture_set_up,
              test_delete_and_undo, fixture_tear_down);
  g_test_add ("/ui/export/while-typing", Fixture, NULL, fixture_set_up,
              test_export_while_typing, fixture_tear_down);
  g_test_add ("/ui/library/follows-command-line", Fixture, NULL, fixture_set_up,
              test_library_follows_command_line, fixture_tear_down);
}
