/* parser-style.c: every generated heading style, parsed accurately, no text dropped
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-parser.h"

/* The length of the longest common subsequence of @a and @b, by Myers'
 * O(ND) difference algorithm: fast when they are nearly the same. */
static guint
common_length (GArray *a,
               GArray *b)
{
  int n = a->len, m = b->len, max = n + m, offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  const gunichar *x = (const gunichar *) a->data, *y = (const gunichar *) b->data;

  if (max == 0)
    return 0;
  for (int d = 0; d <= max; d++)
    for (int k = -d; k <= d; k += 2)
      {
        int i;

        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
          i = v[offset + k + 1];
        else
          i = v[offset + k - 1] + 1;
        for (int j = i - k; i < n && j < m && x[i] == y[j]; i++, j++)
          ;
        v[offset + k] = i;
        if (i >= n && i - k >= m)
          return (n + m - d) / 2;
      }
  return 0;
}

typedef struct {
  double recall;     /* of the expected characters, those found in place */
  double precision;  /* of the characters found, those expected */
} Accuracy;

/* "At least 98% of each section's characters in the right section." */
static Accuracy
section_accuracy (const char *expected,
                  const char *actual)
{
  g_autoptr(GArray) e = normalise (expected);
  g_autoptr(GArray) a = normalise (actual);
  guint common = common_length (e, a);
  Accuracy accuracy;

  accuracy.recall = e->len > 0 ? (double) common / e->len : 1.0;
  accuracy.precision = a->len > 0 ? (double) common / a->len : (e->len == 0 ? 1.0 : 0.0);
  return accuracy;
}

static void
test_accuracy_metric (void)
{
  Accuracy same = section_accuracy ("一二三\n四五", "一二三四五");
  Accuracy half = section_accuracy ("一二三四", "一二");
  Accuracy extra = section_accuracy ("一二", "一二三四");
  Accuracy latin = section_accuracy ("World  Cities\nSummit", "World Cities Summit");
  Accuracy glued = section_accuracy ("World Cities", "WorldCities");

  g_assert_cmpfloat (same.recall, ==, 1.0);
  g_assert_cmpfloat (same.precision, ==, 1.0);
  g_assert_cmpfloat (half.recall, ==, 0.5);
  g_assert_cmpfloat (half.precision, ==, 1.0);
  g_assert_cmpfloat (extra.recall, ==, 1.0);
  g_assert_cmpfloat (extra.precision, ==, 0.5);
  g_assert_cmpfloat (latin.recall, ==, 1.0);
  /* A lost space between Latin words counts. */
  g_assert_cmpfloat (glued.recall, <, 1.0);
}

/* Checking a parsed report against what was generated ------------------ */

static const TrField checked_fields[] = {
  TR_FIELD_SUMMARY, TR_FIELD_PURPOSE, TR_FIELD_PROCESS, TR_FIELD_OBSERVATIONS,
  TR_FIELD_RECOMMENDATIONS, TR_FIELD_APPENDIX, TR_FIELD_UNCLASSIFIED,
};

/* Without any whitespace: how a line is looked for in the result. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Everything the report holds, fields apart. */
static char *
everything (TrReport *report)
{
  GString *all = g_string_new (NULL);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));

  for (guint f = 0; f < TR_N_FIELDS; f++)
    {
      g_autofree char *text = squeeze (tr_report_get_text (report, f));

      g_string_append_printf (all, "%s\x01", text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
        g_string_append_printf (all, "%s\x01", tr_traveller_get (traveller, f));
    }
  for (const char * const *k = tr_report_get_keywords (report); *k != NULL; k++)
    g_string_append_printf (all, "%s\x01", *k);
  return g_string_free (all, FALSE);
}

