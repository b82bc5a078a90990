/* import-libreoffice.c: PDFs made by LibreOffice, an ODT round trip, a 500-page PDF
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"

/* Converts @path (an .odt or .html) to PDF with LibreOffice; NULL when it is
 * missing. */
static char *
convert_with_libreoffice (const char *path)
{
  g_autofree char *out_dir = g_strconcat (path, ".d", NULL);

  if (tr_test_find_libreoffice () == NULL)
    return NULL;
  return tr_test_convert_with_libreoffice (lo_profile_dir, path, "pdf", out_dir);
}

/* The start of a flat ODT (one XML file LibreOffice opens) with the
 * styles the tests use: Body and Heading paragraphs, a Columns section in
 * two columns, a Cell with borders; the body's content follows. */
static GString *
fodt_start (void)
{
  return g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
    "<office:automatic-styles>\n"
    "<style:style style:name=\"Columns\" style:family=\"section\"><style:section-properties>"
    "<style:columns fo:column-count=\"2\" fo:column-gap=\"0.8cm\"/></style:section-properties></style:style>\n"
    "<style:style style:name=\"Body\" style:family=\"paragraph\">"
    "<style:paragraph-properties fo:text-indent=\"24pt\" fo:text-align=\"justify\" fo:margin-bottom=\"4pt\"/>"
    "<style:text-properties fo:font-size=\"12pt\" style:font-size-asian=\"12pt\""
    " style:font-family-asian=\"'Noto Serif CJK TC'\"/></style:style>\n"
    "<style:style style:name=\"Heading\" style:family=\"paragraph\">"
    "<style:paragraph-properties fo:margin-top=\"12pt\" fo:margin-bottom=\"6pt\" fo:keep-with-next=\"always\"/>"
    "<style:text-properties fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" fo:font-weight=\"bold\""
    " style:font-weight-asian=\"bold\" style:font-family-asian=\"'Noto Sans CJK TC'\"/></style:style>\n"
    "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties"
    " fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #000000\"/></style:style>\n"
    "</office:automatic-styles>\n<office:body><office:text>\n");
}

/* Running text in a LibreOffice table of two columns: each row's cells
 * stay side by side. */
static void
test_libreoffice_two_column_table (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autofree char *fodt_path = test_path ("two-column-table.fodt");
  g_autofree char *pdf = NULL;
  g_autoptr(GString) xml = fodt_start ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0, n_lines = 0, streak = 0, longest = 0;

  g_string_append (xml, "<text:p text:style-name=\"Heading\">附錄一 建議事項辦理情形</text:p>\n"
                        "<table:table table:name=\"Table\"><table:table-column table:number-columns-repeated=\"2\"/>\n");
  for (guint i = 0; i < 10; i++)
    {
      g_string_append (xml, "<table:table-row>");
      for (guint c = 0; c < 2; c++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          g_autofree char *escaped = NULL;

          append_paragraphs (text, rand, 40 + 15 * ((i + c) % 3), NULL);
          g_strdelimit (text->str, "\n", ' ');
          escaped = g_markup_escape_text (text->str, -1);
          g_string_append_printf (xml, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">"
                                       "<text:p>%s</text:p></table:table-cell>", escaped);
        }
      g_string_append (xml, "</table:table-row>\n");
    }
  g_string_append (xml, "</table:table>\n</office:text></office:body></office:document>\n");
  write_bytes (fodt_path, xml->str, xml->len);

  pdf = convert_with_libreoffice (fodt_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  lines = read_lines (pdf, NULL, &n_pages, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (line->page != 0 || line->font_size > TR_PDF_BODY_SIZE + 0.5)
        continue;
      n_lines++;
      streak = line->x > line->page_width * 0.45 ? streak + 1 : 0;
      longest = MAX (longest, streak);
    }
  g_test_message ("%u lines, at most %u of right cells in a row", n_lines, longest);
  g_assert_cmpuint (n_lines, >=, 30);
  g_assert_cmpuint (longest, <, 5);
}

/* The same from LibreOffice: a flat ODT whose 過程 and 心得 are a section
 * in two columns, as a word processor lays them out (balanced on the
 * section's last page). */
static void
test_libreoffice_two_columns (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(TrReport) expected = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autofree char *fodt_path = test_path ("two-columns.fodt");
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GString) xml = fodt_start ();
  static const char * const headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  static const guint lengths[] = { 500, 2400, 1600, 400 };

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_auto(GStrv) paragraphs = NULL;

      if (s == TR_SECTION_PROCESS)
        g_string_append (xml, "<text:section text:style-name=\"Columns\" text:name=\"Columns\">\n");
      append_paragraphs (text, rand, lengths[s], NULL);
      tr_report_set_section (expected, s, text->str);
      g_string_append_printf (xml, "<text:p text:style-name=\"Heading\">%s</text:p>\n", headings[s]);
      paragraphs = g_strsplit (text->str, "\n", -1);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        if (paragraphs[i][0] != '\0')
          {
            g_autofree char *escaped = g_markup_escape_text (paragraphs[i], -1);

            g_string_append_printf (xml, "<text:p text:style-name=\"Body\">%s</text:p>\n", escaped);
          }
      if (s == TR_SECTION_OBSERVATIONS)
        g_string_append (xml, "</text:section>\n");
    }
  g_string_append (xml, "</office:text></office:body></office:document>\n");
  write_bytes (fodt_path, xml->str, xml->len);

  pdf = convert_with_libreoffice (fodt_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  report = import_ok (pdf);
  check_sections ("LibreOffice two columns", expected, report);
}

/* LibreOffice ---------------------------------------------------------------- */

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (html, escaped);
}

