/* test-tables.c: tables in the body of a report: the table, the body of text
 * runs and tables, the report around them, and their JSON form
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "tr-error.h"
#include "tr-report.h"
#include "tr-report-json.h"

/* Counts TrTable::changed and TrBody::changed. */
static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A table of @n_rows × @n_columns from @cells, row by row. */
static TrTable *
table_from_cells (guint               n_rows,
                  guint               n_columns,
                  const char * const *cells)
{
  TrTable *table = tr_table_new (n_rows, n_columns);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      tr_table_set_cell (table, r, c, cells[r * n_columns + c]);
  return table;
}

/* A schedule, as 過程 often has one. */
static TrTable *
schedule_table (void)
{
  static const char * const cells[] = {
    "日期",    "地點", "行程內容",
    "7月9日",  "塔林", "抵達塔林，參訪e-Estonia展示中心",
    "7月10日", "塔林", "拜會資訊系統局\n參觀X-Road",
  };
  TrTable *table = table_from_cells (3, 3, cells);

  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "參訪行程");
  return table;
}

static void
assert_row (TrTable    *table,
            guint       row,
            const char *joined)
{
  g_autoptr(GString) cells = g_string_new (NULL);

  for (guint c = 0; c < tr_table_get_n_columns (table); c++)
    g_string_append_printf (cells, "%s%s", c > 0 ? "|" : "", tr_table_get_cell (table, row, c));
  g_assert_cmpstr (cells->str, ==, joined);
}

/* ---- the table ------------------------------------------------------------ */

static void
test_table_cells (void)
{
  g_autoptr(TrTable) table = tr_table_new (2, 3);
  guint changed = 0;

  g_signal_connect (table, "changed", G_CALLBACK (count_signal), &changed);

  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (tr_table_get_cell (table, 1, 2), ==, "");
  g_assert_cmpstr (tr_table_get_caption (table), ==, "");
  g_assert_false (tr_table_get_has_header (table));

  tr_table_set_cell (table, 0, 0, "姓名");
  tr_table_set_cell (table, 1, 2, "科長\n兼主任");
  g_assert_cmpuint (changed, ==, 2);
  /* The same text again changes nothing, and "" is an empty cell. */
  tr_table_set_cell (table, 0, 0, "姓名");
  tr_table_set_cell (table, 0, 1, "");
  tr_table_set_cell (table, 0, 2, NULL);
  g_assert_cmpuint (changed, ==, 2);
  assert_row (table, 0, "姓名||");
  assert_row (table, 1, "||科長\n兼主任");

  tr_table_set_has_header (table, TRUE);
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "出國人員");
  tr_table_set_caption (table, "出國人員");
  g_assert_cmpuint (changed, ==, 4);
  g_assert_true (tr_table_get_has_header (table));
  g_assert_cmpstr (tr_table_get_caption (table), ==, "出國人員");
  tr_table_set_caption (table, NULL);
  g_assert_cmpstr (tr_table_get_caption (table), ==, "");
  g_assert_cmpuint (changed, ==, 5);
}

static void
test_table_rows_and_columns (void)
{
  static const char * const cells[] = {
    "a1", "b1", "c1",
    "a2", "b2", "c2",
  };
  g_autoptr(TrTable) table = table_from_cells (2, 3, cells);
  guint changed = 0, n_rows_notified = 0, n_columns_notified = 0;

  g_signal_connect (table, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (table, "notify::n-rows", G_CALLBACK (count_notify), &n_rows_notified);
  g_signal_connect (table, "notify::n-columns", G_CALLBACK (count_notify), &n_columns_notified);

  /* Before the first, in the middle, at the end; given too few and too
   * many cells. */
  tr_table_insert_row (table, 0, (const char * const[]) { "a0", "b0", "c0", NULL });
  tr_table_insert_row (table, 2, (const char * const[]) { "x", NULL });
  tr_table_insert_row (table, 4, (const char * const[]) { "a3", "b3", "c3", "extra", NULL });
  tr_table_insert_row (table, 1, NULL);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 6);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpuint (n_rows_notified, ==, 4);
  assert_row (table, 0, "a0|b0|c0");
  assert_row (table, 1, "||");
  assert_row (table, 2, "a1|b1|c1");
  assert_row (table, 3, "x||");
  assert_row (table, 4, "a2|b2|c2");
  assert_row (table, 5, "a3|b3|c3");

  tr_table_remove_row (table, 3);
  tr_table_remove_row (table, 1);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 4);
  assert_row (table, 1, "a1|b1|c1");
  assert_row (table, 2, "a2|b2|c2");

  /* Columns: at the front, the middle and the end, then out again. */
  tr_table_insert_column (table, 0, (const char * const[]) { "#", "1", "2", "3", NULL });
  tr_table_insert_column (table, 2, (const char * const[]) { "m0", NULL });
  tr_table_insert_column (table, 5, NULL);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 6);
  g_assert_cmpuint (n_columns_notified, ==, 3);
  assert_row (table, 0, "#|a0|m0|b0|c0|");
  assert_row (table, 1, "1|a1||b1|c1|");
  assert_row (table, 3, "3|a3||b3|c3|");

  tr_table_remove_column (table, 5);
  tr_table_remove_column (table, 2);
  tr_table_remove_column (table, 0);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 3);
  assert_row (table, 0, "a0|b0|c0");
  assert_row (table, 3, "a3|b3|c3");
  g_assert_cmpuint (changed, ==, 4 + 2 + 3 + 3);
}

