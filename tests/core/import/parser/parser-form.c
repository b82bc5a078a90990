/* parser-form.c: the 提要 form: its fields, cells, travellers and categories
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-parser.h"

/* The 提要 form ------------------------------------------------------------------ */

/* As text comes out of the form's table: no line wider than the table,
 * so long values wrap (the title, the category's boxes, the keywords). */
static const char *form_text =
  "臺中市政府公務出國或赴大陸地區報告提要\n"
  "出國報告名稱：臺中市政府組團赴新加坡參加「\n"
  "2016世界城市峰會」\n"
  "頁數：35 含附件：■是 □否\n"
  "出國計畫主辦機關：臺中市政府秘書處\n"
  "聯絡人：陳文政 電話：11410\n"
  "出國人員姓名/服務機關/單位/職稱/電話\n"
  "張光瑤/臺中市政府/府本部/副市長/1101\n"
  "陳文政/臺中市政府/秘書處/股長/11410\n"
  "出國類別：□考察 □進修 □研究 □實習\n"
  "■其他：☑國際會議 ☐業務接洽 ☐洽展\n"
  "出國期間：105年7月9日至7月11日\n"
  "出國地區：新加坡\n"
  "報告日期：105年9月7日\n"
  "分類號/目：D0/綜合（文教類）\n"
  "關鍵詞：世界城市峰會、李光耀世界城市獎，\n"
  "宜居城市;  永續發展\n"
  "內容摘要：本府應新加坡國家發展部邀請，出席世界\n"
  "城市峰會，與各國城市交流。\n"
  "\f"
  "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";

static void
assert_traveller (TrReport   *report,
                  guint       position,
                  const char *name,
                  const char *agency,
                  const char *unit,
                  const char *title,
                  const char *phone)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, position);

  g_assert_nonnull (traveller);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, name);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_AGENCY), ==, agency);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_UNIT), ==, unit);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_TITLE), ==, title);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_PHONE), ==, phone);
}

static void
test_form_fields (void)
{
  g_autoptr(TrReport) report = tr_report_parse_text (form_text);
  const char * const keywords[] = { "世界城市峰會", "李光耀世界城市獎", "宜居城市", "永續發展", NULL };

  assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "臺中市政府組團赴新加坡參加「2016世界城市峰會」");
  assert_text (tr_report_get_text (report, TR_FIELD_AGENCY), "臺中市政府秘書處");
  assert_text (tr_report_get_text (report, TR_FIELD_CONTACT), "陳文政");
  assert_text (tr_report_get_text (report, TR_FIELD_PHONE), "11410");
  assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY), "其他");
  assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY_OTHER), "國際會議");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2016-07-09");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2016-07-11");
  assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "新加坡");
  assert_text (tr_report_get_text (report, TR_FIELD_REPORT_DATE), "2016-09-07");
  assert_text (tr_report_get_text (report, TR_FIELD_CLASSIFICATION), "D0/綜合（文教類）");
  g_assert_true (g_strv_equal (tr_report_get_keywords (report), keywords));
  g_assert_true (tr_report_get_has_attachments (report));
  g_assert_cmpuint (tr_report_get_pages (report), ==, 35);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 2);
  assert_traveller (report, 0, "張光瑤", "臺中市政府", "府本部", "副市長", "1101");
  assert_traveller (report, 1, "陳文政", "臺中市政府", "秘書處", "股長", "11410");
  assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY),
                   "本府應新加坡國家發展部邀請，出席世界城市峰會，與各國城市交流。");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "");
  assert_text (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "建議。");
}

