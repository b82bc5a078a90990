/* tr-import-workers.c: serving import workers, for a batch
 *
 * Each worker is `trip-reports-import-worker --serve` with one end of a
 * socket of packets as its stdin. A request is a packet carrying the PDF's
 * descriptor and the write end of a new pipe; the worker's answer to it, a
 * packet, comes once the reader it forked has ended. A worker reads one
 * request at a time: the answers come in the order of the requests, and
 * requests whose answer nobody waits for any more stay in the queue as
 * NULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tr-error.h"
#include "tr-import-private.h"
#include "tr-import-workers.h"

typedef struct {
  TrImportExitFunc on_exit;
  gpointer         user_data;
  GDestroyNotify   destroy;
} Waiter;

struct _TrImportServer {
  gint             ref_count;
  TrImportWorkers *workers;     /* NULL once the worker is gone */
  GSubprocess     *process;
  int              control_fd;  /* our end of its stdin */
  GSource         *watch;
  GQueue           waiters;     /* Waiter or NULL, a request each, oldest first */
  Waiter          *current;     /* the one being read, until released */
  gboolean         busy;
};

struct _TrImportWorkers {
  GStrv         worker_argv;
  GMainContext *context;
  GPtrArray    *servers;        /* TrImportServer, alive */
};

static void
waiter_finish (Waiter   *waiter,
               gboolean  known,
               int       signal,
               int       status)
{
  if (waiter == NULL)
    return;
  if (waiter->on_exit != NULL)
    waiter->on_exit (known, signal, status, waiter->user_data);
  if (waiter->destroy != NULL)
    waiter->destroy (waiter->user_data);
  g_free (waiter);
}

static TrImportServer *
server_ref (TrImportServer *server)
{
  g_atomic_int_inc (&server->ref_count);
  return server;
}

static void
server_unref (TrImportServer *server)
{
  if (!g_atomic_int_dec_and_test (&server->ref_count))
    return;
  g_warn_if_fail (server->workers == NULL);
  g_free (server);
}

/* The worker is gone or must go: it is stopped (its reader dies with it),
 * or with @gracefully, told there is nothing more to read, and the
 * requests it had not answered learn that nobody can tell how their
 * reader ended. It is waited for: its CPU time counts as ours, as that of
 * a worker per file did, and no zombie is left. */
static void
server_stop_full (TrImportServer *server,
                  gboolean        gracefully)
{
  if (server->workers == NULL)
    return;
  g_ptr_array_remove_fast (server->workers->servers, server);
  server->workers = NULL;
  if (server->watch != NULL)
    {
      g_source_destroy (server->watch);
      g_clear_pointer (&server->watch, g_source_unref);
    }
  if (!gracefully)
    g_subprocess_force_exit (server->process);
  close (server->control_fd);
  server->control_fd = -1;
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
  server->current = NULL;
  while (!g_queue_is_empty (&server->waiters))
    waiter_finish (g_queue_pop_head (&server->waiters), FALSE, 0, 0);
  /* The reference of the pool. */
  server_unref (server);
}

static void
server_stop (TrImportServer *server)
{
  server_stop_full (server, FALSE);
}