static void
test_table_copy_equal (void)
{
  g_autoptr(TrTable) table = schedule_table ();
  g_autoptr(TrTable) copy = tr_table_copy (table);

  g_assert_true (copy != table);
  g_assert_true (tr_table_equal (table, copy));

  /* Each difference counts: a cell, the header, the caption, the shape. */
  tr_table_set_cell (copy, 2, 2, "拜會資訊系統局");
  g_assert_false (tr_table_equal (table, copy));
  g_assert_cmpstr (tr_table_get_cell (table, 2, 2), ==, "拜會資訊系統局\n參觀X-Road");
  g_clear_object (&copy);

  copy = tr_table_copy (table);
  tr_table_set_has_header (copy, FALSE);
  g_assert_false (tr_table_equal (table, copy));
  g_clear_object (&copy);

  copy = tr_table_copy (table);
  tr_table_set_caption (copy, "參訪行程表");
  g_assert_false (tr_table_equal (table, copy));
  g_clear_object (&copy);

  copy = tr_table_copy (table);
  tr_table_insert_column (copy, 3, NULL);
  g_assert_false (tr_table_equal (table, copy));
  tr_table_remove_column (copy, 3);
  g_assert_true (tr_table_equal (table, copy));
}

static void
test_table_plain_text (void)
{
  static const char * const cells[] = { "姓名", "機關", "王小明", "" };
  g_autoptr(TrTable) schedule = schedule_table ();
  g_autoptr(TrTable) people = table_from_cells (2, 2, cells);
  g_autoptr(GString) out = g_string_new (NULL);

  tr_table_append_plain_text (schedule, out);
  g_assert_cmpstr (out->str, ==,
                   "參訪行程\n"
                   "日期\t地點\t行程內容\n"
                   "7月9日\t塔林\t抵達塔林，參訪e-Estonia展示中心\n"
                   "7月10日\t塔林\t拜會資訊系統局\n參觀X-Road");

  g_string_truncate (out, 0);
  tr_table_append_plain_text (people, out);
  g_assert_cmpstr (out->str, ==, "姓名\t機關\n王小明\t");
}

/* ---- the body ------------------------------------------------------------- */

static void
test_body_text_only (void)
{
  g_autoptr(TrBody) body = tr_body_new ();
  guint changed = 0;

  g_signal_connect (body, "changed", G_CALLBACK (count_signal), &changed);

  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 0);
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "");
  g_assert_cmpstr (tr_body_get_plain_text (body), ==, "");

  /* Without tables the plain text is the text as it was given. */
  tr_body_set_text (body, "一、行程\n\n二、心得\n");
  g_assert_cmpstr (tr_body_get_plain_text (body), ==, "一、行程\n\n二、心得\n");
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "一、行程\n\n二、心得\n");
  g_assert_cmpuint (changed, ==, 1);
  tr_body_set_text (body, "一、行程\n\n二、心得\n");
  g_assert_cmpuint (changed, ==, 1);
  tr_body_set_text (body, NULL);
  g_assert_cmpstr (tr_body_get_plain_text (body), ==, "");
  g_assert_cmpuint (changed, ==, 2);
}

static void
test_body_insert_remove (void)
{
  g_autoptr(TrBody) body = tr_body_new ();
  g_autoptr(TrTable) schedule = schedule_table ();
  g_autoptr(TrTable) people = tr_table_new (1, 2);
  g_autoptr(TrBody) before = NULL;
  guint changed = 0;

  tr_body_set_text (body, "一、行程如下：二、其他");
  before = tr_body_copy (body);
  g_signal_connect (body, "changed", G_CALLBACK (count_signal), &changed);

  /* Character offsets, not bytes: the split falls after "：". */
  tr_body_insert_table (body, 0, 7, schedule);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  g_assert_true (tr_body_get_table (body, 0) == schedule);
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "一、行程如下：");
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "二、其他");

  /* At the very start and past the end of a run: an empty run each side. */
  tr_body_insert_table (body, 1, 1000, people);
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 2);
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "二、其他");
  g_assert_cmpstr (tr_body_get_text_run (body, 2), ==, "");
  g_assert_true (tr_body_get_table (body, 1) == people);

  /* A change inside a table is a change of the body. */
  tr_table_set_cell (people, 0, 0, "王小明");
  g_assert_cmpuint (changed, ==, 3);

  tr_body_set_text_run (body, 2, "三、附記");
  g_assert_cmpuint (changed, ==, 4);
  tr_body_set_text_run (body, 2, "");
  g_assert_cmpuint (changed, ==, 5);

  /* Taking the tables out joins the runs back as they were. */
  tr_body_remove_table (body, 1);
  g_assert_cmpuint (changed, ==, 6);
  tr_body_remove_table (body, 0);
  g_assert_cmpuint (changed, ==, 7);
  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 0);
  g_assert_true (tr_body_equal (body, before));

  /* A table taken out no longer speaks for the body. */
  tr_table_set_cell (people, 0, 1, "國發會");
  tr_table_set_cell (schedule, 0, 0, "日");
  g_assert_cmpuint (changed, ==, 7);
}

