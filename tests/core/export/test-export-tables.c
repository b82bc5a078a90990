/* test-export-tables.c: the tables of a report's body in every output
 *
 * The laid-out document, the ODT read with libxml2's XPath and validated
 * against the ODF 1.3 schema, the ODT laid out by LibreOffice (headless)
 * and our own PDF, both read back with pdftotext: captions numbered
 * through the report, header rows repeated at the top of each page a
 * table runs on, rows moved whole, the text around the tables in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tr-document.h"
#include "tr-odt-exporter.h"
#include "tr-pdf-exporter.h"
#include "tr-test-odt.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"
#include "tr-test-util.h"

/* The folder every test writes in, and LibreOffice's profile, made once. */
static char *test_dir;
static char *lo_profile_dir;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Reports ------------------------------------------------------------------ */

/* A table of @rows, each "cell|cell|…" (a cell may hold line breaks). */
static TrTable *
make_table (gboolean            header,
            const char         *caption,
            const char * const *rows)
{
  g_auto(GStrv) first = g_strsplit (rows[0], "|", -1);
  guint n_rows = g_strv_length ((char **) rows);
  guint n_columns = g_strv_length (first);
  TrTable *table = tr_table_new (n_rows, n_columns);

  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "|", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, n_columns);
      for (guint c = 0; c < n_columns; c++)
        tr_table_set_cell (table, r, c, cells[c]);
    }
  tr_table_set_has_header (table, header);
  tr_table_set_caption (table, caption);
  return table;
}

static void
append_table (TrReport           *report,
              TrField             field,
              gboolean            header,
              const char         *caption,
              const char * const *rows)
{
  g_autoptr(TrTable) table = make_table (header, caption, rows);

  tr_body_append_table (tr_report_get_body (report, field), table);
}

static const char * const schedule[] = {
  "日期|地點|行程內容",
  "7月9日|塔林|拜會愛沙尼亞經濟及通訊部，瞭解X-Road資料交換平臺之架構與治理",
  "7月10日|塔爾圖|參訪塔爾圖大學",
  "7月11日|塔林|返程",
  NULL
};

/* Tables in every place they can stand: between paragraphs (過程), after
 * one without a caption, which is not numbered (目的), alone in a section
 * with empty cells (心得), and in the appendix. */
static TrReport *
make_tables_report (void)
{
  TrReport *report = tr_test_make_report ();
  TrBody *body;

  body = tr_report_get_body (report, TR_FIELD_PURPOSE);
  tr_body_set_text (body, "一、目的概述\n瞭解數位政府之推動。");
  append_table (report, TR_FIELD_PURPOSE, FALSE, "", (const char *[]) { "甲|乙", "丙|丁", NULL });
  tr_body_append_text (body, "二、目的結語");

  body = tr_report_get_body (report, TR_FIELD_PROCESS);
  tr_body_set_text (body, "一、行程概要\n以下為參訪行程。");
  append_table (report, TR_FIELD_PROCESS, TRUE, "參訪行程", schedule);
  tr_body_append_text (body, "二、結論\n行程順利完成。");

  tr_body_set_text (tr_report_get_body (report, TR_FIELD_OBSERVATIONS), "");
  append_table (report, TR_FIELD_OBSERVATIONS, TRUE, "經費",
                (const char *[]) { "項目|金額", "機票|", "|30,000", NULL });

  body = tr_report_get_body (report, TR_FIELD_APPENDIX);
  tr_body_set_text (body, "出席人員如下：");
  append_table (report, TR_FIELD_APPENDIX, TRUE, "出席人員",
                (const char *[]) { "姓名|機關|職稱", "王小明|數位發展部|科長", NULL });
  return report;
}

/* A table of @n_rows under a header 編號|日期|事項, each row "R001" …
 * with a cell of two lines, 事項R001甲 and 事項R001乙, between two
 * paragraphs of 過程. */
