/* parser-structure.c: headings and sections, dates, and edge cases of the text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-parser.h"

/* Dates -------------------------------------------------------------------- */

static void
test_date_parse_any (void)
{
  static const struct {
    const char *text;
    const char *iso;
  } cases[] = {
    { "105年7月9日", "2016-07-09" },
    { "105.07.09", "2016-07-09" },
    { "105/7/9", "2016-07-09" },
    { "105-07-09", "2016-07-09" },
    { "一百零五年七月九日", "2016-07-09" },
    { "一〇五年七月九日", "2016-07-09" },
    { "一○五年十二月三十一日", "2016-12-31" },
    { "2016年7月9日", "2016-07-09" },
    { "2016-07-09", "2016-07-09" },
    { "2016/7/9", "2016-07-09" },
    { "２０１６／７／９", "2016-07-09" },
    { "１０５年７月９日", "2016-07-09" },
    { " 105 年 7 月 9 日 ", "2016-07-09" },
    { "民國105年7月9日", "2016-07-09" },
    { "中華民國一百零五年七月九日", "2016-07-09" },
    { "西元2016年7月9日", "2016-07-09" },
    { "二〇一六年七月九日", "2016-07-09" },
    { "99.1.2", "2010-01-02" },
    { "1.1.1", "1912-01-01" },
    { "105年2月29日", "2016-02-29" },
    { "105年7月9號", "2016-07-09" },
    { "一百一十年廿一月三日", NULL },
    { "105年13月1日", NULL },
    { "105年2月30日", NULL },
    { "104年2月29日", NULL },
    { "105.07.09.", NULL },
    { "105.07/09", NULL },
    { "105年7.9", NULL },
    { "0年1月1日", NULL },
    { "民國2016年7月9日", NULL },
    { "西元105年7月9日", NULL },
    { "2016-7", NULL },
    { "105年7月", NULL },
    { "10五年7月9日", NULL },
    { "IV年7月9日", NULL },
    { "105年7月9日（星期六）", NULL },
    { "十萬年1月1日", NULL },
    { "99999.1.1", NULL },
    { "", NULL },
    { "年月日", NULL },
    { "today", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = tr_date_parse_any (cases[i].text);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
  g_assert_null (tr_date_parse_any (NULL));
  g_assert_null (tr_date_parse_any ("\xff\xfe"));
}

/* Structure found, or not ------------------------------------------------------ */

static void
test_not_a_report (void)
{
  static const char *text =
    "我國推動淨零排放政策之研析\n"
    "壹、前言\n"
    "全球氣候變遷加劇，各國紛紛提出淨零排放目標。\n"
    "貳、國際趨勢\n"
    "歐盟於2019年提出綠色新政（European Green Deal），\n"
    "以2050年達成氣候中和為目標。\n"
    "參、我國現況\n"
    "一、能源轉型\n"
    "再生能源占比逐年提高。\n"
    "肆、結論\n"
    "應持續推動相關政策。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  g_autofree char *expected = normalised_string (text);
  g_autofree char *actual = normalised_string (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED));

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    assert_text (tr_report_get_section (report, s), "");
  assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), "");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "");
  /* All of it, in order, headings too. */
  g_assert_cmpstr (actual, ==, expected);
  g_assert_true (has_warning_containing (report, "No standard report structure was found"));
}

static void
test_partial_structure (void)
{
  static const char *text =
    "第一章 目的\n了解日本防災。\n"
    "第二章 過程\n參訪東京消防廳。\n"
    "第三章 心得\n日本防災教育紮根於社區。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "日本防災教育紮根於社區。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "");
  g_assert_true (has_warning_containing (report, "No heading was found for these sections: Recommendations"));
  g_assert_false (has_warning_containing (report, "No standard report structure"));
}

/* Sub-headings that repeat the section words stay in their section, and
 * a caption is no appendix. */