static void
test_body_plain_text (void)
{
  g_autoptr(TrBody) body = tr_body_new ();
  g_autoptr(TrTable) schedule = schedule_table ();
  g_autoptr(TrTable) people = tr_table_new (1, 2);
  guint changed = 0;

  tr_table_set_cell (people, 0, 0, "王小明");
  tr_table_set_cell (people, 0, 1, "科長");
  tr_body_append_text (body, "一、行程如下：");
  tr_body_append_table (body, schedule);
  tr_body_append_table (body, people);
  tr_body_append_text (body, "二、其他\n");
  tr_body_append_text (body, "三、附記");

  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 2);
  g_assert_cmpstr (tr_body_get_text_run (body, 0), ==, "一、行程如下：");
  g_assert_cmpstr (tr_body_get_text_run (body, 1), ==, "");
  g_assert_cmpstr (tr_body_get_text_run (body, 2), ==, "二、其他\n三、附記");

  /* Each part from a new line; the empty run between the tables adds none. */
  g_assert_cmpstr (tr_body_get_plain_text (body), ==,
                   "一、行程如下：\n"
                   "參訪行程\n"
                   "日期\t地點\t行程內容\n"
                   "7月9日\t塔林\t抵達塔林，參訪e-Estonia展示中心\n"
                   "7月10日\t塔林\t拜會資訊系統局\n參觀X-Road\n"
                   "王小明\t科長\n"
                   "二、其他\n三、附記");

  /* The plain text follows a change inside a table. */
  g_signal_connect (body, "changed", G_CALLBACK (count_signal), &changed);
  tr_table_set_cell (people, 0, 1, "專員");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (strstr (tr_body_get_plain_text (body), "王小明\t專員\n"));

  /* Setting the text it shows keeps the tables; other text replaces them. */
  {
    g_autofree char *shown = g_strdup (tr_body_get_plain_text (body));

    tr_body_set_text (body, shown);
    g_assert_cmpuint (tr_body_get_n_tables (body), ==, 2);
    g_assert_cmpuint (changed, ==, 1);
    tr_body_set_text (body, "只剩文字");
    g_assert_cmpuint (tr_body_get_n_tables (body), ==, 0);
    g_assert_cmpstr (tr_body_get_plain_text (body), ==, "只剩文字");
    g_assert_cmpuint (changed, ==, 2);
  }
}

/* The text of the part tr_body_locate() names. */
static const char *
located_text (TrBody     *body,
              TrBodyPart  part,
              guint       index,
              guint       row,
              guint       column)
{
  switch (part)
    {
    case TR_BODY_PART_RUN:
      return tr_body_get_text_run (body, index);
    case TR_BODY_PART_CAPTION:
      return tr_table_get_caption (tr_body_get_table (body, index));
    case TR_BODY_PART_CELL:
      return tr_table_get_cell (tr_body_get_table (body, index), row, column);
    default:
      g_assert_not_reached ();
    }
}

/* Every character of the plain text is found in the run, caption or cell
 * it comes from, at the same place: a problem or a hit after a table is
 * shown where it is. */
