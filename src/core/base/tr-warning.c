/* tr-warning.c
 *
 * The kept form is "tr-warning:NAME", then each argument after a tab
 * (tabs and line breaks within an argument become spaces). It is text, so
 * that it travels as the warnings always did: in the worker's output, the
 * report's JSON, the library's column. The names never change once
 * released; a sentence's wording may.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "tr-field.h"
#include "tr-warning.h"

#define PREFIX "tr-warning:"

static const char * const names[] = {
  [TR_WARNING_NO_TEXT] = "no-text",
  [TR_WARNING_NO_STRUCTURE] = "no-structure",
  [TR_WARNING_SECTIONS_MISSING] = "sections-missing",
  [TR_WARNING_COMBINED_NOT_SPLIT] = "combined-not-split",
  [TR_WARNING_TOC_UNCLASSIFIED] = "toc-unclassified",
  [TR_WARNING_FORM_LINES_INCOMPLETE] = "form-lines-incomplete",
  [TR_WARNING_FURNITURE_LEFT_OUT] = "furniture-left-out",
  [TR_WARNING_PHOTOS_UNREADABLE] = "photos-unreadable",
  [TR_WARNING_PICTURE_UNREADABLE] = "picture-unreadable",
  [TR_WARNING_SCANNED_PAGES] = "scanned-pages",
  [TR_WARNING_TABLES_UNREADABLE] = "tables-unreadable",
  [TR_WARNING_FIELD_TABLES_UNREADABLE] = "field-tables-unreadable",
};

static gboolean
is_code_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

char *
tr_warning_new_named (const char         *name,
                      const char * const *args)
{
  GString *warning;

  g_return_val_if_fail (name != NULL, NULL);

  if (!is_code_name (name))
    return NULL;
  warning = g_string_new (PREFIX);
  g_string_append (warning, name);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      g_string_append_c (warning, '\t');
      for (const char *p = args[i]; *p != '\0'; p++)
        g_string_append_c (warning, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
    }
  return g_string_free (warning, FALSE);
}

char *
tr_warning_newv (TrWarningCode       code,
                 const char * const *args)
{
  g_return_val_if_fail (code < G_N_ELEMENTS (names), NULL);

  return tr_warning_new_named (names[code], args);
}

gboolean
tr_warning_get_code (const char  *warning,
                     char       **out_name,
                     GStrv       *out_args)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (warning != NULL, FALSE);

  if (!g_str_has_prefix (warning, PREFIX))
    return FALSE;
  parts = g_strsplit (warning + strlen (PREFIX), "\t", -1);
  if (parts[0] == NULL || !is_code_name (parts[0]))
    return FALSE;
  if (out_name != NULL)
    *out_name = g_strdup (parts[0]);
  if (out_args != NULL)
    *out_args = g_strdupv (parts + 1);
  return TRUE;
}

char *
tr_warning_new (TrWarningCode code,
                ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  const char *arg;
  va_list list;

  va_start (list, code);
  while ((arg = va_arg (list, const char *)) != NULL)
    g_strv_builder_add (builder, arg);
  va_end (list);
  args = g_strv_builder_end (builder);
  return tr_warning_newv (code, (const char * const *) args);
}

static guint
count_arg (const char * const *args,
           guint               n_args)
{
  guint64 n = 0;

  if (n_args == 0 || !g_ascii_string_to_unsigned (args[0], 10, 0, G_MAXUINT, &n, NULL))
    return 0;
  return (guint) n;
}

/* The arguments from @first on, joined by the list separator; field keys
 * become their labels. */
static char *
join_args (const char * const *args,
           guint               n_args,
           gboolean            field_keys)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < n_args; i++)
    {
      TrField field;
      const char *item = args[i];

      if (field_keys && tr_field_from_key (item, &field))
        item = tr_field_get_label (field);
      if (i > 0)
        /* TRANSLATORS: between the items of a list, e.g. "Purpose, Recommendations" */
        g_string_append (list, _(", "));
      g_string_append (list, item);
    }
  return g_strdup (list->str);
}

static char *
format_code (TrWarningCode       code,
             const char * const *args,
             guint               n_args)
{
  const char *first = n_args > 0 ? args[0] : "";
  guint n = count_arg (args, n_args);

  switch (code)
    {
    case TR_WARNING_NO_TEXT:
      return g_strdup (_("The document has no text"));
    case TR_WARNING_NO_STRUCTURE:
      return g_strdup (_("No standard report structure was found; the text is kept unclassified"));
    case TR_WARNING_SECTIONS_MISSING:
      {
        g_autofree char *list = join_args (args, n_args, TRUE);

        /* TRANSLATORS: %s is a list of section names, e.g. "Purpose, Recommendations" */
        return g_strdup_printf (_("No heading was found for these sections: %s"), list);
      }
    case TR_WARNING_COMBINED_NOT_SPLIT:
      /* TRANSLATORS: %s is the heading, e.g. "參、心得與建議" */
      return g_strdup_printf (_("“%s” has no sub-headings to split it into observations and "
                                "recommendations; all of it is under Observations"),
                              first);
    case TR_WARNING_TOC_UNCLASSIFIED:
      return g_strdup (_("The table of contents is kept with the unclassified text"));
    case TR_WARNING_FORM_LINES_INCOMPLETE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u line of the 提要 form could not be read completely; "
                                           "it is kept in the unclassified text",
                                           "%u lines of the 提要 form could not be read completely; "
                                           "they are kept in the unclassified text",
                                           n),
                              n);
    case TR_WARNING_FURNITURE_LEFT_OUT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u running header, footer or page-number line was left out",
                                           "%u running header, footer or page-number lines were left out",
                                           n),
                              n);
    case TR_WARNING_PHOTOS_UNREADABLE:
      return g_strdup_printf (_("The photos of the appendix could not be read: %s"), first);
    case TR_WARNING_PICTURE_UNREADABLE:
      return g_strdup_printf (_("A picture on page %u could not be read and was left out"), n);
    case TR_WARNING_SCANNED_PAGES:
      {
        g_autofree char *list = join_args (args, n_args, FALSE);

        /* TRANSLATORS: %s is a list of page numbers, e.g. "3, 7" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Page %s is only a picture (a scan?): its text could not be read",
                                             "Pages %s are only pictures (scans?): their text could not be read",
                                             n_args),
                                list);
      }
    case TR_WARNING_TABLES_UNREADABLE:
      return g_strdup (_("The tables of the report could not be read from the library; their text is kept without them"));
    case TR_WARNING_FIELD_TABLES_UNREADABLE:
      {
        TrField field;
        const char *label = tr_field_from_key (first, &field) ? tr_field_get_label (field) : first;

        /* TRANSLATORS: %s is the name of a section, such as “Process” */
        return g_strdup_printf (_("The tables of “%s” could not be read from the library; their text is kept without them"),
                                label);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
tr_warning_format (const char *warning)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  g_return_val_if_fail (warning != NULL, NULL);

  if (!g_str_has_prefix (warning, PREFIX))
    return g_strdup (warning);

  parts = g_strsplit (warning + strlen (PREFIX), "\t", -1);
  n_parts = g_strv_length (parts);
  for (guint code = 0; code < G_N_ELEMENTS (names); code++)
    if (n_parts > 0 && g_str_equal (parts[0], names[code]))
      return format_code (code, (const char * const *) parts + 1, n_parts - 1);

  return g_strdup (_("A warning of a newer version of Trip Reports, which this version cannot show"));
}
