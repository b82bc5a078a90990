/* tr-cli.c: the headless command line (`trip-reports SUBCOMMAND …`)
 *
 * Other tools drive the app through this, so its output and exit statuses
 * are a contract: plain output is one record per line with tab-separated
 * columns, --json output is what json-glib prints, a failure is one line on
 * stderr. Errors from the core already say what failed and why (“Could not
 * open the library “…”: the disk is full”) and are shown as they are.
 *
 * Each subcommand is one entry of `commands` and one run function; the run
 * function declares its own options and hands them to cli_parse(), which
 * adds the shared ones (--db, --json, --help) and checks the arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tr-cli.h"
#include "tr-date.h"
#include "tr-error.h"
#include "tr-importer.h"
#include "tr-odt-exporter.h"
#include "tr-odt-review-form.h"
#include "tr-pdf-exporter.h"
#include "tr-report.h"
#include "tr-report-info.h"
#include "tr-report-json.h"
#include "tr-report-store.h"

#define PROGRAM "trip-reports"
#define DEFAULT_SEARCH_LIMIT 20

/* The markers that show matches in snippets, plain and --json alike. */
#define SNIPPET_OPEN  "["
#define SNIPPET_CLOSE "]"

typedef struct _Command Command;

typedef enum {
  COMMAND_USES_STORE = 1 << 0,  /* takes --db */
  COMMAND_HAS_JSON   = 1 << 1,  /* takes --json */
  COMMAND_HIDDEN     = 1 << 2,  /* not listed in the help: for the app itself */
} CommandFlags;

/* One run of a subcommand. */
typedef struct {
  const Command *command;
  GStrv          argv;      /* argv[0] is the program; then the subcommand's arguments */
  char          *db_path;   /* --db, in the file system encoding */
  gboolean       json;      /* --json */
  GStrv          args;      /* the positional arguments, UTF-8 */
} Invocation;

