/* test-report-json.c: the report's JSON form against hostile input: deep
 * nesting, NUL and lone surrogates, duplicate keys and what JSON does not
 * allow, the limits of tr-report.h, control characters in text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "tr-error.h"
#include "tr-json-check.h"
#include "tr-report.h"
#include "tr-report-json.h"
#include "tr-test-util.h"

/* Refused, with one line that names each of @named. */
static void
assert_refused_full (const char         *json,
                     gssize              length,
                     const char * const *named)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = tr_report_new_from_json (json, length, &error);

  g_assert_null (report);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strchr (error->message, '\n'));
  for (guint i = 0; named[i] != NULL; i++)
    if (strstr (error->message, named[i]) == NULL)
      g_error ("message “%s” does not name “%s”", error->message, named[i]);
}

#define assert_refused(json, ...) \
  assert_refused_full ((json), -1, (const char * const []) { __VA_ARGS__, NULL })

static TrReport *
read_report (const char *json)
{
  g_autoptr(GError) error = NULL;
  TrReport *report = tr_report_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* "{"summary": [[[…]]]}", @depth arrays deep. */
static char *
nested_arrays (guint depth)
{
  GString *json = g_string_new ("{\"summary\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* json-glib before 1.10 recursed once a level, and crashed on the stack. */
static void
test_nesting_deep (void)
{
  g_autofree char *arrays = nested_arrays (75000);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) unclosed = g_string_new (NULL);

  assert_refused (arrays, "nested more than 32 levels", "line 1, column 44");

  for (guint i = 0; i < 75000; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append (objects, "1");
  for (guint i = 0; i < 75000; i++)
    g_string_append_c (objects, '}');
  assert_refused (objects->str, "nested more than 32 levels");

  /* Without its end: the depth is met before the end would be. */
  for (guint i = 0; i < 1000 * 1000; i++)
    g_string_append (unclosed, "[{\"a\":");
  assert_refused (unclosed->str, "nested more than 32 levels");
}

static void
test_nesting_limit (void)
{
  const TrJsonLimits limits = { .max_depth = 3, .max_values = 100, .max_key_length = 16 };
  g_autoptr(GError) error = NULL;

  g_assert_true (tr_json_check ("[[{}]]", 6, &limits, &error));
  g_assert_no_error (error);
  g_assert_false (tr_json_check ("[[{\"a\": []}]]", 13, &limits, &error));
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "3 levels"));
  g_assert_nonnull (strstr (error->message, "column 9"));
  g_clear_error (&error);

  /* A report nests four deep: the limit leaves it room. */
  {
    g_autoptr(TrReport) report =
      read_report ("{\"fields\": {\"travellers\": [{\"name\": \"王小明\"}]}}");
    g_autofree char *deep_enough = nested_arrays (31);
    g_autofree char *too_deep = nested_arrays (32);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 1);
    /* 31 arrays in the report object pass the check; the summary is no
     * array, which the reader then says. */
    assert_refused (deep_enough, "“summary” must be");
    assert_refused (too_deep, "nested more than 32 levels");
  }
}

static void
test_values_limit (void)
{
  const TrJsonLimits limits = { .max_depth = 8, .max_values = 3, .max_key_length = 16 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) many = g_string_new ("{\"warnings\": [");

  g_assert_true (tr_json_check ("[1, \"2\"]", 8, &limits, &error));
  g_assert_no_error (error);
  g_assert_false (tr_json_check ("[1, \"2\", null]", 14, &limits, &error));
  g_assert_nonnull (strstr (error->message, "more than 3 values"));
  g_assert_nonnull (strstr (error->message, "column 10"));

  /* What json-glib would build for a report stays small. */
  for (guint i = 0; i < 200 * 1000; i++)
    g_string_append (many, i > 0 ? ",{}" : "{}");
  g_string_append (many, "]}");
  assert_refused (many->str, "more than 100000 values");
}

static void
test_key_length (void)
{
  g_autofree char *key = g_strnfill (257, 'k');
  g_autofree char *long_key = g_strdup_printf ("{\"fields\": {\"%s\": \"x\"}}", key);
  g_autofree char *limit_key = g_strdup_printf ("{\"%.*s\": \"x\"}", 256, key);

  assert_refused (long_key, "longer than 256 bytes", "column 13");
  /* 256 is a key that may be, though not one a report knows. */
  assert_refused (limit_key, "Unknown key");
}