static void
test_sub_headings (void)
{
  static const char *text =
    "壹、目的\n"
    "一、會議目的\n了解城市治理。\n"
    "二、參訪目的\n觀摩智慧城市。\n"
    "貳、過程\n"
    "一、行程\n7月9日抵達。\n"
    "照片1：代表團合影\n"
    "二、心得分享會\n與會者交流。\n"
    "參、心得\n"
    "收穫良多。\n"
    "肆、建議\n"
    "一、建議持續參與\n"
    "二、建議編列預算\n"
    "伍、其他\n"
    "附表一份。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "一、會議目的\n了解城市治理。\n二、參訪目的\n觀摩智慧城市。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS),
                   "一、行程\n7月9日抵達。\n照片1：代表團合影\n二、心得分享會\n與會者交流。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "收穫良多。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "一、建議持續參與\n二、建議編列預算");
  /* After 建議, the next heading of the same rank opens the appendix. */
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "伍、其他\n附表一份。");
  g_assert_null (tr_report_get_warnings (report)[0]);
}

/* Headings with their text after a colon, and headings that say more. */
static void
test_inline_headings (void)
{
  static const char *text =
    "一、目的：瞭解新加坡都市規劃之作法與經驗，作為本市\n"
    "推動相關政策之參考。\n"
    "二、過程：\n"
    "參加會議。\n"
    "三、心得與建議\n"
    "（一）心得：收穫良多。\n"
    "（二）建議：持續參與。\n"
    "附錄一：議程\n"
    "上午開幕。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "瞭解新加坡都市規劃之作法與經驗，作為本市推動相關政策之參考。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "參加會議。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "收穫良多。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "持續參與。");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "附錄一：議程\n上午開幕。");
}

/* The lines that became photos' captions leave the appendix, each only
 * where exactly one of its lines reads the same; all else stays. */
static void
test_caption_lines (void)
{
  static const char *text =
    "壹、目的\n瞭解各國作法。\n"
    "貳、過程\n7月9日抵達。\n照片1：代表團合影\n"
    "參、心得\n收穫良多。\n"
    "肆、建議\n持續參與。\n"
    "伍、附錄\n"
    "附件一：會議議程。\n"
    "照片1：代表團合影\n"
    "照片 2：參訪　市政廳\n"
    "照片3：會場\n"
    "照片3：會場\n"
    "照片4：未附圖的照片\n"
    "照片5：閉幕式，與會代表合影留念。\n";
  const char * const captions[] = {
    "照片1：代表團合影",       /* also in 過程, which keeps it */
    "照片2：參訪 市政廳\t",   /* spaced otherwise */
    "照片3：會場",             /* twice: which one is unknown */
    "照片5：閉幕式",           /* the start of a longer line */
    "照片9：不在報告裡",
    " 　\t",
    "照片1：代表團合影",       /* already gone */
    NULL,
  };
  const char *appendix =
    "附件一：會議議程。\n照片1：代表團合影\n照片 2：參訪　市政廳\n照片3：會場\n照片3：會場\n"
    "照片4：未附圖的照片\n照片5：閉幕式，與會代表合影留念。";
  const char *kept =
    "附件一：會議議程。\n照片3：會場\n照片3：會場\n照片4：未附圖的照片\n照片5：閉幕式，與會代表合影留念。";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  const char * const none[] = { NULL };
  const char * const first[] = { "照片4：未附圖的照片", "附件一：會議議程。", NULL };

  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), appendix);

  g_assert_cmpuint (tr_report_remove_caption_lines (report, none), ==, 0);
  g_assert_cmpuint (tr_report_remove_caption_lines (report, NULL), ==, 0);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), appendix);

  g_assert_cmpuint (tr_report_remove_caption_lines (report, captions), ==, 2);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), kept);
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "7月9日抵達。\n照片1：代表團合影");

  /* Nothing more goes a second time. */
  g_assert_cmpuint (tr_report_remove_caption_lines (report, captions), ==, 0);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), kept);

  /* The first line can go as well as one inside. */
  g_assert_cmpuint (tr_report_remove_caption_lines (report, first), ==, 2);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX),
               "照片3：會場\n照片3：會場\n照片5：閉幕式，與會代表合影留念。");
}

