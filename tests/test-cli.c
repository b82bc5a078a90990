/* test-cli.c: runs the real trip-reports binary as scripts do
 *
 * Every test gets a fresh folder with its own library and its own
 * XDG_DATA_HOME, runs $TR_BINARY with GSubprocess (no display: DISPLAY and
 * WAYLAND_DISPLAY are removed) and checks exit status, stdout and stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* wcwidth(), the C library's measure of a character */
#include <glib.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <zip.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <zip.h>

#include "tr-test-util.h"

#define NOBODY_ID   65534

#define EXIT_OK     0
#define EXIT_FAILED 1
#define EXIT_USAGE  2

/* A report with Chinese text in every part, as a script would write it.
 * The id, kind and times must be ignored by "new". */
static const char report_json[] =
  "{\n"
  "  \"id\": \"0b7c3a52-5f1e-4d55-9a3e-2f1d7c1c9a10\",\n"
  "  \"kind\": \"imported\",\n"
  "  \"created\": \"2016-10-01T09:00:00+08:00\",\n"
  "  \"modified\": \"2016-10-02T09:00:00+08:00\",\n"
  "  \"fields\": {\n"
  "    \"title\": \"赴愛沙尼亞考察數位治理及電子化政府\",\n"
  "    \"agency\": \"國家發展委員會\",\n"
  "    \"contact\": \"王小明\",\n"
  "    \"phone\": \"02-2316-5300\",\n"
  "    \"category\": \"考察\",\n"
  "    \"category_other\": \"\",\n"
  "    \"period_start\": \"2016-07-09\",\n"
  "    \"period_end\": \"2016-07-11\",\n"
  "    \"destination\": \"愛沙尼亞\",\n"
  "    \"report_date\": \"2016-10-01\",\n"
  "    \"classification\": \"H0/H0\",\n"
  "    \"travellers\": [\n"
  "      { \"name\": \"王小明\", \"agency\": \"國家發展委員會\", \"unit\": \"資訊管理處\",\n"
  "        \"title\": \"科長\", \"phone\": \"02-2316-5301\" },\n"
  "      { \"name\": \"陳美玲\", \"agency\": \"國家發展委員會\", \"unit\": \"法制協調中心\",\n"
  "        \"title\": \"專員\", \"phone\": \"\" }\n"
  "    ],\n"
  "    \"keywords\": [\"數位治理\", \"電子化政府\", \"X-Road\"],\n"
  "    \"has_attachments\": true,\n"
  "    \"pages\": 42\n"
  "  },\n"
  "  \"summary\": \"本次考察愛沙尼亞數位治理經驗，參訪電子化政府相關機關。\",\n"
  "  \"sections\": {\n"
  "    \"purpose\": \"瞭解愛沙尼亞推動數位身分證及資料交換平臺之經驗。\",\n"
  "    \"process\": \"7月9日抵達塔林，參訪e-Estonia展示中心。\\n7月10日拜會資訊系統局。\",\n"
  "    \"observations\": \"愛沙尼亞以X-Road串接各機關資料庫，值得借鏡。\",\n"
  "    \"recommendations\": \"一、建議研議資料交換平臺。\\n二、建議推動數位身分識別。\"\n"
  "  },\n"
  "  \"appendix\": \"照片1：參訪e-Estonia展示中心\",\n"
  "  \"unclassified\": \"\",\n"
  "  \"warnings\": [\"摘要少於200字\"],\n"
  "  \"source\": { \"filename\": \"report.pdf\", \"sha256\": \"abc\" }\n"
  "}\n";

/* A second report about something else, with a Latin word in it. */
static const char other_json[] =
  "{ \"fields\": { \"title\": \"出席國際港埠協會年會\", \"period_start\": \"2017-05-01\","
  "  \"period_end\": \"2017-05-05\", \"destination\": \"荷蘭\" },"
  "  \"sections\": { \"purpose\": \"出席IAPH年會，討論Blockchain於港口物流之應用。\","
  "                  \"process\": \"會議議程\", \"observations\": \"心得\","
  "                  \"recommendations\": \"無\" } }";

typedef struct {
  char *dir;       /* the test's own folder */
  char *db_path;   /* dir/library.db */
  char *xdg_data;  /* dir/xdg-data, where the default library would go */
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->xdg_data = g_build_filename (fixture->dir, "xdg-data", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->xdg_data);
}

/* Between fork and exec: only system calls. */
static void
become_nobody (gpointer user_data)
{
  if (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0)
    _exit (127);
}

/* Runs the binary with @argv (NULL-terminated, without the program), @input
 * on stdin, and @env_changes ("NAME=value" sets, "NAME" unsets) applied to
 * the environment; as the user nobody with @as_nobody. Output must be
 * UTF-8: communicate_utf8 checks it. */
static Result
run_full_as (Fixture            *fixture,
             gboolean            as_nobody,
             const char         *input,
             const char * const *env_changes,
             const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) full_argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("TR_BINARY");
  g_autofree char *input_path = NULL;
  Result result = { 0 };

  g_assert_nonnull (binary);

  /* The input comes from a file, not a pipe: a program that does not read
   * it (after a usage error, say) may end before a pipe was written. */
  launcher = g_subprocess_launcher_new ((input == NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0) |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (input != NULL)
    {
      int fd = g_file_open_tmp ("test-cli-input-XXXXXX", &input_path, &error);

      g_assert_no_error (error);
      close (fd);
      g_assert_true (g_file_set_contents (input_path, input, -1, NULL));
      g_subprocess_launcher_set_stdin_file_path (launcher, input_path);
    }
  g_subprocess_launcher_set_cwd (launcher, fixture->dir);
  /* Never the user's own library, and never a display. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->xdg_data, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (as_nobody)
    g_subprocess_launcher_set_child_setup (launcher, become_nobody, NULL, NULL);
  for (guint i = 0; env_changes != NULL && env_changes[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (env_changes[i], "=", 2);

      if (parts[1] != NULL)
        g_subprocess_launcher_setenv (launcher, parts[0], parts[1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, parts[0]);
    }

  g_ptr_array_add (full_argv, (gpointer) binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full_argv, (gpointer) argv[i]);
  g_ptr_array_add (full_argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) full_argv->pdata, &error);
  g_assert_no_error (error);
  if (input_path != NULL)
    g_unlink (input_path);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result.out, &result.err, &error);
  g_assert_no_error (error);

  /* A crash or a fatal critical is never an acceptable exit. */
  g_assert_true (g_subprocess_get_if_exited (process));
  result.status = g_subprocess_get_exit_status (process);
  return result;
}

static Result
run_full (Fixture            *fixture,
          const char         *input,
          const char * const *env_changes,
          const char * const *argv)
{
  return run_full_as (fixture, FALSE, input, env_changes, argv);
}

#define run(fixture, ...) \
  run_full ((fixture), NULL, NULL, (const char * const []) { __VA_ARGS__, NULL })
#define run_with_input(fixture, input, ...) \
  run_full ((fixture), (input), NULL, (const char * const []) { __VA_ARGS__, NULL })

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* exit 1, nothing on stdout, exactly one line on stderr that says who speaks */
static void
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
static void
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

static void
assert_success (const Result *result)
{
  if (result->status != EXIT_OK)
    g_test_message ("status %d, stderr: %s", result->status, result->err);
  g_assert_cmpint (result->status, ==, EXIT_OK);
  g_assert_cmpstr (result->err, ==, "");
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* Creates a draft from @json through stdin and returns its ID. */
static char *
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

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_string_member (object, name);
}

/* --version, --help, help ------------------------------------------------- */

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Result) result = run (fixture, "--version");
  g_auto(Result) extra = run (fixture, "--version", "now");

  assert_success (&result);
  g_assert_cmpstr (result.out, ==, "trip-reports " PACKAGE_VERSION "\n");
  g_assert_cmpstr (PACKAGE_VERSION, ==, "0.1.0");
  assert_usage_error (&extra);
}

static const char * const subcommands[] = { "list", "show", "search", "new", "delete", "export",
                                            "review", "comment", "help", NULL };

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Result) long_option = run (fixture, "--help");
  g_auto(Result) short_option = run (fixture, "-h");
  g_auto(Result) help = run (fixture, "help");

  assert_success (&long_option);
  assert_success (&short_option);
  assert_success (&help);
  g_assert_cmpstr (short_option.out, ==, long_option.out);
  g_assert_cmpstr (help.out, ==, long_option.out);

  for (guint i = 0; subcommands[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", subcommands[i]);

      g_assert_nonnull (strstr (help.out, line));
    }
  g_assert_nonnull (strstr (help.out, "--version"));
  g_assert_nonnull (strstr (help.out, "--db PATH"));
  g_assert_nonnull (strstr (help.out, "With no arguments, it opens its window"));
  /* Help never touches a library. */
  g_assert_false (g_file_test (fixture->xdg_data, G_FILE_TEST_EXISTS));
}

