/* test-ui-editor-loading.c: a long section typed into while its pieces are
 * still coming in, under Xvfb
 *
 * A section longer than TR_SECTION_EDITOR_LOAD_AT_ONCE, some 600 pages,
 * comes into its buffer in pieces after the report opens
 * (tr-section-editor.c); what is typed meanwhile must be
 * undone and redone like anything else typed, and saved whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "editor/tr-body-blocks.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "library/tr-library-view-private.h"
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
  fixture->store = open_test_library ("tr-ui-editor-loading-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

/* A report whose 過程 is @pages pages of about 600 characters, in lines
 * of 30 or so, each a paragraph. */
static TrReport *
save_long_report (Fixture *fixture,
                  guint    pages,
                  char   **out_text)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrBenchText) generator = tr_bench_text_new (pages);
  const TrBenchTextParams params = {
    .shape = TR_BENCH_TEXT_PAGES,
    .n_pages = pages,
    .lines_per_page = 20,
    .chars_per_line = 30,
  };
  g_autofree char *text = tr_bench_text_make_text (generator, &params);
  g_autoptr(GError) error = NULL;

  /* Pieces are loaded a line at a time: many lines, none long. */
  g_assert_cmpuint (g_utf8_strlen (text, -1), >=, pages * 550);
  g_assert_cmpuint (strlen (text), <, pages * 20 * 200);
  /* Too long to be loaded at once. */
  g_assert_cmpuint (strlen (text), >, TR_SECTION_EDITOR_LOAD_AT_ONCE);
  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府出國報告");
  tr_report_set_section (report, TR_SECTION_PROCESS, text);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  *out_text = g_steal_pointer (&text);
  return report;
}

static TrSectionEditor *
open_section (Fixture  *fixture,
              TrReport *report)
{
  TrReportEditor *editor;

  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
  editor = TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
  return TR_SECTION_EDITOR (tr_report_editor_get_text_editor (editor, TR_FIELD_PROCESS));
}

/* A key as the keyboard types it: the key binding's signal, one user
 * action of the buffer. */
static void
type_key (GtkTextView *view,
          const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_signal_emit_by_name (view, "insert-at-cursor", text);
}

/* The buffer holds @expected: where it differs, if it does. */
static void
assert_buffer_text (TrSectionEditor *editor,
                    const char      *expected)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (editor);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  gsize at = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  while (text[at] != '\0' && text[at] == expected[at])
    at++;
  if (text[at] != expected[at])
    g_test_message ("the buffer's %zu bytes differ from the %zu expected from byte %zu: “%.30s”",
                    strlen (text), strlen (expected), at, text + at);
  g_assert_true (text[at] == expected[at]);
}

static void
test_undo_keeps_what_was_typed_while_loading (Fixture       *fixture,
                                              gconstpointer  data)
{
  g_autofree char *long_text = NULL;
  g_autoptr(TrReport) report = save_long_report (fixture, 700, &long_text);
  TrSectionEditor *editor = open_section (fixture, report);
  GtkTextView *view = tr_section_editor_get_text_view (editor);
  /* The section's undo history, its text's and its tables'. */
  TrBodyBlocks *blocks = TR_BODY_BLOCKS (find_descendant (GTK_WIDGET (editor), TR_TYPE_BODY_BLOCKS));
  g_autofree char *typed_text = NULL;
  g_autofree char *text = NULL;

  /* Typed at the start right after opening, the rest still to come. */
  g_assert_true (tr_section_editor_is_loading (editor));
  tr_section_editor_focus_at (editor, -1);
  type_key (view, "開");
  type_key (view, "頭");
  typed_text = g_strconcat ("開頭", long_text, NULL);
  text = tr_section_editor_dup_text (editor);
  g_assert_true (g_str_equal (text, typed_text));

  wait_until (!tr_section_editor_is_loading (editor), 120000);
  assert_buffer_text (editor, typed_text);

  /* Undo takes back what was typed, and only that: the loaded text stays. */
  g_assert_true (tr_body_blocks_can_undo (blocks));
  g_assert_true (tr_body_blocks_undo (blocks));
  assert_buffer_text (editor, long_text);
  g_assert_false (tr_body_blocks_can_undo (blocks));

  /* Redo puts it back. */
  g_assert_true (tr_body_blocks_can_redo (blocks));
  g_assert_true (tr_body_blocks_redo (blocks));
  assert_buffer_text (editor, typed_text);
}

/* A key typed at the end of the section (Ctrl+End) while it loads goes
 * after the whole text, and undo takes it back there. */
static void
test_undo_at_the_end_while_loading (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *long_text = NULL;
  g_autoptr(TrReport) report = save_long_report (fixture, 700, &long_text);
  TrSectionEditor *editor = open_section (fixture, report);
  GtkTextView *view = tr_section_editor_get_text_view (editor);
  TrBodyBlocks *blocks = TR_BODY_BLOCKS (find_descendant (GTK_WIDGET (editor), TR_TYPE_BODY_BLOCKS));
  g_autofree char *typed_text = NULL;

  /* The key comes before the main loop has run again: it still goes after
   * the text still to come. */
  g_assert_true (tr_section_editor_is_loading (editor));
  tr_section_editor_focus_at (editor, -1);
  g_signal_emit_by_name (view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  type_key (view, "完");
  wait_until (!tr_section_editor_is_loading (editor), 120000);
  typed_text = g_strconcat (long_text, "完", NULL);
  assert_buffer_text (editor, typed_text);

  g_assert_true (tr_body_blocks_undo (blocks));
  assert_buffer_text (editor, long_text);
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

  g_test_add ("/ui-editor-loading/undo/typed-at-start", Fixture, NULL, fixture_set_up,
              test_undo_keeps_what_was_typed_while_loading, fixture_tear_down);
  g_test_add ("/ui-editor-loading/undo/typed-at-end", Fixture, NULL, fixture_set_up,
              test_undo_at_the_end_while_loading, fixture_tear_down);

  return g_test_run ();
}
