/* test-cli-json.c: `trip-reports new --from-json` against hostile JSON,
 * through the real binary: no crash, one line on stderr, nothing stored,
 * and nothing that runs as an escape sequence in list, search and show
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tr-report.h"
#include "tr-report-json.h"
#include "tr-test-util.h"

#define EXIT_OK     0
#define EXIT_FAILED 1

/* Each test's folder and library path. */
typedef TrTestLibraryDir Fixture;

#define run(fixture, input, ...) \
  tr_test_run_binary ((fixture)->dir, (input), (const char * const []) { __VA_ARGS__, NULL })

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* exit 1, nothing on stdout, one line on stderr that names each of @named */
static void
assert_failure_full (const TrTestRun    *run,
                     const char * const *named)
{
  if (run->status != EXIT_FAILED || count_lines (run->err) != 1)
    g_test_message ("status %d, stderr: %.300s", run->status, run->err);
  g_assert_cmpint (run->status, ==, EXIT_FAILED);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpuint (count_lines (run->err), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "trip-reports: "));
  for (guint i = 0; named[i] != NULL; i++)
    if (strstr (run->err, named[i]) == NULL)
      g_error ("stderr “%s” does not name “%s”", run->err, named[i]);
}

#define assert_failure(run, ...) \
  assert_failure_full ((run), (const char * const []) { __VA_ARGS__, NULL })

/* Refused from standard input, and the library never even opened. */
static void
assert_refused_full (Fixture            *fixture,
                     const char         *json,
                     const char * const *named)
{
  g_auto(TrTestRun) result = run (fixture, json, "new", "--from-json", "-", "--db", fixture->db_path);

  assert_failure_full (&result, named);
  g_assert_nonnull (strstr (result.err, "“standard input”"));
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

#define assert_refused(fixture, json, ...) \
  assert_refused_full ((fixture), (json), (const char * const []) { __VA_ARGS__, NULL })

static char *
new_report (Fixture    *fixture,
            const char *json)
{
  g_auto(TrTestRun) result = run (fixture, json, "new", "--from-json", "-", "--db", fixture->db_path);

  if (result.status != EXIT_OK)
    g_test_message ("stderr: %s", result.err);
  g_assert_cmpint (result.status, ==, EXIT_OK);
  g_assert_cmpstr (result.err, ==, "");
  g_strchomp (result.out);
  g_assert_true (g_uuid_string_is_valid (result.out));
  return g_steal_pointer (&result.out);
}

/* JSON nested 75,000 deep killed the command with SIGSEGV, and no word. */
static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"summary\": ");
  g_autofree char *path = g_build_filename (fixture->dir, "deep.json", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  assert_refused (fixture, json->str, "nested more than 32 levels", "line 1, column 44");

  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  {
    g_auto(TrTestRun) result = run (fixture, NULL, "new", "--from-json", path, "--db", fixture->db_path);

    assert_failure (&result, "deep.json", "nested more than 32 levels");
    g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  }
}

/* "\u0000" cut the text short and a lone surrogate made invalid UTF-8:
 * text was lost, silently. */
static void
test_lost_text (Fixture       *fixture,
                gconstpointer  data)
{
  assert_refused (fixture, "{\"fields\": {\"title\": \"keep this\\u0000 and this\"}}",
                  "“fields.title”", "\\u0000", "line 1, column 32");
  assert_refused (fixture, "{\"fields\": {\"title\\u0000junk\": \"x\"}}", "“fields”", "\\u0000");
  assert_refused (fixture, "{\"fields\": {\"title\": \"a\\ud800bc\"}}", "“fields.title”", "\\uD800");
}

/* The last of two keys won; comments and single quotes were read. */
static void
test_not_strict (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_refused (fixture, "{\"fields\": {\"title\": \"甲\"},\n \"fields\": {\"agency\": \"乙\"}}",
                  "“fields” appears twice", "line 2, column 2");
  assert_refused (fixture, "{\n  // the title\n  \"summary\": \"x\"}", "comments", "line 2, column 3");
  assert_refused (fixture, "{\"summary\": 'x'}", "double quotes", "column 13");
  assert_refused (fixture, "{\"fields\": {\"keywords\": [\"a\", \"b\",]}}", "unexpected “]”");
}

static void
test_limits (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *long_title = g_strnfill (100 * 1000, 'x');
  g_autofree char *title_json = g_strdup_printf ("{\"fields\": {\"title\": \"%s\"}}", long_title);
  g_autoptr(GString) travellers = g_string_new ("{\"fields\": {\"travellers\": [");

  assert_refused (fixture, title_json, "“fields.title”", "100000 characters", "at most 4000");

  for (guint i = 0; i <= TR_REPORT_MAX_TRAVELLERS; i++)
    g_string_append_printf (travellers, "%s{\"name\": \"旅人%u\"}", i > 0 ? ", " : "", i);
  g_string_append (travellers, "]}}");
  assert_refused (fixture, travellers->str, "“fields.travellers”", "501 entries", "at most 500");
}

