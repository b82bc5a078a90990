/* test-ui-print.c: printing and exporting PDFs from the window, under Xvfb
 *
 * A real window on a real library file prints through GtkPrintOperation
 * into a PDF (GTK_PRINT_OPERATION_ACTION_EXPORT, the dialog's “Print to
 * File” without the dialog) and exports PDFs; poppler's tools read them
 * back, a second store connection reads the 頁數 kept, and the form shows
 * it. The save dialog is the real one (GtkFileChooserDialog, there being
 * no portal), and “Open” starts the default app for PDFs, set up here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <locale.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "editor/tr-form-editor-private.h"
#include "editor/tr-report-editor-private.h"
#include "library/tr-library-view-private.h"
#include "tr-pdf-exporter.h"
#include "tr-pdf-layout.h"
#include "tr-test-odt.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

/* Set up in main(), before GLib reads them: the Documents folder, and the
 * app that opens PDFs (it writes down what it was given). */
static char *home_dir;
static char *documents_dir;
static char *opened_marker;

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  GSettings *settings;
  TrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tr-ui-print-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (fixture->dir, 0755));
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new ("org.example.TripReports");
  g_settings_reset (fixture->settings, "last-export-folder");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  release_and_wait (&fixture->store);
  g_clear_object (&fixture->settings);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static TrWindow *
open_window (Fixture *fixture)
{
  fixture->window = show_window (fixture->store, fixture->settings, 1200, 760);
  return fixture->window;
}

/* A report of about @n_chars characters in each section, stored. */
static char *
store_report (Fixture *fixture,
              guint    n_chars,
              guint    pages)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < TR_N_SECTIONS && n_chars > 0; s++)
    {
      g_autofree char *text = tr_test_make_long_text (rand, tr_section_get_heading (s), n_chars);

      tr_report_set_section (report, s, text);
    }
  tr_report_set_pages (report, pages);
  tr_report_store_save (fixture->store, report, &error);
  g_assert_no_error (error);
  return g_strdup (tr_report_get_id (report));
}

static guint
stored_pages (Fixture    *fixture,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrReport) report = NULL;

  g_assert_no_error (error);
  report = tr_report_store_load (other, id, &error);
  g_assert_no_error (error);
  return tr_report_get_pages (report);
}

/* What the 提要 form shows as its 頁數. */
static const char *
form_pages (Fixture *fixture)
{
  TrReportEditor *editor = TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
  TrFormEditor *form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (editor));

  return gtk_label_get_label (GTK_LABEL (tr_form_editor_get_pages_label (form)));
}

static char *
read_contents (const char *path,
               gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* Nothing in @dir but @name: no temporary file left behind. */
static void
assert_only (const char *dir,
             const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;

  g_assert_nonnull (listing);
  while ((entry = g_dir_read_name (listing)) != NULL)
    if (g_strcmp0 (entry, name) != 0)
      g_error ("Unexpected file “%s” left in %s", entry, dir);
}

/* Printing ------------------------------------------------------------------- */

typedef struct {
  gboolean done;
  guint n_pages;
  GError *error;
} Printed;

static void
printed (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Printed *printed = user_data;

  printed->n_pages = tr_window_print_to_file_finish (TR_WINDOW (source), result, &printed->error);
  printed->done = TRUE;
}

/* The pages of @report laid out apart from the window: what it must print. */
static guint
layout_pages (TrReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPdfLayout) layout = tr_pdf_layout_new (tr_document_new_for_report (report, NULL), NULL, NULL,
                                                     NULL, &error);

  g_assert_no_error (error);
  return tr_pdf_layout_get_n_pages (layout);
}

