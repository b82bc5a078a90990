/* cli-show.c: show and search: plain, JSON, tables as grids
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-cli.h"

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

  for (guint i = 0; i < 4; i++)
    assert_members_equal (in, out, (const char *[]) { "summary", "sections", "appendix", "unclassified" }[i]);
  /* A warning kept as a sentence is its message (cli-warnings.c: codes). */
  g_assert_cmpstr (member_string (json_array_get_object_element (json_object_get_array_member (out, "warnings"), 0),
                                  "message"), ==, "摘要少於200字");

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

void
add_show_tests (void)
{
  ADD ("show/json-round-trip", test_show_json_round_trip);
  ADD ("show/plain", test_show_plain);
  ADD ("show/tables", test_show_tables);
  ADD ("show/tables-aligned", test_show_tables_aligned);
  ADD ("show/tables-json", test_show_tables_json);
  ADD ("search", test_search);
}