/* json-glib took "\u0000" for the end of the string, and the rest was lost. */
static void
test_nul (void)
{
  assert_refused ("{\"fields\": {\"title\": \"keep this\\u0000 and this\"}}",
                  "“fields.title”", "\\u0000", "line 1, column 32");
  assert_refused ("{\"fields\": {\"title\\u0000junk\": \"x\"}}",
                  "A key in “fields”", "\\u0000", "column 19");
  assert_refused ("{\"a\\u0000\": 1}", "A key contains", "\\u0000");
  assert_refused ("{\"fields\": {\"travellers\": [{}, {\"name\": \"\\u0000\"}]}}",
                  "“fields.travellers[1].name”", "\\u0000");
  assert_refused ("{\n  \"warnings\": [\n    \"ok\", \"\\u0000\"]}",
                  "“warnings[1]”", "line 3, column 12");
}

/* A lone surrogate became invalid UTF-8, and the character after it went. */
static void
test_surrogates (void)
{
  g_autoptr(TrReport) pair = NULL;

  assert_refused ("{\"fields\": {\"title\": \"a\\ud800bc\"}}", "“fields.title”", "\\uD800", "column 24");
  assert_refused ("{\"summary\": \"a\\uD800\"}", "“summary”", "\\uD800");
  assert_refused ("{\"summary\": \"\\ud800\\u0041\"}", "\\uD800");
  assert_refused ("{\"summary\": \"\\ud800\\ud800\"}", "\\uD800");
  assert_refused ("{\"summary\": \"\\udc00\"}", "\\uDC00");
  assert_refused ("{\"summary\": \"\\udc00\\ud800\"}", "\\uDC00");
  assert_refused ("{\"sections\": {\"p\\udfffx\": \"\"}}", "A key in “sections”", "\\uDFFF");

  /* A pair is one character; other escapes are characters as well. */
  pair = read_report ("{\"summary\": \"\\ud83d\\ude00 \\u00e9\\u4E2D \\\"\\\\\\/\"}");
  g_assert_cmpstr (tr_report_get_text (pair, TR_FIELD_SUMMARY), ==, "😀 é中 \"\\/");
}

/* json-glib kept the last of two: the first "fields" was thrown away. */
static void
test_duplicate_keys (void)
{
  g_autoptr(TrReport) siblings = NULL;

  assert_refused ("{\"fields\": {\"title\": \"甲\"},\n \"fields\": {\"agency\": \"乙\"}}",
                  "“fields” appears twice", "line 2, column 2");
  assert_refused ("{\"fields\": {\"title\": \"甲\", \"title\": \"乙\"}}",
                  "“title” appears twice in “fields”");
  assert_refused ("{\"fields\": {\"travellers\": [{\"name\": \"甲\", \"name\": \"乙\"}]}}",
                  "“name” appears twice in “fields.travellers[0]”");
  /* The same key, written two ways. */
  assert_refused ("{\"summary\": \"甲\", \"\\u0073ummary\": \"乙\"}", "“summary” appears twice");

  /* The same key in two objects is no duplicate. */
  siblings = read_report ("{\"fields\": {\"title\": \"報告\", \"travellers\": ["
                          "{\"name\": \"甲\", \"title\": \"科長\"}, {\"name\": \"乙\", \"title\": \"專員\"}]}}");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (siblings))), ==, 2);
}

typedef struct {
  const char *json;
  const char *named[3];
} Strict;

