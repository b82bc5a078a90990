/* tr-cli.c: what the programs of the subcommands share
 *
 * Other tools drive the app through the command line, so its output and
 * exit statuses are a contract: plain output is one record per line with
 * tab-separated columns, --json output is what json-glib prints, a failure
 * is one line on stderr. Errors from the core already say what failed and
 * why (“Could not open the library “…”: the disk is full”) and are shown as
 * they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "tr-cli.h"
#include "tr-date.h"
#include "tr-error.h"
#include "tr-report.h"
#include "tr-report-info.h"
#include "tr-report-store.h"
#include "tr-warning.h"

static void
invocation_clear (Invocation *cli)
{
  g_clear_pointer (&cli->argv, g_strfreev);
  g_clear_pointer (&cli->args, g_strfreev);
  g_clear_pointer (&cli->db_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Invocation, invocation_clear)

/* The argv of this program, and what it runs itself. */
static char **program_argv;
static const TrCliRunner *program_runners;
static guint program_n_runners;

static const TrCliRunner *
find_runner (const char *name)
{
  for (guint i = 0; i < program_n_runners; i++)
    if (g_str_equal (program_runners[i].name, name))
      return &program_runners[i];
  return NULL;
}

/* Runs @command with @argv (the program, then its arguments), which it
 * takes; or, when another group's module runs it, loads that module. */
static int
invoke (const TrCliCommand *command,
        GStrv               argv)
{
  const TrCliRunner *runner = find_runner (command->name);
  g_auto(Invocation) cli = { .command = command, .argv = argv };

  if (runner == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) program_args = NULL;

      g_strv_builder_add (builder, program_argv[0]);
      g_strv_builder_add (builder, command->name);
      g_strv_builder_addv (builder, (const char **) argv + 1);
      program_args = g_strv_builder_end (builder);
      return tr_cli_run (command->program, program_args);
    }
  return runner->run (&cli);
}

/* Output ------------------------------------------------------------------ */

/* What a command that succeeded wants known: one line on stderr. */
static void G_GNUC_PRINTF (1, 2)
warn (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strstrip (message);
  g_strdelimit (message, "\r\n", ' ');
  /* TRANSLATORS: a warning on the command line, after “trip-reports: ” */
  g_printerr ("%s: ", PROGRAM);
  g_printerr (_("warning: %s\n"), message);
}

/* The reports are saved, but not yet in the search index: that is no
 * failure of the command (a retry would find them already there). The next
 * open of the library adds their entries, as after a crash. */
void
warn_index_pending (const GError *error)
{
  /* TRANSLATORS: %s says why the search index could not be updated */
  warn (_("%s. The reports are saved all the same; search finds them once the library is next opened."),
        error->message);
}

/* The document is written, with its real 頁數, but the library could not
 * keep that number (it is read-only): the next export counts again. */
void
warn_pages_not_kept (const GError *error)
{
  /* TRANSLATORS: %s says why the library could not be changed */
  warn (_("%s. The file is written all the same, with the right number of pages; the library keeps its old one."),
        error->message);
}

/* "105年7月9日", or the text as stored when it is not a date of the Republic. */
char *
format_date (const char *iso)
{
  char *minguo = tr_date_format_minguo (iso);

  return minguo != NULL ? minguo : g_strdup (iso);
}

/* "105年7月9日–105年7月11日", a half-open period, or NULL when neither is set. */
char *
format_period (const char *start,
               const char *end)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (start[0] == '\0' && end[0] == '\0')
    return NULL;

  start_text = format_date (start);
  end_text = format_date (end);
  return g_strconcat (start_text, "–", end_text, NULL);
}

void
print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* The object that list and search print for one report with --json. */
static void
add_info_object (JsonBuilder  *builder,
                 TrReportInfo *info)
{
  g_autofree char *modified = g_date_time_format_iso8601 (tr_report_info_get_modified (info));

  json_builder_begin_object (builder);
  add_string_member (builder, "id", tr_report_info_get_id (info));
  add_string_member (builder, "kind", tr_report_kind_to_string (tr_report_info_get_kind (info)));
  add_string_member (builder, "title", tr_report_info_get_title (info));
  add_string_member (builder, "period_start", tr_report_info_get_period_start (info));
  add_string_member (builder, "period_end", tr_report_info_get_period_end (info));
  add_string_member (builder, "destination", tr_report_info_get_destination (info));
  add_string_member (builder, "modified", modified);
  add_string_member (builder, "status", tr_review_status_to_string (tr_report_info_get_status (info)));
  if (tr_report_info_get_snippet (info) != NULL)
    {
      g_autofree char *snippet = tr_report_info_format_snippet (info, SNIPPET_OPEN, SNIPPET_CLOSE);

      add_string_member (builder, "snippet", snippet);
    }
  json_builder_end_object (builder);
}

