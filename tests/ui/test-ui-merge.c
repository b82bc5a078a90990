/* test-ui-merge.c: a reviewed file with changed text, under Xvfb
 *
 * The window's import of a reviewed copy of a report of a real library:
 * the merge screen shows each paragraph the reviewer changed beside the
 * author's; what is accepted replaces the author's text in the store,
 * what is rejected leaves it, and the author's newer text is never
 * overwritten. With TR_TEST_SCREENSHOTS=FOLDER the screen is also saved
 * there as merge.png, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "import/tr-import-dialog-private.h"
#include "import/tr-import-item.h"
#include "review/tr-merge-dialog.h"
#include "tr-error.h"
#include "tr-odt-exporter.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

static const char purpose[] = "一、了解愛沙尼亞數位身分制度。\n二、學習跨機關資料交換。\n三、建立交流管道。";

typedef struct {
  char *dir;
  TrReportStore *store;
  TrReport *report;
  TrWindow *window;
  TrImportDialog *import;
  TrMergeDialog *merge;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("tr-ui-merge-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  fixture->report = tr_report_new (TR_REPORT_KIND_DRAFT);
  tr_report_set_text (fixture->report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府");
  tr_report_set_section (fixture->report, TR_SECTION_PURPOSE, purpose);
  tr_report_set_section (fixture->report, TR_SECTION_PROCESS, "7月9日抵達塔林，拜會經濟部。");
  tr_report_set_section (fixture->report, TR_SECTION_OBSERVATIONS, "數位身分是服務的基礎。");
  tr_report_set_section (fixture->report, TR_SECTION_RECOMMENDATIONS, "建議推動資料交換平台。");
  g_assert_true (tr_report_store_save (fixture->store, fixture->report, &error));
  g_assert_no_error (error);

  fixture->window = tr_window_new (NULL, fixture->store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->import != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->import));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->report);
  release_and_wait (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static TrMergeDialog *
find_merge_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (TR_IS_MERGE_DIALOG (window) && gtk_widget_get_mapped (window))
        return TR_MERGE_DIALOG (window);
    }
  return NULL;
}

/* The reviewer's copy, its 目的 rewritten, exported for review with the
 * decision 退回補正, imported through the window. */
static void
import_reviewed (Fixture    *fixture,
                 const char *reviewed_purpose)
{
  g_autoptr(TrReport) copy = tr_report_copy (fixture->report);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "審核後.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  tr_report_set_section (copy, TR_SECTION_PURPOSE, reviewed_purpose);
  g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_RETURNED, &error));
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_HEAD, "陳主任");
  package = tr_odt_export_for_review_to_bytes (copy, NULL, review, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package), &error));
  g_list_store_append (files, file);

  fixture->import = TR_IMPORT_DIALOG (tr_window_import (fixture->window, G_LIST_MODEL (files)));
  g_assert_nonnull (fixture->import);
  wait_until ((fixture->merge = find_merge_dialog ()) != NULL, 30000);
}

static char *
stored_purpose (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_store_load (fixture->store, tr_report_get_id (fixture->report), &error);

  g_assert_no_error (error);
  return g_strdup (tr_report_get_section (report, TR_SECTION_PURPOSE));
}

/* One paragraph rewritten, one added: shown side by side; the rewrite
 * accepted, the addition rejected. */
static void
test_accept_and_reject (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrImportItem) item = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  import_reviewed (fixture, "一、了解愛沙尼亞數位身分制度及其法制。\n二、學習跨機關資料交換。\n三、建立交流管道。\n四、規劃後續合作。");
  dialog = GTK_WIDGET (fixture->merge);
  g_assert_cmpuint (tr_merge_dialog_get_merge (fixture->merge)->changes->len, ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (dialog, "author-text"))), ==,
                   "一、了解愛沙尼亞數位身分制度。");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (dialog, "reviewer-text"))), ==,
                   "一、了解愛沙尼亞數位身分制度及其法制。");
  /* Nothing is written before Merge. */
  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, purpose);
  g_clear_pointer (&text, g_free);
  wait_until (gtk_widget_get_width (dialog) > 0, 2000);
  save_screenshot (dialog, "merge.png");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (dialog, "accept-0")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (dialog, "reject-1")), TRUE);
  g_signal_emit_by_name (find_named (dialog, "merge"), "clicked");
  wait_until (find_merge_dialog () == NULL, 3000);

  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, "一、了解愛沙尼亞數位身分制度及其法制。\n二、學習跨機關資料交換。\n三、建立交流管道。");
  comments = tr_report_store_list_comments (fixture->store, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 0);
  review = tr_report_store_load_review (fixture->store, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_RETURNED);
  item = g_list_model_get_item (tr_import_dialog_get_items (fixture->import), 0);
  g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_SAVED);
}

