/* test-import-fidelity.c: what import reads of reports made by real PDF producers
 *
 * Each report is written here (tests/fidelity), laid out as a web page and
 * printed by Chromium, opened by LibreOffice, or made a DOCX by pandoc and
 * printed by LibreOffice; the real worker imports the PDF. A test per shape
 * import must read: the title on covers of each kind and in a running
 * header, headings with an English gloss, two columns, a scanned page,
 * the 提要 form's grid (from a web page, and as word processors lay it
 * out), footnotes, tables (from a Writer document and from pandoc's
 * Markdown for the table cases: tr-fidelity-office.c).
 * bench-import-fidelity prints the same corpus's scores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tr-fidelity.h"
#include "tr-importer.h"
#include "tr-pdf-reader.h"
#include "tr-warning.h"

static char *test_dir;

typedef struct {
  const char         *case_name;
  TrFidelityProducer  producer;
} Fixture;

static const TrFidelityCase *
find_case (const char *name)
{
  guint n_cases;
  const TrFidelityCase *cases = tr_fidelity_get_cases (&n_cases);

  for (guint i = 0; i < n_cases; i++)
    if (g_str_equal (cases[i].name, name))
      return &cases[i];
  g_error ("no case %s", name);
}

/* The case's PDF from the fixture's producer, imported; NULL (the test
 * skipped) when the producer is not installed. */
