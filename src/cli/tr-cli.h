/* tr-cli.h: what the modules of the subcommands share
 *
 * Each group of subcommands (tr-cli-library.c, tr-cli-import.c,
 * tr-cli-export.c, tr-cli-review.c) is a module of its own, which
 * `trip-reports` loads, whose TR_CLI_GROUP_MAIN() hands its run functions
 * to tr_cli_main(). A run function declares its options and
 * gives them to cli_parse(), which adds the shared ones (--db, --json,
 * --help) and checks the arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <gmodule.h>
#include <json-glib/json-glib.h>

#include "tr-cli-commands.h"
#include "tr-report.h"
#include "tr-report-store.h"
#include "tr-review.h"

G_BEGIN_DECLS

/* One run of a subcommand. */
typedef struct {
  const TrCliCommand *command;
  GStrv               argv;      /* argv[0] is the program; then the subcommand's arguments */
  char               *db_path;   /* --db, in the file system encoding */
  gboolean            json;      /* --json */
  GStrv               args;      /* the positional arguments, UTF-8 */
} Invocation;

typedef struct {
  const char  *name;
  int        (*run) (Invocation *cli);
} TrCliRunner;

/* Defines the function that `trip-reports` calls in a group's module
 * (tr_cli_run()), the only one the module exports: its main(). */
#define TR_CLI_DEFINE_GROUP_MAIN(runners) \
  G_MODULE_EXPORT int tr_cli_group_main (int argc, char **argv); \
  G_MODULE_EXPORT int \
  tr_cli_group_main (int    argc, \
                     char **argv) \
  { \
    return tr_cli_main (argc, argv, (runners), G_N_ELEMENTS (runners)); \
  }

/* The main() of a group's module: runs the subcommand argv[1] when it is
 * one of @runners, and starts the module of any other. Returns the exit
 * status; never touches a display. */
int            tr_cli_main         (int                 argc,
                                    char              **argv,
                                    const TrCliRunner  *runners,
                                    guint               n_runners);

/* `help [SUBCOMMAND]`. */
int            run_help            (Invocation         *cli);

/* Output: UTF-8 whatever the locale (tr_cli_init()). */
void           warn_index_pending  (const GError   *error);
void           warn_pages_not_kept (const GError   *error);
char          *format_date         (const char     *iso);
char          *format_period       (const char     *start,
                                    const char     *end);
void           print_json          (JsonNode       *node);
void           add_string_member   (JsonBuilder    *builder,
                                    const char     *name,
                                    const char     *value);
void           print_infos_as_json (GPtrArray      *infos);
void           print_info_in_json_array (TrReportInfo *info,
                                         guint         position);
void           print_json_array_end (guint          n_infos);
/* The text form of a report that `show` prints, as `import --dry-run` does. */
char          *format_report       (TrReport       *report);

/* Options and the library. */
gboolean       cli_parse           (Invocation         *cli,
                                    const GOptionEntry *entries,
                                    int                *out_status);
/* The library's file: --db, or the user's. */
char          *cli_get_store_path  (Invocation         *cli);
TrReportStore *cli_open_store      (Invocation         *cli);
int            fail_on_report      (const char         *id,
                                    const GError       *error);
gboolean       parse_status        (Invocation         *cli,
                                    const char         *text,
                                    TrReviewStatus     *out_status,
                                    int                *out_exit);

G_END_DECLS
