/* tr-odt-styles.c: styles.xml, the layout of an exported report
 *
 * Every part of the layout is a named style a user can change in
 * LibreOffice (Format ▸ Styles): the content only says which style each
 * paragraph has. The values come from the table the PDF renderer sets its
 * text with (tr-doc-style.c); a style writes only what differs from its
 * parent, so that changing 本文 changes the levels under it too. The page
 * layouts and the outline numbering of the body headings (壹、貳、參…)
 * are here too.
 *
 * Every style names the Traditional Chinese face and the zh-TW language,
 * for Latin text too: LibreOffice and Word then never pick a Japanese or
 * Simplified Chinese face, whose glyphs differ for the same code points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "tr-odt-private.h"

/* The named paragraph styles, parents first. */
typedef struct {
  TrDocStyle  role;
  const char *name;
  const char *display_name;
  const char *parent;       /* NULL: Standard */
  const char *class;
  const char *next;
} NamedStyle;

#define STANDARD ((TrDocStyle) -1)

static const NamedStyle named_styles[] = {
  { TR_DOC_STYLE_BODY, "TrBody", "本文", NULL, "text", NULL },
  { TR_DOC_STYLE_ITEM_1, "TrItem1", "第一層項目（一、）", "TrBody", "list", "TrText1" },
  { TR_DOC_STYLE_TEXT_1, "TrText1", "第一層內文", "TrBody", "text", NULL },
  { TR_DOC_STYLE_ITEM_2, "TrItem2", "第二層項目（（一））", "TrBody", "list", "TrText2" },
  { TR_DOC_STYLE_TEXT_2, "TrText2", "第二層內文", "TrBody", "text", NULL },
  { TR_DOC_STYLE_ITEM_3, "TrItem3", "第三層項目（1.）", "TrBody", "list", "TrText3" },
  { TR_DOC_STYLE_TEXT_3, "TrText3", "第三層內文", "TrBody", "text", NULL },
  { TR_DOC_STYLE_ITEM_4, "TrItem4", "第四層項目（(1)）", "TrBody", "list", "TrText4" },
  { TR_DOC_STYLE_TEXT_4, "TrText4", "第四層內文", "TrBody", "text", NULL },
  /* Level 1 is numbered by the outline style below, not by its text. */
  { TR_DOC_STYLE_HEADING, "Heading_20_1", "Heading 1", NULL, "text", "TrBody" },
  { TR_DOC_STYLE_COVER_CATEGORY, "TrCoverCategory", "封面出國類別", NULL, NULL, "TrCoverTitle" },
  { TR_DOC_STYLE_COVER_TITLE, "TrCoverTitle", "封面報告名稱", NULL, NULL, "TrCoverInfo" },
  { TR_DOC_STYLE_COVER_INFO, "TrCoverInfo", "封面資料", NULL, NULL, NULL },
  { TR_DOC_STYLE_FORM_TITLE, "TrFormTitle", "提要標題", NULL, NULL, NULL },
  { TR_DOC_STYLE_FORM_LABEL, "TrFormLabel", "提要欄名", NULL, "extra", NULL },
  { TR_DOC_STYLE_FORM_TEXT, "TrFormText", "提要內容", NULL, "extra", NULL },
  { TR_DOC_STYLE_PART_TITLE, "TrPartTitle", "篇名", NULL, NULL, "TrBody" },
  { TR_DOC_STYLE_CONTENTS_TITLE, "Contents_20_Heading", "Contents Heading", "TrPartTitle", "index", NULL },
  { TR_DOC_STYLE_CONTENTS_ENTRY, "Contents_20_1", "Contents 1", NULL, "index", NULL },
  { TR_DOC_STYLE_FOOTER, "Footer", "Footer", NULL, "extra", NULL },
  { TR_DOC_STYLE_PHOTO, "TrPhotoImage", "照片", "TrBody", NULL, NULL },
  { TR_DOC_STYLE_PHOTO_CAPTION, "TrPhotoCaption", "照片說明", "TrBody", NULL, NULL },
  { TR_DOC_STYLE_TABLE_CAPTION, "TrTableCaption", "表格標題", NULL, NULL, NULL },
  { TR_DOC_STYLE_TABLE_HEADER, "TrTableHeader", "表格標頭", NULL, "extra", NULL },
  { TR_DOC_STYLE_TABLE_TEXT, "TrTableText", "表格內容", NULL, "extra", NULL },
};

