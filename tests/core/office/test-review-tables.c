/* test-review-tables.c: a reviewed file merged into a section that holds a
 * table: the table compared row by row with the reviewer's, and the
 * reviewer's changes to text, cells, rows and captions accepted into a real
 * library file with the table kept a table
 *
 * The reviewer's file is our own export of the reviewer's copy (the same
 * report, edited), as the reviewer's Trip Reports sends it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "tr-error.h"
#include "tr-odt-exporter.h"
#include "tr-office-import.h"
#include "tr-review-merge.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrReport *report;
} Fixture;

#define PROCESS TR_FIELD_FROM_SECTION (TR_SECTION_PROCESS)

static TrTable *
itinerary (void)
{
  const char *rows[][3] = {
    { "日期", "地點", "行程內容" },
    { "7月9日", "塔林", "抵達，拜會數位部" },
    { "7月10日", "塔爾圖", "參訪大學資料中心" },
  };
  TrTable *table = tr_table_new (G_N_ELEMENTS (rows), 3);

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint c = 0; c < 3; c++)
      tr_table_set_cell (table, r, c, rows[r][c]);
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "參訪行程");
  return table;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrTable) table = itinerary ();
  TrBody *body;

  fixture->dir = g_dir_make_tmp ("test-review-tables-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->report = tr_report_new (TR_REPORT_KIND_DRAFT);
  tr_report_set_text (fixture->report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府");
  tr_report_set_section (fixture->report, TR_SECTION_PURPOSE, "了解數位身分制度。");
  tr_report_set_section (fixture->report, TR_SECTION_PROCESS, "一、行程如下表。\n二、後記：全程順利。");
  body = tr_report_get_body (fixture->report, PROCESS);
  /* Between the two paragraphs. */
  tr_body_insert_table (body, 0, g_utf8_strlen ("一、行程如下表。\n", -1), table);
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "二、後記：全程順利。");
  tr_report_set_section (fixture->report, TR_SECTION_OBSERVATIONS, "數位身分是服務的基礎。");
  tr_report_set_section (fixture->report, TR_SECTION_RECOMMENDATIONS, "建議推動資料交換平台。");
  g_assert_true (tr_report_store_save (fixture->store, fixture->report, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->report);
  g_clear_object (&fixture->store);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffix, NULL);

      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

typedef void (*Edit) (TrBody *body);

/* The reviewer's file: the report with @edit made to 過程, exported for
 * review. */
static TrOfficeImport *
reviewed_file (Fixture *fixture,
               Edit     edit)
{
  g_autoptr(TrReport) copy = tr_report_copy (fixture->report);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TrOfficeImport *import;

  if (edit != NULL)
    edit (tr_report_get_body (copy, PROCESS));
  bytes = tr_odt_export_for_review_to_bytes (copy, NULL, review, &error);
  g_assert_no_error (error);
  import = tr_office_import_new_from_bytes (bytes, "審核後.odt", &error);
  g_assert_no_error (error);
  return import;
}

static TrReviewMerge *
merge_file (Fixture *fixture,
            Edit     edit)
{
  g_autoptr(TrOfficeImport) import = reviewed_file (fixture, edit);
  g_autoptr(GError) error = NULL;
  TrReviewMerge *merge;

  merge = tr_review_merge_new_for_store (fixture->store, tr_report_get_id (fixture->report), import, &error);
  g_assert_no_error (error);
  return merge;
}

static void
accept_all (TrReviewMerge *merge)
{
  for (guint i = 0; i < merge->changes->len; i++)
    ((TrParagraphChange *) merge->changes->pdata[i])->choice = TR_MERGE_CHOICE_ACCEPT;
}

/* 過程 as the library has it now, read through a second connection. */
static TrReport *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  TrReport *report;

  g_assert_no_error (error);
  report = tr_report_store_load (other, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  return report;
}

/* The file as it left: nothing to merge, not every row of the table. */
static void
test_unchanged (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TrReviewMerge) merge = merge_file (fixture, NULL);

  for (guint i = 0; i < merge->changes->len; i++)
    {
      TrParagraphChange *change = merge->changes->pdata[i];

      g_test_message ("change in section %u: «%s» → «%s»", change->section, change->author_text,
                      change->reviewer_text);
    }
  g_assert_cmpuint (merge->changes->len, ==, 0);
  g_assert_cmpuint (merge->new_comments->len, ==, 0);
}

