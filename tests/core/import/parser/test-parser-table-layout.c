/* test-parser-table-layout.c: tables as Writer and pandoc lay them out
 *
 * Layout lines as the PDF reader gives them of a Writer document's
 * ruled tables (a cell's lines joined into one line as tall as they are,
 * table text smaller than the body's, rows split by a page break, headers
 * centred over figures set right) and of pandoc's DOCX tables (nothing
 * between the cover and a table but lines at the same margin): positions
 * measured on real PDFs of the fidelity corpus (tests/lib/fidelity).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "tr-parser.h"

#define PAGE_WIDTH  595.3
#define PAGE_HEIGHT 841.9

typedef struct {
  guint       page;
  double      y, x, width, height, font_size;
  const char *text;
  double      cell_x[4];
} Line;

static GPtrArray *
make_lines (const Line *spec,
            guint       n)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);

  for (guint i = 0; i < n; i++)
    {
      TrLayoutLine *line = tr_layout_line_new (spec[i].text, spec[i].page);
      guint n_cells = 1;

      for (const char *p = spec[i].text; *p != '\0'; p++)
        n_cells += *p == '\t';
      line->x = spec[i].x;
      line->y = spec[i].y;
      line->width = spec[i].width;
      line->height = spec[i].height;
      line->font_size = spec[i].font_size;
      line->page_width = PAGE_WIDTH;
      line->page_height = PAGE_HEIGHT;
      if (n_cells > 1)
        tr_layout_line_set_cell_x (line, spec[i].cell_x, n_cells);
      g_ptr_array_add (lines, line);
    }
  return lines;
}

static TrTable *
only_table (TrParsedReport *parsed,
            TrField         field)
{
  TrBody *body = parsed->bodies[field];

  g_assert_nonnull (body);
  g_test_message ("%s", tr_body_get_plain_text (body));
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  return tr_body_get_table (body, 0);
}

static void
assert_row (TrTable            *table,
            guint               row,
            const char * const *cells)
{
  g_assert_cmpuint (g_strv_length ((char **) cells), ==, tr_table_get_n_columns (table));
  for (guint c = 0; cells[c] != NULL; c++)
    g_assert_cmpstr (tr_table_get_cell (table, row, c), ==, cells[c]);
}

/* Body text in 12 pt, 26 pt apart; the table's text in 11 pt, its rows
 * 9.6 pt apart box to box, closer than the body's lines: a cell's three
 * lines come as one line 50 pt tall. A page break splits a row, whose
 * last cell goes on under the header row repeated on the next page, in
 * two lines 3.8 pt apart. */