static void
invocation_clear (Invocation *cli)
{
  g_clear_pointer (&cli->argv, g_strfreev);
  g_clear_pointer (&cli->args, g_strfreev);
  g_clear_pointer (&cli->db_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Invocation, invocation_clear)

struct _Command {
  const char   *name;
  const char   *arg_name;   /* the positional argument, for usage ("ID"), or NULL */
  guint         min_args;
  guint         max_args;   /* G_MAXUINT: any number */
  CommandFlags  flags;
  const char   *summary;
  const char   *description;
  int         (*run) (Invocation *cli);
};

static int run_list   (Invocation *cli);
static int run_show   (Invocation *cli);
static int run_search (Invocation *cli);
static int run_new    (Invocation *cli);
static int run_delete (Invocation *cli);
static int run_export (Invocation *cli);
static int run_review (Invocation *cli);
static int run_comment (Invocation *cli);
static int run_import (Invocation *cli);
static int run_import_worker (Invocation *cli);
static int run_help   (Invocation *cli);

/* The real argv[0], for starting this program again as the import worker. */
static const char *program_argv0;

/* Later subcommands (import, export) are one more entry each. */
static const Command commands[] = {
  { "list", NULL, 0, 0, COMMAND_USES_STORE | COMMAND_HAS_JSON,
    N_("List every report, newest change first"),
    N_("Plain output has one line per report with tab-separated columns: "
       "ID, kind, period (Minguo dates) and title. With --status, only the reports "
       "in that review status (draft, submitted, returned or approved)."),
    run_list },
  { "show", N_("ID"), 1, 1, COMMAND_USES_STORE | COMMAND_HAS_JSON,
    N_("Show one report"),
    N_("With --json, prints the report in the JSON form that “new --from-json” reads."),
    run_show },
  { "search", N_("QUERY"), 1, G_MAXUINT, COMMAND_USES_STORE | COMMAND_HAS_JSON,
    N_("Search the text of every report"),
    N_("Every word of QUERY must occur in a report; words of one or two Chinese "
       "characters work too. Plain output has, for each hit, a line with the ID "
       "and the title, then the matching text indented, with matches between [ and ]."),
    run_search },
  { "new", NULL, 0, 0, COMMAND_USES_STORE,
    N_("Create a draft from a report in JSON form"),
    N_("Reads the JSON form that “show --json” prints, from FILE or, when FILE is "
       "“-”, from standard input, and saves it as a new draft. The keys “id”, "
       "“kind”, “created”, “modified” and “source” are accepted but not used: "
       "the draft always gets a fresh ID, the kind “draft” and the current time. "
       "Prints the ID of the new draft."),
    run_new },
  { "delete", N_("ID"), 1, 1, COMMAND_USES_STORE,
    N_("Delete a report"),
    NULL,
    run_delete },
  { "export", N_("ID"), 1, 1, COMMAND_USES_STORE,
    N_("Export a report as an OpenDocument text file or a PDF"),
    N_("Writes the report in the official layout (cover, 提要, 摘要, 目次 and body) "
       "to FILE, given with --output, as an ODT or a PDF: the format is FILE's "
       "extension (.odt or .pdf) unless --format says otherwise. The ODT has the "
       "reviewers' unresolved comments as comments on their passages (unless "
       "--no-comments). A PDF's 提要 gives its real number of pages, which the report "
       "then keeps as its 頁數. With --review-form, writes the report's filled review "
       "form (審核表) on one page instead. An existing FILE is replaced only once the "
       "new one is complete."),
    run_export },
  { "review", N_("ID"), 1, 1, COMMAND_USES_STORE | COMMAND_HAS_JSON,
    N_("Show or change the review status of a report"),
    N_("Without --status, shows the status and the review form: one line “status” "
       "and the status, then one line per item with tab-separated columns: the "
       "number, the traveller's answer, the agency's answer (是, 否 or -) and the "
       "item. Items 1 and 2 are worked out from the report. With --status, moves the "
       "report to STATUS: draft → submitted → returned or approved, and returned → "
       "draft; any other change is refused."),
    run_review },
  { "comment", N_("ID"), 1, 1, COMMAND_USES_STORE,
    N_("Comment on a passage of a report"),
    N_("Attaches the comment TEXT to the first occurrence of QUOTE in SECTION "
       "(purpose, process, observations or recommendations). Prints the ID of the "
       "new comment."),
    run_comment },
  { "import", N_("FILE"), 1, G_MAXUINT, COMMAND_USES_STORE | COMMAND_HAS_JSON,
    N_("Import old reports from PDF files"),
    N_("Recovers each PDF's 提要 fields, 摘要, four sections and appendix and saves "
       "it as an imported report, with the original file. Several files are read at "
       "once, one per processor. Plain output has one line per imported file: the new "
       "ID and the file, tab-separated. With --dry-run nothing is saved and each report "
       "is shown as “show” would show it; with --json each report is printed in the "
       "JSON form of “show --json” (an array when there are several files). A file that "
       "cannot be imported (not a PDF, damaged, protected by a password, a scan without "
       "text, already in the library) gets one line on standard error, and the exit "
       "status is then 1."),
    run_import },
  /* `import-worker PATH`: reads one PDF for `import` and the window, in a
   * process of its own (see tr-importer.h). Not for people. */
  { "import-worker", N_("PATH"), 1, 1, COMMAND_HIDDEN,
    NULL,
    NULL,
    run_import_worker },
  { "help", N_("SUBCOMMAND"), 0, 1, 0,
    N_("Show the help of a subcommand"),
    NULL,
    run_help },
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* Runs @command with @argv (the program, then its arguments), which it takes. */
static int
invoke (const Command *command,
        GStrv          argv)
{
  g_auto(Invocation) cli = { .command = command, .argv = argv };

  return command->run (&cli);
}

/* Output ------------------------------------------------------------------ */

/* g_print() converts to the locale's character set, turning Chinese into
 * escapes under LC_ALL=C; scripts rely on UTF-8 whatever the locale. */
static void
print_utf8 (const char *string)
{
  fputs (string, stdout);
}

static void
printerr_utf8 (const char *string)
{
  fputs (string, stderr);
}

static int fail (const char *format,
                 ...) G_GNUC_PRINTF (1, 2);

/* A failure: always exactly one line on stderr, however long the reason. */
static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strstrip (message);
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("%s: %s\n", PROGRAM, message);
  return TR_CLI_EXIT_FAILED;
}

/* A usage error: the reason, then where to read the usage. */
static int
usage_error (const Command *command,
             const char    *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (g_strstrip (line), "\r\n", ' ');
  g_printerr ("%s: %s\n", PROGRAM, line);
  if (command != NULL)
    /* TRANSLATORS: “Run “trip-reports help search” to see its usage.” */
    g_printerr (_("Run “%s help %s” to see its usage.\n"), PROGRAM, command->name);
  else
    g_printerr (_("Run “%s help” to list the subcommands.\n"), PROGRAM);
  return TR_CLI_EXIT_USAGE;
}

/* A value for one tab-separated column or one line: no tabs or line breaks. */
static char *
one_line (const char *text)
{
  return g_strdelimit (g_strdup (text), "\t\r\n", ' ');
}

static const char *
title_or_untitled (const char *title)
{
  return title[0] != '\0' ? title : _("(untitled)");
}

/* "105年7月9日", or the text as stored when it is not a date of the Republic. */
static char *
format_date (const char *iso)
{
  char *minguo = tr_date_format_minguo (iso);

  return minguo != NULL ? minguo : g_strdup (iso);
}

/* "105年7月9日–105年7月11日", a half-open period, or NULL when neither is set. */
static char *
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

static void
print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

static void
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

static void
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

/* Options ----------------------------------------------------------------- */

/* Parses the subcommand's arguments with its own @entries and the shared
 * options. Returns FALSE when the run ends here, with *out_status set:
 * after --help (on stdout, success) or on a usage error. */
static gboolean
cli_parse (Invocation         *cli,
           const GOptionEntry *entries,
           int                *out_status)
{
  const Command *command = cli->command;
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
  if (command->flags & COMMAND_HAS_JSON)
    g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);
  if (command->flags & COMMAND_USES_STORE)
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

/* Opens the library of --db, or the default one; reports the failure.
 * The store's messages say what failed and why, so they are shown as is. */
static TrReportStore *
cli_open_store (Invocation *cli)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  TrReportStore *store;

  path = cli->db_path != NULL ? g_strdup (cli->db_path) : tr_report_store_get_default_path ();
  store = tr_report_store_open (path, &error);
  if (store == NULL)
    fail ("%s", error->message);
  return store;
}

