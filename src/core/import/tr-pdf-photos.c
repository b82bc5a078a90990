/* tr-pdf-photos.c
 *
 * Old reports end with photos and a caption line under each. Poppler gives
 * each picture of a page with where it is drawn; the caption is the text
 * line just below it that overlaps it. Where two photos share a row, one
 * visual line carries both captions, apart (a tab between them, as the
 * reader joins a row's pieces, or a space before the second's number):
 * they go to the photos left to right. A caption that wraps goes on in the
 * lines under it that stay within its first line's span.
 *
 * A photo stored as a JPEG is taken as it is (tr-pdf-images.h); any other
 * picture comes as pixels, saved as PNG (lossless; cairo has no JPEG
 * writer), a very large one scaled down first: the appendix prints photos
 * a few centimetres wide. Pages are shared out among threads, each with a
 * document of its own, as the text's are (tr-pdf-reader.c); the worker
 * has the last pages read while it parses the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tr-layout-line.h"
#include "tr-parser-text.h"
#include "tr-pdf-images.h"
#include "tr-pdf-photos.h"
#include "tr-warning.h"

/* Smaller than this on the page (points) is a logo, an icon or a rule. */
#define MIN_PHOTO_POINTS 72.0
/* Fewer pixels than this is a decoration, not a photo. */
#define MIN_PHOTO_PIXELS 48
/* The longest side kept, in pixels: 20 cm at 300 dpi. */
#define MAX_PHOTO_PIXELS 2400
/* How far under a picture its caption may start, in points. */
#define MAX_CAPTION_GAP 36.0
/* … and how far above its bottom, in font sizes: a glyph's box reaches
 * above the letters, into the picture (Chromium's captions). */
#define CAPTION_OVERLAP_EMS 0.5
/* How far a caption's next line may stray out of its span, in points. */
#define SPAN_TOLERANCE 2.0
/* Pages of the appendix a thread is worth, and the most threads. */
#define PAGES_PER_THREAD 4
#define MAX_THREADS 4

typedef struct {
  double   x1, y1, x2, y2;  /* from the top-left of the page, in points */
  TrPhoto *photo;
  int      caption_line;    /* index in the lines, or -1 */
} Found;

static void
found_clear (gpointer data)
{
  Found *found = data;

  g_clear_object (&found->photo);
}

char *
tr_pdf_strip_photo_number (const char *line)
{
  static gsize once = 0;
  GRegex *number;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&once))
    g_once_init_leave (&once,
                       (gsize) g_regex_new ("^\\s*(?:照片|相片|圖片|圖|photo|fig\\.?|figure)\\s*"
                                            "[0-9０-９一二三四五六七八九十百]+\\s*[：:、.．-]?\\s*",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  number = (GRegex *) once;
  if (!g_regex_match (number, line, 0, &match))
    return NULL;
  {
    int end;

    g_match_info_fetch_pos (match, 0, NULL, &end);
    return g_strstrip (g_strdup (line + end));
  }
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @surface as PNG bytes, scaled down when it is very large. */
static GBytes *
surface_to_png (cairo_surface_t *surface)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *scaled = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  cairo_status_t status;

  if (MAX (width, height) > MAX_PHOTO_PIXELS)
    {
      double scale = (double) MAX_PHOTO_PIXELS / MAX (width, height);
      cairo_t *cr;

      scaled = cairo_image_surface_create (cairo_image_surface_get_format (surface),
                                           MAX ((int) (width * scale), 1),
                                           MAX ((int) (height * scale), 1));
      cr = cairo_create (scaled);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_destroy (cr);
      surface = scaled;
    }

  status = cairo_surface_write_to_png_stream (surface, append_to_array, png);
  if (scaled != NULL)
    cairo_surface_destroy (scaled);
  if (status != CAIRO_STATUS_SUCCESS)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

void
tr_pdf_photos_load_decoders (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MIN_PHOTO_PIXELS,
                                                         MIN_PHOTO_PIXELS);
  g_autoptr(GBytes) png = surface_to_png (surface);

  /* What reading a photo of a PDF does, once: photos are no longer
   * decoded here (the importer checks them). */
  cairo_surface_destroy (surface);
}

/* A picture big enough to be a photo that poppler could not give us. */
static void
warn_unreadable (GPtrArray *warnings,
                 guint      page_index)
{
  g_autofree char *page = g_strdup_printf ("%u", page_index + 1);

  if (warnings != NULL)
    g_ptr_array_add (warnings, tr_warning_new (TR_WARNING_PICTURE_UNREADABLE, page, NULL));
}

/* The photo of @image, or NULL when it cannot be read. Nothing is
 * decoded here: a JPEG is taken with the size the PDF gives it, and the
 * importer checks every photo once, as it checks any it is given. */
static TrPhoto *
photo_from_image (const TrPdfImage *image)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GBytes) png = NULL;

  if (image->jpeg != NULL)
    return tr_photo_new_full (id, image->jpeg, "image/jpeg", (guint) image->width, (guint) image->height, NULL);
  if (image->surface != NULL && (png = surface_to_png (image->surface)) != NULL)
    {
      int width = cairo_image_surface_get_width (image->surface);
      int height = cairo_image_surface_get_height (image->surface);
      double scale = MAX (width, height) > MAX_PHOTO_PIXELS ? (double) MAX_PHOTO_PIXELS / MAX (width, height) : 1.0;

      return tr_photo_new_full (id, png, "image/png", (guint) MAX ((int) (width * scale), 1),
                                (guint) MAX ((int) (height * scale), 1), NULL);
    }
  return NULL;
}

