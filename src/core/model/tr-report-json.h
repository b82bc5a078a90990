/* tr-report-json.h: the report's JSON form, shared by the CLI and import
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "tr-report.h"

G_BEGIN_DECLS

/* The largest JSON form read, in bytes: room for many photos, while the
 * memory that reading takes stays bounded. */
#define TR_REPORT_JSON_MAX_SIZE (512 * 1000 * 1000)

/* Parses the report JSON form. Unknown keys, wrong types and anything over
 * the limits of tr-report.h are errors (TR_ERROR_INVALID_DATA) whose message
 * names the offending key. The text must be strict JSON (tr-json-check.h):
 * nothing it holds may be lost. Control characters in text become spaces.
 * A missing "id" gets a fresh UUID; a missing "kind" means a draft. */
TrReport *tr_report_new_from_json      (const char  *data,
                                        gssize       length,
                                        GError     **error);
TrReport *tr_report_new_from_json_node (JsonNode    *node,
                                        GError     **error);

typedef enum {
  TR_REPORT_JSON_DEFAULT = 0,
  /* Warnings as objects {"code", "args", "message"}, the message worded in
   * the language of the user interface, for people and scripts; by
   * default they are the kept strings of tr-warning.h. Both read back. */
  TR_REPORT_JSON_WORDED_WARNINGS = 1 << 0,
} TrReportJsonFlags;

JsonNode *tr_report_to_json_node       (TrReport          *report);
JsonNode *tr_report_to_json_node_full  (TrReport          *report,
                                        TrReportJsonFlags  flags);
char     *tr_report_to_json            (TrReport          *report,
                                        gboolean           pretty);
char     *tr_report_to_json_full       (TrReport          *report,
                                        gboolean           pretty,
                                        TrReportJsonFlags  flags);

/* A section's or the appendix's body as the JSON form has it (see
 * tr-report-json.c): a string when it has no tables, as before tables;
 * else an array of text and table blocks. The store keeps bodies with
 * tables in this form too. */
JsonNode *tr_body_to_json_node         (TrBody      *body);
/* Reads an array of blocks (not the string form) as the JSON form does,
 * with its errors; @path names the member in them ("sections.process").
 * Anything over the limits of tr-body.h and tr-table.h is refused. */
TrBody   *tr_body_new_from_json_node   (JsonNode    *node,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
