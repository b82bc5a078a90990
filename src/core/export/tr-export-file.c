/* tr-export-file.c: writing an exported file safely, in place or in a thread
 *
 * A document is written to a temporary file beside the target, synced and
 * renamed over it, so that a failure at any point (a full disk, a
 * read-only folder, a cancel) leaves an existing file untouched. GIO's own
 * g_file_replace() is not enough for that: when it cannot create its
 * temporary file (a read-only folder holding a writable file) it falls
 * back to truncating the target and writing in place. The writer streams
 * into the file: a PDF is never held whole in memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tr-export-file.h"

#define TEMP_PREFIX   ".trip-reports-export-"
#define TEMP_TEMPLATE TEMP_PREFIX "XXXXXX"

/* A temporary file of ours not written to for this long, and that no
 * export holds, was left by one that died before its rename. The time
 * covers the instant between closing the file (which drops the lock) and
 * renaming it, and file systems without locks. */
#define STALE_SECONDS (10 * 60)

/* Room left for the extension and for the temporary name's suffix within
 * the 255 bytes most file systems allow in a name. */
#define MAX_NAME_BYTES 200

/* Where the writer's bytes go: the temporary file, or the stream of a
 * remote location. The first failure sticks: later writes do nothing. */
struct _TrExportSink {
  int            fd;
  GOutputStream *stream;
  GCancellable  *cancellable;
  int            saved_errno;
  GError        *error;
  guint64        written;
};

gboolean
tr_export_sink_write (TrExportSink  *sink,
                      gconstpointer  data,
                      gsize          size)
{
  const guint8 *p = data;

  if (sink->saved_errno != 0 || sink->error != NULL)
    return FALSE;
  if (sink->stream != NULL)
    {
      if (!g_output_stream_write_all (sink->stream, data, size, NULL, sink->cancellable, &sink->error))
        return FALSE;
      sink->written += size;
      return TRUE;
    }
  while (size > 0)
    {
      /* Large enough to be fast, small enough to notice a cancel. */
      gssize n = write (sink->fd, p, MIN (size, 1 << 20));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return FALSE;
        }
      if (g_cancellable_is_cancelled (sink->cancellable))
        {
          sink->saved_errno = ECANCELED;
          return FALSE;
        }
      p += n;
      size -= n;
      sink->written += n;
    }
  return TRUE;
}

guint64
tr_export_sink_get_written (TrExportSink *sink)
{
  return sink->written;
}

/* Writing the file ----------------------------------------------------- */

/* What went wrong, in words for people, from an errno of creating or
 * writing the temporary file in @dir. */
static void
set_save_error (GError     **error,
                int          saved_errno,
                const char  *path,
                const char  *dir)
{
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *display_dir = g_filename_display_name (dir);
  g_autofree char *reason = NULL;

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      reason = g_strdup_printf (_("the folder “%s” does not exist"), display_dir);
      break;
    case EACCES:
    case EPERM:
      reason = g_strdup_printf (_("you cannot write in the folder “%s”"), display_dir);
      break;
    case EROFS:
      reason = g_strdup_printf (_("the folder “%s” is on a read-only disk"), display_dir);
      break;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      reason = g_strdup (_("the disk is full"));
      break;
    default:
      reason = g_strdup (g_strerror (saved_errno));
      break;
    }

  /* TRANSLATORS: “Could not save “/home/me/report.odt”: the disk is full” */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), display_path, reason);
}

/* TRUE for the names g_mkstemp() makes of TEMP_TEMPLATE. */
static gboolean
is_temporary_name (const char *name)
{
  if (!g_str_has_prefix (name, TEMP_PREFIX))
    return FALSE;
  name += strlen (TEMP_PREFIX);
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return name[6] == '\0';
}

/* TRUE when an export writing the file of @fd holds its lock. Where
 * there are no locks, no file is held: its age alone tells. */
