/* export-document.c: the ODT package and document, the review form, comments
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-export.h"

/* Tests: the faces ---------------------------------------------------------- */

/* One face is declared, a Traditional Chinese one, and every style that
 * sets text properties names it for Latin, CJK and complex text alike,
 * with the zh-TW language: LibreOffice and Word then never fall back to a
 * Japanese or Simplified Chinese face. */
static void
assert_traditional_chinese_styles (xmlDocPtr styles)
{
  g_auto(GStrv) faces = tr_test_xpath_strings (styles, "//style:font-face/@style:name");
  guint n_text = tr_test_xpath_count (styles, "//style:text-properties");

  g_assert_cmpuint (g_strv_length (faces), ==, 1);
  if (!tr_test_is_traditional_chinese_face (faces[0]))
    g_error ("The ODT names %s, not a Traditional Chinese face", faces[0]);
  g_assert_cmpuint (n_text, >, 20);
  for (guint i = 0; i < 3; i++)
    {
      const char *attribute = (const char *[]) { "style:font-name", "style:font-name-asian",
                                                 "style:font-name-complex" }[i];
      g_autofree char *expression = g_strdup_printf ("//style:text-properties[@%s='%s']",
                                                     attribute, faces[0]);

      g_assert_cmpuint (tr_test_xpath_count (styles, expression), ==, n_text);
    }
  g_assert_cmpuint (tr_test_xpath_count (styles, "//style:text-properties[@fo:language='zh' and @fo:country='TW' and "
                                         "@style:language-asian='zh' and @style:country-asian='TW']"),
                    ==, n_text);
}

/* Tests: the package ------------------------------------------------------ */

static guint
read_le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static void
test_package_layout (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = export_report (report, "layout.odt");
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  const guint8 *header;
  int zip_status = 0;
  zip_t *archive;
  g_autoptr(xmlDoc) manifest = NULL;
  g_auto(GStrv) listed = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  header = (const guint8 *) data;

  /* The first local file header: "mimetype", stored, no extra field, so
   * that the media type sits at byte 38 where tools look for it. */
  g_assert_cmpuint (length, >, 38 + strlen (MIMETYPE));
  g_assert_cmpmem (header, 4, "PK\003\004", 4);
  g_assert_cmpuint (read_le16 (header + 6) & 0x0009, ==, 0);  /* no encryption, no data descriptor */
  g_assert_cmpuint (read_le16 (header + 8), ==, 0);           /* method: stored */
  g_assert_cmpuint (read_le32 (header + 18), ==, strlen (MIMETYPE));
  g_assert_cmpuint (read_le32 (header + 22), ==, strlen (MIMETYPE));
  g_assert_cmpuint (read_le16 (header + 26), ==, strlen ("mimetype"));
  g_assert_cmpuint (read_le16 (header + 28), ==, 0);          /* extra field length */
  g_assert_cmpmem (header + 30, 8, "mimetype", 8);
  g_assert_cmpmem (header + 38, strlen (MIMETYPE), MIMETYPE, strlen (MIMETYPE));

  /* No entry carries extra fields, in either header. */
  archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
  g_assert_nonnull (archive);
  /* The five parts of ODF and TripReports/report.json, the report's JSON form. */
  g_assert_cmpint (zip_get_num_entries (archive, 0), ==, 6);
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    {
      g_assert_cmpint (zip_file_extra_fields_count (archive, i, ZIP_FL_LOCAL | ZIP_FL_CENTRAL), ==, 0);
      g_ptr_array_add (names, g_strdup (zip_get_name (archive, i, 0)));
    }
  zip_discard (archive);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "mimetype");

  /* The manifest lists the package and every part, nothing else: ODF
   * leaves out the mimetype and META-INF/ (the manifest itself). */
  manifest = tr_test_odt_parse_entry (path, "META-INF/manifest.xml");
  listed = tr_test_xpath_strings (manifest, "//manifest:file-entry/@manifest:full-path");
  g_assert_true (g_strv_contains ((const char * const *) listed, "/"));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "META-INF/manifest.xml", g_str_equal, NULL));
  g_assert_cmpuint (g_strv_length (listed), ==, 1 + names->len - 2);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (!g_str_equal (name, "mimetype") && !g_str_has_prefix (name, "META-INF/"))
        g_assert_true (g_strv_contains ((const char * const *) listed, name));
    }
  g_assert_cmpstr (xpath_string (manifest, "//manifest:file-entry[@manifest:full-path='/']/@manifest:media-type"),
                   ==, MIMETYPE);

  tr_test_odt_assert_valid (path);
}

