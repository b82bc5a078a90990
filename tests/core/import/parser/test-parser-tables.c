/* test-parser-tables.c: tables as the PDF reader hands them to the parser
 *
 * A table row comes out of the reader as a line of cells with tabs
 * between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "tr-parser.h"
#include "tr-report-parser.h"

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A table that goes on to the next page with its header row repeated
 * there: the repeat is dropped, the rows are all kept, and a row that
 * happens to read like an earlier one further down a page stays. */
static void
test_repeated_header (void)
{
  static const char text[] =
    "目的\n甲。\n"
    "過程\n"
    "本次參訪行程如下表。\n"
    "日期\t行程\t地點\n"
    "7月9日\t抵達\t新加坡\n"
    "7月10日\t開幕式\t濱海灣\n"
    "\f"
    "日期\t行程\t地點\n"
    "7月11日\t參訪\t榜鵝\n"
    "7月12日\t返國\t臺北\n"
    "以上行程均依計畫完成。\n"
    "日期\t行程\t地點\n"
    "心得\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  const char *process = tr_report_get_section (report, TR_SECTION_PROCESS);

  g_test_message ("%s", process);
  g_assert_cmpuint (count_occurrences (process, "日期"), ==, 2);
  g_assert_nonnull (strstr (process, "7月11日"));
  g_assert_nonnull (strstr (process, "7月12日"));
  g_assert_nonnull (strstr (process, "以上行程均依計畫完成。"));
}

/* The only table of @field in @report's, with a message of what it holds. */
static TrTable *
only_table (TrReport *report,
            TrField   field)
{
  TrBody *body = tr_report_get_body (report, field);

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

/* The schedule becomes one table across the page break, its header row
 * once, with the text before and after it as text. */
static void
test_table_block (void)
{
  static const char text[] =
    "目的\n甲。\n"
    "過程\n"
    "本次參訪行程如下表。\n"
    "日期\t地點\t行程內容\n"
    "7月9日\t新加坡\t抵達\n"
    "7月10日\t濱海灣\t開幕式及專題演講\n"
    "\f"
    "日期\t地點\t行程內容\n"
    "7月11日\t榜鵝\t參訪智慧社區\n"
    "7月12日\t臺北\t返國\n"
    "以上行程均依計畫完成。\n"
    "心得\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  TrBody *body = tr_report_get_body (report, TR_FIELD_PROCESS);
  TrTable *table = only_table (report, TR_FIELD_PROCESS);

  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 5);
  g_assert_true (tr_table_get_has_header (table));
  assert_row (table, 0, (const char *[]) { "日期", "地點", "行程內容", NULL });
  assert_row (table, 2, (const char *[]) { "7月10日", "濱海灣", "開幕式及專題演講", NULL });
  assert_row (table, 4, (const char *[]) { "7月12日", "臺北", "返國", NULL });
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "本次參訪行程如下表。");
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "以上行程均依計畫完成。");
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), ==, "乙。");
}

/* 「表1：…」 above a table is its caption, without the number. */
static void
test_caption (void)
{
  static const char text[] =
    "目的\n甲。\n"
    "過程\n"
    "表1：出國人員名單\n"
    "姓名\t機關\t職稱\n"
    "陳文政\t臺中市政府秘書處\t股長\n"
    "林怡君\t交通部路政司\t科長\n"
    "心得\n乙。\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  TrBody *body = tr_report_get_body (report, TR_FIELD_PROCESS);
  TrTable *table = only_table (report, TR_FIELD_PROCESS);

  g_assert_cmpstr (tr_table_get_caption (table), ==, "出國人員名單");
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  assert_row (table, 1, (const char *[]) { "陳文政", "臺中市政府秘書處", "股長", NULL });
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "");
}

/* Rows where the reader knows where each cell starts: an empty cell is
 * left empty in its column, and a cell's next line under it (no tab, in
 * the last column) goes on that cell. */
static void
test_positioned_cells (void)
{
  static const struct {
    const char *text;
    double      cell_x[3];
  } rows[] = {
    { "日期\t地點\t行程內容", { 72, 160, 260 } },
    { "7月9日\t東京\t抵達成田機場，轉往飯店", { 72, 160, 260 } },
    { "7月10日\t拜會國土交通省道路局，", { 72, 260 } },
    { "說明智慧交通計畫", { 260 } },
    { "7月11日\t橫濱\t參訪港灣局", { 72, 160, 260 } },
  };
  g_autoptr(GPtrArray) lines = tr_layout_lines_from_text ("目的\n甲。\n過程\n行程如下。");
  g_autoptr(GPtrArray) tail = tr_layout_lines_from_text ("心得\n乙。");
  g_autoptr(TrParsedReport) parsed = NULL;
  TrLayoutLine *last = g_ptr_array_index (lines, lines->len - 1);
  double y = last->y;
  TrTable *table;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      TrLayoutLine *line = tr_layout_line_new (rows[i].text, 0);
      guint n_cells = 1;

      for (const char *p = rows[i].text; *p != '\0'; p++)
        n_cells += *p == '\t';
      y += 18;
      line->x = rows[i].cell_x[0];
      line->y = y;
      line->height = 12;
      line->width = 400;
      if (n_cells > 1)
        tr_layout_line_set_cell_x (line, rows[i].cell_x, n_cells);
      g_ptr_array_add (lines, line);
    }
  for (guint i = 0; i < tail->len; i++)
    {
      TrLayoutLine *line = tr_layout_line_copy (g_ptr_array_index (tail, i));

      line->y = (y += 18);
      g_ptr_array_add (lines, line);
    }

  parsed = tr_parser_parse_lines (lines, 1);
  g_assert_nonnull (parsed->bodies[TR_FIELD_PROCESS]);
  g_assert_cmpuint (tr_body_get_n_tables (parsed->bodies[TR_FIELD_PROCESS]), ==, 1);
  table = tr_body_get_table (parsed->bodies[TR_FIELD_PROCESS], 0);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 4);
  assert_row (table, 2, (const char *[]) { "7月10日", "", "拜會國土交通省道路局，說明智慧交通計畫", NULL });
  assert_row (table, 3, (const char *[]) { "7月11日", "橫濱", "參訪港灣局", NULL });
  g_assert_cmpstr (tr_parsed_report_get_text (parsed, TR_FIELD_OBSERVATIONS), ==, "乙。");
}

