/* tr-fidelity-office.c: a case as a Writer user and a pandoc user write it
 *
 * LibreOffice's HTML import and pandoc's HTML reader lay tables out their
 * own way; reports come from Writer documents and from Markdown. These are
 * the table cases as such documents: the FODT a Writer user saves (tables
 * with borders or none, the header row repeated on each page, columns as
 * wide as their content, figures set right, a 表 N： caption above), and
 * pandoc's Markdown with pipe tables. Only what the cases written so use
 * is written: a cover, headings, paragraphs, tables, the running header
 * and footer (Writer) and a footnote (Markdown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-fidelity-private.h"

#include <string.h>

/* A4 less the margins, in cm. */
#define TEXT_WIDTH_CM 16.6

static void
append_xml (GString    *out,
            const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* "4822", "17.7%": set right, as a figure. */
static gboolean
is_figure (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr (".,%+-", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Each column as wide as its longest cell, within bounds: a short date
 * column, a wide one of prose. */
static void
column_weights (TrTable *table,
                guint   *weights)
{
  for (guint c = 0; c < tr_table_get_n_columns (table); c++)
    {
      glong longest = 0;

      for (guint r = 0; r < tr_table_get_n_rows (table); r++)
        longest = MAX (longest, g_utf8_strlen (tr_table_get_cell (table, r, c), -1));
      weights[c] = CLAMP (longest, 4, 20);
    }
}

static gboolean
column_is_figures (TrTable *table,
                   guint    column)
{
  for (guint r = tr_table_get_has_header (table) ? 1 : 0; r < tr_table_get_n_rows (table); r++)
    if (!is_figure (tr_table_get_cell (table, r, column)))
      return FALSE;
  return TRUE;
}

/* FODT ------------------------------------------------------------------------ */

static const char fodt_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
  " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n"
  "<office:font-face-decls>\n"
  " <style:font-face style:name=\"Noto Serif CJK TC\" svg:font-family=\"'Noto Serif CJK TC'\"/>\n"
  " <style:font-face style:name=\"Noto Sans CJK TC\" svg:font-family=\"'Noto Sans CJK TC'\"/>\n"
  "</office:font-face-decls>\n"
  "<office:styles>\n"
  " <style:default-style style:family=\"paragraph\">\n"
  "  <style:text-properties style:font-name=\"Noto Serif CJK TC\" style:font-name-asian=\"Noto Serif CJK TC\""
  " fo:font-size=\"12pt\" style:font-size-asian=\"12pt\" fo:language=\"zh\" fo:country=\"TW\""
  " style:language-asian=\"zh\" style:country-asian=\"TW\"/>\n"
  " </style:default-style>\n"
  " <style:style style:name=\"Standard\" style:family=\"paragraph\">\n"
  "  <style:paragraph-properties fo:line-height=\"150%\" fo:margin-bottom=\"0.1cm\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\">\n"
  "  <style:paragraph-properties fo:text-indent=\"0.847cm\" fo:text-align=\"justify\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" style:default-outline-level=\"1\">\n"
  "  <style:paragraph-properties fo:margin-top=\"0.45cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>\n"
  "  <style:text-properties style:font-name=\"Noto Sans CJK TC\" style:font-name-asian=\"Noto Sans CJK TC\""
  " fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Cover\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">\n"
  "  <style:paragraph-properties fo:text-align=\"center\" fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.2cm\"/>\n"
  "  <style:text-properties fo:font-size=\"14pt\" style:font-size-asian=\"14pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Cover_20_Kind\" style:display-name=\"Cover Kind\" style:family=\"paragraph\""
  " style:parent-style-name=\"Cover\">\n"
  "  <style:paragraph-properties fo:margin-top=\"1.5cm\" fo:margin-bottom=\"1.5cm\"/>\n"
  "  <style:text-properties fo:font-size=\"20pt\" style:font-size-asian=\"20pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Cover\">\n"
  "  <style:paragraph-properties fo:margin-top=\"1.5cm\" fo:margin-bottom=\"3cm\"/>\n"
  "  <style:text-properties fo:font-size=\"26pt\" style:font-size-asian=\"26pt\" fo:font-weight=\"bold\""
  " style:font-weight-asian=\"bold\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\">\n"
  "  <style:paragraph-properties fo:line-height=\"115%\" fo:margin-bottom=\"0cm\"/>\n"
  "  <style:text-properties fo:font-size=\"11pt\" style:font-size-asian=\"11pt\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Contents\">\n"
  "  <style:paragraph-properties fo:text-align=\"center\"/>\n"
  "  <style:text-properties style:font-name=\"Noto Sans CJK TC\" style:font-name-asian=\"Noto Sans CJK TC\""
  " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Table\" style:family=\"paragraph\" style:parent-style-name=\"Standard\""
  " style:class=\"extra\">\n"
  "  <style:paragraph-properties fo:text-align=\"center\" fo:margin-top=\"0.2cm\" fo:keep-with-next=\"always\"/>\n"
  " </style:style>\n"
  " <style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">\n"
  "  <style:paragraph-properties fo:text-align=\"center\"/>\n"
  "  <style:text-properties fo:font-size=\"9pt\" style:font-size-asian=\"9pt\"/>\n"
  " </style:style>\n"
  "</office:styles>\n";

static void
append_fodt_automatic_styles (GString              *out,
                              const TrFidelityCase *fcase,
                              GPtrArray            *tables,
                              gboolean              ruled)
{
  g_autofree char *header = NULL;
  const char *before, *after;
  gboolean of_total;

  tr_fidelity_page_furniture (fcase, &header, &before, &after, &of_total);
  g_string_append (out,
                   "<office:automatic-styles>\n"
                   " <style:style style:name=\"NewPage\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\">\n"
                   "  <style:paragraph-properties fo:break-before=\"page\"/>\n"
                   " </style:style>\n"
                   " <style:style style:name=\"Figure\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">\n"
                   "  <style:paragraph-properties fo:text-align=\"end\"/>\n"
                   " </style:style>\n");
  /* Writer's default cell: 0.1 cm padding, and its borders when ruled. */
  g_string_append_printf (out,
                          " <style:style style:name=\"Cell\" style:family=\"table-cell\">\n"
                          "  <style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"%s\"/>\n"
                          " </style:style>\n",
                          ruled ? "0.5pt solid #000000" : "none");
  for (guint t = 0; t < tables->len; t++)
    {
      TrTable *table = g_ptr_array_index (tables, t);
      guint n_columns = tr_table_get_n_columns (table), weights[TR_TABLE_MAX_COLUMNS], sum = 0;

      column_weights (table, weights);
      for (guint c = 0; c < n_columns; c++)
        sum += weights[c];
      g_string_append_printf (out,
                              " <style:style style:name=\"Table%u\" style:family=\"table\">\n"
                              "  <style:table-properties style:width=\"%.2fcm\" table:align=\"margins\""
                              " fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.2cm\"/>\n"
                              " </style:style>\n",
                              t + 1, TEXT_WIDTH_CM);
      for (guint c = 0; c < n_columns; c++)
        g_string_append_printf (out,
                                " <style:style style:name=\"Table%u.%c\" style:family=\"table-column\">\n"
                                "  <style:table-column-properties style:column-width=\"%.2fcm\" style:rel-width=\"%u*\"/>\n"
                                " </style:style>\n",
                                t + 1, 'A' + c, TEXT_WIDTH_CM * weights[c] / sum, weights[c] * 1000);
    }
  g_string_append (out,
                   " <style:page-layout style:name=\"A4\">\n"
                   "  <style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
                   " fo:margin-top=\"2.5cm\" fo:margin-bottom=\"1.5cm\" fo:margin-left=\"2.2cm\" fo:margin-right=\"2.2cm\"/>\n"
                   "  <style:header-style><style:header-footer-properties fo:min-height=\"0.8cm\"/></style:header-style>\n"
                   "  <style:footer-style><style:header-footer-properties fo:min-height=\"1cm\"/></style:footer-style>\n"
                   " </style:page-layout>\n"
                   "</office:automatic-styles>\n"
                   "<office:master-styles>\n"
                   " <style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\">\n");
  if (header != NULL)
    {
      g_string_append (out, "  <style:header><text:p text:style-name=\"Footer\">");
      append_xml (out, header);
      g_string_append (out, "</text:p></style:header>\n");
    }
  g_string_append_printf (out,
                          "  <style:footer><text:p text:style-name=\"Footer\">%s<text:page-number text:select-page=\"current\"/>%s%s</text:p></style:footer>\n"
                          " </style:master-page>\n"
                          "</office:master-styles>\n",
                          before, after, of_total ? "<text:page-count/>" : "");
}

static void
append_fodt_lines (GString    *out,
                   const char *lines)
{
  g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<text:line-break/>");
      append_xml (out, parts[i]);
    }
}

static void
append_fodt_paragraph (GString    *out,
                       const char *style,
                       const char *text)
{
  g_string_append_printf (out, "<text:p text:style-name=\"%s\">", style);
  append_fodt_lines (out, text);
  g_string_append (out, "</text:p>\n");
}

static void
append_fodt_row (GString *out,
                 TrTable *table,
                 guint    row,
                 gboolean header)
{
  g_string_append (out, "<table:table-row>");
  for (guint c = 0; c < tr_table_get_n_columns (table); c++)
    {
      const char *cell = tr_table_get_cell (table, row, c);
      const char *style = header ? "Table_20_Heading" :
                          column_is_figures (table, c) ? "Figure" : "Table_20_Contents";

      g_string_append (out, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">");
      append_fodt_paragraph (out, style, cell);
      g_string_append (out, "</table:table-cell>");
    }
  g_string_append (out, "</table:table-row>\n");
}

static void
append_fodt_table (GString *out,
                   TrTable *table,
                   guint    number)
{
  guint n_columns = tr_table_get_n_columns (table);
  gboolean header = tr_table_get_has_header (table);

  /* Writer's Insert Caption: the category, its number counted by a field. */
  if (tr_table_get_caption (table)[0] != '\0')
    {
      g_string_append_printf (out,
                              "<text:p text:style-name=\"Table\">表 <text:sequence text:ref-name=\"refTable%u\""
                              " text:name=\"Table\" text:formula=\"ooow:Table+1\" style:num-format=\"1\">%u</text:sequence>：",
                              number - 1, number);
      append_xml (out, tr_table_get_caption (table));
      g_string_append (out, "</text:p>\n");
    }
  g_string_append_printf (out, "<table:table table:name=\"Table%u\" table:style-name=\"Table%u\">\n", number, number);
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (out, "<table:table-column table:style-name=\"Table%u.%c\"/>\n", number, 'A' + c);
  for (guint r = 0; r < tr_table_get_n_rows (table); r++)
    {
      if (r == 0 && header)
        g_string_append (out, "<table:table-header-rows>\n");
      append_fodt_row (out, table, r, r == 0 && header);
      if (r == 0 && header)
        g_string_append (out, "</table:table-header-rows>\n");
    }
  g_string_append (out, "</table:table>\n");
}

/* The cover as the web page has it: the kind, the title over several
 * lines, the fields. */
static void
append_cover_lines (const TrFidelityCase *fcase,
                    void (*append) (GString *, const char *, const char *),
                    GString              *out)
{
  const TrFidelityTrip *trip = tr_fidelity_trip_of (fcase);
  g_auto(GStrv) title_lines = g_strsplit (trip->title, "|", -1);
  g_autofree char *title = g_strjoinv ("\n", title_lines);
  g_auto(GStrv) fields = tr_fidelity_cover_fields (fcase);

  if (fcase->cover == TR_FIDELITY_COVER_KIND_ABOVE)
    {
      g_autofree char *kind = g_strdup_printf ("出國報告（出國類別：%s）", trip->category);

      append (out, "Cover_20_Kind", kind);
    }
  append (out, "Title", title);
  if (fcase->cover == TR_FIDELITY_COVER_KIND_BELOW)
    append (out, "Cover_20_Kind", "出國報告");
  for (guint i = 0; fields[i] != NULL; i++)
    append (out, "Cover", fields[i]);
}

static void
collect_tables (TrReport  *expected,
                GPtrArray *tables)
{
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      TrBody *body = tr_report_get_body (expected, TR_FIELD_FROM_SECTION (s));

      for (guint t = 0; t < tr_body_get_n_tables (body); t++)
        g_ptr_array_add (tables, tr_body_get_table (body, t));
    }
}

char *
tr_fidelity_make_fodt (const TrFidelityCase *fcase,
                       TrReport             *expected)
{
  GString *out = g_string_new (fodt_head);
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  gboolean cover = fcase->cover != TR_FIDELITY_COVER_NONE;
  guint n_tables = 0;

  collect_tables (expected, tables);
  append_fodt_automatic_styles (out, fcase, tables, fcase->tables == TR_FIDELITY_TABLES_RULED);
  g_string_append (out, "<office:body><office:text>\n"
                        "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" text:name=\"Table\"/></text:sequence-decls>\n");
  if (cover)
    append_cover_lines (fcase, append_fodt_paragraph, out);
  for (guint part = 0; part <= TR_N_SECTIONS; part++)
    {
      g_autofree char *heading = tr_fidelity_heading_text (fcase, part);

      g_string_append_printf (out, "<text:h text:style-name=\"%s\" text:outline-level=\"1\">",
                              part == 0 && cover ? "NewPage" : "Heading_20_1");
      append_fodt_lines (out, heading);
      g_string_append (out, "</text:h>\n");
      if (part == TR_N_SECTIONS)
        {
          append_fodt_paragraph (out, "Text_20_body", "附件一：會議議程");
          break;
        }
      {
        TrBody *body = tr_report_get_body (expected, TR_FIELD_FROM_SECTION (part));

        for (guint i = 0; i <= tr_body_get_n_tables (body); i++)
          {
            g_auto(GStrv) paragraphs = g_strsplit (tr_body_get_text_run (body, i), "\n", -1);

            for (guint p = 0; paragraphs[p] != NULL; p++)
              if (paragraphs[p][0] != '\0')
                append_fodt_paragraph (out, "Text_20_body", paragraphs[p]);
            if (i < tr_body_get_n_tables (body))
              append_fodt_table (out, tr_body_get_table (body, i), ++n_tables);
          }
      }
    }
  g_string_append (out, "</office:text></office:body>\n</office:document>\n");
  return g_string_free (out, FALSE);
}

/* Markdown --------------------------------------------------------------------- */

/* Text that Markdown reads as text: its punctuation escaped. */
static void
append_markdown_text (GString    *out,
                      const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_{}[]<>#+-!|$%^~\"", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* A paragraph; its lines kept apart by hard line breaks. */
static void
append_markdown_paragraph (GString    *out,
                           const char *style,
                           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  (void) style;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "\\\n");
      append_markdown_text (out, lines[i]);
    }
  g_string_append (out, "\n\n");
}

