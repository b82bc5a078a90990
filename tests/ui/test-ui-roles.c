/* test-ui-roles.c: who uses the app, set once in Preferences, under Xvfb
 *
 * A real window with real settings (the build's schema, the memory
 * backend) and a real library: what is typed in Preferences is kept in
 * the settings, fills a new draft's 聯絡人, 電話 and first traveller,
 * signs a comment and the 出國人 box of the review form; a new draft left
 * as it was made still goes away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "editor/tr-report-editor-private.h"
#include "editor/tr-section-editor.h"
#include "review/tr-review-bar.h"
#include "review/tr-review-form.h"
#include "tr-alert.h"
#include "tr-error.h"
#include "tr-identity-page.h"
#include "tr-odt-exporter.h"
#include "tr-office-import.h"
#include "tr-review-merge.h"
#include "tr-preferences-dialog.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  TrReportStore *store;
  GSettings *settings;
  TrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  static const char * const keys[] = { "identity-name", "identity-title", "identity-unit", "identity-phone" };

  fixture->dir = g_dir_make_tmp ("tr-ui-roles-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new ("org.example.TripReports");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
  fixture->window = tr_window_new (NULL, fixture->store, NULL, fixture->settings);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->settings);
  release_and_wait (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A widget of @type in a shown window: a dialog is a window of its own
 * (libadwaita 1.2) or drawn inside its parent (1.5). */
static GtkWidget *
find_mapped (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found;

      if (gtk_widget_get_mapped (window) && (found = find_descendant (window, type)) != NULL &&
          gtk_widget_get_mapped (found))
        return found;
    }
  return NULL;
}

static void
close_dialog (GtkWidget *page)
{
  GType type = G_OBJECT_TYPE (page);

  tr_preferences_dialog_close (gtk_widget_get_ancestor (page, TR_TYPE_PREFERENCES_DIALOG));
  wait_until (find_mapped (type) == NULL, 2000);
}

static TrReport *
load (Fixture    *fixture,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_store_load (fixture->store, id, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_preferences_fill_new_draft (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *page;
  g_autoptr(TrReport) stored = NULL;
  g_autoptr(TrTraveller) first = NULL;
  g_autofree char *name = NULL;
  g_autofree char *first_id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.preferences", NULL);
  wait_until ((page = find_mapped (TR_TYPE_IDENTITY_PAGE)) != NULL, 2000);
  /* As typed: the space between two words stays in the row. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "name")), "王小明 ");
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "title")), "科長");
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "unit")), "國際合作科");
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "phone")), "02-2345-6789");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (page, "name"))), ==, "王小明 ");
  wait_until (gtk_widget_get_width (page) > 0, 2000);
  save_screenshot (GTK_WIDGET (gtk_widget_get_root (page)), "preferences.png");
  close_dialog (page);
  /* Kept in the settings, as the next start reads them. */
  name = g_settings_get_string (fixture->settings, "identity-name");
  g_assert_cmpstr (name, ==, "王小明");

  /* A new draft: stored at once with them. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  first_id = g_strdup (tr_report_get_id (tr_window_get_report (fixture->window)));
  stored = load (fixture, first_id);
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_CONTACT), ==, "王小明");
  g_assert_cmpstr (tr_report_get_text (stored, TR_FIELD_PHONE), ==, "02-2345-6789");
  first = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (stored)), 0);
  g_assert_nonnull (first);
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "王小明");
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_TITLE), ==, "科長");
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_UNIT), ==, "國際合作科");

  /* Left as it was made, it goes when another is made. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  g_assert_cmpstr (tr_report_get_id (tr_window_get_report (fixture->window)), !=, first_id);
  g_assert_cmpuint (tr_report_store_count (fixture->store, NULL), ==, 1);
}

/* A comment is signed with the name set, and so is the 出國人 box of the
 * author's review form. */
static void
test_comment_and_form_signed (Fixture       *fixture,
                              gconstpointer  data)
{
  TrReportEditor *editor;
  TrSectionEditor *process;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *alert;
  GtkWidget *form;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_set_string (fixture->settings, "identity-name", "李大華");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (fixture->window)));
  editor = TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
  process = TR_SECTION_EDITOR (tr_report_editor_get_text_editor (editor, TR_FIELD_PROCESS));
  buffer = tr_section_editor_get_buffer (process);
  gtk_text_buffer_set_text (buffer, "一、拜會東京都廳", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 4);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 8);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-comment", NULL));
  wait_until ((alert = find_mapped (TR_TYPE_ALERT)) != NULL, 2000);
  gtk_editable_set_text (GTK_EDITABLE (tr_alert_get_extra_child (alert)), "請寫出全名");
  g_signal_emit_by_name (alert, "response", "comment");
  wait_until ((comments = tr_report_store_list_comments (fixture->store, id, NULL)) != NULL &&
              comments->len == 1, 3000);
  g_assert_cmpstr (tr_comment_get_author (comments->pdata[0]), ==, "李大華");
  if (find_mapped (TR_TYPE_ALERT) != NULL)
    gtk_widget_activate_action (find_mapped (TR_TYPE_ALERT), "window.close", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.review-form", NULL));
  wait_until ((form = find_mapped (TR_TYPE_REVIEW_FORM)) != NULL, 3000);
  review = tr_report_store_load_review (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_review_get_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER), ==, "李大華");
  save_screenshot (GTK_WIDGET (gtk_widget_get_root (form)), "review-form-author.png");
  close_dialog (form);
}