static void
test_print_report (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 6000, 0);
  g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  const char *pdfinfo[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  TrWindow *window = open_window (fixture);
  Printed result = { 0 };
  guint n_pages;

  g_assert_true (tr_window_open_report (window, id));
  g_assert_cmpstr (form_pages (fixture), ==, _("Not yet counted"));
  n_pages = layout_pages (tr_window_get_report (window));
  g_assert_cmpuint (n_pages, >, 5);

  tr_window_print_to_file_async (window, FALSE, file, printed, &result);
  wait_until (result.done, 60000);
  g_assert_no_error (result.error);
  g_assert_cmpuint (result.n_pages, ==, n_pages);

  /* GTK's PDF has the layout's pages, on A4, with the report's text. */
  g_assert_cmpuint (tr_test_pdf_page_count (pdf), ==, n_pages);
  info = tr_test_run_tool (pdfinfo);
  g_assert_nonnull (strstr (info, "(A4)"));
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *squeezed = NULL;
    g_autofree char *title = tr_test_squeeze (tr_report_get_text (tr_window_get_report (window), TR_FIELD_TITLE),
                                              FALSE);
    g_autofree char *last = NULL;
    const char *body = tr_report_get_section (tr_window_get_report (window), TR_SECTION_RECOMMENDATIONS);

    text = tr_test_run_tool (argv);
    squeezed = tr_test_squeeze (text, TRUE);
    g_assert_nonnull (strstr (squeezed, title));
    /* The last paragraph too: every page was drawn. */
    last = tr_test_squeeze (strrchr (body, '\n') != NULL ? strrchr (body, '\n') + 1 : body, FALSE);
    g_assert_nonnull (strstr (squeezed, last));
  }

  /* Printed, its number of pages is the 頁數: on the form and stored. */
  expected = g_strdup_printf ("%u", n_pages);
  g_assert_cmpstr (form_pages (fixture), ==, expected);
  wait_until (stored_pages (fixture, id) == n_pages, 10000);
}

static void
test_print_review_form (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 0, 7);
  g_autofree char *pdf = g_build_filename (fixture->dir, "審核表.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  TrWindow *window = open_window (fixture);
  Printed result = { 0 };

  g_assert_true (tr_window_open_report (window, id));
  tr_window_print_to_file_async (window, TRUE, file, printed, &result);
  wait_until (result.done, 30000);
  g_assert_no_error (result.error);

  g_assert_cmpuint (result.n_pages, ==, 1);
  g_assert_cmpuint (tr_test_pdf_page_count (pdf), ==, 1);
  text = tr_test_run_tool (argv);
  squeezed = tr_test_squeeze (text, TRUE);
  g_assert_nonnull (strstr (squeezed, "審核表"));
  /* The form's page is not the report's: its 頁數 stays. */
  g_assert_cmpstr (form_pages (fixture), ==, "7");
  g_assert_cmpuint (stored_pages (fixture, id), ==, 7);
}

/* Printing into a folder that is not there fails, and says so. */
static void
test_print_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 0, 3);
  g_autofree char *pdf = g_build_filename (fixture->dir, "no-such-folder", "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  const char *format = _("Could not print: %s");
  g_autofree char *prefix = g_strndup (format, strstr (format, "%s") - format);
  TrWindow *window = open_window (fixture);
  Printed result = { 0 };

  g_assert_true (tr_window_open_report (window, id));
  tr_window_print_to_file_async (window, FALSE, file, printed, &result);
  wait_until (result.done, 30000);
  g_assert_nonnull (result.error);
  g_assert_cmpuint (result.n_pages, ==, 0);
  g_clear_error (&result.error);

  /* A toast says why; nothing was printed, so the 頁數 stays. */
  wait_until (find_label_showing (GTK_WIDGET (window->toast_overlay), prefix, TRUE) != NULL, 10000);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (form_pages (fixture), ==, "3");
}

/* Exporting ------------------------------------------------------------------ */

static GtkWidget *
toast_label (Fixture    *fixture,
             const char *text)
{
  return find_label_showing (GTK_WIDGET (fixture->window->toast_overlay), text, FALSE);
}

/* The 頁數 typed long ago (12) gives way to the PDF's; an ODT export and
 * the command line's PDF then agree with it. */
