/* cli-help.c: --version, --help, usage errors and the locale
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-cli.h"

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

/* What runs a subcommand missing from where trip-reports looks for it: a
 * clear failure, naming it, rather than a crash or the window. */
static void
test_missing_module (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "empty", NULL);
  g_autofree char *libexecdir = g_strconcat ("TR_LIBEXECDIR=", empty, NULL);
  const char * const env[] = { libexecdir, NULL };

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  {
    g_auto(Result) list = run_full (fixture, NULL, env, (const char * const []) {
                                      "list", "--db", fixture->db_path, NULL });
    g_auto(Result) version = run_full (fixture, NULL, env, (const char * const []) { "--version", NULL });

    assert_failure (&list);
    g_assert_nonnull (strstr (list.err, "cannot run"));
    g_assert_nonnull (strstr (list.err, "trip-reports-library"));
    /* What trip-reports does itself needs nothing else. */
    assert_success (&version);
  }
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

void
add_help_tests (void)
{
  ADD ("version", test_version);
  ADD ("help", test_help);
  ADD ("help-window-options", test_help_window_options);
  ADD ("help-subcommand", test_help_subcommand);
  ADD ("usage-errors", test_usage_errors);
  ADD ("locale", test_locale);
  ADD ("missing-module", test_missing_module);
}
