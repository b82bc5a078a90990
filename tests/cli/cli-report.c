/* cli-report.c: new, list, delete, export, review and comment
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-cli.h"

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
    { "[]", "empty" },
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

void
add_report_tests (void)
{
  ADD ("new/from-file", test_new_from_file);
  ADD ("new/with-photo", test_new_with_photo);
  ADD ("new/from-stdin", test_new_from_stdin);
  ADD ("new/bad-json", test_new_bad_json);
  ADD ("list", test_list);
  ADD ("delete", test_delete);
  ADD ("export", test_export);
  ADD ("review", test_review);
  ADD ("comment", test_comment);
}