static void
test_writer_ruled_rows (void)
{
  static const Line spec[] = {
    { 0, 60.0, 62.5, 64, 20.8, 16, "壹、目的" },
    { 0, 100.0, 86.5, 446, 15.6, 12, "本次出國係為瞭解當地推動智慧城市之做法。" },
    { 0, 140.0, 62.5, 64, 20.8, 16, "貳、過程" },
    { 0, 180.0, 86.5, 446, 15.6, 12, "本團行程如下表。" },
    { 0, 205.9, 62.5, 300, 15.6, 12, "各日行程分述如次。" },
    { 0, 240.0, 256.9, 82, 15.6, 12, "表 2：參訪行程" },
    { 0, 272.0, 104.6, 299, 14.3, 11, "日期\t地點\t行程內容", { 104.6, 188.1, 359.3 } },
    { 0, 295.9, 65.3, 392, 14.3, 11, "7 月 9 日上午\t裕廊東\t透過 BIM 技術整合設計施工與維護管理資訊。", { 65.3, 171.6, 232.3 } },
    { 0, 319.8, 65.3, 464, 50.6, 11, "7 月 9 日下午\t新加坡\t主辦單位安排參觀污水處理廠及再生水示範場域，本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法。", { 65.3, 171.6, 232.3 } },
    { 0, 380.0, 65.3, 299, 14.3, 11, "7 月 9 日晚上\t裕廊東\t參訪行程緊湊但收穫豐碩。", { 65.3, 171.6, 232.3 } },
    { 0, 403.9, 65.3, 464, 32.5, 11, "7 月 10 日上午\t榜鵝新鎮\t主辦單位安排參觀污水處理廠，該市以開放資料平臺公開即時車流資訊。", { 65.3, 171.6, 232.3 } },
    { 0, 446.0, 65.3, 409, 14.3, 11, "7 月 10 日下午\t濱海灣\t與會代表就城市韌性與氣候調適交換意見，與會代表就城市韌", { 65.3, 171.6, 232.3 } },
    { 0, 772.9, 295.3, 5, 11.7, 9, "1" },
    { 1, 76.6, 104.6, 299, 14.3, 11, "日期\t地點\t行程內容", { 104.6, 188.1, 359.3 } },
    { 1, 100.5, 232.3, 297, 14.3, 11, "性與氣候調適交換意見，現場展示以感測器監測河川水位之預" },
    { 1, 118.6, 232.3, 44, 14.3, 11, "警系統。" },
    { 1, 142.5, 65.3, 392, 14.3, 11, "7 月 10 日晚上\t市政廳\t透過 BIM 技術整合設計施工與維護管理資訊。", { 65.3, 171.6, 232.3 } },
    { 1, 166.4, 65.3, 464, 32.4, 11, "7 月 11 日上午\t市政廳\t專家指出數位轉型需兼顧資料治理與隱私保護，會議期間並與各國代表建立聯繫管道。", { 65.3, 171.6, 232.3 } },
    { 1, 208.4, 65.3, 299, 14.3, 11, "7 月 11 日下午\t樟宜機場\t返國。", { 65.3, 171.6, 232.3 } },
    { 1, 235.2, 86.5, 446, 15.6, 12, "二、雙方同意持續推動城市間之技術交流與人員互訪，參訪行程緊湊但收穫豐碩，會" },
    { 1, 261.0, 62.5, 300, 15.6, 12, "議期間並與各國代表建立聯繫管道。" },
    { 1, 300.0, 62.5, 64, 20.8, 16, "參、心得" },
    { 1, 340.0, 86.5, 300, 15.6, 12, "收穫豐碩。" },
    { 1, 772.9, 295.3, 5, 11.7, 9, "2" },
  };
  g_autoptr(GPtrArray) lines = make_lines (spec, G_N_ELEMENTS (spec));
  g_autoptr(TrParsedReport) parsed = tr_parser_parse_lines (lines, 2);
  TrTable *table = only_table (parsed, TR_FIELD_PROCESS);

  g_assert_cmpstr (tr_table_get_caption (table), ==, "參訪行程");
  g_assert_true (tr_table_get_has_header (table));
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 9);
  assert_row (table, 0, (const char *[]) { "日期", "地點", "行程內容", NULL });
  assert_row (table, 2, (const char *[]) { "7 月 9 日下午", "新加坡",
              "主辦單位安排參觀污水處理廠及再生水示範場域，本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法。", NULL });
  assert_row (table, 3, (const char *[]) { "7 月 9 日晚上", "裕廊東", "參訪行程緊湊但收穫豐碩。", NULL });
  assert_row (table, 5, (const char *[]) { "7 月 10 日下午", "濱海灣",
              "與會代表就城市韌性與氣候調適交換意見，與會代表就城市韌性與氣候調適交換意見，現場展示以感測器監測河川水位之預警系統。", NULL });
  assert_row (table, 6, (const char *[]) { "7 月 10 日晚上", "市政廳", "透過 BIM 技術整合設計施工與維護管理資訊。", NULL });
  assert_row (table, 8, (const char *[]) { "7 月 11 日下午", "樟宜機場", "返國。", NULL });
  g_assert_nonnull (strstr (tr_body_get_text_run (parsed->bodies[TR_FIELD_PROCESS], 1), "二、雙方同意"));
}

/* Figures set right, under a header row whose cells are centred: a
 * header cell starts left of where its column's figures do. */
static void
test_centred_header_over_figures (void)
{
  static const Line spec[] = {
    { 0, 60.0, 62.5, 64, 20.8, 16, "壹、目的" },
    { 0, 100.0, 86.5, 446, 15.6, 12, "甲。" },
    { 0, 140.0, 62.5, 64, 20.8, 16, "貳、過程" },
    { 0, 180.0, 86.5, 446, 15.6, 12, "乙。" },
    { 0, 220.0, 62.5, 64, 20.8, 16, "參、心得" },
    { 0, 260.0, 86.5, 300, 15.6, 12, "運量統計如下。" },
    { 0, 294.0, 145.6, 357, 14.3, 11, "項目\t2016 年\t2017 年\t成長率", { 145.6, 278.2, 372.3, 469.5 } },
    { 0, 317.9, 65.3, 465, 14.3, 11, "公車運量（萬人次）\t4822\t5676\t17.7%", { 65.3, 317.5, 411.7, 499.3 } },
    { 0, 341.8, 65.3, 465, 14.3, 11, "捷運運量（萬人次）\t3652\t4282\t17.3%", { 65.3, 317.5, 411.6, 499.2 } },
    { 0, 365.7, 65.3, 465, 14.3, 11, "共享單車租借（萬次）\t7521\t7653\t1.8%", { 65.3, 318.5, 411.7, 505.2 } },
    { 0, 389.6, 65.3, 465, 14.3, 11, "停車位（席）\t6636\t7533\t13.5%", { 65.3, 317.5, 411.7, 499.1 } },
    { 0, 430.0, 62.5, 64, 20.8, 16, "肆、建議" },
    { 0, 470.0, 86.5, 300, 15.6, 12, "丙。" },
  };
  g_autoptr(GPtrArray) lines = make_lines (spec, G_N_ELEMENTS (spec));
  g_autoptr(TrParsedReport) parsed = tr_parser_parse_lines (lines, 1);
  TrTable *table = only_table (parsed, TR_FIELD_OBSERVATIONS);

  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 5);
  g_assert_true (tr_table_get_has_header (table));
  assert_row (table, 0, (const char *[]) { "項目", "2016 年", "2017 年", "成長率", NULL });
  assert_row (table, 3, (const char *[]) { "共享單車租借（萬次）", "7521", "7653", "1.8%", NULL });
}