/* Reports a failure to load or delete the report @id. */
static int
fail_on_report (const char   *id,
                const GError *error)
{
  if (g_error_matches (error, TR_ERROR, TR_ERROR_NOT_FOUND))
    return fail (_("no report with ID “%s”"), id);
  return fail ("%s", error->message);
}

/* list -------------------------------------------------------------------- */

/* Reads a review status given on the command line. */
static gboolean
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

static char *
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
    has_body |= tr_report_get_section (report, s)[0] != '\0';
  for (guint s = 0; has_body && s < TR_N_SECTIONS; s++)
    {
      const char *text = tr_report_get_section (report, s);

      append_block (out, tr_section_get_heading (s), text[0] != '\0' ? text : _("(empty)"));
    }

  if (tr_report_get_text (report, TR_FIELD_APPENDIX)[0] != '\0')
    append_block (out, "附錄", tr_report_get_text (report, TR_FIELD_APPENDIX));
  append_photos (out, report);
  if (tr_report_get_text (report, TR_FIELD_UNCLASSIFIED)[0] != '\0')
    append_block (out, _("Unclassified text"), tr_report_get_text (report, TR_FIELD_UNCLASSIFIED));

  if (warnings[0] != NULL)
    {
      g_string_append_printf (out, "\n%s\n", _("Warnings:"));
      for (guint i = 0; warnings[i] != NULL; i++)
        g_string_append_printf (out, "- %s\n", warnings[i]);
    }

  return g_string_free (out, FALSE);
}

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