void
print_infos_as_json (GPtrArray *infos)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < infos->len; i++)
    add_info_object (builder, g_ptr_array_index (infos, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  print_json (root);
}

/* The array print_infos_as_json() prints, printed one report at a time:
 * each object as the generator writes it, indented one level. */
void
print_info_in_json_array (TrReportInfo *info,
                          guint         position)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *indented = NULL;

  add_info_object (builder, info);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  /* Strings hold their line breaks escaped: each line is one of the
   * object's, to indent. */
  lines = g_strsplit (text, "\n", -1);
  indented = g_strjoinv ("\n  ", lines);
  g_print ("%s  %s", position == 0 ? "[\n" : ",\n", indented);
}

/* Ends what print_info_in_json_array() printed of @n_infos reports. */
void
print_json_array_end (guint n_infos)
{
  if (n_infos == 0)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      print_infos_as_json (none);
      return;
    }
  g_print ("\n]\n");
}

/* Options ----------------------------------------------------------------- */

/* Parses the subcommand's arguments with its own @entries and the shared
 * options. Returns FALSE when the run ends here, with *out_status set:
 * after --help (on stdout, success) or on a usage error. */
gboolean
cli_parse (Invocation         *cli,
           const GOptionEntry *entries,
           int                *out_status)
{
  const TrCliCommand *command = cli->command;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM, command->name);
  g_autofree char *arguments = NULL;
  g_auto(GStrv) args = NULL;
  gboolean help = FALSE;
  guint n_args;
  const GOptionEntry json_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON instead of text"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const GOptionEntry store_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path,
      N_("Use the library in PATH instead of the default one"), N_("PATH") },
    G_OPTION_ENTRY_NULL
  };
  /* Positional arguments are taken as bytes and checked for UTF-8 below:
   * G_OPTION_ARG_STRING would reject Chinese under LC_ALL=C. */
  const GOptionEntry common_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  /* The usage line reads "trip-reports search [OPTION…] QUERY…". */
  g_set_prgname (prgname);
  if (command->arg_name != NULL)
    {
      gboolean optional = command->min_args == 0;

      arguments = g_strconcat (optional ? "[" : "", _(command->arg_name),
                               command->max_args > 1 ? "…" : "", optional ? "]" : "", NULL);
    }

  context = g_option_context_new (arguments);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Our own --help prints to stdout and exits with success. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, command->summary);
  g_option_context_set_description (context, command->description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (command->flags & TR_CLI_COMMAND_HAS_JSON)
    g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);
  if (command->flags & TR_CLI_COMMAND_USES_STORE)
    g_option_context_add_main_entries (context, store_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &cli->argv, &error))
    {
      *out_status = usage_error (command, error->message);
      return FALSE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      *out_status = TR_CLI_EXIT_OK;
      return FALSE;
    }

  n_args = args != NULL ? g_strv_length (args) : 0;
  for (guint i = 0; i < n_args; i++)
    if (!g_utf8_validate (args[i], -1, NULL))
      {
        *out_status = usage_error (command, _("an argument is not valid UTF-8"));
        return FALSE;
      }
  if (n_args < command->min_args)
    {
      /* TRANSLATORS: “show: missing ID” */
      g_autofree char *message = g_strdup_printf (_("%s: missing %s"), command->name,
                                                  _(command->arg_name));
      *out_status = usage_error (command, message);
      return FALSE;
    }
  if (n_args > command->max_args)
    {
      g_autofree char *message = g_strdup_printf (_("%s: unexpected argument “%s”"),
                                                  command->name, args[command->max_args]);
      *out_status = usage_error (command, message);
      return FALSE;
    }

  cli->args = args != NULL ? g_steal_pointer (&args) : g_new0 (char *, 1);
  return TRUE;
}

