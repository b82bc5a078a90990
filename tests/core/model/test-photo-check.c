/* test-photo-check.c: photos that would take all memory or are cut short,
 * refused before they are decoded, whichever way they come: the editor and
 * PDF import (tr_photo_new_from_bytes), the JSON form, the command line
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <zlib.h>

#include "tr-error.h"
#include "tr-photo.h"
#include "tr-report-json.h"
#include "tr-test-util.h"

/* PNGs are written here, chunk by chunk, so that they can declare any size:
 * gdk-pixbuf cannot make a 400-megapixel image without the memory for it. */

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 be_length = GUINT32_TO_BE ((guint32) length);
  guint32 crc = crc32 (0, (const Bytef *) type, 4);
  guint32 be_crc;

  /* zlib reads a NULL buffer as "start over". */
  if (length > 0)
    crc = crc32 (crc, data, length);
  be_crc = GUINT32_TO_BE (crc);
  g_byte_array_append (png, (const guint8 *) &be_length, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, length);
  g_byte_array_append (png, (const guint8 *) &be_crc, 4);
}

/* A black-and-white PNG of @width × @height, all black; @n_rows of it
 * (all of them if -1) in its data, and without its end when cut. */
static GBytes *
make_png (guint32 width,
          guint32 height,
          int     n_rows,
          gboolean complete)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  GByteArray *png = g_byte_array_new ();
  guint8 header[13] = { 0 };
  gsize row_size = 1 + (width + 7) / 8;  /* the filter byte, then 1 bit a pixel */
  g_autofree guint8 *row = g_malloc0 (row_size);
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  guint8 out[64 * 1024];
  z_stream stream = { 0 };
  guint32 be;

  g_byte_array_append (png, signature, sizeof signature);
  be = GUINT32_TO_BE (width);
  memcpy (header, &be, 4);
  be = GUINT32_TO_BE (height);
  memcpy (header + 4, &be, 4);
  header[8] = 1;  /* bit depth; colour type 0 (grey), no interlacing */
  append_chunk (png, "IHDR", header, sizeof header);

  g_assert_cmpint (deflateInit (&stream, Z_BEST_COMPRESSION), ==, Z_OK);
  for (guint32 y = 0; y < (n_rows < 0 ? height : (guint32) n_rows); y++)
    {
      gboolean last = y + 1 == (n_rows < 0 ? height : (guint32) n_rows);

      stream.next_in = row;
      stream.avail_in = row_size;
      do
        {
          stream.next_out = out;
          stream.avail_out = sizeof out;
          g_assert_cmpint (deflate (&stream, last ? Z_FINISH : Z_NO_FLUSH), !=, Z_STREAM_ERROR);
          g_byte_array_append (idat, out, sizeof out - stream.avail_out);
        }
      while (stream.avail_out == 0);
    }
  deflateEnd (&stream);
  append_chunk (png, "IDAT", idat->data, idat->len);
  if (complete)
    append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (png);
}

/* A real image from gdk-pixbuf, of noise, so that its data is long. */
static GBytes *
make_image (const char *format,
            int         width,
            int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 3; x++)
      pixels[y * gdk_pixbuf_get_rowstride (pixbuf) + x] = g_rand_int (rand) & 0xff;
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, format, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* @image with the width and height of its header made @width × @height. */
static GBytes *
declare_size (GBytes *image,
              guint   width,
              guint   height)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (image, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);

  if (size > 3 && data[0] == 0xFF && data[1] == 0xD8)
    {
      /* JPEG: the SOF0 segment, FF C0, length, precision, height, width. */
      for (gsize i = 2; i + 9 < size; i++)
        if (copy[i] == 0xFF && copy[i + 1] == 0xC0)
          {
            copy[i + 5] = height >> 8;
            copy[i + 6] = height & 0xff;
            copy[i + 7] = width >> 8;
            copy[i + 8] = width & 0xff;
            return g_bytes_new (copy, size);
          }
    }
  else if (size > 12 && memcmp (data + 8, "WEBP", 4) == 0)
    {
      /* Lossy WebP: after the frame's start code 9D 01 2A, 14 bits each. */
      for (gsize i = 12; i + 7 < size; i++)
        if (copy[i] == 0x9D && copy[i + 1] == 0x01 && copy[i + 2] == 0x2A)
          {
            copy[i + 3] = width & 0xff;
            copy[i + 4] = (width >> 8) & 0x3f;
            copy[i + 5] = height & 0xff;
            copy[i + 6] = (height >> 8) & 0x3f;
            return g_bytes_new (copy, size);
          }
    }
  g_assert_not_reached ();
}

