/* tr-cli-commands.c: the subcommands of trip-reports and the program of each
 *
 * `trip-reports` (trip-reports.c) starts as fast as a GLib program can:
 * it links GLib alone, prints --version itself, and otherwise loads the
 * module of the subcommand's group, or execs the window. Each of those
 * links only what it needs: `search` does not load GTK or poppler, nor the
 * window the code of the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <gmodule.h>
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tr-cli-commands.h"

/* Where the programs and modules are, when not where they are installed. */
#define LIBEXECDIR_ENV "TR_LIBEXECDIR"

static const char * const program_names[] = {
  [TR_CLI_PROGRAM_LIBRARY] = "trip-reports-library." G_MODULE_SUFFIX,
  [TR_CLI_PROGRAM_SEARCH]  = "trip-reports-search." G_MODULE_SUFFIX,
  [TR_CLI_PROGRAM_IMPORT]  = "trip-reports-import." G_MODULE_SUFFIX,
  [TR_CLI_PROGRAM_EXPORT]  = "trip-reports-export." G_MODULE_SUFFIX,
  [TR_CLI_PROGRAM_REVIEW]  = "trip-reports-review." G_MODULE_SUFFIX,
  [TR_CLI_PROGRAM_WINDOW]  = "trip-reports-window",
};

/* Each subcommand, and the program that runs it. "help" is run by the
 * library's program, which knows where the default library is. */
static const TrCliCommand commands[] = {
  { "list", TR_CLI_PROGRAM_LIBRARY, NULL, 0, 0,
    TR_CLI_COMMAND_USES_STORE | TR_CLI_COMMAND_HAS_JSON,
    N_("List every report, newest change first"),
    N_("Plain output has one line per report with tab-separated columns: "
       "ID, kind, period (Minguo dates) and title. With --status, only the reports "
       "in that review status (draft, submitted, returned or approved).") },
  { "show", TR_CLI_PROGRAM_LIBRARY, N_("ID"), 1, 1,
    TR_CLI_COMMAND_USES_STORE | TR_CLI_COMMAND_HAS_JSON,
    N_("Show one report"),
    N_("With --json, prints the report in the JSON form that “new --from-json” reads.") },
  { "search", TR_CLI_PROGRAM_SEARCH, N_("QUERY"), 1, G_MAXUINT,
    TR_CLI_COMMAND_USES_STORE | TR_CLI_COMMAND_HAS_JSON,
    N_("Search the text of every report"),
    N_("Every word of QUERY must occur in a report; words of one or two Chinese "
       "characters work too. Plain output has, for each hit, a line with the ID "
       "and the title, then the matching text indented, with matches between [ and ].") },
  { "new", TR_CLI_PROGRAM_LIBRARY, NULL, 0, 0,
    TR_CLI_COMMAND_USES_STORE,
    N_("Create a draft from a report in JSON form"),
    N_("Reads the JSON form that “show --json” prints, from FILE or, when FILE is "
       "“-”, from standard input, and saves it as a new draft. The keys “id”, "
       "“kind”, “created”, “modified” and “source” are accepted but not used: "
       "the draft always gets a fresh ID, the kind “draft” and the current time. "
       "Prints the ID of the new draft. Many reports come as a JSON array, saved "
       "all at once, or as JSON lines (one report on each line), saved 1,000 at a "
       "time: a line that cannot be read stops the input there, and none of its "
       "thousand is saved. One ID is printed per report saved, in order.") },
  { "delete", TR_CLI_PROGRAM_LIBRARY, N_("ID"), 1, 1,
    TR_CLI_COMMAND_USES_STORE,
    N_("Delete a report"),
    NULL },
  { "export", TR_CLI_PROGRAM_EXPORT, N_("ID"), 1, 1,
    TR_CLI_COMMAND_USES_STORE,
    N_("Export a report as an OpenDocument text file or a PDF"),
    N_("Writes the report in the official layout (cover, 提要, 摘要, 目次 and body) "
       "to FILE, given with --output, as an ODT or a PDF: the format is FILE's "
       "extension (.odt or .pdf) unless --format says otherwise. The ODT has the "
       "reviewers' unresolved comments as comments on their passages (unless "
       "--no-comments). A PDF's 提要 gives its real number of pages, which the report "
       "then keeps as its 頁數. With --review-form, writes the report's filled review "
       "form (審核表) on one page instead. Every ODT carries the report's ID and JSON "
       "form, so that importing it back merges into the report; --for-review also "
       "leaves the author's notes out and adds the review form. An existing FILE is "
       "replaced only once the new one is complete.") },
  { "review", TR_CLI_PROGRAM_REVIEW, N_("ID"), 1, 1,
    TR_CLI_COMMAND_USES_STORE | TR_CLI_COMMAND_HAS_JSON,
    N_("Show or change the review status of a report"),
    N_("Without --status, shows the status and the review form: one line “status” "
       "and the status, then one line per item with tab-separated columns: the "
       "number, the traveller's answer, the agency's answer (是, 否 or -) and the "
       "item. Items 1 and 2 are worked out from the report. With --status, moves the "
       "report to STATUS: draft → submitted → returned or approved, and returned → "
       "draft; any other change is refused.") },
  { "comment", TR_CLI_PROGRAM_REVIEW, N_("ID"), 1, 1,
    TR_CLI_COMMAND_USES_STORE,
    N_("Comment on a passage of a report"),
    N_("Attaches the comment TEXT to the first occurrence of QUOTE in SECTION "
       "(purpose, process, observations or recommendations). Prints the ID of the "
       "new comment.") },
  { "import", TR_CLI_PROGRAM_IMPORT, N_("FILE"), 1, G_MAXUINT,
    TR_CLI_COMMAND_USES_STORE | TR_CLI_COMMAND_HAS_JSON,
    N_("Import reports from PDF, ODT and DOCX files"),
    N_("Recovers each file's 提要 fields, 摘要, four sections and appendix and saves "
       "it as an imported report, with the original file; an ODT exported by Trip "
       "Reports comes back exactly as it left, with its comments; when the library "
       "does not have that report, it is received for review, as in the window: kept "
       "with its file, in 送審 (or with the decision the file carries), and a second "
       "line says so. A file of a report already in the library is merged into it: the reviewer's comments are added "
       "once, the review form and its decision applied, and each paragraph the "
       "reviewer changed is listed and kept as a suggestion, the author's text left "
       "as it is. Several files are read at "
       "once, one per processor. Plain output has one line per imported file: the new "
       "ID and the file, tab-separated. With --dry-run nothing is saved and each report "
       "is shown as “show” would show it; with --json each report is printed in the "
       "JSON form of “show --json” (an array when there are several files). A file that "
       "cannot be imported (not a PDF, damaged, protected by a password, a scan without "
       "text, already in the library) gets one line on standard error, and the exit "
       "status is then 1. A file whose report the library has from another file (the "
       "same text, its bytes different: another program's PDF, a re-saved or encrypted "
       "copy) is refused the same way, naming that report, unless --force is given.") },
  { "help", TR_CLI_PROGRAM_LIBRARY, N_("SUBCOMMAND"), 0, 1,
    0,
    N_("Show the help of a subcommand"),
    NULL },
};

