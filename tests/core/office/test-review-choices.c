/* test-review-choices.c: a reviewed file's text changes accepted,
 * rejected or kept as suggestions, into a real library file; the author's
 * newer text never overwritten; a file received for review
 *
 * The reviewer's file is our own export of the reviewer's copy (the same
 * report, its text edited), as the reviewer's Trip Reports sends it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>

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

static const char purpose[] = "一、了解數位身分制度。\n二、學習資料交換。\n三、建立交流管道。";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-review-choices-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->report = tr_report_new (TR_REPORT_KIND_DRAFT);
  tr_report_set_text (fixture->report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府");
  tr_report_set_section (fixture->report, TR_SECTION_PURPOSE, purpose);
  tr_report_set_section (fixture->report, TR_SECTION_PROCESS, "7月9日抵達塔林。");
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

/* The reviewer's file: the report with @purpose_text, exported for review
 * with @decision. */
static TrOfficeImport *
reviewed_file (Fixture        *fixture,
               const char     *purpose_text,
               TrReviewStatus  decision)
{
  g_autoptr(TrReport) copy = tr_report_copy (fixture->report);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TrOfficeImport *import;

  tr_report_set_section (copy, TR_SECTION_PURPOSE, purpose_text);
  if (decision != TR_REVIEW_STATUS_DRAFT)
    {
      g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_SUBMITTED, &error));
      g_assert_true (tr_review_set_status (review, decision, &error));
    }
  bytes = tr_odt_export_for_review_to_bytes (copy, NULL, review, &error);
  g_assert_no_error (error);
  import = tr_office_import_new_from_bytes (bytes, "審核後.odt", &error);
  g_assert_no_error (error);
  return import;
}

static TrParagraphChange *
find_change (TrReviewMerge *merge,
             const char    *author_text,
             const char    *reviewer_text)
{
  for (guint i = 0; i < merge->changes->len; i++)
    {
      TrParagraphChange *change = merge->changes->pdata[i];

      if (g_strcmp0 (change->author_text, author_text) == 0 &&
          g_strcmp0 (change->reviewer_text, reviewer_text) == 0)
        return change;
    }
  g_assert_not_reached ();
}

static guint
count_comments (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) comments = tr_report_store_list_comments (fixture->store, tr_report_get_id (fixture->report),
                                                                 &error);

  g_assert_no_error (error);
  return comments->len;
}

static char *
stored_purpose (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrReport) report = NULL;

  g_assert_no_error (error);
  report = tr_report_store_load (other, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  return g_strdup (tr_report_get_section (report, TR_SECTION_PURPOSE));
}

/* One paragraph rewritten, one removed, one added: accepted, rejected
 * and kept as a suggestion, each as chosen. */
static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TrOfficeImport) import =
    reviewed_file (fixture, "一、了解愛沙尼亞數位身分制度。\n三、建立交流管道。\n四、規劃後續合作。",
                   TR_REVIEW_STATUS_RETURNED);
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  TrParagraphChange *rewritten, *removed, *added;

  merge = tr_review_merge_new_for_store (fixture->store, tr_report_get_id (fixture->report), import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merge->changes->len, ==, 3);
  rewritten = find_change (merge, "一、了解數位身分制度。", "一、了解愛沙尼亞數位身分制度。");
  removed = find_change (merge, "二、學習資料交換。", NULL);
  added = find_change (merge, NULL, "四、規劃後續合作。");
  g_assert_cmpuint (rewritten->line, ==, 0);
  g_assert_cmpuint (removed->line, ==, 1);
  g_assert_cmpuint (added->line, ==, 3);
  g_assert_true (tr_review_merge_can_accept (merge));

  g_assert_cmpuint (tr_review_merge_count_comments (merge), ==, 3);
  rewritten->choice = TR_MERGE_CHOICE_ACCEPT;
  removed->choice = TR_MERGE_CHOICE_ACCEPT;
  added->choice = TR_MERGE_CHOICE_SUGGEST;
  g_assert_cmpuint (tr_review_merge_count_comments (merge), ==, 1);
  g_assert_true (tr_review_merge_apply (merge, fixture->store, tr_report_get_id (fixture->report), &error));
  g_assert_no_error (error);

  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, "一、了解愛沙尼亞數位身分制度。\n三、建立交流管道。");
  /* The decision came with it; only the undecided change is a comment. */
  review = tr_report_store_load_review (fixture->store, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_RETURNED);
  comments = tr_report_store_list_comments (fixture->store, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);
  g_assert_nonnull (strstr (tr_comment_get_body (comments->pdata[0]), "四、規劃後續合作。"));
}

