/* test-report-derive.c: a new draft from a past report, and a duplicate,
 * through a real library file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "tr-report-store.h"
#include "tr-test-report.h"
#include "tr-test-util.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  char *source_id;
} Fixture;

/* A past report with a table in 過程 and a photo, stored and read back. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrTable) table = tr_table_new (2, 2);
  g_autoptr(TrPhoto) photo = tr_test_make_photo ("png", 64, 48, "照片1：開幕式會場");

  fixture->dir = g_dir_make_tmp ("tr-derive-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);

  tr_table_set_cell (table, 0, 0, "日期");
  tr_table_set_cell (table, 0, 1, "地點");
  tr_table_set_cell (table, 1, 0, "6月3日");
  tr_table_set_cell (table, 1, 1, "新加坡");
  tr_table_set_caption (table, "參訪行程");
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), table);
  g_list_store_append (tr_report_get_photos (report), photo);
  tr_report_set_pages (report, 12);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  fixture->source_id = g_strdup (tr_report_get_id (report));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->source_id);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Saves @report and reads it back through a second connection. */
static TrReport *
store_and_reload (Fixture  *fixture,
                  TrReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = NULL;
  TrReport *loaded;

  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  loaded = tr_report_store_load (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  return loaded;
}

static TrReport *
load_source (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TrReport *source = tr_report_store_load (fixture->store, fixture->source_id, &error);

  g_assert_no_error (error);
  return source;
}

static void
assert_same_travellers (TrReport *a,
                        TrReport *b)
{
  GListModel *first = G_LIST_MODEL (tr_report_get_travellers (a));
  GListModel *second = G_LIST_MODEL (tr_report_get_travellers (b));

  g_assert_cmpuint (g_list_model_get_n_items (first), ==, g_list_model_get_n_items (second));
  for (guint i = 0; i < g_list_model_get_n_items (first); i++)
    {
      g_autoptr(TrTraveller) x = g_list_model_get_item (first, i);
      g_autoptr(TrTraveller) y = g_list_model_get_item (second, i);

      g_assert_true (tr_traveller_equal (x, y));
      /* Not shared: editing the new draft leaves the past report alone. */
      g_assert_true (x != y);
    }
}

/* Fields and structure: the form but the trip's dates, the travellers, the
 * keywords, and the numbered headings of the body without its text. */
static void
test_new_from_structure (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrReport) source = load_source (fixture);
  g_autoptr(TrReport) derived = tr_report_new_from (source, FALSE);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (tr_report_get_id (derived), !=, tr_report_get_id (source));
  g_assert_cmpint (tr_report_get_kind (derived), ==, TR_REPORT_KIND_DRAFT);
  stored = store_and_reload (fixture, derived);

  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_TITLE), ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_AGENCY), ==, "內政部國土管理署");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PHONE), ==, "02-2771-9999");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_CATEGORY), ==, "開會");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_DESTINATION), ==, "新加坡");
  /* A new trip, a new date. */
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PERIOD_START), ==, "");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PERIOD_END), ==, "");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_REPORT_DATE), ==, "");
  g_assert_cmpuint (tr_report_get_pages (stored), ==, 0);
  assert_same_travellers (source, stored);
  g_assert_cmpstrv (tr_report_get_keywords (stored), tr_report_get_keywords (source));

  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_SUMMARY), ==, "");
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==,
                   "一、了解各國智慧城市推動經驗。\n二、建立與國際城市之交流管道。");
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PROCESS), ==,
                   "一、行程概要\n（一）6月2日：啟程\n（二）6月3日：開幕式及專題論壇\n二、參訪行程");
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_OBSERVATIONS), ==, "");
  g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (stored, TR_FIELD_PROCESS)), ==, 0);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_APPENDIX), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (stored))), ==, 0);

  /* The past report is as it was. */
  g_clear_object (&source);
  source = load_source (fixture);
  g_assert_cmpstr (tr_report_get_text (source, TR_FIELD_PERIOD_START), ==, "2024-06-02");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (source))), ==, 1);
  g_assert_cmpuint (tr_report_store_count (fixture->store, &error), ==, 2);
  g_assert_no_error (error);
}

/* With the text: the body, its table, the appendix and its photo too. */
static void
test_new_from_with_text (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrReport) source = load_source (fixture);
  g_autoptr(TrReport) derived = tr_report_new_from (source, TRUE);
  g_autoptr(TrReport) stored = store_and_reload (fixture, derived);
  g_autoptr(TrPhoto) photo = NULL;

  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PERIOD_START), ==, "");
  for (TrField f = TR_FIELD_SUMMARY; f <= TR_FIELD_APPENDIX; f++)
    g_assert_cmpstr (tr_report_get_text (stored, f), ==, tr_report_get_text (source, f));
  g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (stored, TR_FIELD_PROCESS)), ==, 1);
  g_assert_true (tr_table_equal (tr_body_get_table (tr_report_get_body (stored, TR_FIELD_PROCESS), 0),
                                 tr_body_get_table (tr_report_get_body (source, TR_FIELD_PROCESS), 0)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (stored))), ==, 1);
  photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (stored)), 0);
  g_assert_cmpstr (tr_photo_get_caption (photo), ==, "照片1：開幕式會場");

  /* Removing the photo from the new draft keeps it in the past report. */
  g_list_store_remove_all (tr_report_get_photos (stored));
  g_clear_object (&stored);
  {
    g_autoptr(TrReport) again = NULL;

    g_list_store_remove_all (tr_report_get_photos (derived));
    again = store_and_reload (fixture, derived);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (again))), ==, 0);
  }
  g_clear_object (&source);
  source = load_source (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (source))), ==, 1);
}

/* A duplicate is all of it, as a new draft, and changing it leaves the
 * original alone. */
static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrReport) source = load_source (fixture);
  g_autoptr(TrReport) duplicate = tr_report_duplicate (source);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(TrTraveller) traveller = NULL;

  g_assert_cmpstr (tr_report_get_id (duplicate), !=, tr_report_get_id (source));
  stored = store_and_reload (fixture, duplicate);
  for (TrField f = 0; f < TR_N_FIELDS; f++)
    g_assert_cmpstr (tr_report_get_text (stored, f), ==, tr_report_get_text (source, f));
  assert_same_travellers (source, stored);
  g_assert_cmpuint (tr_report_get_pages (stored), ==, 12);
  g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (stored, TR_FIELD_PROCESS)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (stored))), ==, 1);

  traveller = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (duplicate)), 0);
  tr_traveller_set (traveller, TR_TRAVELLER_NAME, "張三");
  tr_report_set_section (duplicate, TR_SECTION_OBSERVATIONS, "改寫");
  g_clear_object (&stored);
  stored = store_and_reload (fixture, duplicate);
  g_clear_object (&source);
  source = load_source (fixture);
  g_assert_cmpstr (tr_report_get_section (source, TR_SECTION_OBSERVATIONS), ==, tr_test_section_texts[TR_SECTION_OBSERVATIONS]);
  {
    g_autoptr(TrTraveller) first = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (source)), 0);

    g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "王小明");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/derive/new-from-structure", Fixture, NULL, fixture_set_up,
              test_new_from_structure, fixture_tear_down);
  g_test_add ("/report/derive/new-from-with-text", Fixture, NULL, fixture_set_up,
              test_new_from_with_text, fixture_tear_down);
  g_test_add ("/report/derive/duplicate", Fixture, NULL, fixture_set_up,
              test_duplicate, fixture_tear_down);
  return g_test_run ();
}
