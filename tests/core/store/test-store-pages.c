/* test-store-pages.c: the 頁數 a PDF export keeps, written alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>

#include "tr-error.h"
#include "tr-report-store.h"
#include "tr-test-report.h"
#include "tr-test-util.h"

/* The number and the modified time change; the rest of the report, its
 * photos included, is as it was saved. */
static void
test_set_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tr-store-pages-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(TrReportStore) store = tr_report_store_open (path, &error);
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrPhoto) photo = tr_test_make_photo ("jpeg", 640, 480, "照片說明");
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(TrReport) back = NULL;
  g_autoptr(TrPhoto) photo_back = NULL;

  g_assert_no_error (error);
  tr_report_set_pages (report, 12);
  g_list_store_append (tr_report_get_photos (report), photo);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_usleep (2000);

  g_assert_true (tr_report_store_set_pages (store, tr_report_get_id (report), 37, &error));
  g_assert_no_error (error);

  other = tr_report_store_open (path, &error);
  g_assert_no_error (error);
  back = tr_report_store_load (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_get_pages (back), ==, 37);
  g_assert_cmpint (g_date_time_compare (tr_report_get_modified (back), tr_report_get_modified (report)), >, 0);
  g_assert_cmpstr (tr_report_get_text (back, TR_FIELD_TITLE), ==, tr_report_get_text (report, TR_FIELD_TITLE));
  g_assert_cmpstr (tr_report_get_section (back, TR_SECTION_PROCESS), ==,
                   tr_report_get_section (report, TR_SECTION_PROCESS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (back))), ==, 1);
  photo_back = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (back)), 0);
  g_assert_true (g_bytes_equal (tr_photo_get_data (photo_back), tr_photo_get_data (photo)));
  g_assert_cmpstr (tr_photo_get_caption (photo_back), ==, "照片說明");

  /* No such report: said, and nothing written. */
  g_assert_false (tr_report_store_set_pages (store, "no-such-report", 5, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, 1);

  g_clear_object (&store);
  g_clear_object (&other);
  tr_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/set-pages", test_set_pages);

  return g_test_run ();
}
