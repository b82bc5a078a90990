/* test-parser-form.c: the 提要 form as the PDF reader hands it to the parser
 *
 * A form laid out as a grid comes out of the reader as lines of cells
 * with tabs between them: the labels beside their values, the
 * travellers' header row with the form's label 出國人員 before it, and a
 * row per traveller; labels spaced out, or wrapped in a narrow column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "tr-parser.h"
#include "tr-report-parser.h"

static void
assert_traveller (TrReport   *report,
                  guint       index,
                  const char *name,
                  const char *agency,
                  const char *unit,
                  const char *title,
                  const char *phone)
{
  g_autoptr(TrTraveller) traveller = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (report)), index);

  g_assert_nonnull (traveller);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, name);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_AGENCY), ==, agency);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_UNIT), ==, unit);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_TITLE), ==, title);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_PHONE), ==, phone);
}

/* Two travellers under a header row with a column of two fields
 * (單位／職稱): each row is a traveller, whether the label 出國人員 is
 * beside the header (a label centred on two rows goes before the first)
 * or beside the first traveller (centred on three rows). */
static void
test_two_travellers (void)
{
  static const char * const texts[] = {
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱\t赴日本東京考察智慧交通\n"
    "出國人員\t姓名\t服務機關\t單位／職稱\t電話\n"
    "林怡君\t交通部\t路政司／科長\t02-2349-2000\n"
    "黃志明\t內政部\t營建署／技正\t02-8771-2345\n"
    "出國類別\t☑考察\n"
    "目的\n甲。\n過程\n乙。\n",
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱\t赴日本東京考察智慧交通\n"
    "姓名\t服務機關\t單位／職稱\t電話\n"
    "出國人員\t林怡君\t交通部\t路政司／科長\t02-2349-2000\n"
    "黃志明\t內政部\t營建署／技正\t02-8771-2345\n"
    "出國類別\t☑考察\n"
    "目的\n甲。\n過程\n乙。\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TrReport) report = tr_report_parse_text (texts[i]);

      g_test_message ("text %u", i);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 2);
      assert_traveller (report, 0, "林怡君", "交通部", "路政司", "科長", "02-2349-2000");
      assert_traveller (report, 1, "黃志明", "內政部", "營建署", "技正", "02-8771-2345");
      g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CATEGORY), ==, "考察");
    }
}

/* The same from a word processor's grid: the labels spaced out (one cell
 * each, as the reader gives them), the label 出國人員 on a line of its own
 * between the header and the rows (centred on them), or cut by a page
 * break before its last letter. */
static void
test_spaced_labels (void)
{
  static const char * const texts[] = {
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱\t赴日本東京考察智慧交通\n"
    "聯　絡　人\t林怡君\t電　　　話\t02-2349-2001\n"
    "出　國　人　員\t姓名\t服務機關\t單位／職稱\t電話\n"
    "林怡君\t交通部\t路政司／科長\t02-2349-2000\n"
    "黃志明\t內政部\t營建署／技正\t02-8771-2345\n"
    "出　國　類　別\t☑考察\n"
    "目的\n甲。\n過程\n乙。\n",
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱\t赴日本東京考察智慧交通\n"
    "聯　絡　人\t林怡君\t電　　　話\t02-2349-2001\n"
    "姓名\t服務機關\t單位／職稱\t電話\n"
    "出　國　人　員\n"
    "林怡君\t交通部\t路政司／科長\t02-2349-2000\n"
    "黃志明\t內政部\t營建署／技正\t02-8771-2345\n"
    "出　國　類　別\t☑考察\n"
    "目的\n甲。\n過程\n乙。\n",
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱\t赴日本東京考察智慧交通\n"
    "聯絡人\t林怡君\t電話\t02-2349-2001\n"
    "出國人\t姓名\t服務機關\t單位／職稱\t電話\n"
    "\f員\n"
    "林怡君\t交通部\t路政司／科長\t02-2349-2000\n"
    "黃志明\t內政部\t營建署／技正\t02-8771-2345\n"
    "出國類別\t☑考察\n"
    "目的\n甲。\n過程\n乙。\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(TrReport) report = tr_report_parse_text (texts[i]);

      g_test_message ("text %u", i);
      g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CONTACT), ==, "林怡君");
      g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PHONE), ==, "02-2349-2001");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 2);
      assert_traveller (report, 0, "林怡君", "交通部", "路政司", "科長", "02-2349-2000");
      assert_traveller (report, 1, "黃志明", "內政部", "營建署", "技正", "02-8771-2345");
      g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CATEGORY), ==, "考察");
    }
}