/* `trip-reports` without a subcommand is the window: what is not the
 * command line's goes to it (--help-all is GApplication's), and the
 * overall help lists the window's options as the window does. */
static void
test_help_window_options (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Result) help = run (fixture, "--help");
  g_auto(Result) window = run (fixture, "--help-all");
  g_auto(GStrv) window_lines = NULL;
  g_auto(GStrv) help_lines = NULL;
  gboolean in_options = FALSE;
  guint n_options = 0;

  assert_success (&help);
  assert_success (&window);
  g_assert_nonnull (strstr (window.out, "--help-gapplication"));

  window_lines = g_strsplit (window.out, "\n", -1);
  help_lines = g_strsplit (help.out, "\n", -1);
  for (guint i = 0; window_lines[i] != NULL; i++)
    {
      g_autofree char *option = NULL;
      const char *line = window_lines[i];
      const char *description;
      gboolean listed = FALSE;

      if (g_str_equal (line, "Application Options:"))
        in_options = TRUE;
      if (!in_options || !g_str_has_prefix (line, "  --"))
        {
          in_options &= line[0] != '\0';
          continue;
        }

      /* "  --db=PATH       Use the library at PATH instead of the default one" */
      description = strstr (line + 2, "  ");
      g_assert_nonnull (description);
      option = g_strndup (line, description - line);
      while (*description == ' ')
        description++;
      for (guint j = 0; help_lines[j] != NULL && !listed; j++)
        listed = g_str_has_prefix (help_lines[j], option) && help_lines[j][strlen (option)] == ' ' &&
                 g_str_has_suffix (help_lines[j], description);
      if (!listed)
        g_test_message ("not in the overall help: %s", line);
      g_assert_true (listed);
      n_options++;
    }
  /* --db, --open and --reference at least. */
  g_assert_cmpuint (n_options, >=, 3);
}

static void
test_help_subcommand (Fixture       *fixture,
                      gconstpointer  data)
{
  for (guint i = 0; subcommands[i] != NULL; i++)
    {
      const char *name = subcommands[i];
      g_auto(Result) help = run (fixture, "help", name);
      g_auto(Result) option = run (fixture, name, "--help");
      g_auto(Result) short_option = run (fixture, name, "-h");
      g_autofree char *usage = g_strdup_printf ("Usage:\n  trip-reports %s [OPTION…]", name);
      gboolean has_json = g_strv_contains ((const char * const[]) { "list", "show", "search", "review", NULL },
                                           name);

      assert_success (&help);
      assert_success (&option);
      assert_success (&short_option);
      g_assert_cmpstr (help.out, ==, option.out);
      g_assert_cmpstr (short_option.out, ==, option.out);
      g_assert_true (g_str_has_prefix (help.out, usage));
      g_assert_nonnull (strstr (help.out, "\n  -h, --help "));
      g_assert_true ((strstr (help.out, "\n  --json ") != NULL) == has_json);
      g_assert_true ((strstr (help.out, "\n  --db=PATH ") != NULL) == !g_str_equal (name, "help"));
    }

  {
    g_auto(Result) show = run (fixture, "help", "show");
    g_auto(Result) search = run (fixture, "help", "search");
    g_auto(Result) new = run (fixture, "help", "new");

    g_assert_nonnull (strstr (show.out, "trip-reports show [OPTION…] ID\n"));
    g_assert_nonnull (strstr (search.out, "trip-reports search [OPTION…] QUERY…\n"));
    g_assert_nonnull (strstr (search.out, "--limit=N"));
    g_assert_nonnull (strstr (new.out, "--from-json=FILE"));
    /* The keys that "new" accepts but does not use are named. */
    for (guint i = 0; i < 5; i++)
      {
        const char *key = (const char *[]) { "“id”", "“kind”", "“created”", "“modified”", "“source”" }[i];

        g_assert_nonnull (strstr (new.out, key));
      }
  }
  g_assert_false (g_file_test (fixture->xdg_data, G_FILE_TEST_EXISTS));
}

/* Usage errors ----------------------------------------------------------- */

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *db = fixture->db_path;
  const char * const *cases[] = {
    (const char * const []) { "help", "frobnicate", NULL },
    (const char * const []) { "frobnicate", "--db", db, NULL },
    (const char * const []) { "help", "list", "show", NULL },
    (const char * const []) { "list", "--frobnicate", "--db", db, NULL },
    (const char * const []) { "list", "extra", "--db", db, NULL },
    (const char * const []) { "list", "--db", NULL },
    (const char * const []) { "show", "--db", db, NULL },
    (const char * const []) { "show", "a", "b", "--db", db, NULL },
    (const char * const []) { "delete", "--db", db, NULL },
    (const char * const []) { "delete", "--json", "x", "--db", db, NULL },
    (const char * const []) { "search", "--db", db, NULL },
    (const char * const []) { "search", " ", "--db", db, NULL },
    (const char * const []) { "search", "數位", "--limit", "0", "--db", db, NULL },
    (const char * const []) { "search", "數位", "--limit", "-3", "--db", db, NULL },
    (const char * const []) { "search", "數位", "--limit", "abc", "--db", db, NULL },
    (const char * const []) { "search", "數位", "--limit", "5x", "--db", db, NULL },
    (const char * const []) { "search", "數位", "--limit", "", "--db", db, NULL },
    (const char * const []) { "search", "數位", "--limit", "99999999999999999999", "--db", db, NULL },
    (const char * const []) { "search", "數位", "--limit", NULL },
    (const char * const []) { "new", "--db", db, NULL },
    (const char * const []) { "new", "extra", "--from-json", "-", "--db", db, NULL },
    (const char * const []) { "new", "--json", "--from-json", "-", "--db", db, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = run_full (fixture, "{}", NULL, cases[i]);
      g_autofree char *joined = g_strjoinv (" ", (char **) cases[i]);

      g_test_message ("trip-reports %s", joined);
      assert_usage_error (&result);
    }

  {
    g_auto(Result) unknown = run (fixture, "help", "frobnicate");
    g_auto(Result) typo = run (fixture, "lst", "--db", db);
    g_auto(Result) option = run (fixture, "list", "--frobnicate", "--db", db);
    g_auto(Result) missing = run (fixture, "show", "--db", db);
    g_auto(Result) limit = run (fixture, "search", "x", "--limit", "0", "--db", db);

    g_assert_nonnull (strstr (unknown.err, "frobnicate"));
    g_assert_nonnull (strstr (unknown.err, "Run “trip-reports help”"));
    /* A typo never opens a window: it is a usage error naming the word. */
    g_assert_nonnull (strstr (typo.err, "lst"));
    g_assert_nonnull (strstr (option.err, "--frobnicate"));
    g_assert_nonnull (strstr (option.err, "Run “trip-reports help list”"));
    g_assert_nonnull (strstr (missing.err, "ID"));
    g_assert_nonnull (strstr (limit.err, "--limit"));
    g_assert_nonnull (strstr (limit.err, "Run “trip-reports help search”"));
  }

  /* A usage error never opens, let alone creates, a library. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->xdg_data, G_FILE_TEST_EXISTS));
}

/* new --------------------------------------------------------------------- */

static void
test_new_from_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "報告.json", NULL);
  g_autofree char *show_text = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *object;

  write_file (path, report_json, -1);
  {
    g_auto(Result) result = run (fixture, "new", "--from-json", path, "--db", fixture->db_path);
    g_auto(Result) show = { 0 };

    assert_success (&result);
    g_assert_cmpuint (count_lines (result.out), ==, 1);
    g_strchomp (result.out);
    g_assert_true (g_uuid_string_is_valid (result.out));
    /* Always a new draft: not the ID nor the kind of the input. */
    g_assert_cmpstr (result.out, !=, "0b7c3a52-5f1e-4d55-9a3e-2f1d7c1c9a10");

    show = run (fixture, "show", result.out, "--json", "--db", fixture->db_path);
    assert_success (&show);
    shown = parse_json (show.out);
    object = json_node_get_object (shown);
    g_assert_cmpstr (member_string (object, "id"), ==, result.out);
  }
  g_assert_cmpstr (member_string (object, "kind"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "fields"), "title"),
                   ==, "赴愛沙尼亞考察數位治理及電子化政府");
  /* Fresh times, not those of the input. */
  g_assert_false (g_str_has_prefix (member_string (object, "created"), "2016-"));
  g_assert_false (g_str_has_prefix (member_string (object, "modified"), "2016-"));
  g_assert_false (json_object_has_member (object, "source"));

  /* The same file twice is two drafts. */
  {
    g_auto(Result) again = run (fixture, "new", "--from-json", path, "--db", fixture->db_path);
    g_auto(Result) list = { 0 };

    assert_success (&again);
    list = run (fixture, "list", "--db", fixture->db_path);
    assert_success (&list);
    g_assert_cmpuint (count_lines (list.out), ==, 2);
  }
}

