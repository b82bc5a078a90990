/* tr-review.c
 *
 * The review form is 附件二 of 行政院及所屬各機關出國報告綜合處理要點
 * (../shared/domain.md). Its wording is report content: it is written
 * into the exported form as the rule has it, never translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-completeness.h"
#include "tr-model-enums.h"
#include "tr-core-private.h"
#include "tr-date.h"
#include "tr-error.h"
#include "tr-review.h"

struct _TrReview
{
  GObject parent_instance;

  TrReviewStatus status;
  TrReviewAnswer answers[TR_N_REVIEW_ITEMS][TR_N_REVIEW_COLUMNS];
  TrReturnReasons return_reasons;
  TrPublication publication;
  char *publication_other;
  char *remarks;
  char *signatures[TR_N_REVIEW_SIGNATURES];
};

G_DEFINE_FINAL_TYPE (TrReview, tr_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} statuses[TR_N_REVIEW_STATUSES] = {
  [TR_REVIEW_STATUS_DRAFT] = { "draft", "草稿" },
  [TR_REVIEW_STATUS_SUBMITTED] = { "submitted", "送審" },
  [TR_REVIEW_STATUS_RETURNED] = { "returned", "退回補正" },
  [TR_REVIEW_STATUS_APPROVED] = { "approved", "核定" },
};

/* The wording of domain.md's summary of 附件二. */
static const char * const item_texts[TR_N_REVIEW_ITEMS] = {
  "依限繳交出國報告",
  "格式完整（本文具備目的、過程、心得及建議事項）",
  "無抄襲相關資料",
  "內容充實完備",
  "建議具參考價值",
  "送本機關參考或研辦",
  "送上級機關參考",
  "退回補正，原因：",
  "公開發表方式：",
  "其他處理意見及方式：",
};

static const char * const reason_texts[TR_N_RETURN_REASONS] = {
  "不符原核定計畫",
  "以外文撰寫或僅蒐集外文資料",
  "內容空洞或未涵蓋要項",
  "抄襲",
  "引用未註明來源",
  "電子檔未依格式",
};

static const char * const publication_texts[TR_N_PUBLICATIONS] = {
  "辦理座談會",
  "業務會報提出",
  "其他",
};

static const char * const signature_texts[TR_N_REVIEW_SIGNATURES] = {
  "出國人",
  "一級單位主管",
  "機關首長或授權人員",
};

const char *
tr_review_status_to_string (TrReviewStatus status)
{
  g_return_val_if_fail ((guint) status < TR_N_REVIEW_STATUSES, NULL);
  return statuses[status].key;
}

