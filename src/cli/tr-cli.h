/* tr-cli.h: the headless command line (`trip-reports SUBCOMMAND …`)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "tr-report.h"
#include "tr-report-store.h"
#include "tr-review.h"

G_BEGIN_DECLS

/* Exit statuses of the command line: a contract with scripts. */
#define TR_CLI_EXIT_OK      0
#define TR_CLI_EXIT_FAILED  1
#define TR_CLI_EXIT_USAGE   2

/* TRUE when @arg (argv[1]) asks for the command line rather than the window:
 * any word (a subcommand, "help", or a typo that deserves a usage error),
 * "--help"/"-h" or "--version"; not a path or a .pdf file, which the window
 * imports. */
gboolean tr_cli_handles (const char *arg);

/* Runs the command line; never touches a display. Returns the exit status. */
int      tr_cli_run     (int    argc,
                         char **argv);

/* What the subcommands share ---------------------------------------------- */

#define PROGRAM "trip-reports"

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

/* Output: UTF-8 whatever the locale; a failure or a usage error is one
 * line on stderr (usage errors add where to read the usage). */
int            fail                (const char     *format,
                                    ...) G_GNUC_PRINTF (1, 2);
int            usage_error         (const Command  *command,
                                    const char     *message);
void           warn_index_pending  (const GError   *error);
char          *one_line            (const char     *text);
const char    *title_or_untitled   (const char     *title);
char          *format_date         (const char     *iso);
char          *format_period       (const char     *start,
                                    const char     *end);
void           print_json          (JsonNode       *node);
void           add_string_member   (JsonBuilder    *builder,
                                    const char     *name,
                                    const char     *value);
void           print_infos_as_json (GPtrArray      *infos);
char          *format_report       (TrReport       *report);

/* Options and the library. */
gboolean       cli_parse           (Invocation         *cli,
                                    const GOptionEntry *entries,
                                    int                *out_status);
TrReportStore *cli_open_store      (Invocation         *cli);
int            fail_on_report      (const char         *id,
                                    const GError       *error);
gboolean       parse_status        (Invocation         *cli,
                                    const char         *text,
                                    TrReviewStatus     *out_status,
                                    int                *out_exit);

/* The subcommands. */
int run_list          (Invocation *cli);
int run_show          (Invocation *cli);
int run_search        (Invocation *cli);
int run_new           (Invocation *cli);
int run_delete        (Invocation *cli);
int run_export        (Invocation *cli);
int run_review        (Invocation *cli);
int run_comment       (Invocation *cli);
int run_import        (Invocation *cli);

G_END_DECLS
