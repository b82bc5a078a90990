/* tr-parsed-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parsed-report.h"

TrParsedReport *
tr_parsed_report_new (void)
{
  TrParsedReport *self = g_new0 (TrParsedReport, 1);

  self->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  self->keywords = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->appendix_page = G_MAXUINT;
  return self;
}

void
tr_parsed_report_free (TrParsedReport *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < TR_N_FIELDS; i++)
    {
      g_free (self->texts[i]);
      g_clear_object (&self->bodies[i]);
    }
  g_ptr_array_unref (self->travellers);
  g_ptr_array_unref (self->keywords);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

const char *
tr_parsed_report_get_text (TrParsedReport *self,
                           TrField         field)
{
  g_return_val_if_fail (field < TR_N_FIELDS, "");

  return self->texts[field] != NULL ? self->texts[field] : "";
}

void
tr_parsed_report_set_text (TrParsedReport *self,
                           TrField         field,
                           const char     *text)
{
  char *copy;

  g_return_if_fail (field < TR_N_FIELDS);

  /* Copied first: @text may be the field's own value. */
  copy = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
  g_free (self->texts[field]);
  self->texts[field] = copy;
}

void
tr_parsed_report_add_warning_code (TrParsedReport     *self,
                                   TrWarningCode       code,
                                   const char * const *args)
{
  g_ptr_array_add (self->warnings, tr_warning_newv (code, args));
}

void
tr_parsed_report_set_body (TrParsedReport *self,
                           TrField         field,
                           TrBody         *body)
{
  g_return_if_fail (field < TR_N_FIELDS);
  g_return_if_fail (TR_IS_BODY (body));

  g_set_object (&self->bodies[field], body);
  tr_parsed_report_set_text (self, field, tr_body_get_plain_text (body));
}

void
tr_parsed_report_add_warning (TrParsedReport *self,
                              const char     *warning)
{
  g_return_if_fail (warning != NULL);

  g_ptr_array_add (self->warnings, g_strdup (warning));
}
