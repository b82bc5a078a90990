/* tr-pdf-images.cc: the pictures drawn on a PDF's pages, as stored
 *
 * An output device of poppler's core that draws nothing: it is told of
 * each picture with the stream it comes from and where it lands, which is
 * all the appendix's photos need. What pdfimages does, in-process.
 *
 * Poppler's core API is not stable from one release to the next; this
 * file uses the part of it that output devices have used for years, and
 * the few calls renamed since poppler 22.12 (Debian 12) go through the
 * helpers below, checked against each release's headers up to 26.07.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>

#include <glib/gi18n-lib.h>

#include "tr-error.h"
#include "tr-pdf-images.h"
#include "tr-photo.h"
#include "tr-poppler-core.hh"

/* Forms inside forms inside forms: deeper than this is not a layout. */
#define MAX_FORM_DEPTH 4

static void
on_poppler_error (ErrorCategory,
                  Goffset,
                  const char *message)
{
  g_debug ("poppler: %s", message);
}

struct _TrPdfImages {
  /* Poppler's global parameters live while a document (of poppler-glib
   * too) needs them: this one counts. */
  GlobalParamsIniter      params { on_poppler_error };
  GBytes                 *data;
  std::unique_ptr<PDFDoc> document;
};

namespace {

class ImageDevice : public OutputDev
{
public:
  ImageDevice (GArray *found, GBytes *document, double min_points, int min_pixels, bool stored_only)
    : found (found), document (document), min_points (min_points), min_pixels (min_pixels),
      stored_only (stored_only)
  {
  }

  /* With stored_only, whether a picture was left out that needs decoding. */
  bool left_out = false;

  /* From the top-left, as poppler-glib gives the text's layout. */
  bool upsideDown () override { return true; }
  bool useDrawChar () override { return false; }
  bool interpretType3Chars () override { return false; }

  void drawImage (GfxState *state, Object *ref, Stream *str, int width, int height,
                  GfxImageColorMap *color_map, bool interpolate, const int *mask_colors,
                  bool inline_image) override
  {
    /* Inline pictures are a few kilobytes at most: never a photo. Their
     * data is in the content stream, which must be read past. */
    if (inline_image || !take (state, str, width, height, color_map))
      OutputDev::drawImage (state, ref, str, width, height, color_map, interpolate, mask_colors,
                            inline_image);
  }

  void drawMaskedImage (GfxState *state, Object *, Stream *str, int width, int height,
                        GfxImageColorMap *color_map, bool, Stream *, int, int, bool, bool) override
  {
    take (state, str, width, height, color_map);
  }

  void drawSoftMaskedImage (GfxState *state, Object *, Stream *str, int width, int height,
                            GfxImageColorMap *color_map, bool, Stream *, int, int,
                            GfxImageColorMap *, bool) override
  {
    /* A photo with a transparent edge: the photo is what is kept. */
    take (state, str, width, height, color_map);
  }

private:
  GArray *found;
  GBytes *document;  /* the bytes the document was opened from */
  double  min_points;
  int     min_pixels;
  bool    stored_only;

  /* Adds the picture unless it is too small to be a photo; FALSE when
   * it was left unread. */
  bool take (GfxState *state, Stream *str, int width, int height, GfxImageColorMap *color_map)
  {
    TrPdfImage image = {};
    double xs[4], ys[4];
    static const double corners[4][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };

    for (int i = 0; i < 4; i++)
      state->transform (corners[i][0], corners[i][1], &xs[i], &ys[i]);
    image.x1 = *std::min_element (xs, xs + 4);
    image.x2 = *std::max_element (xs, xs + 4);
    image.y1 = *std::min_element (ys, ys + 4);
    image.y2 = *std::max_element (ys, ys + 4);
    image.width = width;
    image.height = height;

    /* A logo, an icon or a rule; a few pixels drawn large. */
    if (image.x2 - image.x1 < min_points || image.y2 - image.y1 < min_points ||
        width < min_pixels || height < min_pixels)
      return false;

    if (is_plain_jpeg (str, color_map))
      image.jpeg = read_stored (str->getNextStream (), document);
    if (image.jpeg == nullptr && stored_only)
      {
        left_out = true;
        return false;
      }
    if (image.jpeg == nullptr && (guint64) width * (guint64) height <= TR_PHOTO_MAX_PIXELS)
      image.surface = read_pixels (str, width, height, color_map);
    g_array_append_val (found, image);
    return true;
  }