/* The review form's styles, automatic ones of its content.xml. */
static const struct {
  TrDocStyle  role;
  const char *name;
} automatic_styles[] = {
  { TR_DOC_STYLE_REVIEW_TITLE, "TrReviewTitle" },
  { TR_DOC_STYLE_REVIEW_LABEL, "TrReviewLabel" },
  { TR_DOC_STYLE_REVIEW_TEXT, "TrReviewText" },
  { TR_DOC_STYLE_REVIEW_ITEM, "TrReviewItem" },
  { TR_DOC_STYLE_REVIEW_COLUMN, "TrReviewColumn" },
  { TR_DOC_STYLE_REVIEW_TICK, "TrReviewTick" },
  { TR_DOC_STYLE_REVIEW_OPTION, "TrReviewOption" },
};

/* What Standard and the default style give: what a style without a parent
 * among ours inherits. */
static const TrDocStyleInfo standard_info = { .size = TR_DOC_EM };

static const TrDocStyleInfo *
get_info (TrDocStyle role)
{
  return role == STANDARD ? &standard_info : tr_doc_style_get_info (role);
}

static TrDocStyle
role_of (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (named_styles); i++)
    if (g_str_equal (named_styles[i].name, name))
      return named_styles[i].role;
  return STANDARD;
}

const char *
tr_odt_style_name (TrDocStyle role)
{
  for (guint i = 0; i < G_N_ELEMENTS (named_styles); i++)
    if (named_styles[i].role == role)
      return named_styles[i].name;
  for (guint i = 0; i < G_N_ELEMENTS (automatic_styles); i++)
    if (automatic_styles[i].role == role)
      return automatic_styles[i].name;
  g_return_val_if_reached ("Standard");
}

/* Trims "28.000" to "28" and "0.150" to "0.15". */
static void
trim_zeros (char *number)
{
  char *end = number + strlen (number);

  if (strchr (number, '.') == NULL)
    return;
  while (end > number && end[-1] == '0')
    *--end = '\0';
  if (end > number && end[-1] == '.')
    *--end = '\0';
}

char *
tr_odt_format_length (double points)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double cm = points / TR_DOC_PT_PER_CM;

  /* As the layout gives them: points for sizes and indents set in
   * points (14pt, 10.5pt), centimetres for those set in centimetres. */
  if (fabs (points * 2 - round (points * 2)) < 1e-6)
    g_ascii_formatd (number, sizeof number, "%.1f", points);
  else if (fabs (cm * 100 - round (cm * 100)) < 1e-6)
    {
      g_ascii_formatd (number, sizeof number, "%.2f", cm);
      trim_zeros (number);
      return g_strconcat (number, "cm", NULL);
    }
  else
    g_ascii_formatd (number, sizeof number, "%.3f", points);
  trim_zeros (number);
  return g_strconcat (number, "pt", NULL);
}

static void
attr_length (TrOdtXml   *xml,
             const char *name,
             double      points)
{
  g_autofree char *length = tr_odt_format_length (points);

  tr_odt_xml_attr (xml, name, length);
}

static const char *
align_value (TrDocAlign align)
{
  switch (align)
    {
    case TR_DOC_ALIGN_CENTER:
      return "center";
    case TR_DOC_ALIGN_JUSTIFY:
      return "justify";
    case TR_DOC_ALIGN_START:
    default:
      return "start";
    }
}

static gboolean
differs (double a,
         double b)
{
  return fabs (a - b) > 1e-6;
}

