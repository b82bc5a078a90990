/* test-office-import.c: ODT and DOCX import, and our ODT coming back
 *
 * Real files: our own export, the same re-saved by headless LibreOffice
 * after a reviewer's comment went in as LibreOffice writes one, DOCX
 * files made by pandoc and by LibreOffice, and hostile packages made by
 * lib/office-files.py. Every bad file is refused with one line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "tr-error.h"
#include "tr-odt-exporter.h"
#include "tr-office-import.h"
#include "tr-report-json.h"
#include "tr-review-json.h"
#include "tr-review-merge.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"

static const char report_json[] =
  "{\"fields\": {\"title\": \"赴愛沙尼亞考察數位政府\", \"agency\": \"國家發展委員會\","
  " \"contact\": \"林怡君\","
  " \"travellers\": [{\"name\": \"林怡君\", \"agency\": \"國家發展委員會\", \"title\": \"專員\"}]},"
  " \"summary\": \"考察愛沙尼亞數位政府。\","
  " \"sections\": {\"purpose\": \"了解愛沙尼亞數位身分制度。\\n學習跨機關資料交換。\","
  " \"process\": \"7月9日抵達塔林，拜會經濟部。\\n7月10日參訪e-Estonia展示中心。\","
  " \"observations\": \"數位身分是服務的基礎。\","
  " \"recommendations\": \"建議推動資料交換平台。\"}}";

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("test-office-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *argv[] = { "rm", "-rf", fixture->dir, NULL };

  g_free (tr_test_run_tool (argv));
  g_free (fixture->dir);
}

static TrReport *
make_report (void)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_new_from_json (report_json, -1, &error);

  g_assert_no_error (error);
  return report;
}

static char *
write_export (Fixture    *fixture,
              TrReport   *report,
              GPtrArray  *comments,
              TrReview   *review,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = review != NULL
                            ? tr_odt_export_for_review_to_bytes (report, comments, review, &error)
                            : tr_odt_export_to_bytes_with_comments (report, comments, &error);
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

static TrOfficeImport *
import_path (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return tr_office_import_new_from_bytes (bytes, basename, error);
}

static char *
office_files_script (void)
{
  return g_test_build_filename (G_TEST_DIST, "lib", "office-files.py", NULL);
}

static void
run_script (const char *first,
            ...)
{
  g_autofree char *script = office_files_script ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, script);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_free (tr_test_run_tool ((const char * const *) argv->pdata));
}

/* Converts @path with headless LibreOffice, in a profile of the test's own. */
static char *
libreoffice_convert (Fixture    *fixture,
                     const char *path,
                     const char *format,
                     const char *outdir_name)
{
  g_autofree char *outdir = g_build_filename (fixture->dir, outdir_name, NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", fixture->dir, "/lo-profile", NULL);
  g_autofree char *soffice_path = g_find_program_in_path ("soffice");
  const char *argv[] = { soffice_path != NULL ? "soffice" : "libreoffice", profile, "--headless",
                         "--norestore", "--convert-to", format, "--outdir", outdir, path, NULL };
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strrchr (base, '.') - base);
  g_autofree char *out_name = g_strconcat (stem, ".", format, NULL);

  g_free (tr_test_run_tool (argv));
  return g_build_filename (outdir, out_name, NULL);
}

