/* tr-photo-row-private.h: what the UI tests reach into
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-photo-row.h"

G_BEGIN_DECLS

GdkPaintable *tr_photo_row_get_thumbnail (TrPhotoRow *self);

G_END_DECLS
