/* tr-odt-package.c: the .odt package, zipped with libzip and written safely
 *
 * The parts are built in memory, zipped into a memory buffer, then written
 * to a temporary file beside the target and renamed over it, so that a
 * failure at any point leaves an existing file untouched. GIO's own
 * g_file_replace() is not enough for that: when it cannot create its
 * temporary file (a read-only folder holding a writable file) it falls
 * back to truncating the target and writing in place.
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
#include <zip.h>

#include "tr-odt-package.h"
#include "tr-odt-private.h"

#define TEMP_PREFIX   ".trip-reports-export-"
#define TEMP_TEMPLATE TEMP_PREFIX "XXXXXX"

/* A temporary file of ours not written to for this long, and that no
 * export holds, was left by one that died before its rename. The time
 * covers the instant between closing the file (which drops the lock) and
 * renaming it, and file systems without locks. */
#define STALE_SECONDS (10 * 60)

/* zlib's fastest level: a 100-page report takes 63 KB instead of 48 KB
 * at libzip's default (9), in a fifth of the time. */
#define DEFLATE_LEVEL 1

/* Room left for the extension and for the temporary name's suffix within
 * the 255 bytes most file systems allow in a name. */
#define MAX_NAME_BYTES 200

typedef struct {
  const char *name;
  GBytes     *data;
  gboolean    stored;      /* not compressed */
  const char *media_type;  /* NULL: text/xml */
} Part;

/* The appendix's photos as parts under Pictures/, as they were added: JPEG
 * and PNG are compressed already, so they are stored. */
typedef struct {
  GPtrArray *names;
  GArray    *parts;
} PhotoParts;

static void
photo_parts_init (PhotoParts *photos,
                  TrReport   *report)
{
  GListModel *list = G_LIST_MODEL (tr_report_get_photos (report));

  photos->names = g_ptr_array_new_with_free_func (g_free);
  photos->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (list, i);
      char *name = tr_odt_photo_path (photo, i);
      Part part = { name, g_bytes_ref (tr_photo_get_data (photo)), TRUE,
                    /* The media type outlives the photo: it is a static string. */
                    g_intern_string (tr_photo_get_mime_type (photo)) };

      g_ptr_array_add (photos->names, name);
      g_array_append_val (photos->parts, part);
    }
}

static void
photo_parts_clear (PhotoParts *photos)
{
  for (guint i = 0; i < photos->parts->len; i++)
    g_bytes_unref (g_array_index (photos->parts, Part, i).data);
  g_array_unref (photos->parts);
  g_ptr_array_unref (photos->names);
}

static void
add_manifest_entry (TrOdtXml   *xml,
                    const Part *part)
{
  tr_odt_xml_empty (xml, "manifest:file-entry",
                    "manifest:full-path", part->name,
                    "manifest:media-type", part->media_type != NULL ? part->media_type : "text/xml",
                    NULL);
}

static GBytes *
build_manifest (const Part        *parts,
                guint              n_parts,
                const PhotoParts  *photos,
                GError           **error)
{
  TrOdtXml xml;

  tr_odt_xml_init (&xml);
  tr_odt_xml_start (&xml, "manifest:manifest");
  tr_odt_xml_attr (&xml, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
  tr_odt_xml_attr (&xml, "manifest:version", TR_ODT_VERSION);
  tr_odt_xml_empty (&xml, "manifest:file-entry",
                    "manifest:full-path", "/",
                    "manifest:version", TR_ODT_VERSION,
                    "manifest:media-type", TR_ODT_MIMETYPE,
                    NULL);
  /* Every part but the mimetype, which the manifest never lists. */
  for (guint i = 1; i < n_parts; i++)
    add_manifest_entry (&xml, &parts[i]);
  for (guint i = 0; i < photos->parts->len; i++)
    add_manifest_entry (&xml, &g_array_index (photos->parts, Part, i));
  tr_odt_xml_end (&xml);
  return tr_odt_xml_finish (&xml, "manifest.xml", error);
}

static void
set_zip_error (GError     **error,
               zip_error_t *zip_error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not make the document package: %s"), zip_error_strerror (zip_error));
}

static gboolean
add_part (zip_t       *archive,
          const Part  *part,
          time_t       mtime,
          GError     **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (part->data, &size);
  zip_source_t *source;
  zip_int64_t index;

  /* The archive reads @data when it is closed; the caller keeps it alive. */
  source = zip_source_buffer (archive, data, size, 0);
  if (source == NULL)
    {
      set_zip_error (error, zip_get_error (archive));
      return FALSE;
    }
  index = zip_file_add (archive, part->name, source, ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (source);
      set_zip_error (error, zip_get_error (archive));
      return FALSE;
    }
  /* ODF: the mimetype is stored, and no part carries extra fields, which
   * would move the mimetype's text from offset 38 where tools sniff it. */
  if (zip_set_file_compression (archive, index, part->stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                part->stored ? 0 : DEFLATE_LEVEL) < 0 ||
      zip_file_set_mtime (archive, index, mtime, 0) < 0 ||
      zip_file_extra_field_delete (archive, index, ZIP_EXTRA_FIELD_ALL, ZIP_FL_LOCAL | ZIP_FL_CENTRAL) < 0)
    {
      set_zip_error (error, zip_get_error (archive));
      return FALSE;
    }
  return TRUE;
}

/* Reads back what libzip wrote into its buffer source. */
static GBytes *
read_source (zip_source_t  *source,
             GError       **error)
{
  zip_stat_t stat;
  g_autofree guint8 *data = NULL;
  zip_int64_t n_read;

  zip_stat_init (&stat);
  if (zip_source_open (source) < 0)
    {
      set_zip_error (error, zip_source_error (source));
      return NULL;
    }
  if (zip_source_stat (source, &stat) < 0 || !(stat.valid & ZIP_STAT_SIZE))
    {
      set_zip_error (error, zip_source_error (source));
      zip_source_close (source);
      return NULL;
    }
  data = g_malloc (MAX (stat.size, 1));
  n_read = zip_source_read (source, data, stat.size);
  zip_source_close (source);
  if (n_read < 0 || (zip_uint64_t) n_read != stat.size)
    {
      set_zip_error (error, zip_source_error (source));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), stat.size);
}

