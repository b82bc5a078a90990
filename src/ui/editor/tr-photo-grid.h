/* tr-photo-grid.h: the photos of a draft's appendix: add (file chooser or
 * drag and drop), caption, reorder and remove
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_TYPE_PHOTO_GRID (tr_photo_grid_get_type ())
G_DECLARE_FINAL_TYPE (TrPhotoGrid, tr_photo_grid, TR, PHOTO_GRID, GtkWidget)

GtkWidget  *tr_photo_grid_new          (void);
/* Edits the photos of @report in place; NULL shows none. */
void        tr_photo_grid_set_report   (TrPhotoGrid *self,
                                        TrReport    *report);
/* Reads, checks and appends image files (GFile), in their order, off the
 * main thread: what the file chooser and a drop do. Files that are not
 * photos, or too large, are reported in the grid and skipped. */
void        tr_photo_grid_add_files    (TrPhotoGrid *self,
                                        GListModel  *files);
/* FALSE: the photos are shown, but none can be added, moved, removed or
 * recaptioned (a report in review or approved). TRUE at first. */
void        tr_photo_grid_set_editable (TrPhotoGrid *self,
                                        gboolean     editable);
gboolean    tr_photo_grid_get_editable (TrPhotoGrid *self);

G_END_DECLS
