/* test-ui-office.c: ODT and DOCX through the window's import, under Xvfb
 *
 * The import dialog of a real window on a real library: a reviewed copy
 * of a report of the library (our ODT with a comment put in as
 * LibreOffice writes one) is merged at once, its comment added and the
 * author's text untouched; a DOCX made by pandoc waits, read, to be
 * reviewed and saved like a PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "import/tr-import-dialog-private.h"
#include "import/tr-import-item.h"
#include "tr-odt-exporter.h"
#include "tr-report-json.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

static const char report_json[] =
  "{\"fields\": {\"title\": \"赴愛沙尼亞考察數位政府\"},"
  " \"sections\": {\"purpose\": \"了解愛沙尼亞數位身分制度。\","
  " \"process\": \"7月9日抵達塔林，拜會經濟部。\","
  " \"observations\": \"數位身分是服務的基礎。\","
  " \"recommendations\": \"建議推動資料交換平台。\"}}";

static void
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

static void
test_import_merges_reviewed_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tr-ui-office-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *sent = g_build_filename (dir, "sent.odt", NULL);
  g_autofree char *reviewed = g_build_filename (dir, "reviewed.odt", NULL);
  g_autofree char *markdown = g_build_filename (dir, "old.md", NULL);
  g_autofree char *docx = g_build_filename (dir, "old.docx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "lib", "office-files.py", NULL);
  g_autoptr(TrReportStore) store = tr_report_store_open (db, &error);
  g_autoptr(TrReport) report = tr_report_new_from_json (report_json, -1, &error);
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) reviewed_file = g_file_new_for_path (reviewed);
  g_autoptr(GFile) docx_file = g_file_new_for_path (docx);
  g_autoptr(TrImportItem) merged = NULL;
  g_autoptr(TrImportItem) read = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(TrReport) after = NULL;
  TrWindow *window;
  TrImportDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (tr_report_store_save (store, report, &error));
  package = tr_odt_export_for_review_to_bytes (report, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (sent, g_bytes_get_data (package, NULL), g_bytes_get_size (package), NULL));
  run_tool ((const char * const []) { "python3", script, "annotate", sent, reviewed, "拜會經濟部", "陳主任",
                                      "2026-12-01T09:30:00", "請補充會談重點", NULL });
  g_assert_true (g_file_set_contents (markdown,
    "# 壹、目的\n\n了解新加坡宜居城市政策。\n\n# 貳、過程\n\n七月九日抵達新加坡，出席世界城市峰會開幕式並聽取主辦單位簡報。\n\n"
    "# 參、心得\n\n新加坡政府長期規劃，公私協力推動城市治理，成效顯著。\n\n# 肆、建議\n\n持續參與國際城市交流活動。\n", -1, NULL));
  run_tool ((const char * const []) { "pandoc", "-o", docx, markdown, NULL });

  window = tr_window_new (NULL, store, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000);

  g_list_store_append (files, reviewed_file);
  g_list_store_append (files, docx_file);
  dialog = TR_IMPORT_DIALOG (tr_window_import (window, G_LIST_MODEL (files)));
  g_assert_nonnull (dialog);
  wait_until (tr_import_dialog_is_idle (dialog), 60000);
  merged = g_list_model_get_item (tr_import_dialog_get_items (dialog), 0);
  read = g_list_model_get_item (tr_import_dialog_get_items (dialog), 1);
  g_test_message ("merged: %s; read: %s", tr_import_item_get_message (merged), tr_import_item_get_message (read));

  /* Merged at once: the comment in, the report's text as it was. */
  g_assert_cmpint (tr_import_item_get_state (merged), ==, TR_IMPORT_SAVED);
  g_assert_cmpstr (tr_import_item_get_report_id (merged), ==, tr_report_get_id (report));
  g_assert_nonnull (strstr (tr_import_item_get_message (merged), "1"));
  comments = tr_report_store_list_comments (store, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_cmpstr (tr_comment_get_author (comments->pdata[0]), ==, "陳主任");
  g_assert_cmpstr (tr_comment_get_quote (comments->pdata[0]), ==, "拜會經濟部");
  after = tr_report_store_load (store, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_true (tr_report_content_equal (after, report));

  /* The DOCX: read, its sections found, waiting to be saved. */
  g_assert_cmpint (tr_import_item_get_state (read), ==, TR_IMPORT_READY);
  g_assert_cmpstr (tr_import_item_get_message (read), ==, "4 of 4 sections found");
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  tr_test_remove_tree (dir);
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

  g_test_add_func ("/ui-office/import-merges-reviewed-file", test_import_merges_reviewed_file);
  return g_test_run ();
}
