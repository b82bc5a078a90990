/* tr-cli-library.c: list, show, search, new and delete
 *
 * The module trip-reports-library, which also prints the overall help.
 * Of the core it links the store alone. `search` starts in a module of
 * its own (tr-cli-search.c), which hands it here when it cannot run it
 * alone: the options, output and errors below are the command's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "tr-cli.h"
#include "tr-json-check.h"
#include "tr-report-info.h"
#include "tr-report-json.h"

/* list -------------------------------------------------------------------- */

/* Each report printed as it is read, not gathered first: a library of
 * 100,000 reports is listed in the memory of one. */
typedef struct {
  gboolean json;
  guint n_printed;
} ListOutput;

static gboolean
print_listed (TrReportInfo  *info,
              gpointer       user_data,
              GError       **error)
{
  ListOutput *output = user_data;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;

  if (output->json)
    {
      print_info_in_json_array (info, output->n_printed++);
      return TRUE;
    }

  period = format_period (tr_report_info_get_period_start (info), tr_report_info_get_period_end (info));
  title = one_line (title_or_untitled (tr_report_info_get_title (info)));
  g_print ("%s\t%s\t%s\t%s\n",
           tr_report_info_get_id (info),
           tr_report_kind_to_string (tr_report_info_get_kind (info)),
           period != NULL ? period : "-",
           title);
  output->n_printed++;
  return TRUE;
}