static gboolean
held_by_an_export (int fd)
{
  return flock (fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
}

/* Removes from @dir the temporary files that exports killed before their
 * rename left behind, each the size of a document: ours by name and
 * owner, not written to for STALE_SECONDS, and not locked by the export
 * writing it (an export in another thread or process, now). Best effort:
 * what cannot be read or removed stays. */
static void
remove_stale_temporary_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  if (listing == NULL)
    return;
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *temp_path = NULL;
      struct stat opened, named;
      int fd;

      if (!is_temporary_name (name))
        continue;
      temp_path = g_build_filename (dir, name, NULL);
      /* Neither through a symbolic link, nor waiting on a FIFO. */
      fd = open (temp_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) &&
          opened.st_uid == geteuid () && now - opened.st_mtime >= STALE_SECONDS &&
          !held_by_an_export (fd) &&
          /* Still the file under that name. */
          g_lstat (temp_path, &named) == 0 &&
          named.st_dev == opened.st_dev && named.st_ino == opened.st_ino)
        {
          if (g_unlink (temp_path) == 0)
            g_debug ("Removed %s, left by an export that did not finish", temp_path);
        }
      close (fd);
    }
}

/* Runs @write into a temporary file, then puts the file in @path's place. */
static gboolean
write_local_file (const char         *path,
                  TrExportWriteFunc   write_func,
                  gpointer            user_data,
                  GCancellable       *cancellable,
                  GError            **error)
{
  TrExportSink sink = { .fd = -1, .cancellable = cancellable };
  g_autoptr(GError) write_error = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  struct stat target_stat;
  gboolean exists = FALSE;
  int saved_errno = 0;
  int fd;

  if (g_stat (path, &target_stat) == 0)
    {
      /* Renaming over a device (/dev/full) or a folder would replace it. */
      if (!S_ISREG (target_stat.st_mode))
        {
          g_autofree char *display_path = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR,
                       S_ISDIR (target_stat.st_mode) ? G_IO_ERROR_IS_DIRECTORY
                                                     : G_IO_ERROR_NOT_REGULAR_FILE,
                       _("Could not save “%s”: it is not a regular file"), display_path);
          return FALSE;
        }
      exists = TRUE;
      /* Through a symbolic link, replace the file it points to. */
      resolved = realpath (path, NULL);
    }
  else if (errno != ENOENT)
    {
      saved_errno = errno;
      dir = g_path_get_dirname (path);
      set_save_error (error, saved_errno, path, dir);
      return FALSE;
    }

  if (resolved == NULL)
    resolved = g_strdup (path);
  dir = g_path_get_dirname (resolved);
  temp_path = g_build_filename (dir, TEMP_TEMPLATE, NULL);

  remove_stale_temporary_files (dir);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_save_error (error, errno, path, dir);
      return FALSE;
    }
  /* Held until the file is closed, or this process dies: while it is,
   * no other export takes the file for one left behind. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Could not lock %s: %s", temp_path, g_strerror (errno));

  /* A replaced file keeps its permissions; a new one gets the umask's. */
  if (exists && fchmod (fd, target_stat.st_mode & 07777) != 0)
    g_debug ("Could not keep the permissions of %s: %s", path, g_strerror (errno));

  sink.fd = fd;
  if (!write_func (&sink, user_data, cancellable, &write_error) ||
      sink.saved_errno != 0)
    {
      saved_errno = sink.saved_errno;
      close (fd);
      /* The writer's own failure, when the file is not the cause. */
      if (saved_errno == 0 && !g_cancellable_is_cancelled (cancellable))
        {
          g_unlink (temp_path);
          g_propagate_error (error, g_steal_pointer (&write_error));
          return FALSE;
        }
      if (saved_errno == 0)
        saved_errno = ECANCELED;
      goto failed;
    }
  /* On the disk before the rename: a crash must not leave an empty file
   * where the old one was. */
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      goto failed;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      saved_errno = ECANCELED;
      goto failed;
    }
  if (g_rename (temp_path, resolved) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  return TRUE;

failed:
  g_unlink (temp_path);
  if (saved_errno == ECANCELED)
    g_cancellable_set_error_if_cancelled (cancellable, error);
  else
    set_save_error (error, saved_errno, path, dir);
  return FALSE;
}