/* The travellers as the rows of a table, or one labelled line each. */
static void
test_form_travellers (void)
{
  static const char *table =
    "報告提要\n"
    "出國人員名單\n"
    "編號 姓名 服務機關 單位 職稱\n"
    "1 林美華 內政部 營建署 技正\n"
    "2 王小明 內政部 國土署 專員\n"
    "目的\n甲。\n過程\n乙。\n";
  static const char *labelled =
    "姓名：林美華 服務機關：內政部 單位：營建署 職稱：技正 電話：02-1234\n"
    "姓名：王小明\n"
    "服務機關：內政部\n"
    "職稱：專員\n"
    "電話：02-5678\n"
    "出國人員：黃志偉、李大同\n"
    "目的\n甲。\n過程\n乙。\n";
  static const char *cover =
    "出國報告（出國類別：考察）\n"
    "赴德國考察再生能源\n"
    "服務機關：經濟部\n"
    "職稱姓名：科長 黃志偉\n"
    "派赴國家/地區：德國柏林\n"
    "出國期間：2019/5/1-2019/5/8\n"
    "報告日期：108年7月1日（填寫一級機關首長核定日）\n"
    "目的\n甲。\n過程\n乙。\n";

  {
    g_autoptr(TrReport) report = tr_report_parse_text (table);

    assert_traveller (report, 0, "林美華", "內政部", "營建署", "技正", "");
    assert_traveller (report, 1, "王小明", "內政部", "國土署", "專員", "");
    assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "出國人員名單");
  }
  {
    g_autoptr(TrReport) report = tr_report_parse_text (labelled);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 4);
    assert_traveller (report, 0, "林美華", "內政部", "營建署", "技正", "02-1234");
    assert_traveller (report, 1, "王小明", "內政部", "", "專員", "02-5678");
    assert_traveller (report, 2, "黃志偉", "", "", "", "");
    assert_traveller (report, 3, "李大同", "", "", "", "");
    assert_text (tr_report_get_text (report, TR_FIELD_PHONE), "");
  }
  {
    g_autoptr(TrReport) report = tr_report_parse_text (cover);

    assert_traveller (report, 0, "黃志偉", "經濟部", "", "科長", "");
    assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY), "考察");
    assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "德國柏林");
    assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2019-05-01");
    assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2019-05-08");
    assert_text (tr_report_get_text (report, TR_FIELD_REPORT_DATE), "2019-07-01");
    /* The line before the fields is the title; lines with more than
     * their fields are also kept as text. */
    assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "赴德國考察再生能源");
    assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                     "出國報告（出國類別：考察）\n報告日期：108年7月1日（填寫一級機關首長核定日）");
    g_assert_true (has_warning_containing (report, "2 lines of the 提要 form"));
  }
}

/* The travellers' row of a form laid out as a grid: the label 出國人員
 * beside a header row with a column of two fields, 單位／職稱, whose
 * cells hold both. The header is no traveller. */
static void
test_form_compound_column (void)
{
  static const char text[] =
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱：赴日本東京考察智慧交通\n"
    "出國人員\t姓名\t服務機關\t單位／職稱\t電話\n"
    "林怡君\t交通部\t路政司／科長\t02-2349-2000\n"
    "目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 1);
  assert_traveller (report, 0, "林怡君", "交通部", "路政司", "科長", "02-2349-2000");
}

/* The cover's 姓名職稱 names the form's travellers again: it fills only
 * what the form left empty and adds nobody the form does not list. */
