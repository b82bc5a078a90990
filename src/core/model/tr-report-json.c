/* tr-report-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-date.h"
#include "tr-error.h"
#include "tr-json-check.h"
#include "tr-text.h"
#include "tr-warning.h"
#include "tr-report-json.h"

/* A report's JSON form nests four deep and holds some thousands of values
 * at most (TR_REPORT_MAX_TRAVELLERS …): these leave it room, and keep what
 * json-glib builds small. */
static const TrJsonLimits json_limits = {
  .max_depth = 32,
  .max_values = 100 * 1000,
  .max_key_length = 256,
};

/* Keys allowed at each level; anything else is rejected by name, so a typo
 * in a script ("sumary") is an error rather than silently lost text. */
static const char * const root_keys[] = {
  "id", "kind", "created", "modified", "fields", "summary", "sections",
  "appendix", "photos", "unclassified", "warnings", "source", NULL
};
static const char * const source_keys[] = { "filename", "sha256", NULL };
static const char * const warning_keys[] = { "code", "args", "message", NULL };
/* A warning's arguments: a page number each of a long scanned document. */
#define MAX_WARNING_ARGS (100 * 1000)
/* width and height are written for readers, and recomputed from the data. */
static const char * const photo_keys[] = {
  "id", "caption", "mime_type", "width", "height", "data", NULL
};

/* @value as an error message quotes it: on one line, without control
 * characters, and cut short when long. */
static char *
quote (const char *value)
{
  gsize length = strnlen (value, 200);
  g_autofree char *start = g_strndup (value, length);
  g_autofree char *clean = tr_text_clean (start, FALSE);

  return value[length] != '\0' ? g_strconcat (clean, "…", NULL) : g_steal_pointer (&clean);
}

static gboolean
check_keys (JsonObject          *object,
            const char          *path,
            const char * const  *allowed,
            gboolean           (*is_extra_key) (const char *key),
            GError             **error)
{
  g_autofree char *quoted = NULL;
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, NULL))
    {
      if (allowed != NULL && g_strv_contains (allowed, key))
        continue;
      if (is_extra_key != NULL && is_extra_key (key))
        continue;
      quoted = quote (key);
      if (path[0] != '\0')
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                     _("Unknown key “%s” in “%s”"), quoted, path);
      else
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                     _("Unknown key “%s” in the report"), quoted);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wrong_type (const char  *path,
            const char  *expected,
            GError     **error)
{
  /* TRANSLATORS: first %s is a JSON path like fields.title; second is
   * a type description such as "a string" */
  g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
               _("“%s” must be %s"), path, expected);
  return FALSE;
}

/* A string or null (null and "" both mean "not filled in"). */
static gboolean
read_string (JsonNode    *node,
             const char  *path,
             const char **out_value,
             GError     **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out_value = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (path, _("a string"), error);
  *out_value = json_node_get_string (node);
  return TRUE;
}

static gboolean
check_length (const char  *text,
              const char  *path,
              guint        max_length,
              GError     **error)
{
  glong length = g_utf8_strlen (text, -1);

  if (length <= max_length)
    return TRUE;
  /* TRANSLATORS: “fields.title” is 5000 characters long; at most 4000 are allowed */
  g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
               _("“%s” is %ld characters long; at most %u are allowed"), path, length, max_length);
  return FALSE;
}

static gboolean
check_count (guint        count,
             const char  *path,
             guint        max_count,
             GError     **error)
{
  if (count <= max_count)
    return TRUE;
  /* TRANSLATORS: “fields.travellers” has 600 entries; at most 500 are allowed */
  g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
               _("“%s” has %u entries; at most %u are allowed"), path, count, max_count);
  return FALSE;
}

/* Text for the report: a string or null, of at most @max_length characters,
 * its control characters but tabs and line breaks made spaces: they would
 * run as escape sequences wherever the text is printed. */
static gboolean
read_text (JsonNode    *node,
           const char  *path,
           guint        max_length,
           char       **out_text,
           GError     **error)
{
  const char *value;

  if (!read_string (node, path, &value, error))
    return FALSE;
  if (value != NULL && !check_length (value, path, max_length, error))
    return FALSE;
  *out_text = value != NULL ? tr_text_clean (value, TRUE) : NULL;
  return TRUE;
}