static void
test_body_locate (void)
{
  g_autoptr(TrBody) body = tr_body_new ();
  g_autoptr(TrTable) schedule = schedule_table ();
  g_autoptr(TrTable) sparse = tr_table_new (2, 2);
  const char *plain;
  TrBodyPart part;
  guint index, row, column;
  gsize offset;

  /* Empty cells at the end of a row and of the table, no caption. */
  tr_table_set_cell (sparse, 0, 0, "甲");
  tr_table_set_cell (sparse, 1, 0, "乙\n");
  tr_body_append_text (body, "一、行程如下：");
  tr_body_append_table (body, schedule);
  tr_body_append_table (body, sparse);
  tr_body_append_text (body, "二、其他○○\n三、附記");
  plain = tr_body_get_plain_text (body);

  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *text;

      g_assert_true (tr_body_locate (body, p - plain, &part, &index, &row, &column, &offset));
      text = located_text (body, part, index, row, column);
      g_assert_cmpuint (offset, <=, strlen (text));
      /* A separator the plain text adds is at the end of its part. */
      if (offset == strlen (text))
        g_assert_true (*p == '\n' || *p == '\t');
      else
        g_assert_cmpint (g_utf8_get_char (text + offset), ==, g_utf8_get_char (p));
    }

  g_assert_true (tr_body_locate (body, strstr (plain, "○○") - plain, &part, &index, NULL, NULL, &offset));
  g_assert_cmpint (part, ==, TR_BODY_PART_RUN);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (offset, ==, strlen ("二、其他"));
  g_assert_true (tr_body_locate (body, strstr (plain, "X-Road") - plain, &part, &index, &row, &column, &offset));
  g_assert_cmpint (part, ==, TR_BODY_PART_CELL);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 2);
  g_assert_true (tr_body_locate (body, 0, &part, &index, NULL, NULL, &offset));
  g_assert_cmpint (part, ==, TR_BODY_PART_RUN);
  g_assert_cmpuint (offset, ==, 0);
  g_assert_true (tr_body_locate (body, strlen (plain), &part, &index, NULL, NULL, &offset));
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (offset, ==, strlen (tr_body_get_text_run (body, 2)));
  g_assert_false (tr_body_locate (body, strlen (plain) + 1, &part, &index, NULL, NULL, &offset));

  /* Where each run starts: the empty one between the tables is not there. */
  g_assert_true (tr_body_get_run_start (body, 0, &offset));
  g_assert_cmpuint (offset, ==, 0);
  g_assert_false (tr_body_get_run_start (body, 1, &offset));
  g_assert_true (tr_body_get_run_start (body, 2, &offset));
  g_assert_cmpuint (offset, ==, strstr (plain, "二、其他") - plain);
  g_assert_false (tr_body_get_run_start (body, 3, &offset));

  /* Where a cell starts: a comment on its text counts from there. */
  g_assert_true (tr_body_get_cell_start (body, 0, 2, 2, &offset));
  g_assert_cmpuint (offset, ==, strstr (plain, "拜會資訊系統局") - plain);
  g_assert_true (tr_body_get_cell_start (body, 0, 0, 0, &offset));
  g_assert_true (tr_body_locate (body, offset, &part, &index, &row, &column, NULL));
  g_assert_cmpint (part, ==, TR_BODY_PART_CELL);
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (column, ==, 0);
  g_assert_false (tr_body_get_cell_start (body, 0, 99, 0, &offset));
  g_assert_false (tr_body_get_cell_start (body, 9, 0, 0, &offset));
}

static void
test_body_copy_replace (void)
{
  g_autoptr(TrBody) body = tr_body_new ();
  g_autoptr(TrTable) schedule = schedule_table ();
  g_autoptr(TrBody) copy = NULL;
  g_autoptr(TrBody) other = tr_body_new ();
  guint changed = 0;

  tr_body_append_text (body, "前言");
  tr_body_append_table (body, schedule);
  tr_body_append_text (body, "結語");

  copy = tr_body_copy (body);
  g_assert_true (tr_body_equal (body, copy));
  /* Deep: the copy's table is its own. */
  g_assert_true (tr_body_get_table (copy, 0) != schedule);
  tr_table_set_cell (tr_body_get_table (copy, 0), 1, 1, "赫爾辛基");
  g_assert_false (tr_body_equal (body, copy));
  g_assert_cmpstr (tr_table_get_cell (schedule, 1, 1), ==, "塔林");

  /* Bodies that differ are not equal even when their plain texts are. */
  g_clear_object (&copy);
  copy = tr_body_copy (body);
  tr_body_set_text_run (copy, 0, "前言\n");
  g_assert_cmpstr (tr_body_get_plain_text (copy), ==, tr_body_get_plain_text (body));
  g_assert_false (tr_body_equal (body, copy));

  g_signal_connect (other, "changed", G_CALLBACK (count_signal), &changed);
  tr_body_replace (other, body);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (tr_body_equal (other, body));
  tr_body_replace (other, body);
  g_assert_cmpuint (changed, ==, 1);
  /* The replaced content's tables speak for their new body. */
  tr_table_set_caption (tr_body_get_table (other, 0), "行程");
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (tr_table_get_caption (schedule), ==, "參訪行程");
}

/* ---- the report ----------------------------------------------------------- */