const TrCliCommand *
tr_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

const TrCliCommand *
tr_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
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

void
tr_cli_init (void)
{
  const char *localedir = g_getenv ("TR_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* TR_LOCALEDIR lets the build tree's translations (build/po) be used
   * before installation: for build-aux/run.sh, screenshots and tests. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_print_handler (print_utf8);
  g_set_printerr_handler (printerr_utf8);
}

int
tr_cli_print_version (int    argc,
                      char **argv)
{
  if (argc > 2)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[2]);

      return usage_error (NULL, message);
    }
  g_print ("%s %s\n", PROGRAM, PACKAGE_VERSION);
  return TR_CLI_EXIT_OK;
}

char *
one_line (const char *text)
{
  return g_strdelimit (g_strdup (text), "\t\r\n", ' ');
}

const char *
title_or_untitled (const char *title)
{
  return title[0] != '\0' ? title : _("(untitled)");
}

int
tr_cli_finish (int status)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      /* A module may print without the locale (tr-cli-search.c). */
      tr_cli_init ();
      return fail (_("cannot write the output: %s"), g_strerror (saved_errno));
    }
  return status;
}

static int
fail_to_run (const char *path,
             const char *reason)
{
  g_autofree char *display_path = g_filename_display_name (path);

  tr_cli_init ();
  /* TRANSLATORS: “cannot run “/usr/libexec/trip-reports/trip-reports-window”: No such file or directory” */
  return fail (_("cannot run “%s”: %s"), display_path, reason);
}

int
tr_cli_run (TrCliProgram   program,
            char         **argv)
{
  const char *dir = g_getenv (LIBEXECDIR_ENV);
  gboolean is_window = program == TR_CLI_PROGRAM_WINDOW;
  g_autofree char *path = NULL;
  GModule *module;
  TrCliGroupMain group_main = NULL;

  g_return_val_if_fail (program < G_N_ELEMENTS (program_names), TR_CLI_EXIT_FAILED);

  path = g_build_filename (dir != NULL && dir[0] != '\0' ? dir : is_window ? PKGLIBEXECDIR : PKGLIBDIR,
                           program_names[program], NULL);
  if (is_window)
    {
      /* The window gets our argv[0], "trip-reports": its name for
       * messages, and the window's for the desktop (WM_CLASS). */
      execv (path, argv);
      return fail_to_run (path, g_strerror (errno));
    }

  /* Never unloaded: the process ends with the subcommand. Local, so that
   * a module loaded by another (tr-cli.c) keeps its own copies of what
   * both link. */
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, TR_CLI_GROUP_MAIN, (gpointer *) &group_main))
    {
      const char *reason = g_module_error ();

      /* The loader's message starts with the path, which ours has. */
      if (g_str_has_prefix (reason, path) && g_str_has_prefix (reason + strlen (path), ": "))
        reason += strlen (path) + 2;
      return fail_to_run (path, reason);
    }
  g_module_make_resident (module);
  return group_main (g_strv_length (argv), argv);
}

/* A failure: always exactly one line on stderr, however long the reason. */
int
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

int
usage_error (const TrCliCommand *command,
             const char         *message)
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
