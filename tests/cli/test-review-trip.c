/* test-review-trip.c: a report reviewed by another person, the file as the exchange
 *
 * Two libraries, the author's and the reviewer's, and the real command
 * line between them: export --for-review, import on the other side (the
 * report received for review, as the window receives it), a comment and
 * a decision, the file back, merged; a file merged twice adds
 * nothing; the reviewer's edit against the author's newer text is listed
 * and lost on neither side; bad files change nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "tr-report-store.h"
#include "tr-test-util.h"

static const char report_json[] =
  "{\"fields\": {\"title\": \"赴愛沙尼亞考察數位政府\", \"agency\": \"國家發展委員會\"},"
  " \"sections\": {\"purpose\": \"了解愛沙尼亞數位身分制度。\\n學習跨機關資料交換。\","
  " \"process\": \"7月9日抵達塔林，拜會經濟部。\\n7月10日參訪e-Estonia展示中心。\","
  " \"observations\": \"數位身分是服務的基礎。\","
  " \"recommendations\": \"建議推動資料交換平台。\"}}";

typedef struct {
  char *dir;
  char *author_db;
  char *reviewer_db;
  char *id;
} Fixture;

#define RUN(fixture, input, ...) \
  tr_test_run_binary ((fixture)->dir, (input), (const char * const []) { __VA_ARGS__, NULL })

static void
assert_ok (TrTestRun *run)
{
  if (run->status != 0)
    g_error ("exit status %d: %s%s", run->status, run->out, run->err);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(TrTestRun) run = { 0 };

  fixture->dir = g_dir_make_tmp ("test-review-trip-XXXXXX", NULL);
  fixture->author_db = g_build_filename (fixture->dir, "author.db", NULL);
  fixture->reviewer_db = g_build_filename (fixture->dir, "reviewer.db", NULL);
  run = RUN (fixture, report_json, "new", "--from-json", "-", "--db", fixture->author_db);
  assert_ok (&run);
  fixture->id = g_strstrip (g_strdup (run.out));
  g_assert_true (g_uuid_string_is_valid (fixture->id));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->author_db);
  g_free (fixture->reviewer_db);
  g_free (fixture->id);
}

static char *
file_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static GPtrArray *
list_comments (const char *db,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (db, &error);
  GPtrArray *comments;

  g_assert_no_error (error);
  comments = tr_report_store_list_comments (store, id, &error);
  g_assert_no_error (error);
  return comments;
}

static void
run_script (const char *first,
            ...)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "lib", "office-files.py", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, script);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The report @id in @db is one received for review: kept with @file, in
 * 送審, as the window receives it. */
static void
assert_received (const char *db,
                 const char *id,
                 const char *file)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (file);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;

  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  report = tr_report_store_load (store, id, &error);
  g_assert_no_error (error);
  review = tr_report_store_load_review (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_SUBMITTED);
  g_assert_true (tr_review_is_received (review, report));
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, basename);
  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, length);
  g_assert_cmpstr (tr_report_get_source_sha256 (report), ==, sha256);
}

/* The reviewer's side: the file imported, received for review, a
 * comment, the agency's column and 退回補正 with two reasons, and the
 * file sent back. */
static char *
review_and_return (Fixture    *fixture,
                   const char *sent)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;
  char *returned = file_in (fixture, "returned.odt");

  /* A dry run says so, and creates no library. */
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", "--dry-run", sent, "--db", fixture->reviewer_db);

    assert_ok (&run);
    g_assert_true (g_str_has_suffix (run.out, "\n  would be received for review\n"));
    g_assert_false (g_file_test (fixture->reviewer_db, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", sent, "--db", fixture->reviewer_db);
    g_autofree char *expected = g_strdup_printf ("%s\t%s\n  received for review: 送審, comments: 0\n",
                                                 fixture->id, sent);

    assert_ok (&run);
    /* The same report, under its own ID, in the reviewer's library, in
     * review there without anyone setting its status. */
    g_assert_cmpstr (run.out, ==, expected);
  }
  assert_received (fixture->reviewer_db, fixture->id, sent);
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "comment", fixture->id, "--section", "process",
                                 "--quote", "拜會經濟部", "--text", "請補充會談重點", "--author", "王科長",
                                 "--db", fixture->reviewer_db);
    assert_ok (&run);
  }

  store = tr_report_store_open (fixture->reviewer_db, &error);
  g_assert_no_error (error);
  review = tr_report_store_load_review (store, fixture->id, &error);
  g_assert_no_error (error);
  tr_review_set_answer (review, TR_REVIEW_ITEM_RETURN, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_YES);
  tr_review_set_answer (review, TR_REVIEW_ITEM_SUBSTANTIAL, TR_REVIEW_COLUMN_AGENCY, TR_REVIEW_ANSWER_NO);
  tr_review_set_return_reasons (review, TR_RETURN_REASON_NOT_AS_PLANNED | TR_RETURN_REASON_EMPTY_CONTENT);
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_HEAD, "陳處長");
  g_assert_true (tr_report_store_save_review (store, fixture->id, review, &error));
  g_assert_no_error (error);

  /* The decision, from 送審 as the import left it. */
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "review", fixture->id, "--status", "returned",
                                 "--db", fixture->reviewer_db);
    assert_ok (&run);
  }

  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "export", fixture->id, "--for-review", "--output", returned,
                                 "--db", fixture->reviewer_db);
    assert_ok (&run);
  }
  return returned;
}

