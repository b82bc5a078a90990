/* tr-odt-package.c: the .odt package, zipped with libzip in memory
 *
 * The parts are built in memory and zipped into a memory buffer, which
 * tr-export-file.c then writes safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>
#include <zip.h>

#include "tr-odt-package.h"
#include "tr-odt-private.h"

/* zlib's fastest level: a 100-page report takes 63 KB instead of 48 KB
 * at libzip's default (9), in a fifth of the time. */
#define DEFLATE_LEVEL 1

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
                  TrDocument *document)
{
  photos->names = g_ptr_array_new_with_free_func (g_free);
  photos->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  for (guint i = 0; i < document->photos->len; i++)
    {
      TrDocPhoto *photo = g_ptr_array_index (document->photos, i);
      char *name = tr_odt_photo_path (photo);
      Part part = { name, g_bytes_ref (tr_photo_get_data (photo->photo)), TRUE,
                    /* The media type outlives the photo: it is a static string. */
                    g_intern_string (tr_photo_get_mime_type (photo->photo)) };

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
tr_odt_package_build (TrDocument  *document,
                      GError     **error)
{
  return tr_odt_package_build_for_exchange (document, NULL, error);
}

GBytes *
tr_odt_package_build_for_exchange (TrDocument          *document,
                                   const TrOdtExchange *exchange,
                                   GError             **error)
{
  Part parts[] = {
    /* The mimetype must come first. */
    { "mimetype", NULL, TRUE },
    { "content.xml", NULL, FALSE },
    { "styles.xml", NULL, FALSE },
    { "meta.xml", NULL, FALSE },
    /* Our own parts, when the export carries them: last, so that an
     * export without them stops at meta.xml. */
    { TR_ODT_REPORT_PART, NULL, FALSE, "application/json" },
    { TR_ODT_REVIEW_PART, NULL, FALSE, "application/json" },
  };
  guint n_parts = 4;
  Part manifest = { "META-INF/manifest.xml", NULL, FALSE };
  PhotoParts photos;
  zip_error_t zip_error;
  zip_source_t *buffer = NULL;
  zip_t *archive = NULL;
  GBytes *package = NULL;
  time_t mtime = (time_t) g_date_time_to_unix (document->modified);

  zip_error_init (&zip_error);
  photo_parts_init (&photos, document);
  parts[0].data = g_bytes_new_static (TR_ODT_MIMETYPE, strlen (TR_ODT_MIMETYPE));
  if ((parts[1].data = tr_odt_build_content (document, error)) == NULL ||
      (parts[2].data = tr_odt_build_styles (document, error)) == NULL ||
      (parts[3].data = tr_odt_build_meta (document, exchange, error)) == NULL)
    goto out;
  if (exchange != NULL && exchange->report_json != NULL)
    parts[n_parts++].data = g_bytes_ref (exchange->report_json);
  if (exchange != NULL && exchange->report_json != NULL && exchange->review_json != NULL)
    parts[n_parts++].data = g_bytes_ref (exchange->review_json);
  if ((manifest.data = build_manifest (parts, n_parts, &photos, error)) == NULL)
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

  for (guint i = 0; i < n_parts; i++)
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

