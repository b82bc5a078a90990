/* tr-cli-export.c: export, as ODT or PDF: the report or its review form
 *
 * The module trip-reports-export. Of the core it links the store, the
 * export (libxml2, libzip) and the PDF layout (Pango, cairo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-cli.h"
#include "tr-odt-exporter.h"
#include "tr-odt-review-form.h"
#include "tr-pdf-exporter.h"

/* export ------------------------------------------------------------------ */

typedef enum {
  EXPORT_ODT,
  EXPORT_PDF,
} ExportFormat;

/* --format when given, else the extension of @output. */
static gboolean
parse_export_format (const char   *format,
                     const char   *output,
                     ExportFormat *out_format,
                     char        **out_message)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  if (format != NULL)
    {
      if (g_ascii_strcasecmp (format, "odt") == 0)
        *out_format = EXPORT_ODT;
      else if (g_ascii_strcasecmp (format, "pdf") == 0)
        *out_format = EXPORT_PDF;
      else
        {
          /* TRANSLATORS: --format's value; odt and pdf are the values to give */
          *out_message = g_strdup_printf (_("unknown format “%s”: use odt or pdf"), format);
          return FALSE;
        }
      return TRUE;
    }

  name = g_filename_display_basename (output);
  lower = g_utf8_strdown (name, -1);
  if (g_str_has_suffix (lower, ".odt"))
    *out_format = EXPORT_ODT;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out_format = EXPORT_PDF;
  else
    {
      *out_message = g_strdup_printf (_("cannot tell the format of “%s”: name it .odt or .pdf, "
                                        "or give --format"), name);
      return FALSE;
    }
  return TRUE;
}

static int
run_export (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *format_error = NULL;
  ExportFormat format = EXPORT_ODT;
  gboolean review_form = FALSE;
  gboolean no_comments = FALSE;
  gboolean for_review = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to FILE (an .odt or a .pdf file)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Write FORMAT (odt or pdf) whatever FILE's extension"), N_("FORMAT") },
    { "review-form", 0, 0, G_OPTION_ARG_NONE, &review_form,
      N_("Write the review form (審核表) instead of the report"), NULL },
    { "no-comments", 0, 0, G_OPTION_ARG_NONE, &no_comments,
      N_("Leave the reviewers' comments out"), NULL },
    { "for-review", 0, 0, G_OPTION_ARG_NONE, &for_review,
      N_("Write an ODT for a reviewer, without the author's notes, that import merges back"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (output == NULL)
    return usage_error (cli->command, _("missing --output FILE"));
  if (output[0] == '\0')
    return usage_error (cli->command, _("--output: the path is empty"));
  if (!parse_export_format (format_name, output, &format, &format_error))
    return usage_error (cli->command, format_error);
  if (for_review && (review_form || format != EXPORT_ODT))
    return usage_error (cli->command, _("--for-review writes the report as an ODT"));
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  report = tr_report_store_load (store, cli->args[0], &error);
  if (report == NULL)
    return fail_on_report (cli->args[0], error);

  file = g_file_new_for_commandline_arg (output);
  if (review_form)
    {
      g_autoptr(TrReview) review = tr_report_store_load_review (store, cli->args[0], &error);
      gboolean ok;

      if (review == NULL)
        return fail ("%s", error->message);
      tr_review_prefill (review, report, NULL);
      if (format == EXPORT_PDF)
        ok = tr_pdf_review_form_to_file (report, review, file, NULL, &error);
      else
        ok = tr_odt_review_form_to_file (report, review, file, NULL, &error);
      if (!ok)
        return fail ("%s", error->message);
      return TR_CLI_EXIT_OK;
    }

  if (format == EXPORT_ODT)
    {
      /* The 頁數 of the ODT is the pages of our PDF, counted now: the
       * report may have changed since the last PDF. */
      guint n_pages = tr_pdf_count_pages (report, NULL, &error);

      if (n_pages == 0)
        return fail ("%s", error->message);
      if (tr_report_get_pages (report) != n_pages)
        {
          if (!tr_report_store_set_pages (store, cli->args[0], n_pages, &error))
            {
              /* A library one may only read still exports. */
              warn_pages_not_kept (error);
              g_clear_error (&error);
            }
          tr_report_set_pages (report, n_pages);
        }
    }
  else
    {
      guint n_pages = 0;

      /* The library is read through a memory map: the photos just read
       * stay mapped, as many megabytes again as in the report, until the
       * library is closed. Closed while the PDF is written, and opened
       * again for the page count. */
      g_clear_object (&store);
      /* The message names the file and says why ("…: the disk is full"). */
      if (!tr_pdf_export_to_file (report, file, &n_pages, NULL, &error))
        return fail ("%s", error->message);
      /* One number of pages: the 提要's, the PDF's and the report's; the
       * number alone is written, not the report and its photos again. */
      if (tr_report_get_pages (report) != n_pages)
        {
          if ((store = cli_open_store (cli)) == NULL)
            return TR_CLI_EXIT_FAILED;
          if (!tr_report_store_set_pages (store, cli->args[0], n_pages, &error))
            return fail ("%s", error->message);
        }
      return TR_CLI_EXIT_OK;
    }

  {
    g_autoptr(GPtrArray) comments = NULL;

    if (!no_comments)
      {
        comments = tr_report_store_list_comments (store, cli->args[0], &error);
        if (comments == NULL)
          return fail ("%s", error->message);
      }
    if (for_review)
      {
        g_autoptr(TrReview) review = tr_report_store_load_review (store, cli->args[0], &error);

        if (review == NULL ||
            !tr_odt_export_for_review_to_file (report, comments, review, file, NULL, &error))
          return fail ("%s", error->message);
        return TR_CLI_EXIT_OK;
      }
    /* The message names the file and says why ("…: the disk is full"). */
    if (!tr_odt_export_to_file_with_comments (report, comments, file, NULL, &error))
      return fail ("%s", error->message);
  }
  return TR_CLI_EXIT_OK;
}

/* The program ------------------------------------------------------------- */

static const TrCliRunner runners[] = {
  { "export", run_export },
};

TR_CLI_DEFINE_GROUP_MAIN (runners)
