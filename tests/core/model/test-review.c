/* test-review.c: the review form, its status workflow and reviewers'
 * comments, in the model and in a real SQLite file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include <glib/gstdio.h>

#include "tr-comment.h"
#include "tr-error.h"
#include "tr-report-store.h"
#include "tr-review.h"
#include "tr-test-util.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-review-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static TrReport *
make_report (const char *period_end,
             const char *report_date,
             gboolean    all_sections)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);

  tr_report_set_text (report, TR_FIELD_TITLE, "赴日本考察智慧交通");
  tr_report_set_text (report, TR_FIELD_PERIOD_START, "2016-06-01");
  tr_report_set_text (report, TR_FIELD_PERIOD_END, period_end);
  tr_report_set_text (report, TR_FIELD_REPORT_DATE, report_date);
  tr_report_set_section (report, TR_SECTION_PURPOSE, "了解日本智慧交通的推動經驗。");
  tr_report_set_section (report, TR_SECTION_PROCESS, "六月一日抵達東京，參訪國土交通省。");
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, "日本的號誌整合值得借鏡。");
  if (all_sections)
    tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, "一、建置號誌整合平台。");
  return report;
}

/* Status ------------------------------------------------------------------ */

static void
test_transitions (void)
{
  /* Every pair: exactly these four are allowed. */
  static const gboolean allowed[TR_N_REVIEW_STATUSES][TR_N_REVIEW_STATUSES] = {
    [TR_REVIEW_STATUS_DRAFT] = { [TR_REVIEW_STATUS_SUBMITTED] = TRUE },
    [TR_REVIEW_STATUS_SUBMITTED] = { [TR_REVIEW_STATUS_RETURNED] = TRUE,
                                     [TR_REVIEW_STATUS_APPROVED] = TRUE },
    [TR_REVIEW_STATUS_RETURNED] = { [TR_REVIEW_STATUS_DRAFT] = TRUE },
  };

  for (guint from = 0; from < TR_N_REVIEW_STATUSES; from++)
    for (guint to = 0; to < TR_N_REVIEW_STATUSES; to++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok = tr_review_status_check_transition (from, to, &error);

        g_test_message ("%s → %s", tr_review_status_to_string (from), tr_review_status_to_string (to));
        g_assert_cmpint (ok, ==, allowed[from][to]);
        if (ok)
          g_assert_no_error (error);
        else
          g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION);
      }
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_review_status (void)
{
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_signal_connect_swapped (review, "notify::status", G_CALLBACK (count_signal), &notified);

  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_DRAFT);
  g_assert_false (tr_review_set_status (review, TR_REVIEW_STATUS_APPROVED, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_DRAFT);
  g_assert_cmpuint (notified, ==, 0);

  g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_RETURNED, &error));
  g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_DRAFT, &error));
  g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_true (tr_review_set_status (review, TR_REVIEW_STATUS_APPROVED, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 5);

  /* Approved is final. */
  for (guint to = 0; to < TR_N_REVIEW_STATUSES; to++)
    {
      g_assert_false (tr_review_set_status (review, to, &error));
      g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION);
      g_clear_error (&error);
    }
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_APPROVED);
}

static void
test_status_strings (void)
{
  for (guint s = 0; s < TR_N_REVIEW_STATUSES; s++)
    {
      TrReviewStatus parsed = TR_N_REVIEW_STATUSES;

      g_assert_true (tr_review_status_from_string (tr_review_status_to_string (s), &parsed));
      g_assert_cmpint (parsed, ==, s);
    }
  g_assert_cmpstr (tr_review_status_get_label (TR_REVIEW_STATUS_RETURNED), ==, "退回補正");
  g_assert_cmpstr (tr_review_status_get_label (TR_REVIEW_STATUS_APPROVED), ==, "核定");
  g_assert_false (tr_review_status_from_string ("Approved", NULL));
  g_assert_false (tr_review_status_from_string (NULL, NULL));
}

/* Pre-filled items ---------------------------------------------------------- */