/* Tests: the document ----------------------------------------------------- */

static void
test_document_structure (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = export_report (report, "structure.odt");
  g_autoptr(xmlDoc) content = tr_test_odt_parse_entry (path, "content.xml");
  g_autoptr(xmlDoc) styles = tr_test_odt_parse_entry (path, "styles.xml");
  g_autoptr(xmlDoc) meta = tr_test_odt_parse_entry (path, "meta.xml");
  g_auto(GStrv) headings = tr_test_xpath_strings (content, "//office:text/text:h[@text:outline-level='1']");
  g_auto(GStrv) bookmarks = tr_test_xpath_strings (content, "//text:h/text:bookmark-start/@text:name");
  g_auto(GStrv) toc_refs = tr_test_xpath_strings (content, "//text:index-body//text:bookmark-ref/@text:ref-name");
  g_auto(GStrv) toc_entries = tr_test_xpath_strings (content, "//text:index-body/text:p");
  g_auto(GStrv) keywords = tr_test_xpath_strings (meta, "//meta:keyword");
  g_auto(GStrv) automatic = NULL;
  g_auto(GStrv) used = NULL;
  const char * const expected_headings[] = { "目的", "過程", "心得", "建議", "附錄", NULL };
  const char * const expected_toc[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議", "伍、附錄", NULL };
  /* The numbered lines of 過程 and the styles they get. */
  const struct {
    const char *start;
    const char *style;
  } lines[] = {
    { "一、行程概要", "TrItem1" },
    { "本次行程", "TrText1" },
    { "（一）6月2日", "TrItem2" },
    { "搭機前往", "TrText2" },
    { "1.\t開幕式", "TrItem3" },
    { "(1)\t哥本哈根", "TrItem4" },
    { "二、參訪行程", "TrItem1" },
    { "參訪市區重建局", "TrText1" },
  };

  /* The body headings carry the words only: 壹、 comes from the outline
   * numbering of styles.xml. */
  g_assert_cmpstrv (headings, expected_headings);
  g_assert_cmpstr (xpath_string (styles, "//text:outline-style/text:outline-level-style[@text:level='1']/@style:num-format"),
                   ==, "壹, 貳, 參, ...");
  g_assert_cmpstr (xpath_string (styles, "//text:outline-style/text:outline-level-style[@text:level='1']/@style:num-suffix"),
                   ==, "、");
  g_assert_cmpstr (xpath_string (styles, "//style:style[@style:name='Heading_20_1']/@style:default-outline-level"),
                   ==, "1");
  g_assert_cmpstr (xpath_string (styles, "//style:style[@style:name='Heading_20_1']/style:text-properties/@style:font-weight-asian"),
                   ==, "bold");

  /* A real table of contents over those headings, already filled in, whose
   * page numbers point at the headings' bookmarks. */
  g_assert_cmpstr (xpath_string (content, "//text:table-of-content/text:table-of-content-source/@text:outline-level"),
                   ==, "1");
  g_assert_cmpstrv (toc_entries, expected_toc);
  g_assert_cmpstrv (toc_refs, bookmarks);
  g_assert_cmpuint (g_strv_length (bookmarks), ==, G_N_ELEMENTS (expected_headings) - 1);

  /* The numbered lines keep their text and get the style of their level,
   * Arabic markers with a tab to the hanging indent. */
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i].start, "\t", 2);
      g_autofree char *expression = NULL;
      g_auto(GStrv) found = NULL;

      if (parts[1] != NULL)
        /* The marker, a text:tab, then the text. */
        expression = g_strdup_printf ("//office:text/text:p[text()[1]='%s' and text:tab and "
                                      "starts-with(text()[2], '%s')]/@text:style-name",
                                      parts[0], parts[1]);
      else
        expression = g_strdup_printf ("//office:text/text:p[starts-with(., '%s')]/@text:style-name",
                                      parts[0]);
      found = tr_test_xpath_strings (content, expression);
      g_assert_cmpuint (g_strv_length (found), ==, 1);
      g_assert_cmpstr (found[0], ==, lines[i].style);
    }

  /* No direct formatting: the only automatic paragraph style is the page
   * break before the body, and every paragraph style used is a named one. */
  automatic = tr_test_xpath_strings (content, "//office:automatic-styles/style:style[@style:family='paragraph']"
                                      "/style:paragraph-properties/@*");
  g_assert_cmpuint (g_strv_length (automatic), ==, 1);
  g_assert_cmpstr (automatic[0], ==, "page");
  used = tr_test_xpath_strings (content, "//office:text//*[self::text:p or self::text:h]/@text:style-name");
  for (guint i = 0; used[i] != NULL; i++)
    {
      g_autofree char *expression =
        g_strdup_printf ("//office:styles/style:style[@style:family='paragraph' and @style:name='%s']",
                         g_str_equal (used[i], "TrHeadingNewPage") ? "Heading_20_1" : used[i]);
      g_auto(GStrv) found = tr_test_xpath_strings (styles, expression);

      g_assert_cmpuint (g_strv_length (found), ==, 1);
    }

  /* A4 portrait, the text 2.5 cm from the top and the bottom (the footer
   * sits in the bottom margin) and 32 ideographs of 14 pt wide, centred
   * (21 cm is 595.276 pt, less 448 pt, halved), one Traditional Chinese
   * face, 14 pt, 1.5 lines. */
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:page-width"), ==, "21cm");
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:page-height"), ==, "29.7cm");
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:margin-left"), ==, "73.638pt");
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:margin-right"), ==, "73.638pt");
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:margin-top"), ==, "2.5cm");
  assert_traditional_chinese_styles (styles);
  g_assert_cmpstr (xpath_string (styles, "//style:default-style[@style:family='paragraph']/style:text-properties/@style:font-size-asian"),
                   ==, "14pt");
  g_assert_cmpstr (xpath_string (styles, "//style:style[@style:name='TrBody']/style:paragraph-properties/@fo:line-height"),
                   ==, "150%");

  /* The cover has its own page style, without the footer's page number. */
  g_assert_cmpstr (xpath_string (content, "(//office:text/text:p)[1]/@text:style-name"), ==, "TrCoverCategory");
  g_assert_cmpstr (xpath_string (styles, "//style:style[@style:name='TrCoverCategory']/@style:master-page-name"), ==, "TrCover");
  g_assert_cmpuint (tr_test_xpath_count (styles, "//style:master-page[@style:name='TrCover']/style:footer"), ==, 0);
  g_assert_cmpuint (tr_test_xpath_count (styles, "//style:master-page[@style:name='Standard']/style:footer//text:page-number"), ==, 1);

  /* The 提要 form ticks the category and the attachments, and counts its
   * pages with a field that LibreOffice fills in. */
  g_assert_cmpstr (xpath_string (content, "//table:table-row[table:table-cell[1]='出國類別']/table:table-cell[2]"),
                   ==, "☐考察　☐進修　☐研究　☐實習　☐視察☐訪問　☑開會　☐談判　☐其他");
  g_assert_cmpstr (xpath_string (content, "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[3]"),
                   ==, "含附件");
  g_assert_cmpstr (xpath_string (content, "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[4]"),
                   ==, "☑是　☐否");
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[2]/text:p/text:page-count"), ==, 1);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table-row[table:table-cell[1]='出國人員']/table:table-cell[1][@table:number-rows-spanned='3']"), ==, 1);

  /* meta.xml */
  g_assert_cmpstr (xpath_string (meta, "//dc:title"), ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  g_assert_cmpstr (xpath_string (meta, "//dc:creator"), ==, "王小明");
  g_assert_true (g_str_has_prefix (xpath_string (meta, "//meta:generator"), "TripReports/"));
  g_assert_cmpuint (g_strv_length (keywords), ==, 3);
  g_assert_cmpstr (keywords[0], ==, "世界城市高峰會");
  g_assert_true (g_str_has_prefix (xpath_string (meta, "//meta:creation-date"), "20"));
  g_assert_true (g_str_has_prefix (xpath_string (meta, "//dc:date"), "20"));
}

