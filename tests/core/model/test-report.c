/* test-report.c: the report model, its JSON form and the date helpers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "tr-date.h"
#include "tr-error.h"
#include "tr-report.h"
#include "tr-report-json.h"

/* Text that exercises escaping and multibyte handling: CJK, Latin, emoji
 * (outside the BMP, so a UTF-16 surrogate pair in JSON), newlines, tabs,
 * quotes and backslashes. */
#define NASTY "公務出國報告 Report 😀🇹🇼\n第二行 \"引號\" 'single' \\back\\slash\\ \t tab\nend"

static const char *date_values[TR_N_FIELDS] = {
  [TR_FIELD_PERIOD_START] = "2016-07-09",
  [TR_FIELD_PERIOD_END]   = "2016-07-20",
  [TR_FIELD_REPORT_DATE]  = "2016-10-01",
};

/* A distinct value per field, so a field written under another's key
 * cannot go unnoticed. */
static char *
field_value (TrField field)
{
  if (tr_field_is_date (field))
    return g_strdup (date_values[field]);
  return g_strdup_printf ("%s〔%s〕%s", tr_field_get_key (field), NASTY,
                          field == TR_FIELD_SUMMARY ? "摘要二百字" : "");
}

static char *
traveller_value (guint            index,
                 TrTravellerField field)
{
  return g_strdup_printf ("旅人%u-%s 😀 \"q\" \\ \n%u", index,
                          tr_traveller_field_get_key (field), index * 10 + field);
}

static TrReport *
build_full_report (void)
{
  g_autoptr(GDateTime) created = g_date_time_new_utc (2016, 7, 21, 8, 30, 15.123456);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2016, 10, 1, 17, 5, 59.5);
  static const char * const keywords[] = { "APEC", "住宅政策", "😀 emoji", "a \"quoted\" \\ word", NULL };
  static const char * const warnings[] = { "摘要少於200字", "Line one\nline two", NULL };
  g_autoptr(GBytes) source = g_bytes_new_static ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 15);
  TrReport *report;

  report = tr_report_new_full ("0b5f7c1e-4a7d-4c55-9b1e-2f3a4b5c6d7e",
                               TR_REPORT_KIND_IMPORTED, created, modified);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autofree char *value = field_value (f);
      tr_report_set_text (report, f, value);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TrTraveller) traveller = tr_traveller_new ();

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        {
          g_autofree char *value = traveller_value (i, f);
          tr_traveller_set (traveller, f, value);
        }
      g_list_store_append (tr_report_get_travellers (report), traveller);
    }
  tr_report_set_keywords (report, keywords);
  tr_report_set_warnings (report, warnings);
  tr_report_set_has_attachments (report, TRUE);
  tr_report_set_pages (report, 42);
  tr_report_set_source (report, "出國報告 (final).pdf", source);

  return report;
}

static void
assert_report_fields (TrReport *report)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  static const char * const keywords[] = { "APEC", "住宅政策", "😀 emoji", "a \"quoted\" \\ word", NULL };
  static const char * const warnings[] = { "摘要少於200字", "Line one\nline two", NULL };
  g_autoptr(GBytes) source = g_bytes_new_static ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", 15);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, source);

  g_assert_cmpstr (tr_report_get_id (report), ==, "0b5f7c1e-4a7d-4c55-9b1e-2f3a4b5c6d7e");
  g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autofree char *value = field_value (f);
      g_assert_cmpstr (tr_report_get_text (report, f), ==, value);
    }
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    g_assert_cmpstr (tr_report_get_section (report, s), ==,
                     tr_report_get_text (report, TR_FIELD_FROM_SECTION (s)));

  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        {
          g_autofree char *value = traveller_value (i, f);
          g_assert_cmpstr (tr_traveller_get (traveller, f), ==, value);
        }
    }
  g_assert_true (g_strv_equal (tr_report_get_keywords (report), keywords));
  g_assert_true (g_strv_equal (tr_report_get_warnings (report), warnings));
  g_assert_true (tr_report_get_has_attachments (report));
  g_assert_cmpuint (tr_report_get_pages (report), ==, 42);
  g_assert_cmpstr (tr_report_get_source_filename (report), ==, "出國報告 (final).pdf");
  g_assert_cmpstr (tr_report_get_source_sha256 (report), ==, sha256);
}

