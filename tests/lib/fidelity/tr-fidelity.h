/* tr-fidelity.h: a corpus of real-style report PDFs, and how well import reads them
 *
 * Each case is a report written here (title, cover or 提要 form in one
 * agency's words and dates, four sections in one heading style, a footer
 * and maybe a running header, maybe columns, a photo grid, footnotes or
 * a scanned page), laid out as a web page and turned into a PDF by a real
 * producer: Chromium printing it, LibreOffice opening it, or pandoc making
 * a DOCX of it that LibreOffice prints. Cases with tables, a running
 * header or another footer are written for LibreOffice as a Writer
 * document, and those with tables or footnotes for pandoc in Markdown
 * instead. The PDF is then imported by the
 * real worker and what came back is scored against what was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tr-report.h"

G_BEGIN_DECLS

typedef enum {
  TR_FIDELITY_CHROMIUM,     /* chromium --headless --print-to-pdf */
  TR_FIDELITY_LIBREOFFICE,  /* soffice --convert-to pdf, from HTML; the table
                             * cases from a Writer document (FODT) */
  TR_FIDELITY_PANDOC,       /* pandoc to DOCX, then LibreOffice; the table
                             * cases from Markdown with pipe tables */
  TR_FIDELITY_N_PRODUCERS
} TrFidelityProducer;

typedef enum {
  TR_FIDELITY_COVER_NONE,
  TR_FIDELITY_COVER_KIND_ABOVE,  /* 出國報告（出國類別：…） above the title */
  TR_FIDELITY_COVER_KIND_BELOW,  /* the title, then 出國報告 on its own line */
  TR_FIDELITY_COVER_BARE,        /* the title alone, then the fields */
} TrFidelityCover;

typedef enum {
  TR_FIDELITY_HEADINGS_NUMBERED,     /* 壹、目的 */
  TR_FIDELITY_HEADINGS_CHAPTERS,     /* 第一章 目的 */
  TR_FIDELITY_HEADINGS_CHAPTER_ABOVE,/* 第一章 on one line, 目的 on the next */
  TR_FIDELITY_HEADINGS_ROMAN_GLOSS,  /* I. 目的 Purpose */
  TR_FIDELITY_HEADINGS_SPACED,       /* 目　　的 */
  TR_FIDELITY_HEADINGS_SPACED_HALF,  /* 目 的 */
  TR_FIDELITY_HEADINGS_LOWER,        /* 一、目的, the top level in lower numerals */
  TR_FIDELITY_HEADINGS_SYNONYMS,     /* 壹、出國目的, 貳、參訪過程, 參、心得, 肆、建議事項 */
} TrFidelityHeadings;

/* How the cover and the form write their dates. */
typedef enum {
  TR_FIDELITY_DATES_ROC,         /* 105年7月9日至105年7月11日 */
  TR_FIDELITY_DATES_ROC_DOTTED,  /* 105.07.09～105.07.11 */
  TR_FIDELITY_DATES_WESTERN,     /* 2016/07/09 - 2016/07/11 */
} TrFidelityDates;

/* The page number in the footer of each page. */
typedef enum {
  TR_FIDELITY_PAGE_NUMBERS_PLAIN,    /* 3 */
  TR_FIDELITY_PAGE_NUMBERS_DI_YE,    /* 第 3 頁 */
  TR_FIDELITY_PAGE_NUMBERS_DASHED,   /* - 3 - */
  TR_FIDELITY_PAGE_NUMBERS_OF_TOTAL, /* 3/18 */
} TrFidelityPageNumbers;

typedef enum {
  TR_FIDELITY_TABLES_NONE,
  TR_FIDELITY_TABLES_RULED,    /* every cell boxed */
  TR_FIDELITY_TABLES_UNRULED,  /* cells apart by white space alone */
} TrFidelityTables;

