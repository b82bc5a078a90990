/* tr-fidelity-score.c: how close an import came to the report a PDF of
 * the corpus was made from
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-fidelity-private.h"

/* Scores ------------------------------------------------------------------------------ */

static char *
compact (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static GHashTable *
bigrams (const char *text,
         guint      *out_n)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text;

  *out_n = 0;
  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      const char *after;
      char *key;

      if (*next == '\0')
        break;
      after = g_utf8_next_char (next);
      key = g_strndup (p, after - p);
      g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
      (*out_n)++;
      p = next;
    }
  return counts;
}

double
tr_fidelity_text_f1 (const char *expected,
                     const char *found)
{
  g_autofree char *e = compact (expected);
  g_autofree char *f = compact (found);
  g_autoptr(GHashTable) eb = NULL, fb = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_e, n_f, common = 0;

  if (*e == '\0' && *f == '\0')
    return 1.0;
  if (g_str_equal (e, f))
    return 1.0;
  eb = bigrams (e, &n_e);
  fb = bigrams (f, &n_f);
  if (n_e == 0 || n_f == 0)
    return 0.0;
  g_hash_table_iter_init (&iter, eb);
  while (g_hash_table_iter_next (&iter, &key, &value))
    common += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (fb, key)));
  return 2.0 * common / (n_e + n_f);
}

static gboolean
same (const char *a,
      const char *b)
{
  g_autofree char *ca = compact (a);
  g_autofree char *cb = compact (b);

  return *ca != '\0' && g_str_equal (ca, cb);
}

static void
check_field (TrFidelityScore *score,
             GString         *missing,
             const char      *name,
             gboolean         found)
{
  score->n_fields++;
  if (found)
    score->n_fields_found++;
  else
    g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", name);
}

static TrTraveller *
first_traveller (TrReport *report)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));

  return g_list_model_get_n_items (travellers) > 0 ? g_list_model_get_item (travellers, 0) : NULL;
}

/* Table by table in order: whether it came back as a table of as many
 * rows and columns, and how many of its cells read the same in the same
 * place (spaces aside); and how many more tables came than were written. */
static void
score_tables (TrBody          *expected,
              TrBody          *found,
              TrFidelityScore *score)
{
  if (tr_body_get_n_tables (found) > tr_body_get_n_tables (expected))
    score->n_false_tables += tr_body_get_n_tables (found) - tr_body_get_n_tables (expected);
  for (guint t = 0; t < tr_body_get_n_tables (expected); t++)
    {
      TrTable *want = tr_body_get_table (expected, t);
      TrTable *got = t < tr_body_get_n_tables (found) ? tr_body_get_table (found, t) : NULL;
      guint n_rows = tr_table_get_n_rows (want), n_columns = tr_table_get_n_columns (want);

      score->n_tables++;
      score->n_cells += n_rows * n_columns;
      if (got == NULL)
        continue;
      score->n_tables_found += tr_table_get_n_rows (got) == n_rows && tr_table_get_n_columns (got) == n_columns;
      for (guint r = 0; r < MIN (n_rows, tr_table_get_n_rows (got)); r++)
        for (guint c = 0; c < MIN (n_columns, tr_table_get_n_columns (got)); c++)
          {
            g_autofree char *a = compact (tr_table_get_cell (want, r, c));
            g_autofree char *b = compact (tr_table_get_cell (got, r, c));

            score->n_cells_right += g_str_equal (a, b);
          }
    }
}

