/* export-pdf.c: exports converted to PDF by LibreOffice and read back
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-export.h"

/* Tests: what LibreOffice shows -------------------------------------------- */

static void
test_pdf_complete_report (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = export_report (report, "complete.odt");
  g_autofree char *pdf = convert_to_pdf (path);
  g_auto(GStrv) pages = tr_test_pdf_pages (pdf);
  g_autofree char *cover = tr_test_squeeze (pages[0], FALSE);
  g_autofree char *form = tr_test_squeeze (pages[1], FALSE);
  g_autofree char *cover_footer = tr_test_page_footer (pages[0]);
  g_autofree char *form_footer = tr_test_page_footer (pages[1]);
  g_autofree char *page_count = g_strdup_printf ("頁數%u含附件", g_strv_length (pages));
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議", "伍、附錄" };
  const char *texts[] = {
    tr_test_section_texts[0], tr_test_section_texts[1],
    tr_test_section_texts[2], tr_test_section_texts[3],
    tr_report_get_text (report, TR_FIELD_APPENDIX),
  };
  const char * const cover_parts[] = {
    "出國報告（出國類別：開會）", "赴新加坡參加2024年世界城市高峰會出國報告",
    "服務機關：內政部國土管理署", "單位：都市計劃組", "職稱姓名：科長王小明、技正李大華",
    "派赴國家/地區：新加坡", "出國期間：113年6月2日至113年6月6日", "報告日期：113年8月15日",
  };
  /* Rows of one line read label then value; in the taller rows a cell's
   * lines interleave with its neighbours', so their values are looked for
   * one by one. */
  const char * const form_parts[] = {
    "公務出國或赴大陸地區報告提要", "出國報告名稱赴新加坡參加2024年世界城市高峰會出國報告",
    page_count, "出國計畫主辦機關內政部國土管理署", "聯絡人陳聯絡電話02-2771-9999",
    "姓名服務機關單位職稱電話", "王小明", "李大華", "都市計劃組", "科長", "技正",
    "02-2771-2345", "02-2771-2346", "出國期間113年6月2日至113年6月6日", "出國地區新加坡",
    "報告日期113年8月15日", "分類號/目H0/CS001", "關鍵詞世界城市高峰會、智慧城市、新加坡",
    "內容摘要", "本次奉派赴新加坡參加2024年世界城市高峰會",
  };
  guint n_checked = 0, n_unchecked = 0;

  tr_test_odt_assert_valid (path);
  /* LibreOffice sets every part in the face the styles name, or a
   * Traditional Chinese fallback: never Noto Sans CJK JP. */
  tr_test_assert_traditional_chinese_fonts (pdf);

  for (guint i = 0; i < G_N_ELEMENTS (cover_parts); i++)
    if (strstr (cover, cover_parts[i]) == NULL)
      g_error ("The cover lacks “%s”: %s", cover_parts[i], cover);
  /* No page number on the cover; the next page is numbered 2. */
  g_assert_false (tr_test_is_page_number_line (cover_footer));
  g_assert_cmpstr (g_strstrip (form_footer), ==, "2");

  for (guint i = 0; i < G_N_ELEMENTS (form_parts); i++)
    if (strstr (form, form_parts[i]) == NULL)
      g_error ("The 提要 form lacks “%s”: %s", form_parts[i], form);
  /* The boxes come from a fallback font and so out of line: count them.
   * Ticked: 含附件 是 and 開會; not: 否 and the eight other categories. */
  for (const char *p = form; *p != '\0'; p = g_utf8_next_char (p))
    {
      n_checked += g_utf8_get_char (p) == 0x2611;
      n_unchecked += g_utf8_get_char (p) == 0x2610;
    }
  g_assert_cmpuint (n_checked, ==, 2);
  g_assert_cmpuint (n_unchecked, ==, 9);

  g_assert_nonnull (strstr (pages[2], "摘要"));
  g_assert_nonnull (strstr (pages[2], "整體而言"));

  tr_test_assert_body_in_pdf (pages, headings, texts, G_N_ELEMENTS (headings));
}