static void
test_json_round_trip (void)
{
  g_autoptr(TrReport) report = build_full_report ();
  g_autoptr(GError) error = NULL;

  assert_report_fields (report);

  for (guint pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *json = tr_report_to_json (report, pretty);
      g_autoptr(TrReport) copy = NULL;
      g_autofree char *json_again = NULL;

      g_assert_nonnull (json);
      g_assert_true (g_utf8_validate (json, -1, NULL));

      copy = tr_report_new_from_json (json, -1, &error);
      g_assert_no_error (error);
      g_assert_nonnull (copy);

      g_assert_true (tr_report_content_equal (report, copy));
      g_assert_true (tr_report_content_equal (copy, report));
      assert_report_fields (copy);
      g_assert_true (g_date_time_equal (tr_report_get_created (copy), tr_report_get_created (report)));
      g_assert_true (g_date_time_equal (tr_report_get_modified (copy), tr_report_get_modified (report)));
      /* The bytes are kept apart (in the store), never in JSON. */
      g_assert_null (tr_report_get_source_data (copy));

      /* Serialising the copy gives the same text: nothing drifts. */
      json_again = tr_report_to_json (copy, pretty);
      g_assert_cmpstr (json, ==, json_again);
    }
}

/* The JSON layout is a contract with scripts: check where each value lands,
 * so that a key swapped in both directions cannot round-trip unnoticed. */
static void
test_json_layout (void)
{
  g_autoptr(TrReport) report = build_full_report ();
  g_autoptr(JsonNode) node = tr_report_to_json_node (report);
  JsonObject *root, *fields, *sections, *source;
  JsonArray *travellers, *keywords, *warnings;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  root = json_node_get_object (node);
  fields = json_object_get_object_member (root, "fields");
  sections = json_object_get_object_member (root, "sections");
  g_assert_nonnull (fields);
  g_assert_nonnull (sections);

  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, tr_report_get_id (report));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "imported");

  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autofree char *value = field_value (f);
      const char *key = tr_field_get_key (f);
      JsonObject *parent;

      if (tr_field_is_form_field (f))
        parent = fields;
      else if (f >= TR_FIELD_PURPOSE && f <= TR_FIELD_RECOMMENDATIONS)
        parent = sections;
      else
        parent = root;

      g_assert_true (json_object_has_member (parent, key));
      g_assert_cmpstr (json_object_get_string_member (parent, key), ==, value);
    }
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==,
                   tr_report_get_text (report, TR_FIELD_SUMMARY));
  g_assert_cmpstr (json_object_get_string_member (sections, "purpose"), ==,
                   tr_report_get_text (report, TR_FIELD_PURPOSE));
  g_assert_cmpstr (json_object_get_string_member (fields, "period_start"), ==, "2016-07-09");

  travellers = json_object_get_array_member (fields, "travellers");
  g_assert_cmpuint (json_array_get_length (travellers), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *traveller = json_array_get_object_element (travellers, i);

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        {
          g_autofree char *value = traveller_value (i, f);
          g_assert_cmpstr (json_object_get_string_member (traveller, tr_traveller_field_get_key (f)),
                           ==, value);
        }
    }

  keywords = json_object_get_array_member (fields, "keywords");
  g_assert_cmpuint (json_array_get_length (keywords), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (keywords, 1), ==, "住宅政策");
  warnings = json_object_get_array_member (root, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 2);
  g_assert_true (json_object_get_boolean_member (fields, "has_attachments"));
  g_assert_cmpint (json_object_get_int_member (fields, "pages"), ==, 42);

  source = json_object_get_object_member (root, "source");
  g_assert_nonnull (source);
  g_assert_cmpstr (json_object_get_string_member (source, "filename"), ==, "出國報告 (final).pdf");
  g_assert_cmpstr (json_object_get_string_member (source, "sha256"), ==,
                   tr_report_get_source_sha256 (report));
}

static void
test_json_length (void)
{
  g_autoptr(TrReport) report = build_full_report ();
  g_autofree char *json = tr_report_to_json (report, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) copy = NULL;
  g_autofree char *buffer = NULL;
  gsize length = strlen (json);

  /* An explicit length must be honoured: what follows is not JSON. */
  buffer = g_strconcat (json, "}garbage{", NULL);
  copy = tr_report_new_from_json (buffer, length, &error);
  g_assert_no_error (error);
  g_assert_true (tr_report_content_equal (report, copy));
}

