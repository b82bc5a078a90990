/* tr-odt-styles.c: styles.xml, the layout of an exported report
 *
 * Every part of the layout is a named style a user can change in
 * LibreOffice (Format ▸ Styles): the content only says which style each
 * paragraph has. The page layouts and the outline numbering of the body
 * headings (壹、貳、參…) are here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-odt-private.h"

/* The body font size; the indents of the numbered levels are multiples of
 * it, so that 一、 or （一） hangs exactly in front of its text. */
#define EM 14
#define EM_TEXT "14pt"
#define TWO_EM_TEXT "28pt"  /* the first-line indent of a paragraph */

/* Where each level's marker starts and how wide its hanging indent is, in
 * points: a level's marker sits under the text of the level above. 一、
 * and （一） are exactly 2 and 3 ideographs wide; the Arabic markers vary
 * with the font (1. 1、 (1) （1）), so a tab follows them (see
 * tr-odt-content.c) and their indent leaves room for the widest. */
static const struct {
  const char *name;
  const char *display_name;
  const char *text_name;
  const char *text_display_name;
  int start;
  int hang;
} levels[] = {
  [TR_NUMBERING_CHINESE]               = { "TrItem1", "第一層項目（一、）",   "TrText1", "第一層內文", 0,      2 * EM },
  [TR_NUMBERING_PARENTHESIZED_CHINESE] = { "TrItem2", "第二層項目（（一））", "TrText2", "第二層內文", 2 * EM, 3 * EM },
  [TR_NUMBERING_ARABIC]                = { "TrItem3", "第三層項目（1.）",     "TrText3", "第三層內文", 5 * EM, 2 * EM },
  [TR_NUMBERING_PARENTHESIZED_ARABIC]  = { "TrItem4", "第四層項目（(1)）",    "TrText4", "第四層內文", 7 * EM, 3 * EM },
};

const char *
tr_odt_level_style (TrNumberingLevel level,
                    gboolean         item)
{
  if (level == TR_NUMBERING_NONE || level >= G_N_ELEMENTS (levels))
    return "TrBody";
  return item ? levels[level].name : levels[level].text_name;
}

static void
start_style (TrOdtXml   *xml,
             const char *family,
             const char *name,
             const char *display_name,
             const char *parent)
{
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", name);
  if (display_name != NULL)
    tr_odt_xml_attr (xml, "style:display-name", display_name);
  tr_odt_xml_attr (xml, "style:family", family);
  if (parent != NULL)
    tr_odt_xml_attr (xml, "style:parent-style-name", parent);
}

/* Both the Latin and the CJK size: a style that set one would leave
 * Chinese text at the default size. */
static void
text_properties (TrOdtXml *xml,
                 int       size,
                 gboolean  bold)
{
  g_autofree char *size_text = g_strdup_printf ("%dpt", size);

  tr_odt_xml_start (xml, "style:text-properties");
  tr_odt_xml_attr (xml, "fo:font-size", size_text);
  tr_odt_xml_attr (xml, "style:font-size-asian", size_text);
  tr_odt_xml_attr (xml, "style:font-size-complex", size_text);
  if (bold)
    {
      tr_odt_xml_attr (xml, "fo:font-weight", "bold");
      tr_odt_xml_attr (xml, "style:font-weight-asian", "bold");
      tr_odt_xml_attr (xml, "style:font-weight-complex", "bold");
    }
  tr_odt_xml_end (xml);
}

static void
write_font_faces (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "office:font-face-decls");
  /* A CSS list: LibreOffice takes the first family that is installed. */
  tr_odt_xml_empty (xml, "style:font-face",
                    "style:name", "標楷體",
                    "svg:font-family", "標楷體, 'AR PL UKai TW', 'Noto Serif CJK TC'",
                    "style:font-family-generic", "roman",
                    "style:font-pitch", "variable",
                    NULL);
  tr_odt_xml_empty (xml, "style:font-face",
                    "style:name", "Times New Roman",
                    "svg:font-family", "'Times New Roman', 'Liberation Serif'",
                    "style:font-family-generic", "roman",
                    "style:font-pitch", "variable",
                    NULL);
  tr_odt_xml_end (xml);
}

