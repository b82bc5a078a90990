/* tr-odt-exporter.h: a report as an OpenDocument text file, ready to submit
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-comment.h"
#include "tr-report.h"
#include "tr-review.h"

G_BEGIN_DECLS

/* The ODF 1.3 package of @report: cover, 提要 form, 摘要, 目次, body and
 * appendix in the official layout, as the bytes of an .odt file. Errors
 * are in the G_IO_ERROR domain. */
GBytes   *tr_odt_export_to_bytes     (TrReport             *report,
                                      GError              **error);

/* Writes the package to @file through a temporary file in the same folder
 * that is renamed over @file: whatever fails (a full disk, a read-only or
 * missing folder, a target that is not a regular file), an existing file
 * is left as it was. Errors are in the G_IO_ERROR domain, with a message
 * that names the file. Blocks: call it from a worker thread, or use
 * tr_odt_export_async(). */
gboolean  tr_odt_export_to_file      (TrReport             *report,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* The same in a worker thread, on a snapshot of @report taken now: the
 * report can be edited while the file is written. */
void      tr_odt_export_async        (TrReport             *report,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  tr_odt_export_finish       (GAsyncResult         *result,
                                      GError              **error);

/* The same with reviewers' comments (TrComment) on the body: each one not
 * resolved becomes an office:annotation over its passage, found again by
 * its quote when the text moved, which LibreOffice shows as a comment in
 * the margin. @comments may be NULL. */
GBytes   *tr_odt_export_to_bytes_with_comments (TrReport        *report,
                                      GPtrArray            *comments,
                                      GError              **error);
gboolean  tr_odt_export_to_file_with_comments (TrReport         *report,
                                      GPtrArray            *comments,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GError              **error);
/* Finish with tr_odt_export_finish(). */
void      tr_odt_export_with_comments_async (TrReport           *report,
                                      GPtrArray            *comments,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);

/* The ODT for another person to review: the open @comments as
 * annotations, the report without the author's own notes (its import
 * warnings), and @review (may be NULL) in the package with the report's
 * JSON form, so that importing the file back merges the reviewer's
 * comments, edits and decision (tr-review-merge.h). Every export carries
 * the report's ID, revision and JSON form; only this one the review. */
GBytes   *tr_odt_export_for_review_to_bytes (TrReport       *report,
                                      GPtrArray            *comments,
                                      TrReview             *review,
                                      GError              **error);
/* The same off the main thread; finish with tr_odt_export_finish(). */
void      tr_odt_export_for_review_async (TrReport          *report,
                                      GPtrArray            *comments,
                                      TrReview             *review,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  tr_odt_export_for_review_to_file (TrReport        *report,
                                      GPtrArray            *comments,
                                      TrReview             *review,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* A file name for the export: the title, with the characters file systems
 * refuse replaced by their full-width forms ("a/b" → "a／b.odt"). */
char     *tr_odt_export_suggest_name (TrReport             *report);

G_END_DECLS