static gboolean
read_input (const char  *filename,
            char       **out_data,
            gsize       *out_length,
            GError     **error)
{
  g_autoptr(GIOChannel) channel = NULL;

  /* GLib's messages name the file; standard input needs saying. */
  if (g_strcmp0 (filename, "-") != 0)
    return g_file_get_contents (filename, out_data, out_length, error);

  channel = g_io_channel_unix_new (STDIN_FILENO);
  if (g_io_channel_set_encoding (channel, NULL, error) != G_IO_STATUS_NORMAL ||
      g_io_channel_read_to_end (channel, out_data, out_length, error) != G_IO_STATUS_NORMAL)
    {
      g_prefix_error (error, _("cannot read standard input: "));
      return FALSE;
    }
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
    tr_report_set_text (draft, f, tr_report_get_text (source, f));
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
  if (!read_input (from_json, &data, &length, &error))
    return fail ("%s", error->message);
  parsed = tr_report_new_from_json (data, length, &error);
  if (parsed == NULL)
    return fail (_("cannot read a report from “%s”: %s"), display_name, error->message);
  draft = new_draft_from (parsed);

  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;
  if (!tr_report_store_save (store, draft, &error))
    return fail ("%s", error->message);
  /* Saved; should indexing fail, the next search or start does it. */
  if (!tr_report_store_update_index (store, &error))
    g_debug ("%s", error->message);

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

/* help -------------------------------------------------------------------- */

static void
print_overall_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *default_path = tr_report_store_get_default_path ();
  g_autofree char *display_path = g_filename_display_name (default_path);
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (!(commands[i].flags & COMMAND_HIDDEN))
      width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_printf (out, "%s\n", _("Usage:"));
  g_string_append_printf (out, "  %s\n", PROGRAM);
  g_string_append_printf (out, _("  %s SUBCOMMAND [OPTION…]\n"), PROGRAM);
  g_string_append_printf (out, "  %s --version\n\n", PROGRAM);
  g_string_append_printf (out, "%s\n\n", _("Drafts and reviews trip reports (公務出國報告). "
                                           "With no arguments, it opens its window."));
  g_string_append_printf (out, "%s\n", _("Subcommands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (!(commands[i].flags & COMMAND_HIDDEN))
      g_string_append_printf (out, "  %-*s  %s\n", width, commands[i].name, _(commands[i].summary));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Every subcommand that reads or changes the library takes "
                                 "--db PATH; the default library is “%s”.\n"), display_path);
  g_string_append_printf (out, _("Run “%s help SUBCOMMAND” for the usage of a subcommand.\n"),
                          PROGRAM);
  g_print ("%s", out->str);
}

static int
run_help (Invocation *cli)
{
  const Command *command;
  int status;

  if (!cli_parse (cli, NULL, &status))
    return status;
  if (cli->args[0] == NULL)
    {
      print_overall_help ();
      return TR_CLI_EXIT_OK;
    }

  command = find_command (cli->args[0]);
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

/* Entry points ------------------------------------------------------------ */

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
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (output == NULL)
    return usage_error (cli->command, _("missing --output FILE"));
  if (!parse_export_format (format_name, output, &format, &format_error))
    return usage_error (cli->command, format_error);
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

  if (format == EXPORT_PDF)
    {
      guint n_pages = 0;

      /* The message names the file and says why ("…: the disk is full"). */
      if (!tr_pdf_export_to_file (report, file, &n_pages, NULL, &error))
        return fail ("%s", error->message);
      /* One number of pages: the 提要's, the PDF's and the report's. */
      if (tr_report_get_pages (report) != n_pages)
        {
          tr_report_set_pages (report, n_pages);
          if (!tr_report_store_save (store, report, &error))
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
    /* The message names the file and says why ("…: the disk is full"). */
    if (!tr_odt_export_to_file_with_comments (report, comments, file, NULL, &error))
      return fail ("%s", error->message);
  }
  return TR_CLI_EXIT_OK;
}

/* review ------------------------------------------------------------------ */

static const char *
answer_text (TrReviewAnswer answer)
{
  switch (answer)
    {
    case TR_REVIEW_ANSWER_YES:
      return "是";
    case TR_REVIEW_ANSWER_NO:
      return "否";
    case TR_REVIEW_ANSWER_UNSET:
    default:
      return "-";
    }
}

static const char *
answer_key (TrReviewAnswer answer)
{
  return answer == TR_REVIEW_ANSWER_YES ? "yes" : answer == TR_REVIEW_ANSWER_NO ? "no" : "";
}

static void
print_review_as_json (TrReview *review)
{
  static const char * const signature_keys[TR_N_REVIEW_SIGNATURES] = {
    "traveller", "unit_head", "head",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "status", tr_review_status_to_string (tr_review_get_status (review)));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, item + 1);
      add_string_member (builder, "text", tr_review_item_get_text (item));
      add_string_member (builder, "self",
                         answer_key (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_SELF)));
      add_string_member (builder, "agency",
                         answer_key (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_AGENCY)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "return_reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < TR_N_RETURN_REASONS; i++)
    if (tr_review_get_return_reasons (review) & (1u << i))
      json_builder_add_string_value (builder, tr_return_reason_get_text (1u << i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "publication");
  json_builder_begin_array (builder);
  for (guint i = 0; i < TR_N_PUBLICATIONS; i++)
    if (tr_review_get_publication (review) & (1u << i))
      json_builder_add_string_value (builder, tr_publication_get_text (1u << i));
  json_builder_end_array (builder);
  add_string_member (builder, "publication_other", tr_review_get_publication_other (review));
  add_string_member (builder, "remarks", tr_review_get_remarks (review));
  json_builder_set_member_name (builder, "signatures");
  json_builder_begin_object (builder);
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    add_string_member (builder, signature_keys[i], tr_review_get_signature (review, i));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  print_json (root);
}

static int
run_review (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  g_autoptr(GString) out = NULL;
  TrReviewStatus new_status = TR_REVIEW_STATUS_DRAFT;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Move the report to STATUS: draft, submitted, returned or approved"), N_("STATUS") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (status_text != NULL && !parse_status (cli, status_text, &new_status, &status))
    return status;
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  if (status_text != NULL)
    {
      if (!tr_report_store_set_status (store, cli->args[0], new_status, &error))
        return fail_on_report (cli->args[0], error);
      return TR_CLI_EXIT_OK;
    }

  report = tr_report_store_load (store, cli->args[0], &error);
  if (report == NULL)
    return fail_on_report (cli->args[0], error);
  review = tr_report_store_load_review (store, cli->args[0], &error);
  if (review == NULL)
    return fail_on_report (cli->args[0], error);
  tr_review_prefill (review, report, NULL);

  if (cli->json)
    {
      print_review_as_json (review);
      return TR_CLI_EXIT_OK;
    }

  out = g_string_new (NULL);
  g_string_append_printf (out, "status\t%s\n", tr_review_status_to_string (tr_review_get_status (review)));
  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    g_string_append_printf (out, "%u\t%s\t%s\t%s\n", item + 1,
                            answer_text (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_SELF)),
                            answer_text (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_AGENCY)),
                            tr_review_item_get_text (item));
  g_print ("%s", out->str);
  return TR_CLI_EXIT_OK;
}

