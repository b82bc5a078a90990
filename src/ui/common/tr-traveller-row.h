/* tr-traveller-row.h: one traveller, editable in place (a row of TrTravellerList)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-traveller.h"

G_BEGIN_DECLS

#define TR_TYPE_TRAVELLER_ROW (tr_traveller_row_get_type ())
G_DECLARE_FINAL_TYPE (TrTravellerRow, tr_traveller_row, TR, TRAVELLER_ROW, AdwExpanderRow)

GtkWidget   *tr_traveller_row_new           (TrTraveller    *traveller);
TrTraveller *tr_traveller_row_get_traveller (TrTravellerRow *self);
/* The entry row of @field. */
GtkWidget   *tr_traveller_row_get_entry     (TrTravellerRow   *self,
                                             TrTravellerField  field);

G_END_DECLS
