/* tr-report-info.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-report-info.h"
#include "tr-model-enums.h"
#include "tr-core-private.h"

struct _TrReportInfo
{
  GObject parent_instance;

  char *id;
  TrReportKind kind;
  char *title;
  char *period_start;
  char *period_end;
  char *destination;
  GDateTime *modified;
  TrReviewStatus status;
  char *snippet;
};

G_DEFINE_FINAL_TYPE (TrReportInfo, tr_report_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_DESTINATION,
  PROP_MODIFIED,
  PROP_SNIPPET,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tr_report_info_finalize (GObject *object)
{
  TrReportInfo *self = TR_REPORT_INFO (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->period_start);
  g_free (self->period_end);
  g_free (self->destination);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_free (self->snippet);

  G_OBJECT_CLASS (tr_report_info_parent_class)->finalize (object);
}

static void
tr_report_info_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrReportInfo *self = TR_REPORT_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, tr_report_info_get_title (self));
      break;
    case PROP_PERIOD_START:
      g_value_set_string (value, tr_report_info_get_period_start (self));
      break;
    case PROP_PERIOD_END:
      g_value_set_string (value, tr_report_info_get_period_end (self));
      break;
    case PROP_DESTINATION:
      g_value_set_string (value, tr_report_info_get_destination (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_report_info_class_init (TrReportInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tr_report_info_finalize;
  object_class->get_property = tr_report_info_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TR_TYPE_REPORT_KIND,
                                             TR_REPORT_KIND_DRAFT, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  properties[PROP_PERIOD_START] = g_param_spec_string ("period-start", NULL, NULL, "", ro);
  properties[PROP_PERIOD_END] = g_param_spec_string ("period-end", NULL, NULL, "", ro);
  properties[PROP_DESTINATION] = g_param_spec_string ("destination", NULL, NULL, "", ro);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, TR_TYPE_REVIEW_STATUS,
                                               TR_REVIEW_STATUS_DRAFT,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_report_info_init (TrReportInfo *self)
{
}

TrReportInfo *
tr_report_info_new (const char   *id,
                    TrReportKind  kind,
                    const char   *title,
                    const char   *period_start,
                    const char   *period_end,
                    const char   *destination,
                    GDateTime    *modified)
{
  TrReportInfo *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (modified != NULL, NULL);

  self = g_object_new (TR_TYPE_REPORT_INFO, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->title = g_strdup (title);
  self->period_start = g_strdup (period_start);
  self->period_end = g_strdup (period_end);
  self->destination = g_strdup (destination);
  self->modified = g_date_time_ref (modified);
  return self;
}

const char *
tr_report_info_get_id (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), NULL);
  return self->id;
}

TrReportKind
tr_report_info_get_kind (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), TR_REPORT_KIND_DRAFT);
  return self->kind;
}

const char *
tr_report_info_get_title (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), "");
  return self->title != NULL ? self->title : "";
}

const char *
tr_report_info_get_period_start (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), "");
  return self->period_start != NULL ? self->period_start : "";
}

const char *
tr_report_info_get_period_end (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), "");
  return self->period_end != NULL ? self->period_end : "";
}

const char *
tr_report_info_get_destination (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), "");
  return self->destination != NULL ? self->destination : "";
}

GDateTime *
tr_report_info_get_modified (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), NULL);
  return self->modified;
}

const char *
tr_report_info_get_snippet (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), NULL);
  return self->snippet;
}

void
tr_report_info_set_snippet (TrReportInfo *self,
                            const char   *snippet)
{
  g_return_if_fail (TR_IS_REPORT_INFO (self));

  if (tr_set_str (&self->snippet, snippet))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNIPPET]);
}

char *
tr_report_info_format_snippet (TrReportInfo *self,
                               const char   *open,
                               const char   *close)
{
  GString *result;

  g_return_val_if_fail (TR_IS_REPORT_INFO (self), NULL);

  if (self->snippet == NULL)
    return NULL;

  result = g_string_new (self->snippet);
  g_string_replace (result, TR_SNIPPET_MATCH_START, open != NULL ? open : "", 0);
  g_string_replace (result, TR_SNIPPET_MATCH_END, close != NULL ? close : "", 0);
  return g_string_free (result, FALSE);
}

TrReviewStatus
tr_report_info_get_status (TrReportInfo *self)
{
  g_return_val_if_fail (TR_IS_REPORT_INFO (self), TR_REVIEW_STATUS_DRAFT);
  return self->status;
}

void
tr_report_info_set_status (TrReportInfo   *self,
                           TrReviewStatus  status)
{
  g_return_if_fail (TR_IS_REPORT_INFO (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}
