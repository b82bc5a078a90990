/* tr-photo.c
 *
 * A photo keeps the bytes of the file it came from, untouched: the export
 * embeds them as they are, and nothing is lost to re-encoding. The image is
 * decoded once, when it is added, to know that it is an image and how big.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-core-private.h"
#include "tr-error.h"
#include "tr-photo.h"

/* Checking a photo needs its size, not its pixels: a small decode is
 * enough, and JPEG decodes scaled down much faster. */
#define PROBE_SIZE 64
/* The loader gets the bytes in pieces, to stop as soon as the image is
 * known to be too large. */
#define WRITE_CHUNK (64 * 1024)
/* … or, for a JPEG of one scan, once its first rows are decoded: small
 * pieces, as those rows come after a few kilobytes. */
#define FIRST_ROWS_CHUNK (4 * 1024)

struct _TrPhoto
{
  GObject parent_instance;

  char *id;
  GBytes *data;
  char *mime_type;
  guint width;
  guint height;
  char *caption;
};

G_DEFINE_FINAL_TYPE (TrPhoto, tr_photo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MIME_TYPE,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* gdk-pixbuf shows what it could decode of a file cut short, without a
 * word: each format's own structure says where the image ends. What comes
 * after the end is ignored, as image readers do. */

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* The chunks, up to IEND. */
static gboolean
png_is_complete (const guint8 *data,
                 gsize         size)
{
  gsize offset = 8;  /* the signature */

  while (size >= offset + 12)
    {
      gsize length = read_be32 (data + offset);

      if (memcmp (data + offset + 4, "IEND", 4) == 0)
        return TRUE;
      if (length > size - offset - 12)
        return FALSE;
      offset += 12 + length;
    }
  return FALSE;
}

/* The segments, then the entropy-coded data after each SOS (where 0xFF is
 * a marker only when neither 0x00 nor a restart marker follows), up to EOI;
 * counts the scans (SOS segments) on the way. */
static gboolean
jpeg_walk (const guint8 *data,
           gsize         size,
           guint        *out_n_scans)
{
  gsize offset = 2;  /* SOI */

  *out_n_scans = 0;

  while (offset + 1 < size)
    {
      guint8 marker;
      gsize length;

      if (data[offset] != 0xFF || data[offset + 1] == 0xFF)
        {
          /* Fill bytes, or junk that decoders skip. */
          offset++;
          continue;
        }
      marker = data[offset + 1];
      if (marker == 0xD9)
        return TRUE;
      if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7))
        {
          offset += 2;
          continue;
        }
      if (offset + 4 > size)
        return FALSE;
      length = (gsize) data[offset + 2] << 8 | data[offset + 3];
      if (length < 2 || length > size - offset - 2)
        return FALSE;
      offset += 2 + length;

      if (marker == 0xDA)
        (*out_n_scans)++;
      if (marker == 0xDA)
        for (;;)
          {
            const guint8 *ff = memchr (data + offset, 0xFF, size - offset);

            if (ff == NULL || ff + 1 >= data + size)
              return FALSE;
            offset = ff - data;
            if (ff[1] != 0x00 && !(ff[1] >= 0xD0 && ff[1] <= 0xD7) && ff[1] != 0xFF)
              break;
            offset += 1 + (ff[1] != 0xFF);
          }
    }
  return FALSE;
}

static gboolean
jpeg_is_complete (const guint8 *data,
                  gsize         size)
{
  guint n_scans;

  return jpeg_walk (data, size, &n_scans);
}

/* A whole JPEG of one scan, as cameras and phones write them: its first
 * rows decoded say what decoding all of it would. The header, the tables
 * and the size are read before them (a damaged one fails there), the
 * structure is whole up to its end (jpeg_walk()), and damaged data past
 * the first rows is not an error to a decoder either: it shows, blotched,
 * as it would have. A progressive JPEG (several scans) is decoded whole:
 * each scan has tables of its own. */
static gboolean
is_whole_single_scan_jpeg (const guint8 *data,
                           gsize         size)
{
  guint n_scans;

  return size > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF &&
         jpeg_walk (data, size, &n_scans) && n_scans == 1;
}

