/* tr-pdf-layout.h: a document laid out on A4 pages, ready to draw
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "tr-document.h"
#include "tr-export-file.h"
#include "tr-report.h"
#include "tr-review.h"

G_BEGIN_DECLS

#define TR_TYPE_PDF_LAYOUT (tr_pdf_layout_get_type ())
G_DECLARE_FINAL_TYPE (TrPdfLayout, tr_pdf_layout, TR, PDF_LAYOUT, GObject)

/* Lays @document (taken) out on pages with Pango, in its Traditional
 * Chinese face: the body justified, no 、。，」 at the start of a line,
 * headings kept with their text, tables split between rows with their
 * header rows repeated, photos two to a row. The 目次 gets the pages
 * its headings fall on, and the 提要's 頁數 the number of pages.
 * @progress (or NULL) is called in this thread as the work goes on.
 * Fails only when cancelled. Blocks: call it in a worker thread, or use
 * tr_pdf_layout_new_for_report_async(). */
TrPdfLayout *tr_pdf_layout_new                 (TrDocument           *document,
                                                TrExportProgressFunc  progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GError              **error);

/* The report (and its review form) laid out in a worker thread, on a
 * snapshot taken now: what a print dialog needs before its first page.
 * @progress is called in the thread-default main context of the caller,
 * which must keep @progress_data alive until @callback has run. */
void         tr_pdf_layout_new_for_report_async (TrReport            *report,
                                                 TrExportProgressFunc progress,
                                                 gpointer             progress_data,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
void         tr_pdf_layout_new_for_review_form_async (TrReport            *report,
                                                      TrReview            *review,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
/* Finishes either. */
TrPdfLayout *tr_pdf_layout_new_finish          (GAsyncResult         *result,
                                                GError              **error);

TrDocument  *tr_pdf_layout_get_document        (TrPdfLayout          *self);
guint        tr_pdf_layout_get_n_pages         (TrPdfLayout          *self);
/* A4 in points: 595.3 × 841.9. */
void         tr_pdf_layout_get_page_size       (TrPdfLayout          *self,
                                                double               *width,
                                                double               *height);
/* The page (from 0) a heading of the document falls on, and how far
 * from the top of the page, in points. */
guint        tr_pdf_layout_get_heading_page    (TrPdfLayout          *self,
                                                guint                 heading,
                                                double               *y);

/* Draws page @page (from 0) on @cr, a target @width × @height in its user
 * units (a GtkPrintContext's, a PDF page's), scaled to fit and centred;
 * the state of @cr is restored afterwards. For a PDF or PostScript
 * target, JPEG photos go in as they are (DCT); for others they are
 * decoded at the resolution they are shown at. The text is real text:
 * links of the 目次 work in a PDF. Use a layout from one thread at a
 * time. */
void         tr_pdf_layout_draw_page           (TrPdfLayout          *self,
                                                cairo_t              *cr,
                                                guint                 page,
                                                double                width,
                                                double                height);

G_END_DECLS
