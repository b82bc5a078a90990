/* tr-office-document.c: an office file's text, comments and identity
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "tr-error.h"
#include "tr-office-private.h"

static void
block_free (gpointer data)
{
  TrOfficeBlock *block = data;

  g_free (block->text);
  g_free (block->picture);
  g_free (block);
}

static void
annotation_free (gpointer data)
{
  TrOfficeAnnotation *annotation = data;

  g_free (annotation->author);
  g_free (annotation->date);
  g_free (annotation->text);
  g_free (annotation);
}

TrOfficeBlock *
tr_office_document_add_block (TrOfficeDocument  *document,
                              TrOfficeBlockKind  kind,
                              guint              level,
                              char              *text)
{
  TrOfficeBlock *block = g_new0 (TrOfficeBlock, 1);

  block->kind = kind;
  block->level = level;
  block->text = text != NULL ? text : g_strdup ("");
  g_ptr_array_add (document->blocks, block);
  return block;
}

void
tr_office_document_add_picture (TrOfficeDocument *document,
                                TrOfficeZip      *zip,
                                const char       *part)
{
  TrOfficeBlock *block;

  if (!g_hash_table_contains (document->pictures, part))
    {
      g_autoptr(GBytes) data = tr_office_zip_read (zip, part, NULL);

      /* A picture missing from the package is a picture the reader of
       * the file did not see either: the text still comes in. */
      if (data == NULL)
        return;
      g_hash_table_insert (document->pictures, g_strdup (part), g_steal_pointer (&data));
    }
  block = tr_office_document_add_block (document, TR_OFFICE_BLOCK_PICTURE, 0, NULL);
  block->picture = g_strdup (part);
}

static TrOfficeDocument *
document_new (TrOfficeFormat format)
{
  TrOfficeDocument *document = g_new0 (TrOfficeDocument, 1);

  document->format = format;
  document->blocks = g_ptr_array_new_with_free_func (block_free);
  document->annotations = g_ptr_array_new_with_free_func (annotation_free);
  document->pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_bytes_unref);
  document->revision = -1;
  return document;
}

void
tr_office_document_free (TrOfficeDocument *document)
{
  if (document == NULL)
    return;
  g_ptr_array_unref (document->blocks);
  g_ptr_array_unref (document->annotations);
  g_hash_table_unref (document->pictures);
  g_free (document->report_id);
  g_clear_pointer (&document->report_json, g_bytes_unref);
  g_clear_pointer (&document->review_json, g_bytes_unref);
  g_free (document);
}

TrOfficeDocument *
tr_office_document_read (GBytes  *data,
                         GError **error)
{
  g_autoptr(TrOfficeZip) zip = NULL;
  g_autoptr(TrOfficeDocument) document = NULL;
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);

  zip = tr_office_zip_open (data, error);
  if (zip == NULL)
    return NULL;

  if (tr_office_zip_has_entry (zip, "word/document.xml"))
    {
      document = document_new (TR_OFFICE_FORMAT_DOCX);
      ok = tr_docx_read (zip, document, error);
    }
  else if (tr_office_zip_has_entry (zip, "mimetype") || tr_office_zip_has_entry (zip, "META-INF/manifest.xml"))
    {
      g_autoptr(GBytes) mimetype = tr_office_zip_read (zip, "mimetype", NULL);
      g_autofree char *type = NULL;

      if (mimetype != NULL)
        type = g_strndup (g_bytes_get_data (mimetype, NULL), g_bytes_get_size (mimetype));
      if (type != NULL && !g_str_has_prefix (type, "application/vnd.oasis.opendocument.text"))
        {
          g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                               _("Not a text document: the package is another kind of OpenDocument file"));
          return NULL;
        }
      document = document_new (TR_OFFICE_FORMAT_ODT);
      ok = tr_odt_read (zip, document, error);
    }
  else
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("Not an ODT or DOCX document: the package has neither content.xml nor word/document.xml"));
      return NULL;
    }
  if (!ok)
    return NULL;

  /* Our own parts, when they survived: a JSON form that does not parse is
   * refused later, with the rest of the checks. */
  if (tr_office_zip_has_entry (zip, TR_OFFICE_REPORT_PART) &&
      (document->report_json = tr_office_zip_read (zip, TR_OFFICE_REPORT_PART, error)) == NULL)
    return NULL;
  if (tr_office_zip_has_entry (zip, TR_OFFICE_REVIEW_PART) &&
      (document->review_json = tr_office_zip_read (zip, TR_OFFICE_REVIEW_PART, error)) == NULL)
    return NULL;
  return g_steal_pointer (&document);
}

static GRegex *
caption_number (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^表\\s*[0-9]+\\s*[：:]\\s*", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

gboolean
tr_office_is_table_caption (const char *paragraph)
{
  g_return_val_if_fail (paragraph != NULL, FALSE);
  return g_regex_match (caption_number (), paragraph, 0, NULL);
}

char *
tr_office_table_caption_text (const char *paragraph)
{
  g_return_val_if_fail (paragraph != NULL, NULL);
  return g_regex_replace_literal (caption_number (), paragraph, -1, 0, "", 0, NULL);
}
