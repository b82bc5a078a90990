/* tr-completeness.h: the rules a report must meet before it is submitted
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-problem.h"
#include "tr-report.h"

G_BEGIN_DECLS

/* The 摘要 must hold this many Chinese characters. */
#define TR_SUMMARY_MIN_CHARACTERS 200
#define TR_SUMMARY_MAX_CHARACTERS 300
/* Reports are due this many months after the return date. */
#define TR_REPORT_DUE_MONTHS 3

/* Han characters only: punctuation, Latin and digits do not count. */
guint      tr_count_chinese_characters   (const char *text);

/* Items of a 建議 section: its top-level numbered lines, or when nothing is
 * numbered its non-empty paragraphs (「無」 is one item, as the rule wants). */
guint      tr_count_recommendation_items (const char *text);

/* The due date (ISO) of a report that ended on @period_end, or NULL. */
char      *tr_completeness_get_due_date  (const char *period_end);

/* Every problem of @report in the order of the form, as TrProblem. @today
 * is an ISO date (for tests), or NULL for the local date. */
GPtrArray *tr_completeness_check         (TrReport   *report,
                                          const char *today);

G_END_DECLS
