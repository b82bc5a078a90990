/* tr-find-bar-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-find-bar.h"

G_BEGIN_DECLS

GtkEditable *tr_find_bar_get_search_entry  (TrFindBar *self);
GtkEditable *tr_find_bar_get_replace_entry (TrFindBar *self);
/* "3 of 12", or "No Results". */
GtkLabel    *tr_find_bar_get_count_label   (TrFindBar *self);
/* Searches now rather than after the entry's typing delay. */
void         tr_find_bar_update            (TrFindBar *self);

G_END_DECLS
