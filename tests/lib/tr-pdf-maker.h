/* tr-pdf-maker.h: real PDFs for the import tests and benchmark
 *
 * Lays text out on A4 pages with Pango and writes it with cairo's PDF
 * surface, in Noto Sans/Serif CJK TC: what a word processor would make of a
 * report (headings larger and bolder than the body, running headers, page
 * numbers, tables, a table of contents with dot leaders, photos with
 * captions), and the broken or hostile files import must refuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tr-report.h"

G_BEGIN_DECLS

#define TR_PDF_BODY_SIZE      12.0
#define TR_PDF_HEADING_SIZE   16.0
#define TR_PDF_SUBHEADING_SIZE 14.0
#define TR_PDF_TITLE_SIZE     24.0
#define TR_PDF_CAPTION_SIZE   10.0
#define TR_PDF_TABLE_SIZE     11.0
#define TR_PDF_HEADER_SIZE     9.0

typedef enum {
  TR_PDF_STYLE_BODY,        /* 12 pt serif, first line indented */
  TR_PDF_STYLE_PLAIN,       /* 12 pt serif, not indented */
  TR_PDF_STYLE_HEADING,     /* 16 pt sans bold */
  TR_PDF_STYLE_SUBHEADING,  /* 14 pt sans bold */
  TR_PDF_STYLE_TITLE,       /* 24 pt sans bold, centred */
  TR_PDF_STYLE_CENTRED,     /* 14 pt serif, centred (cover lines) */
  TR_PDF_STYLE_CAPTION,     /* 10 pt sans, centred */
} TrPdfStyle;

typedef struct _TrPdfMaker TrPdfMaker;

TrPdfMaker *tr_pdf_maker_new            (const char         *path);
void        tr_pdf_maker_free           (TrPdfMaker         *self);

/* From the next page on: a running header (NULL: none) and a centred
 * footer, a printf format with one %u for the page number ("- %u -",
 * "第 %u 頁"; NULL: none). Numbering starts at 1 with the first page that
 * has a footer. */
void        tr_pdf_maker_set_header     (TrPdfMaker         *self,
                                         const char         *text);
void        tr_pdf_maker_set_footer     (TrPdfMaker         *self,
                                         const char         *format);

/* Each line of @text is a paragraph. Headings are kept with what follows. */
void        tr_pdf_maker_add_text       (TrPdfMaker         *self,
                                         TrPdfStyle          style,
                                         const char         *text);
/* One table row with a border around each cell; @widths are fractions of
 * the text width (NULL: equal). Rows added one after another make a table. */
void        tr_pdf_maker_add_row        (TrPdfMaker         *self,
                                         const char * const *cells,
                                         const double       *widths);
/* "目的 ........ 3": a line of a table of contents. */
void        tr_pdf_maker_add_toc_entry  (TrPdfMaker         *self,
                                         const char         *label,
                                         guint               page);
typedef enum {
  TR_PDF_PHOTO_RAW,   /* the pixels, compressed losslessly by cairo */
  TR_PDF_PHOTO_JPEG,  /* a JPEG, embedded as it is (DCTDecode) */
} TrPdfPhotoFormat;

/* How the pictures added from now on are stored, and how many pixels
 * they have per point they take on the page (default: raw, 1). */
void        tr_pdf_maker_set_photos     (TrPdfMaker         *self,
                                         TrPdfPhotoFormat    format,
                                         double              pixels_per_point);
/* A raster picture (a "photo") of @width × @height points, centred. */
void        tr_pdf_maker_add_image      (TrPdfMaker         *self,
                                         double              width,
                                         double              height);
void        tr_pdf_maker_add_space      (TrPdfMaker         *self,
                                         double              points);
void        tr_pdf_maker_new_page       (TrPdfMaker         *self);
/* Paragraphs from now on flow down @n_columns (1 or 2) columns, the left
 * one filled first, as a word processor's section does; a change starts a
 * new page unless the page is empty. */
void        tr_pdf_maker_set_columns    (TrPdfMaker         *self,
                                         guint               n_columns);
/* Pages so far, the current one included. */
guint       tr_pdf_maker_get_n_pages    (TrPdfMaker         *self);
gboolean    tr_pdf_maker_finish         (TrPdfMaker         *self,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrPdfMaker, tr_pdf_maker_free)

/* Whole reports ----------------------------------------------------------- */

typedef enum {
  TR_PDF_HEADINGS_NUMBERED,   /* 壹、目的  貳、過程 … */
  TR_PDF_HEADINGS_CHAPTERS,   /* 第一章 目的 … */
  TR_PDF_HEADINGS_BARE,       /* 目的 … */
} TrPdfHeadings;

typedef struct {
  TrPdfHeadings  headings;
  /* The heading words; NULL: 目的, 過程, 心得, 建議. */
  const char    *words[TR_N_SECTIONS];
  /* 心得 and 建議 under one heading (NULL: 心得與建議), split by the
   * sub-headings 一、心得 and 二、建議. */
  gboolean       combined;
  const char    *combined_word;
  gboolean       cover;              /* 出國報告（出國類別：…）, title, agency, … */
  gboolean       form;               /* the 提要 form, as a table with ☑/☐ */
  gboolean       summary_page;       /* 摘要 under its own heading */
  gboolean       toc;                /* 目次 with dot leaders */
  const char    *running_header;     /* on every page after the cover */
  const char    *footer;             /* see tr_pdf_maker_set_footer() */
  gboolean       section_per_page;   /* each body heading starts a page */
} TrPdfReportLayout;

/* Lays @report out. In the sections and the appendix each line is a
 * paragraph, except: a line "|a|b|c|" is a table row (a schedule), and in
 * the appendix a line starting with 照片 is a photo with that caption. */
void        tr_pdf_maker_add_report     (TrPdfMaker              *self,
                                         TrReport                *report,
                                         const TrPdfReportLayout *layout);

/* The heading a layout gives @section (壹、目的, 第二章 經過, 建議 …). */
char       *tr_pdf_report_layout_heading (const TrPdfReportLayout *layout,
                                          TrSection                section);

/* A "scan": @n_pages pages that are only a picture of text. */
gboolean    tr_pdf_make_scan            (const char              *path,
                                         guint                    n_pages,
                                         GError                 **error);
/* @n_pages pages with one short line each: quick to make, for page limits. */
gboolean    tr_pdf_make_numbered_pages  (const char              *path,
                                         guint                    n_pages,
                                         GError                 **error);

/* Hand-written PDFs, for what cairo never writes. */
typedef enum {
  TR_PDF_CJK_UCS2,   /* UniCNS-UCS2-H */
  TR_PDF_CJK_BIG5,   /* ETen-B5-H */
} TrPdfCjkEncoding;

typedef enum {
  TR_PDF_PICTURE_GOOD,         /* 100 × 100 pixels */
  TR_PDF_PICTURE_UNDECODABLE,  /* claims a width poppler cannot render */
} TrPdfPicture;

/* One line of @lines after another, in 細明體 (MingLiU) as old Taiwanese
 * PDFs have it: not embedded, in @encoding. A line "# …" is a heading, a
 * line "\f" starts a new page, a line "[picture]" is a picture of 150 ×
 * 150 points, @picture. Lines are not wrapped. */
gboolean    tr_pdf_make_unembedded      (const char              *path,
                                         TrPdfCjkEncoding         encoding,
                                         const char * const      *lines,
                                         TrPdfPicture             picture,
                                         GError                 **error);

G_END_DECLS
