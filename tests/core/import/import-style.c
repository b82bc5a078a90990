/* import-style.c: real PDFs in each heading style old reports use, imported
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"
#include "tr-warning.h"

/* Importing ----------------------------------------------------------------- */

/* The parser's warning for a document with none of the four sections. */
static gboolean
warns_no_structure (TrReport *report)
{
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    {
      g_autofree char *warning = tr_warning_format (*w);
      g_autofree char *lower = g_utf8_strdown (warning, -1);

      if (strstr (lower, "no standard") != NULL && strstr (lower, "structure") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Heading styles ------------------------------------------------------------- */

typedef struct {
  const char        *name;
  TrPdfReportLayout  layout;
  gboolean           combined_items;   /* （一） items in 心得 and 建議 */
} StyleCase;

static void
check_style (gconstpointer data)
{
  const StyleCase *style = data;
  g_autoptr(TrReport) expected = make_report (g_str_hash (style->name), 2, style->combined_items);
  g_autofree char *name = g_strconcat (style->name, ".pdf", NULL);
  g_autofree char *path = make_pdf (expected, &style->layout, name);
  g_autoptr(TrReport) report = import_ok (path);

  check_sections (style->name, expected, report);
  check_appendix (style->name, expected, report);
  if (style->layout.summary_page || style->layout.form)
    check_text (style->name, "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
                tr_report_get_text (report, TR_FIELD_SUMMARY));
  /* A report that has its four sections gets no warning that it has none. */
  g_assert_false (warns_no_structure (report));
}

static const StyleCase style_cases[] = {
  { "numbered", { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" } },
  { "chapters", { .headings = TR_PDF_HEADINGS_CHAPTERS, .toc = TRUE, .footer = "第 %u 頁",
                  .running_header = "國家發展委員會出國報告" } },
  { "bare", { .headings = TR_PDF_HEADINGS_BARE, .footer = "%u", .section_per_page = TRUE } },
  { "process-jingguo", { .headings = TR_PDF_HEADINGS_NUMBERED, .words = { NULL, "經過" },
                         .footer = "- %u -" } },
  { "process-agenda", { .headings = TR_PDF_HEADINGS_CHAPTERS,
                        .words = { "緣起與目的", "議程內容及時程", "觀察與心得", "具體建議" },
                        .footer = "%u" } },
  { "combined", { .headings = TR_PDF_HEADINGS_NUMBERED, .combined = TRUE, .footer = "- %u -" }, TRUE },
  { "combined-bare", { .headings = TR_PDF_HEADINGS_BARE, .combined = TRUE,
                       .combined_word = "心得及建議", .footer = "%u" }, TRUE },
  { "headers-footers-toc", { .headings = TR_PDF_HEADINGS_NUMBERED, .cover = TRUE, .summary_page = TRUE,
                             .toc = TRUE, .running_header = "赴愛沙尼亞考察數位治理及電子化政府出國報告",
                             .footer = "第 %u 頁" } },
  /* Headings broken over two lines (a line separator inside them). */
  { "two-line-headings", { .headings = TR_PDF_HEADINGS_NUMBERED,
                           .words = { "緣起與\u2028目的", "議程內容\u2028及時程", "觀察與\u2028心得", "具體\u2028建議" },
                           .footer = "- %u -" } },
};

/* The 提要 form: its fields, read from the table. */
static void
test_form (void)
{
  g_autoptr(TrReport) expected = make_report (3, 1, FALSE);
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .cover = TRUE, .form = TRUE, .toc = TRUE,
    .footer = "- %u -",
  };
  g_autofree char *path = make_pdf (expected, &layout, "form.pdf");
  g_autoptr(TrReport) report = import_ok (path);
  static const TrField fields[] = {
    TR_FIELD_TITLE, TR_FIELD_AGENCY, TR_FIELD_CONTACT, TR_FIELD_PHONE, TR_FIELD_CATEGORY,
    TR_FIELD_PERIOD_START, TR_FIELD_PERIOD_END, TR_FIELD_DESTINATION, TR_FIELD_REPORT_DATE,
    TR_FIELD_CLASSIFICATION,
  };
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  const char * const *keywords = tr_report_get_keywords (report);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_test_message ("%s: “%s”", tr_field_get_key (fields[i]), tr_report_get_text (report, fields[i]));
      g_assert_cmpstr (tr_report_get_text (report, fields[i]), ==, tr_report_get_text (expected, fields[i]));
    }
  check_text ("form", "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
              tr_report_get_text (report, TR_FIELD_SUMMARY));
  g_assert_true (tr_report_get_has_attachments (report));

  g_assert_cmpuint (g_strv_length ((char **) keywords), ==, 3);
  g_assert_cmpstr (keywords[0], ==, "數位治理");
  g_assert_cmpstr (keywords[2], ==, "X-Road");

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);

      g_test_message ("traveller %u: %s / %s / %s / %s / %s", i + 1,
                      tr_traveller_get (got, TR_TRAVELLER_NAME), tr_traveller_get (got, TR_TRAVELLER_AGENCY),
                      tr_traveller_get (got, TR_TRAVELLER_UNIT), tr_traveller_get (got, TR_TRAVELLER_TITLE),
                      tr_traveller_get (got, TR_TRAVELLER_PHONE));
    }
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);
      g_autoptr(TrTraveller) want = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (expected)), i);

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        g_assert_cmpstr (tr_traveller_get (got, f), ==, tr_traveller_get (want, f));
    }

  check_sections ("form", expected, report);
}