static GStrv
read_string_array (JsonNode    *node,
                   const char  *path,
                   guint        max_count,
                   guint        max_length,
                   GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (path, _("an array of strings"), error);
      return NULL;
    }

  array = json_node_get_array (node);
  if (!check_count (json_array_get_length (array), path, max_count, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          wrong_type (element_path, _("a string"), error);
          return NULL;
        }
      if (!read_text (element, element_path, max_length, &text, error))
        return NULL;
      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static gboolean
read_text_field (TrReport    *report,
                 TrField      field,
                 JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *value = NULL;

  if (!read_text (node, path, tr_field_get_max_length (field), &value, error))
    return FALSE;

  if (tr_field_is_date (field) && value != NULL && value[0] != '\0' &&
      !tr_date_parse_iso (value, NULL))
    {
      g_autofree char *quoted = quote (value);

      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is not a valid date in “%s” (expected YYYY-MM-DD)"), quoted, path);
      return FALSE;
    }

  tr_report_set_text (report, field, value);
  return TRUE;
}

static gboolean
read_travellers (TrReport    *report,
                 JsonNode    *node,
                 GError     **error)
{
  static const char *path = "fields.travellers";
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (path, _("an array of objects"), error);

  array = json_node_get_array (node);
  if (!check_count (json_array_get_length (array), path, TR_REPORT_MAX_TRAVELLERS, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(TrTraveller) traveller = tr_traveller_new ();
      const char *allowed[TR_TRAVELLER_N_FIELDS + 1] = { NULL };
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return wrong_type (element_path, _("an object"), error);
      object = json_node_get_object (element);

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        allowed[f] = tr_traveller_field_get_key (f);
      if (!check_keys (object, element_path, allowed, NULL, error))
        return FALSE;

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        {
          const char *key = tr_traveller_field_get_key (f);
          JsonNode *value_node = json_object_get_member (object, key);
          g_autofree char *value_path = NULL;
          g_autofree char *value = NULL;

          if (value_node == NULL)
            continue;
          value_path = g_strdup_printf ("%s.%s", element_path, key);
          if (!read_text (value_node, value_path, TR_REPORT_MAX_FIELD_LENGTH, &value, error))
            return FALSE;
          tr_traveller_set (traveller, f, value);
        }
      g_list_store_append (tr_report_get_travellers (report), traveller);
    }
  return TRUE;
}

static gboolean
is_form_field_key (const char *key)
{
  TrField field;

  return tr_field_from_key (key, &field) && tr_field_is_form_field (field);
}

static gboolean
read_fields (TrReport    *report,
             JsonNode    *node,
             GError     **error)
{
  static const char * const extra_keys[] = {
    "travellers", "keywords", "has_attachments", "pages", NULL
  };
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type ("fields", _("an object"), error);

  object = json_node_get_object (node);
  if (!check_keys (object, "fields", extra_keys, is_form_field_key, error))
    return FALSE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &member))
    {
      g_autofree char *path = g_strconcat ("fields.", key, NULL);
      TrField field;

      if (tr_field_from_key (key, &field))
        {
          if (!read_text_field (report, field, member, path, error))
            return FALSE;
        }
      else if (g_str_equal (key, "travellers"))
        {
          if (!read_travellers (report, member, error))
            return FALSE;
        }
      else if (g_str_equal (key, "keywords"))
        {
          g_auto(GStrv) keywords = read_string_array (member, path, TR_REPORT_MAX_KEYWORDS,
                                                      TR_REPORT_MAX_FIELD_LENGTH, error);

          if (keywords == NULL)
            return FALSE;
          tr_report_set_keywords (report, (const char * const *) keywords);
        }
      else if (g_str_equal (key, "has_attachments"))
        {
          if (JSON_NODE_HOLDS_NULL (member))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
            return wrong_type (path, _("true or false"), error);
          tr_report_set_has_attachments (report, json_node_get_boolean (member));
        }
      else if (g_str_equal (key, "pages"))
        {
          gint64 pages;

          if (JSON_NODE_HOLDS_NULL (member))
            continue;
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64)
            return wrong_type (path, _("a whole number"), error);
          pages = json_node_get_int (member);
          if (pages < 0 || pages > G_MAXINT)
            return wrong_type (path, _("a whole number"), error);
          tr_report_set_pages (report, (guint) pages);
        }
    }
  return TRUE;
}

