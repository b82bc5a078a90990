/* tr-window.h: the main window — library beside the open report
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-report-store.h"

G_BEGIN_DECLS

#define TR_TYPE_WINDOW (tr_window_get_type ())
G_DECLARE_FINAL_TYPE (TrWindow, tr_window, TR, WINDOW, AdwApplicationWindow)

/* @store is NULL when it could not be opened; @store_error then says why.
 * @settings may be NULL (no schema installed). */
TrWindow  *tr_window_new              (GtkApplication *application,
                                       TrReportStore  *store,
                                       const GError   *store_error,
                                       GSettings      *settings);

/* Opens the report with @id: a draft in the editor, an imported report to
 * read. FALSE (and a toast) when it cannot be loaded. */
gboolean   tr_window_open_report      (TrWindow       *self,
                                       const char     *id);
/* Shows the report with @id beside the open one, to read and quote. */
gboolean   tr_window_show_reference   (TrWindow       *self,
                                       const char     *id);
/* Exports the open report to @file as ODT, off the main thread, once
 * what was just typed is saved; a toast says how it went. (Ctrl+E asks
 * for the file through the portal, then calls this.) */
void       tr_window_export           (TrWindow       *self,
                                       GFile          *file);
/* The same as the copy another person reviews: with the review form, to
 * be ticked in a word processor or in their Trip Reports, and the review,
 * so that importing it back merges its decision (tr-review-merge.h). */
void       tr_window_export_for_review (TrWindow      *self,
                                       GFile          *file);
/* The same for the open report's filled review form (審核表). */
void       tr_window_export_review_form (TrWindow     *self,
                                       GFile          *file);

typedef enum {
  TR_EXPORT_FORMAT_ODT,
  TR_EXPORT_FORMAT_PDF,
} TrExportFormat;

/* Exports the open report, or its review form, to @file in @format, as
 * tr_window_export() does. A PDF shows its progress in a toast with a
 * Cancel button, and its number of pages becomes the report's 頁數. */
void       tr_window_export_as        (TrWindow       *self,
                                       GFile          *file,
                                       TrExportFormat  format,
                                       gboolean        review_form);

/* Prints the open report, or its review form, into the PDF @file without
 * a dialog, as the print dialog's “Print to File” would: the window's
 * printing, minus the dialog (GTK_PRINT_OPERATION_ACTION_EXPORT). Ctrl+P
 * does the same through the dialog. Finishes with the number of pages. */
void       tr_window_print_to_file_async  (TrWindow            *self,
                                           gboolean             review_form,
                                           GFile               *file,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
guint      tr_window_print_to_file_finish (TrWindow            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Reads @files (GFile: PDFs or folders of PDFs) in the import dialog. */
GtkWindow *tr_window_import           (TrWindow       *self,
                                       GListModel     *files);

G_END_DECLS
