/* test-parser-notes.c: footnotes at the foot of a page, as the parser reads them
 *
 * The lines are laid out as the PDF reader gives them, the notes set
 * smaller than the body text under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "tr-parser.h"

/* The lines of @text (a page at each form feed), those that start with
 * @small_prefix set in 10 pt, the rest in 12. */
static GPtrArray *
make_lines (const char *text,
            const char *small_prefix)
{
  GPtrArray *lines = tr_layout_lines_from_text (text);

  for (guint i = 0; i < lines->len; i++)
    {
      TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (g_str_has_prefix (line->text, small_prefix))
        line->font_size = 10.0;
    }
  return lines;
}

/* A note at the foot of a page whose paragraph goes on to the next:
 * the paragraph stays whole, the note goes to the end of the section its
 * marker is in (not the next section, on the page it is on), and the
 * marker is taken out of the text. */
static void
test_note_moved (void)
{
  static const char text[] =
    "壹、目的\n甲。\n"
    "貳、過程\n"
    "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法。1\n"
    "參、心得\n"
    "與會代表就城市韌性與氣候調適交換意見，主辦單位安排參觀污水處理廠\n"
    "1 資料來源：該市交通局2016年公共運輸年報，第12頁。\n"
    "\f"
    "及再生水示範場域。\n"
    "肆、建議\n乙。\n";
  g_autoptr(GPtrArray) lines = make_lines (text, "1 資料");
  g_autoptr(TrParsedReport) report = tr_parser_parse_lines (lines, 2);
  const char *process = tr_parsed_report_get_text (report, TR_FIELD_PROCESS);
  const char *observations = tr_parsed_report_get_text (report, TR_FIELD_OBSERVATIONS);

  g_test_message ("過程: %s\n心得: %s", process, observations);
  g_assert_cmpstr (process, ==, "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法。\n"
                                "資料來源：該市交通局2016年公共運輸年報，第12頁。");
  g_assert_cmpstr (observations, ==, "與會代表就城市韌性與氣候調適交換意見，主辦單位安排參觀污水處理廠及再生水示範場域。");
}

/* Small numbered lines at a page's foot whose numbers are not markers in
 * the text are no notes: they stay where they are. */
static void
test_no_marker (void)
{
  static const char text[] =
    "壹、目的\n甲。\n"
    "貳、過程\n"
    "行程如下。\n"
    "7 月 9 日抵達\n"
    "\f"
    "參、心得\n乙。\n肆、建議\n丙。\n";
  g_autoptr(GPtrArray) lines = make_lines (text, "7 月");
  g_autoptr(TrParsedReport) report = tr_parser_parse_lines (lines, 2);

  g_assert_nonnull (strstr (tr_parsed_report_get_text (report, TR_FIELD_PROCESS), "行程如下。\n7 月 9 日抵達"));
}

/* A note set as large as the text (pandoc's DOCX footnotes), a blank
 * line or more under the text of its page, its number ending a sentence
 * above: a note all the same. Without the gap it is the text's. */
static void
test_same_size_note (void)
{
  static const char text[] =
    "壹、目的\n甲。\n"
    "貳、過程\n"
    "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法。1\n"
    "參、心得\n"
    "與會代表就城市韌性與氣候調適交換意見，主辦單位安排參觀污水處理廠\n"
    "1資料來源：該市交通局2016年公共運輸年報，第12頁。\n"
    "\f"
    "及再生水示範場域。\n"
    "肆、建議\n乙。\n";

  for (guint gap = 0; gap < 2; gap++)
    {
      g_autoptr(GPtrArray) lines = tr_layout_lines_from_text (text);
      g_autoptr(TrParsedReport) report = NULL;
      const char *process, *observations;

      for (guint i = 0; i < lines->len; i++)
        {
          TrLayoutLine *line = g_ptr_array_index (lines, i);

          if (gap && g_str_has_prefix (line->text, "1資料"))
            line->y += 24.0;
        }
      report = tr_parser_parse_lines (lines, 2);
      process = tr_parsed_report_get_text (report, TR_FIELD_PROCESS);
      observations = tr_parsed_report_get_text (report, TR_FIELD_OBSERVATIONS);
      g_test_message ("gap %u: 過程: %s\n心得: %s", gap, process, observations);
      if (gap)
        {
          g_assert_cmpstr (process, ==, "本團拜會當地市政府交通局瞭解其公共運輸票證整合之做法。\n"
                                        "資料來源：該市交通局2016年公共運輸年報，第12頁。");
          g_assert_null (strstr (observations, "資料來源"));
        }
      else
        g_assert_nonnull (strstr (observations, "1資料來源"));
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser-notes/moved", test_note_moved);
  g_test_add_func ("/parser-notes/no-marker", test_no_marker);
  g_test_add_func ("/parser-notes/same-size", test_same_size_note);

  return g_test_run ();
}