/* The author typed on while the screen was open: Accept would overwrite
 * that newer paragraph. The merge is refused with a message, nothing is
 * written, the screen stays; Cancel merges nothing. */
static void
test_author_newer_text (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *newer = "一、了解愛沙尼亞數位身分制度與隱私保護。\n二、學習跨機關資料交換。\n三、建立交流管道。";
  g_autoptr(TrImportItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  import_reviewed (fixture, "一、了解愛沙尼亞數位身分制度及其法制。\n二、學習跨機關資料交換。\n三、建立交流管道。");
  dialog = GTK_WIDGET (fixture->merge);
  tr_report_set_section (fixture->report, TR_SECTION_PURPOSE, newer);
  g_assert_true (tr_report_store_save (fixture->store, fixture->report, &error));
  g_assert_no_error (error);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (dialog, "accept-0")), TRUE);
  g_assert_false (tr_merge_dialog_apply (fixture->merge, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_true (find_merge_dialog () == fixture->merge);
  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, newer);
  g_clear_error (&error);
  review = tr_report_store_load_review (fixture->store, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_DRAFT);

  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (find_merge_dialog () == NULL, 3000);
  item = g_list_model_get_item (tr_import_dialog_get_items (fixture->import), 0);
  g_assert_cmpint (tr_import_item_get_state (item), ==, TR_IMPORT_CANCELLED);
}

/* A cell of the itinerary in 過程 changed by the reviewer: the row is
 * shown as a change, and accepting it changes that cell, the table kept. */
static void
test_table_cell (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrTable) table = tr_table_new (2, 3);
  g_autoptr(TrReport) copy = NULL;
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) stored = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "審核後.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  TrBody *body = tr_report_get_body (fixture->report, TR_FIELD_FROM_SECTION (TR_SECTION_PROCESS));
  GtkWidget *dialog;

  tr_table_set_cell (table, 0, 0, "日期");
  tr_table_set_cell (table, 0, 1, "地點");
  tr_table_set_cell (table, 0, 2, "行程內容");
  tr_table_set_cell (table, 1, 0, "7月9日");
  tr_table_set_cell (table, 1, 1, "塔林");
  tr_table_set_cell (table, 1, 2, "拜會經濟部");
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "參訪行程");
  tr_body_append_table (body, table);
  g_assert_true (tr_report_store_save (fixture->store, fixture->report, &error));
  g_assert_no_error (error);

  copy = tr_report_copy (fixture->report);
  tr_table_set_cell (tr_body_get_table (tr_report_get_body (copy, TR_FIELD_FROM_SECTION (TR_SECTION_PROCESS)), 0),
                     1, 2, "拜會經濟暨通訊部");
  package = tr_odt_export_for_review_to_bytes (copy, NULL, review, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package), &error));
  g_list_store_append (files, file);
  fixture->import = TR_IMPORT_DIALOG (tr_window_import (fixture->window, G_LIST_MODEL (files)));
  wait_until ((fixture->merge = find_merge_dialog ()) != NULL, 30000);

  dialog = GTK_WIDGET (fixture->merge);
  g_assert_cmpuint (tr_merge_dialog_get_merge (fixture->merge)->changes->len, ==, 1);
  wait_until (gtk_widget_get_width (dialog) > 0, 2000);
  save_screenshot (dialog, "merge-table.png");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (dialog, "accept-0")), TRUE);
  g_signal_emit_by_name (find_named (dialog, "merge"), "clicked");
  wait_until (find_merge_dialog () == NULL, 3000);

  stored = tr_report_store_load (fixture->store, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  body = tr_report_get_body (stored, TR_FIELD_FROM_SECTION (TR_SECTION_PROCESS));
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  g_assert_cmpstr (tr_table_get_cell (tr_body_get_table (body, 0), 1, 2), ==, "拜會經濟暨通訊部");
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "7月9日抵達塔林，拜會經濟部。");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TR_LOCALEDIR") != NULL ? g_getenv ("TR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-merge/accept-and-reject", Fixture, NULL, fixture_set_up, test_accept_and_reject,
              fixture_tear_down);
  g_test_add ("/ui-merge/table-cell", Fixture, NULL, fixture_set_up, test_table_cell, fixture_tear_down);
  g_test_add ("/ui-merge/author-newer-text", Fixture, NULL, fixture_set_up, test_author_newer_text,
              fixture_tear_down);
  return g_test_run ();
}