static void
test_pdf_empty_sections (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autofree char *path = export_report (report, "empty.odt");
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *joined = NULL;
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  const char *texts[] = { "", "", "", "" };

  tr_test_odt_assert_valid (path);
  pdf = convert_to_pdf (path);
  pages = tr_test_pdf_pages (pdf);
  tr_test_assert_body_in_pdf (pages, headings, texts, G_N_ELEMENTS (headings));

  /* No appendix heading when there is no appendix. */
  joined = g_strjoinv ("\n", pages);
  g_assert_null (strstr (joined, "伍、"));
  g_assert_nonnull (strstr (joined, "公務出國或赴大陸地區報告提要"));
}

/* Tests: the appendix's photos ---------------------------------------------- */

static double
parse_cm (const char *length)
{
  g_assert_true (g_str_has_suffix (length, "cm"));
  return g_ascii_strtod (length, NULL);
}

static void
test_pdf_photos (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  struct {
    const char *format;
    int width, height;
    const char *caption;
    const char *path;
    const char *media_type;
  } photos[] = {
    { "jpeg", 1600, 1200, "開幕式會場", "Pictures/photo-001.jpg", "image/jpeg" },
    { "png", 600, 900, "參訪市區重建局", "Pictures/photo-002.png", "image/png" },
    { "webp", 500, 500, NULL, "Pictures/photo-003.webp", "image/webp" },
  };
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) manifest = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *all = NULL;
  g_autofree char *image_list = NULL;
  const char *appendix;
  guint appendix_page, n_images = 0;

  /* Not the fixture's typed 照片1：…, which would hide the numbered captions. */
  tr_report_set_text (report, TR_FIELD_APPENDIX, "會議議程詳如下列照片。");
  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    {
      g_autoptr(TrPhoto) photo = tr_test_make_photo (photos[i].format, photos[i].width, photos[i].height,
                                             photos[i].caption);

      g_list_store_append (tr_report_get_photos (report), photo);
    }
  path = export_report (report, "photos.odt");
  tr_test_odt_assert_valid (path);

  /* Each picture is in Pictures/, stored unchanged and listed. */
  manifest = tr_test_odt_parse_entry (path, "META-INF/manifest.xml");
  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (report)), i);
      g_autoptr(GBytes) stored = tr_test_odt_read_entry (path, photos[i].path);
      g_autofree char *expression =
        g_strdup_printf ("//manifest:file-entry[@manifest:full-path='%s']/@manifest:media-type",
                         photos[i].path);

      g_assert_true (g_bytes_equal (stored, tr_photo_get_data (photo)));
      g_assert_cmpstr (xpath_string (manifest, expression), ==, photos[i].media_type);
    }

  /* Two to a row, each frame the picture's shape, within half the width. */
  content = tr_test_odt_parse_entry (path, "content.xml");
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='照片']"), ==, 1);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='照片']/table:table-row"), ==, 2);
  g_assert_cmpuint (tr_test_xpath_count (content, "//table:table[@table:name='照片']/table:table-row/table:table-cell"), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    {
      g_autofree char *frame = g_strdup_printf ("//draw:frame[draw:image/@xlink:href='%s']", photos[i].path);
      g_autofree char *width_path = g_strconcat (frame, "/@svg:width", NULL);
      g_autofree char *height_path = g_strconcat (frame, "/@svg:height", NULL);
      g_autofree char *anchor_path = g_strconcat (frame, "/@text:anchor-type", NULL);
      double width = parse_cm (xpath_string (content, width_path));
      double height = parse_cm (xpath_string (content, height_path));

      g_assert_cmpstr (xpath_string (content, anchor_path), ==, "as-char");
      g_assert_cmpfloat (width, <=, 8.0);
      g_assert_cmpfloat (height, <=, 8.0);
      g_assert_cmpfloat (MAX (width, height), >=, 7.5);
      g_assert_cmpfloat_with_epsilon (width / height, (double) photos[i].width / photos[i].height, 0.01);
    }

  {
    g_auto(GStrv) captions = tr_test_xpath_strings (content, "//text:p[@text:style-name='TrPhotoCaption']");
    const char * const expected[] = { "照片 1：開幕式會場", "照片 2：參訪市區重建局", "照片 3", "", NULL };

    g_assert_cmpstrv (captions, expected);
  }

  /* LibreOffice opens it, lays the pictures out and numbers the captions
   * (squeezed: pdftotext's spaces are layout, not text). */
  pdf = convert_to_pdf (path);
  pages = tr_test_pdf_pages (pdf);
  joined = g_strjoinv ("\n", pages);
  all = tr_test_squeeze (joined, TRUE);
  appendix_page = tr_test_find_heading_page (pages, "伍、附錄");
  g_assert_cmpuint (appendix_page, >, 0);
  appendix = strstr (strstr (all, "肆、建議") + strlen ("肆、建議"), "伍、附錄");
  g_assert_nonnull (appendix);
  appendix = strstr (appendix, "會議議程詳如下列照片。");
  g_assert_nonnull (appendix);
  appendix = strstr (appendix, "照片1：開幕式會場");
  g_assert_nonnull (appendix);
  appendix = strstr (appendix, "照片2：參訪市區重建局");
  g_assert_nonnull (appendix);
  g_assert_nonnull (strstr (appendix, "照片3"));
  g_assert_null (strstr (appendix, "照片3："));

  {
    const char *argv[] = { "pdfimages", "-list", pdf, NULL };
    g_auto(GStrv) lines = NULL;

    image_list = tr_test_run_tool (argv);
    lines = g_strsplit (image_list, "\n", -1);
    /* Two lines of header; then one per image (with its page number). */
    for (guint i = 2; lines[i] != NULL; i++)
      if (lines[i][0] != '\0' && g_ascii_strtoull (lines[i], NULL, 10) >= appendix_page)
        n_images++;
  }
  g_assert_cmpuint (n_images, >=, G_N_ELEMENTS (photos));
}

