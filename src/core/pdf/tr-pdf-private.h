/* tr-pdf-private.h: what the PDF renderer's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "tr-document.h"

G_BEGIN_DECLS

/* A paragraph set with Pango, and where its lines are. */
typedef struct {
  PangoLayout          *layout;
  const TrDocStyleInfo *info;
  /* Drawn heavier, as word processors do: the face has no bold. */
  gboolean              fake_bold;
  /* The layout's left edge from the left of the paragraph's box. */
  double                x_offset;
  guint                 n_lines;
  PangoLayoutLine     **lines;
  /* From the layout's top: each line's top (n_lines + 1 of them, the
   * last one the bottom of the last line), baseline and left edge. */
  double               *tops;
  double               *baselines;
  double               *lefts;
} TrPdfText;

/* Draws @photo's picture into the box at @x, @y of @width × @height. For a
 * PDF, PostScript or SVG target a JPEG goes in as it is, turned as its
 * EXIF orientation says; anything else is decoded at the resolution it is
 * shown at. Nothing is drawn for a picture that cannot be decoded. */
void     tr_pdf_draw_photo   (cairo_t    *cr,
                              TrPhoto    *photo,
                              double      x,
                              double      y,
                              double      width,
                              double      height);

G_END_DECLS
