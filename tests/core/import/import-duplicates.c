/* import-duplicates.c: trip-reports import of a report the library has from
 * another file: an encrypted copy, another layout of the same text
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sys/wait.h>

#include "test-import.h"

static char *
run_import (const char * const *argv,
            int                *out_status,
            char              **out_err)
{
  g_autoptr(GPtrArray) full_argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (full_argv, (gpointer) g_getenv ("TR_BINARY"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full_argv, (gpointer) argv[i]);
  g_ptr_array_add (full_argv, NULL);
  g_spawn_sync (test_dir, (char **) full_argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, out_err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  *out_status = WEXITSTATUS (status);
  return out;
}

#define import_cli(status, err, ...) \
  run_import ((const char * const []) { __VA_ARGS__, NULL }, (status), (err))

static guint
count_reports (const char *db)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;
  guint n = 0;

  out = import_cli (&status, &err, "list", "--db", db);
  g_assert_cmpint (status, ==, 0);
  for (const char *p = out; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* The same report, printed once plainly and once with a running header
 * and page numbers of another style, then encrypted: three files, three
 * sets of bytes, one report. The library takes the first and names it
 * for the others, unless --force. */
static void
test_cli_same_text (void)
{
  g_autoptr(TrReport) report = make_report (4711, 1, FALSE);
  TrPdfReportLayout plain = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "- %u -" };
  TrPdfReportLayout furnished = { .headings = TR_PDF_HEADINGS_NUMBERED, .footer = "第 %u 頁",
                                  .running_header = "交通部觀光署出國報告" };
  g_autofree char *first = make_pdf (report, &plain, "same-first.pdf");
  g_autofree char *other_layout = make_pdf (report, &furnished, "same-other-layout.pdf");
  g_autofree char *encrypted = encrypt_pdf (first, "same-encrypted.pdf");
  g_autofree char *unrelated = make_small_pdf ("same-unrelated.pdf", 4712);
  g_autofree char *db = test_path ("cli-same-text.db");
  g_autofree char *id = NULL;
  int status = 0;

  g_unlink (db);
  {
    g_autofree char *err = NULL;
    g_autofree char *out = import_cli (&status, &err, "import", "--db", db, first);

    g_assert_cmpint (status, ==, 0);
    id = g_strndup (out, strcspn (out, "\t"));
    g_assert_true (g_uuid_string_is_valid (id));
  }

  /* Another layout of the same text: refused, naming the report. */
  {
    g_autofree char *err = NULL;
    g_autofree char *out = import_cli (&status, &err, "import", "--db", db, other_layout);
    g_autofree char *words = g_strdup_printf ("the same report as ID %s", id);

    g_assert_cmpint (status, ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "same-other-layout.pdf"));
    g_assert_nonnull (strstr (err, words));
    g_assert_nonnull (strstr (err, "--force"));
    /* One line: the file, then why. */
    g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  }
  g_assert_cmpuint (count_reports (db), ==, 1);

  /* The encrypted copy too, once it can be read. */
  if (encrypted != NULL)
    {
      g_autofree char *err = NULL;
      g_autofree char *out = import_cli (&status, &err, "import", "--db", db,
                                         "--password", ENCRYPT_PASSWORD, encrypted);
      g_autofree char *words = g_strdup_printf ("the same report as ID %s", id);

      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, words));
    }
  g_assert_cmpuint (count_reports (db), ==, 1);

  /* Another report goes in, beside a refused one in the same batch. */
  {
    g_autofree char *err = NULL;
    g_autofree char *out = import_cli (&status, &err, "import", "--db", db, other_layout, unrelated);

    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (out, "same-unrelated.pdf"));
    g_assert_null (strstr (out, "same-other-layout.pdf"));
  }
  g_assert_cmpuint (count_reports (db), ==, 2);

  /* Asked for: added all the same. */
  {
    g_autofree char *err = NULL;
    g_autofree char *out = import_cli (&status, &err, "import", "--db", db, "--force", other_layout);

    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "same-other-layout.pdf"));
    g_assert_null (strstr (out, id));
  }
  g_assert_cmpuint (count_reports (db), ==, 3);

  /* The same file stays refused: --force is for the same text. */
  {
    g_autofree char *err = NULL;
    g_autofree char *out = import_cli (&status, &err, "import", "--db", db, "--force", first);
    g_autofree char *words = g_strdup_printf ("already in the library as ID %s", id);

    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, words));
  }
  g_assert_cmpuint (count_reports (db), ==, 3);
}

#define CONTENT_ROOT "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
#define CONTENT_END "</office:text></office:body></office:document-content>"

/* A word processor's file of a report (not one of ours): @comma is how it
 * writes the report's commas. */
static char *
make_office_file (const char *name,
                  const char *comma)
{
  g_autofree char *xml_path = test_path ("content.xml");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "lib", "office-files.py", NULL);
  g_autofree char *xml = NULL;
  char *path = test_path (name);
  const char *argv[] = { "python3", script, "content", path, xml_path, NULL };

  xml = g_strdup_printf (CONTENT_ROOT
                         "<text:h text:outline-level=\"1\">壹、目的</text:h>"
                         "<text:p>出席鹿特丹國際港埠協會年會%s瞭解智慧港口與綠色航運之發展。</text:p>"
                         "<text:h text:outline-level=\"1\">貳、過程</text:h>"
                         "<text:p>五月一日抵達鹿特丹%s參訪港務局自動化碼頭。</text:p>"
                         "<text:h text:outline-level=\"1\">參、心得</text:h>"
                         "<text:p>港口數位化需要長期投資與公私合作。</text:p>"
                         "<text:h text:outline-level=\"1\">肆、建議</text:h>"
                         "<text:p>研議建置港區資料平台。</text:p>"
                         CONTENT_END,
                         comma, comma);
  g_assert_true (g_file_set_contents (xml_path, xml, -1, NULL));
  run_tool (argv);
  return path;
}

/* The same for word processor files: another file of a report the library
 * has is refused by its text. */
static void
test_cli_same_text_office (void)
{
  g_autofree char *first = make_office_file ("same-first.odt", "，");
  g_autofree char *resaved = make_office_file ("same-resaved.odt", ", ");
  g_autofree char *db = test_path ("cli-same-text-office.db");
  g_autofree char *id = NULL;
  int status = 0;

  g_unlink (db);
  {
    g_autofree char *err = NULL;
    g_autofree char *out = import_cli (&status, &err, "import", "--db", db, first);

    g_assert_cmpint (status, ==, 0);
    id = g_strndup (out, strcspn (out, "\t"));
    g_assert_true (g_uuid_string_is_valid (id));
  }
  {
    g_autofree char *err = NULL;
    g_autofree char *out = import_cli (&status, &err, "import", "--db", db, resaved);
    g_autofree char *words = g_strdup_printf ("the same report as ID %s", id);

    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, words));
  }
  g_assert_cmpuint (count_reports (db), ==, 1);
}

void
add_duplicate_tests (void)
{
  g_test_add_func ("/import/cli/same-text", test_cli_same_text);
  g_test_add_func ("/import/cli/same-text-office", test_cli_same_text_office);
}
