/* tr-library-model.h: the reports of the store as a GListModel, filtered
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-report-store.h"

G_BEGIN_DECLS

/* Kind filter values besides the TrReportKind ones. */
#define TR_LIBRARY_ALL_KINDS (-1)
/* Status filter value besides the TrReviewStatus ones. */
#define TR_LIBRARY_ALL_STATUSES (-1)
/* Year filter value that keeps every year. */
#define TR_LIBRARY_ALL_YEARS 0

#define TR_TYPE_LIBRARY_MODEL (tr_library_model_get_type ())
G_DECLARE_FINAL_TYPE (TrLibraryModel, tr_library_model, TR, LIBRARY_MODEL, GObject)

TrLibraryModel *tr_library_model_new        (TrReportStore  *store);

/* Reads the store again (after a save, a delete or an import). */
gboolean        tr_library_model_reload     (TrLibraryModel *self,
                                             GError        **error);
/* The same off the main thread: a library of 10,000 reports takes a tenth
 * of a second to read. The list changes when the reading is done; a newer
 * reload or query makes an older one moot. */
void            tr_library_model_reload_async  (TrLibraryModel      *self,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        tr_library_model_reload_finish (TrLibraryModel      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* FALSE until the library was read once. */
gboolean        tr_library_model_is_loaded  (TrLibraryModel *self);

/* "" lists everything, newest change first; otherwise search hits, best first. */
void            tr_library_model_set_query  (TrLibraryModel *self,
                                             const char     *query);
const char     *tr_library_model_get_query  (TrLibraryModel *self);
void            tr_library_model_set_kind   (TrLibraryModel *self,
                                             int             kind);
/* A TrReviewStatus, or TR_LIBRARY_ALL_STATUSES. */
void            tr_library_model_set_status (TrLibraryModel *self,
                                             int             status);
/* A Gregorian year of the trip (of its modification when undated), or 0. */
void            tr_library_model_set_year   (TrLibraryModel *self,
                                             guint           year);
/* The years present in the whole library, newest first. */
GArray         *tr_library_model_get_years  (TrLibraryModel *self);
/* Reports in the library, whatever the filters. */
guint           tr_library_model_get_total  (TrLibraryModel *self);
/* The position of the report with @id in the filtered list, or G_MAXUINT. */
guint           tr_library_model_find       (TrLibraryModel *self,
                                             const char     *id);

G_END_DECLS
