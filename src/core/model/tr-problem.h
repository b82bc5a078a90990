/* tr-problem.h: one thing a report needs fixed before it can be submitted
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TR_PROBLEM_EMPTY_SECTION,
  TR_PROBLEM_MISSING_FIELD,
  TR_PROBLEM_NO_TRAVELLER,
  TR_PROBLEM_NO_KEYWORD,
  TR_PROBLEM_SUMMARY_TOO_SHORT,
  TR_PROBLEM_SUMMARY_TOO_LONG,
  TR_PROBLEM_PLACEHOLDER,
  TR_PROBLEM_NO_RECOMMENDATION,
  TR_PROBLEM_PERIOD_REVERSED,
  TR_PROBLEM_OVERDUE,
  TR_PROBLEM_PHOTO_WITHOUT_CAPTION,
} TrProblemKind;

#define TR_TYPE_PROBLEM (tr_problem_get_type ())
G_DECLARE_FINAL_TYPE (TrProblem, tr_problem, TR, PROBLEM, GObject)

/* @target is where to fix it: a TrField key ("title", "purpose", …) or
 * "travellers" / "keywords" / "photos"; @offset a byte offset in that
 * text (the photo's position for "photos"), or -1. */
TrProblem     *tr_problem_new         (TrProblemKind  kind,
                                       const char    *target,
                                       gssize         offset,
                                       const char    *message);

TrProblemKind  tr_problem_get_kind    (TrProblem     *self);
const char    *tr_problem_get_target  (TrProblem     *self);
gssize         tr_problem_get_offset  (TrProblem     *self);
const char    *tr_problem_get_message (TrProblem     *self);

G_END_DECLS