static void
test_reviewed_file_merges (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *sent = file_in (fixture, "sent.odt");
  g_autofree char *returned = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;
  TrComment *comment;

  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "review", fixture->id, "--status", "submitted",
                                 "--db", fixture->author_db);
    assert_ok (&run);
  }
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "export", fixture->id, "--for-review", "--output", sent,
                                 "--db", fixture->author_db);
    assert_ok (&run);
  }
  returned = review_and_return (fixture, sent);

  /* A dry run says what would merge, and merges nothing. */
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", "--dry-run", returned, "--db", fixture->author_db);

    assert_ok (&run);
    g_assert_true (g_str_has_prefix (run.out, "  would merge: new comments: 1 (already there: 0)"));
    g_assert_nonnull (strstr (run.out, "decision 退回補正"));
    comments = list_comments (fixture->author_db, fixture->id);
    g_assert_cmpuint (comments->len, ==, 0);
    g_clear_pointer (&comments, g_ptr_array_unref);
  }
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", returned, "--db", fixture->author_db);

    assert_ok (&run);
    g_test_message ("%s", run.out);
    g_assert_true (g_str_has_prefix (run.out, fixture->id));
    g_assert_nonnull (strstr (run.out, "merged: new comments: 1 (already there: 0)"));
    g_assert_nonnull (strstr (run.out, "decision 退回補正（不符原核定計畫、內容空洞或未涵蓋要項）"));
    g_assert_nonnull (strstr (run.out, "paragraphs changed by the reviewer: 0"));
  }

  comments = list_comments (fixture->author_db, fixture->id);
  g_assert_cmpuint (comments->len, ==, 1);
  comment = comments->pdata[0];
  g_assert_cmpstr (tr_comment_get_author (comment), ==, "王科長");
  g_assert_cmpstr (tr_comment_get_quote (comment), ==, "拜會經濟部");
  g_assert_cmpuint (tr_comment_get_start (comment), ==, 9);

  store = tr_report_store_open (fixture->author_db, &error);
  g_assert_no_error (error);
  review = tr_report_store_load_review (store, fixture->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_review_get_status (review), ==, TR_REVIEW_STATUS_RETURNED);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_RETURN, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_YES);
  g_assert_cmpint (tr_review_get_answer (review, TR_REVIEW_ITEM_SUBSTANTIAL, TR_REVIEW_COLUMN_AGENCY), ==, TR_REVIEW_ANSWER_NO);
  g_assert_cmpint (tr_review_get_return_reasons (review), ==,
                   TR_RETURN_REASON_NOT_AS_PLANNED | TR_RETURN_REASON_EMPTY_CONTENT);
  g_assert_cmpstr (tr_review_get_signature (review, TR_REVIEW_SIGNATURE_HEAD), ==, "陳處長");

  /* The same file again: nothing new. */
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", returned, "--db", fixture->author_db);

    assert_ok (&run);
    g_assert_nonnull (strstr (run.out, "merged: new comments: 0 (already there: 1)"));
  }
  again = list_comments (fixture->author_db, fixture->id);
  g_assert_cmpuint (again->len, ==, 1);
}

/* The reviewer edits a paragraph in their word processor while the
 * author rewrites another: both are listed, the author's text stays, the
 * reviewer's becomes a suggestion on it. */
static void
test_conflicting_edits (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sent = file_in (fixture, "sent.odt");
  g_autofree char *edited = file_in (fixture, "edited.odt");
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReport) after = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_suggestion = FALSE;

  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "export", fixture->id, "--for-review", "--output", sent,
                                 "--db", fixture->author_db);
    assert_ok (&run);
  }
  run_script ("edit", sent, edited, "了解愛沙尼亞數位身分制度。", "了解愛沙尼亞的數位身分與電子投票制度。", NULL);

  /* The author's newer text, saved a second after the export. */
  g_usleep (1100 * 1000);
  store = tr_report_store_open (fixture->author_db, &error);
  g_assert_no_error (error);
  report = tr_report_store_load (store, fixture->id, &error);
  g_assert_no_error (error);
  tr_report_set_section (report, TR_SECTION_PURPOSE, "了解愛沙尼亞數位身分制度。\n學習跨機關資料交換與隱私保護。");
  g_assert_true (tr_report_store_save (store, report, &error));
  g_assert_no_error (error);

  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", edited, "--db", fixture->author_db);

    assert_ok (&run);
    g_test_message ("%s", run.out);
    g_assert_nonnull (strstr (run.out, "paragraphs changed by the reviewer: 2"));
    g_assert_nonnull (strstr (run.out, "yours: 了解愛沙尼亞數位身分制度。"));
    g_assert_nonnull (strstr (run.out, "theirs: 了解愛沙尼亞的數位身分與電子投票制度。"));
    g_assert_nonnull (strstr (run.out, "yours: 學習跨機關資料交換與隱私保護。"));
    g_assert_nonnull (strstr (run.out, "conflict"));
  }

  after = tr_report_store_load (store, fixture->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_section (after, TR_SECTION_PURPOSE), ==,
                   "了解愛沙尼亞數位身分制度。\n學習跨機關資料交換與隱私保護。");
  comments = list_comments (fixture->author_db, fixture->id);
  for (guint i = 0; i < comments->len; i++)
    if (g_strcmp0 (tr_comment_get_body (comments->pdata[i]),
                   "Suggested text: 了解愛沙尼亞的數位身分與電子投票制度。") == 0)
      {
        g_assert_cmpstr (tr_comment_get_quote (comments->pdata[i]), ==, "了解愛沙尼亞數位身分制度。");
        g_assert_cmpuint (tr_comment_get_start (comments->pdata[i]), ==, 0);
        found_suggestion = TRUE;
      }
  g_assert_true (found_suggestion);
}