static TrReport *
make_long_table_report (guint n_rows)
{
  TrReport *report = tr_test_make_report ();
  TrBody *body = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_autoptr(TrTable) table = tr_table_new (1, 3);

  tr_table_set_cell (table, 0, 0, "編號");
  tr_table_set_cell (table, 0, 1, "日期");
  tr_table_set_cell (table, 0, 2, "事項");
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "長表");
  for (guint r = 1; r <= n_rows; r++)
    {
      g_autofree char *label = g_strdup_printf ("R%03u", r);
      g_autofree char *date = g_strdup_printf ("7月%u日", r % 30 + 1);
      g_autofree char *item = g_strdup_printf ("事項%s甲\n事項%s乙", label, label);
      const char *cells[] = { label, date, item, NULL };

      tr_table_insert_row (table, r, cells);
    }
  tr_body_set_text (body, "一、長表之前");
  tr_body_append_table (body, table);
  tr_body_append_text (body, "二、長表之後");
  return report;
}

static char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static char *
export_odt (TrReport   *report,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tr_odt_export_to_file (report, file, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static char *
export_pdf (TrReport   *report,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (tr_pdf_export_to_file (report, file, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Reading PDFs --------------------------------------------------------------- */

static const char *
find_after (const char *haystack,
            const char *needle,
            const char *what)
{
  const char *found = strstr (haystack, needle);

  if (found == NULL)
    g_error ("%s: “%s” is missing", what, needle);
  return found;
}

/* The squeezed text of every page, without their page numbers. */
static GStrv
squeezed_pages (const char *pdf)
{
  g_auto(GStrv) pages = tr_test_pdf_pages (pdf);
  GStrv squeezed = g_new0 (char *, g_strv_length (pages) + 1);

  for (guint i = 0; pages[i] != NULL; i++)
    squeezed[i] = tr_test_squeeze (pages[i], TRUE);
  return squeezed;
}

/* make_long_table_report()'s table as a reader sees it in @pdf: the text
 * before it, its caption, its header, its rows in order, the text after
 * it; each page it runs on starts with the header, and no row is cut
 * between two pages. Returns how many pages it runs on. */
static guint
assert_long_table (const char *pdf,
                   guint       n_rows)
{
  g_auto(GStrv) pages = squeezed_pages (pdf);
  g_autofree char *all = g_strjoinv ("", pages);
  const char *body = find_after (all, "貳、過程", "the heading");
  const char *cursor;
  guint n_table_pages = 0;

  cursor = find_after (body, "一、長表之前", "the text before");
  cursor = find_after (cursor, "表1：長表", "the caption");
  cursor = find_after (cursor, "編號日期事項", "the header");
  for (guint r = 1; r <= n_rows; r++)
    {
      g_autofree char *label = g_strdup_printf ("R%03u", r);

      cursor = find_after (cursor, label, "a row, in order");
    }
  find_after (cursor, "二、長表之後", "the text after");

  for (guint p = 0; pages[p] != NULL; p++)
    {
      const char *first_row = NULL;
      const char *header;

      for (guint r = 1; r <= n_rows && first_row == NULL; r++)
        {
          g_autofree char *first = g_strdup_printf ("事項R%03u甲", r);
          g_autofree char *second = g_strdup_printf ("事項R%03u乙", r);
          const char *a = strstr (pages[p], first);
          const char *b = strstr (pages[p], second);

          /* A row's two lines on one page, or on none. */
          if ((a == NULL) != (b == NULL))
            g_error ("Row %u is cut between page %u and another", r, p + 1);
          if (a != NULL)
            first_row = a;
        }
      if (first_row == NULL)
        continue;
      n_table_pages++;
      header = strstr (pages[p], "編號日期事項");
      if (header == NULL || header > first_row)
        g_error ("Page %u of the table does not start with its header row:\n%s", p + 1, pages[p]);
    }
  return n_table_pages;
}

/* The same table as pdftotext reads it without -layout, the way text is
 * copied from a viewer: row after row, each row's cells in order. */
static void
assert_long_table_reading_order (const char *pdf,
                                 guint       n_rows)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = tr_test_run_tool (argv);
  g_autofree char *all = tr_test_squeeze (text, TRUE);
  const char *cursor = find_after (all, "表1：長表", "the caption");

  cursor = find_after (cursor, "編號日期事項", "the header, its cells in order");
  for (guint r = 1; r <= n_rows; r++)
    {
      g_autofree char *row = g_strdup_printf ("R%03u7月%u日事項R%03u甲事項R%03u乙", r, r % 30 + 1, r, r);

      cursor = find_after (cursor, row, "a row, its cells in order");
    }
  find_after (cursor, "二、長表之後", "the text after");
}

/* The document ----------------------------------------------------------- */

static GPtrArray *
data_tables (TrDocument *document)
{
  GPtrArray *tables = g_ptr_array_new ();

  for (guint i = 0; i < document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (document->blocks, i);

      if (block->kind == TR_DOC_BLOCK_TABLE && block->table->kind == TR_DOC_TABLE_DATA)
        g_ptr_array_add (tables, block->table);
    }
  return tables;
}

static const char *
cell_text (TrDocTable *table,
           guint       row,
           guint       column)
{
  TrDocRow *doc_row = g_ptr_array_index (table->rows, row);
  TrDocCell *cell = g_ptr_array_index (doc_row->cells, column);

  g_assert_cmpuint (cell->paragraphs->len, ==, 1);
  return ((TrDocParagraph *) g_ptr_array_index (cell->paragraphs, 0))->text;
}

/* The block before and after @table. */
static void
neighbours (TrDocument  *document,
            TrDocTable  *table,
            TrDocBlock **before,
            TrDocBlock **after)
{
  for (guint i = 0; i < document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (document->blocks, i);

      if (block->kind == TR_DOC_BLOCK_TABLE && block->table == table)
        {
          *before = i > 0 ? g_ptr_array_index (document->blocks, i - 1) : NULL;
          *after = i + 1 < document->blocks->len ? g_ptr_array_index (document->blocks, i + 1) : NULL;
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_document (void)
{
  g_autoptr(TrReport) report = make_tables_report ();
  g_autoptr(TrDocument) document = tr_document_new_for_report (report, NULL);
  g_autoptr(GPtrArray) tables = data_tables (document);
  TrDocTable *purpose, *process, *observations, *appendix;
  TrDocBlock *before, *after;
  double total = 0;

  g_assert_cmpuint (tables->len, ==, 4);
  purpose = tables->pdata[0];
  process = tables->pdata[1];
  observations = tables->pdata[2];
  appendix = tables->pdata[3];

  /* Numbered through the report, the table without a caption left out. */
  g_assert_null (purpose->caption);
  g_assert_cmpstr (process->caption->text, ==, "表 1：參訪行程");
  g_assert_cmpint (process->caption->style, ==, TR_DOC_STYLE_TABLE_CAPTION);
  g_assert_cmpstr (observations->caption->text, ==, "表 2：經費");
  g_assert_cmpstr (appendix->caption->text, ==, "表 3：出席人員");
  g_assert_cmpstr (process->name, ==, "表1");
  g_assert_cmpstr (purpose->name, !=, process->name);

  g_assert_cmpuint (purpose->n_header_rows, ==, 0);
  g_assert_cmpuint (process->n_header_rows, ==, 1);
  g_assert_true (process->borders);
  g_assert_cmpuint (process->n_columns, ==, 3);
  g_assert_cmpuint (process->rows->len, ==, 4);
  g_assert_cmpstr (cell_text (process, 0, 2), ==, "行程內容");
  g_assert_cmpint (((TrDocParagraph *) ((TrDocCell *) ((TrDocRow *) process->rows->pdata[0])->cells->pdata[0])
                     ->paragraphs->pdata[0])->style, ==, TR_DOC_STYLE_TABLE_HEADER);
  g_assert_cmpstr (cell_text (process, 3, 1), ==, "塔林");
  g_assert_cmpstr (cell_text (observations, 1, 1), ==, "");
  g_assert_cmpstr (cell_text (observations, 2, 0), ==, "");

  /* The columns share the text width by their content: the long 行程內容
   * gets most of it, the dates no less than two ideographs. */
  for (guint c = 0; c < process->n_columns; c++)
    total += process->column_widths[c];
  g_assert_cmpfloat_with_epsilon (total, TR_DOC_TEXT_WIDTH, 0.01);
  g_assert_cmpfloat (process->column_widths[2], >, 2 * process->column_widths[0]);
  g_assert_cmpfloat (process->column_widths[0], >=, 2 * 12.0);

  /* Where the table stands in the text. */
  neighbours (document, process, &before, &after);
  g_assert_cmpint (before->kind, ==, TR_DOC_BLOCK_PARAGRAPH);
  g_assert_cmpstr (before->paragraph->text, ==, "以下為參訪行程。");
  g_assert_cmpint (after->kind, ==, TR_DOC_BLOCK_PARAGRAPH);
  g_assert_cmpstr (after->paragraph->text, ==, "二、結論");

  /* The paragraphs after a table still say where they are in the
   * section's plain text, where comments are anchored. */
  for (guint i = 0; i < document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (document->blocks, i);
      TrDocHeading *heading = NULL;

      if (block->kind != TR_DOC_BLOCK_PARAGRAPH || !block->paragraph->has_source)
        continue;
      for (guint j = i; j-- > 0 && heading == NULL;)
        if (((TrDocBlock *) document->blocks->pdata[j])->kind == TR_DOC_BLOCK_HEADING)
          heading = ((TrDocBlock *) document->blocks->pdata[j])->heading;
      g_assert_nonnull (heading);
      g_assert_true (g_str_has_prefix (heading->text + block->paragraph->source.text_start,
                                       block->paragraph->text));
    }
  neighbours (document, observations, &before, &after);
  g_assert_cmpint (before->kind, ==, TR_DOC_BLOCK_HEADING);
  g_assert_cmpstr (before->heading->title, ==, "心得");
}

/* The ODT ---------------------------------------------------------------- */

static char *
xpath_one (xmlDocPtr   doc,
           const char *expression)
{
  g_auto(GStrv) values = tr_test_xpath_strings (doc, expression);

  if (g_strv_length (values) != 1)
    g_error ("%s selects %u nodes, not one", expression, g_strv_length (values));
  return g_strdup (values[0]);
}

/* An ODF length, in points. */
static double
parse_length (const char *length)
{
  char *unit = NULL;
  double value = g_ascii_strtod (length, &unit);

  if (g_str_equal (unit, "pt"))
    return value;
  if (g_str_equal (unit, "cm"))
    return value * 72 / 2.54;
  if (g_str_equal (unit, "mm"))
    return value * 72 / 25.4;
  if (g_str_equal (unit, "in"))
    return value * 72;
  g_error ("%s is not a length", length);
}

static double
column_width (xmlDocPtr   content,
              const char *table,
              guint       column)
{
  g_autofree char *expression = g_strdup_printf ("//table:table[@table:name='%s']/table:table-column[%u]/@table:style-name",
                                                 table, column);
  g_autofree char *style = xpath_one (content, expression);
  g_autofree char *width_expression = g_strdup_printf ("//style:style[@style:name='%s']/style:table-column-properties/@style:column-width",
                                                       style);
  g_autofree char *width = xpath_one (content, width_expression);

  return parse_length (width);
}

static void
test_odt (void)
{
  g_autoptr(TrReport) report = make_tables_report ();
  g_autofree char *odt = export_odt (report, "tables.odt");
  g_autoptr(xmlDoc) content = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) captions = NULL;
  g_autofree char *cell_style = NULL;
  g_autofree char *border = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *caption = NULL;

  tr_test_odt_assert_valid (odt);
  content = tr_test_odt_parse_entry (odt, "content.xml");

  /* The schedule: three columns, its header row among the header rows,
   * which word processors repeat on each page. */
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表1']"), ==, 1);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表1']/table:table-column"), ==, 3);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表1']/table:table-header-rows/table:table-row"),
                    ==, 1);
  header = tr_test_xpath_strings (content, "//table:table[@table:name='表1']/table:table-header-rows/table:table-row/table:table-cell");
  g_assert_cmpstrv (header, ((const char *[]) { "日期", "地點", "行程內容", NULL }));
  rows = tr_test_xpath_strings (content, "//table:table[@table:name='表1']/table:table-row/table:table-cell[1]");
  g_assert_cmpstrv (rows, ((const char *[]) { "7月9日", "7月10日", "7月11日", NULL }));
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表1']/table:table-row/table:table-cell"
                                                  "[text:p/@text:style-name='TrTableText']"), ==, 9);

  /* Its caption right above it, the text of the section around both. */
  caption = xpath_one (content, "//table:table[@table:name='表1']/preceding-sibling::*[1][self::text:p]");
  g_assert_cmpstr (caption, ==, "表 1：參訪行程");
  before = xpath_one (content, "//table:table[@table:name='表1']/preceding-sibling::*[2]");
  g_assert_cmpstr (before, ==, "以下為參訪行程。");
  after = xpath_one (content, "//table:table[@table:name='表1']/following-sibling::*[1]");
  g_assert_cmpstr (after, ==, "二、結論");

  /* Every caption, numbered through the report; none for the table without. */
  captions = tr_test_xpath_strings (content, "//text:p[@text:style-name='TrTableCaption']");
  g_assert_cmpstrv (captions, ((const char *[]) { "表 1：參訪行程", "表 2：經費", "表 3：出席人員", NULL }));
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表格1']/table:table-header-rows"), ==, 0);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表格1']/table:table-row"), ==, 2);

  /* Empty cells are cells with an empty paragraph. */
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表2']/table:table-row/table:table-cell"), ==, 4);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表2']/table:table-row/table:table-cell"
                                                  "[count(text:p) = 1 and string(.) = '']"), ==, 2);
  /* The appendix's table, after its text. */
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表3']/preceding-sibling::text:p"
                                                  "[. = '出席人員如下：']"), ==, 1);

  /* Ruled cells; columns as wide as their content asks. */
  cell_style = xpath_one (content, "//table:table[@table:name='表1']/table:table-row[1]/table:table-cell[1]/@table:style-name");
  expression = g_strdup_printf ("//style:style[@style:name='%s']/style:table-cell-properties/@fo:border", cell_style);
  border = xpath_one (content, expression);
  g_assert_cmpstr (border, ==, "0.5pt solid #000000");
  g_assert_cmpfloat (column_width (content, "表1", 3), >, 2 * column_width (content, "表1", 1));
  g_assert_cmpfloat_with_epsilon (column_width (content, "表1", 1) + column_width (content, "表1", 2) +
                                  column_width (content, "表1", 3), TR_DOC_TEXT_WIDTH, 0.1);
}