static void
assert_refused (GBytes     *image,
                const char *name,
                const char *named)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPhoto) photo = tr_photo_new_from_bytes (image, name, &error);

  g_assert_null (photo);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, name));
  if (strstr (error->message, named) == NULL)
    g_error ("“%s” does not name “%s”", error->message, named);
}

static void
assert_accepted (GBytes *image,
                 guint   width,
                 guint   height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPhoto) photo = tr_photo_new_from_bytes (image, "photo", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tr_photo_get_width (photo), ==, width);
  g_assert_cmpuint (tr_photo_get_height (photo), ==, height);
}

/* A 50 KB PNG of 20000 × 20000 pixels took 1.6 GB to check, and a
 * 100000² one tried to take 40 GB. */
static void
test_pixel_limit_png (void)
{
  g_autoptr(GBytes) huge = make_png (20000, 20000, -1, TRUE);
  g_autoptr(GBytes) huger = make_png (100000, 100000, 16, FALSE);
  g_autoptr(GBytes) just_over = make_png (10001, 10000, -1, TRUE);
  g_autoptr(GBytes) wide = make_png (1000 * 1000, 101, -1, TRUE);
  g_autoptr(GBytes) small = make_png (640, 480, -1, TRUE);

  g_assert_cmpuint (g_bytes_get_size (huge), <, 100 * 1000);
  assert_refused (huge, "scan.png", "20000 × 20000 pixels");
  assert_refused (huge, "scan.png", "at most 100 megapixels");
  assert_refused (huger, "huger.png", "100000 × 100000 pixels");
  assert_refused (just_over, "over.png", "10001 × 10000 pixels");
  assert_refused (wide, "wide.png", "1000000 × 101 pixels");
  assert_accepted (small, 640, 480);
}

static void
test_pixel_limit_jpeg_webp (void)
{
  g_autoptr(GBytes) jpeg = make_image ("jpeg", 64, 48);
  g_autoptr(GBytes) huge_jpeg = declare_size (jpeg, 20000, 20000);
  g_autoptr(GBytes) webp = make_image ("webp", 64, 48);
  g_autoptr(GBytes) huge_webp = declare_size (webp, 16383, 16383);

  assert_accepted (jpeg, 64, 48);
  assert_refused (huge_jpeg, "photo.jpg", "20000 × 20000 pixels");
  assert_accepted (webp, 64, 48);
  assert_refused (huge_webp, "photo.webp", "16383 × 16383 pixels");
}

/* gdk-pixbuf decodes what it has of a file cut short, and says nothing. */
static void
test_truncated (void)
{
  static const char * const formats[] = { "png", "jpeg", "webp" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) image = make_image (formats[i], 200, 150);
      gsize size = g_bytes_get_size (image);
      g_autoptr(GBytes) half = g_bytes_new_from_bytes (image, 0, size / 2);
      g_autoptr(GBytes) short_of_end = g_bytes_new_from_bytes (image, 0, size - 2);
      g_autoptr(GByteArray) padded = g_byte_array_new ();
      g_autoptr(GBytes) padded_bytes = NULL;

      g_test_message ("%s", formats[i]);
      assert_accepted (image, 200, 150);
      assert_refused (half, "cut", "cut short");
      assert_refused (short_of_end, "cut", "cut short");

      /* What follows the end is not read, as image readers do: phones
       * write more after a JPEG. */
      g_byte_array_append (padded, g_bytes_get_data (image, NULL), size);
      g_byte_array_append (padded, (const guint8 *) "\xff\xd8 trailing data", 16);
      padded_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&padded));
      assert_accepted (padded_bytes, 200, 150);
    }

  /* The PNG this test writes, cut in its data or before its end. */
  {
    g_autoptr(GBytes) complete = make_png (300, 200, -1, TRUE);
    g_autoptr(GBytes) no_end = make_png (300, 200, -1, FALSE);

    assert_accepted (complete, 300, 200);
    assert_refused (no_end, "no-end.png", "cut short");
  }
}

/* @jpeg with noise (no 0xFF, so no marker) over its data from @from to
 * two bytes before its end. */
static GBytes *
scramble_data (GBytes *jpeg,
               double  from)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (jpeg, &size);
  g_autofree guint8 *copy = g_memdup2 (data, size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (gsize i = (gsize) (size * from); i + 2 < size; i++)
    copy[i] = g_rand_int_range (rand, 0, 0xFF);
  return g_bytes_new (copy, size);
}

/* A JPEG of one scan, as cameras write them, is decoded only as far as
 * its first rows; the rest of its structure is followed to its end. What
 * makes a decoder fail is all before those rows: the header, the tables,
 * the size. Damaged data past them is no error to a decoder (it shows
 * blotched, decoded whole or not); EXIF's orientation is still read. */