static void
write_default_style (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "style:default-style");
  tr_odt_xml_attr (xml, "style:family", "paragraph");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "style:writing-mode", "lr-tb",
                    "style:line-break", "strict",
                    /* LibreOffice drops a hanging comma at the end of a justified
                     * line from the PDF it makes: keep punctuation inside. */
                    "style:punctuation-wrap", "simple",
                    NULL);
  tr_odt_xml_empty (xml, "style:text-properties",
                    "style:font-name", "Times New Roman",
                    "fo:font-size", EM_TEXT,
                    "fo:language", "en",
                    "fo:country", "US",
                    "style:font-name-asian", "標楷體",
                    "style:font-size-asian", EM_TEXT,
                    "style:language-asian", "zh",
                    "style:country-asian", "TW",
                    "style:font-name-complex", "Times New Roman",
                    "style:font-size-complex", EM_TEXT,
                    NULL);
  tr_odt_xml_end (xml);
}

static void
write_body_styles (TrOdtXml *xml)
{
  start_style (xml, "paragraph", "Standard", NULL, NULL);
  tr_odt_xml_attr (xml, "style:class", "text");
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "TrBody", "本文", "Standard");
  tr_odt_xml_attr (xml, "style:class", "text");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:line-height", "150%",
                    "fo:text-align", "justify",
                    "fo:text-indent", TWO_EM_TEXT,
                    "fo:margin-top", "0pt",
                    "fo:margin-bottom", "0pt",
                    NULL);
  tr_odt_xml_end (xml);

  for (guint i = TR_NUMBERING_CHINESE; i < G_N_ELEMENTS (levels); i++)
    {
      int margin = levels[i].start + levels[i].hang;

      /* A numbered line hangs its marker in front of the text… */
      start_style (xml, "paragraph", levels[i].name, levels[i].display_name, "TrBody");
      tr_odt_xml_attr (xml, "style:class", "list");
      tr_odt_xml_attr (xml, "style:next-style-name", levels[i].text_name);
      tr_odt_xml_start (xml, "style:paragraph-properties");
      tr_odt_xml_attr_printf (xml, "fo:margin-left", "%dpt", margin);
      tr_odt_xml_attr_printf (xml, "fo:text-indent", "%dpt", -levels[i].hang);
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);

      /* …and the paragraphs under it line up with that text. */
      start_style (xml, "paragraph", levels[i].text_name, levels[i].text_display_name, "TrBody");
      tr_odt_xml_attr (xml, "style:class", "text");
      tr_odt_xml_start (xml, "style:paragraph-properties");
      tr_odt_xml_attr_printf (xml, "fo:margin-left", "%dpt", margin);
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
    }

  /* Level 1 is numbered by the outline style below, not by its text. */
  start_style (xml, "paragraph", "Heading_20_1", "Heading 1", "Standard");
  tr_odt_xml_attr (xml, "style:class", "text");
  tr_odt_xml_attr (xml, "style:next-style-name", "TrBody");
  tr_odt_xml_attr (xml, "style:default-outline-level", "1");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:line-height", "150%",
                    "fo:margin-top", EM_TEXT,
                    "fo:margin-bottom", "6pt",
                    "fo:keep-with-next", "always",
                    NULL);
  text_properties (xml, 16, TRUE);
  tr_odt_xml_end (xml);
}