/* The photos of a page, and how many pictures the size of a photo on it
 * could not be read. */
typedef struct {
  GArray *found;
  guint   n_unreadable;
} PagePhotos;

/* Pages are shared out among threads, each with a document of its own. */
typedef struct {
  GBytes     *data;
  const char *password;
  guint       first_page;
  guint       end_page;     /* the first page not to read */
  PagePhotos *pages;        /* of every page of the document */
  gint        next_page;    /* atomic: the next page nobody has taken */
  gint        n_found;      /* atomic: photos so far */
} SharedPhotos;

/* The pictures of the last pages, read from the end back on a thread of
 * their own while the text is parsed (a core is free then): the appendix
 * is at the end. */
struct _TrPdfPhotoPrefetch {
  GBytes      *data;
  char        *password;
  GThread     *thread;
  gint         stop;         /* atomic: the parse is done */
  /* Set by the thread, read once it is joined: */
  TrPdfImages *images;
  GError      *error;
  guint        n_pages;
  PagePhotos  *pages;        /* of every page; read from first_read on */
  guint        first_read;
};

/* Fills @out with the photos of a page; with @stored_only, FALSE (and
 * @out left empty) when a picture of it would have to be decoded. */
static gboolean
read_page_photos_full (TrPdfImages *images,
                       guint        page_index,
                       gboolean     stored_only,
                       PagePhotos  *out)
{
  g_autoptr(GArray) pictures = NULL;
  gboolean complete = TRUE;

  if (stored_only)
    pictures = tr_pdf_images_read_page_stored (images, page_index, MIN_PHOTO_POINTS, MIN_PHOTO_PIXELS, &complete);
  else
    pictures = tr_pdf_images_read_page (images, page_index, MIN_PHOTO_POINTS, MIN_PHOTO_PIXELS);
  if (!complete)
    return FALSE;

  out->found = g_array_new (FALSE, TRUE, sizeof (Found));
  g_array_set_clear_func (out->found, found_clear);
  for (guint i = 0; i < pictures->len; i++)
    {
      const TrPdfImage *image = &g_array_index (pictures, TrPdfImage, i);
      Found item = { 0 };

      item.photo = photo_from_image (image);
      if (item.photo == NULL)
        {
          out->n_unreadable++;
          continue;
        }
      item.x1 = image->x1;
      item.x2 = image->x2;
      item.y1 = image->y1;
      item.y2 = image->y2;
      item.caption_line = -1;
      g_array_append_val (out->found, item);
    }
  return TRUE;
}

