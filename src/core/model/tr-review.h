/* tr-review.h: the review of a report (出國報告審核表) and its status
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tr-report.h"

G_BEGIN_DECLS

/* 草稿 → 送審 → 退回補正 or 核定; 退回補正 → 草稿. 核定 is final. */
typedef enum {
  TR_REVIEW_STATUS_DRAFT,      /* 草稿 */
  TR_REVIEW_STATUS_SUBMITTED,  /* 送審 */
  TR_REVIEW_STATUS_RETURNED,   /* 退回補正 */
  TR_REVIEW_STATUS_APPROVED,   /* 核定 */
} TrReviewStatus;

#define TR_N_REVIEW_STATUSES 4

/* The ten items of 附件二, in its order. */
typedef enum {
  TR_REVIEW_ITEM_ON_TIME,          /* 1 依限繳交出國報告 */
  TR_REVIEW_ITEM_COMPLETE_FORMAT,  /* 2 格式完整 */
  TR_REVIEW_ITEM_NO_PLAGIARISM,    /* 3 無抄襲相關資料 */
  TR_REVIEW_ITEM_SUBSTANTIAL,      /* 4 內容充實完備 */
  TR_REVIEW_ITEM_USEFUL,           /* 5 建議具參考價值 */
  TR_REVIEW_ITEM_TO_AGENCY,        /* 6 送本機關參考或研辦 */
  TR_REVIEW_ITEM_TO_SUPERIOR,      /* 7 送上級機關參考 */
  TR_REVIEW_ITEM_RETURN,           /* 8 退回補正 */
  TR_REVIEW_ITEM_PUBLICATION,      /* 9 公開發表方式 */
  TR_REVIEW_ITEM_OTHER,            /* 10 其他處理意見及方式 */
  TR_N_REVIEW_ITEMS
} TrReviewItem;

/* Who ticks a column of the form. */
typedef enum {
  TR_REVIEW_COLUMN_SELF,    /* 自我檢核, by the traveller */
  TR_REVIEW_COLUMN_AGENCY,  /* 計畫主辦機關審核 */
  TR_N_REVIEW_COLUMNS
} TrReviewColumn;

typedef enum {
  TR_REVIEW_ANSWER_UNSET,
  TR_REVIEW_ANSWER_YES,  /* 是 */
  TR_REVIEW_ANSWER_NO,   /* 否 */
} TrReviewAnswer;

/* The reasons of item 8, 退回補正. */
typedef enum /*< flags >*/ {
  TR_RETURN_REASON_NONE              = 0,
  TR_RETURN_REASON_NOT_AS_PLANNED    = 1 << 0,  /* 不符原核定計畫 */
  TR_RETURN_REASON_FOREIGN_LANGUAGE  = 1 << 1,  /* 以外文撰寫或僅蒐集外文資料 */
  TR_RETURN_REASON_EMPTY_CONTENT     = 1 << 2,  /* 內容空洞或未涵蓋要項 */
  TR_RETURN_REASON_PLAGIARISM        = 1 << 3,  /* 抄襲 */
  TR_RETURN_REASON_UNCITED           = 1 << 4,  /* 引用未註明來源 */
  TR_RETURN_REASON_FILE_FORMAT       = 1 << 5,  /* 電子檔未依格式 */
} TrReturnReasons;

#define TR_N_RETURN_REASONS 6

/* The ways of item 9, 公開發表方式. */
typedef enum /*< flags >*/ {
  TR_PUBLICATION_NONE      = 0,
  TR_PUBLICATION_SEMINAR   = 1 << 0,  /* 辦理座談會 */
  TR_PUBLICATION_BRIEFING  = 1 << 1,  /* 業務會報提出 */
  TR_PUBLICATION_OTHER     = 1 << 2,  /* 其他 */
} TrPublication;

#define TR_N_PUBLICATIONS 3

typedef enum {
  TR_REVIEW_SIGNATURE_TRAVELLER,  /* 出國人 */
  TR_REVIEW_SIGNATURE_UNIT_HEAD,  /* 一級單位主管 */
  TR_REVIEW_SIGNATURE_HEAD,       /* 機關首長或授權人員 */
  TR_N_REVIEW_SIGNATURES
} TrReviewSignature;

