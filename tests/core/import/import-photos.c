/* import-photos.c: the appendix's photos, as the PDF stores them
 *
 * A JPEG comes out byte for byte what was embedded; any other picture as
 * a PNG of the same pixels; pages are read on several threads and the
 * photos still come in order, with their captions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "test-import.h"

/* A picture that compresses like a photo does, different for each @seed. */
static cairo_surface_t *
make_picture (int      width,
              int      height,
              guint32  seed,
              gboolean grey)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 noise = (guint8) g_rand_int_range (rand, 0, 60);
        guint8 r = (guint8) (40 + 150 * x / width + noise / 2);
        guint8 g = grey ? r : (guint8) (30 + 160 * y / height + noise / 3);
        guint8 b = grey ? r : (guint8) (seed * 37 % 200 + noise / 4);

        *(guint32 *) (pixels + y * stride + x * 4) = ((guint32) r << 16) | ((guint32) g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* @surface's pixels as a JPEG. */
static GBytes *
encode_jpeg (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *jpeg = NULL;
  gsize size = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);
        guint8 *out = gdk_pixbuf_get_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) + x * 3;

        out[0] = (pixel >> 16) & 0xff;
        out[1] = (pixel >> 8) & 0xff;
        out[2] = pixel & 0xff;
      }
  gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &size, "jpeg", &error, "quality", "80", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (jpeg, size);
}

/* Draws @surface in @width × @height points at @x, @y; with @jpeg, cairo
 * embeds those bytes as they are (DCTDecode). */
static void
draw_picture (cairo_t         *cr,
              cairo_surface_t *surface,
              GBytes          *jpeg,
              double           x,
              double           y,
              double           width,
              double           height)
{
  if (jpeg != NULL)
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, g_bytes_get_data (jpeg, NULL),
                                 g_bytes_get_size (jpeg), (cairo_destroy_func_t) g_bytes_unref,
                                 g_bytes_ref (jpeg));
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width / cairo_image_surface_get_width (surface),
               height / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
show_text_in (cairo_t    *cr,
              const char *font_name,
              double      x,
              double      y,
              const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
show_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text)
{
  show_text_in (cr, "Noto Sans CJK TC 11", x, y, text);
}

static void
show_heading (cairo_t    *cr,
              double      x,
              double      y,
              const char *text)
{
  show_text_in (cr, "Noto Sans CJK TC Bold 16", x, y, text);
}

static void
finish_pdf (cairo_t *cr)
{
  cairo_surface_t *surface = cairo_get_target (cr);

  cairo_surface_reference (surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static GPtrArray *
read_photos (const char  *path,
             guint        first_page,
             GPtrArray  **out_warnings)
{
  g_autoptr(GBytes) data = read_bytes (path);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *photos;
  guint n_pages = 0;

  lines = tr_pdf_read_lines (data, NULL, &n_pages, NULL, NULL, &error);
  g_assert_no_error (error);
  photos = tr_pdf_read_photos (data, NULL, first_page, lines, NULL, warnings, &error);
  g_assert_no_error (error);
  if (out_warnings != NULL)
    *out_warnings = warnings;
  else
    g_ptr_array_unref (warnings);
  return photos;
}

/* A photo embedded as a JPEG comes out as those very bytes, not decoded
 * and encoded again (nor scaled: 3000 pixels is larger than a PNG would
 * be kept), in colour and in grey. */
static void
test_photos_jpeg_as_stored (void)
{
  g_autofree char *path = test_path ("photos-jpeg.pdf");
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));
  cairo_surface_t *colour = make_picture (3000, 2000, 1, FALSE);
  cairo_surface_t *grey = make_picture (400, 300, 2, TRUE);
  g_autoptr(GBytes) colour_jpeg = encode_jpeg (colour);
  g_autoptr(GBytes) grey_jpeg = encode_jpeg (grey);
  g_autoptr(GPtrArray) photos = NULL;

  cairo_surface_destroy (cairo_get_target (cr));
  show_text (cr, 72, 60, "附錄");
  draw_picture (cr, colour, colour_jpeg, 72, 100, 300, 200);
  show_text (cr, 72, 306, "照片 1：彩色照片");
  draw_picture (cr, grey, grey_jpeg, 72, 400, 200, 150);
  show_text (cr, 72, 556, "照片 2：黑白照片");
  finish_pdf (cr);
  cairo_surface_destroy (colour);
  cairo_surface_destroy (grey);

  photos = read_photos (path, 0, NULL);
  g_assert_cmpuint (photos->len, ==, 2);
  g_assert_cmpstr (tr_photo_get_mime_type (g_ptr_array_index (photos, 0)), ==, "image/jpeg");
  g_assert_true (g_bytes_equal (tr_photo_get_data (g_ptr_array_index (photos, 0)), colour_jpeg));
  g_assert_cmpuint (tr_photo_get_width (g_ptr_array_index (photos, 0)), ==, 3000);
  g_assert_cmpstr (tr_photo_get_caption (g_ptr_array_index (photos, 0)), ==, "彩色照片");
  g_assert_cmpstr (tr_photo_get_mime_type (g_ptr_array_index (photos, 1)), ==, "image/jpeg");
  g_assert_true (g_bytes_equal (tr_photo_get_data (g_ptr_array_index (photos, 1)), grey_jpeg));
  g_assert_cmpstr (tr_photo_get_caption (g_ptr_array_index (photos, 1)), ==, "黑白照片");
}

