/* test-export-pdf.c: the PDF export, read back with poppler's tools
 *
 * Every export here is a real PDF in a fresh temporary folder, read the
 * way a reviewer's tools read it: pdftotext for the text in reading order
 * and page by page, pdffonts for the faces, pdfinfo for the metadata and
 * the named destinations, qpdf for the bookmarks and the file's health,
 * pdfimages for the photos, pdftoppm for what the pages look like.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>

#include "tr-document.h"
#include "tr-odt-package.h"
#include "tr-pdf-exporter.h"
#include "tr-pdf-layout.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"
#include "tr-test-util.h"

static char *test_dir;

static const char *body_headings[] = { "壹、目的", "貳、過程", "參、心得", "肆、建議", "伍、附錄" };

static char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static char *
export_report (TrReport   *report,
               const char *name,
               guint      *out_n_pages)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (tr_pdf_export_to_file (report, file, out_n_pages, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The PDF is whole: qpdf finds nothing to repair. */
static void
assert_sound (const char *pdf)
{
  const char *argv[] = { "qpdf", "--check", pdf, NULL };
  g_autofree char *output = tr_test_run_tool (argv);

  g_assert_nonnull (strstr (output, "No syntax or stream encoding errors"));
}

/* The value of @key in pdfinfo's output. */
static char *
pdf_info (const char *pdf,
          const char *key)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *output = tr_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", "-f", number, "-l", number,
                         pdf, "-", NULL };

  return tr_test_run_tool (argv);
}

static gboolean
has_line (const char *text,
          const char *wanted)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), wanted))
      return TRUE;
  return FALSE;
}

/* The report ---------------------------------------------------------------- */

static void
test_complete_report (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  guint n_pages = 0;
  g_autofree char *pdf = export_report (report, "complete.pdf", &n_pages);
  g_auto(GStrv) pages = tr_test_pdf_pages (pdf);
  g_autofree char *cover = tr_test_squeeze (pages[0], FALSE);
  g_autofree char *form = tr_test_squeeze (pages[1], FALSE);
  g_autofree char *cover_footer = tr_test_page_footer (pages[0]);
  g_autofree char *page_count = g_strdup_printf ("頁數%u含附件", n_pages);
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
  const char * const form_parts[] = {
    "公務出國或赴大陸地區報告提要", "出國報告名稱赴新加坡參加2024年世界城市高峰會出國報告",
    page_count, "出國計畫主辦機關內政部國土管理署", "聯絡人陳聯絡電話02-2771-9999",
    "姓名服務機關單位職稱電話", "王小明", "李大華", "都市計劃組", "科長", "技正",
    "02-2771-2345", "02-2771-2346", "出國期間113年6月2日至113年6月6日", "出國地區新加坡",
    "報告日期113年8月15日", "分類號/目H0/CS001", "關鍵詞世界城市高峰會、智慧城市、新加坡",
    "內容摘要", "本次奉派赴新加坡參加2024年世界城市高峰會",
  };

  assert_sound (pdf);
  /* 頁數 is the count of the pages there are. */
  g_assert_cmpuint (n_pages, ==, tr_test_pdf_page_count (pdf));
  g_assert_cmpuint (n_pages, ==, g_strv_length (pages));

  for (guint i = 0; i < G_N_ELEMENTS (cover_parts); i++)
    if (strstr (cover, cover_parts[i]) == NULL)
      g_error ("The cover lacks “%s”: %s", cover_parts[i], cover);
  /* No page number on the cover; the next pages are numbered from 2. */
  g_assert_false (tr_test_is_page_number_line (cover_footer));
  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autofree char *footer = tr_test_page_footer (pages[p]);

      g_assert_cmpuint (g_ascii_strtoull (footer, NULL, 10), ==, p + 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (form_parts); i++)
    if (strstr (form, form_parts[i]) == NULL)
      g_error ("The 提要 form lacks “%s”: %s", form_parts[i], form);
  /* Ticked: 含附件 是 and 開會; not: 否 and the eight other categories. */
  g_assert_cmpuint (tr_test_count_char (form, 0x2611), ==, 2);
  g_assert_cmpuint (tr_test_count_char (form, 0x2610), ==, 9);

  g_assert_nonnull (strstr (pages[2], "摘要"));
  g_assert_nonnull (strstr (pages[2], "整體而言"));
  tr_test_assert_body_in_pdf (pages, body_headings, texts, G_N_ELEMENTS (body_headings));
}

