/* test-page-count.c: one 頁數 for the PDF, the ODT and the report
 *
 * The number of pages is our layout's: the PDF's own pages, and in the
 * ODT (which LibreOffice would otherwise count with its own field, set
 * differently) the same number, counted when the ODT is made. Exported
 * through the real command line from a real library, read back with
 * pdfinfo, pdftotext, the ODT's content.xml and LibreOffice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tr-odt-exporter.h"
#include "tr-pdf-exporter.h"
#include "tr-report-store.h"
#include "tr-test-odt.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"
#include "tr-test-util.h"

#define PAGES_XPATH "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[2]"

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tr-page-count-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

/* A report of some pages, with a table and a photo, whose 頁數 was
 * typed (or left from an older PDF) as @stale_pages. */
static TrReport *
make_report (guint stale_pages)
{
  TrReport *report = tr_test_make_report ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(TrPhoto) photo = tr_test_make_photo ("jpeg", 800, 600, "會場外觀");

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autofree char *text = tr_test_make_long_text (rand, tr_section_get_heading (s), 4000);

      tr_report_set_section (report, s, text);
    }
  g_list_store_append (tr_report_get_photos (report), photo);
  tr_report_set_pages (report, stale_pages);
  return report;
}

static char *
store_report (Fixture  *fixture,
              TrReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db, &error);

  g_assert_no_error (error);
  tr_report_store_save (store, report, &error);
  g_assert_no_error (error);
  return g_strdup (tr_report_get_id (report));
}

static guint
stored_pages (Fixture    *fixture,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db, &error);
  g_autoptr(TrReport) report = NULL;

  g_assert_no_error (error);
  report = tr_report_store_load (store, id, &error);
  g_assert_no_error (error);
  return tr_report_get_pages (report);
}

static void
export (Fixture    *fixture,
        const char *id,
        const char *output)
{
  const char *argv[] = { "export", id, "--output", output, "--db", fixture->db, NULL };
  g_auto(TrTestRun) run = tr_test_run_binary (fixture->dir, NULL, argv);

  if (run.status != 0)
    g_error ("export --output %s: %s", output, run.err);
}

/* The 頁數 that the 提要 of @odt shows, as its text: no field that the
 * word processor fills in with its own count. */
static guint
odt_pages (const char *odt)
{
  xmlDocPtr content = tr_test_odt_parse_entry (odt, "content.xml");
  g_auto(GStrv) values = tr_test_xpath_strings (content, PAGES_XPATH);
  guint fields = tr_test_xpath_count (content, PAGES_XPATH "//text:page-count");
  guint64 pages = 0;

  xmlFreeDoc (content);
  g_assert_cmpuint (fields, ==, 0);
  g_assert_cmpuint (g_strv_length (values), ==, 1);
  g_assert_true (g_ascii_string_to_unsigned (values[0], 10, 1, G_MAXUINT, &pages, NULL));
  return (guint) pages;
}

/* The 頁數 of the 提要 page of a PDF, as pdftotext reads it. */
static guint
pdf_form_pages (const char *pdf)
{
  g_auto(GStrv) pages = tr_test_pdf_pages (pdf);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *page = tr_test_squeeze (pages[i], FALSE);
      const char *found = strstr (page, "頁數");

      if (found != NULL)
        return (guint) g_ascii_strtoull (found + strlen ("頁數"), NULL, 10);
    }
  g_error ("No 頁數 in %s", pdf);
  return 0;
}

/* The ODT made first, while the report still says 99: its 頁數 is the
 * number of pages the PDF made after it has, and the library keeps it. */
static void
test_odt_and_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report (99);
  g_autofree char *id = store_report (fixture, report);
  g_autofree char *odt = g_build_filename (fixture->dir, "report.odt", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  guint in_odt, in_pdf;

  export (fixture, id, odt);
  in_odt = odt_pages (odt);
  g_assert_cmpuint (stored_pages (fixture, id), ==, in_odt);

  export (fixture, id, pdf);
  in_pdf = tr_test_pdf_page_count (pdf);
  g_assert_cmpuint (in_pdf, >, 5);
  g_assert_cmpuint (in_odt, ==, in_pdf);
  g_assert_cmpuint (pdf_form_pages (pdf), ==, in_pdf);
  g_assert_cmpuint (stored_pages (fixture, id), ==, in_pdf);

  /* Again, the report unchanged: the same number. */
  export (fixture, id, odt);
  g_assert_cmpuint (odt_pages (odt), ==, in_pdf);

  /* LibreOffice, which sets the ODT otherwise, shows our number too. */
  if (tr_test_find_libreoffice () != NULL)
    {
      g_autofree char *profile = g_build_filename (fixture->dir, "lo-profile", NULL);
      g_autofree char *converted = tr_test_odt_convert_to_pdf (odt, profile);

      g_assert_cmpuint (pdf_form_pages (converted), ==, in_pdf);
    }
}

/* Counting without drawing gives the pages drawing gives, and the ODT
 * writer takes the count the report keeps. */
static void
test_count_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TrReport) report = make_report (0);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir, "report.odt", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) odt_file = g_file_new_for_path (odt);
  g_autoptr(GError) error = NULL;
  guint counted, drawn = 0;

  counted = tr_pdf_count_pages (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tr_pdf_export_to_file (report, pdf_file, &drawn, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counted, ==, drawn);
  g_assert_cmpuint (counted, ==, tr_test_pdf_page_count (pdf));

  tr_report_set_pages (report, counted);
  g_assert_true (tr_odt_export_to_file (report, odt_file, NULL, &error));
  g_assert_no_error (error);
  tr_test_odt_assert_valid (odt);
  g_assert_cmpuint (odt_pages (odt), ==, counted);

  /* Cancelled, it counts nothing and says so. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) cancelled = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_cmpuint (tr_pdf_count_pages (report, cancellable, &cancelled), ==, 0);
    g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/page-count/odt-and-pdf", Fixture, NULL, fixture_set_up, test_odt_and_pdf, fixture_tear_down);
  g_test_add ("/page-count/count-pages", Fixture, NULL, fixture_set_up, test_count_pages, fixture_tear_down);

  return g_test_run ();
}
