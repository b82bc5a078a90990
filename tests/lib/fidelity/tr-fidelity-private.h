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