/* Never drop text: every line but furniture and structure is somewhere. */
static void
assert_nothing_lost (GenDoc   *doc,
                     TrReport *report)
{
  g_autofree char *all = everything (report);

  for (guint i = 0; i < doc->content_lines->len; i++)
    {
      g_autofree char *line = squeeze (g_ptr_array_index (doc->content_lines, i));

      if (strstr (all, line) == NULL)
        g_error ("Line lost: “%s”\nDocument:\n%s", (char *) g_ptr_array_index (doc->content_lines, i), doc->text);
    }
}

static void
dump_report (TrReport *report)
{
  for (guint f = 0; f < TR_N_FIELDS; f++)
    g_printerr ("--- %s:\n%s\n", tr_field_get_key (f), tr_report_get_text (report, f));
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    g_printerr ("warning: %s\n", *w);
}

static void
assert_form (GenDoc   *doc,
             TrReport *report)
{
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  const TrField form_fields[] = {
    TR_FIELD_TITLE, TR_FIELD_AGENCY, TR_FIELD_CONTACT, TR_FIELD_PHONE, TR_FIELD_CATEGORY,
    TR_FIELD_CATEGORY_OTHER, TR_FIELD_PERIOD_START, TR_FIELD_PERIOD_END, TR_FIELD_DESTINATION,
    TR_FIELD_REPORT_DATE, TR_FIELD_CLASSIFICATION,
  };
  guint n_travellers = doc->style->form ? doc->travellers->len : 1;

  for (guint i = 0; i < G_N_ELEMENTS (form_fields); i++)
    {
      TrField field = form_fields[i];
      const char *expected = doc->fields[field] != NULL ? doc->fields[field] : "";

      /* Without the form, the cover says less. */
      if (!doc->style->form && field == TR_FIELD_TITLE && !doc->style->cover)
        expected = "";
      if (!doc->style->form && (field == TR_FIELD_AGENCY ||
                                field == TR_FIELD_CONTACT || field == TR_FIELD_PHONE ||
                                field == TR_FIELD_CATEGORY_OTHER || field == TR_FIELD_CLASSIFICATION))
        expected = "";
      if (g_strcmp0 (tr_report_get_text (report, field), expected) != 0)
        {
          dump_report (report);
          g_error ("%s: “%s” instead of “%s”\n%s", tr_field_get_key (field),
                   tr_report_get_text (report, field), expected, doc->text);
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, n_travellers);
  for (guint i = 0; i < n_travellers; i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);
      char **t = g_ptr_array_index (doc->travellers, i);

      g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_NAME), ==, t[0]);
      g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_AGENCY), ==, t[1]);
      g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_TITLE), ==, t[3]);
      if (doc->style->form)
        {
          g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_UNIT), ==, t[2]);
          g_assert_cmpstr (tr_traveller_get (traveller, TR_TRAVELLER_PHONE), ==, t[4]);
        }
    }

  if (doc->style->form)
    {
      g_ptr_array_add (doc->keywords, NULL);
      g_assert_true (g_strv_equal (tr_report_get_keywords (report), (const char * const *) doc->keywords->pdata));
      g_ptr_array_remove_index (doc->keywords, doc->keywords->len - 1);
      g_assert_cmpint (tr_report_get_has_attachments (report), ==, doc->has_attachments);
      g_assert_cmpuint (tr_report_get_pages (report), ==, doc->pages);
    }
}

typedef struct {
  guint    n_documents;
  guint    n_exact;
  double   min_recall[TR_N_FIELDS];
  double   min_precision[TR_N_FIELDS];
  double   sum_recall[TR_N_FIELDS];
} StyleResult;

