/* tr-odt-reader.c: the text, comments and identity of an ODT file
 *
 * content.xml in reading order: headings (text:h, by outline level),
 * paragraphs, lists, sections, tables row by row, pictures (draw:frame)
 * with the caption paragraphs of their text box, and office:annotation,
 * LibreOffice's comments, over the passage up to its office:annotation-end.
 * meta.xml: our report's ID and revision among the user-defined properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tr-error.h"
#include "tr-office-private.h"
#include "tr-office-xml.h"

typedef struct {
  TrOfficeDocument *document;
  TrOfficeZip      *zip;
  /* Annotations whose passage is still open, by office:name. */
  GHashTable       *open_annotations;
} Reader;

static void read_blocks (Reader  *reader,
                         xmlNode *parent);

static char *
read_annotation_text (xmlNode *annotation)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (xmlNode *child = annotation->children; child != NULL; child = child->next)
    if (tr_office_xml_is (child, TR_NS_TEXT, "p") || tr_office_xml_is (child, TR_NS_TEXT, "h"))
      {
        g_autofree char *line = tr_office_xml_get_text (child);

        if (text->len > 0)
          g_string_append_c (text, '\n');
        g_string_append (text, line);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
start_annotation (Reader  *reader,
                  xmlNode *node,
                  guint    block,
                  guint    offset)
{
  TrOfficeAnnotation *annotation = g_new0 (TrOfficeAnnotation, 1);
  g_autofree char *name = tr_office_xml_get_attr (node, TR_NS_OFFICE, "name");
  g_autofree char *resolved = tr_office_xml_get_attr (node, TR_NS_LOEXT, "resolved");

  annotation->block = block;
  annotation->resolved = g_strcmp0 (resolved, "true") == 0;
  annotation->start = annotation->end = offset;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (tr_office_xml_is (child, TR_NS_DC, "creator"))
      annotation->author = tr_office_xml_get_text (child);
    else if (tr_office_xml_is (child, TR_NS_DC, "date"))
      annotation->date = tr_office_xml_get_text (child);
  annotation->text = read_annotation_text (node);
  g_ptr_array_add (reader->document->annotations, annotation);
  if (name != NULL)
    g_hash_table_replace (reader->open_annotations, g_steal_pointer (&name), annotation);
}

/* The index the paragraph being read will have. */
static guint
next_block_index (Reader *reader)
{
  return reader->document->blocks->len;
}

static void
read_frame (Reader  *reader,
            xmlNode *frame)
{
  for (xmlNode *child = frame->children; child != NULL; child = child->next)
    if (tr_office_xml_is (child, TR_NS_DRAW, "image"))
      {
        g_autofree char *href = tr_office_xml_get_attr (child, TR_NS_XLINK, "href");

        if (href != NULL && !g_str_has_prefix (href, "http") && strstr (href, "..") == NULL)
          tr_office_document_add_picture (reader->document, reader->zip,
                                          g_str_has_prefix (href, "./") ? href + 2 : href);
      }
    else if (tr_office_xml_is (child, TR_NS_DRAW, "text-box"))
      /* A captioned picture: its caption paragraph lives in the box. */
      read_blocks (reader, child);
}

/* The text of a paragraph's inline content; frames inside it are read as
 * blocks of their own, after it. */
static void
read_inline (Reader    *reader,
             xmlNode   *parent,
             GString   *text,
             guint      block,
             GPtrArray *frames)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE)
        g_string_append (text, (const char *) node->content);
      else if (node->type != XML_ELEMENT_NODE)
        continue;
      else if (tr_office_xml_is (node, TR_NS_TEXT, "s"))
        {
          g_autofree char *count = tr_office_xml_get_attr (node, TR_NS_TEXT, "c");
          guint n = count != NULL ? (guint) CLAMP (strtol (count, NULL, 10), 1, 1000) : 1;

          for (guint i = 0; i < n; i++)
            g_string_append_c (text, ' ');
        }
      else if (tr_office_xml_is (node, TR_NS_TEXT, "tab"))
        g_string_append_c (text, '\t');
      else if (tr_office_xml_is (node, TR_NS_TEXT, "line-break"))
        g_string_append_c (text, '\n');
      else if (tr_office_xml_is (node, TR_NS_OFFICE, "annotation"))
        start_annotation (reader, node, block, g_utf8_strlen (text->str, text->len));
      else if (tr_office_xml_is (node, TR_NS_OFFICE, "annotation-end"))
        {
          g_autofree char *name = tr_office_xml_get_attr (node, TR_NS_OFFICE, "name");
          TrOfficeAnnotation *annotation = name != NULL ? g_hash_table_lookup (reader->open_annotations, name) : NULL;

          /* A passage over several paragraphs ends, here, with its first. */
          if (annotation != NULL && annotation->block == block)
            annotation->end = g_utf8_strlen (text->str, text->len);
          if (name != NULL)
            g_hash_table_remove (reader->open_annotations, name);
        }
      else if (tr_office_xml_is (node, TR_NS_DRAW, "frame"))
        g_ptr_array_add (frames, node);
      else if (tr_office_xml_is (node, TR_NS_TEXT, "note") ||
               tr_office_xml_is (node, TR_NS_TEXT, "bookmark-ref") ||
               tr_office_xml_is (node, TR_NS_TEXT, "soft-page-break"))
        continue;
      else
        /* text:span, text:a, fields: their text is the paragraph's. */
        read_inline (reader, node, text, block, frames);
    }
}