static void
test_form_cover_travellers (void)
{
  static const char *cover =
    "出國報告（出國類別：考察）\n"
    "赴愛沙尼亞考察數位治理\n"
    "服務機關：國家發展委員會\n"
    "%s：%s\n"
    "\f";
  static const char *form =
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱：赴愛沙尼亞考察數位治理\n"
    "%s\n"
    "出國期間：105年7月9日至7月15日\n"
    "\f"
    "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  static const struct {
    const char *label;
    const char *names;
    const char *table;
    gboolean    cover_only;  /* the cover names 林大同, the form does not */
  } cases[] = {
    { "姓名職稱", "王小明 科長、陳美玲 專員",
      "姓名 服務機關 單位 職稱 電話\n"
      "王小明 國家發展委員會 資訊管理處 科長 02-2316-5301\n"
      "陳美玲 國家發展委員會 法制協調中心 專員 02-2316-5302" },
    /* Names without a space before the title; a table without titles. */
    { "職稱姓名", "科長 王小明，專員 陳美玲",
      "姓名 服務機關 單位 電話\n"
      "王小明 國家發展委員會 資訊管理處 02-2316-5301\n"
      "陳美玲 國家發展委員會 法制協調中心 02-2316-5302" },
    { "姓名職稱", "王小明科長、陳美玲專員、林大同 技正",
      "姓名 服務機關 單位 職稱 電話\n"
      "王小明 國家發展委員會 資訊管理處 科長 02-2316-5301\n"
      "陳美玲 國家發展委員會 法制協調中心 專員 02-2316-5302", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cover_text = g_strdup_printf (cover, cases[i].label, cases[i].names);
      g_autofree char *form_part = g_strdup_printf (form, cases[i].table);
      g_autofree char *text = g_strconcat (cover_text, form_part, NULL);
      g_autoptr(TrReport) report = tr_report_parse_text (text);

      g_test_message ("%s：%s", cases[i].label, cases[i].names);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==,
                        cases[i].cover_only ? 3 : 2);
      assert_traveller (report, 0, "王小明", "國家發展委員會", "資訊管理處", "科長", "02-2316-5301");
      assert_traveller (report, 1, "陳美玲", "國家發展委員會", "法制協調中心", "專員", "02-2316-5302");
      /* Named on the cover alone: a traveller still, after the form's. */
      if (cases[i].cover_only)
        assert_traveller (report, 2, "林大同", "國家發展委員會", "", "技正", "");
      assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2016-07-09");
    }

  /* Without a form the cover's list is all there is. */
  {
    g_autofree char *text = g_strdup_printf ("%s%s", "服務機關：國家發展委員會\n姓名職稱：王小明 科長、陳美玲 專員\n",
                                             "目的\n甲。\n過程\n乙。\n");
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 2);
    assert_traveller (report, 0, "王小明", "國家發展委員會", "", "科長", "");
    /* The cover's one 服務機關 is everybody's on its list. */
    assert_traveller (report, 1, "陳美玲", "國家發展委員會", "", "專員", "");
  }
}

/* The cover names people in many ways; each becomes one traveller, merged
 * with the form's by name, and a cover line that names nobody adds nobody. */
