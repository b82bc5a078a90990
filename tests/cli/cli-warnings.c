/* cli-warnings.c: a report's warnings shown by `show` in the reader's
 * language, whatever the language of the import that found them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-cli.h"

/* As an import keeps them: a code with its arguments; and a sentence an
 * older version kept. */
static const char warned_json[] =
  "{ \"fields\": { \"title\": \"赴荷蘭出席國際港埠協會年會\" },"
  "  \"sections\": { \"purpose\": \"出席年會。\", \"process\": \"會議議程\","
  "                  \"observations\": \"心得\" },"
  "  \"warnings\": [\"tr-warning:sections-missing\\trecommendations\","
  "                 \"tr-warning:scanned-pages\\t3\\t7\","
  "                 \"摘要少於200字\"] }";

static gboolean
locale_installed (const char *name)
{
  g_autofree char *current = g_strdup (setlocale (LC_ALL, NULL));
  gboolean installed = setlocale (LC_ALL, name) != NULL;

  setlocale (LC_ALL, current);
  return installed;
}

static void
test_show_warnings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, warned_json);
  const char * const english[] = { "LC_ALL=C.UTF-8", "LANG=C.UTF-8", "LANGUAGE", NULL };
  const char * const chinese[] = { "LC_ALL=zh_TW.UTF-8", "LANG=zh_TW.UTF-8", "LANGUAGE=zh_TW", NULL };

  {
    g_auto(Result) result = run_full (fixture, NULL, english,
                                      (const char * const []) { "show", "--db", fixture->db_path, id, NULL });

    assert_success (&result);
    g_assert_nonnull (strstr (result.out, "- No heading was found for these sections: Recommendations\n"));
    g_assert_nonnull (strstr (result.out, "- Pages 3, 7 are only pictures (scans?): their text could not be read\n"));
    g_assert_nonnull (strstr (result.out, "- 摘要少於200字\n"));
    g_assert_null (strstr (result.out, "tr-warning:"));
  }

  if (!locale_installed ("zh_TW.UTF-8"))
    {
      g_test_skip ("the zh_TW.UTF-8 locale is not installed");
      return;
    }
  {
    g_auto(Result) result = run_full (fixture, NULL, chinese,
                                      (const char * const []) { "show", "--db", fixture->db_path, id, NULL });

    assert_success (&result);
    g_assert_nonnull (strstr (result.out, "- 找不到以下章節的標題：建議\n"));
    g_assert_nonnull (strstr (result.out, "- 摘要少於200字\n"));
    g_assert_null (strstr (result.out, "No heading"));
    g_assert_null (strstr (result.out, "tr-warning:"));
  }
}

void
add_warning_tests (void)
{
  ADD ("show/warnings", test_show_warnings);
}
