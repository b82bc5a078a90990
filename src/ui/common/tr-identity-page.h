/* tr-identity-page.h: the Preferences page where users say who they are
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-identity.h"

G_BEGIN_DECLS

/* What is typed goes into @identity at once (the window keeps it in its
 * settings). */
#define TR_TYPE_IDENTITY_PAGE (tr_identity_page_get_type ())
G_DECLARE_FINAL_TYPE (TrIdentityPage, tr_identity_page, TR, IDENTITY_PAGE, AdwPreferencesPage)

GtkWidget *tr_identity_page_new (TrIdentity *identity);

G_END_DECLS