/* Tables in the body ------------------------------------------------------
 *
 * A section, or the appendix, is a string (the form before tables, still
 * read and still written for a body without tables, so that scripts and
 * older versions read every such report as before) or an array of blocks:
 *
 *   [ { "type": "text", "text": "行程如下：" },
 *     { "type": "table", "header": true, "caption": "參訪行程",
 *       "rows": [ ["日期", "地點", "行程內容"], ["7月9日", "塔林", "…"] ] },
 *     { "type": "text", "text": "…" } ]
 *
 * "header" (whether the first row is one) and "caption" may be left out.
 * Two text blocks in a row are two paragraphs; a row shorter than the
 * longest gets empty cells. */

static const char * const text_block_keys[] = { "type", "text", NULL };
static const char * const table_block_keys[] = { "type", "header", "caption", "rows", NULL };

/* A string or null, cleaned: a cell or a caption of at most
 * TR_TABLE_MAX_TEXT_LENGTH characters when @is_cell, and the characters
 * are added to @total, which may not pass TR_BODY_MAX_LENGTH. */
static char *
read_block_text (JsonNode    *node,
                 const char  *path,
                 gboolean     is_cell,
                 gsize       *total,
                 const char  *body_path,
                 GError     **error)
{
  const char *value;
  glong length;

  if (!read_string (node, path, &value, error))
    return NULL;
  if (value == NULL)
    return g_strdup ("");
  length = g_utf8_strlen (value, -1);
  if (is_cell && length > TR_TABLE_MAX_TEXT_LENGTH)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is %ld characters long; a cell or caption may have at most %u"),
                   path, length, TR_TABLE_MAX_TEXT_LENGTH);
      return NULL;
    }
  *total += length;
  if (*total > TR_BODY_MAX_LENGTH)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” holds more than %u characters of text and tables"),
                   body_path, TR_BODY_MAX_LENGTH);
      return NULL;
    }
  return tr_text_clean (value, TRUE);
}

static TrTable *
read_table (JsonObject  *object,
            const char  *path,
            gsize       *total,
            const char  *body_path,
            GError     **error)
{
  g_autofree char *rows_path = g_strconcat (path, ".rows", NULL);
  g_autoptr(TrTable) table = NULL;
  JsonNode *member;
  JsonArray *rows;
  guint n_rows, n_columns = 0;

  if (!check_keys (object, path, table_block_keys, NULL, error))
    return NULL;

  member = json_object_get_member (object, "rows");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      wrong_type (rows_path, _("an array of rows"), error);
      return NULL;
    }
  rows = json_node_get_array (member);
  n_rows = json_array_get_length (rows);
  if (n_rows == 0 || n_rows > TR_TABLE_MAX_ROWS)
    {
      if (n_rows == 0)
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                     _("“%s” has no rows; a table needs at least one"), rows_path);
      else
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                     _("“%s” has %u rows; a table may have at most %u"),
                     rows_path, n_rows, TR_TABLE_MAX_ROWS);
      return NULL;
    }

  /* The widest row sets the number of columns. */
  for (guint r = 0; r < n_rows; r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      g_autofree char *row_path = g_strdup_printf ("%s[%u]", rows_path, r);
      guint n_cells;

      if (!JSON_NODE_HOLDS_ARRAY (row))
        {
          wrong_type (row_path, _("an array of strings"), error);
          return NULL;
        }
      n_cells = json_array_get_length (json_node_get_array (row));
      if (n_cells == 0 || n_cells > TR_TABLE_MAX_COLUMNS)
        {
          if (n_cells == 0)
            g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                         _("“%s” has no cells; a row needs at least one"), row_path);
          else
            g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                         _("“%s” has %u cells; a row may have at most %u"),
                         row_path, n_cells, TR_TABLE_MAX_COLUMNS);
          return NULL;
        }
      n_columns = MAX (n_columns, n_cells);
    }

  table = tr_table_new (n_rows, n_columns);
  for (guint r = 0; r < n_rows; r++)
    {
      JsonArray *row = json_node_get_array (json_array_get_element (rows, r));

      for (guint c = 0; c < json_array_get_length (row); c++)
        {
          g_autofree char *cell_path = g_strdup_printf ("%s[%u][%u]", rows_path, r, c);
          g_autofree char *text = read_block_text (json_array_get_element (row, c), cell_path,
                                                   TRUE, total, body_path, error);

          if (text == NULL)
            return NULL;
          tr_table_set_cell (table, r, c, text);
        }
    }

  if ((member = json_object_get_member (object, "header")) != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN)
        {
          g_autofree char *header_path = g_strconcat (path, ".header", NULL);

          wrong_type (header_path, _("true or false"), error);
          return NULL;
        }
      tr_table_set_has_header (table, json_node_get_boolean (member));
    }
  if ((member = json_object_get_member (object, "caption")) != NULL)
    {
      g_autofree char *caption_path = g_strconcat (path, ".caption", NULL);
      g_autofree char *caption = read_block_text (member, caption_path, TRUE, total,
                                                  body_path, error);

      if (caption == NULL)
        return NULL;
      tr_table_set_caption (table, caption);
    }
  return g_steal_pointer (&table);
}

