/* tr-odt-xml.c: writing ODF XML parts with libxml2's xmlTextWriter
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-odt-private.h"

static const struct {
  TrOdtNamespaces flag;
  const char *attribute;
  const char *uri;
} namespaces[] = {
  { TR_ODT_NS_OFFICE, "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { TR_ODT_NS_STYLE,  "xmlns:style",  "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { TR_ODT_NS_TEXT,   "xmlns:text",   "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { TR_ODT_NS_TABLE,  "xmlns:table",  "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
  { TR_ODT_NS_FO,     "xmlns:fo",     "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { TR_ODT_NS_SVG,    "xmlns:svg",    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
  { TR_ODT_NS_XLINK,  "xmlns:xlink",  "http://www.w3.org/1999/xlink" },
  { TR_ODT_NS_DC,     "xmlns:dc",     "http://purl.org/dc/elements/1.1/" },
  { TR_ODT_NS_META,   "xmlns:meta",   "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
  { TR_ODT_NS_DRAW,   "xmlns:draw",   "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
};

/* XML 1.0 § 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
 * | [#x10000-#x10FFFF]. Valid UTF-8 never encodes surrogates. */
static inline gboolean
is_xml_char (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

char *
tr_odt_clean_text (const char *text)
{
  const char *end = text + strlen (text);
  const char *p = text;
  GString *clean;

  /* Almost every text is clean: find out without allocating. */
  while (p < end)
    {
      gunichar c;

      if ((guchar) *p >= 0x20 && (guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2 || !is_xml_char (c))
        break;
      p = g_utf8_next_char (p);
    }
  if (p == end)
    return NULL;

  clean = g_string_sized_new (end - text);
  g_string_append_len (clean, text, p - text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;  /* a stray byte: drop it and resynchronise */
          continue;
        }
      if (is_xml_char (c))
        g_string_append_len (clean, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (clean, FALSE);
}

void
tr_odt_xml_init (TrOdtXml *xml)
{
  xml->buffer = xmlBufferCreate ();
  xml->writer = xml->buffer != NULL ? xmlNewTextWriterMemory (xml->buffer, 0) : NULL;
  xml->failed = xml->writer == NULL ||
                xmlTextWriterStartDocument (xml->writer, NULL, "UTF-8", NULL) < 0;
}

void
tr_odt_xml_clear (TrOdtXml *xml)
{
  g_clear_pointer (&xml->writer, xmlFreeTextWriter);
  g_clear_pointer (&xml->buffer, xmlBufferFree);
}

GBytes *
tr_odt_xml_finish (TrOdtXml    *xml,
                   const char  *part_name,
                   GError     **error)
{
  GBytes *bytes = NULL;

  if (!xml->failed && xmlTextWriterEndDocument (xml->writer) < 0)
    xml->failed = TRUE;
  /* Flushes the writer's pending output into the buffer. */
  g_clear_pointer (&xml->writer, xmlFreeTextWriter);

  if (xml->failed)
    /* TRANSLATORS: %s is the name of a part of the file, “content.xml” */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the document part %s"),
                 part_name);
  else
    bytes = g_bytes_new (xmlBufferContent (xml->buffer), xmlBufferLength (xml->buffer));

  tr_odt_xml_clear (xml);
  return bytes;
}

void
tr_odt_xml_start_root (TrOdtXml        *xml,
                       const char      *name,
                       TrOdtNamespaces  wanted)
{
  tr_odt_xml_start (xml, name);
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    if (wanted & namespaces[i].flag)
      tr_odt_xml_attr (xml, namespaces[i].attribute, namespaces[i].uri);
  tr_odt_xml_attr (xml, "office:version", TR_ODT_VERSION);
}

void
tr_odt_xml_start (TrOdtXml   *xml,
                  const char *name)
{
  if (!xml->failed && xmlTextWriterStartElement (xml->writer, BAD_CAST name) < 0)
    xml->failed = TRUE;
}

void
tr_odt_xml_end (TrOdtXml *xml)
{
  if (!xml->failed && xmlTextWriterEndElement (xml->writer) < 0)
    xml->failed = TRUE;
}

void
tr_odt_xml_attr (TrOdtXml   *xml,
                 const char *name,
                 const char *value)
{
  g_autofree char *clean = NULL;

  if (xml->failed)
    return;
  clean = tr_odt_clean_text (value);
  if (xmlTextWriterWriteAttribute (xml->writer, BAD_CAST name,
                                   BAD_CAST (clean != NULL ? clean : value)) < 0)
    xml->failed = TRUE;
}

void
tr_odt_xml_attr_printf (TrOdtXml   *xml,
                        const char *name,
                        const char *format,
                        ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  tr_odt_xml_attr (xml, name, value);
}

void
tr_odt_xml_empty (TrOdtXml   *xml,
                  const char *name,
                  ...)
{
  const char *attribute;
  va_list args;

  tr_odt_xml_start (xml, name);
  va_start (args, name);
  while ((attribute = va_arg (args, const char *)) != NULL)
    tr_odt_xml_attr (xml, attribute, va_arg (args, const char *));
  va_end (args);
  tr_odt_xml_end (xml);
}

void
tr_odt_xml_start_cell (TrOdtXml   *xml,
                       const char *style,
                       guint       columns,
                       guint       rows)
{
  tr_odt_xml_start (xml, "table:table-cell");
  tr_odt_xml_attr (xml, "table:style-name", style);
  if (columns > 1)
    tr_odt_xml_attr_printf (xml, "table:number-columns-spanned", "%u", columns);
  if (rows > 1)
    tr_odt_xml_attr_printf (xml, "table:number-rows-spanned", "%u", rows);
  tr_odt_xml_attr (xml, "office:value-type", "string");
}

void
tr_odt_xml_end_cell (TrOdtXml *xml,
                     guint     columns)
{
  tr_odt_xml_end (xml);
  for (guint i = 1; i < columns; i++)
    tr_odt_xml_empty (xml, "table:covered-table-cell", NULL);
}

static void
write_raw_string (TrOdtXml   *xml,
                  const char *text,
                  gsize       length)
{
  g_autofree char *copy = NULL;

  if (xml->failed || length == 0)
    return;
  copy = g_strndup (text, length);
  if (xmlTextWriterWriteString (xml->writer, BAD_CAST copy) < 0)
    xml->failed = TRUE;
}

void
tr_odt_xml_string (TrOdtXml   *xml,
                   const char *text)
{
  g_autofree char *clean = tr_odt_clean_text (text);

  if (clean != NULL)
    text = clean;
  write_raw_string (xml, text, strlen (text));
}

static void
write_spaces (TrOdtXml *xml,
              guint     count)
{
  g_autofree char *count_text = g_strdup_printf ("%u", count);

  tr_odt_xml_empty (xml, "text:s", "text:c", count_text, NULL);
}

void
tr_odt_xml_odf_text (TrOdtXml   *xml,
                     const char *text)
{
  g_autofree char *clean = tr_odt_clean_text (text);
  const char *p, *run_start;
  /* A single space survives only after other characters of the same run
   * of text: at the start and after a tab or break, ODF drops it. */
  gboolean after_text = FALSE;

  if (clean != NULL)
    text = clean;

  p = run_start = text;
  while (*p != '\0')
    {
      guint spaces = 0;

      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        {
          p++;
          after_text = TRUE;
          continue;
        }

      write_raw_string (xml, run_start, p - run_start);
      switch (*p)
        {
        case ' ':
          while (p[spaces] == ' ')
            spaces++;
          if (after_text)
            {
              write_raw_string (xml, " ", 1);
              if (spaces > 1)
                write_spaces (xml, spaces - 1);
            }
          else
            write_spaces (xml, spaces);
          p += spaces;
          break;
        case '\t':
          tr_odt_xml_empty (xml, "text:tab", NULL);
          p++;
          break;
        default:
          /* CR LF and a lone CR are one break, like LF. */
          if (p[0] == '\r' && p[1] == '\n')
            p++;
          tr_odt_xml_empty (xml, "text:line-break", NULL);
          p++;
          break;
        }
      after_text = FALSE;
      run_start = p;
    }
  write_raw_string (xml, run_start, p - run_start);
}
