/* ui-review.c: comments, the review status and form, the window's language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-ui.h"

static void
test_follows_language (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const languages[][2] = {
    { "zh_TW.UTF-8", "zh_TW" },
    { "C.UTF-8", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *output = NULL;
      g_auto(GStrv) lines = NULL;

      g_subprocess_launcher_setenv (launcher, "LANG", languages[i][0], TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", languages[i][0], TRUE);
      if (languages[i][1] != NULL)
        g_subprocess_launcher_setenv (launcher, "LANGUAGE", languages[i][1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
      child = g_subprocess_launcher_spawn (launcher, &error, test_program, "--locale-child",
                                           fixture->path, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_successful (child));
      lines = g_strsplit (output, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 3);
      g_test_message ("%s: “%s”, “%s”", languages[i][0], lines[0], lines[2]);

      if (languages[i][1] != NULL)
        {
          /* zh_TW: the window's title and the search hint are in Chinese. */
          g_assert_cmpuint (tr_count_chinese_characters (lines[0]), >, 0);
          g_assert_cmpuint (tr_count_chinese_characters (lines[2]), >, 0);
        }
      else
        {
          g_assert_cmpstr (lines[0], ==, "Trip Reports");
          g_assert_cmpstr (lines[2], ==, "Search reports");
        }
    }
}

static GPtrArray *
list_comments_independently (Fixture    *fixture,
                             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  GPtrArray *comments;

  g_assert_no_error (error);
  comments = tr_report_store_list_comments (other, id, &error);
  g_assert_no_error (error);
  return comments;
}

static guint
count_comments_independently (Fixture    *fixture,
                              const char *id)
{
  g_autoptr(GPtrArray) comments = list_comments_independently (fixture, id);

  return comments->len;
}

static gboolean
has_comment_tag (GtkTextBuffer *buffer,
                 int            offset)
{
  GtkTextIter iter;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "tr-comment");

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
test_comment_passage (Fixture       *fixture,
                      gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  TrReportEditor *editor;
  TrSectionEditor *process;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *alert;
  GtkListBox *list;
  GtkWidget *row;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  TrComment *comment;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  editor = get_editor (fixture);
  process = text_editor (fixture, TR_FIELD_PROCESS);
  type_into (process, "一、拜會東京都廳\n二、參訪交通局");

  /* Select 「東京都廳」 (characters 4–8) as the mouse would, and comment. */
  buffer = tr_section_editor_get_buffer (process);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 4);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 8);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-comment", NULL));
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 2000);
  g_assert_true (GTK_IS_ENTRY (tr_alert_get_extra_child (alert)));
  /* Nothing to say, nothing to store. */
  g_assert_false (tr_alert_get_response_enabled (alert, "comment"));
  gtk_editable_set_text (GTK_EDITABLE (tr_alert_get_extra_child (alert)), "請寫出全名");
  g_assert_true (tr_alert_get_response_enabled (alert, "comment"));
  /* A click on Comment. */
  g_signal_emit_by_name (find_button (alert, _("Co_mment")), "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);

  /* In the file, through another connection, once the draft as typed is
   * saved: the draft and its comment. */
  wait_until (count_comments_independently (fixture, id) == 1, 3000);
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (stored->len, ==, 1);
  comment = stored->pdata[0];
  g_assert_cmpint (tr_comment_get_section (comment), ==, TR_SECTION_PROCESS);
  g_assert_cmpuint (tr_comment_get_start (comment), ==, 4);
  g_assert_cmpuint (tr_comment_get_end (comment), ==, 8);
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "東京都廳");
  g_assert_cmpstr (tr_comment_get_body (comment), ==, "請寫出全名");
  g_assert_false (tr_comment_get_resolved (comment));
  {
    g_autoptr(TrReport) report = load_independently (fixture->path, id);

    g_assert_cmpstr (tr_report_get_section (report, TR_SECTION_PROCESS), ==, "一、拜會東京都廳\n二、參訪交通局");
  }
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Beside the editor: one row; the passage is highlighted, not around it. */
  list = tr_comments_panel_get_list (TR_COMMENTS_PANEL (tr_report_editor_get_comments_panel (editor)));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (has_comment_tag (buffer, 4));
  g_assert_true (has_comment_tag (buffer, 7));
  g_assert_false (has_comment_tag (buffer, 3));
  g_assert_false (has_comment_tag (buffer, 8));

  /* Text typed before the passage: the highlight moves with it. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  type_into (process, "（第一天）");
  g_assert_true (has_comment_tag (buffer, 9));
  g_assert_false (has_comment_tag (buffer, 4));

  /* Once saved, the file has the passage where it is now (slow under the
   * sanitizers on a busy machine). */
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_SAVED, 10000);
  wait_ms (100);
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (tr_comment_get_start (stored->pdata[0]), ==, 9);
  g_assert_cmpuint (tr_comment_get_end (stored->pdata[0]), ==, 13);
  g_assert_cmpstr (tr_comment_get_quote (stored->pdata[0]), ==, "東京都廳");
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* An edit inside the passage is part of it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 11);
  gtk_text_buffer_place_cursor (buffer, &start);
  type_into (process, "政府");
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_UNSAVED, 1000);
  wait_until (tr_report_editor_get_save_state (editor) == TR_SAVE_STATE_SAVED, 10000);
  wait_ms (100);
  stored = list_comments_independently (fixture, id);
  g_assert_cmpstr (tr_comment_get_quote (stored->pdata[0]), ==, "東京政府都廳");
  g_assert_cmpuint (tr_comment_get_end (stored->pdata[0]), ==, 15);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_true (has_comment_tag (buffer, 12));

  /* Clicking the row selects the passage. */
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 9);
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 15);

  /* Resolve it: stored, no longer highlighted, offered to reopen. */
  g_signal_emit_by_name (find_named (row, "resolve"), "clicked");
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_true (tr_comment_get_resolved (stored->pdata[0]));
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_false (has_comment_tag (buffer, 9));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_named (row, "resolve"))), ==, _("_Reopen"));

  /* Delete it. */
  g_signal_emit_by_name (find_named (row, "delete"), "clicked");
  stored = list_comments_independently (fixture, id);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  /* No selection: no comment, and a message instead of a dialog. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-comment", NULL);
  wait_ms (100);
  g_assert_null (find_shown (TR_TYPE_ALERT));
}

/* A click on the alert's answer @label; the alert goes. */
static void
answer_alert (GtkWidget  *alert,
              const char *label)
{
  GtkWidget *button = find_button (alert, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_until (find_shown (TR_TYPE_ALERT) == NULL, 2000);
}

static TrReviewStatus
stored_status (Fixture    *fixture,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) other = tr_report_store_open (fixture->path, &error);
  g_autoptr(TrReview) review = NULL;

  g_assert_no_error (error);
  review = tr_report_store_load_review (other, id, &error);
  g_assert_no_error (error);
  return tr_review_get_status (review);
}