TrBody *
tr_body_new_from_json_node (JsonNode    *node,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(TrBody) body = tr_body_new ();
  JsonArray *blocks;
  gsize total = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wrong_type (path, _("an array of text and tables"), error);
      return NULL;
    }
  blocks = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonNode *element = json_array_get_element (blocks, i);
      g_autofree char *block_path = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *type_path = g_strconcat (block_path, ".type", NULL);
      JsonObject *object;
      const char *type = NULL;
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          wrong_type (block_path, _("an object"), error);
          return NULL;
        }
      object = json_node_get_object (element);
      member = json_object_get_member (object, "type");
      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_STRING)
        type = json_node_get_string (member);

      if (g_strcmp0 (type, "text") == 0)
        {
          g_autofree char *text_path = g_strconcat (block_path, ".text", NULL);
          g_autofree char *text = NULL;

          if (!check_keys (object, block_path, text_block_keys, NULL, error))
            return NULL;
          member = json_object_get_member (object, "text");
          if (member == NULL)
            continue;
          text = read_block_text (member, text_path, FALSE, &total, path, error);
          if (text == NULL)
            return NULL;
          tr_body_append_text (body, text);
        }
      else if (g_strcmp0 (type, "table") == 0)
        {
          g_autoptr(TrTable) table = NULL;

          if (tr_body_get_n_tables (body) == TR_BODY_MAX_TABLES)
            {
              g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("“%s” has more than %u tables"), path, TR_BODY_MAX_TABLES);
              return NULL;
            }
          table = read_table (object, block_path, &total, path, error);
          if (table == NULL)
            return NULL;
          tr_body_append_table (body, table);
        }
      else
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("“%s” must be “text” or “table”"), type_path);
          return NULL;
        }
    }
  return g_steal_pointer (&body);
}

/* A section or the appendix: a string as before tables, or blocks. */
static gboolean
read_body (TrReport    *report,
           TrField      field,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  g_autoptr(TrBody) body = NULL;

  if (JSON_NODE_HOLDS_NULL (node) ||
      (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING))
    return read_text_field (report, field, node, path, error);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (path, _("a string, or an array of text and tables"), error);
  body = tr_body_new_from_json_node (node, path, error);
  if (body == NULL)
    return FALSE;
  tr_body_replace (tr_report_get_body (report, field), body);
  return TRUE;
}

static gboolean
is_section_key (const char *key)
{
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    if (g_str_equal (key, tr_section_get_key (s)))
      return TRUE;
  return FALSE;
}

static gboolean
read_sections (TrReport    *report,
               JsonNode    *node,
               GError     **error)
{
  JsonObject *object;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type ("sections", _("an object"), error);

  object = json_node_get_object (node);
  if (!check_keys (object, "sections", NULL, is_section_key, error))
    return FALSE;

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      const char *key = tr_section_get_key (s);
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *path = NULL;

      if (member == NULL)
        continue;
      path = g_strconcat ("sections.", key, NULL);
      if (!read_body (report, TR_FIELD_FROM_SECTION (s), member, path, error))
        return FALSE;
    }
  return TRUE;
}