static void
test_export_pdf_page_count (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 4000, 12);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir, "report.odt", NULL);
  g_autofree char *cli_pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GFile) odt_file = g_file_new_for_path (odt);
  g_autofree char *exported = g_strdup_printf (_("Exported “%s”"), "report.pdf");
  g_autofree char *expected = NULL;
  TrWindow *window = open_window (fixture);
  guint n_pages;

  g_assert_true (tr_window_open_report (window, id));
  g_assert_cmpstr (form_pages (fixture), ==, "12");

  tr_window_export_as (window, file, TR_EXPORT_FORMAT_PDF, FALSE);
  wait_until (toast_label (fixture, exported) != NULL, 60000);
  n_pages = tr_test_pdf_page_count (pdf);
  g_assert_cmpuint (n_pages, !=, 12);
  expected = g_strdup_printf ("%u", n_pages);
  g_assert_cmpstr (form_pages (fixture), ==, expected);
  wait_until (stored_pages (fixture, id) == n_pages, 10000);

  /* An ODT leaves it as it is. */
  tr_window_export_as (window, odt_file, TR_EXPORT_FORMAT_ODT, FALSE);
  wait_until (g_file_test (odt, G_FILE_TEST_EXISTS), 30000);
  g_assert_cmpstr (form_pages (fixture), ==, expected);
  g_assert_cmpuint (stored_pages (fixture, id), ==, n_pages);

  /* The command line lays the same pages out, and keeps the same number. */
  {
    g_autofree char *db = g_strdup (fixture->path);
    const char *argv[] = { "export", id, "--db", db, "--output", cli_pdf, NULL };
    g_auto(TrTestRun) run = tr_test_run_binary (fixture->dir, NULL, argv);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (tr_test_pdf_page_count (cli_pdf), ==, n_pages);
    g_assert_cmpuint (stored_pages (fixture, id), ==, n_pages);
  }
}

/* The 頁數 an ODT shows: its text, no field of the word processor's. */
static char *
odt_pages (const char *odt)
{
  xmlDocPtr content = tr_test_odt_parse_entry (odt, "content.xml");
  const char *cell = "//table:table-row[table:table-cell[1]='頁數']/table:table-cell[2]";
  g_autofree char *field = g_strconcat (cell, "//text:page-count", NULL);
  g_auto(GStrv) values = tr_test_xpath_strings (content, cell);
  guint n_fields = tr_test_xpath_count (content, field);

  xmlFreeDoc (content);
  g_assert_cmpuint (n_fields, ==, 0);
  g_assert_cmpuint (g_strv_length (values), ==, 1);
  return g_strdup (values[0]);
}

/* An ODT exported first, the 頁數 typed long ago (12): the ODT, the form
 * and the library get the pages of our PDF, which a PDF made next has. */
static void
test_export_odt_page_count (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 4000, 12);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir, "report.odt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GFile) odt_file = g_file_new_for_path (odt);
  g_autofree char *odt_exported = g_strdup_printf (_("Exported “%s”"), "report.odt");
  g_autofree char *pdf_exported = g_strdup_printf (_("Exported “%s”"), "report.pdf");
  g_autofree char *in_odt = NULL;
  g_autofree char *in_pdf = NULL;
  TrWindow *window = open_window (fixture);

  g_assert_true (tr_window_open_report (window, id));
  tr_window_export_as (window, odt_file, TR_EXPORT_FORMAT_ODT, FALSE);
  wait_until (toast_label (fixture, odt_exported) != NULL, 60000);
  in_odt = odt_pages (odt);
  g_assert_cmpstr (in_odt, !=, "12");
  g_assert_cmpstr (form_pages (fixture), ==, in_odt);

  tr_window_export_as (window, file, TR_EXPORT_FORMAT_PDF, FALSE);
  wait_until (toast_label (fixture, pdf_exported) != NULL, 60000);
  in_pdf = g_strdup_printf ("%u", tr_test_pdf_page_count (pdf));
  g_assert_cmpstr (in_pdf, ==, in_odt);
  g_assert_cmpstr (form_pages (fixture), ==, in_pdf);
  wait_until (stored_pages (fixture, id) == tr_test_pdf_page_count (pdf), 10000);
}