/* A person the cover names and the 提要 form leaves out is still read,
 * from a real PDF's centred cover lines. */
static void
test_cover_travellers (void)
{
  g_autoptr(TrReport) expected = make_report (5, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .form = TRUE, .footer = "- %u -" };
  g_autofree char *path = test_path ("cover-travellers.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *travellers;

  tr_pdf_maker_add_space (maker, 60);
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_CENTRED, "出國報告（出國類別：考察）");
  tr_pdf_maker_add_space (maker, 40);
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_TITLE, tr_report_get_text (expected, TR_FIELD_TITLE));
  tr_pdf_maker_add_space (maker, 120);
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_CENTRED,
                         "服務機關：國家發展委員會\n"
                         "出國人員：科長 王小明、專員 陳美玲、技正 林大同\n"
                         "出國期間：105年7月9日至105年7月15日");
  tr_pdf_maker_new_page (maker);
  tr_pdf_maker_add_report (maker, expected, &layout);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  report = import_ok (path);
  travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);

      g_test_message ("traveller %u: %s / %s / %s / %s / %s", i + 1,
                      tr_traveller_get (got, TR_TRAVELLER_NAME), tr_traveller_get (got, TR_TRAVELLER_AGENCY),
                      tr_traveller_get (got, TR_TRAVELLER_UNIT), tr_traveller_get (got, TR_TRAVELLER_TITLE),
                      tr_traveller_get (got, TR_TRAVELLER_PHONE));
    }
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TrTraveller) got = g_list_model_get_item (travellers, i);
      g_autoptr(TrTraveller) want = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (expected)), i);

      g_assert_true (tr_traveller_equal (got, want));
    }
  {
    g_autoptr(TrTraveller) third = g_list_model_get_item (travellers, 2);

    g_assert_cmpstr (tr_traveller_get (third, TR_TRAVELLER_NAME), ==, "林大同");
    g_assert_cmpstr (tr_traveller_get (third, TR_TRAVELLER_AGENCY), ==, "國家發展委員會");
    g_assert_cmpstr (tr_traveller_get (third, TR_TRAVELLER_TITLE), ==, "技正");
  }
  check_sections ("cover-travellers", expected, report);
}

/* Body pages in two columns, between pages in one: each column is read
 * whole, the left before the right, and the single-column pages as ever. */
static void
test_two_columns (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(TrReport) expected = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autofree char *path = test_path ("two-columns.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  static const guint lengths[] = { 500, 2200, 1400, 400 };
  guint n_pages = 0, n_column_lines = 0;

  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_TITLE, "赴愛沙尼亞考察數位治理出國報告");
  tr_pdf_maker_set_header (maker, "赴愛沙尼亞考察數位治理出國報告");
  tr_pdf_maker_set_footer (maker, "- %u -");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* 過程 and 心得 in two columns, 心得 starting part way down one. */
      if (s == TR_SECTION_PROCESS)
        tr_pdf_maker_set_columns (maker, 2);
      else if (s == TR_SECTION_RECOMMENDATIONS)
        tr_pdf_maker_set_columns (maker, 1);
      append_paragraphs (text, rand, lengths[s], NULL);
      tr_report_set_section (expected, s, text->str);
      tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, headings[s]);
      tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, text->str);
    }
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  /* The columns' lines stand alone: no line joins the two across the gutter. */
  lines = read_lines (path, NULL, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 4);
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (line->page == 0 || line->page == n_pages - 1 || line->font_size != TR_PDF_BODY_SIZE)
        continue;
      n_column_lines++;
      g_assert_null (strchr (line->text, '\t'));
      g_assert_cmpfloat (line->width, <, line->page_width / 2);
    }
  g_assert_cmpuint (n_column_lines, >, 100);

  report = import_ok (path);
  check_sections ("two-columns", expected, report);
}

