/* tr-fidelity-grid.c: a 提要 grid case of the corpus as a flat ODT, for LibreOffice
 *
 * The 提要 form as offices make it in a word processor: a ruled table whose
 * narrow first column holds the labels, set apart letter by letter
 * (full-width spaces or character spacing) and centred vertically beside
 * values of one or several lines; a long 內容摘要 splits its row over two
 * pages. The rest of the report is plain: cover, numbered headings,
 * paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-fidelity-grid.h"

#include <string.h>

static const char fodt_start[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
  " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
  "<office:font-face-decls>"
  "<style:font-face style:name=\"Serif\" svg:font-family=\"'Noto Serif CJK TC'\"/>"
  "<style:font-face style:name=\"Sans\" svg:font-family=\"'Noto Sans CJK TC'\"/>"
  "</office:font-face-decls>\n"
  "<office:styles>\n"
  "<style:default-style style:family=\"paragraph\"><style:text-properties style:font-name=\"Serif\""
  " style:font-name-asian=\"Serif\" fo:font-size=\"12pt\" style:font-size-asian=\"12pt\" fo:language=\"zh\""
  " fo:country=\"TW\" style:language-asian=\"zh\" style:country-asian=\"TW\"/></style:default-style>\n"
  "</office:styles>\n"
  "<office:automatic-styles>\n"
  "<style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
  " fo:margin-top=\"2.5cm\" fo:margin-bottom=\"2.5cm\" fo:margin-left=\"2.2cm\" fo:margin-right=\"2.2cm\"/></style:page-layout>\n"
  "<style:style style:name=\"Body\" style:family=\"paragraph\">"
  "<style:paragraph-properties fo:text-indent=\"24pt\" fo:text-align=\"justify\" fo:margin-bottom=\"4pt\" fo:line-height=\"150%\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Heading\" style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-top=\"12pt\" fo:margin-bottom=\"6pt\" fo:keep-with-next=\"always\"/>"
  "<style:text-properties fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" fo:font-weight=\"bold\""
  " style:font-weight-asian=\"bold\" style:font-name-asian=\"Sans\"/></style:style>\n"
  "<style:style style:name=\"NewPage\" style:family=\"paragraph\" style:parent-style-name=\"Heading\">"
  "<style:paragraph-properties fo:break-before=\"page\"/></style:style>\n"
  "<style:style style:name=\"Kind\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\""
  " fo:margin-top=\"1cm\" fo:margin-bottom=\"1cm\"/><style:text-properties fo:font-size=\"20pt\" style:font-size-asian=\"20pt\"/></style:style>\n"
  "<style:style style:name=\"Title\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\""
  " fo:margin-top=\"1.5cm\" fo:margin-bottom=\"3cm\"/><style:text-properties fo:font-size=\"26pt\" style:font-size-asian=\"26pt\""
  " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"/></style:style>\n"
  "<style:style style:name=\"Field\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\""
  " fo:margin-bottom=\"0.2cm\"/><style:text-properties fo:font-size=\"14pt\" style:font-size-asian=\"14pt\"/></style:style>\n"
  "<style:style style:name=\"FormTitle\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\""
  " fo:margin-bottom=\"0.4cm\" fo:break-before=\"page\"/><style:text-properties fo:font-size=\"16pt\" style:font-size-asian=\"16pt\""
  " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-name-asian=\"Sans\"/></style:style>\n"
  "<style:style style:name=\"Label\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"center\"/></style:style>\n"
  "<style:style style:name=\"Value\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"start\"/></style:style>\n"
  "<style:style style:name=\"Summary\" style:family=\"paragraph\"><style:paragraph-properties fo:text-align=\"justify\""
  " fo:text-indent=\"24pt\"/></style:style>\n"
  /* Labels of two, three and four characters spread to one width. */
  "<style:style style:name=\"Spread2\" style:family=\"text\"><style:text-properties fo:letter-spacing=\"1.1cm\"/></style:style>\n"
  "<style:style style:name=\"Spread3\" style:family=\"text\"><style:text-properties fo:letter-spacing=\"0.42cm\"/></style:style>\n"
  "<style:style style:name=\"Spread4\" style:family=\"text\"><style:text-properties fo:letter-spacing=\"0.28cm\"/></style:style>\n"
  "<style:style style:name=\"Form\" style:family=\"table\"><style:table-properties style:width=\"16.6cm\" table:align=\"center\"/></style:style>\n"
  /* A first column as wide as the longest label, or narrower: then the
   * long labels wrap. */
  "<style:style style:name=\"LabelColumn\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"3.8cm\"/></style:style>\n"
  "<style:style style:name=\"ValueColumn\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"3.2cm\"/></style:style>\n"
  "<style:style style:name=\"NarrowLabelColumn\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"2.6cm\"/></style:style>\n"
  "<style:style style:name=\"WideValueColumn\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"3.5cm\"/></style:style>\n"
  "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"auto\"/></style:style>\n"
  "<style:style style:name=\"LabelCell\" style:family=\"table-cell\"><style:table-cell-properties"
  " style:vertical-align=\"middle\" fo:padding=\"0.19cm\" fo:border=\"0.5pt solid #000000\"/></style:style>\n"
  "<style:style style:name=\"ValueCell\" style:family=\"table-cell\"><style:table-cell-properties"
  " style:vertical-align=\"middle\" fo:padding=\"0.19cm\" fo:border=\"0.5pt solid #000000\"/></style:style>\n"
  "</office:automatic-styles>\n"
  "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles>\n"
  "<office:body><office:text>\n";

