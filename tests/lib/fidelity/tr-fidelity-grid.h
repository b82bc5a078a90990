/* tr-fidelity-grid.h: the 提要 grid cases as a word processor lays them out
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-fidelity.h"

G_BEGIN_DECLS

/* The cover's words as written, beside the fields of the expected report. */
typedef struct {
  const char *title;        /* "|" where the cover breaks it */
  const char *agency;
  const char *unit;
  const char *person;       /* 職稱 姓名 */
  const char *name;
  const char *job_title;
  const char *destination;
  const char *period;       /* as the cover writes it */
  const char *report_date;  /* as the cover writes it */
  const char *category;
} TrFidelityGridWords;

/* The case as a flat ODT (a .fodt that LibreOffice opens): the cover, the
 * 提要 form as a table in the case's grid style, the four sections and
 * the appendix. */
char *tr_fidelity_make_grid_fodt (const TrFidelityCase      *fcase,
                                  const TrFidelityGridWords *trip,
                                  TrReport                  *expected);

G_END_DECLS