/* A table whose two columns of cells hold running text is no pair of
 * columns: each row's cells stay one line, side by side. Rows of two
 * cells, then rows with an empty cell between, the text further apart. */
static void
test_two_column_table (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autofree char *path = test_path ("two-column-table.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  static const double two[] = { 0.45, 0.55 };
  static const double spaced[] = { 0.44, 0.12, 0.44 };
  guint n_pages = 0;

  for (guint page = 0; page < 2; page++)
    {
      if (page > 0)
        tr_pdf_maker_new_page (maker);
      tr_pdf_maker_add_text (maker, TR_PDF_STYLE_HEADING, "附錄一 建議事項辦理情形");
      for (guint i = 0; i < 8; i++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *left = NULL, *right = NULL;
          const char *cells[4];

          /* Three or four lines a cell. */
          append_paragraphs (text, rand, 150, NULL);
          g_strdelimit (text->str, "\n", ' ');
          left = g_utf8_substring (text->str, 0, 50 + 8 * (i % 3));
          right = g_utf8_substring (text->str, 60, 60 + 55 + 10 * (i % 2));
          if (page == 0)
            cells[0] = left, cells[1] = right, cells[2] = NULL;
          else
            cells[0] = left, cells[1] = "", cells[2] = right, cells[3] = NULL;
          tr_pdf_maker_add_row (maker, cells, page == 0 ? two : spaced);
        }
    }
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  lines = read_lines (path, NULL, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  for (guint page = 0; page < 2; page++)
    {
      guint n_lines = 0, streak = 0, longest = 0;

      for (guint i = 0; i < lines->len; i++)
        {
          const TrLayoutLine *line = g_ptr_array_index (lines, i);

          if (line->page != page || line->font_size != TR_PDF_TABLE_SIZE)
            continue;
          n_lines++;
          /* Read as two columns, the right cells' lines would come one
           * after another, all of them; beside the left cells' they come
           * a cell's at most. */
          streak = line->x > line->page_width * 0.45 ? streak + 1 : 0;
          longest = MAX (longest, streak);
        }
      g_test_message ("page %u: %u lines, at most %u of right cells in a row", page + 1, n_lines, longest);
      g_assert_cmpuint (n_lines, >=, 20);
      g_assert_cmpuint (longest, <, 5);
    }
}

/* A document that is not a trip report keeps all its text. */
static void
test_not_a_report (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = test_path ("policy-paper.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;

  append_paragraphs (text, rand, 3000, NULL);
  tr_pdf_maker_set_footer (maker, "%u");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_TITLE, "我國數位轉型政策白皮書");
  tr_pdf_maker_add_text (maker, TR_PDF_STYLE_BODY, text->str);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  report = import_ok (path);
  g_string_prepend (text, "我國數位轉型政策白皮書\n");
  {
    g_autofree char *all = g_strconcat (tr_report_get_text (report, TR_FIELD_TITLE), "\n",
                                        tr_report_get_text (report, TR_FIELD_SUMMARY), "\n",
                                        tr_report_get_text (report, TR_FIELD_UNCLASSIFIED), NULL);

    check_text ("policy paper", "everything", text->str, all);
  }
  g_assert_true (warns_no_structure (report));
}

void
add_style_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (style_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/import/style/", style_cases[i].name, NULL);

      g_test_add_data_func (name, &style_cases[i], check_style);
    }
  g_test_add_func ("/import/style/form", test_form);
  g_test_add_func ("/import/style/cover-travellers", test_cover_travellers);
  g_test_add_func ("/import/style/two-columns", test_two_columns);
  g_test_add_func ("/import/style/two-column-table", test_two_column_table);
  g_test_add_func ("/import/style/not-a-report", test_not_a_report);
}