typedef struct {
  const char *name;
  const char *json;
  /* Each must appear in the message. */
  const char *expected[3];
} BadJson;

static const BadJson bad_json[] = {
  { "not-json", "this is not JSON", { NULL } },
  { "truncated", "{\"fields\": {\"title\": \"x\"", { NULL } },
  { "empty", "", { NULL } },
  { "whitespace", "  \n ", { NULL } },
  { "array-root", "[{\"summary\": \"x\"}]", { NULL } },
  { "string-root", "\"summary\"", { NULL } },
  { "unknown-root-key", "{\"sumary\": \"摘要\"}", { "sumary" } },
  { "unknown-field-key", "{\"fields\": {\"titel\": \"x\"}}", { "titel", "fields" } },
  { "body-key-in-fields", "{\"fields\": {\"summary\": \"x\"}}", { "summary", "fields" } },
  { "unknown-section-key", "{\"sections\": {\"purpose\": \"a\", \"porpose\": \"b\"}}", { "porpose", "sections" } },
  { "unknown-traveller-key",
    "{\"fields\": {\"travellers\": [{\"name\": \"王\"}, {\"name\": \"李\", \"nmae\": \"x\"}]}}",
    { "nmae", "travellers[1]" } },
  { "unknown-source-key", "{\"source\": {\"filename\": \"a.pdf\", \"sha\": \"x\"}}", { "sha", "source" } },
  { "title-number", "{\"fields\": {\"title\": 42}}", { "fields.title" } },
  { "title-object", "{\"fields\": {\"title\": {}}}", { "fields.title" } },
  { "summary-array", "{\"summary\": [\"x\"]}", { "summary" } },
  { "section-bool", "{\"sections\": {\"process\": true}}", { "sections.process" } },
  { "fields-array", "{\"fields\": []}", { "fields" } },
  { "sections-string", "{\"sections\": \"x\"}", { "sections" } },
  { "keywords-string", "{\"fields\": {\"keywords\": \"APEC\"}}", { "fields.keywords" } },
  { "keywords-element", "{\"fields\": {\"keywords\": [\"a\", \"b\", 3]}}", { "fields.keywords[2]" } },
  { "warnings-element", "{\"warnings\": [null]}", { "warnings[0]" } },
  { "travellers-object", "{\"fields\": {\"travellers\": {\"name\": \"王\"}}}", { "fields.travellers" } },
  { "traveller-string", "{\"fields\": {\"travellers\": [{}, \"王\"]}}", { "fields.travellers[1]" } },
  { "traveller-name-number", "{\"fields\": {\"travellers\": [{\"name\": 1}]}}", { "fields.travellers[0].name" } },
  { "has-attachments-string", "{\"fields\": {\"has_attachments\": \"true\"}}", { "fields.has_attachments" } },
  { "has-attachments-number", "{\"fields\": {\"has_attachments\": 1}}", { "fields.has_attachments" } },
  { "pages-negative", "{\"fields\": {\"pages\": -1}}", { "fields.pages" } },
  { "pages-float", "{\"fields\": {\"pages\": 1.5}}", { "fields.pages" } },
  { "pages-string", "{\"fields\": {\"pages\": \"12\"}}", { "fields.pages" } },
  { "pages-huge", "{\"fields\": {\"pages\": 99999999999}}", { "fields.pages" } },
  { "date-month-13", "{\"fields\": {\"period_start\": \"2016-13-01\"}}", { "fields.period_start", "2016-13-01" } },
  { "date-minguo", "{\"fields\": {\"period_end\": \"105/7/9\"}}", { "fields.period_end", "105/7/9" } },
  { "date-not-padded", "{\"fields\": {\"report_date\": \"2016-7-9\"}}", { "fields.report_date" } },
  { "date-feb-30", "{\"fields\": {\"report_date\": \"2016-02-30\"}}", { "fields.report_date" } },
  { "date-with-time", "{\"fields\": {\"period_start\": \"2016-07-09T00:00:00Z\"}}", { "fields.period_start" } },
  { "created-invalid", "{\"created\": \"yesterday\"}", { "created", "yesterday" } },
  { "modified-number", "{\"modified\": 1468000000}", { "modified" } },
  { "id-not-uuid", "{\"id\": \"report-1\"}", { "report-1" } },
  { "id-number", "{\"id\": 1}", { "id" } },
  { "kind-bad", "{\"kind\": \"published\"}", { "published" } },
  { "kind-number", "{\"kind\": 0}", { "kind" } },
  { "source-string", "{\"source\": \"a.pdf\"}", { "source" } },
  { "invalid-utf8-value", "{\"summary\": \"abc\xff\xfe\"}", { NULL } },
  { "invalid-utf8-key", "{\"fields\": {\"ti\xc3tle\": \"x\"}}", { NULL } },
  { "overlong-utf8", "{\"summary\": \"\xc0\xaf\"}", { NULL } },
};

