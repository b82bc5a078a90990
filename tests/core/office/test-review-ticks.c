/* test-review-ticks.c: the review form ticked in a word processor comes
 * back
 *
 * Our for-review ODT carries the 審核表 as tables. A reviewer ticks it as
 * people do in Writer or Word — a box replaced by ☑, a V or an X typed in
 * its place — and saves; real files here: the ticks put into content.xml
 * (lib/office-files.py tick), then the file re-saved by headless
 * LibreOffice as ODT (which drops our JSON part) and as DOCX. The ticks
 * are read from the tables and merged into the library's report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "tr-error.h"
#include "tr-odt-exporter.h"
#include "tr-office-document.h"
#include "tr-office-import.h"
#include "tr-review-merge.h"
#include "tr-test-pdf.h"
#include "tr-test-util.h"

typedef struct {
  char *dir;
  TrReportStore *store;
  TrReport *report;
  char *ticked;  /* the ODT as the reviewer's edits left it, before saving */
} Fixture;

static void
run (const char * const *argv)
{
  g_free (tr_test_run_tool (argv));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "lib", "office-files.py", NULL);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) package = NULL;

  fixture->dir = g_dir_make_tmp ("test-review-ticks-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  fixture->report = tr_report_new (TR_REPORT_KIND_DRAFT);
  tr_report_set_text (fixture->report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府");
  tr_report_set_section (fixture->report, TR_SECTION_PURPOSE, "了解愛沙尼亞數位身分制度。");
  tr_report_set_section (fixture->report, TR_SECTION_PROCESS, "7月9日抵達塔林，拜會經濟部。");
  tr_report_set_section (fixture->report, TR_SECTION_OBSERVATIONS, "數位身分是服務的基礎。");
  tr_report_set_section (fixture->report, TR_SECTION_RECOMMENDATIONS, "建議推動資料交換平台。");
  g_assert_true (tr_report_store_save (fixture->store, fixture->report, &error));
  g_assert_no_error (error);

  /* The author's side, as sent. */
  tr_review_set_answer (review, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_SELF, TR_REVIEW_ANSWER_YES);
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER, "林怡君");
  package = tr_odt_export_for_review_to_bytes (fixture->report, NULL, review, &error);
  g_assert_no_error (error);
  sent = g_build_filename (fixture->dir, "sent.odt", NULL);
  g_assert_true (g_file_set_contents (sent, g_bytes_get_data (package, NULL), g_bytes_get_size (package), &error));

  /* Ticked in the agency's column as people do: ☑, V, a full-width Ｖ,
   * X for 否; two reasons of item 8 and its 是, the decision. */
  fixture->ticked = g_build_filename (fixture->dir, "審核.odt", NULL);
  run ((const char * const []) { "python3", script, "tick", sent, fixture->ticked,
                                 "cell:1:3:☑", "cell:3:3:V", "cell:4:4:X", "cell:5:3:Ｖ",
                                 "cell:8:3:✓", "option:內容空洞或未涵蓋要項:☑", "option:抄襲:V",
                                 "option:業務會報提出:✔", NULL });
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->report);
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->ticked);
  g_free (fixture->dir);
}

/* Saves @path through headless LibreOffice as @format. */
static char *
libreoffice_save (Fixture    *fixture,
                  const char *path,
                  const char *format)
{
  g_autofree char *outdir = g_build_filename (fixture->dir, format, NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", fixture->dir, "/lo-profile", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strrchr (base, '.') - base);
  g_autofree char *name = g_strconcat (stem, ".", format, NULL);

  run ((const char * const []) { soffice != NULL ? "soffice" : "libreoffice", profile, "--headless",
                                 "--norestore", "--convert-to", format, "--outdir", outdir, path, NULL });
  return g_build_filename (outdir, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
check_review (TrReview *review)
{
  g_assert_nonnull (review);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_NO_PLAGIARISM, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_SUBSTANTIAL, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_NO);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_USEFUL, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_UNSET);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_RETURN, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_YES);
  /* The author's side as it was sent. */
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_ON_TIME, TR_REVIEW_COLUMN_SELF), ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_USEFUL, TR_REVIEW_COLUMN_SELF), ==, TR_REVIEW_ANSWER_UNSET);
  g_assert_cmpuint (tr_review_get_return_reasons (review), ==,
                    TR_RETURN_REASON_EMPTY_CONTENT | TR_RETURN_REASON_PLAGIARISM);
  g_assert_cmpuint (tr_review_get_publication (review), ==, TR_PUBLICATION_BRIEFING);
  g_assert_cmpstr (tr_review_get_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER), ==, "林怡君");
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_RETURNED);
}