/* The RIFF container says how long it is. */
static gboolean
webp_is_complete (const guint8 *data,
                  gsize         size)
{
  guint32 riff_size;

  if (size < 12)
    return FALSE;
  riff_size = (guint32) data[4] | (guint32) data[5] << 8 | (guint32) data[6] << 16 | (guint32) data[7] << 24;
  return riff_size <= size - 8;
}

static const struct {
  const char *mime_type;
  const char *extension;
  gboolean  (*is_complete) (const guint8 *data,
                            gsize         size);
} supported_types[] = {
  { "image/jpeg", "jpg",  jpeg_is_complete },
  { "image/png",  "png",  png_is_complete },
  { "image/webp", "webp", webp_is_complete },
};

gboolean
tr_photo_mime_type_is_supported (const char *mime_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (supported_types); i++)
    if (g_strcmp0 (mime_type, supported_types[i].mime_type) == 0)
      return TRUE;
  return FALSE;
}

static void
tr_photo_finalize (GObject *object)
{
  TrPhoto *self = TR_PHOTO (object);

  g_free (self->id);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->mime_type);
  g_free (self->caption);

  G_OBJECT_CLASS (tr_photo_parent_class)->finalize (object);
}

static void
tr_photo_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TrPhoto *self = TR_PHOTO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;
    case PROP_WIDTH:
      g_value_set_uint (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_uint (value, self->height);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, tr_photo_get_caption (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_photo_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TrPhoto *self = TR_PHOTO (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
      tr_photo_set_caption (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_photo_class_init (TrPhotoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tr_photo_finalize;
  object_class->get_property = tr_photo_get_property;
  object_class->set_property = tr_photo_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_MIME_TYPE] = g_param_spec_string ("mime-type", NULL, NULL, NULL, ro);
  properties[PROP_WIDTH] = g_param_spec_uint ("width", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_HEIGHT] = g_param_spec_uint ("height", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_photo_init (TrPhoto *self)
{
}

TrPhoto *
tr_photo_new_full (const char *id,
                   GBytes     *data,
                   const char *mime_type,
                   guint       width,
                   guint       height,
                   const char *caption)
{
  TrPhoto *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (mime_type != NULL, NULL);

  self = g_object_new (TR_TYPE_PHOTO, NULL);
  self->id = g_strdup (id);
  self->data = g_bytes_ref (data);
  self->mime_type = g_strdup (mime_type);
  self->width = width;
  self->height = height;
  tr_set_str (&self->caption, caption != NULL && caption[0] != '\0' ? caption : NULL);
  return self;
}

typedef struct {
  int      width;
  int      height;
  gboolean too_large;
  gboolean first_rows;  /* a JPEG decoded only as far as its first rows */
  gboolean decoded;     /* rows of it were */
} Probe;

static void
area_updated (GdkPixbufLoader *loader,
              int              x,
              int              y,
              int              width,
              int              height,
              Probe           *probe)
{
  probe->decoded = TRUE;
}

static void
size_prepared (GdkPixbufLoader *loader,
               int              width,
               int              height,
               Probe           *probe)
{
  double scale = (double) PROBE_SIZE / MAX (MAX (width, height), 1);

  probe->width = width;
  probe->height = height;
  /* Before the loader takes memory for the pixels, which the PNG loader
   * does at full size whatever size it is asked for. */
  if ((guint64) width * (guint64) height > TR_PHOTO_MAX_PIXELS)
    {
      GdkPixbufFormat *format = gdk_pixbuf_loader_get_format (loader);
      g_autofree char *name = format != NULL ? gdk_pixbuf_format_get_name (format) : NULL;

      probe->too_large = TRUE;
      /* No pixels at all stops the JPEG and PNG loaders; the WebP loader
       * takes 0 for "full size", and decodes one pixel cheaply. */
      if (g_strcmp0 (name, "webp") == 0)
        gdk_pixbuf_loader_set_size (loader, 1, 1);
      else
        gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  /* JPEG decodes at an eighth of its size directly; asked for that size
   * exactly, the loader hands the rows over as they are decoded, rather
   * than once all are, to be scaled. */
  if (probe->first_rows)
    gdk_pixbuf_loader_set_size (loader, MAX ((width + 7) / 8, 1), MAX ((height + 7) / 8, 1));
  else if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX ((int) (width * scale), 1), MAX ((int) (height * scale), 1));
}

static gboolean
is_complete (const char    *mime_type,
             gconstpointer  data,
             gsize          size)
{
  for (guint i = 0; i < G_N_ELEMENTS (supported_types); i++)
    if (g_str_equal (mime_type, supported_types[i].mime_type))
      return supported_types[i].is_complete (data, size);
  g_return_val_if_reached (FALSE);
}

/* The MIME type gdk-pixbuf found, if it is one a photo may have. */
static const char *
supported_type_of (GdkPixbufFormat *format)
{
  g_auto(GStrv) mime_types = NULL;

  if (format == NULL)
    return NULL;
  mime_types = gdk_pixbuf_format_get_mime_types (format);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    for (guint t = 0; t < G_N_ELEMENTS (supported_types); t++)
      if (g_str_equal (mime_types[i], supported_types[t].mime_type))
        return supported_types[t].mime_type;
  return NULL;
}

gboolean
tr_photo_check_size (guint64      size,
                     const char  *display_name,
                     GError     **error)
{
  g_autofree char *actual = NULL;
  g_autofree char *limit = NULL;

  if (size <= TR_PHOTO_MAX_SIZE)
    return TRUE;

  actual = g_format_size (size);
  limit = g_format_size (TR_PHOTO_MAX_SIZE);
  /* Just over the limit reads as the limit once rounded: give the bytes. */
  if (g_str_equal (actual, limit))
    {
      g_free (actual);
      actual = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
    }
  /* TRANSLATORS: “photo.jpg” is 25.3 MB; a photo can be at most 20.0 MB */
  g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
               _("“%s” is %s; a photo can be at most %s. Save a smaller copy and add that."),
               display_name != NULL ? display_name : _("The photo"), actual, limit);
  return FALSE;
}

TrPhoto *
tr_photo_new_from_bytes (GBytes      *data,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  GdkPixbuf *pixbuf;
  const char *orientation;
  const char *mime_type;
  Probe probe = { 0, 0 };
  gsize size;
  gconstpointer bytes;
  gboolean ok;
  gboolean first_rows;
  gsize chunk;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("The photo");

  bytes = g_bytes_get_data (data, &size);
  if (!tr_photo_check_size (size, display_name, error))
    return NULL;
  if (size == 0)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("“%s” is empty"), display_name);
      return NULL;
    }

  first_rows = is_whole_single_scan_jpeg (bytes, size);
  probe.first_rows = first_rows;
  chunk = first_rows ? FIRST_ROWS_CHUNK : WRITE_CHUNK;
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared), &probe);
  g_signal_connect (loader, "area-updated", G_CALLBACK (area_updated), &probe);
  ok = TRUE;
  for (gsize offset = 0; ok && !probe.too_large && !(first_rows && probe.decoded) && offset < size; offset += chunk)
    ok = gdk_pixbuf_loader_write (loader, (const guchar *) bytes + offset, MIN (size - offset, chunk), &local_error);
  /* Close even after a failed write: a loader must be closed. */
  ok = gdk_pixbuf_loader_close (loader, ok ? &local_error : NULL) && ok;

  mime_type = supported_type_of (gdk_pixbuf_loader_get_format (loader));
  if (mime_type == NULL)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is not a JPEG, PNG or WebP image"), display_name);
      return NULL;
    }
  if (probe.too_large)
    {
      /* TRANSLATORS: “scan.png” is 20000 × 20000 pixels; a photo can have at most 100 megapixels. */
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is %d × %d pixels; a photo can have at most %u megapixels. "
                     "Save a smaller copy and add that."),
                   display_name, probe.width, probe.height, TR_PHOTO_MAX_PIXELS / 1000000);
      return NULL;
    }
  if (!is_complete (mime_type, bytes, size))
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is cut short: the file ends before the image does"), display_name);
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!ok || pixbuf == NULL || probe.width <= 0 || probe.height <= 0)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is damaged and cannot be shown: %s"), display_name,
                   local_error != NULL ? local_error->message : _("no image in the file"));
      return NULL;
    }

  /* EXIF orientations 5–8 turn the picture a quarter: it shows as tall as
   * it is stored wide. */
  orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  if (orientation != NULL && orientation[0] >= '5' && orientation[0] <= '8' && orientation[1] == '\0')
    {
      int width = probe.width;

      probe.width = probe.height;
      probe.height = width;
    }

  id = g_uuid_string_random ();
  return tr_photo_new_full (id, data, mime_type, probe.width, probe.height, NULL);
}