/* What json-glib forgives, or what no JSON writer makes. */
static const Strict not_json[] = {
  { "// a comment\n{}", { "comments are not allowed", "line 1, column 1" } },
  { "{} /* a comment */", { "comments are not allowed", "column 4" } },
  { "{\"summary\": 'x'}", { "double quotes", "column 13" } },
  { "{'summary': \"x\"}", { "double quotes", "column 2" } },
  { "{\"summary\": \"x\",}", { "unexpected “}”", "column 17" } },
  { "{\"fields\": {\"keywords\": [\"a\",]}}", { "unexpected “]”" } },
  { "{summary: \"x\"}", { "unexpected “s”" } },
  { "{\"summary\" \"x\"}", { "unexpected “\"”" } },
  { "{\"summary\": \"x\" \"y\": 1}", { "unexpected “\"”" } },
  { "{\"fields\": {\"pages\": 012}}", { "unexpected “1”" } },
  { "{\"fields\": {\"pages\": 0x1F}}", { "unexpected “x”" } },
  { "{\"fields\": {\"pages\": NaN}}", { "unexpected “N”" } },
  { "{\"fields\": {\"pages\": -Infinity}}", { "unexpected “I”" } },
  { "{\"fields\": {\"pages\": +1}}", { "unexpected “+”" } },
  { "{\"fields\": {\"pages\": .5}}", { "unexpected “.”" } },
  { "{\"fields\": {\"pages\": 1.}}", { "unexpected “}”" } },
  { "{\"fields\": {\"pages\": 1e}}", { "unexpected “}”" } },
  { "{\"summary\": tru}", { "unexpected “t”" } },
  { "{\"summary\": nul}", { "unexpected “n”" } },
  { "{\"summary\": \"tab\there\"}", { "U+0009", "column 17" } },
  { "{\"summary\": \"two\nlines\"}", { "U+000A" } },
  { "{\"summary\": \"\x1b[31m\"}", { "U+001B" } },
  { "{\"summary\": \"a\\x41\"}", { "unknown escape “\\x”" } },
  { "{\"summary\": \"a\\'\"}", { "unknown escape “\\'”" } },
  { "{\"summary\": \"a\\u12\"}", { "four hexadecimal digits" } },
  { "{\"summary\": \"a\\u12G4\"}", { "four hexadecimal digits" } },
  { "{} {}", { "unexpected “{”", "column 4" } },
  { "var report = {}", { "unexpected “v”" } },
  { "{\"summary\": \"x\"", { "ends too early" } },
  { "{\"summary\": \"x", { "ends inside a string" } },
  { "{\"summary\": \"x\\", { "ends inside a string" } },
  { "\xef\xbb\xbf{}", { "U+FEFF", "column 1" } },
  { "{\"summary\": \"\xff\"}", { "not valid UTF-8", "column 14" } },
  { "{\"summary\": \"\xed\xa0\x80\"}", { "not valid UTF-8" } },
  { "{\"summary\": \"\xe4\xb8\"}", { "not valid UTF-8" } },
  { "{\"summary\": \"摘要\"}\n\n  ]", { "unexpected “]”", "line 3, column 3" } },
  { "{\"summary\": \"摘要\", ]", { "unexpected “]”", "line 1, column 19" } },
  { "", { "empty" } },
  { " \n\t ", { "empty" } },
  { "{\"summary\": \"x\"}\0{", { "U+0000" } },
};

static void
test_not_json (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_json); i++)
    {
      const Strict *bad = &not_json[i];
      /* The last case holds a NUL byte: its length is the literal's. */
      gsize length = i == G_N_ELEMENTS (not_json) - 1 ? sizeof "{\"summary\": \"x\"}\0{" - 1
                                                      : strlen (bad->json);
      const char *named[G_N_ELEMENTS (bad->named) + 1] = { NULL };

      g_test_message ("input: %s", bad->json);
      for (guint n = 0; n < G_N_ELEMENTS (bad->named); n++)
        named[n] = bad->named[n];
      assert_refused_full (bad->json, length, named);
    }
}

/* Everything RFC 8259 allows passes. */
static void
test_strict_json_passes (void)
{
  static const char *valid[] = {
    "0", "-0", "-0.5e-3", "1E+2", "123456789012345678901234567890", "\"\"", "[]", "{}",
    "[true, false, null, \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"]",
    "{\"\": {\"a\": [1, {\"a\": 2}], \"b\": {\"a\": 3}}}",
    " \r\n\t{ \"a\" : [ 1 , 2 ] } \r\n\t",
    "\"中文 and 😀\"",
  };
  const TrJsonLimits limits = { .max_depth = 4, .max_values = 100, .max_key_length = 16 };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("input: %s", valid[i]);
      g_assert_true (tr_json_check (valid[i], strlen (valid[i]), &limits, &error));
      g_assert_no_error (error);
    }
}

static char *
repeat (const char *unit,
        guint       count)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