static void
read_page_photos (TrPdfImages *images,
                  guint        page_index,
                  PagePhotos  *out)
{
  read_page_photos_full (images, page_index, FALSE, out);
}

static gpointer
read_photos_thread (gpointer user_data)
{
  SharedPhotos *shared = user_data;
  /* The password was right for the text: it is for this. */
  g_autoptr(TrPdfImages) images = tr_pdf_images_new (shared->data, shared->password, NULL);

  while (images != NULL && g_atomic_int_get (&shared->n_found) < TR_PDF_MAX_PHOTOS)
    {
      guint page = shared->first_page + (guint) g_atomic_int_add (&shared->next_page, 1);
      PagePhotos *out;

      if (page >= shared->end_page)
        break;
      out = &shared->pages[page];
      read_page_photos (images, page, out);
      g_atomic_int_add (&shared->n_found, (gint) out->found->len);
    }
  return NULL;
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *fa = a, *fb = b;

  /* Rows first (a picture starting above the other's middle is in the
   * same row or an earlier one), then left to right. */
  if (fa->y2 <= fb->y1)
    return -1;
  if (fb->y2 <= fa->y1)
    return 1;
  return fa->x1 < fb->x1 ? -1 : fa->x1 > fb->x1;
}

/* The line right under @item that overlaps it, or -1. */
static int
find_caption (const Found *item,
              guint        page,
              GPtrArray   *lines)
{
  int best = -1;
  double best_gap = MAX_CAPTION_GAP;

  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);
      double gap = line->y - item->y2;

      if (line->page != page || gap < -CAPTION_OVERLAP_EMS * line->font_size || gap >= best_gap)
        continue;
      if (line->x >= item->x2 || line->x + line->width <= item->x1)
        continue;
      best = (int) i;
      best_gap = gap;
    }
  return best;
}

/* @line's pieces: the tab-separated ones, or, when those are fewer than
 * the @n_photos sharing the line, the pieces that start with a photo's
 * number (two captions set close, a space apart). */
