/* test-export.h: what the files of test-export share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-test-odt.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <zip.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tr-odt-exporter.h"
#include "tr-test-pdf.h"
#include "tr-test-report.h"
#include "tr-test-files.h"
#include "tr-test-util.h"
#include "tr-odt-review-form.h"
#include "tr-report.h"
#include "tr-review.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

extern char *test_dir;
extern char *lo_profile_dir;
extern GPtrArray *strings;
char *test_path (const char *name);
char *make_folder (const char *name);
char *export_report (TrReport   *report,
                     const char *name);
char *convert_to_pdf (const char *odt_path);
const char *xpath_string (xmlDocPtr   doc,
                          const char *expression);

void add_document_tests (void);
void add_pdf_tests (void);
void add_file_tests (void);