static TrPhoto *
read_photo (JsonNode    *node,
            guint        index,
            GError     **error)
{
  g_autofree char *path = g_strdup_printf ("photos[%u]", index);
  g_autofree char *id_path = g_strconcat (path, ".id", NULL);
  g_autofree char *caption_path = g_strconcat (path, ".caption", NULL);
  g_autofree char *type_path = g_strconcat (path, ".mime_type", NULL);
  g_autofree char *data_path = g_strconcat (path, ".data", NULL);
  g_autofree guchar *decoded = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(TrPhoto) checked = NULL;
  g_autofree char *id = NULL, *caption = NULL;
  const char *mime_type = NULL, *base64 = NULL;
  JsonObject *object;
  JsonNode *member;
  gsize length;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (path, _("an object"), error);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_keys (object, path, photo_keys, NULL, error))
    return NULL;
  if (((member = json_object_get_member (object, "id")) != NULL &&
       !read_text (member, id_path, TR_REPORT_MAX_FIELD_LENGTH, &id, error)) ||
      ((member = json_object_get_member (object, "caption")) != NULL &&
       !read_text (member, caption_path, TR_REPORT_MAX_FIELD_LENGTH, &caption, error)) ||
      ((member = json_object_get_member (object, "mime_type")) != NULL &&
       !read_string (member, type_path, &mime_type, error)))
    return NULL;
  if ((member = json_object_get_member (object, "data")) == NULL ||
      !read_string (member, data_path, &base64, error) || base64 == NULL)
    {
      if (error != NULL && *error == NULL)
        wrong_type (data_path, _("the image in Base64"), error);
      return NULL;
    }

  decoded = g_base64_decode (base64, &length);
  data = g_bytes_new_take (g_steal_pointer (&decoded), length);
  checked = tr_photo_new_from_bytes (data, data_path, error);
  if (checked == NULL)
    return NULL;
  if (mime_type != NULL && g_strcmp0 (mime_type, tr_photo_get_mime_type (checked)) != 0)
    {
      g_autofree char *quoted = quote (mime_type);

      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” says “%s”, but the image is %s"), type_path, quoted,
                   tr_photo_get_mime_type (checked));
      return NULL;
    }
  return tr_photo_new_full (id != NULL ? id : tr_photo_get_id (checked), data,
                            tr_photo_get_mime_type (checked), tr_photo_get_width (checked),
                            tr_photo_get_height (checked), caption);
}

static gboolean
read_photos (TrReport    *report,
             JsonNode    *node,
             GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *photos = tr_report_get_photos (report);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type ("photos", _("an array"), error);
  array = json_node_get_array (node);
  /* Before decoding any. */
  if (!check_count (json_array_get_length (array), "photos", TR_REPORT_MAX_PHOTOS, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(TrPhoto) photo = read_photo (json_array_get_element (array, i), i, error);

      if (photo == NULL)
        return FALSE;
      /* The ID is what the store keeps photos apart by. */
      if (!g_hash_table_add (ids, (gpointer) tr_photo_get_id (photo)))
        {
          g_autofree char *quoted = quote (tr_photo_get_id (photo));

          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("Photo ID “%s” appears twice in “photos”"), quoted);
          return FALSE;
        }
      g_list_store_append (photos, photo);
    }
  return TRUE;
}

static GDateTime *
read_date_time (JsonObject  *root,
                const char  *key,
                gboolean    *ok,
                GError     **error)
{
  JsonNode *node = json_object_get_member (root, key);
  const char *text;
  GDateTime *date_time;

  *ok = TRUE;
  if (node == NULL || !read_string (node, key, &text, error) || text == NULL)
    {
      *ok = (error == NULL || *error == NULL);
      return NULL;
    }

  date_time = g_date_time_new_from_iso8601 (text, NULL);
  if (date_time == NULL)
    {
      g_autofree char *quoted = quote (text);

      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is not a valid date and time in “%s” (expected ISO 8601)"), quoted, key);
      *ok = FALSE;
    }
  return date_time;
}

/* One warning as the kept form has it: a string (as kept), or an object
 * as show --json words it, {"code", "args", "message"}, whose code and
 * arguments are kept and whose message, in the language of whoever printed
 * it, is not; an object without a code is a sentence of an older version. */