/* One field at its limit is read, one character more is refused. */
static void
assert_length_limit (const char *format,
                     const char *path,
                     guint       limit,
                     const char *unit)
{
  g_autofree char *at_limit = repeat (unit, limit);
  g_autofree char *over = g_strconcat (at_limit, unit, NULL);
  g_autofree char *json_at_limit = g_strdup_printf (format, at_limit);
  g_autofree char *json_over = g_strdup_printf (format, over);
  g_autofree char *named_path = g_strdup_printf ("“%s”", path);
  g_autofree char *named_length = g_strdup_printf ("%u characters", limit + 1);
  g_autofree char *named_limit = g_strdup_printf ("at most %u", limit);
  g_autoptr(TrReport) report = read_report (json_at_limit);

  g_test_message ("%s", path);
  assert_refused (json_over, named_path, named_length, named_limit);
}

static void
test_length_limits (void)
{
  g_autoptr(TrReport) report = NULL;

  g_assert_cmpuint (tr_field_get_max_length (TR_FIELD_TITLE), ==, TR_REPORT_MAX_FIELD_LENGTH);
  g_assert_cmpuint (tr_field_get_max_length (TR_FIELD_AGENCY), ==, TR_REPORT_MAX_FIELD_LENGTH);
  g_assert_cmpuint (tr_field_get_max_length (TR_FIELD_SUMMARY), ==, TR_REPORT_MAX_TEXT_LENGTH);
  g_assert_cmpuint (tr_field_get_max_length (TR_FIELD_PROCESS), ==, TR_REPORT_MAX_TEXT_LENGTH);

  /* Characters, not bytes: 4000 Chinese characters are 12000 bytes. */
  assert_length_limit ("{\"fields\": {\"title\": \"%s\"}}", "fields.title",
                       TR_REPORT_MAX_FIELD_LENGTH, "報");
  assert_length_limit ("{\"fields\": {\"destination\": \"%s\"}}", "fields.destination",
                       TR_REPORT_MAX_FIELD_LENGTH, "x");
  assert_length_limit ("{\"fields\": {\"travellers\": [{\"name\": \"%s\"}]}}",
                       "fields.travellers[0].name", TR_REPORT_MAX_FIELD_LENGTH, "王");
  assert_length_limit ("{\"fields\": {\"keywords\": [\"a\", \"%s\"]}}", "fields.keywords[1]",
                       TR_REPORT_MAX_FIELD_LENGTH, "k");
  {
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4, 4);
    g_autofree char *png = NULL;
    g_autofree char *base64 = NULL;
    g_autofree char *format = NULL;
    gsize size;

    gdk_pixbuf_fill (pixbuf, 0x336699ff);
    g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &png, &size, "png", NULL, NULL));
    base64 = g_base64_encode ((const guchar *) png, size);
    format = g_strconcat ("{\"photos\": [{\"caption\": \"%s\", \"data\": \"", base64, "\"}]}", NULL);
    assert_length_limit (format, "photos[0].caption", TR_REPORT_MAX_FIELD_LENGTH, "照");
  }
  assert_length_limit ("{\"source\": {\"filename\": \"%s\"}}", "source.filename",
                       TR_REPORT_MAX_FIELD_LENGTH, "f");
  assert_length_limit ("{\"sections\": {\"process\": \"%s\"}}", "sections.process",
                       TR_REPORT_MAX_TEXT_LENGTH, "x");
  assert_length_limit ("{\"summary\": \"%s\"}", "summary", TR_REPORT_MAX_TEXT_LENGTH, "x");

  /* A 100 MB title made every list take half a gigabyte. */
  {
    g_autofree char *huge = g_strnfill (100 * 1000 * 1000, 'x');
    g_autofree char *json = g_strdup_printf ("{\"fields\": {\"title\": \"%s\"}}", huge);

    assert_refused (json, "“fields.title”", "at most 4000");
  }
}

static char *
array_json (const char *format,
            const char *element,
            guint       count)
{
  g_autoptr(GString) elements = g_string_new (NULL);

  for (guint i = 0; i < count; i++)
    g_string_append_printf (elements, "%s%s", i > 0 ? ", " : "", element);
  return g_strdup_printf (format, elements->str);
}