/* An empty draft: the form, the 目次 and the four parts, empty; no 伍. */
static void
test_empty_report (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  guint n_pages = 0;
  g_autofree char *pdf = export_report (report, "empty.pdf", &n_pages);
  g_auto(GStrv) pages = tr_test_pdf_pages (pdf);
  g_autofree char *joined = g_strjoinv ("\n", pages);
  const char *texts[] = { "", "", "", "" };

  assert_sound (pdf);
  tr_test_assert_body_in_pdf (pages, body_headings, texts, 4);
  g_assert_null (strstr (joined, "伍、"));
  g_assert_nonnull (strstr (joined, "公務出國或赴大陸地區報告提要"));
  g_assert_nonnull (strstr (joined, "出國報告"));
  g_assert_cmpuint (n_pages, ==, 5);
}

/* Text from anywhere: Latin, emoji and an ideograph outside the BMP from
 * fallback faces, spaces kept, what PDF extraction leaves behind (control
 * characters, U+FFFF) dropped rather than drawn as boxes. */
static void
test_mixed_scripts (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *all = NULL;
  const char * const expected[] = {
    "Latin:café,naïve,Ærøskøbing—“quoted”&<tagged>text.",
    "中文與English混排，含全形標點「」（）及半形(parens)。",
    "😀", "𠀋", "心得一：表單換頁與非字元。",
  };

  tr_report_set_section (report, TR_SECTION_PURPOSE,
                         "Latin: café, naïve, Ærøskøbing — “quoted” & <tagged> text.\n"
                         "中文與 English 混排，含全形標點「」（）及半形 (parens)。\n"
                         "Emoji: 😀 and 𠀋 (an ideograph outside the BMP).");
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS,
                         "心得\002一\013：表單\014換頁\x1f與\uFFFE非字元\uFFFF。");
  pdf = export_report (report, "mixed.pdf", NULL);
  assert_sound (pdf);
  pages = tr_test_pdf_pages (pdf);
  joined = g_strjoinv ("\n", pages);
  all = tr_test_squeeze (joined, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (all, expected[i]) == NULL)
      g_error ("The PDF lacks “%s”", expected[i]);
}

/* Only Traditional Chinese faces, embedded; for Latin text too. */
static void
test_fonts (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *pdf = NULL;

  tr_report_set_section (report, TR_SECTION_OBSERVATIONS,
                         "OECD與WHO報告指出，net zero目標需跨部門合作（約 42.5%）。");
  pdf = export_report (report, "fonts.pdf", NULL);
  tr_test_assert_traditional_chinese_fonts (pdf);
}

/* The 目次 gives, for each heading, the page pdftotext finds it on alone. */
static void
test_contents_pages (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *dests = NULL;

  /* Sections of a few pages each, so that the headings fall on pages
   * far apart. */
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autofree char *text = tr_test_make_long_text (rand, tr_section_get_heading (s), 1500 + 1000 * s);

      tr_report_set_section (report, s, text);
    }
  pdf = export_report (report, "contents.pdf", NULL);
  pages = tr_test_pdf_pages (pdf);

  for (guint i = 0; i < G_N_ELEMENTS (body_headings); i++)
    {
      guint page = tr_test_find_toc_page (pages, body_headings[i]);
      g_autofree char *text = NULL;
      g_autofree char *before = NULL;

      g_assert_cmpuint (page, >, 4);
      text = page_text (pdf, page);
      if (!has_line (text, body_headings[i]))
        g_error ("The 目次 puts %s on page %u, which does not have it:\n%s", body_headings[i], page, text);
      before = page_text (pdf, page - 1);
      g_assert_false (has_line (before, body_headings[i]));
      if (i > 0)
        g_assert_cmpuint (page, >, tr_test_find_toc_page (pages, body_headings[i - 1]));
    }

  /* Each heading is a named destination on its page, for links to it. */
  {
    const char *argv[] = { "pdfinfo", "-dests", pdf, NULL };

    dests = tr_test_run_tool (argv);
  }
  for (guint i = 0; i < G_N_ELEMENTS (body_headings); i++)
    {
      g_autofree char *name = g_strdup_printf ("\"__RefHeading__tr%u\"", i + 1);
      g_auto(GStrv) lines = g_strsplit (dests, "\n", -1);
      gboolean found = FALSE;

      for (guint l = 0; lines[l] != NULL && !found; l++)
        if (strstr (lines[l], name) != NULL)
          {
            g_assert_cmpuint (g_ascii_strtoull (lines[l], NULL, 10), ==,
                              tr_test_find_toc_page (pages, body_headings[i]));
            found = TRUE;
          }
      g_assert_true (found);
    }
}