/* A draft's file, sent without submitting it first, with --json: received
 * for review all the same, and said so; the same file again is a merge
 * into the report received, not a second report. */
static void
test_draft_received_for_review (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *sent = file_in (fixture, "sent.odt");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "export", fixture->id, "--for-review", "--output", sent,
                                 "--db", fixture->author_db);
    assert_ok (&run);
  }
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", sent, "--json", "--db", fixture->reviewer_db);

    assert_ok (&run);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
  }
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, fixture->id);
  g_assert_true (json_object_get_boolean_member (object, "received_for_review"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "submitted");
  g_assert_cmpint (json_object_get_int_member (object, "comments_added"), ==, 0);
  assert_received (fixture->reviewer_db, fixture->id, sent);

  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "import", sent, "--db", fixture->reviewer_db);
    g_auto(TrTestRun) list = RUN (fixture, NULL, "list", "--db", fixture->reviewer_db);
    g_auto(GStrv) listed = NULL;

    assert_ok (&run);
    g_assert_true (g_str_has_prefix (run.out, fixture->id));
    g_assert_nonnull (strstr (run.out, "merged: new comments: 0 (already there: 0)"));
    g_assert_null (strstr (run.out, "received for review"));
    listed = g_strsplit (list.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (listed), ==, 2);
  }
  assert_received (fixture->reviewer_db, fixture->id, sent);
}

/* Bad files through the command line: one line, and the library as it was. */
static void
test_bad_files_change_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *sent = file_in (fixture, "sent.odt");
  g_autofree char *wrong = file_in (fixture, "wrong.odt");
  g_autofree char *not_zip = file_in (fixture, "not-zip.docx");
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) comments = NULL;

  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "export", fixture->id, "--output", sent, "--db", fixture->author_db);
    assert_ok (&run);
  }
  {
    g_auto(TrTestRun) run = RUN (fixture, NULL, "show", fixture->id, "--json", "--db", fixture->author_db);
    assert_ok (&run);
    before = g_strdup (run.out);
  }
  run_script ("wrong-structure", sent, wrong, NULL);
  g_assert_true (g_file_set_contents (not_zip, "PK but not really", -1, NULL));

  for (guint i = 0; i < 2; i++)
    {
      g_auto(TrTestRun) run = RUN (fixture, NULL, "import", i == 0 ? wrong : not_zip, "--db", fixture->author_db);
      g_auto(TrTestRun) list = RUN (fixture, NULL, "list", "--db", fixture->author_db);
      g_auto(TrTestRun) show = RUN (fixture, NULL, "show", fixture->id, "--json", "--db", fixture->author_db);
      g_auto(GStrv) listed = NULL;

      g_assert_cmpint (run.status, ==, 1);
      g_test_message ("%s", run.err);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, i == 0 ? "holds the structure of report" : "not a ZIP package"));
      g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
      listed = g_strsplit (list.out, "\n", -1);
      /* One report, and the empty string after its line. */
      g_assert_cmpuint (g_strv_length (listed), ==, 2);
      g_assert_cmpstr (show.out, ==, before);
    }
  comments = list_comments (fixture->author_db, fixture->id);
  g_assert_cmpuint (comments->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review-trip/merges", Fixture, NULL, fixture_set_up, test_reviewed_file_merges, fixture_tear_down);
  g_test_add ("/review-trip/conflicting-edits", Fixture, NULL, fixture_set_up, test_conflicting_edits, fixture_tear_down);
  g_test_add ("/review-trip/draft-received", Fixture, NULL, fixture_set_up, test_draft_received_for_review,
              fixture_tear_down);
  g_test_add ("/review-trip/bad-files", Fixture, NULL, fixture_set_up, test_bad_files_change_nothing, fixture_tear_down);
  return g_test_run ();
}
