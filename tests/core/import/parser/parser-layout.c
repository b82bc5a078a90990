/* parser-layout.c: page furniture, tables of contents, joined lines, geometry
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-parser.h"

/* Furniture and the 目次 ------------------------------------------------------ */

static void
test_page_numbers (void)
{
  /* One page each with a line of text, a page number at the bottom. */
  static const char * const numbers[] = {
    "1", "- 1 -", "-1-", "第 1 頁", "第1頁，共20頁", "第一頁", "1/20", "1 / 20", "Page 1",
    "page 1 of 20", "p. 1", "— 1 —", "～1～", "iv", "2-1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("頁面開始的文字。\n%s\f第二頁的文字。\n%s",
                                               numbers[i], numbers[i]);
      g_autoptr(TrReport) report = tr_report_parse_text (text);

      g_test_message ("“%s”", numbers[i]);
      assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "頁面開始的文字。\n第二頁的文字。");
      g_assert_true (has_warning_containing (report, "2 running header, footer or page-number lines were left out"));
    }

  /* Not page numbers: a year, a list item, a heading, text in the middle. */
  {
    g_autoptr(TrReport) report = tr_report_parse_text ("2016\n一、說明\n中間的 12 不是頁碼。\n12\n第一章\n1.5");

    assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                     "2016\n一、說明\n中間的 12 不是頁碼。\n12\n第一章\n1.5");
  }
}

static void
test_running_headers (void)
{
  static const char * const bodies[] = { "甲", "乙", "丙", "丁", "戊", "己" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TrReport) report = NULL;

  /* A header with the page number inside, a footer, on six pages; the
   * footer's words once in the body are kept, and so are dates that open
   * several pages. */
  for (guint page = 1; page <= 6; page++)
    {
      if (page > 1)
        g_string_append_c (text, '\f');
      g_string_append_printf (text, "出國報告　第%u頁\n", page + 2);
      if (page == 1)
        g_string_append (text, "壹、目的\n");
      if (page == 3)
        g_string_append (text, "貳、過程\n");
      if (page == 5)
        g_string_append (text, "參、心得\n");
      if (page == 6)
        g_string_append (text, "肆、建議\n");
      if (page == 3 || page == 4)
        g_string_append_printf (text, "7月%u日\n", page * 3);
      g_string_append_printf (text, "%s頁的本文，臺中市政府機密文件。\n", bodies[page - 1]);
      if (page == 4)
        g_string_append (text, "臺中市政府機密文件\n本文繼續。\n");
      g_string_append (text, "臺中市政府機密文件\n");
    }
  report = tr_report_parse_text (text->str);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "甲頁的本文，臺中市政府機密文件。\n乙頁的本文，臺中市政府機密文件。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS),
                   "7月9日\n丙頁的本文，臺中市政府機密文件。\n7月12日\n丁頁的本文，臺中市政府機密文件。\n"
                   "臺中市政府機密文件\n本文繼續。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "戊頁的本文，臺中市政府機密文件。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "己頁的本文，臺中市政府機密文件。");
  g_assert_true (has_warning_containing (report, "12 running header, footer or page-number lines were left out"));
}

static void
test_toc (void)
{
  static const char *text =
    "目　　次\n"
    "壹、目的……………………………1\n"
    "貳、議程內容及時\n"
    "程‧‧‧‧‧‧‧‧‧‧‧‧2\n"
    "參、心得與建議 . . . . . . . . 5\n"
    "肆、附錄.....................8\n"
    "\f"
    "壹、目的\n"
    "瞭解各國作法。\n"
    "貳、議程內容及時程\n"
    "7月9日抵達。\n"
    "參、心得與建議\n"
    "一、心得\n"
    "收穫良多。\n"
    "二、建議\n"
    "持續參與。\n"
    "肆、附錄\n"
    "照片1：合影\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "瞭解各國作法。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "7月9日抵達。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "收穫良多。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "持續參與。");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "照片1：合影");
  /* The 目次 is kept, line by line, apart from the body. */
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                   "目　　次\n壹、目的……………………………1\n貳、議程內容及時\n程‧‧‧‧‧‧‧‧‧‧‧‧2\n"
                   "參、心得與建議 . . . . . . . . 5\n肆、附錄.....................8");
  g_assert_true (has_warning_containing (report, "table of contents"));
}