static void
test_json_invalid (gconstpointer data)
{
  const BadJson *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) report = NULL;

  report = tr_report_new_from_json (bad->json, -1, &error);
  g_assert_null (report);
  g_assert_error (error, TR_ERROR, TR_ERROR_INVALID_DATA);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad->expected) && bad->expected[i] != NULL; i++)
    {
      if (strstr (error->message, bad->expected[i]) == NULL)
        g_error ("%s: message “%s” does not name “%s”", bad->name, error->message, bad->expected[i]);
    }

  /* The same error through the node entry point, where it applies. */
  if (bad->expected[0] != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) node_error = NULL;
      g_autoptr(TrReport) node_report = NULL;

      g_assert_true (json_parser_load_from_data (parser, bad->json, -1, NULL));
      node_report = tr_report_new_from_json_node (json_parser_get_root (parser), &node_error);
      g_assert_null (node_report);
      g_assert_error (node_error, TR_ERROR, TR_ERROR_INVALID_DATA);
      g_assert_cmpstr (node_error->message, ==, error->message);
    }
}

static void
test_json_null_and_empty (void)
{
  static const char *json =
    "{\"id\": \"6f1d2c3b-0a9e-4f8d-8c7b-6a5f4e3d2c1b\","
    " \"fields\": {\"title\": null, \"agency\": \"\", \"period_start\": \"\", \"period_end\": null,"
    "             \"travellers\": null, \"keywords\": null, \"has_attachments\": null, \"pages\": null},"
    " \"summary\": null, \"sections\": {\"purpose\": \"\", \"process\": null},"
    " \"appendix\": \"\", \"unclassified\": null, \"warnings\": null, \"source\": null}";
  static const char *json_null_objects =
    "{\"id\": \"6f1d2c3b-0a9e-4f8d-8c7b-6a5f4e3d2c1b\", \"kind\": null,"
    " \"fields\": null, \"sections\": null, \"created\": null, \"modified\": null}";
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) empty = tr_report_new_full ("6f1d2c3b-0a9e-4f8d-8c7b-6a5f4e3d2c1b",
                                                  TR_REPORT_KIND_DRAFT, NULL, NULL);
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReport) report2 = NULL;

  report = tr_report_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    g_assert_cmpstr (tr_report_get_text (report, f), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tr_report_get_travellers (report))), ==, 0);
  g_assert_nonnull (tr_report_get_keywords (report));
  g_assert_null (tr_report_get_keywords (report)[0]);
  g_assert_nonnull (tr_report_get_warnings (report));
  g_assert_null (tr_report_get_warnings (report)[0]);
  g_assert_false (tr_report_get_has_attachments (report));
  g_assert_cmpuint (tr_report_get_pages (report), ==, 0);
  g_assert_null (tr_report_get_source_sha256 (report));
  g_assert_true (tr_report_content_equal (report, empty));

  report2 = tr_report_new_from_json (json_null_objects, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tr_report_get_kind (report2), ==, TR_REPORT_KIND_DRAFT);
  g_assert_nonnull (tr_report_get_created (report2));
  g_assert_nonnull (tr_report_get_modified (report2));
  g_assert_true (tr_report_content_equal (report2, empty));

  /* In the model too, "" and NULL are the same: unset. */
  tr_report_set_text (empty, TR_FIELD_TITLE, "x");
  tr_report_set_text (empty, TR_FIELD_TITLE, "");
  g_assert_cmpstr (tr_report_get_text (empty, TR_FIELD_TITLE), ==, "");
  g_assert_true (tr_report_content_equal (report, empty));
}

