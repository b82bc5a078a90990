/* tr-traveller.h: one row of the 出國人員 table of the 提要 form
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TR_TRAVELLER_NAME,
  TR_TRAVELLER_AGENCY,
  TR_TRAVELLER_UNIT,
  TR_TRAVELLER_TITLE,
  TR_TRAVELLER_PHONE,
  TR_TRAVELLER_N_FIELDS
} TrTravellerField;

#define TR_TYPE_TRAVELLER (tr_traveller_get_type ())
G_DECLARE_FINAL_TYPE (TrTraveller, tr_traveller, TR, TRAVELLER, GObject)

/* The JSON key and store column of @field ("name", "agency", …). */
const char  *tr_traveller_field_get_key (TrTravellerField field);

TrTraveller *tr_traveller_new           (void);
TrTraveller *tr_traveller_copy          (TrTraveller      *self);
gboolean     tr_traveller_equal         (TrTraveller      *a,
                                         TrTraveller      *b);
gboolean     tr_traveller_is_empty      (TrTraveller      *self);

/* Never NULL: an unset field is "". */
const char  *tr_traveller_get           (TrTraveller      *self,
                                         TrTravellerField  field);
void         tr_traveller_set           (TrTraveller      *self,
                                         TrTravellerField  field,
                                         const char       *value);

G_END_DECLS
