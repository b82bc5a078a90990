/* tr-test-pdf.c: reading PDFs with poppler's tools, for the export tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-test-pdf.h"

/* Runs @argv, failing the test with its output when it does not succeed. */
char *
tr_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_error = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  char *standard_output = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &standard_output, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("“%s” failed:\n%s%s", command, standard_output, standard_error);
  return standard_output;
}

/* The text of each page, as pdftotext -layout lays it out. */
GStrv
tr_test_pdf_pages (const char *pdf_path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf_path, "-", NULL };
  g_autofree char *text = tr_test_run_tool (argv);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* The text ends with a form feed: no page after it. */
  if (n > 0 && pages[n - 1][0] == '\0')
    g_clear_pointer (&pages[n - 1], g_free);
  return pages;
}

guint
tr_test_pdf_page_count (const char *pdf_path)
{
  const char *argv[] = { "pdfinfo", pdf_path, NULL };
  g_autofree char *info = tr_test_run_tool (argv);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

gboolean
tr_test_is_page_number_line (const char *line)
{
  g_autofree char *copy = g_strstrip (g_strdup (line));

  if (copy[0] == '\0')
    return FALSE;
  for (const char *p = copy; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* @text without white space, the line breaks and justification of the
 * layout; with @drop_page_numbers, without the footer lines too. */
char *
tr_test_squeeze (const char *text,
                 gboolean    drop_page_numbers)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (drop_page_numbers && tr_test_is_page_number_line (lines[i]))
        continue;
      for (const char *p = lines[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (out, g_utf8_get_char (p));
    }
  return g_string_free (out, FALSE);
}

/* The page footer: the last non-empty line of the page. */
char *
tr_test_page_footer (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  for (int i = (int) g_strv_length (lines) - 1; i >= 0; i--)
    if (g_strstrip (lines[i])[0] != '\0')
      return g_strdup (lines[i]);
  return g_strdup ("");
}

/* The 1-based page where a line reads exactly @heading, or 0. */
guint
tr_test_find_heading_page (GStrv       pages,
                           const char *heading)
{
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_equal (g_strstrip (lines[i]), heading))
          return p + 1;
    }
  return 0;
}

/* The page number the table of contents gives @heading, or 0. */
guint
tr_test_find_toc_page (GStrv       pages,
                       const char *heading)
{
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = g_strstrip (lines[i]);
          const char *end = line + strlen (line);
          const char *digits = end;

          if (!g_str_has_prefix (line, heading) || !strstr (line, ".."))
            continue;
          while (digits > line && g_ascii_isdigit (digits[-1]))
            digits--;
          if (digits < end)
            return (guint) g_ascii_strtoull (digits, NULL, 10);
        }
    }
  return 0;
}

/* Every heading in order in the body, with every line of its section
 * between it and the next one, and the table of contents giving the page
 * each heading is really on. */
void
tr_test_assert_body_in_pdf (GStrv        pages,
                            const char  *headings[],
                            const char  *texts[],
                            guint        n)
{
  g_autofree char *joined = g_strjoinv ("\n", pages);
  g_autofree char *all = tr_test_squeeze (joined, TRUE);
  const char *toc = strstr (all, "目次");
  const char *cursor, *next;

  g_assert_nonnull (toc);
  /* The table of contents, in order. */
  cursor = toc;
  for (guint i = 0; i < n; i++)
    {
      cursor = strstr (cursor, headings[i]);
      g_assert_nonnull (cursor);
    }

  for (guint i = 0; i < n; i++)
    {
      guint page = tr_test_find_heading_page (pages, headings[i]);
      g_autofree char *footer = NULL;
      g_auto(GStrv) lines = g_strsplit (texts[i], "\n", -1);

      g_assert_cmpuint (page, >, 0);
      footer = tr_test_page_footer (pages[page - 1]);
      g_assert_cmpuint (tr_test_find_toc_page (pages, headings[i]), ==, page);
      g_assert_cmpuint (g_ascii_strtoull (footer, NULL, 10), ==, page);

      cursor = strstr (cursor, headings[i]);
      g_assert_nonnull (cursor);
      cursor += strlen (headings[i]);
      next = i + 1 < n ? strstr (cursor, headings[i + 1]) : NULL;
      g_assert_true (i + 1 == n || next != NULL);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *line = tr_test_squeeze (lines[l], FALSE);
          const char *found;

          if (line[0] == '\0')
            continue;
          found = strstr (cursor, line);
          if (found == NULL || (next != NULL && found >= next))
            g_error ("“%s” is missing from the PDF between %s and the next heading",
                     lines[l], headings[i]);
          cursor = found + strlen (line);
        }
    }
}

gboolean
tr_test_is_traditional_chinese_face (const char *family)
{
  static const char * const faces[] = {
    "標楷體", "DFKai-SB", "TW-Kai", "AR PL UKai TW", "Noto Serif CJK TC", NULL,
  };

  return g_strv_contains (faces, family);
}

/* Every font of the PDF at @pdf_path is embedded and Traditional Chinese:
 * pdffonts names them by their PostScript names (TW-Kai-98_1,
 * NotoSerifCJKtc-Regular, …) after a subset tag. */
void
tr_test_assert_traditional_chinese_fonts (const char *pdf_path)
{
  const char *argv[] = { "pdffonts", pdf_path, NULL };
  g_autofree char *output = tr_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n_fonts = 0;

  /* Two lines of header, then one per font: name, type, encoding, emb … */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      const char *name;

      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit_set (lines[i], " ", -1);
      name = strchr (columns[0], '+') != NULL ? strchr (columns[0], '+') + 1 : columns[0];
      n_fonts++;
      if (!g_str_has_prefix (name, "TW-Kai") && !g_str_has_prefix (name, "DFKai") &&
          !g_str_has_prefix (name, "AR-PL-UKai-TW") && !g_str_has_prefix (name, "ARPLUKaiTW") &&
          !g_str_has_prefix (name, "NotoSerifCJKtc") && !g_str_has_prefix (name, "NotoSansCJKtc"))
        g_error ("%s uses %s, not a Traditional Chinese face:\n%s", pdf_path, columns[0], output);
      if (strstr (lines[i], " yes ") == NULL)
        g_error ("%s does not embed %s:\n%s", pdf_path, columns[0], output);
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

guint
tr_test_count_char (const char *text,
                    gunichar    c)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_utf8_get_char (p) == c;
  return n;
}
