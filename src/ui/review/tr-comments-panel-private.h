/* tr-comments-panel-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-comments-panel.h"

G_BEGIN_DECLS

/* For tests: the list of rows. */
GtkListBox *tr_comments_panel_get_list      (TrCommentsPanel *self);

G_END_DECLS