static void
test_metadata_and_outline (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *pdf = export_report (report, "metadata.pdf", NULL);
  g_autofree char *title = pdf_info (pdf, "Title");
  g_autofree char *author = pdf_info (pdf, "Author");
  g_autofree char *keywords = pdf_info (pdf, "Keywords");
  g_autofree char *subject = pdf_info (pdf, "Subject");
  g_auto(GStrv) pages = tr_test_pdf_pages (pdf);
  const char *argv[] = { "qpdf", "--json=2", "--json-key=outlines", pdf, NULL };
  g_autofree char *json = tr_test_run_tool (argv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *outlines;

  g_assert_cmpstr (title, ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  g_assert_cmpstr (author, ==, "王小明");
  g_assert_cmpstr (subject, ==, "公務出國報告");
  g_assert_nonnull (strstr (keywords, "世界城市高峰會"));
  g_assert_nonnull (strstr (keywords, "智慧城市"));
  g_assert_nonnull (strstr (keywords, "新加坡"));

  /* A bookmark for each heading, in order, to the page it is on. */
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  outlines = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "outlines");
  g_assert_cmpuint (json_array_get_length (outlines), ==, G_N_ELEMENTS (body_headings));
  for (guint i = 0; i < G_N_ELEMENTS (body_headings); i++)
    {
      JsonObject *outline = json_array_get_object_element (outlines, i);

      g_assert_cmpstr (json_object_get_string_member (outline, "title"), ==, body_headings[i]);
      g_assert_cmpint (json_object_get_int_member (outline, "destpageposfrom1"), ==,
                       tr_test_find_heading_page (pages, body_headings[i]));
    }
}

/* Line breaks ----------------------------------------------------------- */

/* CJK rules: no closing punctuation at the start of a line, however the
 * characters before it fill the line. Paragraphs of 20 to 40 ideographs
 * and then a punctuation mark: whatever the face's widths, some of them
 * end their first line right before it. */
static void
test_line_breaks (void)
{
  static const char * const closing[] = { "、", "。", "，", "」", "）", "；", "：", "！", "？" };
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_lines = 0;

  for (guint length = 20; length <= 40; length++)
    for (guint p = 0; p < G_N_ELEMENTS (closing); p += 3)
      {
        if (closing[p][0] != '\0' && g_str_equal (closing[p], "」"))
          g_string_append (text, "「");
        for (guint i = 0; i < length; i++)
          g_string_append (text, i % 2 == 0 ? "國" : "際");
        g_string_append_printf (text, "%s後續文字以及更多說明%s\n", closing[p], closing[(p + 1) % 9]);
      }
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, text->str);
  pdf = export_report (report, "line-breaks.pdf", NULL);
  pages = tr_test_pdf_pages (pdf);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *line = g_strstrip (lines[l]);

          if (line[0] == '\0')
            continue;
          n_lines++;
          for (guint c = 0; c < G_N_ELEMENTS (closing); c++)
            if (g_str_has_prefix (line, closing[c]))
              g_error ("Page %u has a line starting with %s: %s", p + 1, closing[c], line);
        }
    }
  g_assert_cmpuint (n_lines, >, 60);
  /* And nothing was lost to it. */
  {
    g_autofree char *joined = g_strjoinv ("\n", pages);
    g_autofree char *all = tr_test_squeeze (joined, TRUE);
    g_autofree char *expected = tr_test_squeeze (text->str, FALSE);

    g_assert_nonnull (strstr (all, expected));
  }
}

/* The character grid ------------------------------------------------------ */

static gboolean
is_multiple (double length,
             double unit)
{
  return fabs (length - unit * round (length / unit)) < 0.01;
}

static gboolean
is_stem (gunichar c)
{
  return g_utf8_strchr ("甲乙丙丁戊己庚辛壬癸", -1, c) != NULL;
}

/* TRUE for a line of the test's text: some of its ideographs, alone or
 * with Latin letters, digits and spaces, which @mixed says. */
static gboolean
is_grid_line (const char *line,
              gboolean   *mixed)
{
  gboolean stems = FALSE;

  *mixed = FALSE;
  for (const char *c = line; *c != '\0'; c = g_utf8_next_char (c))
    if (is_stem (g_utf8_get_char (c)))
      stems = TRUE;
    else if (g_ascii_isalnum (*c) || *c == ' ')
      *mixed = TRUE;
    else
      return FALSE;
  return stems;
}