static void
assert_count_limit (const char *format,
                    const char *element,
                    const char *path,
                    guint       limit)
{
  g_autofree char *at_limit = array_json (format, element, limit);
  g_autofree char *over = array_json (format, element, limit + 1);
  g_autofree char *named_path = g_strdup_printf ("“%s”", path);
  g_autofree char *named_count = g_strdup_printf ("%u entries", limit + 1);
  g_autofree char *named_limit = g_strdup_printf ("at most %u", limit);

  g_test_message ("%s", path);
  assert_refused (over, named_path, named_count, named_limit);
  /* Photos need their data; at the limit they fail only for that. */
  if (g_str_equal (path, "photos"))
    assert_refused (at_limit, "photos[0].data");
  else
    {
      g_autoptr(TrReport) report = read_report (at_limit);
    }
}

static void
test_count_limits (void)
{
  assert_count_limit ("{\"fields\": {\"travellers\": [%s]}}", "{\"name\": \"王小明\"}",
                      "fields.travellers", TR_REPORT_MAX_TRAVELLERS);
  assert_count_limit ("{\"fields\": {\"keywords\": [%s]}}", "\"數位治理\"",
                      "fields.keywords", TR_REPORT_MAX_KEYWORDS);
  assert_count_limit ("{\"warnings\": [%s]}", "\"摘要少於200字\"", "warnings", TR_REPORT_MAX_WARNINGS);
  /* Refused before any photo is decoded. */
  assert_count_limit ("{\"photos\": [%s]}", "{}", "photos", TR_REPORT_MAX_PHOTOS);

  /* 1,000,000 keywords were stored. */
  {
    g_autofree char *million = array_json ("{\"fields\": {\"keywords\": [%s]}}", "\"k\"", 1000 * 1000);

    assert_refused (million, "more than 100000 values");
  }
}

/* Over the size limit is refused before a byte of it is read: the text is
 * a sparse file, mapped, that would take a while to scan. */
static void
test_size_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tr-report-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *limit = g_format_size (TR_REPORT_JSON_MAX_SIZE);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  FILE *file;

  g_assert_nonnull (dir);
  file = g_fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpint (fputs ("{\"summary\": \"", file), >=, 0);
  g_assert_cmpint (fseek (file, TR_REPORT_JSON_MAX_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('"', file), ==, '"');
  g_assert_cmpint (fclose (file), ==, 0);

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_mapped_file_get_length (mapped), ==, TR_REPORT_JSON_MAX_SIZE + 1);
  /* "512.0 MB" */
  g_assert_true (g_str_has_prefix (limit, "512"));
  assert_refused_full (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped),
                       (const char * const []) { "larger than", limit, NULL });

  g_clear_pointer (&mapped, g_mapped_file_unref);
  tr_test_remove_tree (dir);
}

/* No control character but tab and line feed, anywhere. */
static void
assert_clean (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\t' && c != '\n' && g_unichar_iscntrl (c))
        g_error ("U+%04X left in “%s”", c, text);
    }
}

/* Printed by list, search and show, they ran as escape sequences: a
 * terminal's title changed, the screen cleared. */
static void
test_control_characters (void)
{
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrTraveller) traveller = NULL;
  g_autofree char *json = NULL;
  g_autoptr(TrReport) again = NULL;

  report = read_report ("{\"fields\": {"
                        "  \"title\": \"\\u001b]0;pwned\\u0007\\u001b[31m紅色\\u001b[0m\","
                        "  \"agency\": \"\\u009b2J機關\\u007f\","
                        "  \"travellers\": [{\"name\": \"王\\u001b[8m小明\"}],"
                        "  \"keywords\": [\"\\u001bP+q\\u001b\\\\關鍵字\"] },"
                        " \"summary\": \"第一行\\r\\n第二行\\r第三行\\t表格\\u000c\","
                        " \"sections\": {\"process\": \"\\b\\b\\b\\b過程\"},"
                        " \"warnings\": [\"\\u001b[2J\"],"
                        " \"source\": {\"filename\": \"a\\u001b.pdf\", \"sha256\": \"00\"}}");

  /* Each run of them is one space, and none is left at the start. */
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "]0;pwned [31m紅色 [0m");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_AGENCY), ==, "2J機關 ");
  traveller = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (report)), 0);
  g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, "王 [8m小明");
  g_assert_cmpstr (tr_report_get_keywords (report)[0], ==, "P+q \\關鍵字");
  /* Line breaks of any kind are line feeds; tabs stay. */
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_SUMMARY), ==, "第一行\n第二行\n第三行\t表格 ");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PROCESS), ==, "過程");
  g_assert_cmpstr (tr_report_get_warnings (report)[0], ==, "[2J");
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, "a .pdf");

  for (guint f = 0; f < TR_N_FIELDS; f++)
    assert_clean (tr_report_get_text (report, f));

  /* What was cleaned reads back as it is. */
  json = tr_report_to_json (report, TRUE);
  again = read_report (json);
  g_assert_true (tr_report_content_equal (report, again));
}