static void
test_json_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReport) a = NULL;
  g_autoptr(TrReport) b = NULL;
  g_autoptr(TrReport) c = NULL;

  a = tr_report_new_from_json ("{}", -1, &error);
  g_assert_no_error (error);
  b = tr_report_new_from_json ("{\"summary\": \"摘要\"}", -1, &error);
  g_assert_no_error (error);
  c = tr_report_new_from_json ("{\"id\": null}", -1, &error);
  g_assert_no_error (error);

  /* A missing ID gets a fresh UUID each time; a missing kind is a draft. */
  g_assert_true (g_uuid_string_is_valid (tr_report_get_id (a)));
  g_assert_true (g_uuid_string_is_valid (tr_report_get_id (b)));
  g_assert_true (g_uuid_string_is_valid (tr_report_get_id (c)));
  g_assert_cmpstr (tr_report_get_id (a), !=, tr_report_get_id (b));
  g_assert_cmpstr (tr_report_get_id (a), !=, tr_report_get_id (c));
  g_assert_cmpint (tr_report_get_kind (a), ==, TR_REPORT_KIND_DRAFT);
  g_assert_cmpstr (tr_report_get_text (b, TR_FIELD_SUMMARY), ==, "摘要");
  g_assert_nonnull (tr_report_get_created (a));
  g_assert_nonnull (tr_report_get_modified (a));
}

static void
test_content_equal (void)
{
  g_autoptr(TrReport) base = build_full_report ();
  g_autofree char *json = tr_report_to_json (base, FALSE);

  /* Each difference, alone, makes two reports differ. */
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autoptr(TrReport) copy = tr_report_new_from_json (json, -1, NULL);

      g_assert_true (tr_report_content_equal (base, copy));
      tr_report_set_text (copy, f, tr_field_is_date (f) ? "2020-01-01" : "changed");
      g_assert_false (tr_report_content_equal (base, copy));
      g_assert_false (tr_report_content_equal (copy, base));
    }

  for (guint step = 0; step < 10; step++)
    {
      g_autoptr(TrReport) copy = tr_report_new_from_json (json, -1, NULL);
      GListStore *travellers = tr_report_get_travellers (copy);
      static const char * const other[] = { "APEC", NULL };
      g_autoptr(TrTraveller) first = g_list_model_get_item (G_LIST_MODEL (travellers), 0);

      g_assert_true (tr_report_content_equal (base, copy));
      switch (step)
        {
        case 0: tr_report_set_keywords (copy, other); break;
        case 1: tr_report_set_warnings (copy, NULL); break;
        case 2: tr_report_set_has_attachments (copy, FALSE); break;
        case 3: tr_report_set_pages (copy, 41); break;
        case 4: tr_report_set_source_info (copy, "other.pdf", tr_report_get_source_sha256 (base)); break;
        case 5: tr_report_set_source_info (copy, tr_report_get_source_filename (base), "00"); break;
        case 6: g_list_store_remove (travellers, 2); break;
        case 7: g_list_store_remove (travellers, 0); g_list_store_append (travellers, first); break;
        case 8: tr_traveller_set (first, TR_TRAVELLER_PHONE, "02-1234-5678"); break;
        case 9:
          {
            g_autoptr(TrReport) other_kind =
              tr_report_new_full (tr_report_get_id (base), TR_REPORT_KIND_DRAFT, NULL, NULL);
            g_autoptr(TrReport) other_id =
              tr_report_new_full ("11111111-2222-4333-8444-555555555555", TR_REPORT_KIND_DRAFT, NULL, NULL);
            g_autoptr(TrReport) same = tr_report_new_full (tr_report_get_id (base), TR_REPORT_KIND_DRAFT, NULL, NULL);

            g_assert_true (tr_report_content_equal (other_kind, same));
            g_assert_false (tr_report_content_equal (other_id, same));
            g_set_object (&copy, other_kind);
            break;
          }
        default: g_assert_not_reached ();
        }
      g_assert_false (tr_report_content_equal (base, copy));
    }

  /* Times are not content. */
  {
    g_autoptr(TrReport) copy = tr_report_new_from_json (json, -1, NULL);
    g_autoptr(GDateTime) later = g_date_time_new_utc (2030, 1, 1, 0, 0, 0);

    tr_report_set_modified (copy, later);
    g_assert_true (tr_report_content_equal (base, copy));
  }
}