/* Full-width text on a grid, as CJK typesetting sets it: the text is a
 * whole number of ems wide, so that a justified line of ideographs fills
 * it with no gap between them, each an em from the next; in a line with
 * Latin words or digits, what they leave over goes between them and the
 * ideographs, never between two ideographs. Where poppler finds each
 * character. */
static void
test_character_grid (void)
{
  static const char stems[] = "甲乙丙丁戊己庚辛壬癸";
  const double em = 14;
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  g_autofree char *pdf = NULL;
  g_autofree char *uri = NULL;
  double left = G_MAXDOUBLE, right = 0;
  guint n_full = 0, n_mixed = 0;

  /* Ideographs only, then ideographs with Latin words and numbers. */
  for (guint i = 0; i < 23; i++)
    g_string_append (text, stems);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (text, "%s%s%.*s%u", stems, i % 2 == 0 ? "APEC" : "smart city",
                            (int) (3 * (i % 4 + 1)), stems, 2000 + i * 7);
  g_string_append (text, stems);
  tr_report_set_section (report, TR_SECTION_OBSERVATIONS, text->str);
  pdf = export_report (report, "grid.pdf", NULL);
  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  for (int pass = 0; pass < 2; pass++)
    for (int p = 0; p < poppler_document_get_n_pages (document); p++)
      {
        PopplerPage *page = poppler_document_get_page (document, p);
        g_autofree char *page_text = poppler_page_get_text (page);
        g_autofree PopplerRectangle *boxes = NULL;
        g_auto(GStrv) lines = g_strsplit (page_text, "\n", -1);
        guint n_boxes = 0, at = 0;

        g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
        for (guint l = 0; lines[l] != NULL; at += g_utf8_strlen (lines[l], -1) + 1, l++)
          {
            const char *line = lines[l];
            glong n = g_utf8_strlen (line, -1);
            PopplerRectangle *first, *last;
            gboolean mixed;
            guint i = 0;

            g_assert_cmpuint (at + n, <=, n_boxes);
            /* The lines of the test's paragraphs only. */
            if (!is_grid_line (line, &mixed))
              continue;
            first = &boxes[at];
            last = &boxes[at + n - 1];
            /* The text's edges: where its lines start and end. */
            if (pass == 0)
              {
                left = MIN (left, first->x1);
                right = MAX (right, last->x2);
                continue;
              }
            /* A line starts on the grid (the first one indented two ems). */
            if (!is_multiple (first->x1 - left, em))
              g_error ("“%s” starts %.3f pt from the text's left edge, off the %g pt grid",
                       line, first->x1 - left, em);
            /* Two ideographs side by side an em apart. */
            for (const char *c = line; *c != '\0'; c = g_utf8_next_char (c), i++)
              if (i > 0 && is_stem (g_utf8_get_char (c)) && is_stem (g_utf8_get_char (g_utf8_prev_char (c))) &&
                  fabs (boxes[at + i].x1 - boxes[at + i - 1].x1 - em) > 0.01)
                g_error ("In “%s”, character %u is %.3f pt after the one before it, not %g",
                         line, i, boxes[at + i].x1 - boxes[at + i - 1].x1, em);
            /* Full lines: poppler puts the end of a Latin letter within
             * the precision of the font's widths in the PDF. */
            if (fabs (last->x2 - right) < 0.1)
              {
                if (mixed)
                  n_mixed++;
                else
                  n_full++;
              }
          }
        g_object_unref (page);
      }
  g_object_unref (document);
  /* The text is a whole number of ems wide; full lines of both kinds were
   * there to look at. */
  g_assert_true (is_multiple (right - left, em));
  g_assert_cmpuint (n_full, >=, 5);
  g_assert_cmpuint (n_mixed, >=, 5);
}

/* Photos and a long report --------------------------------------------- */

/* @jpeg with an EXIF block saying @orientation, right after its SOI. */
static GBytes *
add_orientation (GBytes *jpeg,
                 guint8  orientation)
{
  static const guint8 exif[] = {
    0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0, 42, 0, 0, 0, 8,          /* big-endian TIFF, IFD at 8 */
    0, 1,                                 /* one entry */
    0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0,  /* Orientation, SHORT, 1 */
    0, 0, 0, 0,                           /* no next IFD */
  };
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  GByteArray *out = g_byte_array_new ();
  guint8 block[sizeof exif];

  memcpy (block, exif, sizeof exif);
  block[29] = orientation;  /* the value: a big-endian SHORT in the entry's first two bytes */
  g_byte_array_append (out, data, 2);
  g_byte_array_append (out, block, sizeof block);
  g_byte_array_append (out, data + 2, size - 2);
  return g_byte_array_free_to_bytes (out);
}

