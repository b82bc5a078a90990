/* tr-library-view.h: the library pane — search, filters and the list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-library-model.h"

G_BEGIN_DECLS

#define TR_TYPE_LIBRARY_VIEW (tr_library_view_get_type ())
G_DECLARE_FINAL_TYPE (TrLibraryView, tr_library_view, TR, LIBRARY_VIEW, GtkWidget)

void            tr_library_view_set_model    (TrLibraryView  *self,
                                              TrLibraryModel *model);
/* Rebuilds the year filter from the library (after it changed). */
void            tr_library_view_update_years (TrLibraryView  *self);
void            tr_library_view_focus_search (TrLibraryView  *self);
/* Marks the row of @id (or nothing) as the open report. */
void            tr_library_view_select       (TrLibraryView  *self,
                                              const char     *id);
AdwHeaderBar   *tr_library_view_get_header_bar (TrLibraryView *self);

G_END_DECLS