static void
test_report_body (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  TrBody *process = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_autoptr(TrTable) schedule = schedule_table ();
  guint notified = 0, other_notified = 0;

  for (guint f = 0; f < TR_N_FIELDS; f++)
    g_assert_cmpint (tr_field_holds_tables (f), ==,
                     f == TR_FIELD_PURPOSE || f == TR_FIELD_PROCESS ||
                     f == TR_FIELD_OBSERVATIONS || f == TR_FIELD_RECOMMENDATIONS ||
                     f == TR_FIELD_APPENDIX);

  g_signal_connect (report, "notify::process", G_CALLBACK (count_notify), &notified);
  g_signal_connect (report, "notify::purpose", G_CALLBACK (count_notify), &other_notified);

  tr_report_set_section (report, TR_SECTION_PROCESS, "行程如下：");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (tr_body_get_text_run (process, 0), ==, "行程如下：");

  tr_body_append_table (process, schedule);
  g_assert_cmpuint (notified, ==, 2);
  /* Every reader of the text sees the cells. */
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_PROCESS), "拜會資訊系統局"));
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PROCESS), ==, tr_body_get_plain_text (process));
  {
    g_autofree char *property = NULL;

    g_object_get (report, "process", &property, NULL);
    g_assert_cmpstr (property, ==, tr_body_get_plain_text (process));
  }

  /* A cell typed into is a change of the section: what autosave waits for. */
  tr_table_set_cell (schedule, 1, 2, "抵達塔林");
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (other_notified, ==, 0);

  /* The text it shows, written back, keeps the table. */
  {
    g_autofree char *shown = g_strdup (tr_report_get_section (report, TR_SECTION_PROCESS));

    tr_report_set_section (report, TR_SECTION_PROCESS, shown);
    g_assert_cmpuint (tr_body_get_n_tables (process), ==, 1);
    g_assert_cmpuint (notified, ==, 3);
  }
}

static void
test_report_copy_equal (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrTable) schedule = schedule_table ();
  g_autoptr(TrTable) people = tr_table_new (2, 3);
  g_autoptr(TrReport) copy = NULL;
  g_autoptr(TrReport) moved = NULL;

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察");
  tr_body_append_text (tr_report_get_body (report, TR_FIELD_PROCESS), "行程如下：");
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), schedule);
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_APPENDIX), people);

  /* What a save hands its worker thread is the report's own, tables too. */
  copy = tr_report_copy (report);
  g_assert_true (tr_report_content_equal (report, copy));
  g_assert_true (tr_body_get_table (tr_report_get_body (copy, TR_FIELD_PROCESS), 0) != schedule);
  tr_table_set_cell (schedule, 2, 2, "拜會資訊系統局");
  g_assert_false (tr_report_content_equal (report, copy));
  g_assert_cmpstr (tr_table_get_cell (tr_body_get_table (tr_report_get_body (copy, TR_FIELD_PROCESS), 0), 2, 2),
                   ==, "拜會資訊系統局\n參觀X-Road");
  g_clear_object (&copy);

  copy = tr_report_copy (report);
  tr_table_set_has_header (tr_body_get_table (tr_report_get_body (copy, TR_FIELD_APPENDIX), 0), TRUE);
  g_assert_false (tr_report_content_equal (report, copy));

  /* The table moved: a change. */
  moved = tr_report_copy (report);
  {
    TrBody *body = tr_report_get_body (moved, TR_FIELD_PROCESS);
    g_autoptr(TrTable) table = g_object_ref (tr_body_get_table (body, 0));

    tr_body_remove_table (body, 0);
    tr_body_insert_table (body, 0, 0, table);
    g_assert_cmpstr (tr_report_get_section (moved, TR_SECTION_PROCESS), !=,
                     tr_report_get_section (report, TR_SECTION_PROCESS));
    g_assert_false (tr_report_content_equal (report, moved));
  }
}

static void
test_report_table_numbers (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  TrBody *process = tr_report_get_body (report, TR_FIELD_PROCESS);
  TrBody *purpose = tr_report_get_body (report, TR_FIELD_PURPOSE);
  TrBody *appendix = tr_report_get_body (report, TR_FIELD_APPENDIX);
  const char *captions[] = { "行程", "", "經費" };

  for (guint i = 0; i < G_N_ELEMENTS (captions); i++)
    {
      g_autoptr(TrTable) table = tr_table_new (1, 1);

      tr_table_set_caption (table, captions[i]);
      tr_body_append_table (process, table);
    }
  {
    g_autoptr(TrTable) table = tr_table_new (1, 1);
    g_autoptr(TrTable) later = tr_table_new (1, 1);

    tr_table_set_caption (table, "背景數據");
    tr_body_append_table (purpose, table);
    tr_table_set_caption (later, "名單");
    tr_body_append_table (appendix, later);
  }

  /* 表 1 in 目的, then 過程 skipping the uncaptioned one, then the appendix. */
  g_assert_cmpuint (tr_report_get_table_number (report, TR_FIELD_PURPOSE, 0), ==, 1);
  g_assert_cmpuint (tr_report_get_table_number (report, TR_FIELD_PROCESS, 0), ==, 2);
  g_assert_cmpuint (tr_report_get_table_number (report, TR_FIELD_PROCESS, 1), ==, 0);
  g_assert_cmpuint (tr_report_get_table_number (report, TR_FIELD_PROCESS, 2), ==, 3);
  g_assert_cmpuint (tr_report_get_table_number (report, TR_FIELD_APPENDIX, 0), ==, 4);
}