static void
test_copy (void)
{
  g_autoptr(TrReport) report = build_full_report ();
  g_autoptr(TrReport) copy = NULL;
  g_autoptr(TrTraveller) original_traveller = NULL;
  g_autoptr(TrTraveller) copied_traveller = NULL;
  g_autoptr(GBytes) pixels = g_bytes_new_static ("not decoded", 11);
  g_autoptr(TrPhoto) photo = tr_photo_new_full ("photo-1", pixels, "image/png", 4, 3, "會場");
  g_autoptr(TrPhoto) copied_photo = NULL;
  static const char * const other[] = { "other", NULL };

  g_list_store_append (tr_report_get_photos (report), photo);
  copy = tr_report_copy (report);

  g_assert_true (copy != report);
  g_assert_true (tr_report_content_equal (report, copy));
  assert_report_fields (copy);
  g_assert_true (g_date_time_equal (tr_report_get_created (copy), tr_report_get_created (report)));
  g_assert_true (g_date_time_equal (tr_report_get_modified (copy), tr_report_get_modified (report)));
  g_assert_nonnull (tr_report_get_source_data (copy));
  g_assert_true (g_bytes_equal (tr_report_get_source_data (copy), tr_report_get_source_data (report)));

  /* Deep: editing the copy, even its travellers in place, leaves the
   * original as it was (the copy is handed to another thread). */
  g_assert_true (tr_report_get_travellers (copy) != tr_report_get_travellers (report));
  original_traveller = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (report)), 0);
  copied_traveller = g_list_model_get_item (G_LIST_MODEL (tr_report_get_travellers (copy)), 0);
  g_assert_true (original_traveller != copied_traveller);
  tr_traveller_set (copied_traveller, TR_TRAVELLER_NAME, "changed");
  /* Photos too: their bytes are shared, as they never change. */
  copied_photo = g_list_model_get_item (G_LIST_MODEL (tr_report_get_photos (copy)), 0);
  g_assert_true (copied_photo != photo);
  g_assert_true (tr_photo_get_data (copied_photo) == pixels);
  tr_photo_set_caption (copied_photo, "changed");
  g_assert_cmpstr (tr_photo_get_caption (photo), ==, "會場");
  tr_report_set_text (copy, TR_FIELD_SUMMARY, "changed");
  tr_report_set_keywords (copy, other);
  tr_report_set_warnings (copy, other);
  g_list_store_remove (tr_report_get_travellers (copy), 2);
  assert_report_fields (report);
  g_assert_false (tr_report_content_equal (report, copy));

  /* And so is a report with nothing set. */
  {
    g_autoptr(TrReport) empty = tr_report_new (TR_REPORT_KIND_DRAFT);
    g_autoptr(TrReport) empty_copy = tr_report_copy (empty);

    g_assert_true (tr_report_content_equal (empty, empty_copy));
    g_assert_null (tr_report_get_keywords (empty_copy)[0]);
    g_assert_null (tr_report_get_source_data (empty_copy));
  }
}

