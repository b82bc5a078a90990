/* tr-report.h: one trip report (公務出國報告)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-photo.h"
#include "tr-traveller.h"

G_BEGIN_DECLS

typedef enum {
  TR_REPORT_KIND_DRAFT,
  TR_REPORT_KIND_IMPORTED,
} TrReportKind;

/* The text fields of a report, in the order of the 提要 form and then the
 * body. The four body sections are contiguous and in their fixed order. */
typedef enum {
  TR_FIELD_TITLE,
  TR_FIELD_AGENCY,
  TR_FIELD_CONTACT,
  TR_FIELD_PHONE,
  TR_FIELD_CATEGORY,
  TR_FIELD_CATEGORY_OTHER,
  TR_FIELD_PERIOD_START,
  TR_FIELD_PERIOD_END,
  TR_FIELD_DESTINATION,
  TR_FIELD_REPORT_DATE,
  TR_FIELD_CLASSIFICATION,
  TR_FIELD_SUMMARY,
  TR_FIELD_PURPOSE,
  TR_FIELD_PROCESS,
  TR_FIELD_OBSERVATIONS,
  TR_FIELD_RECOMMENDATIONS,
  TR_FIELD_APPENDIX,
  TR_FIELD_UNCLASSIFIED,
  TR_N_FIELDS
} TrField;

typedef enum {
  TR_SECTION_PURPOSE,          /* 目的 */
  TR_SECTION_PROCESS,          /* 過程 */
  TR_SECTION_OBSERVATIONS,     /* 心得 */
  TR_SECTION_RECOMMENDATIONS,  /* 建議 */
  TR_N_SECTIONS
} TrSection;

#define TR_FIELD_FROM_SECTION(s) ((TrField) (TR_FIELD_PURPOSE + (s)))

/* Limits far beyond any real report, that keep a hostile file from filling
 * memory and slowing every list and search; the JSON form refuses more.
 * In characters: a field of the 提要 form, a traveller's detail, a keyword
 * or a photo's caption (FIELD); the summary, a body section, the appendix,
 * the unclassified text or a warning (TEXT). */
#define TR_REPORT_MAX_FIELD_LENGTH 4000
#define TR_REPORT_MAX_TEXT_LENGTH  (10 * 1000 * 1000)
#define TR_REPORT_MAX_TRAVELLERS   500
#define TR_REPORT_MAX_KEYWORDS     500
#define TR_REPORT_MAX_PHOTOS       200
#define TR_REPORT_MAX_WARNINGS     1000

/* "title", "period_start", … : the JSON key and the store column. */
const char   *tr_field_get_key             (TrField       field);
gboolean      tr_field_from_key            (const char   *key,
                                            TrField      *out_field);
/* The translated name of @field for people ("Report title", "Purpose" …). */
const char   *tr_field_get_label           (TrField       field);
/* TRUE for the ISO 8601 date fields. */
gboolean      tr_field_is_date             (TrField       field);
/* TRUE for the fields of the 提要 form (stored under "fields" in JSON). */
gboolean      tr_field_is_form_field       (TrField       field);
/* TR_REPORT_MAX_FIELD_LENGTH for the form's fields, TR_REPORT_MAX_TEXT_LENGTH
 * for the others. */
guint         tr_field_get_max_length      (TrField       field);

/* "purpose", … and the official heading, 目的 … (report content, not UI text). */
const char   *tr_section_get_key           (TrSection     section);
const char   *tr_section_get_heading       (TrSection     section);

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

const char   *tr_report_get_id             (TrReport     *self);
TrReportKind  tr_report_get_kind           (TrReport     *self);
GDateTime    *tr_report_get_created        (TrReport     *self);
GDateTime    *tr_report_get_modified       (TrReport     *self);
void          tr_report_set_modified       (TrReport     *self,
                                            GDateTime    *modified);

/* Never NULL: an unset field is "". */
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
/* For the store, which keeps the bytes apart and loads them on demand. */
void          tr_report_set_source_info    (TrReport     *self,
                                            const char   *filename,
                                            const char   *sha256);

/* Compares everything but the times: for tests and for change detection. */
gboolean      tr_report_content_equal      (TrReport     *a,
                                            TrReport     *b);

G_END_DECLS
