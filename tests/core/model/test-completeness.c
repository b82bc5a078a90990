/* test-completeness.c: numbering levels and the completeness rules
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "tr-completeness.h"
#include "tr-numbering.h"
#include "tr-review.h"

static void
test_numbering_levels (void)
{
  static const struct {
    const char *line;
    TrNumberingLevel level;
    const char *rest;
  } cases[] = {
    { "一、背景說明", TR_NUMBERING_CHINESE, "背景說明" },
    { "十二、其他", TR_NUMBERING_CHINESE, "其他" },
    { "  二、 縮排後", TR_NUMBERING_CHINESE, "縮排後" },
    { "（一）參訪行程", TR_NUMBERING_PARENTHESIZED_CHINESE, "參訪行程" },
    { "(三) half-width", TR_NUMBERING_PARENTHESIZED_CHINESE, "half-width" },
    { "1. 第一點", TR_NUMBERING_ARABIC, "第一點" },
    { "2、第二點", TR_NUMBERING_ARABIC, "第二點" },
    { "１０．全形", TR_NUMBERING_ARABIC, "全形" },
    { "（1）細項", TR_NUMBERING_PARENTHESIZED_ARABIC, "細項" },
    { "(12) detail", TR_NUMBERING_PARENTHESIZED_ARABIC, "detail" },
    { "2016. 年度", TR_NUMBERING_NONE, NULL },
    { "1.5 倍的成長", TR_NUMBERING_NONE, NULL },
    { "一般而言", TR_NUMBERING_NONE, NULL },
    { "（註）說明", TR_NUMBERING_NONE, NULL },
    { "", TR_NUMBERING_NONE, NULL },
    { "目的", TR_NUMBERING_NONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize prefix_length = 99;
      TrNumberingLevel level = tr_numbering_get_level (cases[i].line, &prefix_length);

      g_test_message ("line “%s”", cases[i].line);
      g_assert_cmpint (level, ==, cases[i].level);
      if (cases[i].rest != NULL)
        g_assert_cmpstr (cases[i].line + prefix_length, ==, cases[i].rest);
      else
        g_assert_cmpuint (prefix_length, ==, 0);
    }
}

static void
test_count_chinese (void)
{
  g_assert_cmpuint (tr_count_chinese_characters (""), ==, 0);
  g_assert_cmpuint (tr_count_chinese_characters ("APEC 2016，會議。"), ==, 2);
  g_assert_cmpuint (tr_count_chinese_characters ("臺灣 Taiwan 🇹🇼 城市"), ==, 4);
}

static void
test_count_recommendations (void)
{
  g_assert_cmpuint (tr_count_recommendation_items (""), ==, 0);
  g_assert_cmpuint (tr_count_recommendation_items ("  \n\n"), ==, 0);
  g_assert_cmpuint (tr_count_recommendation_items ("無"), ==, 1);
  g_assert_cmpuint (tr_count_recommendation_items ("建議加強合作。\n\n並持續追蹤。"), ==, 2);
  g_assert_cmpuint (tr_count_recommendation_items ("一、加強合作\n（一）細節\n（二）細節\n二、持續追蹤\n三、編列預算"), ==, 3);
  /* Items at a deeper level only still count as items. */
  g_assert_cmpuint (tr_count_recommendation_items ("前言說明\n1. 甲\n2. 乙"), ==, 2);
}

static TrReport *
complete_report (void)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrTraveller) traveller = tr_traveller_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  static const char * const keywords[] = { "城市", "永續", NULL };

  tr_report_set_text (report, TR_FIELD_TITLE, "赴新加坡參加世界城市峰會");
  tr_report_set_text (report, TR_FIELD_AGENCY, "臺中市政府");
  tr_report_set_text (report, TR_FIELD_CONTACT, "陳文政");
  tr_report_set_text (report, TR_FIELD_PHONE, "04-22289111");
  tr_report_set_text (report, TR_FIELD_CATEGORY, "開會");
  tr_report_set_text (report, TR_FIELD_PERIOD_START, "2016-07-09");
  tr_report_set_text (report, TR_FIELD_PERIOD_END, "2016-07-11");
  tr_report_set_text (report, TR_FIELD_DESTINATION, "新加坡");
  tr_report_set_text (report, TR_FIELD_REPORT_DATE, "2016-09-07");
  tr_traveller_set (traveller, TR_TRAVELLER_NAME, "張光瑤");
  g_list_store_append (tr_report_get_travellers (report), traveller);
  tr_report_set_keywords (report, keywords);
  for (guint i = 0; i < 25; i++)
    g_string_append (summary, "本次出國考察城市。");  /* 8 Han characters each */
  tr_report_set_text (report, TR_FIELD_SUMMARY, summary->str);
  tr_report_set_section (report, TR_SECTION_PURPOSE, "了解各國城市發展經驗。");
  tr_report_set_section (report, TR_SECTION_PROCESS, "一、出席市長論壇\n二、參訪濱海灣");
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, "新加坡重視都市規劃。");
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, "一、持續參與國際城市交流。");
  return report;
}