/* Our ODT comes back as it left: the same report, its ID, its comments;
 * the package stays valid ODF 1.3 with our parts in its manifest. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report ();
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *original = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "lib", "odf-schema", "OpenDocument-v1.3-schema.rng", NULL);
  g_autofree char *manifest_schema = g_test_build_filename (G_TEST_DIST, "lib", "odf-schema", "OpenDocument-v1.3-manifest-schema.rng", NULL);
  g_autofree char *unpacked = g_build_filename (fixture->dir, "unpacked", NULL);
  g_autofree char *meta = g_build_filename (unpacked, "meta.xml", NULL);
  g_autofree char *manifest = g_build_filename (unpacked, "META-INF", "manifest.xml", NULL);
  g_autofree char *manifest_text = NULL;
  TrComment *comment;

  g_ptr_array_add (comments, tr_comment_new (TR_SECTION_PROCESS, 9, 14, "拜會經濟部", "請補充會談重點", "王科長"));
  path = write_export (fixture, report, comments, NULL, "report.odt");

  {
    const char *unzip[] = { "unzip", "-q", "-o", path, "-d", unpacked, NULL };
    const char *meta_check[] = { "xmllint", "--noout", "--relaxng", schema, meta, NULL };
    const char *manifest_check[] = { "xmllint", "--noout", "--relaxng", manifest_schema, manifest, NULL };

    g_free (tr_test_run_tool (unzip));
    g_free (tr_test_run_tool (meta_check));
    g_free (tr_test_run_tool (manifest_check));
  }
  g_assert_true (g_file_get_contents (manifest, &manifest_text, NULL, NULL));
  g_assert_nonnull (strstr (manifest_text, "manifest:full-path=\"TripReports/report.json\" manifest:media-type=\"application/json\""));

  import = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (tr_office_import_has_identity (import));
  g_assert_true (tr_office_import_is_lossless (import));
  g_assert_cmpint (tr_office_import_get_revision (import), ==,
                   g_date_time_to_unix (tr_report_get_modified (report)));
  g_assert_true (tr_report_content_equal (report, tr_office_import_get_report (import)));
  original = tr_report_to_json (report, TRUE);
  imported = tr_report_to_json (tr_office_import_get_report (import), TRUE);
  g_assert_cmpstr (imported, ==, original);

  /* The comment exported as an annotation comes back on its passage. */
  g_assert_cmpuint (tr_office_import_get_comments (import)->len, ==, 1);
  comment = tr_office_import_get_comments (import)->pdata[0];
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_PROCESS);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "拜會經濟部");
  g_assert_cmpstr (tr_comment_get_body (comment), ==, "請補充會談重點");
  g_assert_cmpstr (tr_comment_get_author (comment), ==, "王科長");
  g_assert_cmpuint (tr_comment_get_start (comment), ==, 9);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, 14);
}

/* A comment on a cell's text goes out in the cell and comes back, from
 * the file read for review, on the same passage of the section, which
 * the merge keeps. */
static void
test_comment_in_cell (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report ();
  g_autoptr(TrTable) table = tr_table_new (2, 2);
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *process;
  guint start;
  TrComment *comment;

  tr_table_set_cell (table, 0, 0, "日期");
  tr_table_set_cell (table, 0, 1, "行程");
  tr_table_set_cell (table, 1, 0, "7月9日");
  tr_table_set_cell (table, 1, 1, "參訪資訊系統局\n瞭解資料交換平臺");
  tr_table_set_has_header (table, TRUE);
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), table);
  tr_body_append_text (tr_report_get_body (report, TR_FIELD_PROCESS), "以上行程順利。");
  process = tr_report_get_section (report, TR_SECTION_PROCESS);
  start = g_utf8_pointer_to_offset (process, strstr (process, "資料交換平臺"));
  g_ptr_array_add (comments, tr_comment_new (TR_SECTION_PROCESS, start, start + 6, "資料交換平臺",
                                             "請說明平臺名稱", "王科長"));
  path = write_export (fixture, report, comments, NULL, "cell-comment.odt");

  import = import_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_office_import_get_comments (import)->len, ==, 1);
  comment = tr_office_import_get_comments (import)->pdata[0];
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_PROCESS);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "資料交換平臺");
  g_assert_cmpuint (tr_comment_get_start (comment), ==, start);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, start + 6);

  /* The merge keeps it on its passage. (It also reads the table's rows as
   * paragraphs to remove, a matter of its own.) */
  merge = tr_review_merge_new (report, NULL, review, import, &error);
  g_assert_no_error (error);
  comment = NULL;
  for (guint i = 0; i < merge->new_comments->len; i++)
    if (g_str_equal (tr_comment_get_body (merge->new_comments->pdata[i]), "請說明平臺名稱"))
      comment = merge->new_comments->pdata[i];
  g_assert_nonnull (comment);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "資料交換平臺");
  g_assert_cmpuint (tr_comment_get_start (comment), ==, start);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, start + 6);
}

/* A reviewer's comment put in as LibreOffice writes one, the file saved
 * again by LibreOffice (which drops our JSON part but keeps the ID): the
 * comment lands on its passage, with the reviewer's name and date, and
 * the file still merges into its report. */
