/* tr-test-odt.c: reading ODT packages, for the export tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>
#include <zip.h>

#include "tr-test-odt.h"
#include "tr-test-pdf.h"

GBytes *
tr_test_odt_read_entry (const char *odt_path,
                        const char *name)
{
  int zip_status = 0;
  zip_t *archive = zip_open (odt_path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
  zip_file_t *entry;
  zip_stat_t stat;
  guint8 *data;

  g_assert_nonnull (archive);
  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  entry = zip_fopen (archive, name, 0);
  g_assert_nonnull (entry);
  data = g_malloc (stat.size + 1);
  g_assert_cmpint (zip_fread (entry, data, stat.size), ==, (zip_int64_t) stat.size);
  data[stat.size] = '\0';
  zip_fclose (entry);
  zip_discard (archive);
  return g_bytes_new_take (data, stat.size);
}

/* Writes the part @name of @odt_path beside it, for the tools. */
static char *
extract_entry (const char *odt_path,
               const char *name)
{
  g_autoptr(GBytes) data = tr_test_odt_read_entry (odt_path, name);
  g_autofree char *flat_name = g_strdelimit (g_strdup (name), "/", '-');
  char *path = g_strconcat (odt_path, ".", flat_name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error);
  g_assert_no_error (error);
  return path;
}

static char *
find_schema (const char *name)
{
  /* OASIS's schemas, kept in tests/lib/odf-schema (see its README). */
  char *path = g_test_build_filename (G_TEST_DIST, "lib", "odf-schema", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("The ODF schema %s is missing", path);
  return path;
}

void
tr_test_odt_assert_valid (const char *odt_path)
{
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml", NULL };
  g_autofree char *schema = find_schema ("OpenDocument-v1.3-schema.rng");
  g_autofree char *manifest_schema = find_schema ("OpenDocument-v1.3-manifest-schema.rng");
  g_autofree char *manifest = extract_entry (odt_path, "META-INF/manifest.xml");

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = extract_entry (odt_path, parts[i]);
      const char *argv[] = { "xmllint", "--noout", "--relaxng", schema, part, NULL };

      g_free (tr_test_run_tool (argv));
    }
  {
    const char *argv[] = { "xmllint", "--noout", "--relaxng", manifest_schema, manifest, NULL };

    g_free (tr_test_run_tool (argv));
  }
}

xmlDocPtr
tr_test_odt_parse_entry (const char *odt_path,
                         const char *name)
{
  g_autoptr(GBytes) data = tr_test_odt_read_entry (odt_path, name);
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                 name, "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE);

  g_assert_nonnull (doc);
  return doc;
}

GStrv
tr_test_xpath_strings (xmlDocPtr   doc,
                       const char *expression)
{
  static const char * const namespaces[][2] = {
    { "office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
    { "style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
    { "text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
    { "table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0" },
    { "fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
    { "svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
    { "xlink", "http://www.w3.org/1999/xlink" },
    { "dc", "http://purl.org/dc/elements/1.1/" },
    { "meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
    { "manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" },
    { "draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" },
  };
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    xmlXPathRegisterNs (context, BAD_CAST namespaces[i][0], BAD_CAST namespaces[i][1]);
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  if (result == NULL)
    g_error ("The XPath expression %s is not valid", expression);
  if (result->nodesetval != NULL)
    for (int i = 0; i < result->nodesetval->nodeNr; i++)
      {
        xmlChar *value = xmlXPathCastNodeToString (result->nodesetval->nodeTab[i]);

        g_strv_builder_add (builder, (const char *) value);
        xmlFree (value);
      }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return g_strv_builder_end (builder);
}

guint
tr_test_xpath_count (xmlDocPtr   doc,
                     const char *expression)
{
  g_auto(GStrv) values = tr_test_xpath_strings (doc, expression);

  return g_strv_length (values);
}

char *
tr_test_odt_convert_to_pdf (const char *odt_path,
                            const char *profile_dir)
{
  g_autofree char *out_dir = g_strconcat (odt_path, ".pdf.d", NULL);
  g_autofree char *profile = g_strconcat ("-env:UserInstallation=file://", profile_dir, NULL);
  g_autofree char *base = g_path_get_basename (odt_path);
  g_autofree char *soffice_path = g_find_program_in_path ("soffice");
  const char *argv[] = { soffice_path != NULL ? "soffice" : "libreoffice", profile, "--headless",
                         "--norestore", "--convert-to", "pdf", "--outdir", out_dir, odt_path, NULL };
  g_autofree char *pdf_name = NULL;
  char *pdf;

  g_assert_true (g_str_has_suffix (base, ".odt"));
  g_assert_no_errno (g_mkdir_with_parents (out_dir, 0755));
  g_free (tr_test_run_tool (argv));

  base[strlen (base) - strlen (".odt")] = '\0';
  pdf_name = g_strconcat (base, ".pdf", NULL);
  pdf = g_build_filename (out_dir, pdf_name, NULL);
  if (!g_file_test (pdf, G_FILE_TEST_IS_REGULAR))
    g_error ("LibreOffice made no PDF of %s", odt_path);
  return pdf;
}
