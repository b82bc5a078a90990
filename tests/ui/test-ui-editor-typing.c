/* test-ui-editor-typing.c: what a section does as text comes into it —
 * loaded in pieces, typed, pasted — under Xvfb
 *
 * The work done per insertion is kept to the lines it touched and the
 * text it brought (tr-section-editor.c, tr-body-section-editor.c); these
 * tests hold that work to the same result as doing it the long way: every
 * numbered line indented by its level, no other line indented, the
 * counter exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
#include "tr-numbering.h"
#include "tr-problem.h"
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
  fixture->store = open_test_library ("tr-ui-editor-typing-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

/* @pages pages of about 600 characters, every fifth paragraph numbered at
 * one of the four levels, some of them after spaces. */
static char *
make_numbered_text (guint pages)
{
  static const char * const numbers[] = { "一、", "（二）", "3. ", "(4)", "  五、", "1.5 倍" };
  GString *text = g_string_new (NULL);

  for (guint page = 0; page < pages; page++)
    for (guint paragraph = 0; paragraph < 10; paragraph++)
      g_string_append_printf (text, "%s第%u頁第%u段：與各機關就數位政府深入交流，並參訪相關設施。\n",
                              paragraph % 5 == 0 ? numbers[(page + paragraph) % G_N_ELEMENTS (numbers)] : "",
                              page + 1, paragraph + 1);
  return g_string_free (text, FALSE);
}

static TrSectionEditor *
open_section (Fixture    *fixture,
              const char *process)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GError) error = NULL;
  TrReportEditor *editor;

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府出國報告");
  tr_report_set_section (report, TR_SECTION_PROCESS, process);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));

  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  editor = TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
  return TR_SECTION_EDITOR (tr_report_editor_get_text_editor (editor, TR_FIELD_PROCESS));
}

/* The level tag the line at @line has from its start to its end, 0 for
 * none; fails on a line tagged in part, or with two levels. */
static guint
line_level (GtkTextBuffer *buffer,
            int            line)
{
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter start, end;
  guint found = 0;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  for (guint level = 1; level <= TR_NUMBERING_PARENTHESIZED_ARABIC; level++)
    {
      g_autofree char *name = g_strdup_printf ("level-%u", level);
      GtkTextTag *tag = gtk_text_tag_table_lookup (tags, name);
      GtkTextIter toggle = start;
      gboolean on_at_start;

      g_assert_nonnull (tag);
      on_at_start = gtk_text_iter_has_tag (&start, tag);
      /* Whole or nothing: no toggle inside the line. */
      if (gtk_text_iter_forward_to_tag_toggle (&toggle, tag) && gtk_text_iter_compare (&toggle, &end) < 0 &&
          !(on_at_start && gtk_text_iter_equal (&toggle, &start)))
        g_error ("line %d is tagged %s in part", line, name);
      if (!on_at_start)
        continue;
      g_assert_cmpuint (found, ==, 0);
      found = level;
    }
  return found;
}

/* Every line has the level its number gives it, and no other. */
static void
assert_levels (TrSectionEditor *editor)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
  int lines = gtk_text_buffer_get_line_count (buffer);

  for (int line = 0; line < lines; line++)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      guint expected;

      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      expected = tr_numbering_get_level (text, NULL);
      /* An empty line has nothing to tag. */
      if (text[0] == '\0')
        expected = 0;
      if (line_level (buffer, line) != expected)
        g_error ("line %d “%s” has level %u, not %u", line, text, line_level (buffer, line), expected);
    }
}

static void
assert_counted (TrSectionEditor *editor)
{
  g_autofree char *text = tr_section_editor_dup_text (editor);

  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, tr_section_editor_count_text (text, -1));
}

static void
count_insertion (GtkTextBuffer *buffer,
                 GtkTextIter   *location,
                 const char    *text,
                 int            length,
                 guint         *n_insertions)
{
  (*n_insertions)++;
}

/* A 300-page section is whole in its buffer as soon as it is opened: the
 * first key, typed before the first frame, inserts itself and nothing
 * else (it used to bring in the rest of the section first, and pay for
 * it). */