static void
test_libreoffice_comment (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report ();
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_export (fixture, report, NULL, NULL, "report.odt");
  g_autofree char *annotated = g_build_filename (fixture->dir, "annotated.odt", NULL);
  g_autofree char *annotated_once = g_build_filename (fixture->dir, "annotated-once.odt", NULL);
  g_autofree char *resaved = NULL;
  g_autofree char *date = NULL;
  TrComment *comment;

  run_script ("annotate", path, annotated_once, "e-Estonia展示中心", "陳主任", "2026-12-01T09:30:00",
              "請附參訪照片", NULL);
  /* A comment the reviewer marked done in LibreOffice comes in done. */
  run_script ("annotate", annotated_once, annotated, "數位身分是服務的基礎", "陳主任", "2026-12-01T09:40:00",
              "已確認", "resolved", NULL);
  resaved = libreoffice_convert (fixture, annotated, "odt", "resaved");

  import = import_path (resaved, &error);
  g_assert_no_error (error);
  g_assert_true (tr_office_import_has_identity (import));
  g_assert_false (tr_office_import_is_lossless (import));
  g_assert_cmpstr (tr_report_get_id (tr_office_import_get_report (import)), ==, tr_report_get_id (report));
  g_assert_cmpuint (tr_office_import_get_comments (import)->len, ==, 2);
  comment = tr_office_import_get_comments (import)->pdata[1];
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_OBSERVATIONS);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "數位身分是服務的基礎");
  g_assert_true (tr_comment_get_resolved (comment));
  comment = tr_office_import_get_comments (import)->pdata[0];
  g_assert_false (tr_comment_get_resolved (comment));
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_PROCESS);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "e-Estonia展示中心");
  g_assert_cmpstr (tr_comment_get_author (comment), ==, "陳主任");
  g_assert_cmpstr (tr_comment_get_body (comment), ==, "請附參訪照片");
  date = g_date_time_format_iso8601 (tr_comment_get_created (comment));
  g_assert_true (g_str_has_prefix (date, "2026-12-01T09:30:00"));

  merge = tr_review_merge_new (report, NULL, review, import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merge->new_comments->len, ==, 2);
  comment = merge->new_comments->pdata[0];
  /* after "7月9日抵達塔林，拜會經濟部。\n7月10日參訪" */
  g_assert_cmpuint (tr_comment_get_start (comment), ==, 23);
  g_assert_cmpuint (merge->changes->len, ==, 0);
}

static void
assert_sections (TrReport *report)
{
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_PURPOSE), "數位身分制度"));
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_PROCESS), "抵達塔林"));
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "服務的基礎"));
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS), "資料交換平台"));
  g_assert_null (strstr (tr_report_get_section (report, TR_SECTION_PURPOSE), "抵達塔林"));
}

/* The table of 過程 (日期 | 地點, 7月9日 | 塔林) came in a table, with
 * @caption, not as lines of text. */
static void
assert_itinerary (TrReport   *report,
                  const char *caption)
{
  TrBody *body = tr_report_get_body (report, TR_FIELD_FROM_SECTION (TR_SECTION_PROCESS));
  TrTable *table;

  g_assert_cmpuint (tr_body_get_n_tables (body), ==, 1);
  table = tr_body_get_table (body, 0);
  g_assert_cmpuint (tr_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (tr_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (tr_table_get_cell (table, 0, 0), ==, "日期");
  g_assert_cmpstr (tr_table_get_cell (table, 1, 1), ==, "塔林");
  g_assert_true (tr_table_get_has_header (table));
  g_assert_cmpstr (tr_table_get_caption (table), ==, caption != NULL ? caption : "");
  for (guint i = 0; i <= 1; i++)
    g_assert_null (strstr (tr_body_get_text_run (body, i), "塔林\t"));
}

/* pandoc's DOCX: Heading N styles, a table, and a comment (w:comment). */
static void
test_docx_pandoc (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *markdown = g_build_filename (fixture->dir, "report.md", NULL);
  g_autofree char *docx = g_build_filename (fixture->dir, "report.docx", NULL);
  const char *argv[] = { "pandoc", "--track-changes=all", "-o", docx, markdown, NULL };
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TrReport *report;
  TrComment *comment;

  g_assert_true (g_file_set_contents (markdown,
    "# 壹、目的\n\n了解愛沙尼亞數位身分制度。\n\n"
    "# 貳、過程\n\n7月9日抵達塔林，"
    "[請補充會談重點]{.comment-start id=\"0\" author=\"王科長\" date=\"2026-12-02T08:00:00Z\"}"
    "拜會經濟部[]{.comment-end id=\"0\"}。\n\n"
    "| 日期 | 地點 |\n|---|---|\n| 7月9日 | 塔林 |\n\n"
    "# 參、心得\n\n數位身分是服務的基礎。\n\n# 肆、建議\n\n建議推動資料交換平台。\n", -1, NULL));
  g_free (tr_test_run_tool (argv));

  import = import_path (docx, &error);
  g_assert_no_error (error);
  g_assert_false (tr_office_import_has_identity (import));
  report = tr_office_import_get_report (import);
  assert_sections (report);
  g_assert_nonnull (strstr (tr_report_get_section (report, TR_SECTION_PROCESS), "塔林"));
  assert_itinerary (report, NULL);
  g_assert_cmpuint (tr_office_import_get_comments (import)->len, ==, 1);
  comment = tr_office_import_get_comments (import)->pdata[0];
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_PROCESS);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "拜會經濟部");
  g_assert_cmpstr (tr_comment_get_author (comment), ==, "王科長");
  g_assert_cmpstr (tr_comment_get_body (comment), ==, "請補充會談重點");
}