/* Red on the left half, blue on the right: where red ends up shows how
 * the picture was turned. */
static TrPhoto *
make_halves_photo (guint8 orientation)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 400, 200);
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) turned = NULL;
  gsize size;
  TrPhoto *photo;

  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 400; x++)
      {
        guint8 *p = gdk_pixbuf_get_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) + x * 3;

        p[0] = x < 200 ? 230 : 20;
        p[1] = 20;
        p[2] = x < 200 ? 20 : 230;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "95", NULL));
  plain = g_bytes_new (buffer, size);
  turned = add_orientation (plain, orientation);
  photo = tr_photo_new_from_bytes (turned, "halves.jpg", &error);
  g_assert_no_error (error);
  tr_photo_set_caption (photo, "方向");
  return photo;
}

/* The colour of the page's pixel at @x_cm, @y_cm from its top left. */
static void
pixel_at (GdkPixbuf *page,
          double     x_cm,
          double     y_cm,
          guint8     rgb[3])
{
  int x = (int) (x_cm / 21.0 * gdk_pixbuf_get_width (page));
  int y = (int) (y_cm / 29.7 * gdk_pixbuf_get_height (page));
  const guint8 *p = gdk_pixbuf_read_pixels (page) + y * gdk_pixbuf_get_rowstride (page) +
                    x * gdk_pixbuf_get_n_channels (page);

  memcpy (rgb, p, 3);
}

/* A JPEG goes in unchanged, turned by the viewer as EXIF says: the photo
 * stored wide with orientation 6 (a quarter turn clockwise) shows tall,
 * its left half (red) at the top. */
static void
test_photo_orientation (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrPhoto) photo = make_halves_photo (6);
  g_autofree char *pdf = NULL;
  g_autofree char *prefix = test_path ("orientation");
  g_autofree char *png = NULL;
  g_autoptr(GdkPixbuf) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  g_autofree char *last = NULL;
  guint8 top[3], bottom[3];
  guint n_pages;
  /* A 400 × 200 photo turned is 200 × 400: 4 cm × 8 cm, centred in the
   * left half of the text, under the appendix's text. */
  double centre_x = 2.5 + 8.0 / 2;

  g_assert_cmpuint (tr_photo_get_width (photo), ==, 200);
  g_list_store_append (tr_report_get_photos (report), photo);
  pdf = export_report (report, "orientation.pdf", &n_pages);
  assert_sound (pdf);

  {
    const char *argv[] = { "pdfimages", "-list", pdf, NULL };

    list = tr_test_run_tool (argv);
  }
  /* Stored as it came: 400 × 200, DCT. */
  g_assert_nonnull (strstr (list, " 400   200 "));
  g_assert_nonnull (strstr (list, "jpeg"));

  last = g_strdup_printf ("%u", n_pages);
  {
    const char *argv[] = { "pdftoppm", "-r", "60", "-png", "-singlefile", "-f", last, "-l", last,
                           pdf, prefix, NULL };

    g_free (tr_test_run_tool (argv));
  }
  png = g_strconcat (prefix, ".png", NULL);
  page = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);

  /* The picture's column, a quarter and three quarters of the way down
   * its 8 cm, whatever its top: find its top first. */
  {
    double y;
    guint8 rgb[3] = { 255, 255, 255 };

    /* The first strongly red or blue pixel down the column: not text. */
    for (y = 2.5; y < 27; y += 0.05)
      {
        pixel_at (page, centre_x, y, rgb);
        if ((rgb[0] > 150 && rgb[2] < 100) || (rgb[2] > 150 && rgb[0] < 100))
          break;
      }
    g_assert_cmpfloat (y, <, 27);
    pixel_at (page, centre_x, y + 2, top);
    pixel_at (page, centre_x, y + 6, bottom);
  }
  g_test_message ("top %u,%u,%u bottom %u,%u,%u", top[0], top[1], top[2], bottom[0], bottom[1], bottom[2]);
  g_assert_cmpuint (top[0], >, 150);
  g_assert_cmpuint (top[2], <, 100);
  g_assert_cmpuint (bottom[2], >, 150);
  g_assert_cmpuint (bottom[0], <, 100);
}

/* Some 300 pages and 24 photos: every paragraph there in order, the
 * 目次 right, the photos numbered and in. */