TrPhoto *
tr_photo_copy (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), NULL);

  return tr_photo_new_full (self->id, self->data, self->mime_type, self->width, self->height,
                            self->caption);
}

gboolean
tr_photo_equal (TrPhoto *a,
                TrPhoto *b)
{
  g_return_val_if_fail (TR_IS_PHOTO (a), FALSE);
  g_return_val_if_fail (TR_IS_PHOTO (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->mime_type, b->mime_type) == 0 &&
         a->width == b->width && a->height == b->height &&
         g_strcmp0 (tr_photo_get_caption (a), tr_photo_get_caption (b)) == 0 &&
         (a->data == b->data || g_bytes_equal (a->data, b->data));
}

const char *
tr_photo_get_id (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), NULL);
  return self->id;
}

GBytes *
tr_photo_get_data (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), NULL);
  return self->data;
}

const char *
tr_photo_get_mime_type (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), NULL);
  return self->mime_type;
}

const char *
tr_photo_get_extension (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (supported_types); i++)
    if (g_strcmp0 (self->mime_type, supported_types[i].mime_type) == 0)
      return supported_types[i].extension;
  return "bin";
}

guint
tr_photo_get_width (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), 0);
  return self->width;
}

guint
tr_photo_get_height (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), 0);
  return self->height;
}