/* A 目次 as a table, without leaders, and without a title. */
static void
test_toc_without_leaders (void)
{
  static const char *text =
    "目錄\n"
    "第一章 目的 1\n"
    "第二章 過程 2\n"
    "第三章 心得 6\n"
    "第四章 建議 7\n"
    "\f"
    "第一章 目的\n甲。\n第二章 過程\n乙。\n第三章 心得\n丙。\n第四章 建議\n丁。\n"
    "\f"
    "壹、目的........1\n貳、過程........2\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "甲。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "乙。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "丙。");
  /* A stray 目次 after the body is no heading either. */
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "丁。");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                   "目錄\n第一章 目的 1\n第二章 過程 2\n第三章 心得 6\n第四章 建議 7\n"
                   "壹、目的........1\n貳、過程........2");
}

/* Joining lines ---------------------------------------------------------------- */

/* Exact paragraphs: CJK joined without a space, Latin words with one,
 * sentence ends and short lines end paragraphs, items stand alone. */
static void
test_join_lines (void)
{
  /* Full lines are 22 characters, as a word processor would fill them. */
  static const char *text =
    "壹、目的\n"
    "本次出國係應新加坡國家發展部邀請，出席由新加\n"
    "坡政府主辦之世界城市峰會（World\n"
    "Cities Summit, WCS），與各\n"
    "國城市代表交流都市發展經驗。\n"
    "此行亦拜會亞太經濟合作會議之Asia-\n"
    "Pacific 城市代表\n"
    "一、說明事項：\n"
    "（一）第一項說明文字很長，必須換到下一行才能\n"
    "寫完。\n"
    "（二）第二項\n"
    "短行結束段落\n"
    "新段落開始，這段的文字也相當長，必須換到下一\n"
    "行才能寫完，並在頁尾處斷開而於下一頁繼續書寫其\n"
    "\f"
    "餘的部分。\n"
    "貳、過程\n"
    "過程。\n"
    "參、心得\n"
    "心得。\n"
    "肆、建議\n"
    "建議。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "本次出國係應新加坡國家發展部邀請，出席由新加坡政府主辦之世界城市峰會（World Cities "
                   "Summit, WCS），與各國城市代表交流都市發展經驗。\n"
                   "此行亦拜會亞太經濟合作會議之Asia-Pacific 城市代表\n"
                   "一、說明事項：\n"
                   "（一）第一項說明文字很長，必須換到下一行才能寫完。\n"
                   "（二）第二項\n"
                   "短行結束段落\n"
                   "新段落開始，這段的文字也相當長，必須換到下一行才能寫完，並在頁尾處斷開而於下一頁繼續書寫其餘的部分。");
}

/* Paragraphs that open with an indent may end a sentence at the end of a
 * full line without ending the paragraph. */
static void
test_join_indented (void)
{
  static const char *text =
    "目的\n"
    "　　第一段的文字相當長，第一句話在這裡結束。\n"
    "第二句話接著寫，仍屬第一段的內容，到此為止。\n"
    "　　第二段開始了，同樣寫得很長，一直寫到行尾。\n"
    "這是第二段的最後一行。\n"
    "　　第三段的文字相當長，第一句話在這裡結束。\n"
    "第三段結束。\n"
    "過程\n"
    "　　過程。\n"
    "心得\n"
    "　　心得。\n"
    "建議\n"
    "　　建議。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "第一段的文字相當長，第一句話在這裡結束。第二句話接著寫，仍屬第一段的內容，到此為止。\n"
                   "第二段開始了，同樣寫得很長，一直寫到行尾。這是第二段的最後一行。\n"
                   "第三段的文字相當長，第一句話在這裡結束。第三段結束。");
}

/* Laid-out lines ------------------------------------------------------------- */

#define LEFT   72.0
#define RIGHT 523.0

static void
add_layout (GPtrArray  *lines,
            const char *text,
            guint       page,
            double      x,
            double      y,
            double      width,
            double      size,
            gboolean    bold)
{
  TrLayoutLine *line = tr_layout_line_new (text, page);

  line->x = x;
  line->y = y;
  line->width = width;
  line->height = size;
  line->font_size = size;
  line->bold = bold;
  g_ptr_array_add (lines, line);
}