/* What the maker's pictures are: the JPEGs `pdfimages -j` takes out of
 * @path, in order. */
static GPtrArray *
pdfimages_jpegs (const char *path)
{
  g_autofree char *prefix = test_path ("pdfimages");
  const char *argv[] = { "pdfimages", "-j", path, prefix, NULL };
  GPtrArray *jpegs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  run_tool (argv);
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%03u.jpg", prefix, i);

      if (!g_file_test (name, G_FILE_TEST_EXISTS))
        break;
      g_ptr_array_add (jpegs, read_bytes (name));
      g_unlink (name);
    }
  return jpegs;
}

/* Writes to @path a report of @n_pages pages whose three photos are JPEGs
 * stored as they are, captioned by @captions (its appendix); gives the
 * JPEGs pdfimages takes out of it. */
static GPtrArray *
make_three_jpeg_pdf (const char *path,
                     guint       n_pages,
                     const char *captions)
{
  g_autoptr(TrReport) report = make_report (n_pages, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *jpegs;

  tr_report_set_text (report, TR_FIELD_APPENDIX, captions);
  tr_pdf_maker_set_photos (maker, TR_PDF_PHOTO_JPEG, 3.0);
  tr_pdf_maker_add_report (maker, report, &layout);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);
  jpegs = pdfimages_jpegs (path);
  g_assert_cmpuint (jpegs->len, ==, 3);
  return jpegs;
}

/* Through the whole import (the worker, its pipe, the library and back),
 * the photos of a report stay the JPEGs the PDF holds, byte for byte. */
static void
test_photos_jpeg_through_import (void)
{
  g_autofree char *path = test_path ("photos-jpeg-report.pdf");
  g_autofree char *db = test_path ("photos-jpeg.db");
  g_autoptr(TrReport) imported = NULL;
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GPtrArray) jpegs = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *photos;

  if (!have_program ("pdfimages"))
    {
      g_test_skip ("pdfimages (poppler-utils) is not installed");
      return;
    }
  jpegs = make_three_jpeg_pdf (path, 7, "照片 1：開幕式\n照片 2：參訪實驗室\n照片 3：與會人員合影\n");

  imported = import_path (path, NULL, &error);
  g_assert_no_error (error);
  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  tr_report_store_save (store, imported, &error);
  g_assert_no_error (error);
  loaded = tr_report_store_load (store, tr_report_get_id (imported), &error);
  g_assert_no_error (error);

  photos = G_LIST_MODEL (tr_report_get_photos (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/jpeg");
      g_assert_true (g_bytes_equal (tr_photo_get_data (photo), g_ptr_array_index (jpegs, i)));
    }
  {
    g_autoptr(TrPhoto) first = g_list_model_get_item (photos, 0);

    g_assert_cmpstr (tr_photo_get_caption (first), ==, "開幕式");
  }
}

