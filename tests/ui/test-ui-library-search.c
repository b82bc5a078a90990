/* test-ui-library-search.c: from the library's search to the words in the
 * report, in a real window under Xvfb, keys sent through the X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>

#include "editor/tr-find-bar-private.h"
#include "editor/tr-report-editor-private.h"
#include "library/tr-library-view-private.h"
#include "reader/tr-report-view.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-keys.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrWindow *window;
  char *imported_id;
  char *draft_id;
} Fixture;

/* Forty paragraphs of 心得, the word sought only in the last. */
static char *
long_observations (const char *word)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "（%u）本段說明參訪單位之業務推動情形與組織架構，並比較我國現行制度之差異。\n", i + 1);
  g_string_append_printf (text, "（四十一）%s之經驗值得借鏡。", word);
  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) imported = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(TrReport) draft = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autofree char *imported_text = long_observations ("韌性城市");
  g_autofree char *draft_text = long_observations ("海綿城市");

  fixture->dir = g_dir_make_tmp ("tr-ui-library-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);

  tr_report_set_text (imported, TR_FIELD_TITLE, "赴荷蘭考察都市防洪出國報告");
  tr_report_set_text (imported, TR_FIELD_PERIOD_START, "2016-05-02");
  tr_report_set_section (imported, TR_SECTION_OBSERVATIONS, imported_text);
  g_assert_true (tr_report_store_save (fixture->store, imported, &error));
  fixture->imported_id = g_strdup (tr_report_get_id (imported));
  tr_report_set_text (draft, TR_FIELD_TITLE, "赴德國考察雨水管理出國報告");
  tr_report_set_section (draft, TR_SECTION_OBSERVATIONS, draft_text);
  g_assert_true (tr_report_store_save (fixture->store, draft, &error));
  fixture->draft_id = g_strdup (tr_report_get_id (draft));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  release_and_wait (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->imported_id);
  g_free (fixture->draft_id);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static TrLibraryView *
library_view (Fixture *fixture)
{
  return TR_LIBRARY_VIEW (tr_window_get_library_view (fixture->window));
}

/* The window, the library searched for @query, the focus in the search. */
static void
search_for (Fixture    *fixture,
            const char *query)
{
  TrLibraryModel *model;
  GtkWidget *entry;

  fixture->window = tr_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000);
  model = tr_library_view_get_model (library_view (fixture));
  wait_until (tr_library_model_is_loaded (model), 5000);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 2, 5000);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  entry = GTK_WIDGET (tr_library_view_get_search_entry (library_view (fixture)));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (model)) == 1 &&
              g_strcmp0 (tr_library_model_get_query (model), query) == 0, 5000);
  wait_ms (100);
}

/* Enter opens the first hit; the reader shows the words, marked. */
static void
test_enter_opens_first_hit (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkAdjustment *adjustment;
  GtkTextIter start, match_start, match_end;

  search_for (fixture, "韌性城市");
  g_assert_null (tr_window_get_report (fixture->window));
  send_x_key (fixture->window, GDK_KEY_Return, 0, 200);
  wait_until (tr_window_get_report (fixture->window) != NULL, 3000);
  g_assert_cmpstr (tr_report_get_id (tr_window_get_report (fixture->window)), ==, fixture->imported_id);

  /* The reader, scrolled down to the 41st paragraph, the words marked. */
  text_view = GTK_TEXT_VIEW (gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (fixture->window->report_view))));
  g_assert_true (GTK_IS_TEXT_VIEW (text_view));
  buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "韌性城市", 0, &match_start, &match_end, NULL));
  g_assert_true (gtk_text_iter_has_tag (&match_start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                                "search-match")));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  wait_until (gtk_adjustment_get_value (adjustment) > 0, 3000);
  {
    GdkRectangle location, visible;

    wait_ms (200);
    gtk_text_view_get_iter_location (text_view, &match_start, &location);
    gtk_text_view_get_visible_rect (text_view, &visible);
    g_assert_true (location.y >= visible.y && location.y + location.height <= visible.y + visible.height);
  }
}

/* Down moves from the search into the list, on the first report found. */
static void
test_down_moves_to_results (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *list;
  GtkWidget *focus;
  GtkSelectionModel *selection;

  search_for (fixture, "韌性城市");
  list = GTK_WIDGET (tr_library_view_get_list_view (library_view (fixture)));
  send_x_key (fixture->window, GDK_KEY_Down, 0, 200);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == list || (focus != NULL && gtk_widget_is_ancestor (focus, list)));
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  /* And Enter there opens it. */
  send_x_key (fixture->window, GDK_KEY_Return, 0, 200);
  wait_until (tr_window_get_report (fixture->window) != NULL, 3000);
}

/* A draft found opens with the find bar on the words, the first match
 * selected in its section. */
static void
test_draft_hit_shows_matches (Fixture       *fixture,
                              gconstpointer  data)
{
  TrFindBar *bar = NULL;
  GtkWidget *editor;

  search_for (fixture, "海綿城市");
  send_x_key (fixture->window, GDK_KEY_Return, 0, 200);
  wait_until (tr_window_get_report (fixture->window) != NULL, 3000);
  g_assert_cmpstr (tr_report_get_id (tr_window_get_report (fixture->window)), ==, fixture->draft_id);

  editor = tr_window_get_editor (fixture->window);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (editor)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (TR_IS_FIND_BAR (w))
      bar = TR_FIND_BAR (w);
  g_assert_nonnull (bar);
  g_assert_true (tr_find_bar_is_open (bar));
  g_assert_cmpuint (tr_find_bar_get_n_matches (bar), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (tr_find_bar_get_search_entry (bar)), ==, "海綿城市");
}

static void
select_label (GtkDropDown *dropdown,
              const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

/* The longest choices of the filters cut short in their buttons: the
 * sidebar keeps its width and the window, 1100 pixels wide, does not fold. */
static void
test_filters_keep_sidebar_width (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *view;
  GtkDropDown *dropdowns[3] = { NULL, };
  guint n_dropdowns = 0;
  int minimum, natural;

  fixture->window = tr_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000);
  wait_until (tr_library_model_is_loaded (tr_library_view_get_model (library_view (fixture))), 5000);
  view = GTK_WIDGET (library_view (fixture));

  /* The kind, status and year filters, in that order. */
  {
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, view);
    while (stack->len > 0)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, 0);

        if (GTK_IS_DROP_DOWN (widget) && n_dropdowns < 3)
          dropdowns[n_dropdowns++] = GTK_DROP_DOWN (widget);
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_cmpuint (n_dropdowns, ==, 3);

  select_label (dropdowns[1], "Returned for Correction");
  select_label (dropdowns[2], "2016 (民國105年)");
  wait_ms (300);
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 320);
  g_assert_cmpint (gtk_widget_get_width (view), <=, 400);
  g_assert_false (tr_split_view_get_collapsed (fixture->window->split_view));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gdk_set_allowed_backends ("x11");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/library-search/enter-opens-first-hit", Fixture, NULL, fixture_set_up,
              test_enter_opens_first_hit, fixture_tear_down);
  g_test_add ("/ui/library-search/down-moves-to-results", Fixture, NULL, fixture_set_up,
              test_down_moves_to_results, fixture_tear_down);
  g_test_add ("/ui/library-search/draft-hit-shows-matches", Fixture, NULL, fixture_set_up,
              test_draft_hit_shows_matches, fixture_tear_down);
  g_test_add ("/ui/library-search/filters-keep-sidebar-width", Fixture, NULL, fixture_set_up,
              test_filters_keep_sidebar_width, fixture_tear_down);
  return g_test_run ();
}
