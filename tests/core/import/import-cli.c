/* import-cli.c: trip-reports import: JSON, failures, duplicates, passwords, batches
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"

/* The command line --------------------------------------------------------- */

typedef TrTestRun Result;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, tr_test_run_clear)

/* Runs the binary with @argv and "NAME=value" @env additions, in the
 * test's folder (tr-test-util.h). */
static Result
run_cli (const char * const *env,
         const char * const *argv)
{
  TrTestRunOptions options = { .dir = test_dir, .env_changes = env };

  return tr_test_run_binary_full (&options, argv);
}

#define cli(...) run_cli (NULL, (const char * const []) { __VA_ARGS__, NULL })
#define cli_env(env, ...) run_cli ((env), (const char * const []) { __VA_ARGS__, NULL })

static GStrv
output_lines (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  if (g_str_has_suffix (copy, "\n"))
    copy[strlen (copy) - 1] = '\0';
  if (copy[0] == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (copy, "\n", -1);
}

static char *
fresh_db (const char *name)
{
  char *path = test_path (name);

  g_unlink (path);
  return path;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Plain output: one line per file, "ID<TAB>file", in the order given; the
 * reports are in the library with their original file. */
static void
test_cli_import (void)
{
  g_autofree char *a = make_small_pdf ("cli-a.pdf", 30);
  g_autofree char *b = make_small_pdf ("cli-b.pdf", 31);
  g_autofree char *c = make_small_pdf ("cli-c.pdf", 32);
  g_autofree char *db = fresh_db ("cli-import.db");
  g_auto(Result) result = cli ("import", "--db", db, a, b, c);
  g_auto(GStrv) lines = output_lines (result.out);
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *files[] = { a, b, c };

  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  store = tr_report_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tr_report_store_count (store, NULL), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      g_autoptr(TrReport) report = NULL;
      g_autoptr(GBytes) original = read_bytes (files[i]);
      g_autoptr(GBytes) stored = NULL;
      g_autofree char *basename = g_path_get_basename (files[i]);

      g_assert_cmpuint (g_strv_length (columns), ==, 2);
      g_assert_cmpstr (columns[1], ==, files[i]);
      report = tr_report_store_load (store, columns[0], &error);
      g_assert_no_error (error);
      g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
      g_assert_cmpstr (tr_report_get_source_filename (report), ==, basename);
      stored = tr_report_store_load_source_data (store, columns[0], &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (stored, original));
    }
}

/* --json: one object for one file, an array for several; --dry-run keeps
 * the library untouched. */
static void
test_cli_json (void)
{
  g_autofree char *a = make_small_pdf ("json-a.pdf", 33);
  g_autofree char *b = make_small_pdf ("json-b.pdf", 34);
  g_autofree char *db = fresh_db ("cli-json.db");
  g_autoptr(GBytes) bytes = read_bytes (a);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  {
    g_auto(Result) result = cli ("import", "--dry-run", "--json", "--db", db, a);
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(TrReport) report = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
    report = tr_report_new_from_json_node (root, &error);
    g_assert_no_error (error);
    g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
    g_assert_cmpstr (tr_report_get_source_filename (report), ==, "json-a.pdf");
    g_assert_cmpstr (tr_report_get_source_sha256 (report), ==, sha256);
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Result) result = cli ("import", "--json", "--db", db, a, b);
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(TrReportStore) store = NULL;
    g_autoptr(GError) error = NULL;
    JsonArray *array;

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
    root = parse_json (result.out);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
    array = json_node_get_array (root);
    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    store = tr_report_store_open (db, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        JsonObject *object = json_array_get_object_element (array, i);
        g_autoptr(TrReport) stored = tr_report_store_load (store, json_object_get_string_member (object, "id"), &error);

        g_assert_no_error (error);
        g_assert_cmpstr (tr_report_get_source_filename (stored), ==, i == 0 ? "json-a.pdf" : "json-b.pdf");
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "source"), "filename"),
                         ==, i == 0 ? "json-a.pdf" : "json-b.pdf");
      }
  }
  {
    g_auto(Result) result = cli ("import", "--dry-run", "--db", db, a);

    g_assert_cmpint (result.status, ==, 0);
    /* What “show” would print. */
    g_assert_nonnull (strstr (result.out, "愛沙尼亞自1991年恢復獨立後"));
  }
}

