/* tr-importer.c: turns a PDF into an imported report, safely
 *
 * Poppler reads whatever a PDF contains, and a hostile or broken file can
 * crash it, make it loop or eat memory. So the reading and the parsing
 * happen in a worker process (tr-import-worker.c) with a CPU and memory
 * limit set in the child before exec and a wall-clock limit enforced here;
 * all that can go wrong costs only that file. The password goes through a
 * pipe, never the command line (other users can read that). A batch gives
 * its files to serving workers instead (tr-import-workers.h), which fork
 * the reader of each from a process that has its libraries loaded: the
 * same reader, limits and answer, for less than starting the program.
 *
 * The worker speaks JSON lines on stdout (see tr-import-worker.h), each
 * photo's bytes right after its line, or, for a JPEG the PDF stores as it
 * is, where in the file they are. Here we read the file's bytes
 * ourselves, so that the stored original and its SHA-256 are what the
 * user picked (worked out while the worker reads), and such a photo is a
 * part of them, not a copy; each photo is checked once, as any photo a
 * report is given, on other threads than the caller's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tr-model-enums.h"
#include "tr-error.h"
#include "tr-importer.h"
#include "tr-import-private.h"
#include "tr-import-workers.h"
#include "tr-pdf-photos.h"
#include "tr-report-json.h"
#include "tr-sha256.h"

#define TIMEOUT_ENV   "TR_IMPORT_TIMEOUT_SECONDS"
#define WORKER_ENV    "TR_IMPORT_WORKER"
#define WORKER_PATH   PKGLIBEXECDIR "/trip-reports-import-worker"

/* PDF passwords are at most 127 bytes; anything much longer is not one,
 * and a short one fits the pipe's buffer, so writing it never blocks. */
#define MAX_PASSWORD_BYTES 1024

/* An AddressSanitizer build reserves terabytes of address space for its
 * shadow memory: a limit on it would stop the worker from starting. */
#if defined(__SANITIZE_ADDRESS__)
# define LIMIT_ADDRESS_SPACE 0
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define LIMIT_ADDRESS_SPACE 0
# endif
#endif
#ifndef LIMIT_ADDRESS_SPACE
# define LIMIT_ADDRESS_SPACE 1
#endif

/* A photo from the worker, not checked yet. */
typedef struct {
  char   *caption;
  char   *mime_type;
  guint   page;
  gsize   size;
  guint8 *bytes;
  GBytes *data;
  TrPhoto *checked;  /* once checked: the photo, or NULL when it is not one */
} PendingPhoto;

static void
pending_photo_free (PendingPhoto *photo)
{
  g_free (photo->caption);
  g_free (photo->mime_type);
  g_free (photo->bytes);
  g_clear_pointer (&photo->data, g_bytes_unref);
  g_clear_object (&photo->checked);
  g_free (photo);
}

typedef struct {
  GFile                *file;
  char                 *password;
  GStrv                 worker_argv;
  TrImportProgressFunc  progress;
  gpointer              progress_data;
  GDestroyNotify        progress_data_free;

  GBytes               *data;
  char                 *temp_path;      /* a copy for the worker when @file has no path */
  GSubprocess          *process;
  /* Or, read by a serving worker: */
  TrImportWorkers      *workers;
  TrImportServer       *server;
  gboolean              served;
  gboolean              server_healthy; /* its reader had its last word, or the worker told how it ended */
  gboolean              output_ended;   /* without a last word: waiting for how it ended */
  gboolean              exit_told;
  int                   exit_signal;
  GDataInputStream     *output;
  gboolean              worker_started;
  /* What the worker said before @data was read: it waits for the bytes. */
  gboolean              line_parked;
  char                 *parked_line;    /* or NULL for the end of its output */
  GSource              *timeout_source;
  guint                 timeout_seconds;
  gboolean              timed_out;

  GPtrArray            *photos;         /* PendingPhoto, as the worker sent them */
  GThreadPool          *checks;         /* checking them as they come */
  PendingPhoto         *reading;        /* the one whose bytes are coming */
  TrReport             *report;         /* while its photos are checked */
  char                 *source_sha256;  /* of @data, once worked out */
  gboolean              report_waiting; /* @report is done but for @source_sha256 */
  gboolean              finished;       /* the task has its result */
} ImportJob;

/* Lets go of what the import holds once its outcome is known, whoever
 * keeps the result: the worker, its time limit, the copy, the progress. */
