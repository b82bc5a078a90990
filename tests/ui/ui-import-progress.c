/* ui-import-progress.c: the import window's progress: files read and the time left
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

/* Once a file of a batch is read, the bar says about how long the others
 * will take; when all are read, only how many. The worker is the fake one
 * (tests/lib/fake-import-worker.c), which waits while PATH.hold exists. */
static void
test_import_time_left (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *quick = g_build_filename (fixture->dir, "quick.pdf", NULL);
  g_autofree char *held = g_build_filename (fixture->dir, "held.pdf", NULL);
  g_autofree char *hold = g_strconcat (held, ".hold", NULL);
  g_autofree char *real_worker = g_strdup (g_getenv ("TR_IMPORT_WORKER"));
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  TrWindow *window = open_window (fixture);
  TrImportDialog *dialog;
  GtkProgressBar *bar;
  const char *paths[] = { quick, held };

  make_pdf (quick, pdf_report);
  make_pdf (held, "壹、目的\n晚一點讀完的報告。\n貳、過程\n七月十日參訪。\n參、心得\n值得學習。\n肆、建議\n持續交流。");
  g_assert_true (g_file_set_contents (hold, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_list_store_append (files, file);
    }

  g_setenv ("TR_IMPORT_WORKER", g_getenv ("TR_FAKE_IMPORT_WORKER"), TRUE);
  dialog = TR_IMPORT_DIALOG (tr_window_import (window, G_LIST_MODEL (files)));
  g_setenv ("TR_IMPORT_WORKER", real_worker, TRUE);
  bar = GTK_PROGRESS_BAR (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR));
  g_assert_nonnull (bar);

  {
    g_autoptr(TrImportItem) item = g_list_model_get_item (tr_import_dialog_get_items (dialog), 0);

    wait_until (tr_import_item_get_state (item) == TR_IMPORT_READY, 60000);
  }
  /* The pace is only known after a second of reading; the bar then
   * counts down while the other file is read. */
  wait_until (strstr (gtk_progress_bar_get_text (bar), "left") != NULL, 10000);
  g_test_message ("while reading: %s", gtk_progress_bar_get_text (bar));
  g_assert_true (g_str_has_prefix (gtk_progress_bar_get_text (bar), "1 of 2 files read, about "));

  g_unlink (hold);
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  g_test_message ("read: %s", gtk_progress_bar_get_text (bar));
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, "2 of 2 files read");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
add_import_progress_tests (void)
{
  g_test_add ("/ui/import/time-left", Fixture, NULL, fixture_set_up,
              test_import_time_left, fixture_tear_down);
}