/* A draft with a photo from JSON: shown with its caption, kept in the JSON
 * form, exported into the document. */
static void
test_new_with_photo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "photo.json", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir, "photo.odt", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 80, 60);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autofree char *base64 = NULL;
  g_autofree char *json = NULL;
  g_autofree char *id = NULL;
  gchar *png = NULL;
  gsize png_size = 0;
  JsonArray *photos;

  gdk_pixbuf_fill (pixbuf, 0x336699ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &png, &png_size, "png", &error, NULL));
  base64 = g_base64_encode ((const guchar *) png, png_size);
  g_free (png);
  json = g_strdup_printf ("{\"fields\": {\"title\": \"赴日本考察\"}, \"appendix\": \"會議照片如下。\","
                          " \"photos\": [{\"caption\": \"拜會東京都廳\", \"data\": \"%s\"}]}", base64);
  write_file (path, json, -1);

  {
    g_auto(Result) result = run (fixture, "new", "--from-json", path, "--db", fixture->db_path);

    assert_success (&result);
    id = g_strdup (g_strchomp (result.out));
  }
  {
    g_auto(Result) show = run (fixture, "show", id, "--db", fixture->db_path);

    assert_success (&show);
    g_assert_nonnull (strstr (show.out, "照片 1：拜會東京都廳 (80 × 60, image/png"));
  }
  {
    g_auto(Result) show = run (fixture, "show", id, "--json", "--db", fixture->db_path);

    assert_success (&show);
    shown = parse_json (show.out);
    photos = json_object_get_array_member (json_node_get_object (shown), "photos");
    g_assert_cmpuint (json_array_get_length (photos), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (photos, 0), "caption"),
                     ==, "拜會東京都廳");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (photos, 0), "data"),
                     ==, base64);
  }
  {
    g_auto(Result) export = run (fixture, "export", id, "--output", odt, "--db", fixture->db_path);
    zip_t *archive;
    int zip_status = 0;

    assert_success (&export);
    archive = zip_open (odt, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
    g_assert_nonnull (archive);
    g_assert_cmpint (zip_name_locate (archive, "Pictures/photo-001.png", 0), >=, 0);
    zip_discard (archive);
  }
}

static void
test_new_from_stdin (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, report_json);
  g_auto(Result) show = run (fixture, "show", id, "--db", fixture->db_path);

  assert_success (&show);
  g_assert_true (g_str_has_prefix (show.out, "赴愛沙尼亞考察數位治理及電子化政府\n"));

  /* An empty object is an empty draft. */
  {
    g_autofree char *empty_id = new_report (fixture, "{}");
    g_auto(Result) list = run (fixture, "list", "--db", fixture->db_path);
    g_autofree char *line = g_strdup_printf ("%s\tdraft\t-\t(untitled)\n", empty_id);

    assert_success (&list);
    g_assert_true (g_str_has_prefix (list.out, line));
  }
}

static void
test_new_bad_json (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  static const struct {
    const char *json;
    const char *named;   /* what the message must name */
  } cases[] = {
    { "{ \"sumary\": \"摘要\" }", "sumary" },
    { "{ \"fields\": { \"titel\": \"標題\" } }", "titel" },
    { "{ \"fields\": { \"pages\": \"十\" } }", "fields.pages" },
    { "{ \"sections\": { \"purpose\": 3 } }", "sections.purpose" },
    { "{ \"fields\": { \"period_start\": \"105年7月9日\" } }", "105年7月9日" },
    { "{ \"fields\": { \"keywords\": \"數位\" } }", "fields.keywords" },
    { "{ \"title\": ", "JSON" },
    { "[]", "object" },
    { "", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = run_with_input (fixture, cases[i].json, "new", "--from-json", "-",
                                              "--db", fixture->db_path);

      g_test_message ("input: %s", cases[i].json);
      assert_failure (&result);
      g_assert_nonnull (strstr (result.err, cases[i].named));
      g_assert_nonnull (strstr (result.err, "standard input"));
    }

  {
    g_auto(Result) result = run (fixture, "new", "--from-json", missing, "--db", fixture->db_path);

    assert_failure (&result);
    g_assert_nonnull (strstr (result.err, missing));
  }

  /* Bad input is refused before the library is even opened. */
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

/* list -------------------------------------------------------------------- */

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *first = new_report (fixture, report_json);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *array;

  /* Apart enough for any clock resolution of the stored times. */
  g_usleep (G_USEC_PER_SEC * 11 / 10);
  second = new_report (fixture, other_json);
  g_usleep (G_USEC_PER_SEC * 11 / 10);
  third = new_report (fixture, "{ \"fields\": { \"destination\": \"日本\" } }");

  {
    g_auto(Result) result = run (fixture, "list", "--db", fixture->db_path);
    g_auto(GStrv) columns = NULL;
    g_autofree char *expected_first = g_strdup_printf ("%s\tdraft\t105年7月9日–105年7月11日\t"
                                                       "赴愛沙尼亞考察數位治理及電子化政府", first);
    g_autofree char *expected_second = g_strdup_printf ("%s\tdraft\t106年5月1日–106年5月5日\t"
                                                        "出席國際港埠協會年會", second);
    g_autofree char *expected_third = g_strdup_printf ("%s\tdraft\t-\t(untitled)", third);

    assert_success (&result);
    lines = g_strsplit (result.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_cmpstr (lines[3], ==, "");
    /* Newest change first. */
    g_assert_cmpstr (lines[0], ==, expected_third);
    g_assert_cmpstr (lines[1], ==, expected_second);
    g_assert_cmpstr (lines[2], ==, expected_first);
    columns = g_strsplit (lines[2], "\t", -1);
    g_assert_cmpuint (g_strv_length (columns), ==, 4);
  }

  {
    g_auto(Result) result = run (fixture, "list", "--json", "--db", fixture->db_path);
    const char *ids[] = { third, second, first };
    g_autoptr(GDateTime) previous = NULL;
    JsonObject *object;

    assert_success (&result);
    root = parse_json (result.out);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
    array = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (array), ==, 3);

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(GDateTime) modified = NULL;

        object = json_array_get_object_element (array, i);
        g_assert_cmpuint (json_object_get_size (object), ==, 8);
        g_assert_cmpstr (member_string (object, "status"), ==, "draft");
        g_assert_cmpstr (member_string (object, "id"), ==, ids[i]);
        g_assert_cmpstr (member_string (object, "kind"), ==, "draft");
        modified = g_date_time_new_from_iso8601 (member_string (object, "modified"), NULL);
        g_assert_nonnull (modified);
        if (previous != NULL)
          g_assert_cmpint (g_date_time_compare (previous, modified), >, 0);
        g_clear_pointer (&previous, g_date_time_unref);
        previous = g_steal_pointer (&modified);
      }

    object = json_array_get_object_element (array, 2);
    g_assert_cmpstr (member_string (object, "title"), ==, "赴愛沙尼亞考察數位治理及電子化政府");
    g_assert_cmpstr (member_string (object, "period_start"), ==, "2016-07-09");
    g_assert_cmpstr (member_string (object, "period_end"), ==, "2016-07-11");
    g_assert_cmpstr (member_string (object, "destination"), ==, "愛沙尼亞");
    object = json_array_get_object_element (array, 0);
    g_assert_cmpstr (member_string (object, "title"), ==, "");
    g_assert_cmpstr (member_string (object, "period_start"), ==, "");
    g_assert_cmpstr (member_string (object, "destination"), ==, "日本");
  }

  /* An empty library: nothing, or an empty array. */
  {
    g_autofree char *empty_db = g_build_filename (fixture->dir, "empty.db", NULL);
    g_auto(Result) plain = run (fixture, "list", "--db", empty_db);
    g_auto(Result) json = run (fixture, "list", "--json", "--db", empty_db);

    assert_success (&plain);
    g_assert_cmpstr (plain.out, ==, "");
    assert_success (&json);
    g_assert_cmpstr (json.out, ==, "[]\n");
  }
}

