/* tr-report-info.h: the light view of a report that lists and search hits show
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tr-report.h"
#include "tr-review.h"
#include "tr-snippet-marks.h"

G_BEGIN_DECLS

#define TR_TYPE_REPORT_INFO (tr_report_info_get_type ())
G_DECLARE_FINAL_TYPE (TrReportInfo, tr_report_info, TR, REPORT_INFO, GObject)

TrReportInfo *tr_report_info_new              (const char   *id,
                                               TrReportKind  kind,
                                               const char   *title,
                                               const char   *period_start,
                                               const char   *period_end,
                                               const char   *destination,
                                               GDateTime    *modified);

const char   *tr_report_info_get_id           (TrReportInfo *self);
TrReportKind  tr_report_info_get_kind         (TrReportInfo *self);
/* Never NULL: "" when not filled in. */
const char   *tr_report_info_get_title        (TrReportInfo *self);
const char   *tr_report_info_get_period_start (TrReportInfo *self);
const char   *tr_report_info_get_period_end   (TrReportInfo *self);
const char   *tr_report_info_get_destination  (TrReportInfo *self);
GDateTime    *tr_report_info_get_modified     (TrReportInfo *self);
/* The review status; a draft unless set. */
TrReviewStatus tr_report_info_get_status      (TrReportInfo *self);
void          tr_report_info_set_status       (TrReportInfo   *self,
                                               TrReviewStatus  status);

/* For search hits: the text around the match, with each matched run between
 * TR_SNIPPET_MATCH_START and TR_SNIPPET_MATCH_END; NULL outside a search. */
const char   *tr_report_info_get_snippet      (TrReportInfo *self);
void          tr_report_info_set_snippet      (TrReportInfo *self,
                                               const char   *snippet);
/* The snippet with the match markers replaced by @open and @close (which
 * may be ""); the text itself is not escaped. */
char         *tr_report_info_format_snippet   (TrReportInfo *self,
                                               const char   *open,
                                               const char   *close);

G_END_DECLS