/* A row of two photos whose captions wrapped, as LibreOffice sets them:
 * the captions' first line holds both (a space apart), the next line the
 * rest of each. The parser joins the two lines into one paragraph of the
 * appendix, which goes once the captions have taken both lines; text
 * around it, and a paragraph only part of which was captions, stay. */
static void
test_caption_lines_joined (void)
{
  static const char *text =
    "壹、目的\n瞭解各國作法。\n貳、過程\n參加會議。\n參、心得\n收穫良多。\n肆、建議\n持續參與。\n"
    "伍、附錄\n附件一：會議議程。\n"
    "照片 1：本團與主辦城市市長及各國代表 照片 2：參訪污水處理廠再生水示範場域，由\n"
    "於開幕典禮會場合影留念\t廠長說明處理流程及水質監測方式\n"
    "\n附件二：參考資料\n";
  const char * const captions[] = {
    "照片 1：本團與主辦城市市長及各國代表 照片 2：參訪污水處理廠再生水示範場域，由",
    "於開幕典禮會場合影留念\t廠長說明處理流程及水質監測方式",
    NULL,
  };
  const char * const one[] = { "於開幕典禮會場合影留念\t廠長說明處理流程及水質監測方式", NULL };
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  g_autoptr(TrReport) again = tr_report_parse_text (text);
  const char *appendix = tr_report_get_text (report, TR_FIELD_APPENDIX);

  /* One paragraph: the lines carry on one another. */
  g_assert_nonnull (strstr (appendix, "由於開幕典禮"));

  /* Half of it is no reason to cut the paragraph. */
  g_assert_cmpuint (tr_report_remove_caption_lines (again, one), ==, 0);

  g_assert_cmpuint (tr_report_remove_caption_lines (report, captions), ==, 1);
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "附件一：會議議程。\n附件二：參考資料");
}

/* Edge cases ------------------------------------------------------------------------- */

static void
test_empty (void)
{
  const char *inputs[] = { "", "\n\n\n", "\f\f", " 　\t\n", NULL };

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(TrReport) report = tr_report_parse_text (inputs[i]);

      for (guint f = 0; f < TR_N_FIELDS; f++)
        assert_text (tr_report_get_text (report, f), "");
      g_assert_true (has_warning_containing (report, "no text"));
    }

  {
    g_autoptr(TrReport) report = tr_report_parse_lines (NULL, 0);
    g_autoptr(GPtrArray) lines = g_ptr_array_new ();
    g_autoptr(TrReport) empty = tr_report_parse_lines (lines, 3);

    g_assert_true (has_warning_containing (report, "no text"));
    g_assert_cmpuint (tr_report_get_pages (empty), ==, 3);
  }
}

static void
test_only_furniture (void)
{
  g_autoptr(TrReport) report = tr_report_parse_text ("機密\n1\f機密\n2\f機密\n3");

  for (guint f = 0; f < TR_N_FIELDS; f++)
    assert_text (tr_report_get_text (report, f), "");
  g_assert_true (has_warning_containing (report, "no text"));
  g_assert_true (has_warning_containing (report, "6 running header, footer or page-number lines were left out"));
}

static void
test_heading_at_end (void)
{
  g_autoptr(TrReport) report = tr_report_parse_text ("壹、目的\n甲。\n貳、過程\n乙。\n參、心得\n丙。\n肆、建議");
  g_autoptr(TrReport) wrapped = tr_report_parse_text ("壹、目的\n甲。\n貳、過程\n乙。\n參、心得與");

  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "丙。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "");
  g_assert_false (has_warning_containing (report, "No heading"));
  /* A heading cut short at the very end still opens its section, and
   * stays as text since its words say more than the section's name. */
  assert_text (tr_report_get_section (wrapped, TR_SECTION_PROCESS), "乙。");
  assert_text (tr_report_get_section (wrapped, TR_SECTION_OBSERVATIONS), "參、心得與");
  g_assert_true (has_warning_containing (wrapped, "sections: Recommendations"));
}

