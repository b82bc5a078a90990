/* tr-document.h: a report laid out once, for every output format
 *
 * The document is what the reader sees, in reading order, with every
 * decision of the official layout taken: which parts and fields appear,
 * what counts as empty, the numbering of headings (壹、貳、…) and of
 * captions (照片 1：…, 表 1：…), the levels of numbered lines, the
 * ticks of the 提要 form. The ODT writer and the PDF renderer walk it;
 * neither asks the report anything.
 *
 * It is plain data: built in one go, read-only afterwards, and safe to
 * hand to another thread once built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tr-comment.h"
#include "tr-doc-style.h"
#include "tr-photo.h"
#include "tr-report.h"
#include "tr-review.h"

G_BEGIN_DECLS

/* What a paragraph shows instead of its text. */
typedef enum {
  TR_DOC_FIELD_NONE,
  TR_DOC_FIELD_PAGE_COUNT,  /* 頁數: the pages of the laid-out document */
} TrDocField;

/* Where a paragraph of a body section starts and ends in the section's
 * text (byte offsets into TrDocHeading.text), for the comments anchored
 * there. */
typedef struct {
  gsize start;       /* the paragraph's first character (its marker's) */
  gsize text_start;  /* after the marker and the spaces after it */
  gsize next;        /* the next line: after this one's newline */
} TrDocSource;

typedef struct {
  TrDocStyle   style;
  /* The Arabic levels' marker ("1.", "(1)"), which a tab sets apart from
   * the text; NULL for the other styles, whose marker is in the text. */
  char        *marker;
  char        *text;
  TrDocField   field;
  gboolean     has_source;
  TrDocSource  source;
} TrDocParagraph;

typedef struct {
  guint     level;      /* 1: the report's parts */
  char     *number;     /* 壹 */
  char     *title;      /* 目的 */
  char     *label;      /* 壹、目的, as the contents and bookmarks show it */
  gboolean  new_page;
  TrField   field;      /* the text under it */
  char     *text;       /* that field's text, as valid UTF-8 */
  char     *anchor;     /* a name for links to it: __RefHeading__tr1 */
} TrDocHeading;

/* The 目次: one entry per heading, with the page it falls on. */
typedef struct {
  char      *title;     /* 目次 */
  GPtrArray *headings;  /* TrDocHeading, owned by their blocks */
} TrDocContents;

/* One photo of the appendix, sized to its cell. */
typedef struct {
  TrPhoto *photo;
  guint    number;      /* 照片 N */
  double   width;       /* points, the picture's shape */
  double   height;
} TrDocPhoto;

typedef enum {
  TR_DOC_VALIGN_TOP,
  TR_DOC_VALIGN_MIDDLE,
  TR_DOC_VALIGN_BOTTOM,
} TrDocVAlign;

typedef struct {
  /* A cell that a cell above or to the left spans: it holds nothing. */
  gboolean    covered;
  guint       column_span;
  guint       row_span;
  TrDocPhoto *photo;        /* or NULL: a picture above the paragraphs */
  GPtrArray  *paragraphs;   /* TrDocParagraph, at least one unless covered */
} TrDocCell;

typedef struct {
  double     min_height;    /* points; 0: as high as the text */
  /* Never split across pages, unless taller than a page (word processors
   * split those all the same). */
  gboolean   keep_together;
  GPtrArray *cells;         /* TrDocCell, one per column, covered ones too */
} TrDocRow;

/* Which table this is, for formats that name their table styles. */
typedef enum {
  TR_DOC_TABLE_FORM,              /* 提要 */
  TR_DOC_TABLE_PHOTOS,            /* the appendix's photos, two to a row */
  TR_DOC_TABLE_DATA,              /* a table of the body: 表 N */
  TR_DOC_TABLE_REVIEW_HEADER,     /* the review form's header */
  TR_DOC_TABLE_REVIEW_ITEMS,      /* its ten items */
  TR_DOC_TABLE_REVIEW_SIGNATURES, /* its signatures */
} TrDocTableKind;

typedef struct {
  TrDocTableKind  kind;
  char           *name;           /* 提要, 照片, 表1 … */
  TrDocParagraph *caption;        /* 表 N：… above the table, or NULL */
  guint           n_columns;
  double         *column_widths;  /* points; they add up to the text width */
  /* The first rows: repeated at the top of each page the table runs on. */
  guint           n_header_rows;
  GPtrArray      *rows;           /* TrDocRow */
  gboolean        borders;        /* 0.5 pt lines around every cell */
  double          padding;
  TrDocVAlign     valign;
  double          space_before;
  double          space_after;
  /* For the builder: per column, the first row no cell above covers. */
  guint          *free_from_row;
} TrDocTable;