/* "draft", "submitted", "returned", "approved": the store's and the CLI's words. */
const char *tr_review_status_to_string   (TrReviewStatus  status);
gboolean    tr_review_status_from_string (const char     *string,
                                          TrReviewStatus *out_status);
/* 草稿, 送審, 退回補正, 核定 (the form's words, not translated). */
const char *tr_review_status_get_label   (TrReviewStatus  status);
/* TRUE when the workflow allows going from @from to @to; otherwise sets
 * TR_ERROR_INVALID_TRANSITION with a message that says what is allowed. */
gboolean    tr_review_status_check_transition (TrReviewStatus   from,
                                               TrReviewStatus   to,
                                               GError         **error);

/* The official wording of an item, a reason, a way of publication, a
 * signature (report content, not translated). */
const char *tr_review_item_get_text      (TrReviewItem      item);
const char *tr_return_reason_get_text    (TrReturnReasons   reason);
const char *tr_publication_get_text      (TrPublication     publication);
const char *tr_review_signature_get_text (TrReviewSignature signature);

/* Items 1 and 2 follow from the report itself: 依限繳交 from the report
 * date (or @today, an ISO date or NULL for the local date, while there is
 * none) against three months after the return; 格式完整 from the four
 * sections being written. UNSET when the dates do not tell. */
gboolean    tr_review_item_is_computed   (TrReviewItem      item);
TrReviewAnswer tr_review_compute_answer  (TrReport         *report,
                                          TrReviewItem      item,
                                          const char       *today);

#define TR_TYPE_REVIEW (tr_review_get_type ())
G_DECLARE_FINAL_TYPE (TrReview, tr_review, TR, REVIEW, GObject)

TrReview       *tr_review_new                  (void);
TrReview       *tr_review_copy                 (TrReview          *self);

TrReviewStatus  tr_review_get_status           (TrReview          *self);
/* Checks the transition (see tr_review_status_check_transition()). */
gboolean        tr_review_set_status           (TrReview          *self,
                                                TrReviewStatus     status,
                                                GError           **error);
/* Sets it unchecked: for loading a stored review. */
void            tr_review_restore_status       (TrReview          *self,
                                                TrReviewStatus     status);

TrReviewAnswer  tr_review_get_answer           (TrReview          *self,
                                                TrReviewItem       item,
                                                TrReviewColumn     column);
void            tr_review_set_answer           (TrReview          *self,
                                                TrReviewItem       item,
                                                TrReviewColumn     column,
                                                TrReviewAnswer     answer);

TrReturnReasons tr_review_get_return_reasons   (TrReview          *self);
void            tr_review_set_return_reasons   (TrReview          *self,
                                                TrReturnReasons    reasons);
TrPublication   tr_review_get_publication      (TrReview          *self);
void            tr_review_set_publication      (TrReview          *self,
                                                TrPublication      publication);
/* What 其他 of item 9 is; never NULL. */
const char     *tr_review_get_publication_other (TrReview         *self);
void            tr_review_set_publication_other (TrReview         *self,
                                                 const char       *text);
/* Item 10, 其他處理意見及方式; never NULL. */
const char     *tr_review_get_remarks          (TrReview          *self);
void            tr_review_set_remarks          (TrReview          *self,
                                                const char        *remarks);
/* The name written in a signature box; never NULL. */
const char     *tr_review_get_signature        (TrReview          *self,
                                                TrReviewSignature  signature);
void            tr_review_set_signature        (TrReview          *self,
                                                TrReviewSignature  signature,
                                                const char        *name);

/* Fills items 1 and 2 of the traveller's column from @report (they are
 * facts, not opinions); the agency's column is left to the agency. */
void            tr_review_prefill              (TrReview          *self,
                                                TrReport          *report,
                                                const char        *today);

/* TRUE when @report, reviewed by @self, was received for review: it came
 * in from a file (someone else's report, with its original file kept) and
 * is in the workflow. Only then are the agency's side of the form and the
 * decision (退回補正, 核定) made here; on the author's own draft they come
 * back with the reviewed file. */
gboolean        tr_review_is_received          (TrReview          *self,
                                                TrReport          *report);

/* The "changed" signal is emitted after any setter changed something;
 * "status" is a read-only property with its own notify. */

G_END_DECLS
