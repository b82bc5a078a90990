/* tr-completeness.c
 *
 * The rules come from 行政院及所屬各機關出國報告綜合處理要點 and its review
 * form (../shared/domain.md): the four sections present, the 提要 filled,
 * a 摘要 of 200–300 characters, no placeholders, at least one
 * recommendation, and the report within three months of the return.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-completeness.h"
#include "tr-date.h"
#include "tr-numbering.h"

/* Markers that people leave where text is still to come. */
static const char * const placeholders[] = { "○○", "ＸＸＸ", "XXX", "xxx", "TODO", "待填", NULL };

/* The 提要 fields that must be filled in; category_other only for 其他. */
static const TrField required_fields[] = {
  TR_FIELD_TITLE,
  TR_FIELD_AGENCY,
  TR_FIELD_CONTACT,
  TR_FIELD_PHONE,
  TR_FIELD_CATEGORY,
  TR_FIELD_PERIOD_START,
  TR_FIELD_PERIOD_END,
  TR_FIELD_DESTINATION,
  TR_FIELD_REPORT_DATE,
};

#define CATEGORY_OTHER "其他"

guint
tr_count_chinese_characters (const char *text)
{
  guint count = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      count++;
  return count;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

guint
tr_count_recommendation_items (const char *text)
{
  g_auto(GStrv) lines = NULL;
  TrNumberingLevel top = TR_NUMBERING_NONE;
  guint numbered = 0, paragraphs = 0;

  g_return_val_if_fail (text != NULL, 0);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      TrNumberingLevel level;

      if (is_blank (lines[i]))
        continue;
      paragraphs++;
      level = tr_numbering_get_level (lines[i], NULL);
      if (level == TR_NUMBERING_NONE)
        continue;
      /* The outermost level used is the item level; deeper ones are details. */
      if (top == TR_NUMBERING_NONE || level < top)
        {
          top = level;
          numbered = 0;
        }
      if (level == top)
        numbered++;
    }
  return numbered > 0 ? numbered : paragraphs;
}

char *
tr_completeness_get_due_date (const char *period_end)
{
  GDate date;

  if (!tr_date_parse_iso (period_end, &date))
    return NULL;
  g_date_add_months (&date, TR_REPORT_DUE_MONTHS);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

static void
add_problem (GPtrArray     *problems,
             TrProblemKind  kind,
             const char    *target,
             gssize         offset,
             const char    *message)
{
  g_ptr_array_add (problems, tr_problem_new (kind, target, offset, message));
}

static void
check_form (TrReport  *report,
            GPtrArray *problems)
{
  const char *start = tr_report_get_text (report, TR_FIELD_PERIOD_START);
  const char *end = tr_report_get_text (report, TR_FIELD_PERIOD_END);
  int days;

  for (guint i = 0; i < G_N_ELEMENTS (required_fields); i++)
    {
      TrField field = required_fields[i];

      if (is_blank (tr_report_get_text (report, field)))
        {
          g_autofree char *message = g_strdup_printf (_("%s is not filled in"),
                                                      tr_field_get_label (field));
          add_problem (problems, TR_PROBLEM_MISSING_FIELD, tr_field_get_key (field), -1, message);
        }
    }

  if (g_str_equal (tr_report_get_text (report, TR_FIELD_CATEGORY), CATEGORY_OTHER) &&
      is_blank (tr_report_get_text (report, TR_FIELD_CATEGORY_OTHER)))
    add_problem (problems, TR_PROBLEM_MISSING_FIELD, tr_field_get_key (TR_FIELD_CATEGORY_OTHER), -1,
                 _("The category is “其他” but does not say what it is"));

  if (tr_date_days_between (start, end, &days) && days < 0)
    add_problem (problems, TR_PROBLEM_PERIOD_REVERSED, tr_field_get_key (TR_FIELD_PERIOD_END), -1,
                 _("The return date is before the departure date"));

  {
    GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
    gboolean named = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (travellers) && !named; i++)
      {
        g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

        named = !is_blank (tr_traveller_get (traveller, TR_TRAVELLER_NAME));
      }
    if (!named)
      add_problem (problems, TR_PROBLEM_NO_TRAVELLER, "travellers", -1,
                   _("No traveller is listed"));
  }

  if (tr_report_get_keywords (report)[0] == NULL)
    add_problem (problems, TR_PROBLEM_NO_KEYWORD, "keywords", -1, _("No keywords are given"));
}

