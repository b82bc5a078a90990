/* test-export.c: the ODT export, checked with the tools a reviewer would use
 *
 * Every export here is a real file in a fresh temporary folder. Its zip
 * layout is read byte by byte; its XML parts are validated by xmllint
 * against the ODF 1.3 schemas in tests/lib/odf-schema; LibreOffice
 * (headless) converts it to PDF and pdftotext shows what a reader sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-export.h"

/* The folder every test writes in, and LibreOffice's profile, made once. */
char *test_dir;
char *lo_profile_dir;
/* Strings the assertions read, freed at the end (for the leak checker). */
GPtrArray *strings;

/* Fixtures -------------------------------------------------------------- */

char *
test_path (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

/* A new folder of its own for one test. */
char *
make_folder (const char *name)
{
  char *path = test_path (name);

  g_assert_no_errno (g_mkdir_with_parents (path, 0755));
  return path;
}

char *
export_report (TrReport   *report,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = test_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tr_odt_export_to_file (report, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* Running tools ------------------------------------------------------------ */

char *
find_schema (const char *name)
{
  /* OASIS's schemas, kept in tests/lib/odf-schema (see its README). */
  char *path = g_test_build_filename (G_TEST_DIST, "lib", "odf-schema", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("The ODF schema %s is missing", path);
  return path;
}

GBytes *
read_entry (const char *odt_path,
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
char *
extract_entry (const char *odt_path,
               const char *name)
{
  g_autoptr(GBytes) data = read_entry (odt_path, name);
  g_autofree char *flat_name = g_strdelimit (g_strdup (name), "/", '-');
  g_autofree char *prefix = g_strconcat (odt_path, ".", flat_name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (prefix, g_bytes_get_data (data, NULL), g_bytes_get_size (data), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&prefix);
}

void
assert_valid_package (const char *odt_path)
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

/* Converts with LibreOffice; the path of the PDF. Its profile lives in the
 * test folder, away from $HOME. */
char *
convert_to_pdf (const char *odt_path)
{
  g_autofree char *out_dir = g_strconcat (odt_path, ".pdf.d", NULL);

  return tr_test_convert_with_libreoffice (lo_profile_dir, odt_path, "pdf", out_dir);
}

/* XML -------------------------------------------------------------------- */

xmlDocPtr
parse_entry (const char *odt_path,
             const char *name)
{
  g_autoptr(GBytes) data = read_entry (odt_path, name);
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                 name, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/* The string values of the nodes @expression selects. */
GStrv
xpath_strings (xmlDocPtr   doc,
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
  g_assert_nonnull (result);
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

/* The value of the one node @expression selects. */
const char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  g_auto(GStrv) values = xpath_strings (doc, expression);

  if (g_strv_length (values) != 1)
    g_error ("%s selects %u nodes, not one", expression, g_strv_length (values));
  g_ptr_array_add (strings, g_strdup (values[0]));
  return g_ptr_array_index (strings, strings->len - 1);
}

guint
xpath_count (xmlDocPtr   doc,
             const char *expression)
{
  g_auto(GStrv) values = xpath_strings (doc, expression);

  return g_strv_length (values);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Messages in UTF-8 under LC_ALL=C.UTF-8, not "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  strings = g_ptr_array_new_with_free_func (g_free);

  /* The children of the file tests are given their target. */
  if (!g_test_subprocess ())
    {
      test_dir = g_dir_make_tmp ("tr-test-export-XXXXXX", &error);
      g_assert_no_error (error);
      /* Under root, the read-only test's unprivileged child must reach it. */
      g_assert_no_errno (chmod (test_dir, 0755));
      lo_profile_dir = g_build_filename (test_dir, "libreoffice-profile", NULL);
    }

  add_document_tests ();
  add_pdf_tests ();
  add_file_tests ();

  status = g_test_run ();

  if (!g_test_subprocess ())
    {
      const char *argv_rm[] = { "rm", "-rf", test_dir, NULL };

      /* Keep the files of a failed run to look at. */
      if (status == 0)
        g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
      else
        g_printerr ("# the files are in %s\n", test_dir);
    }
  g_ptr_array_unref (strings);
  g_free (lo_profile_dir);
  g_free (test_dir);
  return status;
}