/* The paragraph properties of @info where they differ from @parent's. */
static gboolean
paragraph_properties_differ (const TrDocStyleInfo *info,
                             const TrDocStyleInfo *parent)
{
  return info->align != parent->align || differs (info->line_height, parent->line_height) ||
         differs (info->margin_left, parent->margin_left) ||
         differs (info->text_indent, parent->text_indent) ||
         differs (info->space_before, parent->space_before) ||
         differs (info->space_after, parent->space_after) ||
         info->keep_with_next != parent->keep_with_next ||
         (info->break_before == TR_DOC_BREAK_PAGE && parent->break_before != TR_DOC_BREAK_PAGE);
}

static void
write_paragraph_properties (TrOdtXml             *xml,
                            const TrDocStyleInfo *info,
                            const TrDocStyleInfo *parent,
                            gboolean              contents_tabs)
{
  if (!contents_tabs && !paragraph_properties_differ (info, parent))
    return;
  tr_odt_xml_start (xml, "style:paragraph-properties");
  if (info->align != parent->align)
    tr_odt_xml_attr (xml, "fo:text-align", align_value (info->align));
  if (differs (info->line_height, parent->line_height))
    tr_odt_xml_attr_printf (xml, "fo:line-height", "%d%%",
                            (int) lround ((info->line_height > 0 ? info->line_height : 1.0) * 100));
  if (differs (info->margin_left, parent->margin_left))
    attr_length (xml, "fo:margin-left", info->margin_left);
  if (differs (info->text_indent, parent->text_indent))
    attr_length (xml, "fo:text-indent", info->text_indent);
  if (differs (info->space_before, parent->space_before))
    attr_length (xml, "fo:margin-top", info->space_before);
  if (differs (info->space_after, parent->space_after))
    attr_length (xml, "fo:margin-bottom", info->space_after);
  if (info->keep_with_next != parent->keep_with_next)
    tr_odt_xml_attr (xml, "fo:keep-with-next", info->keep_with_next ? "always" : "auto");
  if (info->break_before == TR_DOC_BREAK_PAGE && parent->break_before != TR_DOC_BREAK_PAGE)
    tr_odt_xml_attr (xml, "fo:break-before", "page");
  if (contents_tabs)
    {
      /* The right edge of the text area, with dot leaders. */
      tr_odt_xml_start (xml, "style:tab-stops");
      tr_odt_xml_start (xml, "style:tab-stop");
      attr_length (xml, "style:position", TR_DOC_TEXT_WIDTH);
      tr_odt_xml_attr (xml, "style:type", "right");
      tr_odt_xml_attr (xml, "style:leader-style", "dotted");
      tr_odt_xml_attr (xml, "style:leader-text", ".");
      tr_odt_xml_end (xml);
      tr_odt_xml_end (xml);
    }
  tr_odt_xml_end (xml);
}

/* The face and the language, then the size (both the Latin and the CJK
 * one: a style that set one would leave Chinese text at the default
 * size) and the weight where they differ from @parent's. */
static void
write_text_properties (TrOdtXml             *xml,
                       const char           *typeface,
                       const TrDocStyleInfo *info,
                       const TrDocStyleInfo *parent)
{
  tr_odt_xml_start (xml, "style:text-properties");
  tr_odt_xml_attr (xml, "style:font-name", typeface);
  tr_odt_xml_attr (xml, "style:font-name-asian", typeface);
  tr_odt_xml_attr (xml, "style:font-name-complex", typeface);
  tr_odt_xml_attr (xml, "fo:language", "zh");
  tr_odt_xml_attr (xml, "fo:country", "TW");
  tr_odt_xml_attr (xml, "style:language-asian", "zh");
  tr_odt_xml_attr (xml, "style:country-asian", "TW");
  if (differs (info->size, parent->size))
    {
      attr_length (xml, "fo:font-size", info->size);
      attr_length (xml, "style:font-size-asian", info->size);
      attr_length (xml, "style:font-size-complex", info->size);
    }
  if (info->bold != parent->bold)
    {
      const char *weight = info->bold ? "bold" : "normal";

      tr_odt_xml_attr (xml, "fo:font-weight", weight);
      tr_odt_xml_attr (xml, "style:font-weight-asian", weight);
      tr_odt_xml_attr (xml, "style:font-weight-complex", weight);
    }
  tr_odt_xml_end (xml);
}