/* A reviewer's comment on text after a table wraps that text: the
 * paragraphs after a table know where they are in the section. */
static void
test_odt_comment_after_table (void)
{
  g_autoptr(TrReport) report = make_tables_report ();
  const char *process = tr_report_get_section (report, TR_SECTION_PROCESS);
  const char *quoted = strstr (process, "順利完成");
  guint start = g_utf8_pointer_to_offset (process, quoted);
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = test_path ("comment-after-table.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_auto(GStrv) annotated = NULL;
  g_auto(GStrv) before = NULL;

  g_ptr_array_add (comments, tr_comment_new (TR_SECTION_PROCESS, start, start + 4, "順利完成",
                                             "請補充細節", "審核人甲"));
  tr_odt_export_to_file_with_comments (report, comments, file, NULL, &error);
  g_assert_no_error (error);
  tr_test_odt_assert_valid (path);

  content = tr_test_odt_parse_entry (path, "content.xml");
  annotated = tr_test_xpath_strings (content, "//office:annotation/following-sibling::text()"
                                              "[following-sibling::office:annotation-end]");
  g_assert_cmpstrv (annotated, ((const char *[]) { "順利完成", NULL }));
  before = tr_test_xpath_strings (content, "//office:annotation/preceding-sibling::text()");
  g_assert_cmpstrv (before, ((const char *[]) { "行程", NULL }));
}

/* A reviewer's comment on a cell's text goes into the cell, around its
 * passage: the cells' paragraphs know where they are in the section. It
 * used to land in the paragraph after the table. */
static void
test_odt_comment_in_cell (void)
{
  g_autoptr(TrReport) report = make_tables_report ();
  const char *process = tr_report_get_section (report, TR_SECTION_PROCESS);
  guint in_cell = g_utf8_pointer_to_offset (process, strstr (process, "X-Road資料交換平臺"));
  guint whole_cell = g_utf8_pointer_to_offset (process, strstr (process, "參訪塔爾圖大學"));
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = test_path ("comment-in-cell.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_auto(GStrv) annotated = NULL;

  g_ptr_array_add (comments, tr_comment_new (TR_SECTION_PROCESS, in_cell, in_cell + 12, "X-Road資料交換平臺",
                                             "請說明平臺規模", "審核人甲"));
  /* A passage that ends with its cell. */
  g_ptr_array_add (comments, tr_comment_new (TR_SECTION_PROCESS, whole_cell, whole_cell + 7, "參訪塔爾圖大學",
                                             "請補充參訪對象", "審核人甲"));
  tr_odt_export_to_file_with_comments (report, comments, file, NULL, &error);
  g_assert_no_error (error);
  tr_test_odt_assert_valid (path);

  content = tr_test_odt_parse_entry (path, "content.xml");
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table-cell//office:annotation"), ==, 2);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table-cell//office:annotation-end"), ==, 2);
  annotated = tr_test_xpath_strings (content, "//table:table-cell//office:annotation/following-sibling::text()"
                                              "[following-sibling::office:annotation-end]");
  g_assert_cmpstrv (annotated, ((const char *[]) { "X-Road資料交換平臺", "參訪塔爾圖大學", NULL }));
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table-cell[text:p[office:annotation[text:p='請補充參訪對象']]"
                                                  "[office:annotation-end]]"), ==, 1);
}

/* LibreOffice lays the ODT out: the text in order, the header row at the
 * top of each of the table's pages, and no row cut between two. */
static void
test_odt_in_libreoffice (void)
{
  g_autoptr(TrReport) report = make_long_table_report (80);
  g_autofree char *odt = export_odt (report, "long-table.odt");
  g_autofree char *pdf = NULL;

  tr_test_odt_assert_valid (odt);
  pdf = tr_test_odt_convert_to_pdf (odt, lo_profile_dir);
  g_assert_cmpuint (assert_long_table (pdf, 80), >=, 3);
  assert_long_table_reading_order (pdf, 80);
}

/* Our PDF ------------------------------------------------------------------ */

static void
test_pdf (void)
{
  g_autoptr(TrReport) report = make_long_table_report (80);
  g_autofree char *pdf = export_pdf (report, "long-table.pdf");

  g_assert_cmpuint (assert_long_table (pdf, 80), >=, 3);
  assert_long_table_reading_order (pdf, 80);
}

/* Every table in its place, and the 目次 still giving each heading's page. */
static void
test_pdf_contents (void)
{
  g_autoptr(TrReport) report = make_tables_report ();
  g_autofree char *pdf = export_pdf (report, "tables.pdf");
  g_auto(GStrv) pages = tr_test_pdf_pages (pdf);
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議", "伍、附錄" };
  const TrField fields[] = { TR_FIELD_PURPOSE, TR_FIELD_PROCESS, TR_FIELD_OBSERVATIONS,
                             TR_FIELD_RECOMMENDATIONS, TR_FIELD_APPENDIX };
  const char *texts[G_N_ELEMENTS (fields)];
  g_autofree char *joined = g_strjoinv ("\n", pages);
  g_autofree char *all = tr_test_squeeze (joined, TRUE);
  const char *cursor;

  /* A section's plain text is its text and its tables' rows, a line each. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    texts[i] = tr_report_get_text (report, fields[i]);
  tr_test_assert_body_in_pdf (pages, headings, texts, G_N_ELEMENTS (headings));

  cursor = find_after (all, "貳、過程", "the heading");
  cursor = find_after (cursor, "以下為參訪行程。", "the text before the table");
  cursor = find_after (cursor, "表1：參訪行程", "the caption");
  cursor = find_after (cursor, "日期地點行程內容", "the header");
  cursor = find_after (cursor, "7月9日塔林", "the first row");
  cursor = find_after (cursor, "7月11日塔林返程", "the last row");
  cursor = find_after (cursor, "二、結論", "the text after the table");
  cursor = find_after (cursor, "表2：經費", "the table alone in its section");
  cursor = find_after (cursor, "項目金額", "its header");
  cursor = find_after (cursor, "30,000", "a row after an empty cell");
  cursor = find_after (cursor, "出席人員如下：", "the appendix's text");
  find_after (cursor, "表3：出席人員", "the appendix's table");
}

/* A row taller than a page is split between its lines, the header row
 * repeated above the rest. */
static void
test_pdf_tall_row (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GString) tall = g_string_new (NULL);
  g_autoptr(TrTable) table = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  guint first_page = 0, last_page = 0;

  for (guint i = 1; i <= 80; i++)
    g_string_append_printf (tall, "%s高列第%02u行", i > 1 ? "\n" : "", i);
  table = make_table (TRUE, "高列", (const char *[]) { "編號|內容", "一|短", "二|-", "三|短", NULL });
  tr_table_set_cell (table, 2, 1, tall->str);
  tr_body_set_text (tr_report_get_body (report, TR_FIELD_PROCESS), "前文");
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), table);
  tr_body_append_text (tr_report_get_body (report, TR_FIELD_PROCESS), "後文");
  pdf = export_pdf (report, "tall-row.pdf");
  pages = squeezed_pages (pdf);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      if (strstr (pages[p], "高列第01行") != NULL)
        first_page = p + 1;
      if (strstr (pages[p], "高列第80行") != NULL)
        last_page = p + 1;
    }
  g_assert_cmpuint (first_page, >, 0);
  g_assert_cmpuint (last_page, >, first_page);
  for (guint p = first_page; p < last_page; p++)
    g_assert_true (g_str_has_prefix (strstr (pages[p], "編號內容") ?: "", "編號內容高列第"));
  {
    g_autofree char *all = g_strjoinv ("", pages);
    const char *cursor = all;

    for (guint i = 1; i <= 80; i++)
      {
        g_autofree char *line = g_strdup_printf ("高列第%02u行", i);

        cursor = find_after (cursor, line, "a line of the tall row, in order");
      }
    find_after (cursor, "三短", "the row after it");
  }
}