/* pandoc's DOCX on one page: the cover's lines at the margin, one of
 * them cut in two by a spaced label (單　　位), then the 目的 and a
 * delegation list whose cells start at the same margin, its rows 2 pt
 * apart. The cover stays fields, the list is a table of 目的. */
static void
test_cover_above_table (void)
{
  static const Line spec[] = {
    { 0, 80.8, 72.1, 156, 15.6, 12, "出國報告（出國類別：其他）" },
    { 0, 103.8, 72.1, 156, 15.6, 12, "新北市政府參加亞太城市峰會" },
    { 0, 117.8, 72.1, 108, 15.6, 12, "暨市長論壇出國報告" },
    { 0, 140.8, 72.1, 120, 15.6, 12, "服務機關：新北市政府" },
    { 0, 163.8, 72.1, 168, 15.6, 12, "單\t位：研究發展考核委員會", { 72.1, 108.1 } },
    { 0, 186.8, 72.1, 124, 15.6, 12, "職稱姓名：專員 吳佩珊" },
    { 0, 209.8, 72.1, 112, 15.6, 12, "派赴國家/地區：韓國" },
    { 0, 232.8, 72.1, 262, 15.6, 12, "出國期間：106 年 9 月 10 日至 106 年 9 月 13 日" },
    { 0, 255.8, 72.1, 154, 15.6, 12, "報告日期：106 年 11 月 2 日" },
    { 0, 293.7, 72.1, 64, 20.8, 16, "壹、目的" },
    { 0, 321.4, 72.1, 463, 15.6, 12, "現場展示以感測器監測河川水位之預警系統，the smart mobility pilot covers three" },
    { 0, 335.4, 72.1, 458, 15.6, 12, "districts，現場展示以感測器監" },
    { 0, 349.4, 72.1, 132, 15.6, 12, "測河川水位之預警系統。" },
    { 0, 372.4, 72.1, 106, 15.6, 12, "表 1：出國人員名單" },
    { 0, 394.2, 72.1, 288, 15.6, 12, "姓名\t機關\t職稱", { 72.1, 204.1, 336.1 } },
    { 0, 412.6, 72.1, 288, 15.6, 12, "陳文政\t臺中市政府秘書處\t股長", { 72.1, 204.1, 336.1 } },
    { 0, 430.2, 72.1, 288, 15.6, 12, "林怡君\t交通部路政司\t科長", { 72.1, 204.1, 336.1 } },
    { 0, 447.8, 72.1, 288, 15.6, 12, "黃志明\t內政部營建署\t技正", { 72.1, 204.1, 336.1 } },
    { 0, 465.4, 72.1, 312, 15.6, 12, "張家豪\t經濟部水利署\t副工程司", { 72.1, 204.1, 336.1 } },
    { 0, 490.2, 72.1, 460, 15.6, 12, "當地官員強調公私協力對於都市更新之重要性，OECD 專家指出數位轉型需兼顧資料治" },
    { 0, 504.2, 72.1, 276, 15.6, 12, "理與隱私保護。" },
    { 0, 541.2, 72.1, 64, 20.8, 16, "貳、過程" },
    { 0, 569.2, 72.1, 200, 15.6, 12, "乙。" },
    { 0, 600.2, 72.1, 64, 20.8, 16, "參、心得" },
    { 0, 628.2, 72.1, 200, 15.6, 12, "丙。" },
  };
  g_autoptr(GPtrArray) lines = make_lines (spec, G_N_ELEMENTS (spec));
  g_autoptr(TrParsedReport) parsed = tr_parser_parse_lines (lines, 1);
  TrTable *table = only_table (parsed, TR_FIELD_PURPOSE);

  g_assert_cmpstr (tr_table_get_caption (table), ==, "出國人員名單");
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 5);
  assert_row (table, 4, (const char *[]) { "張家豪", "經濟部水利署", "副工程司", NULL });
  g_assert_cmpstr (tr_parsed_report_get_text (parsed, TR_FIELD_DESTINATION), ==, "韓國");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser-table-layout/writer-ruled-rows", test_writer_ruled_rows);
  g_test_add_func ("/parser-table-layout/centred-header-over-figures", test_centred_header_over_figures);
  g_test_add_func ("/parser-table-layout/cover-above-table", test_cover_above_table);

  return g_test_run ();
}