static void
test_jpeg_first_rows (void)
{
  g_autoptr(GBytes) jpeg = make_image ("jpeg", 640, 480);
  /* A Huffman table's code counts, the first made 255: more than 256 codes. */
  g_autoptr(GBytes) bad_huffman = tr_test_damage_jpeg_segments (jpeg, 0xC4, 5, 0xFF);
  /* Quantization tables numbered 3, which no component uses. */
  g_autoptr(GBytes) no_quantization = tr_test_damage_jpeg_segments (jpeg, 0xDB, 4, 0x03);
  /* 12 bits a sample. */
  g_autoptr(GBytes) twelve_bits = tr_test_damage_jpeg_segments (jpeg, 0xC0, 4, 12);
  /* Three components said to be 200: a scan of components there are not. */
  g_autoptr(GBytes) bad_scan = tr_test_damage_jpeg_segments (jpeg, 0xDA, 5, 200);
  g_autoptr(GBytes) scrambled = scramble_data (jpeg, 0.5);
  g_autoptr(GBytes) small = make_image ("jpeg", 64, 48);
  g_autoptr(GBytes) turned = NULL;

  assert_accepted (jpeg, 640, 480);
  assert_refused (bad_huffman, "huffman.jpg", "damaged");
  assert_refused (no_quantization, "quantization.jpg", "damaged");
  assert_refused (twelve_bits, "twelve.jpg", "damaged");
  assert_refused (bad_scan, "scan.jpg", "damaged");
  assert_accepted (scrambled, 640, 480);

  /* EXIF orientation 6: stored wide, shown tall. */
  {
    gsize size;
    const guint8 *data = g_bytes_get_data (small, &size);
    static const guint8 exif[] = {
      0xFF, 0xE1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
      'M', 'M', 0, 42, 0, 0, 0, 8,               /* big-endian TIFF, IFD at 8 */
      0, 1,                                      /* one entry */
      0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,  /* Orientation, SHORT, 1: 6 */
      0, 0, 0, 0,                                /* no next IFD */
    };
    GByteArray *out = g_byte_array_new ();

    g_byte_array_append (out, data, 2);
    g_byte_array_append (out, exif, sizeof exif);
    g_byte_array_append (out, data + 2, size - 2);
    turned = g_byte_array_free_to_bytes (out);
  }
  assert_accepted (turned, 48, 64);
}

static char *
photo_json (GBytes *image)
{
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (image, NULL), g_bytes_get_size (image));

  return g_strdup_printf ("{\"photos\": [{\"caption\": \"照片\", \"data\": \"%s\"}]}", base64);
}

/* Photos in the JSON form: the same checks, the photo named by its key. */
static void
test_json (void)
{
  g_autoptr(GBytes) huge = make_png (20000, 20000, -1, TRUE);
  g_autoptr(GBytes) jpeg = make_image ("jpeg", 64, 48);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (jpeg, 0, g_bytes_get_size (jpeg) - 100);
  g_autofree char *huge_json = photo_json (huge);
  g_autofree char *cut_json = photo_json (cut);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;

  report = tr_report_new_from_json (huge_json, -1, &error);
  g_assert_null (report);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "“photos[0].data” is 20000 × 20000 pixels"));
  g_clear_error (&error);

  report = tr_report_new_from_json (cut_json, -1, &error);
  g_assert_null (report);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "“photos[0].data” is cut short"));
}

/* And through the command line: one line, and nothing stored. */
static void
test_cli (void)
{
  g_autoptr(GBytes) huge = make_png (20000, 20000, -1, TRUE);
  g_autofree char *json = photo_json (huge);
  g_autofree char *dir = g_dir_make_tmp ("test-photo-check-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_auto(TrTestRun) result =
    tr_test_run_binary (dir, json, (const char * const []) { "new", "--from-json", "-", "--db", db, NULL });

  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.out, ==, "");
  /* One line. */
  g_assert_true (g_str_has_prefix (result.err, "trip-reports: "));
  g_assert_true (strchr (result.err, '\n') == result.err + strlen (result.err) - 1);
  g_assert_nonnull (strstr (result.err, "“photos[0].data” is 20000 × 20000 pixels"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  tr_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/photo-check/pixel-limit/png", test_pixel_limit_png);
  g_test_add_func ("/photo-check/pixel-limit/jpeg-webp", test_pixel_limit_jpeg_webp);
  g_test_add_func ("/photo-check/truncated", test_truncated);
  g_test_add_func ("/photo-check/jpeg-first-rows", test_jpeg_first_rows);
  g_test_add_func ("/photo-check/json", test_json);
  g_test_add_func ("/photo-check/cli", test_cli);

  return g_test_run ();
}