/* Body text: 12 pt, left margin to right margin, 18 pt apart. */
static double
add_body (GPtrArray  *lines,
          const char *text,
          guint       page,
          double      y,
          gboolean    full)
{
  double width = full ? RIGHT - LEFT : g_utf8_strlen (text, -1) * 12.0;

  add_layout (lines, text, page, LEFT, y, width, 12, FALSE);
  return y + 18;
}

/* Headings known only by their face: larger and bold, no numbering; bold
 * body-size sub-headings stay in their section. */
static void
test_geometry_headings (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  double y = 72;

  add_layout (lines, "赴韓國大田市參加亞太城市峰會", 0, 150, 300, 300, 20, TRUE);
  add_layout (lines, "出國報告", 0, 250, 340, 80, 20, TRUE);
  add_layout (lines, "出國目的及任務", 1, LEFT, y, 112, 16, TRUE), y += 30;
  y = add_body (lines, "本次出國參加亞太城市峰會暨市長論壇，並考察韓國大田與", 1, y, TRUE);
  y = add_body (lines, "首爾兩市之智慧城市建設。", 1, y, FALSE);
  add_layout (lines, "會議議程與參訪", 1, LEFT, y, 112, 16, TRUE), y += 30;
  add_layout (lines, "大會開幕", 1, LEFT, y, 48, 12, TRUE), y += 18;
  y = add_body (lines, "九月十日下午抵達仁川。", 1, y, FALSE);
  add_layout (lines, "照片1：大會開幕式", 1, LEFT, y, 108, 12, TRUE), y += 18;
  add_layout (lines, "心得", 1, LEFT, y, 32, 16, TRUE), y += 30;
  y = add_body (lines, "韓國城市行銷成效卓著。", 1, y, FALSE);
  add_layout (lines, "建議", 1, LEFT, y, 32, 16, TRUE), y += 30;
  /* A bold sub-heading of 建議 is no heading of the sections' rank … */
  add_layout (lines, "一、持續參與", 1, LEFT, y, 72, 12, TRUE), y += 18;
  y = add_body (lines, "持續參與國際城市組織。", 1, y, FALSE);
  /* … one set like them is, and after 建議 it opens the appendix. */
  add_layout (lines, "其他事項", 1, LEFT, y, 64, 16, TRUE), y += 30;
  y = add_body (lines, "預算另案編列。", 1, y, FALSE);
  add_layout (lines, "活動剪影", 1, LEFT, y, 64, 16, TRUE), y += 30;
  add_body (lines, "照片1：開幕典禮", 1, y, FALSE);

  report = tr_report_parse_lines (lines, 2);
  /* The cover's title, on two lines in its large face, is the title. */
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "赴韓國大田市參加亞太城市峰會出國報告");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "");
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "出國目的及任務\n本次出國參加亞太城市峰會暨市長論壇，並考察韓國大田與首爾兩市之智慧城市建設。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS),
                   "會議議程與參訪\n大會開幕\n九月十日下午抵達仁川。\n照片1：大會開幕式");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "韓國城市行銷成效卓著。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "一、持續參與\n持續參與國際城市組織。");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "其他事項\n預算另案編列。\n活動剪影\n照片1：開幕典禮");
  g_assert_cmpuint (tr_report_get_pages (report), ==, 2);
}

/* Where lines end against the right margin, and the gaps between them,
 * say where paragraphs end, punctuation or not. */
