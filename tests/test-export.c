/* test-export.c: the ODT export, checked with the tools a reviewer would use
 *
 * Every export here is a real file in a fresh temporary folder. Its zip
 * layout is read byte by byte; its XML parts are validated by xmllint
 * against the ODF 1.3 schemas in tests/odf-schema; LibreOffice
 * (headless) converts it to PDF and pdftotext shows what a reader sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <locale.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <zip.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tr-odt-exporter.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"
#include "tr-odt-review-form.h"
#include "tr-report.h"
#include "tr-review.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"
#define NOBODY_ID 65534

/* The folder every test writes in, and LibreOffice's profile, made once. */
static char *test_dir;
static char *lo_profile_dir;
/* Strings the assertions read, freed at the end (for the leak checker). */
static GPtrArray *strings;

/* Fixtures -------------------------------------------------------------- */





static char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

/* A new folder of its own for one test. */
static char *
make_folder (const char *name)
{
  char *path = test_path (name);

  g_assert_no_errno (g_mkdir_with_parents (path, 0755));
  return path;
}

static char *
export_report (TrReport   *report,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tr_odt_export_to_file (report, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Running tools ------------------------------------------------------------ */


static char *
find_schema (const char *name)
{
  /* OASIS's schemas, kept in tests/odf-schema (see its README). */
  char *path = g_test_build_filename (G_TEST_DIST, "odf-schema", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("The ODF schema %s is missing", path);
  return path;
}

static GBytes *
read_entry (const char *odt_path,
            const char *name)
{
  int zip_status = 0;
  zip_t *archive = zip_open (odt_path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
  zip_file_t *entry;
  zip_stat_t stat;
  guint8 *data;

  g_assert_nonnull (archive);
  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  entry = zip_fopen (archive, name, 0);
  g_assert_nonnull (entry);
  data = g_malloc (stat.size + 1);
  g_assert_cmpint (zip_fread (entry, data, stat.size), ==, (zip_int64_t) stat.size);
  data[stat.size] = '\0';
  zip_fclose (entry);
  zip_discard (archive);
  return g_bytes_new_take (data, stat.size);
}

/* Writes the part @name of @odt_path beside it, for the tools. */
static char *
extract_entry (const char *odt_path,
               const char *name)
{
  g_autoptr(GBytes) data = read_entry (odt_path, name);
  g_autofree char *flat_name = g_strdelimit (g_strdup (name), "/", '-');
  g_autofree char *prefix = g_strconcat (odt_path, ".", flat_name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (prefix, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&prefix);
}

static void
assert_valid_package (const char *odt_path)
{
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml", NULL };
  g_autofree char *schema = find_schema ("OpenDocument-v1.3-schema.rng");
  g_autofree char *manifest_schema = find_schema ("OpenDocument-v1.3-manifest-schema.rng");
  g_autofree char *manifest = extract_entry (odt_path, "META-INF/manifest.xml");

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = extract_entry (odt_path, parts[i]);
      const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, part, NULL };

      g_free (tr_test_run_tool (argv));
    }
  {
    const char *argv[] = { "xmllint", "--noout", "--relaxng", manifest_schema, manifest, NULL };

    g_free (tr_test_run_tool (argv));
  }
}

/* Converts with LibreOffice; the path of the PDF. Its profile lives in the
 * test folder, away from $HOME. */
static char *
convert_to_pdf (const char *odt_path)
{
  g_autofree char *out_dir = g_strconcat (odt_path, ".pdf.d", NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", lo_profile_dir, NULL);
  g_autofree char *base = g_path_get_basename (odt_path);
  g_autofree char *pdf_name = NULL;
  g_autofree char *soffice_path = g_find_program_in_path ("soffice");
  const char *soffice = soffice_path != NULL ? "soffice" : "libreoffice";
  const char *argv[] = { soffice, profile, "--headless", "--norestore", "--convert-to", "pdf",
                         "--outdir", out_dir, odt_path, NULL };
  char *pdf;

  g_assert_no_errno (g_mkdir_with_parents (out_dir, 0755));
  g_free (tr_test_run_tool (argv));

  base[strlen (base) - strlen (".odt")] = '\0';
  pdf_name = g_strconcat (base, ".pdf", NULL);
  pdf = g_build_filename (out_dir, pdf_name, NULL);
  if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    g_error ("LibreOffice made no PDF of %s", odt_path);
  return pdf;
}








/* XML -------------------------------------------------------------------- */

static xmlDocPtr
parse_entry (const char *odt_path,
             const char *name)
{
  g_autoptr(GBytes) data = read_entry (odt_path, name);
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                 name, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/* The string values of the nodes @expression selects. */
static GStrv
xpath_strings (xmlDocPtr   doc,
               const char *expression)
{
  static const char * const namespaces[][2] = {
    { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
    { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
    { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
    { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
    { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
    { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
    { "xlink", "http://www.w3.org/1999/xlink" },
    { "dc", "http://purl.org/dc/elements/1.1/" },
    { "meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
    { "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
    { "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
  };
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    xmlXPathRegisterNs (context, BAD_CAST namespaces[i][0], BAD_CAST namespaces[i][1]);
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (result);
  if (result->nodesetval != NULL)
    for (int i = 0; i < result->nodesetval->nodeNr; i++)
      {
        xmlChar *value = xmlXPathCastNodeToString (result->nodesetval->nodeTab[i]);

        g_strv_builder_add (builder, (const char *) value);
        xmlFree (value);
      }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return g_strv_builder_end (builder);
}

/* The value of the one node @expression selects. */
static const char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  g_auto(GStrv) values = xpath_strings (doc, expression);

  if (g_strv_length (values) != 1)
    g_error ("%s selects %u nodes, not one", expression, g_strv_length (values));
  g_ptr_array_add (strings, g_strdup (values[0]));
  return g_ptr_array_index (strings, strings->len - 1);
}

static guint
xpath_count (xmlDocPtr   doc,
             const char *expression)
{
  g_auto(GStrv) values = xpath_strings (doc, expression);

  return g_strv_length (values);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Tests: the faces ---------------------------------------------------------- */


/* One face is declared, a Traditional Chinese one, and every style that
 * sets text properties names it for Latin, CJK and complex text alike,
 * with the zh-TW language: LibreOffice and Word then never fall back to a
 * Japanese or Simplified Chinese face. */
static void
assert_traditional_chinese_styles (xmlDocPtr styles)
{
  g_auto(GStrv) faces = xpath_strings (styles, "//style:font-face/@style:name");
  guint n_text = xpath_count (styles, "//style:text-properties");

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

      g_assert_cmpuint (xpath_count (styles, expression), ==, n_text);
    }
  g_assert_cmpuint (xpath_count (styles, "//style:text-properties[@fo:language='zh' and @fo:country='TW' and "
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
  g_assert_cmpint (zip_get_num_entries (archive, 0), ==, 5);
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    {
      g_assert_cmpint (zip_file_extra_fields_count (archive, i, ZIP_FL_LOCAL | ZIP_FL_CENTRAL), ==, 0);
      g_ptr_array_add (names, g_strdup (zip_get_name (archive, i, 0)));
    }
  zip_discard (archive);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "mimetype");

  /* The manifest lists the package and every part, nothing else: ODF
   * leaves out the mimetype and META-INF/ (the manifest itself). */
  manifest = parse_entry (path, "META-INF/manifest.xml");
  listed = xpath_strings (manifest, "//manifest:file-entry/@manifest:full-path");
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

  assert_valid_package (path);
}

/* Tests: the document ----------------------------------------------------- */

static void
test_document_structure (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = export_report (report, "structure.odt");
  g_autoptr(xmlDoc) content = parse_entry (path, "content.xml");
  g_autoptr(xmlDoc) styles = parse_entry (path, "styles.xml");
  g_autoptr(xmlDoc) meta = parse_entry (path, "meta.xml");
  g_auto(GStrv) headings = xpath_strings (content, "//office:text/text:h[@text:outline-level='1']");
  g_auto(GStrv) bookmarks = xpath_strings (content, "//text:h/text:bookmark-start/@text:name");
  g_auto(GStrv) toc_refs = xpath_strings (content, "//text:index-body//text:bookmark-ref/@text:ref-name");
  g_auto(GStrv) toc_entries = xpath_strings (content, "//text:index-body/text:p");
  g_auto(GStrv) keywords = xpath_strings (meta, "//meta:keyword");
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
      found = xpath_strings (content, expression);
      g_assert_cmpuint (g_strv_length (found), ==, 1);
      g_assert_cmpstr (found[0], ==, lines[i].style);
    }

  /* No direct formatting: the only automatic paragraph style is the page
   * break before the body, and every paragraph style used is a named one. */
  automatic = xpath_strings (content, "//office:automatic-styles/style:style[@style:family='paragraph']"
                                      "/style:paragraph-properties/@*");
  g_assert_cmpuint (g_strv_length (automatic), ==, 1);
  g_assert_cmpstr (automatic[0], ==, "page");
  used = xpath_strings (content, "//office:text//*[self::text:p or self::text:h]/@text:style-name");
  for (guint i = 0; used[i] != NULL; i++)
    {
      g_autofree char *expression =
        g_strdup_printf ("//office:styles/style:style[@style:family='paragraph' and @style:name='%s']",
                         g_str_equal (used[i], "TrHeadingNewPage") ? "Heading_20_1" : used[i]);
      g_auto(GStrv) found = xpath_strings (styles, expression);

      g_assert_cmpuint (g_strv_length (found), ==, 1);
    }

  /* A4 portrait, the text 2.5 cm from every edge (the footer sits in the
   * bottom margin), one Traditional Chinese face, 14 pt, 1.5 lines. */
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:page-width"), ==, "21cm");
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:page-height"), ==, "29.7cm");
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:margin-left"), ==, "2.5cm");
  g_assert_cmpstr (xpath_string (styles, "//style:page-layout[@style:name='TrPageLayout']/style:page-layout-properties/@fo:margin-top"), ==, "2.5cm");
  assert_traditional_chinese_styles (styles);
  g_assert_cmpstr (xpath_string (styles, "//style:default-style[@style:family='paragraph']/style:text-properties/@style:font-size-asian"),
                   ==, "14pt");
  g_assert_cmpstr (xpath_string (styles, "//style:style[@style:name='TrBody']/style:paragraph-properties/@fo:line-height"),
                   ==, "150%");

  /* The cover has its own page style, without the footer's page number. */
  g_assert_cmpstr (xpath_string (content, "(//office:text/text:p)[1]/@text:style-name"), ==, "TrCoverCategory");
  g_assert_cmpstr (xpath_string (styles, "//style:style[@style:name='TrCoverCategory']/@style:master-page-name"), ==, "TrCover");
  g_assert_cmpuint (xpath_count (styles, "//style:master-page[@style:name='TrCover']/style:footer"), ==, 0);
  g_assert_cmpuint (xpath_count (styles, "//style:master-page[@style:name='Standard']/style:footer//text:page-number"), ==, 1);

  /* The 提要 form ticks the category and the attachments, and counts its
   * pages with a field that LibreOffice fills in. */
  g_assert_cmpstr (xpath_string (content, "//table:table-row[table:table-cell[1]='出國類別']/table:table-cell[2]"),
                   ==, "☐考察　☐進修　☐研究　☐實習　☐視察☐訪問　☑開會　☐談判　☐其他");
  g_assert_cmpstr (xpath_string (content, "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[3]"),
                   ==, "含附件");
  g_assert_cmpstr (xpath_string (content, "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[4]"),
                   ==, "☑是　☐否");
  g_assert_cmpuint (xpath_count (content, "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[2]/text:p/text:page-count"), ==, 1);
  g_assert_cmpuint (xpath_count (content, "//table:table-row[table:table-cell[1]='出國人員']/table:table-cell[1][@table:number-rows-spanned='3']"), ==, 1);

  /* meta.xml */
  g_assert_cmpstr (xpath_string (meta, "//dc:title"), ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  g_assert_cmpstr (xpath_string (meta, "//dc:creator"), ==, "王小明");
  g_assert_true (g_str_has_prefix (xpath_string (meta, "//meta:generator"), "TripReports/"));
  g_assert_cmpuint (g_strv_length (keywords), ==, 3);
  g_assert_cmpstr (keywords[0], ==, "世界城市高峰會");
  g_assert_true (g_str_has_prefix (xpath_string (meta, "//meta:creation-date"), "20"));
  g_assert_true (g_str_has_prefix (xpath_string (meta, "//dc:date"), "20"));
}

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

  assert_valid_package (path);
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

  assert_valid_package (path);
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
  assert_valid_package (path);

  /* Each picture is in Pictures/, stored unchanged and listed. */
  manifest = parse_entry (path, "META-INF/manifest.xml");
  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (report)), i);
      g_autoptr(GBytes) stored = read_entry (path, photos[i].path);
      g_autofree char *expression =
        g_strdup_printf ("//manifest:file-entry[@manifest:full-path='%s']/@manifest:media-type",
                         photos[i].path);

      g_assert_true (g_bytes_equal (stored, tr_photo_get_data (photo)));
      g_assert_cmpstr (xpath_string (manifest, expression), ==, photos[i].media_type);
    }

  /* Two to a row, each frame the picture's shape, within half the width. */
  content = parse_entry (path, "content.xml");
  g_assert_cmpuint (xpath_count (content, "//table:table[@table:name='照片']"), ==, 1);
  g_assert_cmpuint (xpath_count (content, "//table:table[@table:name='照片']/table:table-row"), ==, 2);
  g_assert_cmpuint (xpath_count (content, "//table:table[@table:name='照片']/table:table-row/table:table-cell"), ==, 4);
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
    g_auto(GStrv) captions = xpath_strings (content, "//text:p[@text:style-name='TrPhotoCaption']");
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
  assert_valid_package (path);

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
  assert_valid_package (path);

  /* The XML holds the text exactly, escaped by libxml2, spaces kept. */
  content = parse_entry (path, "content.xml");
  paragraphs = xpath_strings (content, "//office:text/text:h[1]/following-sibling::text:p[position() <= 3]");
  g_assert_cmpstr (paragraphs[0], ==, "Latin: café, naïve, Ærøskøbing — “quoted” & <tagged> text.");
  g_assert_cmpstr (paragraphs[2], ==, "Emoji: 😀 🇹🇼 👍🏽 and 𠀋 (an ideograph outside the BMP).");
  g_assert_cmpuint (xpath_count (content, "//text:p[starts-with(., 'Spaces:')]/text:s[@text:c='2']"), ==, 1);
  g_assert_cmpuint (xpath_count (content, "//text:p[starts-with(., 'Spaces:')]/text:tab"), ==, 1);

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
  assert_valid_package (path);

  content = parse_entry (path, "content.xml");
  meta = parse_entry (path, "meta.xml");
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
  content = parse_entry (path, "content.xml");
  g_assert_cmpstr (xpath_string (content, "//text:p[@text:style-name='TrCoverTitle']"),
                   ==, "考察報告：AI/ML 應用 10:30 場次?");
  pdf = convert_to_pdf (path);
  pages = tr_test_pdf_pages (pdf);
  text = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (text, "考察報告：AI/ML 應用 10:30 場次?"));
}

/* Tests: never lose a file -------------------------------------------------- */

/* The names in @dir but the ones given: temporary files left behind. */
static void
assert_only_files (const char *dir,
                   ...)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *name;
  va_list args;

  va_start (args, dir);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) name);
  va_end (args);

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_ptr_array_find_with_equal_func (expected, name, g_str_equal, NULL))
      g_error ("Unexpected file “%s” left in %s", name, dir);
}

static void
test_dev_full (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dev = NULL;
  struct stat before, after;
  const char *name;

  if (g_stat ("/dev/full", &before) != 0 || !S_ISCHR (before.st_mode))
    {
      g_test_skip ("no /dev/full here");
      return;
    }

  /* A device is not a file to replace (as root, renaming over it would
   * replace the device node): refused, with a message that names it. */
  g_assert_false (tr_odt_export_to_file (report, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/full"));

  g_assert_no_errno (g_stat ("/dev/full", &after));
  g_assert_true (S_ISCHR (after.st_mode));
  g_assert_cmpuint (after.st_rdev, ==, before.st_rdev);
  dev = g_dir_open ("/dev", 0, NULL);
  while (dev != NULL && (name = g_dir_read_name (dev)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".trip-reports-export-"));
}

static void
test_missing_folder (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *folder = test_path ("no-such-folder");
  g_autofree char *path = g_build_filename (folder, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (tr_odt_export_to_file (report, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* An earlier export in @dir/report.odt, owned by @uid. */
static char *
make_previous_export (const char *dir,
                      uid_t       uid,
                      char      **out_contents,
                      gsize      *out_length)
{
  g_autoptr(TrReport) previous = tr_test_make_report ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tr_report_set_text (previous, TR_FIELD_TITLE, "上一版");
  tr_odt_export_to_file (previous, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_errno (chmod (path, 0644));
  if (geteuid () == 0)
    g_assert_no_errno (chown (path, uid, uid));
  g_file_get_contents (path, out_contents, out_length, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_unchanged (const char *path,
                  const char *contents,
                  gsize       length)
{
  g_autofree char *now = NULL;
  gsize now_length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &now, &now_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (now, now_length, contents, length);
}

/* Exports over the file of $TR_TEST_TARGET and prints the error. */
static void
export_in_subprocess (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("TR_TEST_TARGET"));
  g_autoptr(GError) error = NULL;
  gboolean ok = tr_odt_export_to_file (report, file, NULL, &error);

  g_assert_false (ok);
  /* Not g_print(): it would turn the quotes into "?" in the C locale. */
  printf ("domain=%s code=%d message=%s\n", g_quark_to_string (error->domain), error->code, error->message);
}

/* Root may write anywhere: the export must then fail for an ordinary user
 * who owns the file but not the folder. Under root the child becomes
 * nobody (65534) for the export; otherwise it runs as the user. */
static void
test_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      if (geteuid () == 0)
        {
          g_assert_no_errno (setgroups (0, NULL));
          g_assert_no_errno (setgid (NOBODY_ID));
          g_assert_no_errno (setuid (NOBODY_ID));
        }
      export_in_subprocess ();
      return;
    }

  {
    g_autofree char *dir = make_folder ("read-only");
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *path = make_previous_export (dir, NOBODY_ID, &contents, &length);
    g_autofree char *expected = g_strdup_printf ("*code=%d message=Could not save “%s”: you cannot write in the folder “%s”*",
                                                 G_IO_ERROR_PERMISSION_DENIED, path, dir);

    /* The file itself stays writable: a fallback that truncates it and
     * writes in place would succeed, and lose it on any error. */
    if (geteuid () == 0)
      g_assert_no_errno (chown (dir, NOBODY_ID, NOBODY_ID));
    g_assert_no_errno (chmod (dir, 0555));
    g_setenv ("TR_TEST_TARGET", path, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_assert_no_errno (chmod (dir, 0755));

    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout (expected);
    assert_unchanged (path, contents, length);
    assert_only_files (dir, "report.odt", NULL);
  }
}

/* A write that fails half way (the file size limit stands in for a full
 * disk: the same write(2) failure, without mounting a small disk). */
static void
test_write_failure_keeps_file (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &limit));
      export_in_subprocess ();
      return;
    }

  {
    g_autofree char *dir = make_folder ("write-failure");
    g_autofree char *contents = NULL;
    gsize length;
    g_autofree char *path = make_previous_export (dir, geteuid (), &contents, &length);
    g_autofree char *expected = g_strdup_printf ("*message=Could not save “%s”: *", path);

    /* The package is larger than the limit. */
    g_assert_cmpuint (length, >, 4096);
    g_setenv ("TR_TEST_TARGET", path, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);

    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout (expected);
    assert_unchanged (path, contents, length);
    assert_only_files (dir, "report.odt", NULL);
  }
}

static void
test_replace_keeps_permissions (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *dir = make_folder ("replace");
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *path = make_previous_export (dir, geteuid (), &contents, &length);
  g_autofree char *link_path = g_build_filename (dir, "link.odt", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  /* Through a symbolic link: the file it points to is replaced, the link
   * stays, and so does the file's mode. */
  g_assert_no_errno (chmod (path, 0640));
  g_assert_no_errno (symlink ("report.odt", link_path));
  g_assert_true (tr_odt_export_to_file (report, link, NULL, &error));
  g_assert_no_error (error);

  g_assert_no_errno (g_lstat (link_path, &st));
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
  content = parse_entry (path, "content.xml");
  g_assert_cmpstr (xpath_string (content, "//text:p[@text:style-name='TrCoverTitle']"),
                   ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  assert_only_files (dir, "report.odt", "link.odt", NULL);
}

/* Tests: in a thread ---------------------------------------------------------- */

/* A file of @dir named @name, last written @age seconds ago. */
static char *
make_file_of_age (const char *dir,
                  const char *name,
                  gint64      age)
{
  char *path = g_build_filename (dir, name, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  struct utimbuf times = { now - age, now - age };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "PK\3\4 what an export had written", -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_utime (path, &times));
  return path;
}

/* An export killed before its rename leaves its temporary file, the size
 * of the document, beside the target: the next export to that folder
 * removes it. Only ours (by name, and by owner when the test can give a
 * file away), only stale: not one written to minutes ago, and never one
 * another export holds open, however old. */
static void
test_stale_temporary_files (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *dir = make_folder ("stale-temporaries");
  g_autofree char *target = g_build_filename (dir, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *killed = make_file_of_age (dir, ".trip-reports-export-k1LLed", 3600);
  g_autofree char *recent = make_file_of_age (dir, ".trip-reports-export-rEcent", 10);
  g_autofree char *writing = make_file_of_age (dir, ".trip-reports-export-wr1tng", 3600);
  g_autofree char *not_ours = make_file_of_age (dir, ".trip-reports-export-notours", 3600);
  g_autofree char *notes = make_file_of_age (dir, "notes.txt", 3600);
  g_autofree char *foreign = NULL;
  int writer;

  /* Another export still writing: it holds a lock on its file. */
  writer = open (writing, O_RDWR | O_CLOEXEC);
  g_assert_cmpint (writer, >=, 0);
  g_assert_no_errno (flock (writer, LOCK_EX | LOCK_NB));
  if (geteuid () == 0)
    {
      foreign = make_file_of_age (dir, ".trip-reports-export-n0body", 3600);
      g_assert_no_errno (chown (foreign, NOBODY_ID, NOBODY_ID));
    }

  tr_odt_export_to_file (report, file, NULL, &error);
  g_assert_no_error (error);
  close (writer);

  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  assert_only_files (dir, "report.odt", ".trip-reports-export-rEcent",
                     ".trip-reports-export-wr1tng", ".trip-reports-export-notours", "notes.txt",
                     ".trip-reports-export-n0body", NULL);
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (writing, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  if (foreign != NULL)
    g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
}

typedef struct {
  GMainLoop *loop;
  gboolean ok;
  GError *error;
} AsyncResult;

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *async = user_data;

  g_assert_null (source);
  async->ok = tr_odt_export_finish (result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_async_snapshot (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = test_path ("async.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { .loop = loop };
  g_autoptr(xmlDoc) content = NULL;

  tr_odt_export_async (report, file, NULL, export_done, &async);
  /* Edited while the file is written: the export has what was there. */
  tr_report_set_text (report, TR_FIELD_TITLE, "改過的標題");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "改過的目的");
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  content = parse_entry (path, "content.xml");
  g_assert_cmpstr (xpath_string (content, "//text:p[@text:style-name='TrCoverTitle']"),
                   ==, "赴新加坡參加2024年世界城市高峰會出國報告");
  g_assert_cmpstr (xpath_string (content, "//text:h[1]/following-sibling::text:p[1]"),
                   ==, "世界城市高峰會每兩年舉辦一次，為全球城市治理之重要論壇。");
}

/* The thread works on a copy of the report, not on one read back from its
 * JSON form, which refuses what the model and the export take: a date
 * field holding words (shown as they are) must export in a thread as it
 * does in place. */
static void
test_async_snapshot_is_a_copy (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *path = test_path ("async-copy.odt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { .loop = loop };
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length;

  tr_report_set_text (report, TR_FIELD_REPORT_DATE, "民國105年秋");
  expected = tr_odt_export_to_bytes (report, &error);
  g_assert_no_error (error);

  tr_odt_export_async (report, file, NULL, export_done, &async);
  g_main_loop_run (loop);

  g_assert_no_error (async.error);
  g_assert_true (async.ok);
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  g_assert_cmpmem (written, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_async_cancelled (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autofree char *dir = make_folder ("cancelled");
  g_autofree char *path = g_build_filename (dir, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult async = { .loop = loop };

  g_cancellable_cancel (cancellable);
  tr_odt_export_async (report, file, cancellable, export_done, &async);
  g_main_loop_run (loop);

  g_assert_false (async.ok);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  assert_only_files (dir, NULL);
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
  assert_valid_package (path);

  /* The ticks, cell by cell: 是 and 否 of both columns for every item. */
  content = parse_entry (path, "content.xml");
  g_assert_cmpuint (xpath_count (content, "//table:table[@table:name='審核項目']/table:table-row"), ==, 10);
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
  assert_valid_package (path);
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
  g_auto(GStrv) names = xpath_strings (doc, "//office:annotation/@office:name");

  g_assert_cmpuint (xpath_count (doc, "//office:annotation"), ==, 3);
  g_assert_cmpuint (xpath_count (doc, "//office:annotation-end"), ==, 3);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpuint (xpath_count (doc, "//office:annotation[dc:creator='審核人甲']"), ==, 2);
  g_assert_cmpuint (xpath_count (doc, "//office:annotation[text:p='請補充參訪對象的職稱']"), ==, 1);
  g_assert_cmpuint (xpath_count (doc, "//office:annotation[text:p='第二行']"), ==, 1);
  g_assert_cmpuint (xpath_count (doc, "//office:annotation[text:p='已處理的意見']"), ==, 0);
  g_assert_cmpuint (xpath_count (doc, "//office:annotation[starts-with(dc:date, '20')]"), ==, 3);

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
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", lo_profile_dir, NULL);
  g_autofree char *soffice_path = g_find_program_in_path ("soffice");
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
  assert_valid_package (path);
  content = parse_entry (path, "content.xml");
  assert_annotations (content);

  /* LibreOffice reads them as comments: saved again as ODT by it, they are
   * still there, over the same passages. */
  {
    const char *argv[] = { soffice_path != NULL ? "soffice" : "libreoffice", profile, "--headless",
                           "--norestore", "--convert-to", "odt", "--outdir", lo_dir, path, NULL };

    g_free (tr_test_run_tool (argv));
  }
  resaved = g_build_filename (lo_dir, "comments.odt", NULL);
  resaved_content = parse_entry (resaved, "content.xml");
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
    plain_content = parse_entry (plain_path, "content.xml");
    g_assert_cmpuint (xpath_count (plain_content, "//office:annotation"), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Messages in UTF-8 under LC_ALL=C.UTF-8, not "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  strings = g_ptr_array_new_with_free_func (g_free);

  /* The children of the file tests are given their target. */
  if (!g_test_subprocess ())
    {
      test_dir = g_dir_make_tmp ("tr-test-export-XXXXXX", &error);
      g_assert_no_error (error);
      /* Under root, the read-only test's unprivileged child must reach it. */
      g_assert_no_errno (chmod (test_dir, 0755));
      lo_profile_dir = g_build_filename (test_dir, "libreoffice-profile", NULL);
    }

  g_test_add_func ("/export/package/layout", test_package_layout);
  g_test_add_func ("/export/document/structure", test_document_structure);
  g_test_add_func ("/export/pdf/complete-report", test_pdf_complete_report);
  g_test_add_func ("/export/pdf/empty-sections", test_pdf_empty_sections);
  g_test_add_func ("/export/pdf/mixed-scripts", test_pdf_mixed_scripts);
  g_test_add_func ("/export/pdf/control-characters", test_control_characters);
  g_test_add_func ("/export/pdf/title-with-slash-and-colon", test_title_with_slash_and_colon);
  g_test_add_func ("/export/pdf/photos", test_pdf_photos);
  g_test_add_func ("/export/pdf/300-pages", test_pdf_long_report);
  g_test_add_func ("/export/file/dev-full", test_dev_full);
  g_test_add_func ("/export/file/missing-folder", test_missing_folder);
  g_test_add_func ("/export/file/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/file/write-failure", test_write_failure_keeps_file);
  g_test_add_func ("/export/file/replace-keeps-permissions", test_replace_keeps_permissions);
  g_test_add_func ("/export/file/stale-temporary-files", test_stale_temporary_files);
  g_test_add_func ("/export/async/snapshot", test_async_snapshot);
  g_test_add_func ("/export/async/snapshot-is-a-copy", test_async_snapshot_is_a_copy);
  g_test_add_func ("/export/async/cancelled", test_async_cancelled);
  g_test_add_func ("/export/review-form/filled", test_review_form);
  g_test_add_func ("/export/review-form/blank", test_review_form_blank);
  g_test_add_func ("/export/comments/annotations", test_annotations);

  status = g_test_run ();

  if (!g_test_subprocess ())
    {
      const char *argv_rm[] = { "rm", "-rf", test_dir, NULL };

      /* Keep the files of a failed run to look at. */
      if (status == 0)
        g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
      else
        g_printerr ("# the files are in %s\n", test_dir);
    }
  g_ptr_array_unref (strings);
  g_free (lo_profile_dir);
  g_free (test_dir);
  return status;
}
