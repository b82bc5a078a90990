/* cli-warnings.c: a report's warnings shown by `show` in the reader's
 * language, whatever the language of the import that found them, and by
 * `show --json` as codes with their worded message
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

/* The warnings of @root ("warnings" of show --json) as an array of
 * objects, checked for their members. */
static JsonArray *
warnings_of (JsonNode *root)
{
  JsonArray *warnings = json_object_get_array_member (json_node_get_object (root), "warnings");

  g_assert_nonnull (warnings);
  g_assert_cmpuint (json_array_get_length (warnings), ==, 3);
  return warnings;
}

/* show --json gives each warning its code and arguments, as kept, and
 * the message worded in the reader's language, as show prints it; a
 * sentence an older version kept is its own message. What show --json
 * prints reads back into an equal report, its warnings the same codes. */
static void
test_show_json_warnings (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = new_report (fixture, warned_json);
  const char * const english[] = { "LC_ALL=C.UTF-8", "LANG=C.UTF-8", "LANGUAGE", NULL };
  const char * const chinese[] = { "LC_ALL=zh_TW.UTF-8", "LANG=zh_TW.UTF-8", "LANGUAGE=zh_TW", NULL };

  {
    g_auto(Result) result = run_full (fixture, NULL, english,
                                      (const char * const []) { "show", "--db", fixture->db_path, "--json", id, NULL });
    g_autoptr(JsonNode) root = NULL;
    JsonArray *warnings;
    JsonObject *missing, *scanned, *older;
    JsonArray *args;
    g_autofree char *copy_id = NULL, *copy_json = NULL;

    assert_success (&result);
    root = parse_json (result.out);
    warnings = warnings_of (root);
    missing = json_array_get_object_element (warnings, 0);
    scanned = json_array_get_object_element (warnings, 1);
    older = json_array_get_object_element (warnings, 2);

    g_assert_cmpstr (member_string (missing, "code"), ==, "sections-missing");
    args = json_object_get_array_member (missing, "args");
    g_assert_cmpuint (json_array_get_length (args), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (args, 0), ==, "recommendations");
    g_assert_cmpstr (member_string (missing, "message"), ==, "No heading was found for these sections: Recommendations");

    g_assert_cmpstr (member_string (scanned, "code"), ==, "scanned-pages");
    args = json_object_get_array_member (scanned, "args");
    g_assert_cmpuint (json_array_get_length (args), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (args, 1), ==, "7");
    g_assert_cmpstr (member_string (scanned, "message"), ==,
                     "Pages 3, 7 are only pictures (scans?): their text could not be read");

    g_assert_false (json_object_has_member (older, "code"));
    g_assert_cmpstr (member_string (older, "message"), ==, "摘要少於200字");
    g_assert_null (strstr (result.out, "tr-warning:"));

    /* The JSON form show prints goes back in (as another report), the
     * codes kept. */
    json_object_remove_member (json_node_get_object (root), "id");
    copy_json = json_to_string (root, FALSE);
    copy_id = new_report (fixture, copy_json);
    {
      g_auto(Result) copy = run_full (fixture, NULL, english,
                                      (const char * const []) { "show", "--db", fixture->db_path, copy_id, NULL });

      assert_success (&copy);
      g_assert_nonnull (strstr (copy.out, "- Pages 3, 7 are only pictures (scans?): their text could not be read\n"));
      g_assert_nonnull (strstr (copy.out, "- 摘要少於200字\n"));
    }
  }

  if (!locale_installed ("zh_TW.UTF-8"))
    {
      g_test_skip ("the zh_TW.UTF-8 locale is not installed");
      return;
    }
  {
    g_auto(Result) result = run_full (fixture, NULL, chinese,
                                      (const char * const []) { "show", "--db", fixture->db_path, "--json", id, NULL });
    g_autoptr(JsonNode) root = NULL;
    JsonObject *missing;

    assert_success (&result);
    root = parse_json (result.out);
    missing = json_array_get_object_element (warnings_of (root), 0);
    g_assert_cmpstr (member_string (missing, "code"), ==, "sections-missing");
    g_assert_cmpstr (member_string (missing, "message"), ==, "找不到以下章節的標題：建議");
  }
}

/* new --from-json takes warnings as show --json prints them; a code that
 * is no code's name, or an object with neither code nor message, is an
 * error naming it. */
static void
test_new_json_warnings (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char bad_code[] =
    "{ \"fields\": { \"title\": \"甲\" }, \"warnings\": [{ \"code\": \"No Such\", \"message\": \"x\" }] }";
  static const char empty[] =
    "{ \"fields\": { \"title\": \"甲\" }, \"warnings\": [{ \"args\": [] }] }";
  static const char unknown_key[] =
    "{ \"fields\": { \"title\": \"甲\" }, \"warnings\": [{ \"code\": \"no-text\", \"level\": 1 }] }";
  const struct {
    const char *json;
    const char *says;
  } cases[] = {
    { bad_code, "warnings[0].code" },
    { empty, "warnings[0]" },
    { unknown_key, "level" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = run_with_input (fixture, cases[i].json, "new", "--db", fixture->db_path, "--from-json", "-");

      assert_failure (&result);
      g_assert_nonnull (strstr (result.err, cases[i].says));
    }
}

void
add_warning_tests (void)
{
  ADD ("show/warnings", test_show_warnings);
  ADD ("show/json-warnings", test_show_json_warnings);
  ADD ("new/json-warnings", test_new_json_warnings);
}
