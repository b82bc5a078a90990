/* test-library-model.c: the library's list as the window reads it
 *
 * TrLibraryModel on a real store of generated reports: the first reading
 * of a big library shows its newest reports before the rest is read, then
 * adds the rest after them, the rows shown kept; the years of the filter
 * are those of the whole library; a later reading replaces the list at
 * once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

#include "tr-bench-text.h"
#include "tr-library-model.h"
#include "tr-test-util.h"
#include "tr-ui-test.h"

/* The rows shown ahead of the rest (tr-library-model.c). */
#define FIRST_ROWS 64

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
} Fixture;

typedef struct {
  guint position, removed, added;
  guint n_items;
  gboolean loaded;
  TrReportInfo *first; /* the first item then */
} Change;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = open_test_library ("test-library-model-XXXXXX", &fixture->dir, &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_test_library (NULL, &fixture->store, &fixture->dir, &fixture->path);
}

static void
fill_library (Fixture *fixture,
              guint    n_reports)
{
  g_autoptr(TrBenchText) text = tr_bench_text_new (7);
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint failed = 0;

  for (guint i = 0; i < n_reports; i++)
    g_ptr_array_add (reports, tr_bench_text_make_report (text, 150));
  g_assert_true (tr_report_store_save_batch (fixture->store, reports, &failed, &error));
  g_assert_no_error (error);
}

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->first);
}

static void
items_changed (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change change = {
    position, removed, added,
    g_list_model_get_n_items (model),
    tr_library_model_is_loaded (TR_LIBRARY_MODEL (model)),
    g_list_model_get_item (model, 0),
  };

  g_array_append_val (changes, change);
}

static void
reloaded (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  g_assert_true (tr_library_model_reload_finish (TR_LIBRARY_MODEL (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Reads the library into @model as the window does, and returns the
 * changes the list saw. */
static GArray *
reload (TrLibraryModel *model)
{
  GArray *changes = g_array_new (FALSE, TRUE, sizeof (Change));
  gboolean done = FALSE;
  gulong handler;

  g_array_set_clear_func (changes, change_clear);
  handler = g_signal_connect (model, "items-changed", G_CALLBACK (items_changed), changes);
  tr_library_model_reload_async (model, reloaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (model, handler);
  return changes;
}

/* Every report of the store, in the list's order. */
static void
assert_lists_store (TrLibraryModel *model,
                    TrReportStore  *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = tr_report_store_list (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, infos->len);
  g_assert_cmpuint (tr_library_model_get_total (model), ==, infos->len);
  for (guint i = 0; i < infos->len; i++)
    {
      g_autoptr(TrReportInfo) info = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (tr_report_info_get_id (info), ==, tr_report_info_get_id (g_ptr_array_index (infos, i)));
    }
}

static void
test_first_rows_ahead (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TrLibraryModel) model = NULL;
  g_autoptr(GArray) changes = NULL;
  Change *first, *last;

  fill_library (fixture, 1500);
  model = tr_library_model_new (fixture->store);

  changes = reload (model);
  g_assert_cmpuint (changes->len, ==, 2);
  first = &g_array_index (changes, Change, 0);
  last = &g_array_index (changes, Change, 1);

  /* The newest reports, before the library is read. */
  g_assert_cmpuint (first->position, ==, 0);
  g_assert_cmpuint (first->removed, ==, 0);
  g_assert_cmpuint (first->added, ==, FIRST_ROWS);
  g_assert_false (first->loaded);
  /* Then the rest after them, the rows shown kept. */
  g_assert_cmpuint (last->position, ==, FIRST_ROWS);
  g_assert_cmpuint (last->removed, ==, 0);
  g_assert_cmpuint (last->added, ==, 1500 - FIRST_ROWS);
  g_assert_true (last->loaded);
  g_assert_true (last->first == first->first);
  assert_lists_store (model, fixture->store);

  /* A reading once loaded replaces the whole list at once. */
  g_clear_pointer (&changes, g_array_unref);
  fill_library (fixture, 10);
  changes = reload (model);
  g_assert_cmpuint (changes->len, ==, 1);
  first = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (first->position, ==, 0);
  g_assert_cmpuint (first->removed, ==, 1500);
  g_assert_cmpuint (first->added, ==, 1510);
  g_assert_true (first->loaded);
  assert_lists_store (model, fixture->store);
}

/* A library of a screenful or less comes whole. */
static void
test_small_library (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TrLibraryModel) model = NULL;
  g_autoptr(GArray) changes = NULL;
  Change *change;

  fill_library (fixture, FIRST_ROWS - 1);
  model = tr_library_model_new (fixture->store);
  changes = reload (model);
  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->added, ==, FIRST_ROWS - 1);
  g_assert_true (change->loaded);
  assert_lists_store (model, fixture->store);
}

/* The filters apply to the rows shown ahead as to the rest; the years
 * offered are those of the whole library. */
static void
test_filters_and_years (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TrLibraryModel) model = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint year = 0, n_in_year = 0;

  fill_library (fixture, 600);
  infos = tr_report_store_list (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < infos->len; i++)
    {
      const char *start = tr_report_info_get_period_start (g_ptr_array_index (infos, i));

      g_assert_cmpuint (strlen (start), >=, 4);
      g_hash_table_add (expected, GUINT_TO_POINTER ((guint) g_ascii_strtoull (start, NULL, 10)));
    }
  /* A year of the last report listed, which the first rows do not hold. */
  year = (guint) g_ascii_strtoull (tr_report_info_get_period_start (g_ptr_array_index (infos, infos->len - 1)),
                                   NULL, 10);
  for (guint i = 0; i < infos->len; i++)
    n_in_year += (guint) g_ascii_strtoull (tr_report_info_get_period_start (g_ptr_array_index (infos, i)),
                                           NULL, 10) == year;

  model = tr_library_model_new (fixture->store);
  tr_library_model_set_year (model, year);
  changes = reload (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_in_year);
  for (guint i = 0; i < n_in_year; i++)
    {
      g_autoptr(TrReportInfo) info = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpuint ((guint) g_ascii_strtoull (tr_report_info_get_period_start (info), NULL, 10), ==, year);
    }

  years = tr_library_model_get_years (model);
  g_assert_cmpuint (years->len, ==, g_hash_table_size (expected));
  g_assert_cmpuint (years->len, >, 1);
  for (guint i = 0; i < years->len; i++)
    {
      g_assert_true (g_hash_table_contains (expected, GUINT_TO_POINTER (g_array_index (years, guint, i))));
      if (i > 0)
        g_assert_cmpuint (g_array_index (years, guint, i - 1), >, g_array_index (years, guint, i));
    }

  tr_library_model_set_year (model, TR_LIBRARY_ALL_YEARS);
  assert_lists_store (model, fixture->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library-model/first-rows-ahead", Fixture, NULL, fixture_set_up, test_first_rows_ahead, fixture_tear_down);
  g_test_add ("/library-model/small-library", Fixture, NULL, fixture_set_up, test_small_library, fixture_tear_down);
  g_test_add ("/library-model/filters-and-years", Fixture, NULL, fixture_set_up, test_filters_and_years, fixture_tear_down);
  return g_test_run ();
}