/* A thousand rows, the most a table may have, in both formats: each row
 * once, in order, and one row style for them all in the ODT. */
static void
test_thousand_rows (void)
{
  g_autoptr(TrReport) report = make_long_table_report (TR_TABLE_MAX_ROWS - 1);
  g_autofree char *odt = export_odt (report, "thousand.odt");
  g_autofree char *pdf = export_pdf (report, "thousand.pdf");
  g_autoptr(xmlDoc) content = tr_test_odt_parse_entry (odt, "content.xml");

  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='表1']/table:table-row"),
                    ==, TR_TABLE_MAX_ROWS - 1);
  g_assert_cmpuint (tr_test_xpath_count (content, "//style:style[@style:family='table-row']"), ==, 1);
  g_assert_cmpuint (assert_long_table (pdf, TR_TABLE_MAX_ROWS - 1), >=, 40);
}

typedef struct {
  GMainLoop *loop;
  GArray    *fractions;
  gboolean   ok;
} Export;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  g_array_append_val (((Export *) user_data)->fractions, fraction);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;

  export->ok = tr_pdf_export_finish (result, NULL, &error);
  g_assert_no_error (error);
  g_main_loop_quit (export->loop);
}

/* The progress of a report that is mostly tables rises as they are laid
 * out, not all at once when the pages are drawn. */
