/* tr-test-report.h: reports the export tests make
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-report.h"

G_BEGIN_DECLS

/* The four sections of tr_test_make_report()'s report: numbered lines of
 * every level, Latin and Chinese. */
extern const char * const tr_test_section_texts[TR_N_SECTIONS];

/* A complete report, as a traveller would submit it. */
TrReport *tr_test_make_report    (void);
/* Varied text of at least @n_chars characters in numbered parts, each
 * paragraph marked with @tag and its number so that order can be checked:
 * TR_BENCH_TEXT_OUTLINE of the shared generator (tr-bench-text.h). */
char     *tr_test_make_long_text (GRand      *rand,
                                  const char *tag,
                                  guint       n_chars);
/* A real photo of @width × @height in @format ("jpeg", "png", "webp"),
 * with a gradient so that it is not trivially compressible. */
TrPhoto  *tr_test_make_photo     (const char *format,
                                  int         width,
                                  int         height,
                                  const char *caption);

G_END_DECLS