static char *
read_warning (JsonNode    *node,
              const char  *path,
              GError     **error)
{
  g_autofree char *message_path = g_strdup_printf ("%s.message", path);
  g_autofree char *code_path = g_strdup_printf ("%s.code", path);
  g_autofree char *args_path = g_strdup_printf ("%s.args", path);
  g_autofree char *code = NULL, *message = NULL;
  g_auto(GStrv) args = NULL;
  JsonObject *object;
  JsonNode *member;
  char *warning;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      char *text = NULL;

      return read_text (node, path, TR_REPORT_MAX_TEXT_LENGTH, &text, error) ? text : NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (path, _("a string or an object"), error);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_keys (object, path, warning_keys, NULL, error))
    return NULL;
  if ((member = json_object_get_member (object, "code")) != NULL &&
      !read_text (member, code_path, TR_REPORT_MAX_TEXT_LENGTH, &code, error))
    return NULL;
  if ((member = json_object_get_member (object, "message")) != NULL &&
      !read_text (member, message_path, TR_REPORT_MAX_TEXT_LENGTH, &message, error))
    return NULL;
  if ((member = json_object_get_member (object, "args")) != NULL &&
      (args = read_string_array (member, args_path, MAX_WARNING_ARGS, TR_REPORT_MAX_TEXT_LENGTH, error)) == NULL)
    return NULL;

  if (code == NULL || *code == '\0')
    {
      if (message == NULL || *message == '\0')
        {
          /* TRANSLATORS: %s is a JSON path such as warnings[2] */
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("“%s” has neither a code nor a message"), path);
          return NULL;
        }
      return g_steal_pointer (&message);
    }
  warning = tr_warning_new_named (code, (const char * const *) args);
  if (warning == NULL)
    {
      g_autofree char *quoted = quote (code);

      /* TRANSLATORS: first %s is the code as given, second a JSON path such as warnings[2].code */
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” in “%s” is not a warning code (lower-case letters, digits and dashes)"), quoted,
                   code_path);
    }
  return warning;
}

static gboolean
read_warnings (TrReport    *report,
               JsonNode    *node,
               GError     **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type ("warnings", _("an array"), error);
  array = json_node_get_array (node);
  if (!check_count (json_array_get_length (array), "warnings", TR_REPORT_MAX_WARNINGS, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("warnings[%u]", i);
      char *warning = read_warning (json_array_get_element (array, i), path, error);

      if (warning == NULL)
        return FALSE;
      g_ptr_array_add (warnings, warning);
    }
  g_ptr_array_add (warnings, NULL);
  tr_report_set_warnings (report, (const char * const *) warnings->pdata);
  return TRUE;
}

TrReport *
tr_report_new_from_json_node (JsonNode  *node,
                              GError   **error)
{
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *id = NULL;
  TrReportKind kind = TR_REPORT_KIND_DRAFT;
  JsonObject *root;
  JsonNode *member;
  const char *text;
  gboolean ok;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("A report must be a JSON object"));
      return NULL;
    }
  root = json_node_get_object (node);
  if (!check_keys (root, "", root_keys, NULL, error))
    return NULL;

  if ((member = json_object_get_member (root, "id")) != NULL)
    {
      if (!read_string (member, "id", &text, error))
        return NULL;
      if (text != NULL && !g_uuid_string_is_valid (text))
        {
          g_autofree char *quoted = quote (text);

          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("“%s” is not a valid report ID (expected a UUID)"), quoted);
          return NULL;
        }
      id = g_strdup (text);
    }

  if ((member = json_object_get_member (root, "kind")) != NULL)
    {
      if (!read_string (member, "kind", &text, error))
        return NULL;
      if (text != NULL && !tr_report_kind_from_string (text, &kind))
        {
          g_autofree char *quoted = quote (text);

          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("“%s” is not a kind of report (expected “draft” or “imported”)"), quoted);
          return NULL;
        }
    }

  created = read_date_time (root, "created", &ok, error);
  if (!ok)
    return NULL;
  modified = read_date_time (root, "modified", &ok, error);
  if (!ok)
    return NULL;

  if (id == NULL)
    id = g_uuid_string_random ();
  report = tr_report_new_full (id, kind, created, modified);

  if ((member = json_object_get_member (root, "fields")) != NULL &&
      !read_fields (report, member, error))
    return NULL;

  if ((member = json_object_get_member (root, "sections")) != NULL &&
      !read_sections (report, member, error))
    return NULL;

  {
    static const TrField top_level[] = { TR_FIELD_SUMMARY, TR_FIELD_APPENDIX, TR_FIELD_UNCLASSIFIED };

    for (guint i = 0; i < G_N_ELEMENTS (top_level); i++)
      {
        const char *key = tr_field_get_key (top_level[i]);

        if ((member = json_object_get_member (root, key)) == NULL)
          continue;
        if (tr_field_holds_tables (top_level[i]) ? !read_body (report, top_level[i], member, key, error)
                                                 : !read_text_field (report, top_level[i], member, key, error))
          return NULL;
      }
  }

  if ((member = json_object_get_member (root, "photos")) != NULL &&
      !read_photos (report, member, error))
    return NULL;

  if ((member = json_object_get_member (root, "warnings")) != NULL &&
      !read_warnings (report, member, error))
    return NULL;

  if ((member = json_object_get_member (root, "source")) != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      JsonObject *source;
      g_autofree char *filename = NULL, *sha256 = NULL;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          wrong_type ("source", _("an object"), error);
          return NULL;
        }
      source = json_node_get_object (member);
      if (!check_keys (source, "source", source_keys, NULL, error))
        return NULL;
      if ((value = json_object_get_member (source, "filename")) != NULL &&
          !read_text (value, "source.filename", TR_REPORT_MAX_FIELD_LENGTH, &filename, error))
        return NULL;
      if ((value = json_object_get_member (source, "sha256")) != NULL &&
          !read_text (value, "source.sha256", TR_REPORT_MAX_FIELD_LENGTH, &sha256, error))
        return NULL;
      tr_report_set_source_info (report, filename, sha256);
    }

  return g_steal_pointer (&report);
}

