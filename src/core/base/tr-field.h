/* tr-field.h: the fields of a report and the sections of its body
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

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
/* TRUE for the four sections and the appendix, whose text may have tables
 * between its paragraphs (tr-body.h); the 摘要 is plain text. */
gboolean      tr_field_holds_tables        (TrField       field);

/* "purpose", … and the official heading, 目的 … (report content, not UI text). */
const char   *tr_section_get_key           (TrSection     section);
const char   *tr_section_get_heading       (TrSection     section);

G_END_DECLS
