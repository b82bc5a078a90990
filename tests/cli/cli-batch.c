/* cli-batch.c: `new` with many reports in one call, as a JSON array or JSON
 * lines, saved a batch (one transaction) at a time
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-cli.h"

/* The store's batch for JSON lines (tr-cli-library.c). */
#define BATCH_REPORTS 1000

/* Report @n on one line, with a word no other report has. */
static void
append_report_line (GString *lines,
                    guint    n)
{
  g_string_append_printf (lines,
                          "{\"fields\": {\"title\": \"赴日本考察第%u號\", \"destination\": \"日本\"},"
                          " \"summary\": \"考察港口物流。編號q%uq。\","
                          " \"sections\": {\"process\": \"第一天參訪。\\n第二天座談。\"}}\n",
                          n, n);
}

static guint
count_reports (Fixture *fixture)
{
  g_auto(Result) list = run (fixture, "list", "--db", fixture->db_path);

  assert_success (&list);
  return count_lines (list.out);
}

/* Every report saved, its ID printed in the order of the input; more than
 * a batch, so that several transactions are made. */
static void
test_new_json_lines (Fixture       *fixture,
                     gconstpointer  data)
{
  const guint n_reports = BATCH_REPORTS * 2 + 345;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_auto(GStrv) ids = NULL;

  for (guint i = 1; i <= n_reports; i++)
    {
      append_report_line (lines, i);
      /* Blank lines are no reports. */
      if (i == 7)
        g_string_append (lines, "\n  \n");
    }
  {
    g_auto(Result) result = run_with_input (fixture, lines->str, "new", "--from-json", "-",
                                            "--db", fixture->db_path);

    assert_success (&result);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpuint (count_lines (result.out), ==, n_reports);
    ids = g_strsplit (result.out, "\n", -1);
  }
  for (guint i = 0; i < n_reports; i++)
    g_assert_true (g_uuid_string_is_valid (ids[i]));
  g_assert_cmpuint (count_reports (fixture), ==, n_reports);

  /* Searchable at once, and the Nth ID printed is the Nth line's report. */
  for (guint n = 1; n <= n_reports; n += 1171)
    {
      g_autofree char *word = g_strdup_printf ("q%uq", n);
      g_auto(Result) search = run (fixture, "search", word, "--json", "--db", fixture->db_path);
      g_autoptr(JsonNode) root = NULL;
      JsonArray *hits;

      assert_success (&search);
      root = parse_json (search.out);
      hits = json_node_get_array (root);
      g_assert_cmpuint (json_array_get_length (hits), ==, 1);
      g_assert_cmpstr (member_string (json_array_get_object_element (hits, 0), "id"), ==, ids[n - 1]);
    }
}

/* A JSON array, pretty-printed: one transaction for all of them. */
static void
test_new_array (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *array = g_strdup_printf ("[\n%s,\n%s\n]\n", report_json, other_json);
  g_auto(Result) result = run_with_input (fixture, array, "new", "--from-json", "-",
                                          "--db", fixture->db_path);
  g_auto(GStrv) ids = NULL;

  assert_success (&result);
  g_assert_cmpuint (count_lines (result.out), ==, 2);
  ids = g_strsplit (result.out, "\n", -1);
  {
    g_auto(Result) first = run (fixture, "show", ids[0], "--db", fixture->db_path);
    g_auto(Result) second = run (fixture, "show", ids[1], "--db", fixture->db_path);

    assert_success (&first);
    g_assert_nonnull (strstr (first.out, "赴愛沙尼亞考察數位治理及電子化政府"));
    assert_success (&second);
    g_assert_nonnull (strstr (second.out, "出席國際港埠協會年會"));
  }
}

/* A bad line in the second batch: the first batch is saved, nothing of the
 * second, and the one line on stderr names the line and the problem. */
static void
test_new_json_lines_bad_line (Fixture       *fixture,
                              gconstpointer  data)
{
  const guint bad_line = BATCH_REPORTS + 203;
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 1; i <= BATCH_REPORTS + 500; i++)
    {
      if (i == bad_line)
        g_string_append (lines, "{\"sections\": {\"purpose\": 3}}\n");
      else
        append_report_line (lines, i);
    }
  {
    g_auto(Result) result = run_with_input (fixture, lines->str, "new", "--from-json", "-",
                                            "--db", fixture->db_path);
    g_autofree char *named_line = g_strdup_printf ("line %u of “standard input”", bad_line);
    g_autofree char *named_batch = g_strdup_printf ("none from line %u on", BATCH_REPORTS + 1);

    g_test_message ("stderr: %s", result.err);
    g_assert_cmpint (result.status, ==, EXIT_FAILED);
    g_assert_cmpuint (count_lines (result.err), ==, 1);
    g_assert_true (g_str_has_prefix (result.err, "trip-reports: "));
    g_assert_nonnull (strstr (result.err, named_line));
    g_assert_nonnull (strstr (result.err, "sections.purpose"));
    g_assert_nonnull (strstr (result.err, named_batch));
    /* The IDs of the batch that was saved, and only those. */
    g_assert_cmpuint (count_lines (result.out), ==, BATCH_REPORTS);
  }
  g_assert_cmpuint (count_reports (fixture), ==, BATCH_REPORTS);
  {
    g_autofree char *word = g_strdup_printf ("q%uq", BATCH_REPORTS + 1);
    g_auto(Result) search = run (fixture, "search", word, "--db", fixture->db_path);

    assert_success (&search);
    g_assert_cmpstr (search.out, ==, "");
  }
}

/* A bad line or element in the first batch: nothing saved, the library
 * not even made. */
static void
test_new_bad_in_first_batch (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  append_report_line (lines, 1);
  append_report_line (lines, 2);
  g_string_append (lines, "{\"fields\": {\"title\": \"未完\"\n");
  append_report_line (lines, 4);
  {
    g_auto(Result) result = run_with_input (fixture, lines->str, "new", "--from-json", "-",
                                            "--db", fixture->db_path);

    assert_failure (&result);
    g_assert_nonnull (strstr (result.err, "line 3 of “standard input”"));
    g_assert_nonnull (strstr (result.err, "nothing was saved"));
  }
  {
    g_autofree char *array = g_strdup_printf ("[%s, {\"fields\": {\"pages\": \"many\"}}, %s]",
                                              report_json, other_json);
    g_auto(Result) result = run_with_input (fixture, array, "new", "--from-json", "-",
                                            "--db", fixture->db_path);

    assert_failure (&result);
    g_assert_nonnull (strstr (result.err, "report 2 of the array in “standard input”"));
    g_assert_nonnull (strstr (result.err, "fields.pages"));
    g_assert_nonnull (strstr (result.err, "nothing was saved"));
  }
  {
    g_auto(Result) result = run_with_input (fixture, "[\"a\", ]", "new", "--from-json", "-",
                                            "--db", fixture->db_path);

    assert_failure (&result);
    g_assert_nonnull (strstr (result.err, "standard input"));
  }
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

void
add_batch_tests (void)
{
  ADD ("new/json-lines", test_new_json_lines);
  ADD ("new/array", test_new_array);
  ADD ("new/json-lines-bad-line", test_new_json_lines_bad_line);
  ADD ("new/bad-in-first-batch", test_new_bad_in_first_batch);
}