/* One integer the SQL @sql reads from the library @db. */
static gint64
library_int (const char *db,
             const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

/* @report's photos, as the library has them, are @jpegs from @first on
 * but for @skip (or G_MAXUINT). */
static void
assert_stored_photos (TrReportStore *store,
                      const char    *id,
                      GPtrArray     *jpegs,
                      guint          skip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) loaded = tr_report_store_load (store, id, &error);
  GListModel *photos;
  guint n = 0;

  g_assert_no_error (error);
  photos = G_LIST_MODEL (tr_report_get_photos (loaded));
  for (guint i = 0; i < jpegs->len; i++)
    {
      g_autoptr(TrPhoto) photo = NULL;

      if (i == skip)
        continue;
      g_assert_cmpuint (n, <, g_list_model_get_n_items (photos));
      photo = g_list_model_get_item (photos, n++);
      g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/jpeg");
      g_assert_true (g_bytes_equal (tr_photo_get_data (photo), g_ptr_array_index (jpegs, i)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, n);
}

/* A JPEG photo is part of the original file the library keeps of an
 * imported report: it is stored there once, not a second time in its own
 * row. The report's photos still read, export and copy as before: into a
 * draft made from it (which keeps them when the report goes), without one
 * of them, and when the report's original file goes or changes. */
static void
test_photos_stored_once (void)
{
  g_autofree char *path = test_path ("photos-once.pdf");
  g_autofree char *db = test_path ("photos-once.db");
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) imported = NULL;
  g_autoptr(TrReport) draft = NULL;
  g_autoptr(TrReport) other = NULL;
  g_autoptr(GPtrArray) jpegs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gsize jpeg_bytes = 0;

  if (!have_program ("pdfimages"))
    {
      g_test_skip ("pdfimages (poppler-utils) is not installed");
      return;
    }
  jpegs = make_three_jpeg_pdf (path, 6, "照片 1：開幕式\n照片 2：參訪實驗室\n照片 3：與會人員合影\n");
  for (guint i = 0; i < jpegs->len; i++)
    jpeg_bytes += g_bytes_get_size (g_ptr_array_index (jpegs, i));

  imported = import_path (path, NULL, &error);
  g_assert_no_error (error);
  id = g_strdup (tr_report_get_id (imported));
  /* Made from it before it is saved: the draft has no original file. */
  draft = tr_report_duplicate (imported);
  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  tr_report_store_save (store, imported, &error);
  g_assert_no_error (error);
  tr_report_store_save (store, draft, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The imported report's rows say where in the file; the draft's hold
   * their bytes; the photos table is far smaller than the JPEGs. */
  g_assert_cmpint (library_int (db, "SELECT count(*) FROM photos p JOIN reports r ON r.num = p.report_num"
                                    " WHERE r.kind = 'imported' AND length (p.data) = 0"
                                    " AND p.source_offset IS NOT NULL"), ==, 3);
  g_assert_cmpint (library_int (db, "SELECT sum (p.source_length) FROM photos p"), ==, (gint64) jpeg_bytes);
  g_assert_cmpint (library_int (db, "SELECT sum (length (p.data)) FROM photos p JOIN reports r ON r.num = p.report_num"
                                    " WHERE r.kind = 'draft'"), ==, (gint64) jpeg_bytes);

  /* Read back from the file, by a new connection: the original file too. */
  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  assert_stored_photos (store, id, jpegs, G_MAXUINT);
  {
    g_autoptr(GBytes) pdf = read_bytes (path);
    g_autoptr(GBytes) stored = tr_report_store_load_source_data (store, id, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (stored, pdf));
  }
  assert_stored_photos (store, tr_report_get_id (draft), jpegs, G_MAXUINT);

  /* A draft made from the stored report, then the report deleted. */
  {
    g_autoptr(TrReport) loaded = tr_report_store_load (store, id, &error);
    g_autoptr(TrReport) copy = NULL;

    g_assert_no_error (error);
    copy = tr_report_new_from (loaded, TRUE);
    tr_report_store_save (store, copy, &error);
    g_assert_no_error (error);
    other = g_object_ref (copy);
  }

  /* One photo removed from the imported report. */
  g_list_store_remove (tr_report_get_photos (imported), 1);
  tr_report_store_save (store, imported, &error);
  g_assert_no_error (error);
  assert_stored_photos (store, id, jpegs, 1);

  /* Its original file replaced by other bytes, then gone: the photos
   * stay. */
  {
    g_autoptr(GBytes) other_file = g_bytes_new_static ("%PDF-1.7 another file", 21);

    tr_report_set_source (imported, "other.pdf", other_file);
    tr_report_store_save (store, imported, &error);
    g_assert_no_error (error);
    assert_stored_photos (store, id, jpegs, 1);
    tr_report_set_source_full (imported, NULL, NULL, NULL);
    tr_report_store_save (store, imported, &error);
    g_assert_no_error (error);
    assert_stored_photos (store, id, jpegs, 1);
  }

  tr_report_store_delete (store, id, &error);
  g_assert_no_error (error);
  assert_stored_photos (store, tr_report_get_id (other), jpegs, G_MAXUINT);
  assert_stored_photos (store, tr_report_get_id (draft), jpegs, G_MAXUINT);
}

/* Pixels of @photo (decoded) against @surface's, exactly. */
static void
assert_same_pixels (TrPhoto         *photo,
                    cairo_surface_t *surface)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guint8 *expected = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  gdk_pixbuf_loader_write_bytes (loader, tr_photo_get_data (photo), &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *found = gdk_pixbuf_get_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) +
                              x * gdk_pixbuf_get_n_channels (pixbuf);
        guint32 pixel = *(const guint32 *) (expected + y * stride + x * 4);

        if (found[0] != ((pixel >> 16) & 0xff) || found[1] != ((pixel >> 8) & 0xff) || found[2] != (pixel & 0xff))
          g_error ("pixel %d,%d: %02x%02x%02x, expected %06x", x, y, found[0], found[1], found[2],
                   pixel & 0xffffff);
      }
}

/* A picture stored losslessly (Flate; RGB or grey) comes out as a PNG
 * of exactly its pixels. */
static void
test_photos_lossless_as_png (void)
{
  g_autofree char *path = test_path ("photos-flate.pdf");
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));
  cairo_surface_t *colour = make_picture (320, 200, 3, FALSE);
  cairo_surface_t *grey = make_picture (150, 120, 4, TRUE);
  g_autoptr(GPtrArray) photos = NULL;

  cairo_surface_destroy (cairo_get_target (cr));
  show_text (cr, 72, 60, "附錄");
  draw_picture (cr, colour, NULL, 72, 100, 320, 200);
  show_text (cr, 72, 306, "照片 1：彩色");
  draw_picture (cr, grey, NULL, 72, 400, 150, 120);
  show_text (cr, 72, 526, "照片 2：灰階");
  finish_pdf (cr);

  photos = read_photos (path, 0, NULL);
  g_assert_cmpuint (photos->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (tr_photo_get_mime_type (g_ptr_array_index (photos, i)), ==, "image/png");
  assert_same_pixels (g_ptr_array_index (photos, 0), colour);
  assert_same_pixels (g_ptr_array_index (photos, 1), grey);
  cairo_surface_destroy (colour);
  cairo_surface_destroy (grey);
}

/* A page with a photo and no text at all, a photo drawn inside a group (a
 * form of its own), pages without any picture between pages with photos,
 * enough pages to be read by several threads: every photo, in page order,
 * each with the caption under it. */
