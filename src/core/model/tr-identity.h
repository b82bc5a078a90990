/* tr-identity.h: who uses the app — the name, title, unit and phone
 * written into the user's own drafts, comments and review forms
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tr-report.h"
#include "tr-review.h"

G_BEGIN_DECLS

#define TR_TYPE_IDENTITY (tr_identity_get_type ())
G_DECLARE_FINAL_TYPE (TrIdentity, tr_identity, TR, IDENTITY, GObject)

TrIdentity *tr_identity_new            (void);

/* Never NULL: an unset one is "". Each is a property of that name. */
const char *tr_identity_get_name       (TrIdentity *self);
void        tr_identity_set_name       (TrIdentity *self,
                                        const char *name);
const char *tr_identity_get_title      (TrIdentity *self);
void        tr_identity_set_title      (TrIdentity *self,
                                        const char *title);
const char *tr_identity_get_unit       (TrIdentity *self);
void        tr_identity_set_unit       (TrIdentity *self,
                                        const char *unit);
const char *tr_identity_get_phone      (TrIdentity *self);
void        tr_identity_set_phone      (TrIdentity *self,
                                        const char *phone);

/* TRUE when nothing is set. */
gboolean    tr_identity_is_empty       (TrIdentity *self);

/* The name to sign a comment with: the name set, else @fallback. */
const char *tr_identity_get_author     (TrIdentity *self,
                                        const char *fallback);

/* Fills what is still empty of a new draft's 提要: 聯絡人 and 電話, and a
 * first 出國人員 row (added when there is none) with the name, unit,
 * title and phone. What is already there stays. */
void        tr_identity_fill_report    (TrIdentity *self,
                                        TrReport   *report);
/* Writes the name into the 出國人 signature of @review when it is empty. */
void        tr_identity_fill_review    (TrIdentity *self,
                                        TrReview   *review);

G_END_DECLS
