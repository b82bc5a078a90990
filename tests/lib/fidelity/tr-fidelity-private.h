/* tr-fidelity-private.h: what the producers' documents share
 *
 * The web page (tr-fidelity.c), and the documents a Writer or a pandoc
 * user would write (tr-fidelity-office.c), are made of the same words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-fidelity.h"

G_BEGIN_DECLS

typedef struct {
  const char *title;       /* "|" where the cover breaks it */
  const char *agency;
  const char *unit;
  const char *person;      /* 職稱 姓名 */
  const char *name;
  const char *job_title;
  const char *destination;
  const char *period;      /* as the cover writes it */
  const char *start, *end; /* ISO */
  const char *report_date, *report_date_iso;
  const char *category;
} TrFidelityTrip;

const TrFidelityTrip *tr_fidelity_trip_of        (const TrFidelityCase *fcase);
/* The cover's lines after the title and the kind ("服務機關：臺中市政府"
 * …), as the case words them. */
GStrv                 tr_fidelity_cover_fields   (const TrFidelityCase *fcase);
/* The running header's text (the title, or NULL), and the footer's
 * words before and after the page number, as the case has them; with
 * 3/18, @out_of_total is TRUE and @out_after is "/". */
void                  tr_fidelity_page_furniture (const TrFidelityCase *fcase,
                                                  char                **out_header,
                                                  const char          **out_before,
                                                  const char          **out_after,
                                                  gboolean             *out_of_total);
/* The footnote of the footnotes case, which ends 過程. */
const char           *tr_fidelity_footnote_text  (void);

/* The captions of the photo grid case, as written. */
#define TR_FIDELITY_N_PHOTO_CAPTIONS 4
extern const char * const tr_fidelity_photo_captions[TR_FIDELITY_N_PHOTO_CAPTIONS];
/* Whether LibreOffice prints the case from a Writer document. */
gboolean              tr_fidelity_writer_document (const TrFidelityCase *fcase);

/* The heading of part @index (0–3 the sections, 4 the appendix), its
 * lines apart with "\n". */
char                 *tr_fidelity_heading_text   (const TrFidelityCase *fcase,
                                                  guint                 index);

/* The case written in Writer, as a flat ODF text document: tables with
 * their header row repeated on each page, a 表 N： caption above. */
char                 *tr_fidelity_make_fodt      (const TrFidelityCase *fcase,
                                                  TrReport             *expected);
/* The case written in pandoc's Markdown, its tables pipe tables. */
char                 *tr_fidelity_make_markdown  (const TrFidelityCase *fcase,
                                                  TrReport             *expected);

G_END_DECLS