static void
import_job_release (ImportJob *job)
{
  job->finished = TRUE;
  if (job->timeout_source != NULL)
    {
      g_source_destroy (job->timeout_source);
      g_clear_pointer (&job->timeout_source, g_source_unref);
    }
  /* Done or not, the worker has nothing more to say. */
  if (job->process != NULL)
    g_subprocess_force_exit (job->process);
  g_clear_object (&job->process);
  if (job->server != NULL)
    tr_import_server_release (g_steal_pointer (&job->server), job->server_healthy);
  g_clear_object (&job->output);
  g_clear_pointer (&job->parked_line, g_free);
  /* Checks under way read the photos: they end first. */
  if (job->checks != NULL)
    g_thread_pool_free (g_steal_pointer (&job->checks), TRUE, TRUE);
  g_clear_pointer (&job->reading, pending_photo_free);
  g_clear_pointer (&job->photos, g_ptr_array_unref);
  g_clear_object (&job->report);
  if (job->temp_path != NULL)
    g_unlink (job->temp_path);
  g_clear_pointer (&job->temp_path, g_free);
  g_clear_pointer (&job->data, g_bytes_unref);
  if (job->progress_data_free != NULL)
    job->progress_data_free (job->progress_data);
  job->progress = NULL;
  job->progress_data = NULL;
  job->progress_data_free = NULL;
}

static void
import_job_free (ImportJob *job)
{
  import_job_release (job);
  g_strfreev (job->worker_argv);
  g_free (job->source_sha256);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_clear_object (&job->file);
  g_free (job);
}

static void
return_error (GTask  *task,
              GError *error)
{
  import_job_release (g_task_get_task_data (task));
  g_task_return_error (task, error);
}

/* TR_IMPORT_TIMEOUT_SECONDS, or the default. */
static guint
get_timeout_seconds (void)
{
  const char *value = g_getenv (TIMEOUT_ENV);
  guint64 seconds;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &seconds, NULL))
    return (guint) seconds;
  return TR_IMPORT_TIMEOUT_SECONDS;
}

static GError *
new_crashed_error (void)
{
  return g_error_new_literal (TR_ERROR, TR_ERROR_IMPORT_CRASHED,
                              _("could not be read: the reader stopped unexpectedly"));
}

static GError *
new_timeout_error (guint seconds)
{
  return g_error_new (TR_ERROR, TR_ERROR_IMPORT_TIMEOUT,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "could not be read: the reader took more than %u second",
                                   "could not be read: the reader took more than %u seconds",
                                   seconds),
                      seconds);
}

/* Reading the file ----------------------------------------------------------- */

/* Bytes read at a time: a cancelled import stops within one of these. */
#define READ_CHUNK_BYTES ((gsize) 1 << 20)

static GError *
new_too_large_error (guint64 size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit = g_format_size (TR_IMPORT_MAX_FILE_BYTES);

  return g_error_new (TR_ERROR, TR_ERROR_PDF_TOO_LARGE,
                      _("the file is too large (%s; at most %s can be imported)"), size_text, limit);
}

static GError *
new_not_a_file_error (GFileType type,
                      mode_t    mode)
{
  const char *message;

  if (type == G_FILE_TYPE_DIRECTORY || S_ISDIR (mode))
    message = _("this is a folder, not a PDF");
  else if (S_ISFIFO (mode))
    message = _("this is a pipe, not a PDF file");
  else if (S_ISSOCK (mode))
    message = _("this is a socket, not a PDF file");
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    message = _("this is a device, not a PDF file");
  else
    message = _("this is not a regular file, so not a PDF");
  return g_error_new_literal (TR_ERROR, TR_ERROR_PDF_NOT_PDF, message);
}

static GError *
new_errno_error (int saved_errno)
{
  return g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
}

/* Opens @path for reading if it is a regular file of an acceptable size,
 * judged from the file opened (not the name, which may change meanwhile).
 * Without O_NONBLOCK a FIFO would block in open() until a writer came. */
int
tr_import_open_file (const char   *path,
                     struct stat  *info,
                     GError      **error)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

  if (fd < 0)
    {
      g_propagate_error (error, new_errno_error (errno));
      return -1;
    }
  if (!tr_import_check_fd (fd, info, error))
    {
      close (fd);
      return -1;
    }
  return fd;
}

gboolean
tr_import_check_fd (int           fd,
                    struct stat  *info,
                    GError      **error)
{
  if (fstat (fd, info) != 0)
    {
      g_propagate_error (error, new_errno_error (errno));
      return FALSE;
    }
  if (!S_ISREG (info->st_mode))
    {
      g_propagate_error (error, new_not_a_file_error (G_FILE_TYPE_UNKNOWN, info->st_mode));
      return FALSE;
    }
  if ((guint64) info->st_size > TR_IMPORT_MAX_FILE_BYTES)
    {
      g_propagate_error (error, new_too_large_error ((guint64) info->st_size));
      return FALSE;
    }
  return TRUE;
}

