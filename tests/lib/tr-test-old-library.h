/* tr-test-old-library.h: libraries as released versions of Trip Reports
 * left them, for the tests of upgrades
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The statements of migration 0 → 1 in src/core/store/tr-report-store-schema.c,
 * copied on purpose. A released schema never changes, so this copy must
 * never change either: if the store's v1 statements drift from it, files
 * made by the released v1 stop opening. */
extern const char tr_test_v1_schema[];

/* Writes a library of schema v1 at @path (which must not exist) holding
 * @n_reports imported reports, each with @n_paragraphs paragraphs of
 * Chinese text in its process section: enough of them make the upgrade
 * take seconds. Titles are “舊報告 N”, ids tr_test_v1_report_id (N). */
void  tr_test_write_v1_library (const char *path,
                                guint       n_reports,
                                guint       n_paragraphs);
char *tr_test_v1_report_id     (guint       n);

G_END_DECLS
