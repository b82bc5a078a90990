/* cli-db.c: --db: unusable paths, not a database, links, versions, read-only
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-cli.h"

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
      g_assert_no_errno (chown (fixture->dir, TR_TEST_NOBODY_ID, TR_TEST_NOBODY_ID));
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
    /* Written, with a warning: the library cannot keep the 頁數 counted. */
    g_assert_cmpint (export.status, ==, EXIT_OK);
    g_assert_true (g_str_has_prefix (export.err, "trip-reports: "));
    g_assert_nonnull (strstr (export.err, quoted));
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
  g_autofree char *id = new_report (fixture, report_json);
  const TrTestRunOptions options = { .dir = fixture->dir, .stdout_path = "/dev/full" };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  {
    g_auto(Result) show = tr_test_run_binary_full (&options, (const char * const []) {
                                                     "show", id, "--db", fixture->db_path, NULL });

    assert_failure (&show);
    g_assert_nonnull (strstr (show.err, "cannot write the output"));
  }
}

void
add_db_tests (void)
{
  ADD ("db/unusable-path", test_db_unusable_path);
  ADD ("db/not-a-database", test_db_not_database);
  ADD ("db/default-path", test_default_path);
  ADD ("db/not-a-file-path", test_db_not_a_file_path);
  ADD ("db/not-a-file", test_db_not_a_file);
  ADD ("db/symlink", test_db_symlink);
  ADD ("db/unknown-version", test_db_unknown_version);
  ADD ("db/read-only", test_db_read_only);
  ADD ("output-error", test_output_error);
}
