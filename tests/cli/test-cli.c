/* test-cli.c: runs the real trip-reports binary as scripts do
 *
 * Every test gets a fresh folder with its own library and its own
 * XDG_DATA_HOME, runs $TR_BINARY with GSubprocess (no display: DISPLAY and
 * WAYLAND_DISPLAY are removed) and checks exit status, stdout and stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-cli.h"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->xdg_data = g_build_filename (fixture->dir, "xdg-data", NULL);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->xdg_data);
}

/* Between fork and exec: only system calls. */
void
become_nobody (gpointer user_data)
{
  if (!tr_test_become_nobody ())
    _exit (127);
}

/* Runs the binary with @argv (NULL-terminated, without the program), @input
 * on stdin, and @env_changes ("NAME=value" sets, "NAME" unsets) applied to
 * the environment; as the user nobody with @as_nobody (tr-test-util.h). */
Result
run_full_as (Fixture            *fixture,
             gboolean            as_nobody,
             const char         *input,
             const char * const *env_changes,
             const char * const *argv)
{
  TrTestRunOptions options = {
    .dir = fixture->dir,
    .input = input,
    .env_changes = env_changes,
    .child_setup = as_nobody ? become_nobody : NULL,
  };

  return tr_test_run_binary_full (&options, argv);
}

Result
run_full (Fixture            *fixture,
          const char         *input,
          const char * const *env_changes,
          const char * const *argv)
{
  return run_full_as (fixture, FALSE, input, env_changes, argv);
}

guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* exit 1, nothing on stdout, exactly one line on stderr that says who speaks */
void
assert_failure (const Result *result)
{
  if (result->status != EXIT_FAILED || count_lines (result->err) != 1)
    g_test_message ("status %d, stderr: %s", result->status, result->err);
  g_assert_cmpint (result->status, ==, EXIT_FAILED);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  g_assert_true (g_str_has_prefix (result->err, "trip-reports: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
}

/* exit 2, nothing on stdout, the reason then the hint to read the usage */
void
assert_usage_error (const Result *result)
{
  g_auto(GStrv) lines = NULL;

  if (result->status != EXIT_USAGE)
    g_test_message ("status %d, stderr: %s", result->status, result->err);
  g_assert_cmpint (result->status, ==, EXIT_USAGE);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpuint (count_lines (result->err), ==, 2);
  lines = g_strsplit (result->err, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "trip-reports: "));
  g_assert_nonnull (strstr (lines[1], "trip-reports help"));
}

void
assert_success (const Result *result)
{
  if (result->status != EXIT_OK)
    g_test_message ("status %d, stderr: %s", result->status, result->err);
  g_assert_cmpint (result->status, ==, EXIT_OK);
  g_assert_cmpstr (result->err, ==, "");
}

void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Creates a draft from @json through stdin and returns its ID. */
char *
new_report (Fixture    *fixture,
            const char *json)
{
  g_auto(Result) result = run_with_input (fixture, json, "new", "--db", fixture->db_path,
                                          "--from-json", "-");

  assert_success (&result);
  g_assert_true (g_str_has_suffix (result.out, "\n"));
  result.out[strlen (result.out) - 1] = '\0';
  g_assert_true (g_uuid_string_is_valid (result.out));
  return g_steal_pointer (&result.out);
}

JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

const char *
member_string (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_string_member (object, name);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_help_tests ();
  add_report_tests ();
  add_show_tests ();
  add_db_tests ();
  add_warning_tests ();
  add_batch_tests ();

  return g_test_run ();
}
