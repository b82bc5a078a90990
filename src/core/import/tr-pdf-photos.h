/* tr-pdf-photos.h: the photos of an old report's appendix, from its PDF
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-photo.h"

G_BEGIN_DECLS

/* At most this many photos are taken from one report. */
#define TR_PDF_MAX_PHOTOS 100

/* The pictures on pages @first_page and after (the appendix), in reading
 * order, as photos: a JPEG as the PDF stores it, any other as PNG, none
 * of them decoded to be checked (the importer does that); each caption is
 * the line of @lines (TrLayoutLine, as tr_pdf_read_lines() gave them)
 * right under its picture, without its 「照片 1：」. Logos, rules and other small pictures are left out. An empty
 * array when there are none. @out_caption_lines (may be NULL) gets the
 * indices in @lines (guint), in order, of the lines that became captions
 * whole: a line under a row of pictures once each of them took its piece. A
 * picture the size of a photo that poppler cannot give (a damaged or
 * unsupported image) is left out with a warning, naming its page, added
 * to @warnings (strings; may be NULL). */
GPtrArray *tr_pdf_read_photos (GBytes      *data,
                               const char  *password,
                               guint        first_page,
                               GPtrArray   *lines,
                               GArray     **out_caption_lines,
                               GPtrArray   *warnings,
                               GError     **error);

/* The same, with @out_pages (may be NULL): the page of each photo (guint,
 * from 0). */
GPtrArray *tr_pdf_read_photos_full (GBytes      *data,
                                    const char  *password,
                                    guint        first_page,
                                    GPtrArray   *lines,
                                    GArray     **out_caption_lines,
                                    GArray     **out_pages,
                                    GPtrArray   *warnings,
                                    GError     **error);

/* Reads the pictures of the last pages, from the end back, on a thread
 * of its own, until it is stopped or has found as many as a report takes:
 * started once the text is read, it uses the processor left free while
 * the text is parsed, which tells where the appendix starts. */
typedef struct _TrPdfPhotoPrefetch TrPdfPhotoPrefetch;

TrPdfPhotoPrefetch *tr_pdf_photo_prefetch_start  (GBytes              *data,
                                                  const char          *password);
/* Stops the reading ahead and gives what tr_pdf_read_photos_full() would
 * give, reading the pages it had not reached. */
GPtrArray          *tr_pdf_photo_prefetch_finish (TrPdfPhotoPrefetch  *prefetch,
                                                  guint                first_page,
                                                  GPtrArray           *lines,
                                                  GArray             **out_caption_lines,
                                                  GArray             **out_pages,
                                                  GPtrArray           *warnings,
                                                  GError             **error);
void                tr_pdf_photo_prefetch_free   (TrPdfPhotoPrefetch  *prefetch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrPdfPhotoPrefetch, tr_pdf_photo_prefetch_free)

/* Loads from disk what making photos needs (cairo's PNG writer), for a
 * process that will not be able to open files. */
void       tr_pdf_photos_load_decoders (void);

/* 「照片 1：開幕式」 → 「開幕式」; NULL when @line has no such number. */
char      *tr_pdf_strip_photo_number (const char *line);

G_END_DECLS