static void
test_geometry_paragraphs (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  double y = 72;

  add_layout (lines, "目的", 0, LEFT, y, 24, 12, FALSE), y += 18;
  /* Full lines carry on; a short one ends the paragraph without a stop. */
  y = add_body (lines, "第一段第一行沒有標點符號而且一直寫到右邊界為止", 0, y, TRUE);
  y = add_body (lines, "第一段第二行寫到一半", 0, y, FALSE);
  /* Latin text: the next word would not have fitted. */
  add_layout (lines, "The delegation visited the Urban Redevelopment", 0, LEFT, y, RIGHT - LEFT - 20, 12, FALSE), y += 18;
  add_layout (lines, "Authority and met its planners", 0, LEFT, y, 170, 12, FALSE), y += 18;
  /* A blank line's gap, after a full line. */
  y = add_body (lines, "第三段寫滿整行的文字但是下一段前有一行空白所以", 0, y, TRUE);
  y += 18;
  y = add_body (lines, "第四段在空白之後開始寫滿整行的文字並延續到下一", 0, y, TRUE);
  /* A first-line indent. */
  y = add_body (lines, "行", 0, y, FALSE);
  add_layout (lines, "第五段以縮排開始寫滿整行的文字並延續到下一行", 0, LEFT + 24, y, RIGHT - LEFT - 24, 12, FALSE), y += 18;
  y = add_body (lines, "結束", 0, y, FALSE);
  /* Two cells side by side on one line are not one paragraph. */
  add_layout (lines, "日期", 0, LEFT, y, 24, 12, FALSE);
  add_layout (lines, "行程", 0, 300, y, 24, 12, FALSE), y += 18;
  /* Across a page break, the paragraph carries on. */
  y = add_body (lines, "第七段寫滿了第一頁的最後一行而在第二頁繼續寫完", 0, y, TRUE);
  add_body (lines, "這一段。", 1, 72, FALSE);
  add_body (lines, "過程", 1, 90, FALSE);
  add_body (lines, "過程。", 1, 108, FALSE);
  add_body (lines, "心得", 1, 126, FALSE);
  add_body (lines, "心得。", 1, 144, FALSE);
  add_body (lines, "建議", 1, 162, FALSE);
  add_body (lines, "建議。", 1, 180, FALSE);

  report = tr_report_parse_lines (lines, 2);
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "第一段第一行沒有標點符號而且一直寫到右邊界為止第一段第二行寫到一半\n"
                   "The delegation visited the Urban Redevelopment Authority and met its planners\n"
                   "第三段寫滿整行的文字但是下一段前有一行空白所以\n"
                   "第四段在空白之後開始寫滿整行的文字並延續到下一行\n"
                   "第五段以縮排開始寫滿整行的文字並延續到下一行結束\n"
                   "日期\n"
                   "行程\n"
                   "第七段寫滿了第一頁的最後一行而在第二頁繼續寫完這一段。");
}

/* Headers and footers told by where they sit on the page, wherever the
 * reading order put them. */
static void
test_geometry_furniture (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };

  for (guint page = 0; page < 4; page++)
    {
      g_autofree char *number = g_strdup_printf ("第 %u 頁", page + 1);
      g_autofree char *text = g_strdup_printf ("第%s頁的本文。", headings[page]);

      add_body (lines, headings[page], page, 100, FALSE);
      add_body (lines, "本文第一行寫到右邊界，並且在下一行繼續這個句子直到", page, 118, TRUE);
      /* The header comes in the middle of the reading order … */
      add_layout (lines, "臺中市政府出國報告", page, 200, 30, 120, 9, FALSE);
      add_body (lines, "結束。", page, 136, FALSE);
      /* … and the page number before the last line of text. */
      add_layout (lines, number, page, 280, 800, 40, 9, FALSE);
      add_body (lines, text, page, 154, FALSE);
    }

  report = tr_report_parse_lines (lines, 4);
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE),
                   "本文第一行寫到右邊界，並且在下一行繼續這個句子直到結束。\n第壹、目的頁的本文。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS),
                   "本文第一行寫到右邊界，並且在下一行繼續這個句子直到結束。\n第肆、建議頁的本文。");
  g_assert_true (has_warning_containing (report, "8 running header, footer or page-number lines were left out"));
}

/* Headings that wrapped onto a second line, in the heading face. */
static void
test_geometry_two_line_headings (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;

  add_layout (lines, "臺中市政府參加2016年", 0, 150, 300, 250, 20, TRUE);
  add_layout (lines, "世界城市峰會出國報告", 0, 150, 328, 250, 20, TRUE);
  add_layout (lines, "第一章 背景與", 1, LEFT, 72, 100, 16, TRUE);
  add_layout (lines, "目的", 1, LEFT, 96, 32, 16, TRUE);
  add_body (lines, "背景說明。", 1, 120, FALSE);
  add_layout (lines, "第二章 議程內容", 1, LEFT, 150, 120, 16, TRUE);
  add_layout (lines, "及時程", 1, LEFT, 174, 48, 16, TRUE);
  add_body (lines, "議程說明。", 1, 198, FALSE);
  add_layout (lines, "第三章 心得及建", 1, LEFT, 228, 120, 16, TRUE);
  add_layout (lines, "議", 1, LEFT, 252, 16, 16, TRUE);
  add_layout (lines, "一、心得", 1, LEFT, 276, 64, 12, TRUE);
  add_body (lines, "心得說明。", 1, 294, FALSE);
  add_layout (lines, "二、建議", 1, LEFT, 312, 64, 12, TRUE);
  add_body (lines, "建議說明。", 1, 330, FALSE);

  report = tr_report_parse_lines (lines, 2);
  assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "臺中市政府參加2016年世界城市峰會出國報告");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "");
  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "背景說明。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "議程說明。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "心得說明。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "建議說明。");
}

