/* test-photos.c: the photos of a report's appendix in the core: checking
 * images, the size limit, the store round trip, reordering and removing,
 * and the JSON form
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tr-error.h"
#include "tr-pdf-photos.h"
#include "tr-photo.h"
#include "tr-report-json.h"
#include "tr-report-store.h"
#include "tr-test-util.h"
#include "tr-unigram-tokenizer.h"

/* A real image of @width × @height in @format ("png", "jpeg"), in a colour
 * that depends on @seed so that two images differ. */
static GBytes *
make_image (const char *format,
            int         width,
            int         height,
            guint       seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x20406000u + (seed * 0x1f3d5b00u) + 0xff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, format, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static TrPhoto *
make_photo (const char *format,
            int         width,
            int         height,
            guint       seed,
            const char *caption)
{
  g_autoptr(GBytes) data = make_image (format, width, height, seed);
  g_autoptr(GError) error = NULL;
  TrPhoto *photo = tr_photo_new_from_bytes (data, "test image", &error);

  g_assert_no_error (error);
  g_assert_nonnull (photo);
  tr_photo_set_caption (photo, caption);
  return photo;
}

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tr-photos-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
test_photo_png (void)
{
  g_autoptr(TrPhoto) photo = make_photo ("png", 640, 480, 1, "照片說明");
  g_autoptr(TrPhoto) copy = tr_photo_copy (photo);

  g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/png");
  g_assert_cmpstr (tr_photo_get_extension (photo), ==, "png");
  g_assert_cmpuint (tr_photo_get_width (photo), ==, 640);
  g_assert_cmpuint (tr_photo_get_height (photo), ==, 480);
  g_assert_true (g_uuid_string_is_valid (tr_photo_get_id (photo)));
  g_assert_cmpstr (tr_photo_get_caption (photo), ==, "照片說明");

  /* A copy shares the bytes, never duplicates them. */
  g_assert_true (tr_photo_get_data (copy) == tr_photo_get_data (photo));
  g_assert_true (tr_photo_equal (photo, copy));
  tr_photo_set_caption (copy, "另一個說明");
  g_assert_false (tr_photo_equal (photo, copy));
  tr_photo_set_caption (copy, "");
  g_assert_cmpstr (tr_photo_get_caption (copy), ==, "");
}

static void
test_photo_jpeg (void)
{
  g_autoptr(TrPhoto) photo = make_photo ("jpeg", 300, 900, 2, NULL);

  g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/jpeg");
  g_assert_cmpstr (tr_photo_get_extension (photo), ==, "jpg");
  g_assert_cmpuint (tr_photo_get_width (photo), ==, 300);
  g_assert_cmpuint (tr_photo_get_height (photo), ==, 900);
}

/* WebP needs gdk-pixbuf's WebP loader (webp-pixbuf-loader); the app
 * declares it, so a machine without it fails here loudly. */
static void
test_photo_webp (void)
{
  g_autoptr(TrPhoto) photo = make_photo ("webp", 200, 100, 3, NULL);

  g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/webp");
  g_assert_cmpstr (tr_photo_get_extension (photo), ==, "webp");
  g_assert_cmpuint (tr_photo_get_width (photo), ==, 200);
  g_assert_cmpuint (tr_photo_get_height (photo), ==, 100);
}

static void
test_photo_size_limit (void)
{
  g_autoptr(GBytes) png = make_image ("png", 16, 16, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPhoto) photo = NULL;
  g_autoptr(GByteArray) big = g_byte_array_sized_new (TR_PHOTO_MAX_SIZE + 1);
  g_autoptr(GBytes) big_bytes = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *limit = g_format_size (TR_PHOTO_MAX_SIZE);

  /* A valid PNG start, then padding past the limit: the size alone must
   * refuse it, before any decoding. */
  g_byte_array_append (big, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_byte_array_set_size (big, TR_PHOTO_MAX_SIZE + 1);
  big_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&big));
  /* Rounded, it would read as the limit itself: the message gives bytes. */
  actual = g_format_size_full (TR_PHOTO_MAX_SIZE + 1, G_FORMAT_SIZE_LONG_FORMAT);

  photo = tr_photo_new_from_bytes (big_bytes, "huge.png", &error);
  g_assert_null (photo);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "huge.png"));
  /* "20.0 MB" (GLib puts a no-break space before the unit). */
  g_assert_true (g_str_has_prefix (limit, "20.0"));
  g_assert_nonnull (strstr (error->message, limit));
  g_assert_nonnull (strstr (error->message, actual));
  g_clear_error (&error);

  /* Exactly at the limit is accepted (PNG readers ignore what follows the
   * image's end, here the padding). */
  {
    g_autoptr(GBytes) at_limit = g_bytes_new_from_bytes (big_bytes, 0, TR_PHOTO_MAX_SIZE);

    photo = tr_photo_new_from_bytes (at_limit, "limit.png", &error);
    g_assert_no_error (error);
    g_assert_nonnull (photo);
    g_assert_cmpuint (tr_photo_get_width (photo), ==, 16);
    g_assert_cmpuint (g_bytes_get_size (tr_photo_get_data (photo)), ==, TR_PHOTO_MAX_SIZE);
  }
}

