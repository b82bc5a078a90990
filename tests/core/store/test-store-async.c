/* test-store-async.c: saves off the main thread, as the editor's autosave does
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>

#include "tr-report-store.h"
#include "tr-test-util.h"

typedef struct {
  char *dir;
  char *path;
  TrReportStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tr-store-async-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = tr_report_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  tr_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

typedef struct {
  guint pending;
  guint order_errors;
  guint next_expected;
} SaveState;

typedef struct {
  SaveState *state;
  guint index;
} SaveCall;

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaveCall *call = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tr_report_store_save_finish (TR_REPORT_STORE (source), result, &error));
  g_assert_no_error (error);
  if (call->index != call->state->next_expected)
    call->state->order_errors++;
  call->state->next_expected = call->index + 1;
  call->state->pending--;
  g_free (call);
}

/* Typing changes the report between saves: every save must write the
 * snapshot of its own moment, and the last one must win. */
static void
test_saves_in_order (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrReport) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) before = g_date_time_ref (tr_report_get_modified (report));
  SaveState state = { 0 };
  const guint n_saves = 40;

  for (guint i = 0; i < n_saves; i++)
    {
      SaveCall *call = g_new0 (SaveCall, 1);

      /* A long section makes each save slow enough to overlap the next. */
      for (guint j = 0; j < 200; j++)
        g_string_append_printf (text, "第%u次修改的過程說明。", i);
      tr_report_set_section (report, TR_SECTION_PROCESS, text->str);
      {
        g_autofree char *title = g_strdup_printf ("版本 %u", i);

        tr_report_set_text (report, TR_FIELD_TITLE, title);
      }

      call->state = &state;
      call->index = i;
      state.pending++;
      tr_report_store_save_async (fixture->store, report, NULL, save_done, call);
    }

  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (state.order_errors, ==, 0);
  g_assert_cmpint (g_date_time_compare (tr_report_get_modified (report), before), >, 0);

  loaded = tr_report_store_load (fixture->store, tr_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_text (loaded, TR_FIELD_TITLE), ==, "版本 39");
  g_assert_cmpstr (tr_report_get_section (loaded, TR_SECTION_PROCESS), ==, text->str);
  g_assert_true (tr_report_content_equal (loaded, report));
  g_assert_true (g_date_time_equal (tr_report_get_modified (loaded), tr_report_get_modified (report)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-async/saves-in-order", Fixture, NULL,
              fixture_set_up, test_saves_in_order, fixture_tear_down);

  return g_test_run ();
}