/* The library of --db, or the default one. */
char *
cli_get_store_path (Invocation *cli)
{
  return cli->db_path != NULL ? g_strdup (cli->db_path) : tr_report_store_get_default_path ();
}

/* Opens the library; reports the failure. The store's messages say what
 * failed and why, so they are shown as is. A command waits its turn behind
 * the others a script started at the same time. */
TrReportStore *
cli_open_store (Invocation *cli)
{
  g_autofree char *path = cli_get_store_path (cli);
  g_autoptr(GError) error = NULL;
  TrReportStore *store;

  store = tr_report_store_open_full (path, TR_REPORT_STORE_OPEN_PATIENT, &error);
  if (store == NULL)
    fail ("%s", error->message);
  return store;
}

/* Reports a failure to load or delete the report @id. */
int
fail_on_report (const char   *id,
                const GError *error)
{
  if (g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
    return fail (_("no report with ID “%s”"), id);
  return fail ("%s", error->message);
}

/* Reads a review status given on the command line. */
gboolean
parse_status (Invocation     *cli,
              const char     *text,
              TrReviewStatus *out_status,
              int            *out_exit)
{
  g_autofree char *message = NULL;

  if (tr_review_status_from_string (text, out_status))
    return TRUE;
  /* TRANSLATORS: the statuses are command-line words, not to be translated */
  message = g_strdup_printf (_("unknown status “%s”: use draft, submitted, returned or approved"), text);
  *out_exit = usage_error (cli->command, message);
  return FALSE;
}

/* show -------------------------------------------------------------------- */

/* The English labels of the 提要 form's fields. */
static const struct {
  TrField     field;
  const char *label;
} form_labels[] = {
  { TR_FIELD_AGENCY,          N_("Agency") },
  { TR_FIELD_CONTACT,         N_("Contact") },
  { TR_FIELD_PHONE,           N_("Phone") },
  { TR_FIELD_CATEGORY,        N_("Category") },
  { TR_FIELD_CATEGORY_OTHER,  N_("Other category") },
  { TR_FIELD_PERIOD_START,    N_("Period") },  /* with the end, as on the form */
  { TR_FIELD_DESTINATION,     N_("Destination") },
  { TR_FIELD_REPORT_DATE,     N_("Report date") },
  { TR_FIELD_CLASSIFICATION,  N_("Classification") },
};

static void
append_label (GString    *out,
              const char *label,
              const char *value)
{
  if (value != NULL && value[0] != '\0')
    /* TRANSLATORS: a label and its value, “Destination: 愛沙尼亞” */
    g_string_append_printf (out, _("%s: %s\n"), label, value);
}

/* A block of text under a heading, separated from what comes before. */
static void
append_block (GString    *out,
              const char *heading,
              const char *text)
{
  g_string_append_printf (out, "\n%s\n%s", heading, text);
  if (!g_str_has_suffix (text, "\n"))
    g_string_append_c (out, '\n');
}

/* Tables are drawn with ASCII, which every terminal gives one column a
 * character: box-drawing characters take two in some East Asian set-ups.
 * A cell wider than this many columns is wrapped. */
#define TABLE_CELL_MAX_WIDTH 30

/* The columns a terminal gives @c: two for wide (Chinese) characters, none
 * for combining marks. Characters of ambiguous width count as one, as most
 * terminals draw them. */
static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

/* The lines of @cell, none wider than @max_width columns: its own line
 * breaks kept, tabs and other control characters made spaces, a longer
 * line broken after its last space that fits, or anywhere (Chinese has no
 * spaces). */
static GPtrArray *
wrap_cell (const char *cell,
           guint       max_width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  /* An empty cell is one empty line. */
  g_auto(GStrv) paragraphs = cell[0] != '\0' ? g_strsplit (cell, "\n", -1)
                                             : g_strdupv ((char *[]) { "", NULL });

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      guint width = 0;
      gsize break_at = 0;       /* bytes of @line up to just after a space */
      guint width_at_break = 0;

      for (const char *p = paragraphs[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          guint w;

          if (g_unichar_iscntrl (c))
            c = ' ';
          w = char_width (c);
          if (width + w > max_width && width > 0)
            {
              /* A space where the line is full ends it, and is dropped. */
              if (c == ' ')
                {
                  g_ptr_array_add (lines, g_strchomp (g_strdup (line->str)));
                  g_string_truncate (line, 0);
                  width = 0;
                  break_at = 0;
                  continue;
                }
              if (break_at > 0)
                {
                  g_ptr_array_add (lines, g_strchomp (g_strndup (line->str, break_at)));
                  g_string_erase (line, 0, break_at);
                  width -= width_at_break;
                }
              else
                {
                  g_ptr_array_add (lines, g_strdup (line->str));
                  g_string_truncate (line, 0);
                  width = 0;
                }
              break_at = 0;
            }
          g_string_append_unichar (line, c);
          width += w;
          if (c == ' ')
            {
              break_at = line->len;
              width_at_break = width;
            }
        }
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  return lines;
}

static void
append_table_border (GString     *out,
                     const guint *widths,
                     guint        n_columns,
                     char         fill)
{
  g_string_append_c (out, '+');
  for (guint c = 0; c < n_columns; c++)
    {
      for (guint i = 0; i < widths[c] + 2; i++)
        g_string_append_c (out, fill);
      g_string_append_c (out, '+');
    }
  g_string_append_c (out, '\n');
}

/* A grid, as reStructuredText draws one: "=" under the header row, "-"
 * between the others, so that the lines of a cell of many stay together. */
static void
append_table (GString  *out,
              TrTable  *table,
              guint     number)
{
  guint n_rows = tr_table_get_n_rows (table);
  guint n_columns = tr_table_get_n_columns (table);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree guint *widths = g_new0 (guint, n_columns);

  if (number > 0)
    g_string_append_printf (out, "表 %u：%s\n", number, tr_table_get_caption (table));

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        GPtrArray *lines = wrap_cell (tr_table_get_cell (table, r, c), TABLE_CELL_MAX_WIDTH);

        for (guint i = 0; i < lines->len; i++)
          widths[c] = MAX (widths[c], text_width (g_ptr_array_index (lines, i)));
        g_ptr_array_add (cells, lines);
      }

  append_table_border (out, widths, n_columns, '-');
  for (guint r = 0; r < n_rows; r++)
    {
      guint height = 1;

      for (guint c = 0; c < n_columns; c++)
        height = MAX (height, ((GPtrArray *) g_ptr_array_index (cells, r * n_columns + c))->len);
      for (guint i = 0; i < height; i++)
        {
          g_string_append_c (out, '|');
          for (guint c = 0; c < n_columns; c++)
            {
              GPtrArray *lines = g_ptr_array_index (cells, r * n_columns + c);
              const char *line = i < lines->len ? g_ptr_array_index (lines, i) : "";

              g_string_append_printf (out, " %s%*s |", line, (int) (widths[c] - text_width (line)), "");
            }
          g_string_append_c (out, '\n');
        }
      append_table_border (out, widths, n_columns,
                           r == 0 && tr_table_get_has_header (table) ? '=' : '-');
    }
}

/* A section or the appendix under its heading: its text, and its tables
 * where they stand in it. */
static void
append_body (GString    *out,
             const char *heading,
             TrReport   *report,
             TrField     field)
{
  TrBody *body = tr_report_get_body (report, field);
  guint n_tables = tr_body_get_n_tables (body);

  if (n_tables == 0)
    {
      const char *text = tr_body_get_plain_text (body);

      append_block (out, heading, text[0] != '\0' ? text : _("(empty)"));
      return;
    }

  g_string_append_printf (out, "\n%s\n", heading);
  for (guint i = 0; i <= n_tables; i++)
    {
      const char *run = tr_body_get_text_run (body, i);

      g_string_append (out, run);
      if (run[0] != '\0' && !g_str_has_suffix (run, "\n"))
        g_string_append_c (out, '\n');
      if (i < n_tables)
        append_table (out, tr_body_get_table (body, i), tr_report_get_table_number (report, field, i));
    }
}

static void
append_travellers (GString  *out,
                   TrReport *report)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  guint n_travellers = g_list_model_get_n_items (travellers);

  if (n_travellers == 0)
    return;

  g_string_append_printf (out, "%s\n", _("Travellers:"));
  for (guint i = 0; i < n_travellers; i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;
      g_autofree char *line = NULL;

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        if (tr_traveller_get (traveller, f)[0] != '\0')
          g_strv_builder_add (parts, tr_traveller_get (traveller, f));
      strv = g_strv_builder_end (parts);
      line = g_strjoinv (" · ", strv);
      g_string_append_printf (out, "  %s\n", line);
    }
}

