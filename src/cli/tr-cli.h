/* tr-cli.h: the headless command line (`trip-reports SUBCOMMAND …`)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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

G_END_DECLS