static void
test_long_report (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (300);
  char *texts[TR_N_SECTIONS + 1] = { NULL };
  const guint shares[TR_N_SECTIONS] = { 20000, 110000, 55000, 35000 };
  g_autofree char *pdf = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *all = NULL;
  g_autofree char *list = NULL;
  guint n_pages, n_images = 0;
  const char *cursor;
  gint64 start;

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      texts[s] = tr_test_make_long_text (rand, tr_section_get_heading (s), shares[s]);
      tr_report_set_section (report, s, texts[s]);
    }
  texts[TR_N_SECTIONS] = g_strdup (tr_report_get_text (report, TR_FIELD_APPENDIX));
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *caption = g_strdup_printf ("第%u張活動照片", i + 1);
      g_autoptr(TrPhoto) photo = tr_test_make_photo (i % 3 == 2 ? "png" : "jpeg", 800 + 40 * i, 600, caption);

      g_list_store_append (tr_report_get_photos (report), photo);
    }

  start = g_get_monotonic_time ();
  pdf = export_report (report, "long.pdf", &n_pages);
  g_test_message ("Exported %u pages in %.0f ms", n_pages, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (n_pages, >=, 300);
  assert_sound (pdf);
  pages = tr_test_pdf_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  tr_test_assert_body_in_pdf (pages, body_headings, (const char **) texts, G_N_ELEMENTS (body_headings));

  joined = g_strjoinv ("\n", pages);
  all = tr_test_squeeze (joined, TRUE);
  cursor = strstr (all, "伍、附錄照片1：開幕式會場");
  g_assert_nonnull (cursor);
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *caption = g_strdup_printf ("照片%u：第%u張活動照片", i + 1, i + 1);

      cursor = strstr (cursor, caption);
      if (cursor == NULL)
        g_error ("The caption %s is missing or out of order", caption);
    }

  {
    const char *argv[] = { "pdfimages", "-list", pdf, NULL };
    g_auto(GStrv) lines = NULL;

    list = tr_test_run_tool (argv);
    lines = g_strsplit (list, "\n", -1);
    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) columns = NULL;
        g_autoptr(GPtrArray) fields = g_ptr_array_new ();

        if (lines[i][0] == '\0')
          continue;
        n_images++;
        /* page num type width height color comp bpc enc interp object ID x-ppi … */
        columns = g_strsplit_set (lines[i], " ", -1);
        for (guint c = 0; columns[c] != NULL; c++)
          if (columns[c][0] != '\0')
            g_ptr_array_add (fields, columns[c]);
        g_assert_cmpuint (fields->len, >=, 14);
        /* JPEGs as they are, the PNGs decoded at print resolution. */
        g_assert_cmpstr (fields->pdata[8], ==, (i - 2) % 3 == 2 ? "image" : "jpeg");
        g_assert_cmpuint (g_ascii_strtoull (fields->pdata[12], NULL, 10), >=, 200);
      }
  }
  g_assert_cmpuint (n_images, ==, 24);

  for (guint s = 0; s <= TR_N_SECTIONS; s++)
    g_free (texts[s]);
}

/* The review form ------------------------------------------------------------ */

static void
test_review_form (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrReview) review = tr_review_new ();
  g_autofree char *path = test_path ("審核表.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *page = NULL;
  const char * const parts[] = {
    "出國報告審核表", "報告名稱赴新加坡參加2024年世界城市高峰會出國報告",
    "出國人姓名王小明、李大華", "職稱科長、技正", "出國類別開會",
    "出國期間113年6月2日至113年6月6日", "報告繳交日期113年8月15日",
    "出國人員自我檢核", "計畫主辦機關審核",
    "1.依限繳交出國報告", "2.格式完整（本文具備目的、過程、心得及建議事項）",
    "8.退回補正，原因：", "9.公開發表方式：", "10.其他處理意見及方式：",
    "請補正下列事項：", "四、照片應附說明。",
    "出國人", "一級單位主管", "機關首長或授權人員", "王小明", "林署長",
  };

  tr_review_prefill (review, report, NULL);
  tr_review_set_answer (review, TR_REVIEW_ITEM_NO_PLAGIARISM, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_YES);
  tr_review_set_remarks (review, "請補正下列事項：\n一、摘要字數不足；\n二、建議事項應具體可行；\n"
                                 "三、過程應逐日記載，並列出每日參訪對象、地點及討論重點；\n四、照片應附說明。");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER, "王小明");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_HEAD, "林署長");

  g_assert_true (tr_pdf_review_form_to_file (report, review, file, NULL, &error));
  g_assert_no_error (error);
  assert_sound (path);
  g_assert_cmpuint (tr_test_pdf_page_count (path), ==, 1);
  tr_test_assert_traditional_chinese_fonts (path);
  pages = tr_test_pdf_pages (path);
  page = tr_test_squeeze (pages[0], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (page, parts[i]) == NULL)
      g_error ("The review form lacks “%s”: %s", parts[i], page);
  /* No page number on it. */
  {
    g_autofree char *footer = tr_test_page_footer (pages[0]);

    g_assert_false (tr_test_is_page_number_line (footer));
  }
  /* Items 1 and 2 ticked 是 in the traveller's column (worked out from the
   * report), item 3 by the agency; 40 boxes of answers, 6 reasons and 3
   * ways of publication in all. */
  g_assert_cmpuint (tr_test_count_char (page, 0x2611), ==, 3);
  g_assert_cmpuint (tr_test_count_char (page, 0x2610), ==, 40 + 6 + 3 - 3);
}

