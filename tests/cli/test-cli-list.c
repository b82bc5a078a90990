/* test-cli-list.c: `trip-reports list` prints what the store lists, in the
 * memory of a few reports whatever the library's size
 *
 * The command prints each report as it reads it (tr_report_store_foreach())
 * rather than gathering the list first. Its output must stay what the
 * gathered list printed: the text lines, and the JSON array that
 * json-glib writes of the whole list, byte for byte, on a generated
 * library with awkward titles, dates and every review status. And its
 * peak memory must not grow with the number of reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "tr-bench-text.h"
#include "tr-date.h"
#include "tr-report-info.h"
#include "tr-report-store.h"
#include "tr-test-util.h"

/* Each test's folder and library path. */
typedef TrTestLibraryDir Fixture;

static TrTestRun
run_list (Fixture            *fixture,
          const char * const *options)
{
  TrTestRunOptions run_options = { .dir = fixture->dir };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) "list");
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) options[i]);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, fixture->db_path);
  g_ptr_array_add (argv, NULL);
  return tr_test_run_binary_full (&run_options, (const char * const *) argv->pdata);
}

/* What `list` printed of @infos when it gathered them first: a line each,
 * ID, kind, period in the Minguo calendar (or "-") and title on one line. */
static char *
format_lines (GPtrArray *infos)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < infos->len; i++)
    {
      TrReportInfo *info = g_ptr_array_index (infos, i);
      const char *start = tr_report_info_get_period_start (info);
      const char *end = tr_report_info_get_period_end (info);
      g_autofree char *title = g_strdup (tr_report_info_get_title (info));
      g_autofree char *period = NULL;

      if (start[0] != '\0' || end[0] != '\0')
        {
          g_autofree char *start_minguo = tr_date_format_minguo (start);
          g_autofree char *end_minguo = tr_date_format_minguo (end);

          period = g_strconcat (start_minguo != NULL ? start_minguo : start, "–",
                                end_minguo != NULL ? end_minguo : end, NULL);
        }
      g_strdelimit (title, "\t\r\n", ' ');
      g_string_append_printf (out, "%s\t%s\t%s\t%s\n", tr_report_info_get_id (info),
                              tr_report_info_get_kind (info) == TR_REPORT_KIND_IMPORTED ? "imported" : "draft",
                              period != NULL ? period : "-",
                              title[0] != '\0' ? title : "(untitled)");
    }
  return g_string_free (out, FALSE);
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* What `list --json` printed of @infos when it gathered them first: the
 * whole array built, then written by json-glib. */
static char *
format_json (GPtrArray *infos)
{
  static const char * const statuses[] = { "draft", "submitted", "returned", "approved" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == TR_N_REVIEW_STATUSES);

  json_builder_begin_array (builder);
  for (guint i = 0; i < infos->len; i++)
    {
      TrReportInfo *info = g_ptr_array_index (infos, i);
      g_autofree char *modified = g_date_time_format_iso8601 (tr_report_info_get_modified (info));

      json_builder_begin_object (builder);
      add_member (builder, "id", tr_report_info_get_id (info));
      add_member (builder, "kind", tr_report_info_get_kind (info) == TR_REPORT_KIND_IMPORTED ? "imported" : "draft");
      add_member (builder, "title", tr_report_info_get_title (info));
      add_member (builder, "period_start", tr_report_info_get_period_start (info));
      add_member (builder, "period_end", tr_report_info_get_period_end (info));
      add_member (builder, "destination", tr_report_info_get_destination (info));
      add_member (builder, "modified", modified);
      add_member (builder, "status", statuses[tr_report_info_get_status (info)]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  return g_strconcat (text, "\n", NULL);
}

/* Reports from the benchmarks' generator, and some whose title or dates
 * are what a list must still print on one line: control characters,
 * quotes, a period with one end, dates that are not dates. */
static void
fill_library (TrReportStore *store,
              guint          n_reports)
{
  g_autoptr(TrBenchText) text = tr_bench_text_new (18);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *title, *start, *end, *destination;
  } odd[] = {
    { "", "", "", "" },
    { "標題\t有定位字元", "2016-07-09", "2016-07-11", "愛沙尼亞" },
    { "兩行\n的標題\r\n", "2016-07-09", "", "" },
    { "", "", "2017-01-03", "日本" },
    { "\"引號\" 與 \\反斜線\\ 與 \x01\x1f 控制字元", "民國105年", "下個月", "\"東京\"" },
    { "Tallinn e-Government 🇪🇪 <b>&amp;</b>", "1911-12-31", "9999-12-31", "Eesti" },
  };
  guint failed = 0;

  for (guint i = 0; i < n_reports; i++)
    {
      TrReport *report = tr_bench_text_make_report (text, 200);

      if (i < G_N_ELEMENTS (odd))
        {
          tr_report_set_text (report, TR_FIELD_TITLE, odd[i].title);
          tr_report_set_text (report, TR_FIELD_PERIOD_START, odd[i].start);
          tr_report_set_text (report, TR_FIELD_PERIOD_END, odd[i].end);
          tr_report_set_text (report, TR_FIELD_DESTINATION, odd[i].destination);
        }
      g_ptr_array_add (reports, report);
    }
  g_assert_true (tr_report_store_save_batch (store, reports, &failed, &error));
  g_assert_no_error (error);
}

/* Moves some reports along the review: submitted, then some returned and
 * some approved. */
static void
review_some (TrReportStore *store)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;

  infos = tr_report_store_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < infos->len; i += 3)
    {
      const char *id = tr_report_info_get_id (g_ptr_array_index (infos, i));

      g_assert_true (tr_report_store_set_status (store, id, TR_REVIEW_STATUS_SUBMITTED, &error));
      g_assert_no_error (error);
      if (i % 9 == 3)
        g_assert_true (tr_report_store_set_status (store, id, TR_REVIEW_STATUS_RETURNED, &error));
      else if (i % 9 == 6)
        g_assert_true (tr_report_store_set_status (store, id, TR_REVIEW_STATUS_APPROVED, &error));
      g_assert_no_error (error);
    }
}