const char *
tr_photo_get_caption (TrPhoto *self)
{
  g_return_val_if_fail (TR_IS_PHOTO (self), "");
  return self->caption != NULL ? self->caption : "";
}

void
tr_photo_set_caption (TrPhoto    *self,
                      const char *caption)
{
  g_return_if_fail (TR_IS_PHOTO (self));

  if (caption != NULL && caption[0] == '\0')
    caption = NULL;
  if (tr_set_str (&self->caption, caption))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

/* Thumbnails ------------------------------------------------------------ */

typedef struct {
  int max_width;
  int max_height;
} ThumbnailSize;

static void
thumbnail_size_prepared (GdkPixbufLoader *loader,
                         int              width,
                         int              height,
                         ThumbnailSize   *size)
{
  double scale = MIN ((double) size->max_width / MAX (width, 1),
                      (double) size->max_height / MAX (height, 1));

  /* JPEG decodes at the small size directly: far faster than full size. */
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX ((int) (width * scale), 1), MAX ((int) (height * scale), 1));
}

GdkPixbuf *
tr_photo_make_thumbnail (TrPhoto  *self,
                         int       max_width,
                         int       max_height,
                         GError  **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  ThumbnailSize size = { max_width, max_height };
  GdkPixbuf *pixbuf;
  gboolean ok;

  g_return_val_if_fail (TR_IS_PHOTO (self), NULL);
  g_return_val_if_fail (max_width > 0 && max_height > 0, NULL);

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (thumbnail_size_prepared), &size);
  ok = gdk_pixbuf_loader_write_bytes (loader, self->data, error);
  ok = gdk_pixbuf_loader_close (loader, ok ? error : NULL) && ok;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!ok || pixbuf == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("no image in the file"));
      return NULL;
    }
  /* As the photo is meant to be seen: phones store it turned. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

static void
thumbnail_in_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ThumbnailSize *size = task_data;
  GError *error = NULL;
  GdkPixbuf *pixbuf;

  if (g_task_return_error_if_cancelled (task))
    return;
  pixbuf = tr_photo_make_thumbnail (source_object, size->max_width, size->max_height, &error);
  if (pixbuf != NULL)
    g_task_return_pointer (task, pixbuf, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
tr_photo_make_thumbnail_async (TrPhoto             *self,
                               int                  max_width,
                               int                  max_height,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ThumbnailSize *size;

  g_return_if_fail (TR_IS_PHOTO (self));
  g_return_if_fail (max_width > 0 && max_height > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tr_photo_make_thumbnail_async);
  size = g_new (ThumbnailSize, 1);
  size->max_width = max_width;
  size->max_height = max_height;
  g_task_set_task_data (task, size, g_free);
  g_task_run_in_thread (task, thumbnail_in_thread);
}

GdkPixbuf *
tr_photo_make_thumbnail_finish (TrPhoto       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tr_photo_make_thumbnail_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
