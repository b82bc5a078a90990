/* tr-cli-library.c: list, show, search, new and delete
 *
 * The program trip-reports-library, which also prints the overall help.
 * Of the core it links the store alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <unistd.h>

#include "tr-cli.h"
#include "tr-report-info.h"
#include "tr-report-json.h"

#define DEFAULT_SEARCH_LIMIT 20

/* list -------------------------------------------------------------------- */

static int
run_list (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *status_text = NULL;
  TrReviewStatus review_status = TR_REVIEW_STATUS_DRAFT;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only the reports in STATUS"), N_("STATUS") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (status_text != NULL && !parse_status (cli, status_text, &review_status, &status))
    return status;
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  if (status_text != NULL)
    infos = tr_report_store_list_by_status (store, review_status, &error);
  else
    infos = tr_report_store_list (store, &error);
  if (infos == NULL)
    return fail ("%s", error->message);

  if (cli->json)
    {
      print_infos_as_json (infos);
      return TR_CLI_EXIT_OK;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < infos->len; i++)
    {
      TrReportInfo *info = g_ptr_array_index (infos, i);
      g_autofree char *period = format_period (tr_report_info_get_period_start (info),
                                               tr_report_info_get_period_end (info));
      g_autofree char *title = one_line (title_or_untitled (tr_report_info_get_title (info)));

      g_string_append_printf (out, "%s\t%s\t%s\t%s\n",
                              tr_report_info_get_id (info),
                              tr_report_kind_to_string (tr_report_info_get_kind (info)),
                              period != NULL ? period : "-",
                              title);
    }
  g_print ("%s", out->str);
  return TR_CLI_EXIT_OK;
}

/* show -------------------------------------------------------------------- */

static int
run_show (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  if (!cli_parse (cli, NULL, &status))
    return status;
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  report = tr_report_store_load (store, cli->args[0], &error);
  if (report == NULL)
    return fail_on_report (cli->args[0], error);

  text = cli->json ? tr_report_to_json (report, TRUE) : format_report (report);
  g_print ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
  return TR_CLI_EXIT_OK;
}

/* search ------------------------------------------------------------------ */

