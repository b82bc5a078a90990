/* tr-field.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "tr-field.h"

static const struct {
  const char *key;       /* JSON key and store column */
  const char *label;     /* for people, translated at use */
  gboolean is_date;
  gboolean is_form_field;
} field_info[TR_N_FIELDS] = {
  [TR_FIELD_TITLE]           = { "title",           N_("Report title"),       FALSE, TRUE },
  [TR_FIELD_AGENCY]          = { "agency",          N_("Organizing agency"),  FALSE, TRUE },
  [TR_FIELD_CONTACT]         = { "contact",         N_("Contact person"),     FALSE, TRUE },
  [TR_FIELD_PHONE]           = { "phone",           N_("Phone"),              FALSE, TRUE },
  [TR_FIELD_CATEGORY]        = { "category",        N_("Trip category"),      FALSE, TRUE },
  [TR_FIELD_CATEGORY_OTHER]  = { "category_other",  N_("Other category"),     FALSE, TRUE },
  [TR_FIELD_PERIOD_START]    = { "period_start",    N_("Departure date"),     TRUE,  TRUE },
  [TR_FIELD_PERIOD_END]      = { "period_end",      N_("Return date"),        TRUE,  TRUE },
  [TR_FIELD_DESTINATION]     = { "destination",     N_("Destination"),        FALSE, TRUE },
  [TR_FIELD_REPORT_DATE]     = { "report_date",     N_("Report date"),        TRUE,  TRUE },
  [TR_FIELD_CLASSIFICATION]  = { "classification",  N_("Classification"),     FALSE, TRUE },
  [TR_FIELD_SUMMARY]         = { "summary",         N_("Summary"),            FALSE, FALSE },
  [TR_FIELD_PURPOSE]         = { "purpose",         N_("Purpose"),            FALSE, FALSE },
  [TR_FIELD_PROCESS]         = { "process",         N_("Process"),            FALSE, FALSE },
  [TR_FIELD_OBSERVATIONS]    = { "observations",    N_("Observations"),       FALSE, FALSE },
  [TR_FIELD_RECOMMENDATIONS] = { "recommendations", N_("Recommendations"),    FALSE, FALSE },
  [TR_FIELD_APPENDIX]        = { "appendix",        N_("Appendix"),           FALSE, FALSE },
  [TR_FIELD_UNCLASSIFIED]    = { "unclassified",    N_("Unclassified text"),  FALSE, FALSE },
};

static const char * const section_headings[TR_N_SECTIONS] = {
  [TR_SECTION_PURPOSE]         = "目的",
  [TR_SECTION_PROCESS]         = "過程",
  [TR_SECTION_OBSERVATIONS]    = "心得",
  [TR_SECTION_RECOMMENDATIONS] = "建議",
};

const char *
tr_field_get_key (TrField field)
{
  g_return_val_if_fail (field < TR_N_FIELDS, NULL);
  return field_info[field].key;
}

gboolean
tr_field_from_key (const char *key,
                   TrField    *out_field)
{
  for (guint i = 0; i < TR_N_FIELDS; i++)
    if (g_strcmp0 (key, field_info[i].key) == 0)
      {
        *out_field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tr_field_get_label (TrField field)
{
  g_return_val_if_fail (field < TR_N_FIELDS, NULL);
  return _(field_info[field].label);
}

gboolean
tr_field_is_date (TrField field)
{
  g_return_val_if_fail (field < TR_N_FIELDS, FALSE);
  return field_info[field].is_date;
}

gboolean
tr_field_is_form_field (TrField field)
{
  g_return_val_if_fail (field < TR_N_FIELDS, FALSE);
  return field_info[field].is_form_field;
}

guint
tr_field_get_max_length (TrField field)
{
  g_return_val_if_fail (field < TR_N_FIELDS, 0);
  return field_info[field].is_form_field ? TR_REPORT_MAX_FIELD_LENGTH : TR_REPORT_MAX_TEXT_LENGTH;
}

gboolean
tr_field_holds_tables (TrField field)
{
  g_return_val_if_fail (field < TR_N_FIELDS, FALSE);
  return (field >= TR_FIELD_PURPOSE && field <= TR_FIELD_RECOMMENDATIONS) ||
         field == TR_FIELD_APPENDIX;
}

const char *
tr_section_get_key (TrSection section)
{
  g_return_val_if_fail (section < TR_N_SECTIONS, NULL);
  return field_info[TR_FIELD_FROM_SECTION (section)].key;
}

const char *
tr_section_get_heading (TrSection section)
{
  g_return_val_if_fail (section < TR_N_SECTIONS, NULL);
  return section_headings[section];
}