/* One line per photo, numbered as the export numbers them. */
static void
append_photos (GString  *out,
               TrReport *report)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  guint n_photos = g_list_model_get_n_items (photos);

  if (n_photos == 0)
    return;
  g_string_append_printf (out, "\n%s\n", _("Photos:"));
  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      g_autofree char *size = g_format_size (g_bytes_get_size (tr_photo_get_data (photo)));
      const char *caption = tr_photo_get_caption (photo);

      g_string_append_printf (out, "  照片 %u%s%s (%u × %u, %s, %s)\n", i + 1,
                              caption[0] != '\0' ? "：" : "", caption,
                              tr_photo_get_width (photo), tr_photo_get_height (photo),
                              tr_photo_get_mime_type (photo), size);
    }
}

char *
format_report (TrReport *report)
{
  GString *out = g_string_new (NULL);
  const char * const *keywords = tr_report_get_keywords (report);
  const char * const *warnings = tr_report_get_warnings (report);
  gboolean has_body = FALSE;

  g_string_append_printf (out, "%s\n", title_or_untitled (tr_report_get_text (report, TR_FIELD_TITLE)));
  append_label (out, _("ID"), tr_report_get_id (report));
  append_label (out, _("Kind"), tr_report_kind_to_string (tr_report_get_kind (report)));

  for (guint i = 0; i < G_N_ELEMENTS (form_labels); i++)
    {
      TrField field = form_labels[i].field;
      g_autofree char *value = NULL;

      if (field == TR_FIELD_PERIOD_START)
        value = format_period (tr_report_get_text (report, TR_FIELD_PERIOD_START),
                               tr_report_get_text (report, TR_FIELD_PERIOD_END));
      else if (tr_field_is_date (field))
        value = format_date (tr_report_get_text (report, field));
      else
        value = g_strdup (tr_report_get_text (report, field));
      append_label (out, _(form_labels[i].label), value);
    }

  if (tr_report_get_pages (report) > 0)
    {
      g_autofree char *pages = g_strdup_printf ("%u", tr_report_get_pages (report));

      append_label (out, _("Pages"), pages);
    }
  if (tr_report_get_has_attachments (report))
    append_label (out, _("Attachments"), _("yes"));
  append_travellers (out, report);
  if (keywords[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) keywords);

      append_label (out, _("Keywords"), joined);
    }

  if (tr_report_get_text (report, TR_FIELD_SUMMARY)[0] != '\0')
    append_block (out, "摘要", tr_report_get_text (report, TR_FIELD_SUMMARY));

  /* The four sections go together: when one is written, an empty one is a
   * gap the reader must see (the review form asks for all four). */
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    has_body |= tr_report_get_section (report, s)[0] != '\0' ||
                tr_body_get_n_tables (tr_report_get_body (report, TR_FIELD_FROM_SECTION (s))) > 0;
  for (guint s = 0; has_body && s < TR_N_SECTIONS; s++)
    append_body (out, tr_section_get_heading (s), report, TR_FIELD_FROM_SECTION (s));

  if (tr_report_get_text (report, TR_FIELD_APPENDIX)[0] != '\0' ||
      tr_body_get_n_tables (tr_report_get_body (report, TR_FIELD_APPENDIX)) > 0)
    append_body (out, "附錄", report, TR_FIELD_APPENDIX);
  append_photos (out, report);
  if (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED)[0] != '\0')
    append_block (out, _("Unclassified text"), tr_report_get_text (report, TR_FIELD_UNCLASSIFIED));

  if (warnings[0] != NULL)
    {
      g_string_append_printf (out, "\n%s\n", _("Warnings:"));
      for (guint i = 0; warnings[i] != NULL; i++)
        {
          g_autofree char *warning = tr_warning_format (warnings[i]);

          g_string_append_printf (out, "- %s\n", warning);
        }
    }

  return g_string_free (out, FALSE);
}