/* Tests: the review form and comments ----------------------------------- */

static TrReview *
make_review (TrReport *report)
{
  TrReview *review = tr_review_new ();

  tr_review_prefill (review, report, NULL);
  for (guint item = TR_REVIEW_ITEM_NO_PLAGIARISM; item <= TR_REVIEW_ITEM_TO_AGENCY; item++)
    {
      tr_review_set_answer (review, item, TR_REVIEW_COLUMN_SELF, TR_REVIEW_ANSWER_YES);
      tr_review_set_answer (review, item, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_YES);
    }
  tr_review_set_answer (review, TR_REVIEW_ITEM_TO_SUPERIOR, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_NO);
  tr_review_set_answer (review, TR_REVIEW_ITEM_RETURN, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_NO);
  tr_review_set_answer (review, TR_REVIEW_ITEM_PUBLICATION, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_YES);
  tr_review_set_return_reasons (review, TR_RETURN_REASON_UNCITED);
  tr_review_set_publication (review, TR_PUBLICATION_BRIEFING | TR_PUBLICATION_OTHER);
  tr_review_set_publication_other (review, "刊登於署內電子報");
  tr_review_set_remarks (review, "請於附錄補充會議議程。\n下次出國前先行提報計畫。");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER, "王小明");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_UNIT_HEAD, "張組長");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_HEAD, "林署長");
  return review;
}