/* Rejected: the author's text stays and no suggestion is added. An added
 * paragraph accepted goes where the reviewer put it. */
static void
test_reject_and_insert (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrOfficeImport) import =
    reviewed_file (fixture, "一、了解數位身分制度。\n一之一、參訪展示中心。\n二、學習資料交換。\n三、建立長期交流管道。",
                   TR_REVIEW_STATUS_DRAFT);
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  merge = tr_review_merge_new_for_store (fixture->store, tr_report_get_id (fixture->report), import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merge->changes->len, ==, 2);
  find_change (merge, NULL, "一之一、參訪展示中心。")->choice = TR_MERGE_CHOICE_ACCEPT;
  find_change (merge, "三、建立交流管道。", "三、建立長期交流管道。")->choice = TR_MERGE_CHOICE_REJECT;
  g_assert_true (tr_review_merge_apply (merge, fixture->store, tr_report_get_id (fixture->report), &error));
  g_assert_no_error (error);
  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, "一、了解數位身分制度。\n一之一、參訪展示中心。\n二、學習資料交換。\n三、建立交流管道。");
  g_assert_cmpuint (count_comments (fixture), ==, 0);
}

/* The author changed the paragraph after the merge was read: accepting
 * the reviewer's text would overwrite it. Refused, nothing written. */
static void
test_author_newer_text (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrOfficeImport) import =
    reviewed_file (fixture, "一、了解愛沙尼亞數位身分制度。\n二、學習資料交換。\n三、建立交流管道。",
                   TR_REVIEW_STATUS_RETURNED);
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autofree char *text = NULL;
  const char *newer = "一、了解數位身分制度及其法制。\n二、學習資料交換。\n三、建立交流管道。";

  merge = tr_review_merge_new_for_store (fixture->store, tr_report_get_id (fixture->report), import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merge->changes->len, ==, 1);
  ((TrParagraphChange *) merge->changes->pdata[0])->choice = TR_MERGE_CHOICE_ACCEPT;

  tr_report_set_section (fixture->report, TR_SECTION_PURPOSE, newer);
  g_assert_true (tr_report_store_save (fixture->store, fixture->report, &error));
  g_assert_no_error (error);

  g_assert_false (tr_review_merge_apply (merge, fixture->store, tr_report_get_id (fixture->report), &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_null (strchr (error->message, '\n'));
  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, newer);
  g_clear_error (&error);
  review = tr_report_store_load_review (fixture->store, tr_report_get_id (fixture->report), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_DRAFT);
  g_assert_cmpuint (count_comments (fixture), ==, 0);
}

/* In review and approved by the file: the text cannot take the
 * reviewer's edits, which can only stay suggestions. */
static void
test_locked_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TrOfficeImport) import =
    reviewed_file (fixture, "一、了解愛沙尼亞數位身分制度。\n二、學習資料交換。\n三、建立交流管道。",
                   TR_REVIEW_STATUS_APPROVED);
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *id = tr_report_get_id (fixture->report);

  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  merge = tr_review_merge_new_for_store (fixture->store, id, import, &error);
  g_assert_no_error (error);
  g_assert_false (tr_review_merge_can_accept (merge));
  ((TrParagraphChange *) merge->changes->pdata[0])->choice = TR_MERGE_CHOICE_ACCEPT;
  g_assert_false (tr_review_merge_apply (merge, fixture->store, id, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_REPORT_LOCKED);
  g_clear_error (&error);
  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, purpose);

  ((TrParagraphChange *) merge->changes->pdata[0])->choice = TR_MERGE_CHOICE_SUGGEST;
  g_assert_true (tr_review_merge_apply (merge, fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_comments (fixture), ==, 1);
}

/* Someone else's report, sent for review: in the reviewer's library it
 * is received (its file kept, in review), so the decision is made there. */