TrReport *
tr_report_new_from_json (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size;

  g_return_val_if_fail (data != NULL, NULL);

  size = length >= 0 ? (gsize) length : strlen (data);
  if (size > TR_REPORT_JSON_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (TR_REPORT_JSON_MAX_SIZE);

      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("The JSON input is larger than %s, the most a report can take"), limit);
      return NULL;
    }
  /* Strictly first: json-glib forgives much, loses some of it, and
   * recursion on deep nesting crashes it. */
  if (!tr_json_check (data, size, &json_limits, error))
    return NULL;
#if JSON_CHECK_VERSION (1, 10, 0)
  /* The check leaves it nothing to forgive; should they ever disagree,
   * strict is the side to err on. */
  json_parser_set_strict (parser, TRUE);
#endif

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("The JSON input is empty"));
      return NULL;
    }
  return tr_report_new_from_json_node (json_parser_get_root (parser), error);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *key,
                  const char * const *strings)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *key,
                    const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date_time (JsonBuilder *builder,
               const char  *key,
               GDateTime   *date_time)
{
  g_autofree char *text = g_date_time_format_iso8601 (date_time);

  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

static void
add_photos (JsonBuilder *builder,
            TrReport    *report)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));

  json_builder_set_member_name (builder, "photos");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      gsize size;
      gconstpointer data = g_bytes_get_data (tr_photo_get_data (photo), &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, tr_photo_get_id (photo));
      json_builder_set_member_name (builder, "caption");
      json_builder_add_string_value (builder, tr_photo_get_caption (photo));
      json_builder_set_member_name (builder, "mime_type");
      json_builder_add_string_value (builder, tr_photo_get_mime_type (photo));
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, tr_photo_get_width (photo));
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, tr_photo_get_height (photo));
      json_builder_set_member_name (builder, "data");
      json_builder_add_string_value (builder, base64);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
