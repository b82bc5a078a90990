/* tr-pdf-photo.c: the appendix's photos on a page
 *
 * A PDF takes a JPEG as it is: cairo embeds the file's bytes (DCTDecode)
 * when a source surface carries them as its JPEG data. The surface is an
 * empty recording of the picture's size, so that no pixel is decoded, and
 * the bytes are the photo's own, shared: a report with a hundred photos
 * costs no more memory in the PDF than in the report. The EXIF orientation
 * that viewers apply to the file becomes a transformation.
 *
 * Other targets (a print preview, a printer that takes pixels) get the
 * picture decoded at the resolution it is shown at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "tr-pdf-private.h"

/* Pixels per inch for a decoded photo: print quality at its size. */
#define DECODE_PPI 300.0

/* A PDF, PostScript or SVG target: vector, and it takes JPEG data. */
static gboolean
is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
size_prepared (GdkPixbufLoader *loader,
               int              width,
               int              height,
               gpointer         user_data)
{
  /* Only the header matters: decode as little as the loader allows. */
  gdk_pixbuf_loader_set_size (loader, MAX (width / 8, 1), MAX (height / 8, 1));
}

/* The EXIF orientation of a JPEG, 1 to 8; 1 when it has none. */
static int
read_orientation (GBytes *data)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type ("image/jpeg", NULL);
  GdkPixbuf *pixbuf;
  const char *option;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);
  int orientation = 1;

  if (loader == NULL)
    return 1;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared), NULL);
  gdk_pixbuf_loader_write (loader, bytes, size, NULL);
  /* A loader must be closed, even after a failed write. */
  gdk_pixbuf_loader_close (loader, NULL);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  option = pixbuf != NULL ? gdk_pixbuf_get_option (pixbuf, "orientation") : NULL;
  if (option != NULL && option[0] >= '1' && option[0] <= '8' && option[1] == '\0')
    orientation = option[0] - '0';
  return orientation;
}

/* Maps the stored picture, @stored_width × @stored_height, onto its shown
 * shape as EXIF orientation @orientation says (2 and 4 mirror, 3 turns
 * half a turn, 5 to 8 a quarter turn, mirrored or not). */
static void
orientation_matrix (int             orientation,
                    double          stored_width,
                    double          stored_height,
                    cairo_matrix_t *matrix)
{
  double w = stored_width, h = stored_height;

  switch (orientation)
    {
    case 2:
      cairo_matrix_init (matrix, -1, 0, 0, 1, w, 0);
      break;
    case 3:
      cairo_matrix_init (matrix, -1, 0, 0, -1, w, h);
      break;
    case 4:
      cairo_matrix_init (matrix, 1, 0, 0, -1, 0, h);
      break;
    case 5:
      cairo_matrix_init (matrix, 0, 1, 1, 0, 0, 0);
      break;
    case 6:
      cairo_matrix_init (matrix, 0, 1, -1, 0, h, 0);
      break;
    case 7:
      cairo_matrix_init (matrix, 0, -1, -1, 0, h, w);
      break;
    case 8:
      cairo_matrix_init (matrix, 0, -1, 1, 0, 0, w);
      break;
    case 1:
    default:
      cairo_matrix_init_identity (matrix);
      break;
    }
}

static void
draw_jpeg (cairo_t *cr,
           TrPhoto *photo,
           double   x,
           double   y,
           double   width,
           double   height)
{
  GBytes *data = tr_photo_get_data (photo);
  int orientation = read_orientation (data);
  gboolean turned = orientation >= 5;
  /* TrPhoto's size is the shown one. */
  double shown_width = tr_photo_get_width (photo);
  double shown_height = tr_photo_get_height (photo);
  double stored_width = turned ? shown_height : shown_width;
  double stored_height = turned ? shown_width : shown_height;
  cairo_rectangle_t extents = { 0, 0, stored_width, stored_height };
  cairo_surface_t *picture = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, &extents);
  cairo_matrix_t matrix;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  /* The photo's bytes, shared for as long as cairo needs them. */
  cairo_surface_set_mime_data (picture, CAIRO_MIME_TYPE_JPEG, bytes, size,
                               (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (data));
  /* The same photo on two pages is embedded once. */
  cairo_surface_set_mime_data (picture, CAIRO_MIME_TYPE_UNIQUE_ID,
                               (const unsigned char *) tr_photo_get_id (photo),
                               strlen (tr_photo_get_id (photo)), NULL, NULL);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width / shown_width, height / shown_height);
  orientation_matrix (orientation, stored_width, stored_height, &matrix);
  cairo_transform (cr, &matrix);
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, stored_width, stored_height);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (picture);
}

/* @pixbuf in cairo's premultiplied native-endian ARGB or RGB. GDK has
 * this, but the core does not link GTK. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                         width, height);
  int surface_stride = cairo_image_surface_get_stride (surface);
  guint8 *data = cairo_image_surface_get_data (surface);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  for (int row = 0; row < height; row++)
    {
      const guint8 *in = pixels + row * stride;
      guint32 *out = (guint32 *) (data + row * surface_stride);

      for (int column = 0; column < width; column++, in += channels)
        {
          guint a = alpha ? in[3] : 0xFF;
          guint r = (in[0] * a + 127) / 255;
          guint g = (in[1] * a + 127) / 255;
          guint b = (in[2] * a + 127) / 255;

          out[column] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
draw_decoded (cairo_t *cr,
              TrPhoto *photo,
              double   x,
              double   y,
              double   width,
              double   height)
{
  double device_width = width, device_height = height;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  int pixel_width, pixel_height;

  /* DECODE_PPI in a PDF (its units are points, not pixels); on a raster
   * target as many pixels as it shows, at most that. */
  pixel_width = (int) ceil (width / 72.0 * DECODE_PPI);
  pixel_height = (int) ceil (height / 72.0 * DECODE_PPI);
  if (!is_vector (cr))
    {
      cairo_user_to_device_distance (cr, &device_width, &device_height);
      pixel_width = MIN (pixel_width, (int) ceil (fabs (device_width)));
      pixel_height = MIN (pixel_height, (int) ceil (fabs (device_height)));
    }
  pixbuf = tr_photo_make_thumbnail (photo, MAX (pixel_width, 1), MAX (pixel_height, 1), &error);
  if (pixbuf == NULL)
    {
      g_warning ("Could not draw photo %s: %s", tr_photo_get_id (photo), error->message);
      return;
    }
  surface = surface_from_pixbuf (pixbuf);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width / gdk_pixbuf_get_width (pixbuf), height / gdk_pixbuf_get_height (pixbuf));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

void
tr_pdf_draw_photo (cairo_t *cr,
                   TrPhoto *photo,
                   double   x,
                   double   y,
                   double   width,
                   double   height)
{
  if (width <= 0 || height <= 0)
    return;
  if (is_vector (cr) && g_str_equal (tr_photo_get_mime_type (photo), "image/jpeg"))
    draw_jpeg (cr, photo, x, y, width, height);
  else
    draw_decoded (cr, photo, x, y, width, height);
}
