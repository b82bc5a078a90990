/* test-parser-tables.c: tables as the PDF reader hands them to the parser
 *
 * A table row comes out of the reader as a line of cells with tabs
 * between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser-tables/repeated-header", test_repeated_header);

  return g_test_run ();
}
