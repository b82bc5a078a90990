/* tr-photo-row.h: one photo of the appendix: its thumbnail, its caption
 * (editable in place) and the buttons that move or remove it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-photo.h"

G_BEGIN_DECLS

#define TR_TYPE_PHOTO_ROW (tr_photo_row_get_type ())
G_DECLARE_FINAL_TYPE (TrPhotoRow, tr_photo_row, TR, PHOTO_ROW, AdwEntryRow)

/* The row of photo number @position (from 0) of @n_photos; its buttons
 * activate photos.move-earlier, photos.move-later and photos.remove with
 * @position. */
GtkWidget *tr_photo_row_new           (TrPhoto      *photo,
                                       guint         position,
                                       guint         n_photos);
TrPhoto   *tr_photo_row_get_photo     (TrPhotoRow   *self);
/* NULL while the thumbnail is being made. */
void       tr_photo_row_set_thumbnail (TrPhotoRow   *self,
                                       GdkPaintable *thumbnail);

G_END_DECLS