/* The command line exports the report open in the window: the form
 * shows the new 頁數, and what is typed next does not put the old back. */
static void
test_command_line_page_count (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 3000, 0);
  g_autofree char *pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *db = g_strdup (fixture->path);
  g_autofree char *expected = NULL;
  const char *argv[] = { "export", id, "--db", db, "--output", pdf, NULL };
  TrWindow *window = open_window (fixture);
  TrReportEditor *editor = TR_REPORT_EDITOR (tr_window_get_editor (window));
  TrFormEditor *form = TR_FORM_EDITOR (tr_report_editor_get_form_editor (editor));
  GtkWidget *contact;
  guint n_pages;

  g_assert_true (tr_window_open_report (window, id));
  g_assert_cmpstr (form_pages (fixture), ==, _("Not yet counted"));
  {
    g_auto(TrTestRun) run = tr_test_run_binary (fixture->dir, NULL, argv);

    g_assert_cmpint (run.status, ==, 0);
  }
  n_pages = tr_test_pdf_page_count (pdf);
  expected = g_strdup_printf ("%u", n_pages);
  wait_until (g_strcmp0 (form_pages (fixture), expected) == 0, 10000);

  contact = tr_form_editor_get_row (form, "contact");
  gtk_editable_set_text (GTK_EDITABLE (contact), "王小明");
  g_assert_cmpint (tr_report_editor_get_save_state (editor), !=, TR_SAVE_STATE_SAVED);
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_SAVED, 10000);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
    g_autoptr(TrReport) stored = tr_report_store_load (other, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_CONTACT), ==, "王小明");
    g_assert_cmpuint (tr_report_get_pages (stored), ==, n_pages);
  }
}

/* An earlier export of the same name, to be kept whatever happens. */
static char *
previous_export (const char *dir,
                 char      **contents,
                 gsize      *length)
{
  g_autoptr(TrReport) previous = tr_test_make_report ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  tr_report_set_text (previous, TR_FIELD_TITLE, "上一版");
  g_assert_true (tr_pdf_export_to_file (previous, file, NULL, NULL, &error));
  g_assert_no_error (error);
  *contents = read_contents (path, length);
  return path;
}

/* Cancel, on the toast that shows the progress, while the pages are drawn. */
static void
test_export_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 60000, 0);
  g_autofree char *dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *path = previous_export (dir, &contents, &length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *now = NULL;
  gsize now_length;
  TrWindow *window = open_window (fixture);
  GtkWidget *bar, *cancel;

  g_assert_true (tr_window_open_report (window, id));
  tr_window_export_as (window, file, TR_EXPORT_FORMAT_PDF, FALSE);

  /* A long export shows how far it is, and a Cancel button. */
  wait_until ((bar = find_descendant (GTK_WIDGET (window->toast_overlay), GTK_TYPE_PROGRESS_BAR)) != NULL,
              60000);
  wait_until (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.05, 60000);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), <, 1.0);
  cancel = find_button (GTK_WIDGET (window->toast_overlay), _("Cancel"));
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");

  wait_until (toast_label (fixture, _("Export cancelled")) != NULL, 60000);
  now = read_contents (path, &now_length);
  g_assert_cmpmem (now, now_length, contents, length);
  assert_only (dir, "report.pdf");
  /* Not made: the 頁數 is still unknown. */
  g_assert_cmpstr (form_pages (fixture), ==, _("Not yet counted"));
  g_assert_cmpuint (stored_pages (fixture, id), ==, 0);
}

/* A close button, beside the one of a toast's action. */
static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

static GtkWidget *
find_close_button (GtkWidget *widget)
{
  return find_matching (widget, is_close_button, NULL);
}

/* Closing the progress toast by hand is cancelling: nothing would show
 * the export going on otherwise. A report long enough to be exporting
 * still once the toast has been shown a while. */
