/* tr-test-pdf.h: reading PDFs with poppler's tools, for the export tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @argv, failing the test with its output when it does not succeed;
 * returns its standard output. */
char     *tr_test_run_tool       (const char * const *argv);
/* The text of each page, as pdftotext -layout lays it out. */
GStrv     tr_test_pdf_pages      (const char         *pdf_path);
guint     tr_test_pdf_page_count (const char         *pdf_path);
gboolean  tr_test_is_page_number_line (const char    *line);
/* @text without white space, the line breaks and justification of the
 * layout; with @drop_page_numbers, without the footer lines too. */
char     *tr_test_squeeze        (const char         *text,
                                  gboolean            drop_page_numbers);
/* The page footer: the last non-empty line of @page. */
char     *tr_test_page_footer    (const char         *page);
/* The 1-based page where a line reads exactly @heading, or 0. */
guint     tr_test_find_heading_page (GStrv            pages,
                                     const char      *heading);
/* The page number the table of contents gives @heading, or 0. */
guint     tr_test_find_toc_page  (GStrv               pages,
                                  const char         *heading);
/* Every heading in order in the body, with every line of its section
 * between it and the next one, and the table of contents giving the page
 * each heading is really on. */
void      tr_test_assert_body_in_pdf (GStrv           pages,
                                      const char     *headings[],
                                      const char     *texts[],
                                      guint           n);
gboolean  tr_test_is_traditional_chinese_face (const char *family);
/* Every font of the PDF is embedded and Traditional Chinese. */
void      tr_test_assert_traditional_chinese_fonts (const char *pdf_path);
guint     tr_test_count_char     (const char         *text,
                                  gunichar            c);

G_END_DECLS