/* Reads @stream to its end, refusing it once it passes the limit (a file
 * may grow after its size was checked). */
static GBytes *
read_bounded (GInputStream  *stream,
              gsize          expected_size,
              GCancellable  *cancellable,
              GError       **error)
{
  /* Room for what the file said it holds and a chunk more, to see it end. */
  gsize capacity = MIN (expected_size, TR_IMPORT_MAX_FILE_BYTES) + READ_CHUNK_BYTES;
  g_autofree guint8 *data = g_malloc (capacity);
  gsize length = 0;

  for (;;)
    {
      gssize n_read;

      if (length == capacity)
        {
          capacity = MIN (capacity * 2, TR_IMPORT_MAX_FILE_BYTES + READ_CHUNK_BYTES);
          data = g_realloc (data, capacity);
        }
      n_read = g_input_stream_read (stream, data + length, MIN (READ_CHUNK_BYTES, capacity - length),
                                    cancellable, error);
      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;
      length += (gsize) n_read;
      if (length > TR_IMPORT_MAX_FILE_BYTES)
        {
          g_propagate_error (error, new_too_large_error (length));
          return NULL;
        }
    }
  data = g_realloc (data, MAX (length, 1));
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

GBytes *
tr_import_read_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GInputStream) stream = NULL;
  gsize expected_size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      struct stat info;
      int fd = tr_import_open_file (path, &info, error);

      if (fd < 0)
        return NULL;
      stream = g_unix_input_stream_new (fd, TRUE);
      expected_size = (gsize) info.st_size;
    }
  else
    {
      /* Not a local file (a GVfs location): ask the stream what it is. */
      g_autoptr(GFileInputStream) file_stream = g_file_read (file, cancellable, error);
      g_autoptr(GFileInfo) info = NULL;

      if (file_stream == NULL)
        return NULL;
      info = g_file_input_stream_query_info (file_stream, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                             G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE) &&
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_propagate_error (error, new_not_a_file_error (g_file_info_get_file_type (info), 0));
          return NULL;
        }
      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        {
          guint64 size = (guint64) g_file_info_get_size (info);

          if (size > TR_IMPORT_MAX_FILE_BYTES)
            {
              g_propagate_error (error, new_too_large_error (size));
              return NULL;
            }
          expected_size = (gsize) size;
        }
      stream = G_INPUT_STREAM (g_steal_pointer (&file_stream));
    }

  return read_bounded (stream, expected_size, cancellable, error);
}

GStrv
tr_import_get_worker_argv (void)
{
  const char *override = g_getenv (WORKER_ENV);
  const char *argv[] = { override != NULL && override[0] != '\0' ? override : WORKER_PATH, NULL };

  return g_strdupv ((char **) argv);
}

/* The worker's limits ------------------------------------------------------ */

typedef struct {
  rlim_t address_space;
  rlim_t cpu_seconds;
  pid_t  parent;
} WorkerLimits;

static void
lower_limit (int    resource,
             rlim_t soft,
             rlim_t hard)
{
  struct rlimit limit;

  if (getrlimit (resource, &limit) != 0)
    return;
  /* Only ever lower: raising a hard limit is not allowed. */
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < hard)
    hard = limit.rlim_max;
  limit.rlim_cur = MIN (soft, hard);
  limit.rlim_max = hard;
  setrlimit (resource, &limit);
}