static void
test_date_minguo (void)
{
  static const struct { const char *iso; const char *minguo; } cases[] = {
    { "2016-07-09", "105年7月9日" },
    { "2016-12-31", "105年12月31日" },
    { "1912-01-01", "1年1月1日" },
    { "2024-02-29", "113年2月29日" },
    { "2011-10-10", "100年10月10日" },
    { "1911-12-31", NULL },
    { "1900-01-01", NULL },
    { "2016-13-01", NULL },
    { "2015-02-29", NULL },
    { "2016-7-9", NULL },
    { "105/7/9", NULL },
    { "105年7月9日", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *minguo = tr_date_format_minguo (cases[i].iso);
      g_assert_cmpstr (minguo, ==, cases[i].minguo);
    }
}

static void
test_date_parse_iso (void)
{
  static const struct { const char *text; gboolean valid; int y, m, d; } cases[] = {
    { "2016-07-09", TRUE, 2016, 7, 9 },
    { "2016-02-29", TRUE, 2016, 2, 29 },
    { "2000-02-29", TRUE, 2000, 2, 29 },
    { "1899-12-31", TRUE, 1899, 12, 31 },
    { "2015-02-29", FALSE },
    { "1900-02-29", FALSE },
    { "2016-04-31", FALSE },
    { "2016-00-10", FALSE },
    { "2016-01-00", FALSE },
    { "2016-13-01", FALSE },
    { "2016-7-9", FALSE },
    { "2016-07-9", FALSE },
    { "16-07-09", FALSE },
    { "2016/07/09", FALSE },
    { "20160709", FALSE },
    { "2016-07-09 ", FALSE },
    { " 2016-07-09", FALSE },
    { "2016-07-09T00:00", FALSE },
    { "+016-07-09", FALSE },
    { "2016-0a-09", FALSE },
    { "105/7/9", FALSE },
    { "0000-01-01", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (tr_date_parse_iso (cases[i].text, &date) != cases[i].valid)
        g_error ("tr_date_parse_iso (“%s”) should be %s", cases[i].text,
                 cases[i].valid ? "valid" : "invalid");
      g_assert_true (tr_date_parse_iso (cases[i].text, NULL) == cases[i].valid);
      if (cases[i].valid)
        {
          g_assert_true (g_date_valid (&date));
          g_assert_cmpint (g_date_get_year (&date), ==, cases[i].y);
          g_assert_cmpint (g_date_get_month (&date), ==, cases[i].m);
          g_assert_cmpint (g_date_get_day (&date), ==, cases[i].d);
        }
    }
}

static void
test_date_days_between (void)
{
  int days = 12345;

  g_assert_true (tr_date_days_between ("2016-07-09", "2016-07-20", &days));
  g_assert_cmpint (days, ==, 11);
  g_assert_true (tr_date_days_between ("2016-07-20", "2016-07-09", &days));
  g_assert_cmpint (days, ==, -11);
  g_assert_true (tr_date_days_between ("2016-02-28", "2016-03-01", &days));
  g_assert_cmpint (days, ==, 2);
  g_assert_true (tr_date_days_between ("2015-12-31", "2016-12-31", &days));
  g_assert_cmpint (days, ==, 366);
  g_assert_false (tr_date_days_between ("2016-07-09", "2016-13-01", &days));
  g_assert_false (tr_date_days_between ("105/7/9", "2016-07-09", &days));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrTraveller) traveller = tr_traveller_new ();
  static const char * const keywords[] = { "APEC", "住宅", NULL };
  static const char * const keywords_copy[] = { "APEC", "住宅", NULL };
  g_autoptr(GDateTime) when = g_date_time_new_utc (2020, 5, 1, 0, 0, 0);
  g_autoptr(GDateTime) when_copy = g_date_time_new_utc (2020, 5, 1, 0, 0, 0);
  g_autofree char *title_copy = NULL;
  guint title = 0, summary = 0, purpose = 0, kw = 0, pages = 0, attach = 0, modified = 0, name = 0;

  g_signal_connect (report, "notify::title", G_CALLBACK (count_notify), &title);
  g_signal_connect (report, "notify::summary", G_CALLBACK (count_notify), &summary);
  g_signal_connect (report, "notify::purpose", G_CALLBACK (count_notify), &purpose);
  g_signal_connect (report, "notify::keywords", G_CALLBACK (count_notify), &kw);
  g_signal_connect (report, "notify::pages", G_CALLBACK (count_notify), &pages);
  g_signal_connect (report, "notify::has-attachments", G_CALLBACK (count_notify), &attach);
  g_signal_connect (report, "notify::modified", G_CALLBACK (count_notify), &modified);
  g_signal_connect (traveller, "notify::name", G_CALLBACK (count_notify), &name);

  tr_report_set_text (report, TR_FIELD_TITLE, "");
  tr_report_set_text (report, TR_FIELD_TITLE, NULL);
  g_assert_cmpuint (title, ==, 0);
  tr_report_set_text (report, TR_FIELD_TITLE, "APEC 住宅");
  g_assert_cmpuint (title, ==, 1);
  /* Same value again, even from another buffer: no notification. */
  title_copy = g_strdup ("APEC 住宅");
  tr_report_set_text (report, TR_FIELD_TITLE, title_copy);
  g_assert_cmpuint (title, ==, 1);
  g_object_set (report, "title", "APEC 住宅", NULL);
  g_assert_cmpuint (title, ==, 1);
  g_object_set (report, "title", "APEC 住宅 2", NULL);
  g_assert_cmpuint (title, ==, 2);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_TITLE), ==, "APEC 住宅 2");
  tr_report_set_text (report, TR_FIELD_TITLE, "");
  g_assert_cmpuint (title, ==, 3);
  tr_report_set_text (report, TR_FIELD_TITLE, NULL);
  g_assert_cmpuint (title, ==, 3);
  /* Other fields are not notified by a title change. */
  g_assert_cmpuint (summary, ==, 0);
  g_assert_cmpuint (purpose, ==, 0);

  tr_report_set_section (report, TR_SECTION_PURPOSE, "目的");
  tr_report_set_section (report, TR_SECTION_PURPOSE, "目的");
  g_assert_cmpuint (purpose, ==, 1);
  tr_report_set_text (report, TR_FIELD_PURPOSE, "目的");
  g_assert_cmpuint (purpose, ==, 1);
  g_assert_cmpuint (title, ==, 3);

  tr_report_set_keywords (report, keywords);
  tr_report_set_keywords (report, keywords_copy);
  g_assert_cmpuint (kw, ==, 1);
  tr_report_set_keywords (report, NULL);
  g_assert_cmpuint (kw, ==, 2);
  tr_report_set_keywords (report, (const char * const[]) { NULL });
  g_assert_cmpuint (kw, ==, 2);

  tr_report_set_pages (report, 12);
  tr_report_set_pages (report, 12);
  g_assert_cmpuint (pages, ==, 1);
  tr_report_set_has_attachments (report, TRUE);
  tr_report_set_has_attachments (report, 2);
  g_assert_cmpuint (attach, ==, 1);
  g_assert_true (tr_report_get_has_attachments (report) == TRUE);

  tr_report_set_modified (report, when);
  tr_report_set_modified (report, when_copy);
  g_assert_cmpuint (modified, ==, 1);

  tr_traveller_set (traveller, TR_TRAVELLER_NAME, "王小明");
  tr_traveller_set (traveller, TR_TRAVELLER_NAME, "王小明");
  tr_traveller_set (traveller, TR_TRAVELLER_TITLE, "科長");
  g_assert_cmpuint (name, ==, 1);
  g_assert_false (tr_traveller_is_empty (traveller));
}