static TrReport *
import_case (const Fixture         *fixture,
             const TrFidelityCase **out_case,
             char                 **out_pdf)
{
  const TrFidelityCase *fcase = find_case (fixture->case_name);
  const char *worker_argv[] = { g_getenv ("TR_IMPORT_WORKER"), NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) file = NULL;
  TrReport *report;

  if (!tr_fidelity_producer_available (fixture->producer))
    {
      g_test_skip ("the producer is not installed");
      return NULL;
    }
  g_assert_nonnull (worker_argv[0]);
  pdf = tr_fidelity_make_pdf (fcase, fixture->producer, test_dir, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (pdf);
  report = tr_import_file (file, NULL, worker_argv, NULL, &error);
  g_assert_no_error (error);
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    g_test_message ("warning: %s", *w);
  *out_case = fcase;
  if (out_pdf != NULL)
    *out_pdf = g_steal_pointer (&pdf);
  return report;
}

static gboolean
warns_no_structure (TrReport *report)
{
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    {
      g_autofree char *warning = tr_warning_format (*w);

      if (strstr (warning, "No standard report structure") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The title, whatever the cover looks like or when only a running header
 * says it; and the cover's fields. */
static void
test_title (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autoptr(TrReport) report = import_case (data, &fcase, NULL);
  g_autoptr(TrReport) expected = NULL;
  TrFidelityScore score;

  if (report == NULL)
    return;
  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  g_test_message ("title “%s”, fields %u/%u (missing: %s), F1 %.3f", tr_report_get_text (report, TR_FIELD_TITLE),
                  score.n_fields_found, score.n_fields, score.missing_fields, score.section_f1);
  /* Spaces aside: Writer sets Latin and Chinese apart (2016 世界), and
   * the reader gives the gap as a space. */
  g_assert_true (score.title_found);
  g_assert_cmpuint (score.n_fields_found, ==, score.n_fields);
  g_assert_cmpfloat (score.section_f1, >=, 0.99);
  /* A cover's lines at one margin are no table. */
  g_assert_cmpuint (score.n_false_tables, ==, 0);
  /* The title is in its field, not left in the text too. */
  g_assert_null (strstr (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED),
                         tr_report_get_text (expected, TR_FIELD_TITLE)));
  tr_fidelity_score_clear (&score);
}

/* I. 目的 Purpose, II. 過程 Process …: a report with its four sections. */
static void
test_roman_gloss (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autoptr(TrReport) report = import_case (data, &fcase, NULL);
  g_autoptr(TrReport) expected = NULL;
  TrFidelityScore score;

  if (report == NULL)
    return;
  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  g_assert_false (warns_no_structure (report));
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_test_message ("%s: F1 %.3f", tr_section_get_key (s), score.section_f1_each[s]);
      g_assert_cmpfloat (score.section_f1_each[s], >=, 0.99);
    }
  /* The gloss goes with its heading. */
  g_assert_null (strstr (tr_report_get_section (report, TR_SECTION_PURPOSE), "Purpose"));
  tr_fidelity_score_clear (&score);
}

/* Sections side by side in CSS columns, their headings level: each
 * heading opens its own section, each band's left column read before its
 * right, whatever the gutter (LibreOffice's is narrower than a character)
 * and when a page holds the end of one band of columns and the start of
 * the next. */
static void
test_columns (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autoptr(TrReport) report = import_case (data, &fcase, NULL);
  g_autoptr(TrReport) expected = NULL;
  TrFidelityScore score;

  if (report == NULL)
    return;
  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_test_message ("%s: F1 %.3f", tr_section_get_key (s), score.section_f1_each[s]);
  g_assert_null (strstr (tr_report_get_section (report, TR_SECTION_PURPOSE), "貳、過程"));
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_assert_cmpfloat (score.section_f1_each[s], >=, 0.98);
  g_assert_cmpfloat (score.section_f1, >=, 0.99);
  tr_fidelity_score_clear (&score);
}

/* The 提要 form as a grid whose narrow cells wrap their text (the
 * contact's name, the travellers' phone, the period): every field, the
 * traveller with 單位／職稱 split, and the summary. */
static void
test_form_grid (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autoptr(TrReport) report = import_case (data, &fcase, NULL);
  g_autoptr(TrReport) expected = NULL;
  TrFidelityScore score;

  if (report == NULL)
    return;
  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  g_test_message ("fields %u/%u (missing: %s), summary F1 %.3f", score.n_fields_found, score.n_fields,
                  score.missing_fields, score.summary_f1);
  g_assert_cmpuint (score.n_fields_found, ==, score.n_fields);
  g_assert_cmpfloat (score.summary_f1, >=, 0.99);
  g_assert_cmpfloat (score.section_f1, >=, 0.99);
  tr_fidelity_score_clear (&score);
}

/* A footnote at the foot of a page whose marker is in 過程 while the
 * page goes on with 心得: the note ends 過程, without its marker, and the
 * paragraph cut by the page break stays whole. */
static void
test_footnotes (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autoptr(TrReport) report = import_case (data, &fcase, NULL);
  g_autoptr(TrReport) expected = NULL;
  TrFidelityScore score;

  if (report == NULL)
    return;
  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_test_message ("%s: F1 %.3f", tr_section_get_key (s), score.section_f1_each[s]);
  g_assert_null (strstr (tr_report_get_section (report, TR_SECTION_OBSERVATIONS), "資料來源"));
  g_assert_true (g_str_has_suffix (tr_report_get_section (report, TR_SECTION_PROCESS), "第 12 頁。") ||
                 g_str_has_suffix (tr_report_get_section (report, TR_SECTION_PROCESS), "第12頁。"));
  g_assert_cmpfloat (score.section_f1_each[TR_SECTION_PROCESS], >=, 0.99);
  g_assert_cmpfloat (score.section_f1_each[TR_SECTION_OBSERVATIONS], >=, 0.99);
  tr_fidelity_score_clear (&score);
}

/* A page that is only a picture: a warning names it, the rest is read. */
static void
test_scanned_page (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = import_case (data, &fcase, &pdf);
  g_autoptr(TrReport) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) scanned = NULL;
  g_autofree char *wanted = NULL;
  gboolean warned = FALSE;
  TrFidelityScore score;

  if (report == NULL)
    return;

  /* Which page the picture is on, as the reader sees the PDF: the one
   * with no more text than its page number. */
  mapped = g_mapped_file_new (pdf, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  lines = tr_pdf_read_lines_full (bytes, NULL, NULL, &scanned, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scanned->len, ==, 1);
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (line->page == g_array_index (scanned, guint, 0))
        g_assert_cmpint (g_utf8_strlen (line->text, -1), <=, 3);
    }

  wanted = g_strdup_printf ("Page %u is only a picture", g_array_index (scanned, guint, 0) + 1);
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    {
      g_autofree char *warning = tr_warning_format (*w);

      warned |= g_str_has_prefix (warning, wanted);
    }
  g_assert_true (warned);

  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  g_assert_cmpfloat (score.section_f1, >=, 0.99);
  tr_fidelity_score_clear (&score);
}

/* The delegation, the schedule over several pages (its header row
 * repeated on each) and the figures come back as tables, cell for cell,
 * the schedule one table with its header row once; the text around them
 * stays text. */
static void
test_tables (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autoptr(TrReport) report = import_case (data, &fcase, NULL);
  g_autoptr(TrReport) expected = NULL;
  TrFidelityScore score;
  TrBody *process;

  if (report == NULL)
    return;
  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  g_test_message ("tables %u/%u, cells right %u/%u, F1 %.3f", score.n_tables_found, score.n_tables,
                  score.n_cells_right, score.n_cells, score.section_f1);
  process = tr_report_get_body (report, TR_FIELD_PROCESS);
  g_assert_cmpuint (tr_body_get_n_tables (process), ==, 1);
  g_assert_true (tr_table_get_has_header (tr_body_get_table (process, 0)));
  g_assert_cmpstr (tr_table_get_caption (tr_body_get_table (process, 0)), ==, "參訪行程");
  g_assert_cmpuint (score.n_tables_found, ==, score.n_tables);
  g_assert_cmpuint (score.n_cells_right, ==, score.n_cells);
  g_assert_cmpuint (score.n_false_tables, ==, 0);
  g_assert_cmpfloat (score.section_f1, >=, 0.99);
  tr_fidelity_score_clear (&score);
}

/* Captions of photos two to a row, centred under them, that wrap: the
 * reader gives each caption whole, in its cell of the row. */
static void
test_photo_captions (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autofree char *pdf = NULL;
  g_autoptr(TrReport) report = import_case (data, &fcase, &pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint n_rows = 0;

  if (report == NULL)
    return;
  file = g_mapped_file_new (pdf, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);
  lines = tr_pdf_read_lines (bytes, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (strstr (line->text, "照片1") != NULL)
        {
          g_test_message ("%s", line->text);
          g_assert_nonnull (strstr (line->text, "開幕典禮會場合影留念\t照片2"));
          g_assert_true (g_str_has_suffix (line->text, "水質監測方式"));
          n_rows++;
        }
      else if (strstr (line->text, "照片3") != NULL)
        {
          g_test_message ("%s", line->text);
          g_assert_true (g_str_has_suffix (line->text, "公共運輸整合之經驗"));
          n_rows++;
        }
    }
  g_assert_cmpuint (n_rows, ==, 2);
}

/* The same photos, imported: each with its whole caption, whatever the
 * producer made of the lines (merged in their cell, or a row's captions on
 * one line a space apart and their next lines under them), and none of
 * the captions' lines left in the appendix's text, even where the parser
 * joined a row's caption lines into one paragraph (LibreOffice's). */
static void
test_photo_grid_import (gconstpointer data)
{
  const TrFidelityCase *fcase;
  g_autoptr(TrReport) report = import_case (data, &fcase, NULL);
  g_autoptr(TrReport) expected = NULL;
  TrFidelityScore score;
  GListModel *photos;

  if (report == NULL)
    return;
  photos = G_LIST_MODEL (tr_report_get_photos (report));
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_test_message ("photo %u: “%s”", i + 1, tr_photo_get_caption (photo));
    }
  g_test_message ("appendix: “%s”", tr_report_get_text (report, TR_FIELD_APPENDIX));
  expected = tr_fidelity_expected (fcase);
  tr_fidelity_score (fcase, expected, report, &score);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 4);
  g_assert_null (strstr (score.missing_fields, "caption"));
  g_assert_null (strstr (tr_report_get_text (report, TR_FIELD_APPENDIX), "照片"));
  g_assert_null (strstr (tr_report_get_text (report, TR_FIELD_APPENDIX), "水質監測方式"));
  g_assert_null (strstr (tr_report_get_text (report, TR_FIELD_APPENDIX), "公共運輸整合之經驗"));
  tr_fidelity_score_clear (&score);
}

