/* tr-docx-reader.c: the text, comments and identity of a DOCX file
 *
 * word/document.xml in reading order: a paragraph is a heading when its
 * style is one (Word's "heading N", or a style or paragraph with an
 * outline level, as word/styles.xml says), tables row by row, comments
 * (w:comment in word/comments.xml) over their w:commentRangeStart … End.
 * docProps/custom.xml: our report's ID and revision, which LibreOffice
 * writes there from an ODT's user-defined properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tr-error.h"
#include "tr-office-private.h"
#include "tr-office-xml.h"

#define TR_NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define TR_NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define TR_NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"

typedef struct {
  TrOfficeDocument *document;
  TrOfficeZip      *zip;
  GHashTable       *style_levels;  /* styleId → outline level from 1, as GUINT_TO_POINTER */
  GHashTable       *comments;      /* w:id → TrOfficeAnnotation, from comments.xml */
  GHashTable       *relationships; /* r:id → part name, from document.xml.rels */
  GPtrArray        *pictures;      /* the part names of the paragraph being read */
} Reader;

/* The parts document.xml refers to by relationship ID: its pictures. */
static void
read_relationships (Reader *reader)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  if (!tr_office_zip_has_entry (reader->zip, "word/_rels/document.xml.rels") ||
      (data = tr_office_zip_read (reader->zip, "word/_rels/document.xml.rels", NULL)) == NULL ||
      (doc = tr_office_xml_parse (data, "word/_rels/document.xml.rels", NULL)) == NULL)
    return;
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      xmlChar *id, *target, *mode;

      if (!tr_office_xml_is (node, TR_NS_REL, "Relationship"))
        continue;
      id = xmlGetProp (node, (const xmlChar *) "Id");
      target = xmlGetProp (node, (const xmlChar *) "Target");
      mode = xmlGetProp (node, (const xmlChar *) "TargetMode");
      /* Only parts of the package, never a link out of it. */
      if (id != NULL && target != NULL && mode == NULL &&
          strstr ((const char *) target, "..") == NULL && strstr ((const char *) target, ":") == NULL)
        g_hash_table_insert (reader->relationships, g_strdup ((const char *) id),
                             target[0] == '/' ? g_strdup ((const char *) target + 1)
                                              : g_strconcat ("word/", (const char *) target, NULL));
      xmlFree (id);
      xmlFree (target);
      xmlFree (mode);
    }
}

/* The pictures of a w:drawing: their a:blip's r:embed. */
static void
find_pictures (Reader  *reader,
               xmlNode *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (tr_office_xml_is (node, TR_NS_A, "blip"))
        {
          g_autofree char *id = tr_office_xml_get_attr (node, TR_NS_R, "embed");
          const char *part = id != NULL ? g_hash_table_lookup (reader->relationships, id) : NULL;

          if (part != NULL)
            g_ptr_array_add (reader->pictures, g_strdup (part));
        }
      else
        find_pictures (reader, node);
    }
}

static guint
parse_level (xmlNode *node)
{
  g_autofree char *value = tr_office_xml_get_attr (node, TR_NS_W, "val");
  long level = value != NULL ? strtol (value, NULL, 10) : 9;

  /* Word's levels count from 0; 9 is body text. */
  return level >= 0 && level < 9 ? (guint) level + 1 : 0;
}

static void
read_styles (Reader      *reader,
             TrOfficeZip *zip,
             GError     **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  if (!tr_office_zip_has_entry (zip, "word/styles.xml") ||
      (data = tr_office_zip_read (zip, "word/styles.xml", NULL)) == NULL ||
      (doc = tr_office_xml_parse (data, "word/styles.xml", NULL)) == NULL)
    return;  /* then only "HeadingN" style IDs and outline levels tell */
  for (xmlNode *style = xmlDocGetRootElement (doc)->children; style != NULL; style = style->next)
    {
      g_autofree char *id = NULL;
      guint level = 0;

      if (!tr_office_xml_is (style, TR_NS_W, "style"))
        continue;
      id = tr_office_xml_get_attr (style, TR_NS_W, "styleId");
      for (xmlNode *child = style->children; child != NULL; child = child->next)
        if (tr_office_xml_is (child, TR_NS_W, "name"))
          {
            g_autofree char *name = tr_office_xml_get_attr (child, TR_NS_W, "val");
            g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

            if (lower != NULL && g_str_has_prefix (lower, "heading ") &&
                lower[8] >= '1' && lower[8] <= '9' && lower[9] == '\0')
              level = lower[8] - '0';
          }
        else if (tr_office_xml_is (child, TR_NS_W, "pPr"))
          for (xmlNode *property = child->children; property != NULL; property = property->next)
            if (tr_office_xml_is (property, TR_NS_W, "outlineLvl") && level == 0)
              level = parse_level (property);
      if (id != NULL && level > 0)
        g_hash_table_insert (reader->style_levels, g_steal_pointer (&id), GUINT_TO_POINTER (level));
    }
}