/* The report as a web page: LibreOffice lays out HTML its own way. */
static char *
report_to_html (TrReport *report)
{
  static const char * const numerals[] = { "壹", "貳", "參", "肆", "伍" };
  GString *html = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                "<style>body { font-family: 'Noto Serif CJK TC'; font-size: 12pt }"
                                " h1 { font-family: 'Noto Sans CJK TC'; font-size: 16pt; font-weight: bold }"
                                " h2 { font-family: 'Noto Sans CJK TC'; font-size: 14pt; font-weight: bold }"
                                " td { border: 1px solid black }</style></head><body>\n");

  g_string_append (html, "<h1 style=\"text-align: center\">");
  append_escaped (html, tr_report_get_text (report, TR_FIELD_TITLE));
  g_string_append (html, "</h1>\n<h1>摘要</h1>\n<p>");
  append_escaped (html, tr_report_get_text (report, TR_FIELD_SUMMARY));
  g_string_append (html, "</p>\n");
  for (guint s = 0; s <= TR_N_SECTIONS; s++)
    {
      const char *text = s < TR_N_SECTIONS ? tr_report_get_section (report, s)
                                           : tr_report_get_text (report, TR_FIELD_APPENDIX);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      gboolean in_table = FALSE;

      g_string_append_printf (html, "<h1>%s、%s</h1>\n", numerals[s],
                              s < TR_N_SECTIONS ? tr_section_get_heading (s) : "附錄");
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (lines[i][0] == '|')
            {
              g_autofree char *inner = g_strndup (lines[i] + 1, strlen (lines[i]) - 2);
              g_auto(GStrv) cells = g_strsplit (inner, "|", -1);

              if (!in_table)
                g_string_append (html, "<table>\n");
              in_table = TRUE;
              g_string_append (html, "<tr>");
              for (guint c = 0; cells[c] != NULL; c++)
                {
                  g_string_append (html, "<td>");
                  append_escaped (html, cells[c]);
                  g_string_append (html, "</td>");
                }
              g_string_append (html, "</tr>\n");
              continue;
            }
          if (in_table)
            g_string_append (html, "</table>\n");
          in_table = FALSE;
          if (lines[i][0] != '\0')
            {
              g_string_append (html, "<p>");
              append_escaped (html, lines[i]);
              g_string_append (html, "</p>\n");
            }
        }
      if (in_table)
        g_string_append (html, "</table>\n");
    }
  g_string_append (html, "</body></html>\n");
  return g_string_free (html, FALSE);
}

static void
test_libreoffice_html (void)
{
  g_autoptr(TrReport) expected = make_report (5, 2, FALSE);
  g_autofree char *html_path = test_path ("libreoffice.html");
  g_autofree char *html = report_to_html (expected);
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = NULL;

  write_bytes (html_path, html, strlen (html));
  pdf = convert_with_libreoffice (html_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  report = import_ok (pdf);
  check_sections ("LibreOffice HTML", expected, report);
  check_text ("LibreOffice HTML", "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
              tr_report_get_text (report, TR_FIELD_SUMMARY));
  check_appendix ("LibreOffice HTML", expected, report);
}

/* Our own ODT export, laid out by LibreOffice, comes back as it went. */
static void
test_odt_round_trip (void)
{
  g_autoptr(TrReport) expected = make_report (6, 2, FALSE);
  g_autofree char *odt_path = test_path ("round-trip.odt");
  g_autoptr(GFile) odt = g_file_new_for_path (odt_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = NULL;

  tr_odt_export_to_file (expected, odt, NULL, &error);
  g_assert_no_error (error);
  pdf = convert_with_libreoffice (odt_path);
  if (pdf == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }
  report = import_ok (pdf);

  check_sections ("ODT round trip", expected, report);
  check_text ("ODT round trip", "summary", tr_report_get_text (expected, TR_FIELD_SUMMARY),
              tr_report_get_text (report, TR_FIELD_SUMMARY));
  check_appendix ("ODT round trip", expected, report);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==,
                   tr_report_get_text (expected, TR_FIELD_TITLE));
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PERIOD_START), ==, "2016-07-09");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PERIOD_END), ==, "2016-07-15");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_DESTINATION), ==, "愛沙尼亞");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CATEGORY), ==, "考察");
}

/* Size ------------------------------------------------------------------------ */

static void
test_500_pages (void)
{
  /* Scale 165 makes about 630 pages. */
  g_autoptr(TrReport) expected = make_report (8, 135, FALSE);
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .running_header = "國家發展委員會出國報告", .footer = "- %u -",
  };
  g_autofree char *path = test_path ("500-pages.pdf");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_pages;
  double seconds;

  tr_pdf_maker_add_report (maker, expected, &layout);
  n_pages = tr_pdf_maker_get_n_pages (maker);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);
  g_test_message ("made %u pages in %.1f s", n_pages, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_pages, >=, 500);

  start = g_get_monotonic_time ();
  report = import_path (path, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_test_message ("imported %u pages in %.2f s (%.1f ms a page)", n_pages, seconds, 1000 * seconds / n_pages);
  g_assert_cmpuint (tr_report_get_pages (report), ==, n_pages);
  check_sections ("500 pages", expected, report);
}

void
add_libreoffice_tests (void)
{
  g_test_add_func ("/import/libreoffice/html", test_libreoffice_html);
  g_test_add_func ("/import/libreoffice/two-columns", test_libreoffice_two_columns);
  g_test_add_func ("/import/libreoffice/two-column-table", test_libreoffice_two_column_table);
  g_test_add_func ("/import/libreoffice/odt-round-trip", test_odt_round_trip);
  g_test_add_func ("/import/size/500-pages", test_500_pages);
}