static void
write_front_styles (TrOdtXml *xml)
{
  /* The cover has a page style of its own: no page number. */
  start_style (xml, "paragraph", "TrCoverCategory", "封面出國類別", "Standard");
  tr_odt_xml_attr (xml, "style:master-page-name", "TrCover");
  tr_odt_xml_attr (xml, "style:next-style-name", "TrCoverTitle");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    "fo:margin-top", "1cm",
                    "fo:margin-bottom", "0cm",
                    NULL);
  text_properties (xml, 20, TRUE);
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "TrCoverTitle", "封面報告名稱", "Standard");
  tr_odt_xml_attr (xml, "style:next-style-name", "TrCoverInfo");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    "fo:line-height", "130%",
                    "fo:margin-top", "4cm",
                    "fo:margin-bottom", "5cm",
                    NULL);
  text_properties (xml, 26, TRUE);
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "TrCoverInfo", "封面資料", "Standard");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:line-height", "200%",
                    "fo:margin-left", "3cm",
                    NULL);
  text_properties (xml, 16, FALSE);
  tr_odt_xml_end (xml);

  /* Back to the numbered page style: this starts page 2. */
  start_style (xml, "paragraph", "TrFormTitle", "提要標題", "Standard");
  tr_odt_xml_attr (xml, "style:master-page-name", "Standard");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    "fo:margin-bottom", "12pt",
                    "fo:keep-with-next", "always",
                    NULL);
  text_properties (xml, 16, TRUE);
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "TrFormLabel", "提要欄名", "Standard");
  tr_odt_xml_attr (xml, "style:class", "extra");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    "fo:line-height", "120%",
                    NULL);
  text_properties (xml, 12, FALSE);
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "TrFormText", "提要內容", "Standard");
  tr_odt_xml_attr (xml, "style:class", "extra");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "start",
                    "fo:line-height", "120%",
                    NULL);
  text_properties (xml, 12, FALSE);
  tr_odt_xml_end (xml);

  /* 摘要 and, through its parent, 目次: each on a page of its own. */
  start_style (xml, "paragraph", "TrPartTitle", "篇名", "Standard");
  tr_odt_xml_attr (xml, "style:next-style-name", "TrBody");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    "fo:break-before", "page",
                    "fo:margin-bottom", "12pt",
                    "fo:keep-with-next", "always",
                    NULL);
  text_properties (xml, 18, TRUE);
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "Contents_20_Heading", "Contents Heading", "TrPartTitle");
  tr_odt_xml_attr (xml, "style:class", "index");
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "Contents_20_1", "Contents 1", "Standard");
  tr_odt_xml_attr (xml, "style:class", "index");
  tr_odt_xml_start (xml, "style:paragraph-properties");
  tr_odt_xml_attr (xml, "fo:line-height", "150%");
  tr_odt_xml_start (xml, "style:tab-stops");
  /* The right edge of the 16 cm text area, with dot leaders. */
  tr_odt_xml_empty (xml, "style:tab-stop",
                    "style:position", "16cm",
                    "style:type", "right",
                    "style:leader-style", "dotted",
                    "style:leader-text", ".",
                    NULL);
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);

  /* The entries link to their headings without looking like web links. */
  start_style (xml, "text", "Index_20_Link", "Index Link", NULL);
  tr_odt_xml_end (xml);

  start_style (xml, "paragraph", "Footer", "Footer", "Standard");
  tr_odt_xml_attr (xml, "style:class", "extra");
  tr_odt_xml_empty (xml, "style:paragraph-properties",
                    "fo:text-align", "center",
                    NULL);
  text_properties (xml, 12, FALSE);
  tr_odt_xml_end (xml);
}

/* 壹、貳、參… on the level-1 headings, with nothing between the number and
 * the heading text; the deeper levels are not numbered. */
static void
write_outline_style (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "text:outline-style");
  tr_odt_xml_attr (xml, "style:name", "Outline");
  for (guint level = 1; level <= 10; level++)
    {
      tr_odt_xml_start (xml, "text:outline-level-style");
      tr_odt_xml_attr_printf (xml, "text:level", "%u", level);
      /* LibreOffice's name for “Chinese legal, traditional”. */
      tr_odt_xml_attr (xml, "style:num-format", level == 1 ? "壹, 貳, 參, ..." : "");
      if (level == 1)
        tr_odt_xml_attr (xml, "style:num-suffix", "、");
      tr_odt_xml_start (xml, "style:list-level-properties");
      tr_odt_xml_attr (xml, "text:list-level-position-and-space-mode", "label-alignment");
      tr_odt_xml_empty (xml, "style:list-level-label-alignment",
                        "text:label-followed-by", "nothing",
                        "fo:text-indent", "0cm",
                        "fo:margin-left", "0cm",
                        NULL);
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
    }
  tr_odt_xml_end (xml);
}