/* A long label in a narrow column wraps over three lines, its value
 * beside the middle one; or over two, its value on the first, or
 * wrapping beside it. */
static void
test_wrapped_labels (void)
{
  static const char *text =
    "公務出國或赴大陸地區報告提要\n"
    "出國計\n"
    "畫主辦\t交通部路政司\n"
    "機關\n"
    "出國地\t日本東京都\n"
    "區\n"
    "出國報告名\t赴日本東京考察智慧交\n"
    "稱\t通\n"
    "出國類別\t☑考察\n"
    "目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "赴日本東京考察智慧交通");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_AGENCY), ==, "交通部路政司");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_DESTINATION), ==, "日本東京都");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CATEGORY), ==, "考察");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), ==, "");
}

typedef struct {
  guint       page;
  double      y, x, width, height;
  const char *text;
  double      cell_x[2];
} Line;

static GPtrArray *
make_lines (const Line *spec,
            guint       n)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);

  for (guint i = 0; i < n; i++)
    {
      TrLayoutLine *line = tr_layout_line_new (spec[i].text, spec[i].page);

      line->x = spec[i].x;
      line->y = spec[i].y;
      line->width = spec[i].width;
      line->height = spec[i].height;
      line->font_size = 12.0;
      line->page_width = 595.3;
      line->page_height = 841.9;
      if (strchr (spec[i].text, '\t') != NULL)
        tr_layout_line_set_cell_x (line, spec[i].cell_x, 2);
      g_ptr_array_add (lines, line);
    }
  return lines;
}

/* The 內容摘要 label in a column too narrow for it (LibreOffice's import
 * of a web page's grid): it wraps over two lines, vertically centred
 * beside the summary, so the summary's first lines come before the label
 * in the value column alone, the label's first half beside a middle line
 * and its last character beside the rest. The summary is read whole, in
 * order, and none of it is taken for keywords or left as text. Positions
 * as the reader gives them of the corpus's form-grid case. */
