/* tr-traveller-list-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-traveller-list.h"

G_BEGIN_DECLS

/* The TrTravellerRow of the @index-th traveller, or NULL. */
GtkWidget *tr_traveller_list_get_row (TrTravellerList *self,
                                      guint            index);

G_END_DECLS