/* The body area is 2.5 cm from every edge. On numbered pages the footer
 * lives in the bottom margin: 1.5 cm of page margin, then 0.4 cm of gap and
 * at least 0.6 cm of footer make the 2.5 cm. */
static void
write_page_layouts (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "style:page-layout");
  tr_odt_xml_attr (xml, "style:name", "TrPageLayout");
  tr_odt_xml_empty (xml, "style:page-layout-properties",
                    "fo:page-width", "21cm",
                    "fo:page-height", "29.7cm",
                    "style:print-orientation", "portrait",
                    "style:num-format", "1",
                    "fo:margin-top", "2.5cm",
                    "fo:margin-bottom", "1.5cm",
                    "fo:margin-left", "2.5cm",
                    "fo:margin-right", "2.5cm",
                    "style:writing-mode", "lr-tb",
                    NULL);
  tr_odt_xml_start (xml, "style:footer-style");
  tr_odt_xml_empty (xml, "style:header-footer-properties",
                    "fo:min-height", "0.6cm",
                    "fo:margin-top", "0.4cm",
                    NULL);
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "style:page-layout");
  tr_odt_xml_attr (xml, "style:name", "TrCoverLayout");
  tr_odt_xml_empty (xml, "style:page-layout-properties",
                    "fo:page-width", "21cm",
                    "fo:page-height", "29.7cm",
                    "style:print-orientation", "portrait",
                    "style:num-format", "1",
                    "fo:margin-top", "2.5cm",
                    "fo:margin-bottom", "2.5cm",
                    "fo:margin-left", "2.5cm",
                    "fo:margin-right", "2.5cm",
                    "style:writing-mode", "lr-tb",
                    NULL);
  tr_odt_xml_end (xml);
}

static void
write_master_pages (TrOdtXml *xml)
{
  tr_odt_xml_start (xml, "office:master-styles");

  tr_odt_xml_start (xml, "style:master-page");
  tr_odt_xml_attr (xml, "style:name", "Standard");
  tr_odt_xml_attr (xml, "style:page-layout-name", "TrPageLayout");
  tr_odt_xml_start (xml, "style:footer");
  tr_odt_xml_start (xml, "text:p");
  tr_odt_xml_attr (xml, "text:style-name", "Footer");
  tr_odt_xml_start (xml, "text:page-number");
  tr_odt_xml_attr (xml, "text:select-page", "current");
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);

  tr_odt_xml_start (xml, "style:master-page");
  tr_odt_xml_attr (xml, "style:name", "TrCover");
  tr_odt_xml_attr (xml, "style:display-name", "封面");
  tr_odt_xml_attr (xml, "style:page-layout-name", "TrCoverLayout");
  tr_odt_xml_attr (xml, "style:next-style-name", "Standard");
  tr_odt_xml_end (xml);

  tr_odt_xml_end (xml);
}

GBytes *
tr_odt_build_styles (GError **error)
{
  TrOdtXml xml;

  tr_odt_xml_init (&xml);
  tr_odt_xml_start_root (&xml, "office:document-styles",
                         TR_ODT_NS_OFFICE | TR_ODT_NS_STYLE | TR_ODT_NS_TEXT |
                         TR_ODT_NS_FO | TR_ODT_NS_SVG);
  write_font_faces (&xml);

  tr_odt_xml_start (&xml, "office:styles");
  write_default_style (&xml);
  write_body_styles (&xml);
  write_front_styles (&xml);
  write_outline_style (&xml);
  tr_odt_write_photo_paragraph_styles (&xml);
  tr_odt_xml_end (&xml);

  tr_odt_xml_start (&xml, "office:automatic-styles");
  write_page_layouts (&xml);
  tr_odt_xml_end (&xml);

  write_master_pages (&xml);
  tr_odt_xml_end (&xml);

  return tr_odt_xml_finish (&xml, "styles.xml", error);
}