static void
test_export_dismiss (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = store_report (fixture, 250000, 0);
  g_autofree char *dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *path = previous_export (dir, &contents, &length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *now = NULL;
  gsize now_length;
  TrWindow *window = open_window (fixture);
  GtkWidget *bar, *close;

  g_assert_true (tr_window_open_report (window, id));
  tr_window_export_as (window, file, TR_EXPORT_FORMAT_PDF, FALSE);

  wait_until ((bar = find_descendant (GTK_WIDGET (window->toast_overlay), GTK_TYPE_PROGRESS_BAR)) != NULL,
              60000);
  /* Past its show animation, which libadwaita 1.2 cannot cut short. */
  {
    gint64 end = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;

    wait_until (g_get_monotonic_time () >= end, 5000);
  }
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), <, 1.0);
  /* The close button of the toast that holds the bar, not another one of
   * the window's. */
  {
    GtkWidget *toast = bar;

    while (toast != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget"))
      toast = gtk_widget_get_parent (toast);
    g_assert_nonnull (toast);
    close = find_close_button (toast);
  }
  g_assert_nonnull (close);
  g_signal_emit_by_name (close, "clicked");

  wait_until (toast_label (fixture, _("Export cancelled")) != NULL, 60000);
  now = read_contents (path, &now_length);
  g_assert_cmpmem (now, now_length, contents, length);
  assert_only (dir, "report.pdf");
  g_assert_cmpuint (stored_pages (fixture, id), ==, 0);
}

/* Root writes in any folder, unless it gives up CAP_DAC_OVERRIDE: the
 * child does, before any thread starts, for its threads to inherit it. */
static void
drop_dac_override (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[2] = { { 0 } };

  g_assert_no_errno (syscall (SYS_capget, &header, caps));
  caps[0].effective &= ~(1u << CAP_DAC_OVERRIDE);
  caps[0].effective &= ~(1u << CAP_DAC_READ_SEARCH);
  caps[0].effective &= ~(1u << CAP_FOWNER);
  g_assert_no_errno (syscall (SYS_capset, &header, caps));
}

static void
test_export_read_only_folder (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "read-only", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *id = store_report (fixture, 2000, 0);
      g_autoptr(GFile) file = NULL;
      g_autofree char *message = NULL;
      TrWindow *window = open_window (fixture);

      path = g_build_filename (g_getenv ("TR_TEST_TARGET_DIR"), "report.pdf", NULL);
      file = g_file_new_for_path (path);
      message = g_strdup_printf ("Could not save “%s”: you cannot write in the folder “%s”", path,
                                 g_getenv ("TR_TEST_TARGET_DIR"));
      g_assert_true (tr_window_open_report (window, id));
      tr_window_export_as (window, file, TR_EXPORT_FORMAT_PDF, FALSE);
      wait_until (toast_label (fixture, message) != NULL, 30000);
      return;
    }

  path = previous_export (dir, &contents, &length);
  g_assert_no_errno (g_chmod (dir, 0555));
  g_setenv ("TR_TEST_TARGET_DIR", dir, TRUE);
  g_setenv ("TR_TEST_DROP_DAC", "1", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("TR_TEST_DROP_DAC");
  g_assert_no_errno (g_chmod (dir, 0755));
  g_test_trap_assert_passed ();
  {
    gsize now_length;
    g_autofree char *now = read_contents (path, &now_length);

    g_assert_cmpmem (now, now_length, contents, length);
  }
  assert_only (dir, "report.pdf");
}

/* The save dialog, the last folder and “Open” -------------------------------- */