static void
test_centred_summary_label (void)
{
  static const Line spec[] = {
    { 0, 455.9, 185.8, 224.0, 20.8, "公務出國或赴大陸地區報告提要" },
    { 0, 497.1, 63.9, 378.2, 41.4, "出 國 報告名稱\t赴日本東京考察智慧交通出國報告", { 63.9, 114.0 } },
    { 0, 564.0, 63.9, 301.6, 15.6, "聯絡人\t林怡君", { 63.9, 114.0 } },
    { 0, 605.0, 63.9, 130.5, 41.5, "報 告 日期\t107 年 5 月 30 日", { 63.9, 114.0 } },
    { 0, 650.0, 63.9, 218.1, 15.6, "關鍵詞\t智慧城市、公共運輸、城市韌性", { 63.9, 114.0 } },
    { 0, 691.1, 114.0, 415.9, 15.6, "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法，參訪行程緊湊但" },
    { 0, 716.9, 114.0, 417.6, 15.6, "收穫豐碩，雙方同意持續推動城市間之技術交流與人員互訪，講者說明社會住" },
    { 0, 742.8, 63.9, 466.0, 28.5, "內 容 摘\t宅興辦與租金補貼之財務機制，現場展示以感測器監測河川水位之預警系統", { 63.9, 114.0 } },
    { 0, 768.6, 63.9, 467.5, 40.9, "要\t，當地官員強調公私協力對於都市更新之重要性。", { 63.9, 114.0 } },
    { 1, 86.2, 62.5, 64.0, 20.8, "壹、目的" },
    { 1, 134.1, 62.5, 469.6, 15.6, "甲。" },
    { 1, 186.2, 62.5, 64.0, 20.8, "貳、過程" },
    { 1, 234.1, 62.5, 469.6, 15.6, "乙。" },
  };
  const char * const keywords[] = { "智慧城市", "公共運輸", "城市韌性", NULL };
  g_autoptr(GPtrArray) lines = make_lines (spec, G_N_ELEMENTS (spec));
  g_autoptr(TrParsedReport) parsed = tr_parser_parse_lines (lines, 2);

  g_test_message ("summary: “%s”", tr_parsed_report_get_text (parsed, TR_FIELD_SUMMARY));
  g_test_message ("unclassified: “%s”", tr_parsed_report_get_text (parsed, TR_FIELD_UNCLASSIFIED));
  g_assert_cmpstr (tr_parsed_report_get_text (parsed, TR_FIELD_SUMMARY), ==,
                   "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法，參訪行程緊湊但收穫豐碩，"
                   "雙方同意持續推動城市間之技術交流與人員互訪，講者說明社會住宅興辦與租金補貼之財務機制，"
                   "現場展示以感測器監測河川水位之預警系統，當地官員強調公私協力對於都市更新之重要性。");
  g_assert_true (g_strv_equal ((const char * const *) parsed->keywords->pdata, keywords));
  g_assert_null (strstr (tr_parsed_report_get_text (parsed, TR_FIELD_UNCLASSIFIED), "本團"));
  g_assert_null (strstr (tr_parsed_report_get_text (parsed, TR_FIELD_UNCLASSIFIED), "要"));
  g_assert_cmpstr (tr_parsed_report_get_text (parsed, TR_FIELD_PURPOSE), ==, "甲。");
}

/* The same label cut without a tab between it and its text (LibreOffice
 * puts none when the label's first line is as wide as its cell), the
 * summary's lines above it as far right as each other. */
static void
test_centred_summary_label_no_tab (void)
{
  static const Line spec[] = {
    { 0, 455.9, 185.8, 224.0, 20.8, "公務出國或赴大陸地區報告提要" },
    { 0, 497.1, 63.9, 378.2, 41.4, "報告名稱\t赴日本東京考察智慧交通出國報告", { 63.9, 107.6 } },
    { 0, 564.0, 63.9, 301.6, 15.6, "關鍵字\t智慧城市、公共運輸、城市韌性", { 63.9, 107.6 } },
    { 0, 605.0, 107.6, 422.9, 15.6, "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法，參訪行程緊湊但" },
    { 0, 630.9, 107.6, 422.9, 15.6, "收穫豐碩，雙方同意持續推動城市間之技術交流與人員互訪，講者說明社會住" },
    { 0, 656.7, 63.9, 466.8, 15.6, "內 容 摘 宅興辦與租金補貼之財務機制，現場展示以感測器監測河川水位之預警系統" },
    { 0, 682.6, 63.9, 466.6, 40.9, "要\t，當地官員強調公私協力對於都市更新之重要性。", { 63.9, 107.6 } },
    { 1, 86.2, 62.5, 64.0, 20.8, "壹、目的" },
    { 1, 134.1, 62.5, 469.6, 15.6, "甲。" },
    { 1, 186.2, 62.5, 64.0, 20.8, "貳、過程" },
    { 1, 234.1, 62.5, 469.6, 15.6, "乙。" },
  };
  g_autoptr(GPtrArray) lines = make_lines (spec, G_N_ELEMENTS (spec));
  g_autoptr(TrParsedReport) parsed = tr_parser_parse_lines (lines, 2);

  g_test_message ("summary: “%s”", tr_parsed_report_get_text (parsed, TR_FIELD_SUMMARY));
  g_assert_cmpstr (tr_parsed_report_get_text (parsed, TR_FIELD_SUMMARY), ==,
                   "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法，參訪行程緊湊但收穫豐碩，"
                   "雙方同意持續推動城市間之技術交流與人員互訪，講者說明社會住宅興辦與租金補貼之財務機制，"
                   "現場展示以感測器監測河川水位之預警系統，當地官員強調公私協力對於都市更新之重要性。");
  g_assert_cmpstr (tr_parsed_report_get_text (parsed, TR_FIELD_UNCLASSIFIED), ==, "");
}