static void
append_escaped (GString    *xml,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (xml, escaped);
}

static void
append_paragraph (GString    *xml,
                  const char *style,
                  const char *text)
{
  g_string_append_printf (xml, "<text:p text:style-name=\"%s\">", style);
  append_escaped (xml, text);
  g_string_append (xml, "</text:p>\n");
}

/* A label as the grid style sets it. Offices pad the short ones to the
 * width of a long one: 計　畫　名　稱, 頁　　數, or the characters spread
 * by the font's spacing; the long ones fill their line. In a narrow
 * column (a long summary beside it) labels are as typed, and the long
 * ones wrap. */
static void
append_label_cell (GString              *xml,
                   const TrFidelityCase *fcase,
                   const char           *label,
                   guint                 rows_spanned)
{
  glong length = g_utf8_strlen (label, -1);

  g_string_append (xml, "<table:table-cell table:style-name=\"LabelCell\" office:value-type=\"string\"");
  if (rows_spanned > 1)
    g_string_append_printf (xml, " table:number-rows-spanned=\"%u\"", rows_spanned);
  g_string_append (xml, "><text:p text:style-name=\"Label\">");
  if (length > 4 || fcase->grid == TR_FIDELITY_GRID_LONG_SUMMARY)
    append_escaped (xml, label);
  else if (fcase->grid == TR_FIDELITY_GRID_LETTER_SPACED)
    {
      g_string_append_printf (xml, "<text:span text:style-name=\"Spread%ld\">", length);
      append_escaped (xml, label);
      g_string_append (xml, "</text:span>");
    }
  else
    {
      const char *space = length == 2 ? "\u3000\u3000\u3000" : "\u3000";

      for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
        {
          if (p != label)
            g_string_append (xml, space);
          g_string_append_len (xml, p, g_utf8_next_char (p) - p);
        }
    }
  g_string_append (xml, "</text:p></table:table-cell>");
}

/* A value cell spanning @columns, one paragraph per line of @text. */
static void
append_value_cell_styled (GString    *xml,
                          const char *text,
                          guint       columns,
                          const char *style)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  g_string_append (xml, "<table:table-cell table:style-name=\"ValueCell\" office:value-type=\"string\"");
  if (columns > 1)
    g_string_append_printf (xml, " table:number-columns-spanned=\"%u\"", columns);
  g_string_append (xml, ">");
  for (guint i = 0; paragraphs[i] != NULL; i++)
    append_paragraph (xml, style, paragraphs[i]);
  g_string_append (xml, "</table:table-cell>");
  for (guint i = 1; i < columns; i++)
    g_string_append (xml, "<table:covered-table-cell/>");
}

static void
append_value_cell (GString    *xml,
                   const char *text,
                   guint       columns)
{
  append_value_cell_styled (xml, text, columns, "Value");
}

static void
row_start (GString *xml)
{
  g_string_append (xml, "<table:table-row table:style-name=\"Row\">");
}

static void
row_end (GString *xml)
{
  g_string_append (xml, "</table:table-row>\n");
}

/* A row of a label and its value across the other four columns. */
static void
append_row (GString              *xml,
            const TrFidelityCase *fcase,
            const char           *label,
            const char           *value)
{
  row_start (xml);
  append_label_cell (xml, fcase, label, 1);
  append_value_cell (xml, value, 4);
  row_end (xml);
}