static void
read_paragraph (Reader            *reader,
                xmlNode           *node,
                TrOfficeBlockKind  kind,
                guint              level)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) frames = g_ptr_array_new ();
  guint index = next_block_index (reader);

  /* Reserve the place first: frames read meanwhile come after it. */
  tr_office_document_add_block (reader->document, kind, level, NULL);
  read_inline (reader, node, text, index, frames);
  g_free (((TrOfficeBlock *) reader->document->blocks->pdata[index])->text);
  ((TrOfficeBlock *) reader->document->blocks->pdata[index])->text = g_string_free (g_steal_pointer (&text), FALSE);
  for (guint i = 0; i < frames->len; i++)
    read_frame (reader, frames->pdata[i]);
}

static void
read_table_row (Reader  *reader,
                xmlNode *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint index = next_block_index (reader);
  gboolean first = TRUE;

  tr_office_document_add_block (reader->document, TR_OFFICE_BLOCK_TABLE_ROW, 0, NULL);
  for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
    {
      if (!tr_office_xml_is (cell, TR_NS_TABLE, "table-cell"))
        continue;  /* covered cells add nothing */
      if (!first)
        g_string_append_c (text, '\t');
      first = FALSE;
      for (xmlNode *paragraph = cell->children; paragraph != NULL; paragraph = paragraph->next)
        if (tr_office_xml_is (paragraph, TR_NS_TEXT, "p") || tr_office_xml_is (paragraph, TR_NS_TEXT, "h"))
          {
            g_autoptr(GPtrArray) frames = g_ptr_array_new ();

            if (paragraph != cell->children)
              g_string_append_c (text, ' ');
            read_inline (reader, paragraph, text, index, frames);
            for (guint i = 0; i < frames->len; i++)
              read_frame (reader, frames->pdata[i]);
          }
    }
  g_free (((TrOfficeBlock *) reader->document->blocks->pdata[index])->text);
  ((TrOfficeBlock *) reader->document->blocks->pdata[index])->text = g_string_free (g_steal_pointer (&text), FALSE);
}

static void
read_table (Reader  *reader,
            xmlNode *table)
{
  for (xmlNode *node = table->children; node != NULL; node = node->next)
    if (tr_office_xml_is (node, TR_NS_TABLE, "table-row"))
      read_table_row (reader, node);
    else if (tr_office_xml_is (node, TR_NS_TABLE, "table-header-rows") ||
             tr_office_xml_is (node, TR_NS_TABLE, "table-rows") ||
             tr_office_xml_is (node, TR_NS_TABLE, "table-row-group"))
      read_table (reader, node);
}

