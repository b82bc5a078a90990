/* test-store-lock.c: a report in review or approved is what was handed in;
 * the store refuses a save that would change it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "tr-error.h"
#include "tr-report-store.h"
#include "tr-test-util.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tr-lock-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static TrReport *
load_independently (Fixture    *fixture,
                    const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  TrReport *report;

  g_assert_no_error (error);
  report = tr_report_store_load (other, id, &error);
  g_assert_no_error (error);
  return report;
}

static GBytes *
png_bytes (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 32, 24);
  g_autoptr(GError) error = NULL;
  gchar *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

/* Each kind of change a locked report may not take, one at a time. */
typedef void (*Change) (TrReport *report);

static void change_text (TrReport *report) { tr_report_set_section (report, TR_SECTION_PURPOSE, "改過的目的。"); }
static void change_title (TrReport *report) { tr_report_set_text (report, TR_FIELD_TITLE, "另一個標題"); }
static void change_keywords (TrReport *report) { tr_report_set_keywords (report, (const char *[]) { "新", NULL }); }

static void
change_traveller (TrReport *report)
{
  g_autoptr(TrTraveller) traveller = tr_traveller_new ();

  tr_traveller_set (traveller, TR_TRAVELLER_NAME, "陳小明");
  g_list_store_append (tr_report_get_travellers (report), traveller);
}

static void
remove_photo (TrReport *report)
{
  g_list_store_remove (tr_report_get_photos (report), 0);
}

static void
recaption_photo (TrReport *report)
{
  g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (report)), 0);

  tr_photo_set_caption (photo, "新的說明");
}

static void
add_photo (TrReport *report)
{
  g_autoptr(GBytes) data = png_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPhoto) photo = tr_photo_new_from_bytes (data, "more.png", &error);

  g_assert_no_error (error);
  g_list_store_append (tr_report_get_photos (report), photo);
}

static void
change_table (TrReport *report)
{
  g_autoptr(TrTable) table = tr_table_new (2, 2);

  /* A schedule in 過程. */
  tr_table_set_cell (table, 0, 0, "日期");
  tr_table_set_cell (table, 0, 1, "地點");
  tr_table_set_cell (table, 1, 0, "7月9日");
  tr_table_set_cell (table, 1, 1, "塔林");
  tr_body_append_table (tr_report_get_body (report, TR_FIELD_PROCESS), table);
}

static const struct {
  const char *name;
  Change change;
} changes[] = {
  { "text", change_text },
  { "title", change_title },
  { "keywords", change_keywords },
  { "traveller", change_traveller },
  { "photo removed", remove_photo },
  { "photo recaptioned", recaption_photo },
  { "photo added", add_photo },
  { "table", change_table },
};

static void
test_locked_refuses_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  TrReviewStatus status = GPOINTER_TO_UINT (data);
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GBytes) png = png_bytes ();
  g_autoptr(TrPhoto) photo = NULL;
  g_autoptr(TrReport) handed_in = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = tr_report_get_id (report);

  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府出國報告");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "了解數位身分證。");
  photo = tr_photo_new_from_bytes (png, "tallinn.png", &error);
  g_assert_no_error (error);
  tr_photo_set_caption (photo, "塔林市政廳");
  g_list_store_append (tr_report_get_photos (report), photo);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  if (status == TR_REVIEW_STATUS_APPROVED)
    g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_APPROVED, &error));
  g_assert_no_error (error);
  handed_in = load_independently (fixture, id);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(TrReport) changed = tr_report_copy (handed_in);
      g_autoptr(TrReport) stored = NULL;

      changes[i].change (changed);
      g_assert_false (tr_report_content_equal (changed, handed_in));
      g_assert_false (tr_report_store_save (fixture->store, changed, &error));
      g_test_message ("%s: %s", changes[i].name, error->message);
      g_assert_error (error, TR_ERROR, TR_ERROR_REPORT_LOCKED);
      g_assert_nonnull (strstr (error->message, status == TR_REVIEW_STATUS_APPROVED ? "approved" : "review"));
      g_clear_error (&error);
      stored = load_independently (fixture, id);
      g_assert_true (tr_report_content_equal (stored, handed_in));
    }

  /* Saved as it is, or with the page count an export found: fine. */
  g_assert_true (tr_report_store_save (fixture->store, handed_in, &error));
  g_assert_no_error (error);
  tr_report_set_pages (handed_in, 12);
  g_assert_true (tr_report_store_save (fixture->store, handed_in, &error));
  g_assert_no_error (error);
  {
    g_autoptr(TrReport) stored = load_independently (fixture, id);

    g_assert_cmpuint (tr_report_get_pages (stored), ==, 12);
  }
}

static void
test_returned_takes_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = tr_report_get_id (report);

  tr_report_set_section (report, TR_SECTION_PURPOSE, "了解數位身分證。");
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_RETURNED, &error));
  g_assert_no_error (error);

  /* Returned for correction: corrected. */
  tr_report_set_section (report, TR_SECTION_PURPOSE, "了解數位身分證與電子投票。");
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_no_error (error);
  stored = load_independently (fixture, id);
  g_assert_cmpstr (tr_report_get_section (stored, TR_SECTION_PURPOSE), ==, "了解數位身分證與電子投票。");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/lock/submitted", Fixture, GUINT_TO_POINTER (TR_REVIEW_STATUS_SUBMITTED),
              fixture_set_up, test_locked_refuses_changes, fixture_tear_down);
  g_test_add ("/store/lock/approved", Fixture, GUINT_TO_POINTER (TR_REVIEW_STATUS_APPROVED),
              fixture_set_up, test_locked_refuses_changes, fixture_tear_down);
  g_test_add ("/store/lock/returned", Fixture, NULL,
              fixture_set_up, test_returned_takes_changes, fixture_tear_down);

  return g_test_run ();
}