/* Runs in the child between fork and exec: async-signal-safe calls only. */
static void
limit_worker (gpointer user_data)
{
  const WorkerLimits *limits = user_data;

  if (LIMIT_ADDRESS_SPACE)
    lower_limit (RLIMIT_AS, limits->address_space, limits->address_space);
  /* SIGXCPU at the soft limit; SIGKILL a little later if it is ignored. */
  lower_limit (RLIMIT_CPU, limits->cpu_seconds, limits->cpu_seconds + 5);
  /* A crash must not leave a core file with the document in it. */
  lower_limit (RLIMIT_CORE, 0, 0);
  /* Ctrl+C in a terminal reaches the whole process group: it is for the
   * parent, which stops its import (a worker killed by it would look like
   * one its file crashed). */
  signal (SIGINT, SIG_IGN);

  /* Dies with the parent: a worker left alone would read on for nobody.
   * The signal comes when the thread that forked ends, and imports start
   * their workers from the thread of their main context, which lives as
   * long as the imports. A parent gone before this line has left us to
   * another process already: go now. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != limits->parent)
    _exit (127);
}

GSubprocess *
tr_import_spawn_worker (const char * const  *argv,
                        int                  stdin_fd,
                        GSubprocessFlags     stdout_flags,
                        GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  WorkerLimits limits;
  GSubprocess *process;

  limits.address_space = (rlim_t) TR_IMPORT_MEMORY_LIMIT_BYTES;
  limits.cpu_seconds = (rlim_t) get_timeout_seconds ();
  limits.parent = getpid ();

  /* Poppler complains about every flaw of a PDF on stderr: that is noise
   * for the user, and the worker's verdict comes on stdout. */
  launcher = g_subprocess_launcher_new (stdout_flags | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_take_stdin_fd (launcher, stdin_fd);
  /* @limits lives until spawnv() returns, which is after the fork. */
  g_subprocess_launcher_set_child_setup (launcher, limit_worker, &limits, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    g_prefix_error (error, _("cannot start the PDF reader: "));
  return process;
}

/* The parent's side -------------------------------------------------------- */

static void read_next_line (GTask *task);

/* The error a worker reported, back in the TR_ERROR domain. */
static GError *
error_from_json (JsonObject *object)
{
  g_autoptr(GEnumClass) codes = g_type_class_ref (TR_TYPE_ERROR);
  const char *nick = json_object_get_string_member_with_default (object, "code", "failed");
  const char *message = json_object_get_string_member_with_default (object, "message", "");
  GEnumValue *value = g_enum_get_value_by_nick (codes, nick);

  if (message[0] == '\0')
    return new_crashed_error ();
  return g_error_new_literal (TR_ERROR, value != NULL ? value->value : TR_ERROR_FAILED, message);
}

/* Photos ------------------------------------------------------------------- */

/* Gives the report, with its photos, as the import's result, once the
 * file's SHA-256 is known too. */
static void
return_report (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(TrReport) report = NULL;
  g_autofree char *basename = NULL;

  if (job->source_sha256 == NULL)
    {
      job->report_waiting = TRUE;
      return;
    }
  report = g_steal_pointer (&job->report);
  basename = g_file_get_basename (job->file);
  tr_report_set_source_full (report, basename, job->data, job->source_sha256);
  import_job_release (job);
  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

/* Checks one photo the worker sent, as any photo a report is given: a
 * photo, or NULL in its place when it is not one (damaged, or not what
 * the worker said). On a thread of the job's pool. */
static void
check_photo (gpointer data,
             gpointer user_data)
{
  PendingPhoto *pending = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPhoto) photo = tr_photo_new_from_bytes (pending->data, NULL, &error);

  if (photo == NULL)
    g_debug ("The photo of page %u was left out: %s", pending->page, error->message);
  else if (g_strcmp0 (tr_photo_get_mime_type (photo), pending->mime_type) == 0)
    pending->checked = tr_photo_new_full (tr_photo_get_id (photo), pending->data, tr_photo_get_mime_type (photo),
                                          tr_photo_get_width (photo), tr_photo_get_height (photo), pending->caption);
}

/* Each photo is checked as soon as its bytes are in, while the worker
 * sends the rest and the report: decoding is most of an import with
 * photos. */
static gboolean
start_check (ImportJob     *job,
             PendingPhoto  *photo,
             GError       **error)
{
  if (job->checks == NULL)
    {
      job->checks = g_thread_pool_new (check_photo, NULL, (int) CLAMP (g_get_num_processors (), 1, 2), FALSE,
                                       error);
      if (job->checks == NULL)
        return FALSE;
    }
  return g_thread_pool_push (job->checks, photo, error);
}

/* Keeps @photo, whose bytes are in, and starts its check. */
static gboolean
add_photo (ImportJob     *job,
           PendingPhoto  *photo,
           GError       **error)
{
  if (job->photos == NULL)
    job->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_photo_free);
  g_ptr_array_add (job->photos, photo);
  return start_check (job, photo, error);
}

typedef struct {
  GThreadPool *checks;
  TrReport    *report;
} CheckEnd;

static void
check_end_free (CheckEnd *end)
{
  if (end->checks != NULL)
    g_thread_pool_free (end->checks, TRUE, TRUE);
  g_clear_object (&end->report);
  g_free (end);
}

/* Waits for the last checks, meanwhile working out the report's text
 * fingerprint, which the library asks for when it saves it (the report
 * keeps it until its text changes). */
static void
finish_checks_thread (GTask        *check_task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  CheckEnd *end = task_data;
  g_autofree char *fingerprint = tr_report_dup_text_fingerprint (end->report);

  g_thread_pool_free (g_steal_pointer (&end->checks), FALSE, TRUE);
  g_task_return_boolean (check_task, TRUE);
}

static void
on_photos_checked (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GListStore *photos;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }
  photos = tr_report_get_photos (job->report);
  for (guint i = 0; i < job->photos->len; i++)
    {
      PendingPhoto *pending = g_ptr_array_index (job->photos, i);

      if (pending->checked != NULL)
        g_list_store_append (photos, pending->checked);
      else
        {
          /* TRANSLATORS: %u is a page number of the PDF */
          g_autofree char *warning = g_strdup_printf (_("A picture on page %u could not be read and was left out"),
                                                      pending->page);

          tr_report_add_warning (job->report, warning);
        }
    }
  return_report (task);
}