static void
check_document (GenDoc      *doc,
                TrReport    *report,
                StyleResult *result)
{
  gboolean exact = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      TrField field = checked_fields[i];
      const char *expected = doc->expected[field]->str;
      const char *actual = tr_report_get_text (report, field);
      Accuracy accuracy = section_accuracy (expected, actual);
      g_autofree char *e = normalised_string (expected);
      g_autofree char *a = normalised_string (actual);

      result->min_recall[field] = MIN (result->min_recall[field], accuracy.recall);
      result->min_precision[field] = MIN (result->min_precision[field], accuracy.precision);
      result->sum_recall[field] += accuracy.recall;
      if (!g_str_equal (e, a))
        {
          exact = FALSE;
          g_test_message ("%s differs:\n  expected %s\n  found    %s", tr_field_get_key (field), e, a);
        }
      if (accuracy.recall < 0.98 || accuracy.precision < 0.98)
        {
          dump_report (report);
          g_error ("%s: recall %.3f, precision %.3f\nexpected: %s\nfound:    %s\ndocument:\n%s",
                   tr_field_get_key (field), accuracy.recall, accuracy.precision, e, a, doc->text);
        }
    }
  result->n_documents++;
  result->n_exact += exact;

  assert_nothing_lost (doc, report);
  if (doc->style->form || doc->style->cover)
    assert_form (doc, report);
  g_assert_false (has_warning_containing (report, "No standard report structure"));
  g_assert_cmpint (has_warning_containing (report, "no sub-headings"), ==, doc->style->combined == COMBINED_UNSPLIT);
  g_assert_true (has_warning_containing (report, "left out") ==
                 ((doc->style->header && doc->n_pages > 1) || doc->style->footer != FOOTER_NONE));
  g_assert_cmpint (tr_report_get_kind (report), ==, TR_REPORT_KIND_IMPORTED);
}

#define DOCUMENTS_PER_STYLE 25

static void
test_style (gconstpointer data)
{
  const Style *style = data;
  StyleResult result = { 0 };
  g_autoptr(GString) summary = g_string_new (NULL);

  for (guint f = 0; f < TR_N_FIELDS; f++)
    result.min_recall[f] = result.min_precision[f] = 1.0;

  for (guint seed = 1; seed <= DOCUMENTS_PER_STYLE; seed++)
    {
      g_autoptr(GenDoc) doc = gen_doc_new (style, seed * 7919 + strlen (style->name));
      g_autoptr(TrReport) report = tr_report_parse_text (doc->text);

      check_document (doc, report, &result);
    }

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    {
      TrField field = checked_fields[i];

      g_string_append_printf (summary, " %s %.1f%% (min %.1f%%)", tr_field_get_key (field),
                              100 * result.sum_recall[field] / result.n_documents,
                              100 * result.min_recall[field]);
    }
  g_test_message ("style %s: %u documents, %u exact;%s", style->name, result.n_documents,
                  result.n_exact, summary->str);
  /* Generated text is clean: every document comes back exactly. */
  g_assert_cmpuint (result.n_exact, ==, result.n_documents);
}

/* Every generated document, every style: nothing but furniture is lost. */
static void
test_never_drop_text (void)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    for (guint seed = 100; seed < 110; seed++)
      {
        g_autoptr(GenDoc) doc = gen_doc_new (&styles[i], seed);
        g_autoptr(TrReport) report = tr_report_parse_text (doc->text);
        g_autofree char *all = everything (report);
        g_autofree char *input = squeeze (doc->text);
        gsize found = 0, total = 0;

        assert_nothing_lost (doc, report);

        /* And as a count of characters: what is missing from the output is
         * no more than the furniture and the structure's own words. */
        for (guint l = 0; l < doc->content_lines->len; l++)
          {
            g_autofree char *line = squeeze (g_ptr_array_index (doc->content_lines, l));

            total += strlen (line);
            found += strstr (all, line) != NULL ? strlen (line) : 0;
          }
        g_assert_cmpuint (found, ==, total);
        g_assert_cmpuint (total, <=, strlen (input));
        n++;
      }
  g_test_message ("%u documents, no text lost", n);
}

void
add_style_tests (void)
{
  g_test_add_func ("/parser/accuracy-metric", test_accuracy_metric);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/parser/style/%s", styles[i].name);

      g_test_add_data_func (path, &styles[i], test_style);
    }
  g_test_add_func ("/parser/never-drop-text", test_never_drop_text);
}
