/* tr-test-odt.h: reading ODT packages, for the export tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The part @name of the package @odt_path; fails the test when missing. */
GBytes    *tr_test_odt_read_entry     (const char *odt_path,
                                       const char *name);
/* content.xml, styles.xml and meta.xml valid against the ODF 1.3 schema
 * of tests/odf-schema, and the manifest against its own, by xmllint. */
void       tr_test_odt_assert_valid   (const char *odt_path);
/* The part @name parsed; free with xmlFreeDoc(). */
xmlDocPtr  tr_test_odt_parse_entry    (const char *odt_path,
                                       const char *name);
/* The string values of the nodes @expression selects, with the ODF
 * prefixes (office, style, text, table, fo, svg, xlink, dc, meta, draw). */
GStrv      tr_test_xpath_strings      (xmlDocPtr   doc,
                                       const char *expression);
guint      tr_test_xpath_count        (xmlDocPtr   doc,
                                       const char *expression);
/* Converts @odt_path to PDF with LibreOffice (headless), its profile in
 * @profile_dir; the path of the PDF, beside the ODT. */
char      *tr_test_odt_convert_to_pdf (const char *odt_path,
                                       const char *profile_dir);

G_END_DECLS