static void
test_photos_many_pages (void)
{
  g_autofree char *path = test_path ("photos-pages.pdf");
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint n_pages = 24;

  cairo_surface_destroy (cairo_get_target (cr));
  for (guint page = 0; page < n_pages; page++)
    {
      if (page == 0)
        show_text (cr, 72, 60, "附錄");
      if (page % 3 == 2)
        /* Text only. */
        show_text (cr, 72, 100, "本頁沒有照片，只有文字說明。");
      else
        {
          cairo_surface_t *picture = make_picture (200, 150, 10 + page, FALSE);
          g_autoptr(GBytes) jpeg = encode_jpeg (picture);
          g_autofree char *caption = g_strdup_printf ("照片 %u：第 %u 頁的照片", expected->len + 1, page + 1);

          if (page == 4)
            {
              /* No text on this page: nothing but the photo. */
              draw_picture (cr, picture, jpeg, 72, 100, 200, 150);
            }
          else if (page == 7)
            {
              cairo_push_group (cr);
              draw_picture (cr, picture, jpeg, 72, 100, 200, 150);
              cairo_pop_group_to_source (cr);
              cairo_paint_with_alpha (cr, 0.9);
              show_text (cr, 72, 256, caption);
            }
          else
            {
              draw_picture (cr, picture, jpeg, 72, 100, 200, 150);
              show_text (cr, 72, 256, caption);
            }
          cairo_surface_destroy (picture);
          g_ptr_array_add (expected, g_steal_pointer (&jpeg));
        }
      cairo_show_page (cr);
    }
  finish_pdf (cr);

  photos = read_photos (path, 0, NULL);
  g_assert_cmpuint (photos->len, ==, expected->len);
  for (guint i = 0, page = 0; i < photos->len; i++, page++)
    {
      TrPhoto *photo = g_ptr_array_index (photos, i);
      g_autofree char *caption = NULL;

      if (page % 3 == 2)
        page++;
      caption = g_strdup_printf ("第 %u 頁的照片", page + 1);
      g_test_message ("photo %u: %s, “%s”", i + 1, tr_photo_get_mime_type (photo), tr_photo_get_caption (photo));
      /* Drawn in a group with some transparency, the photo may be stored
       * otherwise; anywhere else, as it was given. */
      if (page != 7)
        g_assert_true (g_bytes_equal (tr_photo_get_data (photo), g_ptr_array_index (expected, i)));
      g_assert_cmpstr (tr_photo_get_caption (photo), ==, page == 4 ? "" : caption);
    }

  /* From a later page on, only what is there. */
  g_clear_pointer (&photos, g_ptr_array_unref);
  photos = read_photos (path, n_pages - 3, NULL);
  g_assert_cmpuint (photos->len, ==, 2);
}

/* The worker's output, cut after @length bytes: a worker that dies there. */
static TrReport *
import_cut (const char  *path,
            gsize        length,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *script = g_strdup_printf ("\"$0\" \"$1\" | head -c %" G_GSIZE_FORMAT, length);
  const char *argv[] = { "sh", "-c", script, worker_argv ()[0], NULL };

  return tr_import_file (file, NULL, argv, NULL, error);
}

/* Photos that are not JPEGs of the file travel as bytes after their
 * line: a worker that dies anywhere in them, or before the report, fails
 * the import with the one-line message of a crash, and leaves the library
 * as it was. */
static void
test_photos_worker_cut_short (void)
{
  g_autoptr(TrReport) report = make_report (8, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *path = test_path ("photos-cut.pdf");
  g_autofree char *db = test_path ("photos-cut.db");
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) earlier = NULL;
  g_autofree char *earlier_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *argv[] = { worker_argv ()[0], path, NULL };
  const char *first_photo;
  int status;

  tr_report_set_text (report, TR_FIELD_APPENDIX, "照片 1：開幕式\n照片 2：參訪實驗室\n");
  /* Pixels, which come as PNGs: a JPEG of the file is told by its place. */
  tr_pdf_maker_set_photos (maker, TR_PDF_PHOTO_RAW, 1.0);
  tr_pdf_maker_add_report (maker, report, &layout);
  tr_pdf_maker_finish (maker, &error);
  g_assert_no_error (error);

  /* Where the photos and the report are in what the worker says. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                &output, NULL, &status, &error);
  g_assert_no_error (error);
  /* Not its exit status: under AddressSanitizer the worker ends with an
   * error after its last word (tr-import-sandbox.c). */
  (void) status;
  /* Lines of text come first: strstr() stops at no NUL before it. */
  first_photo = strstr (output, "{\"photo\":");
  g_assert_nonnull (first_photo);

  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  earlier_path = make_small_pdf ("photos-cut-earlier.pdf", 3);
  earlier = import_path (earlier_path, NULL, &error);
  g_assert_no_error (error);
  tr_report_store_save (store, earlier, &error);
  g_assert_no_error (error);

  {
    gsize cuts[] = {
      (gsize) (first_photo - output) + 10,                      /* in the first photo's line */
      (gsize) (strchr (first_photo, '\n') - output) + 1 + 100,  /* in its bytes */
      (gsize) (strchr (first_photo, '\n') - output) + 1,        /* right before them */
    };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autoptr(GError) cut_error = NULL;
        g_autoptr(TrReport) cut = import_cut (path, cuts[i], &cut_error);

        g_test_message ("cut after %" G_GSIZE_FORMAT " bytes: %s", cuts[i],
                        cut_error != NULL ? cut_error->message : "imported");
        g_assert_null (cut);
        g_assert_error (cut_error, TR_ERROR, TR_ERROR_IMPORT_CRASHED);
        g_assert_null (strchr (cut_error->message, '\n'));
      }
  }

  g_assert_cmpuint (tr_report_store_count (store, &error), ==, 1);
  g_assert_no_error (error);
  {
    g_autoptr(TrReport) loaded = tr_report_store_load (store, tr_report_get_id (earlier), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (tr_report_get_section (loaded, TR_SECTION_PURPOSE), ==,
                     tr_report_get_section (earlier, TR_SECTION_PURPOSE));
  }

  /* Whole, it imports, both photos in it. */
  {
    g_autoptr(TrReport) whole = import_path (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (whole))), ==, 2);
  }
}