/* LibreOffice's DOCX of our ODT: its sections, and our ID in its custom
 * properties. */
static void
test_docx_libreoffice (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TrReport) original = make_report ();
  g_autoptr(TrTable) table = tr_table_new (2, 2);
  g_autofree char *path = NULL;
  g_autofree char *docx = NULL;

  tr_table_set_cell (table, 0, 0, "日期");
  tr_table_set_cell (table, 0, 1, "地點");
  tr_table_set_cell (table, 1, 0, "7月9日");
  tr_table_set_cell (table, 1, 1, "塔林");
  tr_table_set_has_header (table, TRUE);
  tr_table_set_caption (table, "參訪行程");
  tr_body_append_table (tr_report_get_body (original, TR_FIELD_FROM_SECTION (TR_SECTION_PROCESS)), table);
  path = write_export (fixture, original, NULL, NULL, "report.odt");
  docx = libreoffice_convert (fixture, path, "docx", "docx");
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TrReport *report;

  import = import_path (docx, &error);
  g_assert_no_error (error);
  report = tr_office_import_get_report (import);
  assert_sections (report);
  g_assert_true (tr_office_import_has_identity (import));
  g_assert_cmpstr (tr_report_get_id (report), ==, tr_report_get_id (original));
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "赴愛沙尼亞考察數位政府");
  /* Word keeps no JSON part: the table is read from the document. */
  g_assert_false (tr_office_import_is_lossless (import));
  assert_itinerary (report, "參訪行程");
}

/* Pictures with their captions, from pandoc's DOCX and ODT: the caption
 * goes with the photo and out of the appendix's text. */
static void
test_pictures (Fixture       *fixture,
               gconstpointer  data)
{
  const char *formats[] = { "docx", "odt" };
  g_autoptr(TrPhoto) photo = tr_test_make_photo ("png", 64, 48, NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "photo.png", NULL);
  g_autofree char *markdown = g_build_filename (fixture->dir, "photos.md", NULL);

  g_assert_true (g_file_set_contents (png, g_bytes_get_data (tr_photo_get_data (photo), NULL),
                                      g_bytes_get_size (tr_photo_get_data (photo)), NULL));
  g_assert_true (g_file_set_contents (markdown,
    "# 壹、目的\n\n了解數位身分制度。\n\n# 貳、過程\n\n"
    "7月9日抵達塔林，拜會經濟暨通訊部數位轉型司，聽取國家資訊系統互通平台X-Road的架構與推動歷程說明。\n\n"
    "# 參、心得\n\n數位身分是所有線上服務的基礎，愛沙尼亞國民幾乎都以晶片身分證或行動身分登入政府服務。\n\n"
    "# 肆、建議\n\n建議推動跨機關資料交換平台，並以法規明定資料僅存一處、由當事人授權調用的原則。\n\n"
    "# 伍、附錄\n\n![照片 1：塔林市政廳](photo.png)\n\n其他說明\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("photos.", formats[i], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      const char *argv[] = { "pandoc", "--resource-path", fixture->dir, "-o", path, markdown, NULL };
      g_autoptr(TrOfficeImport) import = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TrPhoto) imported = NULL;
      GListModel *photos;
      TrReport *report;

      g_free (tr_test_run_tool (argv));
      import = import_path (path, &error);
      g_assert_no_error (error);
      report = tr_office_import_get_report (import);
      photos = G_LIST_MODEL (tr_report_get_photos (report));
      g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 1);
      imported = g_list_model_get_item (photos, 0);
      g_assert_cmpstr (tr_photo_get_caption (imported), ==, "照片 1：塔林市政廳");
      g_assert_cmpint (tr_photo_get_width (imported), ==, 64);
      g_assert_nonnull (strstr (tr_report_get_text (report, TR_FIELD_APPENDIX), "其他說明"));
      g_assert_null (strstr (tr_report_get_text (report, TR_FIELD_APPENDIX), "塔林市政廳"));
      g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PURPOSE), ==, "了解數位身分制度。");
      g_assert_true (g_str_has_prefix (tr_report_get_section (report, TR_SECTION_PROCESS), "7月9日抵達塔林"));
    }
}

