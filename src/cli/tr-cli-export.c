/* tr-cli-export.c: export, as ODT: the report or its review form
 *
 * The program trip-reports-export. Of the core it links the store and the
 * export (libxml2, libzip).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-cli.h"
#include "tr-odt-exporter.h"
#include "tr-odt-review-form.h"

/* export ------------------------------------------------------------------ */

static int
run_export (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gboolean review_form = FALSE;
  gboolean no_comments = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the document to FILE (an .odt file)"), N_("FILE") },
    { "review-form", 0, 0, G_OPTION_ARG_NONE, &review_form,
      N_("Write the review form (審核表) instead of the report"), NULL },
    { "no-comments", 0, 0, G_OPTION_ARG_NONE, &no_comments,
      N_("Leave the reviewers' comments out"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (output == NULL)
    return usage_error (cli->command, _("missing --output FILE"));
  if (output[0] == '\0')
    return usage_error (cli->command, _("--output: the path is empty"));
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  report = tr_report_store_load (store, cli->args[0], &error);
  if (report == NULL)
    return fail_on_report (cli->args[0], error);

  file = g_file_new_for_commandline_arg (output);
  if (review_form)
    {
      g_autoptr(TrReview) review = tr_report_store_load_review (store, cli->args[0], &error);

      if (review == NULL)
        return fail ("%s", error->message);
      tr_review_prefill (review, report, NULL);
      if (!tr_odt_review_form_to_file (report, review, file, NULL, &error))
        return fail ("%s", error->message);
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

int
main (int   argc,
      char *argv[])
{
  return tr_cli_main (argc, argv, runners, G_N_ELEMENTS (runners));
}