/* A JPEG damaged in the PDF is left out with a warning naming its page
 * (the importer checks each photo it is given): cut short, with a broken
 * Huffman table, or saying it is 20000 × 20000 pixels (more than a photo
 * may have); the rest is kept. */
static void
test_photos_damaged_jpeg (void)
{
  g_autoptr(TrReport) report = make_report (9, 1, FALSE);
  g_autofree char *path = test_path ("photos-damaged.pdf");
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));
  cairo_surface_t *good = make_picture (300, 200, 5, FALSE);
  cairo_surface_t *bad = make_picture (300, 200, 6, FALSE);
  g_autoptr(GBytes) good_jpeg = encode_jpeg (good);
  g_autoptr(GBytes) whole = encode_jpeg (bad);
  g_autoptr(GBytes) cut_jpeg = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  cairo_surface_t *huffman = make_picture (300, 200, 7, FALSE);
  g_autoptr(GBytes) huffman_jpeg = encode_jpeg (huffman);
  /* The first of its code counts made 255: more than 256 codes. */
  g_autoptr(GBytes) bad_huffman = tr_test_damage_jpeg_segments (huffman_jpeg, 0xC4, 5, 0xFF);
  cairo_surface_t *huge = make_picture (300, 200, 8, FALSE);
  g_autoptr(GBytes) huge_jpeg = NULL;
  g_autoptr(TrReport) imported = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *photos;
  gboolean warned[3] = { FALSE, FALSE, FALSE };

  /* SOF0: FF C0, length, precision, then height and width, 20000 each. */
  {
    g_autoptr(GBytes) jpeg = encode_jpeg (huge);
    g_autoptr(GBytes) high = tr_test_damage_jpeg_segments (jpeg, 0xC0, 5, 20000 >> 8);
    g_autoptr(GBytes) high_low = tr_test_damage_jpeg_segments (high, 0xC0, 6, 20000 & 0xff);
    g_autoptr(GBytes) wide = tr_test_damage_jpeg_segments (high_low, 0xC0, 7, 20000 >> 8);

    huge_jpeg = tr_test_damage_jpeg_segments (wide, 0xC0, 8, 20000 & 0xff);
  }

  cairo_surface_destroy (cairo_get_target (cr));
  show_heading (cr, 72, 60, "壹、目的");
  show_text (cr, 72, 90, tr_report_get_section (report, TR_SECTION_PURPOSE));
  show_heading (cr, 72, 130, "貳、過程");
  show_text (cr, 72, 160, "參訪實驗室，並與研究人員座談。");
  show_heading (cr, 72, 200, "參、心得");
  show_text (cr, 72, 230, "收穫良多。");
  show_heading (cr, 72, 270, "肆、建議");
  show_text (cr, 72, 300, "持續交流。");
  cairo_show_page (cr);
  show_heading (cr, 72, 60, "伍、附錄");
  draw_picture (cr, good, good_jpeg, 72, 100, 300, 200);
  show_text (cr, 72, 306, "照片 1：完好的照片");
  cairo_show_page (cr);
  draw_picture (cr, bad, cut_jpeg, 72, 100, 300, 200);
  show_text (cr, 72, 306, "照片 2：損壞的照片");
  cairo_show_page (cr);
  draw_picture (cr, huffman, bad_huffman, 72, 100, 300, 200);
  show_text (cr, 72, 306, "照片 3：表格損壞的照片");
  cairo_show_page (cr);
  draw_picture (cr, huge, huge_jpeg, 72, 100, 300, 200);
  show_text (cr, 72, 306, "照片 4：過大的照片");
  finish_pdf (cr);
  cairo_surface_destroy (good);
  cairo_surface_destroy (bad);
  cairo_surface_destroy (huffman);
  cairo_surface_destroy (huge);

  imported = import_path (path, NULL, &error);
  g_assert_no_error (error);
  photos = G_LIST_MODEL (tr_report_get_photos (imported));
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 1);
  {
    g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, 0);

    g_assert_true (g_bytes_equal (tr_photo_get_data (photo), good_jpeg));
    g_assert_cmpstr (tr_photo_get_caption (photo), ==, "完好的照片");
  }
  for (const char * const *warning = tr_report_get_warnings (imported); *warning != NULL; warning++)
    {
      g_test_message ("warning: %s", *warning);
      for (guint i = 0; i < G_N_ELEMENTS (warned); i++)
        {
          g_autofree char *page = g_strdup_printf ("page %u", i + 3);

          warned[i] |= strstr (*warning, page) != NULL;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (warned); i++)
    g_assert_true (warned[i]);
}

/* What the worker says of @path, run as the importer runs it. */
static char *
worker_output (const char *path,
               gsize      *out_length)
{
  const char *argv[] = { worker_argv ()[0], path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                &output, NULL, &status, &error);
  g_assert_no_error (error);
  /* Not its exit status: under AddressSanitizer the worker ends with an
   * error after its last word (tr-import-sandbox.c). */
  (void) status;
  *out_length = strlen (output);
  return g_steal_pointer (&output);
}