static void
read_comments (Reader      *reader,
               TrOfficeZip *zip,
               GError     **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  if (!tr_office_zip_has_entry (zip, "word/comments.xml") ||
      (data = tr_office_zip_read (zip, "word/comments.xml", NULL)) == NULL ||
      (doc = tr_office_xml_parse (data, "word/comments.xml", NULL)) == NULL)
    return;
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      TrOfficeAnnotation *annotation;
      g_autoptr(GString) text = g_string_new (NULL);

      if (!tr_office_xml_is (node, TR_NS_W, "comment"))
        continue;
      annotation = g_new0 (TrOfficeAnnotation, 1);
      annotation->block = G_MAXUINT;  /* until its range is found */
      annotation->author = tr_office_xml_get_attr (node, TR_NS_W, "author");
      annotation->date = tr_office_xml_get_attr (node, TR_NS_W, "date");
      for (xmlNode *paragraph = node->children; paragraph != NULL; paragraph = paragraph->next)
        if (tr_office_xml_is (paragraph, TR_NS_W, "p"))
          {
            g_autofree char *line = tr_office_xml_get_text (paragraph);

            if (text->len > 0)
              g_string_append_c (text, '\n');
            g_string_append (text, line);
          }
      annotation->text = g_string_free (g_steal_pointer (&text), FALSE);
      g_hash_table_insert (reader->comments, tr_office_xml_get_attr (node, TR_NS_W, "id"), annotation);
    }
}

static void
read_runs (Reader  *reader,
           xmlNode *parent,
           GString *text,
           guint    block)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || node->ns == NULL ||
          g_strcmp0 ((const char *) node->ns->href, TR_NS_W) != 0)
        continue;
      if (tr_office_xml_is (node, TR_NS_W, "t"))
        {
          g_autofree char *run = tr_office_xml_get_text (node);

          g_string_append (text, run);
        }
      else if (tr_office_xml_is (node, TR_NS_W, "tab"))
        g_string_append_c (text, '\t');
      else if (tr_office_xml_is (node, TR_NS_W, "drawing"))
        find_pictures (reader, node);
      else if (tr_office_xml_is (node, TR_NS_W, "br") || tr_office_xml_is (node, TR_NS_W, "cr"))
        g_string_append_c (text, '\n');
      else if (tr_office_xml_is (node, TR_NS_W, "commentRangeStart") ||
               tr_office_xml_is (node, TR_NS_W, "commentRangeEnd") ||
               tr_office_xml_is (node, TR_NS_W, "commentReference"))
        {
          g_autofree char *id = tr_office_xml_get_attr (node, TR_NS_W, "id");
          TrOfficeAnnotation *annotation = id != NULL ? g_hash_table_lookup (reader->comments, id) : NULL;
          guint offset = g_utf8_strlen (text->str, text->len);

          if (annotation == NULL)
            continue;
          if (tr_office_xml_is (node, TR_NS_W, "commentRangeStart") || annotation->block == G_MAXUINT)
            {
              annotation->block = block;
              annotation->start = annotation->end = offset;
            }
          else if (tr_office_xml_is (node, TR_NS_W, "commentRangeEnd") && annotation->block == block)
            annotation->end = offset;
        }
      else if (tr_office_xml_is (node, TR_NS_W, "delText") || tr_office_xml_is (node, TR_NS_W, "del") ||
               tr_office_xml_is (node, TR_NS_W, "pPr") || tr_office_xml_is (node, TR_NS_W, "rPr") ||
               tr_office_xml_is (node, TR_NS_W, "instrText") || tr_office_xml_is (node, TR_NS_W, "footnoteReference"))
        continue;
      else
        /* w:r, w:hyperlink, w:ins, w:smartTag, w:sdt …: their text is the paragraph's. */
        read_runs (reader, node, text, block);
    }
}

static guint
paragraph_level (Reader  *reader,
                 xmlNode *paragraph)
{
  for (xmlNode *child = paragraph->children; child != NULL; child = child->next)
    {
      if (!tr_office_xml_is (child, TR_NS_W, "pPr"))
        continue;
      for (xmlNode *property = child->children; property != NULL; property = property->next)
        {
          g_autofree char *style = NULL;
          gpointer level;

          if (tr_office_xml_is (property, TR_NS_W, "outlineLvl"))
            return parse_level (property);
          if (!tr_office_xml_is (property, TR_NS_W, "pStyle") ||
              (style = tr_office_xml_get_attr (property, TR_NS_W, "val")) == NULL)
            continue;
          if (g_hash_table_lookup_extended (reader->style_levels, style, NULL, &level))
            return GPOINTER_TO_UINT (level);
          if (g_str_has_prefix (style, "Heading") && style[7] >= '1' && style[7] <= '9' && style[8] == '\0')
            return style[7] - '0';
        }
    }
  return 0;
}

static void
read_paragraph (Reader  *reader,
                xmlNode *paragraph)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint index = reader->document->blocks->len;
  guint level = paragraph_level (reader, paragraph);
  TrOfficeBlock *block = tr_office_document_add_block (reader->document,
                                                       level > 0 ? TR_OFFICE_BLOCK_HEADING : TR_OFFICE_BLOCK_PARAGRAPH,
                                                       level, NULL);

  g_ptr_array_set_size (reader->pictures, 0);
  read_runs (reader, paragraph, text, index);
  g_free (block->text);
  block->text = g_string_free (g_steal_pointer (&text), FALSE);
  /* A picture comes after the text of its paragraph, before its caption. */
  for (guint i = 0; i < reader->pictures->len; i++)
    tr_office_document_add_picture (reader->document, reader->zip, reader->pictures->pdata[i]);
}