/* Tables -------------------------------------------------------------------- */

static char *
read_zip_entry (const char *path,
                const char *name)
{
  int zip_status = 0;
  zip_t *archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
  zip_file_t *entry;
  zip_stat_t stat;
  char *data;

  g_assert_nonnull (archive);
  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  entry = zip_fopen (archive, name, 0);
  g_assert_nonnull (entry);
  data = g_malloc (stat.size + 1);
  g_assert_cmpint (zip_fread (entry, data, stat.size), ==, (zip_int64_t) stat.size);
  data[stat.size] = '\0';
  zip_fclose (entry);
  zip_discard (archive);
  return data;
}

/* A schedule table of the body, as the document model has it, longer than
 * a page: its header row on every page it runs on, its caption, every row
 * once in order; and an ODT of it that the schema takes. */
static void
test_table (void)
{
  TrDocument *document = tr_document_new ();
  g_autoptr(TrDocument) odt_document = tr_document_new ();
  const double widths[] = { TR_DOC_CM (3), TR_DOC_CM (2.5), TR_DOC_CM (4.5), TR_DOC_CM (6) };
  const char * const header[] = { "日期", "時間", "地點/機關", "行程內容" };
  TrDocTable *tables[2];
  g_autofree char *pdf = test_path ("table.pdf");
  g_autofree char *odt = test_path ("table.odt");
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GBytes) package = NULL;
  guint n_pages = 0, row_seen = 0;

  for (guint t = 0; t < 2; t++)
    {
      TrDocTable *table = tr_doc_table_new (TR_DOC_TABLE_DATA, "表1", G_N_ELEMENTS (widths), widths);
      TrDocRow *row = tr_doc_table_add_row (table);

      table->borders = TRUE;
      table->padding = TR_DOC_CM (0.1);
      table->n_header_rows = 1;
      table->caption = tr_doc_paragraph_new (TR_DOC_STYLE_TABLE_CAPTION, "表 1：參訪行程");
      for (guint c = 0; c < G_N_ELEMENTS (header); c++)
        tr_doc_cell_add_text (tr_doc_row_set_cell (table, row, c, 1, 1), TR_DOC_STYLE_TABLE_HEADER, header[c]);
      for (guint r = 0; r < 120; r++)
        {
          g_autofree char *date = g_strdup_printf ("6月%u日", r / 8 + 1);
          g_autofree char *what = g_strdup_printf ("第%u場會議：與主辦單位討論%s", r + 1,
                                                   r % 5 == 0 ? "城市韌性、氣候變遷調適與公共運輸整合等議題之具體做法" : "議程");

          row = tr_doc_table_add_row (table);
          tr_doc_cell_add_text (tr_doc_row_set_cell (table, row, 0, 1, 1), TR_DOC_STYLE_TABLE_TEXT, date);
          tr_doc_cell_add_text (tr_doc_row_set_cell (table, row, 1, 1, 1), TR_DOC_STYLE_TABLE_TEXT, "09:30");
          tr_doc_cell_add_text (tr_doc_row_set_cell (table, row, 2, 1, 1), TR_DOC_STYLE_TABLE_TEXT, "市區重建局");
          tr_doc_cell_add_text (tr_doc_row_set_cell (table, row, 3, 1, 1), TR_DOC_STYLE_TABLE_TEXT, what);
        }
      tables[t] = table;
    }
  tr_document_add_paragraph (document, tr_doc_paragraph_new (TR_DOC_STYLE_BODY, "行程如下表。"));
  tr_document_add_table (document, tables[0]);
  tr_document_add_table (odt_document, tables[1]);

  g_assert_true (tr_pdf_export_document (document, file, &n_pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 3);
  pages = tr_test_pdf_pages (pdf);
  g_assert_nonnull (strstr (pages[0], "表 1：參訪行程"));
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autofree char *squeezed = tr_test_squeeze (pages[p], TRUE);
      const char *cursor = strstr (squeezed, "日期時間地點/機關行程內容");

      if (cursor == NULL)
        g_error ("Page %u lacks the table's header row: %s", p + 1, squeezed);
      /* The rows of the page come after it, each once, in order. */
      while (TRUE)
        {
          g_autofree char *next = g_strdup_printf ("第%u場會議", row_seen + 1);
          const char *found = strstr (cursor, next);

          if (found == NULL)
            break;
          row_seen++;
          cursor = found + strlen (next);
        }
    }
  g_assert_cmpuint (row_seen, ==, 120);

  /* The ODT of the same table: header rows marked so, the schema's. */
  package = tr_odt_package_build (odt_document, &error);
  g_assert_no_error (error);
  g_file_set_contents (odt, g_bytes_get_data (package, NULL), g_bytes_get_size (package), &error);
  g_assert_no_error (error);
  {
    g_autofree char *content = g_strconcat (odt, ".content.xml", NULL);
    g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "lib", "odf-schema", "OpenDocument-v1.3-schema.rng", NULL);
    g_autofree char *xml = read_zip_entry (odt, "content.xml");
    const char *xmllint[] = { "xmllint", "--noout", "--relaxng", schema, content, NULL };

    g_file_set_contents (content, xml, -1, &error);
    g_assert_no_error (error);
    g_free (tr_test_run_tool (xmllint));
    g_assert_nonnull (strstr (xml, "<table:table-header-rows>"));
    g_assert_nonnull (strstr (xml, "表 1：參訪行程"));
  }
}