/* A JPEG stored as it is in the PDF is bytes of the file, which the
 * importer has read: the worker tells where they are rather than sending
 * them down its pipe; they are the JPEG pdfimages takes out, and the
 * import's photos those bytes. Pixels, made PNGs, still come after their
 * line. */
static void
test_photos_jpeg_by_offset (void)
{
  g_autoptr(TrReport) report = make_report (8, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *path = test_path ("photos-offset.pdf");
  g_autofree char *raw_path = test_path ("photos-offset-raw.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GPtrArray) jpegs = NULL;
  g_autofree char *output = NULL;
  g_autoptr(TrReport) imported = NULL;
  GListModel *photos;
  const char *line;
  gsize length;
  guint n_lines = 0;

  tr_report_set_text (report, TR_FIELD_APPENDIX, "照片 1：開幕式\n照片 2：參訪實驗室\n照片 3：座談\n");
  {
    g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);

    tr_pdf_maker_set_photos (maker, TR_PDF_PHOTO_JPEG, 3.0);
    tr_pdf_maker_add_report (maker, report, &layout);
    tr_pdf_maker_finish (maker, &error);
    g_assert_no_error (error);
  }
  file = read_bytes (path);
  jpegs = pdfimages_jpegs (path);
  g_assert_cmpuint (jpegs->len, ==, 3);

  /* Each photo line is followed by the next line, not by bytes. */
  output = worker_output (path, &length);
  for (line = strstr (output, "{\"photo\":"); line != NULL; line = strstr (line + 1, "{\"photo\":"))
    {
      const char *end = strchr (line, '\n');
      g_autofree char *text = g_strndup (line, end - line);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *photo;
      gint64 offset, size;

      g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
      g_assert_no_error (error);
      photo = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "photo");
      g_assert_true (json_object_has_member (photo, "offset"));
      offset = json_object_get_int_member (photo, "offset");
      size = json_object_get_int_member (photo, "size");
      g_assert_cmpint (offset, >, 0);
      g_assert_cmpint (offset + size, <=, (gint64) g_bytes_get_size (file));
      {
        g_autoptr(GBytes) part = g_bytes_new_from_bytes (file, (gsize) offset, (gsize) size);

        g_assert_true (g_bytes_equal (part, g_ptr_array_index (jpegs, n_lines)));
      }
      g_assert_true (end[1] == '{');
      n_lines++;
    }
  g_assert_cmpuint (n_lines, ==, 3);

  imported = import_path (path, NULL, &error);
  g_assert_no_error (error);
  photos = G_LIST_MODEL (tr_report_get_photos (imported));
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_assert_true (g_bytes_equal (tr_photo_get_data (photo), g_ptr_array_index (jpegs, i)));
      g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/jpeg");
    }

  /* Pixels: no offset, the PNG's bytes after the line. */
  {
    g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (raw_path);
    g_autofree char *raw_output = NULL;
    const char *first;

    tr_pdf_maker_set_photos (maker, TR_PDF_PHOTO_RAW, 1.0);
    tr_pdf_maker_add_report (maker, report, &layout);
    tr_pdf_maker_finish (maker, &error);
    g_assert_no_error (error);
    raw_output = worker_output (raw_path, &length);
    first = strstr (raw_output, "{\"photo\":");
    g_assert_nonnull (first);
    g_assert_null (g_strstr_len (first, strchr (first, '\n') - first, "\"offset\""));
    g_assert_true (g_str_has_prefix (strchr (first, '\n') + 1, "\x89PNG"));
  }
}

/* The report @path imports to, from a worker that says @photo_line before
 * the real worker's report. */
static TrReport *
import_with_photo_line (const char  *path,
                        const char  *photo_line,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *quoted = g_shell_quote (photo_line);
  g_autofree char *script = g_strdup_printf ("printf '%%s\\n' %s; \"$0\" \"$1\" | tail -n 1", quoted);
  const char *argv[] = { "sh", "-c", script, worker_argv ()[0], NULL };

  return tr_import_file (file, NULL, argv, NULL, error);
}

/* A worker is not trusted with where a photo is: a place past the end of
 * the file is a broken worker; bytes of the file that are no photo are
 * checked as any photo, and left out with a warning. */
static void
test_photos_offset_hostile (void)
{
  g_autoptr(TrReport) report = make_report (5, 1, FALSE);
  TrPdfReportLayout layout = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  g_autofree char *path = NULL;
  gsize size;
  g_autofree char *past_end = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *in_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) imported = NULL;
  gboolean warned = FALSE;

  tr_report_set_text (report, TR_FIELD_APPENDIX, NULL);
  path = make_pdf (report, &layout, "photos-offset-hostile.pdf");
  {
    g_autoptr(GBytes) file = read_bytes (path);

    size = g_bytes_get_size (file);
  }
#define PHOTO_LINE "{\"photo\": {\"caption\": \"x\", \"mime_type\": \"image/jpeg\", \"page\": 2, "
  past_end = g_strdup_printf (PHOTO_LINE "\"size\": 100, \"offset\": %" G_GSIZE_FORMAT "}}", size - 50);
  negative = g_strdup_printf (PHOTO_LINE "\"size\": 100, \"offset\": -5}}");
  in_file = g_strdup_printf (PHOTO_LINE "\"size\": 100, \"offset\": 0}}");