static void
test_prefill_on_time (void)
{
  struct {
    const char *period_end;
    const char *report_date;
    const char *today;
    TrReviewAnswer expected;
  } cases[] = {
    /* Due 2016-09-09: the last day is still on time. */
    { "2016-06-09", "2016-07-01", "2020-01-01", TR_REVIEW_ANSWER_YES },
    { "2016-06-09", "2016-09-09", "2020-01-01", TR_REVIEW_ANSWER_YES },
    { "2016-06-09", "2016-09-10", "2016-07-01", TR_REVIEW_ANSWER_NO },
    /* No report date yet: judged by today. */
    { "2016-06-09", "", "2016-08-01", TR_REVIEW_ANSWER_YES },
    { "2016-06-09", "", "2016-12-01", TR_REVIEW_ANSWER_NO },
    /* Month ends: 2016-11-30 + 3 months is 2017-02-28. */
    { "2016-11-30", "2017-02-28", NULL, TR_REVIEW_ANSWER_YES },
    { "2016-11-30", "2017-03-01", NULL, TR_REVIEW_ANSWER_NO },
    /* No return date: nothing to say. */
    { "", "2016-07-01", "2016-07-01", TR_REVIEW_ANSWER_UNSET },
    { "105年6月9日", "2016-07-01", "2016-07-01", TR_REVIEW_ANSWER_UNSET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrReport) report = make_report (cases[i].period_end, cases[i].report_date, TRUE);
      g_autoptr(TrReview) review = tr_review_new ();

      g_test_message ("case %u: %s %s", i, cases[i].period_end, cases[i].report_date);
      g_assert_cmpint (tr_review_compute_answer (report, TR_REVIEW_ITEM_ON_TIME, cases[i].today),
                       ==, cases[i].expected);
      tr_review_prefill (review, report, cases[i].today);
      g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_SELF),
                       ==, cases[i].expected);
      /* The agency's column is left for the agency. */
      g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_AGENCY),
                       ==, TR_REVIEW_ANSWER_UNSET);
    }
}

static void
test_prefill_format (void)
{
  g_autoptr(TrReport) report = make_report ("2016-06-09", "2016-07-01", FALSE);
  g_autoptr(TrReview) review = tr_review_new ();

  tr_review_prefill (review, report, NULL);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_SELF),
                   ==, TR_REVIEW_ANSWER_NO);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_AGENCY),
                   ==, TR_REVIEW_ANSWER_UNSET);
  /* The agency answers for itself. */
  tr_review_set_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_NO);

  /* Blank space is not a section. */
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, " \n\u3000");
  g_assert_cmpint (tr_review_compute_answer (report, TR_REVIEW_ITEM_COMPLETE_FORMAT, NULL),
                   ==, TR_REVIEW_ANSWER_NO);

  /* The agency said 否 itself; the report is fixed: the traveller's column
   * follows the facts, the agency's answer stays the agency's. */
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, "無");
  tr_review_prefill (review, report, NULL);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_SELF),
                   ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_AGENCY),
                   ==, TR_REVIEW_ANSWER_NO);

  /* Only items 1 and 2 are computed; the rest stay as ticked. */
  for (guint item = TR_REVIEW_ITEM_NO_PLAGIARISM; item < TR_N_REVIEW_ITEMS; item++)
    {
      g_assert_false (tr_review_item_is_computed (item));
      for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
        g_assert_cmpint (tr_review_get_answer (review, item, column), ==, TR_REVIEW_ANSWER_UNSET);
    }
}

static void
test_official_wording (void)
{
  g_assert_cmpstr (tr_review_item_get_text (TR_REVIEW_ITEM_COMPLETE_FORMAT), ==,
                   "格式完整（本文具備目的、過程、心得及建議事項）");
  g_assert_cmpstr (tr_return_reason_get_text (TR_RETURN_REASON_UNCITED), ==, "引用未註明來源");
  g_assert_cmpstr (tr_publication_get_text (TR_PUBLICATION_BRIEFING), ==, "業務會報提出");
  g_assert_cmpstr (tr_review_signature_get_text (TR_REVIEW_SIGNATURE_HEAD), ==, "機關首長或授權人員");
}

/* Comments ------------------------------------------------------------------ */