static void
test_large_document (void)
{
  g_autoptr(GString) text = g_string_new ("壹、目的\n");
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GTimer) timer = NULL;
  const char *sections[] = { "貳、過程", "參、心得", "肆、建議" };
  double limit = 1.0;

#if defined(__SANITIZE_ADDRESS__)
  limit = 6.0;  /* AddressSanitizer slows everything down */
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
  limit = 6.0;
# endif
#endif

  for (guint i = 0; i < 5000; i++)
    {
      if (i > 0 && i % 1250 == 0)
        g_string_append_printf (text, "%s\n", sections[i / 1250 - 1]);
      if (i % 40 == 0 && i > 0)
        g_string_append_printf (text, "\n%u\f臺中市政府出國報告\n", i / 40);
      if (i % 7 == 6)
        g_string_append_printf (text, "第%u段結束。\n", i);
      else
        g_string_append_printf (text, "本府代表團與各國城市代表交流永續發展政策及智慧城市建設經驗第%u行\n", i);
    }

  timer = g_timer_new ();
  report = tr_report_parse_text (text->str);
  g_test_message ("%u lines parsed in %.3f s", 5000, g_timer_elapsed (timer, NULL));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, limit);
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "第4999行"));
  g_assert_false (has_warning_containing (report, "No heading"));
}

/* Lines from a broken PDF: bytes that are not UTF-8, geometry that is not
 * numbers, lines that are NULL. */
static void
test_bad_lines (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  TrLayoutLine *line;

  line = tr_layout_line_new ("\xff\xfe目的\x80", 0);
  g_ptr_array_add (lines, line);
  line = tr_layout_line_new ("本文\x01\n內容", 0);
  line->x = NAN;
  line->y = INFINITY;
  line->width = -5;
  line->font_size = NAN;
  g_ptr_array_add (lines, line);
  g_ptr_array_add (lines, NULL);
  line = tr_layout_line_new (NULL, 7);
  g_ptr_array_add (lines, line);
  line = tr_layout_line_new ("過程", 9);
  line->x = 1e300;
  line->font_size = 1e300;
  g_ptr_array_add (lines, line);

  report = tr_report_parse_lines (lines, 2);
  g_assert_nonnull (report);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    g_assert_true (g_utf8_validate (tr_report_get_text (report, f), -1, NULL));
  /* The bad bytes go, the words stay; a control character splits nothing. */
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "本文 內容");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "");
  g_assert_cmpuint (tr_report_get_pages (report), ==, 2);
}

void
add_structure_tests (void)
{
  g_test_add_func ("/parser/date/parse-any", test_date_parse_any);
  g_test_add_func ("/parser/structure/not-a-report", test_not_a_report);
  g_test_add_func ("/parser/structure/partial", test_partial_structure);
  g_test_add_func ("/parser/structure/sub-headings", test_sub_headings);
  g_test_add_func ("/parser/structure/inline-headings", test_inline_headings);
  g_test_add_func ("/parser/structure/caption-lines", test_caption_lines);
  g_test_add_func ("/parser/structure/caption-lines-joined", test_caption_lines_joined);
  g_test_add_func ("/parser/edge/empty", test_empty);
  g_test_add_func ("/parser/edge/only-furniture", test_only_furniture);
  g_test_add_func ("/parser/edge/heading-at-end", test_heading_at_end);
  g_test_add_func ("/parser/edge/large-document", test_large_document);
  g_test_add_func ("/parser/edge/bad-lines", test_bad_lines);
}