/* Once the photos are checked, off this thread, gives the report. */
static void
finish_checks (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GTask) check_task = g_task_new (NULL, g_task_get_cancellable (task), on_photos_checked,
                                            g_object_ref (task));
  CheckEnd *end = g_new0 (CheckEnd, 1);

  end->checks = g_steal_pointer (&job->checks);
  end->report = g_object_ref (job->report);
  g_task_set_task_data (check_task, end, (GDestroyNotify) check_end_free);
  g_task_run_in_thread (check_task, finish_checks_thread);
}

static void
on_photo_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gsize n_read = 0;
  PendingPhoto *photo;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (source), result, &n_read, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return_error (task, g_steal_pointer (&error));
      else
        return_error (task, new_crashed_error ());
      return;
    }
  /* Cut short: the worker died in the middle of it. */
  if (job->reading == NULL || n_read < job->reading->size)
    {
      return_error (task, new_crashed_error ());
      return;
    }

  photo = g_steal_pointer (&job->reading);
  photo->data = g_bytes_new_take (g_steal_pointer (&photo->bytes), photo->size);
  if (!add_photo (job, photo, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }
  read_next_line (g_steal_pointer (&task));
}

/* Handles one line of the worker; returns TRUE when it took the task over:
 * the task is then complete, or waits for what the line announced. */
static gboolean
handle_message (GTask      *task,
                const char *line)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonNode *member;

  if (!json_parser_load_from_data (parser, line, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Only the worker writes there: a broken line means a broken worker. */
      return_error (task, new_crashed_error ());
      return TRUE;
    }
  object = json_node_get_object (root);

  if ((member = json_object_get_member (object, "progress")) != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *progress = json_node_get_object (member);
      gint64 page = json_object_get_int_member_with_default (progress, "page", 0);
      gint64 pages = json_object_get_int_member_with_default (progress, "pages", 0);

      if (job->progress != NULL && page >= 0 && pages > 0 && page <= pages && pages <= G_MAXUINT)
        job->progress ((guint) page, (guint) pages, job->progress_data);
      return FALSE;
    }

  if ((member = json_object_get_member (object, "photo")) != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *header = json_node_get_object (member);
      gint64 size = json_object_get_int_member_with_default (header, "size", 0);
      gint64 page = json_object_get_int_member_with_default (header, "page", 0);
      gint64 offset = json_object_get_int_member_with_default (header, "offset", -1);
      const char *caption = json_object_get_string_member_with_default (header, "caption", "");
      const char *mime_type = json_object_get_string_member_with_default (header, "mime_type", "");
      gsize data_size = g_bytes_get_size (job->data);
      g_autoptr(GError) error = NULL;
      PendingPhoto *photo;

      /* Never more than a report takes, nor larger than a photo may be,
       * nor outside the file. */
      if (size <= 0 || size > TR_PHOTO_MAX_SIZE || page < 0 || page > G_MAXINT ||
          (job->photos != NULL && job->photos->len >= TR_PDF_MAX_PHOTOS) ||
          (json_object_has_member (header, "offset") &&
           (offset < 0 || (guint64) offset > data_size || (guint64) size > data_size - (guint64) offset)))
        {
          return_error (task, new_crashed_error ());
          return TRUE;
        }
      photo = g_new0 (PendingPhoto, 1);
      photo->caption = g_strdup (caption);
      photo->mime_type = g_strdup (mime_type);
      photo->page = (guint) page;
      photo->size = (gsize) size;
      if (offset >= 0)
        {
          /* Bytes of the file, which we have: checked like any other. */
          photo->data = g_bytes_new_from_bytes (job->data, (gsize) offset, photo->size);
          if (!add_photo (job, photo, &error))
            {
              return_error (task, g_steal_pointer (&error));
              return TRUE;
            }
          return FALSE;
        }
      photo->bytes = g_try_malloc (photo->size);
      if (photo->bytes == NULL)
        {
          pending_photo_free (photo);
          return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, g_strerror (ENOMEM)));
          return TRUE;
        }
      job->reading = photo;
      g_input_stream_read_all_async (G_INPUT_STREAM (job->output), photo->bytes, photo->size,
                                     G_PRIORITY_DEFAULT, g_task_get_cancellable (task), on_photo_read,
                                     g_object_ref (task));
      return TRUE;
    }

  if ((member = json_object_get_member (object, "report")) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = NULL;

      job->server_healthy = TRUE;
      report = tr_report_new_from_json_node (member, &error);
      if (report == NULL)
        {
          return_error (task, g_steal_pointer (&error));
          return TRUE;
        }
      job->report = g_steal_pointer (&report);
      if (job->photos == NULL || job->photos->len == 0)
        return_report (task);
      else
        finish_checks (task);
      return TRUE;
    }

  if ((member = json_object_get_member (object, "error")) != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      job->server_healthy = TRUE;
      return_error (task, error_from_json (json_node_get_object (member)));
      return TRUE;
    }

  /* Something a newer worker says: not for us. */
  return FALSE;
}