static GPtrArray *
check (TrReport *report)
{
  return tr_completeness_check (report, "2016-09-20");
}

static TrProblem *
find_problem (GPtrArray     *problems,
              TrProblemKind  kind,
              const char    *target)
{
  for (guint i = 0; i < problems->len; i++)
    {
      TrProblem *problem = g_ptr_array_index (problems, i);

      if (tr_problem_get_kind (problem) == kind &&
          g_strcmp0 (tr_problem_get_target (problem), target) == 0)
        return problem;
    }
  return NULL;
}

static void
test_complete_report_has_no_problem (void)
{
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(GPtrArray) problems = check (report);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("unexpected: %s", tr_problem_get_message (problems->pdata[i]));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_empty_report (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GPtrArray) problems = check (report);

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_assert_nonnull (find_problem (problems, TR_PROBLEM_EMPTY_SECTION, tr_section_get_key (s)));
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_MISSING_FIELD, "title"));
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_MISSING_FIELD, "report_date"));
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_NO_TRAVELLER, "travellers"));
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_NO_KEYWORD, "keywords"));
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_SUMMARY_TOO_SHORT, "summary"));
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_NO_RECOMMENDATION, "recommendations"));
  /* No dates, no due date to miss. */
  g_assert_null (find_problem (problems, TR_PROBLEM_OVERDUE, "report_date"));
}

static void
test_whitespace_is_empty (void)
{
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(GPtrArray) problems = NULL;

  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, " \n\t　\n");
  tr_report_set_text (report, TR_FIELD_AGENCY, "   ");
  problems = check (report);
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_EMPTY_SECTION, "observations"));
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_MISSING_FIELD, "agency"));
  g_assert_cmpuint (problems->len, ==, 2);
}

static void
test_summary_bounds (void)
{
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) at_min = NULL;
  g_autoptr(GPtrArray) at_max = NULL;
  g_autoptr(GPtrArray) over = NULL;
  g_autoptr(GPtrArray) under = NULL;

  /* Latin, digits and punctuation do not count towards the 200. */
  for (guint i = 0; i < 199; i++)
    g_string_append (text, "字");
  g_string_append (text, "，APEC 2016。");
  tr_report_set_text (report, TR_FIELD_SUMMARY, text->str);
  under = check (report);
  g_assert_nonnull (find_problem (under, TR_PROBLEM_SUMMARY_TOO_SHORT, "summary"));

  g_string_append (text, "字");
  tr_report_set_text (report, TR_FIELD_SUMMARY, text->str);
  at_min = check (report);
  g_assert_cmpuint (at_min->len, ==, 0);

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "字");
  tr_report_set_text (report, TR_FIELD_SUMMARY, text->str);
  at_max = check (report);
  g_assert_cmpuint (at_max->len, ==, 0);

  g_string_append (text, "字");
  tr_report_set_text (report, TR_FIELD_SUMMARY, text->str);
  over = check (report);
  g_assert_nonnull (find_problem (over, TR_PROBLEM_SUMMARY_TOO_LONG, "summary"));
}

static void
test_placeholders (void)
{
  static const char * const markers[] = { "○○", "XXX", "TODO", "待填" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      g_autoptr(TrReport) report = complete_report ();
      g_autofree char *text = g_strdup_printf ("本次由%s率團前往。", markers[i]);
      g_autoptr(GPtrArray) problems = NULL;
      TrProblem *problem;

      tr_report_set_section (report, TR_SECTION_PROCESS, text);
      problems = check (report);
      problem = find_problem (problems, TR_PROBLEM_PLACEHOLDER, "process");
      g_assert_nonnull (problem);
      /* The offset points at the marker so the editor can select it. */
      g_assert_cmpint (tr_problem_get_offset (problem), ==, strlen ("本次由"));
      g_assert_cmpuint (problems->len, ==, 1);
    }
}

static void
test_other_category_needs_text (void)
{
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) given = NULL;

  tr_report_set_text (report, TR_FIELD_CATEGORY, "其他");
  missing = check (report);
  g_assert_nonnull (find_problem (missing, TR_PROBLEM_MISSING_FIELD, "category_other"));

  tr_report_set_text (report, TR_FIELD_CATEGORY_OTHER, "國際會議");
  given = check (report);
  g_assert_cmpuint (given->len, ==, 0);
}

static void
test_period_reversed (void)
{
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(GPtrArray) problems = NULL;

  tr_report_set_text (report, TR_FIELD_PERIOD_START, "2016-07-12");
  problems = check (report);
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_PERIOD_REVERSED, "period_end"));
}