/* How the 提要 form's grid is laid out, when the case has one. */
typedef enum {
  TR_FIDELITY_GRID_HTML,          /* a web page's table, for every producer */
  /* The rest are flat ODT documents that LibreOffice lays out: labels
   * vertically centred beside values of several lines, wrapping in a
   * narrow first column. */
  TR_FIDELITY_GRID_SPACED,        /* labels spaced with full-width spaces: 計　畫　名　稱 */
  TR_FIDELITY_GRID_LETTER_SPACED, /* labels spread by character spacing */
  TR_FIDELITY_GRID_PAGE_SPLIT,    /* the form low on its page: rows split over two pages */
  TR_FIDELITY_GRID_LONG_SUMMARY,  /* a 內容摘要 of several paragraphs beside its label */
} TrFidelityGrid;

typedef struct {
  const char         *name;
  guint32             seed;
  TrFidelityCover     cover;
  gboolean            title_in_header;  /* a running header carries the title */
  gboolean            form;             /* the 提要 form, a grid with centred labels */
  TrFidelityHeadings  headings;
  gboolean            columns;          /* the body in two CSS columns */
  gboolean            photo_grid;       /* photos two to a row, captions that wrap */
  gboolean            footnotes;        /* notes at the foot of pages */
  gboolean            scanned_page;     /* a page that is only a picture */
  /* A delegation under 目的, a schedule over several pages under 過程
   * (its header row repeated on each), figures under 心得. */
  TrFidelityTables    tables;
  /* Producers that cannot lay the case out (Chromium has no footnotes). */
  guint               skip_producers;   /* 1 << TrFidelityProducer */
  /* With @form: how its grid is laid out (all but HTML: LibreOffice only). */
  TrFidelityGrid      grid;
  /* Labels as other agencies word them: on the cover 機關名稱, 姓名 and
   * 職稱 on lines of their own, 出國國家, 出國日期; in the form its rows
   * in another order, 報告名稱, 主辦機關, labels spaced out (聯　絡　人),
   * the travellers' 單位 and 職稱 in columns of their own, 出國日期. */
  gboolean            other_labels;
  TrFidelityDates     dates;
  /* A running footer other than the bare number; with it, or with
   * @title_in_header, LibreOffice prints the case from a Writer document
   * (its HTML import has no running headers), so the case can have no
   * form, photos, columns nor footnotes. */
  TrFidelityPageNumbers page_numbers;
} TrFidelityCase;

/* Every case of the corpus, and its number. */
const TrFidelityCase *tr_fidelity_get_cases      (guint *out_n_cases);
const char           *tr_fidelity_producer_name  (TrFidelityProducer producer);
/* FALSE when the producer's programs are not installed. */
gboolean              tr_fidelity_producer_available (TrFidelityProducer producer);

/* What the case's PDF should give back. */
TrReport             *tr_fidelity_expected       (const TrFidelityCase *fcase);

/* Makes the case's PDF in @dir with @producer; NULL with @error when the
 * producer failed. */
char                 *tr_fidelity_make_pdf       (const TrFidelityCase *fcase,
                                                  TrFidelityProducer    producer,
                                                  const char           *dir,
                                                  GError              **error);

/* How well an import read a case. */
typedef struct {
  gboolean title_found;       /* the whole title, nothing else */
  guint    n_fields;          /* cover and form fields expected */
  guint    n_fields_found;
  double   section_f1;        /* the four sections and the summary, mean */
  double   section_f1_each[TR_N_SECTIONS];
  double   summary_f1;
  char    *missing_fields;    /* "destination, report_date": for people */
  guint    n_tables;          /* tables expected */
  guint    n_tables_found;    /* … read as tables, row for row */
  guint    n_cells;           /* their cells */
  guint    n_cells_right;     /* … read right, in the right row and column */
  guint    n_false_tables;    /* tables found beyond those expected */
} TrFidelityScore;

void                  tr_fidelity_score          (const TrFidelityCase *fcase,
                                                  TrReport             *expected,
                                                  TrReport             *found,
                                                  TrFidelityScore      *out_score);
void                  tr_fidelity_score_clear    (TrFidelityScore      *score);

/* Bigram F1 of two texts once whitespace is gone: 1.0 for the same text. */
double                tr_fidelity_text_f1        (const char *expected,
                                                  const char *found);

G_END_DECLS