static void
on_worker_exited (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_finish (process, result, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  /* It ended without its last word: killed for taking too long (by us, or
   * by the CPU limit), or crashed. */
  if (job->timed_out ||
      (g_subprocess_get_if_signaled (process) && g_subprocess_get_term_sig (process) == SIGXCPU))
    return_error (task, new_timeout_error (job->timeout_seconds));
  else
    return_error (task, new_crashed_error ());
}

/* A serving worker's reader ended without its last word. */
static void
finish_served (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);

  if (job->timed_out || job->exit_signal == SIGXCPU)
    return_error (task, new_timeout_error (job->timeout_seconds));
  else
    return_error (task, new_crashed_error ());
}

static void
on_served_exit (gboolean known,
                int      signal,
                int      status,
                gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);

  if (job->finished)
    return;
  job->exit_told = TRUE;
  job->exit_signal = signal;
  /* The worker lives on, ready for the next file. */
  job->server_healthy = known;
  if (job->output_ended)
    finish_served (task);
}

/* Handles @line of the worker, or the end of its output (NULL). */
static void
take_line (GTask *task,
           char  *line)
{
  ImportJob *job = g_task_get_task_data (task);

  if (line == NULL && job->served)
    {
      /* How its reader ended comes from the worker, if not already. */
      job->output_ended = TRUE;
      if (job->exit_told)
        finish_served (task);
      return;
    }

  if (line == NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      /* End of output: how did the worker end? */
      g_subprocess_wait_async (job->process, cancellable, on_worker_exited, g_object_ref (task));
      return;
    }

  if (!handle_message (task, line))
    read_next_line (g_object_ref (task));
}

static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gsize length;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, &length, &error);
  /* The import failed meanwhile: the file could not be read. */
  if (job->finished)
    return;
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return_error (task, g_steal_pointer (&error));
      else
        return_error (task, new_crashed_error ());
      return;
    }

  /* The worker started before the file was read through: its photos are
   * parts of those bytes, and a file that cannot be imported is refused
   * for what it is (a folder, too large) rather than for what the reader
   * made of it. What it says waits, and so does the rest of its output;
   * the reading of the file holds the task meanwhile. */
  if (job->data == NULL)
    {
      job->line_parked = TRUE;
      job->parked_line = g_steal_pointer (&line);
      return;
    }
  take_line (task, line);
}

static void
read_next_line (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);

  g_data_input_stream_read_line_async (job->output, G_PRIORITY_DEFAULT,
                                       g_task_get_cancellable (task), on_line_read, task);
}