static int
run_list (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  TrReviewStatus review_status = TR_REVIEW_STATUS_DRAFT;
  ListOutput output = { 0 };
  gboolean listed;
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
  /* The list index is read once, front to back: through SQLite's bounded
   * cache rather than a memory map, whose pages would all stay resident. */
  if (!tr_report_store_unmap (store, &error))
    return fail ("%s", error->message);

  output.json = cli->json;
  if (status_text != NULL)
    listed = tr_report_store_foreach_in_status (store, review_status, print_listed, &output, &error);
  else
    listed = tr_report_store_foreach (store, print_listed, &output, &error);
  /* A list cut short is no JSON document: a script cannot take it whole. */
  if (!listed)
    return fail ("%s", error->message);
  if (output.json)
    print_json_array_end (output.n_printed);
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

  text = cli->json ? tr_report_to_json_full (report, TRUE, TR_REPORT_JSON_WORDED_WARNINGS) : format_report (report);
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
  guint64 limit = TR_CLI_DEFAULT_SEARCH_LIMIT;
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

/* Reports saved in one transaction when they come as JSON lines: a
 * transaction per report would cost more than writing it, and one for
 * 100,000 of them would hold the whole input in memory. */
#define BATCH_REPORTS 1000
#define BATCH_BYTES (64 * 1000 * 1000)

/* An array holds many reports; its values are counted over all of them. */
static const TrJsonLimits array_limits = {
  .max_depth = 33,
  .max_values = 10 * 1000 * 1000,
  .max_key_length = 256,
};

typedef struct {
  GIOChannel *channel;
  char       *display_name;
  guint       line;  /* of the last line read */
} Input;

static void
input_clear (Input *input)
{
  g_clear_pointer (&input->channel, g_io_channel_unref);
  g_clear_pointer (&input->display_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Input, input_clear)

static gboolean
input_open (Input       *input,
            const char  *filename,
            GError     **error)
{
  if (g_strcmp0 (filename, "-") == 0)
    {
      input->display_name = g_strdup (_("standard input"));
      input->channel = g_io_channel_unix_new (STDIN_FILENO);
    }
  else
    {
      input->display_name = g_filename_display_name (filename);
      input->channel = g_io_channel_new_file (filename, "r", error);
    }
  if (input->channel == NULL || g_io_channel_set_encoding (input->channel, NULL, error) != G_IO_STATUS_NORMAL)
    {
      /* TRANSLATORS: “cannot read “report.json”: Is a directory” */
      g_prefix_error (error, _("cannot read “%s”: "), input->display_name);
      return FALSE;
    }
  return TRUE;
}

/* The next line (without its line break) into @line; FALSE at the end of
 * the input or on an error, which @error then holds. */
static gboolean
input_read_line (Input    *input,
                 GString  *line,
                 GError  **error)
{
  gsize terminator = 0;
  GIOStatus status = g_io_channel_read_line_string (input->channel, line, &terminator, error);

  if (status == G_IO_STATUS_ERROR)
    {
      g_prefix_error (error, _("cannot read “%s”: "), input->display_name);
      return FALSE;
    }
  if (status != G_IO_STATUS_NORMAL)
    return FALSE;
  input->line++;
  g_string_truncate (line, terminator);
  return TRUE;
}

/* The rest of the input, after @data, but at most one byte more than a
 * report's JSON form can be, which is enough for the parser to refuse it:
 * a huge input is never read whole. */
static gboolean
input_read_rest (Input    *input,
                 GString  *data,
                 GError  **error)
{
  GIOStatus status = G_IO_STATUS_NORMAL;

  while (status == G_IO_STATUS_NORMAL && data->len <= TR_REPORT_JSON_MAX_SIZE)
    {
      char buffer[64 * 1024];
      gsize n_read = 0;

      status = g_io_channel_read_chars (input->channel, buffer,
                                        MIN (sizeof buffer, TR_REPORT_JSON_MAX_SIZE + 1 - data->len),
                                        &n_read, error);
      g_string_append_len (data, buffer, n_read);
    }
  if (status == G_IO_STATUS_ERROR)
    {
      g_prefix_error (error, _("cannot read “%s”: "), input->display_name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* One object on one line, as JSON lines have them; the first line of a
 * pretty-printed object is "{" or opens a member. */
static gboolean
is_one_line_object (const char *line)
{
  g_autofree char *stripped = g_strstrip (g_strdup (line));
  gsize length = strlen (stripped);

  return length >= 2 && stripped[0] == '{' && stripped[length - 1] == '}';
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

/* Reports read but not yet saved, and the library they go to, opened
 * once the first batch is read: bad input leaves it untouched. */
typedef struct {
  Invocation    *cli;
  TrReportStore *store;
  GPtrArray     *drafts;
  gsize          n_bytes;
  guint          first_line;  /* of the first of the drafts */
  guint          n_saved;
} Batch;

static void
batch_clear (Batch *batch)
{
  g_clear_object (&batch->store);
  g_clear_pointer (&batch->drafts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

/* Saves the drafts read so far in one transaction and prints their IDs, in
 * the order of the input. */
static gboolean
batch_save (Batch *batch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (batch->drafts->len == 0)
    return TRUE;
  if (batch->store == NULL && (batch->store = cli_open_store (batch->cli)) == NULL)
    return FALSE;
  if (!tr_report_store_save_batch (batch->store, batch->drafts, NULL, &error))
    {
      if (batch->n_saved == 0)
        fail ("%s", error->message);
      else
        /* TRANSLATORS: the first %u is a number of reports, the second a line number */
        fail (_("%s; the first %u reports are saved, none from line %u on"),
              error->message, batch->n_saved, batch->first_line);
      return FALSE;
    }
  for (guint i = 0; i < batch->drafts->len; i++)
    g_string_append_printf (out, "%s\n", tr_report_get_id (g_ptr_array_index (batch->drafts, i)));
  g_print ("%s", out->str);
  batch->n_saved += batch->drafts->len;
  batch->n_bytes = 0;
  g_ptr_array_set_size (batch->drafts, 0);
  return TRUE;
}

/* Adds the report on line @line_number to the batch, saving the batch once
 * it is full. */
static gboolean
batch_add_line (Batch      *batch,
                const char *display_name,
                GString    *line,
                guint       line_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) parsed = NULL;

  if (is_blank (line->str))
    return TRUE;
  parsed = tr_report_new_from_json (line->str, line->len, &error);
  if (parsed == NULL)
    {
      if (batch->n_saved == 0)
        fail (_("cannot read the report on line %u of “%s”: %s; nothing was saved"),
              line_number, display_name, error->message);
      else
        /* TRANSLATORS: the last two %u are a number of reports and a line number */
        fail (_("cannot read the report on line %u of “%s”: %s; the first %u reports are saved, none from line %u on"),
              line_number, display_name, error->message, batch->n_saved,
              batch->drafts->len > 0 ? batch->first_line : line_number);
      return FALSE;
    }
  if (batch->drafts->len == 0)
    batch->first_line = line_number;
  g_ptr_array_add (batch->drafts, new_draft_from (parsed));
  batch->n_bytes += line->len;
  if (batch->drafts->len >= BATCH_REPORTS || batch->n_bytes >= BATCH_BYTES)
    return batch_save (batch);
  return TRUE;
}

/* JSON lines: one report a line, saved a batch at a time. @first and
 * @second, the first two lines that are not blank, are read already. */
static int
new_from_lines (Invocation *cli,
                Input      *input,
                GString    *first,
                guint       first_line,
                GString    *second)
{
  g_auto(Batch) batch = { .cli = cli, .drafts = g_ptr_array_new_with_free_func (g_object_unref) };
  g_autoptr(GError) error = NULL;

  if (!batch_add_line (&batch, input->display_name, first, first_line) ||
      !batch_add_line (&batch, input->display_name, second, input->line))
    return TR_CLI_EXIT_FAILED;
  while (input_read_line (input, second, &error))
    if (!batch_add_line (&batch, input->display_name, second, input->line))
      return TR_CLI_EXIT_FAILED;
  if (error != NULL)
    {
      if (batch.n_saved == 0)
        return fail (_("%s; nothing was saved"), error->message);
      return fail (_("%s; the first %u reports are saved, none from line %u on"),
                   error->message, batch.n_saved, batch.drafts->len > 0 ? batch.first_line : input->line + 1);
    }
  return batch_save (&batch) ? TR_CLI_EXIT_OK : TR_CLI_EXIT_FAILED;
}

/* A JSON array of reports, saved in one transaction. */
static int
new_from_array (Invocation *cli,
                const char *display_name,
                GString    *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Batch) batch = { .cli = cli, .drafts = g_ptr_array_new_with_free_func (g_object_unref) };
  JsonArray *array;

  if (data->len > TR_REPORT_JSON_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (TR_REPORT_JSON_MAX_SIZE);

      return fail (_("cannot read reports from “%s”: it is larger than %s; give that many reports as JSON lines, one report a line"),
                   display_name, limit);
    }
  /* The same strict gate as for one report (tr_report_new_from_json()). */
  if (!tr_json_check (data->str, data->len, &array_limits, &error))
    return fail (_("cannot read reports from “%s”: %s"), display_name, error->message);
#if JSON_CHECK_VERSION (1, 10, 0)
  json_parser_set_strict (parser, TRUE);
#endif
  if (!json_parser_load_from_data (parser, data->str, data->len, &error))
    return fail (_("cannot read reports from “%s”: %s"), display_name, error->message);

  array = json_node_get_array (json_parser_get_root (parser));
  if (json_array_get_length (array) == 0)
    return fail (_("cannot read reports from “%s”: the array is empty"), display_name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(TrReport) parsed = tr_report_new_from_json_node (json_array_get_element (array, i), &error);

      if (parsed == NULL)
        /* TRANSLATORS: “cannot read report 3 of the array in “reports.json”: … ” */
        return fail (_("cannot read report %u of the array in “%s”: %s; nothing was saved"),
                     i + 1, display_name, error->message);
      g_ptr_array_add (batch.drafts, new_draft_from (parsed));
    }
  g_clear_object (&parser);
  return batch_save (&batch) ? TR_CLI_EXIT_OK : TR_CLI_EXIT_FAILED;
}

static int
run_new (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) parsed = NULL;
  g_autoptr(TrReport) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_json = NULL;
  g_auto(Input) input = { NULL };
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) second = g_string_new (NULL);
  guint first_line = 0;
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

  /* Read and check the input first: bad input leaves the library untouched.
   * Its first line tells JSON lines (an object on it) from one report or
   * an array (pretty-printed or not). */
  if (!input_open (&input, from_json, &error))
    return fail ("%s", error->message);
  while (input_read_line (&input, first, &error))
    {
      g_string_append_printf (data, "%s\n", first->str);
      if (!is_blank (first->str))
        break;
    }
  first_line = input.line;
  if (error == NULL && is_one_line_object (first->str))
    {
      while (input_read_line (&input, second, &error))
        {
          if (!is_blank (second->str))
            return new_from_lines (cli, &input, first, first_line, second);
          g_string_append_printf (data, "%s\n", second->str);
        }
    }
  if (error != NULL || !input_read_rest (&input, data, &error))
    return fail ("%s", error->message);

  if (data->str[strspn (data->str, " \t\r\n")] == '[')
    return new_from_array (cli, input.display_name, data);

  parsed = tr_report_new_from_json (data->str, data->len, &error);
  if (parsed == NULL)
    return fail (_("cannot read a report from “%s”: %s"), input.display_name, error->message);
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

TR_CLI_DEFINE_GROUP_MAIN (runners)
