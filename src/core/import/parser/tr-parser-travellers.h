/* tr-parser-travellers.h: the 出國人員 of the 提要 form and the cover
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tr-traveller.h"

G_BEGIN_DECLS

/* Gathers travellers as the form lists them: labelled values (姓名：…
 * 職稱：…), "姓名/服務機關/單位/職稱" columns with their entries, a table
 * under a header row of column names, or a list of names. */
typedef struct _TrTravellerReader TrTravellerReader;

TrTravellerReader *tr_traveller_reader_new        (void);
void               tr_traveller_reader_free       (TrTravellerReader *self);

/* Forgets the columns or table being read: something else came between. */
void               tr_traveller_reader_interrupt  (TrTravellerReader *self);

/* A labelled value: for the traveller being read, or the next one when
 * that one has this value already. */
void               tr_traveller_reader_set        (TrTravellerReader *self,
                                                   TrTravellerField   field,
                                                   const char        *value);
/* The traveller the last value went to, or NULL. */
TrTraveller       *tr_traveller_reader_get_current (TrTravellerReader *self);

/* "王小明、李大同": one traveller per name. */
void               tr_traveller_reader_read_names (TrTravellerReader *self,
                                                   const char        *value);
/* "副市長 張光瑤" under 職稱姓名 (@name_first FALSE) or 姓名職稱. */
void               tr_traveller_reader_read_name_and_title (TrTravellerReader *self,
                                                            const char        *value,
                                                            gboolean           name_first);

/* People in running words, as a cover names them: "王小明 李大華",
 * "科長 王小明、專員 李大華", "經濟部 工業局 科長 王小明", "王小明科長".
 * Each person is their name with the agency, unit and title around it;
 * a word that is none of these is skipped, or with @strict makes the
 * whole value no list of people. Returns the number of names read: 0,
 * having read nothing, when fewer than @min_names (and at least one). */
guint              tr_traveller_reader_read_people (TrTravellerReader *self,
                                                    const char        *value,
                                                    gboolean           strict,
                                                    guint              min_names);
/* Column names after a label (「出國人：職稱 姓名」): the rows of people
 * follow on the next lines. FALSE when @value is not column names. */
gboolean           tr_traveller_reader_read_header (TrTravellerReader *self,
                                                    const char        *value);

/* "出國人員姓名/服務機關/單位/職稱 張光瑤/臺中市政府/府本部/副市長 …": the
 * columns, then any entries after them on the line. FALSE when @text does
 * not start with column names; @out_complete FALSE when an entry has more
 * cells than columns. */
gboolean           tr_traveller_reader_read_columns (TrTravellerReader *self,
                                                     const char        *text,
                                                     gboolean          *out_complete);
/* A line of entries after the columns. FALSE when it is none. */
gboolean           tr_traveller_reader_read_entries (TrTravellerReader *self,
                                                     const char        *line,
                                                     gboolean          *out_complete);
/* A header row of column names ("姓名 服務機關 單位 職稱 電話"), a row of
 * the table under it, or the form's label beside the rows alone on its
 * line. FALSE when @line is none of them. */
gboolean           tr_traveller_reader_read_table   (TrTravellerReader *self,
                                                     const char        *line);

/* Takes the travellers read on the cover into the form's: a person the
 * form lists (matched by name) gets only the values the form left empty;
 * the others are added after the form's, when their name reads as one or
 * the form lists nobody. */
void               tr_traveller_reader_add_cover  (TrTravellerReader *self,
                                                   TrTravellerReader *cover);

/* Adds the travellers to @travellers (of TrTraveller), one per person:
 * the cover and the form list the same people. */
void               tr_traveller_reader_finish     (TrTravellerReader *self,
                                                   GPtrArray         *travellers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrTravellerReader, tr_traveller_reader_free)

G_END_DECLS
