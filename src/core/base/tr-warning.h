/* tr-warning.h: what an import or the library warns of, kept as a code
 * and its arguments, and worded when shown
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A warning is kept with the report in a language-neutral form, so that it
 * reads in the language of whoever opens the report, not of the program
 * that imported it. Arguments are text as found (a heading), numbers in
 * decimal, field keys (tr_field_get_key()). */
typedef enum {
  TR_WARNING_NO_TEXT,                    /* none */
  TR_WARNING_NO_STRUCTURE,               /* none */
  TR_WARNING_SECTIONS_MISSING,           /* the keys of the sections, one argument each */
  TR_WARNING_COMBINED_NOT_SPLIT,         /* the heading, e.g. 參、心得與建議 */
  TR_WARNING_TOC_UNCLASSIFIED,           /* none */
  TR_WARNING_FORM_LINES_INCOMPLETE,      /* how many lines */
  TR_WARNING_FURNITURE_LEFT_OUT,         /* how many lines */
  TR_WARNING_PHOTOS_UNREADABLE,          /* why */
  TR_WARNING_PICTURE_UNREADABLE,         /* the page number, from 1 */
  TR_WARNING_SCANNED_PAGES,              /* the page numbers, from 1, one argument each */
  TR_WARNING_TABLES_UNREADABLE,          /* none */
  TR_WARNING_FIELD_TABLES_UNREADABLE,    /* the key of the field */
} TrWarningCode;

/* The kept form of warning @code with its arguments, a NULL-terminated
 * list of strings. */
char *tr_warning_new    (TrWarningCode  code,
                         ...) G_GNUC_NULL_TERMINATED;
/* The same, the arguments a NULL-terminated array (NULL: none). */
char *tr_warning_newv   (TrWarningCode       code,
                         const char * const *args);
/* A kept warning's code, by its name ("scanned-pages", stable across
 * versions), and its arguments: what a program reading the JSON form
 * needs. FALSE, and nothing set, for a sentence kept by an older version. */
gboolean tr_warning_get_code (const char   *warning,
                              char        **out_name,
                              GStrv        *out_args);
/* The kept form of the code named @name (one tr_warning_get_code() gave,
 * maybe of a newer version) with @args (NULL: none); NULL when @name is
 * no code's name: lower-case letters, digits and dashes. */
char *tr_warning_new_named (const char         *name,
                            const char * const *args);
/* @warning as a sentence in the language of the user interface. Text kept
 * by an older version (a sentence already) comes back as it is; a code
 * this version does not know, as a sentence that says so. */
char *tr_warning_format (const char    *warning);

G_END_DECLS