static GStrv
split_pieces (const TrLayoutLine *line,
              guint               n_photos,
              gboolean           *out_by_number)
{
  static gsize once = 0;
  GStrv pieces = g_strsplit (line->text, "\t", -1);
  GStrv numbered;

  *out_by_number = FALSE;
  if (n_photos < 2 || g_strv_length (pieces) == n_photos)
    return pieces;
  if (g_once_init_enter (&once))
    g_once_init_leave (&once,
                       (gsize) g_regex_new ("\\s+(?=(?:照片|相片|圖片|圖|photo|fig\\.?|figure)\\s*"
                                            "[0-9０-９一二三四五六七八九十百]+\\s*[：:、.．-])",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  numbered = g_regex_split ((GRegex *) once, line->text, 0);
  if (g_strv_length (numbered) != n_photos)
    {
      g_strfreev (numbered);
      return pieces;
    }
  g_strfreev (pieces);
  *out_by_number = TRUE;
  return numbered;
}

/* Where piece @index of @n_pieces of @line lies across the page, when the
 * reader tells where the pieces start; else the whole line. The last
 * piece of several reaches the page's edge: its caption's next line may
 * be longer. */
static void
piece_span (const TrLayoutLine *line,
            guint               index,
            guint               n_pieces,
            double             *out_left,
            double             *out_right)
{
  *out_left = line->x;
  *out_right = line->x + line->width;
  if (line->cell_x == NULL || line->n_cells != n_pieces)
    return;
  *out_left = line->cell_x[index];
  if (index + 1 < n_pieces)
    *out_right = line->cell_x[index + 1];
  else
    *out_right = MAX (*out_right, line->page_width);
}

/* Appends to @caption the next lines of @item's caption: those under its
 * last one, a line apart, set like it, within @left…@right, before the
 * next picture or caption. Marks in @used the pieces taken of each line
 * (a bit each), which no other caption takes again. */
static void
append_wrapped_lines (GArray     *found,
                      guint       first,
                      const Found *item,
                      guint       page,
                      GPtrArray  *lines,
                      double      left,
                      double      right,
                      GString    *caption,
                      GHashTable *used)
{
  const TrLayoutLine *last = g_ptr_array_index (lines, item->caption_line);
  const TrLayoutLine *first_line = last;

  for (;;)
    {
      const TrLayoutLine *next = NULL;
      guint next_index = 0, next_piece = 0;
      g_auto(GStrv) pieces = NULL;
      double piece_left, piece_right;
      gboolean stop = FALSE;
      guint mask;

      /* The nearest line under the last with a piece across the span,
       * that piece within it if one is. */
      for (guint i = 0; i < lines->len; i++)
        {
          const TrLayoutLine *line = g_ptr_array_index (lines, i);
          g_auto(GStrv) line_pieces = NULL;
          guint n_pieces;

          if (line->page != page || line->y <= last->y || (next != NULL && line->y >= next->y))
            continue;
          line_pieces = g_strsplit (line->text, "\t", -1);
          n_pieces = g_strv_length (line_pieces);
          for (guint j = 0; j < n_pieces; j++)
            {
              gboolean within;

              piece_span (line, j, n_pieces, &piece_left, &piece_right);
              if (piece_left >= right || piece_right <= left)
                continue;
              within = piece_left >= left - SPAN_TOLERANCE && piece_right <= right + SPAN_TOLERANCE;
              if (next != line || within)
                {
                  next = line;
                  next_index = i;
                  next_piece = j;
                }
              if (within)
                break;
            }
        }
      if (next == NULL || next->y - (last->y + last->height) > last->height ||
          fabs (next->font_size - first_line->font_size) > 0.5 || next->bold != first_line->bold)
        return;
      for (guint j = first; j < found->len && !stop; j++)
        {
          const Found *other = &g_array_index (found, Found, j);

          stop = other->caption_line == (int) next_index || (other->y1 >= item->y2 && other->y1 <= next->y);
        }
      pieces = g_strsplit (next->text, "\t", -1);
      piece_span (next, next_piece, g_strv_length (pieces), &piece_left, &piece_right);
      mask = GPOINTER_TO_UINT (g_hash_table_lookup (used, GUINT_TO_POINTER (next_index)));
      if (stop || piece_left < left - SPAN_TOLERANCE || piece_right > right + SPAN_TOLERANCE ||
          next_piece >= 32 || (mask & (1u << next_piece)) != 0)
        return;
      {
        g_autofree char *numbered = tr_pdf_strip_photo_number (pieces[next_piece]);

        if (numbered != NULL)
          return;
      }
      tr_parser_append_continuation (caption, g_strstrip (pieces[next_piece]));
      g_hash_table_insert (used, GUINT_TO_POINTER (next_index), GUINT_TO_POINTER (mask | (1u << next_piece)));
      last = next;
    }
}

/* How many of @pieces start with a photo's number. */
static guint
count_numbered (GStrv pieces)
{
  guint count = 0;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *stripped = tr_pdf_strip_photo_number (pieces[i]);

      count += stripped != NULL;
    }
  return count;
}

/* The caption of each picture, from the line under it (or the piece of it
 * under it, when a row of pictures shares the line) and the lines its
 * caption wrapped onto. Adds to @taken the lines that went whole into
 * captions. */
static void
set_captions (GArray    *found,
              guint      page,
              guint      first,
              GPtrArray *lines,
              GArray    *taken)
{
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = first; i < found->len; i++)
    g_array_index (found, Found, i).caption_line =
      find_caption (&g_array_index (found, Found, i), page, lines);

  for (guint i = first; i < found->len; i++)
    {
      Found *item = &g_array_index (found, Found, i);
      const TrLayoutLine *line;
      g_auto(GStrv) pieces = NULL;
      guint n_sharing = 0, rank = 0, n_pieces;
      gboolean whole = TRUE, by_number;
      const char *piece;
      g_autofree char *stripped = NULL;
      const Found *before = NULL, *after = NULL;
      double left, right;
      g_autoptr(GString) caption = NULL;

      if (item->caption_line < 0)
        continue;
      line = g_ptr_array_index (lines, item->caption_line);
      for (guint j = first; j < found->len; j++)
        if (g_array_index (found, Found, j).caption_line == item->caption_line)
          {
            if (j < i)
              {
                rank++;
                before = &g_array_index (found, Found, j);
              }
            else if (j > i && after == NULL)
              after = &g_array_index (found, Found, j);
            n_sharing++;
          }

      pieces = split_pieces (line, n_sharing, &by_number);
      n_pieces = g_strv_length (pieces);
      /* One piece for each picture, or the whole line for one picture. */
      if (n_sharing > 1 && n_pieces == n_sharing)
        piece = pieces[rank];
      else if (n_sharing == 1)
        piece = line->text;
      else
        continue;

      stripped = tr_pdf_strip_photo_number (piece);
      if (stripped != NULL)
        caption = g_string_new (stripped);
      else
        {
          g_autofree char *text = g_strdelimit (g_strdup (piece), "\t", ' ');

          caption = g_string_new (g_strstrip (text));
        }

      /* The caption's span: its piece's, or, when the reader did not tell
       * where that starts, up to the pictures beside this one. */
      piece_span (line, n_sharing > 1 ? rank : 0, n_sharing > 1 ? n_pieces : 1, &left, &right);
      if (by_number)
        {
          left = before != NULL ? before->x2 : line->x;
          right = after != NULL ? after->x1 : MAX (line->x + line->width, line->page_width);
        }
      append_wrapped_lines (found, first, item, page, lines, left, right, caption, used);
      tr_photo_set_caption (item->photo, caption->str);

      /* The line is all captions once its last piece has a photo. A line
       * that numbers more photos than the one under it also carries the
       * caption of a picture that was not extracted: it stays. */
      if (taken == NULL || rank + 1 != n_sharing)
        continue;
      if (n_sharing == 1 && n_pieces > 1 && count_numbered (pieces) > 1)
        continue;
      /* 「照片 1」 alone gave its photo no caption: nothing to move. */
      for (guint j = first; j < found->len && whole; j++)
        {
          const Found *other = &g_array_index (found, Found, j);

          whole = other->caption_line != item->caption_line || tr_photo_get_caption (other->photo)[0] != '\0';
        }
      if (whole)
        {
          guint index = (guint) item->caption_line;

          g_array_append_val (taken, index);
        }
    }

  /* The lines a caption wrapped onto that went whole into captions. */
  g_hash_table_iter_init (&iter, used);
  while (taken != NULL && g_hash_table_iter_next (&iter, &key, &value))
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, GPOINTER_TO_UINT (key));
      g_auto(GStrv) pieces = g_strsplit (line->text, "\t", -1);
      guint index = GPOINTER_TO_UINT (key), n_pieces = g_strv_length (pieces);

      if (n_pieces <= 32 && GPOINTER_TO_UINT (value) == (n_pieces == 32 ? G_MAXUINT32 : (1u << n_pieces) - 1))
        g_array_append_val (taken, index);
    }
}

