/* tr-review-merge.h: a reviewed file merged into the report it came from
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-office-import.h"
#include "tr-report-store.h"

G_BEGIN_DECLS

/* What becomes of a reviewer's change of a paragraph. */
typedef enum {
  TR_MERGE_CHOICE_SUGGEST,  /* kept as a suggestion: a comment on the author's paragraph */
  TR_MERGE_CHOICE_ACCEPT,   /* the reviewer's text replaces the author's */
  TR_MERGE_CHOICE_REJECT,   /* the author's text stays, the suggestion goes */
} TrMergeChoice;

/* A paragraph the file shows otherwise than the library's report: a line
 * of text, a table's caption (「表 N：…」, as exported) or one of its rows
 * (cells separated by tabs). */
typedef struct {
  TrSection  section;
  char      *author_text;    /* the library's paragraph, or NULL for one the reviewer added */
  char      *reviewer_text;  /* the file's, or NULL for one the reviewer removed */
  /* The report was saved after the file left it: the difference may be the
   * author's own newer text as much as the reviewer's edit. */
  gboolean   conflict;
  /* The line of the section's text that author_text is, or, for a
   * paragraph added, the line it goes before (the number of lines: at the
   * end). */
  guint      line;
  /* Its suggestion among new_comments, or NULL when the library has it. */
  TrComment *suggestion;
  TrMergeChoice choice;      /* TR_MERGE_CHOICE_SUGGEST unless set */
} TrParagraphChange;

typedef struct {
  /* TrComment to add to the library: the reviewer's comments not there
   * yet, and one per changed paragraph, the reviewer's text as a
   * suggestion on the author's, which stays as it is. */
  GPtrArray *new_comments;
  guint      n_duplicates;   /* comments the library has already */
  GPtrArray *changes;        /* TrParagraphChange */
  /* The review with the reviewer's side applied (the agency's column,
   * the reasons, publication, remarks, signatures), or NULL when the file
   * carries none. */
  TrReview  *review;
  /* The decision to move to (TR_REVIEW_STATUS_RETURNED or _APPROVED), or
   * the library's status when the file decides nothing. */
  TrReviewStatus status;
  gboolean   status_changed;
  /* The library's status before the merge. */
  TrReviewStatus from_status;
} TrReviewMerge;

/* What merging @import into @report (the library's, with its @comments
 * and @review) adds and changes; nothing is written. @import must name
 * @report. Never overwrites the author's text. TR_ERROR_INVALID_DATA when
 * the file is of another report, TR_ERROR_INVALID_TRANSITION when its
 * decision cannot apply (an approved report is final). */
TrReviewMerge *tr_review_merge_new  (TrReport        *report,
                                     GPtrArray       *comments,
                                     TrReview        *review,
                                     TrOfficeImport  *import,
                                     GError         **error);
void           tr_review_merge_free (TrReviewMerge   *merge);

/* Reads report @id of @store with its comments and review, and makes the
 * merge of @import into it (tr_review_merge_new()). */
TrReviewMerge *tr_review_merge_new_for_store (TrReportStore  *store,
                                              const char     *id,
                                              TrOfficeImport *import,
                                              GError        **error);
/* TRUE when accepting the reviewer's text is possible: the report takes
 * changes before the decision (a draft, or returned) or after it
 * (returned). Otherwise changes can only be kept as suggestions. */
gboolean       tr_review_merge_can_accept (TrReviewMerge *merge);

/* @report with the accepted changes of @merge made: a new report, or
 * NULL with TR_ERROR_INVALID_DATA when a paragraph to replace is no longer
 * what the merge saw (the author changed it since), or a table row's cells
 * in the file no longer fit its table's columns. Tables stay tables: a
 * changed row changes its cells, a changed caption the caption. */
TrReport      *tr_review_merge_accept_text (TrReviewMerge *merge,
                                            TrReport      *report,
                                            GError       **error);

/* How many of new_comments tr_review_merge_apply() adds: all but the
 * suggestions of changes accepted or rejected. */
guint          tr_review_merge_count_comments (TrReviewMerge *merge);

/* Writes @merge into report @id of @store: the review, the decision (a
 * draft going through 送審), the new comments but for the suggestions of
 * changes accepted or rejected, and the reviewer's text of the changes
 * accepted (tr_review_merge_accept_text() on the stored report, which
 * refuses when the author's text changed since). Nothing else of the
 * report's text is touched. */
gboolean       tr_review_merge_apply (TrReviewMerge   *merge,
                                      TrReportStore   *store,
                                      const char      *id,
                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrReviewMerge, tr_review_merge_free)

G_END_DECLS