/* show -------------------------------------------------------------------- */

static void
assert_members_equal (JsonObject *expected,
                      JsonObject *actual,
                      const char *name)
{
  JsonNode *expected_node = json_object_get_member (expected, name);
  JsonNode *actual_node = json_object_get_member (actual, name);

  g_test_message ("comparing “%s”", name);
  g_assert_nonnull (expected_node);
  g_assert_nonnull (actual_node);
  g_assert_true (json_node_equal (expected_node, actual_node));
}

static void
test_show_json_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, report_json);
  g_auto(Result) result = run (fixture, "show", id, "--json", "--db", fixture->db_path);
  g_autoptr(JsonNode) input = parse_json (report_json);
  g_autoptr(JsonNode) output = NULL;
  JsonObject *in, *out, *in_fields, *out_fields;
  GList *names;

  assert_success (&result);
  output = parse_json (result.out);
  in = json_node_get_object (input);
  out = json_node_get_object (output);

  /* Every form field, the travellers and the keywords, as written. */
  in_fields = json_object_get_object_member (in, "fields");
  out_fields = json_object_get_object_member (out, "fields");
  names = json_object_get_members (in_fields);
  for (GList *l = names; l != NULL; l = l->next)
    assert_members_equal (in_fields, out_fields, l->data);
  g_list_free (names);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (out_fields, "travellers")), ==, 2);

  for (guint i = 0; i < 5; i++)
    assert_members_equal (in, out,
                          (const char *[]) { "summary", "sections", "appendix", "unclassified", "warnings" }[i]);

  g_assert_cmpstr (member_string (out, "id"), ==, id);
  g_assert_cmpstr (member_string (out, "kind"), ==, "draft");

  /* Reading back what show printed gives the same draft again. */
  {
    g_autofree char *copy_id = new_report (fixture, result.out);
    g_auto(Result) copy = run (fixture, "show", copy_id, "--json", "--db", fixture->db_path);
    g_autoptr(JsonNode) copy_root = NULL;

    assert_success (&copy);
    copy_root = parse_json (copy.out);
    assert_members_equal (out, json_node_get_object (copy_root), "fields");
    assert_members_equal (out, json_node_get_object (copy_root), "sections");
  }
}

static void
test_show_plain (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, report_json);
  g_auto(Result) result = run (fixture, "show", id, "--db", fixture->db_path);
  static const char * const in_order[] = {
    "赴愛沙尼亞考察數位治理及電子化政府\n",
    "Kind: draft\n",
    "Agency: 國家發展委員會\n",
    "Period: 105年7月9日–105年7月11日\n",
    "Destination: 愛沙尼亞\n",
    "Report date: 105年10月1日\n",
    "Pages: 42\n",
    "王小明 · 國家發展委員會 · 資訊管理處 · 科長 · 02-2316-5301\n",
    "陳美玲 · 國家發展委員會 · 法制協調中心 · 專員\n",
    "Keywords: 數位治理, 電子化政府, X-Road\n",
    "\n摘要\n本次考察愛沙尼亞數位治理經驗",
    "\n目的\n瞭解愛沙尼亞",
    "\n過程\n7月9日抵達塔林",
    "7月10日拜會資訊系統局。\n",
    "\n心得\n愛沙尼亞以X-Road",
    "\n建議\n一、建議研議資料交換平臺。\n二、",
    "照片1：參訪e-Estonia展示中心\n",
    "摘要少於200字\n",
  };
  const char *position;

  assert_success (&result);
  g_assert_true (g_utf8_validate (result.out, -1, NULL));
  position = result.out;
  for (guint i = 0; i < G_N_ELEMENTS (in_order); i++)
    {
      const char *found = strstr (position, in_order[i]);

      if (found == NULL)
        g_test_message ("“%s” missing after “%s”", in_order[i], position);
      g_assert_nonnull (found);
      position = found + strlen (in_order[i]);
    }
  g_assert_nonnull (strstr (result.out, id));
  /* Dates are shown the Minguo way only. */
  g_assert_null (strstr (result.out, "2016-07-09"));
  /* Empty parts are left out. */
  g_assert_null (strstr (result.out, "Other category"));
  g_assert_null (strstr (result.out, "Unclassified"));

  /* A report with only one section shows the other three as empty. */
  {
    g_autofree char *partial = new_report (fixture, "{ \"sections\": { \"process\": \"行程\" } }");
    g_auto(Result) show = run (fixture, "show", partial, "--db", fixture->db_path);

    assert_success (&show);
    g_assert_true (g_str_has_prefix (show.out, "(untitled)\n"));
    g_assert_nonnull (strstr (show.out, "\n目的\n(empty)\n"));
    g_assert_nonnull (strstr (show.out, "\n過程\n行程\n"));
    g_assert_null (strstr (show.out, "摘要"));
  }
}

/* search ------------------------------------------------------------------ */

/* The hits of a plain search, as "ID\ttitle" → snippet. */
static GHashTable *
search_plain (Fixture    *fixture,
              const char *query)
{
  g_auto(Result) result = run (fixture, "search", query, "--db", fixture->db_path);
  g_autoptr(GHashTable) hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  assert_success (&result);
  lines = g_strsplit (result.out, "\n", -1);
  n_lines = g_strv_length (lines) - 1;
  g_assert_cmpstr (lines[n_lines], ==, "");
  g_assert_cmpuint (n_lines % 2, ==, 0);
  for (guint i = 0; i < n_lines; i += 2)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (columns), ==, 2);
      g_assert_true (g_uuid_string_is_valid (columns[0]));
      g_assert_true (g_str_has_prefix (lines[i + 1], "  "));
      g_hash_table_insert (hits, g_strdup (columns[0]), g_strdup (lines[i + 1] + 2));
    }
  return g_steal_pointer (&hits);
}

static void
assert_marked (const char *snippet,
               const char *text)
{
  g_autofree char *marked = g_strdup_printf ("[%s]", text);

  if (strstr (snippet, marked) == NULL)
    g_test_message ("snippet “%s” does not mark “%s”", snippet, text);
  g_assert_nonnull (strstr (snippet, marked));
}

/* show: tables ------------------------------------------------------------ */

/* A schedule in 過程 between two paragraphs, a delegation in the appendix. */
static const char tables_json[] =
  "{ \"fields\": { \"title\": \"赴愛沙尼亞考察\" },"
  "  \"sections\": {"
  "    \"purpose\": \"瞭解數位治理。\","
  "    \"process\": ["
  "      { \"type\": \"text\", \"text\": \"一、行程如下：\" },"
  "      { \"type\": \"table\", \"header\": true, \"caption\": \"參訪行程\", \"rows\": ["
  "        [\"日期\", \"地點\", \"行程內容\"],"
  "        [\"7月9日\", \"Tallinn 塔林\", \"參訪e-Estonia展示中心\"],"
  "        [\"7月10日\", \"塔林\", \"拜會資訊系統局\\n參觀X-Road\"] ] },"
  "      { \"type\": \"text\", \"text\": \"二、心得另述。\" } ],"
  "    \"observations\": \"心得\", \"recommendations\": \"無\" },"
  "  \"appendix\": ["
  "    { \"type\": \"table\", \"rows\": ["
  "      [\"姓名\", \"機關\", \"職稱\"],"
  "      [\"王小明\", \"國家發展委員會\", \"科長\"],"
  "      [\"Mary O'Brien\", \"AIT\", \"Director\"] ] } ] }";

static void
test_show_tables (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, tables_json);
  g_auto(Result) result = run (fixture, "show", id, "--db", fixture->db_path);

  assert_success (&result);
  /* Chinese characters are two columns wide: the grid lines up in a
   * terminal. The caption is numbered as the export numbers it. */
  g_assert_nonnull (strstr (result.out,
    "\n過程\n"
    "一、行程如下：\n"
    "表 1：參訪行程\n"
    "+---------+--------------+-----------------------+\n"
    "| 日期    | 地點         | 行程內容              |\n"
    "+=========+==============+=======================+\n"
    "| 7月9日  | Tallinn 塔林 | 參訪e-Estonia展示中心 |\n"
    "+---------+--------------+-----------------------+\n"
    "| 7月10日 | 塔林         | 拜會資訊系統局        |\n"
    "|         |              | 參觀X-Road            |\n"
    "+---------+--------------+-----------------------+\n"
    "二、心得另述。\n"
    "\n心得\n"));
  /* No header row, no caption: no "=" line, no number. */
  g_assert_true (g_str_has_suffix (result.out,
    "\n附錄\n"
    "+--------------+----------------+----------+\n"
    "| 姓名         | 機關           | 職稱     |\n"
    "+--------------+----------------+----------+\n"
    "| 王小明       | 國家發展委員會 | 科長     |\n"
    "+--------------+----------------+----------+\n"
    "| Mary O'Brien | AIT            | Director |\n"
    "+--------------+----------------+----------+\n"));
}

