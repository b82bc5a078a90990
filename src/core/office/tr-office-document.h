/* tr-office-document.h: what an ODT or DOCX file says, before it is a report
 *
 * The text in reading order as blocks (headings with their outline level,
 * paragraphs, table rows, pictures), the reviewers' comments on it, and
 * what Trip Reports put in its own exports: the report's ID and revision
 * (in the document's properties, which LibreOffice and Word keep when
 * they save) and its JSON form (a part of the package, which they drop).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TR_OFFICE_FORMAT_ODT,
  TR_OFFICE_FORMAT_DOCX,
} TrOfficeFormat;

typedef enum {
  TR_OFFICE_BLOCK_PARAGRAPH,
  TR_OFFICE_BLOCK_HEADING,
  TR_OFFICE_BLOCK_TABLE_ROW,  /* the cells' text, a tab between them */
  TR_OFFICE_BLOCK_PICTURE,
} TrOfficeBlockKind;

typedef struct {
  TrOfficeBlockKind kind;
  /* A heading's outline level, from 1; for a table row, 1 when it is the
   * first row of its table, else 0. */
  guint             level;
  char             *text;      /* line breaks inside it as "\n" */
  char             *picture;   /* TR_OFFICE_BLOCK_PICTURE: its part in the package */
} TrOfficeBlock;

/* A reviewer's comment, on characters [start, end) of a block's text
 * (start == end: on a point, the block as a whole is its passage). */
typedef struct {
  guint  block;
  guint  start;
  guint  end;
  char  *author;
  char  *date;   /* ISO 8601, as the file has it; may be NULL */
  char  *text;
  gboolean resolved;  /* LibreOffice's loext:resolved: done with, kept as such */
} TrOfficeAnnotation;

typedef struct {
  TrOfficeFormat format;
  GPtrArray     *blocks;       /* TrOfficeBlock */
  GPtrArray     *annotations;  /* TrOfficeAnnotation */
  char          *report_id;    /* TripReports.id, or NULL */
  gint64         revision;     /* TripReports.revision, or -1 */
  GBytes        *report_json;  /* TripReports/report.json, or NULL */
  GBytes        *review_json;  /* TripReports/review.json, or NULL */
  GHashTable    *pictures;     /* part name → GBytes, of the pictures blocks name */
} TrOfficeDocument;

/* The package parts and properties of our own exports. */
#define TR_OFFICE_REPORT_PART   "TripReports/report.json"
#define TR_OFFICE_REVIEW_PART   "TripReports/review.json"
#define TR_OFFICE_ID_PROPERTY   "TripReports.id"
#define TR_OFFICE_REV_PROPERTY  "TripReports.revision"

/* Reads an ODT or a DOCX file, told apart by what the package holds.
 * Errors are TR_ERROR_INVALID_DATA with a one-line message. */
TrOfficeDocument *tr_office_document_read (GBytes           *data,
                                           GError          **error);
void              tr_office_document_free (TrOfficeDocument *document);

/* Whether @paragraph is a table's caption as our export and word
 * processors number it, 「表 N：…」. */
gboolean          tr_office_is_table_caption   (const char *paragraph);
/* @paragraph without that number: the caption as a table holds it. */
char             *tr_office_table_caption_text (const char *paragraph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrOfficeDocument, tr_office_document_free)

G_END_DECLS
