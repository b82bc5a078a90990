/* ui-import-duplicates.c: the same report from files whose bytes differ,
 * through the window's import dialog: offered to open, never saved twice
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

/* pdf_report as another program would print it: half-width punctuation
 * and digits where it has full-width ones, spaces where it has none. */
static char *
relaid_report (void)
{
  g_autoptr(GString) text = g_string_new (pdf_report);

  g_string_replace (text, "，", ", ", 0);
  g_string_replace (text, "。", "。 ", 0);
  g_string_replace (text, "、", "、 ", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char other_report[] =
  "壹、目的\n"
  "出席荷蘭鹿特丹國際港埠協會年會，瞭解智慧港口發展。\n"
  "貳、過程\n"
  "五月一日抵達鹿特丹，參訪港務局自動化碼頭。\n"
  "參、心得\n"
  "港口數位化需要長期投資與公私合作。\n"
  "肆、建議\n"
  "一、研議港區資料平台。";

static TrImportDialog *
import_files (TrWindow   *window,
              const char *first,
              ...)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  TrImportDialog *dialog;
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  va_end (args);
  dialog = TR_IMPORT_DIALOG (tr_window_import (window, G_LIST_MODEL (files)));
  g_assert_nonnull (dialog);
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  return dialog;
}

static TrImportItem *
item_at (TrImportDialog *dialog,
         guint           position)
{
  return g_list_model_get_item (tr_import_dialog_get_items (dialog), position);
}

static void
test_import_same_text (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *original = g_build_filename (fixture->dir, "新加坡報告.pdf", NULL);
  g_autofree char *relaid = g_build_filename (fixture->dir, "另存的新加坡報告.pdf", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "鹿特丹報告.pdf", NULL);
  g_autofree char *relaid_text = relaid_report ();
  g_autofree char *id = NULL;
  TrWindow *window = open_window (fixture);
  TrImportDialog *dialog;

  make_pdf (original, pdf_report);
  make_pdf (relaid, relaid_text);
  make_pdf (other, other_report);

  dialog = import_files (window, original, NULL);
  tr_import_dialog_save (dialog);
  {
    g_autoptr(TrImportItem) item = item_at (dialog, 0);

    g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_SAVED);
    id = g_strdup (tr_import_item_get_report_id (item));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Another file of the same report, beside a new one: the library's is
   * offered, the new one is ready. */
  dialog = import_files (window, relaid, other, NULL);
  {
    g_autoptr(TrImportItem) same = item_at (dialog, 0);
    g_autoptr(TrImportItem) new_one = item_at (dialog, 1);

    g_test_message ("%s: %s", relaid, tr_import_item_get_message (same));
    g_assert_cmpint (tr_import_item_get_state (same), ==, TR_IMPORT_DUPLICATE);
    g_assert_cmpstr (tr_import_item_get_report_id (same), ==, id);
    g_assert_cmpstr (tr_import_item_get_message (same), ==,
                     "This report is already in the library, from another file");
    g_assert_cmpint (tr_import_item_get_state (new_one), ==, TR_IMPORT_READY);

    /* Open shows the report the library has. */
    g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Open"), "clicked");
    wait_until (tr_window_get_report (window) != NULL &&
                g_strcmp0 (tr_report_get_id (tr_window_get_report (window)), id) == 0, 5000);

    tr_import_dialog_save (dialog);
    g_assert_cmpint (tr_import_item_get_state (new_one), ==, TR_IMPORT_SAVED);
    g_assert_cmpint (tr_import_item_get_state (same), ==, TR_IMPORT_DUPLICATE);
    g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Two files of one new report in one batch: both read before either is
 * saved, so Save All finds the second the same as the first it just
 * saved. */
static void
test_import_same_text_in_batch (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "a.pdf", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "b.pdf", NULL);
  g_autofree char *relaid_text = relaid_report ();
  g_autoptr(TrImportItem) item_a = NULL;
  g_autoptr(TrImportItem) item_b = NULL;
  TrWindow *window = open_window (fixture);
  TrImportDialog *dialog;

  make_pdf (first, pdf_report);
  make_pdf (second, relaid_text);
  dialog = import_files (window, first, second, NULL);
  item_a = item_at (dialog, 0);
  item_b = item_at (dialog, 1);
  g_assert_cmpint (tr_import_item_get_state (item_a), ==, TR_IMPORT_READY);
  g_assert_cmpint (tr_import_item_get_state (item_b), ==, TR_IMPORT_READY);

  tr_import_dialog_save (dialog);
  g_assert_cmpint (tr_import_item_get_state (item_a), ==, TR_IMPORT_SAVED);
  g_assert_cmpint (tr_import_item_get_state (item_b), ==, TR_IMPORT_DUPLICATE);
  g_assert_cmpstr (tr_import_item_get_report_id (item_b), ==, tr_import_item_get_report_id (item_a));
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
add_import_duplicate_tests (void)
{
  g_test_add ("/ui/import/same-text", Fixture, NULL, fixture_set_up,
              test_import_same_text, fixture_tear_down);
  g_test_add ("/ui/import/same-text-in-batch", Fixture, NULL, fixture_set_up,
              test_import_same_text_in_batch, fixture_tear_down);
}
