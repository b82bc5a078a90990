/* test-warning.c: warnings kept as codes, worded in the reader's language
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "tr-warning.h"

static void
assert_formats_to (const char *warning,
                   const char *expected)
{
  g_autofree char *text = tr_warning_format (warning);

  g_assert_cmpstr (text, ==, expected);
}

/* The kept form says nothing in any language: it is a code and arguments. */
static void
test_kept_form (void)
{
  g_autofree char *missing = tr_warning_new (TR_WARNING_SECTIONS_MISSING, "purpose", "recommendations", NULL);
  g_autofree char *heading = tr_warning_new (TR_WARNING_COMBINED_NOT_SPLIT, "參、心得\t與\n建議", NULL);
  g_autofree char *none = tr_warning_new (TR_WARNING_NO_TEXT, NULL);

  g_assert_cmpstr (missing, ==, "tr-warning:sections-missing\tpurpose\trecommendations");
  /* An argument cannot split itself into two. */
  g_assert_cmpstr (heading, ==, "tr-warning:combined-not-split\t參、心得 與 建議");
  g_assert_cmpstr (none, ==, "tr-warning:no-text");
}

static void
test_english (void)
{
  g_autofree char *missing = tr_warning_new (TR_WARNING_SECTIONS_MISSING, "purpose", "recommendations", NULL);
  g_autofree char *one_line = tr_warning_new (TR_WARNING_FURNITURE_LEFT_OUT, "1", NULL);
  g_autofree char *lines = tr_warning_new (TR_WARNING_FURNITURE_LEFT_OUT, "12", NULL);
  g_autofree char *pages = tr_warning_new (TR_WARNING_SCANNED_PAGES, "3", "7", NULL);
  g_autofree char *page = tr_warning_new (TR_WARNING_SCANNED_PAGES, "3", NULL);
  g_autofree char *tables = tr_warning_new (TR_WARNING_FIELD_TABLES_UNREADABLE, "process", NULL);

  assert_formats_to (missing, "No heading was found for these sections: Purpose, Recommendations");
  assert_formats_to (one_line, "1 running header, footer or page-number line was left out");
  assert_formats_to (lines, "12 running header, footer or page-number lines were left out");
  assert_formats_to (pages, "Pages 3, 7 are only pictures (scans?): their text could not be read");
  assert_formats_to (page, "Page 3 is only a picture (a scan?): its text could not be read");
  assert_formats_to (tables, "The tables of “Process” could not be read from the library; their text is kept without them");

  /* Text an older version kept is shown as it was. */
  assert_formats_to ("找不到以下章節的標題：建議", "找不到以下章節的標題：建議");
  assert_formats_to ("", "");
  /* A newer version's code, or a damaged one: said so, no crash. */
  assert_formats_to ("tr-warning:something-new\t1", "A warning of a newer version of Trip Reports, which this version cannot show");
  assert_formats_to ("tr-warning:", "A warning of a newer version of Trip Reports, which this version cannot show");
  {
    /* A count that is no number reads as none. */
    g_autofree char *text = tr_warning_format ("tr-warning:furniture-left-out\tmany");

    g_assert_nonnull (strstr (text, "0 running header"));
  }
}

/* The same kept warning, read by someone whose desktop is in Chinese. */
static void
test_chinese (void)
{
  g_autofree char *missing = tr_warning_new (TR_WARNING_SECTIONS_MISSING, "purpose", "recommendations", NULL);
  g_autofree char *no_structure = tr_warning_new (TR_WARNING_NO_STRUCTURE, NULL);
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, "zh_TW.UTF-8") == NULL)
    {
      g_test_skip ("the zh_TW.UTF-8 locale is not installed");
      return;
    }
  assert_formats_to (missing, "找不到以下章節的標題：目的、建議");
  text = tr_warning_format (no_structure);
  g_assert_null (strstr (text, "structure"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("TR_LOCALEDIR");

  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/warning/kept-form", test_kept_form);
  g_test_add_func ("/warning/english", test_english);
  g_test_add_func ("/warning/chinese", test_chinese);
  return g_test_run ();
}