/* The columns the C library says @line takes in a terminal, and where its
 * column separators ("|" and "+") stand. */
static guint
terminal_columns (const char *line,
                  GArray     *separators)
{
  guint column = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int width = wcwidth ((wchar_t) c);

      g_assert_cmpint (width, >=, 0);
      if (c == '|' || c == '+')
        g_array_append_val (separators, column);
      column += width;
    }
  return column;
}

/* Cells of every width, wrapped ones and ones of many lines: every line of
 * the grid is as wide as its borders, by the C library's measure, with the
 * separators at the same columns. */
static void
test_show_tables_aligned (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char json[] =
    "{ \"sections\": { \"process\": ["
    "  { \"type\": \"table\", \"header\": true, \"rows\": ["
    "    [\"日期\", \"行程內容\", \"備註\"],"
    "    [\"１０月１日\", \"抵達塔林後，隨即前往e-Estonia展示中心聽取簡報，並與該中心主任就數位身分證之推動經驗交換意見。\", \"○ 已完成\"],"
    "    [\"Oct 2\", \"Visited the Information System Authority and the X-Road data exchange centre in the old town\", \"cafe\\u0301 ok\"],"
    "    [\"\", \"第一行\\n\\n第三行\\t有定位字元\", \"\\u001b[31m紅\"] ] } ] } }";
  g_autofree char *id = NULL;
  g_auto(Result) result = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) border = g_array_new (FALSE, FALSE, sizeof (guint));
  guint width = 0, grid_lines = 0;

  g_assert_nonnull (setlocale (LC_CTYPE, "C.UTF-8"));
  id = new_report (fixture, json);
  result = run (fixture, "show", id, "--db", fixture->db_path);
  assert_success (&result);
  g_assert_null (strchr (result.out, '\033'));
  g_assert_null (strchr (result.out, '\t'));

  lines = g_strsplit (result.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GArray) separators = g_array_new (FALSE, FALSE, sizeof (guint));
      guint line_width;

      if (lines[i][0] != '+' && lines[i][0] != '|')
        continue;
      line_width = terminal_columns (lines[i], separators);
      if (grid_lines++ == 0)
        {
          width = line_width;
          g_array_append_vals (border, separators->data, separators->len);
          g_assert_cmpuint (border->len, ==, 4);
        }
      if (line_width != width || separators->len != border->len ||
          memcmp (separators->data, border->data, border->len * sizeof (guint)) != 0)
        g_test_message ("misaligned: “%s”", lines[i]);
      g_assert_cmpuint (line_width, ==, width);
      g_assert_cmpuint (separators->len, ==, border->len);
      g_assert_cmpmem (separators->data, separators->len * sizeof (guint),
                       border->data, border->len * sizeof (guint));
    }
  /* The long cells were wrapped: no column is wider than 30 + 2. */
  for (guint i = 1; i < border->len; i++)
    g_assert_cmpuint (g_array_index (border, guint, i) - g_array_index (border, guint, i - 1), <=, 33);
  g_assert_cmpuint (grid_lines, >, 12);
  /* Wrapped between words where there are spaces. */
  g_assert_nonnull (strstr (result.out, "| Visited the Information System "));
  /* The cell's empty line is kept. */
  g_assert_nonnull (strstr (result.out, "| 第一行 "));
  g_assert_nonnull (strstr (result.out, "| 第三行 有定位字元 "));
}

/* show --json prints the tables; new --from-json reads them back; search
 * finds their cells. */
static void
test_show_tables_json (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, tables_json);
  g_auto(Result) result = run (fixture, "show", id, "--json", "--db", fixture->db_path);
  g_autoptr(JsonNode) input = parse_json (tables_json);
  g_autoptr(JsonNode) output = NULL;
  JsonObject *in, *out, *sections;

  assert_success (&result);
  output = parse_json (result.out);
  in = json_node_get_object (input);
  out = json_node_get_object (output);
  sections = json_object_get_object_member (out, "sections");
  /* A section without tables is a string, as before tables. */
  g_assert_cmpstr (member_string (sections, "purpose"), ==, "瞭解數位治理。");
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (sections, "process")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sections, "process")), ==, 3);

  /* The same tables, through a second draft. */
  {
    g_autofree char *copy_id = new_report (fixture, result.out);
    g_auto(Result) copy = run (fixture, "show", copy_id, "--json", "--db", fixture->db_path);
    g_autoptr(JsonNode) copy_root = NULL;
    JsonObject *copied;
    JsonObject *table;

    assert_success (&copy);
    g_assert_cmpstr (copy_id, !=, id);
    copy_root = parse_json (copy.out);
    copied = json_node_get_object (copy_root);
    assert_members_equal (out, copied, "sections");
    assert_members_equal (out, copied, "appendix");

    /* What was read is what was written, "header" and "caption" added. */
    table = json_array_get_object_element (json_object_get_array_member (copied, "appendix"), 0);
    g_assert_false (json_object_get_boolean_member (table, "header"));
    g_assert_cmpstr (member_string (table, "caption"), ==, "");
    json_object_remove_member (table, "header");
    json_object_remove_member (table, "caption");
    assert_members_equal (in, copied, "appendix");
  }

  {
    g_autoptr(GHashTable) hits = search_plain (fixture, "資訊系統局");

    g_assert_cmpuint (g_hash_table_size (hits), ==, 2);
    assert_marked (g_hash_table_lookup (hits, id), "資訊系統局");
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *estonia = new_report (fixture, report_json);
  g_autofree char *harbour = new_report (fixture, other_json);

  /* One, two and four Chinese characters, and a Latin word. */
  {
    g_autoptr(GHashTable) hits = search_plain (fixture, "塔");

    g_assert_cmpuint (g_hash_table_size (hits), ==, 1);
    assert_marked (g_hash_table_lookup (hits, estonia), "塔");
  }
  {
    g_autoptr(GHashTable) hits = search_plain (fixture, "年會");

    g_assert_cmpuint (g_hash_table_size (hits), ==, 1);
    assert_marked (g_hash_table_lookup (hits, harbour), "年會");
  }
  {
    g_autoptr(GHashTable) hits = search_plain (fixture, "資料交換");

    g_assert_cmpuint (g_hash_table_size (hits), ==, 1);
    g_assert_true (g_hash_table_contains (hits, estonia));
    g_assert_nonnull (strstr (g_hash_table_lookup (hits, estonia), "["));
    g_assert_nonnull (strstr (g_hash_table_lookup (hits, estonia), "]"));
  }
  {
    g_autoptr(GHashTable) hits = search_plain (fixture, "議");

    /* 議 is in both: 建議 and 會議議程. */
    g_assert_cmpuint (g_hash_table_size (hits), ==, 2);
    g_assert_true (g_hash_table_contains (hits, estonia));
    g_assert_true (g_hash_table_contains (hits, harbour));
  }
  {
    g_autoptr(GHashTable) hits = search_plain (fixture, "Blockchain");

    g_assert_cmpuint (g_hash_table_size (hits), ==, 1);
    assert_marked (g_hash_table_lookup (hits, harbour), "Blockchain");
  }

  /* Several words, as separate arguments: all must occur. */
  {
    g_auto(Result) both = run (fixture, "search", "愛沙尼亞", "X-Road", "--db", fixture->db_path);
    g_auto(Result) none = run (fixture, "search", "愛沙尼亞", "港口", "--db", fixture->db_path);

    assert_success (&both);
    g_assert_true (g_str_has_prefix (both.out, estonia));
    g_assert_cmpuint (count_lines (both.out), ==, 2);
    assert_success (&none);
    g_assert_cmpstr (none.out, ==, "");
  }

  /* --json: the list fields plus the snippet. */
  {
    g_auto(Result) result = run (fixture, "search", "--json", "數位", "--db", fixture->db_path);
    g_autoptr(JsonNode) root = NULL;
    JsonObject *hit;

    assert_success (&result);
    root = parse_json (result.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    hit = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpuint (json_object_get_size (hit), ==, 9);
    g_assert_cmpstr (member_string (hit, "id"), ==, estonia);
    g_assert_cmpstr (member_string (hit, "kind"), ==, "draft");
    g_assert_cmpstr (member_string (hit, "title"), ==, "赴愛沙尼亞考察數位治理及電子化政府");
    g_assert_cmpstr (member_string (hit, "period_start"), ==, "2016-07-09");
    g_assert_cmpstr (member_string (hit, "period_end"), ==, "2016-07-11");
    g_assert_cmpstr (member_string (hit, "destination"), ==, "愛沙尼亞");
    g_assert_nonnull (member_string (hit, "modified"));
    assert_marked (member_string (hit, "snippet"), "數位");
    g_assert_null (strchr (member_string (hit, "snippet"), '\x02'));
  }

  /* --limit */
  {
    g_auto(Result) limited = run (fixture, "search", "議", "--limit", "1", "--db", fixture->db_path);
    g_auto(Result) json = run (fixture, "search", "議", "--json", "--limit=1", "--db", fixture->db_path);
    g_autoptr(JsonNode) root = NULL;

    assert_success (&limited);
    g_assert_cmpuint (count_lines (limited.out), ==, 2);
    assert_success (&json);
    root = parse_json (json.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  }

  /* No hit: nothing, or an empty array; still a success. */
  {
    g_auto(Result) plain = run (fixture, "search", "冰島", "--db", fixture->db_path);
    g_auto(Result) json = run (fixture, "search", "冰島", "--json", "--db", fixture->db_path);

    assert_success (&plain);
    g_assert_cmpstr (plain.out, ==, "");
    assert_success (&json);
    g_assert_cmpstr (json.out, ==, "[]\n");
  }
}

/* delete ------------------------------------------------------------------ */

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, report_json);
  g_autofree char *kept = new_report (fixture, other_json);
  g_auto(Result) deleted = run (fixture, "delete", id, "--db", fixture->db_path);
  g_auto(Result) show = run (fixture, "show", id, "--db", fixture->db_path);
  g_auto(Result) again = run (fixture, "delete", id, "--db", fixture->db_path);
  g_auto(Result) list = run (fixture, "list", "--db", fixture->db_path);
  g_auto(Result) search = run (fixture, "search", "愛沙尼亞", "--db", fixture->db_path);
  g_auto(Result) bogus = run (fixture, "show", "not-an-id", "--json", "--db", fixture->db_path);

  assert_success (&deleted);
  g_assert_cmpstr (deleted.out, ==, "");

  assert_failure (&show);
  g_assert_nonnull (strstr (show.err, id));
  assert_failure (&again);
  g_assert_nonnull (strstr (again.err, id));
  assert_failure (&bogus);
  g_assert_nonnull (strstr (bogus.err, "not-an-id"));

  assert_success (&list);
  g_assert_true (g_str_has_prefix (list.out, kept));
  g_assert_cmpuint (count_lines (list.out), ==, 1);
  assert_success (&search);
  g_assert_cmpstr (search.out, ==, "");
}

