/* tr-photo.h: one photo of a report's appendix (照片 1：…), with its caption
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest photo a report accepts, in bytes: a phone's full-size JPEG
 * fits, a raw scan does not. */
#define TR_PHOTO_MAX_SIZE (20 * 1000 * 1000)
/* The most pixels a photo may have: twice a phone's largest. A PNG is
 * decoded whole to be checked, at 4 bytes a pixel. */
#define TR_PHOTO_MAX_PIXELS (100 * 1000 * 1000)

#define TR_TYPE_PHOTO (tr_photo_get_type ())
G_DECLARE_FINAL_TYPE (TrPhoto, tr_photo, TR, PHOTO, GObject)

/* TRUE for the MIME types a photo may have (JPEG, PNG, WebP). */
gboolean     tr_photo_mime_type_is_supported (const char *mime_type);

/* Fails, saying both sizes, when a file of @size bytes is over the limit:
 * lets a caller refuse a file before reading it. */
gboolean     tr_photo_check_size      (guint64      size,
                                       const char  *display_name,
                                       GError     **error);
/* Checks @data (size limit, a JPEG/PNG/WebP image of at most
 * TR_PHOTO_MAX_PIXELS, whole, that decodes) and reads its type and size;
 * the pixel count is checked before any pixel is decoded. Decodes the
 * image small (a JPEG of one scan only as far as its first rows, its
 * structure followed to the end): call it off the main thread.
 * @display_name names the file in errors; may be NULL. */
TrPhoto     *tr_photo_new_from_bytes  (GBytes      *data,
                                       const char  *display_name,
                                       GError     **error);
/* A photo as stored, trusted: used by the store. @id is the stable ID that
 * lets the store tell a photo it already holds from a new one. */
TrPhoto     *tr_photo_new_full        (const char  *id,
                                       GBytes      *data,
                                       const char  *mime_type,
                                       guint        width,
                                       guint        height,
                                       const char  *caption);
/* Shares the bytes. */
TrPhoto     *tr_photo_copy            (TrPhoto     *self);
/* Same ID, bytes, type, size and caption. */
gboolean     tr_photo_equal           (TrPhoto     *a,
                                       TrPhoto     *b);

const char  *tr_photo_get_id          (TrPhoto     *self);
GBytes      *tr_photo_get_data        (TrPhoto     *self);
const char  *tr_photo_get_mime_type   (TrPhoto     *self);
/* "jpg", "png" or "webp". */
const char  *tr_photo_get_extension   (TrPhoto     *self);
/* Pixels, as the photo is shown (after its EXIF orientation). */
guint        tr_photo_get_width       (TrPhoto     *self);
guint        tr_photo_get_height      (TrPhoto     *self);
/* Never NULL: no caption is "". */
const char  *tr_photo_get_caption     (TrPhoto     *self);
void         tr_photo_set_caption     (TrPhoto     *self,
                                       const char  *caption);

/* The photo decoded to fit @max_width × @max_height (never enlarged), turned
 * as its EXIF orientation says. Decodes: call it off the main thread, or
 * use the _async() form, which runs it in a worker thread. */
GdkPixbuf   *tr_photo_make_thumbnail  (TrPhoto      *self,
                                       int           max_width,
                                       int           max_height,
                                       GError      **error);
void         tr_photo_make_thumbnail_async  (TrPhoto             *self,
                                             int                  max_width,
                                             int                  max_height,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GdkPixbuf   *tr_photo_make_thumbnail_finish (TrPhoto             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
