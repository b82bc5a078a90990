/* tr-pdf-images.h: the pictures drawn on a PDF's pages, as stored
 *
 * Poppler's core reads each picture of a page where it is drawn, in one
 * pass over the page: a JPEG (DCTDecode) as its own bytes, untouched;
 * any other picture decoded to its pixels. Poppler-glib has no way to
 * give the stored bytes, and renders the page again for each picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _TrPdfImages TrPdfImages;

typedef struct {
  double           x1, y1, x2, y2;  /* from the top-left of the page, in points */
  int              width, height;   /* in pixels */
  GBytes          *jpeg;            /* the stored JPEG, when it can be taken as is: a part
                                     * of the document's bytes when they hold it as it is */
  cairo_surface_t *surface;         /* else its pixels (RGB24); NULL: unreadable */
} TrPdfImage;

/* Opens @data, a PDF that poppler-glib has opened with @password. */
TrPdfImages *tr_pdf_images_new       (GBytes       *data,
                                      const char   *password,
                                      GError      **error);
void         tr_pdf_images_free      (TrPdfImages  *self);
guint        tr_pdf_images_get_n_pages (TrPdfImages *self);

/* The pictures of page @index (from 0), in the order they are drawn, of
 * those at least @min_points wide and high on the page and @min_pixels
 * wide and high: an array of TrPdfImage, which frees them. A page whose
 * resources name no picture is not read at all. */
GArray      *tr_pdf_images_read_page (TrPdfImages  *self,
                                      guint         index,
                                      double        min_points,
                                      int           min_pixels);

/* The same, but only the pictures taken as stored (JPEGs): nothing is
 * decoded. @out_complete is FALSE when a picture was left out that would
 * have been (the page is then to be read with tr_pdf_images_read_page()). */
GArray      *tr_pdf_images_read_page_stored (TrPdfImages *self,
                                             guint        index,
                                             double       min_points,
                                             int          min_pixels,
                                             gboolean    *out_complete);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrPdfImages, tr_pdf_images_free)

G_END_DECLS
