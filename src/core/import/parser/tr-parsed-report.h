/* tr-parsed-report.h: what the parser reads out of a document
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-body.h"
#include "tr-field.h"
#include "tr-traveller.h"
#include "tr-warning.h"

G_BEGIN_DECLS

/* The parser's result, in GLib types only: the parser builds, and is
 * fuzzed, without the report model. Import makes a TrReport of it
 * (tr-report-parser.h). */
typedef struct {
  char      *texts[TR_N_FIELDS]; /* NULL where nothing was read */
  /* A section or the appendix with tables: its text and tables in order
   * (texts[] has its plain text then); NULL for text alone. */
  TrBody    *bodies[TR_N_FIELDS];
  GPtrArray *travellers;         /* of TrTraveller */
  GPtrArray *keywords;           /* of char *, NULL-terminated */
  GPtrArray *warnings;           /* of char *, NULL-terminated; tr-warning.h */
  gboolean   has_attachments;
  guint      pages;              /* 0 when unknown */
  guint      appendix_page;      /* from 0; G_MAXUINT when there is no appendix */
} TrParsedReport;

TrParsedReport *tr_parsed_report_new         (void);
void            tr_parsed_report_free        (TrParsedReport *self);

/* Never NULL: a field not read is "". */
const char     *tr_parsed_report_get_text    (TrParsedReport *self,
                                              TrField         field);
/* NULL or "" clears the field. */
void            tr_parsed_report_set_text    (TrParsedReport *self,
                                              TrField         field,
                                              const char     *text);
/* Sets @field to @body (a reference is taken), and its text to the
 * body's plain text. */
void            tr_parsed_report_set_body    (TrParsedReport *self,
                                              TrField         field,
                                              TrBody         *body);
void            tr_parsed_report_add_warning (TrParsedReport *self,
                                              const char     *warning);
/* Warning @code (tr-warning.h) with @args, NULL-terminated (NULL: none). */
void            tr_parsed_report_add_warning_code (TrParsedReport     *self,
                                                   TrWarningCode       code,
                                                   const char * const *args);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrParsedReport, tr_parsed_report_free)

G_END_DECLS