static void
test_photo_not_an_image (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("這不是圖片", strlen ("這不是圖片"));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) png = make_image ("png", 64, 64, 5);
  /* Cut inside the header (cut in its pixels: test-photo-check). */
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (png, 0, 20);
  g_autoptr(GBytes) bmp = make_image ("bmp", 8, 8, 6);
  g_autoptr(GError) error = NULL;

  g_assert_null (tr_photo_new_from_bytes (text, "notes.txt", &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_clear_error (&error);

  g_assert_null (tr_photo_new_from_bytes (empty, "empty.jpg", &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_null (tr_photo_new_from_bytes (truncated, "cut.png", &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "cut.png"));
  g_clear_error (&error);

  /* An image, but not one a report may hold. */
  g_assert_null (tr_photo_new_from_bytes (bmp, "scan.bmp", &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "JPEG"));
}

static void
test_report_move_photo (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  GListStore *photos = tr_report_get_photos (report);
  g_autoptr(TrPhoto) a = make_photo ("png", 10, 10, 7, "A");
  g_autoptr(TrPhoto) b = make_photo ("png", 10, 10, 8, "B");
  g_autoptr(TrPhoto) c = make_photo ("png", 10, 10, 9, "C");
  g_autoptr(TrReport) copy = NULL;
  const char *expected[] = { "C", "A", "B" };

  g_list_store_append (photos, a);
  g_list_store_append (photos, b);
  g_list_store_append (photos, c);
  copy = tr_report_copy (report);
  g_assert_true (tr_report_content_equal (report, copy));

  tr_report_move_photo (report, 2, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (photos), i);

      g_assert_cmpstr (tr_photo_get_caption (photo), ==, expected[i]);
    }
  g_assert_false (tr_report_content_equal (report, copy));
}

/* Counts, with triggers in the database itself, how often photo bytes are
 * written: the store must not rewrite them on every autosave. */
static sqlite3 *
open_counting (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (tr_unigram_tokenizer_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE blob_writes (n INTEGER);"
                                 "INSERT INTO blob_writes VALUES (0);"
                                 "CREATE TRIGGER photo_inserted AFTER INSERT ON photos"
                                 " BEGIN UPDATE blob_writes SET n = n + 1; END;"
                                 "CREATE TRIGGER photo_data_updated AFTER UPDATE OF data ON photos"
                                 " BEGIN UPDATE blob_writes SET n = n + 1; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_captions (TrReport           *report,
                 const char * const *captions)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));

  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, g_strv_length ((char **) captions));
  for (guint i = 0; captions[i] != NULL; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);

      g_assert_cmpstr (tr_photo_get_caption (photo), ==, captions[i]);
    }
}