/* Without a portal, GtkFileDialog (GTK 4.10) shows the GtkFileChooserDialog
 * that GtkFileChooserNative shows: the deprecated API drives it. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static char *
chooser_folder (GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);

  return folder != NULL ? g_file_get_path (folder) : NULL;
}

/* The folder the dialog shows, once it has read it. */
static char *
wait_for_folder (GtkFileChooser *chooser)
{
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  char *folder;

  while ((folder = chooser_folder (chooser)) == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (folder);
  return folder;
}

/* What the viewer was asked to open, once it has written it down. */
static char *
wait_for_opened (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  char *opened = NULL;

  while (!g_file_get_contents (opened_marker, &opened, NULL, NULL) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_nonnull (opened);
  return g_strstrip (opened);
}

static void
test_save_dialog_folder_and_open (Fixture       *fixture,
                                  gconstpointer  data)
{
  /* The file chooser's widgets take GLib past its first 2,048 quarks: it
   * lets that first block go on purpose (see tests/lsan.supp, _dl_init).
   * LeakSanitizer sees where the block came from only when it unwinds
   * stacks slowly, in a child of its own here. */
  if (!g_test_subprocess ())
    {
      g_autofree char *asan_options = g_strdup (g_getenv ("ASAN_OPTIONS"));
      g_autofree char *slow_unwind = g_strconcat (asan_options != NULL ? asan_options : "",
                                                  ":fast_unwind_on_malloc=0", NULL);

      g_setenv ("ASAN_OPTIONS", slow_unwind, TRUE);
      g_test_trap_subprocess (NULL, 300 * G_USEC_PER_SEC,
                              G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (asan_options != NULL)
        g_setenv ("ASAN_OPTIONS", asan_options, TRUE);
      else
        g_unsetenv ("ASAN_OPTIONS");
      g_test_trap_assert_passed ();
      return;
    }

  g_autofree char *id = store_report (fixture, 0, 0);
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *chosen = g_build_filename (elsewhere, "mine.pdf", NULL);
  g_autofree char *chosen_uri = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(GFile) elsewhere_file = g_file_new_for_path (elsewhere);
  g_autofree char *suggested = NULL;
  TrWindow *window = open_window (fixture);
  GtkFileChooser *chooser;
  GtkWidget *open;

  g_assert_no_errno (g_mkdir_with_parents (elsewhere, 0755));
  g_remove (opened_marker);
  g_assert_true (tr_window_open_report (window, id));
  suggested = tr_pdf_export_suggest_name (tr_window_get_report (window));

  /* The first time, in Documents, under the report's title. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  wait_until ((chooser = GTK_FILE_CHOOSER (find_shown (GTK_TYPE_FILE_CHOOSER))) != NULL, 10000);
  /* The dialog reads its folder in the background. */
  folder = wait_for_folder (chooser);
  g_assert_cmpstr (folder, ==, documents_dir);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    g_assert_cmpstr (name, ==, suggested);
  }

  g_assert_true (gtk_file_chooser_set_current_folder (chooser, elsewhere_file, NULL));
  gtk_file_chooser_set_current_name (chooser, "mine.pdf");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  {
    g_autofree char *exported = g_strdup_printf (_("Exported “%s”"), "mine.pdf");

    wait_until (toast_label (fixture, exported) != NULL, 30000);
  }
  g_assert_cmpuint (tr_test_pdf_page_count (chosen), >, 1);

  /* Open, on the toast: the default app for PDFs gets the file. */
  open = find_button (GTK_WIDGET (window->toast_overlay), _("_Open"));
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  opened = wait_for_opened ();
  chosen_uri = g_filename_to_uri (chosen, NULL, NULL);
  g_assert_true (g_str_equal (opened, chosen) || g_str_equal (opened, chosen_uri));

  /* The next time, in the folder of the last export. */
  g_clear_pointer (&folder, g_free);
  wait_until (find_shown (GTK_TYPE_FILE_CHOOSER) == NULL, 5000);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-review-form-pdf", NULL);
  wait_until ((chooser = GTK_FILE_CHOOSER (find_shown (GTK_TYPE_FILE_CHOOSER))) != NULL, 10000);
  folder = wait_for_folder (chooser);
  g_assert_cmpstr (folder, ==, elsewhere);
  g_free (suggested);
  suggested = tr_pdf_review_form_suggest_name (tr_window_get_report (window));
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    g_assert_cmpstr (name, ==, suggested);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until (find_shown (GTK_TYPE_FILE_CHOOSER) == NULL, 5000);

  /* The dialog's last reads of the folder end in the main loop: they
   * would be reported as leaks at exit otherwise. */
  {
    gint64 end = g_get_monotonic_time () + G_TIME_SPAN_SECOND;

    while (g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (2000);
      }
  }
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* A home of the test's own: Documents, and a PDF viewer that writes down
 * what it is asked to open. */
static void
set_up_home (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *viewer = NULL;
  g_autofree char *script = NULL;
  g_autofree char *desktop = NULL;
  g_autofree char *user_dirs = NULL;
  g_autofree char *mimeapps = NULL;
  g_autofree char *path = NULL;

  home_dir = g_dir_make_tmp ("tr-ui-print-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (home_dir, 0755));
  config = g_build_filename (home_dir, "config", NULL);
  data = g_build_filename (home_dir, "data", NULL);
  applications = g_build_filename (data, "applications", NULL);
  documents_dir = g_build_filename (home_dir, "文件", NULL);
  opened_marker = g_build_filename (home_dir, "opened", NULL);
  g_assert_no_errno (g_mkdir_with_parents (config, 0755));
  g_assert_no_errno (g_mkdir_with_parents (applications, 0755));
  g_assert_no_errno (g_mkdir_with_parents (documents_dir, 0755));

  user_dirs = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents_dir);
  path = g_build_filename (config, "user-dirs.dirs", NULL);
  g_file_set_contents (path, user_dirs, -1, &error);
  g_clear_pointer (&path, g_free);
  g_assert_no_error (error);

  viewer = g_build_filename (home_dir, "viewer.sh", NULL);
  script = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                            opened_marker, opened_marker, opened_marker);
  g_file_set_contents (viewer, script, -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (viewer, 0755));
  desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Viewer\nExec=%s %%f\n"
                             "MimeType=application/pdf;\n", viewer);
  path = g_build_filename (applications, "tr-test-viewer.desktop", NULL);
  g_file_set_contents (path, desktop, -1, &error);
  g_clear_pointer (&path, g_free);
  g_assert_no_error (error);
  mimeapps = g_strdup ("[Default Applications]\napplication/pdf=tr-test-viewer.desktop\n");
  path = g_build_filename (config, "mimeapps.list", NULL);
  g_file_set_contents (path, mimeapps, -1, &error);
  g_assert_no_error (error);

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  /* The GTK file chooser's recent files and bookmarks stay in here. */
  g_setenv ("HOME", home_dir, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before any thread: each thread keeps the capabilities it started with. */
  if (g_getenv ("TR_TEST_DROP_DAC") != NULL && geteuid () == 0)
    drop_dac_override ();

  setlocale (LC_ALL, "");
  set_up_home ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TR_LOCALEDIR") != NULL ? g_getenv ("TR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-print/print/report", Fixture, NULL, fixture_set_up, test_print_report, fixture_tear_down);
  g_test_add ("/ui-print/print/review-form", Fixture, NULL, fixture_set_up, test_print_review_form,
              fixture_tear_down);
  g_test_add ("/ui-print/print/fails", Fixture, NULL, fixture_set_up, test_print_fails, fixture_tear_down);
  g_test_add ("/ui-print/export/page-count", Fixture, NULL, fixture_set_up, test_export_pdf_page_count,
              fixture_tear_down);
  g_test_add ("/ui-print/export/odt-page-count", Fixture, NULL, fixture_set_up, test_export_odt_page_count,
              fixture_tear_down);
  g_test_add ("/ui-print/export/command-line-page-count", Fixture, NULL, fixture_set_up,
              test_command_line_page_count, fixture_tear_down);
  g_test_add ("/ui-print/export/cancel", Fixture, NULL, fixture_set_up, test_export_cancel, fixture_tear_down);
  g_test_add ("/ui-print/export/dismiss", Fixture, NULL, fixture_set_up, test_export_dismiss, fixture_tear_down);
  g_test_add ("/ui-print/export/read-only-folder", Fixture, NULL, fixture_set_up, test_export_read_only_folder,
              fixture_tear_down);
  g_test_add ("/ui-print/export/save-dialog-and-open", Fixture, NULL, fixture_set_up,
              test_save_dialog_folder_and_open, fixture_tear_down);

  status = g_test_run ();
  tr_test_remove_tree (home_dir);
  return status;
}