#define ALL_PRODUCERS ((1u << TR_FIDELITY_N_PRODUCERS) - 1)

static void
add_case (const char     *group,
          const char     *case_name,
          guint           producers,
          GTestDataFunc   func)
{
  for (TrFidelityProducer producer = 0; producer < TR_FIDELITY_N_PRODUCERS; producer++)
    {
      const TrFidelityCase *fcase = find_case (case_name);
      Fixture *fixture;
      g_autofree char *path = NULL;

      if ((fcase->skip_producers & (1u << producer)) || !(producers & (1u << producer)))
        continue;
      fixture = g_new0 (Fixture, 1);
      fixture->case_name = case_name;
      fixture->producer = producer;
      path = g_strdup_printf ("/import-fidelity/%s/%s/%s", group, case_name, tr_fidelity_producer_name (producer));
      g_test_add_data_func_full (path, fixture, func, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("test-import-fidelity-XXXXXX", &error);
  g_assert_no_error (error);

  add_case ("title", "cover-kind-above", ALL_PRODUCERS, test_title);
  add_case ("title", "cover-kind-below", ALL_PRODUCERS, test_title);
  add_case ("title", "cover-bare", ALL_PRODUCERS, test_title);
  add_case ("title", "running-header", ALL_PRODUCERS, test_title);
  /* Other agencies' cover labels and dates; footers 第 N 頁, - N -, N/M
   * and a running header, from a browser and from Writer. */
  add_case ("title", "cover-other-western", ALL_PRODUCERS, test_title);
  add_case ("title", "cover-other-dotted", ALL_PRODUCERS, test_title);
  add_case ("title", "header-page-of", ALL_PRODUCERS, test_title);
  add_case ("title", "header-chapters", ALL_PRODUCERS, test_title);
  add_case ("headings", "roman-gloss", ALL_PRODUCERS, test_roman_gloss);
  /* Pandoc drops the columns. */
  add_case ("columns", "columns", (1u << TR_FIDELITY_CHROMIUM) | (1u << TR_FIDELITY_LIBREOFFICE), test_columns);
  add_case ("scanned", "scanned-page", ALL_PRODUCERS, test_scanned_page);
  add_case ("footnotes", "footnotes", ALL_PRODUCERS, test_footnotes);
  /* LibreOffice's import of the web page makes the label column narrower
   * than 內容摘要, which wraps beside the summary's lines, its first lines
   * above the label. */
  add_case ("form", "form-grid", ALL_PRODUCERS, test_form_grid);
  /* Rows in another order, labels spaced out or wrapped (聯絡, then 人,
   * which could have been 聯絡電話), 出國日期 with other dates. */
  add_case ("form", "form-other-western", ALL_PRODUCERS, test_form_grid);
  add_case ("form", "form-dotted-lower", ALL_PRODUCERS, test_form_grid);
  /* LibreOffice's import lays the label 出國人員 so close to the header
   * row's 姓　名 that the reader gives 出國人姓⇥名. */
  add_case ("form", "form-other-roc", ALL_PRODUCERS, test_form_grid);
  /* Forms made in a word processor: labels spaced out, centred beside
   * values of several lines, wrapping, a row over two pages. */
  add_case ("form", "grid-spaced", 1u << TR_FIDELITY_LIBREOFFICE, test_form_grid);
  add_case ("form", "grid-letter-spaced", 1u << TR_FIDELITY_LIBREOFFICE, test_form_grid);
  add_case ("form", "grid-page-split", 1u << TR_FIDELITY_LIBREOFFICE, test_form_grid);
  add_case ("form", "grid-long-summary", 1u << TR_FIDELITY_LIBREOFFICE, test_form_grid);

  /* Chromium's tables, Writer's (rows split by page breaks) and pandoc's
   * DOCX tables without rules. */
  add_case ("tables", "tables-ruled", ALL_PRODUCERS, test_tables);
  add_case ("tables", "tables-unruled", ALL_PRODUCERS, test_tables);

  /* Chromium centres the captions; LibreOffice's lines are not told yet. */
  add_case ("photos", "photo-grid", 1u << TR_FIDELITY_CHROMIUM, test_photo_captions);
  add_case ("photos-import", "photo-grid", ALL_PRODUCERS, test_photo_grid_import);

  status = g_test_run ();

  {
    /* LibreOffice and Chromium leave profiles of many files behind. */
    const char *rm[] = { "rm", "-rf", test_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (test_dir);
  return status;
}