/* Printing ------------------------------------------------------------------ */

/* What a print dialog does: the layout drawn page by page on a context of
 * its size (here an image, as a preview would), photos decoded. */
static void
test_draw_page (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrPhoto) photo = make_halves_photo (1);
  g_autoptr(TrPdfLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;
  g_autofree char *pdf = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 *data;
  int stride;
  guint dark = 0;
  /* Letter paper at 72 dpi: the page is scaled to fit and centred. */
  const int width = 612, height = 792;

  g_list_store_append (tr_report_get_photos (report), photo);
  pdf = export_report (report, "print.pdf", &n_pages);
  layout = tr_pdf_layout_new (tr_document_new_for_report (report, NULL), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_pdf_layout_get_n_pages (layout), ==, n_pages);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tr_pdf_layout_draw_page (layout, cr, n_pages - 1, width, height);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  data = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = data[y * stride + x];

        /* The photo's red and blue, decoded onto the image. */
        if (((pixel >> 16) & 0xFF) > 180 && (pixel & 0xFF) < 80)
          dark++;
      }
  g_test_message ("%u red pixels", dark);
  /* Its red half: 4 × 4 cm at 72 dpi, about 113 × 113 pixels. */
  g_assert_cmpuint (dark, >, 6000);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("tr-test-export-pdf-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/export-pdf/report/complete", test_complete_report);
  g_test_add_func ("/export-pdf/report/empty", test_empty_report);
  g_test_add_func ("/export-pdf/report/mixed-scripts", test_mixed_scripts);
  g_test_add_func ("/export-pdf/report/fonts", test_fonts);
  g_test_add_func ("/export-pdf/report/contents-pages", test_contents_pages);
  g_test_add_func ("/export-pdf/report/metadata-and-outline", test_metadata_and_outline);
  g_test_add_func ("/export-pdf/report/line-breaks", test_line_breaks);
  g_test_add_func ("/export-pdf/report/character-grid", test_character_grid);
  g_test_add_func ("/export-pdf/report/photo-orientation", test_photo_orientation);
  g_test_add_func ("/export-pdf/report/300-pages", test_long_report);
  g_test_add_func ("/export-pdf/review-form/one-page", test_review_form);
  g_test_add_func ("/export-pdf/table/header-repeated", test_table);
  g_test_add_func ("/export-pdf/print/draw-page", test_draw_page);

  status = g_test_run ();
  /* Keep the files of a failed run, or when asked, to look at. */
  if (status == 0 && g_getenv ("TR_TEST_KEEP") == NULL)
    tr_test_remove_tree (test_dir);
  else
    g_printerr ("# the files are in %s\n", test_dir);
  g_free (test_dir);
  return status;
}