/* Each failure is one line on stderr naming the file and the reason; the
 * others are imported; the exit status is 1. */
static void
test_cli_failures (void)
{
  g_autofree char *good = make_small_pdf ("fail-good.pdf", 35);
  g_autofree char *garbage = make_garbage ();
  g_autofree char *empty = make_empty ();
  g_autofree char *scan = make_scan ();
  g_autofree char *truncated = make_truncated ();
  g_autofree char *db = fresh_db ("cli-failures.db");
  g_auto(Result) result = cli ("import", "--db", db, garbage, good, empty, scan, truncated);
  g_auto(GStrv) out = output_lines (result.out);
  g_auto(GStrv) err = output_lines (result.err);
  const char *expected[][2] = {
    { "garbage.pdf", "not a PDF" }, { "empty.pdf", "empty" },
    { "scan.pdf", "this PDF has no text; it is probably a scan" }, { "truncated.pdf", "cut short" },
  };

  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (g_strv_length (out), ==, 1);
  g_assert_true (g_str_has_suffix (out[0], good));
  g_assert_cmpuint (g_strv_length (err), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", err[i]);
      g_assert_true (g_str_has_prefix (err[i], "trip-reports: "));
      g_assert_nonnull (strstr (err[i], expected[i][0]));
      g_assert_nonnull (strstr (err[i], expected[i][1]));
    }
}

static void
test_cli_duplicate (void)
{
  g_autofree char *a = make_small_pdf ("dup-a.pdf", 36);
  g_autofree char *copy = test_path ("dup-copy.pdf");
  g_autofree char *db = fresh_db ("cli-dup.db");
  g_autoptr(GBytes) bytes = read_bytes (a);
  g_autofree char *id = NULL;

  write_bytes (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  {
    g_auto(Result) result = cli ("import", "--db", db, a);

    g_assert_cmpint (result.status, ==, 0);
    id = g_strndup (result.out, strcspn (result.out, "\t"));
    g_assert_true (g_uuid_string_is_valid (id));
  }
  {
    /* The same bytes under another name: refused, naming the report. */
    g_auto(Result) result = cli ("import", "--db", db, copy);
    g_autofree char *words = g_strdup_printf ("already in the library as ID %s", id);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    g_assert_nonnull (strstr (result.err, "dup-copy.pdf"));
    g_assert_nonnull (strstr (result.err, words));
  }
  {
    /* A dry run stores nothing, so it has nothing to refuse. */
    g_auto(Result) result = cli ("import", "--dry-run", "--json", "--db", db, copy);

    g_assert_cmpint (result.status, ==, 0);
  }
  {
    /* Twice in one batch: the second is the duplicate of the first. */
    g_autofree char *db2 = fresh_db ("cli-dup2.db");
    g_auto(Result) result = cli ("import", "--db", db2, a, copy);
    g_auto(GStrv) out = output_lines (result.out);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (g_strv_length (out), ==, 1);
    g_assert_true (g_str_has_suffix (out[0], a));
    g_assert_nonnull (strstr (result.err, "dup-copy.pdf"));
    g_assert_nonnull (strstr (result.err, "already in the library as ID"));
  }
}

static void
test_cli_password (void)
{
  g_autofree char *good = make_small_pdf ("cli-encrypt-source.pdf", 37);
  g_autofree char *path = encrypt_pdf (good, "cli-encrypted.pdf");
  g_autofree char *db = fresh_db ("cli-password.db");

  if (path == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  {
    g_auto(Result) result = cli ("import", "--db", db, path);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "protected by a password; give it with --password"));
  }
  {
    g_auto(Result) result = cli ("import", "--db", db, "--password", "nope", path);

    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "password of the PDF is wrong"));
  }
  {
    g_auto(Result) result = cli ("import", "--db", db, "--password", ENCRYPT_PASSWORD, path);

    g_assert_cmpstr (result.err, ==, "");
    g_assert_cmpint (result.status, ==, 0);
  }
}