static void
test_comment_anchor (void)
{
  const char *text = "一、參訪東京都廳。二、參訪國土交通省，討論號誌整合。";
  g_autoptr(TrComment) comment = NULL;
  guint start = 0, end = 0;

  /* 「國土交通省」 is characters 13–18. */
  comment = tr_comment_new (TR_SECTION_PROCESS, 13, 18, "國土交通省", "哪個局？", "王小明");
  g_assert_true (tr_comment_anchor (comment, text, &start, &end));
  g_assert_cmpuint (start, ==, 13);
  g_assert_cmpuint (end, ==, 18);

  /* Text inserted before the passage. */
  g_assert_true (tr_comment_anchor (comment, "（六月二日）一、參訪東京都廳。二、參訪國土交通省，討論號誌整合。",
                                    &start, &end));
  g_assert_cmpuint (start, ==, 19);
  g_assert_cmpuint (end, ==, 24);

  /* Two occurrences: the one nearest the old place wins. */
  g_assert_true (tr_comment_anchor (comment, "國土交通省簡介。一、參訪東京。二、參訪國土交通省，討論。",
                                    &start, &end));
  g_assert_cmpuint (start, ==, 19);

  /* The passage was rewritten: not found, the old range clamped. */
  g_assert_false (tr_comment_anchor (comment, "一、參訪東京都廳。", &start, &end));
  g_assert_cmpuint (start, ==, 9);
  g_assert_cmpuint (end, ==, 9);

  /* Reversed offsets are put in order. */
  g_clear_object (&comment);
  comment = tr_comment_new (TR_SECTION_PURPOSE, 5, 2, "ab", "", "");
  g_assert_cmpuint (tr_comment_get_start (comment), ==, 2);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, 5);
}

/* Store --------------------------------------------------------------------- */

