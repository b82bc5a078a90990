/* tr-bench-text.h: synthetic trip reports for the benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-report.h"

G_BEGIN_DECLS

/* A deterministic generator of varied report text: sentences are built from
 * a vocabulary of trip-report words with skewed frequencies, and each report
 * has its own destination and focus topics, so a word can be common in the
 * library or rare, as in a real one. The same seed gives the same text. */
typedef struct _TrBenchText TrBenchText;

TrBenchText        *tr_bench_text_new            (guint32      seed);
void                tr_bench_text_free           (TrBenchText *self);

/* A new draft whose title, destination, summary and four body sections
 * hold about @n_chars characters in total; the period is filled too. */
TrReport           *tr_bench_text_make_report    (TrBenchText *self,
                                                  guint        n_chars);

/* The text fields make_report() fills, TR_N_FIELDS-terminated. */
const TrField      *tr_bench_text_get_text_fields (void);

/* Those fields of @report joined by newlines: what grep is given. */
char               *tr_bench_text_get_report_text (TrReport   *report);

/* Every distinct word the generator writes (CJK and Latin), sorted. */
const char * const *tr_bench_text_get_vocabulary (TrBenchText *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrBenchText, tr_bench_text_free)

G_END_DECLS