#undef PHOTO_LINE

  imported = import_with_photo_line (path, past_end, &error);
  g_assert_null (imported);
  g_assert_error (error, TR_ERROR, TR_ERROR_IMPORT_CRASHED);
  g_clear_error (&error);

  imported = import_with_photo_line (path, negative, &error);
  g_assert_null (imported);
  g_assert_error (error, TR_ERROR, TR_ERROR_IMPORT_CRASHED);
  g_clear_error (&error);

  /* “%PDF-1.5 …”: no JPEG. */
  imported = import_with_photo_line (path, in_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (imported))), ==, 0);
  for (const char * const *warning = tr_report_get_warnings (imported); *warning != NULL; warning++)
    warned |= strstr (*warning, "page 2") != NULL;
  g_assert_true (warned);
}

/* How wide @text is set in show_text()'s font, in points. */
static double
text_width (cairo_t    *cr,
            const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Noto Sans CJK TC 11");
  int width;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Photos two to a row whose captions wrap, set as browsers and word
 * processors do: the first line's glyphs reaching into the picture, the
 * next lines under each photo, two captions a space apart on one line; a
 * lone photo with a line of text under its caption that is not of it.
 * Each caption comes whole, and the lines that were captions only leave
 * the text. */
static void
test_photos_grid_wrapped_captions (void)
{
  g_autofree char *path = test_path ("photos-grid.pdf");
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));
  cairo_surface_t *picture = make_picture (200, 150, 40, FALSE);
  const char *body = "以上照片由本團團員拍攝，僅供參考，未經同意請勿轉載或作其他用途使用。";
  const char *expected[] = {
    "與主辦城市市長及各國代表於開幕典禮會場合影留念", "參訪污水處理廠由廠長說明處理流程",
    "拜會當地市政府交通局並聽取簡報", "於論壇分享經驗", "市政廳外觀",
  };
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GArray) caption_lines = NULL;
  g_autoptr(GError) error = NULL;
  double next_x;

  cairo_surface_destroy (cairo_get_target (cr));
  show_text (cr, 72, 60, "附錄");
  /* Captions under their photos, their first line 3 pt into them. */
  draw_picture (cr, picture, NULL, 72, 100, 150, 112.5);
  draw_picture (cr, picture, NULL, 320, 100, 150, 112.5);
  show_text (cr, 72, 209.5, "照片 1：與主辦城市市長");
  show_text (cr, 72, 225.5, "及各國代表於開幕典禮");
  show_text (cr, 72, 241.5, "會場合影留念");
  show_text (cr, 320, 209.5, "照片 2：參訪污水處理廠");
  show_text (cr, 320, 225.5, "由廠長說明處理流程");
  /* The second caption starts 2 pt after the first's first line. */
  next_x = 72 + text_width (cr, "照片 3：拜會當地市政府交通局並") + 2;
  draw_picture (cr, picture, NULL, 72, 300, 150, 112.5);
  draw_picture (cr, picture, NULL, next_x, 300, 150, 112.5);
  show_text (cr, 72, 416, "照片 3：拜會當地市政府交通局並");
  show_text (cr, next_x, 416, "照片 4：於論壇分享經驗");
  show_text (cr, 72, 432, "聽取簡報");
  /* Text under a caption, wider than it: not of it. */
  draw_picture (cr, picture, NULL, 72, 480, 150, 112.5);
  show_text (cr, 72, 596, "照片 5：市政廳外觀");
  show_text (cr, 72, 612, body);
  finish_pdf (cr);
  cairo_surface_destroy (picture);

  data = read_bytes (path);
  lines = tr_pdf_read_lines (data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  photos = tr_pdf_read_photos (data, NULL, 0, lines, &caption_lines, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lines->len; i++)
    g_test_message ("line: %s", ((TrLayoutLine *) g_ptr_array_index (lines, i))->text);
  g_assert_cmpuint (photos->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < photos->len; i++)
    g_assert_cmpstr (tr_photo_get_caption (g_ptr_array_index (photos, i)), ==, expected[i]);

  /* Every line but the heading and the text under the photos was captions. */
  g_assert_cmpuint (caption_lines->len, ==, lines->len - 2);
  for (guint i = 0; i < caption_lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, g_array_index (caption_lines, guint, i));

      g_assert_cmpstr (line->text, !=, "附錄");
      g_assert_cmpstr (line->text, !=, body);
    }
}

/* The worker has the pictures of the last pages read from the end back
 * while it parses the text, JPEGs only, stopping at a picture it would
 * have to decode or once it has as many as a report takes: stopped at any
 * point, with the appendix starting anywhere, the photos are those read
 * at once (the same bytes, captions, pages, caption lines and warnings).
 * Here more pictures than a report takes after the last one stored
 * losslessly (on page 6), three to a page, some pages with text only. */
/* The photos of @data from each of a few first pages of the appendix, as
 * read at once and as read ahead (stopped at once, and after a while):
 * the same; how many were found in all. */