/* Bad files ---------------------------------------------------------------- */

static void
assert_refused (const char *path,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrOfficeImport) import = import_path (path, &error);

  g_assert_null (import);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_test_message ("%s: %s", path, error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, message_part));
}

static char *
write_content (Fixture    *fixture,
               const char *name,
               const char *xml)
{
  g_autofree char *xml_path = g_build_filename (fixture->dir, "content.xml", NULL);
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (xml_path, xml, -1, NULL));
  run_script ("content", path, xml_path, NULL);
  return path;
}

#define CONTENT_START "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define CONTENT_ROOT "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
#define CONTENT_END "</office:text></office:body></office:document-content>"

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *not_zip = g_build_filename (fixture->dir, "not-zip.odt", NULL);
  g_autofree char *bomb = g_build_filename (fixture->dir, "bomb.odt", NULL);
  g_autofree char *lying = g_build_filename (fixture->dir, "lying.odt", NULL);
  g_autofree char *no_content = g_build_filename (fixture->dir, "no-content.odt", NULL);
  g_autofree char *wrong = g_build_filename (fixture->dir, "wrong.odt", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.odt", NULL);
  g_autofree char *deep = NULL;
  g_autofree char *laughs = NULL;
  g_autofree char *external = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GString) nested = g_string_new (CONTENT_START CONTENT_ROOT);
  g_autoptr(TrReport) report = make_report ();
  g_autofree char *ours = write_export (fixture, report, NULL, NULL, "ours.odt");

  g_assert_true (g_file_set_contents (not_zip, "<html>not a package</html>", -1, NULL));
  assert_refused (not_zip, "not a ZIP package");

  run_script ("bomb", bomb, NULL);
  assert_refused (bomb, "zip bomb");
  run_script ("lying-bomb", lying, NULL);
  assert_refused (lying, "zip bomb");

  run_script ("no-content", no_content, NULL);
  assert_refused (no_content, "no content.xml");

  for (guint i = 0; i < 1000; i++)
    g_string_append (nested, "<text:span>");
  g_string_append (nested, CONTENT_END);
  deep = write_content (fixture, "deep.odt", nested->str);
  assert_refused (deep, "not valid XML");

  /* A text node over libxml2's 10 MB without XML_PARSE_HUGE. */
  {
    g_autoptr(GString) huge = g_string_new (CONTENT_START CONTENT_ROOT "<text:p>");
    g_autofree char *huge_path = NULL;

    g_autoptr(GRand) rand = g_rand_new_with_seed (16);

    /* Random letters: a text that does not compress like a zip bomb. */
    for (guint i = 0; i < 11 * 1000 * 1000; i++)
      g_string_append_c (huge, 'a' + g_rand_int_range (rand, 0, 26));
    g_string_append (huge, "</text:p>" CONTENT_END);
    huge_path = write_content (fixture, "huge.odt", huge->str);
    assert_refused (huge_path, "not valid XML");
  }

  laughs = write_content (fixture, "laughs.odt", CONTENT_START
    "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
    CONTENT_ROOT "<text:p>&lol2;</text:p>" CONTENT_END);
  assert_refused (laughs, "DTD");

  external = write_content (fixture, "external.odt", CONTENT_START
    "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
    CONTENT_ROOT "<text:p>&secret;</text:p>" CONTENT_END);
  assert_refused (external, "DTD");

  broken = write_content (fixture, "broken.odt", CONTENT_START CONTENT_ROOT "<text:p>" CONTENT_END);
  assert_refused (broken, "not valid XML");

  run_script ("wrong-structure", ours, wrong, NULL);
  assert_refused (wrong, "holds the structure of report");

  /* Without our JSON part (a word processor dropped it), a file that
   * names the report must still look like it. */
  run_script ("foreign-with-id", foreign, tr_report_get_id (report), NULL);
  assert_refused (foreign, "has none of its sections");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/office/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/office/comment-in-cell", Fixture, NULL, fixture_set_up, test_comment_in_cell, fixture_tear_down);
  g_test_add ("/office/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/office/pictures", Fixture, NULL, fixture_set_up, test_pictures, fixture_tear_down);
  g_test_add ("/office/docx-pandoc", Fixture, NULL, fixture_set_up, test_docx_pandoc, fixture_tear_down);
  g_test_add ("/office/libreoffice-comment", Fixture, NULL, fixture_set_up, test_libreoffice_comment, fixture_tear_down);
  g_test_add ("/office/docx-libreoffice", Fixture, NULL, fixture_set_up, test_docx_libreoffice, fixture_tear_down);
  return g_test_run ();
}