static void
test_cover_traveller_styles (void)
{
  static const char *form =
    "\f"
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱：赴德國考察再生能源\n"
    "%s\n"
    "出國期間：108年5月1日至108年5月8日\n"
    "\f"
    "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  static const struct {
    const char *cover;
    const char *table;     /* the form's travellers, or NULL for no form */
    const char *expected;  /* name|agency|unit|title|phone; … */
  } cases[] = {
    /* Names apart by spaces; the form lists one of them. */
    { "出國人員：王小明 李大華",
      "姓名 服務機關 單位 職稱 電話\n王小明 經濟部 能源署 科長 02-2775-1234",
      "王小明|經濟部|能源署|科長|02-2775-1234;李大華||||" },
    /* 機關 職稱 姓名, two people on one line. */
    { "出國人：經濟部工業局 科長 王小明、經濟部 技正 李大華", NULL,
      "王小明|經濟部工業局||科長|;李大華|經濟部||技正|" },
    /* The same with the unit as well, and the form filling the phone. */
    { "出國人：經濟部 能源署 科長 王小明；經濟部 能源署 簡任技正 李大華",
      "姓名 服務機關 單位 職稱 電話\n李大華 經濟部 能源署 簡任技正 02-2775-5678",
      "李大華|經濟部|能源署|簡任技正|02-2775-5678;王小明|經濟部|能源署|科長|" },
    /* Column names after the label, one person a line under them. */
    { "出國人：服務機關 職稱 姓名\n內政部 科長 王小明\n內政部營建署 技正 李大華", NULL,
      "王小明|內政部||科長|;李大華|內政部營建署||技正|" },
    /* Titles and names apart by spaces only. */
    { "服務機關：國家發展委員會\n職稱姓名：科長 王小明 專員 李大華 副處長 歐陽志明", NULL,
      "王小明|國家發展委員會||科長|;李大華|國家發展委員會||專員|;歐陽志明|國家發展委員會||副處長|" },
    /* Several names under 姓名, the list going on on the next line. */
    { "姓名：王小明、李大華\n陳美玲、林大同", NULL,
      "王小明||||;李大華||||;陳美玲||||;林大同||||" },
    /* A form row that the layout garbled: the cover still names him. */
    { "出國人員：王小明、李大華",
      "姓名 服務機關 單位 職稱\n王小明 經濟部 能源署 科長\n李大華經濟部能源署 技正 02-2775 5678 分機 12",
      "王小明|經濟部|能源署|科長|;李大華||||" },
    /* Name and title run together on the cover: one person, not two. */
    { "姓名職稱：王小明科長",
      "姓名 服務機關 單位 職稱\n王小明 經濟部 能源署 科長",
      "王小明|經濟部|能源署|科長|" },
    /* Words about people that name nobody add nobody. */
    { "出國人員：本部同仁共3人",
      "姓名 服務機關 單位 職稱\n王小明 經濟部 能源署 科長",
      "王小明|經濟部|能源署|科長|" },
    { "出國人員：張光瑤副市長等5人", NULL, "張光瑤|||副市長|" },
    { "出國人員：如附件", NULL, "" },
    { "出國人員：王小明先生、李大華女士", NULL, "王小明||||;李大華||||" },
    /* One name and its title under 姓名. */
    { "服務機關：經濟部\n姓名：王小明 科長", NULL, "王小明|經濟部||科長|" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *form_part = cases[i].table != NULL ? g_strdup_printf (form, cases[i].table)
                                                          : g_strdup ("\f目的\n甲。\n過程\n乙。\n");
      g_autofree char *text = g_strconcat ("出國報告（出國類別：考察）\n赴德國考察再生能源\n",
                                           cases[i].cover, "\n", form_part, NULL);
      g_autoptr(TrReport) report = tr_report_parse_text (text);
      GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
      g_auto(GStrv) expected = g_strsplit (cases[i].expected, ";", -1);

      g_test_message ("%s", cases[i].cover);
      for (guint j = 0; j < g_list_model_get_n_items (travellers); j++)
        {
          g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, j);

          g_test_message ("  got %s|%s|%s|%s|%s", tr_traveller_get (traveller, TR_TRAVELLER_NAME),
                          tr_traveller_get (traveller, TR_TRAVELLER_AGENCY),
                          tr_traveller_get (traveller, TR_TRAVELLER_UNIT),
                          tr_traveller_get (traveller, TR_TRAVELLER_TITLE),
                          tr_traveller_get (traveller, TR_TRAVELLER_PHONE));
        }
      g_assert_cmpuint (g_list_model_get_n_items (travellers), ==,
                        cases[i].expected[0] != '\0' ? g_strv_length (expected) : 0);
      for (guint j = 0; cases[i].expected[0] != '\0' && expected[j] != NULL; j++)
        {
          g_auto(GStrv) values = g_strsplit (expected[j], "|", -1);

          g_assert_cmpuint (g_strv_length (values), ==, 5);
          assert_traveller (report, j, values[0], values[1], values[2], values[3], values[4]);
        }
    }
}

/* A form row whose name ran into the next cell is the person the cover
 * names: one traveller, with the cover's name. */