/* Across two libraries: the author's report sent for review, received in
 * the reviewer's window, approved there after the question, exported for
 * review from the window, and merged back into the author's library as
 * approved. */
static void
test_reviewer_sends_back (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GError) error = NULL;
  g_autofree char *author_db = g_build_filename (fixture->dir, "author.db", NULL);
  g_autofree char *returned = g_build_filename (fixture->dir, "審核後.odt", NULL);
  g_autoptr(GFile) returned_file = g_file_new_for_path (returned);
  g_autoptr(TrReportStore) author = tr_report_store_open (author_db, &error);
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GBytes) sent = NULL;
  g_autoptr(TrOfficeImport) received = NULL;
  g_autoptr(TrOfficeImport) back = NULL;
  g_autoptr(TrReviewMerge) merge = NULL;
  g_autoptr(TrReview) decided = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GtkWidget *bar;
  GtkWidget *alert;
  const char *id = tr_report_get_id (report);

  g_assert_no_error (error);
  tr_report_set_text (report, TR_FIELD_TITLE, "赴愛沙尼亞考察數位政府");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    tr_report_set_section (report, s, "內容。");
  g_assert_true (tr_report_store_save (author, report, &error));
  g_assert_true (tr_report_store_set_status (author, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  sent = tr_odt_export_for_review_to_bytes (report, NULL, review, &error);
  g_assert_no_error (error);

  /* The reviewer's library is the fixture's, the window's. */
  received = tr_office_import_new_from_bytes (sent, "送審.odt", &error);
  g_assert_no_error (error);
  g_assert_true (tr_office_import_receive (received, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (tr_window_open_report (fixture->window, id));
  bar = tr_report_editor_get_review_bar (TR_REPORT_EDITOR (tr_window_get_editor (fixture->window)));
  save_screenshot (GTK_WIDGET (fixture->window), "received.png");
  g_signal_emit_by_name (find_named (bar, "approve"), "clicked");
  wait_until ((alert = find_mapped (TR_TYPE_ALERT)) != NULL, 2000);
  save_screenshot (GTK_WIDGET (gtk_widget_get_root (alert)), "approve.png");
  g_signal_emit_by_name (alert, "response", "confirm");
  wait_until (tr_review_bar_get_status (TR_REVIEW_BAR (bar)) == TR_REVIEW_STATUS_APPROVED, 3000);

  tr_window_export_for_review (fixture->window, returned_file);
  wait_until (g_file_test (returned, G_FILE_TEST_EXISTS), 10000);
  /* Written in a temporary file and moved: whole once it is there. */
  g_assert_true (g_file_get_contents (returned, &contents, &length, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

    back = tr_office_import_new_from_bytes (bytes, "審核後.odt", &error);
    g_assert_no_error (error);
  }
  merge = tr_review_merge_new_for_store (author, id, back, &error);
  g_assert_no_error (error);
  g_assert_true (tr_review_merge_apply (merge, author, id, &error));
  g_assert_no_error (error);
  decided = tr_report_store_load_review (author, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (decided), ==, TR_REVIEW_STATUS_APPROVED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TR_LOCALEDIR") != NULL ? g_getenv ("TR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui-roles/preferences-fill-new-draft", Fixture, NULL, fixture_set_up,
              test_preferences_fill_new_draft, fixture_tear_down);
  g_test_add ("/ui-roles/comment-and-form-signed", Fixture, NULL, fixture_set_up,
              test_comment_and_form_signed, fixture_tear_down);
  g_test_add ("/ui-roles/reviewer-sends-back", Fixture, NULL, fixture_set_up,
              test_reviewer_sends_back, fixture_tear_down);
  return g_test_run ();
}