/* A pipe table, its caption above it; the dashes give pandoc the
 * columns' widths when a cell is longer than a line. */
static void
append_markdown_table (GString *out,
                       TrTable *table,
                       guint    number)
{
  guint n_columns = tr_table_get_n_columns (table), weights[TR_TABLE_MAX_COLUMNS];

  column_weights (table, weights);
  if (tr_table_get_caption (table)[0] != '\0')
    {
      g_string_append_printf (out, "Table: 表%u：", number);
      append_markdown_text (out, tr_table_get_caption (table));
      g_string_append (out, "\n\n");
    }
  for (guint r = 0; r < tr_table_get_n_rows (table); r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (out, "| ");
          append_markdown_text (out, tr_table_get_cell (table, r, c));
          g_string_append_c (out, ' ');
        }
      g_string_append (out, "|\n");
      if (r == 0)
        {
          for (guint c = 0; c < n_columns; c++)
            {
              gboolean right = column_is_figures (table, c);

              g_string_append (out, "|");
              for (guint i = 0; i < weights[c]; i++)
                g_string_append_c (out, '-');
              g_string_append (out, right ? ":" : "-");
            }
          g_string_append (out, "|\n");
        }
    }
  g_string_append_c (out, '\n');
}

char *
tr_fidelity_make_markdown (const TrFidelityCase *fcase,
                           TrReport             *expected)
{
  GString *out = g_string_new (NULL);
  guint n_tables = 0;

  if (fcase->cover != TR_FIDELITY_COVER_NONE)
    append_cover_lines (fcase, append_markdown_paragraph, out);
  for (guint part = 0; part <= TR_N_SECTIONS; part++)
    {
      g_autofree char *heading = tr_fidelity_heading_text (fcase, part);

      /* An ATX heading is one line. */
      g_strdelimit (heading, "\n", ' ');
      g_string_append (out, "# ");
      append_markdown_text (out, heading);
      g_string_append (out, "\n\n");
      if (part == TR_N_SECTIONS)
        {
          append_markdown_paragraph (out, NULL, "附件一：會議議程");
          break;
        }
      {
        TrBody *body = tr_report_get_body (expected, TR_FIELD_FROM_SECTION (part));
        gboolean noted = fcase->footnotes && part == TR_SECTION_PROCESS;

        for (guint i = 0; i <= tr_body_get_n_tables (body); i++)
          {
            g_auto(GStrv) paragraphs = g_strsplit (tr_body_get_text_run (body, i), "\n", -1);

            for (guint p = 0; paragraphs[p] != NULL; p++)
              {
                /* The note, which the expected text ends 過程 with, is
                 * marked in the second paragraph and written at the end. */
                if (noted && g_str_equal (paragraphs[p], tr_fidelity_footnote_text ()))
                  continue;
                if (paragraphs[p][0] == '\0')
                  continue;
                append_markdown_paragraph (out, NULL, paragraphs[p]);
                if (noted && p == 1)
                  {
                    /* The marker ends the paragraph, before its blank line. */
                    g_string_truncate (out, out->len - 2);
                    g_string_append (out, "[^1]\n\n");
                  }
              }
            if (i < tr_body_get_n_tables (body))
              append_markdown_table (out, tr_body_get_table (body, i), ++n_tables);
          }
      }
    }
  if (fcase->footnotes)
    {
      g_string_append (out, "[^1]: ");
      append_markdown_text (out, tr_fidelity_footnote_text ());
      g_string_append (out, "\n");
    }
  return g_string_free (out, FALSE);
}
