/* trip-reports: the window, or with a subcommand the command line
 *
 * Chooses, and starts what does it (tr-cli-commands.h): the window's
 * program, or the module of the subcommand's group, loaded into this
 * process. It links GLib alone, so that `trip-reports --version` and a
 * usage error cost no more than any GLib program, and a subcommand loads
 * neither GTK nor what other subcommands use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-cli-commands.h"

int
main (int   argc,
      char *argv[])
{
  const TrCliCommand *command;
  const char *name;

  /* The locale is set up only when this program speaks itself: the one
   * it starts does it anyway. */
  if (argc < 2 || !tr_cli_handles (argv[1]))
    return tr_cli_run (TR_CLI_PROGRAM_WINDOW, argv);

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    name = "help";
  command = tr_cli_find_command (name);
  if (command != NULL)
    return tr_cli_run (command->program, argv);

  tr_cli_init ();
  if (g_str_equal (name, "--version"))
    return tr_cli_finish (tr_cli_print_version (argc, argv));
  {
    g_autofree char *message = g_strdup_printf (_("unknown subcommand “%s”"), name);

    return usage_error (NULL, message);
  }
}