/* A cover in another agency's words: 機關名稱, 姓名 and 職稱 on lines of
 * their own, 出國國家, 出國日期 with Western dates. */
static void
test_cover_other_labels (void)
{
  static const char *text =
    "出國報告（出國類別：開會）\n"
    "臺中市政府組團赴新加坡\n"
    "參加「2016世界城市峰會」\n"
    "出國報告\n"
    "機關名稱：臺中市政府\n"
    "單　　位：秘書處\n"
    "姓　　名：陳文政\n"
    "職　　稱：股長\n"
    "出國國家：新加坡\n"
    "出國日期：2016/07/09 - 2016/07/11\n"
    "報告日期：2016/09/07\n"
    "\f壹、目的\n甲。\n貳、過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "臺中市政府組團赴新加坡參加「2016世界城市峰會」出國報告");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 1);
  assert_traveller (report, 0, "陳文政", "臺中市政府", "秘書處", "股長", "");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_DESTINATION), ==, "新加坡");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PERIOD_START), ==, "2016-07-09");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PERIOD_END), ==, "2016-07-11");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_REPORT_DATE), ==, "2016-09-07");
}

/* 聯絡 wrapped above its value and 人 below it, when 聯絡 could start
 * 聯絡電話 too; the category's last box pushed beside the next row's
 * label (pandoc's DOCX grid): each value goes to its own field. */
static void
test_wrapped_ambiguous_label (void)
{
  static const char *text =
    "公務出國或赴大陸地區報告提要\n"
    "報告名稱\t赴日本東京考察智慧交通\n"
    "聯　絡\n"
    "林怡君\t電　　話\t02-2349-2000\n"
    "人\n"
    "出國類別\t☐考察 ☐進修 ☐研究 ☐實習 ☐視察 ☐訪問 ☐開會 ☐談判\n"
    "出國人員\t☑其他\n"
    "姓　名\t服務機關\t單　位\t職　稱\t電　話\n"
    "林怡君\t交通部\t路政司\t科長\t02-2349-2001\n"
    "目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CONTACT), ==, "林怡君");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PHONE), ==, "02-2349-2000");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CATEGORY), ==, "其他");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 1);
  assert_traveller (report, 0, "林怡君", "交通部", "路政司", "科長", "02-2349-2001");
}

/* The label 出國人員 wrapped in its narrow cell, its first line so close
 * to the header's spaced-out 姓　名 that the reader gives them as one
 * cell (LibreOffice's import of a web page's grid), its last letter
 * beside the first row. */
static void
test_rows_label_glued_to_header (void)
{
  static const char *text =
    "公務出國或赴大陸地區報告提要\n"
    "報告名稱\t赴日本東京考察智慧交通\n"
    "出國類別\t☐考察 ☑開會 ☐其他\n"
    "出國人姓\t名\t服務機關\t單　位\t職　稱\t電　話\n"
    "員\t林怡君\t交通部\t路政司\t科長\t02-2349-2001\n"
    "報告日期\t107 年 5 月 30 日\n"
    "目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 1);
  assert_traveller (report, 0, "林怡君", "交通部", "路政司", "科長", "02-2349-2001");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_REPORT_DATE), ==, "2018-05-30");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser-form/two-travellers", test_two_travellers);
  g_test_add_func ("/parser-form/spaced-labels", test_spaced_labels);
  g_test_add_func ("/parser-form/wrapped-labels", test_wrapped_labels);
  g_test_add_func ("/parser-form/centred-summary-label", test_centred_summary_label);
  g_test_add_func ("/parser-form/centred-summary-label-no-tab", test_centred_summary_label_no_tab);
  g_test_add_func ("/parser-form/cover-other-labels", test_cover_other_labels);
  g_test_add_func ("/parser-form/wrapped-ambiguous-label", test_wrapped_ambiguous_label);
  g_test_add_func ("/parser-form/rows-label-glued-to-header", test_rows_label_glued_to_header);

  return g_test_run ();
}
