/* fake-import-worker.c: stands in for trip-reports-import-worker when a
 * test needs a worker that crashes or takes its time
 *
 * Run as `fake-import-worker PATH` (the command line the importer gives
 * the program named by TR_IMPORT_WORKER). It crashes (abort()) when a file
 * PATH.crash exists; while a file PATH.hold exists it waits, forever if it
 * never goes; then it becomes the real worker of the build tree
 * (REAL_IMPORT_WORKER). It has no timer of its own: only the importer's
 * limits, or its parent's death, end the wait.
 *
 * Run as `fake-import-worker --serve`, it serves a batch as the real
 * worker does (tr-import-worker.h), a child forked for each request doing
 * the same with the path of the PDF it was given (started again with it,
 * so that the path shows in its command line): so a crash or a wait costs
 * the reader of one file, not the worker.
 *
 * When TR_FAKE_IMPORT_WORKER_LOG names a file, each start adds a line to
 * it: how many workers a test's imports started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* Waits or crashes as the marks next to @path say, then becomes the real
 * worker for it. */
static int
read_file (const char *path)
{
  g_autofree char *crash = g_strconcat (path, ".crash", NULL);
  g_autofree char *hold = g_strconcat (path, ".hold", NULL);

  if (g_file_test (crash, G_FILE_TEST_EXISTS))
    abort ();
  while (g_file_test (hold, G_FILE_TEST_EXISTS))
    g_usleep (20 * 1000);

  execl (REAL_IMPORT_WORKER, REAL_IMPORT_WORKER, path, (char *) NULL);
  g_printerr ("cannot run %s: %s\n", REAL_IMPORT_WORKER, g_strerror (errno));
  return 127;
}

/* The child of one request: the real worker's stdin gets the password,
 * its stdout is the pipe the request came with. */
static int
serve_request (const char *request,
               int         pdf_fd,
               int         answer_fd,
               pid_t       server)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *fd_link = g_strdup_printf ("/proc/self/fd/%d", pdf_fd);
  g_autofree char *path = g_file_read_link (fd_link, NULL);
  const char *password = "";
  JsonNode *root;
  int password_pipe[2];

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != server || path == NULL || pipe (password_pipe) != 0)
    return 127;
  if (json_parser_load_from_data (parser, request, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    password = json_object_get_string_member_with_default (json_node_get_object (root), "password", "");
  if (write (password_pipe[1], password, strlen (password)) < 0 || write (password_pipe[1], "\n", 1) != 1)
    return 127;
  close (password_pipe[1]);
  dup2 (password_pipe[0], STDIN_FILENO);
  dup2 (answer_fd, STDOUT_FILENO);
  close (password_pipe[0]);
  close (answer_fd);
  close (pdf_fd);
  /* A reader, not a worker started. */
  g_unsetenv ("TR_FAKE_IMPORT_WORKER_LOG");
  execl ("/proc/self/exe", "fake-import-worker", path, (char *) NULL);
  return 127;
}

static int
serve (void)
{
  char request[16384];
  pid_t self = getpid ();

  for (;;)
    {
      union {
        struct cmsghdr header;
        char           space[CMSG_SPACE (2 * sizeof (int))];
      } control;
      struct iovec vector = { request, sizeof request - 1 };
      struct msghdr message = { 0 };
      struct cmsghdr *header;
      int fds[2] = { -1, -1 };
      g_autofree char *answer = NULL;
      gssize n;
      pid_t child;
      int status = 0;

      message.msg_iov = &vector;
      message.msg_iovlen = 1;
      message.msg_control = control.space;
      message.msg_controllen = sizeof control.space;
      n = recvmsg (STDIN_FILENO, &message, MSG_CMSG_CLOEXEC);
      if (n <= 0)
        return n == 0 ? 0 : 1;
      request[n] = '\0';
      header = CMSG_FIRSTHDR (&message);
      if (header == NULL || header->cmsg_type != SCM_RIGHTS || header->cmsg_len != CMSG_LEN (sizeof fds))
        return 1;
      memcpy (fds, CMSG_DATA (header), sizeof fds);

      child = fork ();
      if (child == 0)
        _exit (serve_request (request, fds[0], fds[1], self));
      close (fds[0]);
      close (fds[1]);
      while (child > 0 && waitpid (child, &status, 0) < 0 && errno == EINTR)
        ;
      answer = WIFSIGNALED (status) ? g_strdup_printf ("{\"signal\": %d}", WTERMSIG (status))
                                    : g_strdup_printf ("{\"status\": %d}", WEXITSTATUS (status));
      if (send (STDIN_FILENO, answer, strlen (answer), MSG_NOSIGNAL) < 0)
        return 1;
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *log = g_getenv ("TR_FAKE_IMPORT_WORKER_LOG");

  if (log != NULL)
    {
      FILE *file = fopen (log, "a");

      if (file != NULL)
        {
          fprintf (file, "%s\n", argc == 2 ? argv[1] : "");
          fclose (file);
        }
    }
  if (argc == 2 && strcmp (argv[1], "--serve") == 0)
    return serve ();
  if (argc != 2)
    {
      g_printerr ("usage: %s PATH\n", argv[0]);
      return 2;
    }

  return read_file (argv[1]);
}