static void
test_whole_when_opened (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *text = make_numbered_text (300);
  TrSectionEditor *editor = open_section (fixture, text);
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
  g_autofree char *typed = g_strconcat ("開", text, NULL);
  g_autofree char *in_buffer = NULL;
  GtkTextIter start, end;
  guint n_insertions = 0;

  g_assert_cmpuint (strlen (text), >, 250 * 1000);
  g_assert_cmpuint (strlen (text), <=, TR_SECTION_EDITOR_LOAD_AT_ONCE);
  g_assert_false (tr_section_editor_is_loading (editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  in_buffer = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_equal (in_buffer, text));
  assert_levels (editor);
  assert_counted (editor);

  g_signal_connect (buffer, "insert-text", G_CALLBACK (count_insertion), &n_insertions);
  tr_section_editor_focus_at (editor, -1);
  g_signal_emit_by_name (tr_section_editor_get_text_view (editor), "insert-at-cursor", "開");
  g_signal_handlers_disconnect_by_func (buffer, count_insertion, &n_insertions);
  g_assert_cmpuint (n_insertions, ==, 1);
  g_clear_pointer (&in_buffer, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  in_buffer = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_equal (in_buffer, typed));
  assert_counted (editor);
}

/* The rest of a section too long to load at once brought in, as the first key does:
 * numbered lines indented, the count that of the whole text. */
static void
test_loaded_at_first_key (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = make_numbered_text (1300);
  TrSectionEditor *editor = open_section (fixture, text);
  g_autofree char *loaded = NULL;

  g_assert_cmpuint (strlen (text), >, TR_SECTION_EDITOR_LOAD_AT_ONCE);
  g_assert_true (tr_section_editor_is_loading (editor));
  tr_section_editor_finish_loading (editor);
  g_assert_false (tr_section_editor_is_loading (editor));
  loaded = tr_section_editor_dup_text (editor);
  g_assert_true (g_str_equal (loaded, text));
  assert_levels (editor);
  assert_counted (editor);
}

/* The same, the pieces left to come in from idles. */
static void
test_loaded_in_pieces (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = make_numbered_text (1300);
  TrSectionEditor *editor = open_section (fixture, text);

  g_assert_cmpuint (strlen (text), >, TR_SECTION_EDITOR_LOAD_AT_ONCE);
  g_assert_true (tr_section_editor_is_loading (editor));
  wait_until (!tr_section_editor_is_loading (editor), 60000);
  assert_levels (editor);
  assert_counted (editor);
}

static void
insert_at (TrSectionEditor *editor,
           int              line,
           int              offset,
           const char      *text)
{
  GtkTextView *view = tr_section_editor_get_text_view (editor);
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* As a key or a paste does: the key binding's signal, one user action. */
  g_signal_emit_by_name (view, "insert-at-cursor", text);
}

static void
delete_at (TrSectionEditor *editor,
           int              line,
           int              offset,
           int              characters)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, line, offset);
  end = start;
  gtk_text_iter_forward_chars (&end, characters);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
}

/* Deletes the line break at the end of @line. */
static void
join_with_next (TrSectionEditor *editor,
                int              line)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  gtk_text_iter_forward_to_line_end (&start);
  end = start;
  gtk_text_iter_forward_char (&end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
}

/* A number typed, pasted, broken and deleted: only the lines touched
 * change level, and to the level their text now has. */
