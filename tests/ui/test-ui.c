/* test-ui.c: the window, driven as a user would, under Xvfb
 *
 * Each test opens a real window on a real library file, acts through the
 * widgets (entries, text buffers, actions, the search entry, the list) and
 * then checks the file through a second, independent store connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

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

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = open_test_library ("tr-ui-XXXXXX", &fixture->dir, &fixture->path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

TrWindow *
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

TrReportEditor *
get_editor (Fixture *fixture)
{
  return TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
}

TrSectionEditor *
text_editor (Fixture *fixture,
             TrField  field)
{
  return TR_SECTION_EDITOR (tr_report_editor_get_text_editor (get_editor (fixture), field));
}

/* Typing, as the keyboard does it: at the cursor, respecting editability. */
void
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

void
type_into_row (GtkWidget  *row,
               const char *text)
{
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

char *
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

/* A real PDF: each line of @text set with Pango on A4 pages, headings in
 * a bigger bold face. */
void
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

const char *pdf_report =
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

char *test_program;

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

  add_draft_tests ();
  add_library_tests ();
  add_import_tests ();
  add_import_duplicate_tests ();
  add_import_progress_tests ();
  add_review_tests ();
  add_app_tests ();

  return g_test_run ();
}