static gboolean
on_timeout (gpointer user_data)
{
  GTask *task = user_data;
  ImportJob *job = g_task_get_task_data (task);

  /* Its output then ends, and on_worker_exited() (or finish_served())
   * says why. */
  job->timed_out = TRUE;
  if (job->process != NULL)
    g_subprocess_force_exit (job->process);
  if (job->server != NULL)
    tr_import_server_release (g_steal_pointer (&job->server), FALSE);
  g_clear_pointer (&job->timeout_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* A pipe already holding the password, for the worker's stdin. */
static int
open_password_pipe (const char  *password,
                    GError     **error)
{
  g_autofree char *line = g_strconcat (password != NULL ? password : "", "\n", NULL);
  gsize length = strlen (line);
  gsize written = 0;
  int fds[2];

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return -1;
  while (written < length)
    {
      gssize n = write (fds[1], line + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("cannot start the PDF reader: %s"), g_strerror (saved_errno));
          close (fds[0]);
          close (fds[1]);
          return -1;
        }
      written += (gsize) n;
    }
  memset (line, 0, length);
  close (fds[1]);
  return fds[0];
}

/* The worker's time limit runs from when the file is read: until then
 * what it says waits for us (and once its pipe is full, so does it), and
 * a slow disk must not use up its time. */
static void
start_timeout (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);

  if (job->data == NULL || job->timeout_source != NULL)
    return;
  /* Not g_timeout_source_new_seconds(): GLib may fire that up to a second
   * early to batch wake-ups, and a limit must not cut a read short. */
  job->timeout_source = g_timeout_source_new ((guint) MIN ((guint64) job->timeout_seconds * 1000, G_MAXUINT));
  g_task_attach_source (task, job->timeout_source, on_timeout);
}

/* Gives @path to a serving worker, whose reader answers on a pipe of its
 * own. */
static void
start_served (GTask      *task,
              const char *path)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) answer = NULL;
  struct stat info;
  int answer_fd = -1;
  int fd;

  job->served = TRUE;
  job->timeout_seconds = get_timeout_seconds ();
  fd = tr_import_open_file (path, &info, &error);
  if (fd < 0)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }
  job->server = tr_import_workers_send (job->workers, fd, job->password, on_served_exit, g_object_ref (task),
                                        g_object_unref, &answer_fd, &error);
  close (fd);
  if (job->server == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  answer = g_unix_input_stream_new (answer_fd, TRUE);
  job->output = g_data_input_stream_new (answer);
  g_data_input_stream_set_newline_type (job->output, G_DATA_STREAM_NEWLINE_TYPE_LF);

  start_timeout (task);
  read_next_line (g_object_ref (task));
}

static void
start_worker (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  int stdin_fd;

  job->worker_started = TRUE;
  /* The worker reads a file: give it a copy of what is not one. */
  if (path == NULL)
    {
      int fd = g_file_open_tmp ("trip-reports-import-XXXXXX.pdf", &job->temp_path, &error);
      gsize size;
      const char *bytes = g_bytes_get_data (job->data, &size);

      if (fd < 0)
        {
          return_error (task, g_steal_pointer (&error));
          return;
        }
      close (fd);
      if (!g_file_set_contents (job->temp_path, bytes, (gssize) size, &error))
        {
          return_error (task, g_steal_pointer (&error));
          return;
        }
      path = g_strdup (job->temp_path);
    }

  if (job->workers != NULL)
    {
      start_served (task, path);
      return;
    }

  stdin_fd = open_password_pipe (job->password, &error);
  if (stdin_fd < 0)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; job->worker_argv[i] != NULL; i++)
    g_ptr_array_add (argv, job->worker_argv[i]);
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, NULL);

  job->timeout_seconds = get_timeout_seconds ();
  job->process = tr_import_spawn_worker ((const char * const *) argv->pdata, stdin_fd, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                         &error);
  if (job->process == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  job->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (job->process));
  g_data_input_stream_set_newline_type (job->output, G_DATA_STREAM_NEWLINE_TYPE_LF);

  start_timeout (task);
  read_next_line (g_object_ref (task));
}

/* The file's SHA-256 ----------------------------------------------------- */

static void
hash_thread (GTask        *hash_task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (hash_task, tr_sha256_for_bytes (task_data), g_free);
}

static void
on_source_hashed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autofree char *sha256 = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Failed meanwhile: nobody waits for it. */
  if (job->finished)
    return;
  job->source_sha256 = g_steal_pointer (&sha256);
  if (job->report_waiting)
    return_report (task);
}

/* Hashing the bytes takes as long as reading a few pages: on another
 * processor, while the worker reads. */
static void
hash_source (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GTask) hash_task = g_task_new (NULL, NULL, on_source_hashed, g_object_ref (task));

  g_task_set_task_data (hash_task, g_bytes_ref (job->data), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (hash_task, hash_thread);
}

static void
on_file_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Failed meanwhile (the worker could not start). */
  if (job->finished)
    return;
  job->data = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->data == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!job->worker_started)
    start_worker (task);
  if (job->finished)
    return;
  start_timeout (task);
  hash_source (task);
  if (job->line_parked)
    {
      g_autofree char *line = g_steal_pointer (&job->parked_line);

      job->line_parked = FALSE;
      take_line (task, line);
    }
}

