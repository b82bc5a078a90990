/* tr-photo-grid-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-photo-grid.h"

G_BEGIN_DECLS

/* TRUE while files are being read. */
gboolean    tr_photo_grid_is_busy      (TrPhotoGrid *self);
/* What went wrong with the last files added, or NULL. */
const char *tr_photo_grid_get_error    (TrPhotoGrid *self);
/* The row of the photo at @position (a TrPhotoRow), or NULL. */
GtkWidget  *tr_photo_grid_get_row      (TrPhotoGrid *self,
                                        guint        position);

G_END_DECLS