/* A table in the appendix next to photos: taking the photos' captions
 * out of its text leaves the table, its caption and the text around it
 * as they were. */
static void
test_appendix_table_keeps_structure (void)
{
  static const char text[] =
    "目的\n甲。\n"
    "過程\n乙。\n"
    "心得\n丙。\n"
    "附錄\n"
    "附件一：會議議程\n"
    "表1：參訪行程\n"
    "日期\t地點\t行程內容\n"
    "7月9日\t新加坡\t抵達\n"
    "7月10日\t濱海灣\t開幕式\n"
    "照片1：本團與市長合影\n"
    "照片2：參訪污水處理廠\n";
  const char * const captions[] = { "照片1：本團與市長合影", "照片2：參訪污水處理廠", NULL };
  g_autoptr(TrReport) report = tr_report_parse_text (text);
  TrBody *appendix = tr_report_get_body (report, TR_FIELD_APPENDIX);
  TrTable *table = only_table (report, TR_FIELD_APPENDIX);

  g_assert_cmpuint (tr_report_remove_caption_lines (report, captions), ==, 2);
  g_assert_cmpuint (tr_body_get_n_tables (appendix), ==, 1);
  table = tr_body_get_table (appendix, 0);
  g_assert_cmpstr (tr_table_get_caption (table), ==, "參訪行程");
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  assert_row (table, 2, (const char *[]) { "7月10日", "濱海灣", "開幕式", NULL });
  g_assert_cmpstr (tr_body_get_text_run (appendix, 0), ==, "附件一：會議議程");
  g_assert_cmpstr (tr_body_get_text_run (appendix, 1), ==, "");
  /* Nothing more goes a second time. */
  g_assert_cmpuint (tr_report_remove_caption_lines (report, captions), ==, 0);
  g_assert_cmpuint (tr_body_get_n_tables (appendix), ==, 1);
}

/* What has tabs but is no table: captions of photos two to a row, two
 * columns of running text, a lone pair of cells; and the 提要 form's grid
 * stays fields. */
static void
test_no_false_tables (void)
{
  static const char text[] =
    "提要\n"
    "出國報告名稱\t赴日本考察智慧交通\n"
    "出國期間\t107年3月12日至107年3月16日\t出國地區\t日本\n"
    "報告日期\t107年5月30日\n"
    "目的\n"
    "本次出國係為瞭解日本推動智慧交通之做法，並與當地官員交換意見。\t該市以開放資料平臺公開即時車流與停車資訊，供民間加值運用。\n"
    "與會代表就城市韌性與氣候調適交換意見，收穫豐碩，值得本市參考。\t講者說明社會住宅興辦與租金補貼之財務機制，並分享實務經驗。\n"
    "雙方同意持續推動城市間之技術交流與人員互訪，深化合作關係。\t現場展示以感測器監測河川水位之預警系統，令人印象深刻。\n"
    "過程\n"
    "地點\t東京\n"
    "乙。\n"
    "心得\n丙。\n"
    "附錄\n"
    "照片1：本團與市長合影\t照片2：參訪污水處理廠\n"
    "照片3：拜會交通局\t照片4：圓桌會議\n"
    "照片5：參觀展場\t照片6：致贈紀念品\n";
  g_autoptr(TrReport) report = tr_report_parse_text (text);

  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (tr_field_holds_tables (f))
      g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (report, f)), ==, 0);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_DESTINATION), ==, "日本");
  g_assert_nonnull (strstr (tr_report_get_text (report, TR_FIELD_APPENDIX), "照片6：致贈紀念品"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser-tables/repeated-header", test_repeated_header);
  g_test_add_func ("/parser-tables/table-block", test_table_block);
  g_test_add_func ("/parser-tables/caption", test_caption);
  g_test_add_func ("/parser-tables/positioned-cells", test_positioned_cells);
  g_test_add_func ("/parser-tables/no-false-tables", test_no_false_tables);
  g_test_add_func ("/parser-tables/appendix-table-keeps-structure", test_appendix_table_keeps_structure);

  return g_test_run ();
}