static void
test_review_form (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrReview) review = make_review (report);
  g_autofree char *path = test_path ("審核表.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *page = NULL;
  g_autoptr(xmlDoc) content = NULL;
  const char * const parts[] = {
    "出國報告審核表", "報告名稱赴新加坡參加2024年世界城市高峰會出國報告",
    "出國人姓名王小明、李大華", "職稱科長、技正", "出國類別開會",
    "出國期間113年6月2日至113年6月6日", "報告繳交日期113年8月15日",
    "出國人員自我檢核", "計畫主辦機關審核",
    "1.依限繳交出國報告", "2.格式完整（本文具備目的、過程、心得及建議事項）",
    "3.無抄襲相關資料", "4.內容充實完備", "5.建議具參考價值", "6.送本機關參考或研辦",
    "7.送上級機關參考", "8.退回補正，原因：", "不符原核定計畫", "引用未註明來源",
    "電子檔未依格式", "9.公開發表方式：", "辦理座談會", "業務會報提出", "其他：刊登於署內電子報",
    "10.其他處理意見及方式：", "請於附錄補充會議議程。", "下次出國前先行提報計畫。",
    "出國人", "一級單位主管", "機關首長或授權人員", "王小明", "張組長", "林署長",
  };

  /* Items 1 and 2 follow from the report: on time (due 113年9月6日) and
   * all four sections written. */
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_SELF),
                   ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_SELF),
                   ==, TR_REVIEW_ANSWER_YES);

  g_assert_true (tr_odt_review_form_to_file (report, review, file, NULL, &error));
  g_assert_no_error (error);
  tr_test_odt_assert_valid (path);

  /* The ticks, cell by cell: 是 and 否 of both columns for every item. */
  content = tr_test_odt_parse_entry (path, "content.xml");
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='審核項目']/table:table-row"), ==, 10);
  g_assert_cmpstr (xpath_string (content, "//table:table[@table:name='審核項目']/table:table-row[1]"
                                          "/table:table-cell[2]"), ==, "☑");
  /* Item 1, the agency's column: left for the agency. */
  g_assert_cmpstr (xpath_string (content, "//table:table[@table:name='審核項目']/table:table-row[1]"
                                          "/table:table-cell[4]"), ==, "☐");
  g_assert_cmpstr (xpath_string (content, "//table:table[@table:name='審核項目']/table:table-row[7]"
                                          "/table:table-cell[5]"), ==, "☑");
  g_assert_cmpstr (xpath_string (content, "//table:table[@table:name='審核項目']/table:table-row[7]"
                                          "/table:table-cell[4]"), ==, "☐");
  /* Item 7, the traveller's column: not ticked at all. */
  g_assert_cmpstr (xpath_string (content, "//table:table[@table:name='審核項目']/table:table-row[7]"
                                          "/table:table-cell[2]"), ==, "☐");
  g_assert_cmpstr (xpath_string (content, "//table:table[@table:name='審核項目']/table:table-row[7]"
                                          "/table:table-cell[3]"), ==, "☐");

  pdf = convert_to_pdf (path);
  g_assert_cmpuint (tr_test_pdf_page_count (pdf), ==, 1);
  pages = tr_test_pdf_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  page = tr_test_squeeze (pages[0], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (page, parts[i]) == NULL)
      g_error ("The review form lacks “%s”: %s", parts[i], page);
  /* Ticked: items 1–2 by the traveller (2; the agency's column is the
   * agency's to tick), 3–6 in both columns (8), 7–9 by the agency (3), one
   * reason and two ways of publication (3). The other boxes: 40 answer
   * boxes in all, 6 reasons and 3 ways. */
  g_assert_cmpuint (tr_test_count_char (page, 0x2611), ==, 16);
  g_assert_cmpuint (tr_test_count_char (page, 0x2610), ==, 40 + 6 + 3 - 16);
}

