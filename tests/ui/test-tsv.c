/* test-tsv.c: tab-separated text as spreadsheets put it on the clipboard,
 * split into rows and cells (src/ui/editor/tr-tsv.c), quoted cells with
 * tabs, line breaks and quotes in them included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "editor/tr-body-blocks.h"
#include "editor/tr-tsv.h"

/* @text parsed, as rows joined by "|" of cells joined by "¦". */
static char *
parse_flat (const char *text)
{
  g_autoptr(GPtrArray) rows = tr_tsv_parse (text);
  g_autoptr(GString) flat = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *row = g_strjoinv ("¦", rows->pdata[i]);

      if (i > 0)
        g_string_append_c (flat, '|');
      g_string_append (flat, row);
    }
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

static void
assert_parsed (const char *text,
               const char *expected)
{
  g_autofree char *flat = parse_flat (text);

  g_assert_cmpstr (flat, ==, expected);
}

static void
test_plain (void)
{
  g_autoptr(GPtrArray) empty = tr_tsv_parse ("");

  g_assert_cmpuint (empty->len, ==, 0);
  assert_parsed ("日期\t地點\n10/1\t東京", "日期¦地點|10/1¦東京");
  /* The line break after the last row, as spreadsheets end a range. */
  assert_parsed ("甲\t乙\n", "甲¦乙");
  assert_parsed ("甲\t乙\r\n丙\t丁\r\n", "甲¦乙|丙¦丁");
  assert_parsed ("甲\t乙\r丙\t丁", "甲¦乙|丙¦丁");
  /* Empty cells and rows keep their place. */
  assert_parsed ("\t乙\n\n丙\t", "¦乙||丙¦");
  assert_parsed ("單格", "單格");
}

/* What LibreOffice Calc and Excel copy for a cell holding a line break,
 * a tab or a quote: the cell quoted, its quotes doubled. */
static void
test_quoted (void)
{
  assert_parsed ("\"第一行\n第二行\"\t乙\n丙\t丁\n", "第一行\n第二行¦乙|丙¦丁");
  assert_parsed ("\"第一行\r\n第二行\"\t乙\r\n", "第一行\n第二行¦乙");
  assert_parsed ("\"含\t定位\"\t乙", "含\t定位¦乙");
  assert_parsed ("\"他說\"\"好\"\"\"\t乙", "他說\"好\"¦乙");
  assert_parsed ("\"\"\t乙", "¦乙");
  /* A quoted cell last in its row, and last of all. */
  assert_parsed ("甲\t\"乙\n乙\"\n丙\t\"丁\"", "甲¦乙\n乙|丙¦丁");
}

/* Quotes a spreadsheet did not put there are text. */
static void
test_quotes_as_text (void)
{
  /* Not at the start of the cell. */
  assert_parsed ("5\" 螢幕\t乙", "5\" 螢幕¦乙");
  /* Never closed: the rest is read as plain cells. */
  assert_parsed ("\"未完\t乙\n丙\t丁", "\"未完¦乙|丙¦丁");
  /* Text after the closing quote belongs to the same cell. */
  assert_parsed ("\"引號\"之後\t乙", "引號之後¦乙");
}

/* A range copied from Calc, pasted into a section: the table has the
 * range's shape, a cell's lines kept in the cell. */
static void
test_table (void)
{
  g_autoptr(TrTable) table = tr_body_blocks_parse_tsv ("日期\t行程\n"
                                                       "10/1\t\"抵達東京\n入住旅館\"\n"
                                                       "10/2\t\"參訪\t\"\"智慧交通中心\"\"\"\n");
  g_autoptr(TrTable) text = NULL;

  g_assert_nonnull (table);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (tr_table_get_cell (table, 1, 1), ==, "抵達東京\n入住旅館");
  g_assert_cmpstr (tr_table_get_cell (table, 2, 1), ==, "參訪\t\"智慧交通中心\"");

  /* One quoted cell with a tab in it is text, not a table. */
  text = tr_body_blocks_parse_tsv ("\"見\t附表\"\n");
  g_assert_null (text);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tsv/plain", test_plain);
  g_test_add_func ("/tsv/quoted", test_quoted);
  g_test_add_func ("/tsv/quotes-as-text", test_quotes_as_text);
  g_test_add_func ("/tsv/table", test_table);
  return g_test_run ();
}