static void
append_form (GString                   *xml,
             const TrFidelityCase      *fcase,
             const TrFidelityGridWords *trip,
             TrReport                  *expected)
{
  g_autofree char *keywords = g_strjoinv ("、", (char **) tr_report_get_keywords (expected));
  g_autofree char *unit_title = g_strdup_printf ("%s／%s", trip->unit, trip->job_title);
  static const char * const categories[] = { "考察", "進修", "研究", "實習", "視察", "訪問", "開會", "談判", "其他" };
  g_autoptr(GString) category = g_string_new (NULL);
  g_auto(GStrv) title_parts = g_strsplit (trip->title, "|", -1);
  g_autofree char *title = g_strjoinv ("", title_parts);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    g_string_append_printf (category, "%s%s%s", i > 0 ? " " : "",
                            g_str_equal (categories[i], trip->category) ? "☑" : "☐", categories[i]);

  append_paragraph (xml, "FormTitle", "公務出國或赴大陸地區報告提要");
  g_string_append_printf (xml, "<table:table table:name=\"Form\" table:style-name=\"Form\">"
                               "<table:table-column table:style-name=\"%s\"/>"
                               "<table:table-column table:style-name=\"%s\" table:number-columns-repeated=\"4\"/>\n",
                          fcase->grid == TR_FIDELITY_GRID_LONG_SUMMARY ? "NarrowLabelColumn" : "LabelColumn",
                          fcase->grid == TR_FIDELITY_GRID_LONG_SUMMARY ? "WideValueColumn" : "ValueColumn");
  append_row (xml, fcase, "出國報告名稱", title);

  row_start (xml);
  append_label_cell (xml, fcase, "頁數", 1);
  append_value_cell (xml, "18", 1);
  append_label_cell (xml, fcase, "含附件", 1);
  append_value_cell (xml, "☐是 ☑否", 2);
  row_end (xml);

  append_row (xml, fcase, "出國計畫主辦機關", trip->agency);

  row_start (xml);
  append_label_cell (xml, fcase, "聯絡人", 1);
  append_value_cell (xml, trip->name, 1);
  append_label_cell (xml, fcase, "電話", 1);
  append_value_cell (xml, tr_report_get_text (expected, TR_FIELD_PHONE), 2);
  row_end (xml);

  row_start (xml);
  append_label_cell (xml, fcase, "出國人員", 2);
  append_value_cell (xml, "姓名", 1);
  append_value_cell (xml, "服務機關", 1);
  append_value_cell (xml, "單位／職稱", 1);
  append_value_cell (xml, "電話", 1);
  row_end (xml);
  row_start (xml);
  g_string_append (xml, "<table:covered-table-cell/>");
  append_value_cell (xml, trip->name, 1);
  append_value_cell (xml, trip->agency, 1);
  append_value_cell (xml, unit_title, 1);
  append_value_cell (xml, "04-2228-9111#11410", 1);
  row_end (xml);

  append_row (xml, fcase, "出國類別", category->str);

  row_start (xml);
  append_label_cell (xml, fcase, "出國期間", 1);
  append_value_cell (xml, trip->period, 2);
  append_label_cell (xml, fcase, "出國地區", 1);
  append_value_cell (xml, trip->destination, 1);
  row_end (xml);

  append_row (xml, fcase, "報告日期", trip->report_date);
  append_row (xml, fcase, "分類號/目", "H0/綜合規劃");
  append_row (xml, fcase, "關鍵詞", keywords);
  row_start (xml);
  append_label_cell (xml, fcase, "內容摘要", 1);
  append_value_cell_styled (xml, tr_report_get_text (expected, TR_FIELD_SUMMARY), 4, "Summary");
  row_end (xml);
  g_string_append (xml, "</table:table>\n");
}

static void
append_cover (GString                   *xml,
              const TrFidelityCase      *fcase,
              const TrFidelityGridWords *trip)
{
  g_auto(GStrv) title_lines = g_strsplit (trip->title, "|", -1);

  if (fcase->cover == TR_FIDELITY_COVER_KIND_ABOVE)
    {
      g_autofree char *kind = g_strdup_printf ("出國報告（出國類別：%s）", trip->category);

      append_paragraph (xml, "Kind", kind);
    }
  g_string_append (xml, "<text:p text:style-name=\"Title\">");
  for (guint i = 0; title_lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (xml, "<text:line-break/>");
      append_escaped (xml, title_lines[i]);
    }
  g_string_append (xml, "</text:p>\n");
  if (fcase->cover == TR_FIDELITY_COVER_KIND_BELOW)
    append_paragraph (xml, "Kind", "出國報告");

  {
    const char *fields[][2] = {
      { "服務機關", trip->agency }, { "單　　位", trip->unit }, { "職稱姓名", trip->person },
      { "派赴國家/地區", trip->destination }, { "出國期間", trip->period }, { "報告日期", trip->report_date },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *line = g_strdup_printf ("%s：%s", fields[i][0], fields[i][1]);

        append_paragraph (xml, "Field", line);
      }
  }
}

char *
tr_fidelity_make_grid_fodt (const TrFidelityCase      *fcase,
                            const TrFidelityGridWords *trip,
                            TrReport                  *expected)
{
  static const char * const headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議", "伍、附錄" };
  GString *xml = g_string_new (fodt_start);

  g_return_val_if_fail (fcase->headings == TR_FIDELITY_HEADINGS_NUMBERED, NULL);

  if (fcase->cover != TR_FIDELITY_COVER_NONE)
    append_cover (xml, fcase, trip);
  if (fcase->form)
    append_form (xml, fcase, trip, expected);

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_auto(GStrv) paragraphs = g_strsplit (tr_report_get_section (expected, s), "\n", -1);

      append_paragraph (xml, s == 0 ? "NewPage" : "Heading", headings[s]);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        append_paragraph (xml, "Body", paragraphs[i]);
    }
  append_paragraph (xml, "Heading", headings[4]);
  append_paragraph (xml, "Body", "附件一：會議議程");
  g_string_append (xml, "</office:text></office:body></office:document>\n");
  return g_string_free (xml, FALSE);
}