static void
test_pdf_long_report (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (300);
  char *texts[TR_N_SECTIONS] = { NULL };
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議" };
  /* Shares of about 220,000 characters: some 300 pages of 14 pt text in a
   * Kai face (about 720 characters a page). */
  const guint shares[TR_N_SECTIONS] = { 20000, 110000, 55000, 35000 };
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  gint64 start;

  tr_report_set_text (report, TR_FIELD_APPENDIX, "");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      texts[s] = tr_test_make_long_text (rand, tr_section_get_heading (s), shares[s]);
      tr_report_set_section (report, s, texts[s]);
    }

  start = g_get_monotonic_time ();
  path = export_report (report, "long.odt");
  g_test_message ("Exported in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  tr_test_odt_assert_valid (path);

  pdf = convert_to_pdf (path);
  n_pages = tr_test_pdf_page_count (pdf);
  g_test_message ("LibreOffice lays it out on %u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 300);
  pages = tr_test_pdf_pages (pdf);
  tr_test_assert_body_in_pdf (pages, headings, (const char **) texts, G_N_ELEMENTS (headings));

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_free (texts[s]);
}

static void
test_pdf_mixed_scripts (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(xmlDoc) content = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) paragraphs = NULL;
  const char *purpose =
    "Latin: café, naïve, Ærøskøbing — “quoted” & <tagged> text.\n"
    "中文與 English 混排，含全形標點「」（）及半形 (parens)。\n"
    "Emoji: 😀 🇹🇼 👍🏽 and 𠀋 (an ideograph outside the BMP).\n"
    "Spaces:  two,   three, and a\ttab.";
  const char *headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議", "伍、附錄" };
  const char *texts[] = {
    purpose, tr_test_section_texts[1], tr_test_section_texts[2], tr_test_section_texts[3],
    tr_report_get_text (report, TR_FIELD_APPENDIX),
  };

  tr_report_set_section (report, TR_SECTION_PURPOSE, purpose);
  path = export_report (report, "mixed.odt");
  tr_test_odt_assert_valid (path);

  /* The XML holds the text exactly, escaped by libxml2, spaces kept. */
  content = tr_test_odt_parse_entry (path, "content.xml");
  paragraphs = tr_test_xpath_strings (content, "//office:text/text:h[1]/following-sibling::text:p[position() <= 3]");
  g_assert_cmpstr (paragraphs[0], ==, "Latin: café, naïve, Ærøskøbing — “quoted” & <tagged> text.");
  g_assert_cmpstr (paragraphs[2], ==, "Emoji: 😀 🇹🇼 👍🏽 and 𠀋 (an ideograph outside the BMP).");
  g_assert_cmpuint (tr_test_xpath_count (content, "//text:p[starts-with(., 'Spaces:')]/text:s[@text:c='2']"), ==, 1);
  g_assert_cmpuint (tr_test_xpath_count (content, "//text:p[starts-with(., 'Spaces:')]/text:tab"), ==, 1);

  pdf = convert_to_pdf (path);
  pages = tr_test_pdf_pages (pdf);
  tr_test_assert_body_in_pdf (pages, headings, texts, G_N_ELEMENTS (headings));
}