static void
read_blocks (Reader  *reader,
             xmlNode *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (tr_office_xml_is (node, TR_NS_TEXT, "h"))
        {
          g_autofree char *level = tr_office_xml_get_attr (node, TR_NS_TEXT, "outline-level");

          read_paragraph (reader, node, TR_OFFICE_BLOCK_HEADING,
                          level != NULL ? (guint) CLAMP (strtol (level, NULL, 10), 1, 10) : 1);
        }
      else if (tr_office_xml_is (node, TR_NS_TEXT, "p"))
        read_paragraph (reader, node, TR_OFFICE_BLOCK_PARAGRAPH, 0);
      else if (tr_office_xml_is (node, TR_NS_TABLE, "table"))
        {
          guint first = reader->document->blocks->len;

          read_table (reader, node);
          /* Where the table starts, for two tables one after the other. */
          for (guint i = first; i < reader->document->blocks->len; i++)
            if (((TrOfficeBlock *) reader->document->blocks->pdata[i])->kind == TR_OFFICE_BLOCK_TABLE_ROW)
              {
                ((TrOfficeBlock *) reader->document->blocks->pdata[i])->level = 1;
                break;
              }
        }
      else if (tr_office_xml_is (node, TR_NS_TEXT, "list") ||
               tr_office_xml_is (node, TR_NS_TEXT, "list-item") ||
               tr_office_xml_is (node, TR_NS_TEXT, "list-header") ||
               tr_office_xml_is (node, TR_NS_TEXT, "section") ||
               tr_office_xml_is (node, TR_NS_TEXT, "table-of-content") ||
               tr_office_xml_is (node, TR_NS_TEXT, "index-body"))
        read_blocks (reader, node);
    }
}

static void
read_meta (TrOfficeDocument *document,
           xmlNode          *root)
{
  for (xmlNode *meta = root->children; meta != NULL; meta = meta->next)
    {
      if (!tr_office_xml_is (meta, TR_NS_OFFICE, "meta"))
        continue;
      for (xmlNode *node = meta->children; node != NULL; node = node->next)
        {
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;

          if (!tr_office_xml_is (node, TR_NS_META, "user-defined"))
            continue;
          name = tr_office_xml_get_attr (node, TR_NS_META, "name");
          value = g_strstrip (tr_office_xml_get_text (node));
          if (g_strcmp0 (name, TR_OFFICE_ID_PROPERTY) == 0 && g_uuid_string_is_valid (value))
            { g_free (document->report_id); document->report_id = g_strdup (value); }
          else if (g_strcmp0 (name, TR_OFFICE_REV_PROPERTY) == 0)
            document->revision = g_ascii_strtoll (value, NULL, 10);
        }
    }
}

gboolean
tr_odt_read (TrOfficeZip      *zip,
             TrOfficeDocument *document,
             GError          **error)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) open_annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { document, zip, open_annotations };
  xmlNode *root;

  if (!tr_office_zip_has_entry (zip, "content.xml"))
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("Not a readable ODT document: the package has no content.xml"));
      return FALSE;
    }
  content = tr_office_zip_read (zip, "content.xml", error);
  if (content == NULL || (doc = tr_office_xml_parse (content, "content.xml", error)) == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!tr_office_xml_is (root, TR_NS_OFFICE, "document-content"))
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("Not a readable ODT document: content.xml holds no document content"));
      return FALSE;
    }
  for (xmlNode *body = root->children; body != NULL; body = body->next)
    if (tr_office_xml_is (body, TR_NS_OFFICE, "body"))
      for (xmlNode *text = body->children; text != NULL; text = text->next)
        if (tr_office_xml_is (text, TR_NS_OFFICE, "text"))
          read_blocks (&reader, text);

  if (tr_office_zip_has_entry (zip, "meta.xml"))
    {
      g_autoptr(GBytes) meta = tr_office_zip_read (zip, "meta.xml", error);
      g_autoptr(xmlDoc) meta_doc = NULL;

      if (meta == NULL || (meta_doc = tr_office_xml_parse (meta, "meta.xml", error)) == NULL)
        return FALSE;
      read_meta (document, xmlDocGetRootElement (meta_doc));
    }
  return TRUE;
}
