/* test-text-block.c: moving paragraphs of an imported report between sections
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "tr-text-block.h"

static void
test_round_trip (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(TrReport) copy = NULL;
  g_autoptr(GListStore) blocks = NULL;

  tr_report_set_text (report, TR_FIELD_SUMMARY, "摘要第一段\n\n摘要第二段");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "一、目的甲\n二、目的乙");
  tr_report_set_section (report, TR_SECTION_RECOMMENDATIONS, "建議");
  tr_report_set_text (report, TR_FIELD_UNCLASSIFIED, "無法分類的文字");

  blocks = tr_text_blocks_from_report (report);
  /* Blank lines make no block. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (blocks)), ==, 6);

  copy = tr_report_copy (report);
  tr_text_blocks_apply (G_LIST_MODEL (blocks), copy);
  g_assert_cmpstr (tr_report_get_text (copy, TR_FIELD_SUMMARY), ==, "摘要第一段\n摘要第二段");
  g_assert_cmpstr (tr_report_get_section (copy, TR_SECTION_PURPOSE), ==, "一、目的甲\n二、目的乙");
  g_assert_cmpstr (tr_report_get_text (copy, TR_FIELD_UNCLASSIFIED), ==, "無法分類的文字");
}

static void
test_move_block (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(GListStore) blocks = NULL;
  g_autoptr(TrTextBlock) stray = NULL;
  g_autoptr(TrTextBlock) unclassified = NULL;

  tr_report_set_section (report, TR_SECTION_PROCESS, "第一天\n第二天\n心得：城市很整潔");
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, "交通便利");
  tr_report_set_text (report, TR_FIELD_UNCLASSIFIED, "應屬建議的段落");
  blocks = tr_text_blocks_from_report (report);

  /* The parser put an observation in 過程: move it; and place the stray text. */
  stray = g_list_model_get_item (G_LIST_MODEL (blocks), 2);
  g_assert_cmpstr (tr_text_block_get_text (stray), ==, "心得：城市很整潔");
  tr_text_block_set_field (stray, TR_FIELD_OBSERVATIONS);
  unclassified = g_list_model_get_item (G_LIST_MODEL (blocks), 4);
  tr_text_block_set_field (unclassified, TR_FIELD_RECOMMENDATIONS);

  tr_text_blocks_apply (G_LIST_MODEL (blocks), report);
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PROCESS), ==, "第一天\n第二天");
  /* Reading order is kept: the moved paragraph comes before the later one. */
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), ==, "心得：城市很整潔\n交通便利");
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), ==, "應屬建議的段落");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-block/round-trip", test_round_trip);
  g_test_add_func ("/text-block/move", test_move_block);

  return g_test_run ();
}