gboolean
tr_review_status_from_string (const char     *string,
                              TrReviewStatus *out_status)
{
  for (guint i = 0; i < TR_N_REVIEW_STATUSES; i++)
    {
      if (g_strcmp0 (string, statuses[i].key) == 0)
        {
          if (out_status != NULL)
            *out_status = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
tr_review_status_get_label (TrReviewStatus status)
{
  g_return_val_if_fail ((guint) status < TR_N_REVIEW_STATUSES, NULL);
  return statuses[status].label;
}

gboolean
tr_review_status_check_transition (TrReviewStatus   from,
                                   TrReviewStatus   to,
                                   GError         **error)
{
  gboolean allowed = FALSE;

  g_return_val_if_fail ((guint) from < TR_N_REVIEW_STATUSES, FALSE);
  g_return_val_if_fail ((guint) to < TR_N_REVIEW_STATUSES, FALSE);

  switch (from)
    {
    case TR_REVIEW_STATUS_DRAFT:
      allowed = to == TR_REVIEW_STATUS_SUBMITTED;
      break;
    case TR_REVIEW_STATUS_SUBMITTED:
      allowed = to == TR_REVIEW_STATUS_RETURNED || to == TR_REVIEW_STATUS_APPROVED;
      break;
    case TR_REVIEW_STATUS_RETURNED:
      /* Corrections are made on the draft, which is then submitted again. */
      allowed = to == TR_REVIEW_STATUS_DRAFT;
      break;
    case TR_REVIEW_STATUS_APPROVED:
    default:
      allowed = FALSE;
      break;
    }

  if (!allowed)
    {
      if (from == TR_REVIEW_STATUS_APPROVED)
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION,
                     _("The report is approved (%s): its review is closed"),
                     statuses[from].label);
      else
        /* TRANSLATORS: the %s are review statuses as the form writes them: 草稿, 送審, 退回補正, 核定 */
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_TRANSITION,
                     _("A report in status %s cannot go to %s"),
                     statuses[from].label, statuses[to].label);
    }
  return allowed;
}

const char *
tr_review_item_get_text (TrReviewItem item)
{
  g_return_val_if_fail ((guint) item < TR_N_REVIEW_ITEMS, NULL);
  return item_texts[item];
}

/* @reason is one flag. */
const char *
tr_return_reason_get_text (TrReturnReasons reason)
{
  for (guint i = 0; i < TR_N_RETURN_REASONS; i++)
    if (reason == (1u << i))
      return reason_texts[i];
  g_return_val_if_reached (NULL);
}

const char *
tr_publication_get_text (TrPublication publication)
{
  for (guint i = 0; i < TR_N_PUBLICATIONS; i++)
    if (publication == (1u << i))
      return publication_texts[i];
  g_return_val_if_reached (NULL);
}

const char *
tr_review_signature_get_text (TrReviewSignature signature)
{
  g_return_val_if_fail ((guint) signature < TR_N_REVIEW_SIGNATURES, NULL);
  return signature_texts[signature];
}

gboolean
tr_review_item_is_computed (TrReviewItem item)
{
  return item == TR_REVIEW_ITEM_ON_TIME || item == TR_REVIEW_ITEM_COMPLETE_FORMAT;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

TrReviewAnswer
tr_review_compute_answer (TrReport     *report,
                          TrReviewItem  item,
                          const char   *today)
{
  g_return_val_if_fail (TR_IS_REPORT (report), TR_REVIEW_ANSWER_UNSET);

  switch (item)
    {
    case TR_REVIEW_ITEM_ON_TIME:
      {
        g_autofree char *due = tr_completeness_get_due_date (tr_report_get_text (report, TR_FIELD_PERIOD_END));
        g_autofree char *local_today = NULL;
        const char *report_date = tr_report_get_text (report, TR_FIELD_REPORT_DATE);
        const char *reference;
        int days;

        if (due == NULL)
          return TR_REVIEW_ANSWER_UNSET;
        if (today == NULL)
          {
            g_autoptr(GDateTime) now = g_date_time_new_now_local ();

            today = local_today = g_date_time_format (now, "%Y-%m-%d");
          }
        /* The same reference as the completeness check: the report's own
         * date once it has one, today while it has none. */
        reference = tr_date_parse_iso (report_date, NULL) ? report_date : today;
        if (!tr_date_days_between (due, reference, &days))
          return TR_REVIEW_ANSWER_UNSET;
        return days > 0 ? TR_REVIEW_ANSWER_NO : TR_REVIEW_ANSWER_YES;
      }

    case TR_REVIEW_ITEM_COMPLETE_FORMAT:
      for (guint s = 0; s < TR_N_SECTIONS; s++)
        if (is_blank (tr_report_get_section (report, s)))
          return TR_REVIEW_ANSWER_NO;
      return TR_REVIEW_ANSWER_YES;

    default:
      return TR_REVIEW_ANSWER_UNSET;
    }
}

static void
tr_review_finalize (GObject *object)
{
  TrReview *self = TR_REVIEW (object);

  g_free (self->publication_other);
  g_free (self->remarks);
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    g_free (self->signatures[i]);

  G_OBJECT_CLASS (tr_review_parent_class)->finalize (object);
}

static void
tr_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TrReview *self = TR_REVIEW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_review_class_init (TrReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_review_finalize;
  object_class->get_property = tr_review_get_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, TR_TYPE_REVIEW_STATUS, TR_REVIEW_STATUS_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tr_review_init (TrReview *self)
{
  self->publication_other = g_strdup ("");
  self->remarks = g_strdup ("");
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    self->signatures[i] = g_strdup ("");
}

TrReview *
tr_review_new (void)
{
  return g_object_new (TR_TYPE_REVIEW, NULL);
}

TrReview *
tr_review_copy (TrReview *self)
{
  TrReview *copy;

  g_return_val_if_fail (TR_IS_REVIEW (self), NULL);

  copy = tr_review_new ();
  copy->status = self->status;
  memcpy (copy->answers, self->answers, sizeof self->answers);
  copy->return_reasons = self->return_reasons;
  copy->publication = self->publication;
  tr_set_str (&copy->publication_other, self->publication_other);
  tr_set_str (&copy->remarks, self->remarks);
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    tr_set_str (&copy->signatures[i], self->signatures[i]);
  return copy;
}

static void
emit_changed (TrReview *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

TrReviewStatus
tr_review_get_status (TrReview *self)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), TR_REVIEW_STATUS_DRAFT);
  return self->status;
}

void
tr_review_restore_status (TrReview       *self,
                          TrReviewStatus  status)
{
  g_return_if_fail (TR_IS_REVIEW (self));
  g_return_if_fail ((guint) status < TR_N_REVIEW_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  emit_changed (self);
}

gboolean
tr_review_set_status (TrReview        *self,
                      TrReviewStatus   status,
                      GError         **error)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), FALSE);

  if (!tr_review_status_check_transition (self->status, status, error))
    return FALSE;
  tr_review_restore_status (self, status);
  return TRUE;
}