/* Libraries that cannot be used ------------------------------------------ */

static void
test_db_unusable_path (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "plain-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "library.db", NULL);
  const char * const paths[] = { under_file, "/proc/trip-reports-test.db" };

  write_file (file, "not a folder", -1);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_auto(Result) list = run (fixture, "list", "--db", paths[i]);
      g_auto(Result) new = run_with_input (fixture, report_json, "new", "--from-json", "-",
                                           "--db", paths[i]);

      assert_failure (&list);
      g_assert_nonnull (strstr (list.err, paths[i]));
      assert_failure (&new);
      g_assert_nonnull (strstr (new.err, paths[i]));
    }
}

static void
test_db_not_database (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char garbage[] = "\x89PNG\r\n\x1a\n this is not a SQLite database at all \x00\x01\x02"
                                "..............................................................";
  g_autofree char *contents = NULL;
  gsize length;

  write_file (fixture->db_path, garbage, sizeof garbage);
  {
    g_auto(Result) list = run (fixture, "list", "--db", fixture->db_path);
    g_auto(Result) search = run (fixture, "search", "數位", "--json", "--db", fixture->db_path);
    g_auto(Result) new = run_with_input (fixture, report_json, "new", "--from-json", "-",
                                         "--db", fixture->db_path);

    assert_failure (&list);
    g_assert_nonnull (strstr (list.err, fixture->db_path));
    assert_failure (&search);
    assert_failure (&new);
  }

  /* The file is left as it was. */
  g_file_get_contents (fixture->db_path, &contents, &length, NULL);
  g_assert_cmpmem (contents, length, garbage, sizeof garbage);
}

/* An unset variable (--db "$LIBRARY") or ":memory:" would save into a
 * database that is gone when the command ends, after printing an ID. */
static void
test_db_not_a_file_path (Fixture       *fixture,
                         gconstpointer  data)
{
  const char * const paths[] = { "", ":memory:", "file:library.db?mode=memory" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", paths[i]);
      g_auto(Result) new = run_with_input (fixture, report_json, "new", "--from-json", "-",
                                           "--db", paths[i]);
      g_auto(Result) import = run (fixture, "import", "--db", paths[i], "report.pdf");
      g_auto(Result) list = run (fixture, "list", "--db", paths[i]);

      assert_failure (&new);
      g_assert_nonnull (strstr (new.err, quoted));
      assert_failure (&import);
      g_assert_nonnull (strstr (import.err, quoted));
      assert_failure (&list);
    }
  /* Nothing was made, in the working folder or elsewhere in it. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }
}

/* A folder, a device, a loop of links: one line naming the path and why. */
static void
test_db_not_a_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *loop = g_build_filename (fixture->dir, "loop.db", NULL);
  const struct {
    const char *path;
    const char *why;
  } cases[] = {
    { fixture->dir, "is a folder" },
    { "/dev/null", "not a regular file" },
    { loop, "symbolic links" },
  };

  g_assert_no_errno (symlink ("loop.db", loop));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i].path);
      g_auto(Result) list = run (fixture, "list", "--db", cases[i].path);
      g_auto(Result) new = run_with_input (fixture, report_json, "new", "--from-json", "-",
                                           "--db", cases[i].path);

      assert_failure (&list);
      g_test_message ("%s", list.err);
      g_assert_nonnull (strstr (list.err, quoted));
      g_assert_nonnull (strstr (list.err, cases[i].why));
      assert_failure (&new);
      g_assert_cmpstr (new.err, ==, list.err);
    }
}

/* A library behind a link is the library: both names see the same reports. */
static void
test_db_symlink (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.db", NULL);
  g_autofree char *first = new_report (fixture, report_json);
  g_autofree char *second = NULL;

  g_assert_no_errno (symlink ("library.db", link));
  {
    g_auto(Result) result = run_with_input (fixture, other_json, "new", "--from-json", "-",
                                            "--db", link);

    assert_success (&result);
    second = g_strdup (g_strchomp (result.out));
  }
  {
    g_auto(Result) list = run (fixture, "list", "--db", fixture->db_path);

    assert_success (&list);
    g_assert_cmpuint (count_lines (list.out), ==, 2);
    g_assert_nonnull (strstr (list.out, first));
    g_assert_nonnull (strstr (list.out, second));
  }
}

/* A schema version no Trip Reports wrote: refused the same way each time
 * (INT_MIN once crashed every open), the file left as it was. */
static void
test_db_unknown_version (Fixture       *fixture,
                         gconstpointer  data)
{
  static const int versions[] = { -1, G_MININT32 };
  g_autofree char *id = new_report (fixture, report_json);

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", versions[i]);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gsize before_length, after_length;
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      g_assert_true (g_file_get_contents (fixture->db_path, &before, &before_length, NULL));

      for (guint attempt = 0; attempt < 2; attempt++)
        {
          g_auto(Result) show = run (fixture, "show", id, "--db", fixture->db_path);

          assert_failure (&show);
          g_test_message ("%s", show.err);
          g_assert_nonnull (strstr (show.err, fixture->db_path));
          g_assert_nonnull (strstr (show.err, "schema version"));
        }
      g_assert_true (g_file_get_contents (fixture->db_path, &after, &after_length, NULL));
      g_assert_cmpmem (after, after_length, before, before_length);
    }
}

/* A library the user may read but not write: reading commands work, and
 * each write fails with one line that names the file and says why. Root
 * may write anything: the commands then run as nobody. */