  /* A JPEG that shows as it is: 8 bits of grey or RGB, not inverted. */
  static bool is_plain_jpeg (Stream *str, GfxImageColorMap *color_map)
  {
    GfxColorSpace *space;
    int n_comps;

    if (str->getKind () != strDCT || str->getNextStream () == nullptr || color_map == nullptr ||
        color_map->getBits () != 8)
      return false;
    space = color_map->getColorSpace ();
    n_comps = space->getNComps ();
    switch (space->getMode ())
      {
      case csDeviceGray:
      case csDeviceRGB:
      case csCalGray:
      case csCalRGB:
      case csICCBased:
        break;
      default:
        return false;
      }
    if (n_comps != 1 && n_comps != 3)
      return false;
    for (int i = 0; i < n_comps; i++)
      if (color_map->getDecodeLow (i) != 0.0 || color_map->getDecodeHigh (i) != 1.0)
        return false;
    return true;
  }

  /* What the DCT filter would read: the JPEG file. Where those are the
   * document's own bytes, as they are unless it is encrypted, a part of
   * them rather than a copy: the importer, which has the file's bytes
   * too, is then told where they are instead of being sent them. */
  static GBytes *read_stored (Stream *stored, GBytes *document)
  {
    GByteArray *bytes = g_byte_array_new ();
    unsigned char buffer[16384];
    int n;

    if (!tr_poppler_rewind_stream (stored))
      {
        g_byte_array_unref (bytes);
        return nullptr;
      }
    while ((n = stored->doGetChars (sizeof buffer, buffer)) > 0 && bytes->len <= TR_PHOTO_MAX_SIZE)
      g_byte_array_append (bytes, buffer, (guint) n);
    stored->close ();
    if (bytes->len == 0 || bytes->len > TR_PHOTO_MAX_SIZE)
      {
        g_byte_array_unref (bytes);
        return nullptr;
      }
    if (BaseStream *base = stored->getBaseStream (); base == stored)
      {
        gsize size;
        const guint8 *data = (const guint8 *) g_bytes_get_data (document, &size);
        Goffset start = base->getStart ();

        /* The same bytes at that place, whatever poppler made of a
         * broken file: else the copy. */
        if (start >= 0 && (guint64) start <= size && bytes->len <= size - (gsize) start &&
            memcmp (data + start, bytes->data, bytes->len) == 0)
          {
            GBytes *part = g_bytes_new_from_bytes (document, (gsize) start, bytes->len);

            g_byte_array_unref (bytes);
            return part;
          }
      }
    return g_byte_array_free_to_bytes (bytes);
  }

