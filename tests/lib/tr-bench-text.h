/* tr-bench-text.h: synthetic trip reports for the benchmarks and tests
 *
 * The one generator of report text: whole reports for the benchmarks,
 * and body text of a chosen shape and length for tests and benchmarks
 * that need a long section (the editor, typing, the exports).
 *
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

/* How the text of tr_bench_text_make_text() is laid out. Both shapes are
 * sentences of the generator's vocabulary: Chinese with its punctuation
 * (，；。、：), numbers and Latin terms. */
typedef enum {
  /* Pages of numbered paragraphs of one line each: "第3頁第7行：" then
   * sentences, "。" and a newline, and no other newline. */
  TR_BENCH_TEXT_PAGES,
  /* A section's outline: parts "一、TAG第1部分", items "（一）TAG第1項",
   * paragraphs "TAG第1段：" (numbered through the text), then a point
   * "1. TAG第N項要點。" and a detail "(1) TAG第N項細節。" after each
   * item's three paragraphs; each on a line of its own. */
  TR_BENCH_TEXT_OUTLINE,
} TrBenchTextShape;

typedef struct {
  TrBenchTextShape  shape;
  guint             n_pages;         /* PAGES: so many pages… */
  guint             lines_per_page;  /* …of so many paragraphs… */
  guint             chars_per_line;  /* …of about so many characters, number included */
  guint             n_chars;         /* OUTLINE: at least so many characters */
  const char       *tag;             /* OUTLINE: in every heading and paragraph */
} TrBenchTextParams;

/* Body text on a theme of its own (place, topics), as @params say. */
char               *tr_bench_text_make_text      (TrBenchText             *self,
                                                  const TrBenchTextParams *params);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrBenchText, tr_bench_text_free)

G_END_DECLS
