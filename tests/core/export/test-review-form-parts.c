/* test-review-form-parts.c: the one-page review form carries what it shows
 *
 * The 審核表 names the report and ticks its items: it shows no photo, so
 * its ODT holds none of the report's pictures, whatever their number,
 * and stays a few tens of kilobytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <zip.h>

#include "tr-odt-review-form.h"
#include "tr-test-report.h"

static void
test_no_photos (void)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;
  guint64 photo_bytes = 0;
  zip_source_t *source;
  zip_t *archive;
  gsize size;
  gconstpointer data;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(TrPhoto) photo = tr_test_make_photo ("jpeg", 1600, 1200, "會場");

      photo_bytes += g_bytes_get_size (tr_photo_get_data (photo));
      g_list_store_append (tr_report_get_photos (report), photo);
    }
  tr_review_prefill (review, report, NULL);
  package = tr_odt_review_form_to_bytes (report, review, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (package, &size);

  source = zip_source_buffer_create (data, size, 0, NULL);
  archive = zip_open_from_source (source, ZIP_RDONLY, NULL);
  g_assert_nonnull (archive);
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    {
      const char *name = zip_get_name (archive, i, 0);

      g_test_message ("%s", name);
      g_assert_false (g_str_has_prefix (name, "Pictures/"));
    }
  zip_close (archive);
  g_test_message ("%" G_GSIZE_FORMAT " bytes, the photos %" G_GUINT64_FORMAT, size, photo_bytes);
  g_assert_cmpuint (size, <, 100 * 1000);
  g_assert_cmpuint (size, <, photo_bytes / 10);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review-form-parts/no-photos", test_no_photos);

  return g_test_run ();
}