static gboolean
on_control (int          fd,
            GIOCondition condition,
            gpointer     user_data)
{
  TrImportServer *server = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  char answer[256];
  JsonNode *root;
  JsonObject *object;
  Waiter *waiter;
  gssize n;

  do
    n = recv (fd, answer, sizeof answer - 1, MSG_DONTWAIT);
  while (n < 0 && errno == EINTR);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return G_SOURCE_CONTINUE;
  /* Ended, or talking nonsense: either way, done with it. */
  if (n <= 0 || g_queue_is_empty (&server->waiters))
    {
      g_clear_pointer (&server->watch, g_source_unref);
      server_stop (server);
      return G_SOURCE_REMOVE;
    }
  answer[n] = '\0';
  if (!json_parser_load_from_data (parser, answer, n, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_pointer (&server->watch, g_source_unref);
      server_stop (server);
      return G_SOURCE_REMOVE;
    }
  object = json_node_get_object (root);
  waiter = g_queue_pop_head (&server->waiters);
  if (waiter == server->current)
    server->current = NULL;
  waiter_finish (waiter, TRUE, (int) json_object_get_int_member_with_default (object, "signal", 0),
                 (int) json_object_get_int_member_with_default (object, "status", 0));
  return G_SOURCE_CONTINUE;
}

static TrImportServer *
server_start (TrImportWorkers  *workers,
              GError          **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  TrImportServer *server;
  GSubprocess *process;
  int fds[2];

  if (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot start the PDF reader: %s"), g_strerror (saved_errno));
      return NULL;
    }
  for (guint i = 0; workers->worker_argv[i] != NULL; i++)
    g_ptr_array_add (argv, workers->worker_argv[i]);
  g_ptr_array_add (argv, TR_IMPORT_WORKER_SERVE_OPTION);
  g_ptr_array_add (argv, NULL);

  /* Its readers write on the pipes they are given: stdout is not read. */
  process = tr_import_spawn_worker ((const char * const *) argv->pdata, fds[1], G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                                    error);
  if (process == NULL)
    {
      close (fds[0]);
      return NULL;
    }

  server = g_new0 (TrImportServer, 1);
  server->ref_count = 1;  /* the pool's */
  server->workers = workers;
  server->process = process;
  server->control_fd = fds[0];
  g_queue_init (&server->waiters);
  server->watch = g_unix_fd_source_new (server->control_fd, G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (server->watch, G_SOURCE_FUNC (on_control), server, NULL);
  g_source_attach (server->watch, workers->context);
  g_ptr_array_add (workers->servers, server);
  return server;
}

TrImportWorkers *
tr_import_workers_new (const char * const *worker_argv)
{
  TrImportWorkers *workers;

  g_return_val_if_fail (worker_argv != NULL && worker_argv[0] != NULL, NULL);

  workers = g_new0 (TrImportWorkers, 1);
  workers->worker_argv = g_strdupv ((char **) worker_argv);
  workers->context = g_main_context_ref_thread_default ();
  workers->servers = g_ptr_array_new ();
  return workers;
}

gboolean
tr_import_workers_start (TrImportWorkers  *workers,
                         guint             n_workers,
                         GError          **error)
{
  g_return_val_if_fail (workers != NULL, FALSE);

  while (workers->servers->len < n_workers)
    if (server_start (workers, error) == NULL)
      return FALSE;
  return TRUE;
}

void
tr_import_workers_free (TrImportWorkers *workers)
{
  if (workers == NULL)
    return;
  while (workers->servers->len > 0)
    {
      TrImportServer *server = g_ptr_array_index (workers->servers, 0);

      /* One that is not reading ends when told there is nothing more. */
      server_stop_full (server, !server->busy);
    }
  g_ptr_array_unref (workers->servers);
  g_main_context_unref (workers->context);
  g_strfreev (workers->worker_argv);
  g_free (workers);
}

static gboolean
send_request (TrImportServer *server,
              const char     *request,
              int             pdf_fd,
              int             answer_fd)
{
  union {
    struct cmsghdr header;
    char           space[CMSG_SPACE (2 * sizeof (int))];
  } control;
  int fds[2] = { pdf_fd, answer_fd };
  struct iovec vector = { (void *) request, strlen (request) };
  struct msghdr message = { 0 };
  struct cmsghdr *header;
  gssize n;

  memset (&control, 0, sizeof control);
  message.msg_iov = &vector;
  message.msg_iovlen = 1;
  message.msg_control = control.space;
  message.msg_controllen = sizeof control.space;
  header = CMSG_FIRSTHDR (&message);
  header->cmsg_level = SOL_SOCKET;
  header->cmsg_type = SCM_RIGHTS;
  header->cmsg_len = CMSG_LEN (sizeof fds);
  memcpy (CMSG_DATA (header), fds, sizeof fds);
  do
    n = sendmsg (server->control_fd, &message, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  return n == (gssize) vector.iov_len;
}

static char *
new_request (const char *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (password != NULL)
    {
      json_builder_set_member_name (builder, "password");
      json_builder_add_string_value (builder, password);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

TrImportServer *
tr_import_workers_send (TrImportWorkers   *workers,
                        int                pdf_fd,
                        const char        *password,
                        TrImportExitFunc   on_exit,
                        gpointer           user_data,
                        GDestroyNotify     destroy,
                        int               *out_answer_fd,
                        GError           **error)
{
  g_autofree char *request = new_request (password);
  gsize request_length = strlen (request);
  int pipe_fds[2];

  g_return_val_if_fail (workers != NULL, NULL);
  g_return_val_if_fail (out_answer_fd != NULL, NULL);

  /* No password of a PDF is that long (the importer refuses them earlier). */
  if (request_length >= TR_IMPORT_REQUEST_MAX_BYTES)
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_BAD_PASSWORD, _("the password of the PDF is wrong"));
      memset (request, 0, request_length);
      return NULL;
    }
  if (!g_unix_open_pipe (pipe_fds, FD_CLOEXEC, error))
    {
      memset (request, 0, request_length);
      return NULL;
    }

  /* A free worker; one that went while it was idle is replaced once. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      TrImportServer *server = NULL;
      Waiter *waiter;

      for (guint i = 0; i < workers->servers->len && server == NULL; i++)
        if (!((TrImportServer *) g_ptr_array_index (workers->servers, i))->busy)
          server = g_ptr_array_index (workers->servers, i);
      if (server == NULL && (server = server_start (workers, error)) == NULL)
        break;
      if (!send_request (server, request, pdf_fd, pipe_fds[1]))
        {
          server_stop (server);
          continue;
        }

      memset (request, 0, request_length);
      close (pipe_fds[1]);
      waiter = g_new0 (Waiter, 1);
      waiter->on_exit = on_exit;
      waiter->user_data = user_data;
      waiter->destroy = destroy;
      g_queue_push_tail (&server->waiters, waiter);
      server->current = waiter;
      server->busy = TRUE;
      *out_answer_fd = pipe_fds[0];
      return server_ref (server);
    }

  memset (request, 0, request_length);
  close (pipe_fds[0]);
  close (pipe_fds[1]);
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE,
                         _("cannot start the PDF reader: it stopped at once"));
  return NULL;
}

void
tr_import_server_release (TrImportServer *server,
                          gboolean        healthy)
{
  g_return_if_fail (server != NULL);

  if (server->workers != NULL)
    {
      if (!healthy)
        server_stop (server);
      else
        {
          /* Its answer, when it comes, is for nobody. */
          if (server->current != NULL)
            {
              GList *link = g_queue_find (&server->waiters, server->current);

              Waiter *waiter = g_steal_pointer (&server->current);

              link->data = NULL;
              waiter->on_exit = NULL;
              waiter_finish (waiter, FALSE, 0, 0);
            }
          server->busy = FALSE;
        }
    }
  server_unref (server);
}