typedef enum {
  TR_DOC_BLOCK_PARAGRAPH,
  TR_DOC_BLOCK_HEADING,
  TR_DOC_BLOCK_CONTENTS,
  TR_DOC_BLOCK_TABLE,
} TrDocBlockKind;

typedef struct {
  TrDocBlockKind kind;
  union {
    TrDocParagraph *paragraph;
    TrDocHeading   *heading;
    TrDocContents  *contents;
    TrDocTable     *table;
  };
} TrDocBlock;

typedef struct {
  /* The metadata. */
  char        *title;
  char        *author;
  char        *subject;
  GStrv        keywords;
  char        *description;
  GDateTime   *created;
  GDateTime   *modified;
  /* The Traditional Chinese face every part of the text is set in. */
  char        *typeface;
  gboolean     has_page_count;
  GPtrArray   *blocks;        /* TrDocBlock, in reading order */
  GPtrArray   *headings;      /* TrDocHeading, in order, owned by their blocks */
  GPtrArray   *photos;        /* TrDocPhoto, in order, owned by their cells */
  /* The reviewers' comments to show (ODT): TrComment, not resolved. */
  GPtrArray   *comments;
} TrDocument;

/* The report in the official layout: cover, 提要, 摘要, 目次, the four
 * parts of the body (always, even empty: the review form asks for them),
 * the appendix with its photos when there is one, and text an import could
 * not place. @comments (TrComment, or NULL): the unresolved ones are kept
 * for the formats that show them. */
TrDocument *tr_document_new_for_report      (TrReport    *report,
                                             GPtrArray   *comments);
/* 附件二, the review form, filled from @report and @review, on one page. */
TrDocument *tr_document_new_for_review_form (TrReport    *report,
                                             TrReview    *review);
/* Adds the review form of tr_document_new_for_review_form() to @self, on
 * a page of its own: the copy sent for review carries it, to be ticked in
 * a word processor (tr-office-review-form.c reads it back). */
void        tr_document_add_review_form     (TrDocument  *self,
                                             TrReport    *report,
                                             TrReview    *review);
void        tr_document_free                (TrDocument  *self);

/* The blocks' total text length, in bytes: a measure of the work of
 * laying the document out, for progress. */
gsize       tr_document_get_text_size       (TrDocument  *self);
/* The same for one table's cells. */
gsize       tr_doc_table_get_text_size      (TrDocTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrDocument, tr_document_free)

/* Building documents (tr-document.c), for the builders. */
TrDocParagraph *tr_doc_paragraph_new        (TrDocStyle   style,
                                             const char  *text);
TrDocTable     *tr_doc_table_new            (TrDocTableKind kind,
                                             const char  *name,
                                             guint        n_columns,
                                             const double *column_widths);
/* A row of @table's columns, all empty and uncovered. */
TrDocRow       *tr_doc_table_add_row        (TrDocTable  *table);
/* The cell at @column of @row, spanning @columns and @rows: the cells it
 * covers are marked so (those of the rows below once they are added). */
TrDocCell      *tr_doc_row_set_cell         (TrDocTable  *table,
                                             TrDocRow    *row,
                                             guint        column,
                                             guint        columns,
                                             guint        rows);
/* Adds a paragraph of @style with @text to @cell; returns it. */
TrDocParagraph *tr_doc_cell_add_text        (TrDocCell   *cell,
                                             TrDocStyle   style,
                                             const char  *text);
void            tr_document_add_paragraph   (TrDocument  *self,
                                             TrDocParagraph *paragraph);
void            tr_document_add_table       (TrDocument  *self,
                                             TrDocTable  *table);
void            tr_document_add_heading     (TrDocument  *self,
                                             TrDocHeading *heading);
void            tr_document_add_contents    (TrDocument  *self,
                                             TrDocContents *contents);
TrDocument     *tr_document_new             (void);
/* Title, author (the first traveller), keywords, summary and times. */
void            tr_document_set_metadata    (TrDocument  *self,
                                             TrReport    *report);

G_END_DECLS