static void
test_cover_repairs_form_name (void)
{
  static const char *text =
    "出國報告（出國類別：考察）\n赴德國考察再生能源\n出國人員：王小明、李大華\n"
    "\f公務出國或赴大陸地區報告提要\n出國報告名稱：赴德國考察再生能源\n"
    "姓名 服務機關 單位 職稱 電話\n"
    "王小明經濟部 能源署 科長 02-2775-1234\n"
    "李大華 經濟部 能源署 技正 02-2775-5678\n"
    "出國期間：108年5月1日至108年5月8日\n"
    "\f壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(TrTraveller) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 2);
  first = g_list_model_get_item (travellers, 0);
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "王小明");
  assert_traveller (report, 1, "李大華", "經濟部", "能源署", "技正", "02-2775-5678");
}

/* The form's 內容摘要 and the 摘要 page often carry the same text: it is
 * kept once, the page's; a form copy that says something else stays. */
static void
test_form_summary_copy (void)
{
  static const char *summary =
    "本次考察愛沙尼亞數位治理經驗，參訪 e-Estonia 展示中心及資訊系統局，"
    "瞭解該國推動數位身分證及 X-Road 資料交換平臺之做法。建議我國研議資料交換平臺之法制基礎。";
  static const char *layout =
    "公務出國或赴大陸地區報告提要\n"
    "出國報告名稱：赴愛沙尼亞考察數位治理\n"
    "內容摘要：%s\n"
    "\f"
    "摘要\n"
    "%s\n"
    "\f"
    "壹、目的\n目的。\n貳、過程\n過程。\n參、心得\n心得。\n肆、建議\n建議。\n";
  g_autofree char *in_cell = NULL;
  g_autofree char *start = g_utf8_substring (summary, 0, 40);
  g_autofree char *cut = g_strconcat (start, "…", NULL);
  glong length = g_utf8_strlen (summary, -1);

  /* The cell is narrower than the page: its lines break elsewhere, and a
   * Latin word loses its spaces. */
  {
    g_autoptr(GString) broken = g_string_new (NULL);
    const char *p = summary;

    for (glong i = 0; i < length; i++, p = g_utf8_next_char (p))
      {
        if (i > 0 && i % 23 == 0)
          g_string_append_c (broken, '\n');
        g_string_append_unichar (broken, g_utf8_get_char (p));
      }
    in_cell = g_string_free (g_steal_pointer (&broken), FALSE);
  }

  {
    g_autofree char *text = g_strdup_printf (layout, in_cell, summary);
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), summary);
  }
  {
    g_autofree char *text = g_strdup_printf (layout, cut, summary);
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), summary);
  }
  {
    g_autofree char *text = g_strdup_printf (layout, "詳如摘要頁。", summary);
    g_autoptr(TrReport) report = tr_report_parse_text (text);
    g_autofree char *both = g_strconcat ("詳如摘要頁。\n", summary, NULL);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), both);
  }
  /* Only in the form, or only on the page. */
  {
    g_autofree char *text = g_strdup_printf (layout, summary, "");
    g_autoptr(TrReport) report = tr_report_parse_text (text);

    assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), summary);
  }
}

static void
test_form_categories (void)
{
  static const struct {
    const char *line;
    const char *category;
    const char *other;
  } cases[] = {
    { "出國類別：■考察 □進修 □研究 □實習 □其他", "考察", "" },
    { "出國類別：☐考察 ☑開會 ☐其他", "開會", "" },
    { "出國類別：[ ] 考察 [x] 訪問 [ ] 其他", "訪問", "" },
    { "出國類別：[ ]考察 [X]談判", "談判", "" },
    { "出國類別：其他 ☑國際會議 ☐業務接洽 ☐洽展", "其他", "國際會議" },
    { "出國類別：□考察 ■其他 ■洽展", "其他", "洽展" },
    { "出國類別：□考察 ■其他：參加研討會", "其他", "參加研討會" },
    { "出國類別：□考察 ■其他(擔任裁判)", "其他", "擔任裁判" },
    { "出國類別：□考察 ■國際會議", "其他", "國際會議" },
    { "出國類別：其他(出席國際會議)", "其他", "出席國際會議" },
    { "類別：其他", "其他", "" },
    { "出國類別：開會", "開會", "" },
    { "出國類別： 視察", "視察", "" },
    { "出國類別：<input type=\"checkbox\"/> 考察 <input checked=\"\" type=\"checkbox\"/> 研究", "研究", "" },
    { "出 國 類 別：■實習", "實習", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n目的\n甲。\n過程\n乙。\n", cases[i].line);
      g_autoptr(TrReport) report = tr_report_parse_text (text);

      g_test_message ("“%s”", cases[i].line);
      assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY), cases[i].category);
      assert_text (tr_report_get_text (report, TR_FIELD_CATEGORY_OTHER), cases[i].other);
    }
}

