/* tr-review-json.c: the review form in JSON, for exported files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-error.h"
#include "tr-json-check.h"
#include "tr-review-json.h"

static const char * const column_keys[TR_N_REVIEW_COLUMNS] = { "self", "agency" };

char *
tr_review_to_json (TrReview *review)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (TR_IS_REVIEW (review), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, tr_review_status_to_string (tr_review_get_status (review)));
  for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
    {
      json_builder_set_member_name (builder, column_keys[column]);
      json_builder_begin_array (builder);
      for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
        switch (tr_review_get_answer (review, item, column))
          {
          case TR_REVIEW_ANSWER_YES:
            json_builder_add_string_value (builder, "yes");
            break;
          case TR_REVIEW_ANSWER_NO:
            json_builder_add_string_value (builder, "no");
            break;
          case TR_REVIEW_ANSWER_UNSET:
          default:
            json_builder_add_null_value (builder);
            break;
          }
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "return_reasons");
  json_builder_add_int_value (builder, tr_review_get_return_reasons (review));
  json_builder_set_member_name (builder, "publication");
  json_builder_add_int_value (builder, tr_review_get_publication (review));
  json_builder_set_member_name (builder, "publication_other");
  json_builder_add_string_value (builder, tr_review_get_publication_other (review));
  json_builder_set_member_name (builder, "remarks");
  json_builder_add_string_value (builder, tr_review_get_remarks (review));
  json_builder_set_member_name (builder, "signatures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    json_builder_add_string_value (builder, tr_review_get_signature (review, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
invalid (GError     **error,
         const char  *key)
{
  g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("The review form is not valid: “%s”"), key);
  return FALSE;
}

static gboolean
read_text (JsonObject  *object,
           const char  *key,
           char       **out_text,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, key);
  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > TR_REPORT_MAX_FIELD_LENGTH)
    return invalid (error, key);
  *out_text = g_strdup (text);
  return TRUE;
}

static gboolean
read_flags (JsonObject  *object,
            const char  *key,
            guint        n_bits,
            guint       *out_flags,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, key);
  value = json_node_get_int (node);
  if (value < 0 || value >= (1 << n_bits))
    return invalid (error, key);
  *out_flags = (guint) value;
  return TRUE;
}

TrReview *
tr_review_new_from_json (const char  *data,
                         gssize       length,
                         GError     **error)
{
  static const char * const keys[] = {
    "status", "self", "agency", "return_reasons", "publication", "publication_other",
    "remarks", "signatures", NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(TrReview) review = tr_review_new ();
  g_autoptr(GList) members = NULL;
  g_autofree char *status = NULL;
  g_autofree char *publication_other = NULL;
  g_autofree char *remarks = NULL;
  guint reasons = 0, publication = 0;
  TrReviewStatus status_value = TR_REVIEW_STATUS_DRAFT;
  JsonObject *object;
  JsonNode *node;

  static const TrJsonLimits limits = { 4, 1000, 64 };
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);

  size = length < 0 ? strlen (data) : (gsize) length;
  if (!tr_json_check (data, size, &limits, error) || !json_parser_load_from_data (parser, data, size, error))
    {
      g_prefix_error (error, _("The review form is not valid: "));
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "/");
      return NULL;
    }
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *member = members; member != NULL; member = member->next)
    if (!g_strv_contains (keys, member->data))
      {
        invalid (error, member->data);
        return NULL;
      }

  if (!read_text (object, "status", &status, error) ||
      (status != NULL && !tr_review_status_from_string (status, &status_value)))
    {
      g_clear_error (error);
      invalid (error, "status");
      return NULL;
    }
  tr_review_restore_status (review, status_value);

  for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
    {
      JsonNode *answers = json_object_get_member (object, column_keys[column]);
      JsonArray *array;

      if (answers == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (answers) ||
          json_array_get_length ((array = json_node_get_array (answers))) != TR_N_REVIEW_ITEMS)
        {
          invalid (error, column_keys[column]);
          return NULL;
        }
      for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
        {
          JsonNode *answer = json_array_get_element (array, item);
          const char *text;

          if (JSON_NODE_HOLDS_NULL (answer))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (answer) || json_node_get_value_type (answer) != G_TYPE_STRING)
            {
              invalid (error, column_keys[column]);
              return NULL;
            }
          text = json_node_get_string (answer);
          if (g_str_equal (text, "yes"))
            tr_review_set_answer (review, item, column, TR_REVIEW_ANSWER_YES);
          else if (g_str_equal (text, "no"))
            tr_review_set_answer (review, item, column, TR_REVIEW_ANSWER_NO);
          else
            {
              invalid (error, column_keys[column]);
              return NULL;
            }
        }
    }

  if (!read_flags (object, "return_reasons", TR_N_RETURN_REASONS, &reasons, error) ||
      !read_flags (object, "publication", TR_N_PUBLICATIONS, &publication, error) ||
      !read_text (object, "publication_other", &publication_other, error) ||
      !read_text (object, "remarks", &remarks, error))
    return NULL;
  tr_review_set_return_reasons (review, reasons);
  tr_review_set_publication (review, publication);
  if (publication_other != NULL)
    tr_review_set_publication_other (review, publication_other);
  if (remarks != NULL)
    tr_review_set_remarks (review, remarks);

  if ((node = json_object_get_member (object, "signatures")) != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length ((array = json_node_get_array (node))) != TR_N_REVIEW_SIGNATURES)
        {
          invalid (error, "signatures");
          return NULL;
        }
      for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
        {
          JsonNode *name = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING ||
              g_utf8_strlen (json_node_get_string (name), -1) > TR_REPORT_MAX_FIELD_LENGTH)
            {
              invalid (error, "signatures");
              return NULL;
            }
          tr_review_set_signature (review, i, json_node_get_string (name));
        }
    }
  return g_steal_pointer (&review);
}