static void
test_db_read_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, report_json);
  g_autofree char *output = g_build_filename (fixture->dir, "out.odt", NULL);
  g_autofree char *quoted = g_strdup_printf ("“%s”", fixture->db_path);
  gboolean as_nobody = geteuid () == 0;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  g_assert_no_errno (g_chmod (fixture->db_path, 0444));
  if (as_nobody)
    {
      g_assert_no_errno (chown (fixture->dir, NOBODY_ID, NOBODY_ID));
      g_assert_no_errno (g_chmod (fixture->dir, 0755));
    }
  g_assert_true (g_file_get_contents (fixture->db_path, &before, &before_length, NULL));

#define run_reader(...) \
  run_full_as (fixture, as_nobody, NULL, NULL, (const char * const []) { __VA_ARGS__, NULL })
  {
    g_auto(Result) list = run_reader ("list", "--db", fixture->db_path);
    g_auto(Result) show = run_reader ("show", id, "--json", "--db", fixture->db_path);
    g_auto(Result) search = run_reader ("search", "治理", "--db", fixture->db_path);
    g_auto(Result) export = run_reader ("export", id, "--output", output, "--db", fixture->db_path);

    assert_success (&list);
    g_assert_true (g_str_has_prefix (list.out, id));
    assert_success (&show);
    g_assert_nonnull (strstr (show.out, "赴愛沙尼亞考察數位治理及電子化政府"));
    assert_success (&search);
    g_assert_true (g_str_has_prefix (search.out, id));
    assert_success (&export);
    g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Result) new = run_full_as (fixture, as_nobody, other_json, NULL, (const char * const []) {
                                        "new", "--from-json", "-", "--db", fixture->db_path, NULL });
    g_auto(Result) delete = run_reader ("delete", id, "--db", fixture->db_path);
    g_auto(Result) review = run_reader ("review", id, "--status", "submitted", "--db", fixture->db_path);
    Result *writes[] = { &new, &delete, &review };

    for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
      {
        assert_failure (writes[i]);
        g_test_message ("%s", writes[i]->err);
        g_assert_nonnull (strstr (writes[i]->err, quoted));
        g_assert_nonnull (strstr (writes[i]->err, "read-only"));
      }
  }
#undef run_reader

  g_assert_true (g_file_get_contents (fixture->db_path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
  if (as_nobody)
    g_assert_no_errno (chown (fixture->dir, 0, 0));
}

/* Without --db: $XDG_DATA_HOME/trip-reports/library.db, folders created. */
static void
test_default_path (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *xdg = g_build_filename (fixture->dir, "not", "yet", "there", NULL);
  g_autofree char *xdg_env = g_strconcat ("XDG_DATA_HOME=", xdg, NULL);
  g_autofree char *expected = g_build_filename (xdg, "trip-reports", "library.db", NULL);
  const char * const env[] = { xdg_env, NULL };
  g_autofree char *id = NULL;

  {
    g_auto(Result) result = run_full (fixture, report_json, env,
                                      (const char * const []) { "new", "--from-json", "-", NULL });

    assert_success (&result);
    id = g_strdup (g_strchomp (result.out));
    g_assert_true (g_uuid_string_is_valid (id));
  }
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));

  {
    g_auto(Result) list = run_full (fixture, NULL, env, (const char * const []) { "list", NULL });
    g_auto(Result) explicit = run (fixture, "list", "--db", expected);
    g_auto(Result) help = run_full (fixture, NULL, env, (const char * const []) { "help", NULL });

    assert_success (&list);
    g_assert_true (g_str_has_prefix (list.out, id));
    assert_success (&explicit);
    g_assert_cmpstr (explicit.out, ==, list.out);
    /* The overall help names the default library. */
    assert_success (&help);
    g_assert_nonnull (strstr (help.out, expected));
  }
}

/* Output that cannot be written is a failure, not a silent success. */
static void
test_output_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = new_report (fixture, report_json);

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->xdg_data, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("TR_BINARY"),
                                         "show", id, "--db", fixture->db_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, EXIT_FAILED);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "trip-reports: "));
}

/* Locales ----------------------------------------------------------------- */

static void
test_locale (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, report_json);
  /* The usual environment of scripts, and a plain C locale: Chinese
   * arguments are understood and output stays UTF-8 in both. */
  const char * const utf8_env[] = { "LC_ALL=C.UTF-8", "LANGUAGE", "LANG", NULL };
  const char * const c_env[] = { "LC_ALL=C", "LANGUAGE", "LANG", NULL };
  const char * const *envs[] = { utf8_env, c_env };

  for (guint i = 0; i < G_N_ELEMENTS (envs); i++)
    {
      g_auto(Result) show = run_full (fixture, NULL, envs[i], (const char * const []) {
                                        "show", id, "--db", fixture->db_path, NULL });
      g_auto(Result) search = run_full (fixture, NULL, envs[i], (const char * const []) {
                                          "search", "治理", "--db", fixture->db_path, NULL });
      g_auto(Result) missing = run_full (fixture, NULL, envs[i], (const char * const []) {
                                           "show", "不存在", "--db", fixture->db_path, NULL });

      g_test_message ("environment: %s", envs[i][0]);
      assert_success (&show);
      g_assert_nonnull (strstr (show.out, "\n目的\n"));
      g_assert_nonnull (strstr (show.out, "Period: 105年7月9日–105年7月11日\n"));
      assert_success (&search);
      g_assert_true (g_str_has_prefix (search.out, id));
      g_assert_nonnull (strstr (search.out, "[治理]"));
      assert_failure (&missing);
      g_assert_nonnull (strstr (missing.err, "“不存在”"));
    }
}

/* export ----------------------------------------------------------------- */

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = new_report (fixture,
                                    "{\"fields\": {\"title\": \"赴日本考察報告\"},"
                                    " \"sections\": {\"purpose\": \"了解交通政策。\"}}");
  g_autofree char *output = g_build_filename (fixture->dir, "報告.odt", NULL);
  g_autofree char *missing_folder = g_build_filename (fixture->dir, "no-such-folder", "x.odt", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Result) result = run (fixture, "export", id, "--output", output, "--db", fixture->db_path);

    assert_success (&result);
    g_assert_cmpstr (result.out, ==, "");
  }
  /* An ODF package: a zip whose first entry is the stored mimetype. */
  g_file_get_contents (output, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 38 + strlen ("application/vnd.oasis.opendocument.text"));
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  g_assert_cmpmem (contents + 30, 8, "mimetype", 8);
  g_assert_cmpmem (contents + 38, 39, "application/vnd.oasis.opendocument.text", 39);

  {
    g_auto(Result) no_output = run (fixture, "export", id, "--db", fixture->db_path);
    g_auto(Result) no_report = run (fixture, "export", "00000000-0000-4000-8000-000000000000",
                                    "--output", output, "--db", fixture->db_path);
    g_auto(Result) no_folder = run (fixture, "export", id, "--output", missing_folder,
                                    "--db", fixture->db_path);
    /* An unset variable in a script: said as such, not as a folder. */
    g_auto(Result) empty_output = run (fixture, "export", id, "--output", "", "--db", fixture->db_path);
    g_autofree char *after = NULL;

    assert_usage_error (&no_output);
    assert_usage_error (&empty_output);
    g_assert_true (g_str_has_prefix (empty_output.err, "trip-reports: --output: the path is empty\n"));
    assert_failure (&no_report);
    assert_failure (&no_folder);
    g_assert_nonnull (strstr (no_folder.err, "no-such-folder"));
    /* The failures left the earlier export as it was. */
    g_file_get_contents (output, &after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (after, length, contents, length);
  }
}

/* review and comment --------------------------------------------------- */

/* The content.xml of the ODT at @path. */
static char *
read_content_xml (const char *path)
{
  int zip_status = 0;
  zip_t *archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
  zip_file_t *entry;
  zip_stat_t stat;
  char *data;

  g_assert_nonnull (archive);
  g_assert_cmpint (zip_stat (archive, "content.xml", 0, &stat), ==, 0);
  entry = zip_fopen (archive, "content.xml", 0);
  g_assert_nonnull (entry);
  data = g_malloc (stat.size + 1);
  g_assert_cmpint (zip_fread (entry, data, stat.size), ==, (zip_int64_t) stat.size);
  data[stat.size] = '\0';
  zip_fclose (entry);
  zip_discard (archive);
  return data;
}

static void
assert_status (Fixture    *fixture,
               const char *id,
               const char *expected)
{
  g_auto(Result) result = run (fixture, "review", id, "--db", fixture->db_path);
  g_autofree char *line = g_strdup_printf ("status\t%s\n", expected);

  assert_success (&result);
  g_assert_true (g_str_has_prefix (result.out, line));
}