/* The readers of single values, and what they leave over. */
static void
test_form_values (void)
{
  static const struct {
    const char *value;
    const char *start;
    const char *end;
    gboolean    complete;
  } periods[] = {
    { "105年7月9日至105年7月11日", "2016-07-09", "2016-07-11", TRUE },
    { "105年7月9日至11日", "2016-07-09", "2016-07-11", TRUE },
    { "105年12月30日至1月2日", "2016-12-30", "2016-01-02", TRUE },
    { "105.7.9-7.11", "2016-07-09", "2016-07-11", TRUE },
    { "105.07.09～105.07.11", "2016-07-09", "2016-07-11", TRUE },
    { "自105年7月9日起至105年7月11日止", "2016-07-09", "2016-07-11", TRUE },
    { "105年7月9日(星期六)至105年7月11日(星期一)", "2016-07-09", "2016-07-11", TRUE },
    { "2016-07-09 - 2016-07-11", "2016-07-09", "2016-07-11", TRUE },
    { "2016/7/9–2016/7/11", "2016-07-09", "2016-07-11", TRUE },
    { "105年7月9日", "2016-07-09", "2016-07-09", TRUE },
    { "105年7月9日至105年7月11日，共3天", "2016-07-09", "2016-07-11", FALSE },
    { "105年7月9日至另定", "2016-07-09", NULL, FALSE },
    { "另定", NULL, NULL, FALSE },
  };
  static const struct {
    const char *text;
    const char *clean;
  } cleans[] = {
    { "  （擔任裁判）", "擔任裁判" },
    { "D0/綜合（文教類）", "D0/綜合（文教類）" },
    { "開會）", "開會" },
    { "：＿＿＿國際會議＿＿", "國際會議" },
    { "（文教類", "文教類" },
    { "「2016世界城市峰會」", "2016世界城市峰會" },
    { "「城市」與「鄉村」", "「城市」與「鄉村」" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *start = NULL, *end = NULL;
      gboolean complete = tr_parser_read_period (periods[i].value, &start, &end);

      g_test_message ("period “%s”", periods[i].value);
      g_assert_cmpstr (start, ==, periods[i].start);
      g_assert_cmpstr (end, ==, periods[i].end);
      g_assert_cmpint (complete, ==, periods[i].complete);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cleans); i++)
    {
      g_autofree char *clean = tr_parser_clean_value (cleans[i].text);

      g_assert_cmpstr (clean, ==, cleans[i].clean);
    }

  {
    guint pages;
    gboolean known, yes;
    g_autofree char *date = NULL;
    g_auto(GStrv) words = tr_parser_split_list (" 城市、永續，創新, ICT; 水資源／能源 ");
    const char * const expected_words[] = { "城市", "永續", "創新", "ICT", "水資源", "能源", NULL };

    g_assert_true (tr_parser_read_pages ("35 頁", &pages));
    g_assert_cmpuint (pages, ==, 35);
    g_assert_false (tr_parser_read_pages ("35（含附件10頁）", &pages));
    g_assert_cmpuint (pages, ==, 35);
    g_assert_false (tr_parser_read_pages ("不詳", &pages));
    g_assert_cmpuint (pages, ==, 0);

    g_assert_true (tr_parser_read_yes_no ("□是 ■否", &known, &yes));
    g_assert_true (known);
    g_assert_false (yes);
    g_assert_true (tr_parser_read_yes_no ("[x] 是 [ ] 否", &known, &yes));
    g_assert_true (known && yes);
    g_assert_true (tr_parser_read_yes_no ("□是 □否", &known, &yes));
    g_assert_false (known);
    g_assert_false (tr_parser_read_yes_no ("不一定", &known, &yes));

    g_assert_true (tr_parser_read_date_value ("105年9月7日（星期三）", &date));
    g_assert_cmpstr (date, ==, "2016-09-07");
    g_clear_pointer (&date, g_free);
    g_assert_false (tr_parser_read_date_value ("105年9月7日（填寫一級機關首長核定日）", &date));
    g_assert_cmpstr (date, ==, "2016-09-07");

    g_assert_true (g_strv_equal ((const char * const *) words, expected_words));
  }
}

