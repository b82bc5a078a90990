/* tr-cli-commands.h: the subcommands of trip-reports and the program of each
 *
 * GLib alone: `trip-reports` itself links this and nothing else, so that
 * it starts as fast as any GLib program, and loads the module that runs
 * the subcommand, or execs the window when there is none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PROGRAM "trip-reports"

/* The markers that show matches in snippets, plain and --json alike. */
#define SNIPPET_OPEN  "["
#define SNIPPET_CLOSE "]"

/* Hits that `search` shows unless --limit says otherwise. */
#define TR_CLI_DEFAULT_SEARCH_LIMIT 20

/* Exit statuses of the command line: a contract with scripts. */
#define TR_CLI_EXIT_OK      0
#define TR_CLI_EXIT_FAILED  1
#define TR_CLI_EXIT_USAGE   2

/* What trip-reports starts: one module per group of subcommands (in
 * PKGLIBDIR), each linking only the core libraries its group uses, and the
 * window's program (in PKGLIBEXECDIR). */
typedef enum {
  TR_CLI_PROGRAM_LIBRARY,  /* list, show, new, delete; help; search */
  TR_CLI_PROGRAM_SEARCH,   /* search, handing to LIBRARY what it cannot do alone */
  TR_CLI_PROGRAM_IMPORT,   /* import */
  TR_CLI_PROGRAM_EXPORT,   /* export */
  TR_CLI_PROGRAM_REVIEW,   /* review, comment */
  TR_CLI_PROGRAM_WINDOW,   /* no subcommand */
} TrCliProgram;

typedef enum {
  TR_CLI_COMMAND_USES_STORE = 1 << 0,  /* takes --db */
  TR_CLI_COMMAND_HAS_JSON   = 1 << 1,  /* takes --json */
} TrCliCommandFlags;

typedef struct {
  const char        *name;
  TrCliProgram       program;
  const char        *arg_name;     /* the positional argument, for usage ("ID"), or NULL */
  guint              min_args;
  guint              max_args;     /* G_MAXUINT: any number */
  TrCliCommandFlags  flags;
  const char        *summary;      /* untranslated (N_) */
  const char        *description;  /* untranslated (N_), or NULL */
} TrCliCommand;

const TrCliCommand *tr_cli_get_commands (guint        *n_commands);
const TrCliCommand *tr_cli_find_command (const char   *name);

/* TRUE when @arg (argv[1]) asks for the command line rather than the window:
 * any word (a subcommand, "help", or a typo that deserves a usage error),
 * "--help"/"-h" or "--version"; not a path or a .pdf file, which the window
 * imports. */
gboolean tr_cli_handles         (const char   *arg);

/* The locale and translations, and output in UTF-8 whatever the locale:
 * first thing in every program of the command line that prints (search's
 * module, only before it prints a translated word). */
void     tr_cli_init            (void);

/* `trip-reports --version [ARGUMENT…]`: the version, or a usage error. */
int      tr_cli_print_version   (int           argc,
                                 char        **argv);

/* @status, unless the output never reached its file (a full disk, a
 * closed pipe): that is a failure. Last thing before exiting. */
int      tr_cli_finish          (int           status);

/* The function a group's module exports, its main(): what
 * tr_cli_run() calls. */
#define TR_CLI_GROUP_MAIN "tr_cli_group_main"
typedef int (*TrCliGroupMain) (int    argc,
                               char **argv);

/* Runs @program, given @argv (the arguments of trip-reports itself), and
 * returns its exit status. The window replaces this process; a group of
 * subcommands is loaded into it, which spares a script's every call a
 * second start of a process and of GLib. On failure, says why and
 * returns TR_CLI_EXIT_FAILED. The window is in PKGLIBEXECDIR, the
 * modules in PKGLIBDIR; both are in $TR_LIBEXECDIR when it is set (a
 * build tree). */
int      tr_cli_run             (TrCliProgram  program,
                                 char        **argv);

/* Output: UTF-8 whatever the locale (tr_cli_init()). A value for one
 * tab-separated column or one line: no tabs or line breaks. */
char        *one_line           (const char   *text);
const char  *title_or_untitled  (const char   *title);

/* A failure: one line on stderr. Returns TR_CLI_EXIT_FAILED. */
int      fail                   (const char          *format,
                                 ...) G_GNUC_PRINTF (1, 2);
/* A usage error: the reason, then where to read the usage of @command (or
 * the list of subcommands). Returns TR_CLI_EXIT_USAGE. */
int      usage_error            (const TrCliCommand  *command,
                                 const char          *message);

G_END_DECLS