static void
write_style_properties (TrOdtXml   *xml,
                        const char *typeface,
                        TrDocStyle  role,
                        TrDocStyle  parent)
{
  const TrDocStyleInfo *info = get_info (role);
  const TrDocStyleInfo *parent_info = get_info (parent);

  /* A page style change starts a page, and says which page style. */
  if (info->break_before == TR_DOC_BREAK_COVER_PAGE)
    tr_odt_xml_attr (xml, "style:master-page-name", "TrCover");
  else if (info->break_before == TR_DOC_BREAK_NUMBERED_PAGE)
    tr_odt_xml_attr (xml, "style:master-page-name", "Standard");
  write_paragraph_properties (xml, info, parent_info, role == TR_DOC_STYLE_CONTENTS_ENTRY);
  write_text_properties (xml, typeface, info, parent_info);
}

void
tr_odt_write_automatic_paragraph_styles (TrOdtXml   *xml,
                                         const char *typeface,
                                         const gboolean used[TR_DOC_N_STYLES])
{
  for (guint i = 0; i < G_N_ELEMENTS (automatic_styles); i++)
    {
      if (!used[automatic_styles[i].role])
        continue;
      tr_odt_xml_start (xml, "style:style");
      tr_odt_xml_attr (xml, "style:name", automatic_styles[i].name);
      tr_odt_xml_attr (xml, "style:family", "paragraph");
      tr_odt_xml_attr (xml, "style:parent-style-name", "Standard");
      write_style_properties (xml, typeface, automatic_styles[i].role, STANDARD);
      tr_odt_xml_end (xml);
    }
}

static char *
quote_family (const char *family)
{
  /* CSS: a family name with spaces is quoted. */
  if (strchr (family, ' ') == NULL)
    return g_strdup (family);
  return g_strdup_printf ("'%s'", family);
}

static void
write_font_faces (TrOdtXml   *xml,
                  const char *typeface)
{
  g_autofree char *family = quote_family (typeface);

  /* One face, the one that is installed: LibreOffice reads no list of
   * alternatives here, and for a missing face takes a Japanese one. */
  tr_odt_xml_start (xml, "office:font-face-decls");
  tr_odt_xml_empty (xml, "style:font-face",
                    "style:name", typeface,
                    "svg:font-family", family,
                    "style:font-family-generic", "roman",
                    "style:font-pitch", "variable",
                    NULL);
  tr_odt_xml_end (xml);
}

static void
write_default_style (TrOdtXml   *xml,
                     const char *typeface)
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
  tr_odt_xml_start (xml, "style:text-properties");
  tr_odt_xml_attr (xml, "style:font-name", typeface);
  tr_odt_xml_attr (xml, "fo:font-size", "14pt");
  tr_odt_xml_attr (xml, "fo:language", "zh");
  tr_odt_xml_attr (xml, "fo:country", "TW");
  tr_odt_xml_attr (xml, "style:font-name-asian", typeface);
  tr_odt_xml_attr (xml, "style:font-size-asian", "14pt");
  tr_odt_xml_attr (xml, "style:language-asian", "zh");
  tr_odt_xml_attr (xml, "style:country-asian", "TW");
  tr_odt_xml_attr (xml, "style:font-name-complex", typeface);
  tr_odt_xml_attr (xml, "style:font-size-complex", "14pt");
  tr_odt_xml_end (xml);
  tr_odt_xml_end (xml);
}