static void
test_control_characters (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) meta = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;

  /* What PDF extraction leaves behind: C0 controls, U+FFFE, U+FFFF. */
  tr_report_set_text (report, TR_FIELD_TITLE, "控制\001字元\033報告\uFFFF");
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS,
                         "心得\002一\013：表單\014換頁\x1f與\uFFFE非字元。\r\n第二行\x7f保留。");
  tr_report_set_keywords (report, (const char * const[]) { "關鍵\bword", NULL });
  path = export_report (report, "control.odt");
  tr_test_odt_assert_valid (path);

  content = tr_test_odt_parse_entry (path, "content.xml");
  meta = tr_test_odt_parse_entry (path, "meta.xml");
  g_assert_cmpstr (xpath_string (content, "//text:p[@text:style-name='TrCoverTitle']"), ==, "控制字元報告");
  g_assert_cmpstr (xpath_string (content, "//text:h[3]/following-sibling::text:p[1]"), ==, "心得一：表單換頁與非字元。");
  /* DEL is allowed by XML 1.0: kept. */
  g_assert_cmpstr (xpath_string (content, "//text:h[3]/following-sibling::text:p[2]"), ==, "第二行\x7f保留。");
  g_assert_cmpstr (xpath_string (meta, "//dc:title"), ==, "控制字元報告");
  g_assert_cmpstr (xpath_string (meta, "//meta:keyword"), ==, "關鍵word");

  pdf = convert_to_pdf (path);
  pages = tr_test_pdf_pages (pdf);
  text = g_strjoinv ("\n", pages);
  squeezed = tr_test_squeeze (text, TRUE);
  g_assert_nonnull (strstr (squeezed, "參、心得心得一：表單換頁與非字元。"));
}

static void
test_title_with_slash_and_colon (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(xmlDoc) content = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TrReport) untitled = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autofree char *untitled_name = NULL;

  tr_report_set_text (report, TR_FIELD_TITLE, "  考察報告：AI/ML 應用 10:30 場次? ");
  name = tr_odt_export_suggest_name (report);
  g_assert_cmpstr (name, ==, "考察報告：AI／ML 應用 10：30 場次？.odt");
  untitled_name = tr_odt_export_suggest_name (untitled);
  g_assert_true (g_str_has_suffix (untitled_name, ".odt"));
  g_assert_cmpuint (strlen (untitled_name), >, strlen (".odt"));

  /* The suggested name is a real file name; the title inside is intact. */
  path = export_report (report, name);
  content = tr_test_odt_parse_entry (path, "content.xml");
  g_assert_cmpstr (xpath_string (content, "//text:p[@text:style-name='TrCoverTitle']"),
                   ==, "考察報告：AI/ML 應用 10:30 場次?");
  pdf = convert_to_pdf (path);
  pages = tr_test_pdf_pages (pdf);
  text = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (text, "考察報告：AI/ML 應用 10:30 場次?"));
}

void
add_pdf_tests (void)
{
  g_test_add_func ("/export/pdf/complete-report", test_pdf_complete_report);
  g_test_add_func ("/export/pdf/empty-sections", test_pdf_empty_sections);
  g_test_add_func ("/export/pdf/mixed-scripts", test_pdf_mixed_scripts);
  g_test_add_func ("/export/pdf/control-characters", test_control_characters);
  g_test_add_func ("/export/pdf/title-with-slash-and-colon", test_title_with_slash_and_colon);
  g_test_add_func ("/export/pdf/photos", test_pdf_photos);
  g_test_add_func ("/export/pdf/300-pages", test_pdf_long_report);
}