static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *estonia = new_report (fixture, report_json);
  g_autofree char *port = new_report (fixture, other_json);
  g_autofree char *form = g_build_filename (fixture->dir, "審核表.odt", NULL);

  /* A new report is a draft; items 1 and 2 are worked out for the
   * traveller (the agency's column is the agency's): returned on
   * 2016-07-11, reported on 2016-10-01 (due 10-11); four sections. */
  {
    g_auto(Result) result = run (fixture, "review", estonia, "--db", fixture->db_path);
    g_auto(GStrv) lines = NULL;

    assert_success (&result);
    lines = g_strsplit (result.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 12);
    g_assert_cmpstr (lines[0], ==, "status\tdraft");
    g_assert_cmpstr (lines[1], ==, "1\t是\t-\t依限繳交出國報告");
    g_assert_cmpstr (lines[2], ==, "2\t是\t-\t格式完整（本文具備目的、過程、心得及建議事項）");
    g_assert_cmpstr (lines[3], ==, "3\t-\t-\t無抄襲相關資料");
    g_assert_cmpstr (lines[11], ==, "");
  }

  /* The workflow, and what it refuses. */
  {
    g_auto(Result) approve = run (fixture, "review", estonia, "--status", "approved", "--db", fixture->db_path);
    g_auto(Result) unknown = run (fixture, "review", estonia, "--status", "核定", "--db", fixture->db_path);
    g_auto(Result) missing = run (fixture, "review", "00000000-0000-4000-8000-000000000000",
                                  "--status", "submitted", "--db", fixture->db_path);

    assert_failure (&approve);
    g_assert_nonnull (strstr (approve.err, "草稿"));
    assert_usage_error (&unknown);
    assert_failure (&missing);
  }
  {
    g_auto(Result) submit = run (fixture, "review", estonia, "--status", "submitted", "--db", fixture->db_path);
    g_auto(Result) submit_port = run (fixture, "review", port, "--status", "submitted", "--db", fixture->db_path);
    g_auto(Result) return_port = run (fixture, "review", port, "--status", "returned", "--db", fixture->db_path);

    assert_success (&submit);
    g_assert_cmpstr (submit.out, ==, "");
    assert_success (&submit_port);
    assert_success (&return_port);
  }
  assert_status (fixture, estonia, "submitted");
  assert_status (fixture, port, "returned");

  /* The library by status. */
  {
    g_auto(Result) submitted = run (fixture, "list", "--status", "submitted", "--db", fixture->db_path);
    g_auto(Result) drafts = run (fixture, "list", "--status", "draft", "--db", fixture->db_path);
    g_auto(Result) returned = run (fixture, "list", "--status", "returned", "--json", "--db", fixture->db_path);
    g_auto(Result) bad = run (fixture, "list", "--status", "done", "--db", fixture->db_path);
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;

    assert_success (&submitted);
    g_assert_cmpuint (count_lines (submitted.out), ==, 1);
    g_assert_true (g_str_has_prefix (submitted.out, estonia));
    assert_success (&drafts);
    g_assert_cmpstr (drafts.out, ==, "");
    assert_success (&returned);
    root = parse_json (returned.out);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
    object = json_array_get_object_element (json_node_get_array (root), 0);
    g_assert_cmpstr (member_string (object, "id"), ==, port);
    g_assert_cmpstr (member_string (object, "status"), ==, "returned");
    assert_usage_error (&bad);
  }

  /* --json gives the whole form. */
  {
    g_auto(Result) result = run (fixture, "review", estonia, "--json", "--db", fixture->db_path);
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;
    JsonArray *items;

    assert_success (&result);
    root = parse_json (result.out);
    object = json_node_get_object (root);
    g_assert_cmpstr (member_string (object, "status"), ==, "submitted");
    items = json_object_get_array_member (object, "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 10);
    g_assert_cmpstr (member_string (json_array_get_object_element (items, 0), "self"), ==, "yes");
    g_assert_cmpstr (member_string (json_array_get_object_element (items, 4), "agency"), ==, "");
    g_assert_cmpstr (member_string (json_array_get_object_element (items, 9), "text"), ==,
                     "其他處理意見及方式：");
  }

  /* The review form, filled. */
  {
    g_auto(Result) result = run (fixture, "export", estonia, "--review-form", "--output", form,
                                 "--db", fixture->db_path);
    g_autofree char *content = NULL;

    assert_success (&result);
    content = read_content_xml (form);
    g_assert_nonnull (strstr (content, "出國報告審核表"));
    g_assert_nonnull (strstr (content, "赴愛沙尼亞考察數位治理及電子化政府"));
    g_assert_nonnull (strstr (content, "105年10月1日"));
    g_assert_nonnull (strstr (content, "王小明、陳美玲"));
    g_assert_nonnull (strstr (content, "☑"));
    g_assert_null (strstr (content, "office:annotation"));
  }
}

static void
test_comment (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, report_json);
  g_autofree char *output = g_build_filename (fixture->dir, "comments.odt", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.odt", NULL);
  g_autofree char *content = NULL;
  g_autofree char *plain_content = NULL;

  {
    g_auto(Result) result = run (fixture, "comment", id, "--section", "process", "--quote", "資訊系統局",
                                 "--text", "請寫出局長姓名", "--author", "審核人", "--db", fixture->db_path);

    assert_success (&result);
    g_assert_cmpuint (g_ascii_strtoull (result.out, NULL, 10), >, 0);
    g_assert_true (g_str_has_suffix (result.out, "\n"));
  }
  {
    g_auto(Result) not_there = run (fixture, "comment", id, "--section", "purpose", "--quote", "資訊系統局",
                                    "--text", "x", "--db", fixture->db_path);
    g_auto(Result) bad_section = run (fixture, "comment", id, "--section", "summary", "--quote", "考察",
                                      "--text", "x", "--db", fixture->db_path);
    g_auto(Result) no_text = run (fixture, "comment", id, "--section", "process", "--quote", "塔林",
                                  "--db", fixture->db_path);
    g_auto(Result) no_report = run (fixture, "comment", "00000000-0000-4000-8000-000000000000",
                                    "--section", "process", "--quote", "塔林", "--text", "x",
                                    "--db", fixture->db_path);

    assert_failure (&not_there);
    g_assert_nonnull (strstr (not_there.err, "目的"));
    assert_usage_error (&bad_section);
    assert_usage_error (&no_text);
    assert_failure (&no_report);
  }

  {
    g_auto(Result) result = run (fixture, "export", id, "--output", output, "--db", fixture->db_path);
    g_auto(Result) without = run (fixture, "export", id, "--no-comments", "--output", plain,
                                  "--db", fixture->db_path);

    assert_success (&result);
    assert_success (&without);
  }
  content = read_content_xml (output);
  g_assert_nonnull (strstr (content, "<dc:creator>審核人</dc:creator>"));
  g_assert_nonnull (strstr (content, "請寫出局長姓名"));
  g_assert_nonnull (strstr (content, "</office:annotation>資訊系統局<office:annotation-end"));
  plain_content = read_content_xml (plain);
  g_assert_null (strstr (plain_content, "office:annotation"));
  g_assert_nonnull (strstr (plain_content, "資訊系統局"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("version", test_version);
  ADD ("help", test_help);
  ADD ("help-window-options", test_help_window_options);
  ADD ("help-subcommand", test_help_subcommand);
  ADD ("usage-errors", test_usage_errors);
  ADD ("new/from-file", test_new_from_file);
  ADD ("new/with-photo", test_new_with_photo);
  ADD ("new/from-stdin", test_new_from_stdin);
  ADD ("new/bad-json", test_new_bad_json);
  ADD ("list", test_list);
  ADD ("show/json-round-trip", test_show_json_round_trip);
  ADD ("show/plain", test_show_plain);
  ADD ("show/tables", test_show_tables);
  ADD ("show/tables-aligned", test_show_tables_aligned);
  ADD ("show/tables-json", test_show_tables_json);
  ADD ("search", test_search);
  ADD ("delete", test_delete);
  ADD ("export", test_export);
  ADD ("review", test_review);
  ADD ("comment", test_comment);
  ADD ("db/unusable-path", test_db_unusable_path);
  ADD ("db/not-a-database", test_db_not_database);
  ADD ("db/default-path", test_default_path);
  ADD ("db/not-a-file-path", test_db_not_a_file_path);
  ADD ("db/not-a-file", test_db_not_a_file);
  ADD ("db/symlink", test_db_symlink);
  ADD ("db/unknown-version", test_db_unknown_version);
  ADD ("db/read-only", test_db_read_only);
  ADD ("output-error", test_output_error);
  ADD ("locale", test_locale);

#undef ADD

  return g_test_run ();
}