/* An empty report, with remarks of several lines: still one page. */
static void
test_review_form_blank (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autofree char *path = test_path ("blank-review.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *page = NULL;

  /* Nothing to compute from: items 1 and 2 are left for people. */
  tr_review_prefill (review, report, "2024-08-01");
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_SELF),
                   ==, TR_REVIEW_ANSWER_UNSET);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_SELF),
                   ==, TR_REVIEW_ANSWER_NO);
  tr_review_set_remarks (review, "請補正下列事項：\n一、摘要字數不足；\n二、建議事項應具體可行；\n"
                                 "三、過程應逐日記載，並列出每日參訪對象、地點及討論重點；\n四、照片應附說明。");

  g_assert_true (tr_odt_review_form_to_file (report, review, file, NULL, &error));
  g_assert_no_error (error);
  tr_test_odt_assert_valid (path);
  pdf = convert_to_pdf (path);
  g_assert_cmpuint (tr_test_pdf_page_count (pdf), ==, 1);
  pages = tr_test_pdf_pages (pdf);
  page = tr_test_squeeze (pages[0], FALSE);
  g_assert_nonnull (strstr (page, "出國報告審核表"));
  g_assert_nonnull (strstr (page, "四、照片應附說明。"));
  /* Item 2, 否, in the traveller's column; the agency's is the agency's. */
  g_assert_cmpuint (tr_test_count_char (page, 0x2611), ==, 1);
}

/* The text that an annotation spans in @doc, tabs included: from the
 * office:annotation named @name (its own content left out) to its end. */
static char *
annotated_text (xmlDocPtr   doc,
                const char *name)
{
  GString *text = g_string_new (NULL);
  gboolean inside = FALSE;
  xmlNodePtr node = xmlDocGetRootElement (doc);

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "annotation"))
        {
          g_autofree xmlChar *node_name = xmlGetProp (node, BAD_CAST "name");

          if (g_strcmp0 ((char *) node_name, name) == 0)
            inside = TRUE;
          descend = FALSE;
        }
      else if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "annotation-end"))
        {
          g_autofree xmlChar *node_name = xmlGetProp (node, BAD_CAST "name");

          if (g_strcmp0 ((char *) node_name, name) == 0)
            break;
        }
      else if (inside && node->type == XML_TEXT_NODE)
        g_string_append (text, (const char *) node->content);
      else if (inside && node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "tab"))
        g_string_append_c (text, '\t');
      else if (inside && node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, BAD_CAST "p"))
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
        }

      /* Document order: first child, next sibling, or the next of a parent. */
      if (descend && node->children != NULL)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  if (node == NULL)
    g_error ("No annotation-end named %s", name);
  return g_string_free (text, FALSE);
}

static GPtrArray *
make_comments (void)
{
  GPtrArray *comments = g_ptr_array_new_with_free_func (g_object_unref);
  const char *process = tr_test_section_texts[TR_SECTION_PROCESS];
  const char *ura = strstr (process, "市區重建局（URA）");
  const char *premier = strstr (process, "新加坡總理");
  const char *purpose = tr_test_section_texts[TR_SECTION_PURPOSE];
  const char *forum = strstr (purpose, "重要論壇。");
  TrComment *comment;

  comment = tr_comment_new (TR_SECTION_PROCESS, g_utf8_pointer_to_offset (process, ura),
                            g_utf8_pointer_to_offset (process, ura) + 10, "市區重建局（URA）",
                            "請補充參訪對象的職稱", "審核人甲");
  g_ptr_array_add (comments, comment);
  /* On a numbered line, whose spaces become a tab. */
  comment = tr_comment_new (TR_SECTION_PROCESS, g_utf8_pointer_to_offset (process, premier),
                            g_utf8_pointer_to_offset (process, premier) + 5, "新加坡總理",
                            "姓名？", "審核人乙");
  g_ptr_array_add (comments, comment);
  /* Across two paragraphs, and stored when the text was shorter: the quote
   * finds it. */
  comment = tr_comment_new (TR_SECTION_PURPOSE, g_utf8_pointer_to_offset (purpose, forum) - 3,
                            g_utf8_pointer_to_offset (purpose, forum) + 9, "重要論壇。\n一、了解",
                            "第一行\n第二行", "審核人甲");
  g_ptr_array_add (comments, comment);
  /* Resolved: not exported. */
  comment = tr_comment_new (TR_SECTION_RECOMMENDATIONS, 0, 2, "一、", "已處理的意見", "審核人甲");
  tr_comment_set_resolved (comment, TRUE);
  g_ptr_array_add (comments, comment);
  return comments;
}