/* The file as saved, merged into the library: the agency's ticks and the
 * decision 退回補正 applied, the text untouched. */
static void
check_file (Fixture    *fixture,
            const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrOfficeDocument) document = tr_office_document_read (bytes, &error);
  g_autoptr(TrOfficeImport) import = NULL;
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(TrReview) stored = NULL;
  const char *id = tr_report_get_id (fixture->report);

  g_assert_no_error (error);
  /* The word processor kept the ID and dropped our JSON: the ticks can
   * only have come from the tables. */
  g_assert_cmpstr (document->report_id, ==, id);
  g_assert_null (document->review_json);

  import = tr_office_import_new_from_bytes (bytes, "審核", &error);
  g_assert_no_error (error);
  check_review (tr_office_import_get_review (import));
  /* The form is not part of the body. */
  g_assert_cmpuint (tr_office_import_get_paragraphs (import, TR_SECTION_RECOMMENDATIONS)->len, ==, 1);

  merge = tr_review_merge_new_for_store (fixture->store, id, import, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merge->changes->len, ==, 0);
  g_assert_true (tr_review_merge_apply (merge, fixture->store, id, &error));
  g_assert_no_error (error);
  stored = tr_report_store_load_review (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (stored), ==, TR_REVIEW_STATUS_RETURNED);
  g_assert_cmpint (tr_review_get_answer (stored, TR_REVIEW_ITEM_SUBSTANTIAL, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_NO);
  g_assert_cmpuint (tr_review_get_return_reasons (stored), ==,
                    TR_RETURN_REASON_EMPTY_CONTENT | TR_RETURN_REASON_PLAGIARISM);
}

static void
test_odt_saved_by_libreoffice (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *saved = libreoffice_save (fixture, fixture->ticked, "odt");

  check_file (fixture, saved);
}

static void
test_docx_saved_by_libreoffice (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *saved = libreoffice_save (fixture, fixture->ticked, "docx");

  check_file (fixture, saved);
}

/* Not re-saved: our JSON part and the tables say the same. */
static void
test_untouched_form (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) other = tr_report_copy (fixture->report);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrOfficeImport) import = NULL;

  tr_review_set_answer (review, TR_REVIEW_ITEM_USEFUL, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_NO);
  package = tr_odt_export_for_review_to_bytes (other, NULL, review, &error);
  g_assert_no_error (error);
  import = tr_office_import_new_from_bytes (package, "sent.odt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_answer (tr_office_import_get_review (import), TR_REVIEW_ITEM_USEFUL,
                                         TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_NO);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_assert_cmpuint (tr_office_import_get_paragraphs (import, s)->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/review-ticks/odt-saved-by-libreoffice", Fixture, NULL, fixture_set_up,
              test_odt_saved_by_libreoffice, fixture_tear_down);
  g_test_add ("/review-ticks/docx-saved-by-libreoffice", Fixture, NULL, fixture_set_up,
              test_docx_saved_by_libreoffice, fixture_tear_down);
  g_test_add ("/review-ticks/untouched-form", Fixture, NULL, fixture_set_up,
              test_untouched_form, fixture_tear_down);
  return g_test_run ();
}