static void
test_store_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(TrPhoto) first = make_photo ("jpeg", 800, 600, 10, "照片一：參訪市政府");
  g_autoptr(TrPhoto) second = make_photo ("png", 320, 240, 11, "與會人員合影");
  g_autoptr(TrPhoto) third = make_photo ("png", 100, 200, 12, NULL);
  GListStore *photos = tr_report_get_photos (report);
  sqlite3 *db;

  g_assert_no_error (error);
  tr_report_set_text (report, TR_FIELD_TITLE, "赴日本考察報告");
  g_list_store_append (photos, first);
  g_list_store_append (photos, second);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);

  /* A second connection sees exactly what was saved, bytes included. */
  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  loaded = tr_report_store_load (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_true (tr_report_content_equal (report, loaded));
  {
    g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (loaded)), 0);

    g_assert_cmpstr (tr_photo_get_mime_type (photo), ==, "image/jpeg");
    g_assert_cmpuint (tr_photo_get_width (photo), ==, 800);
    g_assert_cmpuint (tr_photo_get_height (photo), ==, 600);
    g_assert_true (g_bytes_equal (tr_photo_get_data (photo), tr_photo_get_data (first)));
  }
  g_clear_object (&loaded);

  db = open_counting (fixture->path);

  /* Autosaves of text, captions and order write no photo bytes. */
  tr_report_set_text (report, TR_FIELD_PURPOSE, "了解智慧城市。");
  g_assert_true (tr_report_store_save (store, report, &error));
  tr_photo_set_caption (second, "與會人員於會場合影");
  tr_report_move_photo (report, 1, 0);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT n FROM blob_writes"), ==, 0);

  loaded = tr_report_store_load (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  assert_captions (loaded, (const char * const[]) { "與會人員於會場合影", "照片一：參訪市政府", NULL });
  g_assert_true (tr_report_content_equal (report, loaded));
  g_clear_object (&loaded);

  /* Captions are searched with the appendix, and the index follows them
   * (the index checks itself: what a save removed was what the
   * save before had added). */
  {
    g_autoptr(GPtrArray) hits = tr_report_store_search (other, "於會場合影", 0, &error);
    g_autoptr(GPtrArray) old_hits = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    old_hits = tr_report_store_search (other, "與會人員合影", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (old_hits->len, ==, 0);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO report_fts_short (report_fts_short) VALUES ('integrity-check')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }

  /* A new photo is written once; removing one deletes its row. */
  g_list_store_append (photos, third);
  g_list_store_remove (photos, 1);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT n FROM blob_writes"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM photos"), ==, 2);

  loaded = tr_report_store_load (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  assert_captions (loaded, (const char * const[]) { "與會人員於會場合影", "", NULL });
  g_assert_true (tr_report_content_equal (report, loaded));
  g_clear_object (&loaded);

  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO report_fts_short (report_fts_short) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Removing the last photo leaves no row behind. */
  g_list_store_remove_all (photos);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM photos"), ==, 0);

  /* Deleting a report takes its photos with it. */
  g_list_store_append (photos, first);
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM photos"), ==, 1);
  g_assert_true (tr_report_store_delete (store, tr_report_get_id (report), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM photos"), ==, 0);

  sqlite3_close (db);
}

static void
test_json_round_trip (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrPhoto) first = make_photo ("jpeg", 120, 80, 13, "照片說明");
  g_autoptr(TrPhoto) second = make_photo ("png", 30, 40, 14, NULL);
  g_autoptr(TrReport) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_list_store_append (tr_report_get_photos (report), first);
  g_list_store_append (tr_report_get_photos (report), second);
  json = tr_report_to_json (report, FALSE);
  g_assert_nonnull (strstr (json, "\"photos\""));
  g_assert_nonnull (strstr (json, "\"mime_type\":\"image/jpeg\""));

  parsed = tr_report_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (tr_report_content_equal (report, parsed));
}

static void
test_json_invalid (void)
{
  g_autoptr(GBytes) png = make_image ("png", 8, 8, 15);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  struct {
    const char *json;
    const char *message_part;
  } cases[] = {
    { "{\"photos\": {}}", "photos" },
    { "{\"photos\": [\"x\"]}", "photos[0]" },
    { "{\"photos\": [{\"caption\": \"a\"}]}", "photos[0].data" },
    { "{\"photos\": [{\"data\": \"%s\", \"colour\": 1}]}", "colour" },
    { "{\"photos\": [{\"data\": \"aGVsbG8=\"}]}", "photos[0].data" },
    { "{\"photos\": [{\"data\": \"%s\", \"mime_type\": \"image/jpeg\"}]}", "image/png" },
    { "{\"photos\": [{\"id\": \"a\", \"data\": \"%s\"}, {\"id\": \"a\", \"data\": \"%s\"}]}", "twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = NULL;
      g_autoptr(GString) json = g_string_new (cases[i].json);

      g_string_replace (json, "%s", base64, 0);
      report = tr_report_new_from_json (json->str, -1, &error);
      g_assert_null (report);
      g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].message_part);
    }
}