static void
check_summary (TrReport  *report,
               GPtrArray *problems)
{
  const char *key = tr_field_get_key (TR_FIELD_SUMMARY);
  guint count = tr_count_chinese_characters (tr_report_get_text (report, TR_FIELD_SUMMARY));
  g_autofree char *message = NULL;

  if (count < TR_SUMMARY_MIN_CHARACTERS)
    {
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The summary has %u Chinese character; it needs %u to %u",
                                              "The summary has %u Chinese characters; it needs %u to %u",
                                              count),
                                 count, TR_SUMMARY_MIN_CHARACTERS, TR_SUMMARY_MAX_CHARACTERS);
      add_problem (problems, TR_PROBLEM_SUMMARY_TOO_SHORT, key, -1, message);
    }
  else if (count > TR_SUMMARY_MAX_CHARACTERS)
    {
      message = g_strdup_printf (_("The summary has %u Chinese characters; it may have at most %u"),
                                 count, TR_SUMMARY_MAX_CHARACTERS);
      add_problem (problems, TR_PROBLEM_SUMMARY_TOO_LONG, key, -1, message);
    }
}

static void
check_sections (TrReport  *report,
                GPtrArray *problems)
{
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      if (is_blank (tr_report_get_section (report, s)))
        {
          /* TRANSLATORS: %s is an official section heading such as 目的 */
          g_autofree char *message = g_strdup_printf (_("The section %s is empty"),
                                                      tr_section_get_heading (s));
          add_problem (problems, TR_PROBLEM_EMPTY_SECTION, tr_section_get_key (s), -1, message);
        }
    }

  if (tr_count_recommendation_items (tr_report_get_section (report, TR_SECTION_RECOMMENDATIONS)) == 0)
    add_problem (problems, TR_PROBLEM_NO_RECOMMENDATION,
                 tr_section_get_key (TR_SECTION_RECOMMENDATIONS), -1,
                 _("建議 needs at least one recommendation (write 「無」 if there is none)"));
}

static void
check_placeholders (TrReport  *report,
                    GPtrArray *problems)
{
  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      const char *text = tr_report_get_text (report, f);
      const char *first = NULL;
      const char *found_marker = NULL;

      /* Text an import could not place is not submitted as such. */
      if (f == TR_FIELD_UNCLASSIFIED)
        continue;

      for (guint i = 0; placeholders[i] != NULL; i++)
        {
          const char *hit = strstr (text, placeholders[i]);

          if (hit != NULL && (first == NULL || hit < first))
            {
              first = hit;
              found_marker = placeholders[i];
            }
        }

      if (first != NULL)
        {
          /* TRANSLATORS: first %s is a placeholder such as ○○ or TODO, second a field name */
          g_autofree char *message = g_strdup_printf (_("Placeholder “%s” left in %s"),
                                                      found_marker, tr_field_get_label (f));
          add_problem (problems, TR_PROBLEM_PLACEHOLDER, tr_field_get_key (f), first - text, message);
        }
    }
}

static void
check_due_date (TrReport   *report,
                const char *today,
                GPtrArray  *problems)
{
  g_autofree char *due = tr_completeness_get_due_date (tr_report_get_text (report, TR_FIELD_PERIOD_END));
  g_autofree char *local_today = NULL;
  const char *report_date = tr_report_get_text (report, TR_FIELD_REPORT_DATE);
  const char *reference;
  int days;

  if (due == NULL)
    return;

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = local_today = g_date_time_format (now, "%Y-%m-%d");
    }

  /* A dated report is judged by its date; an undated draft by today. */
  reference = tr_date_parse_iso (report_date, NULL) ? report_date : today;
  if (tr_date_days_between (due, reference, &days) && days > 0)
    {
      g_autofree char *due_minguo = tr_date_format_minguo (due);
      g_autofree char *message =
        g_strdup_printf (_("The report was due on %s, three months after the return"),
                         due_minguo != NULL ? due_minguo : due);

      add_problem (problems, TR_PROBLEM_OVERDUE, tr_field_get_key (TR_FIELD_REPORT_DATE), -1, message);
    }
}

/* The export numbers photos 照片 1：caption; one without a caption is a
 * picture nobody can place. */
static void
check_photos (TrReport  *report,
              GPtrArray *problems)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      g_autofree char *caption = g_strdup (tr_photo_get_caption (photo));
      g_autofree char *message = NULL;

      if (g_strstrip (caption)[0] != '\0')
        continue;
      /* TRANSLATORS: %u is the photo's number in the appendix (照片 1 …) */
      message = g_strdup_printf (_("Photo %u has no caption"), i + 1);
      add_problem (problems, TR_PROBLEM_PHOTO_WITHOUT_CAPTION, "photos", i, message);
    }
}

GPtrArray *
tr_completeness_check (TrReport   *report,
                       const char *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TR_IS_REPORT (report), problems);

  check_form (report, problems);
  check_due_date (report, today, problems);
  check_summary (report, problems);
  check_sections (report, problems);
  check_placeholders (report, problems);
  check_photos (report, problems);
  return problems;
}