static int
compare_line_indices (gconstpointer a,
                      gconstpointer b)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
tr_pdf_read_photos (GBytes      *data,
                    const char  *password,
                    guint        first_page,
                    GPtrArray   *lines,
                    GArray     **out_caption_lines,
                    GPtrArray   *warnings,
                    GError     **error)
{
  return tr_pdf_read_photos_full (data, password, first_page, lines, out_caption_lines, NULL, warnings, error);
}

static void
free_pages (PagePhotos *pages,
            guint       n_pages)
{
  for (guint p = 0; pages != NULL && p < n_pages; p++)
    g_clear_pointer (&pages[p].found, g_array_unref);
  g_free (pages);
}

static gpointer
prefetch_thread (gpointer user_data)
{
  TrPdfPhotoPrefetch *prefetch = user_data;
  guint n_found = 0;

  /* The password was right for the text: it is for this. */
  prefetch->images = tr_pdf_images_new (prefetch->data, prefetch->password, &prefetch->error);
  if (prefetch->images == NULL)
    return NULL;
  prefetch->n_pages = tr_pdf_images_get_n_pages (prefetch->images);
  prefetch->pages = g_new0 (PagePhotos, MAX (prefetch->n_pages, 1));
  prefetch->first_read = prefetch->n_pages;
  /* As many as a report takes are enough: the pages before them are read
   * once the appendix's first page is known. Pictures stored as JPEGs cost
   * only their copy; one that must be decoded (and made a PNG) waits until
   * its page is known to be in the appendix. */
  while (prefetch->first_read > 0 && n_found < TR_PDF_MAX_PHOTOS && !g_atomic_int_get (&prefetch->stop))
    {
      PagePhotos *page = &prefetch->pages[prefetch->first_read - 1];

      if (!read_page_photos_full (prefetch->images, prefetch->first_read - 1, TRUE, page))
        break;
      n_found += page->found->len;
      prefetch->first_read--;
    }
  return NULL;
}