/* ---- the JSON form -------------------------------------------------------- */

static TrReport *
report_with_tables (void)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrTable) schedule = schedule_table ();
  g_autoptr(TrTable) people = tr_table_new (2, 3);
  g_autoptr(TrTable) figures = tr_table_new (1, 2);
  TrBody *process = tr_report_get_body (report, TR_FIELD_PROCESS);

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位治理");
  tr_report_set_text (report, TR_FIELD_SUMMARY, "摘要只是文字。");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "瞭解數位身分證之經驗。");
  tr_body_append_text (process, "一、行程如下：");
  tr_body_append_table (process, schedule);
  /* Two tables in a row: the empty run between them must survive. */
  tr_table_set_cell (figures, 0, 0, "經費");
  tr_table_set_cell (figures, 0, 1, "NT$ 120,000 \"含稅\" \\ 😀");
  tr_body_append_table (process, figures);
  tr_body_append_text (process, "二、心得另述。\n\n");
  tr_table_set_cell (people, 0, 0, "姓名");
  tr_table_set_cell (people, 1, 0, "王小明");
  tr_table_set_cell (people, 1, 2, "科長");
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_APPENDIX), people);
  tr_body_append_text (tr_report_get_body (report, TR_FIELD_APPENDIX), "附件另附。");
  return report;
}

static void
test_json_round_trip (void)
{
  g_autoptr(TrReport) report = report_with_tables ();
  g_autoptr(TrReport) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = tr_report_to_json (report, TRUE);
  g_autofree char *again = NULL;

  back = tr_report_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (tr_report_content_equal (report, back));
  g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (back, TR_FIELD_PROCESS)), ==, 2);
  g_assert_cmpstr (tr_body_get_text_run (tr_report_get_body (back, TR_FIELD_PROCESS), 1), ==, "");
  again = tr_report_to_json (back, TRUE);
  g_assert_cmpstr (again, ==, json);
}

static void
test_json_layout (void)
{
  g_autoptr(TrReport) report = report_with_tables ();
  g_autoptr(JsonNode) node = tr_report_to_json_node (report);
  JsonObject *root = json_node_get_object (node);
  JsonObject *sections = json_object_get_object_member (root, "sections");
  JsonArray *process, *rows;
  JsonObject *table;

  /* A section without tables stays a string: the form before tables. */
  g_assert_cmpstr (json_object_get_string_member (sections, "purpose"), ==, "瞭解數位身分證之經驗。");
  g_assert_cmpstr (json_object_get_string_member (sections, "observations"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==, "摘要只是文字。");

  /* text, table, table, text: the empty run between the tables is left out. */
  process = json_object_get_array_member (sections, "process");
  g_assert_cmpuint (json_array_get_length (process), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (process, 0), "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (process, 0), "text"), ==, "一、行程如下：");
  table = json_array_get_object_element (process, 1);
  g_assert_cmpstr (json_object_get_string_member (table, "type"), ==, "table");
  g_assert_true (json_object_get_boolean_member (table, "header"));
  g_assert_cmpstr (json_object_get_string_member (table, "caption"), ==, "參訪行程");
  rows = json_object_get_array_member (table, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 2), 2), ==,
                   "拜會資訊系統局\n參觀X-Road");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (process, 2), "type"), ==, "table");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (process, 3), "text"), ==,
                   "二、心得另述。\n\n");

  /* The appendix: a table first, no empty text before it. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "appendix")), ==, 2);
}

static void
test_json_old_form (void)
{
  /* A report written before tables reads as before, and writes the same
   * strings back. */
  static const char old[] =
    "{ \"sections\": { \"purpose\": \"目的\", \"process\": \"行程\\n\\t第二行\" },"
    "  \"appendix\": \"附錄\", \"summary\": \"摘要\" }";
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new_from_json (old, -1, &error);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;

  g_assert_no_error (error);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    if (tr_field_holds_tables (f))
      g_assert_cmpuint (tr_body_get_n_tables (tr_report_get_body (report, f)), ==, 0);
  g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PROCESS), ==, "行程\n\t第二行");

  node = tr_report_to_json_node (report);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "sections"), "process"),
                   ==, "行程\n\t第二行");
  g_assert_cmpstr (json_object_get_string_member (root, "appendix"), ==, "附錄");
}