/* comment ----------------------------------------------------------------- */

static int
run_comment (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section_key = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;
  const char *section_text;
  const char *found;
  TrSection section = TR_N_SECTIONS;
  glong start;
  int status;
  const GOptionEntry entries[] = {
    { "section", 0, 0, G_OPTION_ARG_STRING, &section_key,
      N_("The section: purpose, process, observations or recommendations"), N_("SECTION") },
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote, N_("The passage commented on"), N_("QUOTE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The comment"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who comments (default: your name)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  for (guint s = 0; s < TR_N_SECTIONS && section_key != NULL; s++)
    if (g_str_equal (section_key, tr_section_get_key (s)))
      section = s;
  if (section == TR_N_SECTIONS)
    return usage_error (cli->command, _("missing or unknown --section: use purpose, process, "
                                        "observations or recommendations"));
  if (quote == NULL || quote[0] == '\0')
    return usage_error (cli->command, _("missing --quote QUOTE"));
  if (text == NULL || text[0] == '\0')
    return usage_error (cli->command, _("missing --text TEXT"));
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  report = tr_report_store_load (store, cli->args[0], &error);
  if (report == NULL)
    return fail_on_report (cli->args[0], error);
  section_text = tr_report_get_section (report, section);
  found = strstr (section_text, quote);
  if (found == NULL)
    return fail (_("“%s” is not in the section %s"), quote, tr_section_get_heading (section));

  start = g_utf8_pointer_to_offset (section_text, found);
  comment = tr_comment_new (section, start, start + g_utf8_strlen (quote, -1), quote, text,
                            author != NULL ? author : g_get_real_name ());
  if (!tr_report_store_add_comment (store, cli->args[0], comment, &error))
    return fail_on_report (cli->args[0], error);
  g_print ("%" G_GINT64_FORMAT "\n", tr_comment_get_id (comment));
  return TR_CLI_EXIT_OK;
}

/* import ------------------------------------------------------------------ */

typedef struct _ImportBatch ImportBatch;

/* One file of an import batch. */
typedef struct {
  ImportBatch *batch;
  const char  *name;     /* as given on the command line */
  GFile       *file;
  TrReport    *report;
  GError      *error;
  gboolean     done;
} ImportItem;

struct _ImportBatch {
  TrReportStore *store;        /* NULL with --dry-run */
  const char    *password;
  GStrv          worker_argv;
  ImportItem    *items;
  guint          n_items;
  guint          n_started;
  guint          n_finished;   /* reported, in the order given */
  guint          n_running;
  guint          max_running;
  guint          n_failed;
  JsonArray     *json;         /* with --json: the reports, in order */
};

/* This very program, to run as `import-worker`. */
static GStrv
import_worker_argv (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { NULL, "import-worker", NULL };

  if (self == NULL && program_argv0 != NULL)
    self = strchr (program_argv0, G_DIR_SEPARATOR) != NULL ? g_strdup (program_argv0)
                                                           : g_find_program_in_path (program_argv0);
  argv[0] = self != NULL ? self : PROGRAM;
  return g_strdupv ((char **) argv);
}

/* The ID of the report already imported from @sha256, or NULL. */
static char *
find_duplicate (ImportBatch  *batch,
                const char   *sha256,
                GError      **error)
{
  if (batch->store == NULL || sha256 == NULL)
    return NULL;
  return tr_report_store_find_by_source_sha256 (batch->store, sha256, error);
}

static GError *
new_duplicate_error (const char *id)
{
  return g_error_new (TR_ERROR, TR_ERROR_DUPLICATE, _("already in the library as ID %s"), id);
}

static void
import_next (ImportBatch *batch);

/* Saves (unless --dry-run) and prints one file's outcome. */
static void
report_item (ImportBatch *batch,
             ImportItem  *item)
{
  g_autofree char *existing = NULL;

  if (item->error == NULL)
    {
      existing = find_duplicate (batch, tr_report_get_source_sha256 (item->report), &item->error);
      /* The same file twice in one batch: the first one is in by now. */
      if (existing != NULL)
        item->error = new_duplicate_error (existing);
      else if (item->error == NULL && batch->store != NULL)
        tr_report_store_save (batch->store, item->report, &item->error);
    }

  if (item->error != NULL)
    {
      batch->n_failed++;
      if (g_error_matches (item->error, TR_ERROR, TR_ERROR_PDF_ENCRYPTED))
        /* TRANSLATORS: the file, then why it was refused */
        fail (_("“%s”: %s; give it with --password"), item->name, item->error->message);
      else
        fail (_("“%s”: %s"), item->name, item->error->message);
      return;
    }

  if (batch->json != NULL)
    json_array_add_element (batch->json, tr_report_to_json_node (item->report));
  else if (batch->store != NULL)
    {
      g_autofree char *name = one_line (item->name);

      g_print ("%s\t%s\n", tr_report_get_id (item->report), name);
    }
  else
    {
      g_autofree char *text = format_report (item->report);

      if (batch->n_items > 1)
        g_print ("%s==> %s <==\n", batch->n_finished > 0 ? "\n" : "", item->name);
      g_print ("%s", text);
    }
}

/* Reports every file that is done and whose predecessors are all reported. */
static void
finish_ready_items (ImportBatch *batch)
{
  while (batch->n_finished < batch->n_items && batch->items[batch->n_finished].done)
    {
      ImportItem *item = &batch->items[batch->n_finished];

      report_item (batch, item);
      /* A long batch must not keep every PDF in memory. */
      g_clear_object (&item->report);
      g_clear_error (&item->error);
      batch->n_finished++;
    }
}

static void
on_file_imported (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ImportItem *item = user_data;
  ImportBatch *batch = item->batch;

  item->report = tr_import_file_finish (result, &item->error);
  item->done = TRUE;
  batch->n_running--;
  import_next (batch);
  finish_ready_items (batch);
}

/* Refuses a file already in the library before reading it: importing a
 * folder again must not parse it all again. */
static gboolean
check_not_imported (ImportBatch *batch,
                    ImportItem  *item)
{
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *existing = NULL;
  gsize length;

  if (batch->store == NULL || !g_file_load_contents (item->file, NULL, &contents, &length, NULL, NULL))
    return TRUE;  /* the import says what is wrong with the file */
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  existing = find_duplicate (batch, sha256, &item->error);
  if (existing != NULL)
    item->error = new_duplicate_error (existing);
  return item->error == NULL;
}

/* Starts files until every processor has one. */
static void
import_next (ImportBatch *batch)
{
  while (batch->n_running < batch->max_running && batch->n_started < batch->n_items)
    {
      ImportItem *item = &batch->items[batch->n_started++];

      if (!check_not_imported (batch, item))
        {
          item->done = TRUE;
          continue;
        }

      batch->n_running++;
      tr_import_file_async (item->file, batch->password, (const char * const *) batch->worker_argv,
                            NULL, NULL, NULL, NULL, on_file_imported, item);
    }
}

static int
run_import (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(JsonArray) json = NULL;
  g_auto(GStrv) worker_argv = NULL;
  g_autofree ImportItem *items = NULL;
  g_autofree char *password = NULL;
  gboolean dry_run = FALSE;
  ImportBatch batch = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Read the files and show what was found, without saving"), NULL },
    /* Bytes, not the locale's text: a password may be anything. */
    { "password", 0, 0, G_OPTION_ARG_FILENAME, &password,
      N_("Open password-protected PDFs with PASSWORD"), N_("PASSWORD") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (!dry_run && (store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  worker_argv = import_worker_argv ();
  batch.n_items = g_strv_length (cli->args);
  items = g_new0 (ImportItem, batch.n_items);
  for (guint i = 0; i < batch.n_items; i++)
    {
      items[i].batch = &batch;
      items[i].name = cli->args[i];
      items[i].file = g_file_new_for_commandline_arg (cli->args[i]);
    }
  if (cli->json)
    json = json_array_new ();

  batch.store = store;
  batch.password = password;
  batch.worker_argv = worker_argv;
  batch.items = items;
  batch.max_running = MAX (g_get_num_processors (), 1);
  batch.json = json;

  /* Each worker is a process: the main loop only waits for their output. */
  import_next (&batch);
  finish_ready_items (&batch);
  while (batch.n_finished < batch.n_items)
    g_main_context_iteration (NULL, TRUE);

  /* The imported reports are in; their search index entries now, so that
   * the library is searchable at once when the command returns. */
  if (store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!tr_report_store_update_index (store, &error))
        {
          fail ("%s", error->message);
          batch.n_failed++;
        }
    }

  /* One object for one file, an array for several. */
  if (json != NULL && batch.n_items == 1 && json_array_get_length (json) == 1)
    print_json (json_array_get_element (json, 0));
  else if (json != NULL && batch.n_items > 1)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (root, json);
      print_json (root);
    }

  for (guint i = 0; i < batch.n_items; i++)
    g_clear_object (&items[i].file);
  return batch.n_failed > 0 ? TR_CLI_EXIT_FAILED : TR_CLI_EXIT_OK;
}

/* `import-worker PATH`: not through cli_parse(), which wants UTF-8, as a
 * path need not be. */
static int
run_import_worker (Invocation *cli)
{
  if (g_strv_length (cli->argv) != 2)
    return usage_error (cli->command, _("import-worker: expected one PATH"));
  return tr_import_worker_main (cli->argv[1]);
}

gboolean
tr_cli_handles (const char *arg)
{
  if (arg == NULL)
    return FALSE;
  /* Any word is a subcommand, so that a typo gets a usage error rather
   * than a window; options (--db …) and files to import (a path, or a
   * name ending in .pdf) belong to the window. */
  if (arg[0] != '-')
    {
      g_autofree char *lower = g_ascii_strdown (arg, -1);

      return strchr (arg, G_DIR_SEPARATOR) == NULL && !g_str_has_suffix (lower, ".pdf");
    }
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "--version");
}

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
tr_cli_run (int    argc,
            char **argv)
{
  const char *name;
  const Command *command;
  int status;

  g_set_print_handler (print_utf8);
  g_set_printerr_handler (printerr_utf8);
  program_argv0 = argv[0];

  if (argc < 2)
    return usage_error (NULL, _("missing subcommand"));

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    name = "help";

  if (g_str_equal (name, "--version"))
    {
      if (argc > 2)
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[2]);
          return usage_error (NULL, message);
        }
      g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
      status = TR_CLI_EXIT_OK;
    }
  else if ((command = find_command (name)) != NULL)
    status = invoke (command, subcommand_argv (argc, argv));
  else
    {
      g_autofree char *message = g_strdup_printf (_("unknown subcommand “%s”"), name);
      return usage_error (NULL, message);
    }

  /* Output that never reached its file (a full disk, a closed pipe) is a failure. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      return fail (_("cannot write the output: %s"), g_strerror (saved_errno));
    }
  return status;
}