static int
run_search (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *query = NULL;
  g_autoptr(GString) out = NULL;
  guint64 limit = DEFAULT_SEARCH_LIMIT;
  int status;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N hits (default: 20)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;

  if (limit_text != NULL &&
      !g_ascii_string_to_unsigned (limit_text, 10, 1, G_MAXUINT, &limit, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--limit must be a positive whole number, not “%s”"), limit_text);
      return usage_error (cli->command, message);
    }

  query = g_strstrip (g_strjoinv (" ", cli->args));
  if (query[0] == '\0')
    return usage_error (cli->command, _("search: the query is empty"));
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  hits = tr_report_store_search (store, query, (guint) limit, &error);
  if (hits == NULL)
    return fail ("%s", error->message);

  if (cli->json)
    {
      print_infos_as_json (hits);
      return TR_CLI_EXIT_OK;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      TrReportInfo *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = one_line (title_or_untitled (tr_report_info_get_title (hit)));
      g_autofree char *snippet = tr_report_info_format_snippet (hit, SNIPPET_OPEN, SNIPPET_CLOSE);
      g_autofree char *snippet_line = one_line (snippet != NULL ? snippet : "");

      g_string_append_printf (out, "%s\t%s\n  %s\n", tr_report_info_get_id (hit), title, snippet_line);
    }
  g_print ("%s", out->str);
  return TR_CLI_EXIT_OK;
}

/* new --------------------------------------------------------------------- */

/* Reads at most one byte more than a report's JSON form can be, which is
 * enough for the parser to refuse it: a huge input is never read whole. */
static gboolean
read_input (const char  *filename,
            const char  *display_name,
            char       **out_data,
            gsize       *out_length,
            GError     **error)
{
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  GIOStatus status = G_IO_STATUS_NORMAL;

  if (g_strcmp0 (filename, "-") == 0)
    channel = g_io_channel_unix_new (STDIN_FILENO);
  else
    channel = g_io_channel_new_file (filename, "r", error);

  if (channel == NULL || g_io_channel_set_encoding (channel, NULL, error) != G_IO_STATUS_NORMAL)
    status = G_IO_STATUS_ERROR;
  while (status == G_IO_STATUS_NORMAL && data->len <= TR_REPORT_JSON_MAX_SIZE)
    {
      char buffer[64 * 1024];
      gsize n_read = 0;

      status = g_io_channel_read_chars (channel, buffer,
                                        MIN (sizeof buffer, TR_REPORT_JSON_MAX_SIZE + 1 - data->len),
                                        &n_read, error);
      g_string_append_len (data, buffer, n_read);
    }
  if (status == G_IO_STATUS_ERROR)
    {
      /* TRANSLATORS: “cannot read “report.json”: Is a directory” */
      g_prefix_error (error, _("cannot read “%s”: "), display_name);
      return FALSE;
    }

  *out_length = data->len;
  *out_data = g_string_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}

/* A draft of its own with everything @source says but its identity, times
 * and original file: "new" never overwrites or imports. */
static TrReport *
new_draft_from (TrReport *source)
{
  TrReport *draft = tr_report_new (TR_REPORT_KIND_DRAFT);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (source));
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (source));

  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      /* The tables too, not only their text. */
      if (tr_field_holds_tables (f))
        tr_body_replace (tr_report_get_body (draft, f), tr_report_get_body (source, f));
      else
        tr_report_set_text (draft, f, tr_report_get_text (source, f));
    }
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      g_autoptr(TrTraveller) copy = tr_traveller_copy (traveller);

      g_list_store_append (tr_report_get_travellers (draft), copy);
    }
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      g_autoptr(TrPhoto) copy = tr_photo_copy (photo);

      g_list_store_append (tr_report_get_photos (draft), copy);
    }
  tr_report_set_keywords (draft, tr_report_get_keywords (source));
  tr_report_set_warnings (draft, tr_report_get_warnings (source));
  tr_report_set_has_attachments (draft, tr_report_get_has_attachments (source));
  tr_report_set_pages (draft, tr_report_get_pages (source));
  return draft;
}

static int
run_new (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) parsed = NULL;
  g_autoptr(TrReport) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_json = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  gsize length;
  int status;
  const GOptionEntry entries[] = {
    { "from-json", 0, 0, G_OPTION_ARG_FILENAME, &from_json,
      N_("Read the report from FILE (“-”: standard input)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (from_json == NULL)
    return usage_error (cli->command, _("new: missing --from-json FILE"));

  /* Read and check the input first: bad input leaves the library untouched. */
  display_name = g_strcmp0 (from_json, "-") == 0 ? g_strdup (_("standard input"))
                                                 : g_filename_display_name (from_json);
  if (!read_input (from_json, display_name, &data, &length, &error))
    return fail ("%s", error->message);
  parsed = tr_report_new_from_json (data, length, &error);
  if (parsed == NULL)
    return fail (_("cannot read a report from “%s”: %s"), display_name, error->message);
  draft = new_draft_from (parsed);

  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;
  if (!tr_report_store_save (store, draft, &error))
    return fail ("%s", error->message);
  if (!tr_report_store_update_index (store, &error))
    warn_index_pending (error);

  g_print ("%s\n", tr_report_get_id (draft));
  return TR_CLI_EXIT_OK;
}

/* delete ------------------------------------------------------------------ */

static int
run_delete (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!cli_parse (cli, NULL, &status))
    return status;
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  if (!tr_report_store_delete (store, cli->args[0], &error))
    return fail_on_report (cli->args[0], error);
  return TR_CLI_EXIT_OK;
}

/* The program ------------------------------------------------------------- */

static const TrCliRunner runners[] = {
  { "list", run_list },
  { "show", run_show },
  { "search", run_search },
  { "new", run_new },
  { "delete", run_delete },
  { "help", run_help },
};

int
main (int   argc,
      char *argv[])
{
  return tr_cli_main (argc, argv, runners, G_N_ELEMENTS (runners));
}