/* Bilingual headings, Roman numerals and an English gloss: the report's
 * structure, the gloss gone with its heading. */
static void
test_roman_gloss_headings (void)
{
  static const char text[] =
    "I. 目的 Purpose\n"
    "本次出國參加亞太城市峰會。\n"
    "II. 過程 Process\n"
    "九月十日下午抵達仁川。\n"
    "III. 心得 Reflections\n"
    "韓國城市行銷成效卓著。\n"
    "IV. 建議 Recommendations\n"
    "持續參與國際城市組織。\n"
    "V. 附錄 Appendix\n"
    "照片1：開幕典禮\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_section (report, TR_SECTION_PURPOSE), "本次出國參加亞太城市峰會。");
  assert_text (tr_report_get_section (report, TR_SECTION_PROCESS), "九月十日下午抵達仁川。");
  assert_text (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "韓國城市行銷成效卓著。");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "持續參與國際城市組織。");
  assert_text (tr_report_get_text (report, TR_FIELD_APPENDIX), "照片1：開幕典禮");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "");
}

/* Numbered like the sections but no section of theirs: a sentence in
 * English after the words is no gloss. */
static void
test_gloss_not_sentence (void)
{
  TrHeading heading;

  g_assert_true (tr_parser_match_heading ("I. 目的 Purpose", &heading));
  g_assert_true (heading.exact);
  g_assert_true (tr_parser_match_heading ("參、心得 Observations & Findings", &heading));
  g_assert_true (heading.exact);
  g_assert_false (tr_parser_match_heading ("目的 of the visit, which was long and had many parts to it", &heading) &&
                  heading.exact);
}

/* The body of a short report after a cover, from @page on. */
static void
add_short_body (GPtrArray *lines,
                guint      page)
{
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  double y = 72;

  for (guint s = 0; s < G_N_ELEMENTS (headings); s++)
    {
      add_layout (lines, headings[s], page, LEFT, y, 64, 16, TRUE), y += 30;
      y = add_body (lines, "本次出國參加亞太城市峰會暨市長論壇，並考察韓國大田與", page, y, TRUE);
      y = add_body (lines, "首爾兩市之智慧城市建設。", page, y, FALSE);
    }
}

/* A cover: 出國報告（出國類別：…） above a title set largest over two
 * centred lines, 出國報告 apart below it, then the labelled fields. */
static void
test_title_cover (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;

  add_layout (lines, "出國報告（出國類別：開會）", 0, 170, 100, 260, 20, FALSE);
  add_layout (lines, "臺中市政府組團赴新加坡", 0, 155, 200, 286, 26, TRUE);
  add_layout (lines, "參加「2016世界城市峰會」", 0, 140, 236, 316, 26, TRUE);
  add_layout (lines, "出國報告", 0, 257, 320, 80, 20, FALSE);
  add_layout (lines, "服務機關：臺中市政府", 0, 200, 500, 140, 14, FALSE);
  add_layout (lines, "職稱姓名：股長 陳文政", 0, 200, 524, 154, 14, FALSE);
  add_layout (lines, "出國期間：105年7月9日至105年7月11日", 0, 200, 548, 250, 14, FALSE);
  add_short_body (lines, 1);

  report = tr_report_parse_lines (lines, 2);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "臺中市政府組團赴新加坡參加「2016世界城市峰會」");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PERIOD_START), ==, "2016-07-09");
  /* The title's lines are the title now; what else the cover says stays. */
  g_assert_null (strstr (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "臺中市政府組團"));
  g_assert_nonnull (strstr (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "出國報告"));
}

/* A cover all in the body's size (a word processor's default style): the
 * lines just before the fields, one paragraph at an even pitch, are the
 * title; 出國報告 is a paragraph of its own. */