/* A crashing worker costs one file; the batch goes on. */
static void
test_cli_crash (void)
{
  g_autofree char *good = make_small_pdf ("cli-crash-good.pdf", 38);
  g_autofree char *bad = make_small_pdf ("cli-crash-trigger.pdf", 39);
  g_autofree char *good2 = make_small_pdf ("cli-crash-good2.pdf", 40);
  g_autofree char *db = fresh_db ("cli-crash.db");
  g_autofree char *crash = mark_for_fake_worker (bad, ".crash");
  g_autofree char *worker = g_strconcat ("TR_IMPORT_WORKER=", fake_worker (), NULL);
  const char *env[] = { worker, NULL };
  g_auto(Result) result = cli_env (env, "import", "--db", db, good, bad, good2);
  g_auto(GStrv) out = output_lines (result.out);
  g_auto(GStrv) err = output_lines (result.err);

  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpuint (g_strv_length (out), ==, 2);
  g_assert_true (g_str_has_suffix (out[0], good));
  g_assert_true (g_str_has_suffix (out[1], good2));
  g_assert_cmpuint (g_strv_length (err), ==, 1);
  g_assert_nonnull (strstr (err[0], "cli-crash-trigger.pdf"));
  g_assert_nonnull (strstr (err[0], "could not be read: the reader stopped unexpectedly"));
}

/* Workers run side by side: two that hang for the time limit take about
 * the limit, not twice it. */
static void
test_cli_parallel (void)
{
  g_autofree char *a = make_small_pdf ("parallel-a.pdf", 41);
  g_autofree char *b = make_small_pdf ("parallel-b.pdf", 42);
  g_autofree char *db = fresh_db ("cli-parallel.db");
  g_autofree char *a_hold = mark_for_fake_worker (a, ".hold");
  g_autofree char *b_hold = mark_for_fake_worker (b, ".hold");
  g_autofree char *worker = g_strconcat ("TR_IMPORT_WORKER=", fake_worker (), NULL);
  const char *env[] = { worker, "TR_IMPORT_TIMEOUT_SECONDS=3", NULL };
  gint64 start;
  double seconds;

  if (g_get_num_processors () < 2)
    {
      g_test_skip ("one processor: one worker at a time");
      return;
    }

  start = g_get_monotonic_time ();
  {
    g_auto(Result) result = cli_env (env, "import", "--db", db, a, b);
    g_auto(GStrv) err = output_lines (result.err);

    seconds = (g_get_monotonic_time () - start) / 1e6;
    g_test_message ("two hung workers took %.1f s", seconds);
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpuint (g_strv_length (err), ==, 2);
    g_assert_nonnull (strstr (err[0], "parallel-a.pdf"));
    g_assert_nonnull (strstr (err[1], "parallel-b.pdf"));
    g_assert_nonnull (strstr (err[1], "took more than 3 seconds"));
  }
  g_assert_cmpfloat (seconds, <, 5.5);
}

static void
test_cli_help (void)
{
  g_auto(Result) overall = cli ("help");
  g_auto(Result) import = cli ("help", "import");
  g_auto(Result) usage = cli ("import");

  g_assert_cmpint (overall.status, ==, 0);
  g_assert_nonnull (strstr (overall.out, "  import "));
  g_assert_null (strstr (overall.out, "import-worker"));
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "--dry-run"));
  g_assert_nonnull (strstr (import.out, "--password"));
  g_assert_nonnull (strstr (import.out, "--json"));
  g_assert_cmpint (usage.status, ==, 2);
}

void
add_cli_tests (void)
{
  g_test_add_func ("/import/cli/import", test_cli_import);
  g_test_add_func ("/import/cli/json", test_cli_json);
  g_test_add_func ("/import/cli/failures", test_cli_failures);
  g_test_add_func ("/import/cli/duplicate", test_cli_duplicate);
  g_test_add_func ("/import/cli/password", test_cli_password);
  g_test_add_func ("/import/cli/crash", test_cli_crash);
  g_test_add_func ("/import/cli/parallel", test_cli_parallel);
  g_test_add_func ("/import/cli/help", test_cli_help);
}