static void
test_store_review_round_trip (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report ("2016-06-09", "2016-07-01", TRUE);
  const char *id = tr_report_get_id (report);
  g_autoptr(TrReview) review = NULL;
  g_autoptr(TrReview) loaded = NULL;
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);

  /* Nothing stored yet: an empty draft review. */
  review = tr_report_store_load_review (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_DRAFT);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_USEFUL, TR_REVIEW_COLUMN_AGENCY),
                   ==, TR_REVIEW_ANSWER_UNSET);

  tr_review_prefill (review, report, NULL);
  tr_review_set_answer (review, TR_REVIEW_ITEM_USEFUL, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_NO);
  tr_review_set_answer (review, TR_REVIEW_ITEM_OTHER, TR_REVIEW_COLUMN_SELF, TR_REVIEW_ANSWER_YES);
  tr_review_set_return_reasons (review, TR_RETURN_REASON_PLAGIARISM | TR_RETURN_REASON_FILE_FORMAT);
  tr_review_set_publication (review, TR_PUBLICATION_SEMINAR | TR_PUBLICATION_OTHER);
  tr_review_set_publication_other (review, "刊登於機關電子報");
  tr_review_set_remarks (review, "請補充\n參考資料。");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER, "王小明");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_HEAD, "陳局長");
  g_assert_true (tr_report_store_save_review (fixture->store, id, review, &error));
  g_assert_no_error (error);

  /* Read back through a second connection: it is in the file. */
  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  loaded = tr_report_store_load_review (other, id, &error);
  g_assert_no_error (error);
  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
      g_assert_cmpint (tr_review_get_answer (loaded, item, column), ==,
                       tr_review_get_answer (review, item, column));
  g_assert_cmpint (tr_review_get_answer (loaded, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_SELF),
                   ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (loaded, TR_REVIEW_ITEM_USEFUL, TR_REVIEW_COLUMN_AGENCY),
                   ==, TR_REVIEW_ANSWER_NO);
  g_assert_cmpint (tr_review_get_return_reasons (loaded), ==,
                   TR_RETURN_REASON_PLAGIARISM | TR_RETURN_REASON_FILE_FORMAT);
  g_assert_cmpint (tr_review_get_publication (loaded), ==, TR_PUBLICATION_SEMINAR | TR_PUBLICATION_OTHER);
  g_assert_cmpstr (tr_review_get_publication_other (loaded), ==, "刊登於機關電子報");
  g_assert_cmpstr (tr_review_get_remarks (loaded), ==, "請補充\n參考資料。");
  g_assert_cmpstr (tr_review_get_signature (loaded, TR_REVIEW_SIGNATURE_TRAVELLER), ==, "王小明");
  g_assert_cmpstr (tr_review_get_signature (loaded, TR_REVIEW_SIGNATURE_UNIT_HEAD), ==, "");
  g_assert_cmpstr (tr_review_get_signature (loaded, TR_REVIEW_SIGNATURE_HEAD), ==, "陳局長");

  /* No such report. */
  g_assert_null (tr_report_store_load_review (fixture->store, "nope", &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tr_report_store_save_review (fixture->store, "nope", review, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
}

static void
assert_status (TrReportStore  *store,
               const char     *id,
               TrReviewStatus  expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReview) review = tr_report_store_load_review (store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, expected);
}

static void
test_store_status (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report ("2016-06-09", "2016-07-01", TRUE);
  const char *id = tr_report_get_id (report);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tr_report_store_save (fixture->store, report, &error));

  g_assert_false (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_APPROVED, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  assert_status (fixture->store, id, TR_REVIEW_STATUS_DRAFT);

  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  assert_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED);

  /* Saving the form keeps the status; saving the report (an export that
   * counted its pages: its text is locked, test-store-lock.c) keeps the
   * form and the status. */
  tr_review_set_remarks (review, "內容尚可");
  g_assert_true (tr_report_store_save_review (fixture->store, id, review, &error));
  assert_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED);
  tr_report_set_pages (report, 7);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  assert_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED);
  {
    g_autoptr(TrReview) loaded = tr_report_store_load_review (fixture->store, id, &error);

    g_assert_cmpstr (tr_review_get_remarks (loaded), ==, "內容尚可");
  }

  g_assert_false (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_DRAFT, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_RETURNED, &error));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_DRAFT, &error));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_APPROVED, &error));
  g_assert_no_error (error);
  assert_status (fixture->store, id, TR_REVIEW_STATUS_APPROVED);
  g_assert_false (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_DRAFT, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  assert_status (fixture->store, id, TR_REVIEW_STATUS_APPROVED);

  g_assert_false (tr_report_store_set_status (fixture->store, "nope", TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
}

static void
test_store_list_by_status (Fixture       *fixture,
                           gconstpointer  data)
{
  const TrReviewStatus wanted[] = {
    TR_REVIEW_STATUS_DRAFT, TR_REVIEW_STATUS_SUBMITTED, TR_REVIEW_STATUS_SUBMITTED,
    TR_REVIEW_STATUS_RETURNED, TR_REVIEW_STATUS_APPROVED,
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autoptr(TrReport) report = make_report ("2016-06-09", "2016-07-01", TRUE);
      const char *id = tr_report_get_id (report);

      g_assert_true (tr_report_store_save (fixture->store, report, &error));
      g_ptr_array_add (ids, g_strdup (id));
      if (wanted[i] != TR_REVIEW_STATUS_DRAFT)
        g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
      if (wanted[i] == TR_REVIEW_STATUS_RETURNED || wanted[i] == TR_REVIEW_STATUS_APPROVED)
        g_assert_true (tr_report_store_set_status (fixture->store, id, wanted[i], &error));
      g_assert_no_error (error);
    }
  /* A returned report sent back to draft counts as a draft again. */
  g_assert_true (tr_report_store_set_status (fixture->store, ids->pdata[3], TR_REVIEW_STATUS_DRAFT, &error));

  for (guint s = 0; s < TR_N_REVIEW_STATUSES; s++)
    {
      g_autoptr(GPtrArray) infos = tr_report_store_list_by_status (fixture->store, s, &error);
      guint expected = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
        {
          TrReviewStatus now = i == 3 ? TR_REVIEW_STATUS_DRAFT : wanted[i];
          gboolean listed = FALSE;

          if (now != s)
            continue;
          expected++;
          for (guint j = 0; j < infos->len; j++)
            listed |= g_str_equal (tr_report_info_get_id (infos->pdata[j]), ids->pdata[i]);
          g_assert_true (listed);
        }
      g_assert_cmpuint (infos->len, ==, expected);
      for (guint j = 0; j < infos->len; j++)
        g_assert_cmpint (tr_report_info_get_status (infos->pdata[j]), ==, s);
    }

  /* The full list and search hits carry the status too. */
  {
    g_autoptr(GPtrArray) all = tr_report_store_list (fixture->store, &error);
    g_autoptr(GPtrArray) hits = tr_report_store_search (fixture->store, "智慧交通", 0, &error);
    guint approved = 0;

    g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (wanted));
    g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (wanted));
    for (guint j = 0; j < all->len; j++)
      approved += tr_report_info_get_status (all->pdata[j]) == TR_REVIEW_STATUS_APPROVED;
    g_assert_cmpuint (approved, ==, 1);
    approved = 0;
    for (guint j = 0; j < hits->len; j++)
      {
        approved += tr_report_info_get_status (hits->pdata[j]) == TR_REVIEW_STATUS_APPROVED;
        g_assert_nonnull (tr_report_info_get_snippet (hits->pdata[j]));
      }
    g_assert_cmpuint (approved, ==, 1);
  }
}

