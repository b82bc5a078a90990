/* tr-bench-spawn.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tr-bench-spawn.h"

extern char **environ;

double
tr_bench_spawn_ms (const char * const  *argv,
                   const char * const  *envp,
                   int                  max_status,
                   GError             **error)
{
  posix_spawn_file_actions_t actions;
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  gint64 start;
  double ms;
  pid_t pid;
  int status;
  int rc;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

  start = g_get_monotonic_time ();
  rc = posix_spawnp (&pid, argv[0], &actions, NULL, (char * const *) argv,
                     envp != NULL ? (char * const *) envp : environ);
  if (rc == 0)
    while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
      ;
  ms = (g_get_monotonic_time () - start) / 1000.0;
  posix_spawn_file_actions_destroy (&actions);

  if (rc != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "Cannot run %s: %s", command, g_strerror (rc));
      return -1;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) > max_status)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s: %s %d", command,
                   WIFEXITED (status) ? "exit status" : "signal",
                   WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status));
      return -1;
    }
  return ms;
}