static void
test_numbers_typed_and_pasted (Fixture       *fixture,
                               gconstpointer  data)
{
  TrSectionEditor *editor = open_section (fixture, "本次考察行程\n（一）參訪數位政府機關\n第二段文字\n");
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);

  assert_levels (editor);
  g_assert_cmpuint (line_level (buffer, 1), ==, TR_NUMBERING_PARENTHESIZED_CHINESE);

  /* Typed at the start of a plain line, a character at a time. */
  insert_at (editor, 0, 0, "一");
  insert_at (editor, 0, 1, "、");
  g_assert_cmpuint (line_level (buffer, 0), ==, TR_NUMBERING_CHINESE);
  assert_levels (editor);

  /* Lines pasted inside a numbered one: what was after the cursor goes to
   * the last pasted line, which has no number of its own. */
  insert_at (editor, 1, 5, "甲\n2. 乙\n丙");
  assert_levels (editor);
  g_assert_cmpuint (line_level (buffer, 1), ==, TR_NUMBERING_PARENTHESIZED_CHINESE);
  g_assert_cmpuint (line_level (buffer, 2), ==, TR_NUMBERING_ARABIC);
  g_assert_cmpuint (line_level (buffer, 3), ==, 0);

  /* Lines broken by a carriage return or a paragraph separator, as GTK
   * breaks them. */
  insert_at (editor, 3, 0, "(3)\r(4) 丁\xe2\x80\xa9" "五、");
  assert_levels (editor);
  g_assert_cmpuint (line_level (buffer, 4), ==, TR_NUMBERING_PARENTHESIZED_ARABIC);
  g_assert_cmpuint (line_level (buffer, 5), ==, TR_NUMBERING_CHINESE);

  /* The number deleted: the line is plain again. */
  delete_at (editor, 0, 0, 2);
  g_assert_cmpuint (line_level (buffer, 0), ==, 0);
  /* A line break deleted: the lines joined take the first one's level. */
  join_with_next (editor, 1);
  assert_levels (editor);
  g_assert_cmpuint (line_level (buffer, 1), ==, TR_NUMBERING_PARENTHESIZED_CHINESE);
  assert_counted (editor);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *notified)
{
  (*notified)++;
}

/* A burst of keys does not give the counter new text per key (each time
 * the window would be laid out again), and the counter catches up with
 * the exact count within a moment, during the burst and after it. */
static void
test_counter_follows_typing (Fixture       *fixture,
                             gconstpointer  data)
{
  TrSectionEditor *editor = open_section (fixture, "本次考察行程\n");
  GtkTextView *view = tr_section_editor_get_text_view (editor);
  GtkInscription *label = tr_section_editor_get_count_label (editor);
  guint notified = 0;
  gulong handler;

  g_assert_true (label_shows (label, 6));
  handler = g_signal_connect (label, "notify::text", G_CALLBACK (count_notify), &notified);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (guint i = 0; i < 20; i++)
    g_signal_emit_by_name (view, "insert-at-cursor", "字");
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, 26);
  g_assert_cmpuint (notified, <=, 1);
  wait_until (label_shows (label, 26), 30000);

  /* Keys typed at a typist's pace, for a second: the counter moves while
   * they come, not only once they stop. */
  notified = 0;
  for (guint i = 0; i < 20; i++)
    {
      gint64 next = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;

      g_signal_emit_by_name (view, "insert-at-cursor", "字");
      while (g_get_monotonic_time () < next)
        g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpuint (notified, >=, 2);
  g_assert_cmpuint (notified, <, 20);
  wait_until (label_shows (label, 46), 30000);
  g_signal_handler_disconnect (label, handler);
}

static void
window_sized (GdkToplevel     *toplevel,
              GdkToplevelSize *size,
              guint           *sized)
{
  (*sized)++;
}

/* The width @counter's text takes. */
static int
text_width (GtkInscription *counter)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (counter),
                                                                gtk_inscription_get_text (counter));
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A new count is drawn, not laid out: the window is not measured again
 * (on X11, a request to the server too), only when the count grows
 * longer than the counter keeps room for. */
static void
test_counter_drawn_without_layout (Fixture       *fixture,
                                   gconstpointer  data)
{
  TrSectionEditor *editor = open_section (fixture, "本次考察行程\n");
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  GtkInscription *counter = tr_section_editor_get_count_label (editor);
  guint sized = 0;
  gulong handler;

  wait_ms (500);
  g_assert_true (label_shows (counter, 6));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (counter)), >=, text_width (counter));
  handler = g_signal_connect (surface, "compute-size", G_CALLBACK (window_sized), &sized);
  for (guint count = 1; count <= 3; count++)
    {
      tr_section_editor_set_counted_elsewhere (editor, count * 11);
      g_assert_true (label_shows (counter, 6 + count * 11));
      wait_ms (100);
    }
  g_test_message ("the window was measured %u times", sized);
  g_assert_cmpuint (sized, ==, 0);

  /* A count of more digits than there is room for: the counter grows. */
  tr_section_editor_set_counted_elsewhere (editor, 1234567890);
  wait_ms (200);
  g_assert_true (label_shows (counter, 6 + 1234567890));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (counter)), >=, text_width (counter));
  g_signal_handler_disconnect (surface, handler);
}

