/* tr-traveller-list.h: the travellers of a report, to add, edit, reorder
 * and remove; for the 提要 form and the import review alike
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_TYPE_TRAVELLER_LIST (tr_traveller_list_get_type ())
G_DECLARE_FINAL_TYPE (TrTravellerList, tr_traveller_list, TR, TRAVELLER_LIST, AdwPreferencesGroup)

GtkWidget *tr_traveller_list_new         (void);
/* Edits the travellers of @report in place (NULL: none); a traveller
 * added here starts with the report's agency. */
void       tr_traveller_list_set_report  (TrTravellerList *self,
                                          TrReport        *report);
/* Opens the first traveller's row at its name, adding a traveller when
 * there is none. */
gboolean   tr_traveller_list_focus_first (TrTravellerList *self);

G_END_DECLS
