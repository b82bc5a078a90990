/* test-ui-tables-typing.c: typing in a table's cell costs what typing in
 * text does, under Xvfb: a burst of keys in a cell or in the text after a
 * table gives the section's counter new text at most every so often, not
 * at each key (a label given new text has the whole window laid out
 * again), while the count itself stays exact
 *
 * Each test drives a real window on a real library file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "editor/tr-body-blocks.h"
#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "editor/tr-table-editor.h"
#include "library/tr-library-view-private.h"
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

  fixture->store = open_test_library ("tr-ui-tables-typing-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

/* 過程 as a schedule: a line, an itinerary of @n_rows rows, text after it. */
static TrReport *
store_itinerary (Fixture *fixture,
                 guint    n_rows)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  TrBody *body = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_autoptr(TrTable) table = tr_table_new (n_rows, 3);

  tr_table_set_cell (table, 0, 0, "日期");
  tr_table_set_cell (table, 0, 1, "地點");
  tr_table_set_cell (table, 0, 2, "行程內容");
  for (guint r = 1; r < n_rows; r++)
    {
      g_autofree char *date = g_strdup_printf ("10月%u日", r);

      tr_table_set_cell (table, r, 0, date);
      tr_table_set_cell (table, r, 1, "東京");
      tr_table_set_cell (table, r, 2, "參訪智慧交通中心");
    }
  tr_table_set_has_header (table, TRUE);
  tr_body_append_text (body, "一、行程概要");
  tr_body_append_table (body, table);
  tr_body_append_text (body, "二、參訪心得");
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  return report;
}

static void
open_report (Fixture  *fixture,
             TrReport *report)
{
  fixture->window = show_window (fixture->store, NULL, 1200, 760);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_assert_true (tr_window_open_report (fixture->window, tr_report_get_id (report)));
}

static TrSectionEditor *
process_editor (Fixture *fixture)
{
  return TR_SECTION_EDITOR (tr_report_editor_get_text_editor (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window)),
                                                              TR_FIELD_PROCESS));
}

static TrBodyBlocks *
process_blocks (Fixture *fixture)
{
  return TR_BODY_BLOCKS (find_descendant (GTK_WIDGET (process_editor (fixture)), TR_TYPE_BODY_BLOCKS));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *notified)
{
  (*notified)++;
}

/* A burst of keys in @view, in the section of @editor, which counted
 * @count before: the count follows each key, the counter's text does not. */
static void
assert_burst_counted (TrSectionEditor *editor,
                      GtkTextView     *view,
                      guint            count)
{
  GtkInscription *label = tr_section_editor_get_count_label (editor);
  guint notified = 0;
  gulong handler;

  wait_until (label_shows (label, count), 10000);
  handler = g_signal_connect (label, "notify::text", G_CALLBACK (count_notify), &notified);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (guint i = 0; i < 20; i++)
    {
      g_signal_emit_by_name (view, "insert-at-cursor", "站");
      g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, count + i + 1);
    }
  g_assert_cmpuint (notified, <=, 1);
  /* Once GTK has drawn the frames it had to: they come first. */
  wait_until (label_shows (label, count + 20), 10000);
  g_signal_handler_disconnect (label, handler);
}

/* The counter takes keys typed in a cell, and in the text after a table,
 * as it takes keys typed in the section's text: at most every so often.
 * Given new text, a label queues a resize up to the window, which then
 * measures everything in it again. */
static void
test_counter_follows_cell (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrReport) report = store_itinerary (fixture, 3);
  TrSectionEditor *editor;
  TrBodyBlocks *blocks;
  TrTableEditor *table;
  guint count;

  open_report (fixture, report);
  editor = process_editor (fixture);
  blocks = process_blocks (fixture);
  g_assert_cmpuint (tr_body_blocks_get_n_tables (blocks), ==, 1);
  table = tr_body_blocks_get_table_editor (blocks, 0);

  /* 一、行程概要 6, the cells 2 + 2 + 4 + 2 × (5 + 2 + 8), 二、參訪心得 6. */
  count = tr_section_editor_count_characters (editor);
  g_assert_cmpuint (count, ==, 6 + 8 + 30 + 6);
  assert_burst_counted (editor, tr_table_editor_get_cell_view (table, 1, 1), count);
  assert_burst_counted (editor, tr_body_blocks_get_run_view (blocks, 1), count + 20);

  /* A row removed, with what was typed in it: counted at once too. */
  g_assert_true (tr_table_editor_focus_cell (table, 1, 1));
  gtk_widget_activate_action (GTK_WIDGET (tr_table_editor_get_cell_view (table, 1, 1)), "table.remove-row", NULL);
  g_assert_cmpuint (tr_section_editor_count_characters (editor), ==, count + 40 - 35);
  wait_until (label_shows (tr_section_editor_get_count_label (editor), count + 40 - 35), 10000);
}

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

  g_test_add ("/ui-tables-typing/counter-follows-cell", Fixture, NULL, fixture_set_up,
              test_counter_follows_cell, fixture_tear_down);

  return g_test_run ();
}
