/* test-parser-form.c: the 提要 form as the PDF reader hands it to the parser
 *
 * A form laid out as a grid comes out of the reader as lines of cells
 * with tabs between them: the labels beside their values, the
 * travellers' header row with the form's label 出國人員 before it, and a
 * row per traveller; labels spaced out, or wrapped in a narrow column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser-form/two-travellers", test_two_travellers);
  g_test_add_func ("/parser-form/spaced-labels", test_spaced_labels);
  g_test_add_func ("/parser-form/wrapped-labels", test_wrapped_labels);

  return g_test_run ();
}