/* A remote location (GVfs): its backend makes the replacement atomic or
 * refuses. */
static gboolean
write_remote_file (GFile              *file,
                   TrExportWriteFunc   write_func,
                   gpointer            user_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  TrExportSink sink = { .fd = -1, .cancellable = cancellable };
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream != NULL)
    {
      sink.stream = G_OUTPUT_STREAM (stream);
      ok = write_func (&sink, user_data, cancellable, &local_error) && sink.error == NULL;
      if (ok)
        ok = g_output_stream_close (sink.stream, cancellable, &local_error);
      else
        {
          /* Closing through a cancelled cancellable leaves the old file. */
          g_autoptr(GCancellable) abandon = g_cancellable_new ();

          g_cancellable_cancel (abandon);
          g_output_stream_close (sink.stream, abandon, NULL);
          if (sink.error != NULL)
            {
              g_clear_error (&local_error);
              local_error = g_steal_pointer (&sink.error);
            }
        }
      g_clear_error (&sink.error);
      if (ok)
        return TRUE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  {
    g_autofree char *name = g_file_get_parse_name (file);

    g_set_error (error, local_error->domain, local_error->code,
                 _("Could not save “%s”: %s"), name, local_error->message);
  }
  return FALSE;
}

gboolean
tr_export_file_write (GFile              *file,
                      TrExportWriteFunc   write_func,
                      gpointer            user_data,
                      GCancellable       *cancellable,
                      GError            **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return write_local_file (path, write_func, user_data, cancellable, error);
  return write_remote_file (file, write_func, user_data, cancellable, error);
}

static gboolean
write_bytes (TrExportSink  *sink,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (user_data, &size);

  return tr_export_sink_write (sink, data, size);
}

gboolean
tr_export_file_write_bytes (GFile         *file,
                            GBytes        *bytes,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return tr_export_file_write (file, write_bytes, bytes, cancellable, error);
}

/* Writing in a thread -------------------------------------------------- */

typedef struct {
  TrExportWriteFunc  write_func;
  gpointer           user_data;
  GDestroyNotify     user_data_free;
  GFile             *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  if (data->user_data_free != NULL)
    data->user_data_free (data->user_data);
  g_clear_object (&data->file);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (tr_export_file_write (data->file, data->write_func, data->user_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
tr_export_file_write_async (GFile               *file,
                            TrExportWriteFunc    write_func,
                            gpointer             user_data,
                            GDestroyNotify       user_data_free,
                            gpointer             source_tag,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             callback_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (write_func != NULL);

  task = g_task_new (NULL, cancellable, callback, callback_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[trip-reports] tr_export_file_write_async");

  data = g_new0 (WriteData, 1);
  data->write_func = write_func;
  data->user_data = user_data;
  data->user_data_free = user_data_free;
  data->file = g_file_dup (file);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
tr_export_file_write_finish (GAsyncResult  *result,
                             gpointer      *out_user_data,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (out_user_data != NULL)
    *out_user_data = ((WriteData *) g_task_get_task_data (G_TASK (result)))->user_data;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* File names ----------------------------------------------------------- */

char *
tr_export_name_stem (TrReport *report)
{
  g_autofree char *title = NULL;
  GString *name;
  const char *p;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  title = g_utf8_make_valid (tr_report_get_text (report, TR_FIELD_TITLE), -1);
  g_strstrip (title);
  name = g_string_new (NULL);
  for (p = title; *p != '\0' && name->len < MAX_NAME_BYTES; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* The characters Linux, Windows or a USB stick refuse, as the
       * full-width forms Chinese text uses anyway (／ ： ？ …). */
      if (c < 0x20 || c == 0x7F)
        continue;
      if (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL)
        c += 0xFF01 - '!';
      /* A leading dot would hide the file. */
      if (name->len == 0 && c == '.')
        continue;
      g_string_append_unichar (name, c);
    }
  /* Windows drops trailing dots and spaces. */
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);

  if (name->len == 0)
    g_string_append (name, _("Trip report"));
  return g_string_free (name, FALSE);
}