static gboolean
has_problem_for (GListModel *problems,
                 const char *target)
{
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(TrProblem) problem = g_list_model_get_item (problems, i);

      if (g_strcmp0 (tr_problem_get_target (problem), target) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Typed text is saved by the autosave alone, and the completeness panel
 * follows it; its rows for the problems that stay are the same rows, not
 * built again after each save while the user types. */
static void
test_problems_kept_across_saves (Fixture       *fixture,
                                 gconstpointer  data)
{
  TrSectionEditor *process = open_section (fixture, "本次考察行程\n");
  TrReportEditor *editor = TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
  GListModel *problems = tr_report_editor_get_problems (editor);
  GtkListBox *list = GTK_LIST_BOX (find_named (GTK_WIDGET (editor), "problem_list"));
  TrSectionEditor *purpose = TR_SECTION_EDITOR (tr_report_editor_get_text_editor (editor, TR_FIELD_PURPOSE));
  const char *purpose_key = tr_section_get_key (TR_SECTION_PURPOSE);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *first_row, *last_row;
  guint count = g_list_model_get_n_items (problems);

  g_assert_nonnull (list);
  g_assert_cmpuint (count, >, 2);
  g_assert_true (has_problem_for (problems, purpose_key));
  first_row = gtk_list_box_get_row_at_index (list, 0);
  last_row = gtk_list_box_get_row_at_index (list, count - 1);
  g_object_add_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);
  g_object_add_weak_pointer (G_OBJECT (last_row), (gpointer *) &last_row);

  /* Text that changes no problem. */
  insert_at (process, 0, 0, "補充：");
  g_assert_cmpint (tr_report_editor_get_save_state (editor), ==, TR_SAVE_STATE_UNSAVED);
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_SAVED, 10000);
  stored = tr_report_store_load (fixture->store, tr_report_get_id (tr_report_editor_get_report (editor)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PROCESS), ==, "補充：本次考察行程\n");
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, count);
  g_assert_true (first_row != NULL && gtk_list_box_get_row_at_index (list, 0) == first_row);
  g_assert_true (last_row != NULL && gtk_list_box_get_row_at_index (list, count - 1) == last_row);

  /* Text that fixes one: its row goes, the others stay. */
  insert_at (purpose, 0, 0, "考察愛沙尼亞數位政府。");
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_SAVED, 10000);
  g_assert_false (has_problem_for (problems, purpose_key));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, count - 1);
  g_assert_true (first_row != NULL && gtk_list_box_get_row_at_index (list, 0) == first_row);
  g_assert_true (last_row != NULL && gtk_list_box_get_row_at_index (list, count - 2) == last_row);
  if (first_row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);
  if (last_row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (last_row), (gpointer *) &last_row);
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

  g_test_add ("/ui-editor-typing/loaded/whole-when-opened", Fixture, NULL, fixture_set_up,
              test_whole_when_opened, fixture_tear_down);
  g_test_add ("/ui-editor-typing/loaded/at-first-key", Fixture, NULL, fixture_set_up,
              test_loaded_at_first_key, fixture_tear_down);
  g_test_add ("/ui-editor-typing/loaded/in-pieces", Fixture, NULL, fixture_set_up,
              test_loaded_in_pieces, fixture_tear_down);
  g_test_add ("/ui-editor-typing/numbers/typed-and-pasted", Fixture, NULL, fixture_set_up,
              test_numbers_typed_and_pasted, fixture_tear_down);

  g_test_add ("/ui-editor-typing/counter/follows-typing", Fixture, NULL, fixture_set_up,
              test_counter_follows_typing, fixture_tear_down);
  g_test_add ("/ui-editor-typing/counter/drawn-without-layout", Fixture, NULL, fixture_set_up,
              test_counter_drawn_without_layout, fixture_tear_down);
  g_test_add ("/ui-editor-typing/problems/kept-across-saves", Fixture, NULL, fixture_set_up,
              test_problems_kept_across_saves, fixture_tear_down);

  return g_test_run ();
}