static void
test_json_lenient (void)
{
  /* What a script may write: no "header" or "caption", nulls, two texts in
   * a row, rows of different lengths, control characters. */
  static const char json[] =
    "{ \"sections\": { \"process\": ["
    "    { \"type\": \"text\", \"text\": \"第一段\" },"
    "    { \"type\": \"text\", \"text\": \"第二段\" },"
    "    { \"type\": \"text\", \"text\": null },"
    "    { \"type\": \"table\", \"rows\": [[\"日期\", \"地點\", \"內容\"], [\"7/9\"], [null, \"塔\\u001b[31m林\", \"a\\r\\nb\"]],"
    "      \"header\": null, \"caption\": null },"
    "    { \"type\": \"table\", \"caption\": \"二\", \"header\": false, \"rows\": [[\"x\"]] }"
    "  ] }, \"appendix\": [] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new_from_json (json, -1, &error);
  TrBody *process;
  TrTable *table;

  g_assert_no_error (error);
  process = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_assert_cmpuint (tr_body_get_n_tables (process), ==, 2);
  g_assert_cmpstr (tr_body_get_text_run (process, 0), ==, "第一段\n第二段");
  g_assert_cmpstr (tr_body_get_text_run (process, 1), ==, "");
  g_assert_cmpstr (tr_body_get_text_run (process, 2), ==, "");
  table = tr_body_get_table (process, 0);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 3);
  g_assert_false (tr_table_get_has_header (table));
  g_assert_cmpstr (tr_table_get_caption (table), ==, "");
  assert_row (table, 1, "7/9||");
  assert_row (table, 2, "|塔 [31m林|a\nb");
  g_assert_cmpstr (tr_table_get_caption (tr_body_get_table (process, 1)), ==, "二");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_APPENDIX), ==, "");
}

typedef struct {
  const char *name;
  const char *json;
  const char *message;  /* a part of the error message */
} BadJson;

static const BadJson bad_json[] = {
  { "summary-table", "{ \"summary\": [ { \"type\": \"text\", \"text\": \"x\" } ] }", "“summary” must be a string" },
  { "unclassified-table", "{ \"unclassified\": [] }", "“unclassified” must be a string" },
  { "section-number", "{ \"sections\": { \"process\": 3 } }",
    "“sections.process” must be a string, or an array of text and tables" },
  { "section-object", "{ \"sections\": { \"process\": { \"type\": \"text\" } } }",
    "“sections.process” must be a string, or an array of text and tables" },
  { "block-string", "{ \"sections\": { \"process\": [ \"text\" ] } }", "“sections.process[0]” must be an object" },
  { "no-type", "{ \"sections\": { \"process\": [ { \"text\": \"x\" } ] } }",
    "“sections.process[0].type” must be “text” or “table”" },
  { "bad-type", "{ \"appendix\": [ { \"type\": \"image\" } ] }", "“appendix[0].type” must be “text” or “table”" },
  { "text-key", "{ \"sections\": { \"purpose\": [ { \"type\": \"text\", \"txt\": \"x\" } ] } }",
    "Unknown key “txt” in “sections.purpose[0]”" },
  { "table-key", "{ \"sections\": { \"purpose\": [ { \"type\": \"table\", \"rows\": [[\"a\"]], \"colour\": 1 } ] } }",
    "Unknown key “colour” in “sections.purpose[0]”" },
  { "text-number", "{ \"sections\": { \"purpose\": [ { \"type\": \"text\", \"text\": 1 } ] } }",
    "“sections.purpose[0].text” must be a string" },
  { "no-rows", "{ \"sections\": { \"process\": [ { \"type\": \"table\" } ] } }",
    "“sections.process[0].rows” must be an array of rows" },
  { "empty-rows", "{ \"sections\": { \"process\": [ { \"type\": \"table\", \"rows\": [] } ] } }",
    "“sections.process[0].rows” has no rows" },
  { "row-string", "{ \"sections\": { \"process\": [ { \"type\": \"table\", \"rows\": [ \"a\" ] } ] } }",
    "“sections.process[0].rows[0]” must be an array of strings" },
  { "empty-row", "{ \"sections\": { \"process\": [ { \"type\": \"table\", \"rows\": [ [\"a\"], [] ] } ] } }",
    "“sections.process[0].rows[1]” has no cells" },
  { "cell-number", "{ \"sections\": { \"process\": [ { \"type\": \"table\", \"rows\": [ [\"a\", 2016] ] } ] } }",
    "“sections.process[0].rows[0][1]” must be a string" },
  { "header-string", "{ \"sections\": { \"process\": [ { \"type\": \"table\", \"rows\": [[\"a\"]], \"header\": \"yes\" } ] } }",
    "“sections.process[0].header” must be true or false" },
  { "caption-array", "{ \"sections\": { \"process\": [ { \"type\": \"table\", \"rows\": [[\"a\"]], \"caption\": [] } ] } }",
    "“sections.process[0].caption” must be a string" },
};

static void
test_json_invalid (gconstpointer data)
{
  const BadJson *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new_from_json (bad->json, -1, &error);

  g_assert_null (report);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad->message));
  g_assert_null (strchr (error->message, '\n'));
}

/* A JSON form of one table in "process" with @n_rows rows of @n_columns
 * cells of @cell_length characters, or @n_tables such tables. */
