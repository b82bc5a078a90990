/* tr-report.h: one trip report (公務出國報告)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-body.h"
#include "tr-field.h"
#include "tr-photo.h"
#include "tr-traveller.h"

G_BEGIN_DECLS

typedef enum {
  TR_REPORT_KIND_DRAFT,
  TR_REPORT_KIND_IMPORTED,
} TrReportKind;

const char   *tr_report_kind_to_string     (TrReportKind  kind);
gboolean      tr_report_kind_from_string   (const char   *string,
                                            TrReportKind *out_kind);

#define TR_TYPE_REPORT (tr_report_get_type ())
G_DECLARE_FINAL_TYPE (TrReport, tr_report, TR, REPORT, GObject)

/* A new report with a fresh UUID, created and modified now. */
TrReport     *tr_report_new                (TrReportKind  kind);
/* A report as stored: used by the store and by tests. */
TrReport     *tr_report_new_full           (const char   *id,
                                            TrReportKind  kind,
                                            GDateTime    *created,
                                            GDateTime    *modified);

/* A deep copy, for handing a snapshot to another thread. */
TrReport     *tr_report_copy               (TrReport     *self);

/* A new draft that starts from @self, as the next trip's report often
 * does: its 提要 form (not the dates of the trip, the report's date or its
 * page count), travellers and keywords; with @with_text also its 摘要,
 * body, tables, appendix and photos, else only the numbered headings of
 * its body (一、 and （一） lines), the outline to write under. */
TrReport     *tr_report_new_from           (TrReport     *self,
                                            gboolean      with_text);
/* A new draft with all of @self (an imported report's original file and
 * warnings stay with it): a copy to change without touching @self. */
TrReport     *tr_report_duplicate          (TrReport     *self);
/* Gives @self the 提要 of @source: its form fields (the title among them),
 * travellers, keywords and whether it has attachments. The 摘要, the
 * sections, the appendix, the photos and the 頁數 stay as they are: what
 * correcting an imported report may change. */
void          tr_report_set_form_from      (TrReport     *self,
                                            TrReport     *source);

const char   *tr_report_get_id             (TrReport     *self);
TrReportKind  tr_report_get_kind           (TrReport     *self);
GDateTime    *tr_report_get_created        (TrReport     *self);
GDateTime    *tr_report_get_modified       (TrReport     *self);
void          tr_report_set_modified       (TrReport     *self,
                                            GDateTime    *modified);

/* Never NULL: an unset field is "". For a field that may hold tables
 * (tr_field_holds_tables()), the plain text of its body, cells included
 * (tr_body_get_plain_text()); setting it makes the body that text alone,
 * unless it is that text already. */
const char   *tr_report_get_text           (TrReport     *self,
                                            TrField       field);
void          tr_report_set_text           (TrReport     *self,
                                            TrField       field,
                                            const char   *text);
const char   *tr_report_get_section        (TrReport     *self,
                                            TrSection     section);
void          tr_report_set_section        (TrReport     *self,
                                            TrSection     section,
                                            const char   *text);

/* The text and tables of a section or of the appendix, edited in place: a
 * change notifies the field's property ("process", "appendix" …) as
 * tr_report_set_text() does. */
TrBody       *tr_report_get_body           (TrReport     *self,
                                            TrField       field);
/* N of "表 N：…", the label exports give table @index of @field: the
 * captioned tables are numbered through the report in order, from 1. 0
 * for a table without a caption, which is not numbered. */
guint         tr_report_get_table_number   (TrReport     *self,
                                            TrField       field,
                                            guint         index);

/* A GListModel of TrTraveller, editable in place. */
GListStore   *tr_report_get_travellers     (TrReport     *self);

/* A GListModel of TrPhoto, the appendix's photos in their order; edited in
 * place (captions too). Photos with the same ID may not appear twice. */
GListStore   *tr_report_get_photos         (TrReport     *self);
/* Moves the photo at @from to @to (both positions in the current list). */
void          tr_report_move_photo         (TrReport     *self,
                                            guint         from,
                                            guint         to);

/* Never NULL; possibly empty. */
const char * const *tr_report_get_keywords (TrReport     *self);
void          tr_report_set_keywords       (TrReport     *self,
                                            const char * const *keywords);
const char * const *tr_report_get_warnings (TrReport     *self);
void          tr_report_set_warnings       (TrReport     *self,
                                            const char * const *warnings);
void          tr_report_add_warning        (TrReport     *self,
                                            const char   *warning);

gboolean      tr_report_get_has_attachments (TrReport    *self);
void          tr_report_set_has_attachments (TrReport    *self,
                                             gboolean     has_attachments);
/* 0 when unknown. */
guint         tr_report_get_pages          (TrReport     *self);
void          tr_report_set_pages          (TrReport     *self,
                                            guint         pages);

/* The original file of an imported report, kept so it can be opened again. */
const char   *tr_report_get_source_filename (TrReport    *self);
const char   *tr_report_get_source_sha256  (TrReport     *self);
GBytes       *tr_report_get_source_data    (TrReport     *self);
/* Computes the SHA-256 of @data. */
void          tr_report_set_source         (TrReport     *self,
                                            const char   *filename,
                                            GBytes       *data);
/* With @sha256, the SHA-256 of @data (in hex) worked out meanwhile. */
void          tr_report_set_source_full    (TrReport     *self,
                                            const char   *filename,
                                            GBytes       *data,
                                            const char   *sha256);
/* For the store, which keeps the bytes apart and loads them on demand. */
void          tr_report_set_source_info    (TrReport     *self,
                                            const char   *filename,
                                            const char   *sha256);
/* What tells the same report in two files whose bytes differ (another
 * producer's PDF, a re-save, an encrypted copy): tr_text_fingerprint() of
 * its 摘要, sections, appendix and unclassified text, in that order, the
 * text as imported. Not the 提要 fields, which the user may correct.
 * NULL when the report has too little text to tell. */
char         *tr_report_dup_text_fingerprint (TrReport   *self);

/* Compares everything but the times: for tests and for change detection. */
gboolean      tr_report_content_equal      (TrReport     *a,
                                            TrReport     *b);

G_END_DECLS