static void
write_named_styles (TrOdtXml   *xml,
                    const char *typeface)
{
  tr_odt_xml_start (xml, "style:style");
  tr_odt_xml_attr (xml, "style:name", "Standard");
  tr_odt_xml_attr (xml, "style:family", "paragraph");
  tr_odt_xml_attr (xml, "style:class", "text");
  write_text_properties (xml, typeface, &standard_info, &standard_info);
  tr_odt_xml_end (xml);

  for (guint i = 0; i < G_N_ELEMENTS (named_styles); i++)
    {
      const NamedStyle *style = &named_styles[i];

      tr_odt_xml_start (xml, "style:style");
      tr_odt_xml_attr (xml, "style:name", style->name);
      if (!g_str_equal (style->name, style->display_name))
        tr_odt_xml_attr (xml, "style:display-name", style->display_name);
      tr_odt_xml_attr (xml, "style:family", "paragraph");
      tr_odt_xml_attr (xml, "style:parent-style-name", style->parent != NULL ? style->parent : "Standard");
      if (style->class != NULL)
        tr_odt_xml_attr (xml, "style:class", style->class);
      if (style->next != NULL)
        tr_odt_xml_attr (xml, "style:next-style-name", style->next);
      if (style->role == TR_DOC_STYLE_HEADING)
        tr_odt_xml_attr (xml, "style:default-outline-level", "1");
      write_style_properties (xml, typeface, style->role, role_of (style->parent));
      tr_odt_xml_end (xml);
    }

  /* The entries link to their headings without looking like web links. */
  tr_odt_xml_empty (xml, "style:style",
                    "style:name", "Index_20_Link",
                    "style:display-name", "Index Link",
                    "style:family", "text",
                    NULL);
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

/* The body area is 2.5 cm from the top and the bottom, and as wide as
 * the PDF's, a whole number of ems (TR_DOC_TEXT_WIDTH), between the side
 * margins. On numbered pages the footer lives in the bottom margin: 1.5 cm
 * of page margin, then 0.4 cm of gap and at least 0.6 cm of footer make
 * the 2.5 cm. */
static void
write_page_layout (TrOdtXml   *xml,
                   const char *name,
                   gboolean    footer)
{
  g_autofree char *side = tr_odt_format_length (TR_DOC_MARGIN_SIDE);

  tr_odt_xml_start (xml, "style:page-layout");
  tr_odt_xml_attr (xml, "style:name", name);
  tr_odt_xml_empty (xml, "style:page-layout-properties",
                    "fo:page-width", "21cm",
                    "fo:page-height", "29.7cm",
                    "style:print-orientation", "portrait",
                    "style:num-format", "1",
                    "fo:margin-top", "2.5cm",
                    "fo:margin-bottom", footer ? "1.5cm" : "2.5cm",
                    "fo:margin-left", side,
                    "fo:margin-right", side,
                    "style:writing-mode", "lr-tb",
                    NULL);
  if (footer)
    {
      tr_odt_xml_start (xml, "style:footer-style");
      tr_odt_xml_empty (xml, "style:header-footer-properties",
                        "fo:min-height", "0.6cm",
                        "fo:margin-top", "0.4cm",
                        NULL);
      tr_odt_xml_end (xml);
    }
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
tr_odt_build_styles (TrDocument  *document,
                     GError     **error)
{
  TrOdtXml xml;

  tr_odt_xml_init (&xml);
  tr_odt_xml_start_root (&xml, "office:document-styles",
                         TR_ODT_NS_OFFICE | TR_ODT_NS_STYLE | TR_ODT_NS_TEXT |
                         TR_ODT_NS_FO | TR_ODT_NS_SVG);
  write_font_faces (&xml, document->typeface);

  tr_odt_xml_start (&xml, "office:styles");
  write_default_style (&xml, document->typeface);
  write_named_styles (&xml, document->typeface);
  write_outline_style (&xml);
  tr_odt_xml_end (&xml);

  tr_odt_xml_start (&xml, "office:automatic-styles");
  write_page_layout (&xml, "TrPageLayout", TRUE);
  write_page_layout (&xml, "TrCoverLayout", FALSE);
  tr_odt_xml_end (&xml);

  write_master_pages (&xml);
  tr_odt_xml_end (&xml);

  return tr_odt_xml_finish (&xml, "styles.xml", error);
}
