/* tr-pdf-text.h: a page's text as poppler-glib gives it, read once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TrPdfText TrPdfText;

/* A character's box, from the top-left of the page, in points. */
typedef struct {
  double x1, y1, x2, y2;
} TrPdfRect;

/* Characters [start, end] (the last one included) of a page's text set
 * alike, as in a PopplerTextAttributes. */
typedef struct {
  int      start;
  int      end;
  char    *font_name;    /* without a subset's prefix; "Default" when it has none */
  double   font_size;
  gboolean underlined;
  guint16  red, green, blue;
} TrPdfTextRun;

/* What poppler_page_get_size(), poppler_page_get_text(),
 * poppler_page_get_text_layout() and poppler_page_get_text_attributes()
 * give of one page, equal to theirs. */
typedef struct {
  double     width;
  double     height;
  char      *text;       /* NULL when poppler has no page there */
  TrPdfRect *rects;      /* a box per character of text, as poppler gives them */
  guint      n_rects;
  GArray    *runs;       /* of TrPdfTextRun, in order */
} TrPdfPageText;

TrPdfText *tr_pdf_text_new          (GBytes        *data,
                                     const char    *password,
                                     GError       **error);
void       tr_pdf_text_free         (TrPdfText     *self);
guint      tr_pdf_text_get_n_pages  (TrPdfText     *self);
void       tr_pdf_text_read_page    (TrPdfText     *self,
                                     guint          index,
                                     TrPdfPageText *page);
void       tr_pdf_page_text_clear   (TrPdfPageText *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrPdfText, tr_pdf_text_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrPdfPageText, tr_pdf_page_text_clear)

G_END_DECLS