/* Labels alone with the value on the next line, as table cells come out. */
static void
test_form_cells (void)
{
  static const char *text =
    "出國報告提要\n"
    "出國報告名稱\n"
    "赴日本考察防災體系\n"
    "含附件 □是 ■否\n"
    "出國期間\n"
    "一百零八年三月一日至三月五日\n"
    "出國地區 日本東京都\n"
    "關鍵詞\n"
    "防災, 韌性城市\n"
    "摘要\n"
    "本次考察日本防災體系。\n"
    "\f目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  const char * const keywords[] = { "防災", "韌性城市", NULL };

  assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "赴日本考察防災體系");
  g_assert_false (tr_report_get_has_attachments (report));
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2019-03-01");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2019-03-05");
  assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "日本東京都");
  g_assert_true (g_strv_equal (tr_report_get_keywords (report), keywords));
  assert_text (tr_report_get_text (report, TR_FIELD_SUMMARY), "本次考察日本防災體系。");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "");
}

/* The PDF reader puts a tab between the cells of a row: a label and its
 * value, even on a cover without colons. */
static void
test_form_tabs (void)
{
  static const char *text =
    "出國報告\n"
    "出國報告名稱\t赴日本考察防災體系\n"
    "出國期間\t108年3月1日至108年3月5日\t出國地區\t日本\n"
    "姓名\t服務機關\t單位\t職稱\n"
    "林美華\t內政部\t消防署\t技正\n"
    "目的\n甲。\n過程\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  assert_text (tr_report_get_text (report, TR_FIELD_TITLE), "赴日本考察防災體系");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_START), "2019-03-01");
  assert_text (tr_report_get_text (report, TR_FIELD_PERIOD_END), "2019-03-05");
  assert_text (tr_report_get_text (report, TR_FIELD_DESTINATION), "日本");
  assert_traveller (report, 0, "林美華", "內政部", "消防署", "技正", "");
  assert_text (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), "出國報告");
}

void
add_form_tests (void)
{
  g_test_add_func ("/parser/form/compound-column", test_form_compound_column);
  g_test_add_func ("/parser/form/fields", test_form_fields);
  g_test_add_func ("/parser/form/travellers", test_form_travellers);
  g_test_add_func ("/parser/form/cover-travellers", test_form_cover_travellers);
  g_test_add_func ("/parser/form/cover-traveller-styles", test_cover_traveller_styles);
  g_test_add_func ("/parser/form/cover-repairs-form-name", test_cover_repairs_form_name);
  g_test_add_func ("/parser/form/summary-copy", test_form_summary_copy);
  g_test_add_func ("/parser/form/categories", test_form_categories);
  g_test_add_func ("/parser/form/cells", test_form_cells);
  g_test_add_func ("/parser/form/values", test_form_values);
  g_test_add_func ("/parser/form/tabs", test_form_tabs);
}