TrPdfPhotoPrefetch *
tr_pdf_photo_prefetch_start (GBytes     *data,
                             const char *password)
{
  TrPdfPhotoPrefetch *prefetch;

  g_return_val_if_fail (data != NULL, NULL);

  prefetch = g_new0 (TrPdfPhotoPrefetch, 1);
  prefetch->data = g_bytes_ref (data);
  prefetch->password = password != NULL && password[0] != '\0' ? g_strdup (password) : NULL;
  /* Under the worker's memory limit the thread may not start: the pages
   * are then read when the photos are asked for. */
  prefetch->thread = g_thread_try_new ("tr-pdf-prefetch", prefetch_thread, prefetch, NULL);
  return prefetch;
}

/* Stops the thread; what it read stays. */
static void
prefetch_join (TrPdfPhotoPrefetch *prefetch)
{
  g_atomic_int_set (&prefetch->stop, TRUE);
  if (prefetch->thread != NULL)
    g_thread_join (g_steal_pointer (&prefetch->thread));
}

void
tr_pdf_photo_prefetch_free (TrPdfPhotoPrefetch *prefetch)
{
  if (prefetch == NULL)
    return;
  prefetch_join (prefetch);
  free_pages (prefetch->pages, prefetch->n_pages);
  g_clear_pointer (&prefetch->images, tr_pdf_images_free);
  g_clear_error (&prefetch->error);
  if (prefetch->password != NULL)
    memset (prefetch->password, 0, strlen (prefetch->password));
  g_free (prefetch->password);
  g_bytes_unref (prefetch->data);
  g_free (prefetch);
}

/* Reads the pictures of pages [@shared->first_page, @shared->end_page) on
 * the processors there are, in page order, until a report has as many
 * photos as it takes. */