static void
assert_annotations (xmlDocPtr doc)
{
  g_auto(GStrv) names = tr_test_xpath_strings (doc, "//office:annotation/@office:name");

  g_assert_cmpuint (tr_test_xpath_count (doc, "//office:annotation"), ==, 3);
  g_assert_cmpuint (tr_test_xpath_count (doc, "//office:annotation-end"), ==, 3);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpuint (tr_test_xpath_count (doc, "//office:annotation[dc:creator='審核人甲']"), ==, 2);
  g_assert_cmpuint (tr_test_xpath_count (doc, "//office:annotation[text:p='請補充參訪對象的職稱']"), ==, 1);
  g_assert_cmpuint (tr_test_xpath_count (doc, "//office:annotation[text:p='第二行']"), ==, 1);
  g_assert_cmpuint (tr_test_xpath_count (doc, "//office:annotation[text:p='已處理的意見']"), ==, 0);
  g_assert_cmpuint (tr_test_xpath_count (doc, "//office:annotation[starts-with(dc:date, '20')]"), ==, 3);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *spanned = annotated_text (doc, names[i]);
      g_autofree char *select = g_strdup_printf ("//office:annotation[@office:name='%s']/text:p[1]",
                                                 names[i]);
      const char *body = xpath_string (doc, select);

      g_test_message ("%s spans “%s”", body, spanned);
      if (g_str_equal (body, "請補充參訪對象的職稱"))
        g_assert_cmpstr (spanned, ==, "市區重建局（URA）");
      else if (g_str_equal (body, "姓名？"))
        g_assert_cmpstr (spanned, ==, "新加坡總理");
      else
        g_assert_cmpstr (spanned, ==, "重要論壇。\n一、了解");
    }
}

static void
test_annotations (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GPtrArray) comments = make_comments ();
  g_autofree char *path = test_path ("comments.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *lo_dir = make_folder ("comments-resaved");
  g_autofree char *resaved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) resaved_content = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議", "伍、附錄" };
  const char *texts[] = {
    tr_test_section_texts[0], tr_test_section_texts[1],
    tr_test_section_texts[2], tr_test_section_texts[3],
    tr_report_get_text (report, TR_FIELD_APPENDIX),
  };

  g_assert_true (tr_odt_export_to_file_with_comments (report, comments, file, NULL, &error));
  g_assert_no_error (error);
  tr_test_odt_assert_valid (path);
  content = tr_test_odt_parse_entry (path, "content.xml");
  assert_annotations (content);

  /* LibreOffice reads them as comments: saved again as ODT by it, they are
   * still there, over the same passages. */
  resaved = tr_test_convert_with_libreoffice (lo_profile_dir, path, "odt", lo_dir);
  resaved_content = tr_test_odt_parse_entry (resaved, "content.xml");
  assert_annotations (resaved_content);

  /* The body reads as before around them. */
  pdf = convert_to_pdf (path);
  pages = tr_test_pdf_pages (pdf);
  tr_test_assert_body_in_pdf (pages, headings, texts, G_N_ELEMENTS (headings));

  /* Without comments, nothing of them. */
  {
    g_autoptr(GBytes) plain = tr_odt_export_to_bytes (report, &error);
    g_autofree char *plain_path = test_path ("no-comments.odt");
    g_autoptr(xmlDoc) plain_content = NULL;

    g_assert_no_error (error);
    g_file_set_contents (plain_path, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), &error);
    g_assert_no_error (error);
    plain_content = tr_test_odt_parse_entry (plain_path, "content.xml");
    g_assert_cmpuint (tr_test_xpath_count (plain_content, "//office:annotation"), ==, 0);
  }
}

void
add_document_tests (void)
{
  g_test_add_func ("/export/package/layout", test_package_layout);
  g_test_add_func ("/export/document/structure", test_document_structure);
  g_test_add_func ("/export/review-form/filled", test_review_form);
  g_test_add_func ("/export/review-form/blank", test_review_form_blank);
  g_test_add_func ("/export/comments/annotations", test_annotations);
}