static void
edit_text_and_cell (TrBody *body)
{
  const char *row[] = { "7月9日晚", "塔林", "歡迎晚宴", NULL };

  tr_body_set_text_run (body, 1, "二、後記：全程順利，成果豐碩。");
  tr_table_set_cell (tr_body_get_table (body, 0), 2, 2, "參訪大學與資料中心");
  tr_table_insert_row (tr_body_get_table (body, 0), 2, row);
}

/* A paragraph after the table changed, a cell changed and a row added
 * inside the table: all accepted, the table still a table with its header
 * and caption. */
static void
test_accept_text_and_cell (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrReviewMerge) merge = merge_file (fixture, edit_text_and_cell);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReport) expected = tr_report_copy (fixture->report);
  TrBody *body;

  g_assert_cmpuint (merge->changes->len, ==, 3);
  accept_all (merge);
  g_assert_true (tr_review_merge_apply (merge, fixture->store, tr_report_get_id (fixture->report), &error));
  g_assert_no_error (error);

  report = stored (fixture);
  body = tr_report_get_body (report, PROCESS);
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  edit_text_and_cell (tr_report_get_body (expected, PROCESS));
  g_assert_true (tr_body_equal (body, tr_report_get_body (expected, PROCESS)));
  g_assert_true (tr_table_get_has_header (tr_body_get_table (body, 0)));
  g_assert_cmpstr (tr_table_get_caption (tr_body_get_table (body, 0)), ==, "參訪行程");
}

static void
edit_rows_and_caption (TrBody *body)
{
  TrTable *table = tr_body_get_table (body, 0);
  const char *row[] = { "7月11日", "赫爾辛基", "轉機返國", NULL };

  tr_table_set_caption (table, "參訪行程及地點");
  tr_table_remove_row (table, 1);
  tr_table_insert_row (table, 2, row);
  tr_body_set_text_run (body, 0, "一、行程如下表。\n（表列日期為當地時間）\n");
}

/* A row removed, a row added at the end, the caption renamed and a
 * paragraph added just before the table: each lands where the reviewer put
 * it. */
static void
test_accept_rows_and_caption (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TrReviewMerge) merge = merge_file (fixture, edit_rows_and_caption);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReport) expected = tr_report_copy (fixture->report);

  g_assert_cmpuint (merge->changes->len, ==, 4);
  accept_all (merge);
  g_assert_true (tr_review_merge_apply (merge, fixture->store, tr_report_get_id (fixture->report), &error));
  g_assert_no_error (error);

  report = stored (fixture);
  edit_rows_and_caption (tr_report_get_body (expected, PROCESS));
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PROCESS), ==,
                   tr_report_get_section (expected, TR_SECTION_PROCESS));
  g_assert_true (tr_body_equal (tr_report_get_body (report, PROCESS), tr_report_get_body (expected, PROCESS)));
}

static void
edit_row_shape (TrBody *body)
{
  tr_table_insert_column (tr_body_get_table (body, 0), 3, (const char * const[]) { "備註", "", "夜宿", NULL });
}

/* A row whose cells no longer fit the table (the reviewer added a column):
 * refused in one line, nothing written; kept as a suggestion it merges. */
static void
test_row_of_other_shape (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TrReviewMerge) merge = merge_file (fixture, edit_row_shape);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;

  g_assert_cmpuint (merge->changes->len, ==, 2);
  accept_all (merge);
  g_assert_false (tr_review_merge_apply (merge, fixture->store, tr_report_get_id (fixture->report), &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  report = stored (fixture);
  g_assert_true (tr_body_equal (tr_report_get_body (report, PROCESS), tr_report_get_body (fixture->report, PROCESS)));

  for (guint i = 0; i < merge->changes->len; i++)
    ((TrParagraphChange *) merge->changes->pdata[i])->choice = TR_MERGE_CHOICE_SUGGEST;
  g_assert_true (tr_review_merge_apply (merge, fixture->store, tr_report_get_id (fixture->report), &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/review-tables/unchanged", Fixture, NULL, fixture_set_up, test_unchanged, fixture_tear_down);
  g_test_add ("/review-tables/accept-text-and-cell", Fixture, NULL, fixture_set_up, test_accept_text_and_cell,
              fixture_tear_down);
  g_test_add ("/review-tables/accept-rows-and-caption", Fixture, NULL, fixture_set_up,
              test_accept_rows_and_caption, fixture_tear_down);
  g_test_add ("/review-tables/row-of-other-shape", Fixture, NULL, fixture_set_up, test_row_of_other_shape,
              fixture_tear_down);
  return g_test_run ();
}