/* What an error message quotes of the input is as clean, and short. */
static void
test_quoted_in_messages (void)
{
  g_autofree char *long_id = g_strnfill (100 * 1000, 'i');
  g_autofree char *long_id_json = g_strdup_printf ("{\"id\": \"%s\"}", long_id);
  static const char * const json[] = {
    "{\"\\u001b[2Jsumary\": \"x\"}",
    "{\"fields\": {\"\\u001b]0;x\\u0007titel\": \"x\"}}",
    "{\"fields\": {\"period_start\": \"\\u001b[31m2016\"}}",
    "{\"kind\": \"\\u001b[31mdraft\"}",
    "{\"created\": \"\\u009b31m\"}",
    "{\"a\\nb\\u001b[31m\": \"\\u0000\"}",
    "{\"a\\nb\\u001b[31m\": 1, \"a\\nb\\u001b[31m\": 2}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (json); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrReport) report = tr_report_new_from_json (json[i], -1, &error);

      g_assert_null (report);
      g_assert_nonnull (error);
      assert_clean (error->message);
      g_assert_null (strchr (error->message, '\n'));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrReport) report = tr_report_new_from_json (long_id_json, -1, &error);

    g_assert_null (report);
    g_assert_nonnull (strstr (error->message, "iii…"));
    g_assert_cmpuint (strlen (error->message), <, 400);
  }
}

/* What the reader takes, the writer gives back: the fuzzer found an
 * original file's name without its checksum lost on the way. */
static void
test_round_trip (void)
{
  static const char * const json[] = {
    "{\"source\": {\"filename\": \"報告.pdf\"}}",
    "{\"source\": {\"sha256\": \"00\"}}",
    "{\"source\": {\"filename\": \"報告.pdf\", \"sha256\": \"00\"}}",
    "{\"source\": {\"filename\": \"\", \"sha256\": null}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (json); i++)
    {
      g_autoptr(TrReport) report = read_report (json[i]);
      g_autofree char *written = tr_report_to_json (report, FALSE);
      g_autoptr(TrReport) again = read_report (written);

      g_test_message ("%s → %s", json[i], written);
      g_assert_true (tr_report_content_equal (report, again));
    }
}

/* The node entry point, which import and export use, has the same limits
 * and cleaning. */
static void
test_node_entry_point (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) clean_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autofree char *title = repeat ("題", TR_REPORT_MAX_FIELD_LENGTH + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  report = tr_report_new_from_json_node (node, &error);
  g_assert_null (report);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "“fields.title”"));
  g_clear_error (&error);

  clean_node = json_from_string ("{\"summary\": \"a\\u001b[31mb\"}", &error);
  g_assert_no_error (error);
  report = tr_report_new_from_json_node (clean_node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_SUMMARY), ==, "a [31mb");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-json/nesting/deep", test_nesting_deep);
  g_test_add_func ("/report-json/nesting/limit", test_nesting_limit);
  g_test_add_func ("/report-json/values-limit", test_values_limit);
  g_test_add_func ("/report-json/key-length", test_key_length);
  g_test_add_func ("/report-json/nul", test_nul);
  g_test_add_func ("/report-json/surrogates", test_surrogates);
  g_test_add_func ("/report-json/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/report-json/not-json", test_not_json);
  g_test_add_func ("/report-json/strict-json-passes", test_strict_json_passes);
  g_test_add_func ("/report-json/limits/length", test_length_limits);
  g_test_add_func ("/report-json/limits/count", test_count_limits);
  g_test_add_func ("/report-json/limits/size", test_size_limit);
  g_test_add_func ("/report-json/control-characters", test_control_characters);
  g_test_add_func ("/report-json/quoted-in-messages", test_quoted_in_messages);
  g_test_add_func ("/report-json/round-trip", test_round_trip);
  g_test_add_func ("/report-json/node-entry-point", test_node_entry_point);

  return g_test_run ();
}