static void
read_file_thread (GTask        *read_task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *data = tr_import_read_file (task_data, cancellable, &error);

  if (data == NULL)
    g_task_return_error (read_task, error);
  else
    g_task_return_pointer (read_task, data, (GDestroyNotify) g_bytes_unref);
}

/* Reads @file on another thread, then gives its bytes to the import. A
 * file with a path is read by the worker too: it starts at once, and
 * reads while we do (and while the bytes are hashed), rather than after:
 * reading 9 MB into fresh memory takes as long as the worker's first
 * dozens of pages. */
static void
read_and_start (GTask *task)
{
  ImportJob *job = g_task_get_task_data (task);
  g_autoptr(GTask) read_task = g_task_new (NULL, g_task_get_cancellable (task), on_file_read, g_object_ref (task));
  g_autofree char *path = g_file_get_path (job->file);

  g_task_set_task_data (read_task, g_object_ref (job->file), g_object_unref);
  g_task_run_in_thread (read_task, read_file_thread);
  if (path != NULL)
    start_worker (task);
}

/* The task of an import of @file, or NULL when it failed already (and
 * has its result). */
static GTask *
new_import_task (GFile                *file,
                 const char           *password,
                 const char * const   *worker_argv,
                 TrImportProgressFunc  progress,
                 gpointer              progress_data,
                 GDestroyNotify        progress_data_free,
                 GCancellable         *cancellable,
                 GAsyncReadyCallback   callback,
                 gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job;

  g_task_set_source_tag (task, tr_import_file_async);

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->password = g_strdup (password);
  job->worker_argv = g_strdupv ((char **) worker_argv);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_data_free = progress_data_free;
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  /* No PDF password is that long or has a line break (which would end
   * it early on the worker's side). */
  if (password != NULL && (strlen (password) > MAX_PASSWORD_BYTES || strchr (password, '\n') != NULL))
    {
      return_error (task, g_error_new_literal (TR_ERROR, TR_ERROR_PDF_BAD_PASSWORD,
                                               _("the password of the PDF is wrong")));
      return NULL;
    }
  return g_steal_pointer (&task);
}

void
tr_import_file_async (GFile                *file,
                      const char           *password,
                      const char * const   *worker_argv,
                      TrImportProgressFunc  progress,
                      gpointer              progress_data,
                      GDestroyNotify        progress_data_free,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (worker_argv != NULL && worker_argv[0] != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_import_task (file, password, worker_argv, progress, progress_data, progress_data_free,
                          cancellable, callback, user_data);
  if (task == NULL)
    return;

  /* Up to 512 MiB from a disk, or a network: not on the caller's thread. */
  read_and_start (task);
}

void
tr_import_file_with_data_async (GFile               *file,
                                GBytes              *data,
                                const char          *sha256,
                                const char          *password,
                                const char * const  *worker_argv,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (data != NULL);
  g_return_if_fail (sha256 != NULL);
  g_return_if_fail (worker_argv != NULL && worker_argv[0] != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_import_task (file, password, worker_argv, NULL, NULL, NULL, cancellable, callback, user_data);
  if (task == NULL)
    return;
  job = g_task_get_task_data (task);
  job->data = g_bytes_ref (data);
  job->source_sha256 = g_strdup (sha256);
  start_worker (task);
}

void
tr_import_file_served_async (TrImportWorkers     *workers,
                             GFile               *file,
                             GBytes              *data,
                             const char          *sha256,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (workers != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail ((data == NULL) == (sha256 == NULL));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_import_task (file, password, NULL, NULL, NULL, NULL, cancellable, callback, user_data);
  if (task == NULL)
    return;
  job = g_task_get_task_data (task);
  job->workers = workers;
  if (data != NULL)
    {
      job->data = g_bytes_ref (data);
      job->source_sha256 = g_strdup (sha256);
      start_worker (task);
      return;
    }
  read_and_start (task);
}

TrReport *
tr_import_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tr_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

TrReport *
tr_import_file (GFile               *file,
                const char          *password,
                const char * const  *worker_argv,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (worker_argv != NULL && worker_argv[0] != NULL, NULL);

  /* The async version, on a context of our own so that nothing else of
   * the caller's runs meanwhile. */
  g_main_context_push_thread_default (context);
  tr_import_file_async (file, password, worker_argv, NULL, NULL, NULL, cancellable,
                        store_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return tr_import_file_finish (result, error);
}