/* help -------------------------------------------------------------------- */

/* The window's options (src/ui/tr-application.c), for the overall help:
 * `trip-reports` without a subcommand is the window. */
static const struct {
  const char *name;
  const char *arg_name;
  const char *description;
} window_options[] = {
  { "db", N_("PATH"), N_("Use the library at PATH instead of the default one") },
  { "open", N_("ID"), N_("Open the report with this ID") },
  { "reference", N_("ID"), N_("Show the report with this ID beside the open one") },
};

static void
print_overall_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *default_path = tr_report_store_get_default_path ();
  g_autofree char *display_path = g_filename_display_name (default_path);
  g_autoptr(GPtrArray) option_names = g_ptr_array_new_with_free_func (g_free);
  const TrCliCommand *commands;
  guint n_commands;
  int width = 0;

  commands = tr_cli_get_commands (&n_commands);
  for (guint i = 0; i < n_commands; i++)
    width = MAX (width, (int) strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (window_options); i++)
    {
      char *name = g_strdup_printf ("--%s=%s", window_options[i].name, _(window_options[i].arg_name));

      width = MAX (width, (int) g_utf8_strlen (name, -1));
      g_ptr_array_add (option_names, name);
    }

  g_string_append_printf (out, "%s\n", _("Usage:"));
  g_string_append_printf (out, _("  %s [OPTION…] [FILE.pdf…]\n"), PROGRAM);
  g_string_append_printf (out, _("  %s SUBCOMMAND [OPTION…]\n"), PROGRAM);
  g_string_append_printf (out, "  %s --version\n\n", PROGRAM);
  g_string_append_printf (out, "%s\n\n", _("Drafts and reviews trip reports (公務出國報告). "
                                           "With no arguments, it opens its window."));
  g_string_append_printf (out, "%s\n", _("Subcommands:"));
  for (guint i = 0; i < n_commands; i++)
    g_string_append_printf (out, "  %-*s  %s\n", width, commands[i].name, _(commands[i].summary));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s\n", _("Options of the window:"));
  for (guint i = 0; i < G_N_ELEMENTS (window_options); i++)
    {
      const char *name = g_ptr_array_index (option_names, i);

      /* Padded by characters: a translated PATH may not be ASCII. */
      g_string_append_printf (out, "  %s%*s  %s\n", name, width - (int) g_utf8_strlen (name, -1), "",
                              _(window_options[i].description));
    }
  g_string_append_printf (out, "%s\n\n", _("The window imports the PDF files it is given."));
  g_string_append_printf (out, _("Every subcommand that reads or changes the library takes "
                                 "--db PATH; the default library is “%s”.\n"), display_path);
  g_string_append_printf (out, _("Run “%s help SUBCOMMAND” for the usage of a subcommand.\n"),
                          PROGRAM);
  g_print ("%s", out->str);
}