static void
test_due_date (void)
{
  g_autoptr(TrReport) report = complete_report ();
  g_autofree char *due = tr_completeness_get_due_date ("2016-07-11");
  g_autofree char *end_of_month = tr_completeness_get_due_date ("2016-11-30");
  g_autoptr(GPtrArray) on_time = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) undated_late = NULL;
  TrProblem *problem;

  g_assert_cmpstr (due, ==, "2016-10-11");
  /* GLib clamps to the last day of the month. */
  g_assert_cmpstr (end_of_month, ==, "2017-02-28");
  g_assert_null (tr_completeness_get_due_date (""));

  tr_report_set_text (report, TR_FIELD_REPORT_DATE, "2016-10-11");
  on_time = check (report);
  g_assert_cmpuint (on_time->len, ==, 0);

  tr_report_set_text (report, TR_FIELD_REPORT_DATE, "2016-10-12");
  late = check (report);
  problem = find_problem (late, TR_PROBLEM_OVERDUE, "report_date");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (tr_problem_get_message (problem), "105年10月11日"));

  /* An undated draft is late once today is past the due date. */
  tr_report_set_text (report, TR_FIELD_REPORT_DATE, NULL);
  undated_late = tr_completeness_check (report, "2016-10-12");
  g_assert_nonnull (find_problem (undated_late, TR_PROBLEM_OVERDUE, "report_date"));
}

/* A table of @n_rows × 2 whose cells are @cells, row by row. */
static TrTable *
new_table (guint               n_rows,
           const char * const *cells)
{
  TrTable *table = tr_table_new (n_rows, 2);

  for (guint i = 0; i < n_rows * 2; i++)
    tr_table_set_cell (table, i / 2, i % 2, cells[i]);
  return table;
}

/* A section that is only a table has content: its cells. */
static void
test_tables_are_content (void)
{
  static const char * const schedule_cells[] = { "日期", "行程", "7月9日", "出席市長論壇" };
  static const char * const recommendation_cells[] = { "項次", "建議事項", "一", "持續參與國際城市交流" };
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(TrTable) schedule = new_table (2, schedule_cells);
  g_autoptr(TrTable) recommendations = new_table (2, recommendation_cells);
  g_autoptr(GPtrArray) problems = NULL;

  tr_report_set_section (report, TR_SECTION_PROCESS, NULL);
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, NULL);
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), schedule);
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_RECOMMENDATIONS), recommendations);

  problems = check (report);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("unexpected: %s", tr_problem_get_message (problems->pdata[i]));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (tr_review_compute_answer (report, TR_REVIEW_ITEM_COMPLETE_FORMAT, NULL), ==,
                   TR_REVIEW_ANSWER_YES);
}

/* A table with nothing in it is no content. */
static void
test_empty_table_is_empty (void)
{
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(TrTable) table = tr_table_new (3, 4);
  g_autoptr(GPtrArray) problems = NULL;

  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, NULL);
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_OBSERVATIONS), table);
  problems = check (report);
  g_assert_nonnull (find_problem (problems, TR_PROBLEM_EMPTY_SECTION, "observations"));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (tr_review_compute_answer (report, TR_REVIEW_ITEM_COMPLETE_FORMAT, NULL), ==,
                   TR_REVIEW_ANSWER_NO);
}

/* A placeholder left in a cell or a caption is found, at its place in the
 * section's plain text. */
static void
test_placeholder_in_table (void)
{
  static const char * const cells[] = { "日期", "行程", "7月9日", "拜會○○部" };
  g_autoptr(TrReport) report = complete_report ();
  g_autoptr(TrTable) table = new_table (2, cells);
  g_autoptr(TrTable) people = tr_table_new (1, 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) in_caption = NULL;
  const char *text;
  TrProblem *problem;

  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), table);
  problems = check (report);
  problem = find_problem (problems, TR_PROBLEM_PLACEHOLDER, "process");
  g_assert_nonnull (problem);
  g_assert_cmpuint (problems->len, ==, 1);
  text = tr_report_get_section (report, TR_SECTION_PROCESS);
  g_assert_true (g_str_has_prefix (text + tr_problem_get_offset (problem), "○○部"));

  tr_table_set_cell (table, 1, 1, "拜會經濟部");
  tr_table_set_cell (people, 0, 0, "王小明");
  tr_table_set_caption (people, "出國人員TODO");
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_APPENDIX), people);
  in_caption = check (report);
  g_assert_nonnull (find_problem (in_caption, TR_PROBLEM_PLACEHOLDER, "appendix"));
  g_assert_cmpuint (in_caption->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/numbering/levels", test_numbering_levels);
  g_test_add_func ("/completeness/count-chinese", test_count_chinese);
  g_test_add_func ("/completeness/count-recommendations", test_count_recommendations);
  g_test_add_func ("/completeness/complete", test_complete_report_has_no_problem);
  g_test_add_func ("/completeness/empty", test_empty_report);
  g_test_add_func ("/completeness/whitespace", test_whitespace_is_empty);
  g_test_add_func ("/completeness/summary-bounds", test_summary_bounds);
  g_test_add_func ("/completeness/placeholders", test_placeholders);
  g_test_add_func ("/completeness/other-category", test_other_category_needs_text);
  g_test_add_func ("/completeness/period-reversed", test_period_reversed);
  g_test_add_func ("/completeness/due-date", test_due_date);
  g_test_add_func ("/completeness/tables/content", test_tables_are_content);
  g_test_add_func ("/completeness/tables/empty", test_empty_table_is_empty);
  g_test_add_func ("/completeness/tables/placeholder", test_placeholder_in_table);

  return g_test_run ();
}