/* A file over the size limit is refused after reading one byte more than
 * the limit, never more: it is sparse here, and would be 3 GB of zeros. */
static void
test_size_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
  g_autofree char *limit = g_format_size (TR_REPORT_JSON_MAX_SIZE);
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  g_assert_cmpint (fputs ("{\"summary\": \"", file), >=, 0);
  g_assert_cmpint (fseek (file, 3000LL * 1000 * 1000, SEEK_SET), ==, 0);
  g_assert_cmpint (fputs ("\"}", file), >=, 0);
  g_assert_cmpint (fclose (file), ==, 0);

  {
    g_auto(TrTestRun) result = run (fixture, NULL, "new", "--from-json", path, "--db", fixture->db_path);

    assert_failure (&result, "huge.json", "larger than", limit);
    g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
  }
}

/* Tab and line feed at most: no escape sequence, no carriage return. */
static void
assert_printable (const char *command,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\t' && c != '\n' && g_unichar_iscntrl (c))
        g_error ("%s printed U+%04X: %s", command, c, text);
    }
}

/* A title that set the terminal's title and colours, in list, search and
 * show: control characters are taken out as the text comes in. */
static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char json[] =
    "{\"fields\": {"
    "   \"title\": \"\\u001b]0;pwned\\u0007\\u001b[31m考察報告\\u001b[0m\","
    "   \"agency\": \"\\u009b2J國家發展委員會\","
    "   \"destination\": \"愛沙尼亞\\r\","
    "   \"period_start\": \"2016-07-09\","
    "   \"travellers\": [{\"name\": \"王\\u001b[8m小明\", \"title\": \"科長\\u0008\"}],"
    "   \"keywords\": [\"\\u001bP+q\\u001b\\\\數位治理\"]},"
    " \"summary\": \"摘要\\u001b[2J的內容\","
    " \"sections\": {\"purpose\": \"目的\\u001b]8;;http://x\\u001b\\\\連結\\u001b]8;;\\u001b\\\\\","
    "              \"process\": \"第一天\\r\\n第二天\\u007f\"},"
    " \"appendix\": \"附錄\\u009d\"}";
  g_autofree char *id = new_report (fixture, json);
  static const char * const commands[][4] = {
    { "list", NULL },
    { "list", "--json", NULL },
    { "search", "考察報告", NULL },
    { "search", "考察報告", "--json", NULL },
    { "show", "ID", NULL },
    { "show", "ID", "--json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *argv[8] = { NULL };
      guint n = 0;
      g_auto(TrTestRun) result = { 0 };

      for (guint a = 0; a < G_N_ELEMENTS (commands[i]) && commands[i][a] != NULL; a++)
        argv[n++] = g_str_equal (commands[i][a], "ID") ? id : commands[i][a];
      argv[n++] = "--db";
      argv[n++] = fixture->db_path;
      result = tr_test_run_binary (fixture->dir, NULL, argv);

      g_assert_cmpint (result.status, ==, EXIT_OK);
      /* The text is there, without what ran around it. */
      g_assert_nonnull (strstr (result.out, "考察報告"));
      assert_printable (commands[i][0], result.out);
    }

  /* What show --json prints, new --from-json reads back. */
  {
    g_auto(TrTestRun) shown = run (fixture, NULL, "show", id, "--json", "--db", fixture->db_path);
    g_autofree char *copy_id = new_report (fixture, shown.out);
    g_auto(TrTestRun) copy = run (fixture, NULL, "show", copy_id, "--json", "--db", fixture->db_path);
    g_autoptr(TrReport) original = tr_report_new_from_json (shown.out, -1, NULL);
    g_autoptr(TrReport) again = tr_report_new_from_json (copy.out, -1, NULL);

    g_assert_nonnull (original);
    g_assert_nonnull (again);
    for (guint f = 0; f < TR_N_FIELDS; f++)
      g_assert_cmpstr (tr_report_get_text (original, f), ==, tr_report_get_text (again, f));
    g_assert_cmpstr (tr_report_get_text (again, TR_FIELD_PROCESS), ==, "第一天\n第二天 ");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define add_test(path, func) \
  g_test_add ("/cli-json/" path, Fixture, NULL, tr_test_library_dir_set_up, func, tr_test_library_dir_tear_down)

  add_test ("deep-nesting", test_deep_nesting);
  add_test ("lost-text", test_lost_text);
  add_test ("not-strict", test_not_strict);
  add_test ("limits", test_limits);
  add_test ("size-limit", test_size_limit);
  add_test ("control-characters", test_control_characters);

  return g_test_run ();
}