tr_body_to_json_node (TrBody *body)
{
  g_autoptr(JsonBuilder) builder = NULL;
  guint n_tables;

  g_return_val_if_fail (TR_IS_BODY (body), NULL);

  n_tables = tr_body_get_n_tables (body);
  if (n_tables == 0)
    return json_node_init_string (json_node_alloc (), tr_body_get_plain_text (body));

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i <= n_tables; i++)
    {
      const char *run = tr_body_get_text_run (body, i);
      TrTable *table;

      /* An empty run is there by position only; reading puts it back. */
      if (run[0] != '\0')
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, "text");
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, run);
          json_builder_end_object (builder);
        }
      if (i == n_tables)
        break;

      table = tr_body_get_table (body, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "table");
      json_builder_set_member_name (builder, "header");
      json_builder_add_boolean_value (builder, tr_table_get_has_header (table));
      json_builder_set_member_name (builder, "caption");
      json_builder_add_string_value (builder, tr_table_get_caption (table));
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint r = 0; r < tr_table_get_n_rows (table); r++)
        {
          json_builder_begin_array (builder);
          for (guint c = 0; c < tr_table_get_n_columns (table); c++)
            json_builder_add_string_value (builder, tr_table_get_cell (table, r, c));
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
add_body (JsonBuilder *builder,
          const char  *key,
          TrReport    *report,
          TrField      field)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_value (builder, tr_body_to_json_node (tr_report_get_body (report, field)));
}

/* Each warning as {"code", "args", "message"}, the message worded in the
 * language of the user interface; a sentence kept by an older version as
 * {"message"} alone. */
static void
add_worded_warnings (JsonBuilder        *builder,
                     const char * const *warnings)
{
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      g_autofree char *name = NULL, *message = tr_warning_format (warnings[i]);
      g_auto(GStrv) args = NULL;

      json_builder_begin_object (builder);
      if (tr_warning_get_code (warnings[i], &name, &args))
        {
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, name);
          add_string_array (builder, "args", (const char * const *) args);
        }
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
tr_report_to_json_node (TrReport *report)
{
  return tr_report_to_json_node_full (report, TR_REPORT_JSON_DEFAULT);
}

JsonNode *
tr_report_to_json_node_full (TrReport          *report,
                             TrReportJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *travellers;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, tr_report_get_id (report));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, tr_report_kind_to_string (tr_report_get_kind (report)));
  add_date_time (builder, "created", tr_report_get_created (report));
  add_date_time (builder, "modified", tr_report_get_modified (report));

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      if (!tr_field_is_form_field (f))
        continue;
      json_builder_set_member_name (builder, tr_field_get_key (f));
      json_builder_add_string_value (builder, tr_report_get_text (report, f));
    }
  json_builder_set_member_name (builder, "travellers");
  json_builder_begin_array (builder);
  travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      json_builder_begin_object (builder);
      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        {
          json_builder_set_member_name (builder, tr_traveller_field_get_key (f));
          json_builder_add_string_value (builder, tr_traveller_get (traveller, f));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string_array (builder, "keywords", tr_report_get_keywords (report));
  json_builder_set_member_name (builder, "has_attachments");
  json_builder_add_boolean_value (builder, tr_report_get_has_attachments (report));
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, tr_report_get_pages (report));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, tr_report_get_text (report, TR_FIELD_SUMMARY));

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    add_body (builder, tr_section_get_key (s), report, TR_FIELD_FROM_SECTION (s));
  json_builder_end_object (builder);

  add_body (builder, "appendix", report, TR_FIELD_APPENDIX);
  add_photos (builder, report);
  json_builder_set_member_name (builder, "unclassified");
  json_builder_add_string_value (builder, tr_report_get_text (report, TR_FIELD_UNCLASSIFIED));
  if (flags & TR_REPORT_JSON_WORDED_WARNINGS)
    add_worded_warnings (builder, tr_report_get_warnings (report));
  else
    add_string_array (builder, "warnings", tr_report_get_warnings (report));

  /* Either alone is written too: what was read must read back. */
  if (tr_report_get_source_filename (report) != NULL || tr_report_get_source_sha256 (report) != NULL)
    {
      json_builder_set_member_name (builder, "source");
      json_builder_begin_object (builder);
      add_string_or_null (builder, "filename", tr_report_get_source_filename (report));
      add_string_or_null (builder, "sha256", tr_report_get_source_sha256 (report));
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
tr_report_to_json (TrReport *report,
                   gboolean  pretty)
{
  return tr_report_to_json_full (report, pretty, TR_REPORT_JSON_DEFAULT);
}

char *
tr_report_to_json_full (TrReport          *report,
                        gboolean           pretty,
                        TrReportJsonFlags  flags)
{
  g_autoptr(JsonNode) node = tr_report_to_json_node_full (report, flags);

  return json_to_string (node, pretty);
}