static guint
check_read_ahead (GBytes *data)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const guint first_pages[] = { 0, 5, 6, 30, 50, 61, 63, 64 };
  guint n_read = 0;

  lines = tr_pdf_read_lines (data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (first_pages); f++)
    for (guint wait = 0; wait < 2; wait++)
      {
        guint first_page = first_pages[f];
        g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) ahead_warnings = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GArray) caption_lines = NULL, ahead_caption_lines = NULL;
        g_autoptr(GArray) pages = NULL, ahead_pages = NULL;
        g_autoptr(GPtrArray) photos = tr_pdf_read_photos_full (data, NULL, first_page, lines, &caption_lines,
                                                               &pages, warnings, &error);
        g_autoptr(TrPdfPhotoPrefetch) prefetch = NULL;
        g_autoptr(GPtrArray) ahead = NULL;

        g_assert_no_error (error);
        prefetch = tr_pdf_photo_prefetch_start (data, NULL);
        if (wait)
          g_usleep (G_USEC_PER_SEC / 2);
        ahead = tr_pdf_photo_prefetch_finish (prefetch, first_page, lines, &ahead_caption_lines, &ahead_pages,
                                              ahead_warnings, &error);
        g_assert_no_error (error);

        g_test_message ("appendix from page %u%s: %u photos", first_page + 1, wait ? ", read ahead" : "",
                        photos->len);
        g_assert_cmpuint (photos->len, <=, TR_PDF_MAX_PHOTOS);
        g_assert_cmpuint (ahead->len, ==, photos->len);
        g_assert_cmpmem (ahead_pages->data, ahead_pages->len * sizeof (guint), pages->data, pages->len * sizeof (guint));
        g_assert_cmpmem (ahead_caption_lines->data, ahead_caption_lines->len * sizeof (guint), caption_lines->data,
                         caption_lines->len * sizeof (guint));
        g_assert_cmpuint (ahead_warnings->len, ==, warnings->len);
        for (guint i = 0; i < photos->len; i++)
          {
            TrPhoto *expected = g_ptr_array_index (photos, i);
            TrPhoto *photo = g_ptr_array_index (ahead, i);

            g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, tr_photo_get_mime_type (expected));
            g_assert_cmpstr (tr_photo_get_caption (photo), ==, tr_photo_get_caption (expected));
            g_assert_true (g_bytes_equal (tr_photo_get_data (photo), tr_photo_get_data (expected)));
          }
        n_read += photos->len;
      }
  return n_read;
}

/* The worker has the pictures of the last pages read from the end back
 * while it parses the text, JPEGs only, stopping at a picture it would
 * have to decode or once it has as many as a report takes: stopped at any
 * point, with the appendix starting anywhere, the photos are those read
 * at once (the same bytes, captions, pages, caption lines and warnings).
 * Here three pictures to a page, some pages with text only, those of one
 * page stored losslessly: near the start (more than a report takes after
 * it), then near the end. */
static void
test_photos_read_ahead (void)
{
  const guint lossless_pages[] = { 5, 60 };

  for (guint r = 0; r < G_N_ELEMENTS (lossless_pages); r++)
    {
      g_autofree char *name = g_strdup_printf ("photos-read-ahead-%u.pdf", r);
      g_autofree char *path = test_path (name);
      cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));
      g_autoptr(GBytes) data = NULL;
      guint n_pages = 64, n_pictures = 0;

      cairo_surface_destroy (cairo_get_target (cr));
      for (guint page = 0; page < n_pages; page++)
        {
          if (page % 5 == 3)
            show_text (cr, 72, 100, "本頁沒有照片，只有文字說明。");
          else
            for (guint i = 0; i < 3; i++)
              {
                cairo_surface_t *picture = make_picture (120, 90, 100 + page * 3 + i, FALSE);
                g_autoptr(GBytes) jpeg = page == lossless_pages[r] ? NULL : encode_jpeg (picture);
                g_autofree char *caption = g_strdup_printf ("照片 %u：第 %u 頁", ++n_pictures, page + 1);

                draw_picture (cr, picture, jpeg, 72, 60 + i * 250, 240, 180);
                show_text (cr, 72, 60 + i * 250 + 186, caption);
                cairo_surface_destroy (picture);
              }
          cairo_show_page (cr);
        }
      finish_pdf (cr);
      g_assert_cmpuint (n_pictures, >, TR_PDF_MAX_PHOTOS);

      data = read_bytes (path);
      /* Both kinds, and up to the limit. */
      g_assert_cmpuint (check_read_ahead (data), >, 4 * TR_PDF_MAX_PHOTOS);
    }
}

void
add_photos_tests (void)
{
  g_test_add_func ("/import/photos/grid-wrapped-captions", test_photos_grid_wrapped_captions);
  g_test_add_func ("/import/photos/jpeg-as-stored", test_photos_jpeg_as_stored);
  g_test_add_func ("/import/photos/jpeg-through-import", test_photos_jpeg_through_import);
  g_test_add_func ("/import/photos/stored-once", test_photos_stored_once);
  g_test_add_func ("/import/photos/lossless-as-png", test_photos_lossless_as_png);
  g_test_add_func ("/import/photos/many-pages", test_photos_many_pages);
  g_test_add_func ("/import/photos/worker-cut-short", test_photos_worker_cut_short);
  g_test_add_func ("/import/photos/damaged-jpeg", test_photos_damaged_jpeg);
  g_test_add_func ("/import/photos/jpeg-by-offset", test_photos_jpeg_by_offset);
  g_test_add_func ("/import/photos/offset-hostile", test_photos_offset_hostile);
  g_test_add_func ("/import/photos/read-ahead", test_photos_read_ahead);
}
