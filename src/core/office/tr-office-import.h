/* tr-office-import.h: an ODT or DOCX file made a report, with its comments
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-comment.h"
#include "tr-report.h"
#include "tr-report-store.h"
#include "tr-review.h"

G_BEGIN_DECLS

#define TR_TYPE_OFFICE_IMPORT (tr_office_import_get_type ())
G_DECLARE_FINAL_TYPE (TrOfficeImport, tr_office_import, TR, OFFICE_IMPORT, GObject)

/* Reads an ODT or DOCX file. One of our own exports comes back as it left
 * (its JSON form), with its ID; any other file goes through the heading
 * vocabulary of PDF import (tr-parser.h), its heading styles and outline
 * levels setting its headings apart. Either way the reviewers' comments
 * come with it, on their passages. Errors are TR_ERROR_INVALID_DATA with
 * a one-line message; among them, a file that names a report but whose
 * JSON form is not that report. */
TrOfficeImport *tr_office_import_new_from_bytes (GBytes         *data,
                                                 const char     *filename,
                                                 GError        **error);

/* The report: with the file's ID when it came from Trip Reports. */
TrReport   *tr_office_import_get_report      (TrOfficeImport *self);
/* TRUE when the file names a report of Trip Reports (its ID), so that
 * importing it into the library that has that report is a merge. */
gboolean    tr_office_import_has_identity    (TrOfficeImport *self);
/* The revision the file says it is of, or -1. */
gint64      tr_office_import_get_revision    (TrOfficeImport *self);
/* TRUE when the report came from the file's JSON form, as exported. */
gboolean    tr_office_import_is_lossless     (TrOfficeImport *self);
/* The review form the file carries, or NULL. */
TrReview   *tr_office_import_get_review      (TrOfficeImport *self);
/* The reviewers' comments (TrComment), anchored in the report's sections. */
GPtrArray  *tr_office_import_get_comments    (TrOfficeImport *self);
/* The paragraphs of @section as the file shows them (the reviewer may
 * have edited them): its paragraphs, headings and table rows (cells
 * separated by tabs), in order. */
GPtrArray  *tr_office_import_get_paragraphs  (TrOfficeImport *self,
                                              TrSection       section);
/* Whether paragraph @index of tr_office_import_get_paragraphs() is a
 * table row. */
gboolean    tr_office_import_is_table_row    (TrOfficeImport *self,
                                              TrSection       section,
                                              guint           index);

/* Saves a file of a report the library does not have, sent for review by
 * its author, into @store: the report with the file kept as its source,
 * the comments, and the review in 送審 (a draft's goes into review), so
 * that tr_review_is_received() holds and the decision is made here. */
gboolean    tr_office_import_receive         (TrOfficeImport *self,
                                              TrReportStore  *store,
                                              GError        **error);

G_END_DECLS