static void
test_strip_photo_number (void)
{
  const struct {
    const char *line;
    const char *caption;
  } cases[] = {
    { "照片 1：開幕式會場", "開幕式會場" },
    { "照片1：參訪e-Estonia展示中心", "參訪e-Estonia展示中心" },
    { "照片１２、與會人員合影", "與會人員合影" },
    { "照片十：市政府外觀", "市政府外觀" },
    { "圖 3 拜會市長", "拜會市長" },
    { "Photo 2: Site visit", "Site visit" },
    { "照片 4", "" },
    { "開幕式會場", NULL },
    { "照片說明如下", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *caption = tr_pdf_strip_photo_number (cases[i].line);

      g_assert_cmpstr (caption, ==, cases[i].caption);
    }
}

/* A report with a large original file and photos is saved in one
 * transaction with a cache as large (tr-report-store.c): it reads back
 * whole, and SQLite's memory is what it was once the save is done. */
static void
test_store_large_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrReportStore) other = NULL;
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_IMPORTED);
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  gsize source_size = 12 * 1024 * 1024;
  guint8 *source = g_malloc (source_size);
  g_autoptr(GBytes) source_bytes = NULL;
  g_autoptr(GBytes) stored_source = NULL;
  g_autofree char *sha256 = NULL;
  GListStore *photos = tr_report_get_photos (report);
  sqlite3_int64 before;

  g_assert_no_error (error);
  for (gsize i = 0; i < source_size; i += 4)
    *(guint32 *) (source + i) = g_rand_int (rand);
  source_bytes = g_bytes_new_take (source, source_size);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, source_bytes);
  tr_report_set_text (report, TR_FIELD_TITLE, "赴德國考察報告");
  tr_report_set_source_full (report, "large.pdf", source_bytes, sha256);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(TrPhoto) photo = make_photo ("png", 600, 400, 20 + i, "照片");

      g_list_store_append (photos, photo);
    }

  before = sqlite3_memory_used ();
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);
  g_test_message ("SQLite's memory: %" G_GINT64_FORMAT " bytes before the save, %" G_GINT64_FORMAT " after",
                  (gint64) before, (gint64) sqlite3_memory_used ());
  /* The default cache's 2000 KiB at most, not the save's 12 MB. */
  g_assert_cmpint (sqlite3_memory_used () - before, <, 3 * 1024 * 1024);

  other = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
  loaded = tr_report_store_load (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_photos (loaded))), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(TrPhoto) saved = g_list_model_get_item (G_LIST_MODEL (photos), i);
      g_autoptr(TrPhoto) read = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (loaded)), i);

      g_assert_true (g_bytes_equal (tr_photo_get_data (saved), tr_photo_get_data (read)));
    }
  stored_source = tr_report_store_load_source_data (other, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored_source, source_bytes));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/photo/png", test_photo_png);
  g_test_add_func ("/photo/jpeg", test_photo_jpeg);
  g_test_add_func ("/photo/webp", test_photo_webp);
  g_test_add_func ("/photo/size-limit", test_photo_size_limit);
  g_test_add_func ("/photo/not-an-image", test_photo_not_an_image);
  g_test_add_func ("/photo/report-move", test_report_move_photo);
  g_test_add ("/photo/store-round-trip", Fixture, NULL, fixture_set_up, test_store_round_trip,
              fixture_tear_down);
  g_test_add ("/photo/store-large-save", Fixture, NULL, fixture_set_up, test_store_large_save,
              fixture_tear_down);
  g_test_add_func ("/photo/json-round-trip", test_json_round_trip);
  g_test_add_func ("/photo/json-invalid", test_json_invalid);
  g_test_add_func ("/photo/strip-number", test_strip_photo_number);

  return g_test_run ();
}
