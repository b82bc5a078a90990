/* tr-parser-form.h: reads the 提要 form (and the cover's labelled lines)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-parsed-report.h"

G_BEGIN_DECLS

typedef enum {
  TR_FORM_LINE_NONE,     /* not a line of the form: the caller keeps it as text */
  TR_FORM_LINE_READ,     /* read into the report's fields */
  TR_FORM_LINE_SUMMARY,  /* 內容摘要: the summary starts here */
} TrFormLine;

typedef struct _TrFormReader TrFormReader;

/* Fills the 提要 fields of @report (title, agency, contact, phone,
 * travellers, category, period, destination, report date, classification,
 * keywords, attachments, pages) from the lines given to it. @report must
 * outlive the reader. */
TrFormReader *tr_form_reader_new        (TrParsedReport *report);
void          tr_form_reader_free       (TrFormReader *self);

typedef enum {
  /* The line comes after the form's title: labels may stand without a
   * colon there, and values on the line after their label. */
  TR_FORM_IN_FORM   = 1 << 0,
  /* By the layout the line carries on the previous one's paragraph. */
  TR_FORM_CONTINUES = 1 << 1,
  /* The line sits right under the previous one (a long value that wrapped
   * inside its table cell, which is narrower than the page). */
  TR_FORM_ADJACENT  = 1 << 2,
} TrFormFlags;

/* Reads one line of the front matter.
 *
 * @out_complete is FALSE when some of the line's text could not be stored
 * in a field (a note after a date, a date that is no date): the caller then
 * keeps the line as text too, so that nothing is lost. For
 * TR_FORM_LINE_SUMMARY, @out_rest points into @text where the summary's
 * text starts (possibly at its end). */
TrFormLine    tr_form_reader_read_line  (TrFormReader *self,
                                         const char   *text,
                                         TrFormFlags   flags,
                                         gboolean     *out_complete,
                                         const char  **out_rest);

/* Forgets the label waiting for its value and the table being read:
 * something else came between. */
void          tr_form_reader_interrupt  (TrFormReader *self);

/* How many lines held labels: a cover has a few, a form many. */
guint         tr_form_reader_get_n_labelled (TrFormReader *self);

/* Where the text of a line of the summary starts, after the end of a
 * 內容摘要 label that wrapped in its cell (內容摘, then 要 beside the
 * summary's next line); @text itself (its spaces skipped) otherwise. Only
 * the line right after the label's first part may hold its end. */
const char   *tr_form_reader_skip_label_end (TrFormReader *self,
                                             const char   *text);

/* Stores the travellers gathered. */
void          tr_form_reader_finish     (TrFormReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrFormReader, tr_form_reader_free)

G_END_DECLS
