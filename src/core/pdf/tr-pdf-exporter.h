/* tr-pdf-exporter.h: a report, or its review form, as a PDF file
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-document.h"
#include "tr-export-file.h"
#include "tr-report.h"
#include "tr-review.h"

G_BEGIN_DECLS

/* The report in the official layout of its ODT export (cover, 提要,
 * 摘要, 目次 with its pages, the body, the appendix's photos), laid out
 * with Pango in its Traditional Chinese face and written with cairo:
 * the faces embedded as subsets, the headings as bookmarks, the title,
 * author and keywords as metadata, the text extractable in reading
 * order. The 提要's 頁數 is the number of pages, given back in
 * @out_n_pages (may be NULL) for the report to keep.
 *
 * @file is written as tr_export_file_write() writes: an existing file is
 * replaced whole or left as it was. Errors are in the G_IO_ERROR domain.
 * Blocks: call it from a worker thread, or use tr_pdf_export_async(). */
gboolean  tr_pdf_export_to_file        (TrReport             *report,
                                        GFile                *file,
                                        guint                *out_n_pages,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* The same in a worker thread, on a snapshot of @report taken now.
 * @progress (or NULL) says how far it is, from 0 to 1, in the
 * thread-default main context of the caller, which must keep
 * @progress_data alive until @callback has run. Cancelling
 * @cancellable stops it within a page and leaves @file as it was. */
void      tr_pdf_export_async          (TrReport             *report,
                                        GFile                *file,
                                        TrExportProgressFunc  progress,
                                        gpointer              progress_data,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  tr_pdf_export_finish         (GAsyncResult         *result,
                                        guint                *out_n_pages,
                                        GError              **error);

/* The number of pages tr_pdf_export_to_file() would write for @report,
 * laid out without drawing: the 頁數 an export in another format
 * shows, so that every format gives the same. 0 only when cancelled,
 * with @error set. Blocks, as laying out a long report takes a moment. */
guint     tr_pdf_count_pages           (TrReport             *report,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* 附件二, the review form, filled from @report and @review, on one page. */
gboolean  tr_pdf_review_form_to_file   (TrReport             *report,
                                        TrReview             *review,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void      tr_pdf_review_form_export_async  (TrReport            *report,
                                            TrReview            *review,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  tr_pdf_review_form_export_finish (GAsyncResult        *result,
                                            GError             **error);

/* Any laid-out document, @document taken: for documents made otherwise
 * than from a report. */
gboolean  tr_pdf_export_document       (TrDocument           *document,
                                        GFile                *file,
                                        guint                *out_n_pages,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* "<title>.pdf" and "<title>-審核表.pdf", made safe as
 * tr_odt_export_suggest_name() does. */
char     *tr_pdf_export_suggest_name       (TrReport            *report);
char     *tr_pdf_review_form_suggest_name  (TrReport            *report);

G_END_DECLS