/* The author's own draft: submitted (after saying what is still missing),
 * never returned or approved here; the agency's side of the form is the
 * reviewer's. */
static void
test_review_status_and_form (Fixture       *fixture,
                             gconstpointer  data)
{
  TrWindow *window = open_window (fixture);
  TrReportEditor *editor;
  GtkWidget *bar;
  TrLibraryView *library = TR_LIBRARY_VIEW (tr_window_get_library_view (window));
  GtkWidget *form;
  GtkWidget *alert;
  g_autofree char *id = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-report", NULL);
  id = g_strdup (tr_report_get_id (tr_window_get_report (window)));
  editor = get_editor (fixture);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    type_into (text_editor (fixture, TR_FIELD_FROM_SECTION (s)), "內容");
  bar = tr_report_editor_get_review_bar (editor);
  g_assert_cmpint (tr_review_bar_get_status (TR_REVIEW_BAR (bar)), ==, TR_REVIEW_STATUS_DRAFT);
  g_assert_nonnull (find_named (bar, "submit"));
  g_assert_null (find_named (bar, "approve"));

  /* The title and more are missing: the bar asks first, and lists them.
   * Cancel leaves a draft. */
  g_signal_emit_by_name (find_named (bar, "submit"), "clicked");
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 2000);
  g_assert_true (GTK_IS_LABEL (tr_alert_get_extra_child (alert)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (tr_alert_get_extra_child (alert))), "• "));
  answer_alert (alert, _("_Cancel"));
  g_assert_cmpint (stored_status (fixture, id), ==, TR_REVIEW_STATUS_DRAFT);
  g_signal_emit_by_name (find_named (bar, "submit"), "clicked");
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 2000);
  answer_alert (alert, _("_Submit Anyway"));
  /* Once what was just typed is saved. */
  wait_until (stored_status (fixture, id) == TR_REVIEW_STATUS_SUBMITTED, 5000);
  wait_until (tr_review_bar_get_status (TR_REVIEW_BAR (bar)) == TR_REVIEW_STATUS_SUBMITTED, 5000);
  /* In review the text is read, not changed; a reviewer still selects it. */
  g_assert_false (gtk_text_view_get_editable (tr_section_editor_get_text_view (text_editor (fixture, TR_FIELD_PURPOSE))));
  g_assert_false (gtk_widget_get_sensitive (tr_report_editor_get_form_editor (editor)));
  /* The decision is not the author's to take. */
  g_assert_null (find_named (bar, "return"));
  g_assert_null (find_named (bar, "approve"));

  /* The library knows the status: its status filter finds the draft. */
  tr_library_view_set_status_filter (library, TR_REVIEW_STATUS_SUBMITTED);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (tr_library_view_get_model (library))) == 1, 3000);
  tr_library_view_set_status_filter (library, TR_REVIEW_STATUS_APPROVED);
  wait_until (g_list_model_get_n_items (G_LIST_MODEL (tr_library_view_get_model (library))) == 0, 3000);

  /* The review form: items 1 and 2 worked out, the self-check here, the
   * agency's side for the reviewer. */
  g_signal_emit_by_name (find_named (bar, "review_form"), "clicked");
  wait_until ((form = find_shown (TR_TYPE_REVIEW_FORM)) != NULL, 2000);
  {
    GtkWidget *remarks = find_named (form, "remarks");
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReportStore) other = NULL;
    g_autoptr(TrReview) review = NULL;

    g_assert_nonnull (remarks);
    g_assert_false (gtk_widget_is_sensitive (remarks));
    other = tr_report_store_open (fixture->path, &error);
    review = tr_report_store_load_review (other, id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_COMPLETE_FORMAT, TR_REVIEW_COLUMN_SELF),
                     ==, TR_REVIEW_ANSWER_YES);
    g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_SUBMITTED);
  }
  tr_preferences_dialog_close (gtk_widget_get_ancestor (form, TR_TYPE_PREFERENCES_DIALOG));
  wait_until (find_shown (TR_TYPE_REVIEW_FORM) == NULL, 2000);
}