void
tr_fidelity_score (const TrFidelityCase *fcase,
                   TrReport             *expected,
                   TrReport             *found,
                   TrFidelityScore      *out_score)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(TrTraveller) want = first_traveller (expected);
  g_autoptr(TrTraveller) got = first_traveller (found);
  double sum = 0;

  memset (out_score, 0, sizeof *out_score);
  out_score->title_found = same (tr_report_get_text (expected, TR_FIELD_TITLE),
                                 tr_report_get_text (found, TR_FIELD_TITLE));

  if (fcase->cover != TR_FIDELITY_COVER_NONE || fcase->form)
    {
      const char *agency = tr_traveller_get (want, TR_TRAVELLER_AGENCY);

      /* The cover's 服務機關 is the traveller's; a form's 主辦機關 the report's. */
      check_field (out_score, missing, "agency",
                   same (agency, tr_report_get_text (found, TR_FIELD_AGENCY)) ||
                   (got != NULL && same (agency, tr_traveller_get (got, TR_TRAVELLER_AGENCY))));
      check_field (out_score, missing, "unit",
                   got != NULL && same (tr_traveller_get (want, TR_TRAVELLER_UNIT), tr_traveller_get (got, TR_TRAVELLER_UNIT)));
      check_field (out_score, missing, "name",
                   got != NULL && same (tr_traveller_get (want, TR_TRAVELLER_NAME), tr_traveller_get (got, TR_TRAVELLER_NAME)));
      check_field (out_score, missing, "job_title",
                   got != NULL && same (tr_traveller_get (want, TR_TRAVELLER_TITLE), tr_traveller_get (got, TR_TRAVELLER_TITLE)));
      check_field (out_score, missing, "destination",
                   same (tr_report_get_text (expected, TR_FIELD_DESTINATION), tr_report_get_text (found, TR_FIELD_DESTINATION)));
      check_field (out_score, missing, "period_start",
                   same (tr_report_get_text (expected, TR_FIELD_PERIOD_START), tr_report_get_text (found, TR_FIELD_PERIOD_START)));
      check_field (out_score, missing, "period_end",
                   same (tr_report_get_text (expected, TR_FIELD_PERIOD_END), tr_report_get_text (found, TR_FIELD_PERIOD_END)));
      check_field (out_score, missing, "report_date",
                   same (tr_report_get_text (expected, TR_FIELD_REPORT_DATE), tr_report_get_text (found, TR_FIELD_REPORT_DATE)));
    }
  if (fcase->form)
    {
      const char * const *want_keywords = tr_report_get_keywords (expected);
      const char * const *got_keywords = tr_report_get_keywords (found);

      check_field (out_score, missing, "contact",
                   same (tr_report_get_text (expected, TR_FIELD_CONTACT), tr_report_get_text (found, TR_FIELD_CONTACT)));
      check_field (out_score, missing, "category",
                   same (tr_report_get_text (expected, TR_FIELD_CATEGORY), tr_report_get_text (found, TR_FIELD_CATEGORY)));
      check_field (out_score, missing, "keywords",
                   g_strv_equal ((const char * const *) want_keywords, (const char * const *) got_keywords));
      check_field (out_score, missing, "traveller_phone",
                   got != NULL && same (tr_traveller_get (want, TR_TRAVELLER_PHONE), tr_traveller_get (got, TR_TRAVELLER_PHONE)));
    }
  if (fcase->photo_grid)
    {
      GListModel *photos = G_LIST_MODEL (tr_report_get_photos (found));

      for (guint i = 0; i < G_N_ELEMENTS (tr_fidelity_photo_captions); i++)
        {
          gboolean ok = FALSE;
          g_autofree char *name = g_strdup_printf ("caption %u", i + 1);

          for (guint j = 0; j < g_list_model_get_n_items (photos) && !ok; j++)
            {
              g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, j);

              /* Import keeps the caption without its number: exports
               * number the photos again (照片 N：…). */
              ok = same (tr_fidelity_photo_captions[i], tr_photo_get_caption (photo)) ||
                   same (strstr (tr_fidelity_photo_captions[i], "：") + strlen ("："), tr_photo_get_caption (photo));
            }
          check_field (out_score, missing, name, ok);
        }
    }

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    score_tables (tr_report_get_body (expected, TR_FIELD_FROM_SECTION (s)),
                  tr_report_get_body (found, TR_FIELD_FROM_SECTION (s)), out_score);
  score_tables (tr_report_get_body (expected, TR_FIELD_APPENDIX), tr_report_get_body (found, TR_FIELD_APPENDIX),
                out_score);

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      out_score->section_f1_each[s] = tr_fidelity_text_f1 (tr_report_get_section (expected, s),
                                                           tr_report_get_section (found, s));
      sum += out_score->section_f1_each[s];
    }
  out_score->summary_f1 = tr_fidelity_text_f1 (tr_report_get_text (expected, TR_FIELD_SUMMARY),
                                               tr_report_get_text (found, TR_FIELD_SUMMARY));
  out_score->section_f1 = (sum + out_score->summary_f1) / (TR_N_SECTIONS + 1);
  out_score->missing_fields = g_string_free (g_steal_pointer (&missing), FALSE);
}

void
tr_fidelity_score_clear (TrFidelityScore *score)
{
  g_clear_pointer (&score->missing_fields, g_free);
}
