/* tr-office-xml.c: libxml2 with every door that a hostile file could use closed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "tr-error.h"
#include "tr-office-xml.h"

typedef struct {
  gboolean has_dtd;
  char    *message;  /* the first error */
} ParseState;

static void
on_doctype (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxt *context = user_data;
  ParseState *state = context->_private;

  state->has_dtd = TRUE;
  xmlStopParser (context);
}

static void
on_error (void        *user_data,
          const xmlError *error)
{
  xmlParserCtxt *context = user_data;
  ParseState *state = context->_private;

  if (state->message == NULL && error->level >= XML_ERR_ERROR && error->message != NULL)
    state->message = g_strstrip (g_strdelimit (g_strdup (error->message), "\r\n", ' '));
}

/* libxml2 refuses a text node over XML_MAX_TEXT_LENGTH only as it joins
 * the chunks of one; a part read from memory can bring it in one piece.
 * The depth is libxml2's to bound (256 without XML_PARSE_HUGE). */
static gboolean
has_huge_text (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if ((node->type == XML_TEXT_NODE && node->content != NULL &&
         strlen ((const char *) node->content) > XML_MAX_TEXT_LENGTH) ||
        (node->type == XML_ELEMENT_NODE && has_huge_text (node->children)))
      return TRUE;
  return FALSE;
}

xmlDoc *
tr_office_xml_parse (GBytes      *data,
                     const char  *part_name,
                     GError     **error)
{
  ParseState state = { 0 };
  xmlParserCtxt *context;
  xmlDoc *doc;
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  if (size > G_MAXINT)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("“%s” is too large"), part_name);
      return NULL;
    }
  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_FAILED, _("Out of memory reading “%s”"), part_name);
      return NULL;
    }
  context->_private = &state;
  context->sax->internalSubset = on_doctype;
  context->sax->externalSubset = on_doctype;
  context->sax->serror = (xmlStructuredErrorFunc) on_error;
  context->sax->initialized = XML_SAX2_MAGIC;
  /* Not XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE. */
  doc = xmlCtxtReadMemory (context, bytes, (int) size, part_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (state.has_dtd)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is refused: it declares a DTD, which office documents never do"), part_name);
    }
  /* libxml2 stops at some limits (a text node over 10 MB) with an error
   * but a well-formed, truncated document: any error refuses the part. */
  else if (doc == NULL || !context->wellFormed || context->errNo != XML_ERR_OK || state.message != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("“%s” is not valid XML: %s"), part_name,
                   state.message != NULL ? state.message : _("unknown error"));
    }
  else if (has_huge_text (xmlDocGetRootElement (doc)))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                   _("“%s” is not valid XML: %s"), part_name, _("a text over 10 MB"));
    }
  else if (xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("“%s” is empty"), part_name);
    }
  g_free (state.message);
  context->_private = NULL;
  xmlFreeParserCtxt (context);
  return doc;
}

gboolean
tr_office_xml_is (xmlNode    *node,
                  const char *ns,
                  const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, ns) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

char *
tr_office_xml_get_attr (xmlNode    *node,
                        const char *ns,
                        const char *name)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

char *
tr_office_xml_get_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}
