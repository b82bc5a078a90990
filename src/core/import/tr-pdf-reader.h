/* tr-pdf-reader.h: the laid-out text of a PDF, through poppler-glib
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-layout-line.h"

G_BEGIN_DECLS

/* Beyond this the file is refused (TR_ERROR_PDF_TOO_LARGE), not read. */
#define TR_PDF_MAX_PAGES 2000

/* How many threads a read may use, at most (all the processors unless
 * set). A serving worker of a batch, one of as many as there are
 * processors, reads with one: a second would open the document and parse
 * its fonts again only to share a processor already busy. */
void tr_pdf_reader_set_max_threads (guint max_threads);

/* Called after each page; return FALSE to stop (the read then fails with
 * G_IO_ERROR_CANCELLED). */
typedef gboolean (*TrPdfProgressFunc) (guint    page,
                                       guint    n_pages,
                                       gpointer user_data);

/* Reads every page's text as TrLayoutLine, in reading order, using
 * poppler_page_get_text, get_text_layout and get_text_attributes. Poppler's
 * errors come back in the TR_ERROR domain (not a PDF, damaged, encrypted,
 * wrong password, empty, no text layer). Runs in the calling thread and is
 * meant for the import worker process, which poppler may crash. */
GPtrArray *tr_pdf_read_lines (GBytes             *data,
                              const char         *password,
                              guint              *out_n_pages,
                              TrPdfProgressFunc   progress,
                              gpointer            user_data,
                              GError            **error);

/* The same, and in @out_scanned_pages (0-based, in order; may be NULL)
 * the pages that hold a picture and no text: scanned pages, whose text
 * is not read. */
GPtrArray *tr_pdf_read_lines_full (GBytes             *data,
                                   const char         *password,
                                   guint              *out_n_pages,
                                   GArray            **out_scanned_pages,
                                   TrPdfProgressFunc   progress,
                                   gpointer            user_data,
                                   GError            **error);

G_END_DECLS