GBytes *
tr_odt_package_build (TrReport  *report,
                      GBytes    *content,
                      GError   **error)
{
  Part parts[] = {
    /* The mimetype must come first. */
    { "mimetype", NULL, TRUE },
    { "content.xml", NULL, FALSE },
    { "styles.xml", NULL, FALSE },
    { "meta.xml", NULL, FALSE },
  };
  Part manifest = { "META-INF/manifest.xml", NULL, FALSE };
  PhotoParts photos;
  zip_error_t zip_error;
  zip_source_t *buffer = NULL;
  zip_t *archive = NULL;
  GBytes *package = NULL;
  time_t mtime = (time_t) g_date_time_to_unix (tr_report_get_modified (report));

  zip_error_init (&zip_error);
  photo_parts_init (&photos, report);
  parts[0].data = g_bytes_new_static (TR_ODT_MIMETYPE, strlen (TR_ODT_MIMETYPE));
  if ((parts[1].data = content) == NULL ||
      (parts[2].data = tr_odt_build_styles (error)) == NULL ||
      (parts[3].data = tr_odt_build_meta (report, error)) == NULL ||
      (manifest.data = build_manifest (parts, G_N_ELEMENTS (parts), &photos, error)) == NULL)
    goto out;

  buffer = zip_source_buffer_create (NULL, 0, 0, &zip_error);
  if (buffer == NULL ||
      (archive = zip_open_from_source (buffer, ZIP_TRUNCATE, &zip_error)) == NULL)
    {
      set_zip_error (error, &zip_error);
      goto out;
    }
  /* Closing the archive would free the buffer it wrote to otherwise. */
  zip_source_keep (buffer);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!add_part (archive, &parts[i], mtime, error))
      goto out;
  for (guint i = 0; i < photos.parts->len; i++)
    if (!add_part (archive, &g_array_index (photos.parts, Part, i), mtime, error))
      goto out;
  if (!add_part (archive, &manifest, mtime, error))
    goto out;

  if (zip_close (archive) < 0)
    {
      set_zip_error (error, zip_get_error (archive));
      goto out;
    }
  archive = NULL;
  package = read_source (buffer, error);

out:
  if (archive != NULL)
    zip_discard (archive);
  if (buffer != NULL)
    zip_source_free (buffer);
  zip_error_fini (&zip_error);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_clear_pointer (&parts[i].data, g_bytes_unref);
  g_clear_pointer (&manifest.data, g_bytes_unref);
  photo_parts_clear (&photos);
  return package;
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

static gboolean
write_all (int            fd,
           GBytes        *data,
           GCancellable  *cancellable,
           int           *out_errno)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (data, &size);

  while (size > 0)
    {
      /* Large enough to be fast, small enough to notice a cancel. */
      gssize n = write (fd, p, MIN (size, 1 << 20));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *out_errno = errno;
          return FALSE;
        }
      if (g_cancellable_is_cancelled (cancellable))
        {
          *out_errno = ECANCELED;
          return FALSE;
        }
      p += n;
      size -= n;
    }
  return TRUE;
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

static gboolean
write_local_file (const char    *path,
                  GBytes        *data,
                  GCancellable  *cancellable,
                  GError       **error)
{
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

  if (!write_all (fd, data, cancellable, &saved_errno))
    {
      close (fd);
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

gboolean
tr_odt_package_write (GBytes        *package,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *path = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return write_local_file (path, package, cancellable, error);

  /* A remote location (GVfs): its backend makes the replacement atomic
   * or refuses. */
  {
    g_autoptr(GError) local_error = NULL;
    gsize size;
    gconstpointer data = g_bytes_get_data (package, &size);

    if (!g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, &local_error))
      {
        g_autofree char *name = g_file_get_parse_name (file);

        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not save “%s”: %s"), name, local_error->message);
        return FALSE;
      }
    return TRUE;
  }
}

/* Writing in a thread -------------------------------------------------- */

typedef struct {
  TrOdtPackageBuilder  build;
  gpointer             build_data;
  GDestroyNotify       build_data_free;
  GFile               *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  if (data->build_data_free != NULL)
    data->build_data_free (data->build_data);
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
  g_autoptr(GBytes) package = NULL;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      (package = data->build (data->build_data, &error)) != NULL &&
      tr_odt_package_write (package, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
tr_odt_package_write_async (TrOdtPackageBuilder  build,
                            gpointer             build_data,
                            GDestroyNotify       build_data_free,
                            GFile               *file,
                            gpointer             source_tag,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (build != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[trip-reports] tr_odt_package_write_async");

  data = g_new0 (WriteData, 1);
  data->build = build;
  data->build_data = build_data;
  data->build_data_free = build_data_free;
  data->file = g_file_dup (file);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
tr_odt_package_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* File names ----------------------------------------------------------- */

char *
tr_odt_package_name_stem (TrReport *report)
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