static void
test_pdf_progress (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = test_path ("progress.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Export export = { g_main_loop_new (NULL, FALSE), g_array_new (FALSE, FALSE, sizeof (double)), FALSE };
  double largest_step = 0;

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      TrBody *body = tr_report_get_body (report, TR_FIELD_FROM_SECTION (s));

      tr_body_set_text (body, "");
      for (guint t = 0; t < 20; t++)
        {
          g_autoptr(TrTable) table = make_table (TRUE, "行程", schedule);

          tr_body_append_table (body, table);
        }
    }
  tr_pdf_export_async (report, file, on_progress, &export, NULL, on_exported, &export);
  g_main_loop_run (export.loop);
  g_assert_true (export.ok);

  for (guint i = 1; i < export.fractions->len; i++)
    largest_step = MAX (largest_step, g_array_index (export.fractions, double, i) -
                                      g_array_index (export.fractions, double, i - 1));
  g_test_message ("%u progress reports, the largest step %.2f", export.fractions->len, largest_step);
  g_assert_cmpfloat (largest_step, <, 0.2);
  g_array_unref (export.fractions);
  g_main_loop_unref (export.loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("tr-export-tables-XXXXXX", &error);
  g_assert_no_error (error);
  lo_profile_dir = g_build_filename (test_dir, "lo-profile", NULL);

  g_test_add_func ("/export/tables/document", test_document);
  g_test_add_func ("/export/tables/odt", test_odt);
  g_test_add_func ("/export/tables/odt-comment-after-table", test_odt_comment_after_table);
  g_test_add_func ("/export/tables/odt-comment-in-cell", test_odt_comment_in_cell);
  g_test_add_func ("/export/tables/odt-in-libreoffice", test_odt_in_libreoffice);
  g_test_add_func ("/export/tables/pdf", test_pdf);
  g_test_add_func ("/export/tables/pdf-contents", test_pdf_contents);
  g_test_add_func ("/export/tables/pdf-tall-row", test_pdf_tall_row);
  g_test_add_func ("/export/tables/pdf-progress", test_pdf_progress);
  g_test_add_func ("/export/tables/thousand-rows", test_thousand_rows);

  status = g_test_run ();
  tr_test_remove_tree (test_dir);
  g_free (lo_profile_dir);
  g_free (test_dir);
  return status;
}
