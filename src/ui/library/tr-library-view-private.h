/* tr-library-view-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-library-view.h"

G_BEGIN_DECLS

TrLibraryModel *tr_library_view_get_model    (TrLibraryView  *self);
GtkSearchEntry *tr_library_view_get_search_entry (TrLibraryView *self);
GtkListView    *tr_library_view_get_list_view (TrLibraryView *self);
/* Picks a TrReviewStatus (or TR_LIBRARY_ALL_STATUSES) in the status filter. */
void            tr_library_view_set_status_filter (TrLibraryView *self,
                                              int            status);

G_END_DECLS