static void
test_store_comments (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report ("2016-06-09", "2016-07-01", TRUE);
  const char *id = tr_report_get_id (report);
  g_autoptr(TrComment) first = NULL;
  g_autoptr(TrComment) second = NULL;
  g_autoptr(TrComment) third = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(GError) error = NULL;
  TrComment *c;

  g_assert_true (tr_report_store_save (fixture->store, report, &error));

  second = tr_comment_new (TR_SECTION_PROCESS, 9, 14, "國土交通省", "請寫出局處名稱", "審核人");
  first = tr_comment_new (TR_SECTION_PURPOSE, 2, 6, "日本智慧", "範圍太廣", "審核人");
  third = tr_comment_new (TR_SECTION_PROCESS, 0, 4, "六月一日", "日期用民國年", "另一位");
  g_assert_true (tr_report_store_add_comment (fixture->store, id, second, &error));
  g_assert_true (tr_report_store_add_comment (fixture->store, id, first, &error));
  g_assert_true (tr_report_store_add_comment (fixture->store, id, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tr_comment_get_id (first), >, 0);
  g_assert_cmpint (tr_comment_get_id (second), !=, tr_comment_get_id (first));

  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  comments = tr_report_store_list_comments (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 3);
  /* By section in report order, then by place. */
  g_assert_cmpint (tr_comment_get_id (comments->pdata[0]), ==, tr_comment_get_id (first));
  g_assert_cmpint (tr_comment_get_id (comments->pdata[1]), ==, tr_comment_get_id (third));
  g_assert_cmpint (tr_comment_get_id (comments->pdata[2]), ==, tr_comment_get_id (second));
  c = comments->pdata[2];
  g_assert_cmpint (tr_comment_get_section (c), ==, TR_SECTION_PROCESS);
  g_assert_cmpuint (tr_comment_get_start (c), ==, 9);
  g_assert_cmpuint (tr_comment_get_end (c), ==, 14);
  g_assert_cmpstr (tr_comment_get_quote (c), ==, "國土交通省");
  g_assert_cmpstr (tr_comment_get_body (c), ==, "請寫出局處名稱");
  g_assert_cmpstr (tr_comment_get_author (c), ==, "審核人");
  g_assert_false (tr_comment_get_resolved (c));
  g_assert_true (g_date_time_equal (tr_comment_get_created (c), tr_comment_get_created (second)));
  g_clear_pointer (&comments, g_ptr_array_unref);

  /* Resolve, move, delete. */
  g_assert_true (tr_report_store_set_comment_resolved (fixture->store, tr_comment_get_id (first), TRUE, &error));
  g_assert_true (tr_report_store_move_comment (fixture->store, tr_comment_get_id (second), 20, 25,
                                               "國土交通省", &error));
  g_assert_true (tr_report_store_delete_comment (fixture->store, tr_comment_get_id (third), &error));
  g_assert_no_error (error);
  /* The autosave of the report leaves the comments alone. */
  g_assert_true (tr_report_store_save (fixture->store, report, &error));

  comments = tr_report_store_list_comments (other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_true (tr_comment_get_resolved (comments->pdata[0]));
  g_assert_cmpuint (tr_comment_get_start (comments->pdata[1]), ==, 20);
  g_assert_false (tr_comment_get_resolved (comments->pdata[1]));
  g_clear_pointer (&comments, g_ptr_array_unref);

  g_assert_false (tr_report_store_delete_comment (fixture->store, tr_comment_get_id (third), &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tr_report_store_set_comment_resolved (fixture->store, 987654, TRUE, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (tr_report_store_add_comment (fixture->store, "nope", third, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the report takes its review and comments with it. */
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_true (tr_report_store_delete (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (tr_report_store_set_comment_resolved (fixture->store, tr_comment_get_id (second), FALSE, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) submitted = tr_report_store_list_by_status (other, TR_REVIEW_STATUS_SUBMITTED, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (submitted->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/status/transitions", test_transitions);
  g_test_add_func ("/review/status/review-object", test_review_status);
  g_test_add_func ("/review/status/strings", test_status_strings);
  g_test_add_func ("/review/prefill/on-time", test_prefill_on_time);
  g_test_add_func ("/review/prefill/format", test_prefill_format);
  g_test_add_func ("/review/wording", test_official_wording);
  g_test_add_func ("/review/comment/anchor", test_comment_anchor);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/store/round-trip", test_store_review_round_trip);
  ADD ("/review/store/status", test_store_status);
  ADD ("/review/store/list-by-status", test_store_list_by_status);
  ADD ("/review/store/comments", test_store_comments);

  return g_test_run ();
}
