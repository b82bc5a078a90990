/* test-ui-review-status.c: what the side panel says of a report in review,
 * approved, with photos and comments, in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <locale.h>

#include "editor/tr-report-editor-private.h"
#include "library/tr-library-view-private.h"
#include "review/tr-comments-panel-private.h"
#include "review/tr-review-bar.h"
#include "tr-problem.h"
#include "tr-test-report.h"
#include "tr-test-util.h"
#include "tr-window-private.h"
#include "tr-ui-test.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
  TrWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = open_test_library ("tr-ui-review-status-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (fixture->window, &fixture->store, &fixture->dir, &fixture->path);
}

static TrReportEditor *
open_report (Fixture  *fixture,
             TrReport *report)
{
  fixture->window = show_saved_report (fixture->store, report);
  return TR_REPORT_EDITOR (tr_window_get_editor (fixture->window));
}

static gboolean
has_problem (TrReportEditor *editor,
             TrProblemKind   kind)
{
  GListModel *problems = tr_report_editor_get_problems (editor);

  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(TrProblem) problem = g_list_model_get_item (problems, i);

      if (tr_problem_get_kind (problem) == kind)
        return TRUE;
    }
  return FALSE;
}

/* A complete report says Ready to Submit while a draft; once submitted or
 * approved, the panel says so instead. */
static void
test_heading_follows_status (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  TrReportEditor *editor;
  TrReviewBar *bar;
  g_autoptr(GError) error = NULL;
  GtkWidget *panel;

  /* A summary of 260 characters: nothing to fix. */
  {
    g_autoptr(GString) summary = g_string_new (NULL);

    for (guint i = 0; i < 20; i++)
      g_string_append (summary, "本次考察新加坡城市治理經驗");
    tr_report_set_text (report, TR_FIELD_SUMMARY, summary->str);
  }
  editor = open_report (fixture, report);
  g_assert_cmpuint (g_list_model_get_n_items (tr_report_editor_get_problems (editor)), ==, 0);
  panel = GTK_WIDGET (editor);
  g_assert_nonnull (find_label_showing (panel, "Ready to Submit", TRUE));

  bar = TR_REVIEW_BAR (tr_report_editor_get_review_bar (editor));
  g_assert_true (tr_review_bar_set_status (bar, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  g_assert_null (find_label_showing (panel, "Ready to Submit", TRUE));
  g_assert_nonnull (find_label_showing (panel, "Submitted for Review", TRUE));
  g_assert_true (tr_review_bar_set_status (bar, TR_REVIEW_STATUS_APPROVED, &error));
  g_assert_no_error (error);
  g_assert_null (find_label_showing (panel, "Ready to Submit", TRUE));

  /* Opened again as an approved report. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  editor = open_report (fixture, report);
  g_assert_null (find_label_showing (GTK_WIDGET (editor), "Ready to Submit", TRUE));
}

/* A photo without a caption is a thing to fix, and says which. */
static void
test_photo_without_caption (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrPhoto) captioned = tr_test_make_photo ("png", 40, 30, "開幕式會場");
  g_autoptr(TrPhoto) bare = tr_test_make_photo ("png", 40, 30, " ");
  g_autoptr(TrPhoto) photo = NULL;
  TrReportEditor *editor;

  g_list_store_append (tr_report_get_photos (report), captioned);
  g_list_store_append (tr_report_get_photos (report), bare);
  editor = open_report (fixture, report);
  g_assert_true (has_problem (editor, TR_PROBLEM_PHOTO_WITHOUT_CAPTION));
  g_assert_nonnull (find_label_showing (GTK_WIDGET (editor), "Photo 2 has no caption", TRUE));
  g_assert_null (find_label_showing (GTK_WIDGET (editor), "Photo 1 has no caption", TRUE));

  /* Captioned: fixed once saved. */
  photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (tr_window_get_report (fixture->window))), 1);
  tr_photo_set_caption (photo, "參訪市區重建局");
  wait_until (!has_problem (editor, TR_PROBLEM_PHOTO_WITHOUT_CAPTION), 5000);
}

/* Comments are dated the Minguo way, as the rest of the window. */
static void
test_comment_dates (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_test_make_report ();
  g_autoptr(TrComment) comment = tr_comment_new (TR_SECTION_PURPOSE, 0, 2, "世界", "請說明", "張組長");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_strdup_printf ("張組長 · %d年%d月%d日 ", g_date_time_get_year (now) - 1911,
                                               g_date_time_get_month (now), g_date_time_get_day_of_month (now));
  g_autoptr(GError) error = NULL;
  TrReportEditor *editor;

  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_true (tr_report_store_add_comment (fixture->store, tr_report_get_id (report), comment, &error));
  g_assert_no_error (error);
  editor = open_report (fixture, report);
  g_assert_nonnull (find_label_showing (tr_report_editor_get_comments_panel (editor), expected, TRUE));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/review-status/heading-follows-status", Fixture, NULL, fixture_set_up,
              test_heading_follows_status, fixture_tear_down);
  g_test_add ("/ui/review-status/photo-without-caption", Fixture, NULL, fixture_set_up,
              test_photo_without_caption, fixture_tear_down);
  g_test_add ("/ui/review-status/comment-dates", Fixture, NULL, fixture_set_up,
              test_comment_dates, fixture_tear_down);
  return g_test_run ();
}
