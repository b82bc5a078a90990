/* tr-report-json.h: the report's JSON form, shared by the CLI and import
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tr-report.h"

G_BEGIN_DECLS

/* Parses the report JSON form. Unknown keys and wrong types are errors
 * (TR_ERROR_INVALID_DATA) whose message names the offending key. A missing
 * "id" gets a fresh UUID; a missing "kind" means a draft. */
TrReport *tr_report_new_from_json      (const char  *data,
                                        gssize       length,
                                        GError     **error);
TrReport *tr_report_new_from_json_node (JsonNode    *node,
                                        GError     **error);

JsonNode *tr_report_to_json_node       (TrReport    *report);
char     *tr_report_to_json            (TrReport    *report,
                                        gboolean     pretty);

G_END_DECLS