int
run_help (Invocation *cli)
{
  const TrCliCommand *command;
  int status;

  if (!cli_parse (cli, NULL, &status))
    return status;
  if (cli->args[0] == NULL)
    {
      print_overall_help ();
      return TR_CLI_EXIT_OK;
    }

  command = tr_cli_find_command (cli->args[0]);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown subcommand “%s”"), cli->args[0]);
      return usage_error (NULL, message);
    }

  /* “help X” is “X --help”: the help comes from X's own options. */
  {
    const char * const argv[] = { PROGRAM, "--help", NULL };

    return invoke (command, g_strdupv ((char **) argv));
  }
}

/* Entry point ------------------------------------------------------------- */

/* The subcommand sees the program name, then its own arguments. */
static GStrv
subcommand_argv (int    argc,
                 char **argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, PROGRAM);
  for (int i = 2; i < argc; i++)
    g_strv_builder_add (builder, argv[i]);
  return g_strv_builder_end (builder);
}

int
tr_cli_main (int                 argc,
             char              **argv,
             const TrCliRunner  *runners,
             guint               n_runners)
{
  const TrCliCommand *command;
  const char *name;

  tr_cli_init ();
  program_argv = argv;
  program_runners = runners;
  program_n_runners = n_runners;

  if (argc < 2)
    return usage_error (NULL, _("missing subcommand"));

  name = argv[1];
  if (g_str_equal (name, "--version"))
    return tr_cli_finish (tr_cli_print_version (argc, argv));
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    name = "help";

  command = tr_cli_find_command (name);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown subcommand “%s”"), name);

      return usage_error (NULL, message);
    }
  return tr_cli_finish (invoke (command, subcommand_argv (argc, argv)));
}