TrReviewAnswer
tr_review_get_answer (TrReview       *self,
                      TrReviewItem    item,
                      TrReviewColumn  column)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), TR_REVIEW_ANSWER_UNSET);
  g_return_val_if_fail ((guint) item < TR_N_REVIEW_ITEMS, TR_REVIEW_ANSWER_UNSET);
  g_return_val_if_fail ((guint) column < TR_N_REVIEW_COLUMNS, TR_REVIEW_ANSWER_UNSET);
  return self->answers[item][column];
}

void
tr_review_set_answer (TrReview       *self,
                      TrReviewItem    item,
                      TrReviewColumn  column,
                      TrReviewAnswer  answer)
{
  g_return_if_fail (TR_IS_REVIEW (self));
  g_return_if_fail ((guint) item < TR_N_REVIEW_ITEMS);
  g_return_if_fail ((guint) column < TR_N_REVIEW_COLUMNS);
  g_return_if_fail (answer <= TR_REVIEW_ANSWER_NO);

  if (self->answers[item][column] == answer)
    return;
  self->answers[item][column] = answer;
  emit_changed (self);
}

TrReturnReasons
tr_review_get_return_reasons (TrReview *self)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), TR_RETURN_REASON_NONE);
  return self->return_reasons;
}

void
tr_review_set_return_reasons (TrReview        *self,
                              TrReturnReasons  reasons)
{
  g_return_if_fail (TR_IS_REVIEW (self));

  reasons &= (1u << TR_N_RETURN_REASONS) - 1;
  if (self->return_reasons == reasons)
    return;
  self->return_reasons = reasons;
  emit_changed (self);
}

TrPublication
tr_review_get_publication (TrReview *self)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), TR_PUBLICATION_NONE);
  return self->publication;
}

void
tr_review_set_publication (TrReview      *self,
                           TrPublication  publication)
{
  g_return_if_fail (TR_IS_REVIEW (self));

  publication &= (1u << TR_N_PUBLICATIONS) - 1;
  if (self->publication == publication)
    return;
  self->publication = publication;
  emit_changed (self);
}

const char *
tr_review_get_publication_other (TrReview *self)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), "");
  return self->publication_other;
}

void
tr_review_set_publication_other (TrReview   *self,
                                 const char *text)
{
  g_return_if_fail (TR_IS_REVIEW (self));

  if (tr_set_str (&self->publication_other, text != NULL ? text : ""))
    emit_changed (self);
}

const char *
tr_review_get_remarks (TrReview *self)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), "");
  return self->remarks;
}

void
tr_review_set_remarks (TrReview   *self,
                       const char *remarks)
{
  g_return_if_fail (TR_IS_REVIEW (self));

  if (tr_set_str (&self->remarks, remarks != NULL ? remarks : ""))
    emit_changed (self);
}

const char *
tr_review_get_signature (TrReview          *self,
                         TrReviewSignature  signature)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), "");
  g_return_val_if_fail ((guint) signature < TR_N_REVIEW_SIGNATURES, "");
  return self->signatures[signature];
}

void
tr_review_set_signature (TrReview          *self,
                         TrReviewSignature  signature,
                         const char        *name)
{
  g_return_if_fail (TR_IS_REVIEW (self));
  g_return_if_fail ((guint) signature < TR_N_REVIEW_SIGNATURES);

  if (tr_set_str (&self->signatures[signature], name != NULL ? name : ""))
    emit_changed (self);
}

void
tr_review_prefill (TrReview   *self,
                   TrReport   *report,
                   const char *today)
{
  g_return_if_fail (TR_IS_REVIEW (self));
  g_return_if_fail (TR_IS_REPORT (report));

  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    {
      TrReviewAnswer answer;

      if (!tr_review_item_is_computed (item))
        continue;
      answer = tr_review_compute_answer (report, item, today);
      /* The traveller's column: the agency's answers are the agency's to
       * give once it has reviewed the report, not before. */
      tr_review_set_answer (self, item, TR_REVIEW_COLUMN_SELF, answer);
    }
}

gboolean
tr_review_is_received (TrReview *self,
                       TrReport *report)
{
  g_return_val_if_fail (TR_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (TR_IS_REPORT (report), FALSE);

  return tr_report_get_source_filename (report) != NULL && self->status != TR_REVIEW_STATUS_DRAFT;
}