static void
read_table (Reader  *reader,
            xmlNode *table)
{
  gboolean first_row = TRUE;

  for (xmlNode *row = table->children; row != NULL; row = row->next)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      TrOfficeBlock *block;
      guint index = reader->document->blocks->len;
      gboolean first = TRUE;

      if (!tr_office_xml_is (row, TR_NS_W, "tr"))
        continue;
      block = tr_office_document_add_block (reader->document, TR_OFFICE_BLOCK_TABLE_ROW, first_row ? 1 : 0, NULL);
      first_row = FALSE;
      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        {
          if (!tr_office_xml_is (cell, TR_NS_W, "tc"))
            continue;
          if (!first)
            g_string_append_c (text, '\t');
          first = FALSE;
          for (xmlNode *paragraph = cell->children; paragraph != NULL; paragraph = paragraph->next)
            if (tr_office_xml_is (paragraph, TR_NS_W, "p"))
              {
                if (paragraph != cell->children && text->len > 0 && text->str[text->len - 1] != '\t')
                  g_string_append_c (text, ' ');
                read_runs (reader, paragraph, text, index);
              }
        }
      g_free (block->text);
      block->text = g_string_free (g_steal_pointer (&text), FALSE);
    }
}

static void
read_body (Reader  *reader,
           xmlNode *parent)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (tr_office_xml_is (node, TR_NS_W, "p"))
      read_paragraph (reader, node);
    else if (tr_office_xml_is (node, TR_NS_W, "tbl"))
      read_table (reader, node);
    else if (tr_office_xml_is (node, TR_NS_W, "sdt") || tr_office_xml_is (node, TR_NS_W, "sdtContent"))
      read_body (reader, node);
}

static void
read_custom_properties (TrOfficeDocument *document,
                        TrOfficeZip      *zip)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  if (!tr_office_zip_has_entry (zip, "docProps/custom.xml") ||
      (data = tr_office_zip_read (zip, "docProps/custom.xml", NULL)) == NULL ||
      (doc = tr_office_xml_parse (data, "docProps/custom.xml", NULL)) == NULL)
    return;
  for (xmlNode *property = xmlDocGetRootElement (doc)->children; property != NULL; property = property->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (!tr_office_xml_is (property, TR_NS_CUSTOM, "property"))
        continue;
      name = xmlHasProp (property, (const xmlChar *) "name") != NULL
             ? (char *) g_strdup ((const char *) xmlHasProp (property, (const xmlChar *) "name")->children->content)
             : NULL;
      value = g_strstrip (tr_office_xml_get_text (property));
      if (g_strcmp0 (name, TR_OFFICE_ID_PROPERTY) == 0 && g_uuid_string_is_valid (value))
        {
          g_free (document->report_id);
          document->report_id = g_strdup (value);
        }
      else if (g_strcmp0 (name, TR_OFFICE_REV_PROPERTY) == 0)
        document->revision = g_ascii_strtoll (value, NULL, 10);
    }
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  const TrOfficeAnnotation *first = *(TrOfficeAnnotation * const *) a;
  const TrOfficeAnnotation *second = *(TrOfficeAnnotation * const *) b;

  if (first->block != second->block)
    return first->block < second->block ? -1 : 1;
  return first->start < second->start ? -1 : first->start > second->start;
}

gboolean
tr_docx_read (TrOfficeZip      *zip,
              TrOfficeDocument *document,
              GError          **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) style_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) comments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) relationships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) pictures = g_ptr_array_new_with_free_func (g_free);
  Reader reader = { document, zip, style_levels, comments, relationships, pictures };
  xmlNode *root;
  GHashTableIter iter;
  gpointer value;

  data = tr_office_zip_read (zip, "word/document.xml", error);
  if (data == NULL || (doc = tr_office_xml_parse (data, "word/document.xml", error)) == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!tr_office_xml_is (root, TR_NS_W, "document"))
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("Not a readable DOCX document: word/document.xml holds no document"));
      return FALSE;
    }
  read_styles (&reader, zip, error);
  read_relationships (&reader);
  read_comments (&reader, zip, error);
  for (xmlNode *body = root->children; body != NULL; body = body->next)
    if (tr_office_xml_is (body, TR_NS_W, "body"))
      read_body (&reader, body);

  /* The comments in the order of their passages; one whose passage was
   * not found is on the start of the document. */
  g_hash_table_iter_init (&iter, comments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TrOfficeAnnotation *annotation = value;

      if (annotation->block == G_MAXUINT)
        annotation->block = 0;
      g_ptr_array_add (document->annotations, annotation);
    }
  g_ptr_array_sort (document->annotations, compare_annotations);
  read_custom_properties (document, zip);
  return TRUE;
}