static void
test_receive (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TrOfficeImport) import = reviewed_file (fixture, purpose, TR_REVIEW_STATUS_DRAFT);
  g_autofree char *other_path = g_build_filename (fixture->dir, "reviewer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) reviewer = tr_report_store_open (other_path, &error);
  g_autoptr(TrReport) received = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(TrReview) author_review = NULL;
  const char *id = tr_report_get_id (fixture->report);

  g_assert_no_error (error);
  g_assert_true (tr_office_import_receive (import, reviewer, &error));
  g_assert_no_error (error);
  received = tr_report_store_load (reviewer, id, &error);
  g_assert_no_error (error);
  review = tr_report_store_load_review (reviewer, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_SUBMITTED);
  g_assert_cmpstr (tr_report_get_source_filename (received), ==, "審核後.odt");
  g_assert_true (tr_review_is_received (review, received));

  /* The author's own draft is not. */
  author_review = tr_report_store_load_review (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (tr_review_is_received (author_review, fixture->report));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_clear_object (&author_review);
  author_review = tr_report_store_load_review (fixture->store, id, &error);
  g_assert_false (tr_review_is_received (author_review, fixture->report));

  g_clear_object (&reviewer);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (other_path, suffix, NULL);

      g_remove (file);
    }
}

/* Makes every comment added to the library file at @path fail, as a full
 * disk would fail the last write of a round. */
static void
refuse_comments (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TRIGGER refuse_comments BEFORE INSERT ON comments"
                    " BEGIN SELECT RAISE (ABORT, 'database or disk is full'); END",
                NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

/* A merge whose last write fails writes nothing: not the accepted text,
 * not the decision, not the review form. */
static void
test_merge_all_or_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TrOfficeImport) import =
    reviewed_file (fixture, "一、了解愛沙尼亞數位身分制度。\n二、學習資料交換。\n三、建立交流管道。\n四、規劃後續合作。",
                   TR_REVIEW_STATUS_RETURNED);
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autofree char *text = NULL;
  const char *id = tr_report_get_id (fixture->report);

  merge = tr_review_merge_new_for_store (fixture->store, id, import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merge->changes->len, ==, 2);
  find_change (merge, "一、了解數位身分制度。", "一、了解愛沙尼亞數位身分制度。")->choice = TR_MERGE_CHOICE_ACCEPT;
  g_assert_cmpuint (tr_review_merge_count_comments (merge), ==, 1);

  refuse_comments (fixture->path);
  g_assert_false (tr_review_merge_apply (merge, fixture->store, id, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TR_ERROR);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  text = stored_purpose (fixture);
  g_assert_cmpstr (text, ==, purpose);
  review = tr_report_store_load_review (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_DRAFT);
  g_assert_cmpuint (count_comments (fixture), ==, 0);
}

/* A file received for review whose comments cannot be written leaves no
 * report behind, rather than one without its comments or status. */
static void
test_receive_all_or_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "reviewer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) reviewer = tr_report_store_open (other_path, &error);
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(TrReport) left = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (comments, tr_comment_new (TR_SECTION_PURPOSE, 0, 4, "一、了解", "請說明", "林專員"));
  bytes = tr_odt_export_for_review_to_bytes (fixture->report, comments, review, &error);
  g_assert_no_error (error);
  import = tr_office_import_new_from_bytes (bytes, "送審.odt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_office_import_get_comments (import)->len, ==, 1);

  refuse_comments (other_path);
  g_assert_false (tr_office_import_receive (import, reviewer, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == TR_ERROR);
  g_clear_error (&error);
  left = tr_report_store_load (reviewer, tr_report_get_id (fixture->report), &error);
  g_assert_null (left);
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);

  g_clear_object (&reviewer);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (other_path, suffix, NULL);

      g_remove (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/review-choices/choices", Fixture, NULL, fixture_set_up, test_choices, fixture_tear_down);
  g_test_add ("/review-choices/reject-and-insert", Fixture, NULL, fixture_set_up, test_reject_and_insert,
              fixture_tear_down);
  g_test_add ("/review-choices/author-newer-text", Fixture, NULL, fixture_set_up, test_author_newer_text,
              fixture_tear_down);
  g_test_add ("/review-choices/locked", Fixture, NULL, fixture_set_up, test_locked_report, fixture_tear_down);
  g_test_add ("/review-choices/receive", Fixture, NULL, fixture_set_up, test_receive, fixture_tear_down);
  g_test_add ("/review-choices/merge-all-or-nothing", Fixture, NULL, fixture_set_up, test_merge_all_or_nothing,
              fixture_tear_down);
  g_test_add ("/review-choices/receive-all-or-nothing", Fixture, NULL, fixture_set_up,
              test_receive_all_or_nothing, fixture_tear_down);
  return g_test_run ();
}