static void
test_traveller (void)
{
  g_autoptr(TrTraveller) a = tr_traveller_new ();
  g_autoptr(TrTraveller) b = NULL;

  g_assert_true (tr_traveller_is_empty (a));
  for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
    g_assert_cmpstr (tr_traveller_get (a, f), ==, "");
  tr_traveller_set (a, TR_TRAVELLER_PHONE, "");
  g_assert_true (tr_traveller_is_empty (a));

  for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
    {
      g_autofree char *value = traveller_value (7, f);
      tr_traveller_set (a, f, value);
    }
  b = tr_traveller_copy (a);
  g_assert_true (tr_traveller_equal (a, b));
  for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
    {
      g_autoptr(TrTraveller) c = tr_traveller_copy (a);

      tr_traveller_set (c, f, NULL);
      g_assert_false (tr_traveller_equal (a, c));
    }
  /* The copy is deep. */
  tr_traveller_set (a, TR_TRAVELLER_NAME, "changed");
  g_assert_cmpstr (tr_traveller_get (b, TR_TRAVELLER_NAME), !=, "changed");
}

int
main (int   argc,
      char *argv[])
{
  /* Messages with Chinese text must reach the log as UTF-8, not "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/json/round-trip", test_json_round_trip);
  g_test_add_func ("/report/json/layout", test_json_layout);
  g_test_add_func ("/report/json/length", test_json_length);
  g_test_add_func ("/report/json/null-and-empty", test_json_null_and_empty);
  g_test_add_func ("/report/json/minimal", test_json_minimal);
  for (guint i = 0; i < G_N_ELEMENTS (bad_json); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/json/invalid/%s", bad_json[i].name);
      g_test_add_data_func (path, &bad_json[i], test_json_invalid);
    }
  g_test_add_func ("/report/content-equal", test_content_equal);
  g_test_add_func ("/report/copy", test_copy);
  g_test_add_func ("/report/notify", test_notify);
  g_test_add_func ("/report/traveller", test_traveller);
  g_test_add_func ("/report/date/minguo", test_date_minguo);
  g_test_add_func ("/report/date/parse-iso", test_date_parse_iso);
  g_test_add_func ("/report/date/days-between", test_date_days_between);

  return g_test_run ();
}
