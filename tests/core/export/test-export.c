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

/* Converts with LibreOffice; the path of the PDF. Its profile lives in the
 * test folder, away from $HOME. */
char *
convert_to_pdf (const char *odt_path)
{
  g_autofree char *out_dir = g_strconcat (odt_path, ".pdf.d", NULL);

  return tr_test_convert_with_libreoffice (lo_profile_dir, odt_path, "pdf", out_dir);
}

/* XML -------------------------------------------------------------------- */

/* The value of the one node @expression selects. */
const char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  g_auto(GStrv) values = tr_test_xpath_strings (doc, expression);

  if (g_strv_length (values) != 1)
    g_error ("%s selects %u nodes, not one", expression, g_strv_length (values));
  g_ptr_array_add (strings, g_strdup (values[0]));
  return g_ptr_array_index (strings, strings->len - 1);
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