static void
assert_prints (Fixture            *fixture,
               const char * const *options,
               const char         *expected)
{
  g_auto(TrTestRun) result = run_list (fixture, options);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  /* Not g_assert_cmpstr: a difference in 100 KB would be printed whole. */
  if (strcmp (result.out, expected) != 0)
    {
      gsize at = 0;

      while (result.out[at] == expected[at])
        at++;
      g_test_message ("list %s: output differs at byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                      " (%" G_GSIZE_FORMAT " expected): “%.60s” for “%.60s”",
                      options != NULL && options[0] != NULL ? options[0] : "", at, strlen (result.out),
                      strlen (expected), result.out + at, expected + at);
      g_test_fail ();
    }
}

static void
test_same_as_gathered (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  g_autoptr(GPtrArray) all = NULL;
  static const char * const status_names[] = { "draft", "submitted", "returned", "approved" };

  g_assert_no_error (error);
  fill_library (store, 400);
  review_some (store);

  all = tr_report_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 400);
  {
    g_autofree char *lines = format_lines (all);
    g_autofree char *json = format_json (all);

    assert_prints (fixture, NULL, lines);
    assert_prints (fixture, (const char * const []) { "--json", NULL }, json);
  }

  for (guint s = 0; s < G_N_ELEMENTS (status_names); s++)
    {
      g_autoptr(GPtrArray) infos = tr_report_store_list_by_status (store, (TrReviewStatus) s, &error);
      g_autofree char *lines = NULL;
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      /* Every status has reports, but none has them all. */
      g_assert_cmpuint (infos->len, >, 10);
      g_assert_cmpuint (infos->len, <, all->len);
      lines = format_lines (infos);
      json = format_json (infos);
      assert_prints (fixture, (const char * const []) { "--status", status_names[s], NULL }, lines);
      assert_prints (fixture, (const char * const []) { "--status", status_names[s], "--json", NULL }, json);
    }
}

/* An empty library, and a status no report has: nothing, or an empty array
 * as json-glib writes one. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *empty_json = format_json (none);

  g_assert_no_error (error);
  assert_prints (fixture, NULL, "");
  assert_prints (fixture, (const char * const []) { "--json", NULL }, empty_json);

  fill_library (store, 3);
  assert_prints (fixture, (const char * const []) { "--status", "approved", NULL }, "");
  assert_prints (fixture, (const char * const []) { "--status", "approved", "--json", NULL }, empty_json);
}

/* Runs @argv, its output thrown away, and prints its peak resident memory
 * in kB: the test's helper, a new small process (main ()). A child's
 * ru_maxrss starts from that of the process it was forked from, which for
 * the test itself holds a library of 10,000 reports. */
static int
print_peak_of (char **argv)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;

  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      return 1;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s ended with the status %d\n", argv[0], status);
      return 1;
    }
  g_print ("%ld\n", usage.ru_maxrss);
  return 0;
}

/* The peak resident memory, in kB, of `trip-reports list @option` on the
 * fixture's library. */
static long
peak_kb_of_list (Fixture    *fixture,
                 const char *option)
{
  const char *binary = g_getenv ("TR_BINARY");
  const char *argv[] = { "/proc/self/exe", "--peak-of", binary, "list", "--db", fixture->db_path, option, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (binary);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return atol (out);
}

/* 10,000 reports more cost `list` no more memory than a library of ten:
 * gathered first, they took 15 MB more as lines and 38 MB as JSON. What
 * stays is SQLite's page cache (2 MB by default) and the allocator's
 * slack. */
static void
test_memory_flat (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReportStore) store = tr_report_store_open (fixture->db_path, &error);
  const long allowance_kb = 4 * 1024;
  long small_lines, small_json, big_lines, big_json;

#if defined(__SANITIZE_ADDRESS__)
  /* Freed memory waits in AddressSanitizer's quarantine (256 MB). */
  g_test_skip ("memory use under AddressSanitizer is not the program's");
  return;
#endif

  g_assert_no_error (error);
  fill_library (store, 10);
  small_lines = peak_kb_of_list (fixture, NULL);
  small_json = peak_kb_of_list (fixture, "--json");

  fill_library (store, 10000);
  big_lines = peak_kb_of_list (fixture, NULL);
  big_json = peak_kb_of_list (fixture, "--json");

  g_test_message ("peak kB, 10 reports then 10,010: lines %ld, %ld; JSON %ld, %ld",
                  small_lines, big_lines, small_json, big_json);
  g_assert_cmpint (big_lines - small_lines, <, allowance_kb);
  g_assert_cmpint (big_json - small_json, <, allowance_kb);
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 2 && strcmp (argv[1], "--peak-of") == 0)
    return print_peak_of (argv + 2);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-list/same-as-gathered", Fixture, NULL, tr_test_library_dir_set_up, test_same_as_gathered, tr_test_library_dir_tear_down);
  g_test_add ("/cli-list/empty", Fixture, NULL, tr_test_library_dir_set_up, test_empty, tr_test_library_dir_tear_down);
  g_test_add ("/cli-list/memory-flat", Fixture, NULL, tr_test_library_dir_set_up, test_memory_flat, tr_test_library_dir_tear_down);
  return g_test_run ();
}
