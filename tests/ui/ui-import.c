/* ui-import.c: importing PDFs in the window: review, password, saving while reading
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

static TrImportItem *
wait_for_item (TrImportDialog *dialog,
               guint           position)
{
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  return g_list_model_get_item (tr_import_dialog_get_items (dialog), position);
}

/* The dropdown of the block showing @text in the review's list. */
static gboolean
is_block_dropdown (GtkWidget     *widget,
                   gconstpointer  text)
{
  TrTextBlock *block;

  return GTK_IS_DROP_DOWN (widget) &&
         (block = g_object_get_data (G_OBJECT (widget), "tr-block")) != NULL &&
         g_str_equal (tr_text_block_get_text (block), text);
}

static GtkDropDown *
find_block_dropdown (GtkWidget  *widget,
                     const char *text)
{
  return GTK_DROP_DOWN (find_matching (widget, is_block_dropdown, text));
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
  stored = load_independently (fixture->path, id);
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
 * worker is the fake one (tests/lib/fake-import-worker.c), which waits while
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

void
add_import_tests (void)
{
  g_test_add ("/ui/import/review-and-save", Fixture, NULL, fixture_set_up,
              test_import_review_save, fixture_tear_down);
  g_test_add ("/ui/import/password", Fixture, NULL, fixture_set_up,
              test_import_password, fixture_tear_down);
  g_test_add ("/ui/import/save-all-while-reading", Fixture, NULL, fixture_set_up,
              test_import_save_all_while_reading, fixture_tear_down);
}