/* A report received for review (its file kept, in review): returned or
 * approved here, approval asked once and final; the agency's side of the
 * form filled in here. */
static void
test_review_received (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GBytes) file = g_bytes_new_static ("PK", 2);
  g_autoptr(GError) error = NULL;
  TrWindow *window;
  GtkWidget *bar;
  GtkWidget *form;
  GtkWidget *alert;
  const char *id = tr_report_get_id (report);

  tr_report_set_text (report, TR_FIELD_TITLE, "送來審核的報告");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    tr_report_set_section (report, s, "內容");
  tr_report_set_source (report, "送審.odt", file);
  g_assert_true (tr_report_store_save (fixture->store, report, &error));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);

  window = open_window (fixture);
  g_assert_true (tr_window_open_report (window, id));
  bar = tr_report_editor_get_review_bar (get_editor (fixture));
  g_assert_null (find_named (bar, "submit"));
  g_assert_nonnull (find_named (bar, "approve"));

  /* Returned, back to draft is the author's: nothing more here. */
  g_signal_emit_by_name (find_named (bar, "return"), "clicked");
  g_assert_cmpint (stored_status (fixture, id), ==, TR_REVIEW_STATUS_RETURNED);
  g_assert_null (find_named (bar, "back-to-draft"));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_DRAFT, &error));
  g_assert_true (tr_report_store_set_status (fixture->store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
  g_assert_no_error (error);
  tr_review_bar_set_report (TR_REVIEW_BAR (bar), tr_window_get_report (window));

  /* The agency's side is filled in here, the self-check is not. */
  g_signal_emit_by_name (find_named (bar, "review_form"), "clicked");
  wait_until ((form = find_shown (TR_TYPE_REVIEW_FORM)) != NULL, 2000);
  {
    GtkTextView *remarks = GTK_TEXT_VIEW (find_named (form, "remarks"));
    g_autoptr(TrReview) review = NULL;

    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (remarks)));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (remarks), "內容尚可", -1);
    review = tr_report_store_load_review (fixture->store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (tr_review_get_remarks (review), ==, "內容尚可");
  }
  tr_preferences_dialog_close (gtk_widget_get_ancestor (form, TR_TYPE_PREFERENCES_DIALOG));
  wait_until (find_shown (TR_TYPE_REVIEW_FORM) == NULL, 2000);

  /* Approval asks once; Cancel changes nothing. */
  g_signal_emit_by_name (find_named (bar, "approve"), "clicked");
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 2000);
  answer_alert (alert, _("_Cancel"));
  g_assert_cmpint (stored_status (fixture, id), ==, TR_REVIEW_STATUS_SUBMITTED);
  g_signal_emit_by_name (find_named (bar, "approve"), "clicked");
  wait_until ((alert = find_shown (TR_TYPE_ALERT)) != NULL, 2000);
  answer_alert (alert, _("_Approve"));
  g_assert_cmpint (stored_status (fixture, id), ==, TR_REVIEW_STATUS_APPROVED);
  /* Approved is final: no step is offered, the form is as approved. */
  g_assert_null (find_named (bar, "approve"));
  g_assert_null (find_named (bar, "return"));
  g_signal_emit_by_name (find_named (bar, "review_form"), "clicked");
  wait_until ((form = find_shown (TR_TYPE_REVIEW_FORM)) != NULL, 2000);
  g_assert_false (gtk_widget_is_sensitive (find_named (form, "remarks")));
  tr_preferences_dialog_close (gtk_widget_get_ancestor (form, TR_TYPE_PREFERENCES_DIALOG));
  wait_until (find_shown (TR_TYPE_REVIEW_FORM) == NULL, 2000);
}

void
add_review_tests (void)
{
  g_test_add ("/ui/locale/follows-language", Fixture, NULL, fixture_set_up,
              test_follows_language, fixture_tear_down);
  g_test_add ("/ui/review/comment-passage", Fixture, NULL, fixture_set_up,
              test_comment_passage, fixture_tear_down);
  g_test_add ("/ui/review/status-and-form", Fixture, NULL, fixture_set_up,
              test_review_status_and_form, fixture_tear_down);
  g_test_add ("/ui/review/received", Fixture, NULL, fixture_set_up,
              test_review_received, fixture_tear_down);
}