  /* The picture's pixels as RGB; NULL when its data is cut short. */
  static cairo_surface_t *read_pixels (Stream *str, int width, int height, GfxImageColorMap *color_map)
  {
    int n_comps = color_map->getNumPixelComps ();
    int bits = color_map->getBits ();
    gsize row_bytes = ((gsize) width * (gsize) n_comps * (gsize) bits + 7) / 8;
    gsize size = row_bytes * (gsize) height;
    g_autofree unsigned char *data = NULL;
    gsize length = 0;
    int n;
    cairo_surface_t *surface;
    unsigned char *pixels;
    int stride;

    /* Cairo's limit; larger is not a photo the appendix prints. */
    if (width > 32767 || height > 32767 || n_comps < 1 || bits < 1)
      return nullptr;
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
    if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
      {
        cairo_surface_destroy (surface);
        return nullptr;
      }

    /* All of it first: the pixel reader would make up what is missing. */
    data = (unsigned char *) g_try_malloc (size);
    if (data == NULL)
      {
        cairo_surface_destroy (surface);
        return nullptr;
      }
    if (!tr_poppler_rewind_stream (str))
      {
        cairo_surface_destroy (surface);
        return nullptr;
      }
    while (length < size && (n = str->doGetChars ((int) MIN (size - length, (gsize) G_MAXINT), data + length)) > 0)
      length += (gsize) n;
    str->close ();
    if (length < size)
      {
        cairo_surface_destroy (surface);
        return nullptr;
      }

    pixels = cairo_image_surface_get_data (surface);
    stride = cairo_image_surface_get_stride (surface);
    cairo_surface_flush (surface);
    {
      MemStream stored ((const char *) data, 0, (Goffset) size, tr_poppler_null_object ());
      ImageStream image (&stored, width, n_comps, bits);
      bool rgb_lines = color_map->useRGBLine ();

      if (!tr_poppler_rewind_stream (&image))
        {
          cairo_surface_destroy (surface);
          return nullptr;
        }
      for (int y = 0; y < height; y++)
        {
          unsigned char *line = image.getLine ();
          unsigned int *row = (unsigned int *) (pixels + (gsize) y * (gsize) stride);

          if (line == nullptr)
            break;
          if (rgb_lines)
            color_map->getRGBLine (line, row, width);
          else
            for (int x = 0; x < width; x++)
              {
                GfxRGB rgb;

                color_map->getRGB (line + x * n_comps, &rgb);
                row[x] = ((unsigned int) colToByte (rgb.r) << 16) | ((unsigned int) colToByte (rgb.g) << 8) |
                         colToByte (rgb.b);
              }
        }
      image.close ();
    }
    cairo_surface_mark_dirty (surface);
    return surface;
  }
};

/* Whether @resources name a picture, or a form that may draw one. */
bool
has_pictures (Dict *resources, int depth)
{
  Object xobjects;

  if (resources == nullptr || depth > MAX_FORM_DEPTH)
    return false;
  xobjects = resources->lookup ("XObject");
  if (!xobjects.isDict ())
    return false;
  for (int i = 0; i < xobjects.dictGetLength (); i++)
    {
      Object xobject = xobjects.dictGetVal (i);
      Object subtype;

      if (!xobject.isStream ())
        continue;
      subtype = xobject.getStream ()->getDict ()->lookup ("Subtype");
      if (subtype.isName ("Image"))
        return true;
      if (subtype.isName ("Form"))
        {
          Object form_resources = xobject.getStream ()->getDict ()->lookup ("Resources");

          if (form_resources.isDict () && has_pictures (form_resources.getDict (), depth + 1))
            return true;
        }
    }
  return false;
}

void
clear_image (gpointer data)
{
  TrPdfImage *image = (TrPdfImage *) data;

  g_clear_pointer (&image->jpeg, g_bytes_unref);
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

} // namespace

TrPdfImages *
tr_pdf_images_new (GBytes      *data,
                   const char  *password,
                   GError     **error)
{
  std::optional<GooString> given;
  TrPdfImages *self;

  g_return_val_if_fail (data != nullptr, nullptr);

  if (password != nullptr && password[0] != '\0')
    given.emplace (password);
  self = new TrPdfImages ();
  self->data = g_bytes_ref (data);
  self->document = tr_poppler_open_document (data, given);
  if (!self->document->isOk ())
    {
      g_autofree char *code = g_strdup_printf ("%d", self->document->getErrorCode ());

      g_set_error (error, TR_ERROR, TR_ERROR_PDF_DAMAGED, _("the PDF is damaged (%s)"), code);
      tr_pdf_images_free (self);
      return nullptr;
    }
  return self;
}

void
tr_pdf_images_free (TrPdfImages *self)
{
  if (self == nullptr)
    return;
  /* The document reads the bytes until it is gone. */
  self->document.reset ();
  g_bytes_unref (self->data);
  delete self;
}

guint
tr_pdf_images_get_n_pages (TrPdfImages *self)
{
  g_return_val_if_fail (self != nullptr, 0);

  return (guint) MAX (self->document->getNumPages (), 0);
}

static GArray *
read_page (TrPdfImages *self,
           guint        index,
           double       min_points,
           int          min_pixels,
           bool         stored_only,
           bool        *out_left_out)
{
  GArray *found = g_array_new (FALSE, TRUE, sizeof (TrPdfImage));
  Page *page;

  g_array_set_clear_func (found, clear_image);
  *out_left_out = false;
  if (index >= tr_pdf_images_get_n_pages (self))
    return found;
  page = self->document->getPage ((int) index + 1);
  if (page == nullptr || !has_pictures (page->getResourceDict (), 0))
    return found;

  {
    ImageDevice device (found, self->data, min_points, min_pixels, stored_only);

    /* 72 dpi, unrotated, the crop box: poppler-glib's page coordinates. */
    self->document->displayPage (&device, (int) index + 1, 72.0, 72.0, 0, false, true, false);
    *out_left_out = device.left_out;
  }
  return found;
}

GArray *
tr_pdf_images_read_page (TrPdfImages *self,
                         guint        index,
                         double       min_points,
                         int          min_pixels)
{
  bool left_out;

  g_return_val_if_fail (self != nullptr, nullptr);

  return read_page (self, index, min_points, min_pixels, false, &left_out);
}

GArray *
tr_pdf_images_read_page_stored (TrPdfImages *self,
                                guint        index,
                                double       min_points,
                                int          min_pixels,
                                gboolean    *out_complete)
{
  bool left_out;
  GArray *found;

  g_return_val_if_fail (self != nullptr, nullptr);
  g_return_val_if_fail (out_complete != nullptr, nullptr);

  found = read_page (self, index, min_points, min_pixels, true, &left_out);
  *out_complete = !left_out;
  return found;
}
