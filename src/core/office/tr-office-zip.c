/* tr-office-zip.c: reading an office package without trusting it
 *
 * A ZIP entry's central directory record says how large it inflates to;
 * a zip bomb either says so (refused at once, with the ratio) or lies
 * (refused while inflating, when the bytes go past what it said).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <zip.h>

#include "tr-error.h"
#include "tr-office-zip.h"

struct _TrOfficeZip {
  GBytes *data;
  zip_t  *archive;
  guint64 total_read;
};

/* A small part may compress very well (a run of spaces): the ratio only
 * counts from this size on. */
#define RATIO_FLOOR (1024 * 1024)

static gboolean
check_entry (const zip_stat_t  *stat,
             guint64           *total,
             GError           **error)
{
  const char *name = (stat->valid & ZIP_STAT_NAME) ? stat->name : "?";

  if (!(stat->valid & ZIP_STAT_SIZE) || !(stat->valid & ZIP_STAT_COMP_SIZE))
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("The package is damaged: no size for “%s”"), name);
      return FALSE;
    }
  if (stat->size > TR_OFFICE_MAX_PART_SIZE ||
      (stat->size > RATIO_FLOOR && stat->size / MAX (stat->comp_size, 1) > TR_OFFICE_MAX_RATIO))
    {
      g_autofree char *size = g_format_size (stat->size);
      g_autofree char *compressed = g_format_size (stat->comp_size);

      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   /* TRANSLATORS: a part of the file, then two sizes ("50.0 MB", "51 kB") */
                   _("The package is refused: “%s” would inflate to %s from %s (a zip bomb?)"),
                   name, size, compressed);
      return FALSE;
    }
  *total += stat->size;
  if (*total > TR_OFFICE_MAX_TOTAL_SIZE)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("The package is refused: its parts would inflate to more than %u MiB (a zip bomb?)"),
                   TR_OFFICE_MAX_TOTAL_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

TrOfficeZip *
tr_office_zip_open (GBytes  *data,
                    GError **error)
{
  g_autoptr(TrOfficeZip) zip = g_new0 (TrOfficeZip, 1);
  zip_error_t zip_error;
  zip_source_t *source;
  zip_int64_t n_entries;
  guint64 total = 0;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (data != NULL, NULL);

  zip->data = g_bytes_ref (data);
  bytes = g_bytes_get_data (data, &size);
  zip_error_init (&zip_error);
  source = zip_source_buffer_create (bytes, size, 0, &zip_error);
  if (source != NULL)
    {
      zip->archive = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
      if (zip->archive == NULL)
        zip_source_free (source);
    }
  if (zip->archive == NULL)
    {
      if (zip_error_code_zip (&zip_error) == ZIP_ER_NOZIP)
        g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                             _("Not an ODT or DOCX document: the file is not a ZIP package"));
      else
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                     _("The package is damaged: %s"), zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);

  n_entries = zip_get_num_entries (zip->archive, 0);
  if (n_entries > TR_OFFICE_MAX_ENTRIES)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("The package is refused: it has more than %u parts"), TR_OFFICE_MAX_ENTRIES);
      return NULL;
    }
  for (zip_int64_t i = 0; i < n_entries; i++)
    {
      zip_stat_t stat;

      zip_stat_init (&stat);
      if (zip_stat_index (zip->archive, i, 0, &stat) < 0)
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("The package is damaged: %s"),
                       zip_strerror (zip->archive));
          return NULL;
        }
      if (!check_entry (&stat, &total, error))
        return NULL;
    }
  return g_steal_pointer (&zip);
}

void
tr_office_zip_free (TrOfficeZip *zip)
{
  if (zip == NULL)
    return;
  if (zip->archive != NULL)
    zip_discard (zip->archive);
  g_bytes_unref (zip->data);
  g_free (zip);
}

gboolean
tr_office_zip_has_entry (TrOfficeZip *zip,
                         const char  *name)
{
  return zip_name_locate (zip->archive, name, 0) >= 0;
}

GBytes *
tr_office_zip_read (TrOfficeZip  *zip,
                    const char   *name,
                    GError      **error)
{
  zip_stat_t stat;
  zip_file_t *file;
  g_autoptr(GByteArray) buffer = NULL;
  guint8 chunk[64 * 1024];
  guint64 limit;

  zip_stat_init (&stat);
  if (zip_stat (zip->archive, name, 0, &stat) < 0)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("The package has no “%s”"), name);
      return NULL;
    }
  file = zip_fopen (zip->archive, name, 0);
  if (file == NULL)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("The package cannot be read: “%s”: %s"),
                   name, zip_strerror (zip->archive));
      return NULL;
    }

  /* Never more than it declared, checked above against the limits. */
  limit = stat.size;
  buffer = g_byte_array_sized_new (MIN (limit, 1024 * 1024));
  for (;;)
    {
      zip_int64_t n_read = zip_fread (file, chunk, sizeof chunk);

      if (n_read < 0)
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("The package is damaged: “%s”: %s"),
                       name, zip_file_strerror (file));
          zip_fclose (file);
          return NULL;
        }
      if (n_read == 0)
        break;
      if (buffer->len + (guint64) n_read > limit ||
          zip->total_read + buffer->len + (guint64) n_read > TR_OFFICE_MAX_TOTAL_SIZE)
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("The package is refused: “%s” inflates to more than it declared (a zip bomb?)"), name);
          zip_fclose (file);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, n_read);
    }
  zip_fclose (file);
  zip->total_read += buffer->len;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