static void
test_title_cover_plain (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autoptr(TrReport) report = NULL;

  add_layout (lines, "出國報告（出國類別：研究）", 0, LEFT, 80, 156, 12, FALSE);
  add_layout (lines, "赴荷蘭研習", 0, LEFT, 104, 60, 12, FALSE);
  add_layout (lines, "水資源管理與防洪韌性規劃", 0, LEFT, 118, 144, 12, FALSE);
  add_layout (lines, "出國報告", 0, LEFT, 142, 48, 12, FALSE);
  add_layout (lines, "服務機關：經濟部水利署", 0, LEFT, 166, 132, 12, FALSE);
  add_layout (lines, "派赴國家/地區：荷蘭", 0, LEFT, 190, 112, 12, FALSE);
  add_short_body (lines, 1);

  report = tr_report_parse_lines (lines, 2);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "赴荷蘭研習水資源管理與防洪韌性規劃");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_DESTINATION), ==, "荷蘭");
}

/* No cover: the running header names the report; an agency's name in
 * the header is not a title; a 提要 form's 出國報告名稱 wins over both. */
static void
test_title_running_header (void)
{
  static const struct {
    const char *header;
    const char *form_title;
    const char *title;
  } cases[] = {
    { "赴日本東京考察智慧交通與公共運輸整合出國報告", NULL, "赴日本東京考察智慧交通與公共運輸整合出國報告" },
    { "國家發展委員會出國報告", NULL, "" },
    { "赴日本東京考察智慧交通", "赴日本東京考察智慧交通與公共運輸整合", "赴日本東京考察智慧交通與公共運輸整合" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
      g_autoptr(TrReport) report = NULL;
      const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
      guint first = cases[c].form_title != NULL ? 1 : 0;

      if (cases[c].form_title != NULL)
        {
          g_autofree char *label = g_strconcat ("出國報告名稱：", cases[c].form_title, NULL);

          add_layout (lines, "公務出國或赴大陸地區報告提要", 0, 180, 72, 240, 16, TRUE);
          add_body (lines, label, 0, 110, FALSE);
          add_body (lines, "出國人員：科長 林怡君", 0, 128, FALSE);
        }
      for (guint page = first; page < first + 4; page++)
        {
          g_autofree char *number = g_strdup_printf ("- %u -", page + 1);
          double y = 100;
          const char *ends[] = { "首爾兩市之智慧城市建設。", "東京都之公共運輸。", "新加坡之水資源。", "荷蘭之防洪。" };

          add_layout (lines, cases[c].header, page, 200, 30, 200, 9, FALSE);
          add_layout (lines, headings[page - first], page, LEFT, y, 64, 16, TRUE), y += 30;
          y = add_body (lines, "本次出國參加亞太城市峰會暨市長論壇，並考察韓國大田與", page, y, TRUE);
          add_body (lines, ends[page - first], page, y, FALSE);
          add_layout (lines, number, page, 280, 800, 30, 9, FALSE);
        }

      report = tr_report_parse_lines (lines, first + 4);
      g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, cases[c].title);
      g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), ==,
                       "本次出國參加亞太城市峰會暨市長論壇，並考察韓國大田與荷蘭之防洪。");
    }
}

void
add_layout_tests (void)
{
  g_test_add_func ("/parser/furniture/page-numbers", test_page_numbers);
  g_test_add_func ("/parser/furniture/running-headers", test_running_headers);
  g_test_add_func ("/parser/toc/leaders", test_toc);
  g_test_add_func ("/parser/toc/without-leaders", test_toc_without_leaders);
  g_test_add_func ("/parser/join/lines", test_join_lines);
  g_test_add_func ("/parser/join/indented", test_join_indented);
  g_test_add_func ("/parser/geometry/headings", test_geometry_headings);
  g_test_add_func ("/parser/headings/roman-gloss", test_roman_gloss_headings);
  g_test_add_func ("/parser/headings/gloss-not-sentence", test_gloss_not_sentence);
  g_test_add_func ("/parser/title/cover", test_title_cover);
  g_test_add_func ("/parser/title/cover-plain", test_title_cover_plain);
  g_test_add_func ("/parser/title/running-header", test_title_running_header);
  g_test_add_func ("/parser/geometry/paragraphs", test_geometry_paragraphs);
  g_test_add_func ("/parser/geometry/furniture", test_geometry_furniture);
  g_test_add_func ("/parser/geometry/two-line-headings", test_geometry_two_line_headings);
}