static void
read_pages (SharedPhotos *shared,
            TrPdfImages  *images)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  guint n_threads, n_to_read;

  if (shared->first_page >= shared->end_page)
    return;
  n_to_read = shared->end_page - shared->first_page;
  n_threads = CLAMP (MIN (g_get_num_processors (), n_to_read / PAGES_PER_THREAD), 1, MAX_THREADS);
  for (guint i = 1; i < n_threads; i++)
    {
      /* Under the worker's memory limit a thread may not start: the
       * others read its pages. */
      GThread *thread = g_thread_try_new ("tr-pdf-photos", read_photos_thread, shared, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  /* This thread reads too, with the document it has open. */
  while (g_atomic_int_get (&shared->n_found) < TR_PDF_MAX_PHOTOS)
    {
      guint page = shared->first_page + (guint) g_atomic_int_add (&shared->next_page, 1);

      if (page >= shared->end_page)
        break;
      read_page_photos (images, page, &shared->pages[page]);
      g_atomic_int_add (&shared->n_found, (gint) shared->pages[page].found->len);
    }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
}

static GPtrArray *
read_photos (GBytes              *data,
             const char          *password,
             TrPdfPhotoPrefetch  *prefetch,
             guint                first_page,
             GPtrArray           *lines,
             GArray             **out_caption_lines,
             GArray             **out_pages,
             GPtrArray           *warnings,
             GError             **error)
{
  g_autoptr(GArray) taken = NULL;
  g_autoptr(GArray) photo_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(TrPdfImages) own_images = NULL;
  TrPdfImages *images;
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (Found));
  PagePhotos *pages;
  SharedPhotos shared = { 0 };
  GPtrArray *photos;
  guint n_pages;

  g_array_set_clear_func (found, found_clear);

  if (prefetch != NULL)
    {
      prefetch_join (prefetch);
      if (prefetch->images == NULL && prefetch->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&prefetch->error));
          return NULL;
        }
    }
  if (prefetch != NULL && prefetch->images != NULL)
    {
      /* Its document and the pages it read, from the end back. */
      images = prefetch->images;
      n_pages = prefetch->n_pages;
      pages = prefetch->pages;
      shared.end_page = MAX (prefetch->first_read, first_page);
    }
  else
    {
      if (password != NULL && password[0] == '\0')
        password = NULL;
      own_images = tr_pdf_images_new (data, password, error);
      if (own_images == NULL)
        return NULL;
      images = own_images;
      n_pages = tr_pdf_images_get_n_pages (images);
      if (prefetch != NULL)
        {
          /* Its thread could not start: nothing read ahead. */
          prefetch->n_pages = n_pages;
          prefetch->pages = g_new0 (PagePhotos, MAX (n_pages, 1));
          pages = prefetch->pages;
        }
      else
        pages = g_new0 (PagePhotos, MAX (n_pages, 1));
      shared.end_page = n_pages;
    }
  if (out_caption_lines != NULL)
    taken = g_array_new (FALSE, FALSE, sizeof (guint));

  shared.data = prefetch != NULL ? prefetch->data : data;
  shared.password = prefetch != NULL ? prefetch->password : password;
  shared.first_page = first_page;
  shared.pages = pages;
  read_pages (&shared, images);

  /* In page order, up to as many as a report takes; a page nobody read
   * (the photos were enough) is empty. */
  for (guint p = first_page; p < n_pages; p++)
    {
      PagePhotos *page = &pages[p];
      guint first = found->len;

      if (page->found == NULL || found->len >= TR_PDF_MAX_PHOTOS)
        continue;
      for (guint i = 0; i < page->n_unreadable; i++)
        warn_unreadable (warnings, p);
      for (guint i = 0; i < page->found->len && found->len < TR_PDF_MAX_PHOTOS; i++)
        {
          Found *item = &g_array_index (page->found, Found, i);

          g_array_append_val (found, *item);
          g_array_append_val (photo_pages, p);
          item->photo = NULL;
        }
      if (found->len > first)
        {
          /* This page's pictures only: pages are already in order. */
          qsort (&g_array_index (found, Found, first), found->len - first, sizeof (Found), compare_found);
          set_captions (found, p, first, lines, taken);
        }
    }
  if (prefetch == NULL)
    free_pages (pages, n_pages);

  photos = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (photos, g_steal_pointer (&g_array_index (found, Found, i).photo));
  if (out_caption_lines != NULL)
    {
      /* In the document's order: a paragraph of several is told by it. */
      g_array_sort (taken, compare_line_indices);
      *out_caption_lines = g_steal_pointer (&taken);
    }
  if (out_pages != NULL)
    *out_pages = g_steal_pointer (&photo_pages);
  return photos;
}

GPtrArray *
tr_pdf_read_photos_full (GBytes      *data,
                         const char  *password,
                         guint        first_page,
                         GPtrArray   *lines,
                         GArray     **out_caption_lines,
                         GArray     **out_pages,
                         GPtrArray   *warnings,
                         GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (lines != NULL, NULL);

  return read_photos (data, password, NULL, first_page, lines, out_caption_lines, out_pages, warnings, error);
}

GPtrArray *
tr_pdf_photo_prefetch_finish (TrPdfPhotoPrefetch  *prefetch,
                              guint                first_page,
                              GPtrArray           *lines,
                              GArray             **out_caption_lines,
                              GArray             **out_pages,
                              GPtrArray           *warnings,
                              GError             **error)
{
  g_return_val_if_fail (prefetch != NULL, NULL);
  g_return_val_if_fail (lines != NULL, NULL);

  return read_photos (prefetch->data, prefetch->password, prefetch, first_page, lines, out_caption_lines,
                      out_pages, warnings, error);
}