static char *
json_with_tables (guint n_tables,
                  guint n_rows,
                  guint n_columns,
                  guint cell_length)
{
  GString *json = g_string_new ("{ \"sections\": { \"process\": [");
  g_autoptr(GString) cell = g_string_new ("\"");
  g_autoptr(GString) row = g_string_new ("[");

  for (guint i = 0; i < cell_length; i++)
    g_string_append (cell, "字");
  g_string_append_c (cell, '"');
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (row, "%s%s", c > 0 ? "," : "", cell->str);
  g_string_append_c (row, ']');
  for (guint t = 0; t < n_tables; t++)
    {
      g_string_append_printf (json, "%s{ \"type\": \"table\", \"rows\": [", t > 0 ? "," : "");
      for (guint r = 0; r < n_rows; r++)
        g_string_append_printf (json, "%s%s", r > 0 ? "," : "", row->str);
      g_string_append (json, "] }");
    }
  g_string_append (json, "] } }");
  return g_string_free (json, FALSE);
}

static void
assert_json_limit (const char *json,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new_from_json (json, -1, &error);

  g_assert_null (report);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
}

static void
assert_json_fits (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
test_json_limits (void)
{
  g_autofree char *rows_fit = json_with_tables (1, TR_TABLE_MAX_ROWS, 1, 1);
  g_autofree char *rows_over = json_with_tables (1, TR_TABLE_MAX_ROWS + 1, 1, 1);
  g_autofree char *columns_fit = json_with_tables (1, 1, TR_TABLE_MAX_COLUMNS, 1);
  g_autofree char *columns_over = json_with_tables (1, 1, TR_TABLE_MAX_COLUMNS + 1, 1);
  g_autofree char *cell_fits = json_with_tables (1, 1, 1, TR_TABLE_MAX_TEXT_LENGTH);
  g_autofree char *cell_over = json_with_tables (1, 1, 1, TR_TABLE_MAX_TEXT_LENGTH + 1);
  g_autofree char *tables_fit = json_with_tables (TR_BODY_MAX_TABLES, 1, 1, 1);
  g_autofree char *tables_over = json_with_tables (TR_BODY_MAX_TABLES + 1, 1, 1, 1);
  /* Cells under their own limit that add up to more than a body may hold. */
  guint cells_needed = TR_BODY_MAX_LENGTH / TR_TABLE_MAX_TEXT_LENGTH + 1;
  g_autofree char *body_over = json_with_tables (cells_needed / TR_TABLE_MAX_COLUMNS + 1, 1,
                                                 TR_TABLE_MAX_COLUMNS, TR_TABLE_MAX_TEXT_LENGTH);

  assert_json_fits (rows_fit);
  assert_json_limit (rows_over, "“sections.process[0].rows” has 1001 rows; a table may have at most 1000");
  assert_json_fits (columns_fit);
  assert_json_limit (columns_over, "“sections.process[0].rows[0]” has 31 cells; a row may have at most 30");
  assert_json_fits (cell_fits);
  assert_json_limit (cell_over, "“sections.process[0].rows[0][0]” is 4001 characters long");
  assert_json_fits (tables_fit);
  assert_json_limit (tables_over, "“sections.process” has more than 200 tables");
  assert_json_limit (body_over, "“sections.process” holds more than 10000000 characters");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tables/table/cells", test_table_cells);
  g_test_add_func ("/tables/table/rows-and-columns", test_table_rows_and_columns);
  g_test_add_func ("/tables/table/copy-equal", test_table_copy_equal);
  g_test_add_func ("/tables/table/plain-text", test_table_plain_text);
  g_test_add_func ("/tables/body/text-only", test_body_text_only);
  g_test_add_func ("/tables/body/insert-remove", test_body_insert_remove);
  g_test_add_func ("/tables/body/plain-text", test_body_plain_text);
  g_test_add_func ("/tables/body/locate", test_body_locate);
  g_test_add_func ("/tables/body/copy-replace", test_body_copy_replace);
  g_test_add_func ("/tables/report/body", test_report_body);
  g_test_add_func ("/tables/report/copy-equal", test_report_copy_equal);
  g_test_add_func ("/tables/report/table-numbers", test_report_table_numbers);
  g_test_add_func ("/tables/json/round-trip", test_json_round_trip);
  g_test_add_func ("/tables/json/layout", test_json_layout);
  g_test_add_func ("/tables/json/old-form", test_json_old_form);
  g_test_add_func ("/tables/json/lenient", test_json_lenient);
  g_test_add_func ("/tables/json/limits", test_json_limits);
  for (guint i = 0; i < G_N_ELEMENTS (bad_json); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tables/json/invalid/%s", bad_json[i].name);

      g_test_add_data_func (path, &bad_json[i], test_json_invalid);
    }

  return g_test_run ();
}
